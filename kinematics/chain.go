package kinematics

import (
	"fmt"
	"math"
)

// JointType is the kind of a joint.
type JointType uint8

const (
	// Fixed joints do not move; chains fold them into their neighbours.
	Fixed JointType = iota
	// Revolute joints rotate about Axis within [Lower, Upper] rad.
	Revolute
	// Continuous joints rotate about Axis without limits (angles wrap to (−π, π]).
	Continuous
	// Prismatic joints translate along Axis within [Lower, Upper] m.
	Prismatic
)

var jointTypeNames = [...]string{"fixed", "revolute", "continuous", "prismatic"}

// String returns the URDF name of the joint type.
func (t JointType) String() string {
	if int(t) < len(jointTypeNames) {
		return jointTypeNames[t]
	}
	return fmt.Sprintf("jointtype(%d)", uint8(t))
}

// Inertia is the mass properties of a rigid body in its own frame.
type Inertia struct {
	Mass float64    // kg
	COM  [3]float64 // centre of mass, m, in the body frame
	// I is the rotational inertia about the centre of mass, kg·m², in the
	// body frame's orientation, row-major 3×3 (symmetric).
	I [9]float64
}

// Joint is one movable joint of a chain.
type Joint struct {
	Name string
	Type JointType
	// Origin is the pose of the joint frame in the previous body's frame when
	// the joint is at zero (fixed joints in between are already folded in).
	Origin Frame
	// Axis is the unit axis of motion in the joint frame.
	Axis [3]float64
	// Lower and Upper bound the position (rad or m); ±Inf for continuous joints.
	Lower, Upper float64
	// Effort (N·m or N) and Velocity (rad/s or m/s) are the rated limits; 0 when unknown.
	Effort, Velocity float64
	// Body is the rigid body the joint moves (with any bodies fixed to it),
	// expressed in the body frame: the joint frame after the joint's motion.
	Body Inertia
}

// Chain is a serial kinematic chain from a base frame to a tip frame. Loaders
// (URDF, modified-DH) produce it; every algorithm in this package consumes it.
type Chain struct {
	Name    string
	Base    string // name of the base link (frame)
	TipName string // name of the tip link (frame)
	Joints  []Joint
	// Tip is the pose of the tip frame in the last joint's frame.
	Tip Frame
	// MinInsertion, when positive, is a mechanical remote centre of motion's
	// minimum insertion (m) measured along the shaft from the RCM, the base
	// origin; InsertionJoint is the index of the prismatic insertion joint
	// (−1 when the chain has no mechanical RCM).
	MinInsertion   float64
	InsertionJoint int
}

// DoF returns the number of movable joints.
func (c *Chain) DoF() int { return len(c.Joints) }

// Limits returns the lower and upper position limits of every joint, with
// continuous joints reported as [−π, π].
func (c *Chain) Limits() (lower, upper []float64) {
	lower = make([]float64, len(c.Joints))
	upper = make([]float64, len(c.Joints))
	for i, j := range c.Joints {
		if j.Type == Continuous {
			lower[i], upper[i] = -math.Pi, math.Pi
			continue
		}
		lower[i], upper[i] = j.Lower, j.Upper
	}
	return lower, upper
}

// jointMotion sets f to the motion of joint j at position q (rotation about or
// translation along its axis).
func jointMotion(f *Frame, j *Joint, q float64) {
	switch j.Type {
	case Prismatic:
		f.R = [9]float64{1, 0, 0, 0, 1, 0, 0, 0, 1}
		f.P = [3]float64{j.Axis[0] * q, j.Axis[1] * q, j.Axis[2] * q}
	case Revolute, Continuous:
		f.R = AxisAngle(j.Axis, q)
		f.P = [3]float64{}
	default:
		*f = Identity()
	}
}

// jointPose sets f to the pose of the body joint j moves, in the previous
// body's frame, at position q: Origin·motion(q). It is the hot step of every
// algorithm here (FK, Jacobian, RNEA, CRBA, ABA run it once per joint), so a
// revolute joint about a coordinate axis of its own frame — every joint of
// the Panda, iiwa, UR5 and a DH table — takes a closed form: the rotation
// mixes two columns of Origin.R and leaves the third alone (12 products
// instead of Rodrigues' formula and a 3×3 product). The result equals
// Origin·AxisAngle(Axis, q) to rounding.
func jointPose(f *Frame, j *Joint, q float64) {
	switch j.Type {
	case Revolute, Continuous:
		if k, sign := unitAxis(&j.Axis); k >= 0 {
			s, c := math.Sincos(q)
			s *= sign
			// A rotation by θ about coordinate axis k turns column a into
			// c·a + s·b and column b into c·b − s·a, with (a, b) the next
			// two axes in cyclic order.
			a, b := (k+1)%3, (k+2)%3
			o := &j.Origin.R
			r := *o
			for row := 0; row < 9; row += 3 {
				ca, cb := o[row+a], o[row+b]
				r[row+a] = c*ca + s*cb
				r[row+b] = c*cb - s*ca
			}
			f.R, f.P = r, j.Origin.P
			return
		}
	case Prismatic:
		// A translation along the axis: the origin moves by Origin.R·axis·q.
		d := j.Origin.Rotate(j.Axis)
		f.R = j.Origin.R
		f.P = [3]float64{j.Origin.P[0] + d[0]*q, j.Origin.P[1] + d[1]*q, j.Origin.P[2] + d[2]*q}
		return
	}
	var m Frame
	jointMotion(&m, j, q)
	f.Mul(&j.Origin, &m)
}

// unitAxis returns k and ±1 when axis is ±e_k exactly, else −1.
func unitAxis(axis *[3]float64) (k int, sign float64) {
	switch {
	case axis[1] == 0 && axis[2] == 0 && (axis[0] == 1 || axis[0] == -1):
		return 0, axis[0]
	case axis[0] == 0 && axis[2] == 0 && (axis[1] == 1 || axis[1] == -1):
		return 1, axis[1]
	case axis[0] == 0 && axis[1] == 0 && (axis[2] == 1 || axis[2] == -1):
		return 2, axis[2]
	}
	return -1, 0
}
