package kinematics

// Spatial vector algebra for the dynamics algorithms (Featherstone, "Rigid
// Body Dynamics Algorithms", Springer 2008, chapter 2). Six-dimensional
// motion and force vectors let one formula carry both the rotational and the
// translational part of a body's motion, which is what keeps RNEA, CRBA and
// ABA short and O(n). Everything here is a small fixed-size array passed by
// value or pointer, so the algorithms run without allocating.
//
// Conventions (Featherstone's): a spatial vector holds the angular part
// first. A motion vector is (ω, v_O), the angular velocity and the velocity of
// the body-fixed point that coincides with the frame origin O; a force vector
// is (n_O, f), the moment about O and the resultant force. Each body's
// quantities are expressed in its own body (link) frame ("body coordinates").

// spVec is a spatial motion or force vector, angular part first.
type spVec [6]float64

// spXform is the Plücker transform ^BX_A from a parent frame A to a child frame
// B for motion vectors, X = [E 0; −E·r× E] (Featherstone 2008, eq. 2.24),
// where r is B's origin in A coordinates and E = Rᵀ rotates A coordinates into
// B coordinates. It is stored as the child pose (R, r) — 12 numbers instead of
// 36 — because every product the algorithms need has a cheap closed form in
// terms of R and r (Featherstone 2008, Table 2.5).
type spXform struct {
	R [9]float64 // child orientation in the parent frame (x_A = R·x_B + r)
	r [3]float64 // child origin in the parent frame
}

// set makes x the transform into the frame whose pose in the parent is f.
func (x *spXform) set(f *Frame) { x.R, x.r = f.R, f.P }

// motion returns X·m: a parent-coordinate motion vector in child coordinates.
// ω' = E·ω, v' = E·(v − r×ω).
func (x *spXform) motion(m *spVec) spVec {
	w := [3]float64{m[0], m[1], m[2]}
	v := [3]float64{m[3], m[4], m[5]}
	rw := cross(x.r, w)
	v = [3]float64{v[0] - rw[0], v[1] - rw[1], v[2] - rw[2]}
	w = spMulT3(&x.R, w)
	v = spMulT3(&x.R, v)
	return spVec{w[0], w[1], w[2], v[0], v[1], v[2]}
}

// forceT returns Xᵀ·f: a child-coordinate force in parent coordinates
// (Xᵀ = ^AX*_B, the force transform back to the parent). f_A = Eᵀ·f,
// n_A = Eᵀ·n + r×(Eᵀ·f).
func (x *spXform) forceT(f *spVec) spVec {
	n := spMul3(&x.R, [3]float64{f[0], f[1], f[2]})
	fl := spMul3(&x.R, [3]float64{f[3], f[4], f[5]})
	rf := cross(x.r, fl)
	return spVec{n[0] + rf[0], n[1] + rf[1], n[2] + rf[2], fl[0], fl[1], fl[2]}
}

// spCrossMotion returns v ×m m, the spatial cross product of motion vectors
// (Featherstone 2008, eq. 2.31): (ω×m_ω, ω×m_v + v×m_ω). It is the rate of
// change of m when it is carried along with velocity v.
func spCrossMotion(v, m *spVec) spVec {
	wx, wy, wz, vx, vy, vz := v[0], v[1], v[2], v[3], v[4], v[5]
	ax, ay, az, bx, by, bz := m[0], m[1], m[2], m[3], m[4], m[5]
	return spVec{
		wy*az - wz*ay, wz*ax - wx*az, wx*ay - wy*ax,
		wy*bz - wz*by + vy*az - vz*ay, wz*bx - wx*bz + vz*ax - vx*az, wx*by - wy*bx + vx*ay - vy*ax,
	}
}

// spCrossForce returns v ×* f, the spatial cross product of a motion and a
// force vector (Featherstone 2008, eq. 2.32): (ω×n + v×f, ω×f). v ×* (I·v) is
// the bias force of a body moving with velocity v (gyroscopic and Coriolis
// terms of the Newton–Euler equations).
func spCrossForce(v, f *spVec) spVec {
	wx, wy, wz, vx, vy, vz := v[0], v[1], v[2], v[3], v[4], v[5]
	nx, ny, nz, fx, fy, fz := f[0], f[1], f[2], f[3], f[4], f[5]
	return spVec{
		wy*nz - wz*ny + vy*fz - vz*fy, wz*nx - wx*nz + vz*fx - vx*fz, wx*ny - wy*nx + vx*fy - vy*fx,
		wy*fz - wz*fy, wz*fx - wx*fz, wx*fy - wy*fx,
	}
}

func spDot(a, b *spVec) float64 {
	return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] + a[3]*b[3] + a[4]*b[4] + a[5]*b[5]
}

// spInertia is a rigid body's spatial inertia about its frame origin in the
// compact form of Featherstone 2008 §2.13: mass m, first moment h = m·c (c the
// centre of mass) and rotational inertia I about the origin. As a 6×6 matrix it
// is [I h×; h×ᵀ m·1]. Ten numbers instead of 36, and sums and transforms of
// rigid-body inertias stay in this form, which is why CRBA uses it for the
// composite inertias.
type spInertia struct {
	m float64
	h [3]float64
	I [9]float64
}

// set fills s from body mass properties given about the centre of mass.
func (s *spInertia) set(b *Inertia) {
	s.m = b.Mass
	s.h = [3]float64{b.Mass * b.COM[0], b.Mass * b.COM[1], b.Mass * b.COM[2]}
	s.I = b.I
	// Parallel-axis theorem: from the COM to the body origin.
	shiftInertia(&s.I, b.Mass, b.COM)
}

// mul returns I·v = (I·ω + h×v, m·v − h×ω).
func (s *spInertia) mul(v *spVec) spVec {
	wx, wy, wz, vx, vy, vz := v[0], v[1], v[2], v[3], v[4], v[5]
	hx, hy, hz := s.h[0], s.h[1], s.h[2]
	I := &s.I
	m := s.m
	return spVec{
		I[0]*wx + I[1]*wy + I[2]*wz + hy*vz - hz*vy,
		I[3]*wx + I[4]*wy + I[5]*wz + hz*vx - hx*vz,
		I[6]*wx + I[7]*wy + I[8]*wz + hx*vy - hy*vx,
		m*vx - (hy*wz - hz*wy),
		m*vy - (hz*wx - hx*wz),
		m*vz - (hx*wy - hy*wx),
	}
}

// addTransformed adds Xᵀ·c·X to s: the child inertia c re-expressed about the
// parent origin in parent coordinates (Featherstone 2008, Table 2.5, rigid-body
// inertia transform): h' = R·h + m·r, I' = R·I·Rᵀ − (r×(Rh)× + (Rh)×r×) − m·r×r×.
func (s *spInertia) addTransformed(x *spXform, c *spInertia) {
	rh := spMul3(&x.R, c.h)
	ri := spRotateSym33(&x.R, &c.I)
	// The skew products in closed form, with [a]×[b]× = b·aᵀ − (a·b)·1:
	// r×(Rh)× + (Rh)×r× = Rh·rᵀ + r·Rhᵀ − 2(r·Rh)·1 and r×r× = r·rᵀ − |r|²·1.
	r := x.r
	diag := 2*(r[0]*rh[0]+r[1]*rh[1]+r[2]*rh[2]) + c.m*(r[0]*r[0]+r[1]*r[1]+r[2]*r[2])
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			v := ri[3*i+j] - rh[i]*r[j] - r[i]*rh[j] - c.m*r[i]*r[j]
			if i == j {
				v += diag
			}
			s.I[3*i+j] += v
		}
	}
	s.m += c.m
	for k := 0; k < 3; k++ {
		s.h[k] += rh[k] + c.m*r[k]
	}
}

// spRotateSym33 returns R·a·Rᵀ for a symmetric a (an inertia tensor),
// computing the upper triangle and mirroring it.
func spRotateSym33(r, a *[9]float64) [9]float64 {
	r0, r1, r2, r3, r4, r5, r6, r7, r8 := r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]
	a0, a1, a2, a4, a5, a8 := a[0], a[1], a[2], a[4], a[5], a[8]
	// Rows of R·a (a symmetric: a3 = a1, a6 = a2, a7 = a5).
	m0, m1, m2 := r0*a0+r1*a1+r2*a2, r0*a1+r1*a4+r2*a5, r0*a2+r1*a5+r2*a8
	m3, m4, m5 := r3*a0+r4*a1+r5*a2, r3*a1+r4*a4+r5*a5, r3*a2+r4*a5+r5*a8
	m6, m7, m8 := r6*a0+r7*a1+r8*a2, r6*a1+r7*a4+r8*a5, r6*a2+r7*a5+r8*a8
	c01 := m0*r3 + m1*r4 + m2*r5
	c02 := m0*r6 + m1*r7 + m2*r8
	c12 := m3*r6 + m4*r7 + m5*r8
	return [9]float64{
		m0*r0 + m1*r1 + m2*r2, c01, c02,
		c01, m3*r3 + m4*r4 + m5*r5, c12,
		c02, c12, m6*r6 + m7*r7 + m8*r8,
	}
}

// mat6 writes s as a full 6×6 row-major matrix into dst.
func (s *spInertia) mat6(dst *[36]float64) {
	hx := spSkew(s.h)
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			dst[6*i+j] = s.I[3*i+j]
			dst[6*i+3+j] = hx[3*i+j]
			dst[6*(3+i)+j] = hx[3*j+i] // (h×)ᵀ
			dst[6*(3+i)+3+j] = 0
		}
		dst[6*(3+i)+3+i] = s.m
	}
}

// spMat6Vec returns M·v for a 6×6 row-major M.
func spMat6Vec(m *[36]float64, v *spVec) spVec {
	var out spVec
	for i := 0; i < 6; i++ {
		row := m[6*i : 6*i+6 : 6*i+6]
		out[i] = row[0]*v[0] + row[1]*v[1] + row[2]*v[2] + row[3]*v[3] + row[4]*v[4] + row[5]*v[5]
	}
	return out
}

// spAddTransformed6 adds Xᵀ·a·X to dst for a general symmetric 6×6 a (an
// articulated-body inertia, which is not a rigid-body inertia and so has no
// compact form). Writing X = diag(E, E)·[1 0; −r× 1], the rotation acts on each
// 3×3 block (A ← R·A·Rᵀ, …, for a = [A B; Bᵀ C]) and the shift then gives
// [A + r×·Bᵀ − B·r× − r×·C·r×, B + r×·C; (B + r×·C)ᵀ, C]. This costs a
// handful of 3×3 products instead of two 6×6 ones.
func spAddTransformed6(dst *[36]float64, x *spXform, a *[36]float64) {
	var A, B, C [9]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			A[3*i+j] = a[6*i+j]
			B[3*i+j] = a[6*i+3+j]
			C[3*i+j] = a[6*(3+i)+3+j]
		}
	}
	A = spRotate33(&x.R, &A)
	B = spRotate33(&x.R, &B)
	C = spRotate33(&x.R, &C)
	rx := spSkew(x.r)
	rC := spMul33(&rx, &C)
	rCr := spMul33(&rC, &rx)
	Br := spMul33(&B, &rx)
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			// (r×·Bᵀ)_ij = Σ_k r×_ik B_jk
			rBt := rx[3*i]*B[3*j] + rx[3*i+1]*B[3*j+1] + rx[3*i+2]*B[3*j+2]
			aa := A[3*i+j] + rBt - Br[3*i+j] - rCr[3*i+j]
			bb := B[3*i+j] + rC[3*i+j]
			dst[6*i+j] += aa
			dst[6*i+3+j] += bb
			dst[6*(3+j)+i] += bb // lower-left block is B''ᵀ
			dst[6*(3+i)+3+j] += C[3*i+j]
		}
	}
}

// spMul3 returns R·v.
func spMul3(r *[9]float64, v [3]float64) [3]float64 {
	return [3]float64{
		r[0]*v[0] + r[1]*v[1] + r[2]*v[2],
		r[3]*v[0] + r[4]*v[1] + r[5]*v[2],
		r[6]*v[0] + r[7]*v[1] + r[8]*v[2],
	}
}

// spMulT3 returns Rᵀ·v.
func spMulT3(r *[9]float64, v [3]float64) [3]float64 {
	return [3]float64{
		r[0]*v[0] + r[3]*v[1] + r[6]*v[2],
		r[1]*v[0] + r[4]*v[1] + r[7]*v[2],
		r[2]*v[0] + r[5]*v[1] + r[8]*v[2],
	}
}

// spMul33 returns a·b for row-major 3×3 matrices.
func spMul33(a, b *[9]float64) [9]float64 {
	var c [9]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			c[3*i+j] = a[3*i]*b[j] + a[3*i+1]*b[3+j] + a[3*i+2]*b[6+j]
		}
	}
	return c
}

// spRotate33 returns R·a·Rᵀ.
func spRotate33(r, a *[9]float64) [9]float64 {
	ra := spMul33(r, a)
	var c [9]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			c[3*i+j] = ra[3*i]*r[3*j] + ra[3*i+1]*r[3*j+1] + ra[3*i+2]*r[3*j+2]
		}
	}
	return c
}

// spSkew returns the cross-product matrix v× (v×·u = v×u).
func spSkew(v [3]float64) [9]float64 {
	return [9]float64{
		0, -v[2], v[1],
		v[2], 0, -v[0],
		-v[1], v[0], 0,
	}
}
