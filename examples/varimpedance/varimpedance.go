// Package varimpedance is an example of a researcher's own chiron
// controller, kept outside chiron's packages: a joint impedance whose
// stiffness varies with the task, made passive by an energy tank, after
// Ferraguti, Secchi & Fantuzzi, "A tank-based approach to impedance control
// with variable stiffness", IEEE ICRA 2013, pp. 4948–4953.
//
// A variable stiffness K(t) can make an impedance controller inject energy
// it never received: the spring's energy V = ½·K·e² grows by ½·K̇·e² when K
// rises at a fixed deflection e, and enough of that destabilises the
// robot's contact with whatever it touches (a patient's limb, tissue).
// Ferraguti et al. pay for every increase of stiffness from a virtual
// energy tank that is filled only by the energy the controller's damping
// dissipates; with the tank empty the stiffness cannot rise, so the
// controlled robot stays passive whatever the stiffness schedule asks.
//
// Here, per joint, each cycle of length Δt:
//
//	K_d  = K_lo + (K_hi − K_lo)·min(1, |q̇_ref| / speed_full)
//	tank += Σ D·(q̇_ref − q̇)²·Δt                  (≤ tank_max)
//	K    → K_d, paying ½·(K_d − K)·e² from the tank when K_d > K
//	       (only as far as the tank holds above tank_min)
//	D    = Kd₀·√(K/Kp₀)                          (the default damping ratio)
//
// with K_lo and K_hi the parameters stiffness_min and stiffness_max times
// the assembly's default joint stiffness Kp₀ (sized for the loop rate, so
// ≤ 1 keeps the joint stable), e = q_ref − q. The schedule makes the joint
// stiff while its reference moves (tracking) and compliant when it holds
// (contact). The drives execute the impedance, τ = g(q) + K·e + D·ė, at their
// own rate (control.JointPD's command form); the supervisor gates every
// command as it does a built-in controller's. The schedule is this
// example's; the paper's contribution used here is the tank.
//
// The package registers itself as "var-impedance" in init: importing it
// (see ../cmd/chiron) is all a chiron binary needs.
package varimpedance

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/drivers"
)

// Name is the controller's registered name.
const Name = "var-impedance"

// Params are the controller's parameters (controller_params in a scenario,
// --controller-params for serve).
type Params struct {
	StiffnessMin float64 `yaml:"stiffness_min" help:"stiffness while the reference holds, × the default joint stiffness; (0, stiffness_max]"`
	StiffnessMax float64 `yaml:"stiffness_max" help:"stiffness at speed_full and above, × the default joint stiffness; (0, 1]"`
	SpeedFull    float64 `yaml:"speed_full" help:"reference speed at which the stiffness reaches stiffness_max, rad/s (or m/s); > 0"`
	TankInitial  float64 `yaml:"tank_initial" help:"energy in the tank at start, J; [tank_min, tank_max]"`
	TankMax      float64 `yaml:"tank_max" help:"tank capacity, J; > 0"`
	TankMin      float64 `yaml:"tank_min" help:"energy the tank keeps (no stiffening below it), J; [0, tank_max)"`
}

// DefaultParams: compliant at a third of the default stiffness while
// holding, the full default stiffness from 0.2 rad/s of reference speed; a
// tank of 1 J (ample for a PSM's joints at a few centiradians of error:
// ½·2000 N·m/rad·(0.02 rad)² = 0.4 J), never emptier than 10 mJ.
func DefaultParams() Params {
	return Params{StiffnessMin: 0.3, StiffnessMax: 1, SpeedFull: 0.2, TankInitial: 0.5, TankMax: 1, TankMin: 0.01}
}

// Check refuses parameters New could not run with, naming the field.
func (p *Params) Check() error {
	fin := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	switch {
	case !(p.StiffnessMax > 0) || !fin(p.StiffnessMax):
		return registry.Bad("stiffness_max", "want > 0, got %g", p.StiffnessMax)
	case p.StiffnessMax > 1:
		return registry.Bad("stiffness_max", "want ≤ 1 (the default joint stiffness is the largest the loop rate keeps stable), got %g", p.StiffnessMax)
	case !(p.StiffnessMin > 0) || !fin(p.StiffnessMin):
		return registry.Bad("stiffness_min", "want > 0, got %g", p.StiffnessMin)
	case p.StiffnessMin > p.StiffnessMax:
		return registry.Bad("stiffness_min", "want ≤ stiffness_max (%g), got %g", p.StiffnessMax, p.StiffnessMin)
	case !(p.SpeedFull > 0) || !fin(p.SpeedFull):
		return registry.Bad("speed_full", "want > 0 rad/s, got %g", p.SpeedFull)
	case !(p.TankMax > 0) || !fin(p.TankMax):
		return registry.Bad("tank_max", "want > 0 J, got %g", p.TankMax)
	case !(p.TankMin >= 0) || !(p.TankMin < p.TankMax):
		return registry.Bad("tank_min", "want 0 ≤ tank_min < tank_max (%g J), got %g", p.TankMax, p.TankMin)
	case !(p.TankInitial >= p.TankMin && p.TankInitial <= p.TankMax):
		return registry.Bad("tank_initial", "want tank_min ≤ tank_initial ≤ tank_max (%g…%g J), got %g", p.TankMin, p.TankMax, p.TankInitial)
	}
	return nil
}

func init() {
	registry.Register(Name, registry.Typed[Params]{
		Summary:  "example: joint impedance whose stiffness follows the reference speed, kept passive by an energy tank (Ferraguti et al., ICRA 2013)",
		Follows:  registry.FollowsJoints,
		Gains:    registry.GainsNone,
		Defaults: DefaultParams,
		Check:    func(_ *registry.Env, p *Params) error { return p.Check() },
		New: func(env *registry.Env, p *Params) (control.Controller, error) {
			return New(env.Kp, env.Kd, env.Period, *p, gravity(env))
		},
	}.Factory())
}

func gravity(env *registry.Env) control.GravityModel {
	if env.Dynamics == nil {
		return nil
	}
	return env.Dynamics
}

// Controller is the tank-based variable-impedance controller.
type Controller struct {
	p        Params
	kp0, kd0 []float64 // default joint stiffness and damping
	klo, khi []float64 // stiffness bounds, N·m/rad or N/m
	k, d     []float64 // current stiffness and damping
	hold     []float64 // position latched on Reset
	q, tau   []float64 // gravity scratch
	grav     control.GravityModel
	tank     float64 // J
	last     time.Duration
	started  bool
	maxDt    time.Duration
	refused  float64 // stiffness the tank could not pay for, N·m/rad, summed (diagnostics)
	injected float64 // J drawn from the tank since Reset
}

// New returns the controller for joints with default stiffness kp0 and
// damping kd0 (per joint, > 0 and ≥ 0) at a loop period; gravity may be nil.
func New(kp0, kd0 []float64, period time.Duration, p Params, gravity control.GravityModel) (*Controller, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	n := len(kp0)
	if n == 0 || len(kd0) != n {
		return nil, fmt.Errorf("var-impedance: %d default stiffnesses and %d dampings", n, len(kd0))
	}
	if period <= 0 {
		return nil, fmt.Errorf("var-impedance: period %v: want > 0", period)
	}
	for i := range n {
		if !(kp0[i] > 0) || !(kd0[i] >= 0) || math.IsInf(kp0[i], 0) || math.IsInf(kd0[i], 0) {
			return nil, fmt.Errorf("var-impedance: joint %d default gains kp %g, kd %g: want kp > 0, kd ≥ 0", i, kp0[i], kd0[i])
		}
	}
	mk := func() []float64 { return make([]float64, n) }
	c := &Controller{p: p, kp0: append([]float64(nil), kp0...), kd0: append([]float64(nil), kd0...),
		klo: mk(), khi: mk(), k: mk(), d: mk(), hold: mk(), q: mk(), tau: mk(), grav: gravity,
		maxDt: 10 * period}
	for i := range n {
		c.klo[i], c.khi[i] = p.StiffnessMin*kp0[i], p.StiffnessMax*kp0[i]
	}
	c.reset()
	return c, nil
}

func (c *Controller) reset() {
	for i := range c.k {
		c.k[i] = c.klo[i]
		c.d[i] = c.damping(i)
	}
	c.tank, c.started, c.injected, c.refused = c.p.TankInitial, false, 0, 0
}

// damping keeps the default damping ratio at the current stiffness: for a
// joint of inertia m, ζ = D/(2√(K·m)) is unchanged when D scales with √K.
func (c *Controller) damping(i int) float64 { return c.kd0[i] * math.Sqrt(c.k[i]/c.kp0[i]) }

// Reset starts from where the robot is, compliant, with a refilled tank.
func (c *Controller) Reset(st []drivers.JointState, _ []drivers.JointCommand) {
	for i := range st {
		c.hold[i] = st[i].Position
	}
	c.reset()
}

// Update schedules the stiffness, pays for its increase from the tank and
// writes the impedance commands.
func (c *Controller) Update(now time.Duration, st []drivers.JointState, sp *control.Setpoint, out []drivers.JointCommand) {
	dt := 0.0
	if c.started {
		dt = min(max(now-c.last, 0), c.maxDt).Seconds()
	}
	c.last, c.started = now, true
	// Fill: what the damping dissipated over the last cycle, at the
	// damping it had.
	for i := range out {
		ed := -st[i].Velocity
		if sp.Seq != 0 {
			ed = sp.Qd[i] - st[i].Velocity
		}
		c.tank += c.d[i] * ed * ed * dt
	}
	if c.tank > c.p.TankMax {
		c.tank = c.p.TankMax
	}
	if c.grav != nil {
		for i := range st {
			c.q[i] = st[i].Position
		}
		c.grav.Gravity(c.tau, c.q)
	}
	for i := range out {
		q, qd := c.hold[i], 0.0
		if sp.Seq != 0 {
			q, qd = sp.Q[i], sp.Qd[i]
		}
		want := c.klo[i] + (c.khi[i]-c.klo[i])*math.Min(1, math.Abs(qd)/c.p.SpeedFull)
		e := q - st[i].Position
		if dk := want - c.k[i]; dk > 0 {
			cost := 0.5 * dk * e * e
			if avail := c.tank - c.p.TankMin; cost > avail {
				// Stiffen only as far as the tank pays for.
				afford := 0.0
				if avail > 0 && e != 0 {
					afford = 2 * avail / (e * e)
				}
				c.refused += dk - afford
				dk, cost = afford, max(avail, 0)
			}
			c.k[i] += dk
			c.tank -= cost
			c.injected += cost
		} else {
			// Softening releases spring energy to the robot side; it is
			// passive, and (as in the paper) not credited to the tank.
			c.k[i] = want
		}
		c.d[i] = c.damping(i)
		ff := 0.0
		if c.grav != nil {
			ff = c.tau[i]
		}
		out[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: q, Velocity: qd, Effort: ff, Kp: c.k[i], Kd: c.d[i]}
	}
}

// Tank returns the tank's energy, J. Not safe while the loop runs the
// controller: for tests and lockstep inspection.
func (c *Controller) Tank() float64 { return c.tank }

// Stiffness returns joint i's current stiffness (same caveat as Tank).
func (c *Controller) Stiffness(i int) float64 { return c.k[i] }

// Refused returns the stiffness increase, summed over joints and cycles,
// the tank could not pay for since Reset (same caveat as Tank).
func (c *Controller) Refused() float64 { return c.refused }

var _ control.Controller = (*Controller)(nil)
