package canbus

import (
	"errors"
	"sync"
	"time"

	"go.einride.tech/can"
)

// Frame is the CAN frame type shared by every transport.
type Frame = can.Frame

// ErrTimeout is returned by ReadFrame when no frame arrived in time.
var ErrTimeout = errors.New("canbus: read timeout")

// ErrClosed is returned by operations on a closed connection.
var ErrClosed = errors.New("canbus: connection closed")

// Conn is a connection to a CAN bus.
type Conn interface {
	// WriteFrame sends one frame.
	WriteFrame(f Frame) error
	// ReadFrame returns the next received frame, waiting at most timeout
	// (0: do not wait); ErrTimeout when none arrived.
	ReadFrame(timeout time.Duration) (Frame, error)
	Close() error
}

// Quieter is a connection, or a serial port under one, that can know that
// nothing will arrive however long a read waits: a lockstep simulator's,
// whose devices are frozen while the host waits and have already sent
// everything they will (robot's pty front ends). Real transports do not
// implement it.
type Quieter interface {
	// Quiet reports that no byte or frame can arrive before the next write.
	Quiet() bool
}

// Quiet reports whether c (a Conn, a serial port) is a Quieter that is
// quiet now. A driver waiting out a reply timeout ends its wait when a read
// times out on a quiet connection: the reply is lost, and waiting the rest of
// the timeout in wall time would change nothing but the wall time.
func Quiet(c any) bool {
	q, ok := c.(Quieter)
	return ok && q.Quiet()
}

// Bus is an in-memory CAN segment. The zero value is not usable; use NewBus.
type Bus struct {
	mu    sync.Mutex
	conns []*memConn
	depth int
}

// NewBus returns an empty in-memory bus whose connections each buffer up to
// depth received frames (older frames are kept; a full receiver drops the
// newest, as a CAN controller's full receive FIFO does).
func NewBus(depth int) *Bus {
	if depth <= 0 {
		depth = 1024
	}
	return &Bus{depth: depth}
}

// Connect attaches a new node to the bus.
func (b *Bus) Connect() Conn {
	c := &memConn{bus: b, rx: make(chan Frame, b.depth), done: make(chan struct{})}
	c.timer = time.NewTimer(time.Hour)
	c.timer.Stop()
	b.mu.Lock()
	b.conns = append(b.conns, c)
	b.mu.Unlock()
	return c
}

type memConn struct {
	bus     *Bus
	rx      chan Frame
	done    chan struct{}
	once    sync.Once
	timer   *time.Timer
	dropped uint64
}

func (c *memConn) WriteFrame(f Frame) error {
	select {
	case <-c.done:
		return ErrClosed
	default:
	}
	if err := f.Validate(); err != nil {
		return err
	}
	c.bus.mu.Lock()
	defer c.bus.mu.Unlock()
	for _, o := range c.bus.conns {
		if o == c {
			continue
		}
		select {
		case <-o.done:
			continue
		default:
		}
		select {
		case o.rx <- f:
		default:
			o.dropped++
		}
	}
	return nil
}

func (c *memConn) ReadFrame(timeout time.Duration) (Frame, error) {
	select {
	case f := <-c.rx:
		return f, nil
	case <-c.done:
		return Frame{}, ErrClosed
	default:
	}
	if timeout <= 0 {
		return Frame{}, ErrTimeout
	}
	c.timer.Reset(timeout)
	defer c.timer.Stop()
	select {
	case f := <-c.rx:
		return f, nil
	case <-c.done:
		return Frame{}, ErrClosed
	case <-c.timer.C:
		return Frame{}, ErrTimeout
	}
}

func (c *memConn) Close() error {
	c.once.Do(func() { close(c.done) })
	return nil
}
