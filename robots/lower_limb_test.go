package robots

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chiron-robotics/chiron/kinematics"
)

// checkShipped keeps a shipped model file identical to its generator's
// output; regenerate with CHIRON_UPDATE=1 go test ./robots -run Shipped.
func checkShipped(t *testing.T, name, want string) {
	t.Helper()
	path := filepath.Join(Dir(), name)
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
		t.Fatalf("%s differs from its generator's output for the defaults; run CHIRON_UPDATE=1 go test ./robots -run Shipped", name)
	}
	if _, err := kinematics.LoadChain(path, "", ""); err != nil {
		t.Fatal(err)
	}
}

func TestShippedLowerLimbURDFIsGenerated(t *testing.T) {
	want, err := LowerLimbExoURDF(DefaultLowerLimbSpec)
	if err != nil {
		t.Fatal(err)
	}
	checkShipped(t, "lower_limb_exo.urdf", want)
}

func TestLowerLimbAnatomicalDirections(t *testing.T) {
	H := 1.75
	lt, ls := 0.245*H, 0.246*H
	d90 := math.Pi / 2
	c, err := LowerLimbExo(DefaultLowerLimbSpec)
	if err != nil {
		t.Fatal(err)
	}
	if c.DoF() != 2 || c.Joints[0].Name != "hip_flexion" || c.Joints[1].Name != "knee_flexion" {
		t.Fatalf("joints %v", c.Joints)
	}
	w := kinematics.NewWorkspace(c)
	for _, tc := range []struct {
		q    [2]float64
		want [3]float64 // ankle
	}{
		{[2]float64{}, [3]float64{0, 0, -(lt + ls)}},
		{[2]float64{d90, 0}, [3]float64{lt + ls, 0, 0}},                                                            // hip flexion: leg forward
		{[2]float64{0, d90}, [3]float64{-ls, 0, -lt}},                                                              // knee flexion: heel back
		{[2]float64{d90, d90}, [3]float64{lt, 0, -ls}},                                                             // seated posture: shank hangs down
		{[2]float64{-d90 / 4.5, 0}, [3]float64{-(lt + ls) * math.Sin(d90/4.5), 0, -(lt + ls) * math.Cos(d90/4.5)}}, // extension
	} {
		var fr kinematics.Frame
		w.FK(&fr, tc.q[:])
		for k := range 3 {
			if math.Abs(fr.P[k]-tc.want[k]) > 1e-9 {
				t.Errorf("q=%v: ankle %v, want %v", tc.q, fr.P, tc.want)
				break
			}
		}
	}
}

func TestLowerLimbScalesWithPatient(t *testing.T) {
	mass := func(s LowerLimbSpec) float64 {
		c, err := LowerLimbExo(s)
		if err != nil {
			t.Fatal(err)
		}
		return c.Joints[0].Body.Mass + c.Joints[1].Body.Mass
	}
	dev := DefaultLowerLimbSpec
	dev.WithLimb = false
	if m := mass(dev); math.Abs(m-5) > 1e-9 {
		t.Fatalf("device mass %g, want 5", m)
	}
	if got, want := mass(DefaultLowerLimbSpec), 5+(0.100+0.0465+0.0145)*75; math.Abs(got-want) > 1e-4 {
		t.Fatalf("worn mass %g, want %g", got, want)
	}
	// Gravity torque at the hip with the leg horizontal: Σ m·g·x_com. For
	// the limb alone, thigh 0.1M at 0.433·lt and shank+foot beyond the knee.
	s := DefaultLowerLimbSpec
	c, _ := LowerLimbExo(s)
	d := kinematics.NewDynamics(c)
	tau := make([]float64, 2)
	d.Gravity(tau, []float64{math.Pi / 2, 0})
	H, M := s.Height, s.Mass
	lt, ls := 0.245*H, 0.246*H
	want := 9.81 * (3*0.5*lt + 0.1*M*0.433*lt + 2*(lt+0.5*ls) + 0.0465*M*(lt+0.433*ls) + 0.0145*M*(lt+ls+0.5*0.039*H))
	if math.Abs(tau[0]-want) > 1e-3*want {
		t.Fatalf("hip gravity torque %g N·m, want %g", tau[0], want)
	}
	tall := s
	tall.Height = 1.95
	ct, _ := LowerLimbExo(tall)
	dt := kinematics.NewDynamics(ct)
	tau2 := make([]float64, 2)
	dt.Gravity(tau2, []float64{math.Pi / 2, 0})
	if tau2[0] <= tau[0] {
		t.Fatal("a taller patient did not need more hip torque")
	}
	for _, bad := range []LowerLimbSpec{{Height: 1, Mass: 70}, {Height: 1.7, Mass: 10}, {Height: 1.7, Mass: 70, ThighLinkMass: -1}} {
		if _, err := LowerLimbExo(bad); err == nil {
			t.Errorf("spec %+v accepted", bad)
		}
	}
}
