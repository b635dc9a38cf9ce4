package kinematics

import "gonum.org/v1/gonum/mat"

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
// comparison costs a few nanoseconds and keeps the documented promise that
// edits to the chain take effect at the next call.
func (b *dynBody) refresh(j *Joint) {
	c := &b.cst
	if c.valid && c.srcBody == j.Body && c.srcAxis == j.Axis && c.srcType == j.Type {
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
	// NaN mass properties never compare equal; valid stays true, so such a
	// body is simply re-derived at every call (and the NaN propagates).
}

// kinematics sets each body's transform X for q and refreshes its constant
// quantities (S, I) when the chain changed: the joint frame is the previous
// body frame · Origin and the body frame is the joint frame · motion(q).
// The axis is fixed in the body frame too: a rotation leaves its own axis
// unchanged and a translation changes no direction, so S is constant in body
// coordinates and the velocity-product term reduces to v ×m S·q̇
// (Featherstone 2008, eq. 5.7 with constant S).
func (d *Dynamics) kinematics(q []float64) {
	d.checkChain()
	var pose Frame
	for i := range d.body {
		j := &d.chain.Joints[i]
		b := &d.body[i]
		jointPose(&pose, j, q[i])
		b.X.R, b.X.r = pose.R, pose.P
		b.refresh(j)
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
		b.v = spVec{w0, w1, w2, v0, v1, v2}
		b.a = spVec{al0, al1, al2, a0, a1, a2}
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
		p.Ic.addTransformed(&d.body[i].X, &d.body[i].Ic)
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
			Sp := &d.body[j-1].S
			data[(j-1)*stride+i] = Sp[0]*n0 + Sp[1]*n1 + Sp[2]*n2 + Sp[3]*f0 + Sp[4]*f1 + Sp[5]*f2
		}
	}
}
