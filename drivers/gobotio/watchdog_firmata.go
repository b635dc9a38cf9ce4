//go:build linux

package gobotio

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"gobot.io/x/gobot/v2/platforms/firmata"
	"gobot.io/x/gobot/v2/platforms/firmata/client"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// WatchdogOutputConfig configures a WatchdogOutput.
type WatchdogOutputConfig struct {
	// Pin is the digital output wired to the watchdog relay's trigger
	// input (D2–D19 on an Uno; D0 and D1 carry the board's serial link).
	Pin int
	// FeedbackPin is the digital input wired to the relay's feedback
	// contact, or −1 for none. It must be on another 8-pin port than Pin:
	// the trigger is written as its port's whole value, and StandardFirmata
	// turns an input's pull-up on or off with the port bit it gets.
	FeedbackPin int
	// FeedbackActiveLow: the feedback pin reads 0 while the relay is
	// closed (a contact to ground with a pull-up; a cut wire then reads
	// open, fail-safe: prefer it).
	FeedbackActiveLow bool
	// FeedbackTimeout is how long the board may stay silent before the
	// feedback reads open; 0 means DefaultPedalTimeout.
	FeedbackTimeout time.Duration
	// ConnectTimeout bounds the Firmata handshake; 0 means
	// DefaultPedalConnectTimeout.
	ConnectTimeout time.Duration
	// Open opens the board's serial port; nil means chiron's serial port
	// at FirmataBaud.
	Open func(port string) (io.ReadWriteCloser, error)
}

func (c WatchdogOutputConfig) validate() error {
	switch {
	case c.Pin < 2 || c.Pin > 19:
		return fmt.Errorf("gobotio: watchdog: pin D%d: want D2–D19 (D0 and D1 carry the board's serial link)", c.Pin)
	case c.FeedbackPin >= 0 && (c.FeedbackPin < 2 || c.FeedbackPin > 19):
		return fmt.Errorf("gobotio: watchdog: feedback pin D%d: want D2–D19, or −1 for none", c.FeedbackPin)
	case c.FeedbackPin >= 0 && c.FeedbackPin/8 == c.Pin/8:
		return fmt.Errorf("gobotio: watchdog: feedback pin D%d is on the trigger D%d's port (D%d–D%d): put it on another port", c.FeedbackPin, c.Pin, c.Pin/8*8, c.Pin/8*8+7)
	case c.ConnectTimeout < 0, c.FeedbackTimeout < 0:
		return errors.New("gobotio: watchdog: negative timeout")
	}
	return nil
}

// WatchdogOutput is the trigger line of an external hardware watchdog — a
// relay on the drives' Safe Torque Off input that opens when the line stops
// changing — on a digital pin of an Arduino running StandardFirmata,
// through gobot's firmata platform, with the relay's feedback contact on
// another pin read as a fail-safe Pedal (a silent board reads open). It
// implements package drivers/watchdog's Line and Feedback.
//
// Set is called from the control loop's write: it writes the three bytes
// of Firmata's digital I/O message for the trigger's port straight to the
// board's link from a buffer of its own, with no allocation and without
// gobot's pin table (which gobot's client reads unguarded in DigitalWrite
// while its reader goroutine updates it).
type WatchdogOutput struct {
	Port     string
	cfg      WatchdogOutputConfig
	adaptor  *firmata.Adaptor
	link     *linkConn
	feedback *Pedal // nil without a feedback contact
	// closed mirrors the feedback pedal's Pressed, set from its OnChange:
	// Closed runs in the control loop's read and must not take the pedal's
	// lock, which the board's reader goroutine holds to apply reports.
	closed atomic.Bool
	msg    [3]byte
}

// OpenWatchdogOutput connects the firmata board on port, makes the trigger
// pin an output (low) and starts reading the feedback contact. It fails,
// naming the port, when the port cannot be opened or no Firmata board
// answers.
func OpenWatchdogOutput(port string, cfg WatchdogOutputConfig) (*WatchdogOutput, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if port == "" {
		return nil, errors.New("gobotio: watchdog: no serial port")
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = DefaultPedalConnectTimeout
	}
	if cfg.Open == nil {
		cfg.Open = FirmataOpener(serialport.Open)
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
			_ = a.Finalize()
		}
		return nil, fmt.Errorf("hardware watchdog %s: %w", port, err)
	}
	w := &WatchdogOutput{Port: port, cfg: cfg, adaptor: a}
	fail := func(err error) (*WatchdogOutput, error) {
		_ = w.Close()
		return nil, fmt.Errorf("hardware watchdog %s: %w", port, err)
	}
	c, ok := links.Load(a)
	if !ok {
		return fail(errors.New("no link"))
	}
	w.link = c.(*linkConn)
	if err := a.Board.SetPinMode(cfg.Pin, client.Output); err != nil {
		return fail(fmt.Errorf("trigger D%d: set pin mode: %w", cfg.Pin, err))
	}
	if err := w.Set(false); err != nil {
		return fail(fmt.Errorf("trigger D%d: %w", cfg.Pin, err))
	}
	if cfg.FeedbackPin >= 0 {
		w.feedback = NewPedal(a, PedalConfig{Pin: cfg.FeedbackPin, ActiveLow: cfg.FeedbackActiveLow,
			Debounce: -1, Timeout: cfg.FeedbackTimeout, Level: true,
			OnChange: func(st PedalState) { w.closed.Store(st.Pressed) }})
		w.feedback.SetName(fmt.Sprintf("watchdog feedback D%d", cfg.FeedbackPin))
		if err := w.feedback.Start(); err != nil {
			w.feedback = nil
			return fail(err)
		}
	}
	return w, nil
}

// Set drives the trigger line.
func (w *WatchdogOutput) Set(high bool) error {
	port := w.cfg.Pin / 8
	v := 0
	if high {
		v = 1 << (w.cfg.Pin % 8)
	}
	w.msg = [3]byte{fmDigitalMessage | byte(port), byte(v & 0x7F), byte(v >> 7 & 0x7F)}
	_, err := w.link.Write(w.msg[:])
	return err
}

// Closed reports whether the relay's feedback contact says it is closed
// (as of the pedal's last change: its own poll applies the board-silence
// timeout every Interval); without a feedback contact it is always true
// (nothing to tell). It takes no lock: the control loop calls it.
func (w *WatchdogOutput) Closed() bool {
	if w.feedback == nil {
		return true
	}
	return w.closed.Load()
}

// HasFeedback reports whether a feedback contact is wired.
func (w *WatchdogOutput) HasFeedback() bool { return w.feedback != nil }

// Close stops reading the feedback and closes the board's port; the line
// stops changing, so the relay opens within its timeout.
func (w *WatchdogOutput) Close() error {
	var err error
	if w.feedback != nil {
		err = w.feedback.Halt()
	}
	_ = w.adaptor.Finalize()
	return err
}
