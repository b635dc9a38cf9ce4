package robot

import (
	"math"
	"os"
	"path/filepath"
	"strings"
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

// TestReadyPoseAvoidsStretchedArms: the iiwa's mid-range pose is stretched
// straight up (singular for translation), so it starts bent; the PSM's and the exoskeletons' mid-range poses stand.
func TestReadyPoseAvoidsStretchedArms(t *testing.T) {
	root := refdata.Require(t)
	for _, tc := range []struct {
		path  string
		moved bool
	}{
		{filepath.Join(root, "iiwa", "iiwa.urdf"), true},
		{filepath.Join("..", "robots", "psm.json"), false},
		{filepath.Join("..", "robots", "upper_limb_exo.urdf"), false},
		{filepath.Join("..", "robots", "lower_limb_exo.urdf"), false},
	} {
		c, err := LoadModel(tc.path, "", "")
		if err != nil {
			t.Fatal(err)
		}
		q := ReadyPose(c)
		lo, hi := c.Limits()
		mid := false
		for i := range q {
			if q[i] < lo[i] || q[i] > hi[i] {
				t.Errorf("%s: joint %d at %g outside [%g, %g]", tc.path, i, q[i], lo[i], hi[i])
			}
			mid = mid || q[i] != (lo[i]+hi[i])/2
		}
		if mid != tc.moved {
			t.Errorf("%s: ready pose %v (moved from mid-range: %v, want %v)", tc.path, q, mid, tc.moved)
		}
	}
}

// TestOpenRefusesJointsWithoutRange: the shared double pendulum is a
// passive model (limits 0…0): Open refuses it naming the joint.
func TestOpenRefusesJointsWithoutRange(t *testing.T) {
	root := refdata.Require(t)
	_, err := Open(Config{ModelPath: filepath.Join(root, "double_pendulum", "double_pendulum.urdf")})
	if err == nil || !strings.Contains(err.Error(), "joint joint1: limits 0…0 rad leave it no range of motion") {
		t.Fatalf("Open: %v", err)
	}
}
