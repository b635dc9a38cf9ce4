package exercise

import (
	"context"
	"errors"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/rehab"
)

type recSink struct {
	mu        sync.Mutex
	samples   []rehab.Sample
	done      chan struct{}
	completed bool
	err       error
}

func (s *recSink) Sample(x rehab.Sample) {
	s.mu.Lock()
	s.samples = append(s.samples, x)
	s.mu.Unlock()
}

func (s *recSink) Done(completed bool, err error) {
	s.completed, s.err = completed, err
	close(s.done)
}

func simSpec() rehab.RunSpec {
	p := rehab.Patient{ID: "P-1", Height: 1.7, Mass: 70, AffectedSide: rehab.SideLeft, Limits: []rehab.JointLimit{
		{Joint: "left_knee", ROMMin: deg(5), ROMMax: deg(90), MaxTorque: 40, MaxSpeed: 2},
		{Joint: "left_hip", ROMMin: deg(-5), ROMMax: deg(60), MaxTorque: 60, MaxSpeed: 2},
	}}
	return rehab.RunSpec{
		Session: rehab.Session{ID: "S-1", PatientID: "P-1", Robot: "sim", Joints: []string{"left_knee", "left_hip"}},
		Patient: p,
		Protocol: rehab.Protocol{Name: "knee", Exercises: []rehab.Exercise{
			{Mode: "passive", Joints: []string{"left_knee"}, Repetitions: 2, Assistance: 1, Params: []byte(`{"period_s":3}`)},
			{Mode: "active-assisted", Joints: []string{"left_knee", "left_hip"}, Repetitions: 2, Assistance: 0.4},
		}},
	}
}

// The simulated runner plays a prescribed protocol end to end through the
// rehab.SessionRunner interface the clinicians' API uses.
func TestSimRunnerPlaysPrescription(t *testing.T) {
	t.Parallel()
	sr := NewSimRunner(SimConfig{Seed: 1})
	sink := &recSink{done: make(chan struct{})}
	spec := simSpec()
	if err := sr.Start(context.Background(), spec, sink); err != nil {
		t.Fatal(err)
	}
	if err := sr.Start(context.Background(), spec, sink); !errors.Is(err, rehab.ErrBusy) {
		t.Fatalf("second start: %v", err)
	}
	select {
	case <-sink.done:
	case <-time.After(2 * time.Minute):
		t.Fatal("session did not end")
	}
	if !sink.completed || sink.err != nil {
		t.Fatalf("completed %v, err %v", sink.completed, sink.err)
	}
	if len(sink.samples) < 100 {
		t.Fatalf("%d samples", len(sink.samples))
	}
	knee := [2][2]float64{{math.Inf(1), math.Inf(-1)}, {math.Inf(1), math.Inf(-1)}}
	for i, s := range sink.samples {
		if err := s.Validate(2); err != nil {
			t.Fatal(err)
		}
		if i > 0 && !(s.T > sink.samples[i-1].T && s.T-sink.samples[i-1].T <= 0.0100001) {
			t.Fatalf("sample %d at %g s after %g s", i, s.T, sink.samples[i-1].T)
		}
		if s.Exercise == 0 && s.Assistance != 1 {
			t.Fatalf("passive assistance %g", s.Assistance)
		}
		e := s.Exercise
		knee[e][0], knee[e][1] = math.Min(knee[e][0], s.Q[0]), math.Max(knee[e][1], s.Q[0])
	}
	// Defaults: the patient's range with 10 % free at each end.
	lo, hi := deg(5)+0.1*deg(85), deg(90)-0.1*deg(85)
	if math.Abs(knee[0][0]-lo) > deg(2) || math.Abs(knee[0][1]-hi) > deg(2) {
		t.Fatalf("passive knee range [%.1f°, %.1f°], want [%.1f°, %.1f°]", knee[0][0]*180/math.Pi, knee[0][1]*180/math.Pi, lo*180/math.Pi, hi*180/math.Pi)
	}
	if last := sink.samples[len(sink.samples)-1]; last.Exercise != 1 {
		t.Fatalf("last sample in exercise %d", last.Exercise)
	}
	if err := sr.Pause(); !errors.Is(err, rehab.ErrNotRunning) {
		t.Fatalf("pause after the end: %v", err)
	}
}

// Stop ends a real-time-paced session at once; the sink sees Done(false, nil).
func TestSimRunnerStop(t *testing.T) {
	t.Parallel()
	sr := NewSimRunner(SimConfig{Seed: 1, Pace: 1})
	sink := &recSink{done: make(chan struct{})}
	if err := sr.Start(context.Background(), simSpec(), sink); err != nil {
		t.Fatal(err)
	}
	if err := sr.Pause(); err != nil {
		t.Fatal(err)
	}
	if err := sr.Resume(); err != nil {
		t.Fatal(err)
	}
	if err := sr.Stop(); err != nil {
		t.Fatal(err)
	}
	<-sink.done
	if sink.completed || sink.err != nil {
		t.Fatalf("completed %v, err %v", sink.completed, sink.err)
	}
}

func TestBuildRejectsBadPrescriptions(t *testing.T) {
	t.Parallel()
	c := lowerLimb(t)
	spec := simSpec()
	limits, idx, err := PatientLimits(c, &spec.Patient)
	if err != nil {
		t.Fatal(err)
	}
	if idx["left_knee"] != 1 || idx["left_hip"] != 0 {
		t.Fatalf("joint index %v", idx)
	}
	sc, err := SafetyConfig(c, limits, SafetyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Chain: c, Limits: sc.Joints, Joints: idx}
	g := func() control.GravityModel { return Gravity(c) }
	for _, ex := range []rehab.Exercise{
		{Mode: "juggling", Repetitions: 1},
		{Mode: "passive", Repetitions: 1, Params: []byte(`{"speed":1}`)},
		{Mode: "passive", Repetitions: 1, Joints: []string{"elbow"}},
		{Mode: "path-guidance", Repetitions: 1, Params: []byte(`{"space":"polar"}`)},
		{Mode: "passive", Repetitions: 0},
	} {
		if _, err := Build("x", &ex, env, g); !errors.Is(err, ErrExercise) {
			t.Errorf("%s %s: %v", ex.Mode, ex.Params, err)
		}
	}
	for _, mode := range []string{"passive", "active-assisted", "active", "resistive", "path-guidance"} {
		if _, err := Build("x", &rehab.Exercise{Mode: mode, Repetitions: 1, Assistance: 0.5}, env, g); err != nil {
			t.Errorf("%s: %v", mode, err)
		}
	}
	if _, _, err := PatientLimits(c, &rehab.Patient{Limits: []rehab.JointLimit{{Joint: "elbow"}}}); err == nil {
		t.Error("an elbow matched the lower-limb exoskeleton")
	}
}
