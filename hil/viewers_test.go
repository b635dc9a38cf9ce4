package hil

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestViewerFloodChangesNothing runs the shipped viewer flood and the same
// scenario without it: the arm's trajectory must be the same to the bit
// (nothing a viewer sent reached the loop), every viewer message refused,
// the server's cap respected, and the viewers served telemetry meanwhile.
func TestViewerFloodChangesNothing(t *testing.T) {
	s, err := LoadScenario(filepath.Join("scenarios", "viewer_flood.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunScenario(context.Background(), s, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep.Summary())
	vf := rep.ViewerFlood
	if vf == nil {
		t.Fatal("no viewer_flood in the report")
	}
	t.Logf("flood: %+v", *vf)
	if !rep.Passed {
		t.Errorf("expectations: %+v", rep.Expectations)
	}
	if vf.Attempted != 1000 || vf.Admitted+vf.Refused != vf.Attempted || vf.PeakOpen == 0 || vf.PeakOpen > vf.Admitted || vf.PeakOpen > vf.MaxConnections-4 {
		t.Errorf("admission: %d attempted, %d admitted, %d refused, %d open at most (cap %d, 4 kept for operators)",
			vf.Attempted, vf.Admitted, vf.Refused, vf.PeakOpen, vf.MaxConnections)
	}
	if vf.Commands == 0 || vf.Delivered == 0 || vf.Delivered > vf.Commands || vf.Refusals < vf.Delivered || vf.Messages < uint64(vf.Admitted) {
		t.Errorf("viewers sent %d, the server read %d and refused %d, viewers received %d messages", vf.Commands, vf.Delivered, vf.Refusals, vf.Messages)
	}

	quiet := *s
	quiet.Faults = slices.DeleteFunc(slices.Clone(s.Faults), func(f FaultSpec) bool { return f.Kind == "viewer_flood" })
	base, err := RunScenario(context.Background(), &quiet, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if base.ViewerFlood != nil {
		t.Fatal("a flood reported without one")
	}
	if base.TrajectorySHA == "" || base.TrajectorySHA != rep.TrajectorySHA {
		t.Errorf("the flood changed the arm's trajectory: %s with it, %s without", rep.TrajectorySHA, base.TrajectorySHA)
	}
}

// TestViewerFloodScenarioErrors: a flood needs the arm served through its
// teleoperation adapter, a window and a count; errors name the field.
func TestViewerFloodScenarioErrors(t *testing.T) {
	const teleopProgram = "program:\n  teleop:\n    - {t: 0s, twist: [0, 0, 0, 0, 0, 0], deadman: false}\nexpect:"
	for _, c := range []struct {
		fault  string
		teleop bool
		want   string
	}{
		{"{kind: viewer_flood, from: 100ms, to: 200ms, connections: 10}", false, "faults[0].kind: viewer_flood needs a teleop program"},
		{"{kind: viewer_flood, from: 100ms, to: 200ms, connections: 0}", true, "faults[0].connections"},
		{"{kind: viewer_flood, from: 100ms, to: 100ms, connections: 10}", true, "faults[0].to"},
		{"{kind: viewer_flood, joint: 1, from: 100ms, to: 200ms, connections: 10}", true, "faults[0].joint"},
	} {
		path, _ := mini(t, func(s string) string {
			if c.teleop {
				s = s[:strings.Index(s, "program:")] + teleopProgram + s[strings.Index(s, "expect:")+len("expect:"):]
			}
			return strings.Replace(s, "expect:", "faults:\n  - "+c.fault+"\nexpect:", 1)
		})
		_, err := LoadScenario(path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error naming %s", c.fault, err, c.want)
		}
	}
}
