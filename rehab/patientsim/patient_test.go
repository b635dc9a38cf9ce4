package patientsim

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/robots"
)

const dt = time.Millisecond

func newPatient(t *testing.T, cfg Config) *Patient {
	t.Helper()
	p, err := New(2, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// legPlant returns the lower-limb exoskeleton's plant with gravity off (the
// robot's weight support is not under test here) carrying the patient's limb.
func legPlant(t *testing.T, p *Patient) *plant.Plant {
	t.Helper()
	c, err := robots.LowerLimbExo(robots.DefaultLowerLimbSpec)
	if err != nil {
		t.Fatal(err)
	}
	zero := [3]float64{}
	pl, err := plant.New(c, plant.Config{Gravity: &zero, Limb: p.Limb()})
	if err != nil {
		t.Fatal(err)
	}
	pl.SetState([]float64{0.3, 0.3}, nil)
	return pl
}

// run steps the plant with the patient's torque only (drives off).
func run(p *Patient, pl *plant.Plant, from, d time.Duration, each func(now time.Duration)) time.Duration {
	now := from
	for end := from + d; now < end; {
		now += dt
		p.Apply(now, pl)
		pl.Step(dt, nil)
		if each != nil {
			each(now)
		}
	}
	return now
}

func TestReachesGoalAfterReactionDelay(t *testing.T) {
	p := newPatient(t, Config{Seed: 1, MaxTorque: []float64{100, 60}, ReactionDelay: 200 * time.Millisecond})
	pl := legPlant(t, p)
	goal := []float64{0.8, 1.0}
	p.SetGoal(0, goal)
	var onset time.Duration = -1
	in := make([]float64, 2)
	run(p, pl, 0, 3*time.Second, func(now time.Duration) {
		if p.Intention(in); onset < 0 && in[1] > 0.3+1e-9 {
			onset = now
		}
	})
	if onset < 200*time.Millisecond || onset > 205*time.Millisecond {
		t.Fatalf("movement onset at %v, reaction delay 200 ms", onset)
	}
	for i, g := range goal {
		if d := math.Abs(pl.Position()[i] - g); d > 0.01 {
			t.Fatalf("joint %d ended %.3f rad from the goal", i, d)
		}
	}
}

// Weakness bounds the voluntary torque at Strength × MaxTorque.
func TestWeaknessSaturatesTorque(t *testing.T) {
	for _, s := range []float64{0.2, 0.8} {
		p := newPatient(t, Config{Seed: 1, MaxTorque: []float64{100, 60}, Strength: s, ReactionDelay: time.Millisecond})
		p.SetGoal(0, []float64{2, 2})
		peak := 0.0
		for k := 1; k < 2000; k++ {
			tau := p.Torque(time.Duration(k)*dt, []float64{0, 0}, []float64{0, 0})
			peak = math.Max(peak, math.Abs(tau[1]))
		}
		if want := s * 60; math.Abs(peak-want) > 1e-9 {
			t.Fatalf("strength %g: peak knee torque %g, want %g", s, peak, want)
		}
	}
}

// Tremor is an oscillation at the configured frequency and amplitude.
func TestTremorFrequencyAndAmplitude(t *testing.T) {
	p := newPatient(t, Config{Seed: 5, MaxTorque: []float64{100, 60}, TremorAmplitude: []float64{0, 2}, TremorFrequency: 6, TremorBandwidth: 0.3})
	var prev float64
	crossings, peak := 0, 0.0
	for k := 1; k <= 10000; k++ {
		tau := p.Torque(time.Duration(k)*dt, []float64{0, 0}, []float64{0, 0})[1]
		if k > 1 && prev < 0 && tau >= 0 {
			crossings++
		}
		prev, peak = tau, math.Max(peak, math.Abs(tau))
	}
	if f := float64(crossings) / 10; math.Abs(f-6) > 0.5 {
		t.Fatalf("tremor at %.2f Hz, want 6 Hz", f)
	}
	if math.Abs(peak-2) > 0.01 {
		t.Fatalf("tremor amplitude %g, want 2", peak)
	}
	if _, err := New(2, Config{MaxTorque: []float64{1, 1}, TremorAmplitude: []float64{1, 1}, TremorFrequency: 20}); err == nil {
		t.Fatal("20 Hz tremor accepted")
	}
}

// Fatigue: capacity falls with work and recovers at rest.
func TestFatigueAndRecovery(t *testing.T) {
	p := newPatient(t, Config{Seed: 1, MaxTorque: []float64{100, 60}, Strength: 0.5, FatigueWork: 10, RecoveryTime: 5 * time.Second,
		Stiffness: []float64{0, 20}, Rest: []float64{0.3, 0.3}, ReactionDelay: 100 * time.Millisecond})
	pl := legPlant(t, p)
	now := time.Duration(0)
	for k := range 6 {
		goal := []float64{0.3, 1.4}
		if k%2 == 1 {
			goal[1] = 0.3
		}
		p.SetGoal(now, goal)
		now = run(p, pl, now, 2*time.Second, nil)
	}
	tired := p.Capacity()
	if !(tired < 0.8) || p.Work() <= 0 {
		t.Fatalf("capacity %g after %g J of work", tired, p.Work())
	}
	p.Relax()
	run(p, pl, now, 15*time.Second, nil)
	if rested := p.Capacity(); !(rested > 0.95) {
		t.Fatalf("capacity %g after 15 s of rest (was %g)", rested, tired)
	}
	if p.MaxVoluntary(1) > 0.5*60+1e-9 {
		t.Fatal("max voluntary torque above strength × max")
	}
}

// The same seed gives the same run; another seed a different one.
func TestDeterministicForSeed(t *testing.T) {
	trace := func(seed uint64) []float64 {
		p := newPatient(t, Config{Seed: seed, MaxTorque: []float64{100, 60}, ReactionJitter: 0.3,
			TremorAmplitude: []float64{1, 1}, TremorFrequency: 8, TremorBandwidth: 1, FatigueWork: 50})
		pl := legPlant(t, p)
		p.SetGoal(0, []float64{0.6, 0.9})
		var out []float64
		run(p, pl, 0, time.Second, func(time.Duration) { out = append(out, pl.Position()...) })
		return out
	}
	a, b, c := trace(11), trace(11), trace(12)
	same := func(x, y []float64) bool {
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	if !same(a, b) {
		t.Fatal("same seed, different runs")
	}
	if same(a, c) {
		t.Fatal("different seeds, same run")
	}
}

// Spasticity maps to the plant's limb and resists fast motion only.
func TestSpasticityIsVelocityDependent(t *testing.T) {
	p := newPatient(t, Config{MaxTorque: []float64{1, 1}, SpasticGain: []float64{0, 10}, SpasticThreshold: []float64{0, 0.5}})
	l := p.Limb()
	if l.SpasticGain[1] != 10 || l.SpasticThreshold[1] != 0.5 {
		t.Fatalf("limb %+v", l)
	}
	// Drive the knee at constant speed with an ideal velocity source and
	// read the torque the limb needs.
	needed := func(speed float64) float64 {
		pl := legPlant(t, p)
		pl.SetState([]float64{0.3, 0.3}, []float64{0, speed})
		pl.Step(dt, func(tau, q, qd []float64) { tau[0], tau[1] = 0, 0 })
		return -pl.Acceleration()[1] // deceleration ∝ resisting torque
	}
	slow, fast := needed(0.4), needed(1.5)
	if !(fast > 5*slow) {
		t.Fatalf("deceleration at 0.4 rad/s %g, at 1.5 rad/s %g", slow, fast)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []Config{
		{},
		{MaxTorque: []float64{1}},
		{MaxTorque: []float64{1, -1}},
		{MaxTorque: []float64{1, 1}, Strength: 1.5},
		{MaxTorque: []float64{1, 1}, Stiffness: []float64{1}},
		{MaxTorque: []float64{1, 1}, Damping: []float64{-1, 0}},
		{MaxTorque: []float64{1, 1}, ReactionJitter: 1},
	} {
		if _, err := New(2, c); err == nil {
			t.Errorf("config %+v accepted", c)
		}
	}
}

// Issue 14: cued to reach after pursuing a moving target, the patient holds
// where the pursuit left them during the reaction delay — not the end of a
// movement planned before the pursuit, which sent the limb at full
// strength towards a stale posture.
func TestGoalAfterTrackHoldsDuringReaction(t *testing.T) {
	p := newPatient(t, Config{Seed: 1, MaxTorque: []float64{100, 60}, ReactionDelay: 300 * time.Millisecond})
	pl := legPlant(t, p)
	// An earlier reach to a far posture, finished.
	p.SetGoal(0, []float64{1.2, 1.4})
	now := run(p, pl, 0, 3*time.Second, nil)
	// Then a pursuit that brings the limb back near 0.3 rad.
	for k := 0; k < 3000; k++ {
		s := float64(k) / 3000
		q := []float64{1.2 - 0.9*s, 1.4 - 1.1*s}
		p.Track(q, []float64{-0.3, -0.37})
		now = run(p, pl, now, dt, nil)
	}
	now = run(p, pl, now, 500*time.Millisecond, func(time.Duration) { p.Track([]float64{0.3, 0.3}, []float64{0, 0}) })
	at := append([]float64(nil), pl.Position()...)
	// A reach cue to where the limb already is: nothing should move.
	p.SetGoal(now, at)
	maxSpeed := 0.0
	run(p, pl, now, 250*time.Millisecond, func(time.Duration) {
		for _, v := range pl.Velocity() {
			maxSpeed = math.Max(maxSpeed, math.Abs(v))
		}
	})
	if maxSpeed > 0.2 {
		t.Fatalf("during the reaction delay after a pursuit the limb moved at %.2f rad/s", maxSpeed)
	}
}
