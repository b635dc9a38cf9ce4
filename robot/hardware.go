package robot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
)

// errReal is Step's answer on real drives: lockstep needs simulated time.
var errReal = errors.New("robot: lockstep Step needs simulated firmware; real drives run in real time (Run)")

// hardware is a robot's real drives: the bus its rig file describes.
//
// Between Open and Run the loop is stepped (Disabled: drives held off) on
// a plain ticker, so the drives see a live master from the end of their
// start-up on (a CANopen drive quick-stops after master_timeout without
// its heartbeat; a Dynamixel servo's Bus Watchdog trips) and the first
// snapshots are fresh. When Run ends the drives are switched off: none
// keeps executing the last command of a loop that no longer runs.
type hardware struct {
	bus   *rig.Bus
	clock *busClock

	idleOnce sync.Once
	idleStop chan struct{}
	idleDone chan struct{}
}

func openHardware(cfg *rig.Config, chain *kinematics.Chain) (*hardware, error) {
	bus, err := rig.Open(cfg, chain)
	if err != nil {
		return nil, err
	}
	return &hardware{bus: bus, clock: newBusClock(bus.Epoch()),
		idleStop: make(chan struct{}), idleDone: make(chan struct{})}, nil
}

// idle steps the loop on the bus's clock until Run or close takes over.
func (h *hardware) idle(l *control.Loop, period time.Duration) {
	defer close(h.idleDone)
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-h.idleStop:
			return
		case <-t.C:
			l.Step(h.clock.Now())
		}
	}
}

func (h *hardware) stopIdle() {
	h.idleOnce.Do(func() {
		close(h.idleStop)
		if h.idleDone != nil {
			<-h.idleDone
		}
	})
}

// run runs the loop under the real-time runner on the bus's clock until
// ctx ends, then switches the drives off.
func (h *hardware) run(ctx context.Context, l *control.Loop, rc control.RunnerConfig) (control.RunReport, error) {
	h.stopIdle()
	if rc.Clock == nil {
		rc.Clock = h.clock
	}
	var rep control.RunReport
	runner, err := control.NewRunner(l, rc)
	if err == nil {
		rep, err = runner.Run(ctx, 0)
		if errors.Is(err, context.Canceled) {
			err = nil
		}
	}
	if derr := h.bus.Disable(); derr != nil {
		err = errors.Join(err, derr)
	}
	return rep, err
}

// close stops the idle stepping, switches the drives off and closes the
// port.
func (h *hardware) close() error {
	h.stopIdle()
	if err := h.bus.Close(); err != nil {
		return fmt.Errorf("rig %s: %w", h.bus.Protocol(), err)
	}
	return nil
}

// busClock is the monotonic clock on the bus's epoch (rig.Bus.Epoch), so
// that the loop's time continues the drives' start-up clock.
type busClock struct {
	mono *control.MonotonicClock
	off  time.Duration // bus time − mono time
}

func newBusClock(epoch time.Time) *busClock {
	m := control.NewMonotonicClock()
	return &busClock{mono: m, off: time.Since(epoch) - m.Now()}
}

func (c *busClock) Now() time.Duration         { return c.mono.Now() + c.off }
func (c *busClock) SleepUntil(t time.Duration) { c.mono.SleepUntil(t - c.off) }
