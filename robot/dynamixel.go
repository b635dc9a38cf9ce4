package robot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/kinematics"
)

func init() { frontEnds[ProtocolDynamixel] = newDynamixel }

// dxlFront serves a Dynamixel chain on a pty and drives it with the real
// dynamixel.Bus over go.bug.st/serial.
type dxlFront struct {
	pty    *firmwaresim.PTY
	dev    *meteredDevice
	host   *meteredPort
	b      drivers.Bus
	cancel context.CancelFunc
	done   chan error
}

func newDynamixel(r *Robot) (frontEnd, error) {
	drives, err := sizeSim(r.chain, ProtocolDynamixel, motorChoice(&r.cfg))
	if err != nil {
		return nil, err
	}
	// The host's joints and the simulated servos share the drive set's
	// models: both convert torque and current with the same constant.
	srv, err := dxlsim.New(r.sim, dxlsim.Config{Models: drives.dxl, PrismaticLead: dxlsim.DefaultPrismaticLead})
	if err != nil {
		return nil, err
	}
	p, err := firmwaresim.OpenPTY("")
	if err != nil {
		return nil, err
	}
	f := &dxlFront{pty: p, dev: newMeteredDevice(p), done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	go func() {
		err := srv.Serve(ctx, f.dev)
		f.dev.exit(err)
		f.done <- err
	}()
	open := func(name string, cfg serialport.Config) (serialport.Port, error) {
		port, err := serialport.Open(name, cfg)
		if err != nil {
			return nil, err
		}
		f.host = &meteredPort{Port: port, pty: f.pty, dev: f.dev}
		return f.host, nil
	}
	c, err := dynamixel.Dial(open, p.Path(), serialport.Config{})
	if err != nil {
		f.close()
		return nil, err
	}
	// Setup (pings, table reads) waits generously; the cyclic exchanges use
	// the configured bound.
	c.Timeout = 200 * time.Millisecond
	n := r.sim.Joints()
	joints := make([]dynamixel.Joint, n)
	for i := range joints {
		joints[i] = dynamixel.Joint{ID: byte(i + 1), Model: drives.dxl[i]}
	}
	bus, err := dynamixel.NewBus(c, dynamixel.BusConfig{Joints: joints, PositionMode: dynamixel.OpExtendedPosition})
	if err != nil {
		c.Close()
		f.close()
		return nil, err
	}
	c.Timeout = r.cfg.ReplyTimeout
	f.b = newTransmission(bus, r.chain, dxlsim.DefaultPrismaticLead)
	return f, nil
}

func (f *dxlFront) bus() drivers.Bus { return f.b }
func (f *dxlFront) tick()            {}

func (f *dxlFront) settle() error {
	if err := f.dev.await(f.host.written.Load(), barrierTimeout); err != nil {
		return err
	}
	return awaitReadable(f.pty, f.dev, f.host, barrierTimeout)
}

func (f *dxlFront) close() error {
	f.cancel()
	var errs []error
	if f.host != nil {
		errs = append(errs, f.host.Close())
	}
	errs = append(errs, f.pty.Close())
	if err := <-f.done; err != nil && !errors.Is(err, context.Canceled) {
		errs = append(errs, fmt.Errorf("dxlsim: %w", err))
	}
	return errors.Join(errs...)
}

// transmission converts between the joint's units and the servo shaft's
// for prismatic joints driven through a pulley of lead metres per radian,
// as a real robot's host configuration does: x = lead·θ, F = τ/lead, and
// impedance gains scale by lead². Revolute joints pass through.
type transmission struct {
	drivers.Bus
	lead []float64 // 1 for revolute joints
	cmds []drivers.JointCommand
	any  bool
}

func newTransmission(b drivers.Bus, c *kinematics.Chain, lead float64) drivers.Bus {
	t := &transmission{Bus: b, lead: make([]float64, c.DoF()), cmds: make([]drivers.JointCommand, c.DoF())}
	for i, j := range c.Joints {
		t.lead[i] = 1
		if j.Type == kinematics.Prismatic {
			t.lead[i], t.any = lead, true
		}
	}
	if !t.any {
		return b
	}
	return t
}

func (t *transmission) Read(now time.Duration, states []drivers.JointState) error {
	err := t.Bus.Read(now, states)
	for i, l := range t.lead {
		if l != 1 {
			s := &states[i]
			s.Position *= l
			s.Velocity *= l
			s.Effort /= l
		}
	}
	return err
}

func (t *transmission) Write(now time.Duration, cmds []drivers.JointCommand) error {
	copy(t.cmds, cmds)
	for i, l := range t.lead {
		if l != 1 {
			c := &t.cmds[i]
			c.Position /= l
			c.Velocity /= l
			c.Effort *= l
			c.Kp *= l * l
			c.Kd *= l * l
		}
	}
	return t.Bus.Write(now, t.cmds)
}
