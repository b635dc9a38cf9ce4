package rig

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	"github.com/chiron-robotics/chiron/drivers/watchdog"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Open checks cfg against chain, opens the transport and brings the drives
// up as the protocol needs:
//
//   - Dynamixel: pings every servo and checks its model, reads its modes
//     and limits (dynamixel.NewBus); torque stays as it is until the loop's
//     first command (the loop starts Disabled: torque off).
//   - CANopen: the full start-up (canopen.Network.Start): SDO
//     configuration of the PDOs, loss-of-master protection (0x1016,
//     0x6007, read back) and drive heartbeats, the mode, then the CiA 402
//     state machine to Operation enabled, holding position.
//   - CubeMars: enter motor mode on every motor (cubemars.Bus.Enable).
//
// The returned Bus maps each joint's direction, zero offset and lead.
// Close it to switch the drives off and release the port.
func Open(cfg *Config, chain *kinematics.Chain) (*Bus, error) {
	return OpenWith(cfg, chain, Options{})
}

// OpenWith is Open with the transport, the start-up clock and the drives'
// model data taken from opts (see Options): the one way a rig's host side
// is built, for real drives and for simulated firmware alike.
func OpenWith(cfg *Config, chain *kinematics.Chain, opts Options) (*Bus, error) {
	if cfg == nil {
		return nil, errors.New("rig: no configuration")
	}
	if err := cfg.Check(chain); err != nil {
		return nil, err
	}
	if err := opts.check(cfg); err != nil {
		return nil, err
	}
	b := mapJoints(nil, cfg, chain)
	if opts.Clock != nil {
		b.clock = opts.Clock
	}
	name := cfg.file
	if opts.Name != "" {
		name = opts.Name
	}
	// The watchdog first: a board that does not answer refuses the rig
	// before any drive is powered.
	var wd WatchdogIO
	if w := cfg.HardwareWatchdog; w != nil {
		var err error
		if wd, err = openWatchdog(w, &opts); err != nil {
			return nil, fmt.Errorf("rig %s: hardware watchdog on %s: %w", name, w.Port, err)
		}
	} else if cfg.Protocol == CubeMars {
		return nil, fmt.Errorf("rig %s: cubemars without a hardware watchdog: MIT-mode motors keep executing their last command when the host dies", name)
	}
	var err error
	switch cfg.Protocol {
	case Dynamixel:
		err = openDynamixel(cfg, b, &opts)
	case CANopen:
		err = openCANopen(cfg, b, &opts)
	case CubeMars:
		err = openCubeMars(cfg, b, &opts)
	default:
		err = fmt.Errorf("protocol %q", cfg.Protocol)
	}
	if err != nil {
		if wd.Close != nil {
			_ = wd.Close()
		}
		return nil, fmt.Errorf("rig %s: %s on %s: %w", name, cfg.Protocol, cfg.where(), err)
	}
	if wd.Line != nil {
		wb, err := watchdog.New(b.drv, wd.Line, wd.Feedback, watchdog.Config{Timeout: cfg.HardwareWatchdog.Timeout.D()})
		if err == nil {
			b.proto, b.drv = b.drv, wb
			closeDrives := b.close
			b.close = func() error {
				var err error
				if closeDrives != nil {
					err = closeDrives()
				}
				return errors.Join(err, wd.Close())
			}
		} else {
			_ = b.Close()
			_ = wd.Close()
			return nil, fmt.Errorf("rig %s: %w", name, err)
		}
	}
	return b, nil
}

// openWatchdog opens w through opts.OpenWatchdog, or on its firmata board.
func openWatchdog(w *HardwareWatchdog, opts *Options) (WatchdogIO, error) {
	if opts.OpenWatchdog != nil {
		io, err := opts.OpenWatchdog(w)
		if err == nil && (io.Line == nil || io.Close == nil) {
			err = errors.New("Options.OpenWatchdog returned no line or no Close")
		}
		return io, err
	}
	return openFirmataWatchdog(w, opts)
}

// where names the transport for errors.
func (c *Config) where() string {
	if c.Transport.Interface != "" {
		return "SocketCAN " + c.Transport.Interface
	}
	if c.Transport.SLCAN {
		return "SLCAN adapter " + c.Transport.Port
	}
	return c.Transport.Port
}

// check refuses model data that does not fit cfg's joints, naming the
// field.
func (o *Options) check(cfg *Config) error {
	n := len(cfg.Joints)
	if o.DynamixelModels != nil {
		if cfg.Protocol != Dynamixel {
			return fmt.Errorf("rig: Options.DynamixelModels for a %s rig", cfg.Protocol)
		}
		if len(o.DynamixelModels) != n {
			return fmt.Errorf("rig: Options.DynamixelModels: %d models for %d joints", len(o.DynamixelModels), n)
		}
		for i, m := range o.DynamixelModels {
			if m == nil {
				return fmt.Errorf("rig: Options.DynamixelModels[%d] (joint %s): nil model", i, cfg.Joints[i].Name)
			}
		}
	}
	if o.CubeMarsModels != nil {
		if cfg.Protocol != CubeMars {
			return fmt.Errorf("rig: Options.CubeMarsModels for a %s rig", cfg.Protocol)
		}
		if len(o.CubeMarsModels) != n {
			return fmt.Errorf("rig: Options.CubeMarsModels: %d models for %d joints", len(o.CubeMarsModels), n)
		}
	}
	if o.SetupTimeout < 0 {
		return fmt.Errorf("rig: Options.SetupTimeout %v: want ≥ 0", o.SetupTimeout)
	}
	return nil
}

func openDynamixel(cfg *Config, b *Bus, opts *Options) error {
	c, err := dynamixel.Dial(opts.openSerial(), cfg.Transport.Port, serialport.Config{BaudRate: cfg.Transport.Baud})
	if err != nil {
		return err
	}
	reply := orDefault(cfg.ReplyTimeout.D(), dynamixel.DefaultTimeout)
	// Setup (pings, table reads) waits generously; the cycle waits reply.
	setup := orDefault(opts.SetupTimeout, max(reply, 100*time.Millisecond))
	c.Timeout = setup
	joints := make([]dynamixel.Joint, len(cfg.Joints))
	for i, j := range cfg.Joints {
		m, _ := dynamixelModel(j.Model)
		if opts.DynamixelModels != nil {
			m = opts.DynamixelModels[i]
		}
		joints[i] = dynamixel.Joint{ID: byte(*j.ID), Model: m}
	}
	bc := dynamixel.BusConfig{Joints: joints, PositionMode: dynamixel.OpPosition}
	if cfg.Dynamixel != nil && cfg.Dynamixel.PositionMode == "extended-position" {
		bc.PositionMode = dynamixel.OpExtendedPosition
	}
	wd, err := cfg.Dynamixel.BusWatchdog() // validated by Check
	if err != nil {
		c.Close()
		return err
	}
	bc.Watchdog = wd
	bus, err := dynamixel.NewBus(c, bc)
	if err != nil {
		c.Close()
		return err
	}
	c.Timeout = reply
	b.drv = bus
	b.disable = func(*Bus) error {
		// Setup-sized waits: a torque-off must not be lost to a tight
		// bound. A late reply to the loop's last sync read, still on the
		// wire, can be taken for the read-back's (Protocol 2.0 has no
		// sequence numbers): then the torque-off goes out again.
		c.Timeout = setup
		var err error
		for range 3 {
			if err = bus.Disable(); err == nil {
				return nil
			}
		}
		return err
	}
	b.close = c.Close
	return nil
}

// DialCAN opens a CAN transport: SocketCAN on t.Interface, or an SLCAN
// adapter on serial port t.Port opened with open (nil: serialport.Open) at
// t.Bitrate (0: 1 Mbit/s). Options.DialCAN's default.
func DialCAN(t Transport, open serialport.Opener) (canbus.Conn, error) {
	if t.Interface != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return canbus.DialSocketCAN(ctx, t.Interface)
	}
	if t.Port == "" {
		return nil, errors.New("rig: transport: no port and no interface")
	}
	if open == nil {
		open = serialport.Open
	}
	bitrate := t.Bitrate
	if bitrate == 0 {
		bitrate = 1_000_000
	}
	return canbus.OpenSLCAN(open, t.Port, serialport.Config{BaudRate: t.Baud}, bitrate)
}

// dialCAN opens the rig's CAN transport through opts.
func dialCAN(cfg *Config, opts *Options) (canbus.Conn, error) {
	if opts.DialCAN != nil {
		return opts.DialCAN(cfg.Transport)
	}
	return DialCAN(cfg.Transport, opts.OpenSerial)
}

func openCANopen(cfg *Config, b *Bus, opts *Options) error {
	joints := make([]canopen.JointConfig, len(cfg.Joints))
	for i, j := range cfg.Joints {
		mode := canopen.ModeCST
		if strings.ToUpper(j.Mode) == "CSP" {
			mode = canopen.ModeCSP
		}
		joints[i] = canopen.JointConfig{Node: uint8(*j.Node), Mode: mode, CountsPerRad: j.CountsPerRad,
			RatedTorque: j.RatedTorque, GearRatio: j.GearRatio, MaxTorque: j.MaxTorque, TorqueOffset: j.TorqueOffset,
			Identity: j.identity}
	}
	nc := canopen.Config{Joints: joints, ReadTimeout: cfg.ReplyTimeout.D(), Clock: b.clock}
	if o := cfg.CANopen; o != nil {
		nc.MasterNode = uint8(o.MasterNode)
		nc.HeartbeatPeriod, nc.MasterTimeout = o.HeartbeatPeriod.D(), o.MasterTimeout.D()
		nc.DriveHeartbeatPeriod, nc.DriveTimeout = o.DriveHeartbeatPeriod.D(), o.DriveTimeout.D()
		nc.AbortOption = abortOptions[o.OnMasterLoss]
		nc.SDOTimeout, nc.StateTimeout = o.SDOTimeout.D(), o.StateTimeout.D()
	}
	conn, err := dialCAN(cfg, opts)
	if err != nil {
		return err
	}
	net, err := canopen.New(conn, nc)
	if err != nil {
		conn.Close()
		return err
	}
	if err := net.Start(); err != nil {
		// The master's heartbeat stops with the connection: drives that
		// start-up had configured apply on_master_loss.
		conn.Close()
		return err
	}
	b.drv = net
	b.disable = func(b *Bus) error { return disableCANopen(b, net) }
	b.close = conn.Close
	return nil
}

// disableCANopen sends disable voltage (CiA 402 transition 7/9/12: power
// stage off) to every drive over RPDOs and SYNC rounds until every drive
// reports Switch on disabled (or Fault), for at most a second.
func disableCANopen(b *Bus, net *canopen.Network) error {
	net.Disable()
	n := net.Joints()
	off := make([]drivers.JointCommand, n)
	states := make([]drivers.JointState, n)
	deadline := time.Now().Add(time.Second)
	var last error
	for time.Now().Before(deadline) {
		now := b.now()
		if err := net.Write(now, off); err != nil && drivers.KindOf(err) == drivers.KindBusOff {
			return err
		}
		b.lastNow, b.lastWall = now, time.Now()
		last = net.Read(b.now(), states)
		done := true
		for i := range n {
			s, _ := net.DriveState(i)
			done = done && (s == canopen.StateSwitchOnDisabled || s == canopen.StateFault)
		}
		if done {
			return nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	var still []string
	for i := range n {
		if s, _ := net.DriveState(i); s != canopen.StateSwitchOnDisabled && s != canopen.StateFault {
			still = append(still, fmt.Sprintf("joint %d %v", i, s))
		}
	}
	return errors.Join(fmt.Errorf("drives not disabled after 1s: %s", strings.Join(still, ", ")), last)
}

func openCubeMars(cfg *Config, b *Bus, opts *Options) error {
	motors := make([]cubemars.Motor, len(cfg.Joints))
	for i, j := range cfg.Joints {
		m, _ := cubemars.ModelByName(j.Model)
		if opts.CubeMarsModels != nil {
			m = opts.CubeMarsModels[i]
		}
		motors[i] = cubemars.Motor{ID: uint8(*j.ID), Model: m}
	}
	mc := cubemars.Config{Motors: motors, Timeout: cfg.ReplyTimeout.D()}
	if o := cfg.CubeMars; o != nil {
		mc.MasterID, mc.AnyReplyID = uint32(o.MasterID), o.AnyReplyID
	}
	conn, err := dialCAN(cfg, opts)
	if err != nil {
		return err
	}
	bus, err := cubemars.NewBus(conn, mc)
	if err != nil {
		conn.Close()
		return err
	}
	if err := bus.Enable(); err != nil {
		bus.Disable()
		conn.Close()
		return err
	}
	b.drv = bus
	b.disable = func(*Bus) error { return bus.Disable() }
	b.close = conn.Close
	return nil
}
