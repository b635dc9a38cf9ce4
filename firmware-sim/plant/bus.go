package plant

import (
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// DriveGains are the ideal drive's internal loop gains, used for position and
// velocity commands that carry no gains of their own.
type DriveGains struct {
	Kp, Kd float64
}

// DefaultGains returns drive loop gains for a joint with the given torque
// limit: full torque at 0.05 rad (or m) of position error and at 0.5 rad/s of
// velocity error — stiff enough to track, soft enough to be stable with the
// default armature at a 250 µs substep.
func DefaultGains(torqueLimit float64) DriveGains {
	if torqueLimit <= 0 {
		torqueLimit = 10
	}
	return DriveGains{Kp: torqueLimit / 0.05, Kd: torqueLimit / 0.5}
}

// Bus is the plant seen through ideal drives, as a drivers.Bus: Write latches
// the commands, Read advances the plant to the loop's time (whole substeps)
// with the drives executing the latched commands at every substep, then
// returns the measured states. Not safe for concurrent use.
type Bus struct {
	p     *Plant
	cmds  []drivers.JointCommand
	gains []DriveGains
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
	b := &Bus{p: p, cmds: make([]drivers.JointCommand, n), gains: gains, Temperature: 30}
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
	for i := range tau {
		tau[i] = DriveTorque(&b.cmds[i], b.gains[i], q[i], qd[i])
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
