package gobotio

import (
	"math"
	"strings"
	"testing"
)

func TestNormalise(t *testing.T) {
	stick := Axis{DeadZone: 0.1}
	trigger := Axis{Trigger: true, DeadZone: 0.1}
	tests := []struct {
		name string
		raw  float64
		a    Axis
		want float64
	}{
		{"stick rest", 0, stick, 0},
		{"stick inside dead zone", 0.1 * AxisFull, stick, 0},
		{"stick full forward", AxisFull, stick, 1},
		{"stick full back", -AxisFull, stick, -1},
		{"stick -32768 clamps", -32768, stick, -1},
		{"stick halfway rescaled past dead zone", 0.55 * AxisFull, stick, 0.5},
		{"stick halfway back", -0.55 * AxisFull, stick, -0.5},
		{"no dead zone is linear", 0.25 * AxisFull, Axis{}, 0.25},
		{"trigger at rest", -AxisFull, trigger, 0},
		{"trigger -32768 rest", -32768, trigger, 0},
		{"trigger half pulled (raw 0)", 0, trigger, (0.5 - 0.1) / 0.9},
		{"trigger fully pulled", AxisFull, trigger, 1},
	}
	for _, tc := range tests {
		if got := normalise(tc.raw, tc.a); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: normalise(%v) = %v, want %v", tc.name, tc.raw, got, tc.want)
		}
	}
}

func TestMappingValidate(t *testing.T) {
	tests := []struct {
		m    Mapping
		want string // substring of the error; "" means valid
	}{
		{Xbox360Mapping(0.05, 0.5), ""},
		{DualShock4Mapping(0.05, 0.5), ""},
		{Mapping{}, "no controls"},
		{Mapping{Axes: []Axis{{Target: LinearX}}}, "no event name"},
		{Mapping{Axes: []Axis{{Event: "x"}}}, "invalid target"},
		{Mapping{Axes: []Axis{{Event: "x", Target: EStop + 1}}}, "invalid target"},
		{Mapping{Axes: []Axis{{Event: "x", Target: LinearX, DeadZone: 1}}}, "dead zone"},
		{Mapping{Axes: []Axis{{Event: "x", Target: LinearX, DeadZone: -0.1}}}, "dead zone"},
		{Mapping{Axes: []Axis{{Event: "x", Target: LinearX, Scale: math.Inf(1)}}}, "scale"},
		{Mapping{Axes: []Axis{{Event: "x", Target: Deadman, Threshold: 1.5}}}, "threshold"},
		{Mapping{Buttons: []Button{{Target: Clutch}}}, "no name"},
		{Mapping{Buttons: []Button{{Name: "a", Target: LinearX}}}, "not on/off"},
	}
	for i, tc := range tests {
		err := tc.m.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%d: unexpected error %v", i, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%d: error %v, want one containing %q", i, err, tc.want)
		}
	}
	if _, err := NewMapper(Mapping{}); err == nil {
		t.Error("NewMapper accepted an empty mapping")
	}
}

// event is one joystick event as gobot publishes it.
type event struct {
	name  string
	value any
}

func TestXbox360MappingFromEvents(t *testing.T) {
	const vmax, wmax = 0.05, 0.5 // m/s, rad/s
	p, err := NewMapper(Xbox360Mapping(vmax, wmax))
	if err != nil {
		t.Fatal(err)
	}
	if p.State() != (InputState{}) {
		t.Fatalf("initial state %+v is not at rest", p.State())
	}
	steps := []struct {
		name    string
		ev      []event
		changed bool
		check   func(s InputState) bool
	}{
		{"left stick full up: forward at max speed", []event{{"left_y", -AxisFull}}, true,
			func(s InputState) bool { return s.Linear == [3]float64{vmax, 0, 0} && !s.Deadman }},
		{"left stick full left: +y", []event{{"left_x", -AxisFull}}, true,
			func(s InputState) bool { return s.Linear == [3]float64{vmax, vmax, 0} }},
		{"right stick right: negative yaw", []event{{"right_x", AxisFull}}, true,
			func(s InputState) bool { return s.Angular == [3]float64{0, 0, -wmax} }},
		{"drift inside the dead zone reads zero", []event{{"left_y", 1000}, {"left_x", -2000}, {"right_x", 3000}}, true,
			func(s InputState) bool { return s.Linear == [3]float64{} && s.Angular == [3]float64{} }},
		{"right trigger a little: no deadman", []event{{"rt", -20000}}, false,
			func(s InputState) bool { return !s.Deadman }},
		{"right trigger past half: deadman", []event{{"rt", 10000}}, true,
			func(s InputState) bool { return s.Deadman }},
		{"left trigger full: gripper closed", []event{{"lt", AxisFull}}, true,
			func(s InputState) bool { return s.Gripper == 1 }},
		{"LB held: clutch", []event{{"lb_press", nil}}, true,
			func(s InputState) bool { return s.Clutch && s.Deadman }},
		{"LB released", []event{{"lb_release", nil}}, true,
			func(s InputState) bool { return !s.Clutch }},
		{"unknown events change nothing", []event{{"a_press", nil}, {"left_z", 5}, {"left_y", "junk"}}, false,
			func(s InputState) bool { return s.Deadman && s.Gripper == 1 }},
		{"Back pressed: e-stop", []event{{"back_press", nil}}, true,
			func(s InputState) bool { return s.EStop }},
		{"Back released: e-stop stays latched", []event{{"back_release", nil}}, false,
			func(s InputState) bool { return s.EStop }},
		{"right trigger released: deadman drops", []event{{"rt", -AxisFull}}, true,
			func(s InputState) bool { return !s.Deadman }},
	}
	for _, st := range steps {
		changed := false
		for _, e := range st.ev {
			changed = p.Apply(e.name, e.value) || changed
		}
		if changed != st.changed {
			t.Errorf("%s: changed = %v, want %v", st.name, changed, st.changed)
		}
		if !st.check(p.State()) {
			t.Fatalf("%s: state %+v", st.name, p.State())
		}
	}
}

func TestMapperEStopLatchAndReset(t *testing.T) {
	p, err := NewMapper(Mapping{Buttons: []Button{{Name: "back", Target: EStop}, {Name: "a", Target: Deadman}}})
	if err != nil {
		t.Fatal(err)
	}
	p.Apply("back_press", nil)
	if p.ResetEStop() || !p.State().EStop {
		t.Fatal("e-stop cleared while its button is held")
	}
	p.Apply("back_release", nil)
	if !p.State().EStop {
		t.Fatal("e-stop not latched after release")
	}
	if !p.ResetEStop() || p.State().EStop {
		t.Fatal("e-stop not cleared by ResetEStop after release")
	}
}

func TestMapperLostIsFailSafe(t *testing.T) {
	p, err := NewMapper(DualShock4Mapping(0.1, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []event{{"r2", AxisFull}, {"left_y", -AxisFull}, {"up_down", -AxisFull}, {"l1_press", nil}, {"share_press", nil}} {
		p.Apply(e.name, e.value)
	}
	s := p.State()
	if !s.Deadman || !s.Clutch || !s.EStop || s.Linear[0] != 0.1 || s.Angular[1] != 1 {
		t.Fatalf("state before loss %+v", s)
	}
	if !p.Lost() {
		t.Fatal("Lost reported no change")
	}
	if want := (InputState{EStop: true}); p.State() != want {
		t.Fatalf("after Lost %+v, want %+v", p.State(), want)
	}
	if p.Apply("r2", AxisFull) || p.State().Deadman {
		t.Fatal("an event after Lost re-engaged the deadman")
	}
	p.Reset()
	if p.State() != (InputState{}) {
		t.Fatalf("after Reset %+v", p.State())
	}
	if !p.Apply("r2", AxisFull) || !p.State().Deadman {
		t.Fatal("events ignored after Reset")
	}
}

func TestMapperCombinesSources(t *testing.T) {
	p, err := NewMapper(Mapping{
		Axes: []Axis{
			{Event: "left_y", Target: LinearZ, Scale: 1},
			{Event: "right_y", Target: LinearZ, Scale: 1},
			{Event: "rt", Target: Deadman, Trigger: true},
		},
		Buttons: []Button{{Name: "a", Target: Deadman}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p.Apply("left_y", AxisFull/2)
	p.Apply("right_y", AxisFull/4)
	if got, want := p.State().Linear[2], float64(AxisFull/2+AxisFull/4)/AxisFull; math.Abs(got-want) > 1e-12 {
		t.Errorf("summed axes = %v, want %v", got, want)
	}
	p.Apply("a_press", nil)
	p.Apply("rt", AxisFull)
	p.Apply("a_release", nil)
	if !p.State().Deadman {
		t.Error("deadman dropped while the trigger still holds it")
	}
	p.Apply("rt", -AxisFull)
	if p.State().Deadman {
		t.Error("deadman held with every source released")
	}
}

func TestGated(t *testing.T) {
	moving := InputState{Linear: [3]float64{1, 2, 3}, Angular: [3]float64{4, 5, 6}, Gripper: 0.5}
	tests := []struct {
		deadman, clutch, estop bool
		passes                 bool
	}{
		{true, false, false, true},
		{false, false, false, false},
		{true, true, false, false},
		{true, false, true, false},
	}
	for _, tc := range tests {
		s := moving
		s.Deadman, s.Clutch, s.EStop = tc.deadman, tc.clutch, tc.estop
		g := s.Gated()
		if moves := g.Linear != [3]float64{} || g.Angular != [3]float64{}; moves != tc.passes {
			t.Errorf("%+v gated to %+v", s, g)
		}
		if g.Gripper != 0.5 || g.Deadman != tc.deadman || g.EStop != tc.estop {
			t.Errorf("Gated altered more than the velocities: %+v", g)
		}
	}
}
