package gobotio

import (
	"fmt"
	"io"
	"time"
)

// PedalState is a foot pedal's (deadman switch's) state as the host knows it.
// Times are on the pedal's clock (PedalConfig.Now).
type PedalState struct {
	// Pressed: the pedal is held, debounced, reported within the timeout
	// over a live link, and was seen released since start or the last
	// fail-safe trip.
	Pressed bool
	// Online: the board reported within the timeout and the link is up.
	Online bool
	// Since is when Pressed last changed.
	Since time.Duration
	// Stamp is when the board last reported the pin.
	Stamp time.Duration
	// Lost: the board's link failed (unplugged); final until restart.
	Lost bool
}

// Pedal defaults.
const (
	DefaultPedalDebounce = 20 * time.Millisecond
	DefaultPedalTimeout  = 250 * time.Millisecond
	DefaultPedalInterval = 20 * time.Millisecond
)

// pedalLogic is the pedal's decision, free of I/O and of goroutines: raw pin
// reports and link failures in, a fail-safe pressed/released out.
//
//   - A press counts once the pin has read pressed for the debounce time; a
//     release counts at once (the deadman drops on the first released sample).
//   - No report for longer than the timeout, or a link error, reads as
//     released and offline; a link error is final until restart.
//   - After start and after every fail-safe trip the pedal must be seen
//     released before a press counts again, so a pedal held (or stuck) across
//     a link glitch does not re-engage motion by itself.
type pedalLogic struct {
	debounce, timeout time.Duration
	activeLow         bool

	heard      bool          // any report yet
	last       time.Duration // time of the last report
	level      bool          // last reported level, true = pressed
	levelSince time.Duration // since when level has held
	failed     bool          // link error seen
	latched    bool          // a release must be seen before a press counts
	level0     bool          // PedalConfig.Level: no latch at all
	st         PedalState
}

// newPedalLogicFor returns the logic for cfg.
func newPedalLogicFor(cfg PedalConfig) pedalLogic {
	l := newPedalLogic(cfg.Debounce, cfg.Timeout, cfg.ActiveLow)
	l.level0 = cfg.Level
	return l
}

// newPedalLogic returns the logic released, offline and latched.
func newPedalLogic(debounce, timeout time.Duration, activeLow bool) pedalLogic {
	return pedalLogic{debounce: debounce, timeout: timeout, activeLow: activeLow, latched: true}
}

// report takes the pin's value (0 or 1) read at now and reports whether
// Pressed or Online changed.
func (l *pedalLogic) report(now time.Duration, value int) bool {
	if l.failed {
		return l.eval(now)
	}
	if l.heard && now < l.last {
		now = l.last // the clock must not run backwards
	}
	if l.heard && now-l.last > l.timeout {
		// The board was silent past the timeout — offline, whether or not
		// anyone looked meanwhile: a pedal held across the silence must be
		// released and pressed again.
		l.latched = true
	}
	pressed := (value != 0) != l.activeLow
	if !l.heard || pressed != l.level {
		l.level, l.levelSince = pressed, now
	}
	l.heard, l.last = true, now
	if !pressed {
		l.latched = false
	}
	return l.eval(now)
}

// fail records a link error at now and reports whether the state changed.
func (l *pedalLogic) fail(now time.Duration) bool {
	l.failed = true
	return l.eval(now)
}

// eval brings the state up to now and reports whether Pressed or Online
// changed.
func (l *pedalLogic) eval(now time.Duration) bool {
	online := l.heard && !l.failed && now-l.last <= l.timeout
	if !online {
		l.latched = true
	}
	if l.level0 {
		l.latched = false
	}
	pressed := online && !l.latched && l.level && now-l.levelSince >= l.debounce
	changed := pressed != l.st.Pressed || online != l.st.Online
	if pressed != l.st.Pressed {
		l.st.Since = now
	}
	l.st.Pressed, l.st.Online, l.st.Lost = pressed, online, l.failed
	if l.heard {
		l.st.Stamp = l.last
	}
	return changed
}

// PedalConfig configures a Pedal.
type PedalConfig struct {
	// Pin is the board's digital pin number the pedal switch is wired to.
	Pin int
	// ActiveLow: the pin reads 0 when pressed (switch to ground with a
	// pull-up). With a pull-up, a cut wire then reads released: prefer it.
	ActiveLow bool
	// Debounce is how long the pin must read pressed before a press counts;
	// 0 means DefaultPedalDebounce, negative means none. Releases count at
	// once.
	Debounce time.Duration
	// Timeout is how long without a report from the board reads as
	// released and offline; 0 means DefaultPedalTimeout.
	Timeout time.Duration
	// Interval is the period of the pedal's own poll loop, which asks the
	// board for a fresh report and applies the timeout; 0 means
	// DefaultPedalInterval, negative runs no loop (the owner calls Poll).
	// Keep it well below Timeout.
	Interval time.Duration
	// Now is the pedal's clock (time since an epoch, like the control
	// loop's); nil means the monotonic time since NewPedal.
	Now func() time.Duration
	// OnChange, if not nil, is called when Pressed or Online changes, one
	// call at a time, in order. It may call the Pedal's State, not Start
	// or Halt.
	OnChange func(PedalState)
	// Level reads the pin as a level, without the deadman's re-press
	// latch: pressed whenever it reads pressed (debounced) and the board is
	// heard — a relay's feedback contact, which must read closed again as
	// soon as the board is back, not a switch a person must press again.
	Level bool
}

// withDefaults returns c with zero fields replaced by defaults.
func (c PedalConfig) withDefaults() PedalConfig {
	switch {
	case c.Debounce == 0:
		c.Debounce = DefaultPedalDebounce
	case c.Debounce < 0:
		c.Debounce = 0
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultPedalTimeout
	}
	if c.Interval == 0 {
		c.Interval = DefaultPedalInterval
	}
	if c.Now == nil {
		epoch := time.Now()
		c.Now = func() time.Duration { return time.Since(epoch) }
	}
	return c
}

// Default pins and timing of a FootPedal. D0 and D1 carry an Uno's serial
// link to the host, so the first free digital pins are D2 and D3.
const (
	DefaultPedalDeadmanPin = 2
	DefaultPedalClutchPin  = 3
	// DefaultPedalConnectTimeout bounds the Firmata handshake: an Uno
	// resets when its port opens and its bootloader waits about 1–2 s
	// before StandardFirmata answers.
	DefaultPedalConnectTimeout = 5 * time.Second
)

// firmataPins is the highest pin count of the boards StandardFirmata runs on
// that a foot pedal is wired to (a Mega has 70); the board itself refuses a
// pin it does not have when the pedal starts.
const firmataPins = 128

// PedalInput is what a foot pedal gives a teleoperation bridge: the deadman
// and clutch as a surgeon's feet hold them, fail-safe.
type PedalInput struct {
	// Deadman: the deadman pedal is pressed (debounced, seen released
	// since start or the last trip) and every pedal's board reports within
	// the timeout over a live link.
	Deadman bool
	// Clutch: the clutch pedal is pressed (false without a clutch pedal).
	Clutch bool
	// Online: every pedal reports within its timeout over a live link.
	Online bool
	// Lost is non-nil once the board's link has failed (unplugged): final
	// until the pedal is opened again.
	Lost error
}

// FootPedalConfig configures a FootPedal.
type FootPedalConfig struct {
	// DeadmanPin is the digital pin of the deadman pedal's switch (2 or
	// more: D0 and D1 carry the serial link).
	DeadmanPin int
	// ClutchPin is the digital pin of the clutch pedal's switch; negative
	// means no clutch pedal.
	ClutchPin int
	// ActiveLow: the pins read 0 when pressed (switch to ground with the
	// pin pulled up); see PedalConfig.ActiveLow.
	ActiveLow bool
	// Debounce, Timeout and Interval are each pedal's; see PedalConfig.
	Debounce, Timeout, Interval time.Duration
	// ConnectTimeout bounds the Firmata handshake; 0 means
	// DefaultPedalConnectTimeout.
	ConnectTimeout time.Duration
	// Now is the pedals' clock; nil means the monotonic time since open.
	Now func() time.Duration
	// OnChange, if not nil, is called when a pedal's Pressed or Online
	// changes (from that pedal's goroutine); see PedalConfig.OnChange.
	OnChange func(PedalState)
	// Open opens the board's serial port; nil means chiron's serial port
	// at FirmataBaud. Tests pass one returning an in-memory pipe.
	Open func(port string) (io.ReadWriteCloser, error)
}

// validate checks the pins, naming the field at fault.
func (c FootPedalConfig) validate() error {
	switch {
	case c.DeadmanPin < 2 || c.DeadmanPin >= firmataPins:
		return fmt.Errorf("gobotio: foot pedal: DeadmanPin %d: want a digital pin from 2 to %d (D0 and D1 carry the serial link)", c.DeadmanPin, firmataPins-1)
	case c.ClutchPin >= 0 && (c.ClutchPin < 2 || c.ClutchPin >= firmataPins):
		return fmt.Errorf("gobotio: foot pedal: ClutchPin %d: want a digital pin from 2 to %d, or negative for none", c.ClutchPin, firmataPins-1)
	case c.ClutchPin == c.DeadmanPin:
		return fmt.Errorf("gobotio: foot pedal: ClutchPin %d is the DeadmanPin", c.ClutchPin)
	case c.ConnectTimeout < 0:
		return fmt.Errorf("gobotio: foot pedal: ConnectTimeout %v is negative", c.ConnectTimeout)
	}
	return nil
}
