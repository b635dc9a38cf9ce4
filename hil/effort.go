package hil

import (
	"math"
	"time"

	"github.com/chiron-robotics/chiron/control"
)

// effortMeter accumulates the effort figures of a run while the
// supervisor is Enabled: the peak and RMS of the joints' measured effort
// (what the drives produced, N·m or N) and the mechanical energy the
// actuators put in, ∫ Σ |τᵢ·q̇ᵢ| dt (J) — the positive and negative work
// both count, as a motor spends energy braking too (a controller's cost,
// as in the compared controllers' "energy" of Hogan's impedance studies).
type effortMeter struct {
	peak, sumSq float64
	samples     int64
	energy      float64
	prev        time.Duration
	havePrev    bool
}

func (e *effortMeter) add(s *control.Snapshot) {
	if s.State != control.Enabled || !s.Fresh {
		e.havePrev = false
		return
	}
	dt := 0.0
	if e.havePrev && s.Now > e.prev {
		dt = (s.Now - e.prev).Seconds()
	}
	e.prev, e.havePrev = s.Now, true
	for i := range s.Joints {
		tau := s.Joints[i].Effort
		if math.IsNaN(tau) || math.IsInf(tau, 0) {
			continue
		}
		e.peak = math.Max(e.peak, math.Abs(tau))
		e.sumSq += tau * tau
		e.samples++
		if qd := s.Joints[i].Velocity; !math.IsNaN(qd) && !math.IsInf(qd, 0) {
			e.energy += math.Abs(tau*qd) * dt
		}
	}
}

// fill writes the figures into m.
func (e *effortMeter) fill(m *Metrics) {
	m.EffortPeak, m.EnergyJ = e.peak, e.energy
	if e.samples > 0 {
		m.EffortRMS = math.Sqrt(e.sumSq / float64(e.samples))
	}
}
