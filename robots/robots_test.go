package robots

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
)

// TestShippedExoURDFIsGenerated keeps upper_limb_exo.urdf identical to the
// generator's output for the default patient; regenerate with
// `go test ./robots -run Shipped -update`.
func TestShippedExoURDFIsGenerated(t *testing.T) {
	want, err := UpperLimbExoURDF(DefaultExoSpec)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(Dir(), "upper_limb_exo.urdf")
	if os.Getenv("CHIRON_UPDATE") == "1" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatal("upper_limb_exo.urdf differs from UpperLimbExoURDF(DefaultExoSpec); run CHIRON_UPDATE=1 go test ./robots -run Shipped")
	}
	if _, err := kinematics.LoadChain(path, "", ""); err != nil {
		t.Fatal(err)
	}
}

func TestExoAnatomicalDirections(t *testing.T) {
	H := 1.75
	lu, lf := 0.186*H, 0.146*H
	d90 := math.Pi / 2
	cases := []struct {
		side string
		q    [4]float64
		want [3]float64 // wrist position
	}{
		{"right", [4]float64{}, [3]float64{0, 0, -(lu + lf)}},
		{"right", [4]float64{d90, 0, 0, 0}, [3]float64{lu + lf, 0, 0}},    // flexion: arm forward
		{"right", [4]float64{0, d90, 0, 0}, [3]float64{0, -(lu + lf), 0}}, // abduction: right arm out to the right
		{"left", [4]float64{0, d90, 0, 0}, [3]float64{0, lu + lf, 0}},     // left arm out to the left
		{"right", [4]float64{0, 0, 0, d90}, [3]float64{lf, 0, -lu}},       // elbow flexion: forearm forward
		{"right", [4]float64{0, 0, d90, d90}, [3]float64{0, lf, -lu}},     // internal rotation: forearm medial
		{"left", [4]float64{0, 0, d90, d90}, [3]float64{0, -lf, -lu}},
	}
	for _, tc := range cases {
		s := DefaultExoSpec
		s.Side = tc.side
		c, err := UpperLimbExo(s)
		if err != nil {
			t.Fatal(err)
		}
		w := kinematics.NewWorkspace(c)
		var f kinematics.Frame
		w.FK(&f, tc.q[:])
		for k := 0; k < 3; k++ {
			if math.Abs(f.P[k]-tc.want[k]) > 1e-9 {
				t.Errorf("%s q=%v: wrist %v, want %v", tc.side, tc.q, f.P, tc.want)
				break
			}
		}
	}
}

func TestExoScalesWithPatient(t *testing.T) {
	total := func(s ExoSpec) float64 {
		c, err := UpperLimbExo(s)
		if err != nil {
			t.Fatal(err)
		}
		m := 0.0
		for _, j := range c.Joints {
			m += j.Body.Mass
		}
		return m
	}
	dev := DefaultExoSpec
	dev.WithLimb = false
	base := total(dev)
	if math.Abs(base-(0.2+0.2+1.6+1.0)) > 1e-9 {
		t.Fatalf("device mass %g", base)
	}
	worn := total(DefaultExoSpec)
	if want := base + (0.028+0.016+0.006)*75; math.Abs(worn-want) > 1e-4 {
		t.Fatalf("worn mass %g, want %g", worn, want)
	}
	heavy := DefaultExoSpec
	heavy.Mass = 100
	if total(heavy) <= worn {
		t.Fatal("a heavier patient did not add mass")
	}
	for _, bad := range []ExoSpec{{Height: 1, Mass: 70, Side: "right"}, {Height: 1.7, Mass: 10, Side: "right"}, {Height: 1.7, Mass: 70, Side: "up"}} {
		if _, err := UpperLimbExo(bad); err == nil {
			t.Errorf("spec %+v accepted", bad)
		}
	}
}

// TestPSMMatchesSharedTable checks that chiron's PSM file has the dVRK
// kinematics: its FK must equal the shared KDL reference.
func TestPSMMatchesSharedTable(t *testing.T) {
	c, err := kinematics.LoadChain(filepath.Join(Dir(), "psm.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if c.MinInsertion != 0.045 || c.InsertionJoint != 2 {
		t.Fatalf("RCM: min insertion %g joint %d", c.MinInsertion, c.InsertionJoint)
	}
	for _, j := range c.Joints {
		if j.Body.Mass <= 0 {
			t.Errorf("joint %s has no mass", j.Name)
		}
	}
	r := refdata.Load(t, "psm")
	qs, want := r.Rows(t, "q.txt"), r.Rows(t, "fk.txt")
	w := kinematics.NewWorkspace(c)
	var f kinematics.Frame
	for i, q := range qs {
		w.FK(&f, q)
		got := append(f.P[:], f.R[:]...)
		for k := range got {
			if math.Abs(got[k]-want[i][k]) > 1e-9 {
				t.Fatalf("row %d value %d: %g want %g", i, k, got[k], want[i][k])
			}
		}
	}
}
