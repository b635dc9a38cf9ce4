package rehab

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// SampleSink receives what a running session produces. Sample is called
// from the runner's goroutine, in time order; it must not block for long
// (storage batches behind it), and it must copy the sample's slices if it
// keeps them: a runner may reuse them for the next sample. Done is called exactly once when the run
// ends: completed reports whether every exercise finished (false after
// Stop or an error), err is the reason for an abnormal end.
type SampleSink interface {
	Sample(Sample)
	Done(completed bool, err error)
}

// Note is something that happened in a session that the clinician should
// read, in plain language and their units: a joint that stopped short of
// its planned posture and the limit that stopped it, the reason the session
// ended early. T is seconds since the session started, as Sample.T;
// Exercise indexes Protocol.Exercises (−1: the session as a whole).
type Note struct {
	T        float64 `json:"t"`
	Exercise int     `json:"exercise"`
	Text     string  `json:"text"`
}

// NoteSink is implemented by sinks that take notes; a runner passes them
// on the same goroutine as samples, in time order.
type NoteSink interface {
	Note(Note)
}

// PrescriptionChecker is implemented by runners that can tell, when a
// session is prescribed, whether they can run it: the API asks at
// creation, so that a joint the robot does not have or a parameter out of
// range is refused with its field named rather than when the session
// starts. CheckPrescription returns a *FieldError whose Field is relative
// to the protocol ("exercises[0].params.period_s"), or "patient_id" for a
// patient record that does not fit the robot.
type PrescriptionChecker interface {
	CheckPrescription(p *Patient, pr *Protocol) error
}

// RunSpec is what a runner needs to execute a session.
type RunSpec struct {
	Session  Session
	Patient  Patient
	Protocol Protocol
}

// SessionRunner executes a protocol on one robot. Start returns once the
// run has begun; samples then flow to the sink until the protocol
// completes or Stop is called. Pause holds the robot still (samples may
// keep flowing, with the exercise clock frozen); Resume continues.
// Every method is safe for concurrent use. A runner runs one session at
// a time: Start while a run is active returns ErrBusy.
type SessionRunner interface {
	Start(ctx context.Context, spec RunSpec, sink SampleSink) error
	Pause() error
	Resume() error
	Stop() error
}

// Errors of SessionRunner implementations.
var (
	ErrBusy       = errors.New("runner busy with another session")
	ErrNotRunning = errors.New("runner has no active session")
)

// FakeRunner is a SessionRunner for tests: nothing moves until the test
// calls Emit, Complete or Fail. It records the calls it received.
type FakeRunner struct {
	mu     sync.Mutex
	spec   RunSpec
	sink   SampleSink
	paused bool
	active bool
	calls  []string
	// StartErr, if set, is returned by the next Start.
	StartErr error
}

var _ SessionRunner = (*FakeRunner)(nil)

// Start implements SessionRunner.
func (f *FakeRunner) Start(_ context.Context, spec RunSpec, sink SampleSink) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "start")
	if err := f.StartErr; err != nil {
		f.StartErr = nil
		return err
	}
	if f.active {
		return ErrBusy
	}
	f.spec, f.sink, f.active, f.paused = spec, sink, true, false
	return nil
}

func (f *FakeRunner) call(name string, fn func() error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, name)
	if !f.active {
		return ErrNotRunning
	}
	return fn()
}

// Pause implements SessionRunner.
func (f *FakeRunner) Pause() error {
	return f.call("pause", func() error { f.paused = true; return nil })
}

// Resume implements SessionRunner.
func (f *FakeRunner) Resume() error {
	return f.call("resume", func() error { f.paused = false; return nil })
}

// Stop implements SessionRunner; the sink sees Done(false, nil).
func (f *FakeRunner) Stop() error {
	var sink SampleSink
	err := f.call("stop", func() error { sink = f.end(); return nil })
	if sink != nil {
		sink.Done(false, nil)
	}
	return err
}

func (f *FakeRunner) end() SampleSink {
	s := f.sink
	f.active, f.sink = false, nil
	return s
}

// Emit hands samples to the active session's sink, as the runner's
// goroutine would.
func (f *FakeRunner) Emit(samples ...Sample) error {
	f.mu.Lock()
	sink, active := f.sink, f.active
	f.mu.Unlock()
	if !active {
		return ErrNotRunning
	}
	for _, s := range samples {
		sink.Sample(s)
	}
	return nil
}

// Complete ends the active run successfully.
func (f *FakeRunner) Complete() error { return f.finish(true, nil) }

// Fail ends the active run with err.
func (f *FakeRunner) Fail(err error) error { return f.finish(false, err) }

func (f *FakeRunner) finish(completed bool, err error) error {
	f.mu.Lock()
	if !f.active {
		f.mu.Unlock()
		return ErrNotRunning
	}
	sink := f.end()
	f.mu.Unlock()
	sink.Done(completed, err)
	return nil
}

// Active reports whether a run is in progress, and whether it is paused.
func (f *FakeRunner) Active() (active, paused bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.active, f.paused
}

// Spec returns the spec of the last Start.
func (f *FakeRunner) Spec() RunSpec {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.spec
}

// Calls returns the names of the methods called so far, in order.
func (f *FakeRunner) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// String describes the runner's state, for test failures.
func (f *FakeRunner) String() string {
	a, p := f.Active()
	return fmt.Sprintf("FakeRunner{active: %v, paused: %v}", a, p)
}
