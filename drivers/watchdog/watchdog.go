package watchdog

import (
	"errors"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// Line is the digital output wired to the watchdog's trigger input.
type Line interface {
	// Set drives the line high or low. It is called from the control
	// loop's write, so it must not block for long (a few bytes to a
	// board's serial port, a GPIO register).
	Set(high bool) error
}

// Feedback is the watchdog relay's feedback contact.
type Feedback interface {
	// Closed reports whether the relay is closed (the drives' STO line
	// permits torque). A feedback that cannot be read must read open.
	Closed() bool
}

// Config configures a Bus.
type Config struct {
	// Timeout is the watchdog's own timeout, a property of the hardware
	// (its data sheet, or the timing capacitor of a retriggerable
	// monostable): the relay opens when the line has not changed for this
	// long. The line is toggled every Timeout/4, so two missed toggles
	// still leave a margin for the loop's jitter.
	Timeout time.Duration
}

// MinTimeout is the shortest watchdog timeout a Bus accepts: toggling every
// Timeout/4 must stay slower than a 1 kHz loop's cycle.
const MinTimeout = 4 * time.Millisecond

// Bus is a drivers.Bus that toggles the watchdog's line in every Write
// whose time is a quarter timeout past the last toggle, and reports the
// relay's trip (when a Feedback is given) from Read.
type Bus struct {
	inner   drivers.Bus
	line    Line
	fb      Feedback
	period  time.Duration
	last    time.Duration
	level   bool
	toggled bool // the line has been toggled at least once
	armed   bool // the relay has been seen closed since the line started toggling
	tripped bool // it opened while armed; cleared once the drives are off and it is closed
	off     bool // the last Write switched every drive off
	errTrip *drivers.Error
	errLine *drivers.Error
}

var _ drivers.Bus = (*Bus)(nil)

// New returns inner with the watchdog's line toggled from its writes. fb
// may be nil (no feedback contact wired: a trip is then seen only as the
// drives' loss of torque).
func New(inner drivers.Bus, line Line, fb Feedback, cfg Config) (*Bus, error) {
	if inner == nil || line == nil {
		return nil, errors.New("watchdog: no bus or no line")
	}
	if cfg.Timeout < MinTimeout {
		return nil, fmt.Errorf("watchdog: timeout %v: want ≥ %v", cfg.Timeout, MinTimeout)
	}
	return &Bus{inner: inner, line: line, fb: fb, period: cfg.Timeout / 4,
		errTrip: &drivers.Error{Joint: -1, Kind: drivers.KindDriveFault,
			Detail: "Safe Torque Off: the hardware watchdog's relay opened (the host stopped toggling its line for longer than its timeout, or the relay was opened by hand)"},
		errLine: &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "hardware watchdog line"},
	}, nil
}

// Joints returns the inner bus's joint count.
func (b *Bus) Joints() int { return b.inner.Joints() }

// Read reads the inner bus; while the relay is tripped it reports a drive
// fault on the whole bus instead of the inner bus's error.
func (b *Bus) Read(now time.Duration, states []drivers.JointState) error {
	err := b.inner.Read(now, states)
	if b.fb != nil {
		closed := b.fb.Closed()
		switch {
		case closed && b.toggled:
			b.armed = true
			if b.tripped && b.off {
				b.tripped = false
			}
		case !closed && b.armed:
			b.tripped, b.armed = true, false
		}
	}
	if b.tripped {
		return b.errTrip
	}
	return err
}

// Write writes the inner bus, then toggles the line when a quarter of the
// watchdog's timeout has passed since the last toggle. A line that cannot
// be driven is a bus error (the relay will open: the loop must know).
func (b *Bus) Write(now time.Duration, cmds []drivers.JointCommand) error {
	err := b.inner.Write(now, cmds)
	b.off = true
	for i := range cmds {
		if cmds[i].Mode != drivers.ModeOff {
			b.off = false
			break
		}
	}
	if !b.toggled || now-b.last >= b.period || now < b.last {
		b.level = !b.level
		b.last, b.toggled = now, true
		if lerr := b.line.Set(b.level); lerr != nil {
			b.errLine.Err = lerr
			return b.errLine
		}
	}
	return err
}

// Tripped reports whether the relay's trip is being reported (for
// diagnostics).
func (b *Bus) Tripped() bool { return b.tripped }

// Inner returns the wrapped bus.
func (b *Bus) Inner() drivers.Bus { return b.inner }
