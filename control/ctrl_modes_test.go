package control

import (
	"math"
	"testing"
)

func TestTransparentMovesUnderExternalTorque(t *testing.T) {
	c := exoChain(t)
	n := c.DoF()
	build := func(r *plantRig) []NamedController {
		tr, err := NewTransparent(n, TransparentConfig{Gravity: r.dyn, Viscous: make([]float64, n)})
		if err != nil {
			t.Fatal(err)
		}
		return []NamedController{{"transparent", tr}}
	}
	// Without a push the arm floats where it is: gravity is compensated, so
	// whatever speed the hand-over left it with only decays (friction); it
	// never grows, as it would if the arm were falling.
	r := newPlantRig(t, c, exoHome, rigOptions{}, build)
	r.post()
	r.enable()
	q0 := append([]float64(nil), r.plant.Position()...)
	v0 := maxAbsDiff(r.plant.Velocity(), make([]float64, n))
	for range 1000 {
		r.steps(1)
		if v := maxAbsDiff(r.plant.Velocity(), make([]float64, n)); v > v0+0.01 {
			t.Fatalf("unloaded arm accelerates: |q̇| %v rad/s > %v at hand-over", v, v0)
		}
	}
	r.enabled()
	if d := maxAbsDiff(r.plant.Position(), q0); d > 1.1*v0+0.005 {
		t.Errorf("unloaded arm drifted %v rad in 1 s from a hand-over speed of %v rad/s", d, v0)
	}
	q0 = append(q0[:0], r.plant.Position()...)
	// A 0.5 N·m push on the elbow flexes it: only inertia and friction
	// resist.
	push := make([]float64, n)
	push[3] = 0.5
	r.plant.SetExternalTorque(push)
	r.steps(300)
	r.enabled()
	moved := r.plant.Position()[3] - q0[3]
	if moved < 0.1 {
		t.Errorf("elbow moved %v rad in 0.3 s under a 0.5 N·m push", moved)
	}
	for i := range 3 {
		if math.Abs(r.plant.Position()[i]-q0[i]) > 0.1 {
			t.Logf("joint %d coupled motion %v rad", i, r.plant.Position()[i]-q0[i])
		}
	}

	// The same arm under the same controller with the model's gravity
	// switched off in the controller only falls: the compensation is what
	// holds it.
	r2 := newPlantRig(t, c, exoHome, rigOptions{}, func(r *plantRig) []NamedController {
		tr, err := NewTransparent(n, TransparentConfig{Gravity: constGravity(0)})
		if err != nil {
			t.Fatal(err)
		}
		return []NamedController{{"zero", tr}}
	})
	r2.post()
	r2.enable()
	q1 := append([]float64(nil), r2.plant.Position()...)
	r2.steps(100)
	if d := maxAbsDiff(r2.plant.Position(), q1); d < 0.05 {
		t.Errorf("without gravity compensation the arm moved only %v rad in 0.1 s", d)
	}
	if _, err := NewTransparent(n, TransparentConfig{}); err == nil {
		t.Error("transparent without a gravity model accepted")
	}
	if _, err := NewTransparent(n, TransparentConfig{Gravity: constGravity(0), Coulomb: []float64{1}}); err == nil {
		t.Error("short friction vector accepted")
	}
}

func exoAdmittance(t testing.TB, r *plantRig, k float64) *JointAdmittance {
	t.Helper()
	n := r.chain.DoF()
	fill := func(v float64) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = v
		}
		return s
	}
	a, err := NewJointAdmittance(JointAdmittanceConfig{Mass: fill(0.3), Damping: fill(6), Stiffness: fill(k),
		Kp: fill(1000), Kd: fill(20), Gravity: r.dyn, Deadband: fill(0.05)})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestJointAdmittanceSteadyStateDisplacement(t *testing.T) {
	c := exoChain(t)
	n := c.DoF()
	const K, kp = 20.0, 1000.0
	var adm *JointAdmittance
	r := newPlantRig(t, c, exoHome, rigOptions{}, func(r *plantRig) []NamedController {
		adm = exoAdmittance(t, r, K)
		return []NamedController{{"admittance", adm}}
	})
	r.post()
	r.enable()
	r.steps(500)
	r.enabled()
	q0 := append([]float64(nil), r.plant.Position()...)
	if d := maxAbsDiff(q0, exoHome); d > 0.02 {
		t.Fatalf("with no interaction the arm left its rest pose by %v rad", d)
	}
	// The patient pushes the elbow with 3 N·m and the shoulder flexion with
	// −2 N·m. The virtual spring yields τ/K; the drives' inner spring adds
	// τ/kp in series.
	push := make([]float64, n)
	push[0], push[3] = -2, 3
	r.plant.SetExternalTorque(push)
	r.steps(4000)
	r.enabled()
	for i, tau := range push {
		if tau == 0 {
			continue
		}
		want := tau/K + tau/kp
		got := r.plant.Position()[i] - q0[i]
		ref := adm.Reference()[i] - q0[i]
		// The dead band (0.05 N·m) and the friction carried by the residual
		// shift the balance by at most (0.05 + 0.02)/K.
		if math.Abs(got-want) > 0.07/K+0.003 {
			t.Errorf("joint %d: displacement %v rad, want τ/K + τ/kp = %v", i, got, want)
		}
		if math.Abs(ref-tau/K) > 0.07/K+0.003 {
			t.Errorf("joint %d: reference displacement %v rad, want τ/K = %v", i, ref, tau/K)
		}
		if est := adm.Interaction()[i]; math.Abs(est-tau) > 0.15 {
			t.Errorf("joint %d: interaction estimate %v N·m, want %v (less the dead band)", i, est, tau)
		}
	}
	// Releasing the push returns the arm to rest (the virtual spring).
	r.plant.SetExternalTorque(make([]float64, n))
	r.steps(4000)
	if d := maxAbsDiff(r.plant.Position(), q0); d > 0.01 {
		t.Errorf("after release the arm is %v rad from rest", d)
	}
	if err := adm.SetGains(&Gains{Kp: make([]float64, n), Kd: make([]float64, n)}); err == nil {
		t.Error("zero virtual damping accepted")
	}
}
