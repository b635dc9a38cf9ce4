package exercise

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
	"github.com/chiron-robotics/chiron/robots"
)

// The loop runs at 1 kHz; the runner, like a console-side session
// runner, at 200 Hz.
const (
	period       = time.Millisecond
	runnerPeriod = 5 * time.Millisecond
)

func deg(d float64) float64 { return d * math.Pi / 180 }

// rig is a lockstep session: the firmware-sim plant with the simulated
// patient's limb, an in-process bus, the control loop, and the runner, all
// stepped in virtual time (patient torque, loop step, runner step).
type rig struct {
	t       *testing.T
	chain   *kinematics.Chain
	plant   *plant.Plant
	loop    *control.Loop
	patient *patientsim.Patient
	runner  *Runner
	now     time.Duration
	samples []Sample
	events  []Event
	snap    *control.Snapshot
	// maxQ and minQ are the extreme measured positions while enabled.
	maxQ, minQ []float64
	maxSent    []float64 // peak |commanded effort at the measured state|
}

type rigConfig struct {
	chain    *kinematics.Chain
	patient  *patientsim.Patient // nil: no patient
	limits   []JointLimit
	q0       []float64
	protocol func(g func() control.GravityModel) Protocol
	// runner adjusts the runner's configuration (nil: defaults).
	runner func(*RunnerConfig)
}

func lowerLimb(t testing.TB) *kinematics.Chain {
	c, err := robots.LowerLimbExo(robots.LowerLimbSpec{Height: 1.70, Mass: 70, WithLimb: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func planar(t testing.TB) *kinematics.Chain {
	c, err := robots.Planar(robots.DefaultPlanarSpec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// patientLimits is the lower-limb patient: hip −10°…90°, knee 5°…100°,
// 60 and 40 N·m, 2 rad/s.
var patientLimits = []JointLimit{
	{Min: deg(-10), Max: deg(90), Effort: 60, Velocity: 2},
	{Min: deg(5), Max: deg(100), Effort: 40, Velocity: 2},
}

func newRig(t *testing.T, rc rigConfig) *rig {
	t.Helper()
	g := func() control.GravityModel { return kinematics.NewDynamics(rc.chain) }
	pcfg := plant.Config{}
	if rc.patient != nil {
		pcfg.Limb = rc.patient.Limb()
	}
	pl, err := plant.New(rc.chain, pcfg)
	if err != nil {
		t.Fatal(err)
	}
	pl.SetState(rc.q0, nil)
	bus, err := plant.NewBus(pl, nil)
	if err != nil {
		t.Fatal(err)
	}
	safety, err := SafetyConfig(rc.chain, rc.limits, SafetyOptions{HoldGravity: g()})
	if err != nil {
		t.Fatal(err)
	}
	proto := rc.protocol(g)
	hold, err := Hold(rc.chain.DoF(), 300, 30, g())
	if err != nil {
		t.Fatal(err)
	}
	ctrls, err := proto.Controllers(hold)
	if err != nil {
		t.Fatal(err)
	}
	loop, err := control.NewLoop(control.Config{Bus: bus, Period: period, Controllers: ctrls, Safety: safety})
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, chain: rc.chain, plant: pl, loop: loop, patient: rc.patient, snap: loop.NewSnapshot()}
	n := rc.chain.DoF()
	r.maxQ, r.minQ, r.maxSent = make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		r.maxQ[i], r.minQ[i] = math.Inf(-1), math.Inf(1)
	}
	sink := SinkFuncs{
		OnSample: func(s *Sample) { r.samples = append(r.samples, s.Clone()) },
		OnEvent:  func(e *Event) { r.events = append(r.events, *e) },
	}
	cue := func(now time.Duration, c *Cue) {
		if r.patient == nil {
			return
		}
		switch c.Mode {
		case CueReach:
			r.patient.SetGoal(now, c.Q)
		case CueTrack:
			r.patient.Track(c.Q, c.Qd)
		default:
			r.patient.Relax()
		}
	}
	rcfg := RunnerConfig{Robot: NewLoopRobot(loop, g()), Protocol: proto, Sink: sink, Cue: cue}
	if rc.runner != nil {
		rc.runner(&rcfg)
	}
	r.runner, err = NewRunner(rcfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// step runs one cycle.
func (r *rig) step() {
	r.now += period
	if r.patient != nil {
		r.patient.Apply(r.now, r.plant)
	}
	r.loop.Step(r.now)
	if r.now%runnerPeriod != 0 {
		return
	}
	if err := r.runner.Step(r.now); err != nil {
		r.t.Fatal(err)
	}
	r.loop.Snapshot(r.snap)
	if r.snap.State == control.Enabled {
		for i, j := range r.snap.Joints {
			r.maxQ[i] = math.Max(r.maxQ[i], j.Position)
			r.minQ[i] = math.Min(r.minQ[i], j.Position)
			tau := plant.DriveTorque(&r.snap.Sent[i], plant.DriveGains{}, j.Position, j.Velocity)
			r.maxSent[i] = math.Max(r.maxSent[i], math.Abs(tau))
		}
	}
}

// run steps until the session ends or limit passes; it fails on timeout.
func (r *rig) run(limit time.Duration) {
	r.t.Helper()
	end := r.now + limit
	for !r.runner.Done() && r.now < end {
		r.step()
	}
	if !r.runner.Done() {
		r.t.Fatalf("session not done after %v: %+v", limit, r.runner.Status())
	}
}

func (r *rig) reps(exercise int) []Event {
	var out []Event
	for _, e := range r.events {
		if e.Kind == EventRepetition && e.Exercise == exercise {
			out = append(out, e)
		}
	}
	return out
}

func (r *rig) count(k EventKind) int {
	c := 0
	for _, e := range r.events {
		if e.Kind == k {
			c++
		}
	}
	return c
}
