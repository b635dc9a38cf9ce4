package robot

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/chiron-robotics/chiron/kinematics"
)

// ReadyPose returns the pose a served robot starts in: the middle of every
// joint's range unless that is (near) singular for moving the tool — the
// middle of symmetric limits is often the arm stretched straight (the iiwa
// upright, a pendulum hanging straight), where no joint motion moves the
// tool along the arm and teleoperation's first command finds no IK
// solution. Then it bends the revolute joints by a growing share of their
// range, alternating in sign, and takes the first pose whose translational
// manipulability √det(Jv·Jvᵀ) (Yoshikawa 1985; for fewer than three
// joints, of Jvᵀ·Jv) reaches half the best of the candidates.
//
// A pose where two revolute joints' axes are collinear (the Panda's and
// the iiwa's first and third at mid-range) is passed over too: there the
// two joints can counter-rotate carrying only the links between them, a
// mode of tiny inertia that the joints' position loops, sized for each
// joint's own inertia, cannot hold once the bus delays its measurements a
// few cycles (the Panda on CANopen: joints 1 and 3 at 2.2 rad/s with a
// 2 ms reply delay; stable with the joint between them bent).
func ReadyPose(c *kinematics.Chain) []float64 {
	n := c.DoF()
	lo, hi := c.Limits()
	w := kinematics.NewWorkspace(c)
	jac := mat.NewDense(6, n, nil)
	cand := func(k int) []float64 {
		q := make([]float64, n)
		sign := 1.0
		for i, j := range c.Joints {
			q[i] = (lo[i] + hi[i]) / 2
			if j.Type == kinematics.Revolute && k > 0 {
				q[i] += sign * 0.08 * float64(k) * (hi[i] - lo[i])
				q[i] = math.Max(lo[i], math.Min(hi[i], q[i]))
				sign = -sign
			}
		}
		return q
	}
	manip := func(q []float64) float64 {
		w.Jacobian(jac, q)
		jv := jac.Slice(0, 3, 0, n)
		var g mat.Dense
		if n >= 3 {
			g.Mul(jv, jv.T())
		} else {
			g.Mul(jv.T(), jv)
		}
		return math.Sqrt(math.Max(mat.Det(&g), 0))
	}
	frames := make([]kinematics.Frame, n)
	// collinear reports whether two revolute joints' axes lie on one line
	// at q (directions parallel, and one axis's origin on the other's
	// line, within 1 mm).
	collinear := func(q []float64) bool {
		w.Frames(frames, q)
		for i := range n {
			if c.Joints[i].Type != kinematics.Revolute {
				continue
			}
			ai := frames[i].Rotate(c.Joints[i].Axis)
			for k := i + 1; k < n; k++ {
				if c.Joints[k].Type != kinematics.Revolute {
					continue
				}
				ak := frames[k].Rotate(c.Joints[k].Axis)
				d := [3]float64{frames[k].P[0] - frames[i].P[0], frames[k].P[1] - frames[i].P[1], frames[k].P[2] - frames[i].P[2]}
				if norm3(cross3(ai, ak)) < 1e-6 && norm3(cross3(d, ai)) < 1e-3 {
					return true
				}
			}
		}
		return false
	}
	const candidates = 4
	scores := make([]float64, candidates)
	best := 0.0
	for k := range candidates {
		if q := cand(k); !collinear(q) {
			scores[k] = manip(q)
		}
		best = math.Max(best, scores[k])
	}
	for k := range candidates {
		if scores[k] >= best/2 {
			return cand(k)
		}
	}
	return cand(0)
}

func cross3(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

func norm3(a [3]float64) float64 { return math.Sqrt(a[0]*a[0] + a[1]*a[1] + a[2]*a[2]) }
