package plant

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// DriveGains are a servo drive's own loops, used for position and velocity
// commands that carry no gains of their own: the cascade of industrial
// servo drives (and of Dynamixel's velocity mode, CiA 402's cyclic
// position and velocity modes) — a proportional position loop whose output
// is a velocity demand, a proportional-integral velocity loop whose output
// is the torque (the current loop, far faster, taken as ideal), with the
// velocity demand and the torque limited and the integrator protected
// against wind-up.
//
// Kp and Kd are given in torque units, as the cascade's equivalent
// stiffness and damping: the position loop's gain is Kp/Kd (1/s), the
// velocity loop's proportional gain Kd. With Ki = 0 and no limits the
// cascade is the PD law τ = Kp·e + Kd·(v_ff − q̇) + τ_ff.
type DriveGains struct {
	Kp float64 // N·m/rad or N/m: position error to torque, through both loops
	Kd float64 // N·m·s/rad or N·s/m: the velocity loop's proportional gain
	// Ki is the velocity loop's integral gain, N·m per rad (or N per m) of
	// integrated velocity error: what removes the steady error a constant
	// load (gravity) leaves a proportional loop with.
	Ki float64
	// VelocityLimit bounds the position loop's velocity demand (rad/s or
	// m/s); 0 for none.
	VelocityLimit float64
	// TorqueLimit bounds the drive's output (its current limit times the
	// torque constant, N·m or N); 0 for none (the plant's own limit still
	// applies).
	TorqueLimit float64

	// PID makes a position command run one PID loop on the position error
	// instead of the cascade, as a Dynamixel's position controller does
	// (e-Manual, X series, Position PID Gain (80, 82, 84)): τ = Kp·e +
	// KiPos·∫e dt + Kd·(v_ff − q̇), the integral protected against wind-up
	// as the cascade's is.
	PID   bool
	KiPos float64 // N·m per rad·s (N per m·s): the PID's integral gain
	// BackEMF is the motor's own damping when the drive commands a voltage
	// rather than a current (a Dynamixel's PWM output): stall torque over
	// no-load speed, N·m·s/rad (N·s/m), subtracted after the output limit —
	// τ = τ_stall·(PWM/885) − (τ_stall/ω₀)·q̇, the DC motor's torque–speed
	// line.
	BackEMF float64
	// NoLoadSpeed (rad/s or m/s) and SpeedDroop (rad/s per N·m, or m/s
	// per N) are the motor's voltage envelope when both are set: a drive
	// that commands a current can drive it only while the supply exceeds
	// the back-EMF, so the torque it gives in the direction of motion is at
	// most (NoLoadSpeed − |q̇|)/SpeedDroop — the DC motor's torque–speed
	// line (motors.Motor.SpeedDroop). Zero: no envelope.
	NoLoadSpeed, SpeedDroop float64
}

// envelope limits u to the voltage envelope at speed qd (see NoLoadSpeed).
func (g *DriveGains) envelope(u, qd float64) float64 {
	if g.NoLoadSpeed <= 0 || g.SpeedDroop <= 0 || u*qd <= 0 {
		return u
	}
	avail := math.Max(0, (g.NoLoadSpeed-math.Abs(qd))/g.SpeedDroop)
	if math.Abs(u) > avail {
		return math.Copysign(avail, u)
	}
	return u
}

// DefaultGains returns drive loop gains for a joint with the given torque
// limit: full torque at 0.05 rad (or m) of position error and at 0.5 rad/s
// of velocity error — stiff enough to track, soft enough to be stable with
// the default armature at a 250 µs substep — and an integral gain Kp/4,
// whose corner (Ki/Kd = 2.5 rad/s) sits a quarter of the position loop's
// 10 rad/s below it: the steady error under gravity goes to zero within
// about a second, and the cascade stays stable for any joint whose inertia
// (kg·m², with what it carries) is below its torque limit (N·m) — the
// Routh condition Kd²·(Kp + Ki) > J·Ki·Kp of the third-order loop.
func DefaultGains(torqueLimit float64) DriveGains {
	if torqueLimit <= 0 {
		torqueLimit = 10
	}
	kp := torqueLimit / 0.05
	return DriveGains{Kp: kp, Kd: torqueLimit / 0.5, Ki: kp / 4, TorqueLimit: torqueLimit}
}

// DriveLoop is one drive's loop state: the velocity loop's integrator.
// The zero value is a drive at rest.
type DriveLoop struct {
	integ float64 // N·m: the integral term's torque
	mode  drivers.Mode
}

// Reset clears the integrator (the power stage is off: a real drive resets
// its loops when disabled, so it never starts with a stale integral).
func (l *DriveLoop) Reset() { *l = DriveLoop{} }

// Integral returns the integral term's torque, N·m or N.
func (l *DriveLoop) Integral() float64 { return l.integ }

// Torque is the motor torque the drive produces for command c at joint
// state (q, qd), advancing its integrator by dt seconds. Impedance and
// effort commands are the MIT law and the torque itself (the host closes
// the loop: no integral); position and velocity commands run the cascade
// with the drive's own gains g — or, when a position command carries its
// own Kp and Kd, the PD law with those, as before. A change of mode starts
// the integrator afresh.
func (l *DriveLoop) Torque(c *drivers.JointCommand, g DriveGains, q, qd, dt float64) float64 {
	return g.envelope(l.torque(c, g, q, qd, dt), qd)
}

func (l *DriveLoop) torque(c *drivers.JointCommand, g DriveGains, q, qd, dt float64) float64 {
	if c.Mode != l.mode {
		l.integ, l.mode = 0, c.Mode
	}
	switch c.Mode {
	case drivers.ModePosition, drivers.ModeVelocity:
	case drivers.ModeEffort:
		return c.Effort - g.BackEMF*qd
	default:
		return DriveTorque(c, g, q, qd)
	}
	if c.Mode == drivers.ModePosition && (c.Kp != 0 || c.Kd != 0) {
		return DriveTorque(c, g, q, qd)
	}
	if c.Mode == drivers.ModePosition && g.PID {
		return l.pid(c, g, q, qd, dt)
	}
	kd := g.Kd
	if c.Mode == drivers.ModeVelocity && c.Kd != 0 {
		kd = c.Kd
	}
	vd := c.Velocity
	if c.Mode == drivers.ModePosition {
		if kd <= 0 { // no velocity loop: a pure proportional position loop
			return c.Effort + g.Kp*(c.Position-q) - g.BackEMF*qd
		}
		vd += g.Kp / kd * (c.Position - q)
	}
	if v := g.VelocityLimit; v > 0 {
		vd = math.Max(-v, math.Min(v, vd))
	}
	ev := vd - qd
	lim := g.TorqueLimit
	u := c.Effort + kd*ev + l.integ
	// Conditional integration: not while the output is saturated in the
	// direction the error would push it (the integrator would only wind up).
	if g.Ki > 0 && !(lim > 0 && math.Abs(u) >= lim && math.Signbit(u) == math.Signbit(ev)) {
		l.integ += g.Ki * ev * dt
		if lim > 0 {
			l.integ = math.Max(-lim, math.Min(lim, l.integ))
		}
	}
	u = c.Effort + kd*ev + l.integ
	if lim > 0 {
		u = math.Max(-lim, math.Min(lim, u))
	}
	return u - g.BackEMF*qd
}

// pid is the position PID form (DriveGains.PID).
func (l *DriveLoop) pid(c *drivers.JointCommand, g DriveGains, q, qd, dt float64) float64 {
	e := c.Position - q
	lim := g.TorqueLimit
	u := c.Effort + g.Kp*e + g.Kd*(c.Velocity-qd) + l.integ
	if g.KiPos > 0 && !(lim > 0 && math.Abs(u) >= lim && math.Signbit(u) == math.Signbit(e)) {
		l.integ += g.KiPos * e * dt
		if lim > 0 {
			l.integ = math.Max(-lim, math.Min(lim, l.integ))
		}
	}
	u = c.Effort + g.Kp*e + g.Kd*(c.Velocity-qd) + l.integ
	if lim > 0 {
		u = math.Max(-lim, math.Min(lim, u))
	}
	return u - g.BackEMF*qd
}

// Bus is the plant seen through ideal drives, as a drivers.Bus: Write latches
// the commands, Read advances the plant to the loop's time (whole substeps)
// with the drives executing the latched commands at every substep, then
// returns the measured states. Not safe for concurrent use.
type Bus struct {
	p     *Plant
	cmds  []drivers.JointCommand
	gains []DriveGains
	loops []DriveLoop
	act   Actuation
	// Temperature reported by every joint, °C.
	Temperature float64
}

var _ drivers.Bus = (*Bus)(nil)

// NewBus wraps p. gains may be nil (defaults scaled to each joint's torque
// limit: full torque at 0.05 rad of error).
func NewBus(p *Plant, gains []DriveGains) (*Bus, error) {
	n := p.DoF()
	if gains == nil {
		gains = make([]DriveGains, n)
		for i := range gains {
			gains[i] = DefaultGains(p.TorqueLimit(i))
		}
	}
	if len(gains) != n {
		return nil, fmt.Errorf("plant bus: %d drive gains for %d joints", len(gains), n)
	}
	b := &Bus{p: p, cmds: make([]drivers.JointCommand, n), gains: gains, loops: make([]DriveLoop, n), Temperature: 30}
	b.act = b.actuate
	return b, nil
}

// Plant returns the simulated plant.
func (b *Bus) Plant() *Plant { return b.p }

// Joints returns the number of joints.
func (b *Bus) Joints() int { return b.p.DoF() }

// Write latches the commands the drives execute from now on.
func (b *Bus) Write(_ time.Duration, cmds []drivers.JointCommand) error {
	if len(cmds) != len(b.cmds) {
		return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("%d commands for %d joints", len(cmds), len(b.cmds))}
	}
	copy(b.cmds, cmds)
	return nil
}

// Read advances the plant to now and returns the measured states.
func (b *Bus) Read(now time.Duration, states []drivers.JointState) error {
	if len(states) != len(b.cmds) {
		return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("%d states for %d joints", len(states), len(b.cmds))}
	}
	if d := now - b.p.Time(); d >= b.p.Substep() {
		b.p.Step(d, b.act)
	}
	for i := range states {
		s := &states[i]
		s.Position = b.p.MeasuredPosition(i)
		s.Velocity = b.p.qd[i]
		s.Effort = b.p.tauMotor[i]
		s.Temperature = b.Temperature
		s.HasPosition2 = false
		s.Status = 0
		if b.cmds[i].Mode != drivers.ModeOff {
			s.Status = drivers.StatusEnabled
		}
		s.Stamp = now
	}
	return nil
}

// actuate is the ideal drives' control law, run at every substep.
func (b *Bus) actuate(tau, q, qd []float64) {
	dt := b.p.Substep().Seconds()
	for i := range tau {
		tau[i] = b.loops[i].Torque(&b.cmds[i], b.gains[i], q[i], qd[i], dt)
	}
}

// DriveTorque is the motor torque an ideal drive produces for command c at
// joint state (q, qd): the impedance law, of which position (with the drive's
// own gains g when c carries none), velocity and effort modes are special
// cases; ModeOff produces none.
func DriveTorque(c *drivers.JointCommand, g DriveGains, q, qd float64) float64 {
	switch c.Mode {
	case drivers.ModeImpedance:
		return c.Effort + c.Kp*(c.Position-q) + c.Kd*(c.Velocity-qd)
	case drivers.ModePosition:
		kp, kd := c.Kp, c.Kd
		if kp == 0 && kd == 0 {
			kp, kd = g.Kp, g.Kd
		}
		return c.Effort + kp*(c.Position-q) + kd*(c.Velocity-qd)
	case drivers.ModeVelocity:
		kd := c.Kd
		if kd == 0 {
			kd = g.Kd
		}
		return c.Effort + kd*(c.Velocity-qd)
	case drivers.ModeEffort:
		return c.Effort
	default:
		return 0
	}
}
