package control

import (
	"math"
	"testing"

	"github.com/chiron-robotics/chiron/kinematics"
)

func TestToolFKOnPSM(t *testing.T) {
	c, err := kinematics.LoadChain("../robots/psm.json", "", "")
	if err != nil {
		t.Fatalf("loading the PSM model: %v", err)
	}
	n := c.DoF()
	fk := NewToolFK(kinematics.NewWorkspace(c))
	ref := kinematics.NewWorkspace(c)
	q := make([]float64, n)
	for i := range q {
		q[i] = 0.1 * float64(i+1)
	}
	var want kinematics.Frame
	ref.FK(&want, q)
	if got := fk.ToolPosition(q); got != want.P {
		t.Fatalf("tool %v, want %v", got, want.P)
	}
	if a := testing.AllocsPerRun(100, func() { fk.ToolPosition(q) }); a != 0 {
		t.Fatalf("ToolPosition allocates %v", a)
	}
	// The supervisor uses it for the workspace box: a box around the tool
	// passes, one beside it stops the robot.
	p := want.P
	in := Box{Min: [3]float64{p[0] - 0.01, p[1] - 0.01, p[2] - 0.01}, Max: [3]float64{p[0] + 0.01, p[1] + 0.01, p[2] + 0.01}}
	if !in.Contains(p) || math.IsNaN(p[0]) {
		t.Fatalf("box %v does not contain %v", in, p)
	}
	out := in
	out.Min[0], out.Max[0] = p[0]+0.02, p[0]+0.03
	if out.Contains(p) {
		t.Fatalf("box %v contains %v", out, p)
	}
}
