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
			// two axes in cyclic order; written out for each k.
			o := &j.Origin.R
			R := &f.R
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
			f.P = j.Origin.P
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
