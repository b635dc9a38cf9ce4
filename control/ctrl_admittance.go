package control

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// JointAdmittanceConfig configures a JointAdmittance. Every slice has one
// value per joint; units are per joint type (rad or m).
type JointAdmittanceConfig struct {
	// Mass (kg·m² or kg), Damping (N·m·s/rad or N·s/m) and Stiffness (N·m/rad
	// or N/m) of the virtual joint the patient feels. Mass and Damping must be
	// > 0; Stiffness may be 0 (a free mass–damper: the joint stays where it is
	// pushed).
	Mass, Damping, Stiffness []float64
	// Kp and Kd are the inner impedance gains with which the drives track the
	// admittance reference. They must be much stiffer than Stiffness: the
	// inner spring is in series with the virtual one, so a constant external
	// torque τ displaces the joint by τ/Stiffness + τ/Kp.
	Kp, Kd []float64
	// Gravity gives g(q) for the torque residual and the feed-forward.
	// Required.
	Gravity GravityModel
	// Cutoff is the corner frequency of the first-order low-pass filter on
	// the torque residual, Hz; 0 means 15 Hz. Lower rejects more sensor
	// noise and more of the (unmodelled) inertial torque, at the cost of
	// phase lag in the interaction.
	Cutoff float64
	// Deadband (N·m or N) ignores residuals smaller than this (model error,
	// friction); nil means none.
	Deadband []float64
}

// JointAdmittance is per-joint admittance control (Hogan 1985; for
// rehabilitation robots e.g. the ArmeoPower and Harmony "patient-in-charge"
// modes): each joint behaves like a virtual mass–damper–spring
//
//	M·ẍ + D·(ẋ − q̇_d) + K·(x − q_d) = τ̂_ext
//
// driven by the interaction torque the patient exerts. With no joint torque
// sensor, τ̂_ext is estimated from the drives' measured effort as the
// quasi-static residual τ̂_ext = g(q) − τ_meas (at rest the motors carry the
// weight minus what the patient carries), low-pass filtered and
// dead-banded. Neglecting the robot's own inertial and friction torques is
// the usual approximation of admittance control without a force sensor; the
// price is that the patient also feels the robot's real inertia on top of
// the virtual M — the momentum observer of De Luca & Mattone (2003) removes
// it and fits here without changing the interface.
//
// The equation is integrated every cycle (semi-implicit Euler on the loop's
// own clock) into a reference x, ẋ that the drives track in ModeImpedance
// with gains Kp, Kd and gravity feed-forward. q_d and q̇_d, the rest
// position, come from the setpoint (sp.Q, sp.Qd) when one has been posted,
// otherwise from the position measured on Reset. Run-time gains (GainSetter)
// are the virtual Stiffness (Kp) and Damping (Kd), what a clinician tunes.
type JointAdmittance struct {
	n                 int
	mass, damp, stiff []float64
	kp, kd, deadband  []float64
	grav              GravityModel
	tc                float64 // filter time constant, s

	x, v, rest, resid []float64
	q, g              []float64
	last              time.Duration
	started           bool
}

// NewJointAdmittance checks cfg and allocates the controller.
func NewJointAdmittance(cfg JointAdmittanceConfig) (*JointAdmittance, error) {
	n := len(cfg.Mass)
	if n == 0 || cfg.Gravity == nil {
		return nil, fmt.Errorf("joint admittance: no joints or no gravity model: %w", ErrConfig)
	}
	c := &JointAdmittance{n: n, grav: cfg.Gravity}
	alloc := func(name string, src []float64, optional, positive bool) ([]float64, error) {
		dst := make([]float64, n)
		if src == nil && optional {
			return dst, nil
		}
		if len(src) != n {
			return nil, fmt.Errorf("joint admittance: %d %s values for %d joints: %w", len(src), name, n, ErrSize)
		}
		for i, x := range src {
			if !finite(x) || x < 0 || (positive && x == 0) {
				return nil, fmt.Errorf("joint admittance: %s %g at joint %d: %w", name, x, i, ErrGains)
			}
		}
		copy(dst, src)
		return dst, nil
	}
	var err error
	for _, f := range []struct {
		name               string
		src                []float64
		dst                *[]float64
		optional, positive bool
	}{
		{"mass", cfg.Mass, &c.mass, false, true},
		{"damping", cfg.Damping, &c.damp, false, true},
		{"stiffness", cfg.Stiffness, &c.stiff, true, false},
		{"kp", cfg.Kp, &c.kp, false, true},
		{"kd", cfg.Kd, &c.kd, false, false},
		{"deadband", cfg.Deadband, &c.deadband, true, false},
	} {
		if *f.dst, err = alloc(f.name, f.src, f.optional, f.positive); err != nil {
			return nil, err
		}
	}
	fc := cfg.Cutoff
	if fc == 0 {
		fc = 15
	}
	if !(fc > 0) || math.IsInf(fc, 0) {
		return nil, fmt.Errorf("joint admittance: cutoff %g Hz: %w", fc, ErrConfig)
	}
	c.tc = 1 / (2 * math.Pi * fc)
	c.x, c.v, c.rest, c.resid = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	c.q, c.g = make([]float64, n), make([]float64, n)
	return c, nil
}

// SetGains sets the virtual stiffness (Kp, ≥ 0) and damping (Kd, > 0).
func (c *JointAdmittance) SetGains(g *Gains) error {
	if len(g.Kp) != c.n || len(g.Kd) != c.n {
		return ErrGains
	}
	for i := range g.Kp {
		if !finite(g.Kp[i]) || !finite(g.Kd[i]) || g.Kp[i] < 0 || !(g.Kd[i] > 0) {
			return ErrGains
		}
	}
	copy(c.stiff, g.Kp)
	copy(c.damp, g.Kd)
	return nil
}

// ReportGains implements GainReporter: the virtual stiffness and damping
// SetGains sets.
func (c *JointAdmittance) ReportGains(dst *Gains) {
	dst.Kp, dst.Kd = append(dst.Kp[:0], c.stiff...), append(dst.Kd[:0], c.damp...)
}

// Reset starts the reference at the measured position and velocity with a
// zero interaction estimate, and latches the rest position used until a
// setpoint arrives: the first command is then g(q) with no spring
// stretched, whatever controller ran before.
func (c *JointAdmittance) Reset(st []drivers.JointState, _ []drivers.JointCommand) {
	for i := range st {
		c.x[i], c.v[i], c.rest[i] = st[i].Position, st[i].Velocity, st[i].Position
	}
	clear(c.resid)
	c.started = false
}

// Reference returns the admittance reference position (view; do not
// modify).
func (c *JointAdmittance) Reference() []float64 { return c.x }

// Interaction returns the filtered interaction-torque estimate (view).
func (c *JointAdmittance) Interaction() []float64 { return c.resid }

// Update advances the virtual dynamics to now and writes impedance commands
// that track the reference.
func (c *JointAdmittance) Update(now time.Duration, st []drivers.JointState, sp *Setpoint, out []drivers.JointCommand) {
	for i := range st {
		c.q[i] = st[i].Position
	}
	c.grav.Gravity(c.g, c.q)
	dt := 0.0
	if c.started {
		dt = (now - c.last).Seconds()
		// A gap longer than a few cycles (stale data, a pause) is not
		// integrated across: one huge Euler step would be unstable.
		if dt < 0 || dt > 0.02 {
			dt = 0
		}
	}
	c.last, c.started = now, true
	alpha := dt / (dt + c.tc)
	for i := range out {
		r := c.g[i] - st[i].Effort
		if db := c.deadband[i]; r > db {
			r -= db
		} else if r < -db {
			r += db
		} else {
			r = 0
		}
		c.resid[i] += alpha * (r - c.resid[i])
		rest, restV := c.rest[i], 0.0
		if sp.Seq != 0 {
			rest, restV = sp.Q[i], sp.Qd[i]
		}
		acc := (c.resid[i] - c.damp[i]*(c.v[i]-restV) - c.stiff[i]*(c.x[i]-rest)) / c.mass[i]
		c.v[i] += dt * acc
		c.x[i] += dt * c.v[i]
		out[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: c.x[i], Velocity: c.v[i],
			Effort: c.g[i], Kp: c.kp[i], Kd: c.kd[i]}
	}
}

var (
	_ Controller = (*JointAdmittance)(nil)
	_ GainSetter = (*JointAdmittance)(nil)
)
