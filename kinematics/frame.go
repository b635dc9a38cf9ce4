package kinematics

import "math"

// Frame is a rigid transform: a rotation R (row-major 3×3) and a translation P.
// It maps coordinates in the child frame to the parent frame: x_parent = R·x_child + P.
// The zero value is not a valid rotation; use Identity.
type Frame struct {
	R [9]float64
	P [3]float64
}

// Identity returns the identity transform.
func Identity() Frame {
	return Frame{R: [9]float64{1, 0, 0, 0, 1, 0, 0, 0, 1}}
}

// Mul sets f = a·b (first b, then a). f may alias a or b.
func (f *Frame) Mul(a, b *Frame) {
	// Written out: every FK, Jacobian and dynamics pass runs this once per
	// joint, and the loops' array temporaries cost more than the arithmetic.
	a0, a1, a2, a3, a4, a5, a6, a7, a8 := a.R[0], a.R[1], a.R[2], a.R[3], a.R[4], a.R[5], a.R[6], a.R[7], a.R[8]
	b0, b1, b2, b3, b4, b5, b6, b7, b8 := b.R[0], b.R[1], b.R[2], b.R[3], b.R[4], b.R[5], b.R[6], b.R[7], b.R[8]
	px, py, pz := b.P[0], b.P[1], b.P[2]
	ax, ay, az := a.P[0], a.P[1], a.P[2]
	f.R = [9]float64{
		a0*b0 + a1*b3 + a2*b6, a0*b1 + a1*b4 + a2*b7, a0*b2 + a1*b5 + a2*b8,
		a3*b0 + a4*b3 + a5*b6, a3*b1 + a4*b4 + a5*b7, a3*b2 + a4*b5 + a5*b8,
		a6*b0 + a7*b3 + a8*b6, a6*b1 + a7*b4 + a8*b7, a6*b2 + a7*b5 + a8*b8,
	}
	f.P = [3]float64{
		a0*px + a1*py + a2*pz + ax,
		a3*px + a4*py + a5*pz + ay,
		a6*px + a7*py + a8*pz + az,
	}
}

// Inverse sets f to the inverse of a. f may alias a.
func (f *Frame) Inverse(a *Frame) {
	var r [9]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			r[3*i+j] = a.R[3*j+i]
		}
	}
	p := [3]float64{
		-(r[0]*a.P[0] + r[1]*a.P[1] + r[2]*a.P[2]),
		-(r[3]*a.P[0] + r[4]*a.P[1] + r[5]*a.P[2]),
		-(r[6]*a.P[0] + r[7]*a.P[1] + r[8]*a.P[2]),
	}
	f.R, f.P = r, p
}

// Rotate returns R·v.
func (f *Frame) Rotate(v [3]float64) [3]float64 {
	return [3]float64{
		f.R[0]*v[0] + f.R[1]*v[1] + f.R[2]*v[2],
		f.R[3]*v[0] + f.R[4]*v[1] + f.R[5]*v[2],
		f.R[6]*v[0] + f.R[7]*v[1] + f.R[8]*v[2],
	}
}

// Apply returns R·v + P, the point v expressed in the parent frame.
func (f *Frame) Apply(v [3]float64) [3]float64 {
	r := f.Rotate(v)
	return [3]float64{r[0] + f.P[0], r[1] + f.P[1], r[2] + f.P[2]}
}

// RPY returns the rotation of URDF's origin rpy: Rz(yaw)·Ry(pitch)·Rx(roll).
func RPY(roll, pitch, yaw float64) [9]float64 {
	sr, cr := math.Sincos(roll)
	sp, cp := math.Sincos(pitch)
	sy, cy := math.Sincos(yaw)
	return [9]float64{
		cy * cp, cy*sp*sr - sy*cr, cy*sp*cr + sy*sr,
		sy * cp, sy*sp*sr + cy*cr, sy*sp*cr - cy*sr,
		-sp, cp * sr, cp * cr,
	}
}

// AxisAngle returns the rotation by angle about the unit axis (Rodrigues).
func AxisAngle(axis [3]float64, angle float64) [9]float64 {
	s, c := math.Sincos(angle)
	v := 1 - c
	x, y, z := axis[0], axis[1], axis[2]
	return [9]float64{
		c + x*x*v, x*y*v - z*s, x*z*v + y*s,
		y*x*v + z*s, c + y*y*v, y*z*v - x*s,
		z*x*v - y*s, z*y*v + x*s, c + z*z*v,
	}
}

// RotationError returns the rotation vector (axis·angle, rad) of Ra·Rbᵀ, i.e. the
// rotation that takes orientation b to orientation a, expressed in the base frame.
func RotationError(a, b *[9]float64) [3]float64 {
	// E = Ra·Rbᵀ
	var e [9]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			e[3*i+j] = a[3*i]*b[3*j] + a[3*i+1]*b[3*j+1] + a[3*i+2]*b[3*j+2]
		}
	}
	return rotationVector(&e)
}

// rotationVector returns the axis-angle vector of the rotation matrix e, robust
// near 0 and near π.
func rotationVector(e *[9]float64) [3]float64 {
	tr := e[0] + e[4] + e[8]
	w := [3]float64{e[7] - e[5], e[2] - e[6], e[3] - e[1]}
	cosA := (tr - 1) / 2
	sinA := 0.5 * math.Sqrt(w[0]*w[0]+w[1]*w[1]+w[2]*w[2])
	angle := math.Atan2(sinA, cosA)
	if sinA > 1e-6 {
		k := angle / (2 * sinA)
		return [3]float64{w[0] * k, w[1] * k, w[2] * k}
	}
	if cosA > 0 {
		// Small angle: first-order.
		return [3]float64{w[0] / 2, w[1] / 2, w[2] / 2}
	}
	// Angle near π: axis from the diagonal of (E + I)/2 = a·aᵀ.
	xx := math.Max((e[0]+1)/2, 0)
	yy := math.Max((e[4]+1)/2, 0)
	zz := math.Max((e[8]+1)/2, 0)
	var ax [3]float64
	switch {
	case xx >= yy && xx >= zz:
		x := math.Sqrt(xx)
		ax = [3]float64{x, (e[1] + e[3]) / (4 * x), (e[2] + e[6]) / (4 * x)}
	case yy >= zz:
		y := math.Sqrt(yy)
		ax = [3]float64{(e[1] + e[3]) / (4 * y), y, (e[5] + e[7]) / (4 * y)}
	default:
		z := math.Sqrt(zz)
		ax = [3]float64{(e[2] + e[6]) / (4 * z), (e[5] + e[7]) / (4 * z), z}
	}
	// Choose the sign consistent with the antisymmetric part.
	if ax[0]*w[0]+ax[1]*w[1]+ax[2]*w[2] < 0 {
		ax = [3]float64{-ax[0], -ax[1], -ax[2]}
	}
	return [3]float64{ax[0] * angle, ax[1] * angle, ax[2] * angle}
}

// Quaternion returns the unit quaternion (x, y, z, w) of the rotation R.
func (f *Frame) Quaternion() [4]float64 {
	r := &f.R
	tr := r[0] + r[4] + r[8]
	var x, y, z, w float64
	switch {
	case tr > 0:
		s := math.Sqrt(tr+1) * 2
		w, x, y, z = s/4, (r[7]-r[5])/s, (r[2]-r[6])/s, (r[3]-r[1])/s
	case r[0] > r[4] && r[0] > r[8]:
		s := math.Sqrt(1+r[0]-r[4]-r[8]) * 2
		w, x, y, z = (r[7]-r[5])/s, s/4, (r[1]+r[3])/s, (r[2]+r[6])/s
	case r[4] > r[8]:
		s := math.Sqrt(1+r[4]-r[0]-r[8]) * 2
		w, x, y, z = (r[2]-r[6])/s, (r[1]+r[3])/s, s/4, (r[5]+r[7])/s
	default:
		s := math.Sqrt(1+r[8]-r[0]-r[4]) * 2
		w, x, y, z = (r[3]-r[1])/s, (r[2]+r[6])/s, (r[5]+r[7])/s, s/4
	}
	return [4]float64{x, y, z, w}
}
