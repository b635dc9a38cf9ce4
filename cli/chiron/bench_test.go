package chiron

import (
	"fmt"
	"os"
	"path/filepath"
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

// TestBenchLoopHistogram: --histogram writes every wake-up of the run, one
// bucket per line in increasing order, and the largest edge covers the
// reported maximum.
func TestBenchLoopHistogram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wake.txt")
	code, out, errs := runCLI(t, "", "bench", "loop", "--rate", "1000", "--duration", "40ms", "--joints", "2", "--histogram", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if !strings.HasPrefix(lines[0], "# ") {
		t.Fatalf("no header: %q", lines[0])
	}
	total, prev := uint64(0), -1.0
	for _, l := range lines[1:] {
		var edge float64
		var n uint64
		if _, err := fmt.Sscanf(l, "%g %d", &edge, &n); err != nil || n == 0 || edge <= prev {
			t.Fatalf("line %q (previous edge %g): %v", l, prev, err)
		}
		total, prev = total+n, edge
	}
	if total != 40 {
		t.Fatalf("%d wake-ups in the histogram, want 40", total)
	}
	var max float64
	for _, f := range strings.Fields(out) {
		if v, ok := strings.CutPrefix(f, "wake_max_us="); ok {
			max, _ = strconv.ParseFloat(v, 64)
		}
	}
	if prev+0.001 < max {
		t.Fatalf("top bucket edge %g µs below the reported maximum %g µs", prev, max)
	}
	code, _, errs = runCLI(t, "", "bench", "loop", "--duration", "5ms", "--histogram", filepath.Join(t.TempDir(), "missing", "x"))
	if code == 0 || !strings.Contains(errs, "histogram") {
		t.Fatalf("unwritable histogram: exit %d, %q", code, errs)
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
