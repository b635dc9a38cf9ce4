package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"gobot.io/x/gobot/v2"
	"gobot.io/x/gobot/v2/platforms/joystick"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/padbridge"
)

// gamepadFlags are the flags with which serve and demo drive a robot from a
// physical gamepad through teleop/padbridge.
type gamepadFlags struct {
	dev, mapping, robot *string
}

// gamepadMaps are the --gamepad-map values: gobot joystick configuration
// and chiron mapping (master rates as the browser console's).
var gamepadMaps = map[string]struct {
	config  string
	mapping gobotio.Mapping
	hint    string
}{
	"xbox360":    {joystick.Xbox360, gobotio.Xbox360Mapping(padbridge.DefaultMaxLinear, padbridge.DefaultMaxAngular), "hold RT (deadman) to take control and move, LB clutch, Back e-stop"},
	"dualshock4": {joystick.Dualshock4, gobotio.DualShock4Mapping(padbridge.DefaultMaxLinear, padbridge.DefaultMaxAngular), "hold R2 (deadman) to take control and move, L1 clutch, Share e-stop"},
}

func addGamepadFlags(fs *flag.FlagSet, demo bool) *gamepadFlags {
	g := &gamepadFlags{
		dev: fs.String("gamepad", "", "drive the robot from joystick N (gobot's joystick platform: 0 = /dev/input/js0) "+
			"as one more operator client of this server; it takes control on a deadman press, never from an operator in control. "+
			"If the device cannot be opened at start, exit with status 2; if it is lost later, the robot holds, "+
			"protective-stops after 1 s, and serving goes on without it"),
		mapping: fs.String("gamepad-map", "xbox360", "gamepad layout: xbox360 or dualshock4"),
	}
	if demo {
		g.robot = fs.String("gamepad-robot", "psm", "the robot the gamepad drives: psm or exo")
	}
	return g
}

// validate checks the flags; the robot names (demo) are the allowed
// --gamepad-robot values.
func (g *gamepadFlags) validate(robots ...string) error {
	if *g.dev == "" {
		return nil
	}
	if n, err := strconv.Atoi(*g.dev); err != nil || n < 0 {
		return usagef("--gamepad %q: want a joystick index (0 for /dev/input/js0)", *g.dev)
	}
	if _, ok := gamepadMaps[*g.mapping]; !ok {
		return usagef("--gamepad-map %q: want xbox360 or dualshock4", *g.mapping)
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

// joystickDevice is a joystick opened with gobot's joystick platform.
type joystickDevice struct {
	name    string // "/dev/input/js0"
	adaptor *joystick.Adaptor
	driver  *joystick.Driver
}

// openJoystick opens joystick id with gobot's joystick adaptor and starts
// its driver with configuration config. Tests replace it.
var openJoystick = func(id, config string) (gobot.Eventer, func(), error) {
	d := &joystickDevice{name: "/dev/input/js" + id, adaptor: joystick.NewAdaptor(id)}
	if err := connectJoystick(d.adaptor); err != nil {
		return nil, nil, fmt.Errorf("gamepad %s: %w", d.name, err)
	}
	d.driver = joystick.NewDriver(d.adaptor, config)
	if err := d.driver.Start(); err != nil {
		_ = d.adaptor.Finalize()
		return nil, nil, fmt.Errorf("gamepad %s: start: %w", d.name, err)
	}
	return d.driver, d.close, nil
}

// connectJoystick connects a; the joystick library panics when an ioctl
// fails (a device node that is not a joystick), which is an error here.
func connectJoystick(a *joystick.Adaptor) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("not a joystick: %v", r)
		}
	}()
	return a.Connect()
}

// close halts the driver and closes the device. gobot's Halt blocks until
// the polling loop takes it, and that loop has already ended if the device
// failed a read: it is given a moment, not forever.
func (d *joystickDevice) close() {
	halted := make(chan struct{})
	go func() {
		_ = d.driver.Halt()
		close(halted)
	}()
	select {
	case <-halted:
	case <-time.After(500 * time.Millisecond):
	}
	_ = d.adaptor.Finalize()
}

// gamepad is an opened pad and what its bridge needs to reach the server.
type gamepad struct {
	name, mapName string
	src           gobot.Eventer
	close         func()
	mapping       gobotio.Mapping
	hint          string
	prefix        string
	token         string
	certFile      string // the server's TLS certificate, if it serves TLS
	wg            sync.WaitGroup
}

// openGamepad opens the pad named by the flags and adds the bridge's own
// operator token to tokens (generated here, never printed: the bridge
// authenticates like any client). It returns nil when no pad was asked for.
func openGamepad(g *gamepadFlags, tokens *teleop.Tokens, prefix, certFile string) (*gamepad, error) {
	if *g.dev == "" {
		return nil, nil
	}
	m := gamepadMaps[*g.mapping]
	tok, err := teleop.GenerateToken()
	if err != nil {
		return nil, err
	}
	if err := tokens.Add(teleop.RoleOperator, tok); err != nil {
		return nil, err
	}
	src, closeFn, err := openJoystick(*g.dev, m.config)
	if err != nil {
		// Exit status 2: the pad asked for is not there; serving without
		// it would surprise an operator who means to use it.
		return nil, usageError{fmt.Errorf("%w (is the pad plugged in, and is the device readable by this user?)", err)}
	}
	return &gamepad{name: "/dev/input/js" + *g.dev, mapName: *g.mapping, src: src, close: closeFn,
		mapping: m.mapping, hint: m.hint, prefix: prefix, token: tok, certFile: certFile}, nil
}

// start runs the bridge against the server bound at addr until ctx ends;
// wait waits for it. Errors go to w.
func (p *gamepad) start(ctx context.Context, addr, robot string, out, w io.Writer) {
	log := slog.New(slog.NewTextHandler(w, nil))
	dialer := &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	scheme := "ws"
	if p.certFile != "" {
		scheme = "wss"
		cfg, err := pinnedTLS(p.certFile)
		if err != nil {
			fmt.Fprintf(w, "gamepad: %v\n", err)
			return
		}
		dialer.TLSClientConfig = cfg
	}
	b, err := padbridge.New(padbridge.Config{URL: scheme + "://" + loopback(addr) + "/ws", Token: p.token,
		Prefix: p.prefix, Mapping: p.mapping, Dialer: dialer, Logger: log})
	if err != nil {
		fmt.Fprintf(w, "gamepad: %v\n", err)
		return
	}
	if err := b.Attach(p.src); err != nil {
		fmt.Fprintf(w, "gamepad: %v\n", err)
		return
	}
	fmt.Fprintf(out, "gamepad %s (%s) drives %s: %s\n", p.name, p.mapName, robot, p.hint)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		err := b.Run(ctx)
		switch {
		case errors.Is(err, padbridge.ErrDeviceLost):
			fmt.Fprintf(w, "gamepad %s: %v; serving on without it (restart to use it again)\n", p.name, err)
		case err != nil && ctx.Err() == nil:
			fmt.Fprintf(w, "gamepad %s: %v\n", p.name, err)
		}
	}()
}

// stop waits for the bridge and closes the device.
func (p *gamepad) stop() {
	p.wg.Wait()
	p.close()
}

// loopback turns a bound host:port into one to dial on this machine: an
// unspecified host (0.0.0.0, ::) becomes the loopback address.
func loopback(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	ip := net.ParseIP(host)
	switch {
	case host == "" || (ip != nil && ip.IsUnspecified() && ip.To4() != nil):
		host = "127.0.0.1"
	case ip != nil && ip.IsUnspecified():
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}

// pinnedTLS trusts exactly the server's own certificate (the first in
// certFile): the bridge dials the loopback address, which the certificate
// need not name.
func pinnedTLS(certFile string) (*tls.Config, error) {
	data, err := os.ReadFile(certFile)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(data)
	if blk == nil || blk.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("%s: no PEM certificate", certFile)
	}
	want := blk.Bytes
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // replaced by the pin below
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) > 0 && bytes.Equal(raw[0], want) {
				return nil
			}
			return errors.New("server certificate is not the one this process serves")
		},
	}, nil
}
