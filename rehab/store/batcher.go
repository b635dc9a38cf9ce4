package store

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

// DefaultBatchWindow is how long a sample may wait in memory before it is
// committed. The durability budget is 1 s (a SIGKILL loses at most the
// last second); half of it leaves the other half for the commit itself
// and for scheduling on a loaded machine.
const DefaultBatchWindow = 500 * time.Millisecond

// BatcherOptions configure a Batcher. Zero fields take defaults.
type BatcherOptions struct {
	// Window bounds both the age of the oldest uncommitted sample (by
	// Clock) and the sample time a batch spans; DefaultBatchWindow.
	Window time.Duration
	// Clock measures the age of buffered samples; SystemClock.
	Clock Clock
	// OnCommit, if set, is called from the batcher's goroutine after each
	// commit attempt with the number of samples and the error.
	OnCommit func(n int, err error)
}

// Batcher commits the samples of one session in the background, in
// transactions of at most Window. Add never waits for the database.
type Batcher struct {
	store  *Store
	id     string
	window time.Duration
	clock  Clock
	hook   func(int, error)

	mu      sync.Mutex
	buf     []rehab.Sample
	firstAt time.Time // when buf[0] was added
	err     error     // last commit error, cleared by a successful commit
	closed  bool

	kick    chan struct{}
	flushRq chan chan error
	quit    chan chan error
}

// NewBatcher starts a batcher writing to session id.
func (s *Store) NewBatcher(id string, opts BatcherOptions) *Batcher {
	if opts.Window <= 0 {
		opts.Window = DefaultBatchWindow
	}
	if opts.Clock == nil {
		opts.Clock = SystemClock{}
	}
	b := &Batcher{
		store: s, id: id, window: opts.Window, clock: opts.Clock, hook: opts.OnCommit,
		kick: make(chan struct{}, 1), flushRq: make(chan chan error), quit: make(chan chan error),
	}
	go b.loop()
	return b
}

// ErrClosed is returned by a Batcher used after Close.
var ErrClosed = errors.New("store: batcher closed")

// Add buffers a sample. It returns the last commit error, if the previous
// commit failed (the samples stay buffered and are retried).
func (b *Batcher) Add(s rehab.Sample) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return ErrClosed
	}
	b.buf = append(b.buf, s)
	if len(b.buf) == 1 {
		b.firstAt = b.clock.Now()
		b.signal()
	} else if s.T-b.buf[0].T >= b.window.Seconds() {
		b.signal()
	}
	return b.err
}

func (b *Batcher) signal() {
	select {
	case b.kick <- struct{}{}:
	default:
	}
}

// Flush commits everything added so far and returns the commit error.
func (b *Batcher) Flush(ctx context.Context) error {
	done := make(chan error, 1)
	select {
	case b.flushRq <- done:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close flushes and stops the batcher. Further Adds return ErrClosed.
func (b *Batcher) Close(ctx context.Context) error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return ErrClosed
	}
	b.closed = true
	b.mu.Unlock()
	done := make(chan error, 1)
	b.quit <- done
	return <-done
}

// due reports whether the buffer must be committed now, and otherwise how
// long until it must (0 with an empty buffer).
func (b *Batcher) due() (bool, time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.buf) == 0 {
		return false, 0
	}
	if b.err == nil && b.buf[len(b.buf)-1].T-b.buf[0].T >= b.window.Seconds() {
		return true, 0
	}
	wait := b.firstAt.Add(b.window).Sub(b.clock.Now())
	return wait <= 0, wait
}

func (b *Batcher) loop() {
	var timer <-chan time.Time
	for {
		if now, wait := b.due(); now {
			b.commit()
			timer = nil
			continue
		} else if wait > 0 && timer == nil {
			timer = b.clock.After(wait)
		}
		select {
		case <-b.kick:
		case <-timer:
			timer = nil
		case done := <-b.flushRq:
			done <- b.commitAll()
			timer = nil
		case done := <-b.quit:
			done <- b.commitAll()
			return
		}
	}
}

// commitAll commits the whole buffer, a window at a time.
func (b *Batcher) commitAll() error {
	for {
		more, err := b.commit()
		if err != nil || !more {
			return err
		}
	}
}

// commit writes the oldest window of the buffer (samples whose time is
// less than Window after the first) in one transaction and reports whether
// more remain. On failure the samples go back to the front of the buffer
// to be retried.
func (b *Batcher) commit() (more bool, err error) {
	b.mu.Lock()
	n := len(b.buf)
	if n == 0 {
		err := b.err
		b.mu.Unlock()
		return false, err
	}
	for i := 1; i < len(b.buf); i++ {
		if b.buf[i].T-b.buf[0].T >= b.window.Seconds() {
			n = i
			break
		}
	}
	batch := b.buf[:n:n]
	b.buf = b.buf[n:]
	if len(b.buf) == 0 {
		b.buf = nil
	}
	b.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	err = b.store.AppendSamples(ctx, b.id, batch)
	cancel()
	b.mu.Lock()
	if err != nil {
		// Retry a window later rather than hammering a failing database.
		b.buf = append(batch, b.buf...)
		b.firstAt = b.clock.Now()
	}
	// A remainder keeps the committed part's firstAt: it is no older than
	// that, so its deadline comes early, never late.
	more = err == nil && len(b.buf) > 0
	b.err = err
	b.mu.Unlock()
	if b.hook != nil {
		b.hook(len(batch), err)
	}
	return more, err
}
