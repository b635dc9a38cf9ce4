package control

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robots"
)

// This file is the test rig for the controllers on the physical plant of
// firmware-sim (rigid-body dynamics with armature, friction, encoder
// quantisation, ideal drives at 4 kHz): a Loop on plant.Bus, driven in
// virtual time.

func pandaChain(t testing.TB) *kinematics.Chain {
	t.Helper()
	r := refdata.Load(t, "panda")
	c, err := kinematics.LoadChain(r.Model, r.Base, r.Tip)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func exoChain(t testing.TB) *kinematics.Chain {
	t.Helper()
	c, err := robots.UpperLimbExo(robots.DefaultExoSpec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// pandaHome is a non-trivial, well-conditioned Panda configuration (elbow
// bent, wrist pitched) where gravity loads every proximal joint.
var pandaHome = []float64{0.3, -0.4, 0.2, -2.0, 0.1, 1.8, 0.6}

// exoHome: shoulder flexed and abducted, elbow bent — the arm weighs on
// every joint.
var exoHome = []float64{0.6, 0.4, 0.2, 1.0}

// chainLimits derives safety limits from the model's joint limits and
// ratings.
func chainLimits(c *kinematics.Chain, bumpless float64) []JointLimits {
	lo, hi := c.Limits()
	l := make([]JointLimits, c.DoF())
	for i, j := range c.Joints {
		eff, vel := j.Effort, j.Velocity
		if eff == 0 {
			eff = 50
		}
		if vel == 0 {
			vel = 2
		}
		l[i] = JointLimits{PositionMin: lo[i], PositionMax: hi[i], PositionMargin: 0.05,
			Velocity: vel, Effort: eff, MaxKp: 5000, MaxKd: 200, BumplessStep: bumpless}
	}
	return l
}

type plantRig struct {
	t     testing.TB
	chain *kinematics.Chain
	plant *plant.Plant
	bus   *plant.Bus
	loop  *Loop
	dyn   *kinematics.Dynamics // the controllers' model, for gravity
	ws    *kinematics.Workspace
	sp    *Setpoint
	snap  *Snapshot
	now   time.Duration
	// onCycle, when set, runs before each Step (the operator side posting
	// setpoints in virtual time).
	onCycle func(now time.Duration)
}

type rigOptions struct {
	bumpless float64 // JointLimits.BumplessStep; 0 = default
	gravity  *[3]float64
}

// newPlantRig places the plant at q0 and builds a loop whose controllers
// are made by mk (the first is active at start).
func newPlantRig(t testing.TB, c *kinematics.Chain, q0 []float64, opt rigOptions,
	mk func(r *plantRig) []NamedController) *plantRig {
	t.Helper()
	p, err := plant.New(c, plant.Config{Gravity: opt.gravity})
	if err != nil {
		t.Fatal(err)
	}
	p.SetState(q0, nil)
	bus, err := plant.NewBus(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &plantRig{t: t, chain: c, plant: p, bus: bus, dyn: kinematics.NewDynamics(c),
		ws: kinematics.NewWorkspace(c), sp: NewSetpoint(c.DoF())}
	copy(r.sp.Q, q0) // joint controllers hold the start pose
	if opt.gravity != nil {
		r.dyn.G = *opt.gravity
	}
	l, err := NewLoop(Config{Bus: bus, Period: time.Millisecond, Controllers: mk(r),
		Safety: SafetyConfig{Joints: chainLimits(c, opt.bumpless)}})
	if err != nil {
		t.Fatal(err)
	}
	r.loop, r.snap = l, l.NewSnapshot()
	return r
}

// jointPD is a stiff gravity-compensated JointPD for the rig's chain.
func (r *plantRig) jointPD(kp, kd float64) *JointPD {
	n := r.chain.DoF()
	k, d := make([]float64, n), make([]float64, n)
	for i := range k {
		k[i], d[i] = kp, kd
	}
	pd, err := NewJointPD(k, d, r.dyn)
	if err != nil {
		r.t.Fatal(err)
	}
	return pd
}

func (r *plantRig) steps(k int) {
	for range k {
		r.now += time.Millisecond
		if r.onCycle != nil {
			r.onCycle(r.now)
		}
		r.loop.Step(r.now)
	}
}

func (r *plantRig) post() {
	r.t.Helper()
	r.sp.Deadman = true
	if _, err := r.loop.Setpoints().Post(r.sp); err != nil {
		r.t.Fatal(err)
	}
}

// enable runs until Enabled and fails the test otherwise.
func (r *plantRig) enable() {
	r.t.Helper()
	r.loop.Supervisor().Enable()
	for range 200 {
		r.steps(1)
		if r.loop.Supervisor().State() == Enabled {
			return
		}
	}
	r.loop.Snapshot(r.snap)
	r.t.Fatalf("not enabled after 200 cycles: %v", r.snap.Reason)
}

// enabled fails the test when the supervisor left Enabled.
func (r *plantRig) enabled() {
	r.t.Helper()
	if s := r.loop.Supervisor().State(); s != Enabled {
		r.loop.Snapshot(r.snap)
		r.t.Fatalf("supervisor %v (%v)", s, r.snap.Reason)
	}
}

func (r *plantRig) tool() kinematics.Frame {
	var f kinematics.Frame
	r.ws.FK(&f, r.plant.Position())
	return f
}

func dist3(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

func maxAbsDiff(a, b []float64) float64 {
	m := 0.0
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}

// sentEfforts returns the effort each command sent last cycle produces at
// the measured state.
func (r *plantRig) sentEfforts(dst []float64) []float64 {
	r.loop.Snapshot(r.snap)
	for i := range r.snap.Sent {
		tau, ok := equivalentEffort(&r.snap.Sent[i], &r.snap.Joints[i])
		if !ok {
			tau = r.snap.Joints[i].Effort
		}
		dst[i] = tau
	}
	return dst
}

var _ drivers.Bus = (*plant.Bus)(nil)
