package robot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/canopensim"
	"github.com/chiron-robotics/chiron/firmware-sim/mitsim"
	"github.com/chiron-robotics/chiron/rig"
)

func init() {
	frontEnds[ProtocolCANopen] = func(r *Robot) (frontEnd, error) {
		// CiA 402 drives on an arm carry holding brakes on their brake
		// outputs: the arm holds still while start-up configures the drives
		// (which runs on simulated time) and after a fault switches them off.
		drives, err := sizeSim(r.chain, ProtocolCANopen, motorChoice(&r.cfg))
		if err != nil {
			return nil, err
		}
		// Rated torque 0x6076 is the sized drive's (the effort, or
		// DefaultEffort for a joint without one); the host reads it at
		// start-up, so both scale ‰ alike.
		node, err := canopensim.New(r.sim, canopensim.Config{Brakes: true, RatedTorque: drives.rated})
		if err != nil {
			return nil, err
		}
		// Node IDs 1..n in CST (the host closes the impedance law), the
		// drives' own counts per radian, rated torque read from 0x6076 at
		// start-up as from a real drive. The SDO bound is wall-clock and
		// start-up injects no faults: generous, so a stalled machine cannot
		// fail it.
		cfg := simRig(r, rig.CANopen, func(i int, j *rig.Joint) {
			id := i + 1
			j.Node, j.Mode, j.CountsPerRad = &id, "CST", node.CountsPerRad(i)
			if r.cfg.cia402Mode != "" {
				j.Mode = r.cfg.cia402Mode
			}
		})
		cfg.CANopen = &rig.CANopenBus{SDOTimeout: rig.Duration(3 * time.Second)}
		return newCANFront(r, node, true, cfg, rig.Options{})
	}
	frontEnds[ProtocolCubeMars] = func(r *Robot) (frontEnd, error) {
		drives, err := sizeSim(r.chain, ProtocolCubeMars, motorChoice(&r.cfg))
		if err != nil {
			return nil, err
		}
		// Host and motors pack and unpack the MIT fields with the same
		// model ranges.
		node, err := mitsim.New(r.sim, mitsim.Config{Models: drives.mit})
		if err != nil {
			return nil, err
		}
		// Host and motors pack and unpack the MIT fields with the same
		// model ranges: the sized motors' data, which no catalogue lists.
		cfg := simRig(r, rig.CubeMars, func(i int, j *rig.Joint) {
			id := i + 1
			j.ID, j.Model = &id, drives.mit[i].Name
		})
		// MIT firmware has no master-loss timeout: as a rig file must,
		// the simulated motors' STO input hangs on a hardware watchdog,
		// simulated on the simulator's clock, with its feedback contact.
		relay, err := r.sim.AttachWatchdog(SimWatchdogTimeout)
		if err != nil {
			return nil, err
		}
		trigger, feedback := 7, 8
		cfg.HardwareWatchdog = &rig.HardwareWatchdog{Port: "simulated", Pin: &trigger, FeedbackPin: &feedback,
			Timeout: rig.Duration(SimWatchdogTimeout)}
		return newCANFront(r, node, false, cfg, rig.Options{CubeMarsModels: drives.mit,
			OpenWatchdog: func(*rig.HardwareWatchdog) (rig.WatchdogIO, error) {
				return rig.WatchdogIO{Line: relay, Feedback: relay, Close: func() error { return nil }}, nil
			}})
	}
}

// SimWatchdogTimeout is the simulated CubeMars robot's hardware watchdog
// timeout, the master-loss time of the other simulated protocols (a CiA 402
// drive's consumer heartbeat 0x1016, a Dynamixel Bus Watchdog): the same
// stall stops every simulated robot, and a host as loaded as a shared CI
// machine does not trip it in real time.
const SimWatchdogTimeout = 100 * time.Millisecond

// canFront serves a CAN front end (a firmwaresim.CANNode) as a USB-CAN
// adapter speaking SLCAN on a pty, and opens the host side as a rig with
// that adapter (rig.OpenWith, the code that opens real drives: SLCAN over
// go.bug.st/serial, the protocol's driver and start-up, rig.Bus). It does what
// firmwaresim.SLCANServer does, with two differences that make lockstep
// deterministic: it counts the frames the node has handled (the barrier
// waits until it has handled every frame the host sent), and after
// start-up the node's periodic work (heartbeats, timeouts) runs only when
// the Robot ticks it after a simulator step, not on a wall-clock poll.
type canFront struct {
	node    firmwaresim.CANNode
	pty     *firmwaresim.PTY
	dev     *meteredDevice
	host    *meteredPort
	conn    *countingConn
	adapter *meteredAdapter
	b       *rig.Bus

	nodeConn canbus.Conn
	// slcan is the adapter's state (bit rate, channel open): Serve's
	// goroutine runs it until lockstep begins, the host's thread after.
	slcan canbus.SLCANDevice
	// inl serves adapter and node in the host's thread once lockstep
	// begins (enterLockstep); txq holds the frames of one batch of host
	// bytes, sendFn and queueFn are send and queue bound once.
	inl      *inlineDevice
	txq      []canbus.Frame
	sendFn   func(canbus.Frame)
	queueFn  func(canbus.Frame)
	lockstep atomic.Bool
	emitted  atomic.Int64 // frames the node put on the bus
	startErr error        // the first barrier failure on the start-up clock

	mu      sync.Mutex
	cond    *sync.Cond
	handled int64
	exited  bool

	cancel context.CancelFunc
	wg     sync.WaitGroup
	errs   chan error
}

// countingConn is the host's CAN connection, counting the frames it sends.
type countingConn struct {
	canbus.Conn
	sent atomic.Int64
}

// Quiet passes the host connection's canbus.Quieter through.
func (c *countingConn) Quiet() bool { return canbus.Quiet(c.Conn) }

func (c *countingConn) WriteFrame(f canbus.Frame) error {
	err := c.Conn.WriteFrame(f)
	if err == nil {
		c.sent.Add(1)
	}
	return err
}

// meteredAdapter is the adapter's side of the in-memory bus: it counts the
// frames the adapter has taken for the host and knows when the adapter is
// back waiting for the next, i.e. has written every frame it took to the pty
// (SLCANDevice.Serve handles one frame at a time).
type meteredAdapter struct {
	canbus.Conn
	mu      sync.Mutex
	cond    *sync.Cond
	got     int64
	waiting bool
	exited  bool
}

func newMeteredAdapter(c canbus.Conn) *meteredAdapter {
	a := &meteredAdapter{Conn: c}
	a.cond = sync.NewCond(&a.mu)
	return a
}

func (a *meteredAdapter) ReadFrame(timeout time.Duration) (canbus.Frame, error) {
	a.mu.Lock()
	a.waiting = true
	a.cond.Broadcast()
	a.mu.Unlock()
	f, err := a.Conn.ReadFrame(timeout)
	a.mu.Lock()
	a.waiting = false
	if err == nil {
		a.got++
	} else if !errors.Is(err, canbus.ErrTimeout) {
		a.exited = true
		a.cond.Broadcast()
	}
	a.mu.Unlock()
	return f, err
}

// await returns once the adapter has taken n frames and is waiting again.
func (a *meteredAdapter) await(n int64, timeout time.Duration) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return waitCond(a.cond, timeout, func() (bool, error) {
		if a.waiting && a.got >= n {
			return true, nil
		}
		if a.exited {
			return false, errors.New("robot: CAN adapter exited")
		}
		return false, nil
	}, func() error {
		return fmt.Errorf("robot: CAN adapter forwarded %d of %d frames in %v", a.got, n, timeout)
	})
}

// newCANFront starts the adapter and the node, and opens cfg's host side
// on the adapter's pty with opts (the transport filled in here). With
// simClock the host's start-up drives the node's clock itself (see the
// CANopen front end: every reading of the start-up's clock steps the
// simulator); otherwise the node's periodic work runs on a wall-clock poll
// until the host is up.
func newCANFront(r *Robot, node firmwaresim.CANNode, simClock bool, cfg *rig.Config, opts rig.Options) (frontEnd, error) {
	p, err := firmwaresim.OpenPTY("")
	if err != nil {
		return nil, err
	}
	f := &canFront{node: node, pty: p, dev: newMeteredDevice(p), errs: make(chan error, 2)}
	f.cond = sync.NewCond(&f.mu)
	f.sendFn, f.queueFn = f.send, f.queue
	f.lockstep.Store(simClock)
	bus := canbus.NewBus(4096)
	adapter := newMeteredAdapter(bus.Connect())
	f.adapter = adapter
	f.nodeConn = bus.Connect()
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	f.wg.Add(2)
	go func() {
		defer f.wg.Done()
		err := f.slcan.Serve(ctx, f.dev, adapter)
		if ctx.Err() != nil {
			// close cancels and then closes the pty under the running
			// Serve, which may see the closed file ("use of closed file"
			// from a read deadline) before it sees the cancel: that is how
			// it is stopped, not a failure.
			err = nil
		}
		f.dev.exit(err)
		adapter.Close()
		f.errs <- err
	}()
	go func() {
		defer f.wg.Done()
		f.errs <- f.serveNode(ctx)
	}()
	cfg.Transport = rig.Transport{Port: p.Path(), SLCAN: true, Bitrate: 1_000_000}
	// The host's port is metered for the lockstep barrier, and its frames
	// counted, so the barrier knows when the node has handled each.
	opts.DialCAN = func(t rig.Transport) (canbus.Conn, error) {
		c, err := rig.DialCAN(t, func(name string, pc serialport.Config) (serialport.Port, error) {
			port, err := serialport.Open(name, pc)
			if err != nil {
				return nil, err
			}
			f.host = newMeteredPort(port, p, f.dev)
			return f.host, nil
		})
		if err != nil {
			return nil, err
		}
		f.conn = &countingConn{Conn: c}
		return f.conn, nil
	}
	if simClock {
		// Start-up runs on simulated time: every clock reading steps the
		// simulator by 1 ms and ticks the drives, so a lockstep run is
		// deterministic from its first frame (the network moves its timers
		// onto the loop's clock at the first cycle itself:
		// canopen.Network.enterCycles).
		opts.Clock = func() time.Duration { return f.stepClock(r.sim) }
	}
	opts.Name = "simulated " + cfg.Protocol
	if f.b, err = rig.OpenWith(cfg, r.chain, opts); err != nil {
		if f.startErr != nil {
			err = fmt.Errorf("%w (lockstep barrier: %v)", err, f.startErr)
		}
		f.close()
		return nil, err
	}
	if f.startErr != nil {
		f.close()
		return nil, f.startErr
	}
	// From here on the Robot drives the node's clock.
	f.lockstep.Store(true)
	if err := f.barrier(); err != nil {
		f.close()
		return nil, err
	}
	return f, nil
}

func (f *canFront) send(fr canbus.Frame) {
	if f.inl != nil {
		// Lockstep: the adapter forwards the frame to the host with
		// the rest of what the devices say (inlineDevice.commit).
		f.inl.out = f.slcan.AppendReceived(f.inl.out, fr)
		return
	}
	if f.nodeConn.WriteFrame(fr) == nil {
		f.emitted.Add(1)
	}
}

// stepClock is the start-up clock on simulated time: each reading waits
// for the barrier, steps the simulator by 1 ms, ticks the node and waits for
// the barrier again, so what the host reads next does not depend on how
// fast the pty carried it. A barrier failure is kept for newCANFront.
func (f *canFront) stepClock(sim *firmwaresim.Sim) time.Duration {
	if err := f.barrier(); err != nil && f.startErr == nil {
		f.startErr = err
	}
	sim.Step(time.Millisecond)
	f.node.Tick(f.sendFn)
	if err := f.barrier(); err != nil && f.startErr == nil {
		f.startErr = err
	}
	return sim.Now()
}

// serveNode hands every frame to the node and counts it; during start-up
// it also runs the node's periodic work on every poll, as ServeCAN does.
func (f *canFront) serveNode(ctx context.Context) error {
	defer func() {
		f.mu.Lock()
		f.exited = true
		f.cond.Broadcast()
		f.mu.Unlock()
	}()
	for ctx.Err() == nil {
		fr, err := f.nodeConn.ReadFrame(time.Millisecond)
		switch {
		case err == nil:
			f.node.HandleFrame(fr, f.sendFn)
			if !f.lockstep.Load() {
				f.node.Tick(f.sendFn)
			}
			f.mu.Lock()
			f.handled++
			f.cond.Broadcast()
			f.mu.Unlock()
		case errors.Is(err, canbus.ErrTimeout):
			if !f.lockstep.Load() {
				f.node.Tick(f.sendFn)
			}
		case errors.Is(err, canbus.ErrClosed):
			return nil
		default:
			return fmt.Errorf("robot: CAN node: %w", err)
		}
	}
	return nil
}

func (f *canFront) bus() drivers.Bus { return f.b }

func (f *canFront) tick() { f.node.Tick(f.sendFn) }

// settle is the lockstep barrier: adapter and node have acted on every byte
// the host wrote. The first call takes them over into the host's thread
// (inlineDevice); start-up and the real-time path keep their goroutines.
func (f *canFront) settle() error {
	if f.inl == nil {
		return f.enterLockstep()
	}
	return f.inl.ahead()
}

// enterLockstep waits until adapter and node are idle with everything
// delivered, stops their goroutines between two frames, and serves both in
// the host's thread from then on.
func (f *canFront) enterLockstep() error {
	if err := f.barrier(); err != nil {
		return err
	}
	f.cancel()
	// The adapter's read of the pty and both in-memory bus connections
	// return at once rather than at their next poll.
	if err := f.pty.SetReadDeadline(time.Unix(1, 0)); err != nil {
		return fmt.Errorf("robot: lockstep pty: %w", err)
	}
	f.adapter.Close()
	f.nodeConn.Close()
	f.wg.Wait()
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

// serveBatch is the adapter and the node acting on one batch of host bytes:
// the adapter answers each command (its acknowledgements go to the host
// first, as firmware queues a transmit and acknowledges it), then the node
// handles the frames in order, its replies queued behind.
func (f *canFront) serveBatch(in []byte) error {
	f.txq = f.txq[:0]
	// A malformed command is answered with BEL by the adapter model, as
	// Serve's goroutine does; the host's driver sees the refusal.
	f.inl.out, _ = f.slcan.Input(f.inl.out, in, f.queueFn)
	for i := range f.txq {
		f.node.HandleFrame(f.txq[i], f.sendFn)
	}
	return nil
}

func (f *canFront) queue(fr canbus.Frame) { f.txq = append(f.txq, fr) }

// barrier waits until the adapter has consumed every byte the host wrote, the
// node has handled every frame the host sent, and every frame the node sent
// is readable by the host (see deliver): the goroutines' barrier.
func (f *canFront) barrier() error {
	if err := f.handledAll(); err != nil {
		return err
	}
	return f.deliver()
}

// deliver waits until the adapter has written every frame the node put on
// the bus to the pty and the host can read all of it. Without this, a frame
// the node sends unprompted (a heartbeat, an EMCY, a delayed reply) reaches
// the host's non-blocking drain in one cycle or the next depending on the
// kernel's scheduling, and lockstep runs stop being bit-identical.
func (f *canFront) deliver() error {
	if err := f.adapter.await(f.emitted.Load(), barrierTimeout); err != nil {
		return err
	}
	return awaitReadable(f.pty, f.dev, f.host, barrierTimeout)
}

// handledAll waits until the adapter has consumed every byte the host wrote
// and the node has handled every frame the host sent.
func (f *canFront) handledAll() error {
	if err := f.dev.await(f.host.written.Load(), barrierTimeout); err != nil {
		return err
	}
	want := f.conn.sent.Load()
	f.mu.Lock()
	defer f.mu.Unlock()
	return waitCond(f.cond, barrierTimeout, func() (bool, error) {
		if f.handled >= want {
			return true, nil
		}
		if f.exited {
			return false, errors.New("robot: CAN node exited")
		}
		return false, nil
	}, func() error {
		return fmt.Errorf("robot: CAN node handled %d of %d frames in %v", f.handled, want, barrierTimeout)
	})
}

// close closes the host's connection and the pty. It does not switch the
// drives off through the rig.Bus (Bus.Close): the simulated drives go with
// the simulator, and after a bus-off or dead-drive fault the switch-off
// would only wait out its timeouts.
func (f *canFront) close() error {
	f.cancel()
	var errs []error
	if f.inl != nil {
		errs = append(errs, f.inl.finish())
	}
	if f.conn != nil {
		errs = append(errs, f.conn.Close())
	} else if f.host != nil {
		errs = append(errs, f.host.Close())
	}
	f.nodeConn.Close()
	errs = append(errs, f.pty.Close())
	f.wg.Wait()
	close(f.errs)
	for err := range f.errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
