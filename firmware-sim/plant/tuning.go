package plant

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// TunedGains returns drive loop gains for joint i tuned to what it moves,
// as a servo drive's auto-tuning does: DefaultGains for its torque limit,
// with the velocity loop's gain capped for the smallest inertia the joint
// sees (M_ii over a fixed sample of the joint box, plus the armature) —
// Kd·T/J ≤ 0.5 at the plant's substep T, below the discrete loop's
// stability limit — the position loop kept at Kp/Kd = 10 /s, and the
// integral gain capped so that the third-order cascade stays stable with
// a factor-2 margin at the largest inertia (Routh: Kd²·(Kp + Ki) >
// 2·J·Ki·Kp). A wrist joint of a 300 N·m-rated arm otherwise got a velocity
// gain of 600 N·m·s/rad on 0.02 kg·m² and oscillated.
func (p *Plant) TunedGains(i int) DriveGains {
	g := DefaultGains(p.TorqueLimit(i))
	jMin, jMax := p.inertiaRange(i)
	if kd := 0.5 * jMin / p.sub.Seconds(); g.Kd > kd {
		ratio := g.Kp / g.Kd
		g.Kd = kd
		g.Kp = kd * ratio
		g.Ki = g.Kp / 4
	}
	if den := 2*jMax*g.Kp - g.Kd*g.Kd; den > 0 {
		g.Ki = math.Min(g.Ki, g.Kd*g.Kd*g.Kp/den)
	}
	return g
}

// inertiaRange returns the smallest and largest M_ii + armature of joint i
// over 64 poses drawn with a fixed seed from the joint box (±π where a
// joint has no limits), computed once for all joints.
func (p *Plant) inertiaRange(i int) (lo, hi float64) {
	if p.jMin == nil {
		n := p.chain.DoF()
		p.jMin, p.jMax = make([]float64, n), make([]float64, n)
		for k := range p.jMin {
			p.jMin[k] = math.Inf(1)
		}
		rng := rand.New(rand.NewPCG(7, 11))
		q := make([]float64, n)
		m := mat.NewSymDense(n, nil)
		for range 64 {
			for k := range q {
				a, b := p.lower[k], p.upper[k]
				if math.IsInf(a, 0) || math.IsInf(b, 0) {
					a, b = -math.Pi, math.Pi
				}
				q[k] = a + rng.Float64()*(b-a)
			}
			p.dyn.MassMatrix(m, q)
			for k := range q {
				v := m.At(k, k) + p.joints[k].Armature
				p.jMin[k], p.jMax[k] = math.Min(p.jMin[k], v), math.Max(p.jMax[k], v)
			}
		}
	}
	return math.Max(p.jMin[i], 1e-6), p.jMax[i]
}
