package firmwaresim

import (
	"context"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/robots"
)

func newExoSim(t *testing.T, spec string, seed uint64) *Sim {
	t.Helper()
	c, err := robots.UpperLimbExo(robots.DefaultExoSpec)
	if err != nil {
		t.Fatal(err)
	}
	faults, err := ParseFaults(spec, c.DoF())
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(c, Config{Seed: seed, Faults: faults})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDriveFollowsPositionCommandPhysically(t *testing.T) {
	s := newExoSim(t, "", 1)
	s.Lock()
	for i := range s.Drives {
		s.Drives[i].Enabled = true
		s.Drives[i].Command = drivers.JointCommand{Mode: drivers.ModePosition, Position: 0.4}
	}
	s.Unlock()
	for k := 0; k < 2000; k++ {
		s.Step(time.Millisecond)
	}
	s.Lock()
	defer s.Unlock()
	for i := range s.Drives {
		m := s.Measure(i)
		// The drive's stiff PD leaves a gravity sag of at most a few mrad.
		if d := m.Position - 0.4; d > 0.02 || d < -0.02 {
			t.Errorf("joint %d at %.4f rad, commanded 0.4", i, m.Position)
		}
		if m.Status&drivers.StatusEnabled == 0 {
			t.Errorf("joint %d not enabled: %v", i, m.Status)
		}
	}
}

func TestInjectedFaults(t *testing.T) {
	s := newExoSim(t, "stuck:joint=1,from=10ms;dead:joint=2,from=5ms,to=20ms;overtemp:joint=3,from=30ms;busoff:from=50ms,to=60ms", 1)
	s.Lock()
	for i := range s.Drives {
		s.Drives[i].Enabled = true
		s.Drives[i].Command = drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: 1}
	}
	s.Unlock()
	step := func(to time.Duration) {
		for s.Now() < to {
			s.Step(time.Millisecond)
		}
	}
	step(12 * time.Millisecond)
	s.Lock()
	stuckAt := s.Measure(0).Position
	silent2 := s.Silent(1)
	drop, _, _ := s.ReplyFate(1)
	s.Unlock()
	if !silent2 || !drop {
		t.Fatal("dead node 2 still answers inside its window")
	}
	step(25 * time.Millisecond)
	s.Lock()
	if p := s.Measure(0).Position; p != stuckAt {
		t.Errorf("stuck encoder moved from %g to %g", stuckAt, p)
	}
	if s.Plant().Position()[0] <= stuckAt {
		t.Error("the joint itself stopped; only its encoder should be stuck")
	}
	if s.Silent(1) {
		t.Error("node 2 still dead after its window")
	}
	s.Unlock()
	step(35 * time.Millisecond)
	s.Lock()
	m := s.Measure(2)
	if m.Status&drivers.StatusOverTemperature == 0 || m.Status&drivers.StatusEnabled != 0 || m.Temperature <= overTempLimitC {
		t.Errorf("over-temperature did not trip the drive: %+v", m)
	}
	s.Unlock()
	step(55 * time.Millisecond)
	s.Lock()
	if !s.Silent(-1) || !s.Silent(3) {
		t.Error("bus-off window: bus still answers")
	}
	s.Unlock()
}

func TestSimDeterministicForSeed(t *testing.T) {
	run := func(seed uint64) (pos float64, drops int) {
		s := newExoSim(t, "noise:sigma=0.01;drop:p=0.3", seed)
		s.Lock()
		s.Drives[0].Enabled = true
		s.Drives[0].Command = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: 2}
		s.Unlock()
		for k := 0; k < 200; k++ {
			s.Step(time.Millisecond)
			s.Lock()
			pos += s.Measure(0).Position
			if d, _, _ := s.ReplyFate(0); d {
				drops++
			}
			s.Unlock()
		}
		return pos, drops
	}
	p1, d1 := run(42)
	p2, d2 := run(42)
	p3, d3 := run(43)
	if p1 != p2 || d1 != d2 {
		t.Fatalf("same seed differs: %v/%d vs %v/%d", p1, d1, p2, d2)
	}
	if p1 == p3 && d1 == d3 {
		t.Fatal("different seeds gave identical noise")
	}
	if d1 < 30 || d1 > 90 {
		t.Fatalf("%d drops of 200 at p = 0.3", d1)
	}
}

// TestBrakeFollowsPowerStage: a drive with a holding brake holds its joint
// while the power stage is off or faulted and releases it when enabled; a
// drive without one lets the joint fall.
func TestBrakeFollowsPowerStage(t *testing.T) {
	s := newExoSim(t, "", 1)
	s.Lock()
	s.Plant().SetState([]float64{0.6, 0.2, 0, 0.8}, nil)
	s.Drives[0].Brake = true
	s.Drives[3].Brake = false
	s.Unlock()
	pos := func(i int) float64 {
		s.Lock()
		defer s.Unlock()
		return s.Plant().Position()[i]
	}
	for range 200 {
		s.Step(time.Millisecond)
	}
	if q := pos(0); q != 0.6 {
		t.Fatalf("braked shoulder with its drive off moved to %g", q)
	}
	if q := pos(3); q == 0.8 {
		t.Fatalf("unbraked elbow with its drive off did not move")
	}
	s.Lock()
	s.Drives[0].Fault = drivers.StatusFault
	s.Drives[0].Enabled = true
	s.Unlock()
	s.Step(100 * time.Millisecond)
	if q := pos(0); q != 0.6 {
		t.Fatalf("braked shoulder with its drive faulted moved to %g", q)
	}
	s.Lock()
	s.Drives[0].Fault = 0
	s.Drives[0].Command = drivers.JointCommand{Mode: drivers.ModeEffort}
	braked := s.Plant().Braked(0)
	s.Unlock()
	s.Step(200 * time.Millisecond)
	if !braked {
		t.Fatal("brake not applied before the step that enables the drive")
	}
	if q := pos(0); q == 0.6 {
		t.Fatalf("enabled drive at zero torque: the brake did not release")
	}
}

// TestStarvedSimSlipsInsteadOfCatchingUp: a simulator whose own goroutine
// was starved (here: 200 ms without a tick) advances at most maxCatchUp
// ticks in one step and lets simulated time slip by the rest, instead of
// integrating the plant 200 steps on the last command at once — which the
// devices would then show as a 200 ms silence of their master. On time it
// follows the wall clock tick for tick.
func TestStarvedSimSlipsInsteadOfCatchingUp(t *testing.T) {
	s := newExoSim(t, "", 1)
	const tick = time.Millisecond
	ticks := make(chan time.Time)
	var wall time.Duration
	steps := make(chan time.Duration, 16)
	last := s.Now()
	after := func() {
		steps <- s.Now() - last
		last = s.Now()
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.runTicking(ctx, tick, after, ticks, func() time.Duration { return wall }) }()
	advance := func(d time.Duration) time.Duration {
		wall += d
		ticks <- time.Time{}
		return <-steps
	}
	for k := range 10 {
		if got := advance(tick); got != tick {
			t.Fatalf("tick %d on time: stepped %v, want %v", k, got, tick)
		}
	}
	if got := advance(200 * time.Millisecond); got != maxCatchUp*tick {
		t.Fatalf("after a 200 ms starvation: stepped %v at once, want at most %v", got, maxCatchUp*tick)
	}
	for k := range 5 {
		if got := advance(tick); got != tick {
			t.Fatalf("tick %d after the slip: stepped %v, want %v (slipped time must not be caught up later)", k, got, tick)
		}
	}
	cancel()
	if err := <-done; err != context.Canceled {
		t.Fatal(err)
	}
	if want := 10*tick + maxCatchUp*tick + 5*tick; s.Now() != want {
		t.Errorf("simulated %v for %v of wall time, want %v (195 ms slipped)", s.Now(), wall, want)
	}
}
