package robot

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
)

// TestLoadModel checks the one model-loading rule every front end uses.
func TestLoadModel(t *testing.T) {
	root := refdata.Require(t)
	panda := filepath.Join(root, "panda", "panda.urdf")
	// A copy without the reference folder beside it: the chain ends at the
	// last link common to the fingers' branches.
	bare := filepath.Join(t.TempDir(), "panda.urdf")
	data, err := os.ReadFile(panda)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bare, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, base, tip string
		dof                   int
		wantTip               string
	}{
		{"branching URDF, tip from reference/chain.txt", panda, "", "", 7, "panda_link8"},
		{"branching URDF, last common link", bare, "", "", 7, "panda_hand"},
		{"explicit tip", panda, "", "panda_link4", 4, "panda_link4"},
		{"single-leaf URDF", filepath.Join(root, "ur5", "ur5.urdf"), "", "", 6, ""},
		{"modified-DH table", filepath.Join("..", "robots", "psm.json"), "", "", 6, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := LoadModel(tc.path, tc.base, tc.tip)
			if err != nil {
				t.Fatal(err)
			}
			if c.DoF() != tc.dof || (tc.wantTip != "" && c.TipName != tc.wantTip) {
				t.Fatalf("chain %s → %s with %d joints; want %s with %d", c.Base, c.TipName, c.DoF(), tc.wantTip, tc.dof)
			}
		})
	}
	if _, err := LoadModel(panda, "", "no_such_link"); err == nil {
		t.Error("an unknown tip link was accepted")
	}
	if _, err := LoadModel(filepath.Join(t.TempDir(), "missing.urdf"), "", ""); err == nil {
		t.Error("a missing file was accepted")
	}
}

// TestReachBoxContainsStretchedPoses: the workspace box holds the tool at
// poses between the sampling grid's levels — the iiwa and UR5 stretched
// straight (every joint at zero), where a 4-level grid over ±170° never
// samples — or such a robot could not be enabled where it stands.
func TestReachBoxContainsStretchedPoses(t *testing.T) {
	root := refdata.Require(t)
	for _, m := range []string{"iiwa/iiwa.urdf", "ur5/ur5.urdf", "panda/panda.urdf"} {
		c, err := LoadModel(filepath.Join(root, m), "", "")
		if err != nil {
			t.Fatal(err)
		}
		box := ReachBox(c, 0)
		w := kinematics.NewWorkspace(c)
		var f kinematics.Frame
		lo, hi := c.Limits()
		q := make([]float64, c.DoF())
		for i := range q {
			q[i] = math.Max(lo[i], math.Min(hi[i], 0))
		}
		w.FK(&f, q)
		for a := range 3 {
			if f.P[a] < box.Min[a] || f.P[a] > box.Max[a] {
				t.Errorf("%s: tool %v at the zero pose outside the box %v", m, f.P, box)
			}
		}
	}
}
