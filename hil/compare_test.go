package hil

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareControllers compares joint-pd and cartesian-impedance on a
// shipped teleoperation scenario over the same seeds: every run runs, the
// summary has each metric with a confidence interval containing its mean,
// the paired differences are the per-seed differences' statistics, and the
// outputs (table, runs, plot, each controller's recording at the first
// seed) are written.
func TestCompareControllers(t *testing.T) {
	dir := t.TempDir()
	cmp, err := Compare(context.Background(), CompareConfig{File: filepath.Join("scenarios", "teleop_operator_loss.yaml"),
		Controllers: []string{"joint-pd", "cartesian-impedance"}, SeedFrom: 1, SeedTo: 4, Jobs: 2, OutDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Controllers) != 2 || len(cmp.Diffs) != 1 || len(cmp.Runs) != 8 {
		t.Fatalf("%d summaries, %d diffs, %d runs", len(cmp.Controllers), len(cmp.Diffs), len(cmp.Runs))
	}
	for _, s := range cmp.Controllers {
		if s.Runs != 4 || s.Errors != 0 {
			t.Errorf("%s: %d runs, %d errors", s.Controller, s.Runs, s.Errors)
		}
		for _, m := range compareMetrics {
			st := s.Metrics[m.Name]
			if m.Name == "stop_latency" {
				continue
			}
			if st.N != 4 || !(st.Lo <= st.Mean && st.Mean <= st.Hi) || math.IsNaN(st.Mean) {
				t.Errorf("%s %s: %+v", s.Controller, m.Name, st)
			}
		}
		if s.Metrics["energy"].Mean <= 0 || s.Metrics["effort_peak"].Mean <= 0 {
			t.Errorf("%s: no effort measured: %+v", s.Controller, s.Metrics)
		}
	}
	// The paired difference is the mean of the per-seed differences.
	want := 0.0
	for i := range 4 {
		want += cmp.Runs[4+i].Report.Metrics.EnergyJ - cmp.Runs[i].Report.Metrics.EnergyJ
	}
	if got := cmp.Diffs[0].Metrics["energy"].Mean; math.Abs(got-want/4) > 1e-12 {
		t.Errorf("paired energy difference %g, want %g", got, want/4)
	}
	for _, f := range []string{"summary.md", "summary.json", "runs.csv", "compare.svg",
		"recordings/joint-pd-seed1/recording.mcap", "recordings/cartesian-impedance-seed1/recording.mcap"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	f, err := os.Open(filepath.Join(dir, "runs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) != 9 {
		t.Fatalf("runs.csv: %d records, %v", len(recs), err)
	}
	if tb := cmp.Table(); !strings.Contains(tb, "| joint-pd | 4/4 |") || !strings.Contains(tb, "cartesian-impedance − joint-pd (paired)") {
		t.Errorf("table:\n%s", tb)
	}
}

// TestCompareWithoutAFault: a scenario without a fault has no stop
// latency; the comparison says so (n = 0, "—") and still writes its JSON.
func TestCompareWithoutAFault(t *testing.T) {
	dir := t.TempDir()
	cmp, err := Compare(context.Background(), CompareConfig{File: filepath.Join("scenarios", "psm_nominal.yaml"),
		Controllers: []string{"joint-pd", "admittance"}, SeedFrom: 1, SeedTo: 2, OutDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if st := cmp.Controllers[0].Metrics["stop_latency"]; st.N != 0 {
		t.Errorf("stop latency without a fault: %+v", st)
	}
	if _, err := os.Stat(filepath.Join(dir, "summary.json")); err != nil {
		t.Error(err)
	}
}

// TestCompareRefuses: fewer than two controllers, a repeated one, an
// unknown one and one that cannot follow the scenario's program are
// refused before anything runs, naming what is wrong.
func TestCompareRefuses(t *testing.T) {
	teleop := filepath.Join("scenarios", "teleop_operator_loss.yaml")
	joint := filepath.Join("scenarios", "psm_nominal.yaml")
	for _, tc := range []struct {
		file  string
		ctrls []string
		set   []string
		want  string
	}{
		{teleop, []string{"joint-pd"}, nil, "two or more"},
		{teleop, []string{"joint-pd", "joint-pd"}, nil, "listed twice"},
		{teleop, []string{"joint-pd", "no-such-controller"}, nil, "no-such-controller"},
		{joint, []string{"joint-pd", "cartesian-impedance"}, nil, "controller cartesian-impedance"},
		{teleop, []string{"joint-pd", "cartesian-impedance"}, []string{"duration"}, "PATH=VALUE"},
	} {
		_, err := Compare(context.Background(), CompareConfig{File: tc.file, Controllers: tc.ctrls, Set: tc.set, SeedFrom: 1, SeedTo: 1})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %v: %v, want an error saying %q", tc.ctrls, tc.set, err, tc.want)
		}
	}
}
