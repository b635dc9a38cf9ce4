package control

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/kinematics"
	"gonum.org/v1/gonum/mat"
)

// NullProjector selects how CartesianImpedance keeps its posture torque out
// of the task space of a redundant arm.
type NullProjector uint8

const (
	// NullDynamic is the dynamically consistent projector of Khatib (1987),
	// N = I − Jᵀ·J̄ᵀ with J̄ = M⁻¹·Jᵀ·Λ and Λ = (J·M⁻¹·Jᵀ)⁻¹: the posture
	// torque then produces no acceleration of the tool at all (not merely no
	// static force), which is what Ott (2008, §3.3) uses for compliant
	// redundant arms. It needs the mass matrix every cycle (CRBA, in the
	// same pass as the gravity and Jacobian) and a Cholesky factorisation
	// of it, and is the default.
	NullDynamic NullProjector = iota
	// NullKinematic is the static projector N = I − Jᵀ·(J·Jᵀ)⁻¹·J: cheaper
	// and model-free, but the posture torque then accelerates the tool
	// transiently (it only has no static effect on the task wrench).
	NullKinematic
)

// CartesianImpedanceConfig configures a CartesianImpedance. Axes are ordered
// like the rows of kinematics.Workspace.Jacobian: x, y, z translation then
// x, y, z rotation, in the robot base frame at the tool origin.
type CartesianImpedanceConfig struct {
	Chain *kinematics.Chain
	// Stiffness K: N/m for the translational axes, N·m/rad for the
	// rotational ones.
	Stiffness [6]float64
	// Damping D: N·s/m and N·m·s/rad. When every value is zero, D is set
	// per axis from DampingRatio ζ and ApparentMass m as D = 2ζ·√(K·m), the
	// critical damping of a mass–spring when ζ = 1.
	Damping      [6]float64
	DampingRatio float64
	// ApparentMass is the inertia the tool presents along each axis (kg and
	// kg·m²), only used to derive Damping; zero entries default to 2 kg and
	// 0.05 kg·m², of the order of a 7-DoF arm's operational-space inertia
	// away from singularities.
	ApparentMass [6]float64
	// NullStiffness (N·m/rad) and NullDamping (N·m·s/rad) are the joint
	// gains of the posture task of a redundant arm (DoF > 6), projected
	// into the null space of the tool task. Zero turns it off.
	NullStiffness, NullDamping float64
	// Posture is the preferred joint configuration; nil means the measured
	// configuration at each Reset.
	Posture []float64
	// Projector chooses the null-space projector (default NullDynamic).
	Projector NullProjector
	// Coriolis adds C(q, q̇)·q̇ to the command, so the arm behaves closer to
	// the ideal mass–spring–damper at speed (Ott 2008, §3.1). It shares the
	// gravity RNEA pass, so it costs almost nothing.
	Coriolis bool
	// Gravity is the gravitational acceleration in the base frame, m/s²;
	// nil means kinematics.StandardGravity.
	Gravity *[3]float64
	// MaxSpeed bounds the tool's speed the spring may ask for: linear m/s
	// and angular rad/s; zero leaves that part unbounded. See the type's
	// documentation.
	MaxSpeed [2]float64
}

// CartesianImpedance renders a spring–damper between the tool and the
// desired pose (Hogan 1985, "Impedance control: an approach to
// manipulation"), with gravity compensation, on joint torque drives:
//
//	τ = Jᵀ·(K·e + D·ė) + g(q) [+ C(q, q̇)·q̇] + N·(k_ns·(q_posture − q) − d_ns·q̇)
//
// e is the pose error (position in m, orientation as the rotation vector of
// R_d·Rᵀ in rad, kinematics.RotationError), ė = twist_d − J·q̇, K and D
// diagonal. This is the compliance controller without inertia shaping that
// Ott (2008, "Cartesian Impedance Control of Redundant and Flexible-Joint
// Robots", ch. 3) proves passive, and the one that Franka and KUKA ship: it
// needs no force sensor and no inversion of the mass matrix in the task.
// The posture term uses the projector N (see NullProjector).
//
// With MaxSpeed set, the law is written as a damper towards a desired
// velocity, F = D·(v_d − J·q̇) with v_d = twist_d + D⁻¹·K·e, and v_d's
// linear and angular parts are each scaled down to their bound — the
// velocity limiting of Khatib (1987, "A unified approach for motion and
// force control of robot manipulators: the operational space formulation",
// §6.2). Below the bounds it is the same law; above them the tool is
// damped towards the bound instead of being pulled by the whole spring, so
// a goal that runs ahead (a stalled network, a goal caught up after a lag)
// is not caught up faster than the bound.
//
// The desired pose is the setpoint's pose when it has one (sp.HasPose), with
// its twist as feed-forward (sp.HasTwist); otherwise the controller holds
// the pose it measured on Reset. Commands are ModeEffort. Update allocates
// nothing.
type CartesianImpedance struct {
	n         int
	ws        *kinematics.Workspace
	dyn       *kinematics.Dynamics
	jac       *mat.Dense
	j         []float64 // jac's row-major data, 6×n
	mass      *mat.SymDense
	k, d      [6]float64
	vmax      [2]float64
	kns, dns  float64
	proj      NullProjector
	coriolis  bool
	posture   []float64
	fixedPost bool

	hold kinematics.Frame // pose latched on Reset
	pose kinematics.Frame
	goal kinematics.Frame

	q, qd, tau, tmp []float64
	lm, dinv        []float64 // Cholesky factor of M (n×n) and 1/diag
	x               []float64 // 6×n: row r is L⁻¹·J_rᵀ
	u               []float64 // L⁻¹·τ0
	a, la           [36]float64
	ladinv, w       [6]float64
}

// NewCartesianImpedance checks cfg and allocates the controller.
func NewCartesianImpedance(cfg CartesianImpedanceConfig) (*CartesianImpedance, error) {
	if cfg.Chain == nil || cfg.Chain.DoF() == 0 {
		return nil, fmt.Errorf("cartesian impedance: no chain: %w", ErrConfig)
	}
	n := cfg.Chain.DoF()
	if cfg.Posture != nil && len(cfg.Posture) != n {
		return nil, fmt.Errorf("cartesian impedance: posture of %d values for %d joints: %w", len(cfg.Posture), n, ErrSize)
	}
	if !(cfg.NullStiffness >= 0) || !(cfg.NullDamping >= 0) || !(cfg.DampingRatio >= 0) || math.IsInf(cfg.NullStiffness+cfg.NullDamping+cfg.DampingRatio, 0) {
		return nil, fmt.Errorf("cartesian impedance: null-space gains %g, %g, damping ratio %g: %w", cfg.NullStiffness, cfg.NullDamping, cfg.DampingRatio, ErrGains)
	}
	if cfg.Projector > NullKinematic {
		return nil, fmt.Errorf("cartesian impedance: projector %d: %w", cfg.Projector, ErrConfig)
	}
	if v := cfg.MaxSpeed; !(v[0] >= 0) || !(v[1] >= 0) || math.IsInf(v[0]+v[1], 0) {
		return nil, fmt.Errorf("cartesian impedance: speed bounds %g m/s, %g rad/s: want ≥ 0, finite: %w", v[0], v[1], ErrConfig)
	}
	c := &CartesianImpedance{vmax: cfg.MaxSpeed,
		n: n, ws: kinematics.NewWorkspace(cfg.Chain), dyn: kinematics.NewDynamics(cfg.Chain),
		jac: mat.NewDense(6, n, nil), mass: mat.NewSymDense(n, nil),
		kns: cfg.NullStiffness, dns: cfg.NullDamping, proj: cfg.Projector, coriolis: cfg.Coriolis,
		posture: make([]float64, n), fixedPost: cfg.Posture != nil,
		q: make([]float64, n), qd: make([]float64, n), tau: make([]float64, n), tmp: make([]float64, n),
		lm: make([]float64, n*n), dinv: make([]float64, n), x: make([]float64, 6*n), u: make([]float64, n),
	}
	c.j = c.jac.RawMatrix().Data
	if cfg.Gravity != nil {
		c.dyn.G = *cfg.Gravity
	}
	if c.fixedPost {
		copy(c.posture, cfg.Posture)
	}
	damping := cfg.Damping
	if damping == ([6]float64{}) {
		for i := range damping {
			m := cfg.ApparentMass[i]
			if m == 0 {
				m = 2
				if i >= 3 {
					m = 0.05
				}
			}
			damping[i] = CriticalDamping(cfg.Stiffness[i], m, cfg.DampingRatio)
		}
	}
	if err := c.SetGains(&Gains{Kp: cfg.Stiffness[:], Kd: damping[:]}); err != nil {
		return nil, fmt.Errorf("cartesian impedance: %w", err)
	}
	c.hold = kinematics.Identity()
	return c, nil
}

// CriticalDamping returns the damping 2ζ·√(k·m) that gives a mass m on a
// spring k the damping ratio ζ (ζ = 1: critically damped). NaN for negative
// inputs.
func CriticalDamping(k, m, zeta float64) float64 { return 2 * zeta * math.Sqrt(k*m) }

// SetGains sets the Cartesian stiffness (Kp) and damping (Kd), six values
// each in the Jacobian's axis order: N/m and N·s/m for translation, N·m/rad
// and N·m·s/rad for rotation. Values must be finite and non-negative.
func (c *CartesianImpedance) SetGains(g *Gains) error {
	if len(g.Kp) != 6 || len(g.Kd) != 6 {
		return ErrGains
	}
	for i := range 6 {
		if !finite(g.Kp[i]) || !finite(g.Kd[i]) || g.Kp[i] < 0 || g.Kd[i] < 0 {
			return ErrGains
		}
	}
	copy(c.k[:], g.Kp)
	copy(c.d[:], g.Kd)
	return nil
}

// Gains returns the current stiffness and damping.
func (c *CartesianImpedance) Gains() (k, d [6]float64) { return c.k, c.d }

// ReportGains implements GainReporter: the six axes x y z rx ry rz.
func (c *CartesianImpedance) ReportGains(dst *Gains) {
	dst.Kp, dst.Kd = append(dst.Kp[:0], c.k[:]...), append(dst.Kd[:0], c.d[:]...)
}

// Reset latches the measured tool pose as the pose to hold until a setpoint
// with a pose arrives, and the measured configuration as the posture (unless
// one was configured). At the measured state the spring is then relaxed and
// the first command is g(q) plus damping of the measured motion: the torque
// step from a controller that held the arm against gravity is only the
// damping term, which is what makes a switch bumpless.
func (c *CartesianImpedance) Reset(st []drivers.JointState, _ []drivers.JointCommand) {
	for i := range st {
		c.q[i] = st[i].Position
	}
	c.ws.FK(&c.hold, c.q)
	if !c.fixedPost {
		copy(c.posture, c.q)
	}
}

// Hold returns the pose held when no setpoint pose is given.
func (c *CartesianImpedance) Hold() kinematics.Frame { return c.hold }

// Update computes the joint torques and writes them as ModeEffort commands.
func (c *CartesianImpedance) Update(_ time.Duration, st []drivers.JointState, sp *Setpoint, out []drivers.JointCommand) {
	n := c.n
	for i := range st {
		c.q[i], c.qd[i] = st[i].Position, st[i].Velocity
	}
	// The pose, J, g(q) [+ C·q̇] and, for the dynamic projector, M(q), from
	// one pass over the chain's kinematics.
	nullSpace := n > 6 && (c.kns > 0 || c.dns > 0)
	var qd []float64
	if c.coriolis {
		qd = c.qd
	}
	var mass *mat.SymDense
	if nullSpace && c.proj == NullDynamic {
		mass = c.mass
	}
	c.dyn.BiasMassAndJacobian(c.tau, mass, &c.pose, c.jac, c.q, qd)

	target := &c.hold
	var twist [6]float64
	if sp.Seq != 0 {
		if sp.HasPose {
			c.goal.R, c.goal.P = sp.Rotation, sp.Position
			target = &c.goal
		}
		if sp.HasTwist {
			twist = sp.Twist
		}
	}
	var e [6]float64
	for a := range 3 {
		e[a] = target.P[a] - c.pose.P[a]
	}
	rot := kinematics.RotationError(&target.R, &c.pose.R)
	e[3], e[4], e[5] = rot[0], rot[1], rot[2]

	// Task wrench F = K·e + D·(twist_d − J·q̇), or with a speed bound
	// F = D·(ν·v_d − J·q̇), v_d = twist_d + D⁻¹·K·e.
	var f, vd [6]float64
	for r := range 6 {
		if c.d[r] > 0 {
			vd[r] = twist[r] + c.k[r]/c.d[r]*e[r]
		}
	}
	scale := [2]float64{1, 1}
	for part, vmax := range c.vmax {
		if vmax > 0 {
			v := vd[3*part : 3*part+3]
			if s := math.Sqrt(v[0]*v[0] + v[1]*v[1] + v[2]*v[2]); s > vmax {
				scale[part] = vmax / s
			}
		}
	}
	for r := range 6 {
		row := c.j[r*n : r*n+n]
		v := 0.0
		for i, qd := range c.qd {
			v += row[i] * qd
		}
		if scale[r/3] < 1 && c.d[r] > 0 {
			f[r] = c.d[r] * (scale[r/3]*vd[r] - v)
		} else {
			f[r] = c.k[r]*e[r] + c.d[r]*(twist[r]-v)
		}
	}

	// τ = g(q) [+ C·q̇] + Jᵀ·F.
	for i := range n {
		s := 0.0
		for r := range 6 {
			s += c.j[r*n+i] * f[r]
		}
		c.tau[i] += s
	}
	if nullSpace {
		c.nullSpace(mass != nil)
	}
	for i := range out {
		out[i] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: c.tau[i]}
	}
}

// nullSpace adds N·τ0 to c.tau with τ0 = k_ns·(q_posture − q) − d_ns·q̇,
// evaluated as τ0 − Jᵀ·(J·W⁻¹·Jᵀ)⁻¹·J·W⁻¹·τ0 with W = M (dynamic, c.mass
// holding M(q) for this cycle) or W = I (kinematic), without forming N.
//
// With W = L·Lᵀ (Cholesky), J·W⁻¹·Jᵀ = Yᵀ·Y and J·W⁻¹·τ0 = Yᵀ·u for
// Y = L⁻¹·Jᵀ and u = L⁻¹·τ0: seven forward substitutions, no back
// substitution, and the 6×6 task matrix comes out symmetric by construction.
func (c *CartesianImpedance) nullSpace(dynamic bool) {
	n := c.n
	tau0 := c.tmp
	for i := range tau0 {
		tau0[i] = c.kns*(c.posture[i]-c.q[i]) - c.dns*c.qd[i]
	}
	y, u := c.x, c.u
	if dynamic {
		raw := c.mass.RawSymmetric() // upper triangle, stride n
		cholesky(c.lm, c.dinv, raw.Data, n, 0)
		for r := range 6 {
			forwardSubst(c.lm, c.dinv, c.j[r*n:r*n+n], y[r*n:r*n+n], n)
		}
		forwardSubst(c.lm, c.dinv, tau0, u, n)
	} else {
		copy(y, c.j)
		copy(u, tau0)
	}
	// A = Yᵀ·Y (6×6), factored with a small regularisation so a singular
	// configuration gives a bounded projection; w = Yᵀ·u.
	for r := range 6 {
		yr := y[r*n : r*n+n]
		for s := r; s < 6; s++ {
			ys := y[s*n : s*n+n]
			v := 0.0
			for i, x := range yr {
				v += x * ys[i]
			}
			c.a[r*6+s] = v
		}
		v := 0.0
		for i, x := range yr {
			v += x * u[i]
		}
		c.w[r] = v
	}
	cholesky(c.la[:], c.ladinv[:], c.a[:], 6, 1e-6)
	forwardSubst(c.la[:], c.ladinv[:], c.w[:], c.w[:], 6)
	backSubst(c.la[:], c.ladinv[:], c.w[:], c.w[:], 6)
	for i := range n {
		s := tau0[i]
		for r := range 6 {
			s -= c.j[r*n+i] * c.w[r]
		}
		c.tau[i] += s
	}
}

var (
	_ Controller = (*CartesianImpedance)(nil)
	_ GainSetter = (*CartesianImpedance)(nil)
)
