package kinematics

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// The hot paths of RNEA, CRBA and ABA in body coordinates. They compute what
// the spatial-algebra helpers of dynamics_spatial.go compute (the reference
// test reproduces them to rounding), written for speed (issue 17: at least as
// fast as Pinocchio on every algorithm):
//
//   - Each body's spatial inertia about its own origin is kept in the body
//     frame, where every algorithm uses it, and derived from the chain only
//     when the chain's mass properties, axis or joint type change (a payload,
//     a recalibration), instead of re-applying the parallel-axis theorem at
//     every call.
//   - Gravity alone (q̇ = q̈ = 0) needs no velocity pass: every body's spatial
//     acceleration is then the gravity field, a pure linear acceleration, so
//     the forward pass only rotates one 3-vector per body.
//   - Transforms, cross products and inertia products are written out on
//     scalar locals, so the parent's velocity, acceleration and the force
//     carried inboard stay in registers rather than going through 48-byte
//     array copies and calls the inliner refuses.
//   - The articulated-body inertia is kept as its three 3×3 blocks with both
//     diagonal ones symmetric (21 numbers, not 36), and for a revolute joint
//     about a coordinate axis of its frame (every joint of the Panda, UR5 and
//     iiwa, and of any DH table) S·Iᴬ·S, Iᴬ·S and Sᵀ·pᴬ are read off the
//     matrix instead of multiplied out.

// abInertia is an articulated-body inertia [A B; Bᵀ C] (Featherstone 2008,
// §7.2) with A and C symmetric, stored as their upper triangles
// (xx, xy, xz, yy, yz, zz) and B row-major.
type abInertia struct {
	A [6]float64
	B [9]float64
	C [6]float64
}

// dynConst is what a body's dynamics needs from the chain that does not
// depend on q, derived once (refresh) and kept until the chain changes.
type dynConst struct {
	srcBody Inertia // the chain's mass properties the cache was made from
	srcAxis [3]float64
	srcType JointType
	valid   bool
	// k is the coordinate axis of a revolute joint about ±e_k of its own
	// frame, else −1; sign is that ±1.
	k    int
	sign float64
}

// refresh re-derives b's constant quantities from j when j's mass
// properties, axis or type differ from those it was derived from. The
// comparison (written out: Go's == on float arrays is a call) costs a few
// nanoseconds and keeps the documented promise that edits to the chain take
// effect at the next call. NaN mass properties never compare equal, so such a
// body is re-derived at every call (and the NaN propagates).
func (b *dynBody) refresh(j *Joint) {
	c := &b.cst
	s, n := &c.srcBody, &j.Body
	if c.valid && j.Type == c.srcType &&
		j.Axis[0] == c.srcAxis[0] && j.Axis[1] == c.srcAxis[1] && j.Axis[2] == c.srcAxis[2] &&
		n.Mass == s.Mass && n.COM[0] == s.COM[0] && n.COM[1] == s.COM[1] && n.COM[2] == s.COM[2] &&
		n.I[0] == s.I[0] && n.I[1] == s.I[1] && n.I[2] == s.I[2] &&
		n.I[3] == s.I[3] && n.I[4] == s.I[4] && n.I[5] == s.I[5] &&
		n.I[6] == s.I[6] && n.I[7] == s.I[7] && n.I[8] == s.I[8] {
		return
	}
	c.srcBody, c.srcAxis, c.srcType, c.valid = j.Body, j.Axis, j.Type, true
	if j.Type == Prismatic {
		b.S = spVec{0, 0, 0, j.Axis[0], j.Axis[1], j.Axis[2]}
		c.k, c.sign = -1, 0
	} else {
		b.S = spVec{j.Axis[0], j.Axis[1], j.Axis[2], 0, 0, 0}
		c.k, c.sign = unitAxis(&j.Axis)
	}
	b.I.set(&j.Body)
}

// kinematics sets each body's transform X for q and refreshes its constant
// quantities (S, I) when the chain changed: the joint frame is the previous
// body frame · Origin and the body frame is the joint frame · motion(q).
// The axis is fixed in the body frame too: a rotation leaves its own axis
// unchanged and a translation changes no direction, so S is constant in body
// coordinates and the velocity-product term reduces to v ×m S·q̇
// (Featherstone 2008, eq. 5.7 with constant S).
//
// A revolute joint about ±e_k of its frame (found once, by refresh) takes
// jointPose's closed form written out for each k, without its axis test and
// index arithmetic: the rotation mixes two columns of Origin.R, with the same
// operations in the same order, so X is bit for bit jointPose's.
func (d *Dynamics) kinematics(q []float64) {
	d.checkChain()
	for i := range d.body {
		j := &d.chain.Joints[i]
		b := &d.body[i]
		b.refresh(j)
		k := b.cst.k
		if k < 0 || j.Type == Prismatic {
			var pose Frame
			jointPose(&pose, j, q[i])
			b.X.R, b.X.r = pose.R, pose.P
			continue
		}
		s, c := math.Sincos(q[i])
		s *= b.cst.sign
		o := &j.Origin.R
		R := &b.X.R
		switch k {
		case 2: // columns 0 and 1
			R[0], R[1], R[2] = c*o[0]+s*o[1], c*o[1]-s*o[0], o[2]
			R[3], R[4], R[5] = c*o[3]+s*o[4], c*o[4]-s*o[3], o[5]
			R[6], R[7], R[8] = c*o[6]+s*o[7], c*o[7]-s*o[6], o[8]
		case 1: // columns 2 and 0
			R[0], R[1], R[2] = c*o[0]-s*o[2], o[1], c*o[2]+s*o[0]
			R[3], R[4], R[5] = c*o[3]-s*o[5], o[4], c*o[5]+s*o[3]
			R[6], R[7], R[8] = c*o[6]-s*o[8], o[7], c*o[8]+s*o[6]
		default: // columns 1 and 2
			R[0], R[1], R[2] = o[0], c*o[1]+s*o[2], c*o[2]-s*o[1]
			R[3], R[4], R[5] = o[3], c*o[4]+s*o[5], c*o[5]-s*o[4]
			R[6], R[7], R[8] = o[6], c*o[7]+s*o[8], c*o[8]-s*o[7]
		}
		b.X.r = j.Origin.P
	}
}

// gravityRNEA is RNEA with q̇ = q̈ = 0 and the gravity field on: the base
// acceleration −G, carried outward, is every body's spatial acceleration
// (0, aᵢ) with aᵢ = Rᵢᵀ·aᵢ₋₁ (the shift term r×ω vanishes with ω = 0), and
// body i's force is I·(0, a) = (h×a, m·a). ext as in rnea. It assumes
// kinematics(q) has run.
func (d *Dynamics) gravityRNEA(tau []float64, ext *[6]float64) {
	ax, ay, az := -d.G[0], -d.G[1], -d.G[2]
	for i := range d.body {
		b := &d.body[i]
		R := &b.X.R
		x := R[0]*ax + R[3]*ay + R[6]*az
		y := R[1]*ax + R[4]*ay + R[7]*az
		z := R[2]*ax + R[5]*ay + R[8]*az
		ax, ay, az = x, y, z
		h, m := &b.I.h, b.I.m
		b.f = spVec{h[1]*az - h[2]*ay, h[2]*ax - h[0]*az, h[0]*ay - h[1]*ax, m * ax, m * ay, m * az}
	}
	d.backwardForces(tau, ext)
}

// backwardForces is RNEA's backward pass: from the tip, each joint's torque
// is Sᵀ·f of the net force of its body and everything outboard, and that
// force, carried into the parent's coordinates (Xᵀ·f: f_A = R·f,
// n_A = R·n + r×f_A), adds to the parent's own. ext, when not nil, is the
// environment's wrench on the tip (see tipWrench).
func (d *Dynamics) backwardForces(tau []float64, ext *[6]float64) {
	n := len(d.body)
	if n == 0 {
		return
	}
	if ext != nil {
		fe := d.tipWrench(ext)
		f := &d.body[n-1].f
		for k := range fe {
			f[k] -= fe[k]
		}
	}
	last := &d.body[n-1].f
	n0, n1, n2, f0, f1, f2 := last[0], last[1], last[2], last[3], last[4], last[5]
	for i := n - 1; i >= 0; i-- {
		b := &d.body[i]
		S := &b.S
		tau[i] = S[0]*n0 + S[1]*n1 + S[2]*n2 + S[3]*f0 + S[4]*f1 + S[5]*f2
		if i == 0 {
			break
		}
		R, r := &b.X.R, &b.X.r
		g0 := R[0]*f0 + R[1]*f1 + R[2]*f2
		g1 := R[3]*f0 + R[4]*f1 + R[5]*f2
		g2 := R[6]*f0 + R[7]*f1 + R[8]*f2
		m0 := R[0]*n0 + R[1]*n1 + R[2]*n2 + r[1]*g2 - r[2]*g1
		m1 := R[3]*n0 + R[4]*n1 + R[5]*n2 + r[2]*g0 - r[0]*g2
		m2 := R[6]*n0 + R[7]*n1 + R[8]*n2 + r[0]*g1 - r[1]*g0
		p := &d.body[i-1].f
		n0, n1, n2 = p[0]+m0, p[1]+m1, p[2]+m2
		f0, f1, f2 = p[3]+g0, p[4]+g1, p[5]+g2
	}
}

// rnea is the recursive Newton–Euler algorithm (Featherstone 2008, Table 5.1)
// writing into tau. qd or qdd nil means zero; gravity selects whether the
// gravity field acts; ext, when not nil, is a wrench the environment applies to
// the tip. It assumes kinematics(q) has run.
func (d *Dynamics) rnea(tau, qd, qdd []float64, gravity bool, ext *[6]float64) {
	if qd == nil && qdd == nil {
		if gravity {
			d.gravityRNEA(tau, ext)
			return
		}
		// No motion and no gravity: only the external wrench.
		for i := range d.body {
			d.body[i].f = spVec{}
		}
		d.backwardForces(tau, ext)
		return
	}
	// The parent's velocity (w, v) and acceleration (al, a); the base is at
	// rest and, for gravity, accelerates at −G.
	var w0, w1, w2, v0, v1, v2 float64
	var al0, al1, al2, a0, a1, a2 float64
	if gravity {
		a0, a1, a2 = -d.G[0], -d.G[1], -d.G[2]
	}
	for i := range d.body {
		b := &d.body[i]
		R, r := &b.X.R, &b.X.r
		// X·m: ω' = Rᵀ·ω, v' = Rᵀ·(v − r×ω), for the velocity and the
		// acceleration.
		t0 := v0 - (r[1]*w2 - r[2]*w1)
		t1 := v1 - (r[2]*w0 - r[0]*w2)
		t2 := v2 - (r[0]*w1 - r[1]*w0)
		nw0 := R[0]*w0 + R[3]*w1 + R[6]*w2
		nw1 := R[1]*w0 + R[4]*w1 + R[7]*w2
		nw2 := R[2]*w0 + R[5]*w1 + R[8]*w2
		nv0 := R[0]*t0 + R[3]*t1 + R[6]*t2
		nv1 := R[1]*t0 + R[4]*t1 + R[7]*t2
		nv2 := R[2]*t0 + R[5]*t1 + R[8]*t2
		t0 = a0 - (r[1]*al2 - r[2]*al1)
		t1 = a1 - (r[2]*al0 - r[0]*al2)
		t2 = a2 - (r[0]*al1 - r[1]*al0)
		nal0 := R[0]*al0 + R[3]*al1 + R[6]*al2
		nal1 := R[1]*al0 + R[4]*al1 + R[7]*al2
		nal2 := R[2]*al0 + R[5]*al1 + R[8]*al2
		na0 := R[0]*t0 + R[3]*t1 + R[6]*t2
		na1 := R[1]*t0 + R[4]*t1 + R[7]*t2
		na2 := R[2]*t0 + R[5]*t1 + R[8]*t2
		S := &b.S
		if qd != nil {
			// v += S·q̇; a += v ×m (S·q̇) with v the body's new velocity.
			qdi := qd[i]
			j0, j1, j2, j3, j4, j5 := S[0]*qdi, S[1]*qdi, S[2]*qdi, S[3]*qdi, S[4]*qdi, S[5]*qdi
			nw0 += j0
			nw1 += j1
			nw2 += j2
			nv0 += j3
			nv1 += j4
			nv2 += j5
			nal0 += nw1*j2 - nw2*j1
			nal1 += nw2*j0 - nw0*j2
			nal2 += nw0*j1 - nw1*j0
			na0 += nw1*j5 - nw2*j4 + nv1*j2 - nv2*j1
			na1 += nw2*j3 - nw0*j5 + nv2*j0 - nv0*j2
			na2 += nw0*j4 - nw1*j3 + nv0*j1 - nv1*j0
		}
		if qdd != nil {
			qddi := qdd[i]
			nal0 += S[0] * qddi
			nal1 += S[1] * qddi
			nal2 += S[2] * qddi
			na0 += S[3] * qddi
			na1 += S[4] * qddi
			na2 += S[5] * qddi
		}
		w0, w1, w2, v0, v1, v2 = nw0, nw1, nw2, nv0, nv1, nv2
		al0, al1, al2, a0, a1, a2 = nal0, nal1, nal2, na0, na1, na2
		// Newton–Euler equation of body i: f = I·a + v ×* I·v, with
		// I·(ω, v) = (Iω + h×v, m·v − h×ω).
		I, h, m := &b.I.I, &b.I.h, b.I.m
		h0, h1, h2 := h[0], h[1], h[2]
		fn0 := I[0]*al0 + I[1]*al1 + I[2]*al2 + h1*a2 - h2*a1
		fn1 := I[3]*al0 + I[4]*al1 + I[5]*al2 + h2*a0 - h0*a2
		fn2 := I[6]*al0 + I[7]*al1 + I[8]*al2 + h0*a1 - h1*a0
		ff0 := m*a0 - (h1*al2 - h2*al1)
		ff1 := m*a1 - (h2*al0 - h0*al2)
		ff2 := m*a2 - (h0*al1 - h1*al0)
		if qd != nil {
			in0 := I[0]*w0 + I[1]*w1 + I[2]*w2 + h1*v2 - h2*v1
			in1 := I[3]*w0 + I[4]*w1 + I[5]*w2 + h2*v0 - h0*v2
			in2 := I[6]*w0 + I[7]*w1 + I[8]*w2 + h0*v1 - h1*v0
			if0 := m*v0 - (h1*w2 - h2*w1)
			if1 := m*v1 - (h2*w0 - h0*w2)
			if2 := m*v2 - (h0*w1 - h1*w0)
			// v ×* (n, f) = (ω×n + v×f, ω×f).
			fn0 += w1*in2 - w2*in1 + v1*if2 - v2*if1
			fn1 += w2*in0 - w0*in2 + v2*if0 - v0*if2
			fn2 += w0*in1 - w1*in0 + v0*if1 - v1*if0
			ff0 += w1*if2 - w2*if1
			ff1 += w2*if0 - w0*if2
			ff2 += w0*if1 - w1*if0
		}
		b.f = spVec{fn0, fn1, fn2, ff0, ff1, ff2}
	}
	d.backwardForces(tau, ext)
}

// crba is the composite-rigid-body algorithm (Featherstone 2008, Table 6.2)
// writing M into dst (DoF×DoF). It assumes kinematics(q) has run and reads
// only X, S and I, which rnea leaves alone.
func (d *Dynamics) crba(dst *mat.SymDense) {
	n := len(d.body)
	if n == 0 {
		return
	}
	raw := dst.RawSymmetric()
	data, stride := raw.Data, raw.Stride
	d.body[n-1].Ic = d.body[n-1].I
	// Composite inertias, tip to base: what joint i moves when the joints
	// outboard of it are locked.
	for i := n - 1; i > 0; i-- {
		p := &d.body[i-1]
		p.Ic = p.I
		p.Ic.addChild(&d.body[i].X, &d.body[i].Ic)
	}
	for i := 0; i < n; i++ {
		b := &d.body[i]
		// F is the spatial force that accelerates the composite body i at
		// unit joint acceleration; carried inboard it gives row i of M
		// (the upper triangle (j, i), j ≤ i, which is what SymDense keeps).
		S := &b.S
		Ic := &b.Ic
		I, h, m := &Ic.I, &Ic.h, Ic.m
		h0, h1, h2 := h[0], h[1], h[2]
		s0, s1, s2, s3, s4, s5 := S[0], S[1], S[2], S[3], S[4], S[5]
		n0 := I[0]*s0 + I[1]*s1 + I[2]*s2 + h1*s5 - h2*s4
		n1 := I[3]*s0 + I[4]*s1 + I[5]*s2 + h2*s3 - h0*s5
		n2 := I[6]*s0 + I[7]*s1 + I[8]*s2 + h0*s4 - h1*s3
		f0 := m*s3 - (h1*s2 - h2*s1)
		f1 := m*s4 - (h2*s0 - h0*s2)
		f2 := m*s5 - (h0*s1 - h1*s0)
		data[i*stride+i] = s0*n0 + s1*n1 + s2*n2 + s3*f0 + s4*f1 + s5*f2
		for j := i; j > 0; j-- {
			bj := &d.body[j]
			R, r := &bj.X.R, &bj.X.r
			g0 := R[0]*f0 + R[1]*f1 + R[2]*f2
			g1 := R[3]*f0 + R[4]*f1 + R[5]*f2
			g2 := R[6]*f0 + R[7]*f1 + R[8]*f2
			m0 := R[0]*n0 + R[1]*n1 + R[2]*n2 + r[1]*g2 - r[2]*g1
			m1 := R[3]*n0 + R[4]*n1 + R[5]*n2 + r[2]*g0 - r[0]*g2
			m2 := R[6]*n0 + R[7]*n1 + R[8]*n2 + r[0]*g1 - r[1]*g0
			n0, n1, n2, f0, f1, f2 = m0, m1, m2, g0, g1, g2
			bp := &d.body[j-1]
			var mij float64
			switch bp.cst.k {
			case 0:
				mij = bp.cst.sign * n0
			case 1:
				mij = bp.cst.sign * n1
			case 2:
				mij = bp.cst.sign * n2
			default:
				Sp := &bp.S
				mij = Sp[0]*n0 + Sp[1]*n1 + Sp[2]*n2 + Sp[3]*f0 + Sp[4]*f1 + Sp[5]*f2
			}
			data[(j-1)*stride+i] = mij
		}
	}
}

// addChild adds Xᵀ·c·X to s, as addTransformed (Featherstone 2008, Table
// 2.5), written out for CRBA's composite inertias: with h' = R·h the
// rotational part gains R·I·Rᵀ − (r·h'ᵀ + h'·rᵀ) − m·r·rᵀ + (2·r·h' +
// m·|r|²)·1, which with u = h' + m·r/2 is R·I·Rᵀ − (u·rᵀ + r·uᵀ) + (2·r·h' +
// m·|r|²)·1, symmetric, so six entries are computed and mirrored.
func (s *spInertia) addChild(x *spXform, c *spInertia) {
	R := &x.R
	h0, h1, h2 := c.h[0], c.h[1], c.h[2]
	rh0 := R[0]*h0 + R[1]*h1 + R[2]*h2
	rh1 := R[3]*h0 + R[4]*h1 + R[5]*h2
	rh2 := R[6]*h0 + R[7]*h1 + R[8]*h2
	ri := spRotateSym33(R, &c.I)
	r0, r1, r2 := x.r[0], x.r[1], x.r[2]
	m := c.m
	diag := 2*(r0*rh0+r1*rh1+r2*rh2) + m*(r0*r0+r1*r1+r2*r2)
	hm := 0.5 * m
	u0, u1, u2 := rh0+hm*r0, rh1+hm*r1, rh2+hm*r2
	a01 := ri[1] - (u0*r1 + r0*u1)
	a02 := ri[2] - (u0*r2 + r0*u2)
	a12 := ri[5] - (u1*r2 + r1*u2)
	I := &s.I
	I[0] += ri[0] - 2*u0*r0 + diag
	I[4] += ri[4] - 2*u1*r1 + diag
	I[8] += ri[8] - 2*u2*r2 + diag
	I[1] += a01
	I[3] += a01
	I[2] += a02
	I[6] += a02
	I[5] += a12
	I[7] += a12
	s.m += m
	s.h[0] += rh0 + m*r0
	s.h[1] += rh1 + m*r1
	s.h[2] += rh2 + m*r2
}

// setRigid sets a to the rigid-body inertia s: A = I, B = h×, C = m·1.
func (a *abInertia) setRigid(s *spInertia) {
	I, h := &s.I, &s.h
	a.A = [6]float64{I[0], I[1], I[2], I[4], I[5], I[8]}
	a.B = [9]float64{0, -h[2], h[1], h[2], 0, -h[0], -h[1], h[0], 0}
	a.C = [6]float64{s.m, 0, 0, s.m, 0, s.m}
}

// mul returns [A B; Bᵀ C]·(w, v).
func (a *abInertia) mul(w0, w1, w2, v0, v1, v2 float64) (n0, n1, n2, f0, f1, f2 float64) {
	A, B, C := &a.A, &a.B, &a.C
	n0 = A[0]*w0 + A[1]*w1 + A[2]*w2 + B[0]*v0 + B[1]*v1 + B[2]*v2
	n1 = A[1]*w0 + A[3]*w1 + A[4]*w2 + B[3]*v0 + B[4]*v1 + B[5]*v2
	n2 = A[2]*w0 + A[4]*w1 + A[5]*w2 + B[6]*v0 + B[7]*v1 + B[8]*v2
	f0 = B[0]*w0 + B[3]*w1 + B[6]*w2 + C[0]*v0 + C[1]*v1 + C[2]*v2
	f1 = B[1]*w0 + B[4]*w1 + B[7]*w2 + C[1]*v0 + C[3]*v1 + C[4]*v2
	f2 = B[2]*w0 + B[5]*w1 + B[8]*w2 + C[2]*v0 + C[4]*v1 + C[5]*v2
	return
}

// symIdx maps (row, column) of a symmetric 3×3 to its upper-triangle slot.
var symIdx = [9]int{0, 1, 2, 1, 3, 4, 2, 4, 5}

// rotSym returns R·a·Rᵀ for a symmetric a stored as its upper triangle.
func rotSym(R *[9]float64, a *[6]float64) [6]float64 {
	a0, a1, a2, a4, a5, a8 := a[0], a[1], a[2], a[3], a[4], a[5]
	r0, r1, r2, r3, r4, r5, r6, r7, r8 := R[0], R[1], R[2], R[3], R[4], R[5], R[6], R[7], R[8]
	m0, m1, m2 := r0*a0+r1*a1+r2*a2, r0*a1+r1*a4+r2*a5, r0*a2+r1*a5+r2*a8
	m3, m4, m5 := r3*a0+r4*a1+r5*a2, r3*a1+r4*a4+r5*a5, r3*a2+r4*a5+r5*a8
	m6, m7, m8 := r6*a0+r7*a1+r8*a2, r6*a1+r7*a4+r8*a5, r6*a2+r7*a5+r8*a8
	return [6]float64{
		m0*r0 + m1*r1 + m2*r2, m0*r3 + m1*r4 + m2*r5, m0*r6 + m1*r7 + m2*r8,
		m3*r3 + m4*r4 + m5*r5, m3*r6 + m4*r7 + m5*r8,
		m6*r6 + m7*r7 + m8*r8,
	}
}

// addTransformed adds Xᵀ·a·X to dst: the articulated inertia a of a child
// body re-expressed about the parent origin in parent coordinates. As in
// spAddTransformed6, each block is rotated (A' = R·A·Rᵀ, …) and then shifted:
// B” = B' + r×·C', C” = C', A” = A' − P − Pᵀ − r×·C'·r× with P = B'·r×,
// which is A' − B”·r× − Pᵀ; only A”'s upper triangle is computed.
func (dst *abInertia) addTransformed(x *spXform, a *abInertia) {
	R := &x.R
	r0, r1, r2 := x.r[0], x.r[1], x.r[2]
	A := rotSym(R, &a.A)
	C := rotSym(R, &a.C)
	// B' = R·B·Rᵀ.
	b := &a.B
	var rb [9]float64
	for i := 0; i < 9; i += 3 {
		ri0, ri1, ri2 := R[i], R[i+1], R[i+2]
		rb[i] = ri0*b[0] + ri1*b[3] + ri2*b[6]
		rb[i+1] = ri0*b[1] + ri1*b[4] + ri2*b[7]
		rb[i+2] = ri0*b[2] + ri1*b[5] + ri2*b[8]
	}
	var B [9]float64
	for i := 0; i < 9; i += 3 {
		m0, m1, m2 := rb[i], rb[i+1], rb[i+2]
		B[i] = m0*R[0] + m1*R[1] + m2*R[2]
		B[i+1] = m0*R[3] + m1*R[4] + m2*R[5]
		B[i+2] = m0*R[6] + m1*R[7] + m2*R[8]
	}
	// P = B'·r×: row i is (B_i1·r2 − B_i2·r1, B_i2·r0 − B_i0·r2, B_i0·r1 − B_i1·r0).
	var P [9]float64
	for i := 0; i < 9; i += 3 {
		b0, b1, b2 := B[i], B[i+1], B[i+2]
		P[i] = b1*r2 - b2*r1
		P[i+1] = b2*r0 - b0*r2
		P[i+2] = b0*r1 - b1*r0
	}
	// B'' = B' + r×·C': row 0 is −r2·C₁ + r1·C₂, row 1 r2·C₀ − r0·C₂, row 2
	// −r1·C₀ + r0·C₁ (Cₖ row k of C').
	c00, c01, c02, c11, c12, c22 := C[0], C[1], C[2], C[3], C[4], C[5]
	B[0] += -r2*c01 + r1*c02
	B[1] += -r2*c11 + r1*c12
	B[2] += -r2*c12 + r1*c22
	B[3] += r2*c00 - r0*c02
	B[4] += r2*c01 - r0*c12
	B[5] += r2*c02 - r0*c22
	B[6] += -r1*c00 + r0*c01
	B[7] += -r1*c01 + r0*c11
	B[8] += -r1*c02 + r0*c12
	// Q = B''·r×, needed on and above the diagonal.
	q00 := B[1]*r2 - B[2]*r1
	q01 := B[2]*r0 - B[0]*r2
	q02 := B[0]*r1 - B[1]*r0
	q11 := B[5]*r0 - B[3]*r2
	q12 := B[3]*r1 - B[4]*r0
	q22 := B[6]*r1 - B[7]*r0
	d := &dst.A
	d[0] += A[0] - q00 - P[0]
	d[1] += A[1] - q01 - P[3]
	d[2] += A[2] - q02 - P[6]
	d[3] += A[3] - q11 - P[4]
	d[4] += A[4] - q12 - P[7]
	d[5] += A[5] - q22 - P[8]
	for k := range B {
		dst.B[k] += B[k]
	}
	for k := range C {
		dst.C[k] += C[k]
	}
}

// aba is the articulated-body algorithm in body coordinates (Featherstone
// 2008, Table 7.1, for a serial chain of 1-DoF joints).
func (d *Dynamics) aba(qdd, q, qd, tau []float64, ext *[6]float64) {
	n := len(d.body)
	d.kinematics(q)
	// Pass 1, base to tip: velocities, velocity-product accelerations, and
	// each body's own inertia and bias force as the starting articulated
	// quantities.
	var w0, w1, w2, v0, v1, v2 float64
	for i := range d.body {
		b := &d.body[i]
		R, r := &b.X.R, &b.X.r
		t0 := v0 - (r[1]*w2 - r[2]*w1)
		t1 := v1 - (r[2]*w0 - r[0]*w2)
		t2 := v2 - (r[0]*w1 - r[1]*w0)
		nw0 := R[0]*w0 + R[3]*w1 + R[6]*w2
		nw1 := R[1]*w0 + R[4]*w1 + R[7]*w2
		nw2 := R[2]*w0 + R[5]*w1 + R[8]*w2
		nv0 := R[0]*t0 + R[3]*t1 + R[6]*t2
		nv1 := R[1]*t0 + R[4]*t1 + R[7]*t2
		nv2 := R[2]*t0 + R[5]*t1 + R[8]*t2
		S := &b.S
		qdi := qd[i]
		j0, j1, j2, j3, j4, j5 := S[0]*qdi, S[1]*qdi, S[2]*qdi, S[3]*qdi, S[4]*qdi, S[5]*qdi
		w0, w1, w2 = nw0+j0, nw1+j1, nw2+j2
		v0, v1, v2 = nv0+j3, nv1+j4, nv2+j5
		b.c = spVec{
			w1*j2 - w2*j1, w2*j0 - w0*j2, w0*j1 - w1*j0,
			w1*j5 - w2*j4 + v1*j2 - v2*j1, w2*j3 - w0*j5 + v2*j0 - v0*j2, w0*j4 - w1*j3 + v0*j1 - v1*j0,
		}
		b.ab.setRigid(&b.I)
		I, h, m := &b.I.I, &b.I.h, b.I.m
		h0, h1, h2 := h[0], h[1], h[2]
		in0 := I[0]*w0 + I[1]*w1 + I[2]*w2 + h1*v2 - h2*v1
		in1 := I[3]*w0 + I[4]*w1 + I[5]*w2 + h2*v0 - h0*v2
		in2 := I[6]*w0 + I[7]*w1 + I[8]*w2 + h0*v1 - h1*v0
		if0 := m*v0 - (h1*w2 - h2*w1)
		if1 := m*v1 - (h2*w0 - h0*w2)
		if2 := m*v2 - (h0*w1 - h1*w0)
		b.f = spVec{
			w1*in2 - w2*in1 + v1*if2 - v2*if1, w2*in0 - w0*in2 + v2*if0 - v0*if2, w0*in1 - w1*in0 + v0*if1 - v1*if0,
			w1*if2 - w2*if1, w2*if0 - w0*if2, w0*if1 - w1*if0,
		}
	}
	if ext != nil && n > 0 {
		fe := d.tipWrench(ext)
		for k := range fe {
			d.body[n-1].f[k] -= fe[k]
		}
	}
	// Pass 2, tip to base: articulated-body inertias Iᴬ and bias forces pᴬ.
	// Body i's joint is free, so only the part of Iᴬ that the joint cannot
	// relieve, Iᴬ − U·Uᵀ/D, passes to the parent.
	for i := n - 1; i >= 0; i-- {
		b := &d.body[i]
		ab := &b.ab
		if k := b.cst.k; k >= 0 {
			// S = ±e_k (angular): U = ±(column k of A, row k of B),
			// D = A_kk, Sᵀ·pᴬ = ±pᴬ_k.
			s := b.cst.sign
			A, B := &ab.A, &ab.B
			b.U = spVec{s * A[symIdx[k]], s * A[symIdx[3+k]], s * A[symIdx[6+k]], s * B[3*k], s * B[3*k+1], s * B[3*k+2]}
			b.D = A[symIdx[4*k]]
			b.u = tau[i] - s*b.f[k]
		} else {
			S := &b.S
			u0, u1, u2, u3, u4, u5 := ab.mul(S[0], S[1], S[2], S[3], S[4], S[5])
			b.U = spVec{u0, u1, u2, u3, u4, u5}
			b.D = spDot(S, &b.U)
			b.u = tau[i] - spDot(S, &b.f)
		}
		if i == 0 {
			break
		}
		// Iᵃ = Iᴬ − U·Uᵀ/D, in place (pass 3 needs only U, D and u).
		U := &b.U
		id := 1 / b.D
		u0, u1, u2, u3, u4, u5 := U[0]*id, U[1]*id, U[2]*id, U[3]*id, U[4]*id, U[5]*id
		A, B, C := &ab.A, &ab.B, &ab.C
		A[0] -= u0 * U[0]
		A[1] -= u0 * U[1]
		A[2] -= u0 * U[2]
		A[3] -= u1 * U[1]
		A[4] -= u1 * U[2]
		A[5] -= u2 * U[2]
		B[0] -= u0 * U[3]
		B[1] -= u0 * U[4]
		B[2] -= u0 * U[5]
		B[3] -= u1 * U[3]
		B[4] -= u1 * U[4]
		B[5] -= u1 * U[5]
		B[6] -= u2 * U[3]
		B[7] -= u2 * U[4]
		B[8] -= u2 * U[5]
		C[0] -= u3 * U[3]
		C[1] -= u3 * U[4]
		C[2] -= u3 * U[5]
		C[3] -= u4 * U[4]
		C[4] -= u4 * U[5]
		C[5] -= u5 * U[5]
		// pᵃ = pᴬ + Iᵃ·c + U·u/D.
		c := &b.c
		p0, p1, p2, p3, p4, p5 := ab.mul(c[0], c[1], c[2], c[3], c[4], c[5])
		ud := b.u * id
		p0 += b.f[0] + U[0]*ud
		p1 += b.f[1] + U[1]*ud
		p2 += b.f[2] + U[2]*ud
		p3 += b.f[3] + U[3]*ud
		p4 += b.f[4] + U[4]*ud
		p5 += b.f[5] + U[5]*ud
		p := &d.body[i-1]
		p.ab.addTransformed(&b.X, ab)
		// Xᵀ·pᵃ into the parent's bias force.
		R, r := &b.X.R, &b.X.r
		g0 := R[0]*p3 + R[1]*p4 + R[2]*p5
		g1 := R[3]*p3 + R[4]*p4 + R[5]*p5
		g2 := R[6]*p3 + R[7]*p4 + R[8]*p5
		pf := &p.f
		pf[0] += R[0]*p0 + R[1]*p1 + R[2]*p2 + r[1]*g2 - r[2]*g1
		pf[1] += R[3]*p0 + R[4]*p1 + R[5]*p2 + r[2]*g0 - r[0]*g2
		pf[2] += R[6]*p0 + R[7]*p1 + R[8]*p2 + r[0]*g1 - r[1]*g0
		pf[3] += g0
		pf[4] += g1
		pf[5] += g2
	}
	// Pass 3, base to tip: accelerations, with gravity as a base acceleration.
	var al0, al1, al2 float64
	a0, a1, a2 := -d.G[0], -d.G[1], -d.G[2]
	for i := range d.body {
		b := &d.body[i]
		R, r := &b.X.R, &b.X.r
		t0 := a0 - (r[1]*al2 - r[2]*al1)
		t1 := a1 - (r[2]*al0 - r[0]*al2)
		t2 := a2 - (r[0]*al1 - r[1]*al0)
		c := &b.c
		nal0 := R[0]*al0 + R[3]*al1 + R[6]*al2 + c[0]
		nal1 := R[1]*al0 + R[4]*al1 + R[7]*al2 + c[1]
		nal2 := R[2]*al0 + R[5]*al1 + R[8]*al2 + c[2]
		na0 := R[0]*t0 + R[3]*t1 + R[6]*t2 + c[3]
		na1 := R[1]*t0 + R[4]*t1 + R[7]*t2 + c[4]
		na2 := R[2]*t0 + R[5]*t1 + R[8]*t2 + c[5]
		U := &b.U
		x := (b.u - (U[0]*nal0 + U[1]*nal1 + U[2]*nal2 + U[3]*na0 + U[4]*na1 + U[5]*na2)) / b.D
		qdd[i] = x
		S := &b.S
		al0, al1, al2 = nal0+S[0]*x, nal1+S[1]*x, nal2+S[2]*x
		a0, a1, a2 = na0+S[3]*x, na1+S[4]*x, na2+S[5]*x
	}
}
