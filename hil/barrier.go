package hil

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// meteredPort is the host's serial port, counting the bytes it sends.
type meteredPort struct {
	serialport.Port
	written atomic.Int64
}

func (p *meteredPort) Write(b []byte) (int, error) {
	n, err := p.Port.Write(b)
	p.written.Add(int64(n))
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
	idle     bool // blocked in Read
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

func (d *meteredDevice) Write(b []byte) (int, error) { return d.rw.Write(b) }

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
	t := time.AfterFunc(timeout, func() {
		d.mu.Lock()
		d.cond.Broadcast()
		d.mu.Unlock()
	})
	defer t.Stop()
	deadline := time.Now().Add(timeout)
	d.mu.Lock()
	defer d.mu.Unlock()
	for !(d.idle && d.consumed >= n) {
		if d.exited {
			return fmt.Errorf("hil: device front end exited: %v", d.err)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("hil: device front end consumed %d of %d bytes in %v", d.consumed, n, timeout)
		}
		d.cond.Wait()
	}
	return nil
}
