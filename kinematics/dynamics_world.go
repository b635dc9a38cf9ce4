package kinematics

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// worldBody is the per-body scratch of BiasMassAndJacobian, in base (world)
// coordinates about the base origin.
type worldBody struct {
	S    spVec     // joint motion subspace
	I    spInertia // the body's inertia
	Ic   spInertia // composite inertia of the body and its descendants
	v, f spVec     // spatial velocity; force across the joint
}

// BiasMassAndJacobian computes, from one pass over the chain's kinematics,
// what a Cartesian impedance or operational-space controller needs every
// cycle: bias = C(q, q̇)·q̇ + g(q), mass = M(q), pose = the tip pose and jac
// = the geometric Jacobian at the tip (as Workspace.FKJacobian). qd nil
// means q̇ = 0, so bias is g(q); mass nil skips the mass matrix; pose and jac
// nil skip those (a simulated plant wants only bias and M). mass must be
// DoF×DoF and jac 6×DoF; it panics when a size differs from the chain's DoF.
//
// It runs RNEA and CRBA in base coordinates (Featherstone 2008, §5.3 and
// §6.2 allow any coordinate system), which is what makes one pass cheap:
// the frames the Jacobian needs are computed anyway, each body's inertia is
// rotated into the base frame once, and after that velocities propagate,
// forces accumulate and composite inertias sum by plain addition, where the
// body-coordinate algorithms of InverseDynamics and MassMatrix apply a
// Plücker transform at every step (and CRBA one per entry of M). The price
// is that S changes with q̇ in base coordinates: Ṡᵢ = vᵢ ×m Sᵢ, which is the
// velocity-product term. The results equal InverseDynamics (or Gravity),
// MassMatrix and FKJacobian to rounding, not bit for bit.
func (d *Dynamics) BiasMassAndJacobian(bias []float64, mass *mat.SymDense, pose *Frame, jac *mat.Dense, q, qd []float64) {
	n := len(d.body)
	d.check("BiasMassAndJacobian", "bias", bias)
	d.check("BiasMassAndJacobian", "q", q)
	if qd != nil {
		d.check("BiasMassAndJacobian", "qd", qd)
	}
	if mass != nil {
		d.checkMass("BiasMassAndJacobian", mass)
	}
	if jac != nil {
		if r, c := jac.Dims(); r != 6 || c != n {
			panic(fmt.Sprintf("kinematics: Dynamics.BiasMassAndJacobian: Jacobian is %d×%d, want 6×%d", r, c, n))
		}
	}
	if len(d.chain.Joints) != n {
		panic(fmt.Sprintf("kinematics: Dynamics: the chain now has %d joints, the workspace was made for %d", len(d.chain.Joints), n))
	}
	w := d.ws
	// Forward: frames, then each body's motion subspace, inertia, velocity,
	// acceleration and Newton–Euler force, all in base coordinates. Gravity
	// is a base acceleration of −G, as in rnea.
	var vp spVec
	ap := d.baseAcceleration()
	var local Frame
	for i := range d.world {
		j := &d.chain.Joints[i]
		b := &d.world[i]
		jointPose(&local, j, q[i])
		w.setLink(i, &local, q[i])
		l := &w.link[i]
		z := w.axis[i]
		if j.Type == Prismatic {
			b.S = spVec{0, 0, 0, z[0], z[1], z[2]}
		} else {
			// A rotation about the line through o along z, as a motion
			// vector at the base origin: (z, o × z).
			oz := cross(w.origin[i], z)
			b.S = spVec{z[0], z[1], z[2], oz[0], oz[1], oz[2]}
		}
		b.I.setWorld(&j.Body, l)
		var a spVec
		if qd != nil {
			var vJ spVec
			for k := range vJ {
				vJ[k] = b.S[k] * qd[i]
			}
			for k := range b.v {
				b.v[k] = vp[k] + vJ[k]
			}
			c := spCrossMotion(&b.v, &vJ)
			for k := range a {
				a[k] = ap[k] + c[k]
			}
		} else {
			a = ap
		}
		b.f = b.I.mul(&a)
		if qd != nil {
			iv := b.I.mul(&b.v)
			bias := spCrossForce(&b.v, &iv)
			for k := range b.f {
				b.f[k] += bias[k]
			}
		}
		vp, ap = b.v, a
	}
	w.setTip()
	// Backward: each joint carries the force of everything outboard; in one
	// coordinate system that is a sum. The composite inertias sum the same
	// way.
	for i := n - 1; i >= 0; i-- {
		b := &d.world[i]
		bias[i] = spDot(&b.S, &b.f)
		if mass != nil {
			b.Ic = b.I
			if i < n-1 {
				b.Ic.add(&d.world[i+1].Ic)
			}
		}
		if i > 0 {
			p := &d.world[i-1].f
			for k := range p {
				p[k] += b.f[k]
			}
		}
	}
	if mass != nil {
		// M_ij = S_jᵀ·Ic_i·S_i for j ≤ i: the force that accelerates the
		// composite body i at unit q̈_i, projected on each inboard joint.
		raw := mass.RawSymmetric()
		for i := range d.world {
			b := &d.world[i]
			F := b.Ic.mul(&b.S)
			for jj := 0; jj <= i; jj++ {
				raw.Data[jj*raw.Stride+i] = spDot(&d.world[jj].S, &F) // upper triangle (jj, i)
			}
		}
	}
	if pose != nil {
		*pose = w.tip
	}
	if jac != nil {
		raw := jac.RawMatrix()
		w.jacobianInto(raw.Data, raw.Stride)
	}
}

// setWorld sets s to the inertia of body b whose frame has pose l in the
// base frame, in base coordinates about the base origin: h = m·c and
// I_O = R·I_c·Rᵀ + m·(|c|²·1 − c·cᵀ) with c the centre of mass in the base
// frame (parallel-axis theorem straight from the centre of mass).
func (s *spInertia) setWorld(b *Inertia, l *Frame) {
	c := l.Apply(b.COM)
	m := b.Mass
	s.m = m
	s.h = [3]float64{m * c[0], m * c[1], m * c[2]}
	s.I = spRotateSym33(&l.R, &b.I)
	shiftInertia(&s.I, m, c)
}

// add adds the inertia o (same coordinates, same reference point) to s.
func (s *spInertia) add(o *spInertia) {
	s.m += o.m
	for k := range s.h {
		s.h[k] += o.h[k]
	}
	for k := range s.I {
		s.I[k] += o.I[k]
	}
}
