package serialport

import (
	"errors"
	"io"
	"sync"
	"time"
)

// ErrClosed is returned by operations on a closed pipe end.
var ErrClosed = errors.New("serialport: pipe closed")

// Pipe returns two connected in-memory ports: bytes written to one are read
// from the other. Writes never block (the buffer grows); reads honour
// SetReadTimeout exactly as a serial port does.
func Pipe() (a, b Port) {
	ab := newBuffer()
	ba := newBuffer()
	return newEnd(ba, ab), newEnd(ab, ba)
}

func newEnd(rx, tx *buffer) *pipeEnd {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &pipeEnd{rx: rx, tx: tx, timeout: -1, timer: t}
}

type buffer struct {
	mu     sync.Mutex
	data   []byte // unread bytes are data[off:]
	off    int
	closed bool
	ready  chan struct{} // signalled (capacity 1) when data arrives or on close
}

func newBuffer() *buffer { return &buffer{ready: make(chan struct{}, 1)} }

func (b *buffer) signal() {
	select {
	case b.ready <- struct{}{}:
	default:
	}
}

type pipeEnd struct {
	rx, tx  *buffer
	mu      sync.Mutex
	timeout time.Duration
	timer   *time.Timer // reused by every timed Read, so Reads allocate nothing
}

func (p *pipeEnd) Read(dst []byte) (int, error) {
	p.mu.Lock()
	timeout := p.timeout
	p.mu.Unlock()
	armed := false
	for {
		p.rx.mu.Lock()
		if p.rx.off < len(p.rx.data) {
			n := copy(dst, p.rx.data[p.rx.off:])
			p.rx.off += n
			more := p.rx.off < len(p.rx.data)
			if !more {
				// Everything read: rewind so the buffer is reused, not regrown.
				p.rx.data, p.rx.off = p.rx.data[:0], 0
			}
			p.rx.mu.Unlock()
			if more {
				p.rx.signal()
			}
			if armed {
				p.timer.Stop()
			}
			return n, nil
		}
		if p.rx.closed {
			p.rx.mu.Unlock()
			if armed {
				p.timer.Stop()
			}
			return 0, io.EOF
		}
		p.rx.mu.Unlock()
		if timeout == 0 {
			return 0, nil
		}
		var deadline <-chan time.Time
		if timeout > 0 {
			if !armed {
				p.timer.Reset(timeout)
				armed = true
			}
			deadline = p.timer.C
		}
		select {
		case <-p.rx.ready:
		case <-deadline:
			return 0, nil
		}
	}
}

func (p *pipeEnd) Write(src []byte) (int, error) {
	p.tx.mu.Lock()
	if p.tx.closed {
		p.tx.mu.Unlock()
		return 0, ErrClosed
	}
	p.tx.data = append(p.tx.data, src...)
	p.tx.mu.Unlock()
	p.tx.signal()
	return len(src), nil
}

// Close closes both directions: the peer's reads return io.EOF once drained.
func (p *pipeEnd) Close() error {
	for _, b := range []*buffer{p.rx, p.tx} {
		b.mu.Lock()
		b.closed = true
		b.mu.Unlock()
		b.signal()
	}
	return nil
}

func (p *pipeEnd) SetReadTimeout(t time.Duration) error {
	p.mu.Lock()
	p.timeout = t
	p.mu.Unlock()
	return nil
}

func (p *pipeEnd) ResetInputBuffer() error {
	p.rx.mu.Lock()
	p.rx.data, p.rx.off = p.rx.data[:0], 0
	p.rx.mu.Unlock()
	return nil
}
