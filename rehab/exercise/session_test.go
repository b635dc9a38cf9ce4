package exercise

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/rehab/metrics"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
)

// stroke returns a hemiparetic patient for the lower-limb exoskeleton:
// unimpaired hip/knee strength 120/80 N·m scaled by strength, hypertonic
// limb (passive stiffness about a slightly flexed rest posture).
func stroke(t testing.TB, strength float64, mod func(*patientsim.Config)) *patientsim.Patient {
	cfg := patientsim.Config{
		Seed: 7, MaxTorque: []float64{120, 80}, Strength: strength,
		Stiffness: []float64{15, 25}, Damping: []float64{0.5, 0.3}, Rest: []float64{deg(10), deg(20)},
	}
	if mod != nil {
		mod(&cfg)
	}
	p, err := patientsim.New(2, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSessionPassiveThenAssisted is the end-to-end lockstep test: the
// lower-limb exoskeleton scaled to a 1.70 m, 70 kg patient, passive range of
// motion then assist-as-needed with the simulated patient, on the
// firmware-sim plant through the control loop and its supervisor.
func TestSessionPassiveThenAssisted(t *testing.T) {
	t.Parallel()
	from, to := []float64{deg(0), deg(10)}, []float64{deg(45), deg(70)}
	r := newRig(t, rigConfig{
		chain: lowerLimb(t), patient: stroke(t, 0.5, nil), limits: patientLimits, q0: []float64{deg(5), deg(15)},
		protocol: func(g func() control.GravityModel) Protocol {
			p, err := NewPassive(2, PassiveConfig{Name: "prom", Shuttle: Shuttle{From: from, To: to, Repetitions: 3, Hold: 500 * time.Millisecond},
				PeakSpeed: 0.8, Gravity: g()})
			if err != nil {
				t.Fatal(err)
			}
			a, err := NewAssistAsNeeded(2, AssistedConfig{Name: "aan", Shuttle: Shuttle{From: from, To: to, Repetitions: 4, Hold: 500 * time.Millisecond},
				PeakSpeed: 0.8, Assist: AssistConfig{Gravity: g(), Initial: []float64{20, 20}, Max: []float64{300, 300}, Damping: []float64{8, 8}}})
			if err != nil {
				t.Fatal(err)
			}
			return Protocol{p, a}
		},
	})
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	r.run(2 * time.Minute)
	if st := r.runner.Status(); st.Phase != PhaseCompleted {
		t.Fatalf("status %+v", st)
	}
	if n := r.count(EventSafetyStop); n != 0 {
		t.Fatalf("%d safety stops", n)
	}

	// Samples at ≥ 100 Hz, in order.
	for i := 1; i < len(r.samples); i++ {
		if dt := r.samples[i].T - r.samples[i-1].T; dt <= 0 || dt > 10*time.Millisecond {
			t.Fatalf("sample %d: interval %v", i, dt)
		}
	}

	// Passive ROM: every repetition covers the prescribed range, and not
	// more (ROM from the samples, as the report computes it).
	want := []float64{45, 60}
	reps := r.reps(0)
	if len(reps) != 3 {
		t.Fatalf("passive: %d repetitions, want 3", len(reps))
	}
	for _, e := range reps {
		t.Logf("passive rep %d: ROM hip %.2f°, knee %.2f° (prescribed 45°, 60°)", e.Repetition, e.ROM[0], e.ROM[1])
		for j := range want {
			if math.Abs(e.ROM[j]-want[j]) > 1.5 {
				t.Errorf("passive rep %d joint %d: ROM %.2f°, want %.0f° ± 1.5°", e.Repetition, j, e.ROM[j], want[j])
			}
		}
	}
	for j := range want {
		var qs []float64
		for _, s := range r.samples {
			if s.Exercise == 0 && s.Repetition > 0 {
				qs = append(qs, s.Q[j])
			}
		}
		rom, err := metrics.ROM(qs)
		if err != nil {
			t.Fatal(err)
		}
		if rom > want[j]+1.5 || rom < want[j]-1.5 {
			t.Errorf("passive joint %d: session ROM %.2f°, want %.0f°", j, rom, want[j])
		}
	}

	// Assist-as-needed: within the prescribed limits (a compliant
	// controller, so within a few degrees) and the patient's range.
	aan := r.reps(1)
	if len(aan) != 4 {
		t.Fatalf("assist-as-needed: %d repetitions, want 4", len(aan))
	}
	for _, s := range r.samples {
		if s.Exercise != 1 || s.Repetition == 0 {
			continue
		}
		for j := range from {
			if s.Q[j] < from[j]-deg(4) || s.Q[j] > to[j]+deg(4) {
				t.Fatalf("assist-as-needed t=%v joint %d at %.1f°, prescribed %.0f°…%.0f°", s.T, j, s.Q[j]*180/math.Pi,
					from[j]*180/math.Pi, to[j]*180/math.Pi)
			}
		}
	}
	for j, l := range patientLimits {
		if r.minQ[j] < l.Min-0.05 || r.maxQ[j] > l.Max+0.05 {
			t.Errorf("joint %d went to [%.3f, %.3f], patient range [%.3f, %.3f]", j, r.minQ[j], r.maxQ[j], l.Min, l.Max)
		}
	}
	for _, e := range aan {
		t.Logf("assist-as-needed rep %d: ROM %.1f° %.1f°, assistance %.3f", e.Repetition, e.ROM[0], e.ROM[1], e.Assistance)
	}
}
