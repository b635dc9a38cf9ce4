package control

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/chiron-robotics/chiron/drivers"
)

// reconfigure runs Reconfigure on another goroutine while the test steps
// the loop, as the real-time runner would, and returns its outcome.
func (r *rig) reconfigure(rc Reconfiguration) error {
	r.t.Helper()
	res := make(chan error, 1)
	go func() { res <- r.loop.Reconfigure(context.Background(), rc) }()
	for range 100000 {
		select {
		case err := <-res:
			return err
		default:
			r.steps(1)
		}
	}
	r.t.Fatal("Reconfigure never returned")
	return nil
}

func newPD(t testing.TB, n int, kp float64) *JointPD {
	t.Helper()
	k, d := make([]float64, n), make([]float64, n)
	for i := range k {
		k[i], d[i] = kp, kp/10
	}
	pd, err := NewJointPD(k, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pd
}

// TestReconfigureWhileDisabled replaces the controllers and the limits of a
// loop that has run enabled and been disabled: the new controller is the
// active one, the old names are gone from requests, the new limits are the
// ones enforced, and the event log says it happened.
func TestReconfigureWhileDisabled(t *testing.T) {
	r := newRig(t, 2, nil)
	r.steps(3)
	r.enable()
	r.sup.Disable()
	r.steps(2)
	if s := r.snapshot(); s.State != Disabled {
		t.Fatalf("state %s", s.State)
	}
	lim := testLimits(2)
	lim[0].PositionMin, lim[0].PositionMax = 0.3, 0.9 // the joint rests at 0: outside
	err := r.reconfigure(Reconfiguration{
		Controllers: []NamedController{{"session-hold", newPD(t, 2, 50)}, {"exercise", newPD(t, 2, 80)}},
		Safety:      SafetyConfig{Joints: lim},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ev := r.lastEvent(); ev.Reason != ReasonReconfigured || ev.Value != 2 {
		t.Fatalf("last event %v, want reconfigured with 2 controllers", ev)
	}
	r.steps(1)
	if s := r.snapshot(); s.Controller != "session-hold" {
		t.Fatalf("active controller %q, want session-hold", s.Controller)
	}
	if err := r.loop.SwitchController("pd"); err == nil {
		t.Fatal("switch to a controller of the old set accepted")
	}
	if err := r.loop.SwitchController("exercise"); err != nil {
		t.Fatal(err)
	}
	if err := r.loop.SetGains("exercise", Gains{Kp: []float64{60, 60}, Kd: []float64{6, 6}}); err != nil {
		t.Fatal(err)
	}
	r.steps(2)
	if s := r.snapshot(); s.Controller != "exercise" {
		t.Fatalf("active controller %q after switch, want exercise", s.Controller)
	}
	// The new range is the one enforced: joint 0 at 0 is outside 0.3…0.9,
	// so enabling ends in a position-limit stop, not Enabled.
	r.post()
	r.sup.Enable()
	r.steps(50)
	s := r.snapshot()
	if s.State == Enabled {
		t.Fatalf("enabled outside the new range (q0 = %g)", s.Joints[0].Position)
	}
	found := false
	for _, e := range s.Events(nil) {
		if (e.Reason == ReasonPositionLimit && e.Joint == 0) || (e.Reason == ReasonRequestRefused && Reason(e.Value) == ReasonEnableRequest) {
			found = true
		}
	}
	if !found {
		t.Fatalf("enable neither refused nor stopped under the new limits: state %s (%s), events %v", s.State, s.Reason, s.Events(nil))
	}
}

// TestReconfigureRefusedUnlessDisabled: while Enabled (a controller acts)
// the request is refused at once and nothing changes; a bad configuration is refused
// before it reaches the loop; a context that ends before any cycle runs
// leaves the loop as it was.
func TestReconfigureRefusedUnlessDisabled(t *testing.T) {
	r := newRig(t, 2, nil)
	r.steps(3)
	r.enable()
	rc := Reconfiguration{Controllers: []NamedController{{"other", newPD(t, 2, 50)}}, Safety: SafetyConfig{Joints: testLimits(2)}}
	if err := r.loop.Reconfigure(context.Background(), rc); !errors.Is(err, ErrNotDisabled) {
		t.Fatalf("Reconfigure while Enabled: %v, want ErrNotDisabled", err)
	}
	r.sup.Disable()
	r.steps(2)
	for name, bad := range map[string]Reconfiguration{
		"no controllers": {Safety: rc.Safety},
		"duplicate":      {Controllers: []NamedController{rc.Controllers[0], rc.Controllers[0]}, Safety: rc.Safety},
		"joints":         {Controllers: rc.Controllers, Safety: SafetyConfig{Joints: testLimits(3)}},
		"workspace":      {Controllers: rc.Controllers, Safety: SafetyConfig{Joints: testLimits(2), Workspace: &Box{Max: [3]float64{1, 1, 1}}}},
	} {
		if err := r.loop.Reconfigure(context.Background(), bad); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", name, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.loop.Reconfigure(ctx, rc); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	r.steps(2)
	if s := r.snapshot(); s.Controller != "pd" {
		t.Fatalf("controller %q after a withdrawn reconfiguration", s.Controller)
	}
	if err := r.loop.SwitchController("pd"); err != nil {
		t.Fatal(err)
	}
}

// TestReconfigureRacesEnable: an Enable requested in the same cycle as the
// reconfiguration is taken after it (requests are applied by the
// supervisor's check, after the boundary), so the loop enables under the
// new configuration, never under a mix.
func TestReconfigureRacesEnable(t *testing.T) {
	r := newRig(t, 2, nil)
	r.steps(3)
	res := make(chan error, 1)
	go func() {
		res <- r.loop.Reconfigure(context.Background(), Reconfiguration{
			Controllers: []NamedController{{"new", newPD(t, 2, 50)}}, Safety: SafetyConfig{Joints: testLimits(2)}})
	}()
	for r.loop.reconf.Load() == nil {
		select {
		case err := <-res:
			t.Fatalf("returned before the loop ran: %v", err)
		default:
		}
	}
	r.post()
	r.sup.Enable()
	r.steps(1)
	if err := <-res; err != nil {
		t.Fatal(err)
	}
	for range 100 {
		r.steps(1)
	}
	if s := r.snapshot(); s.State != Enabled || s.Controller != "new" {
		t.Fatalf("state %s controller %q", s.State, s.Controller)
	}
}

// TestReconfigureInProtectiveStop: a robot held by the supervisor (a
// protective stop asked for by a session) is reconfigured without its
// drives going off: the hold stays where it was, and a Resume enables the
// new controller under the new limits.
func TestReconfigureInProtectiveStop(t *testing.T) {
	r := newRig(t, 2, nil)
	r.steps(3)
	r.sp.Q[0] = 0.2
	r.enable()
	r.steps(500)
	r.sup.Stop(ReasonSessionStop)
	r.steps(2)
	if s := r.snapshot(); s.State != ProtectiveStop {
		t.Fatalf("state %s", s.State)
	}
	held := r.bus.plant.Position(0)
	if err := r.reconfigure(Reconfiguration{Controllers: []NamedController{{"new", newPD(t, 2, 50)}}, Safety: SafetyConfig{Joints: testLimits(2)}}); err != nil {
		t.Fatal(err)
	}
	for range 50 {
		r.steps(1)
		if s := r.snapshot(); s.State != ProtectiveStop || s.Sent[0].Mode == drivers.ModeOff {
			t.Fatalf("after reconfiguring in a protective stop: state %s, joint 0 sent %+v", s.State, s.Sent[0])
		}
	}
	if d := r.bus.plant.Position(0) - held; d > 1e-3 || d < -1e-3 {
		t.Fatalf("joint 0 moved %g while held across the reconfiguration", d)
	}
	r.post()
	r.sup.Resume()
	r.steps(100)
	if s := r.snapshot(); s.State != Enabled || s.Controller != "new" {
		t.Fatalf("after Resume: state %s (%s) controller %q", s.State, s.Reason, s.Controller)
	}
}

// TestHoldBoundedByEffort: a joint pushed away from the position a
// protective stop holds is held with at most its rated effort — the hold's
// spring, like any command, is clamped at the measured state — while the
// standstill monitor decides whether the stop still holds.
func TestHoldBoundedByEffort(t *testing.T) {
	r := newRig(t, 2, func(c *Config) {
		for i := range c.Safety.Joints {
			c.Safety.Joints[i].HoldKp, c.Safety.Joints[i].HoldKd = 400, 20
		}
	})
	r.steps(3)
	r.enable()
	r.sup.Stop(ReasonStopRequest)
	r.steps(2)
	r.bus.plant.SetState(0, r.bus.plant.Position(0)+0.3, 0) // 0.3 rad × 400 N·m/rad = 120 N·m ≫ 20
	r.steps(1)
	s := r.snapshot()
	c, j := s.Sent[0], s.Joints[0]
	tau := c.Effort + c.Kp*(c.Position-j.Position) + c.Kd*(c.Velocity-j.Velocity)
	if c.Mode != drivers.ModeImpedance || math.Abs(tau) > 20+1e-9 {
		t.Fatalf("hold at 0.3 rad deflection: %+v gives %.4g N·m, want at most the rated 20", c, tau)
	}
}
