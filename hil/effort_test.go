package hil

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
)

// TestEffortMeter: peak and RMS over joints and Enabled cycles, energy as
// ∫ Σ |τ·q̇| dt (braking work counts), nothing while not Enabled.
func TestEffortMeter(t *testing.T) {
	var e effortMeter
	snap := func(now time.Duration, st control.State, tau, qd [2]float64) *control.Snapshot {
		return &control.Snapshot{Now: now, State: st, Fresh: true, Joints: []drivers.JointState{
			{Effort: tau[0], Velocity: qd[0]}, {Effort: tau[1], Velocity: qd[1]}}}
	}
	ms := time.Millisecond
	e.add(snap(0, control.Enabled, [2]float64{2, -1}, [2]float64{1, 1}))
	for k := 1; k <= 1000; k++ { // 1 s: joint 0 drives (+2 N·m at 1 rad/s), joint 1 brakes (−1 at 1)
		e.add(snap(time.Duration(k)*ms, control.Enabled, [2]float64{2, -1}, [2]float64{1, 1}))
	}
	e.add(snap(1001*ms, control.ProtectiveStop, [2]float64{50, 50}, [2]float64{9, 9}))
	var m Metrics
	e.fill(&m)
	if m.EffortPeak != 2 {
		t.Errorf("peak %g, want 2 (the stop's 50 N·m is not a controller's)", m.EffortPeak)
	}
	if want := math.Sqrt(2.5); math.Abs(m.EffortRMS-want) > 1e-12 {
		t.Errorf("RMS %g, want %g", m.EffortRMS, want)
	}
	if math.Abs(m.EnergyJ-3) > 1e-9 {
		t.Errorf("energy %g J, want 3 (2 W driving + 1 W braking for 1 s)", m.EnergyJ)
	}
}
