package chiron

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/chiron-robotics/chiron/drivers/gobotio/firmatatest"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// fwWatchdog is firmware-sim's hardware watchdog: a relay on every
// simulated drive's Safe Torque Off input (firmwaresim.HardwareWatchdog),
// its trigger and feedback contact wired to an Arduino running
// StandardFirmata served on a second pty — what a CubeMars rig file's
// hardware_watchdog opens through gobot.
type fwWatchdog struct {
	link            *string
	timeout         *time.Duration
	pin, feedback   *int
	relay           *firmwaresim.HardwareWatchdog
	sim             *firmwaresim.Sim
	pty             *firmwaresim.PTY
	board           *firmatatest.Board
	lastFeedback    int
	feedbackStarted bool
	out             io.Writer
}

func watchdogFlags(fs *flag.FlagSet) *fwWatchdog {
	return &fwWatchdog{
		link:     fs.String("watchdog-link", "", "serve a hardware watchdog relay on the drives' STO input, its StandardFirmata board on a second pty linked at PATH (always served for cubemars, whose rig files require one)"),
		timeout:  fs.Duration("watchdog-timeout", 100*time.Millisecond, "the simulated relay's timeout"),
		pin:      fs.Int("watchdog-pin", 7, "the board's digital pin wired to the relay's trigger"),
		feedback: fs.Int("watchdog-feedback-pin", 8, "the board's digital pin wired to the relay's feedback contact (high = closed)"),
	}
}

// serve attaches the relay and serves its board, when asked for or for
// cubemars; nil when there is none.
func (w *fwWatchdog) serve(sim *firmwaresim.Sim, protocol string, out io.Writer) (*fwWatchdog, error) {
	if *w.link == "" && protocol != "cubemars" {
		return nil, nil
	}
	for _, pin := range []int{*w.pin, *w.feedback} {
		if pin < 2 || pin >= firmatatest.Pins {
			return nil, usagef("--watchdog-pin/--watchdog-feedback-pin D%d: want D2–D%d", pin, firmatatest.Pins-1)
		}
	}
	if *w.pin/8 == *w.feedback/8 {
		return nil, usagef("--watchdog-feedback-pin D%d is on the trigger D%d's port: put it on another", *w.feedback, *w.pin)
	}
	w.out, w.sim = out, sim
	var err error
	if w.relay, err = sim.AttachWatchdog(*w.timeout); err != nil {
		return nil, usageError{err}
	}
	if w.pty, err = firmwaresim.OpenPTY(*w.link); err != nil {
		return nil, fmt.Errorf("watchdog board: %w", err)
	}
	if err := w.pty.SetReadTimeout(-1); err != nil {
		w.pty.Close()
		return nil, err
	}
	w.board = firmatatest.NewBoard(w.pty)
	trigger := *w.pin
	w.board.OnOutput(func(pin, level int) {
		if pin == trigger {
			w.relay.Set(level == 1)
		}
	})
	return w, nil
}

// tick copies the relay's state to its feedback contact's pin, and says
// when it changes.
func (w *fwWatchdog) tick() {
	level := 0
	if w.relay.Closed() {
		level = 1
	}
	if !w.feedbackStarted || level != w.lastFeedback {
		w.board.Set(*w.feedback, level)
		if level == 1 {
			fmt.Fprintf(w.out, "watchdog: relay closed at t=%v: the host toggles its trigger, the drives may produce torque\n", w.sim.Now())
		} else if w.feedbackStarted {
			fmt.Fprintf(w.out, "watchdog: relay opened at t=%v: no trigger edge for %v, the drives' torque is off (Safe Torque Off)\n", w.sim.Now(), *w.timeout)
		}
		w.lastFeedback, w.feedbackStarted = level, true
	}
}

func (w *fwWatchdog) describe() string {
	return fmt.Sprintf("%s (StandardFirmata: trigger D%d, feedback D%d, timeout %v)", w.pty.Path(), *w.pin, *w.feedback, *w.timeout)
}

func (w *fwWatchdog) close() {
	w.pty.Close()
	<-w.board.Done()
}
