package console

import (
	"bytes"
	"math"
	"path/filepath"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
)

// TestModelConsistentWithRobotDescription: what /model says of a chain
// (joint names, types, origins, axes, limits, tip) is what the teleop
// server's /robot_description (kinematics.ExportURDF of the same chain)
// says, read back with the URDF loader — for the PSM's DH table and every
// shared URDF robot.
func TestModelConsistentWithRobotDescription(t *testing.T) {
	chains := map[string]*kinematics.Chain{}
	c, err := kinematics.LoadChain(filepath.Join("..", "..", "robots", "psm.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	chains["psm.json"] = c
	if refdata.Root() == "" {
		t.Log("shared robots absent (/work/shared/robots): the PSM only")
	} else {
		for _, name := range refdata.Names {
			r := refdata.Load(t, name)
			if chains[name], err = kinematics.LoadChain(r.Model, r.Base, r.Tip); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, c := range chains {
		t.Run(name, func(t *testing.T) {
			m := NewModel(name, "", c, nil)
			text, err := kinematics.ExportURDF(c)
			if err != nil {
				t.Fatal(err)
			}
			um, err := kinematics.ParseURDF(bytes.NewReader(text), "robot_description")
			if err != nil {
				t.Fatal(err)
			}
			links := kinematics.URDFLinkNames(c)
			back, err := um.Chain(links[0], links[len(links)-1])
			if err != nil {
				t.Fatal(err)
			}
			d := NewModel(name, "", back, nil)
			if m.Base != d.Base || len(m.Joints) != len(d.Joints) {
				t.Fatalf("/model base %q, %d joints; /robot_description %q, %d", m.Base, len(m.Joints), d.Base, len(d.Joints))
			}
			near := func(a, b []float64) bool {
				for i := range a {
					if math.Abs(a[i]-b[i]) > 1e-12 {
						return false
					}
				}
				return true
			}
			for i := range m.Joints {
				a, b := m.Joints[i], d.Joints[i]
				if a.Name != b.Name || a.Type != b.Type || a.Lower != b.Lower || a.Upper != b.Upper ||
					!near(a.Origin[:], b.Origin[:]) || !near(a.Axis[:], b.Axis[:]) {
					t.Errorf("joint %d: /model %+v, /robot_description %+v", i, a, b)
				}
			}
			if !near(m.Tip[:], d.Tip[:]) {
				t.Errorf("tip: /model %v, /robot_description %v", m.Tip, d.Tip)
			}
		})
	}
}
