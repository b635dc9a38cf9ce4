package plant

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robots"
)

func exoChain(t testing.TB) *kinematics.Chain {
	c, err := robots.UpperLimbExo(robots.DefaultExoSpec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func frictionless(n int) []Joint {
	js := make([]Joint, n)
	for i := range js {
		js[i] = Joint{Armature: 0.001}
	}
	return js
}

// energy returns kinetic + potential energy, with the potential from the
// work of gravity torques integrated along the trajectory by the caller.
func kinetic(p *Plant) float64 {
	p.dyn.MassMatrix(p.m, p.q)
	e := 0.0
	for i := range p.qd {
		for k := range p.qd {
			e += 0.5 * p.qd[i] * p.m.At(i, k) * p.qd[k]
		}
		e += 0.5 * p.joints[i].Armature * p.qd[i] * p.qd[i]
	}
	return e
}

func TestFreeMotionConservesEnergyWithoutGravity(t *testing.T) {
	c := exoChain(t)
	zero := [3]float64{}
	p, err := New(c, Config{Joints: frictionless(c.DoF()), Gravity: &zero, Substep: 100 * time.Microsecond})
	if err != nil {
		t.Fatal(err)
	}
	p.SetState([]float64{0.3, 0.4, 0.1, 1.0}, []float64{0.5, -0.3, 0.8, 0.2})
	e0 := kinetic(p)
	p.Step(200*time.Millisecond, nil)
	if e := kinetic(p); math.Abs(e-e0)/e0 > 1e-2 {
		t.Fatalf("kinetic energy %g → %g (%.2g %%)", e0, e, 100*(e-e0)/e0)
	}
}

func TestGravityCompensationHoldsStill(t *testing.T) {
	c := exoChain(t)
	p, err := New(c, Config{})
	if err != nil {
		t.Fatal(err)
	}
	q0 := []float64{0.8, 0.5, 0.2, 1.2}
	p.SetState(q0, nil)
	g := kinematics.NewDynamics(c)
	p.Step(time.Second, func(tau, q, qd []float64) { g.Gravity(tau, q) })
	for i := range q0 {
		if d := math.Abs(p.Position()[i] - q0[i]); d > 1e-3 {
			t.Fatalf("joint %d drifted %g rad under gravity compensation", i, d)
		}
	}
	p.Step(time.Second, nil)
	if math.Abs(p.Position()[0]-q0[0]) < 0.1 {
		t.Fatal("arm did not fall without compensation")
	}
}

func TestTorqueSaturationAndEndStops(t *testing.T) {
	c := exoChain(t)
	p, err := New(c, Config{})
	if err != nil {
		t.Fatal(err)
	}
	p.Step(2*time.Second, func(tau, q, qd []float64) {
		for i := range tau {
			tau[i] = 1e6
		}
	})
	for i := range c.Joints {
		if got, lim := p.MotorTorque()[i], c.Joints[i].Effort; got != lim {
			t.Errorf("joint %d torque %g, want saturated at %g", i, got, lim)
		}
		// Full torque into a 2000 N·m/rad stop penetrates at most lim/k (+ gravity).
		if over := p.Position()[i] - c.Joints[i].Upper; over > 0.05 {
			t.Errorf("joint %d %g rad past its upper stop", i, over)
		}
	}
}

func TestSpasticityResistsFastMotionOnly(t *testing.T) {
	c := exoChain(t)
	n := c.DoF()
	zero := [3]float64{}
	limb := &Limb{SpasticGain: make([]float64, n), SpasticThreshold: make([]float64, n)}
	limb.SpasticGain[3], limb.SpasticThreshold[3] = 5, 0.5
	final := func(v float64) float64 {
		p, err := New(c, Config{Joints: frictionless(n), Gravity: &zero, Limb: limb})
		if err != nil {
			t.Fatal(err)
		}
		p.SetState([]float64{0, 0, 0, 1}, []float64{0, 0, 0, v})
		p.Step(10*time.Millisecond, nil)
		return p.Velocity()[3]
	}
	if v := final(0.3); math.Abs(v-0.3) > 1e-3 {
		t.Fatalf("slow motion (below threshold) slowed to %g", v)
	}
	if v := final(2); v > 1.9 {
		t.Fatalf("fast motion kept %g rad/s against spastic resistance", v)
	}
}

func TestBusFollowsPositionStep(t *testing.T) {
	// The shared double pendulum's limits are [0, 0]; the exoskeleton moves.
	c := exoChain(t)
	p, err := New(c, Config{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBus(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	g := kinematics.NewDynamics(c)
	states := make([]drivers.JointState, 4)
	cmds := make([]drivers.JointCommand, 4)
	target := []float64{0.5, 0.3, -0.2, 1.0}
	tau := make([]float64, 4)
	q := make([]float64, 4)
	for k := 0; k <= 2000; k++ {
		now := time.Duration(k) * time.Millisecond
		if err := b.Read(now, states); err != nil {
			t.Fatal(err)
		}
		for i := range q {
			q[i] = states[i].Position
		}
		g.Gravity(tau, q)
		for i := range cmds {
			cmds[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: target[i], Kp: 50, Kd: 5, Effort: tau[i]}
		}
		if err := b.Write(now, cmds); err != nil {
			t.Fatal(err)
		}
	}
	for i := range target {
		if d := math.Abs(states[i].Position - target[i]); d > 2e-3 {
			t.Errorf("joint %d at %g, target %g", i, states[i].Position, target[i])
		}
		if states[i].Status != drivers.StatusEnabled || states[i].Stamp != 2*time.Second {
			t.Errorf("joint %d status %v stamp %v", i, states[i].Status, states[i].Stamp)
		}
	}
}

func TestDeterministicAndAllocationFree(t *testing.T) {
	c := exoChain(t)
	run := func() []float64 {
		p, _ := New(c, Config{Limb: &Limb{Stiffness: []float64{1, 1, 1, 1}, Rest: make([]float64, 4)}})
		b, _ := NewBus(p, nil)
		st := make([]drivers.JointState, 4)
		cmd := []drivers.JointCommand{{Mode: drivers.ModePosition, Position: 1}, {Mode: drivers.ModeVelocity, Velocity: 0.2}, {Mode: drivers.ModeEffort, Effort: 1}, {}}
		for k := 0; k < 500; k++ {
			b.Write(0, cmd)
			b.Read(time.Duration(k)*time.Millisecond, st)
		}
		return append([]float64(nil), p.Position()...)
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("runs differ at joint %d: %v vs %v", i, a, b)
		}
	}
	p, _ := New(c, Config{})
	bus, _ := NewBus(p, nil)
	st := make([]drivers.JointState, 4)
	cmd := make([]drivers.JointCommand, 4)
	k := 0
	if allocs := testing.AllocsPerRun(200, func() {
		k++
		bus.Write(0, cmd)
		bus.Read(time.Duration(k)*time.Millisecond, st)
	}); allocs != 0 {
		t.Fatalf("%v allocations per cycle", allocs)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	c := exoChain(t)
	for name, cfg := range map[string]Config{
		"count":    {Joints: make([]Joint, 2)},
		"negative": {Joints: []Joint{{Viscous: -1}, {}, {}, {}}},
		"limb":     {Limb: &Limb{Stiffness: []float64{1}}},
	} {
		if _, err := New(c, cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func BenchmarkStep1ms(b *testing.B) {
	c := exoChain(b)
	p, _ := New(c, Config{})
	act := func(tau, q, qd []float64) {}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p.Step(time.Millisecond, act)
	}
}

// TestBrakeHoldsJointWhileOthersMove: with no motor torque the exoskeleton
// falls under gravity; a braked shoulder joint stays exactly where it was
// (velocity zeroed on engagement), the unbraked elbow still swings, and
// releasing the brake lets the shoulder fall again.
func TestBrakeHoldsJointWhileOthersMove(t *testing.T) {
	c := exoChain(t)
	p, err := New(c, Config{})
	if err != nil {
		t.Fatal(err)
	}
	q0 := []float64{0.6, 0.2, 0, 0.8}
	p.SetState(q0, []float64{0.3, 0, 0, 0})
	p.SetBraked(0, true)
	if !p.Braked(0) || p.Velocity()[0] != 0 {
		t.Fatalf("engaging the brake left joint 0 at %g rad/s", p.Velocity()[0])
	}
	p.Step(300*time.Millisecond, nil)
	if q := p.Position()[0]; q != q0[0] || p.Velocity()[0] != 0 {
		t.Fatalf("braked joint moved: q %g (was %g), qd %g", q, q0[0], p.Velocity()[0])
	}
	if d := math.Abs(p.Position()[3] - q0[3]); d < 0.01 {
		t.Fatalf("unbraked elbow moved only %g rad under gravity in 0.3 s", d)
	}
	p.SetBraked(0, false)
	p.Step(200*time.Millisecond, nil)
	if d := math.Abs(p.Position()[0] - q0[0]); d < 0.01 {
		t.Fatalf("released shoulder moved only %g rad under gravity in 0.2 s", d)
	}
}
