package exercise

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
)

func kneeShuttle(reps int) Shuttle {
	return Shuttle{From: []float64{deg(20), deg(10)}, To: []float64{deg(20), deg(80)}, Repetitions: reps, Hold: 300 * time.Millisecond}
}

func assisted(t *testing.T, strength float64, reps int) *rig {
	r := newRig(t, rigConfig{
		chain: lowerLimb(t), patient: stroke(t, strength, nil), limits: patientLimits, q0: []float64{deg(20), deg(10)},
		protocol: func(g func() control.GravityModel) Protocol {
			a, err := NewAssistAsNeeded(2, AssistedConfig{Name: "aan", Shuttle: kneeShuttle(reps), PeakSpeed: 1.2,
				Assist: AssistConfig{Gravity: g(), Initial: []float64{50, 50}, Max: []float64{300, 300}, Damping: []float64{8, 8}}})
			if err != nil {
				t.Fatal(err)
			}
			return Protocol{a}
		},
	})
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	r.run(time.Minute)
	return r
}

// A weak patient needs more help: the assist-as-needed stiffness ends
// higher for strength 0.2 than for 0.8, and decays below its start for the
// stronger one (the forgetting factor at work).
func TestAssistAsNeededAdaptsToWeakness(t *testing.T) {
	t.Parallel()
	weak, strong := assisted(t, 0.2, 6), assisted(t, 0.8, 6)
	last := func(r *rig) float64 {
		reps := r.reps(0)
		if len(reps) != 6 {
			t.Fatalf("%d repetitions", len(reps))
		}
		for _, e := range reps {
			t.Logf("rep %d: knee ROM %.1f°, assistance %.3f", e.Repetition, e.ROM[1], e.Assistance)
		}
		return reps[len(reps)-1].Assistance
	}
	w, s := last(weak), last(strong)
	if !(w > 1.5*s) {
		t.Fatalf("assistance at the end: weak %.3f, strong %.3f; want weak > 1.5 × strong", w, s)
	}
	if !(s < 50.0/300) {
		t.Fatalf("strong patient's assistance %.3f did not decay below its start %.3f", s, 50.0/300)
	}
	// The level is in [0, 1] in every sample.
	for _, smp := range weak.samples {
		if smp.Assistance < 0 || smp.Assistance > 1 {
			t.Fatalf("assistance %g", smp.Assistance)
		}
	}
}

// An exercise that asks beyond the patient's range is held inside it by the
// supervisor, not by the exercise: passive motion to 130° of knee flexion
// for a patient whose range ends at 100° reaches 100° and no further.
func TestSupervisorClampsExerciseToPatientROM(t *testing.T) {
	t.Parallel()
	r := newRig(t, rigConfig{
		chain: lowerLimb(t), limits: patientLimits, q0: []float64{deg(20), deg(10)},
		protocol: func(g func() control.GravityModel) Protocol {
			p, err := NewPassive(2, PassiveConfig{Name: "too-far", PeakSpeed: 0.6, Gravity: g(),
				Shuttle: Shuttle{From: []float64{deg(20), deg(10)}, To: []float64{deg(20), deg(130)}, Repetitions: 2}})
			if err != nil {
				t.Fatal(err)
			}
			return Protocol{p}
		},
	})
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	r.run(time.Minute)
	// Within the supervisor's overshoot margin (0.05 rad) of the limit:
	// the clamped impedance command keeps its velocity feed-forward, so
	// the knee runs on by about a degree before the spring stops it.
	max := patientLimits[1].Max
	if r.maxQ[1] > max+0.05 || r.maxQ[1] < max-deg(3) {
		t.Fatalf("knee reached %.1f°, patient limit %.1f°", r.maxQ[1]*180/math.Pi, max*180/math.Pi)
	}
	if r.snap.Clamps[1] == 0 {
		t.Fatal("the supervisor never clamped the knee command")
	}
	if n := r.count(EventSafetyStop); n != 0 {
		t.Fatalf("%d safety stops: a clamped command should not stop", n)
	}
}

// A resistive exercise whose spring asks for more torque than the patient
// tolerates is bounded by the supervisor's effort limit.
func TestSupervisorBoundsResistance(t *testing.T) {
	t.Parallel()
	p := stroke(t, 1, nil)
	r := newRig(t, rigConfig{
		chain: lowerLimb(t), patient: p, limits: patientLimits, q0: []float64{deg(20), deg(10)},
		protocol: func(g func() control.GravityModel) Protocol {
			e, err := NewResistive(2, CuedConfig{Name: "spring", Shuttle: kneeShuttle(2), AttemptTime: 4 * time.Second},
				ResistConfig{Gravity: g(), Elastic: []float64{0, 400}})
			if err != nil {
				t.Fatal(err)
			}
			return Protocol{e}
		},
	})
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	r.run(time.Minute)
	if lim := patientLimits[1].Effort; r.maxSent[1] > lim+1e-9 {
		t.Fatalf("knee effort %.2f N·m sent, patient limit %g", r.maxSent[1], lim)
	} else if r.maxSent[1] < lim-1 {
		t.Fatalf("knee effort peaked at %.2f N·m: the spring never reached the limit %g", r.maxSent[1], lim)
	}
}

// Viscous resistance slows the patient and makes them push harder than in
// transparent (active) mode.
func TestResistiveViscousVersusActive(t *testing.T) {
	t.Parallel()
	run := func(viscous float64) *rig {
		r := newRig(t, rigConfig{
			chain: lowerLimb(t), patient: stroke(t, 0.8, nil), limits: patientLimits, q0: []float64{deg(20), deg(10)},
			protocol: func(g func() control.GravityModel) Protocol {
				cfg := CuedConfig{Name: "ex", Shuttle: kneeShuttle(3)}
				if viscous == 0 {
					e, err := NewActive(2, cfg, g())
					if err != nil {
						t.Fatal(err)
					}
					return Protocol{e}
				}
				e, err := NewResistive(2, cfg, ResistConfig{Gravity: g(), Viscous: []float64{viscous, viscous}})
				if err != nil {
					t.Fatal(err)
				}
				return Protocol{e}
			},
		})
		if err := r.runner.Start(); err != nil {
			t.Fatal(err)
		}
		r.run(time.Minute)
		return r
	}
	free, damped := run(0), run(15)
	peak := func(r *rig) float64 {
		m := 0.0
		for _, e := range r.reps(0) {
			m = math.Max(m, e.PeakInteraction[1])
		}
		return m
	}
	if pf, pd := peak(free), peak(damped); !(pd > pf+3) {
		t.Fatalf("peak knee interaction: active %.2f N·m, viscous %.2f N·m", pf, pd)
	}
	if len(free.reps(0)) != 3 || len(damped.reps(0)) != 3 {
		t.Fatalf("repetitions: %d, %d", len(free.reps(0)), len(damped.reps(0)))
	}
}

// Spasticity resists fast passive motion: the knee's interaction torque
// grows with the speed of passive stretch for a spastic patient, much more
// than for a patient without spasticity.
func TestSpasticityResistsFastPassiveMotion(t *testing.T) {
	t.Parallel()
	peak := func(spastic bool, speed float64) float64 {
		p := stroke(t, 0.5, func(c *patientsim.Config) {
			c.Stiffness = nil // the spring would dominate the peak at the ends of the range
			if spastic {
				c.SpasticGain, c.SpasticThreshold = []float64{0, 12}, []float64{1, 0.3}
			}
		})
		r := newRig(t, rigConfig{
			chain: lowerLimb(t), patient: p, limits: patientLimits, q0: []float64{deg(20), deg(10)},
			protocol: func(g func() control.GravityModel) Protocol {
				e, err := NewPassive(2, PassiveConfig{Name: "prom", Shuttle: kneeShuttle(1), PeakSpeed: speed, Gravity: g()})
				if err != nil {
					t.Fatal(err)
				}
				return Protocol{e}
			},
		})
		if err := r.runner.Start(); err != nil {
			t.Fatal(err)
		}
		r.run(time.Minute)
		m := 0.0
		for _, e := range r.reps(0) {
			m = math.Max(m, e.PeakInteraction[1])
		}
		return m
	}
	slowS, fastS := peak(true, 0.4), peak(true, 1.8)
	slowN, fastN := peak(false, 0.4), peak(false, 1.8)
	t.Logf("peak knee interaction, N·m: spastic %.1f slow / %.1f fast; not spastic %.1f / %.1f", slowS, fastS, slowN, fastN)
	if !(fastS-slowS > 10) {
		t.Fatalf("spastic: fast %.1f vs slow %.1f N·m", fastS, slowS)
	}
	if !(fastS-slowS > 4*(fastN-slowN)) {
		t.Fatalf("speed dependence: spastic +%.1f N·m, not spastic +%.1f N·m", fastS-slowS, fastN-slowN)
	}
}

// Fatigue lowers the range of motion achieved over repetitions of active
// exercise; without fatigue the range holds.
func TestFatigueLowersROMOverRepetitions(t *testing.T) {
	t.Parallel()
	roms := func(fatigue float64, reps int) []float64 {
		p := stroke(t, 0.25, func(c *patientsim.Config) { c.FatigueWork = fatigue })
		r := newRig(t, rigConfig{
			chain: lowerLimb(t), patient: p, limits: patientLimits, q0: []float64{deg(20), deg(10)},
			protocol: func(g func() control.GravityModel) Protocol {
				e, err := NewActive(2, CuedConfig{Name: "active", Shuttle: kneeShuttle(reps), AttemptTime: 3 * time.Second}, g())
				if err != nil {
					t.Fatal(err)
				}
				return Protocol{e}
			},
		})
		if err := r.runner.Start(); err != nil {
			t.Fatal(err)
		}
		r.run(2 * time.Minute)
		var out []float64
		for _, e := range r.reps(0) {
			out = append(out, e.ROM[1])
		}
		t.Logf("fatigue %g J: knee ROM per repetition %.1f, capacity %.2f", fatigue, out, p.Capacity())
		return out
	}
	tired, fresh := roms(20, 8), roms(0, 4)
	if len(tired) != 8 || len(fresh) != 4 {
		t.Fatalf("%d and %d repetitions", len(tired), len(fresh))
	}
	first := (tired[0] + tired[1]) / 2
	last := (tired[6] + tired[7]) / 2
	if !(last < first-5) {
		t.Fatalf("with fatigue: ROM %.1f° → %.1f°, want a drop of more than 5°", first, last)
	}
	for i := 1; i < len(tired); i++ {
		if tired[i] > tired[i-1]+0.5 {
			t.Errorf("with fatigue the range grew from repetition %d to %d: %.1f", i, i+1, tired)
		}
	}
	if d := fresh[0] - fresh[3]; math.Abs(d) > 1 {
		t.Fatalf("without fatigue: ROM changed by %.1f°", d)
	}
}

// Path guidance on the planar robot: the patient moves in joint space, which
// curves the hand's path; the Cartesian corridor's walls keep the hand
// within a few millimetres of the corridor, far closer than without walls.
func TestCartesianCorridorOnPlanarRobot(t *testing.T) {
	t.Parallel()
	from, to := []float64{deg(-10), deg(100)}, []float64{deg(60), deg(40)}
	limits := []JointLimit{{Min: deg(-25), Max: deg(120), Effort: 25, Velocity: 2}, {Min: deg(20), Max: deg(150), Effort: 15, Velocity: 2}}
	run := func(stiffness float64) (*rig, *Guidance) {
		c := planar(t)
		p, err := patientsim.New(2, patientsim.Config{Seed: 3, MaxTorque: []float64{30, 20}, Strength: 0.7, Damping: []float64{0.5, 0.5}})
		if err != nil {
			t.Fatal(err)
		}
		var gd *Guidance
		r := newRig(t, rigConfig{
			chain: c, patient: p, limits: limits, q0: from,
			protocol: func(g func() control.GravityModel) Protocol {
				gd, err = NewGuidance(2, GuidanceConfig{
					CuedConfig: CuedConfig{Name: "reach", Shuttle: Shuttle{From: from, To: to, Repetitions: 3}, Tolerance: 0.08},
					Corridor:   CorridorConfig{Gravity: g(), Space: CartesianSpace, Chain: c, Width: 0.01, Stiffness: stiffness, Damping: 50},
				})
				if err != nil {
					t.Fatal(err)
				}
				return Protocol{gd}
			},
		})
		if err := r.runner.Start(); err != nil {
			t.Fatal(err)
		}
		r.run(time.Minute)
		return r, gd
	}
	// Deviation of the hand from the straight segment, over the samples.
	dev := func(r *rig) float64 {
		ws := kinematics.NewWorkspace(r.chain)
		var fa, fb, f kinematics.Frame
		ws.FK(&fa, from)
		ws.FK(&fb, to)
		m := 0.0
		for _, s := range r.samples {
			if s.Repetition == 0 {
				continue
			}
			ws.FK(&f, s.Q)
			m = math.Max(m, segDist(f.P, fa.P, fb.P))
		}
		return m
	}
	walls, wallsEx := run(10000)
	soft, _ := run(1e-6)
	dw, ds := dev(walls), dev(soft)
	t.Logf("max hand deviation: walls %.1f mm, none %.1f mm; wall contact %.2f", dw*1e3, ds*1e3, wallsEx.Assistance())
	if !(ds > 0.04) {
		t.Fatalf("the joint-space motion deviates only %.1f mm: test does not exercise the walls", ds*1e3)
	}
	if !(dw < 0.01+0.008) {
		t.Fatalf("with walls the hand left the corridor by %.1f mm", (dw-0.01)*1e3)
	}
	if len(walls.reps(0)) != 3 {
		t.Fatalf("%d repetitions", len(walls.reps(0)))
	}
}

func segDist(p, a, b [3]float64) float64 {
	var ab2, u float64
	for i := range p {
		ab2 += (b[i] - a[i]) * (b[i] - a[i])
		u += (p[i] - a[i]) * (b[i] - a[i])
	}
	u = math.Max(0, math.Min(1, u/ab2))
	s := 0.0
	for i := range p {
		d := p[i] - (a[i] + u*(b[i]-a[i]))
		s += d * d
	}
	return math.Sqrt(s)
}
