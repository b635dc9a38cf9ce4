package canbus

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// SLCANReplyTimeout bounds the wait for each answer while DialSLCAN sets up
// the adapter. USB adapters answer within a few milliseconds.
const SLCANReplyTimeout = time.Second

// slcanReplyTimeout is SLCANReplyTimeout; tests shorten it.
var slcanReplyTimeout = SLCANReplyTimeout

// slcanConn is a Conn over an SLCAN adapter.
type slcanConn struct {
	port serialport.Port

	rmu   sync.Mutex // serialises readers; guards dec, rbuf, r0, r1
	dec   SLCANDecoder
	rbuf  [512]byte
	r0    int
	r1    int
	rtime time.Duration // read timeout currently set on the port

	wmu  sync.Mutex // serialises writers; guards wbuf
	wbuf [32]byte

	closed atomic.Bool
	// refused counts BEL answers seen by ReadFrame, acks counts z/Z/\r.
	refused atomic.Uint64
	acks    atomic.Uint64
}

// OpenSLCAN opens the serial port at path with open (a USB-CAN adapter:
// CANable, USBtin, or a firmware-sim pty) and sets it up with DialSLCAN at
// bitrate; the port is closed again if the adapter does not answer.
func OpenSLCAN(open serialport.Opener, path string, cfg serialport.Config, bitrate int) (Conn, error) {
	port, err := open(path, cfg)
	if err != nil {
		return nil, err
	}
	conn, err := DialSLCAN(port, bitrate)
	if err != nil {
		port.Close()
		return nil, err
	}
	return conn, nil
}

// DialSLCAN sets up an SLCAN adapter on an open serial port (C to close any
// open channel, Sn for bitrate, O to open) and returns a Conn over it. The
// answer to C may be OK or BEL (adapters differ when already closed); Sn and
// O must be answered OK. Frames the adapter forwards before C takes effect
// are discarded. On failure the port is left open for the caller to close.
func DialSLCAN(port serialport.Port, bitrate int) (Conn, error) {
	code, err := SLCANBitrateCode(bitrate)
	if err != nil {
		return nil, err
	}
	c := &slcanConn{port: port, rtime: -2}
	if err := port.ResetInputBuffer(); err != nil {
		return nil, fmt.Errorf("canbus: slcan dial: reset input: %w", err)
	}
	steps := []struct {
		cmd      []byte
		allowBEL bool
	}{
		{[]byte("C\r"), true},
		{[]byte{'S', code, '\r'}, false},
		{[]byte("O\r"), false},
	}
	for _, s := range steps {
		if _, err := writeAll(port, s.cmd); err != nil {
			return nil, fmt.Errorf("canbus: slcan dial: write %q: %w", s.cmd, err)
		}
		kind, err := c.awaitAnswer(slcanReplyTimeout)
		if err != nil {
			return nil, fmt.Errorf("canbus: slcan dial: answer to %q: %w", s.cmd, err)
		}
		if kind == SLCANRefused && !s.allowBEL {
			return nil, fmt.Errorf("canbus: slcan dial: %q: %w", s.cmd, ErrSLCANRefused)
		}
	}
	return c, nil
}

// awaitAnswer reads until an OK or BEL arrives, skipping frames, acks and
// malformed lines (line noise while the adapter was streaming).
func (c *slcanConn) awaitAnswer(timeout time.Duration) (SLCANEventKind, error) {
	deadline := time.Now().Add(timeout)
	for {
		ev, err := c.next(deadline)
		if err != nil {
			var se *SLCANSyntaxError
			if errors.As(err, &se) {
				continue
			}
			return 0, err
		}
		if ev.Kind == SLCANOK || ev.Kind == SLCANRefused {
			return ev.Kind, nil
		}
	}
}

// next returns the next decoded event, reading the port as needed until
// deadline. Called with rmu held (or before the conn is shared).
func (c *slcanConn) next(deadline time.Time) (SLCANEvent, error) {
	for {
		if c.r0 < c.r1 {
			n, ev, err := c.dec.Decode(c.rbuf[c.r0:c.r1])
			c.r0 += n
			if err != nil || ev.Kind != SLCANNone {
				return ev, err
			}
		}
		c.r0, c.r1 = 0, 0
		if c.closed.Load() {
			return SLCANEvent{}, ErrClosed
		}
		remaining := time.Until(deadline)
		if remaining < 0 {
			remaining = 0
		}
		// A zero timeout polls; round sub-millisecond waits up so a short
		// but non-zero timeout still waits (serial drivers count in ms or
		// deciseconds and would otherwise return at once).
		if remaining > 0 && remaining < time.Millisecond {
			remaining = time.Millisecond
		}
		if remaining != c.rtime {
			if err := c.port.SetReadTimeout(remaining); err != nil {
				return SLCANEvent{}, fmt.Errorf("canbus: slcan: set read timeout: %w", err)
			}
			c.rtime = remaining
		}
		n, err := c.port.Read(c.rbuf[:])
		c.r1 = n
		if err != nil {
			if c.closed.Load() || errors.Is(err, io.EOF) {
				return SLCANEvent{}, ErrClosed
			}
			return SLCANEvent{}, fmt.Errorf("canbus: slcan: read: %w", err)
		}
		if n == 0 && (remaining == 0 || Quiet(c.port)) {
			return SLCANEvent{}, ErrTimeout
		}
		if n == 0 && !time.Now().Before(deadline) {
			return SLCANEvent{}, ErrTimeout
		}
	}
}

// WriteFrame sends f as one t/T/r/R command. It does not wait for the
// adapter's acknowledgement (that would double the cycle's latency); a
// refusal (BEL) surfaces from ReadFrame as ErrSLCANRefused.
func (c *slcanConn) WriteFrame(f Frame) error {
	if c.closed.Load() {
		return ErrClosed
	}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("canbus: slcan: %w", err)
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	line := AppendSLCAN(c.wbuf[:0], f)
	if _, err := writeAll(c.port, line); err != nil {
		if c.closed.Load() {
			return ErrClosed
		}
		return fmt.Errorf("canbus: slcan: write: %w", err)
	}
	return nil
}

// ReadFrame returns the next frame the adapter received. Acknowledgements
// are counted and skipped; a BEL is returned as ErrSLCANRefused (a command,
// most likely a transmit, was not executed); a malformed line is returned as
// a *SLCANSyntaxError. In both cases the next call continues with the
// stream.
func (c *slcanConn) ReadFrame(timeout time.Duration) (Frame, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if timeout < 0 {
		timeout = 0
	}
	deadline := time.Now().Add(timeout)
	for {
		ev, err := c.next(deadline)
		if err != nil {
			return Frame{}, err
		}
		switch ev.Kind {
		case SLCANFrame:
			return ev.Frame, nil
		case SLCANRefused:
			c.refused.Add(1)
			return Frame{}, ErrSLCANRefused
		case SLCANOK, SLCANAck:
			c.acks.Add(1)
		}
	}
}

// Quiet reports whether the port is quiet (Quieter) with nothing decoded
// left to return.
func (c *slcanConn) Quiet() bool { return c.r0 >= c.r1 && Quiet(c.port) }

// Close closes the channel (C) and the port.
func (c *slcanConn) Close() error {
	if c.closed.Swap(true) {
		return nil
	}
	c.wmu.Lock()
	_, werr := c.port.Write([]byte("C\r"))
	c.wmu.Unlock()
	if err := c.port.Close(); err != nil {
		return fmt.Errorf("canbus: slcan: close port: %w", err)
	}
	if werr != nil {
		return fmt.Errorf("canbus: slcan: close channel: %w", werr)
	}
	return nil
}
