package robot

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// barrierTimeout bounds every lockstep barrier. It is a safety net against
// a front end that hangs, not part of any protocol: a barrier is normally
// met within microseconds, so the bound only needs to outlast a stall of
// the whole machine (a loaded 2-core CI box under -race stalls for more
// than a second now and then, which a 1 s bound turned into failed runs).
const barrierTimeout = 10 * time.Second

// meteredPort is the host's serial port, counting the bytes it sends and
// the bytes it has read or discarded.
type meteredPort struct {
	serialport.Port
	written atomic.Int64
	read    atomic.Int64
	// pty and dev, when set, make ResetInputBuffer a barrier (below).
	pty *firmwaresim.PTY
	dev *meteredDevice
	// inline, once lockstep begins, is the device served in the host's
	// thread (pty_lockstep.go); timeout is the read timeout last set.
	inline  *inlineDevice
	timeout time.Duration
	// held, in lockstep, is what the host wrote since the device last
	// ran: a cycle's writes go to the pty in one write(2) when the device
	// next runs (inlineDevice.serve), which is before the host can read.
	held []byte
	// flushes counts the write(2)s of held bytes (tests).
	flushes int
}

// newMeteredPort meters the host's port on p, whose device side is dev.
func newMeteredPort(port serialport.Port, p *firmwaresim.PTY, dev *meteredDevice) *meteredPort {
	return &meteredPort{Port: port, pty: p, dev: dev, timeout: -1}
}

// SetReadTimeout records the timeout: a poll (0) in lockstep must find
// every byte the device has sent.
func (p *meteredPort) SetReadTimeout(t time.Duration) error {
	p.timeout = t
	return p.Port.SetReadTimeout(t)
}

// ResetInputBuffer discards the host's pending input, as a driver does
// before each request so a late reply is not taken for the next one's
// (dynamixel.Client). In lockstep what it discards must not depend on how
// far the kernel has carried the device's bytes, and the discarded bytes
// count as consumed for awaitReadable: so it first waits until the device
// has answered everything the host sent and all of it has landed, counts
// what is pending as read, then flushes.
func (p *meteredPort) ResetInputBuffer() error {
	if d := p.inline; d != nil {
		// The device acts on what the host wrote first, then what it
		// has said and the host has not read is dropped from its copy
		// (it still crosses the pty and is verified there): the host's
		// port is not flushed, since the bytes on the pty are the
		// device's batches still to be read back.
		if err := d.ahead(); err != nil {
			return err
		}
		d.discard()
		return nil
	}
	if p.pty != nil && p.dev != nil {
		if err := p.dev.await(p.written.Load(), barrierTimeout); err != nil {
			return err
		}
		if p.dev.wrote.Load() == p.read.Load() {
			return nil // the usual case: every reply read, nothing to discard
		}
		if err := awaitReadable(p.pty, p.dev, p, barrierTimeout); err != nil {
			return err
		}
		n, err := p.pty.HostReadable()
		if err != nil {
			return err
		}
		p.read.Add(int64(n))
	}
	return p.Port.ResetInputBuffer()
}

func (p *meteredPort) Write(b []byte) (int, error) {
	if p.inline != nil {
		p.held = append(p.held, b...)
		return len(b), nil
	}
	n, err := p.Port.Write(b)
	p.written.Add(int64(n))
	return n, err
}

// flushHeld writes the held bytes to the pty (through the host's port, as
// every byte the host sends).
func (p *meteredPort) flushHeld() error {
	for len(p.held) > 0 {
		n, err := p.Port.Write(p.held)
		p.flushes++
		p.written.Add(int64(n))
		p.held = p.held[:copy(p.held, p.held[n:])]
		if err != nil {
			return err
		}
		if n == 0 {
			return io.ErrShortWrite
		}
	}
	return nil
}

// Quiet reports, in lockstep, that the device has acted on everything the
// host wrote and the host has read everything it sent: nothing can arrive
// until the host writes again (canbus.Quieter). The drivers end a wait for
// a lost reply on it instead of sleeping out their timeout.
func (p *meteredPort) Quiet() bool {
	d := p.inline
	return d != nil && len(p.held) == d.aheadN && d.pending() == 0
}

// Read, in lockstep, first lets the device act on what the host wrote,
// then reads what the device has said from the device's copy
// (inlineDevice.hostRead: the bytes cross the pty in batches and are
// verified there); a read times out without a system call when the device
// has said nothing unread (nothing can come: the device is served only
// here).
func (p *meteredPort) Read(b []byte) (int, error) {
	if d := p.inline; d != nil {
		if err := d.serve(); err != nil {
			return 0, err
		}
		if d.pending() == 0 {
			if p.timeout < 0 {
				return 0, errors.New("robot: lockstep pty: a read without a timeout would wait forever: the devices have nothing unread to say")
			}
			return 0, nil // the read times out now (Quiet)
		}
		return d.hostRead(b), nil
	}
	n, err := p.Port.Read(b)
	p.read.Add(int64(n))
	return n, err
}

// meteredDevice is the device side of a byte stream. It counts the bytes
// the front end has consumed and knows when the front end is back in Read,
// i.e. has acted on everything it read before: that is the lockstep
// barrier. A command that gets no reply (a Dynamixel sync write, a CAN
// frame) would otherwise race the next simulator step.
type meteredDevice struct {
	rw       io.ReadWriter
	mu       sync.Mutex
	cond     *sync.Cond
	consumed int64
	wrote    atomic.Int64 // bytes sent to the host
	idle     bool         // blocked in Read
	exited   bool
	err      error
}

func newMeteredDevice(rw io.ReadWriter) *meteredDevice {
	d := &meteredDevice{rw: rw}
	d.cond = sync.NewCond(&d.mu)
	return d
}

func (d *meteredDevice) Read(b []byte) (int, error) {
	d.mu.Lock()
	d.idle = true
	d.cond.Broadcast()
	d.mu.Unlock()
	n, err := d.rw.Read(b)
	d.mu.Lock()
	d.idle = false
	d.consumed += int64(n)
	d.mu.Unlock()
	return n, err
}

func (d *meteredDevice) Write(b []byte) (int, error) {
	n, err := d.rw.Write(b)
	d.wrote.Add(int64(n))
	return n, err
}

// SetReadDeadline lets the front end interrupt a blocked Read on cancel.
func (d *meteredDevice) SetReadDeadline(t time.Time) error {
	if s, ok := d.rw.(interface{ SetReadDeadline(time.Time) error }); ok {
		return s.SetReadDeadline(t)
	}
	return nil
}

// SetReadTimeout and ResetInputBuffer make the device a serialport.Port
// when the stream is one (SLCAN adapters need it).
func (d *meteredDevice) SetReadTimeout(t time.Duration) error {
	if s, ok := d.rw.(interface{ SetReadTimeout(time.Duration) error }); ok {
		return s.SetReadTimeout(t)
	}
	return nil
}

func (d *meteredDevice) ResetInputBuffer() error { return nil }

func (d *meteredDevice) Close() error {
	if c, ok := d.rw.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// exit marks the front end as gone, releasing any waiter.
func (d *meteredDevice) exit(err error) {
	d.mu.Lock()
	d.exited, d.err = true, err
	d.cond.Broadcast()
	d.mu.Unlock()
}

// await returns once the device has consumed at least n bytes and is back
// in Read. The timeout only guards against a front end that hangs: it is a
// wall-clock safety net, not part of the protocol.
func (d *meteredDevice) await(n int64, timeout time.Duration) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return waitCond(d.cond, timeout, func() (bool, error) {
		if d.idle && d.consumed >= n {
			return true, nil
		}
		if d.exited {
			return false, fmt.Errorf("robot: device front end exited: %v", d.err)
		}
		return false, nil
	}, func() error {
		return fmt.Errorf("robot: device front end consumed %d of %d bytes in %v", d.consumed, n, timeout)
	})
}

// waitCond waits on cond, whose lock the caller holds, until met reports
// true or an error; past timeout it returns late(). A timer broadcasts at
// the deadline so a waiter nothing else wakes still gives up.
func waitCond(cond *sync.Cond, timeout time.Duration, met func() (bool, error), late func() error) error {
	t := time.AfterFunc(timeout, func() {
		cond.L.Lock()
		cond.Broadcast()
		cond.L.Unlock()
	})
	defer t.Stop()
	deadline := time.Now().Add(timeout)
	for {
		if ok, err := met(); ok || err != nil {
			return err
		}
		if time.Now().After(deadline) {
			return late()
		}
		cond.Wait()
	}
}

// awaitReadable returns once the host can read every byte the device has
// sent it and not yet read. Bytes written to a pty master reach the slave
// through the kernel's flip buffer, a deferred work item: a host that polls
// without waiting (a CAN driver draining queued heartbeats, a serial driver
// flushing stale input) would otherwise see them in one cycle or the next
// depending on the machine's scheduling, and lockstep runs would stop being
// bit-identical. Call it when neither side is writing or reading.
func awaitReadable(p *firmwaresim.PTY, dev *meteredDevice, host *meteredPort, timeout time.Duration) error {
	want := dev.wrote.Load() - host.read.Load()
	if want <= 0 {
		return nil // the host has read everything: nothing in flight
	}
	deadline := time.Now().Add(timeout)
	for spins := 0; ; spins++ {
		n, err := p.HostReadable()
		if err != nil {
			return err
		}
		if int64(n) >= want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("robot: %d of %d bytes sent to the host readable after %v", n, want, timeout)
		}
		// The flip-buffer work runs within microseconds: yield first,
		// then back off so a loaded machine is not spun on.
		if spins < 100 {
			runtime.Gosched()
		} else {
			time.Sleep(20 * time.Microsecond)
		}
	}
}
