package gobotio

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gobot.io/x/gobot/v2"
	"gobot.io/x/gobot/v2/platforms/joystick"
)

// failAfter bounds every wait so a broken test fails instead of hanging; it
// is never what makes a test pass.
const failAfter = 10 * time.Second

// waitInput receives inputs until one satisfies ok.
func waitInput(t *testing.T, ch <-chan InputState, what string, ok func(InputState) bool) InputState {
	t.Helper()
	deadline := time.After(failAfter)
	for {
		select {
		case s := <-ch:
			if ok(s) {
				return s
			}
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestGamepadFollowsGobotJoystickDriver attaches to gobot's real joystick
// driver (not started: no device) and publishes on it exactly what its
// polling loop publishes for an Xbox 360 pad.
func TestGamepadFollowsGobotJoystickDriver(t *testing.T) {
	drv := joystick.NewDriver(joystick.NewAdaptor("0"), joystick.Xbox360)
	inputs := make(chan InputState, 64)
	g, err := NewGamepad(Xbox360Mapping(0.05, 0.5), func(s InputState) { inputs <- s })
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Attach(drv); err != nil {
		t.Fatal(err)
	}
	defer g.Detach()
	if err := g.Attach(drv); err == nil {
		t.Fatal("second Attach accepted")
	}

	drv.Publish(joystick.RTPress, nil) // a button event with no mapping: ignored
	drv.Publish("rt", AxisFull)
	s := waitInput(t, inputs, "deadman", func(s InputState) bool { return s.Deadman })
	if s.Linear != [3]float64{} {
		t.Fatalf("deadman alone moved: %+v", s)
	}
	drv.Publish(joystick.LeftY, -AxisFull)
	waitInput(t, inputs, "forward", func(s InputState) bool { return s.Linear[0] == 0.05 })
	if got := g.Input(); !got.Deadman || got.Linear[0] != 0.05 {
		t.Fatalf("Input() = %+v", got)
	}
	drv.Publish(joystick.LBPress, nil)
	waitInput(t, inputs, "clutch", func(s InputState) bool { return s.Clutch })
	if g.Input().Gated().Linear != [3]float64{} {
		t.Fatal("clutched input not gated")
	}

	// The driver publishes "error" when the device is gone, then stops.
	drv.Publish(JoystickErrorEvent, errors.New("read /dev/input/js0: no such device"))
	s = waitInput(t, inputs, "fail-safe", func(s InputState) bool { return !s.Deadman })
	if s != (InputState{}) {
		t.Fatalf("after device loss %+v, want everything released", s)
	}
	if g.Input() != (InputState{}) {
		t.Fatalf("Input after loss %+v", g.Input())
	}
	if err := g.Lost(); err == nil || err.Error() != "read /dev/input/js0: no such device" {
		t.Fatalf("Lost() = %v, want the driver's read error", err)
	}
}

func TestGamepadDetachStopsFollowingAndReleases(t *testing.T) {
	src := gobot.NewEventer()
	inputs := make(chan InputState, 64)
	g, err := NewGamepad(Xbox360Mapping(0.05, 0.5), func(s InputState) { inputs <- s })
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Attach(src); err != nil {
		t.Fatal(err)
	}
	src.Publish("rt", AxisFull)
	src.Publish("back_press", nil)
	waitInput(t, inputs, "deadman and e-stop", func(s InputState) bool { return s.Deadman && s.EStop })
	if g.Lost() != nil {
		t.Fatalf("Lost() = %v while reading", g.Lost())
	}
	src.Publish(JoystickErrorEvent, nil)
	waitInput(t, inputs, "fail-safe", func(s InputState) bool { return !s.Deadman })
	if g.Lost() == nil {
		t.Fatal("Lost() = nil after an error event")
	}
	g.Detach()
	if g.Lost() != nil {
		t.Fatalf("Lost() = %v after Detach", g.Lost())
	}
	if want := (InputState{EStop: true}); g.Input() != want {
		t.Fatalf("after Detach %+v, want %+v", g.Input(), want)
	}

	// Events published after Detach reach another subscriber (the eventer is
	// not blocked by the departed one) but not the gamepad.
	other := src.Subscribe()
	src.Publish("rt", AxisFull)
	select {
	case e := <-other:
		if e.Name != "rt" {
			t.Fatalf("other subscriber got %q", e.Name)
		}
	case <-time.After(failAfter):
		t.Fatal("eventer blocked after Detach")
	}
	if g.Input().Deadman {
		t.Fatal("detached gamepad followed an event")
	}
	if !g.ResetEStop() || g.Input().EStop {
		t.Fatal("ResetEStop failed with nothing held")
	}

	// Re-attach: the state starts released and follows again.
	if err := g.Attach(src); err != nil {
		t.Fatal(err)
	}
	defer g.Detach()
	src.Publish("lb_press", nil)
	waitInput(t, inputs, "clutch after re-attach", func(s InputState) bool { return s.Clutch })
}

func TestGamepadHandleDirect(t *testing.T) {
	var got []InputState
	g, err := NewGamepad(Mapping{Buttons: []Button{{Name: "pedal", Target: Deadman}}}, func(s InputState) { got = append(got, s) })
	if err != nil {
		t.Fatal(err)
	}
	g.Handle("pedal_press", nil)
	g.Handle("pedal_press", nil) // no change, no callback
	g.Handle("pedal_release", nil)
	if len(got) != 2 || !got[0].Deadman || got[1].Deadman {
		t.Fatalf("callbacks %+v", got)
	}
	if _, err := NewGamepad(Mapping{}, nil); err == nil {
		t.Fatal("NewGamepad accepted an empty mapping")
	}
	if err := g.Attach(nil); err == nil {
		t.Fatal("Attach(nil) accepted")
	}
}

func TestOpenJoystickRefusesMissingDevice(t *testing.T) {
	for _, c := range []struct {
		index int
		want  string
	}{
		{-1, "index -1"},
		{97, "/dev/input/js97"},
	} {
		j, err := OpenJoystick(c.index, joystick.Xbox360)
		if err == nil {
			j.Close()
			t.Fatalf("OpenJoystick(%d) opened %s", c.index, j.Device)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("OpenJoystick(%d): %v, want it to name %q", c.index, err, c.want)
		}
	}
}
