package rig

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/watchdog"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Bus is a real robot's bus as Open returns it: the protocol's driver with
// each joint's drive convention mapped onto the model's,
//
//	q = s·q_drive + zero_offset,  q̇ = s·q̇_drive,  τ = τ_drive / s,
//
// where s = direction (·lead for a prismatic joint on a turning shaft);
// commands go the other way, with impedance gains scaled by s². It
// implements drivers.Bus for the control loop (no allocation per cycle)
// and adds what a real robot needs around the loop: Disable, which switches
// every drive's power stage off, and Close.
type Bus struct {
	drv      drivers.Bus // what the loop reads and writes
	proto    drivers.Bus // the protocol's own bus, when drv wraps it (a hardware watchdog)
	protocol string
	scale    []float64 // s per joint
	offset   []float64 // zero offset per joint
	identity bool      // every s = 1 and offset = 0: pass through
	cmds     []drivers.JointCommand
	raw      []drivers.JointState // the driver's last reading, drives' convention

	epoch    time.Time
	clock    func() time.Duration // the start-up's clock (Options.Clock)
	lastNow  time.Duration        // the loop's now at the last Write
	lastWall time.Time

	disable func(b *Bus) error // the protocol's switch-off, not cyclic
	close   func() error       // closes the port

	closeOnce sync.Once
	closeErr  error
}

var _ drivers.Bus = (*Bus)(nil)

// mapJoints returns the Bus around drv for cfg's joints on chain.
func mapJoints(drv drivers.Bus, cfg *Config, chain *kinematics.Chain) *Bus {
	n := len(cfg.Joints)
	b := &Bus{drv: drv, protocol: cfg.Protocol, scale: make([]float64, n), offset: make([]float64, n),
		cmds: make([]drivers.JointCommand, n), raw: make([]drivers.JointState, n), identity: true, epoch: time.Now()}
	b.clock = func() time.Duration { return time.Since(b.epoch) }
	for i, j := range cfg.Joints {
		b.scale[i], b.offset[i] = float64(j.Direction), j.ZeroOffset
		if cfg.Protocol != CANopen && chain.Joints[i].Type == kinematics.Prismatic {
			b.scale[i] *= j.Lead
		}
		if b.scale[i] != 1 || b.offset[i] != 0 {
			b.identity = false
		}
	}
	return b
}

// Joints returns the number of joints.
func (b *Bus) Joints() int { return len(b.scale) }

// Read reads every drive and converts to the model's convention.
//
// The driver reads into the Bus's own states, in the drives' convention,
// never into the caller's: a driver leaves a joint it got no reading for
// (a lost, late or corrupted reply; a refused read) as it was, and mapping
// the caller's states in place would map that joint's previous value —
// already in the model's convention — a second time (a direction −1 joint
// with a zero offset would jump to its raw drive position for a cycle, a
// prismatic joint would read lead² times its position). From its own copy
// the joint keeps its last reading, with its stamp, mapped once.
func (b *Bus) Read(now time.Duration, states []drivers.JointState) error {
	if b.identity || len(states) != len(b.scale) {
		return b.drv.Read(now, states)
	}
	err := b.drv.Read(now, b.raw)
	for i, s := range b.scale {
		st := &states[i]
		*st = b.raw[i]
		st.Position = s*st.Position + b.offset[i]
		st.Velocity *= s
		st.Effort /= s
		if st.HasPosition2 {
			st.Position2 = s*st.Position2 + b.offset[i]
		}
	}
	return err
}

// Write converts the model's commands to each drive's convention and
// writes them.
func (b *Bus) Write(now time.Duration, cmds []drivers.JointCommand) error {
	b.lastNow, b.lastWall = now, time.Now()
	if b.identity || len(cmds) != len(b.scale) {
		return b.drv.Write(now, cmds)
	}
	copy(b.cmds, cmds)
	for i, s := range b.scale {
		c := &b.cmds[i]
		c.Position = (c.Position - b.offset[i]) / s
		c.Velocity /= s
		c.Effort *= s
		c.Kp *= s * s
		c.Kd *= s * s
	}
	return b.drv.Write(now, b.cmds)
}

// Driver returns the protocol's own bus (*dynamixel.Bus, *canopen.Network
// or *cubemars.Bus), in the drives' convention, for diagnostics.
func (b *Bus) Driver() drivers.Bus {
	if b.proto != nil {
		return b.proto
	}
	return b.drv
}

// Watchdog returns the hardware watchdog kept alive from the loop's
// writes, or nil when the rig has none.
func (b *Bus) Watchdog() *watchdog.Bus {
	w, _ := b.drv.(*watchdog.Bus)
	return w
}

// Protocol returns the rig's protocol.
func (b *Bus) Protocol() string { return b.protocol }

// Epoch is the zero of the clock the bus started on (CANopen: the
// start-up's SDO exchanges and the master heartbeat's schedule). Run the
// loop on a clock with the same epoch, so that the heartbeat carries on
// from start-up into the first cycle instead of waiting for the loop's
// clock to catch up, which the drives would see as a lost master. (A bus
// opened with Options.Clock started on that clock instead; Epoch then only
// marks when the opening began.)
func (b *Bus) Epoch() time.Time { return b.epoch }

// now continues the loop's clock after its last Write, for the
// non-cyclic exchanges after the loop has stopped.
func (b *Bus) now() time.Duration {
	if b.lastWall.IsZero() {
		return b.clock()
	}
	return b.lastNow + time.Since(b.lastWall)
}

// Disable switches every drive's power stage off (Dynamixel torque off,
// CiA 402 disable voltage, MIT exit motor mode) and confirms it where the
// protocol can. It is not cyclic: call it once the loop has stopped, never
// beside it. The joints go limp (or brake, where the drives have brakes).
func (b *Bus) Disable() error {
	if err := b.disable(b); err != nil {
		return fmt.Errorf("rig: disable %s drives: %w", b.protocol, err)
	}
	return nil
}

// Close disables the drives and closes the port; it is safe to call more
// than once.
func (b *Bus) Close() error {
	b.closeOnce.Do(func() {
		b.closeErr = errors.Join(b.Disable(), b.close())
	})
	return b.closeErr
}
