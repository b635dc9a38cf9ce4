package exercise

import (
	"context"
	"sync"

	"github.com/chiron-robotics/chiron/rehab"
)

// sessionBase is what a running session of either session runner
// (SimRunner, StationRunner) has: the Runner, the relay of its notes, and
// its end.
type sessionBase struct {
	noteRelay
	runner *Runner
	cancel context.CancelFunc
	done   chan struct{} // closed when the run has ended and the sink knows
}

func newSessionBase(sink rehab.SampleSink) sessionBase {
	return sessionBase{noteRelay: noteRelay{sink: sink, t0: -1}, done: make(chan struct{})}
}

func (b *sessionBase) base() *sessionBase { return b }

// session is a runner's session.
type session interface{ base() *sessionBase }

// sessionSlot holds a session runner's active (or last) session; mu is
// also what the runner's Start holds.
type sessionSlot struct {
	mu     sync.Mutex
	active session
}

// busy reports whether a session is running; mu must be held.
func (s *sessionSlot) busy() bool {
	if s.active == nil {
		return false
	}
	select {
	case <-s.active.base().done:
		return false
	default:
		return true
	}
}

// running returns the running session.
func (s *sessionSlot) running() (*sessionBase, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.busy() {
		return nil, rehab.ErrNotRunning
	}
	return s.active.base(), nil
}

// Pause holds the limb and freezes the exercise.
func (s *sessionSlot) Pause() error {
	b, err := s.running()
	if err != nil {
		return err
	}
	return b.runner.Pause()
}

// Resume continues a paused session.
func (s *sessionSlot) Resume() error {
	b, err := s.running()
	if err != nil {
		return err
	}
	return b.runner.Resume()
}

// stop asks the running session to stop and waits for its end; wake
// cancels its context too (a paced simulation sleeping between steps).
func (s *sessionSlot) stop(wake bool) error {
	b, err := s.running()
	if err != nil {
		return err
	}
	if err := b.runner.Stop(); err != nil {
		return err
	}
	if wake {
		b.cancel()
	}
	<-b.done
	return nil
}

// Status returns the active (or last) session's runner status.
func (s *sessionSlot) Status() (Status, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.active == nil {
		return Status{}, false
	}
	return s.active.base().runner.Status(), true
}
