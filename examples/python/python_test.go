// Package python_test runs the Python controller example (pd_controller.py)
// through chiron's external controller kind.
package python_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/hil"

	_ "github.com/chiron-robotics/chiron/control/registry/external" // registers "external"
)

// pythonWithNumPy puts a python3 that imports NumPy first on PATH (the one
// PATH finds first may not have it: a pyenv shim, a virtualenv), or skips.
func pythonWithNumPy(t *testing.T) {
	t.Helper()
	var cands []string
	if p, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, p)
	}
	cands = append(cands, "/usr/bin/python3", "/usr/local/bin/python3")
	for _, py := range cands {
		if exec.Command(py, "-c", "import numpy").Run() != nil {
			continue
		}
		dir := t.TempDir()
		if err := os.Symlink(py, filepath.Join(dir, "python3")); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
		return
	}
	if os.Getenv("CHIRON_TEST_PYTHON") != "" { // CI installs it: there, its absence is a failure
		t.Fatalf("no python3 with NumPy (tried %s), and CHIRON_TEST_PYTHON is set", strings.Join(cands, ", "))
	}
	t.Skipf("no python3 with NumPy (tried %s): install python3-numpy", strings.Join(cands, ", "))
}

const scenario = "psm_python.yaml"

// TestPythonControllerLockstep: the shipped scenario runs the Python
// controller in lockstep, passes, gives byte-identical recordings for the
// same seed (recording_sha256), runs at ≥ 5× real time on the PSM in
// process, and a 10-seed sweep passes.
func TestPythonControllerLockstep(t *testing.T) {
	pythonWithNumPy(t)
	s, err := hil.LoadScenario(scenario)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var reps []*hil.Report
	for range 2 {
		rep, err := hil.RunScenario(context.Background(), s, hil.RunOptions{OutDir: t.TempDir(), Start: start})
		if err != nil {
			t.Fatal(err)
		}
		t.Log(rep.Summary())
		if !rep.Passed || rep.Controller != "external" {
			t.Fatalf("controller %s, passed %v: %+v", rep.Controller, rep.Passed, rep.Expectations)
		}
		reps = append(reps, rep)
	}
	if reps[0].RecordingSHA256 == "" || reps[0].RecordingSHA256 != reps[1].RecordingSHA256 {
		t.Errorf("recording_sha256 differs across runs of one seed: %s vs %s", reps[0].RecordingSHA256, reps[1].RecordingSHA256)
	}
	// The acceptance figure; the better of the two runs, as a load spike
	// from other work on the machine slows one run, not the controller.
	// Inside the main module's suite (TestExamplesModule sets
	// CHIRON_SHARED_MACHINE), every other package's tests run beside this
	// one on the same cores: the figure is logged there, checked here.
	best := max(reps[0].RealTimeFactor, reps[1].RealTimeFactor)
	t.Logf("%.1f× real time at best", best)
	if best < 5 && os.Getenv("CHIRON_SHARED_MACHINE") == "" {
		t.Errorf("%.1f× real time at best, want ≥ 5×", best)
	}

	failed := 0
	err = hil.Sweep(context.Background(), hil.SweepConfig{File: scenario, SeedFrom: 1, SeedTo: 10, Shards: 1, Jobs: 2},
		func(r hil.SweepRow) error {
			if r.Err != nil || !r.Report.Passed {
				failed++
				t.Errorf("seed %d: %v %+v", r.Seed, r.Err, r.Report)
			}
			return nil
		})
	if err != nil || failed > 0 {
		t.Errorf("sweep: %v, %d of 10 failed", err, failed)
	}
}

// TestPythonControllerDiesIntoAStop: a controller program that exits
// mid-run ends the run in a protective stop for an invalid command (the
// supervisor's answer to the NaN the external controller sends once its
// program is gone), on time, not in a hang.
func TestPythonControllerDiesIntoAStop(t *testing.T) {
	pythonWithNumPy(t)
	data, err := os.ReadFile(scenario)
	if err != nil {
		t.Fatal(err)
	}
	dying := strings.Replace(string(data), "config: {stiffness_scale: 1, ki: 2}", "config: {stiffness_scale: 1, ki: 2, die_at_s: 1.5}", 1)
	if dying == string(data) {
		t.Fatal("scenario's config line not found")
	}
	s, err := hil.ParseScenario([]byte(dying), scenario)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := hil.RunScenario(context.Background(), s, hil.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.FinalState != "protective_stop" {
		t.Errorf("final state %s, want protective_stop", rep.FinalState)
	}
	found := false
	for _, e := range rep.SafetyEvents {
		if e.State == "protective_stop" && strings.Contains(e.Text, "invalid command") && e.Time >= 1.5 && e.Time < 1.51 {
			found = true
		}
	}
	if !found {
		t.Errorf("no protective stop for an invalid command at 1.5 s: %+v", rep.SafetyEvents)
	}
}
