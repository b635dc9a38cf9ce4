package exercise

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/rehab/metrics"
)

// Sample is one record of a session, emitted at the runner's sample rate.
// Its slices are owned by the runner and valid only during the Sink call:
// a sink that keeps them copies them (Clone).
type Sample struct {
	T time.Duration // the loop's clock
	// Q (rad), Qd (rad/s) and Interaction (N·m, the patient's torque on
	// the robot, estimated) per joint.
	Q, Qd, Interaction []float64
	// Assistance is the exercise's assistance level in [0, 1].
	Assistance float64
	// Exercise is the index in the protocol; Repetition the repetition in
	// progress, from 1 (0 while approaching the start posture).
	Exercise   int
	Repetition int
}

// Clone returns a deep copy of s.
func (s *Sample) Clone() Sample {
	c := *s
	c.Q = append([]float64(nil), s.Q...)
	c.Qd = append([]float64(nil), s.Qd...)
	c.Interaction = append([]float64(nil), s.Interaction...)
	return c
}

// EventKind is what happened in a session.
type EventKind string

// Session events.
const (
	EventStarted         EventKind = "session-started"
	EventExerciseStarted EventKind = "exercise-started"
	EventRepetition      EventKind = "repetition"
	EventExerciseDone    EventKind = "exercise-done"
	EventPaused          EventKind = "paused"
	EventResumed         EventKind = "resumed"
	EventSafetyStop      EventKind = "safety-stop"
	EventStopped         EventKind = "stopped"
	EventCompleted       EventKind = "session-completed"
	// EventNote is something the clinician should read (Detail, plain
	// language): a joint that did not reach its planned posture and the
	// limit that stopped it, a movement given up after its attempt time.
	EventNote EventKind = "note"
)

// Event is a session event. Repetition events carry the repetition's
// measures for the report.
type Event struct {
	T          time.Duration
	Kind       EventKind
	Exercise   int    // protocol index, −1 when not about one
	Name       string // exercise name
	Mode       Kind
	Repetition int // the completed repetition (EventRepetition)
	// Start is when the repetition began.
	Start time.Duration
	// ROM is each joint's range of motion over the repetition, degrees
	// (metrics.ROM).
	ROM []float64
	// Assistance is the mean assistance level over the repetition.
	Assistance float64
	// PeakInteraction is each joint's peak |interaction torque|, N·m.
	PeakInteraction []float64
	// Detail is free text (the supervisor state of a safety stop).
	Detail string
}

// Sink receives a session's samples and events, on the runner's goroutine,
// in order. It must not block for long: the runner's step waits for it.
type Sink interface {
	Sample(s *Sample)
	Event(e *Event)
}

// SinkFuncs adapts two functions to a Sink; nil ones drop.
type SinkFuncs struct {
	OnSample func(*Sample)
	OnEvent  func(*Event)
}

// Sample calls OnSample.
func (f SinkFuncs) Sample(s *Sample) {
	if f.OnSample != nil {
		f.OnSample(s)
	}
}

// Event calls OnEvent.
func (f SinkFuncs) Event(e *Event) {
	if f.OnEvent != nil {
		f.OnEvent(e)
	}
}

// Phase is the runner's state.
type Phase string

// Runner phases.
const (
	PhaseIdle      Phase = "idle"      // not started
	PhaseEnabling  Phase = "enabling"  // waiting for the supervisor to enable
	PhaseRunning   Phase = "running"   // an exercise is running
	PhasePaused    Phase = "paused"    // held by a clinician's Pause or a safety stop
	PhaseResuming  Phase = "resuming"  // waiting for the supervisor to re-enable
	PhaseStopped   Phase = "stopped"   // stopped by Stop; terminal
	PhaseCompleted Phase = "completed" // every exercise done; terminal
)

// RunnerConfig configures a Runner.
type RunnerConfig struct {
	Robot    Robot
	Protocol Protocol
	Sink     Sink
	// SampleRate is the rate samples are emitted at, Hz; 0 means 100, less
	// than 100 is refused. Step must be called at least this often.
	SampleRate float64
	// Cue, when set, is called when what the patient is shown changes
	// (every step while a target moves). The console draws it; a simulated
	// patient acts on it. c is valid only during the call.
	Cue func(now time.Duration, c *Cue)
	// JointNames name the robot's joints in the runner's messages (nil:
	// "joint 1", "joint 2", …).
	JointNames []string
	// Limits, when set, are the supervisor's joint limits (the patient's
	// range): a start refused because the limb is outside them says which
	// joint and by how much.
	Limits []control.JointLimits
	// EnableWait bounds how long the runner waits for the supervisor to
	// enable (at Start, or after a Resume) before it ends the session with
	// the reason; 0 means DefaultEnableWait.
	EnableWait time.Duration
	// SafetyStopWait bounds how long a session the supervisor stopped (a
	// protective stop or a fault) waits for a Resume before it ends with
	// the stop's reason; 0 means DefaultSafetyStopWait, negative ends it at
	// once (for a runner nobody can resume, such as the clinicians' API's).
	SafetyStopWait time.Duration
}

// Bounds of the phases that do not end by themselves. The exercises' own
// phases are bounded by construction: planned motions (passive, assisted)
// by their duration and holds, patient-driven ones by their attempt time.
const (
	// DefaultEnableWait: the supervisor's enabling check takes a few
	// cycles (control.SafetyConfig.EnableCycles); seconds without it mean
	// something refuses the enable (a fault, an e-stop), which a person
	// has to look at.
	DefaultEnableWait = 10 * time.Second
	// DefaultSafetyStopWait is how long a console has to Resume after a
	// protective stop: time to check the patient and the device.
	DefaultSafetyStopWait = 2 * time.Minute
)

// Status is the runner's progress, for a console.
type Status struct {
	Phase      Phase
	Exercise   int // index, −1 before the first
	Name       string
	Repetition int // completed repetitions of the current exercise
	Of         int // repetitions prescribed (0 when unknown)
	Assistance float64
	Supervisor control.State
	// Reason says, in plain language, why the session stopped when it
	// ended on a bound or a safety stop rather than by completion or
	// Stop; empty otherwise.
	Reason string
}

// ErrRunner is returned for requests that do not fit the runner's phase.
var ErrRunner = errors.New("exercise: runner request not allowed now")

type request uint8

const (
	reqNone request = iota
	reqStart
	reqPause
	reqResume
	reqStop
)

// Runner runs a protocol on a robot: it switches the loop to each
// exercise's controller in turn, posts the exercise's setpoints, records
// samples and repetition events, and obeys Start, Pause, Resume and Stop
// (from any goroutine; they take effect at the next Step). When the safety
// supervisor leaves Enabled (a protective stop, a fault) the runner pauses
// itself and reports it; Resume asks the supervisor to resume and continues
// the exercise from where the limb is.
//
// Step is called from one goroutine: by Run at a fixed rate on a real robot,
// or by a lockstep simulation between loop steps.
type Runner struct {
	cfg    RunnerConfig
	n      int
	period time.Duration

	mu      sync.Mutex // guards req and status
	req     []request
	status  Status
	started bool

	phase     Phase
	idx       int
	st        *State
	sp        *control.Setpoint
	sample    Sample
	lastEmit  time.Duration
	emitted   bool
	lastCue   Cue
	cueSent   bool
	lastReps  int
	repStart  time.Duration
	repQ      [][]float64
	repAssist float64
	repN      int
	repPeak   []float64
	// since is when the current bounded wait (enabling, resuming, a
	// safety stop) began; reason is why the session ended, if not by
	// completion or Stop.
	since    time.Duration
	waiting  bool
	reason   string
	stopText string
	// The running time of the current exercise against its bound.
	used, budget time.Duration
	bounded      bool
	lastStep     time.Duration
	stepped      bool
	asked        time.Duration // when Enable was last asked for
}

// outsideRange names the first joint the limb holds outside the
// supervisor's limits (which refuse an enable there), or "".
func (r *Runner) outsideRange() string {
	for i, l := range r.cfg.Limits {
		if i >= len(r.st.Q) {
			break
		}
		if q := r.st.Q[i]; q < l.PositionMin || q > l.PositionMax {
			return fmt.Sprintf("%s is at %s, outside the patient's range %s…%s: bring the limb into the range, or widen it",
				jointName(r.cfg.JointNames, i), Deg(q), Deg(l.PositionMin), Deg(l.PositionMax))
		}
	}
	return ""
}

// enableRetry is how often a runner waiting for the supervisor to enable
// asks again while it stays Disabled (the supervisor logs each refusal;
// 20 ms keeps the log short and the wait a few loop cycles).
const enableRetry = 20 * time.Millisecond

// RunnerSlack is what the runner allows an exercise beyond its
// MaxDuration before ending it: a second plus 2 % (a leg ends at the first
// runner step after its time, the supervisor takes a few cycles to hand
// over).
func RunnerSlack(d time.Duration) time.Duration { return time.Second + d/50 }

// NewRunner checks cfg and returns an idle runner.
func NewRunner(cfg RunnerConfig) (*Runner, error) {
	if cfg.Robot == nil || cfg.Sink == nil || len(cfg.Protocol) == 0 {
		return nil, fmt.Errorf("runner: robot, sink and a non-empty protocol are required: %w", ErrExercise)
	}
	if cfg.SampleRate == 0 {
		cfg.SampleRate = 100
	}
	if cfg.EnableWait == 0 {
		cfg.EnableWait = DefaultEnableWait
	}
	if cfg.SafetyStopWait == 0 {
		cfg.SafetyStopWait = DefaultSafetyStopWait
	}
	if cfg.EnableWait < 0 {
		return nil, fmt.Errorf("runner: enable wait %v: %w", cfg.EnableWait, ErrExercise)
	}
	if !(cfg.SampleRate >= 100) || math.IsInf(cfg.SampleRate, 0) {
		return nil, fmt.Errorf("runner: sample rate %g Hz, want ≥ 100: %w", cfg.SampleRate, ErrExercise)
	}
	n := cfg.Robot.Joints()
	r := &Runner{cfg: cfg, n: n, period: time.Duration(float64(time.Second) / cfg.SampleRate),
		phase: PhaseIdle, idx: -1, st: NewState(n), sp: control.NewSetpoint(n),
		sample:  Sample{Q: make([]float64, n), Qd: make([]float64, n), Interaction: make([]float64, n)},
		lastCue: Cue{Q: make([]float64, n)}, repQ: make([][]float64, n), repPeak: make([]float64, n)}
	r.status = Status{Phase: PhaseIdle, Exercise: -1}
	return r, nil
}

func (r *Runner) request(q request) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch p := r.status.Phase; {
	case p == PhaseStopped || p == PhaseCompleted:
		return fmt.Errorf("runner %s: %w", p, ErrRunner)
	case q == reqStart && r.started:
		return fmt.Errorf("runner already started: %w", ErrRunner)
	case q != reqStart && q != reqStop && !r.started:
		return fmt.Errorf("runner not started: %w", ErrRunner)
	}
	if q == reqStart {
		r.started = true
	}
	r.req = append(r.req, q)
	return nil
}

// Start enables the robot and begins the first exercise once enabled.
func (r *Runner) Start() error { return r.request(reqStart) }

// Pause holds the limb where it is (the hold controller) until Resume.
func (r *Runner) Pause() error { return r.request(reqPause) }

// Resume continues after a Pause or a safety stop.
func (r *Runner) Resume() error { return r.request(reqResume) }

// Stop ends the session: the limb is held and the runner stops for good.
// The drives stay enabled; the console disables them when the patient is
// out of the device.
func (r *Runner) Stop() error { return r.request(reqStop) }

// Status returns the runner's progress. Safe for concurrent use.
func (r *Runner) Status() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status
}

// Done reports whether the session has ended (completed or stopped).
func (r *Runner) Done() bool {
	p := r.Status().Phase
	return p == PhaseStopped || p == PhaseCompleted
}

// Run steps the runner every period on the wall clock (period ≤
// 1/SampleRate) until the session ends or ctx is cancelled. now gives the
// loop's clock. For a real robot; simulations call Step in lockstep.
func (r *Runner) Run(ctx context.Context, period time.Duration, now func() time.Duration) error {
	if period <= 0 || period > r.period {
		return fmt.Errorf("runner: period %v, want ≤ %v: %w", period, r.period, ErrExercise)
	}
	t := time.NewTicker(period)
	defer t.Stop()
	for !r.Done() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if err := r.Step(now()); err != nil {
				return err
			}
		}
	}
	return nil
}

// Step advances the session to now: applies requests, reads the robot,
// updates the exercise, posts its setpoint and emits samples and events.
func (r *Runner) Step(now time.Duration) error {
	if err := r.cfg.Robot.Read(r.st); err != nil {
		return fmt.Errorf("runner: %w", err)
	}
	r.mu.Lock()
	reqs := r.req
	r.req = nil
	r.mu.Unlock()
	for _, q := range reqs {
		if err := r.apply(now, q); err != nil {
			return err
		}
	}
	if r.stepped && r.phase == PhaseRunning {
		r.used += now - r.lastStep
	}
	r.lastStep, r.stepped = now, true
	var err error
	switch r.phase {
	case PhaseEnabling, PhaseResuming:
		if r.st.Supervisor == control.Enabled {
			r.waiting = false
			err = r.beginExercise(now, r.phase == PhaseResuming)
			break
		}
		// The supervisor refuses an enable it cannot grant yet — before the
		// loop reads fresh data from its drives, while a joint still moves
		// — and says so in its log; ask again, as an operator at the
		// console would, every enableRetry, until EnableWait. Never from a
		// Fault (a person resets it) or a stop the supervisor made (Resume
		// decides) — but the protective stop a station's hand-over asked
		// for (ReasonSessionStop) is the start's own: its Resume, refused
		// in a cycle whose measurements came late, is asked again (one
		// refused request had left a served exoskeleton stopped until the
		// session gave up after EnableWait).
		switch {
		case r.st.Supervisor == control.Disabled && now-r.asked >= enableRetry:
			r.cfg.Robot.Enable()
			r.asked = now
		case r.st.Supervisor == control.ProtectiveStop && r.st.Reason == control.ReasonSessionStop &&
			r.phase == PhaseEnabling && now-r.asked >= enableRetry:
			r.cfg.Robot.Resume()
			r.asked = now
		}
		if r.wait(now) >= r.cfg.EnableWait {
			what := "start"
			if r.phase == PhaseResuming {
				what = "resume"
			}
			msg := fmt.Sprintf("the robot did not enable within %s of the %s (safety supervisor %s)", seconds(r.cfg.EnableWait), what, r.st.Supervisor)
			if why := r.outsideRange(); why != "" {
				msg += ": " + why
			}
			if r.st.Supervisor == control.Fault || r.st.Supervisor == control.ProtectiveStop {
				r.stopText = r.describeStop()
			}
			if r.stopText != "" {
				msg += "; last stop: " + r.stopText
			}
			err = r.end(now, msg)
		}
	case PhaseRunning:
		if r.st.Supervisor != control.Enabled {
			// The supervisor holds the limb; park the hold controller at
			// the current posture so that re-enabling hands over to it,
			// not to the exercise's stale setpoint.
			r.phase = PhasePaused
			r.stopText = r.describeStop()
			r.emit(now, EventSafetyStop, r.stopText)
			r.waiting, r.since = true, now
			if err = r.hold(); err != nil {
				break
			}
			if r.cfg.SafetyStopWait < 0 {
				err = r.end(now, r.stopText)
			}
			break
		}
		if r.bounded && r.used > r.budget+RunnerSlack(r.budget) {
			ex := r.cfg.Protocol[r.idx]
			err = r.end(now, fmt.Sprintf("exercise %d (%s) did not finish within %s, the longest its prescription allows", r.idx+1, ex.Kind(), seconds(r.budget)))
			break
		}
		err = r.runExercise(now)
	case PhasePaused:
		// A clinician's Pause waits for them; a safety stop waits for a
		// Resume only so long.
		if r.waiting && now-r.since >= r.cfg.SafetyStopWait {
			err = r.end(now, fmt.Sprintf("%s; not resumed within %s", r.stopText, seconds(r.cfg.SafetyStopWait)))
		}
	}
	if err != nil {
		return err
	}
	if r.idx >= 0 && r.phase != PhaseStopped && r.phase != PhaseCompleted {
		r.record(now)
	}
	r.publishStatus()
	return nil
}

func (r *Runner) apply(now time.Duration, q request) error {
	switch q {
	case reqStart:
		r.cfg.Robot.Enable()
		r.asked = now
		r.phase = PhaseEnabling
		r.waiting, r.since = true, now
		r.emit(now, EventStarted, "")
		return r.hold()
	case reqPause:
		if r.phase == PhaseRunning || r.phase == PhaseEnabling || r.phase == PhaseResuming {
			r.phase = PhasePaused
			r.waiting = false
			r.emit(now, EventPaused, "")
			return r.hold()
		}
	case reqResume:
		if r.phase == PhasePaused {
			switch r.st.Supervisor {
			case control.ProtectiveStop:
				r.cfg.Robot.Resume()
			case control.Disabled:
				r.cfg.Robot.Enable()
				r.asked = now
			}
			// After a fault a person must Reset the supervisor first; the
			// runner waits in PhaseResuming until the robot is enabled, or
			// EnableWait.
			r.phase = PhaseResuming
			r.waiting, r.since = true, now
		}
	case reqStop:
		if r.phase != PhaseIdle {
			if err := r.hold(); err != nil {
				return err
			}
		}
		r.phase = PhaseStopped
		r.emit(now, EventStopped, "")
		r.setCue(now, Cue{Mode: CueRelax})
	}
	return nil
}

// hold parks the limb where it is with the hold controller.
func (r *Runner) hold() error {
	copy(r.sp.Q, r.st.Q)
	clear(r.sp.Qd)
	clear(r.sp.Qdd)
	r.sp.HasPose, r.sp.HasTwist = false, false
	if err := r.cfg.Robot.Post(r.sp); err != nil {
		return fmt.Errorf("runner: hold: %w", err)
	}
	if err := r.cfg.Robot.SwitchController(HoldName); err != nil {
		return fmt.Errorf("runner: hold: %w", err)
	}
	return nil
}

// wait returns how long the current bounded wait has lasted.
func (r *Runner) wait(now time.Duration) time.Duration {
	if !r.waiting {
		r.waiting, r.since = true, now
	}
	return now - r.since
}

// end stops the session for good on a bound, with the reason a clinician
// reads: the limb is held, the patient relaxes.
func (r *Runner) end(now time.Duration, reason string) error {
	r.reason, r.waiting = reason, false
	r.phase = PhaseStopped
	r.emit(now, EventStopped, reason)
	r.setCue(now, Cue{Mode: CueRelax})
	return r.hold()
}

// Reason returns why the session ended on a bound or a safety stop, in
// plain language ("" while it runs, or after completion or Stop).
func (r *Runner) Reason() string { return r.Status().Reason }

// describeStop renders the supervisor's latest stop for a clinician.
func (r *Runner) describeStop() string {
	src, ok := r.cfg.Robot.(interface{ LastStop() (control.Event, bool) })
	if !ok {
		return fmt.Sprintf("the safety supervisor stopped the robot (%s)", r.st.Supervisor)
	}
	e, ok := src.LastStop()
	if !ok {
		return fmt.Sprintf("the safety supervisor stopped the robot (%s)", r.st.Supervisor)
	}
	return DescribeStop(e, r.cfg.JointNames)
}

func (r *Runner) beginExercise(now time.Duration, resume bool) error {
	if !resume {
		r.idx++
		r.lastReps, r.repN, r.repAssist = 0, 0, 0
		r.resetRep(now)
	}
	ex := r.cfg.Protocol[r.idx]
	if b, ok := ex.(interface {
		maxDuration() (time.Duration, time.Duration)
	}); ok {
		total, perResume := b.maxDuration()
		if resume {
			r.budget += perResume
		} else {
			r.used, r.budget, r.bounded = 0, total, true
		}
	} else if !resume {
		r.bounded = false
	}
	if err := ex.Begin(now, r.st); err != nil {
		return fmt.Errorf("runner: exercise %d (%s): %w", r.idx, ex.Name(), err)
	}
	ex.Update(now, r.st, r.sp)
	if err := r.cfg.Robot.Post(r.sp); err != nil {
		return fmt.Errorf("runner: %w", err)
	}
	if err := r.cfg.Robot.SwitchController(ex.Controller().Name); err != nil {
		return fmt.Errorf("runner: %w", err)
	}
	r.phase = PhaseRunning
	if resume {
		r.emit(now, EventResumed, "")
	} else {
		r.emit(now, EventExerciseStarted, "")
		if nt, ok := ex.(interface{ Notes() []string }); ok {
			for _, n := range nt.Notes() {
				r.emit(now, EventNote, n)
			}
		}
	}
	r.cueSent = false
	return nil
}

func (r *Runner) runExercise(now time.Duration) error {
	ex := r.cfg.Protocol[r.idx]
	done := ex.Update(now, r.st, r.sp)
	if err := r.cfg.Robot.Post(r.sp); err != nil {
		return fmt.Errorf("runner: %w", err)
	}
	if nt, ok := ex.(interface{ takeNotes() []string }); ok {
		for _, n := range nt.takeNotes() {
			r.emit(now, EventNote, n)
		}
	}
	r.setCue(now, ex.Cue())
	if reps, _ := ex.Repetitions(); reps > r.lastReps {
		r.lastReps = reps
		r.repetitionDone(now)
	}
	if done {
		r.emit(now, EventExerciseDone, "")
		if r.idx == len(r.cfg.Protocol)-1 {
			r.phase = PhaseCompleted
			r.setCue(now, Cue{Mode: CueRelax})
			r.emit(now, EventCompleted, "")
			return r.hold()
		}
		return r.beginExercise(now, false)
	}
	return nil
}

func (r *Runner) setCue(now time.Duration, c Cue) {
	if r.cfg.Cue == nil {
		return
	}
	same := r.cueSent && c.Mode == r.lastCue.Mode && c.Mode != CueTrack
	if same && c.Mode == CueReach {
		for i := range c.Q {
			if c.Q[i] != r.lastCue.Q[i] {
				same = false
				break
			}
		}
	}
	if same {
		return
	}
	r.cueSent, r.lastCue.Mode = true, c.Mode
	if c.Mode == CueReach {
		copy(r.lastCue.Q, c.Q)
	}
	r.cfg.Cue(now, &c)
}

// record buffers the repetition's data and emits a sample when one is due.
func (r *Runner) record(now time.Duration) {
	ex := r.cfg.Protocol[r.idx]
	reps, in := ex.Repetitions()
	a := ex.Assistance()
	if in && r.phase == PhaseRunning {
		for i := range r.repQ {
			r.repQ[i] = append(r.repQ[i], r.st.Q[i])
			r.repPeak[i] = math.Max(r.repPeak[i], math.Abs(r.st.Interaction[i]))
		}
		r.repAssist += a
		r.repN++
	} else if !in {
		r.resetRep(now)
	}
	if r.emitted && now-r.lastEmit < r.period {
		return
	}
	r.lastEmit, r.emitted = now, true
	s := &r.sample
	s.T = now
	copy(s.Q, r.st.Q)
	copy(s.Qd, r.st.Qd)
	copy(s.Interaction, r.st.Interaction)
	s.Assistance, s.Exercise, s.Repetition = a, r.idx, 0
	if in {
		s.Repetition = reps + 1
	}
	r.cfg.Sink.Sample(s)
}

func (r *Runner) resetRep(now time.Duration) {
	for i := range r.repQ {
		r.repQ[i] = r.repQ[i][:0]
		r.repPeak[i] = 0
	}
	r.repStart, r.repAssist, r.repN = now, 0, 0
}

func (r *Runner) repetitionDone(now time.Duration) {
	e := r.event(now, EventRepetition, "")
	e.Repetition, e.Start = r.lastReps, r.repStart
	e.ROM, e.PeakInteraction = make([]float64, r.n), append([]float64(nil), r.repPeak...)
	for i, q := range r.repQ {
		if rom, err := metrics.ROM(q); err == nil {
			e.ROM[i] = rom
		}
	}
	if r.repN > 0 {
		e.Assistance = r.repAssist / float64(r.repN)
	}
	r.cfg.Sink.Event(e)
	r.resetRep(now)
}

func (r *Runner) event(now time.Duration, k EventKind, detail string) *Event {
	e := &Event{T: now, Kind: k, Exercise: r.idx, Detail: detail}
	if r.idx >= 0 && r.idx < len(r.cfg.Protocol) {
		ex := r.cfg.Protocol[r.idx]
		e.Name, e.Mode = ex.Name(), ex.Kind()
		e.Repetition, _ = ex.Repetitions()
	}
	return e
}

func (r *Runner) emit(now time.Duration, k EventKind, detail string) {
	r.cfg.Sink.Event(r.event(now, k, detail))
}

func (r *Runner) publishStatus() {
	s := Status{Phase: r.phase, Exercise: r.idx, Supervisor: r.st.Supervisor, Reason: r.reason}
	if r.idx >= 0 {
		ex := r.cfg.Protocol[r.idx]
		s.Name, s.Assistance = ex.Name(), ex.Assistance()
		s.Repetition, _ = ex.Repetitions()
		if p, ok := ex.(interface{ prescribed() int }); ok {
			s.Of = p.prescribed()
		}
	}
	r.mu.Lock()
	r.status = s
	r.mu.Unlock()
}

func (e *Passive) prescribed() int        { return e.p.Repetitions }
func (e *AssistAsNeeded) prescribed() int { return e.p.Repetitions }
func (e *cued) prescribed() int           { return e.r.Repetitions }
