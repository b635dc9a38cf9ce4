package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

// sink receives a run's samples and its end.
type sink struct {
	s *Server
	a *run
}

func (k sink) Sample(sm rehab.Sample) {
	sm.Q = append([]float64(nil), sm.Q...)
	sm.QD = append([]float64(nil), sm.QD...)
	sm.Tau = append([]float64(nil), sm.Tau...)
	k.a.live.add(&sm)
	if err := k.a.batcher.Add(sm); err != nil {
		k.a.errMu.Lock()
		first := k.a.lastErr == nil
		k.a.lastErr = err
		k.a.errMu.Unlock()
		if first {
			k.s.log.Error("recording samples", "session", k.a.id, "err", err)
		}
	}
}

// Note keeps what the runner tells the clinician, for the live view, and
// logs it.
func (k sink) Note(n rehab.Note) {
	k.s.notes.add(k.a.id, n)
	k.s.log.Info("session note", "session", k.a.id, "t", n.T, "exercise", n.Exercise, "note", n.Text)
}

var _ rehab.NoteSink = sink{}

// Done ends the run on a goroutine of its own: the runner may call it
// while a request holds the run.
func (k sink) Done(completed bool, err error) { go k.s.finish(k.a, completed, err) }

// finish commits the run's last samples, records its end and frees the
// robot.
func (s *Server) finish(a *run, completed bool, runErr error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	flushErr := a.batcher.Close(ctx)
	to := rehab.StatusStopped
	if completed && runErr == nil {
		to = rehab.StatusCompleted
	}
	_, trErr := s.opts.Store.Transition(ctx, a.id, to)
	var early rehab.EarlyEnd
	if trErr == nil && errors.As(runErr, &early) {
		trErr = s.opts.Store.SetEndReason(ctx, a.id, early.EndReason())
	}
	s.mu.Lock()
	if s.active == a {
		s.active = nil
	}
	s.mu.Unlock()
	err := errors.Join(runErr, flushErr, trErr)
	if err != nil {
		s.log.Error("session ended", "session", a.id, "status", to, "err", err)
	}
	close(a.ended)
	if s.opts.OnEnd != nil {
		s.opts.OnEnd(a.id, to, err)
	}
}

func (s *Server) start(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id := r.PathValue("id")
	sess, err := s.opts.Store.GetSession(ctx, id)
	if err != nil {
		return err
	}
	if sess.Status != rehab.StatusCreated {
		return fmt.Errorf("session %s is %s: %w", id, sess.Status, rehab.ErrTransition)
	}
	if s.opts.Runner == nil {
		return errConflict("no robot attached to this server")
	}
	p, err := s.opts.Store.GetPatient(ctx, sess.PatientID)
	if err != nil {
		return err
	}
	a := &run{id: id, ended: make(chan struct{})}
	s.mu.Lock()
	if s.active != nil {
		busy := s.active.id
		s.mu.Unlock()
		return errConflict(fmt.Sprintf("robot busy with session %s", busy))
	}
	s.active = a
	s.mu.Unlock()

	a.mu.Lock()
	defer a.mu.Unlock()
	release := func() {
		s.mu.Lock()
		s.active = nil
		s.mu.Unlock()
	}
	a.batcher = s.opts.Store.NewBatcher(id, s.opts.Batch)
	// The run outlives the request: its context is the server's, not r's.
	if err := s.opts.Runner.Start(context.WithoutCancel(ctx), rehab.RunSpec{Session: sess, Patient: p, Protocol: sess.Protocol}, sink{s, a}); err != nil {
		a.batcher.Close(context.WithoutCancel(ctx))
		release()
		if errors.Is(err, rehab.ErrBusy) {
			return fmt.Errorf("start session %s: %w", id, err)
		}
		// Anything else is the runner refusing this prescription for this
		// robot (a joint it does not have, a patient it cannot be fitted
		// to): the clinician needs its words, not "internal error".
		s.log.Warn("session refused by the runner", "session", id, "err", err)
		return &httpError{http.StatusUnprocessableEntity, "the robot cannot run this session: " + err.Error()}
	}
	sess, err = s.opts.Store.Transition(ctx, id, rehab.StatusRunning)
	if err != nil {
		// Lost a race with another request: undo the run.
		s.opts.Runner.Stop()
		return err
	}
	// The therapist its report names. The session runs whether or not
	// this is recorded: a report saying "not recorded" is better than a
	// patient left waiting.
	_, who, _ := s.caller(r)
	if err := s.opts.Store.SetStartedBy(ctx, id, who); err != nil {
		s.log.Error("recording who started the session", "session", id, "err", err)
	}
	writeJSON(w, http.StatusOK, s.view(sess))
	return nil
}

// activeRun returns the run of session id if it holds the robot.
func (s *Server) activeRun(id string) *run {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.active != nil && s.active.id == id {
		return s.active
	}
	return nil
}

// control applies a pause or resume: the runner first, then the record.
func (s *Server) control(w http.ResponseWriter, r *http.Request, to rehab.Status, act func() error) error {
	ctx := r.Context()
	id := r.PathValue("id")
	sess, err := s.opts.Store.GetSession(ctx, id)
	if err != nil {
		return err
	}
	if !sess.Status.CanTransition(to) {
		return fmt.Errorf("session %s is %s: %w", id, sess.Status, rehab.ErrTransition)
	}
	a := s.activeRun(id)
	if a == nil {
		return errConflict(fmt.Sprintf("session %s is %s but not running on this server", id, sess.Status))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	select {
	case <-a.ended:
		return fmt.Errorf("session %s has ended: %w", id, rehab.ErrTransition)
	default:
	}
	if err := act(); err != nil {
		if errors.Is(err, rehab.ErrNotRunning) {
			return fmt.Errorf("session %s: %w: %v", id, rehab.ErrTransition, err)
		}
		return err
	}
	if to == rehab.StatusPaused {
		if err := a.batcher.Flush(ctx); err != nil {
			s.log.Error("flush on pause", "session", id, "err", err)
		}
	}
	sess, err = s.opts.Store.Transition(ctx, id, to)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.view(sess))
	return nil
}

func (s *Server) pause(w http.ResponseWriter, r *http.Request) error {
	return s.control(w, r, rehab.StatusPaused, func() error { return s.opts.Runner.Pause() })
}

func (s *Server) resume(w http.ResponseWriter, r *http.Request) error {
	return s.control(w, r, rehab.StatusRunning, func() error { return s.opts.Runner.Resume() })
}

func (s *Server) stop(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id := r.PathValue("id")
	sess, err := s.opts.Store.GetSession(ctx, id)
	if err != nil {
		return err
	}
	if !sess.Status.CanTransition(rehab.StatusStopped) {
		return fmt.Errorf("session %s is %s: %w", id, sess.Status, rehab.ErrTransition)
	}
	if a := s.activeRun(id); a != nil {
		// The runner reports Done; finish flushes and records the stop.
		if err := s.opts.Runner.Stop(); err != nil && !errors.Is(err, rehab.ErrNotRunning) {
			return err
		}
		select {
		case <-a.ended:
		case <-ctx.Done():
			return ctx.Err()
		}
	} else if _, err := s.opts.Store.Transition(ctx, id, rehab.StatusStopped); err != nil {
		return err
	}
	sess, err = s.opts.Store.GetSession(ctx, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.view(sess))
	return nil
}
