//go:build linux

package padbridge

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"gobot.io/x/gobot/v2"
	"gobot.io/x/gobot/v2/platforms/joystick"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
)

// Layout is a hand controller's layout: gobot's joystick configuration,
// chiron's mapping of it, and what to tell the operator.
type Layout struct {
	Config  string // gobot's joystick configuration (joystick.Xbox360, ...)
	Mapping gobotio.Mapping
	// Hint says how to drive with the pad alone; PedalHint with a foot
	// pedal (whose deadman replaces the pad's).
	Hint, PedalHint string
}

// Layouts are the pads' layouts by name (master rates as the browser
// console's: DefaultMaxLinear, DefaultMaxAngular).
var Layouts = map[string]Layout{
	"xbox360": {joystick.Xbox360, gobotio.Xbox360Mapping(DefaultMaxLinear, DefaultMaxAngular),
		"hold RT (deadman) to take control and move, LB clutch, Back e-stop",
		"press the deadman pedal to take control and move with the sticks; clutch pedal or LB clutch, Back e-stop"},
	"dualshock4": {joystick.Dualshock4, gobotio.DualShock4Mapping(DefaultMaxLinear, DefaultMaxAngular),
		"hold R2 (deadman) to take control and move, L1 clutch, Share e-stop",
		"press the deadman pedal to take control and move with the sticks; clutch pedal or L1 clutch, Share e-stop"},
}

// LayoutNames returns the layouts' names, sorted.
func LayoutNames() []string {
	var names []string
	for n := range Layouts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// DeviceConfig names the input devices of one bridge.
type DeviceConfig struct {
	// Joystick is the hand controller's index in gobot's joystick
	// platform (0 for /dev/input/js0).
	Joystick int
	// Layout is the pad's layout, a key of Layouts.
	Layout string
	// PedalPort is the serial port of the foot pedal's firmata board; ""
	// means no pedal.
	PedalPort string
	// Pedal configures the foot pedal (pins, polarity, timing; Open is its
	// port-opening seam).
	Pedal gobotio.FootPedalConfig
	// OpenJoystick opens the hand controller and returns its event source
	// and how to close it; nil means gobotio.OpenJoystick. Tests pass a
	// gobot.Eventer publishing what gobot's joystick driver publishes.
	OpenJoystick func(index int, config string) (gobot.Eventer, func(), error)
}

// Devices are the opened input devices of one bridge: a hand controller and,
// optionally, a foot pedal.
type Devices struct {
	layoutName string
	layout     Layout
	joystick   string // "/dev/input/js0"
	src        gobot.Eventer
	closePad   func()
	pedal      *gobotio.FootPedal

	mu      sync.Mutex
	started bool
	wg      sync.WaitGroup
}

// OpenDevices opens the devices cfg names: the hand controller, then the foot
// pedal. On an error nothing is left open; the error names the device.
func OpenDevices(cfg DeviceConfig) (*Devices, error) {
	layout, ok := Layouts[cfg.Layout]
	if !ok {
		return nil, fmt.Errorf("padbridge: layout %q: want one of %v", cfg.Layout, LayoutNames())
	}
	if cfg.Joystick < 0 {
		return nil, fmt.Errorf("padbridge: joystick index %d: want 0 or more", cfg.Joystick)
	}
	open := cfg.OpenJoystick
	if open == nil {
		open = func(index int, config string) (gobot.Eventer, func(), error) {
			j, err := gobotio.OpenJoystick(index, config)
			if err != nil {
				return nil, nil, err
			}
			return j.Events(), j.Close, nil
		}
	}
	d := &Devices{layoutName: cfg.Layout, layout: layout, joystick: fmt.Sprintf("/dev/input/js%d", cfg.Joystick)}
	var err error
	if d.src, d.closePad, err = open(cfg.Joystick, layout.Config); err != nil {
		return nil, err
	}
	if cfg.PedalPort != "" {
		if d.pedal, err = gobotio.OpenFootPedal(cfg.PedalPort, cfg.Pedal); err != nil {
			d.closePad()
			return nil, err
		}
	}
	return d, nil
}

// Name names the devices, e.g. "gamepad /dev/input/js0 (xbox360) and foot
// pedal /dev/ttyACM0 (deadman on D2, clutch on D3 (pressed = pin high))".
func (d *Devices) Name() string {
	if d.pedal == nil {
		return fmt.Sprintf("gamepad %s (%s)", d.joystick, d.layoutName)
	}
	return fmt.Sprintf("gamepad %s (%s) and foot pedal %s (%s)", d.joystick, d.layoutName, d.pedal.Port, d.pedal.Describe())
}

// Pedal returns the foot pedal's input now (the zero PedalInput, the
// deadman released, without a pedal).
func (d *Devices) Pedal() gobotio.PedalInput {
	if d.pedal == nil {
		return gobotio.PedalInput{}
	}
	return d.pedal.Input()
}

// Hint says how to drive with the devices, for the operator.
func (d *Devices) Hint() string {
	if d.pedal == nil {
		return d.layout.Hint
	}
	return d.layout.PedalHint
}

// Start runs a bridge on the devices against the server cfg names (its
// Mapping and Pedal are the devices') until ctx ends, the connection fails
// or a device is lost; onEnd, if not nil, gets what Run returned. Start
// runs one bridge per Devices.
func (d *Devices) Start(ctx context.Context, cfg Config, onEnd func(error)) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.started {
		return errors.New("padbridge: devices already started")
	}
	cfg.Mapping = d.layout.Mapping
	cfg.Pedal = nil
	if d.pedal != nil {
		cfg.Pedal = d.pedal
	}
	b, err := New(cfg)
	if err != nil {
		return err
	}
	if err := b.Attach(d.src); err != nil {
		return err
	}
	d.started = true
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		err := b.Run(ctx)
		if onEnd != nil {
			onEnd(err)
		}
	}()
	return nil
}

// Stop waits for the bridge (end its ctx first) and closes the devices.
func (d *Devices) Stop() {
	d.wg.Wait()
	if d.pedal != nil {
		_ = d.pedal.Close() // fail-safe already: a halted pedal reads released
	}
	d.closePad()
}
