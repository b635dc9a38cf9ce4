package exercise

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
)

type noGravity struct{}

func (noGravity) Gravity(tau, _ []float64) { clear(tau) }

func states(q ...float64) []drivers.JointState {
	st := make([]drivers.JointState, len(q))
	for i := range q {
		st[i].Position = q[i]
	}
	return st
}

// The adaptation law: with a steady error e the stiffness settles at
// k·(|e| − δ)·τ_f; with the error gone it decays as exp(−t/τ_f).
func TestAssistAdaptationLaw(t *testing.T) {
	t.Parallel()
	c, err := NewAssist(AssistConfig{Gravity: noGravity{}, Initial: []float64{0}, Max: []float64{1000}, Damping: []float64{1},
		LearningRate: 100, ForgettingTime: 2 * time.Second, Deadband: 0.02})
	if err != nil {
		t.Fatal(err)
	}
	sp := control.NewSetpoint(1)
	sp.Seq, sp.Q[0] = 1, 0.12
	out := make([]drivers.JointCommand, 1)
	st := states(0)
	c.Reset(st, nil)
	now := time.Duration(0)
	for range 30000 { // 30 s = 15 τ_f
		now += time.Millisecond
		c.Update(now, st, sp, out)
	}
	if want := 100 * (0.12 - 0.02) * 2; math.Abs(out[0].Kp-want) > 0.01*want {
		t.Fatalf("steady stiffness %g, want k·(|e|−δ)·τ_f = %g", out[0].Kp, want)
	}
	if l := c.Level(); math.Abs(l-out[0].Kp/1000) > 1e-12 {
		t.Fatalf("level %g for stiffness %g of 1000", l, out[0].Kp)
	}
	g0 := out[0].Kp
	sp.Q[0] = 0.01 // inside the deadband: the patient succeeds
	for range 2000 {
		now += time.Millisecond
		c.Update(now, st, sp, out)
	}
	if want := g0 * math.Exp(-1); math.Abs(out[0].Kp-want) > 1e-3*want {
		t.Fatalf("after τ_f: %g, want %g", out[0].Kp, want)
	}
	if out[0].Mode != drivers.ModeImpedance || out[0].Position != 0.01 || out[0].Kd != 1 {
		t.Fatalf("command %+v", out[0])
	}
	// The ceiling holds.
	sp.Q[0] = 10 // g* = 1996 without the ceiling
	for range 30000 {
		now += time.Millisecond
		c.Update(now, st, sp, out)
	}
	if out[0].Kp != 1000 || c.Level() != 1 {
		t.Fatalf("stiffness %g above the ceiling, level %g", out[0].Kp, c.Level())
	}
}

func TestCorridorForce(t *testing.T) {
	t.Parallel()
	c, err := NewCorridor(CorridorConfig{Gravity: noGravity{}, Space: JointSpace, From: []float64{0, 0}, To: []float64{1, 0},
		Width: 0.1, Stiffness: 200, Damping: 10})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]drivers.JointCommand, 2)
	sp := control.NewSetpoint(2)
	c.Update(0, states(0.5, 0.05), sp, out)
	if out[0].Effort != 0 || out[1].Effort != 0 || c.Outside() != 0 {
		t.Fatalf("inside the corridor: %+v", out)
	}
	st := states(0.5, 0.3)
	st[1].Velocity = 0.5 // moving out
	c.Update(0, st, sp, out)
	if want := -200*(0.3-0.1) - 10*0.5; math.Abs(out[1].Effort-want) > 1e-12 || math.Abs(out[0].Effort) > 1e-12 || c.Outside() != 1 {
		t.Fatalf("outside: %+v, want %g on joint 1", out, want)
	}
	st[1].Velocity = -0.5 // moving back in: no damping
	c.Update(0, st, sp, out)
	if want := -200 * (0.3 - 0.1); math.Abs(out[1].Effort-want) > 1e-12 {
		t.Fatalf("moving in: %g, want %g", out[1].Effort, want)
	}
	// Beyond the end of the segment the wall is round.
	c.Update(0, states(1.3, 0), sp, out)
	if want := -200 * (0.3 - 0.1); math.Abs(out[0].Effort-want) > 1e-12 {
		t.Fatalf("beyond the end: %+v", out)
	}
}

func TestResistLaw(t *testing.T) {
	t.Parallel()
	c, err := NewResist(2, ResistConfig{Gravity: noGravity{}, Viscous: []float64{3, 0}, Elastic: []float64{0, 50}})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]drivers.JointCommand, 2)
	c.Reset(states(0.2, 0.4), nil)
	st := states(0.5, 0.6)
	st[0].Velocity, st[1].Velocity = 2, 1
	c.Update(0, st, control.NewSetpoint(2), out)
	if out[0].Effort != -6 || math.Abs(out[1].Effort-(-50*0.2)) > 1e-12 || out[0].Mode != drivers.ModeEffort {
		t.Fatalf("%+v", out)
	}
}

// The controllers run in the loop: no allocation per cycle.
func TestControllersAllocateNothing(t *testing.T) {
	c := planar(t)
	g := Gravity(c)
	a, _ := NewAssist(AssistConfig{Gravity: g, Initial: []float64{1, 1}, Max: []float64{10, 10}, Damping: []float64{1, 1}})
	r, _ := NewResist(2, ResistConfig{Gravity: g, Viscous: []float64{1, 1}})
	k, err := NewCorridor(CorridorConfig{Gravity: g, Space: CartesianSpace, Chain: c, From: []float64{0, 1}, To: []float64{1, 1},
		Width: 0.01, Stiffness: 100, Damping: 1})
	if err != nil {
		t.Fatal(err)
	}
	st := states(0.3, 0.2)
	sp := control.NewSetpoint(2)
	out := make([]drivers.JointCommand, 2)
	now := time.Duration(0)
	for _, ctrl := range []control.Controller{a, r, k} {
		ctrl.Reset(st, out)
		if n := testing.AllocsPerRun(100, func() {
			now += time.Millisecond
			ctrl.Update(now, st, sp, out)
		}); n != 0 {
			t.Errorf("%T: %g allocations per update", ctrl, n)
		}
	}
}

// The speed governor leaves a joint alone below 80 % of its speed limit,
// brakes above it, with the whole effort limit at the limit, and does not
// allocate in the loop.
func TestSpeedGovernor(t *testing.T) {
	inner := &constEffort{tau: 3}
	lim := []control.JointLimits{{Velocity: 2, Effort: 40}, {}}
	g, err := NewSpeedGovernor(inner, lim)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ v, want float64 }{
		{0, 3}, {1.6, 3}, {-1.6, 3}, {1.8, 3 - 20}, {2, 3 - 40}, {-2, 3 + 40},
	} {
		st := []drivers.JointState{{Velocity: tc.v}, {Velocity: 10}}
		out := make([]drivers.JointCommand, 2)
		g.Update(0, st, control.NewSetpoint(2), out)
		if math.Abs(out[0].Effort-tc.want) > 1e-9 || out[1].Effort != 3 {
			t.Errorf("at %g rad/s: efforts %g, %g, want %g, 3 (no limits on joint 2)", tc.v, out[0].Effort, out[1].Effort, tc.want)
		}
	}
	st := []drivers.JointState{{Velocity: 1.9}, {}}
	out := make([]drivers.JointCommand, 2)
	sp := control.NewSetpoint(2)
	if a := testing.AllocsPerRun(100, func() { g.Update(0, st, sp, out) }); a != 0 {
		t.Fatalf("%g allocations per update", a)
	}
	if _, err := NewSpeedGovernor(nil, lim); !errors.Is(err, ErrExercise) {
		t.Fatalf("nil controller: %v", err)
	}
}

type constEffort struct{ tau float64 }

func (c *constEffort) Reset([]drivers.JointState, []drivers.JointCommand) {}
func (c *constEffort) Update(_ time.Duration, _ []drivers.JointState, _ *control.Setpoint, out []drivers.JointCommand) {
	for i := range out {
		out[i] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: c.tau}
	}
}

// The corridor's walls engage once the limb is inside (issue 14): a limb
// that starts a radian outside feels gravity support only, and is held in
// once it has entered.
func TestCorridorCapturesBeforeWalls(t *testing.T) {
	t.Parallel()
	c, err := NewCorridor(CorridorConfig{Gravity: noGravity{}, From: []float64{0, 0}, To: []float64{1, 0}, Width: 0.05, Stiffness: 400, Damping: 10})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]drivers.JointCommand, 2)
	sp := control.NewSetpoint(2)
	c.Reset(nil, nil)
	for _, tc := range []struct {
		q1       float64
		captured bool
		force    bool
	}{{1, false, false}, {0.5, false, false}, {0.02, true, false}, {0.2, true, true}} {
		c.Update(0, []drivers.JointState{{Position: 0.5}, {Position: tc.q1}}, sp, out)
		if c.Captured() != tc.captured || (out[1].Effort != 0) != tc.force {
			t.Errorf("at %g rad off the path: captured %v, wall torque %g", tc.q1, c.Captured(), out[1].Effort)
		}
	}
	c.Reset(nil, nil)
	if c.Captured() {
		t.Error("still captured after Reset")
	}
}
