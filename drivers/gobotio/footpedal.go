//go:build linux

package gobotio

import (
	"errors"
	"fmt"
	"io"

	"gobot.io/x/gobot/v2/platforms/firmata"
	"gobot.io/x/gobot/v2/platforms/firmata/client"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// FootPedal is a surgeon's foot pedal: a deadman pedal and, optionally, a
// clutch pedal, each a switch on a digital pin of one Arduino running
// StandardFirmata, read through gobot's firmata platform as two Pedal
// drivers on one adaptor. OpenFootPedal connects it; Close releases it.
type FootPedal struct {
	// Port is the board's serial port.
	Port    string
	cfg     FootPedalConfig
	adaptor *firmata.Adaptor
	deadman *Pedal
	clutch  *Pedal // nil without a clutch pedal
}

// OpenFootPedal connects the firmata board on port (StandardFirmata's
// handshake: version, firmware, capabilities, analog mapping), sets the
// pedals' pins to inputs and starts reading them. It fails, naming the port,
// when the port cannot be opened or no Firmata board answers within
// cfg.ConnectTimeout.
func OpenFootPedal(port string, cfg FootPedalConfig) (*FootPedal, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if port == "" {
		return nil, errors.New("gobotio: foot pedal: no serial port")
	}
	opened := false
	a := NewFirmataAdaptor(port, func(port string) (io.ReadWriteCloser, error) {
		rwc, err := cfg.Open(port)
		opened = err == nil
		return rwc, err
	})
	if c, ok := a.Board.(*client.Client); ok {
		c.ConnectTimeout = cfg.ConnectTimeout
	}
	if err := a.Connect(); err != nil {
		if opened {
			_ = a.Finalize() // closes the port; the connect error is the news
		}
		return nil, fmt.Errorf("foot pedal %s: %w", port, err)
	}
	f := &FootPedal{Port: port, cfg: cfg, adaptor: a}
	pc := PedalConfig{ActiveLow: cfg.ActiveLow, Debounce: cfg.Debounce, Timeout: cfg.Timeout,
		Interval: cfg.Interval, Now: cfg.Now, OnChange: cfg.OnChange}
	pc.Pin = cfg.DeadmanPin
	f.deadman = NewPedal(a, pc)
	f.deadman.SetName(fmt.Sprintf("deadman pedal D%d", cfg.DeadmanPin))
	// Every pin is an input before the link lets a report through (see
	// linkConn); the reports dropped meanwhile are asked for again below.
	if err := f.deadman.start(false); err != nil {
		_ = a.Finalize()
		return nil, fmt.Errorf("foot pedal %s: %w", port, err)
	}
	if cfg.ClutchPin >= 0 {
		pc.Pin = cfg.ClutchPin
		f.clutch = NewPedal(a, pc)
		f.clutch.SetName(fmt.Sprintf("clutch pedal D%d", cfg.ClutchPin))
		if err := f.clutch.start(false); err != nil {
			_ = f.deadman.Halt()
			_ = a.Finalize()
			return nil, fmt.Errorf("foot pedal %s: %w", port, err)
		}
	}
	armLink(a)
	f.deadman.keepalive()
	if f.clutch != nil {
		f.clutch.keepalive()
	}
	return f, nil
}

// Input returns what the pedals say now (see PedalInput): fail-safe, so a
// silent or unplugged board reads as the deadman released.
func (f *FootPedal) Input() PedalInput {
	d := f.deadman.State()
	in := PedalInput{Online: d.Online, Deadman: d.Pressed}
	lost := d.Lost
	if f.clutch != nil {
		c := f.clutch.State()
		in.Clutch = c.Pressed
		in.Online = in.Online && c.Online
		lost = lost || c.Lost
	}
	// Both pedals ride one link: if either cannot be heard, neither can be
	// trusted, and the deadman drops.
	in.Deadman = in.Deadman && in.Online
	if lost {
		in.Lost = fmt.Errorf("foot pedal %s: board link lost", f.Port)
	}
	return in
}

// Describe says which pins the pedals are on, for the operator.
func (f *FootPedal) Describe() string {
	s := fmt.Sprintf("deadman on D%d", f.cfg.DeadmanPin)
	if f.clutch != nil {
		s += fmt.Sprintf(", clutch on D%d", f.cfg.ClutchPin)
	}
	if f.cfg.ActiveLow {
		s += " (pressed = pin to ground)"
	} else {
		s += " (pressed = pin high)"
	}
	return s
}

// Close stops reading the pedals (they read released) and closes the board's
// port.
func (f *FootPedal) Close() error {
	err := f.deadman.Halt()
	if f.clutch != nil {
		err = errors.Join(err, f.clutch.Halt())
	}
	// After a link loss the adaptor is already disconnected and closing
	// the port again reports only that.
	_ = f.adaptor.Finalize()
	return err
}

// withDefaults validates c and fills in its defaults.
func (c FootPedalConfig) withDefaults() (FootPedalConfig, error) {
	if err := c.validate(); err != nil {
		return c, err
	}
	if c.ConnectTimeout == 0 {
		c.ConnectTimeout = DefaultPedalConnectTimeout
	}
	if c.Open == nil {
		c.Open = FirmataOpener(serialport.Open)
	}
	return c, nil
}
