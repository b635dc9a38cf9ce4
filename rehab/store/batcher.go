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
// last second); 0.8 s leaves the rest for the commit itself.
const DefaultBatchWindow = 800 * time.Millisecond

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
			done <- b.commit()
			timer = nil
		case done := <-b.quit:
			done <- b.commit()
			return
		}
	}
}

// commit writes the buffer in one transaction. On failure the samples go
// back to the front of the buffer to be retried.
func (b *Batcher) commit() error {
	b.mu.Lock()
	batch := b.buf
	b.buf = nil
	b.mu.Unlock()
	if len(batch) == 0 {
		b.mu.Lock()
		err := b.err
		b.mu.Unlock()
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	err := b.store.AppendSamples(ctx, b.id, batch)
	cancel()
	b.mu.Lock()
	if err != nil {
		// Retry a window later rather than hammering a failing database.
		b.buf = append(batch, b.buf...)
		b.firstAt = b.clock.Now()
	}
	b.err = err
	b.mu.Unlock()
	if b.hook != nil {
		b.hook(len(batch), err)
	}
	return err
}
