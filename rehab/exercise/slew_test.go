package exercise

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
)

// recordCtl records the setpoint it is given.
type recordCtl struct{ q, qd []float64 }

func (r *recordCtl) Reset([]drivers.JointState, []drivers.JointCommand) {}
func (r *recordCtl) Update(_ time.Duration, _ []drivers.JointState, sp *control.Setpoint, _ []drivers.JointCommand) {
	r.q, r.qd = append(r.q[:0], sp.Q...), append(r.qd[:0], sp.Qd...)
}

// TestSlewLimitedTurnsAJumpIntoBoundedMotion: a setpoint that jumps 0.5 rad
// (a runner late by a quarter second on a 2 rad/s trajectory) reaches the
// controller as a reference moving at 0.9 × the speed limit, and a
// reference within reach passes unchanged.
func TestSlewLimitedTurnsAJumpIntoBoundedMotion(t *testing.T) {
	inner := &recordCtl{}
	s := newSlewLimited(inner, []float64{2, 2})
	st := []drivers.JointState{{Position: 0.1}, {Position: -0.2}}
	s.Reset(st, nil)
	sp := control.NewSetpoint(2)
	sp.Seq = 1
	sp.Q[0], sp.Q[1] = 0.6, -0.2
	sp.Qd[0] = 5
	const dt = time.Millisecond
	now := time.Duration(0)
	for k := range 300 {
		now += dt
		s.Update(now, st, sp, nil)
		want := math.Min(0.6, 0.1+1.8*dt.Seconds()*float64(k))
		if math.Abs(inner.q[0]-want) > 1e-12 || inner.q[1] != -0.2 || inner.qd[0] != 1.8 {
			t.Fatalf("cycle %d: reference %v (q̇ %v), want %.6g", k, inner.q, inner.qd, want)
		}
	}
	allocs := testing.AllocsPerRun(100, func() { now += dt; s.Update(now, st, sp, nil) })
	if allocs != 0 {
		t.Fatalf("%v allocations per cycle", allocs)
	}
}
