package plant

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
	"gonum.org/v1/gonum/mat"
)

// Joint holds the physical parameters a chain does not carry.
type Joint struct {
	// Armature is the rotor inertia reflected through the gear, J_m·N²
	// (kg·m² or kg). It dominates small distal links and keeps the dynamics
	// well conditioned.
	Armature float64
	// Viscous friction (N·m·s/rad or N·s/m) and Coulomb friction (N·m or N).
	Viscous, Coulomb float64
	// TorqueLimit saturates the motor torque (N·m or N); 0 uses the chain's
	// rated effort, and no limit when that is also 0.
	TorqueLimit float64
	// CountsPerRev quantizes the measured position (counts per revolution,
	// or per metre for prismatic joints); 0 means no quantization.
	CountsPerRev float64
}

// Limb is a patient's limb worn on a rehabilitation robot, as a passive load
// per joint: τ = −K(q − Rest) − D·q̇ − spastic resistance. Spasticity is the
// velocity-dependent increase of the tonic stretch reflex (Lance, 1980):
// above a threshold speed the resistance grows with the excess speed.
type Limb struct {
	Stiffness []float64 // N·m/rad
	Damping   []float64 // N·m·s/rad
	Rest      []float64 // rad
	// SpasticGain (N·m·s/rad) multiplies the speed above SpasticThreshold (rad/s).
	SpasticGain, SpasticThreshold []float64
}

// Config configures a plant.
type Config struct {
	Joints []Joint // one per chain joint; nil uses DefaultJoint for all
	// Gravity in the base frame, m/s²; the zero value means (0, 0, −9.81).
	Gravity *[3]float64
	// Substep is the integration step; 0 means 250 µs (4 substeps per
	// millisecond control cycle).
	Substep time.Duration
	Limb    *Limb
	// EndStopStiffness (N·m/rad) and EndStopDamping model the mechanical
	// stops just beyond the joint limits; 0 means 2000 and 20.
	EndStopStiffness, EndStopDamping float64
}

// DefaultJoint is used when Config.Joints is nil: a geared servo joint of the
// size found in rehabilitation and surgical arms.
var DefaultJoint = Joint{Armature: 0.01, Viscous: 0.05, Coulomb: 0.02, CountsPerRev: 1 << 17}

// Actuation computes the motor torques (before saturation) at every substep
// from the measured joint state; drives' control laws run here, at the
// plant's rate, as they do in real drive firmware.
type Actuation func(tau, q, qd []float64)

// Plant is the simulated robot.
type Plant struct {
	chain  *kinematics.Chain
	dyn    *kinematics.Dynamics
	joints []Joint
	limb   *Limb
	sub    time.Duration
	kStop  float64
	dStop  float64

	t            time.Duration
	q, qd, qdd   []float64
	tauMotor     []float64 // saturated motor torque of the last substep
	tauExt       []float64 // external joint torque (patient, contact)
	lower, upper []float64
	braked       []bool // joints held by their holding brake

	jMin, jMax []float64 // inertiaRange's figures, once computed

	// workspaces
	m    *mat.SymDense
	bias []float64
	rhs  []float64
	l    []float64 // Cholesky factor, row-major n×n
}

// New returns a plant for c at rest at q = 0 (clamped into the limits).
func New(c *kinematics.Chain, cfg Config) (*Plant, error) {
	n := c.DoF()
	if n == 0 {
		return nil, errors.New("plant: chain has no joints")
	}
	joints := cfg.Joints
	if joints == nil {
		joints = make([]Joint, n)
		for i := range joints {
			joints[i] = DefaultJoint
		}
	}
	if len(joints) != n {
		return nil, fmt.Errorf("plant: %d joint parameter sets for a chain of %d joints", len(joints), n)
	}
	for i, j := range joints {
		if j.Armature < 0 || j.Viscous < 0 || j.Coulomb < 0 || j.TorqueLimit < 0 || j.CountsPerRev < 0 {
			return nil, fmt.Errorf("plant: joint %d (%s): negative parameter in %+v", i, c.Joints[i].Name, j)
		}
	}
	if l := cfg.Limb; l != nil {
		for name, v := range map[string][]float64{"stiffness": l.Stiffness, "damping": l.Damping, "rest": l.Rest, "spastic gain": l.SpasticGain, "spastic threshold": l.SpasticThreshold} {
			if v != nil && len(v) != n {
				return nil, fmt.Errorf("plant: limb %s has %d values for %d joints", name, len(v), n)
			}
		}
	}
	p := &Plant{
		chain: c, dyn: kinematics.NewDynamics(c), joints: joints, limb: cfg.Limb,
		sub: cfg.Substep, kStop: cfg.EndStopStiffness, dStop: cfg.EndStopDamping,
		q: make([]float64, n), qd: make([]float64, n), qdd: make([]float64, n),
		tauMotor: make([]float64, n), tauExt: make([]float64, n),
		m: mat.NewSymDense(n, nil), bias: make([]float64, n), rhs: make([]float64, n),
		l: make([]float64, n*n), braked: make([]bool, n),
	}
	if cfg.Gravity != nil {
		p.dyn.G = *cfg.Gravity
	}
	if p.sub <= 0 {
		p.sub = 250 * time.Microsecond
	}
	if p.kStop == 0 {
		p.kStop = 2000
	}
	if p.dStop == 0 {
		p.dStop = 20
	}
	p.lower, p.upper = c.Limits()
	for i, jt := range c.Joints {
		if jt.Type == kinematics.Continuous {
			p.lower[i], p.upper[i] = math.Inf(-1), math.Inf(1)
		}
		p.q[i] = math.Max(p.lower[i], math.Min(p.upper[i], 0))
	}
	return p, nil
}

// Chain returns the simulated chain.
func (p *Plant) Chain() *kinematics.Chain { return p.chain }

// DoF returns the number of joints.
func (p *Plant) DoF() int { return len(p.q) }

// Time returns the simulated time.
func (p *Plant) Time() time.Duration { return p.t }

// Substep returns the integration step.
func (p *Plant) Substep() time.Duration { return p.sub }

// SetState places the plant at q with velocity qd (nil for zero).
func (p *Plant) SetState(q, qd []float64) {
	copy(p.q, q)
	if qd == nil {
		clear(p.qd)
	} else {
		copy(p.qd, qd)
	}
}

// SetBraked applies (on) or releases joint i's holding brake. A braked
// joint is held where it is: its velocity is zeroed when the brake engages
// and it stays still whatever the torques (an ideal holding brake, whose
// holding torque exceeds every load the joint sees), while the other joints
// move with the dynamics of the chain with that joint locked.
func (p *Plant) SetBraked(i int, on bool) {
	if on && !p.braked[i] {
		p.qd[i] = 0
	}
	p.braked[i] = on
}

// Braked reports whether joint i's holding brake is applied.
func (p *Plant) Braked(i int) bool { return p.braked[i] }

// SetExternalTorque sets joint torques applied by the environment (a
// patient's voluntary effort, a contact); they persist until changed.
func (p *Plant) SetExternalTorque(tau []float64) { copy(p.tauExt, tau) }

// Position, Velocity and Acceleration return the true joint state (views,
// valid until the next Step; do not modify).
func (p *Plant) Position() []float64     { return p.q }
func (p *Plant) Velocity() []float64     { return p.qd }
func (p *Plant) Acceleration() []float64 { return p.qdd }

// MotorTorque returns the saturated motor torques of the last substep (view).
func (p *Plant) MotorTorque() []float64 { return p.tauMotor }

// MeasuredPosition returns joint i's position as its encoder reports it.
func (p *Plant) MeasuredPosition(i int) float64 {
	cpr := p.joints[i].CountsPerRev
	if cpr == 0 {
		return p.q[i]
	}
	unit := 2 * math.Pi / cpr
	if p.chain.Joints[i].Type == kinematics.Prismatic {
		unit = 1 / cpr
	}
	return math.Round(p.q[i]/unit) * unit
}

// TorqueLimit returns joint i's motor torque limit (0: none).
func (p *Plant) TorqueLimit(i int) float64 {
	if l := p.joints[i].TorqueLimit; l > 0 {
		return l
	}
	return p.chain.Joints[i].Effort
}

// Step advances the plant by d (rounded down to whole substeps, at least
// one), calling act at every substep for the motor torques.
func (p *Plant) Step(d time.Duration, act Actuation) {
	steps := int(d / p.sub)
	if steps < 1 {
		steps = 1
	}
	dt := p.sub.Seconds()
	for s := 0; s < steps; s++ {
		if act != nil {
			act(p.tauMotor, p.q, p.qd)
		} else {
			clear(p.tauMotor)
		}
		p.accel()
		// Semi-implicit (symplectic) Euler: velocity first, then position
		// with the new velocity; stable for the stiff end stops at this step.
		for i := range p.q {
			p.qd[i] += dt * p.qdd[i]
			p.q[i] += dt * p.qd[i]
			if math.IsInf(p.lower[i], -1) {
				p.q[i] = kinematics.WrapAngle(p.q[i])
			}
		}
		p.t += p.sub
	}
}

// accel computes qdd = (M + diag(armature))⁻¹ (τ_motor + τ_ext + τ_passive − h).
func (p *Plant) accel() {
	n := len(p.q)
	for i := range p.tauMotor {
		if lim := p.TorqueLimit(i); lim > 0 {
			p.tauMotor[i] = math.Max(-lim, math.Min(lim, p.tauMotor[i]))
		}
	}
	// C(q,q̇)q̇ + g(q) and M(q), from the base-coordinate pass (about half
	// the cost of the body-coordinate RNEA + CRBA).
	p.dyn.BiasMassAndJacobian(p.bias, p.m, nil, nil, p.q, p.qd)
	for i := 0; i < n; i++ {
		j := &p.joints[i]
		tau := p.tauMotor[i] + p.tauExt[i] - p.bias[i]
		// Friction: viscous plus Coulomb smoothed over ±1 mrad/s so the
		// integrator does not chatter at zero speed.
		tau -= j.Viscous*p.qd[i] + j.Coulomb*math.Tanh(p.qd[i]/1e-3)
		// End stops: a stiff spring-damper beyond the limits.
		if d := p.q[i] - p.upper[i]; d > 0 {
			tau -= p.kStop*d + p.dStop*math.Max(p.qd[i], 0)
		} else if d := p.q[i] - p.lower[i]; d < 0 {
			tau -= p.kStop*d + p.dStop*math.Min(p.qd[i], 0)
		}
		if l := p.limb; l != nil {
			tau -= at(l.Stiffness, i)*(p.q[i]-at(l.Rest, i)) + at(l.Damping, i)*p.qd[i]
			if excess := math.Abs(p.qd[i]) - at(l.SpasticThreshold, i); excess > 0 {
				tau -= at(l.SpasticGain, i) * excess * math.Copysign(1, p.qd[i])
			}
		}
		p.rhs[i] = tau
		if p.braked[i] {
			p.rhs[i] = 0
		}
	}
	// Cholesky factorization of M + diag(armature), in place, then two
	// triangular solves: n ≤ 7 here, so O(n³) costs less than a microsecond
	// and allocates nothing.
	raw := p.m.RawSymmetric()
	L := p.l
	for i := 0; i < n; i++ {
		for k := 0; k <= i; k++ {
			// RawSymmetric stores the upper triangle: element (k,i) for k ≤ i.
			s := raw.Data[k*raw.Stride+i]
			if i == k {
				s += p.joints[i].Armature
			}
			// A braked joint's row and column become the identity's, so
			// its q̈ is 0 and the others solve the locked chain's dynamics.
			if p.braked[i] || p.braked[k] {
				s = 0
				if i == k {
					s = 1
				}
			}
			for m := 0; m < k; m++ {
				s -= L[i*n+m] * L[k*n+m]
			}
			if i == k {
				if s <= 0 {
					s = 1e-12 // massless joint: keep finite
				}
				L[i*n+i] = math.Sqrt(s)
			} else {
				L[i*n+k] = s / L[k*n+k]
			}
		}
	}
	for i := 0; i < n; i++ { // L y = rhs
		s := p.rhs[i]
		for k := 0; k < i; k++ {
			s -= L[i*n+k] * p.qdd[k]
		}
		p.qdd[i] = s / L[i*n+i]
	}
	for i := n - 1; i >= 0; i-- { // Lᵀ x = y
		s := p.qdd[i]
		for k := i + 1; k < n; k++ {
			s -= L[k*n+i] * p.qdd[k]
		}
		p.qdd[i] = s / L[i*n+i]
	}
}

func at(v []float64, i int) float64 {
	if v == nil {
		return 0
	}
	return v[i]
}
