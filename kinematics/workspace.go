package kinematics

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Workspace holds the preallocated state for kinematics of one chain: after
// NewWorkspace, FK, Jacobian and Frames allocate nothing, so a control loop can
// call them every cycle. A Workspace is not safe for concurrent use; give each
// goroutine its own.
type Workspace struct {
	chain *Chain
	// link[i] is the pose of the body joint i moves in the base frame;
	// axis[i] and origin[i] are joint i's axis and the origin of its frame
	// before its motion, in the base frame (what the Jacobian needs).
	link   []Frame
	axis   [][3]float64
	origin [][3]float64
	tip    Frame
}

// NewWorkspace returns a workspace for c.
func NewWorkspace(c *Chain) *Workspace {
	n := c.DoF()
	return &Workspace{chain: c, link: make([]Frame, n), axis: make([][3]float64, n), origin: make([][3]float64, n)}
}

// Chain returns the chain the workspace computes for.
func (w *Workspace) Chain() *Chain { return w.chain }

func (w *Workspace) checkQ(q []float64) {
	if len(q) != len(w.chain.Joints) {
		panic(fmt.Sprintf("kinematics: %d joint values for a chain of %d joints", len(q), len(w.chain.Joints)))
	}
}

// update computes every link frame, joint axis and origin and the tip for q.
func (w *Workspace) update(q []float64) {
	w.checkQ(q)
	var local Frame
	for i := range w.chain.Joints {
		jointPose(&local, &w.chain.Joints[i], q[i])
		w.setLink(i, &local, q[i])
	}
	w.setTip()
}

// setLink sets link i from its pose local in link i−1 (the base for i = 0)
// at joint position q; links 0…i−1 must be set.
func (w *Workspace) setLink(i int, local *Frame, q float64) {
	j := &w.chain.Joints[i]
	l := &w.link[i]
	if i == 0 {
		*l = *local
	} else {
		l.Mul(&w.link[i-1], local)
	}
	// A joint's own motion leaves its axis alone, so the axis in the base
	// frame is the link's rotation applied to it; a revolute joint does not
	// move its origin, a prismatic one moves it q along the axis.
	var z [3]float64
	if k, sign := unitAxis(&j.Axis); k >= 0 {
		// ±e_k: column k of the rotation, no products (sign·x is exact).
		z = [3]float64{sign * l.R[k], sign * l.R[3+k], sign * l.R[6+k]}
	} else {
		z = l.Rotate(j.Axis)
	}
	w.axis[i] = z
	w.origin[i] = l.P
	if j.Type == Prismatic {
		w.origin[i] = [3]float64{l.P[0] - z[0]*q, l.P[1] - z[1]*q, l.P[2] - z[2]*q}
	}
}

// setTip sets the tip from the last link (the base frame without joints).
func (w *Workspace) setTip() {
	if n := len(w.link); n > 0 {
		w.tip.Mul(&w.link[n-1], &w.chain.Tip)
		return
	}
	w.tip = w.chain.Tip
}

// FK sets dst to the pose of the tip frame in the base frame at q.
// It panics when len(q) differs from the chain's DoF.
func (w *Workspace) FK(dst *Frame, q []float64) {
	w.checkQ(q)
	// The link frames only: no axes or origins (the Jacobian's), no stores.
	var l, local Frame
	for i := range w.chain.Joints {
		jointPose(&local, &w.chain.Joints[i], q[i])
		if i == 0 {
			l = local
		} else {
			l.Mul(&l, &local)
		}
	}
	if len(w.chain.Joints) == 0 {
		*dst = w.chain.Tip
		return
	}
	dst.Mul(&l, &w.chain.Tip)
}

// Frames computes the pose at q of every body frame (link frame after each
// joint's motion) in the base frame into dst, which must have DoF elements, and
// returns the tip pose.
func (w *Workspace) Frames(dst []Frame, q []float64) Frame {
	w.update(q)
	copy(dst, w.link)
	return w.tip
}

// Jacobian sets dst, which must be 6×DoF, to the geometric Jacobian at q: rows
// 0–2 map joint rates to the tip origin's linear velocity, rows 3–5 to the
// angular velocity, both expressed in the base frame.
func (w *Workspace) Jacobian(dst *mat.Dense, q []float64) {
	n := len(w.chain.Joints)
	if r, c := dst.Dims(); r != 6 || c != n {
		panic(fmt.Sprintf("kinematics: Jacobian destination is %d×%d, want 6×%d", r, c, n))
	}
	w.update(q)
	raw := dst.RawMatrix()
	w.jacobianInto(raw.Data, raw.Stride)
}

// jacobianInto writes the Jacobian for the frames of the last update into a
// row-major buffer with the given stride.
func (w *Workspace) jacobianInto(d []float64, stride int) {
	pe := w.tip.P
	for i := range w.chain.Joints {
		j := &w.chain.Joints[i]
		z := w.axis[i]
		var lin, ang [3]float64
		if j.Type == Prismatic {
			lin = z
		} else {
			r := sub3(pe, w.origin[i])
			lin = cross(z, r)
			ang = z
		}
		for k := 0; k < 3; k++ {
			d[k*stride+i] = lin[k]
			d[(3+k)*stride+i] = ang[k]
		}
	}
}

// FKJacobian computes the tip pose and the Jacobian at q in one pass.
func (w *Workspace) FKJacobian(pose *Frame, jac *mat.Dense, q []float64) {
	n := len(w.chain.Joints)
	if r, c := jac.Dims(); r != 6 || c != n {
		panic(fmt.Sprintf("kinematics: Jacobian destination is %d×%d, want 6×%d", r, c, n))
	}
	w.update(q)
	*pose = w.tip
	raw := jac.RawMatrix()
	w.jacobianInto(raw.Data, raw.Stride)
}

func cross(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}
