package dynfile

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/kinematics"
)

// TestRoundTrip: what Write prints, Read gives back exactly (17 significant
// digits), for every joint type, so the C++ side and chiron time the same
// numbers.
func TestRoundTrip(t *testing.T) {
	c := &kinematics.Chain{Tip: kinematics.Frame{R: kinematics.RPY(0.1, 0.2, 0.3), P: [3]float64{0.01, -0.02, 0.1}}}
	for i, typ := range []kinematics.JointType{kinematics.Revolute, kinematics.Continuous, kinematics.Prismatic} {
		c.Joints = append(c.Joints, kinematics.Joint{
			Type: typ, Axis: [3]float64{0.6, 0, 0.8},
			Origin: kinematics.Frame{R: kinematics.RPY(math.Pi/2, 0.1*float64(i), -1), P: [3]float64{1.0 / 3, 0.1, 2e-17}},
			Body: kinematics.Inertia{Mass: 1.1 + float64(i), COM: [3]float64{0.1, 1.0 / 7, -0.3},
				I: [9]float64{0.3, 0.01, 0.02, 0.01, 0.4, 0.03, 0.02, 0.03, 0.5}},
		})
	}
	states := []State{{Q: []float64{0.1, math.Pi, -0.2}, Qd: []float64{1, 2, 3}, Qdd: []float64{-1, 1.0 / 3, 0}, Tau: []float64{5, 6, 7e-300}}}
	g := [3]float64{0.1, 0, -9.81}
	var buf bytes.Buffer
	if err := Write(&buf, c, g, states); err != nil {
		t.Fatal(err)
	}
	c2, g2, s2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if g2 != g || c2.Tip != c.Tip || len(c2.Joints) != len(c.Joints) || len(s2) != 1 {
		t.Fatalf("read back g %v tip %v, %d joints, %d states", g2, c2.Tip, len(c2.Joints), len(s2))
	}
	for i := range c.Joints {
		a, b := c.Joints[i], c2.Joints[i]
		if a.Type != b.Type || a.Axis != b.Axis || a.Origin != b.Origin || a.Body != b.Body {
			t.Errorf("joint %d: wrote %+v, read %+v", i, a, b)
		}
	}
	for k, pair := range [][2][]float64{{states[0].Q, s2[0].Q}, {states[0].Qd, s2[0].Qd}, {states[0].Qdd, s2[0].Qdd}, {states[0].Tau, s2[0].Tau}} {
		for i := range pair[0] {
			if pair[0][i] != pair[1][i] {
				t.Errorf("state vector %d element %d: wrote %v, read %v", k, i, pair[0][i], pair[1][i])
			}
		}
	}
}

// TestReadErrorsNameTheField: malformed input is an error naming where it
// failed, never a panic.
func TestReadErrorsNameTheField(t *testing.T) {
	joint := "joint revolute 0 0 1 0 0 0 1 0 0 0 1 0 0 0 1 1 0 0 0 1 0 0 0 1 0 0 0 1\n"
	for _, tc := range []struct{ in, want string }{
		{"", "pinbench 1"},
		{"pinbench 2\n", "version"},
		{"pinbench 1\njoint hinge 0 0 1\n", `joint 1: joint type "hinge"`},
		{"pinbench 1\njoint revolute 0 0 x\n", "joint 1"},
		{"pinbench 1\njoint revolute 0 0 1 0 0\n", "joint 1"},
		{"pinbench 1\n" + joint + "gravity 0 0\n", "gravity"},
		{"pinbench 1\n" + joint + "states 1\n0 0 0\n", "state 1"},
		{"pinbench 1\n" + joint + "states -1\n", "states: count"},
		{"pinbench 1\n" + joint + "wobble\n", `unknown keyword "wobble"`},
		{"pinbench 1\ngravity 0 0 -9.81\n", "no joint"},
	} {
		_, _, _, err := Read(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Read(%q) = %v, want an error containing %q", tc.in, err, tc.want)
		}
	}
}
