package robot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/rig"
)

func init() { frontEnds[ProtocolDynamixel] = newDynamixel }

// dxlFront serves a Dynamixel chain on a pty and drives it with the host
// side a rig file for those servos opens on hardware (rig.OpenWith: the
// real dynamixel.Bus over go.bug.st/serial behind a rig.Bus).
type dxlFront struct {
	pty    *firmwaresim.PTY
	dev    *meteredDevice
	host   *meteredPort
	b      *rig.Bus
	srv    *dxlsim.Server
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
	f := &dxlFront{pty: p, dev: newMeteredDevice(p), srv: srv, done: make(chan error, 1)}
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
	// The host side is what a rig file for these servos opens (rig.OpenWith,
	// as on hardware), on the pty through the lockstep meter, with the sized
	// servos' model data, which no catalogue lists.
	cfg := simRig(r, rig.Dynamixel, func(i int, j *rig.Joint) {
		id := i + 1
		j.ID, j.Model = &id, drives.dxl[i].Name
	})
	cfg.Transport.Port = p.Path()
	cfg.Dynamixel = &rig.DynamixelBus{PositionMode: "extended-position"}
	b, err := rig.OpenWith(cfg, r.chain, rig.Options{OpenSerial: open, DynamixelModels: drives.dxl,
		// Setup (pings, table reads) waits generously; the cyclic exchanges
		// use the configured bound.
		SetupTimeout: 200 * time.Millisecond, Name: "simulated " + rig.Dynamixel})
	if err != nil {
		f.close()
		return nil, err
	}
	f.b = b
	return f, nil
}

func (f *dxlFront) bus() drivers.Bus { return f.b }

// tick runs the servos' own clock: a Bus Watchdog (98) whose host has
// been silent too long trips, as the e-Manual's servo does.
func (f *dxlFront) tick() { f.srv.Tick() }

func (f *dxlFront) settle() error {
	if err := f.dev.await(f.host.written.Load(), barrierTimeout); err != nil {
		return err
	}
	return awaitReadable(f.pty, f.dev, f.host, barrierTimeout)
}

// close closes the host's port and the pty; the servos are not switched
// off through the rig.Bus (see canFront.close).
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
