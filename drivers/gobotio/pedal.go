package gobotio

import "time"

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
	st         PedalState
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
	pressed := online && !l.latched && l.level && now-l.levelSince >= l.debounce
	changed := pressed != l.st.Pressed || online != l.st.Online
	if pressed != l.st.Pressed {
		l.st.Since = now
	}
	l.st.Pressed, l.st.Online = pressed, online
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
