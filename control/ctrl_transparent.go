package control

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// TransparentConfig configures a Transparent controller.
type TransparentConfig struct {
	// Gravity is the model whose torques are fed forward. Required: without
	// it "transparent" would mean "falls".
	Gravity GravityModel
	// Viscous (N·m·s/rad or N·s/m) and Coulomb (N·m or N) friction to
	// compensate, per joint; nil means none. Compensating friction is
	// positive velocity feedback, so use at most the identified values
	// (a fraction of them is the usual choice): over-compensation makes the
	// joint run away.
	Viscous, Coulomb []float64
	// CoulombVelocity smooths the Coulomb term as c·tanh(q̇/v) so it does
	// not chatter at rest (rad/s or m/s); 0 means 0.01.
	CoulombVelocity float64
}

// Transparent is the zero-torque ("transparent", "free-drive") mode of
// rehabilitation robots: the drives only cancel the robot's own weight (and
// optionally part of its friction), so the patient or the operator moves the
// arm with nothing but its inertia to overcome — the assessment mode of
// exoskeletons such as ArmeoPower and the hand-guiding mode of collaborative
// arms. τ = g(q) + b·q̇ + c·tanh(q̇/v), as ModeEffort. It holds no state, so
// every switch to it is bumpless from any controller that was itself
// holding the arm against gravity.
type Transparent struct {
	grav             GravityModel
	viscous, coulomb []float64
	vs               float64
	q, tau           []float64
}

// NewTransparent returns a transparent controller for n joints.
func NewTransparent(n int, cfg TransparentConfig) (*Transparent, error) {
	if cfg.Gravity == nil || n <= 0 {
		return nil, fmt.Errorf("transparent: no gravity model or %d joints: %w", n, ErrConfig)
	}
	c := &Transparent{grav: cfg.Gravity, vs: cfg.CoulombVelocity,
		viscous: make([]float64, n), coulomb: make([]float64, n), q: make([]float64, n), tau: make([]float64, n)}
	for _, v := range []struct {
		name string
		src  []float64
		dst  []float64
	}{{"viscous", cfg.Viscous, c.viscous}, {"coulomb", cfg.Coulomb, c.coulomb}} {
		if v.src == nil {
			continue
		}
		if len(v.src) != n {
			return nil, fmt.Errorf("transparent: %d %s friction values for %d joints: %w", len(v.src), v.name, n, ErrSize)
		}
		for i, x := range v.src {
			if !(x >= 0) || math.IsInf(x, 0) {
				return nil, fmt.Errorf("transparent: %s friction %g at joint %d: %w", v.name, x, i, ErrConfig)
			}
		}
		copy(v.dst, v.src)
	}
	if c.vs == 0 {
		c.vs = 0.01
	}
	if !(c.vs > 0) {
		return nil, fmt.Errorf("transparent: Coulomb smoothing velocity %g: %w", c.vs, ErrConfig)
	}
	return c, nil
}

// Reset does nothing: the controller has no state.
func (c *Transparent) Reset([]drivers.JointState, []drivers.JointCommand) {}

// Update writes gravity (and friction) compensation as ModeEffort commands;
// the setpoint is ignored.
func (c *Transparent) Update(_ time.Duration, st []drivers.JointState, _ *Setpoint, out []drivers.JointCommand) {
	for i := range st {
		c.q[i] = st[i].Position
	}
	c.grav.Gravity(c.tau, c.q)
	for i := range out {
		v := st[i].Velocity
		tau := c.tau[i] + c.viscous[i]*v + c.coulomb[i]*math.Tanh(v/c.vs)
		out[i] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: tau}
	}
}

var _ Controller = (*Transparent)(nil)
