package rig

import (
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	"github.com/chiron-robotics/chiron/drivers/watchdog"
)

// Options is the seam between a rig's drives and where they are: how the
// host reaches the transport, on which clock the drives start up, and what
// a rig file cannot say about drives that are not real. The zero Options
// is real hardware: Open is OpenWith(cfg, chain, Options{}).
//
// Simulated drive firmware on a pseudo-terminal (package robot) opens its
// host side through here, so hardware-in-the-loop runs exercise the very
// code that runs on hardware — the same driver set-up, start-up, joint
// mapping and switch-off — with the pty, its lockstep metering and the
// simulated clock plugged in at this seam and nowhere else.
type Options struct {
	// Name is what errors call the rig in place of its file's name (a
	// configuration built in code has none).
	Name string
	// OpenSerial opens the serial port of a Dynamixel bus or an SLCAN
	// adapter; nil is serialport.Open (go.bug.st/serial).
	OpenSerial serialport.Opener
	// DialCAN opens a CAN rig's connection from its transport; nil is
	// DialCAN with OpenSerial (SocketCAN on transport.interface, SLCAN on
	// transport.port).
	DialCAN func(t Transport) (canbus.Conn, error)
	// Clock is the time the drives start up on and the Bus reads before the
	// loop's first Write (CANopen: SDO and state-machine timeouts, the
	// master heartbeat's schedule); nil is the wall clock since the Bus's
	// Epoch. A simulation on virtual time passes its own, so the start-up
	// is a function of the simulation, not of the machine's speed.
	Clock func() time.Duration
	// SetupTimeout bounds each reply during a Dynamixel bus's set-up
	// (pings, control-table reads and writes) and its switch-off; 0 is the
	// larger of the reply timeout and 100 ms.
	SetupTimeout time.Duration
	// DynamixelModels and CubeMarsModels, when set, give each joint's
	// actuator model data (one per joint, in order) instead of looking up
	// joints[i].model in the catalogue: for simulated drives sized to the
	// robot's model, which no catalogue lists. The file's model names are
	// then what errors show.
	DynamixelModels []*dynamixel.Model
	CubeMarsModels  []cubemars.Model
	// OpenWatchdog opens the hardware watchdog's line, its feedback
	// contact (nil when none is wired) and what closes them; nil opens
	// the file's firmata board (gobotio.OpenWatchdogOutput). Simulated
	// drives pass their simulated relay (firmwaresim.HardwareWatchdog).
	OpenWatchdog func(w *HardwareWatchdog) (WatchdogIO, error)
}

// WatchdogIO is an opened hardware watchdog: its trigger line, its
// feedback contact (nil when none is wired) and Close.
type WatchdogIO struct {
	Line     watchdog.Line
	Feedback watchdog.Feedback
	Close    func() error
}

func (o *Options) openSerial() serialport.Opener {
	if o.OpenSerial != nil {
		return o.OpenSerial
	}
	return serialport.Open
}
