package robot

import (
	"bytes"
	"errors"
	"fmt"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// inlineDevice serves a simulated device on the pty master in the host's
// own thread, for lockstep runs (the real-time path keeps the device's own
// goroutine: there the device must answer while the host waits on the wall
// clock). The host's driver is untouched — it writes and reads its port
// byte for byte — but nothing runs between its calls: when the host next
// reads (or the Robot's barrier asks), the device acts on every byte the
// host wrote since, from the host's copy, and the host reads what the
// device said from the device's copy. Every byte still crosses the pty, in
// 4 KiB batches, one write(2) each, and is read back on the far side and
// checked against what was sent (check, verify): a run ends with an error
// if the pty delivered anything else. A lockstep cycle then costs no
// kernel crossing, goroutine hand-off, poll or timer, and nothing the host
// observes depends on how far the kernel has carried the bytes.
//
// The order of events is the goroutine path's as its barriers make it: the
// device acts on a cycle's commands before the simulator steps, and what it
// sends (replies, heartbeats of its tick) is read by the host in the order
// sent. A host read finds every reply to what it wrote already there, as it
// would from a device infinitely faster than the host.
type inlineDevice struct {
	pty  *firmwaresim.PTY
	dev  *meteredDevice // wrote counts the bytes sent to the host
	host *meteredPort
	raw  syscall.RawConn // the master's descriptor, left non-blocking
	// handle acts on the host's bytes in; it appends what the device sends
	// to out.
	handle func(in []byte) error

	consumed int64 // host bytes read from the master
	// early are the host bytes the device has acted on (ahead) and not yet
	// read back from the master (check); aheadN of them are still held.
	early  []byte
	aheadN int
	noWait bool   // readMaster does not wait for the first byte
	in     []byte // host bytes of this serve
	// out is what the device has said since the last commit (the
	// devices append to it as they act and tick).
	out []byte
	// reply holds the device's bytes the host has not read, from rpos:
	// the host reads them from the device's copy, as the device acts on
	// the host's; wire holds those not yet read back from the slave, the
	// first wireOut of them written to the master.
	reply   []byte
	rpos    int
	wire    []byte
	wireOut int
	back    []byte // the slave's bytes read back (verify)

	// Arguments and results of the descriptor callbacks, which are bound
	// once (readFn, writeFn) so a cycle allocates nothing.
	got, n int
	werr   error
	// writes and reads count the device's write(2)s and read(2)s on the
	// master (tests).
	writes, reads int
	readFn        func(fd uintptr)
	writeFn       func(fd uintptr)
}

func newInlineDevice(p *firmwaresim.PTY, dev *meteredDevice, host *meteredPort, handle func([]byte) error) (*inlineDevice, error) {
	raw, err := p.Master.SyscallConn()
	if err != nil {
		return nil, fmt.Errorf("robot: lockstep pty: %w", err)
	}
	d := &inlineDevice{pty: p, dev: dev, host: host, raw: raw, handle: handle}
	dev.mu.Lock()
	d.consumed = dev.consumed
	dev.mu.Unlock()
	d.readFn = d.readMaster
	d.writeFn = d.writeMaster
	// What the device's goroutine sent and the host has not read (the
	// caller has waited until it is readable) moves into the device's
	// copy: from here on the host reads from there.
	if n := int(dev.wrote.Load() - host.read.Load()); n > 0 {
		d.reply = make([]byte, n)
		if err := d.readSlave(d.reply); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// serve hands the device every byte the host has written since the last
// serve and gives the host everything the device has said since. Both
// directions cross the pty in batches, checked byte for byte: the device
// acts on the host's bytes from the host's copy (ahead) and reads them back
// from the master as they land (check); the host reads the device's bytes
// from the device's copy (Read) and they go to the master in one write(2)
// a batch, read back from the slave through the host's own port (verify).
// Virtual time stands still until the host reads, so nothing the host can
// observe depends on how far the kernel has carried the bytes, and a cycle
// pays no kernel crossing at all.
func (d *inlineDevice) serve() error {
	if err := d.ahead(); err != nil {
		return err
	}
	d.commit()
	// The host's bytes go to the pty in batches: the device has acted
	// on them (ahead), and the pty carries every one of them, in order,
	// checked byte for byte (check) — a cycle need not pay for its own
	// write(2).
	if len(d.host.held) >= checkBatch {
		if err := d.host.flushHeld(); err != nil {
			return fmt.Errorf("robot: lockstep pty: host write: %w", err)
		}
		d.aheadN = 0
	}
	// Read the host's bytes back in batches (a read(2) of the master costs
	// as much as a cycle's exchange), bounding what is in flight
	// unchecked; by then every byte but the last few writes' has landed
	// and check reads them without waiting.
	if len(d.early) >= checkBatch {
		if err := d.check(len(d.early) > maxUnchecked); err != nil {
			return err
		}
	}
	// The device's bytes likewise: the last batch, long landed, is read
	// back before the next goes out, so at most two are in the pty.
	if len(d.wire)-d.wireOut >= checkBatch {
		if err := d.verify(); err != nil {
			return err
		}
		return d.flush()
	}
	return nil
}

// commit makes what the device has said since the last commit the host's
// to read and the pty's to carry.
func (d *inlineDevice) commit() {
	if len(d.out) == 0 {
		return
	}
	if d.rpos > 0 && d.rpos >= len(d.reply)/2 {
		d.reply = d.reply[:copy(d.reply, d.reply[d.rpos:])]
		d.rpos = 0
	}
	d.reply = append(d.reply, d.out...)
	d.wire = append(d.wire, d.out...)
	d.dev.wrote.Add(int64(len(d.out)))
	d.out = d.out[:0]
}

// hostRead is the host's read in lockstep: the device's bytes it has not
// read, from the device's copy, as many as b holds (a read of a tty returns
// what is there).
func (d *inlineDevice) hostRead(b []byte) int {
	n := copy(b, d.reply[d.rpos:])
	d.rpos += n
	if d.rpos == len(d.reply) {
		d.reply, d.rpos = d.reply[:0], 0
	}
	d.host.read.Add(int64(n))
	return n
}

// discard drops the device's bytes the host has not read (the host's
// ResetInputBuffer): they count as read, and still cross the pty and are
// verified.
func (d *inlineDevice) discard() {
	d.commit()
	d.host.read.Add(int64(len(d.reply) - d.rpos))
	d.reply, d.rpos = d.reply[:0], 0
}

// finish writes what the host still holds to the pty and reads every byte
// of it back, and sends the device's last batch and reads it back from the
// slave (lockstep's end: every byte either side acted on has crossed the
// pty as it was sent).
func (d *inlineDevice) finish() error {
	if err := d.host.flushHeld(); err != nil {
		return fmt.Errorf("robot: lockstep pty: host write: %w", err)
	}
	d.aheadN = 0
	if err := d.check(true); err != nil {
		return err
	}
	d.commit()
	if err := d.verify(); err != nil {
		return err
	}
	if err := d.flush(); err != nil {
		return err
	}
	return d.verify()
}

// checkBatch is how many host bytes are held before they go to the pty
// in one write(2), and how many the device acts on before it reads them
// back from the master; maxUnchecked bounds those not yet read back
// (the pty's buffer holds 64 KiB: the host's writes never wait on it).
const (
	checkBatch   = 4 << 10
	maxUnchecked = 32 << 10
)

// ahead lets the device act on the bytes the host has written since it last
// ran, from the host's copy, without waiting for the kernel to carry them:
// at the end of a cycle (the barrier: a Dynamixel sync write, CANopen's
// RPDOs and SYNC must act before the simulator steps) and before every host
// read. The bytes stay held and go to the pty with the host's next write(2)
// — a cycle's closing commands with the next cycle's first request — and
// check reads them back from the master. The device's answers wait in out
// until the host next reads, as they would in the pty: nothing the host can
// observe changes.
func (d *inlineDevice) ahead() error {
	held := d.host.held
	if len(held) == d.aheadN {
		return nil
	}
	fresh := held[d.aheadN:]
	d.aheadN = len(held)
	d.early = append(d.early, fresh...)
	return d.handle(fresh)
}

// check reads back from the master the host's bytes the device acted on
// ahead, as far as they have landed (all of them when all), and checks that
// the pty delivered exactly what the host wrote.
func (d *inlineDevice) check(all bool) error {
	want := int(d.host.written.Load() - d.consumed)
	if want <= 0 {
		return nil
	}
	if all {
		if err := d.take(want); err != nil {
			return err
		}
	} else {
		if cap(d.in) < want {
			d.in = make([]byte, want, 2*want)
		}
		d.in, d.got = d.in[:want], 0
		d.noWait = true
		err := d.raw.Control(d.readFn)
		d.noWait = false
		if err != nil {
			return fmt.Errorf("robot: lockstep pty: %w", err)
		}
		if d.werr != nil && !errors.Is(d.werr, unix.EAGAIN) && !errors.Is(d.werr, unix.EINTR) {
			return fmt.Errorf("robot: lockstep pty: read master: %w", d.werr)
		}
		d.in = d.in[:d.got]
	}
	got := d.in
	if len(got) > len(d.early) || !bytes.Equal(got, d.early[:len(got)]) {
		return fmt.Errorf("robot: lockstep pty: the master delivered %q where the host wrote %q", got, d.early[:min(len(got), len(d.early))])
	}
	d.consumed += int64(len(got))
	d.early = d.early[:copy(d.early, d.early[len(got):])]
	return nil
}

// take reads exactly n host bytes from the master into d.in: the host has
// written them, so they are in the kernel's pty buffers, in flight through
// its flip buffer for a few microseconds at most.
func (d *inlineDevice) take(n int) error {
	if cap(d.in) < n {
		d.in = make([]byte, n, max(n, 2*cap(d.in)))
	}
	d.in = d.in[:n]
	deadline := time.Time{}
	for d.got = 0; d.got < n; {
		if err := d.raw.Control(d.readFn); err != nil {
			return fmt.Errorf("robot: lockstep pty: %w", err)
		}
		switch {
		case d.werr == nil:
		case errors.Is(d.werr, unix.EAGAIN), errors.Is(d.werr, unix.EINTR):
			// Not landed yet: the flip buffer's work item is still to
			// run. The barrier's safety net bounds the wait on a
			// machine that stalls.
			if deadline.IsZero() {
				deadline = time.Now().Add(barrierTimeout)
			} else if time.Now().After(deadline) {
				return fmt.Errorf("robot: lockstep pty: device read %d of %d bytes the host wrote in %v", d.got, n, barrierTimeout)
			}
		default:
			return fmt.Errorf("robot: lockstep pty: read master: %w", d.werr)
		}
	}
	return nil
}

// readMaster reads what is there of d.in[d.got:], waiting in poll(2) for
// the first byte up to a millisecond (take loops): the kernel wakes this
// thread itself when the bytes land, with no scheduler in between.
func (d *inlineDevice) readMaster(fd uintptr) {
	d.reads++
	n, err := unix.Read(int(fd), d.in[d.got:])
	if errors.Is(err, unix.EAGAIN) && !d.noWait {
		fds := [1]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		if _, err = unix.Poll(fds[:], 1); err != nil {
			d.werr = err
			return
		}
		n, err = unix.Read(int(fd), d.in[d.got:])
	}
	if n > 0 {
		d.got += n
	}
	if err == nil && n == 0 {
		err = errors.New("end of stream")
	}
	d.werr = err
}

// flush writes the device's bytes not yet sent to the master in one
// write(2) (more only if the kernel takes part of it).
func (d *inlineDevice) flush() error {
	for d.n = d.wireOut; d.n < len(d.wire); {
		if err := d.raw.Control(d.writeFn); err != nil {
			return fmt.Errorf("robot: lockstep pty: %w", err)
		}
		if d.werr != nil && !errors.Is(d.werr, unix.EAGAIN) && !errors.Is(d.werr, unix.EINTR) {
			return fmt.Errorf("robot: lockstep pty: write master: %w", d.werr)
		}
	}
	d.wireOut = len(d.wire)
	return nil
}

func (d *inlineDevice) writeMaster(fd uintptr) {
	d.writes++
	n, err := unix.Write(int(fd), d.wire[d.n:])
	if errors.Is(err, unix.EAGAIN) {
		// The pty's buffers are full (they hold far more than the two
		// batches in flight): wait for room.
		fds := [1]unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}
		if _, err = unix.Poll(fds[:], 1); err == nil {
			n, err = unix.Write(int(fd), d.wire[d.n:])
		}
	}
	if n > 0 {
		d.n += n
	}
	d.werr = err
}

// verify reads back from the slave, through the host's own port, the
// device's bytes written to the master, and checks that the pty delivered
// exactly what the device sent.
func (d *inlineDevice) verify() error {
	n := d.wireOut
	if n == 0 {
		return nil
	}
	if cap(d.back) < n {
		d.back = make([]byte, n, 2*n)
	}
	d.back = d.back[:n]
	if err := d.readSlave(d.back); err != nil {
		return err
	}
	if !bytes.Equal(d.back, d.wire[:n]) {
		return fmt.Errorf("robot: lockstep pty: the slave delivered %q where the device wrote %q", d.back, d.wire[:n])
	}
	d.wire = d.wire[:copy(d.wire, d.wire[n:])]
	d.wireOut = 0
	return nil
}

// readSlave reads len(b) bytes the device has written to the master from
// the slave through the host's port, waiting for each part to land (the
// line discipline holds 4 KiB at a time).
func (d *inlineDevice) readSlave(b []byte) error {
	for got := 0; got < len(b); {
		if err := d.pty.WaitHostReadable(1, barrierTimeout); err != nil {
			return fmt.Errorf("robot: lockstep pty: %d of %d device bytes readable: %w", got, len(b), err)
		}
		n, err := d.host.Port.Read(b[got:])
		if err != nil {
			return fmt.Errorf("robot: lockstep pty: read slave: %w", err)
		}
		got += n
	}
	return nil
}

// Write queues device bytes for the host (the device's side of the stream
// while it runs inline).
func (d *inlineDevice) Write(b []byte) (int, error) {
	d.out = append(d.out, b...)
	return len(b), nil
}

// pending returns how many bytes the device has said that the host has not
// read.
func (d *inlineDevice) pending() int { return len(d.out) + len(d.reply) - d.rpos }
