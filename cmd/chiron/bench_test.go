package main

import (
	"strconv"
	"strings"
	"testing"
)

// TestBenchLoop runs the real runner for 50 cycles at 1 kHz (50 ms of wall
// time: it is a benchmark of the real clock) and checks the one-line report.
func TestBenchLoop(t *testing.T) {
	code, out, errs := runCLI(t, "", "bench", "loop", "--rate", "1000", "--duration", "50ms", "--joints", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines: %q", len(lines), out)
	}
	keys := benchKeys
	fields := strings.Fields(lines[0])
	if len(fields) != len(keys) {
		t.Fatalf("fields %q", fields)
	}
	v := map[string]float64{}
	for i, f := range fields {
		k, val, ok := strings.Cut(f, "=")
		if !ok || k != keys[i] {
			t.Fatalf("field %d = %q, want %s=…", i, f, keys[i])
		}
		x, err := strconv.ParseFloat(val, 64)
		if err != nil || x < 0 {
			t.Fatalf("%s: %q", k, val)
		}
		v[k] = x
	}
	if v["rate_hz"] != 1000 || v["cycles"] != 50 || v["gc_cycles"] != 0 {
		t.Fatalf("report %v", v)
	}
	if !(v["wake_p50_us"] <= v["wake_p99_us"] && v["wake_p99_us"] <= v["wake_p999_us"] && v["wake_p999_us"] <= v["wake_max_us"]) {
		t.Fatalf("wake percentiles not ordered: %v", v)
	}
	if v["compute_p50_us"] <= 0 || v["compute_p50_us"] > v["compute_p99_us"] {
		t.Fatalf("compute: %v", v)
	}
	// The loop allocates nothing; the process as a whole (setpoint writer,
	// runtime) may allocate a handful of times in a run.
	if v["allocs_per_cycle"] > 0.2 {
		t.Fatalf("allocs per cycle %g", v["allocs_per_cycle"])
	}
}

func TestBenchUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"bench"}, "missing benchmark"},
		{[]string{"bench", "nope"}, "unknown benchmark"},
		{[]string{"bench", "loop", "--rate", "5000"}, "outside [100, 4000] Hz"},
		{[]string{"bench", "loop", "--rate", "50"}, "outside [100, 4000] Hz"},
		{[]string{"bench", "loop", "--duration", "0s"}, "--duration"},
		{[]string{"bench", "loop", "--model", "x.urdf", "--controller", "cartesian"}, "unknown controller"},
		{[]string{"bench", "loop", "--controller", "admittance"}, "needs --model"},
		{[]string{"bench", "loop", "--spin", "2ms"}, "--spin"},
		{[]string{"bench", "loop", "extra"}, "unexpected argument"},
	} {
		code, _, errs := runCLI(t, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, code, errs, c.msg)
		}
	}
}
