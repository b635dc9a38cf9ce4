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
	const candidates = 4
	scores := make([]float64, candidates)
	best := 0.0
	for k := range candidates {
		scores[k] = manip(cand(k))
		best = math.Max(best, scores[k])
	}
	for k := range candidates {
		if scores[k] >= best/2 {
			return cand(k)
		}
	}
	return cand(0)
}
