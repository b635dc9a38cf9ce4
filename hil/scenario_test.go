package hil

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestShippedScenarios runs every scenario in scenarios/ in lockstep and
// requires each to pass its own expectations. Not parallel: the host
// drivers' reply timeouts are wall-clock bounds, and starving the pty
// front ends of CPU would turn them into spurious stale cycles.
func TestShippedScenarios(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("scenarios", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	for _, f := range files {
		if raceEnabled && !raceScenarios[filepath.Base(f)] {
			continue // keep -race runs short; every scenario runs without -race
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, err := LoadScenario(f)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := RunScenario(context.Background(), s, RunOptions{OutDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			t.Log(rep.Summary())
			if !rep.Passed {
				for _, e := range rep.SafetyEvents {
					t.Log(e.Text)
				}
				t.Errorf("%s failed: %+v", f, rep.Expectations)
			}
		})
	}
}

// raceScenarios run under -race: one per protocol family.
var raceScenarios = map[string]bool{"psm_nominal.yaml": true, "teleop_operator_loss.yaml": true, "can_heartbeat_loss.yaml": true}

// TestStopLatencyNeedsEnabledAtFault: a stop "within the bound" counts only
// when the fault found the robot Enabled; a robot already stopped (or never
// enabled) when the fault began has not shown its response to it.
func TestStopLatencyNeedsEnabledAtFault(t *testing.T) {
	bound := Duration(20 * time.Millisecond)
	s := &Scenario{Expect: Expect{ProtectiveStopWithin: &bound}}
	lat := 0.004
	for _, c := range []struct {
		state string
		want  bool
	}{{"enabled", true}, {"protective_stop", false}, {"enabling", false}, {"", false}} {
		rep := &Report{StopLatencyS: &lat, StateAtFault: c.state}
		s.check(rep)
		if rep.Passed != c.want || len(rep.Expectations) != 1 {
			t.Errorf("state at fault %q: passed %v, want %v (%+v)", c.state, rep.Passed, c.want, rep.Expectations)
		}
	}
}
