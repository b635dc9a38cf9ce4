package control

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// IntegratorPlant is a minimal simulated robot for tests and benchmarks:
// every joint is an independent inertia with viscous damping,
// m·q̈ + b·q̇ = τ, driven by a simulated drive that executes each command
// mode (position mode through its own PD loop with PositionKp/PositionKd,
// velocity mode through VelocityKv, ModeOff as zero torque). It implements
// drivers.Bus, stamps every sample with now, and never fails. It is not a
// model of any real arm: the rigid-body plant lives with the HIL simulator.
type IntegratorPlant struct {
	Inertia, Damping []float64 // kg·m² (or kg), N·m·s/rad (or N·s/m)
	// Drive-side loop gains for ModePosition and ModeVelocity.
	PositionKp, PositionKd, VelocityKv float64
	// MaxStep bounds the integration step (semi-implicit Euler); longer
	// intervals are split. Default 100 µs.
	MaxStep time.Duration

	q, qd, tau []float64
	cmd        []drivers.JointCommand
	last       time.Duration
	started    bool
}

// NewIntegratorPlant returns n joints of the given inertia and damping, at
// rest at q = 0, with stiff drive loops.
func NewIntegratorPlant(n int, inertia, damping float64) *IntegratorPlant {
	p := &IntegratorPlant{
		Inertia: make([]float64, n), Damping: make([]float64, n),
		PositionKp: 400, PositionKd: 20, VelocityKv: 20, MaxStep: 100 * time.Microsecond,
		q: make([]float64, n), qd: make([]float64, n), tau: make([]float64, n),
		cmd: make([]drivers.JointCommand, n),
	}
	for i := range p.Inertia {
		p.Inertia[i], p.Damping[i] = inertia, damping
	}
	return p
}

// Joints returns the number of joints.
func (p *IntegratorPlant) Joints() int { return len(p.q) }

// SetState places joint i at position q with velocity qd.
func (p *IntegratorPlant) SetState(i int, q, qd float64) { p.q[i], p.qd[i] = q, qd }

// Position returns joint i's position.
func (p *IntegratorPlant) Position(i int) float64 { return p.q[i] }

// Read advances the simulation to now under the last commands and reports
// the state.
func (p *IntegratorPlant) Read(now time.Duration, states []drivers.JointState) error {
	if len(states) != len(p.q) {
		return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("read %d states from %d joints", len(states), len(p.q))}
	}
	p.advance(now)
	for i := range states {
		st := drivers.Status(0)
		if p.cmd[i].Mode != drivers.ModeOff {
			st = drivers.StatusEnabled
		}
		states[i] = drivers.JointState{Position: p.q[i], Velocity: p.qd[i], Effort: p.tau[i], Status: st, Stamp: now}
	}
	return nil
}

// Write stores the commands applied from now on.
func (p *IntegratorPlant) Write(now time.Duration, cmds []drivers.JointCommand) error {
	if len(cmds) != len(p.q) {
		return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("write %d commands to %d joints", len(cmds), len(p.q))}
	}
	p.advance(now)
	copy(p.cmd, cmds)
	return nil
}

func (p *IntegratorPlant) advance(now time.Duration) {
	if !p.started {
		p.last, p.started = now, true
		return
	}
	for p.last < now {
		dt := min(now-p.last, p.MaxStep)
		h := dt.Seconds()
		for i := range p.q {
			p.tau[i] = p.torque(i)
			p.qd[i] += h * (p.tau[i] - p.Damping[i]*p.qd[i]) / p.Inertia[i]
			p.q[i] += h * p.qd[i]
		}
		p.last += dt
	}
}

func (p *IntegratorPlant) torque(i int) float64 {
	c := &p.cmd[i]
	switch c.Mode {
	case drivers.ModeEffort:
		return c.Effort
	case drivers.ModeImpedance:
		return c.Effort + c.Kp*(c.Position-p.q[i]) + c.Kd*(c.Velocity-p.qd[i])
	case drivers.ModePosition:
		return c.Effort + p.PositionKp*(c.Position-p.q[i]) + p.PositionKd*(c.Velocity-p.qd[i])
	case drivers.ModeVelocity:
		return c.Effort + p.VelocityKv*(c.Velocity-p.qd[i])
	}
	return 0
}

var _ drivers.Bus = (*IntegratorPlant)(nil)

// NewSyntheticLoop returns a loop of n joints with joint PD (Kp 100, Kd 10)
// on an IntegratorPlant (0.5 kg·m², 0.5 N·m·s), limits wide enough that a
// 0.2 rad sine never trips the supervisor: the loop's machinery alone, with
// no model, which `chiron bench loop` without --model measures. A robot's
// loop is assembled by the robot package, never like this.
func NewSyntheticLoop(n int, period time.Duration) (*Loop, error) {
	plant := NewIntegratorPlant(n, 0.5, 0.5)
	kp, kd := make([]float64, n), make([]float64, n)
	limits := make([]JointLimits, n)
	for i := range kp {
		kp[i], kd[i] = 100, 10
		limits[i] = JointLimits{PositionMin: -math.Pi, PositionMax: math.Pi, PositionMargin: 0.1,
			Velocity: 5, Effort: 50, MaxKp: 500, MaxKd: 50, TrackingError: 0.5}
	}
	pd, err := NewJointPD(kp, kd, nil)
	if err != nil {
		return nil, fmt.Errorf("synthetic loop: %w", err)
	}
	l, err := NewLoop(Config{Bus: plant, Period: period,
		Controllers: []NamedController{{Name: "joint-pd", Controller: pd}},
		Safety:      SafetyConfig{Joints: limits}})
	if err != nil {
		return nil, fmt.Errorf("synthetic loop: %w", err)
	}
	return l, nil
}
