package exercise

import (
	"fmt"
	"math"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/kinematics"
	"gonum.org/v1/gonum/mat"
)

// level is a float64 published by a real-time controller for non-real-time
// readers, without a lock.
type level struct{ bits atomic.Uint64 }

func (l *level) store(x float64) { l.bits.Store(math.Float64bits(x)) }
func (l *level) load() float64   { return math.Float64frombits(l.bits.Load()) }

// AssistConfig configures an Assist controller. Slices have one value per
// joint.
type AssistConfig struct {
	// Gravity supports the weight of robot and limb (required).
	Gravity control.GravityModel
	// Initial and Max are the assistance stiffness at the start and its
	// ceiling, N·m/rad; Max > 0.
	Initial, Max []float64
	// Damping is the impedance damping, N·m·s/rad.
	Damping []float64
	// LearningRate k (N·m/rad per rad·s) and ForgettingTime τ_f of the
	// adaptation law, see Assist. 0 means 1000 and 4 s.
	LearningRate   float64
	ForgettingTime time.Duration
	// Deadband, rad: tracking errors below it are not learned from, so a
	// patient within it of the reference is "succeeding" and the help fades.
	// 0 means 0.02 rad (≈1°).
	Deadband float64
}

// Assist is the assist-as-needed controller: an impedance around the
// exercise's reference whose stiffness g adapts to the patient's tracking
// error, with gravity support. Each cycle of length Δt, per joint,
//
//	g ← f·g + k·max(0, |e| − δ)·Δt,  f = exp(−Δt/τ_f),  e = q_ref − q,
//
// clamped to [0, Max]. This is the error-based adaptation with a forgetting
// factor of Emken, Bobrow & Reinkensmeyer (2007, "Robotic movement training
// as an optimization problem: designing a controller that assists only as
// needed", ICORR; per trial, x ← f·x + g·e) in the continuous form Wolbrecht,
// Chan, Reinkensmeyer & Bobrow use for their model-based assistance
// (IEEE TNSRE 16(3) 2008): the help grows while the patient lags and decays
// with time constant τ_f when they track by themselves, so the robot
// continually tries to do less — Wolbrecht et al. found the forgetting term
// essential to keep the patient from slacking. Here the assistance is a
// stiffness rather than their radial-basis force model; with a steady error
// e it settles at g* = k·(|e| − δ)·τ_f (with the defaults 4000·(|e| − δ),
// 400 N·m/rad at 0.12 rad of error, before the ceiling Max). The defaults were chosen on the
// simulated patient of rehab/patientsim, not taken from the paper, whose
// gains were for a different robot and parametrisation.
type Assist struct {
	grav                control.GravityModel
	g, initial, max, kd []float64
	k, tau, deadband    float64
	q, tau0             []float64
	last                time.Duration
	started             bool
	level               level
}

// NewAssist checks cfg and returns the controller.
func NewAssist(cfg AssistConfig) (*Assist, error) {
	n := len(cfg.Max)
	if n == 0 || cfg.Gravity == nil || len(cfg.Initial) != n || len(cfg.Damping) != n {
		return nil, fmt.Errorf("assist: %d max, %d initial, %d damping values, gravity %v: %w",
			n, len(cfg.Initial), len(cfg.Damping), cfg.Gravity != nil, ErrExercise)
	}
	for i := range n {
		if !(cfg.Max[i] > 0) || !(cfg.Initial[i] >= 0 && cfg.Initial[i] <= cfg.Max[i]) || !(cfg.Damping[i] >= 0) ||
			math.IsInf(cfg.Max[i], 0) || math.IsInf(cfg.Damping[i], 0) {
			return nil, fmt.Errorf("assist: joint %d stiffness %g ≤ %g, damping %g: %w", i, cfg.Initial[i], cfg.Max[i], cfg.Damping[i], ErrExercise)
		}
	}
	c := &Assist{grav: cfg.Gravity, k: cfg.LearningRate, tau: cfg.ForgettingTime.Seconds(), deadband: cfg.Deadband,
		g: make([]float64, n), initial: append([]float64(nil), cfg.Initial...), max: append([]float64(nil), cfg.Max...),
		kd: append([]float64(nil), cfg.Damping...), q: make([]float64, n), tau0: make([]float64, n)}
	if c.k == 0 {
		c.k = 1000
	}
	if c.tau == 0 {
		c.tau = 4
	}
	if c.deadband == 0 {
		c.deadband = 0.02
	}
	if !(c.k > 0) || !(c.tau > 0) || !(c.deadband >= 0) {
		return nil, fmt.Errorf("assist: learning rate %g, forgetting time %g s, deadband %g: %w", c.k, c.tau, c.deadband, ErrExercise)
	}
	copy(c.g, c.initial)
	c.publish()
	return c, nil
}

// Reset keeps the learned stiffness (a pause does not forget the patient)
// and restarts the adaptation clock.
func (c *Assist) Reset([]drivers.JointState, []drivers.JointCommand) { c.started = false }

// Restart returns the stiffness to its initial value. Not for the real-time
// path while the controller is active: call it before the loop starts or
// while another controller is active.
func (c *Assist) Restart() {
	copy(c.g, c.initial)
	c.publish()
}

// Level returns the assistance level: mean over joints of g/Max, in [0, 1].
// Safe for concurrent use.
func (c *Assist) Level() float64 { return c.level.load() }

func (c *Assist) publish() {
	s := 0.0
	for i := range c.g {
		s += c.g[i] / c.max[i]
	}
	c.level.store(s / float64(len(c.g)))
}

// Update adapts the stiffness and writes impedance commands toward the
// setpoint (holding the measured position until one arrives).
func (c *Assist) Update(now time.Duration, st []drivers.JointState, sp *control.Setpoint, out []drivers.JointCommand) {
	for i := range st {
		c.q[i] = st[i].Position
	}
	c.grav.Gravity(c.tau0, c.q)
	dt := 0.0
	if c.started {
		dt = (now - c.last).Seconds()
		if dt < 0 || dt > 0.05 {
			dt = 0
		}
	}
	c.last, c.started = now, true
	f := math.Exp(-dt / c.tau)
	for i := range out {
		ref, refV := c.q[i], 0.0
		if sp.Seq != 0 {
			ref, refV = sp.Q[i], sp.Qd[i]
		}
		e := math.Abs(ref-c.q[i]) - c.deadband
		c.g[i] = f*c.g[i] + c.k*math.Max(0, e)*dt
		c.g[i] = math.Min(c.g[i], c.max[i])
		out[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: ref, Velocity: refV,
			Effort: c.tau0[i], Kp: c.g[i], Kd: c.kd[i]}
	}
	c.publish()
}

// ResistConfig configures a Resist controller: viscous resistance
// τ = −b·q̇ and/or elastic resistance τ = −k·(q − q₀), on top of gravity
// support. Slices have one value per joint; nil means zero.
type ResistConfig struct {
	Gravity control.GravityModel // required
	// Viscous b, N·m·s/rad; Elastic k, N·m/rad.
	Viscous, Elastic []float64
	// Anchor q₀, rad; nil anchors the spring where the joint is when the
	// controller becomes active.
	Anchor []float64
}

// Resist is the resistive-exercise controller: the patient moves against a
// virtual damper (strength at speed) or spring (strength at range) while the
// robot carries the weight of itself and the limb; the command is an effort,
// so the supervisor's effort limit bounds the resistance.
type Resist struct {
	grav             control.GravityModel
	b, k, anchor, q0 []float64
	fixed            bool
	q, g             []float64
}

// NewResist checks cfg and returns the controller for n joints.
func NewResist(n int, cfg ResistConfig) (*Resist, error) {
	if n <= 0 || cfg.Gravity == nil {
		return nil, fmt.Errorf("resist: %d joints, gravity %v: %w", n, cfg.Gravity != nil, ErrExercise)
	}
	c := &Resist{grav: cfg.Gravity, b: make([]float64, n), k: make([]float64, n), anchor: make([]float64, n),
		q0: make([]float64, n), q: make([]float64, n), g: make([]float64, n), fixed: cfg.Anchor != nil}
	for _, v := range []struct {
		src, dst []float64
		signed   bool
	}{{cfg.Viscous, c.b, false}, {cfg.Elastic, c.k, false}, {cfg.Anchor, c.anchor, true}} {
		if v.src == nil {
			continue
		}
		if len(v.src) != n {
			return nil, fmt.Errorf("resist: %d values for %d joints: %w", len(v.src), n, ErrExercise)
		}
		for _, x := range v.src {
			if !finite(x) || (!v.signed && x < 0) {
				return nil, fmt.Errorf("resist: value %g: %w", x, ErrExercise)
			}
		}
		copy(v.dst, v.src)
	}
	return c, nil
}

// Reset anchors the spring (unless Anchor was given).
func (c *Resist) Reset(st []drivers.JointState, _ []drivers.JointCommand) {
	for i := range st {
		c.q0[i] = st[i].Position
		if c.fixed {
			c.q0[i] = c.anchor[i]
		}
	}
}

// Update writes τ = g(q) − b·q̇ − k·(q − q₀) as effort commands.
func (c *Resist) Update(_ time.Duration, st []drivers.JointState, _ *control.Setpoint, out []drivers.JointCommand) {
	for i := range st {
		c.q[i] = st[i].Position
	}
	c.grav.Gravity(c.g, c.q)
	for i := range out {
		tau := c.g[i] - c.b[i]*st[i].Velocity - c.k[i]*(st[i].Position-c.q0[i])
		out[i] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: tau}
	}
}

// Space is where a guidance corridor is defined.
type Space uint8

// Corridor spaces.
const (
	JointSpace     Space = iota // around the straight line between two postures
	CartesianSpace              // around the straight line between the tool positions at those postures
)

// CorridorConfig configures a Corridor controller.
type CorridorConfig struct {
	Gravity control.GravityModel // required
	Space   Space
	// Chain is the robot's chain, required for CartesianSpace.
	Chain *kinematics.Chain
	// From and To are the postures at the ends of the path, rad.
	From, To []float64
	// Width is the corridor's half-width: rad in joint space, m in
	// Cartesian space; > 0.
	Width float64
	// Stiffness and Damping of the walls: N·m/rad and N·m·s/rad in joint
	// space, N/m and N·s/m in Cartesian space. Damping acts only on motion
	// out through a wall.
	Stiffness, Damping float64
}

// Corridor is path guidance with virtual walls (the "haptic tunnel" of
// end-effector rehabilitation robots, e.g. the MIT-Manus/InMotion reaching
// games): inside a tube of half-width w around the segment between two
// points the patient moves freely (gravity supported, no force); beyond it a
// stiff spring-damper pushes back toward the tube,
//
//	F = −K·(d − w)·n̂ − B·max(0, v·n̂)·n̂   when d > w, else 0,
//
// with d the distance to the segment and n̂ the outward direction. In
// Cartesian space the force acts on the tool and becomes joint torques
// τ = J_vᵀ·F; effort commands, so the supervisor bounds them.
type Corridor struct {
	grav        control.GravityModel
	space       Space
	ws          *kinematics.Workspace
	jac         *mat.Dense
	a, b        []float64 // segment ends (joint or Cartesian coordinates)
	w, k, d     float64
	p, v, force []float64
	q, g        []float64
	outside     level
	depth       level
	// captured: the limb has been inside the corridor since the controller
	// became active; the walls act only then.
	captured bool
}

// NewCorridor checks cfg and returns the controller.
func NewCorridor(cfg CorridorConfig) (*Corridor, error) {
	n := len(cfg.From)
	if n == 0 || len(cfg.To) != n || cfg.Gravity == nil || !(cfg.Width > 0) || !(cfg.Stiffness > 0) || !(cfg.Damping >= 0) {
		return nil, fmt.Errorf("corridor: postures %d/%d, width %g, stiffness %g, damping %g: %w",
			len(cfg.From), len(cfg.To), cfg.Width, cfg.Stiffness, cfg.Damping, ErrExercise)
	}
	c := &Corridor{grav: cfg.Gravity, space: cfg.Space, w: cfg.Width, k: cfg.Stiffness, d: cfg.Damping,
		q: make([]float64, n), g: make([]float64, n)}
	switch cfg.Space {
	case JointSpace:
		c.a, c.b = append([]float64(nil), cfg.From...), append([]float64(nil), cfg.To...)
	case CartesianSpace:
		if cfg.Chain == nil || cfg.Chain.DoF() != n {
			return nil, fmt.Errorf("corridor: Cartesian space needs the robot's %d-joint chain: %w", n, ErrExercise)
		}
		c.ws = kinematics.NewWorkspace(cfg.Chain)
		c.jac = mat.NewDense(6, n, nil)
		var fa, fb kinematics.Frame
		c.ws.FK(&fa, cfg.From)
		c.ws.FK(&fb, cfg.To)
		c.a, c.b = fa.P[:], fb.P[:]
		c.a, c.b = append([]float64(nil), c.a...), append([]float64(nil), c.b...)
	default:
		return nil, fmt.Errorf("corridor: space %d: %w", cfg.Space, ErrExercise)
	}
	m := len(c.a)
	c.p, c.v, c.force = make([]float64, m), make([]float64, m), make([]float64, m)
	return c, nil
}

// Reset releases the capture: the walls engage once the limb is inside
// the corridor. A limb that starts outside it (where the previous exercise
// left it) would otherwise be shoved in by the full wall stiffness —
// 400 N·m/rad at a radian away saturates any joint, throws the limb past
// its speed limit and ends the session in a protective stop (issue 14:
// path guidance after resistive). The patient is cued to the path's start,
// which is inside.
func (c *Corridor) Reset([]drivers.JointState, []drivers.JointCommand) { c.captured = false }

// Captured reports whether the walls are engaged (the limb has entered the
// corridor since the controller became active). Not safe for concurrent
// use: for the loop's goroutine and tests.
func (c *Corridor) Captured() bool { return c.captured }

// Outside returns 1 when the last cycle was outside the corridor, else 0.
func (c *Corridor) Outside() float64 { return c.outside.load() }

// Depth returns how far beyond the wall the last cycle was (rad or m).
func (c *Corridor) Depth() float64 { return c.depth.load() }

// Deviation returns the distance from p to the segment and writes the
// outward unit vector into n (zero on the path).
func (c *Corridor) deviation(p, n []float64) float64 {
	var ab2, t float64
	for i := range p {
		d := c.b[i] - c.a[i]
		ab2 += d * d
		t += (p[i] - c.a[i]) * d
	}
	if ab2 > 0 {
		t = math.Max(0, math.Min(1, t/ab2))
	} else {
		t = 0
	}
	s := 0.0
	for i := range p {
		n[i] = p[i] - (c.a[i] + t*(c.b[i]-c.a[i]))
		s += n[i] * n[i]
	}
	s = math.Sqrt(s)
	for i := range n {
		if s > 0 {
			n[i] /= s
		} else {
			n[i] = 0
		}
	}
	return s
}

// Update writes gravity support plus the wall force as effort commands.
func (c *Corridor) Update(_ time.Duration, st []drivers.JointState, _ *control.Setpoint, out []drivers.JointCommand) {
	for i := range st {
		c.q[i] = st[i].Position
	}
	c.grav.Gravity(c.g, c.q)
	if c.space == JointSpace {
		for i := range st {
			c.p[i], c.v[i] = st[i].Position, st[i].Velocity
		}
	} else {
		var fr kinematics.Frame
		c.ws.FKJacobian(&fr, c.jac, c.q)
		for r := range 3 {
			c.p[r] = fr.P[r]
			s := 0.0
			for j := range st {
				s += c.jac.At(r, j) * st[j].Velocity
			}
			c.v[r] = s
		}
	}
	d := c.deviation(c.p, c.force) // force holds n̂ for now
	if d <= c.w {
		c.captured = true
	}
	if d > c.w && c.captured {
		vn := 0.0
		for i := range c.v {
			vn += c.v[i] * c.force[i]
		}
		mag := -c.k*(d-c.w) - c.d*math.Max(0, vn)
		for i := range c.force {
			c.force[i] *= mag
		}
		c.outside.store(1)
		c.depth.store(d - c.w)
	} else {
		clear(c.force)
		c.outside.store(0)
		c.depth.store(0)
	}
	for i := range out {
		tau := c.g[i]
		if c.space == JointSpace {
			tau += c.force[i]
		} else {
			for r := range 3 {
				tau += c.jac.At(r, i) * c.force[r]
			}
		}
		out[i] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: tau}
	}
}

// GovernorShare is the share of a joint's speed limit above which the
// speed governor brakes.
const GovernorShare = 0.8

// SpeedGovernor wraps the effort-mode controller of a patient-driven mode
// (active, resistive, path guidance): above GovernorShare of a joint's
// speed limit it adds a braking torque that grows to the joint's whole
// effort limit at the speed limit,
//
//	τ_b = −(E/((1 − s)·V))·(|q̇| − s·V)·sign(q̇)  when |q̇| > s·V,
//
// so a patient's own quick movement is slowed, as an end-stop damper
// would, instead of running into the supervisor's protective stop — which
// stays the backstop and ends the session if the patient overpowers the
// brake. Below s·V the mode is unchanged.
type SpeedGovernor struct {
	inner      control.Controller
	soft, gain []float64
}

// NewSpeedGovernor wraps inner with the speed limits and effort limits of
// limits (the supervisor's, one per joint).
func NewSpeedGovernor(inner control.Controller, limits []control.JointLimits) (*SpeedGovernor, error) {
	if inner == nil || len(limits) == 0 {
		return nil, fmt.Errorf("speed governor: controller %v, %d limits: %w", inner != nil, len(limits), ErrExercise)
	}
	g := &SpeedGovernor{inner: inner, soft: make([]float64, len(limits)), gain: make([]float64, len(limits))}
	for i, l := range limits {
		if l.Velocity > 0 && l.Effort > 0 && finite(l.Velocity) && finite(l.Effort) {
			g.soft[i] = GovernorShare * l.Velocity
			g.gain[i] = l.Effort / ((1 - GovernorShare) * l.Velocity)
		}
	}
	return g, nil
}

// Reset resets the wrapped controller.
func (g *SpeedGovernor) Reset(st []drivers.JointState, prev []drivers.JointCommand) {
	g.inner.Reset(st, prev)
}

// Update runs the wrapped controller and adds the braking torque to its
// effort commands.
func (g *SpeedGovernor) Update(now time.Duration, st []drivers.JointState, sp *control.Setpoint, out []drivers.JointCommand) {
	g.inner.Update(now, st, sp, out)
	for i := range out {
		if i >= len(g.gain) || g.gain[i] == 0 || out[i].Mode != drivers.ModeEffort {
			continue
		}
		v := st[i].Velocity
		if over := math.Abs(v) - g.soft[i]; over > 0 {
			out[i].Effort -= math.Copysign(g.gain[i]*over, v)
		}
	}
}

var (
	_ control.Controller = (*SpeedGovernor)(nil)
	_ control.Controller = (*Assist)(nil)
	_ control.Controller = (*Resist)(nil)
	_ control.Controller = (*Corridor)(nil)
)
