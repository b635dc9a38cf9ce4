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
	if err := cfg.Check(chain); err != nil {
		return nil, err
	}
	b := mapJoints(nil, cfg, chain)
	var err error
	switch cfg.Protocol {
	case Dynamixel:
		err = openDynamixel(cfg, b)
	case CANopen:
		err = openCANopen(cfg, b)
	case CubeMars:
		err = openCubeMars(cfg, b)
	default:
		err = fmt.Errorf("protocol %q", cfg.Protocol)
	}
	if err != nil {
		return nil, fmt.Errorf("rig %s: %s on %s: %w", cfg.file, cfg.Protocol, cfg.where(), err)
	}
	return b, nil
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

func openDynamixel(cfg *Config, b *Bus) error {
	c, err := dynamixel.Dial(serialport.Open, cfg.Transport.Port, serialport.Config{BaudRate: cfg.Transport.Baud})
	if err != nil {
		return err
	}
	reply := orDefault(cfg.ReplyTimeout.D(), dynamixel.DefaultTimeout)
	// Setup (pings, table reads) waits generously; the cycle waits reply.
	c.Timeout = max(reply, 100*time.Millisecond)
	joints := make([]dynamixel.Joint, len(cfg.Joints))
	for i, j := range cfg.Joints {
		m, _ := dynamixelModel(j.Model)
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
		c.Timeout = max(reply, 100*time.Millisecond)
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

// dialCAN opens the rig's CAN transport.
func dialCAN(cfg *Config) (canbus.Conn, error) {
	t := &cfg.Transport
	if t.Interface != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return canbus.DialSocketCAN(ctx, t.Interface)
	}
	return canbus.OpenSLCAN(serialport.Open, t.Port, serialport.Config{BaudRate: t.Baud}, t.Bitrate)
}

func openCANopen(cfg *Config, b *Bus) error {
	joints := make([]canopen.JointConfig, len(cfg.Joints))
	for i, j := range cfg.Joints {
		mode := canopen.ModeCST
		if strings.ToUpper(j.Mode) == "CSP" {
			mode = canopen.ModeCSP
		}
		joints[i] = canopen.JointConfig{Node: uint8(*j.Node), Mode: mode, CountsPerRad: j.CountsPerRad,
			RatedTorque: j.RatedTorque, GearRatio: j.GearRatio, MaxTorque: j.MaxTorque, TorqueOffset: j.TorqueOffset}
	}
	nc := canopen.Config{Joints: joints, ReadTimeout: cfg.ReplyTimeout.D(),
		Clock: func() time.Duration { return time.Since(b.epoch) }}
	if o := cfg.CANopen; o != nil {
		nc.MasterNode = uint8(o.MasterNode)
		nc.HeartbeatPeriod, nc.MasterTimeout = o.HeartbeatPeriod.D(), o.MasterTimeout.D()
		nc.DriveHeartbeatPeriod, nc.DriveTimeout = o.DriveHeartbeatPeriod.D(), o.DriveTimeout.D()
		nc.AbortOption = abortOptions[o.OnMasterLoss]
		nc.SDOTimeout, nc.StateTimeout = o.SDOTimeout.D(), o.StateTimeout.D()
	}
	conn, err := dialCAN(cfg)
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

func openCubeMars(cfg *Config, b *Bus) error {
	motors := make([]cubemars.Motor, len(cfg.Joints))
	for i, j := range cfg.Joints {
		m, _ := cubemars.ModelByName(j.Model)
		motors[i] = cubemars.Motor{ID: uint8(*j.ID), Model: m}
	}
	mc := cubemars.Config{Motors: motors, Timeout: cfg.ReplyTimeout.D()}
	if o := cfg.CubeMars; o != nil {
		mc.MasterID, mc.AnyReplyID = uint32(o.MasterID), o.AnyReplyID
	}
	conn, err := dialCAN(cfg)
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
