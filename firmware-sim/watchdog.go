package firmwaresim

import (
	"fmt"
	"time"
)

// HardwareWatchdog is an external hardware watchdog wired to every drive's
// Safe Torque Off input (IEC 61800-5-2 STO): a retriggerable relay that
// stays closed while its trigger line changes level at least once per
// Timeout, and opens — no drive produces torque, the brakes engage — when
// the line has been still for longer. It closes again at the line's next
// change (the host decides what the drives do then; its supervisor sees the
// trip through the relay's feedback contact).
//
// Its time is the simulator's: Set stamps an edge at the simulated time
// and Step checks the timeout, so a lockstep run trips at the same cycle
// every time. It implements package drivers/watchdog's Line and Feedback.
type HardwareWatchdog struct {
	sim     *Sim
	timeout time.Duration
	level   bool
	edge    time.Duration // simulated time of the last change
	started bool          // the line has changed at least once
	open    bool
	trips   int
}

// AttachWatchdog wires a hardware watchdog with the given timeout to every
// drive's STO input. Until the host first toggles its line the relay is
// open: the drives can be set up but produce no torque.
func (s *Sim) AttachWatchdog(timeout time.Duration) (*HardwareWatchdog, error) {
	if timeout <= 0 {
		return nil, fmt.Errorf("firmware-sim: watchdog timeout %v: want > 0", timeout)
	}
	s.Lock()
	defer s.Unlock()
	w := &HardwareWatchdog{sim: s, timeout: timeout, open: true}
	s.watchdog = w
	return w, nil
}

// Set drives the trigger line (the host's output pin).
func (w *HardwareWatchdog) Set(high bool) error {
	w.sim.Lock()
	defer w.sim.Unlock()
	if high != w.level || !w.started {
		w.level, w.started = high, true
		w.edge = w.sim.plant.Time()
		if w.open {
			w.open = false
			for i := range w.sim.Drives {
				w.sim.Drives[i].MasterLost = false
			}
		}
	}
	return nil
}

// Closed reports whether the relay is closed (the drives may produce
// torque): the feedback contact.
func (w *HardwareWatchdog) Closed() bool {
	w.sim.Lock()
	defer w.sim.Unlock()
	return !w.open
}

// Trips returns how many times the relay has opened on a timeout.
func (w *HardwareWatchdog) Trips() int {
	w.sim.Lock()
	defer w.sim.Unlock()
	return w.trips
}

// check opens the relay when the line has been still for longer than the
// timeout (called under the lock at the end of every Step).
func (w *HardwareWatchdog) check(now time.Duration) {
	if w.open || now-w.edge <= w.timeout {
		return
	}
	w.open = true
	w.trips++
	for i := range w.sim.Drives {
		w.sim.Drives[i].MasterLost = true
	}
}
