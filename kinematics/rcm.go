package kinematics

import (
	"errors"
	"fmt"
	"math"
)

// Remote centre of motion (RCM): a laparoscopic instrument is a straight
// shaft entering the patient through a port (trocar); whatever the arm does,
// the shaft line must keep passing through that point.
//
// Two kinds of arm meet this constraint differently:
//
//   - A general arm (Panda, iiwa, UR5 holding an instrument) has a software
//     RCM: the controller chooses tool poses whose shaft passes through the
//     port. SolveRCM turns "tip here, roll so" into such a pose (ShaftFrame)
//     and solves IK for it; the chain's tip frame must be the instrument tip
//     with its z axis along the shaft, pointing out of the instrument.
//   - A mechanical RCM arm (the PSM DH table: Chain.MinInsertion > 0, RCM at
//     the base origin) keeps the shaft through its RCM by construction; any
//     full-pose goal is solved with SolveMechanicalRCM, which refuses goals
//     closer to the RCM than the minimum insertion, as the dVRK does.
//
// Both report the RCM error of the configuration they return, computed from
// forward kinematics, never assumed.

// ErrInsideMinInsertion is wrapped by the error returned for a goal closer to
// the RCM than the minimum insertion.
var ErrInsideMinInsertion = errors.New("kinematics: goal inside the minimum insertion")

// ErrNoMechanicalRCM is returned by SolveMechanicalRCM for a chain without
// an insertion joint.
var ErrNoMechanicalRCM = errors.New("kinematics: chain has no mechanical RCM (no prismatic insertion joint)")

// InsertionError refuses a goal at Distance m from the RCM, under the
// minimum insertion Min m. It unwraps to ErrInsideMinInsertion.
type InsertionError struct {
	Distance, Min float64
}

func (e *InsertionError) Error() string {
	return fmt.Sprintf("kinematics: goal %.4g m from the RCM is inside the minimum insertion %.4g m", e.Distance, e.Min)
}

// Unwrap returns ErrInsideMinInsertion.
func (e *InsertionError) Unwrap() error { return ErrInsideMinInsertion }

// Port is the fixed entry point of a software RCM.
type Port struct {
	Point [3]float64 // in the base frame, m
	// MinInsertion refuses tip goals nearer the port than this (m). Goals at
	// the port itself are always refused: the shaft direction is undefined.
	MinInsertion float64
}

// RCMResult is an IK result with the RCM figures of the returned configuration.
type RCMResult struct {
	IKResult
	// RCMError is the distance (m) from the RCM point (the port, or the base
	// origin of a mechanical RCM) to the instrument's shaft line.
	RCMError float64
	// Insertion is the signed distance (m) from the RCM point to the tip,
	// measured along the shaft direction (inward positive).
	Insertion float64
}

// DefaultRCMTolerance is the default bound on the RCM error of SolveRCM's
// solutions, m.
const DefaultRCMTolerance = 1e-7

// ShaftFrame returns the tool pose for a straight instrument through port
// with its tip at tip: origin at the tip, z axis along port→tip, and the roll
// (rad) about z measured from a reference frame defined so that roll is
// continuous for every direction a surgical instrument takes: at roll 0 the
// frame is the minimal rotation of the "pointing down" frame (x = base x,
// z = −base z) onto the shaft direction. (Every such convention has one
// singular direction; this one's is straight up, where the frame x is base x.)
// It fails when tip and port coincide.
func ShaftFrame(port, tip [3]float64, roll float64) (Frame, error) {
	d := sub3(tip, port)
	l := norm3(d[0], d[1], d[2])
	if !(l > 1e-12) {
		return Frame{}, &InsertionError{Distance: l}
	}
	z := [3]float64{d[0] / l, d[1] / l, d[2] / l}
	f := Frame{R: shaftZeroRoll(z), P: tip}
	rz := AxisAngle([3]float64{0, 0, 1}, roll)
	f.R = mul3(&f.R, &rz)
	return f, nil
}

// ShaftRoll returns the roll of tool orientation r about its z axis, as
// ShaftFrame measures it: ShaftFrame(p, t, ShaftRoll(r)) has rotation r when
// t − p points along r's z axis.
func ShaftRoll(r *[9]float64) float64 {
	z := [3]float64{r[2], r[5], r[8]}
	z0 := shaftZeroRoll(z)
	// Rz(roll) = R0ᵀ·R; roll = atan2(m10, m00).
	m00 := z0[0]*r[0] + z0[3]*r[3] + z0[6]*r[6]
	m10 := z0[1]*r[0] + z0[4]*r[3] + z0[7]*r[6]
	return math.Atan2(m10, m00)
}

// shaftZeroRoll returns the rotation of the roll-0 tool frame with unit z axis z.
func shaftZeroRoll(z [3]float64) [9]float64 {
	down := [9]float64{1, 0, 0, 0, -1, 0, 0, 0, -1} // x = base x, z = −base z
	// Minimal rotation taking −ẑ to z: axis (−ẑ)×z = (z_y, −z_x, 0).
	k := [3]float64{z[1], -z[0], 0}
	s := norm3(k[0], k[1], k[2])
	c := -z[2]
	if s < 1e-15 {
		if c > 0 {
			return down
		}
		return [9]float64{1, 0, 0, 0, 1, 0, 0, 0, 1} // straight up: Rx(π)·down
	}
	rot := AxisAngle([3]float64{k[0] / s, k[1] / s, 0}, math.Atan2(s, c))
	return mul3(&rot, &down)
}

func mul3(a, b *[9]float64) [9]float64 {
	var r [9]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			r[3*i+j] = a[3*i]*b[j] + a[3*i+1]*b[3+j] + a[3*i+2]*b[6+j]
		}
	}
	return r
}

// lineDistance returns the distance from point x to the line through p with
// unit direction d, and the signed position of x's projection along d.
func lineDistance(x, p, d [3]float64) (dist, along float64) {
	v := sub3(x, p)
	along = v[0]*d[0] + v[1]*d[1] + v[2]*d[2]
	w := [3]float64{v[0] - along*d[0], v[1] - along*d[1], v[2] - along*d[2]}
	return norm3(w[0], w[1], w[2]), along
}

// ShaftRCMError returns, for a tool pose whose z axis is the shaft through
// its origin, the distance (m) from point to the shaft line and the tip's
// insertion beyond point along the shaft.
func ShaftRCMError(tool *Frame, point [3]float64) (rcmErr, insertion float64) {
	z := [3]float64{tool.R[2], tool.R[5], tool.R[8]}
	rcmErr, along := lineDistance(point, tool.P, z)
	return rcmErr, -along
}

// MechanicalRCMError returns, for a chain with a mechanical RCM at the base
// origin, the distance (m) from the base origin to the shaft line at q, and
// the tip's insertion (m) along the shaft beyond the origin. The shaft line is
// the insertion joint's axis, taken from the joint frames' forward kinematics,
// so a table whose twists are not exactly ±π/2 shows its real error. It panics
// when the chain has no insertion joint.
func MechanicalRCMError(w *Workspace, q []float64) (rcmErr, insertion float64) {
	k := w.chain.InsertionJoint
	if k < 0 || k >= len(w.chain.Joints) {
		panic("kinematics: MechanicalRCMError on a chain without an insertion joint")
	}
	w.update(q)
	d := w.axis[k]
	rcmErr, _ = lineDistance([3]float64{}, w.origin[k], d)
	_, insertion = lineDistance(w.tip.P, [3]float64{}, d)
	return rcmErr, insertion
}

// SolveRCM solves IK for a straight instrument through port with its tip at
// tip and the given roll about the shaft (see ShaftFrame), for a chain whose
// tip frame is the instrument tip with z along the shaft. The pose tolerance
// is tightened so that the shaft passes within DefaultRCMTolerance of the
// port (the position error plus the shaft length times the rotation error
// bound the RCM error). The result's RCMError and Insertion are measured on
// the returned configuration by FK. Goals within port.MinInsertion of the
// port are refused with an *InsertionError; otherwise errors are Solve's.
func (ik *IK) SolveRCM(dst, seed []float64, port Port, tip [3]float64, roll float64) (RCMResult, error) {
	d := sub3(tip, port.Point)
	l := norm3(d[0], d[1], d[2])
	if l < port.MinInsertion || !(l > 1e-12) {
		return RCMResult{}, &InsertionError{Distance: l, Min: port.MinInsertion}
	}
	target, err := ShaftFrame(port.Point, tip, roll)
	if err != nil {
		return RCMResult{}, err
	}
	saved := ik.tol
	ik.tol = math.Min(saved, DefaultRCMTolerance/(1+l))
	res, err := ik.Solve(dst, seed, &target)
	ik.tol = saved
	out := RCMResult{IKResult: res}
	ik.ws.FK(&ik.pose, dst)
	out.RCMError, out.Insertion = ShaftRCMError(&ik.pose, port.Point)
	return out, err
}

// SolveMechanicalRCM solves full-pose IK for a chain with a mechanical RCM at
// its base origin (a PSM), refusing with an *InsertionError any goal whose tip
// position is closer to the RCM than Chain.MinInsertion: so near the port the
// instrument's wrist would work inside the cannula, and small Cartesian
// motions need large arm motions. The result reports the RCM error and the
// insertion of the returned configuration (MechanicalRCMError).
func (ik *IK) SolveMechanicalRCM(dst, seed []float64, target *Frame) (RCMResult, error) {
	c := ik.chain
	if c.InsertionJoint < 0 {
		return RCMResult{}, ErrNoMechanicalRCM
	}
	if l := norm3(target.P[0], target.P[1], target.P[2]); l < c.MinInsertion {
		return RCMResult{}, &InsertionError{Distance: l, Min: c.MinInsertion}
	}
	res, err := ik.Solve(dst, seed, target)
	out := RCMResult{IKResult: res}
	out.RCMError, out.Insertion = MechanicalRCMError(ik.ws, dst)
	return out, err
}
