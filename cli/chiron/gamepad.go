package chiron

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"gobot.io/x/gobot/v2"

	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/padbridge"
)

// gamepadFlags are the flags with which serve and demo drive a robot from a
// physical gamepad, and optionally a foot pedal, through teleop/padbridge.
type gamepadFlags struct {
	dev, mapping, robot *string
	pedal               *pedalFlags
}

func addGamepadFlags(fs *flag.FlagSet, demo bool) *gamepadFlags {
	g := &gamepadFlags{
		dev: fs.String("gamepad", "", "drive the robot from joystick N (gobot's joystick platform: 0 = /dev/input/js0) "+
			"as one more operator client of this server; it takes control on a deadman press, never from an operator in control. "+
			"If the device cannot be opened at start, exit with status 2; if it is lost later, the robot holds, "+
			"protective-stops after 1 s, and serving goes on without it"),
		mapping: fs.String("gamepad-map", "xbox360", "gamepad layout: "+strings.Join(padbridge.LayoutNames(), " or ")),
	}
	if demo {
		g.robot = fs.String("gamepad-robot", "psm", "the robot the gamepad (and the foot pedal) drives: psm or exo")
	}
	g.pedal = addPedalFlags(fs)
	return g
}

// validate checks the flags; the robot names (demo) are the allowed
// --gamepad-robot values.
func (g *gamepadFlags) validate(robots ...string) error {
	if err := g.pedal.validate(*g.dev != ""); err != nil {
		return err
	}
	if *g.dev == "" {
		return nil
	}
	if n, err := strconv.Atoi(*g.dev); err != nil || n < 0 {
		return usagef("--gamepad %q: want a joystick index (0 for /dev/input/js0)", *g.dev)
	}
	if _, ok := padbridge.Layouts[*g.mapping]; !ok {
		return usagef("--gamepad-map %q: want %s", *g.mapping, strings.Join(padbridge.LayoutNames(), " or "))
	}
	if g.robot != nil {
		for _, r := range robots {
			if r == *g.robot {
				return nil
			}
		}
		return usagef("--gamepad-robot %q: want one of %v", *g.robot, robots)
	}
	return nil
}

// Test seams: nil means the real devices (gobot's joystick platform, the
// pedal board's serial port).
var (
	openJoystick  func(index int, config string) (gobot.Eventer, func(), error)
	openPedalPort func(port string) (io.ReadWriteCloser, error)
)

// gamepad is the opened input devices and what their bridge needs to reach
// the server.
type gamepad struct {
	dev      *padbridge.Devices
	prefix   string
	token    string
	certFile string // the server's TLS certificate, if it serves TLS
}

// openGamepad opens the pad (and pedal) named by the flags and adds the
// bridge's own operator token to tokens (generated here, never printed: the
// bridge authenticates like any client). It returns nil when no pad was
// asked for.
func openGamepad(g *gamepadFlags, tokens *teleop.Tokens, prefix, certFile string) (*gamepad, error) {
	if *g.dev == "" {
		return nil, nil
	}
	index, err := strconv.Atoi(*g.dev)
	if err != nil {
		return nil, usagef("--gamepad %q: want a joystick index (0 for /dev/input/js0)", *g.dev)
	}
	tok, err := teleop.GenerateToken()
	if err != nil {
		return nil, err
	}
	if err := tokens.Add(teleop.RoleOperator, tok); err != nil {
		return nil, err
	}
	cfg := padbridge.DeviceConfig{Joystick: index, Layout: *g.mapping, OpenJoystick: openJoystick}
	if g.pedal.on() {
		cfg.PedalPort, cfg.Pedal = *g.pedal.port, g.pedal.config()
		cfg.Pedal.Open = openPedalPort
	}
	dev, err := padbridge.OpenDevices(cfg)
	if err != nil {
		// Exit status 2: a device asked for is not there; serving without
		// it would surprise an operator who means to use it.
		return nil, usageError{fmt.Errorf("%w (is it plugged in, and is the device readable by this user? a pedal's board must run StandardFirmata)", err)}
	}
	return &gamepad{dev: dev, prefix: prefix, token: tok, certFile: certFile}, nil
}

// start runs the bridge against the server bound at addr until ctx ends;
// stop waits for it. Errors go to w.
func (p *gamepad) start(ctx context.Context, addr, robot string, out, w io.Writer) {
	url, dialer, err := padbridge.Local(addr, p.certFile)
	if err != nil {
		fmt.Fprintf(w, "gamepad: %v\n", err)
		return
	}
	name := p.dev.Name()
	err = p.dev.Start(ctx, padbridge.Config{URL: url, Token: p.token, Prefix: p.prefix, Dialer: dialer,
		Logger: slog.New(slog.NewTextHandler(w, nil))}, func(err error) {
		switch {
		case errors.Is(err, padbridge.ErrDeviceLost):
			fmt.Fprintf(w, "%s: %v; serving on without it (restart to use it again)\n", name, err)
		case err != nil && ctx.Err() == nil:
			fmt.Fprintf(w, "%s: %v\n", name, err)
		}
	})
	if err != nil {
		fmt.Fprintf(w, "gamepad: %v\n", err)
		return
	}
	fmt.Fprintf(out, "%s drives %s: %s\n", name, robot, p.dev.Hint())
}

// stop waits for the bridge and closes the devices.
func (p *gamepad) stop() { p.dev.Stop() }
