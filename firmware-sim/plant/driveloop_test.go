package plant

import (
	"math"
	"testing"

	"github.com/chiron-robotics/chiron/drivers"
)

// TestDriveLoopCascade: with Ki = 0 and no limits the cascade is the PD law
// it replaced; the integral removes a constant load's steady error; the
// output and the integrator stay within the torque limit (anti-windup: a
// drive blocked at its limit for a second does not come out of it with a
// second's worth of integral); a change of mode starts the integrator
// afresh; commands carrying their own gains keep the PD law.
func TestDriveLoopCascade(t *testing.T) {
	pos := drivers.JointCommand{Mode: drivers.ModePosition, Position: 0.3, Velocity: 0.1, Effort: 0.5}
	pd := DriveGains{Kp: 200, Kd: 20}
	var l DriveLoop
	for _, st := range [][2]float64{{0, 0}, {0.25, -0.3}, {0.4, 2}} {
		got := l.Torque(&pos, pd, st[0], st[1], 1e-3)
		want := DriveTorque(&pos, pd, st[0], st[1])
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("Ki = 0 at %v: %g, the PD law gives %g", st, got, want)
		}
	}

	// A unit mass under a constant 5 N load, held at 0 by the cascade.
	g := DefaultGains(20)
	g.Ki = g.Kp / 4
	hold := drivers.JointCommand{Mode: drivers.ModePosition}
	l.Reset()
	q, qd, dt := 0.0, 0.0, 1e-4
	for range 100000 { // 10 s
		tau := l.Torque(&hold, g, q, qd, dt)
		qd += (tau - 5) * dt
		q += qd * dt
	}
	if math.Abs(q) > 1e-6 || math.Abs(l.Integral()-5) > 1e-3 {
		t.Errorf("constant load: settled at %g (integral %g N), want 0 (5 N)", q, l.Integral())
	}
	vel := drivers.JointCommand{Mode: drivers.ModeVelocity}
	l.Torque(&vel, g, q, 0, dt) // zero velocity error: only a carried-over integral would remain
	if math.Abs(l.Integral()) > 1e-9 {
		t.Errorf("mode change: integral %g, want a fresh start", l.Integral())
	}

	// Blocked far from the goal for 1 s: the output saturates at the limit
	// and the integrator, conditional on the output not being saturated in
	// the error's direction, does not wind up at all.
	l.Reset()
	far := drivers.JointCommand{Mode: drivers.ModePosition, Position: 10}
	for range 10000 {
		if tau := l.Torque(&far, g, 0, 0, dt); math.Abs(tau) > g.TorqueLimit+1e-12 {
			t.Fatalf("output %g beyond the %g limit", tau, g.TorqueLimit)
		}
	}
	if in := l.Integral(); in != 0 {
		t.Errorf("integral %g after a saturated second, want none", in)
	}

	own := drivers.JointCommand{Mode: drivers.ModePosition, Position: 1, Kp: 50, Kd: 1}
	if got := l.Torque(&own, g, 0.5, 0, dt); math.Abs(got-25) > 1e-12 {
		t.Errorf("position command with its own gains: %g, want the PD law's 25", got)
	}
}

// TestTunedGainsStableOnLightJoints: a joint rated far above what it moves
// (a wrist on a 300 N·m-rated arm) gets a velocity gain its inertia can
// take at the substep, and the cascade settles instead of oscillating.
func TestTunedGainsStableOnLightJoints(t *testing.T) {
	g := DefaultGains(300)
	if g.Kd*2.5e-4/0.02 < 1 {
		t.Fatalf("the default gains are not too stiff for a 0.02 kg·m² joint at 250 µs (Kd %g): the test shows nothing", g.Kd)
	}
	// The tuned gains' rule applied to J = 0.02, T = 250 µs.
	const J, T = 0.02, 2.5e-4
	kd := 0.5 * J / T
	tg := DriveGains{Kp: kd * g.Kp / g.Kd, Kd: kd, TorqueLimit: g.TorqueLimit}
	tg.Ki = math.Min(tg.Kp/4, tg.Kd*tg.Kd*tg.Kp/math.Max(2*J*tg.Kp-tg.Kd*tg.Kd, 1e-12))
	var l DriveLoop
	step := drivers.JointCommand{Mode: drivers.ModePosition, Position: 0.1}
	q, qd := 0.0, 0.0
	peak := 0.0
	for k := range 20000 { // 5 s at T
		tau := l.Torque(&step, tg, q, qd, T)
		qd += tau / J * T
		q += qd * T
		if k > 8000 {
			peak = math.Max(peak, math.Abs(q-0.1))
		}
	}
	if peak > 1e-4 {
		t.Errorf("tuned loop still moving after 2 s: |q − goal| up to %g", peak)
	}
}
