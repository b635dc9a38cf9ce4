package exercise

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
)

// Issue 14: with the clinician page's defaults, sessions never finished.
// These tests reproduce each stall on the simulated lower-limb exoskeleton
// with its simulated patient, stepped in virtual time, and check that the
// session now ends on its own — completed, or stopped with a reason a
// clinician can read.

// pagePatient is a patient recorded with the clinician page's suggested
// limits for the lower-limb exoskeleton (cli/chiron clinicJoints): the
// device's range, 40 % of its rated torque, half its rated speed; the
// page rounds them to whole degrees.
func pagePatient(hipTorque float64) rehab.Patient {
	return rehab.Patient{ID: "P-14", Height: 1.75, Mass: 75, AffectedSide: rehab.SideLeft, Limits: []rehab.JointLimit{
		{Joint: "hip_flexion", ROMMin: deg(-20), ROMMax: deg(110), MaxTorque: hipTorque, MaxSpeed: deg(86)},
		{Joint: "knee_flexion", ROMMin: deg(0), ROMMax: deg(120), MaxTorque: 32, MaxSpeed: deg(115)},
	}}
}

var bothJoints = []string{"hip_flexion", "knee_flexion"}

// simResult is a simulated session's outcome.
type simResult struct {
	status   Status
	end      time.Duration // virtual time at the end (or the cap)
	notes    []rehab.Note
	samples  []rehab.Sample
	stops    int // supervisor transitions to a protective stop or fault
	done     bool
	doneErr  error
	complete bool
	ss       *simSession
}

// noteSink records samples and notes like the API's sink.
type noteSink struct {
	recSink
	notes []rehab.Note
}

func (s *noteSink) Note(n rehab.Note) { s.notes = append(s.notes, n) }

// simulate runs spec on the simulated robot in lockstep virtual time,
// synchronously, until the session ends or maxSim passes.
func simulate(t testing.TB, cfg SimConfig, spec rehab.RunSpec, maxSim time.Duration, disturb func(time.Duration, []float64)) simResult {
	t.Helper()
	sr := NewSimRunner(cfg)
	sink := &noteSink{recSink: recSink{done: make(chan struct{})}}
	ss, err := sr.build(&spec, sink)
	if err != nil {
		t.Fatal(err)
	}
	ss.disturb = disturb
	if err := ss.runner.Start(); err != nil {
		t.Fatal(err)
	}
	for !ss.runner.Done() && ss.now < maxSim {
		if err := ss.step(); err != nil {
			t.Fatal(err)
		}
	}
	res := simResult{status: ss.runner.Status(), end: ss.now, notes: sink.notes, samples: sink.samples, done: ss.runner.Done(), ss: ss}
	snap := ss.loop.NewSnapshot()
	ss.loop.Snapshot(snap)
	for _, e := range snap.Events(nil) {
		if e.From != e.To && (e.To == control.ProtectiveStop || e.To == control.Fault) {
			res.stops++
		}
	}
	return res
}

func (r *simResult) noteText() string {
	var b strings.Builder
	for _, n := range r.notes {
		b.WriteString(n.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// Stall 1: passive range of motion including the hip at the page's
// default "time per repetition" of 4 s (or 6 s, or peak_speed 1.2 rad/s)
// stayed at repetition 1 or 2 for ever. Cause: carrying the leg at high
// hip flexion needs more than the patient's 40 N·m torque limit, the hip
// sagged at the limit and fell when the reference turned, faster than the
// speed limit; the supervisor's protective stop paused the session, which
// nobody could resume and nothing reported. Now the path is shortened to
// what the torque limit can carry (with a note saying so) and the session
// completes; at 8 s, which completed before, it still does.
func TestIssue14PassiveHipCompletes(t *testing.T) {
	t.Parallel()
	for _, params := range []string{`{"period_s":4,"hold_s":0.5}`, `{"period_s":6,"hold_s":0.5}`, `{"peak_speed":1.2,"hold_s":0.5}`, `{"period_s":8,"hold_s":0.5}`} {
		t.Run(params, func(t *testing.T) {
			t.Parallel()
			spec := rehab.RunSpec{Session: rehab.Session{ID: "S-1"}, Patient: pagePatient(40), Protocol: rehab.Protocol{Exercises: []rehab.Exercise{
				{Mode: "passive", Joints: bothJoints, Repetitions: 5, Assistance: 1, Params: []byte(params)}}}}
			r := simulate(t, SimConfig{Seed: 1}, spec, 10*time.Minute, nil)
			if r.status.Phase != PhaseCompleted || r.stops != 0 {
				t.Fatalf("after %v: %+v, %d safety stops; notes:\n%s", r.end, r.status, r.stops, r.noteText())
			}
			if !strings.Contains(r.noteText(), "torque limit of 40 N·m") {
				t.Errorf("no note on the torque limit:\n%s", r.noteText())
			}
		})
	}
}

// Stall 2: any active, resistive or path-guidance exercise right after an
// active-assisted one stalled at its first movement. Cause: the simulated
// patient, cued to reach after pursuing the assisted exercise's moving
// target, spent the reaction delay pushing at full strength towards the
// stale goal of a movement planned before the pursuit; in the transparent
// and guidance modes nothing resisted, the knee passed its speed limit and
// the protective stop stalled the session as above. Path guidance after
// resistive stayed on "moving to the start position": where the first
// exercise left the limb outside the guidance corridor, the walls' full
// stiffness shoved it in past the speed limit (the corridor now engages
// once the limb is inside).
func TestIssue14CuedAfterAssistedCompletes(t *testing.T) {
	t.Parallel()
	type tc struct{ first, then, attempt string }
	var cases []tc
	for _, m := range []string{"active", "resistive", "path-guidance"} {
		for _, a := range []string{"5", "10"} {
			cases = append(cases, tc{"active-assisted", m, a})
		}
	}
	cases = append(cases, tc{"resistive", "path-guidance", "10"}, tc{"resistive", "path-guidance", "knee→hip"}, tc{"active-assisted", "path-guidance", "knee→hip"})
	for _, c := range cases {
		t.Run(c.first+"→"+c.then+"/"+c.attempt, func(t *testing.T) {
			t.Parallel()
			attempt, j0, j1 := c.attempt, bothJoints, bothJoints
			if c.attempt == "knee→hip" {
				// The first exercise leaves the knee at 12°; the corridor of
				// a hip-only exercise holds it at 60°, its middle.
				attempt, j0, j1 = "10", []string{"knee_flexion"}, []string{"hip_flexion"}
			}
			spec := rehab.RunSpec{Session: rehab.Session{ID: "S-2"}, Patient: pagePatient(40), Protocol: rehab.Protocol{Exercises: []rehab.Exercise{
				{Mode: c.first, Joints: j0, Repetitions: 2, Assistance: 0.5, Params: []byte(`{"period_s":4,"attempt_s":` + attempt + `}`)},
				{Mode: c.then, Joints: j1, Repetitions: 3, Params: []byte(`{"attempt_s":` + attempt + `}`)}}}}
			if c.first == "resistive" {
				spec.Protocol.Exercises[0].Params = []byte(`{"viscous":5}`)
			}
			r := simulate(t, SimConfig{Seed: 1}, spec, 10*time.Minute, nil)
			if r.status.Phase != PhaseCompleted || r.stops != 0 {
				t.Fatalf("after %v: %+v, %d safety stops; notes:\n%s", r.end, r.status, r.stops, r.noteText())
			}
		})
	}
}

// Whatever stops the robot, the simulated session ends at once with the
// reason in the clinician's units, through Done and as a note.
func TestIssue14SafetyStopEndsSessionWithReason(t *testing.T) {
	t.Parallel()
	spec := rehab.RunSpec{Session: rehab.Session{ID: "S-3"}, Patient: pagePatient(40), Protocol: rehab.Protocol{Exercises: []rehab.Exercise{
		{Mode: "passive", Joints: []string{"knee_flexion"}, Repetitions: 5, Assistance: 1}}}}
	// A kick (a spasm, a bump) drives the knee past its speed limit.
	kick := func(now time.Duration, tau []float64) {
		if now > 3*time.Second && now <= 3*time.Second+40*time.Millisecond {
			tau[1] += 80
		}
	}
	r := simulate(t, SimConfig{Seed: 1}, spec, time.Minute, kick)
	if r.status.Phase != PhaseStopped || r.end > 4*time.Second {
		t.Fatalf("after %v: %+v", r.end, r.status)
	}
	for _, want := range []string{"protective stop", "knee flexion", "°/s", "speed limit of 115°/s"} {
		if !strings.Contains(r.status.Reason, want) {
			t.Errorf("reason %q lacks %q", r.status.Reason, want)
		}
	}
	if !strings.Contains(r.noteText(), r.status.Reason) {
		t.Errorf("reason not in the notes:\n%s", r.noteText())
	}
}

// Through the rehab.SessionRunner interface the reason reaches the sink's
// Done as an *EndError.
func TestIssue14SimRunnerDoneCarriesReason(t *testing.T) {
	t.Parallel()
	spec := rehab.RunSpec{Session: rehab.Session{ID: "S-4"}, Patient: pagePatient(40), Protocol: rehab.Protocol{Exercises: []rehab.Exercise{
		{Mode: "passive", Joints: []string{"knee_flexion"}, Repetitions: 5, Assistance: 1}}}}
	sr := NewSimRunner(SimConfig{Seed: 1})
	sink := &noteSink{recSink: recSink{done: make(chan struct{})}}
	ss, err := sr.build(&spec, sink)
	if err != nil {
		t.Fatal(err)
	}
	ss.disturb = func(now time.Duration, tau []float64) {
		if now > 2*time.Second && now <= 2*time.Second+40*time.Millisecond {
			tau[1] -= 80
		}
	}
	ss.cancel = func() {}
	if err := ss.runner.Start(); err != nil {
		t.Fatal(err)
	}
	sr.active = ss
	sr.run(t.Context(), ss) // synchronous: returns when the session ends
	var ee *EndError
	if sink.completed || !errors.As(sink.err, &ee) || !strings.Contains(ee.Reason, "knee flexion") {
		t.Fatalf("done: completed %v, err %v", sink.completed, sink.err)
	}
}

// Item 2: passive motion reaches the prescribed range when the torque
// limit allows it, and otherwise says which limit stopped it.
func TestIssue14PassiveReachesRangeOrSaysWhy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		hipTorque float64
		stiffness float64 // the limb's passive stiffness, N·m/rad
		wantNote  string  // "" : only the default ends' note; the range must be reached
	}{
		{"robot's full torque", 100, 10, ""},
		{"page's 40 N·m", 40, 10, "range shortened by the torque limit"},
		{"stiff limb", 100, 120, "reached"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			spec := rehab.RunSpec{Session: rehab.Session{ID: "S-5"}, Patient: pagePatient(tc.hipTorque), Protocol: rehab.Protocol{Exercises: []rehab.Exercise{
				{Mode: "passive", Joints: bothJoints, Repetitions: 2, Assistance: 1, Params: []byte(`{"period_s":8}`)}}}}
			cfg := SimConfig{Seed: 2}
			cfg.Patient = func(_ *rehab.Patient, c *kinematics.Chain, seed uint64) (*patientsim.Patient, error) {
				n := c.DoF()
				lower, upper := c.Limits()
				pc := patientsim.Config{Seed: seed, MaxTorque: fill(n, 60), Strength: 0.5,
					Stiffness: fill(n, tc.stiffness), Damping: fill(n, 0.3), Rest: make([]float64, n)}
				for i := range n {
					pc.Rest[i] = (lower[i] + upper[i]) / 2
				}
				return patientsim.New(n, pc)
			}
			r := simulate(t, cfg, spec, 5*time.Minute, nil)
			if r.status.Phase != PhaseCompleted || r.stops != 0 {
				t.Fatalf("%+v, %d stops; notes:\n%s", r.status, r.stops, r.noteText())
			}
			ex := r.ss.runner.cfg.Protocol[0].(*Passive)
			lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
			for _, s := range r.samples {
				if s.Repetition == 0 {
					continue
				}
				for j := range 2 {
					lo[j], hi[j] = math.Min(lo[j], s.Q[j]), math.Max(hi[j], s.Q[j])
				}
			}
			reached := true
			for j := range 2 {
				planLo, planHi := math.Min(ex.p.From[j], ex.p.To[j]), math.Max(ex.p.From[j], ex.p.To[j])
				if math.Abs(lo[j]-planLo) > ShortfallTolerance || math.Abs(hi[j]-planHi) > ShortfallTolerance {
					reached = false
					if tc.wantNote != "reached" {
						t.Errorf("joint %d moved through %s…%s, planned %s…%s", j, Deg(lo[j]), Deg(hi[j]), Deg(planLo), Deg(planHi))
					}
				}
			}
			notes := r.noteText()
			t.Logf("notes:\n%s", notes)
			switch {
			case tc.wantNote == "" && (!strings.Contains(notes, "hip flexion −7°…97° of the patient's −20°…110°") || strings.Contains(notes, "shortened")):
				// The default ends are said, with the figures; nothing
				// else shortened the path.
				t.Errorf("notes, want only the default ends:\n%s", notes)
			case tc.wantNote == "":
				// The whole prescribed range less the documented 10 % at
				// each end: −7°…97° at the hip.
				if math.Abs(ex.p.To[0]-deg(97)) > deg(0.01) {
					t.Errorf("hip planned to %s", Deg(ex.p.To[0]))
				}
			case !strings.Contains(notes, tc.wantNote):
				t.Errorf("notes lack %q:\n%s", tc.wantNote, notes)
			case tc.wantNote == "reached" && (reached || !strings.Contains(notes, "of the planned")):
				t.Errorf("stiff limb reached the range (%v) or the note does not say where it stopped:\n%s", reached, notes)
			}
		})
	}
}

// Found by the soak (seeds 219, 510, 640, 696 of its first 1000-session
// run): a planned (passive, assisted) exercise after a patient-driven one
// threw a joint past its speed limit. The limb could still be moving when
// the exercise began; a held joint (the hip of a knee exercise) was
// brought to its posture in a fraction of a second, planned at the speed
// limit of the exercised joint; an integral correction wound up against a
// torque limit was released as a jolt. Now a planned motion starts from
// rest (SettleSpeed), every joint's speed limit bounds the plan, its
// acceleration is bounded (PlannedAcceleration) and the integral does not
// wind up at the torque limit.
func TestIssue14PlannedAfterPatientDriven(t *testing.T) {
	t.Parallel()
	p := rehab.Patient{ID: "P-696", Height: 1.8, Mass: 80, AffectedSide: rehab.SideLeft, Limits: []rehab.JointLimit{
		{Joint: "hip_flexion", ROMMin: -0.125, ROMMax: 1.261, MaxTorque: 95, MaxSpeed: 1.798},
		{Joint: "knee_flexion", ROMMin: 0.247, ROMMax: 1.974, MaxTorque: 29, MaxSpeed: 1.85},
	}}
	for _, tc := range []struct{ name, then, params string }{
		{"passive knee", "passive", `{"period_s":2,"hold_s":2}`},
		{"assisted knee", "active-assisted", `{"period_s":2.1,"hold_s":0.5}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			spec := rehab.RunSpec{Session: rehab.Session{ID: "S-6"}, Patient: p, Protocol: rehab.Protocol{Exercises: []rehab.Exercise{
				{Mode: "active", Joints: bothJoints, Repetitions: 6, Params: []byte(`{"attempt_s":1.7}`)},
				{Mode: tc.then, Joints: []string{"knee_flexion"}, Repetitions: 2, Assistance: 0.5, Params: []byte(tc.params)}}}}
			cfg := SimConfig{Seed: 696, Patient: func(_ *rehab.Patient, c *kinematics.Chain, seed uint64) (*patientsim.Patient, error) {
				n := c.DoF()
				lower, upper := c.Limits()
				pc := patientsim.Config{Seed: seed, MaxTorque: fill(n, 51), Strength: 0.7, Stiffness: fill(n, 7.5), Damping: fill(n, 0.6),
					Rest: make([]float64, n), PeakSpeed: 1.46, TremorAmplitude: fill(n, 2.4), TremorFrequency: 11.8, TremorBandwidth: 0.36}
				for i := range n {
					pc.Rest[i] = (lower[i] + upper[i]) / 2
				}
				return patientsim.New(n, pc)
			}}
			r := simulate(t, cfg, spec, 5*time.Minute, nil)
			if r.status.Phase != PhaseCompleted || r.stops != 0 {
				t.Fatalf("after %v: %+v, %d safety stops; notes:\n%s", r.end, r.status, r.stops, r.noteText())
			}
		})
	}
}

// A patient too weak to reach the cued posture: each movement moves on
// after the time allowed, the session completes, and a note says so once,
// with where the joint got to.
func TestIssue14GivenUpMovementIsNoted(t *testing.T) {
	t.Parallel()
	spec := rehab.RunSpec{Session: rehab.Session{ID: "S-7"}, Patient: pagePatient(40), Protocol: rehab.Protocol{Exercises: []rehab.Exercise{
		{Mode: "active", Joints: []string{"knee_flexion"}, Repetitions: 3, Params: []byte(`{"attempt_s":3}`)}}}}
	cfg := SimConfig{Seed: 3, Patient: func(_ *rehab.Patient, c *kinematics.Chain, seed uint64) (*patientsim.Patient, error) {
		n := c.DoF()
		lower, upper := c.Limits()
		pc := patientsim.Config{Seed: seed, MaxTorque: fill(n, 60), Strength: 0.05, Stiffness: fill(n, 20), Damping: fill(n, 0.3), Rest: make([]float64, n)}
		for i := range n {
			pc.Rest[i] = (lower[i] + upper[i]) / 2
		}
		return patientsim.New(n, pc)
	}}
	r := simulate(t, cfg, spec, 5*time.Minute, nil)
	if r.status.Phase != PhaseCompleted || r.stops != 0 || r.end > 22*time.Second {
		t.Fatalf("after %v: %+v, %d stops", r.end, r.status, r.stops)
	}
	if len(r.notes) != 1 || !strings.Contains(r.notes[0].Text, "knee flexion did not reach") || !strings.Contains(r.notes[0].Text, "within the 3 s allowed (it got to") {
		t.Fatalf("notes:\n%s", r.noteText())
	}
}
