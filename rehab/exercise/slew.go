package exercise

import (
	"errors"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
)

// slewFraction is the share of the patient's speed limit a session's joint
// reference may move at in the loop. The session runner posts setpoints
// from the non-real-time side every few milliseconds; a runner that is
// late (a loaded host) posts a reference that has jumped ahead along its
// trajectory, and a stiff position loop would pull the limb after it
// faster than the patient's speed limit — a protective stop the exercise
// never asked for. Limiting the reference in the loop itself turns such a
// jump into motion at most this fast; planned motions stay below it.
const slewFraction = 0.9

// slewLimited wraps a session controller: the joint reference it sees
// moves from where it was towards the posted one at most slewFraction of
// the patient's speed limit per joint (the velocity feed-forward bounded
// alike), so a late setpoint never becomes a step. Allocates nothing per
// cycle.
type slewLimited struct {
	inner control.Controller
	vmax  []float64
	prev  []float64 // the reference of the previous cycle
	ref   *control.Setpoint
	last  time.Duration
	have  bool
}

// newSlewLimited wraps c for joints with speed limits vmax (rad/s or m/s).
func newSlewLimited(c control.Controller, vmax []float64) *slewLimited {
	n := len(vmax)
	v := make([]float64, n)
	for i := range v {
		v[i] = slewFraction * vmax[i]
	}
	return &slewLimited{inner: c, vmax: v, prev: make([]float64, n), ref: control.NewSetpoint(n)}
}

// Reset starts the reference at the measured joints.
func (s *slewLimited) Reset(st []drivers.JointState, prev []drivers.JointCommand) {
	for i := range st {
		s.prev[i] = st[i].Position
	}
	s.have = false
	s.inner.Reset(st, prev)
}

// Update moves the reference towards sp within the slew bound and runs the
// wrapped controller on it.
func (s *slewLimited) Update(now time.Duration, st []drivers.JointState, sp *control.Setpoint, out []drivers.JointCommand) {
	dt := 0.0
	if s.have {
		dt = (now - s.last).Seconds()
	}
	s.last, s.have = now, true
	if sp.Seq == 0 || s.ref.CopyFrom(sp) != nil {
		s.inner.Update(now, st, sp, out) // no setpoint yet: the controller holds
		return
	}
	for i, target := range s.ref.Q {
		step := s.vmax[i] * dt
		q := min(max(target, s.prev[i]-step), s.prev[i]+step)
		s.ref.Q[i], s.prev[i] = q, q
		s.ref.Qd[i] = min(max(s.ref.Qd[i], -s.vmax[i]), s.vmax[i])
	}
	s.inner.Update(now, st, s.ref, out)
}

// SetGains passes run-time gains to the wrapped controller.
func (s *slewLimited) SetGains(g *control.Gains) error {
	if gs, ok := s.inner.(control.GainSetter); ok {
		return gs.SetGains(g)
	}
	return errNoGains
}

var errNoGains = errors.New("exercise: controller has no run-time gains")
