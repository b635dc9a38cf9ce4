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
	// served is set once Serve has returned, with its result in serveErr.
	served   bool
	serveErr error
	// inl serves the servos in the host's thread once lockstep begins.
	inl *inlineDevice
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
		f.host = newMeteredPort(port, f.pty, f.dev)
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

// settle is the lockstep barrier: the servos have acted on every byte the
// host wrote. The first call takes the servos over into the host's thread
// (inlineDevice): start-up and the real-time path keep Serve's goroutine.
func (f *dxlFront) settle() error {
	if f.inl == nil {
		return f.enterLockstep()
	}
	return f.inl.ahead()
}

// enterLockstep waits until Serve has answered everything and the host can
// read all of it, stops Serve between two reads, and serves the servos
// inline from then on.
func (f *dxlFront) enterLockstep() error {
	if err := f.dev.await(f.host.written.Load(), barrierTimeout); err != nil {
		return err
	}
	if err := awaitReadable(f.pty, f.dev, f.host, barrierTimeout); err != nil {
		return err
	}
	f.cancel() // Serve interrupts its read through the pty's deadline
	f.serveErr, f.served = <-f.done, true
	if f.serveErr != nil && !errors.Is(f.serveErr, context.Canceled) {
		return fmt.Errorf("dxlsim: %w", f.serveErr)
	}
	if err := f.pty.SetReadDeadline(time.Time{}); err != nil {
		return fmt.Errorf("robot: lockstep pty: %w", err)
	}
	inl, err := newInlineDevice(f.pty, f.dev, f.host, f.serveBatch)
	if err != nil {
		return err
	}
	f.inl, f.host.inline = inl, inl
	return nil
}

// serveBatch runs the servos on one batch of host bytes (dxlsim's Feed:
// its decoder persists between batches, a call allocates nothing).
func (f *dxlFront) serveBatch(in []byte) error {
	return f.srv.Feed(in, f.inl)
}

// close closes the host's port and the pty; the servos are not switched
// off through the rig.Bus (see canFront.close).
func (f *dxlFront) close() error {
	f.cancel()
	var errs []error
	if f.inl != nil {
		errs = append(errs, f.inl.finish())
	}
	if f.host != nil {
		errs = append(errs, f.host.Close())
	}
	errs = append(errs, f.pty.Close())
	if !f.served {
		f.serveErr, f.served = <-f.done, true
	}
	if err := f.serveErr; err != nil && !errors.Is(err, context.Canceled) {
		errs = append(errs, fmt.Errorf("dxlsim: %w", err))
	}
	return errors.Join(errs...)
}
