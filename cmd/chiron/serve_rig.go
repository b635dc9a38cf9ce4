package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/hil"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
)

// servedRobot is one robot of a stack: a simulated rig (*hil.Rig: firmware
// on a pty, the real host drivers) or a real one (*realRobot: the drives a
// rig file describes). The stack adapts its loop to teleop and runs it.
type servedRobot interface {
	Loop() *control.Loop
	Chain() *kinematics.Chain
	JointNames() []string
	Limits() []control.JointLimits
	Workspace() control.Box
	// Run runs the loop in real time until ctx ends.
	Run(ctx context.Context, rc control.RunnerConfig) (control.RunReport, error)
	Close() error
}

var (
	_ servedRobot = (*hil.Rig)(nil)
	_ servedRobot = (*realRobot)(nil)
)

// realRobot is a robot on real drives: the bus of its rig file (rig.Open)
// under the loop that hil.Assemble builds for its chain — the supervisor's
// limits from the model and the four controllers, exactly as a simulated
// rig has them.
//
// Between Open and Run the loop is stepped (Disabled: drives held off) on
// a plain ticker, so the drives see a live master from the end of their
// start-up on (a CANopen drive quick-stops after master_timeout without
// its heartbeat) and the first snapshots are fresh. When Run ends the
// drives are switched off: none keeps executing the last command of a loop
// that no longer runs.
type realRobot struct {
	chain  *kinematics.Chain
	names  []string
	bus    *rig.Bus
	loop   *control.Loop
	limits []control.JointLimits
	box    control.Box
	clock  *busClock

	idleOnce sync.Once
	idleStop chan struct{}
	idleDone chan struct{}

	closeOnce sync.Once
	closeErr  error
}

// newRealRobot opens sp.Rig's bus for sp.Model and builds its loop.
func newRealRobot(sp robotSpec) (*realRobot, error) {
	chain, err := hil.LoadChainTip(sp.Model, sp.Base, sp.Tip)
	if err != nil {
		return nil, err
	}
	controller := sp.Controller
	if controller == "" {
		controller = hil.Controllers[0]
	}
	rate := sp.Rate
	if rate == 0 {
		rate = 1000
	}
	period, err := control.PeriodForRate(rate)
	if err != nil {
		return nil, err
	}
	// Assemble before Open: it samples the reachable workspace, which takes
	// a while, and nothing may stand between the drives' start-up and the
	// loop's first cycle.
	safety := sp.Safety
	if rs := sp.Rig.Safety; rs != nil && safety == (hil.SafetyOverrides{}) {
		safety = hil.SafetyOverrides{WatchdogCycles: rs.WatchdogCycles, TrackingError: rs.TrackingError,
			PositionMargin: rs.PositionMargin, VelocityScale: rs.VelocityScale, EffortScale: rs.EffortScale,
			RequireDeadman: rs.RequireDeadman}
	}
	a, err := hil.Assemble(chain, controller, hil.Gains{}, safety)
	if err != nil {
		return nil, err
	}
	bus, err := rig.Open(sp.Rig, chain)
	if err != nil {
		return nil, err
	}
	loop, err := control.NewLoop(control.Config{Bus: bus, Period: period, Controllers: a.Controllers, FK: a.FK, Safety: a.Safety})
	if err != nil {
		bus.Close()
		return nil, err
	}
	r := &realRobot{chain: chain, names: make([]string, chain.DoF()), bus: bus, loop: loop,
		limits: a.Safety.Joints, box: *a.Safety.Workspace, clock: newBusClock(bus.Epoch()),
		idleStop: make(chan struct{}), idleDone: make(chan struct{})}
	for i, j := range chain.Joints {
		r.names[i] = j.Name
	}
	go r.idle(period)
	return r, nil
}

// idle steps the loop on the bus's clock until Run or Close takes over.
func (r *realRobot) idle(period time.Duration) {
	defer close(r.idleDone)
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-r.idleStop:
			return
		case <-t.C:
			r.loop.Step(r.clock.Now())
		}
	}
}

func (r *realRobot) stopIdle() {
	r.idleOnce.Do(func() {
		close(r.idleStop)
		<-r.idleDone
	})
}

// Run runs the loop under the real-time runner on the bus's clock until
// ctx ends, then switches the drives off.
func (r *realRobot) Run(ctx context.Context, rc control.RunnerConfig) (control.RunReport, error) {
	r.stopIdle()
	if rc.Clock == nil {
		rc.Clock = r.clock
	}
	var rep control.RunReport
	runner, err := control.NewRunner(r.loop, rc)
	if err == nil {
		rep, err = runner.Run(ctx, 0)
		if errors.Is(err, context.Canceled) {
			err = nil
		}
	}
	if derr := r.bus.Disable(); derr != nil {
		err = errors.Join(err, derr)
	}
	return rep, err
}

// Close stops the idle stepping, switches the drives off and closes the
// port.
func (r *realRobot) Close() error {
	r.closeOnce.Do(func() {
		r.stopIdle()
		if err := r.bus.Close(); err != nil {
			r.closeErr = fmt.Errorf("rig %s: %w", r.bus.Protocol(), err)
		}
	})
	return r.closeErr
}

// Loop returns the control loop.
func (r *realRobot) Loop() *control.Loop { return r.loop }

// Chain returns the robot's chain.
func (r *realRobot) Chain() *kinematics.Chain { return r.chain }

// JointNames returns the joint names in loop order.
func (r *realRobot) JointNames() []string { return r.names }

// Limits returns the supervisor's joint limits.
func (r *realRobot) Limits() []control.JointLimits { return r.limits }

// Workspace returns the supervisor's workspace box.
func (r *realRobot) Workspace() control.Box { return r.box }

// Bus returns the rig's bus.
func (r *realRobot) Bus() *rig.Bus { return r.bus }

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

// rigFlagHelp documents --rig in 'chiron serve -h'.
const rigFlagHelp = `serve a real robot on the drives the rig ` + "`FILE`" + ` describes (YAML or JSON, decoded strictly):
  protocol: dynamixel | canopen | cubemars
  transport: {port: /dev/ttyUSB0, baud: 1000000}        Dynamixel bus
             {port: /dev/ttyACM0, slcan: true, bitrate: 1000000}  CAN through an SLCAN adapter
             {interface: can0}                          CAN on SocketCAN
  reply_timeout: 20ms                                   each cycle's wait for the drives
  canopen: {heartbeat_period, master_timeout, drive_heartbeat_period, on_master_loss: quick-stop, ...}
  safety:  {watchdog_cycles: 3, tracking_error: 0.3, velocity_scale: 1, ...}  the supervisor's tolerances
  joints:  one per model joint in chain order: name (the model's), direction (1 or -1),
           zero_offset (rad or m; joint = direction·drive + zero_offset), and
           dynamixel: id, model (XM430-W350 ...), lead (m/rad, prismatic joints)
           canopen:   node, mode (CST or CSP), counts_per_rad, rated_torque, gear_ratio, max_torque
           cubemars:  id, model (AK80-9 ...), lead
  The drives start Disabled, are enabled once the loop reads them, and are switched off when serve stops.
  Reference: 'go doc github.com/chiron-robotics/chiron/rig'; examples: rig/testdata/psm-canopen.yaml,
  psm-dynamixel.yaml, exo-cubemars.yaml`

// loadRig reads a rig file and checks it against the model.
func loadRig(file, model, base, tip string) (*rig.Config, error) {
	cfg, err := rig.Load(file)
	if err != nil {
		return nil, err
	}
	chain, err := hil.LoadChainTip(model, base, tip)
	if err != nil {
		return nil, err
	}
	if err := cfg.Check(chain); err != nil {
		return nil, err
	}
	return cfg, nil
}
