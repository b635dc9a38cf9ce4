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
	// joint[i] is the pose of joint i's frame in the base frame before its
	// motion (origin and axis); link[i] is the pose after its motion (the
	// frame of the body it moves).
	joint []Frame
	link  []Frame
	tip   Frame
}

// NewWorkspace returns a workspace for c.
func NewWorkspace(c *Chain) *Workspace {
	n := c.DoF()
	return &Workspace{chain: c, joint: make([]Frame, n), link: make([]Frame, n)}
}

// Chain returns the chain the workspace computes for.
func (w *Workspace) Chain() *Chain { return w.chain }

func (w *Workspace) checkQ(q []float64) {
	if len(q) != len(w.chain.Joints) {
		panic(fmt.Sprintf("kinematics: %d joint values for a chain of %d joints", len(q), len(w.chain.Joints)))
	}
}

// update computes every joint and link frame and the tip for q.
func (w *Workspace) update(q []float64) {
	w.checkQ(q)
	prev := Identity()
	var motion Frame
	for i := range w.chain.Joints {
		j := &w.chain.Joints[i]
		w.joint[i].Mul(&prev, &j.Origin)
		jointMotion(&motion, j, q[i])
		w.link[i].Mul(&w.joint[i], &motion)
		prev = w.link[i]
	}
	w.tip.Mul(&prev, &w.chain.Tip)
}

// FK sets dst to the pose of the tip frame in the base frame at q.
// It panics when len(q) differs from the chain's DoF.
func (w *Workspace) FK(dst *Frame, q []float64) {
	w.update(q)
	*dst = w.tip
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
		z := w.joint[i].Rotate(j.Axis)
		var lin, ang [3]float64
		if j.Type == Prismatic {
			lin = z
		} else {
			r := sub3(pe, w.joint[i].P)
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
