package rehab

import (
	"errors"
	"math"
	"testing"
)

func validPatient() Patient {
	return Patient{ID: "P-0042", Height: 1.72, Mass: 68, AffectedSide: SideLeft,
		Limits: []JointLimit{{Joint: "knee", ROMMin: 0, ROMMax: 1.9, MaxTorque: 30, MaxSpeed: 2}}}
}

func TestPatientValidate(t *testing.T) {
	ok := validPatient()
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for field, mut := range map[string]func(*Patient){
		"id":                  func(p *Patient) { p.ID = "bad id" },
		"height":              func(p *Patient) { p.Height = 2.6 },
		"mass":                func(p *Patient) { p.Mass = math.NaN() },
		"affected_side":       func(p *Patient) { p.AffectedSide = "up" },
		"limits":              func(p *Patient) { p.Limits = nil },
		"limits[0].rom_max":   func(p *Patient) { p.Limits[0].ROMMax = p.Limits[0].ROMMin },
		"limits[0].max_speed": func(p *Patient) { p.Limits[0].MaxSpeed = 0 },
		"limits[1].joint": func(p *Patient) {
			p.Limits = append(p.Limits, p.Limits[0])
		},
	} {
		p := validPatient()
		mut(&p)
		var fe *FieldError
		if err := p.Validate(); !errors.As(err, &fe) || fe.Field != field {
			t.Errorf("%s: got %v", field, err)
		}
	}
}

func TestProtocolValidate(t *testing.T) {
	p := validPatient()
	pr := Protocol{Name: "knee", Exercises: []Exercise{{Mode: "passive", Joints: []string{"knee"}, Repetitions: 5, Assistance: 1}}}
	if err := pr.Validate(&p); err != nil {
		t.Fatal(err)
	}
	pr.Exercises[0].Joints = []string{"hip"}
	var fe *FieldError
	if err := pr.Validate(&p); !errors.As(err, &fe) || fe.Field != "exercises[0].joints[0]" {
		t.Fatalf("unknown joint: %v", err)
	}
}

func TestTransitions(t *testing.T) {
	allowed := map[[2]Status]bool{
		{StatusCreated, StatusRunning}: true, {StatusCreated, StatusStopped}: true,
		{StatusRunning, StatusPaused}: true, {StatusRunning, StatusStopped}: true,
		{StatusRunning, StatusCompleted}: true, {StatusRunning, StatusInterrupted}: true,
		{StatusPaused, StatusRunning}: true, {StatusPaused, StatusStopped}: true,
		{StatusPaused, StatusInterrupted}: true,
	}
	for _, a := range Statuses {
		for _, b := range Statuses {
			if got := a.CanTransition(b); got != allowed[[2]Status{a, b}] {
				t.Errorf("%s → %s: %v", a, b, got)
			}
		}
	}
}

type recSink struct {
	n    int
	done []bool
}

func (r *recSink) Sample(Sample)                { r.n++ }
func (r *recSink) Done(completed bool, _ error) { r.done = append(r.done, completed) }

func TestFakeRunner(t *testing.T) {
	var f FakeRunner
	var s recSink
	if err := f.Pause(); !errors.Is(err, ErrNotRunning) {
		t.Fatal(err)
	}
	if err := f.Start(t.Context(), RunSpec{}, &s); err != nil {
		t.Fatal(err)
	}
	if err := f.Start(t.Context(), RunSpec{}, &s); !errors.Is(err, ErrBusy) {
		t.Fatal(err)
	}
	_ = f.Emit(Sample{}, Sample{})
	_ = f.Stop()
	if s.n != 2 || len(s.done) != 1 || s.done[0] {
		t.Fatalf("sink %+v", s)
	}
}
