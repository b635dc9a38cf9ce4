package hil

import (
	"context"
	"path/filepath"
	"testing"
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
