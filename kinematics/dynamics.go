package kinematics

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// StandardGravity is the default gravitational acceleration of a Dynamics,
// m/s², in the base frame: −9.81 along z (the reference data's g).
var StandardGravity = [3]float64{0, 0, -9.81}

// Dynamics holds the preallocated state for the rigid-body dynamics of one
// chain: after NewDynamics, Gravity, Coriolis, InverseDynamics, MassMatrix,
// BiasMassAndJacobian and ForwardDynamics allocate nothing, so a control
// loop or a simulated plant can call them every cycle.
//
// The algorithms are Featherstone's ("Rigid Body Dynamics Algorithms",
// Springer 2008) in spatial vector algebra with body coordinates: the
// recursive Newton–Euler algorithm for inverse dynamics (RNEA, §5.3), the
// composite-rigid-body algorithm for the joint-space mass matrix (CRBA, §6.2)
// and the articulated-body algorithm for forward dynamics (ABA, §7.3). Joint
// positions, origins, axes and mass properties are read from the chain at
// every call, so edits to the chain (a payload, a recalibration) take effect
// immediately (each body's spatial inertia is derived once and kept, and
// derived again when the chain's mass properties, axis or joint type no
// longer match it); changing the number of joints is not allowed. The hot
// paths are in dynamics_body.go; tools/pinbench times them against
// Pinocchio and Orocos KDL.
//
// Torques are N·m for revolute and continuous joints and N for prismatic
// ones. Joint friction, damping and rotor inertia are not modelled.
//
// A Dynamics is not safe for concurrent use; give each goroutine its own.
type Dynamics struct {
	// G is the gravitational acceleration in the base frame, m/s². It
	// defaults to StandardGravity; set it to zero for a gravity-free model or
	// rotate it for a tilted base.
	G [3]float64

	chain *Chain
	body  []dynBody
	ws    *Workspace  // frames in the base frame, for BiasMassAndJacobian
	world []worldBody // BiasMassAndJacobian's scratch
}

// dynBody is the per-body scratch of the algorithms, all in body coordinates.
type dynBody struct {
	X  spXform   // parent body (or base) to this body, at the current q
	S  spVec     // joint motion subspace (a single column: 1-DoF joints)
	I  spInertia // the body's own inertia, about its origin
	v  spVec     // spatial velocity
	a  spVec     // spatial acceleration
	c  spVec     // velocity-product acceleration v ×m (S·q̇)
	f  spVec     // RNEA: force transmitted across the joint; ABA: bias force pᴬ
	Ic spInertia // CRBA composite inertia of this body and its descendants

	IA [36]float64 // ABA articulated-body inertia (the reference ABA's)
	ab abInertia   // ABA articulated-body inertia (the fast path's)
	U  spVec       // ABA: Iᴬ·S
	D  float64     // ABA: Sᵀ·Iᴬ·S
	u  float64     // ABA: τ − Sᵀ·pᴬ

	cst dynConst // what S and I were derived from (see refresh)
}

// NewDynamics returns a dynamics workspace for c with gravity StandardGravity.
// It panics when a joint of c is Fixed (chains hold movable joints only).
func NewDynamics(c *Chain) *Dynamics {
	for i := range c.Joints {
		if c.Joints[i].Type == Fixed {
			panic(fmt.Sprintf("kinematics: NewDynamics: joint %d (%q) is fixed; a Chain holds movable joints only", i, c.Joints[i].Name))
		}
	}
	return &Dynamics{G: StandardGravity, chain: c, body: make([]dynBody, len(c.Joints)),
		ws: NewWorkspace(c), world: make([]worldBody, len(c.Joints))}
}

// Chain returns the chain the workspace computes for.
func (d *Dynamics) Chain() *Chain { return d.chain }

// DoF returns the number of joints.
func (d *Dynamics) DoF() int { return len(d.body) }

func (d *Dynamics) check(method, name string, x []float64) {
	if len(x) != len(d.body) {
		panic(fmt.Sprintf("kinematics: Dynamics.%s: len(%s) = %d, want %d (the chain's DoF)", method, name, len(x), len(d.body)))
	}
}

// checkChain panics when the chain's joint count changed since NewDynamics.
func (d *Dynamics) checkChain() {
	if len(d.chain.Joints) != len(d.body) {
		panic(fmt.Sprintf("kinematics: Dynamics: the chain now has %d joints, the workspace was made for %d", len(d.chain.Joints), len(d.body)))
	}
}

// baseAcceleration returns the fictitious base acceleration that accounts for
// gravity: accelerating the base by −g is equivalent to a gravity field g on
// every body and costs nothing extra (Featherstone 2008, §5.3).
func (d *Dynamics) baseAcceleration() spVec {
	return spVec{0, 0, 0, -d.G[0], -d.G[1], -d.G[2]}
}

// tipWrench returns the wrench (force, torque in the base frame, torque about
// the tip origin) as a spatial force on the last body in its own coordinates.
// It needs the last body's orientation in the base frame, so it runs after
// kinematics.
func (d *Dynamics) tipWrench(w *[6]float64) spVec {
	R := Identity().R
	for i := range d.body {
		R = spMul33(&R, &d.body[i].X.R)
	}
	f := spMulT3(&R, [3]float64{w[0], w[1], w[2]})
	n := spMulT3(&R, [3]float64{w[3], w[4], w[5]})
	// Shift the moment from the tip origin to the body origin: n_O = n_tip + t×f
	// with t the tip origin in body coordinates.
	tf := cross(d.chain.Tip.P, f)
	return spVec{n[0] + tf[0], n[1] + tf[1], n[2] + tf[2], f[0], f[1], f[2]}
}

// Gravity sets tau to the joint torques that hold the chain still at q against
// the gravity field G: the inverse dynamics with q̇ = q̈ = 0.
// It panics when a length differs from the chain's DoF.
func (d *Dynamics) Gravity(tau, q []float64) {
	d.check("Gravity", "tau", tau)
	d.check("Gravity", "q", q)
	d.kinematics(q)
	d.rnea(tau, nil, nil, true, nil)
}

// Coriolis sets tau to the velocity-product torques C(q, q̇)·q̇ (Coriolis and
// centrifugal): the inverse dynamics with q̈ = 0 and no gravity.
// It panics when a length differs from the chain's DoF.
func (d *Dynamics) Coriolis(tau, q, qd []float64) {
	d.check("Coriolis", "tau", tau)
	d.check("Coriolis", "q", q)
	d.check("Coriolis", "qd", qd)
	d.kinematics(q)
	d.rnea(tau, qd, nil, false, nil)
}

// InverseDynamics sets tau to the joint torques that produce the joint
// accelerations qdd at position q and velocity qd:
// τ = M(q)·q̈ + C(q, q̇)·q̇ + g(q), with the recursive Newton–Euler algorithm.
// It panics when a length differs from the chain's DoF.
func (d *Dynamics) InverseDynamics(tau, q, qd, qdd []float64) {
	d.check("InverseDynamics", "tau", tau)
	d.check("InverseDynamics", "q", q)
	d.check("InverseDynamics", "qd", qd)
	d.check("InverseDynamics", "qdd", qdd)
	d.kinematics(q)
	d.rnea(tau, qd, qdd, true, nil)
}

// InverseDynamicsExt is InverseDynamics with an external wrench that the
// environment (a patient's limb, tissue, a tool) applies to the tip: wrench
// holds the force (N) then the torque (N·m) in the base frame, the torque
// about the tip origin — the row order of Workspace.Jacobian. The result is
// τ = M·q̈ + C·q̇ + g − Jᵀ·wrench: the joints need that much less torque when
// the environment pushes the way they move.
// It panics when a length differs from the chain's DoF.
func (d *Dynamics) InverseDynamicsExt(tau, q, qd, qdd []float64, wrench [6]float64) {
	d.check("InverseDynamicsExt", "tau", tau)
	d.check("InverseDynamicsExt", "q", q)
	d.check("InverseDynamicsExt", "qd", qd)
	d.check("InverseDynamicsExt", "qdd", qdd)
	d.kinematics(q)
	d.rnea(tau, qd, qdd, true, &wrench)
}

// MassMatrix sets dst to the joint-space mass (inertia) matrix M(q), with the
// composite-rigid-body algorithm (Featherstone 2008, Table 6.2): the inertia
// of each body and everything outboard of it, projected on the joint axes.
// An empty dst is resized to DoF×DoF (which allocates); otherwise it panics
// when dst is not DoF×DoF or len(q) differs from the chain's DoF.
func (d *Dynamics) MassMatrix(dst *mat.SymDense, q []float64) {
	n := len(d.body)
	d.check("MassMatrix", "q", q)
	if dst.IsEmpty() {
		dst.ReuseAsSym(n)
	}
	d.checkMass("MassMatrix", dst)
	d.kinematics(q)
	d.crba(dst)
}

// checkMass panics unless dst is DoF×DoF.
func (d *Dynamics) checkMass(method string, dst *mat.SymDense) {
	if r, n := dst.SymmetricDim(), len(d.body); r != n {
		panic(fmt.Sprintf("kinematics: Dynamics.%s: destination is %d×%d, want %d×%d", method, r, r, n, n))
	}
}

// ForwardDynamics sets qdd to the joint accelerations that the torques tau
// produce at position q and velocity qd under the gravity field G, with the
// articulated-body algorithm (Featherstone 2008, Table 7.1): O(n), no matrix
// inversion, and no allocation, so a simulated plant can call it every
// integration substep. It panics when a length differs from the chain's DoF.
//
// A body whose joint moves no inertia at all (a massless tip link with no
// rotational inertia about the axis) makes the dynamics singular; qdd is then
// NaN or ±Inf rather than a panic.
func (d *Dynamics) ForwardDynamics(qdd, q, qd, tau []float64) {
	d.check("ForwardDynamics", "qdd", qdd)
	d.check("ForwardDynamics", "q", q)
	d.check("ForwardDynamics", "qd", qd)
	d.check("ForwardDynamics", "tau", tau)
	d.aba(qdd, q, qd, tau, nil)
}

// ForwardDynamicsExt is ForwardDynamics with an external wrench on the tip, in
// the convention of InverseDynamicsExt (force then torque in the base frame,
// torque about the tip origin, applied by the environment to the robot).
func (d *Dynamics) ForwardDynamicsExt(qdd, q, qd, tau []float64, wrench [6]float64) {
	d.check("ForwardDynamicsExt", "qdd", qdd)
	d.check("ForwardDynamicsExt", "q", q)
	d.check("ForwardDynamicsExt", "qd", qd)
	d.check("ForwardDynamicsExt", "tau", tau)
	d.aba(qdd, q, qd, tau, &wrench)
}

// KineticEnergy returns ½·q̇ᵀ·M(q)·q̇, in J, computed body by body as
// Σ ½·vᵢᵀ·Iᵢ·vᵢ (O(n), without forming M).
// It panics when a length differs from the chain's DoF.
func (d *Dynamics) KineticEnergy(q, qd []float64) float64 {
	d.check("KineticEnergy", "q", q)
	d.check("KineticEnergy", "qd", qd)
	d.kinematics(q)
	var vp spVec
	e := 0.0
	for i := range d.body {
		b := &d.body[i]
		b.v = b.X.motion(&vp)
		for k := range b.v {
			b.v[k] += b.S[k] * qd[i]
		}
		iv := b.I.mul(&b.v)
		e += 0.5 * spDot(&b.v, &iv)
		vp = b.v
	}
	return e
}

// PotentialEnergy returns the gravitational potential energy at q, in J,
// −Σ mᵢ·G·cᵢ with cᵢ each body's centre of mass in the base frame (zero at
// the base origin). Its gradient is Gravity's torque.
// It panics when len(q) differs from the chain's DoF.
func (d *Dynamics) PotentialEnergy(q []float64) float64 {
	d.check("PotentialEnergy", "q", q)
	var local Frame
	pose := Identity()
	e := 0.0
	for i := range d.chain.Joints {
		j := &d.chain.Joints[i]
		jointPose(&local, j, q[i])
		pose.Mul(&pose, &local)
		c := pose.Apply(j.Body.COM)
		e -= j.Body.Mass * (d.G[0]*c[0] + d.G[1]*c[1] + d.G[2]*c[2])
	}
	return e
}
