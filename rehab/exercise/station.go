package exercise

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
)

// Station is a served robot that clinicians' sessions run on: the loop the
// console shows, on its drivers (real ones from a rig file, or simulated
// firmware). *robot.Robot is one.
type Station interface {
	// Chain is the robot's model, in the loop's joint order.
	Chain() *kinematics.Chain
	// Loop is the robot's running control loop.
	Loop() *control.Loop
	// Now is the loop's clock.
	Now() time.Duration
	// Claim makes the caller the only party that commands the robot
	// until release (the console's operator is refused meanwhile).
	Claim(owner string) (release func(), err error)
	// Reconfigure runs the loop with other controllers and limits (the
	// supervisor holds the robot for the hand-over: it is left Disabled or
	// in a protective stop); Restore returns it to its own. Both return
	// the state the robot was in.
	Reconfigure(ctx context.Context, rc control.Reconfiguration) (control.State, error)
	Restore(ctx context.Context) (control.State, error)
}

// StationConfig configures a StationRunner.
type StationConfig struct {
	Station Station
	// Cue, when set, receives the runner's cues (what the patient is
	// shown): a simulated patient wearing a simulated robot acts on them.
	Cue func(now time.Duration, c *Cue)
	// Step is the session runner's period on the wall clock; 0 means 5 ms.
	Step time.Duration
	// Log receives what happens around sessions (hand-overs, restores);
	// nil means slog.Default().
	Log *slog.Logger
}

// StationRunner is a rehab.SessionRunner on a served robot: a session
// claims the robot, runs the prescription's controllers under the patient's
// limits on the robot's own loop and drivers (control.Loop.Reconfigure,
// while the supervisor holds it), steps this package's Runner on the wall clock, and hands
// the robot back in its own configuration when the session ends. Samples
// are the loop's: what the drives measure.
type StationRunner struct {
	cfg StationConfig
	sessionSlot
	starts uint64 // sessions started (under mu): a restore watcher stops at a new one
}

var (
	_ rehab.SessionRunner       = (*StationRunner)(nil)
	_ rehab.PrescriptionChecker = (*StationRunner)(nil)
)

// NewStationRunner returns a session runner on cfg.Station.
func NewStationRunner(cfg StationConfig) (*StationRunner, error) {
	if cfg.Station == nil {
		return nil, errors.New("station runner: no station")
	}
	if cfg.Step == 0 {
		cfg.Step = 5 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &StationRunner{cfg: cfg}, nil
}

type stationSession struct {
	sessionBase
	release func()
	starts  uint64 // StationRunner.starts when it started
}

// handOver bounds a reconfiguration (disable, apply at a cycle boundary).
const handOver = 5 * time.Second

// CheckPrescription implements rehab.PrescriptionChecker on the station's
// robot.
func (s *StationRunner) CheckPrescription(p *rehab.Patient, pr *rehab.Protocol) error {
	return CheckPrescription(s.cfg.Station.Chain(), p, pr)
}

// Start claims the robot, loads the session's controllers and the
// patient's limits into its loop and starts the session (the runner asks
// the supervisor to enable). It fails with rehab.ErrBusy while another
// session or party has the robot, and with the reason when the robot
// cannot be handed over (a fault a person must reset).
func (s *StationRunner) Start(ctx context.Context, spec rehab.RunSpec, sink rehab.SampleSink) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.busy() {
		return rehab.ErrBusy
	}
	st := s.cfg.Station
	plan, err := NewPlanAt(st.Chain(), &spec, st.Loop().Period())
	if err != nil {
		return fmt.Errorf("station: %w", err)
	}
	s.starts++
	release, err := st.Claim("clinician's session " + spec.Session.ID)
	if err != nil {
		return fmt.Errorf("%w: %v", rehab.ErrBusy, err)
	}
	hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), handOver)
	_, err = st.Reconfigure(hctx, control.Reconfiguration{Controllers: plan.Controllers, Safety: plan.Safety})
	cancel()
	if err != nil {
		// Reconfigure changed nothing when it failed; the robot may have
		// been stopped on the way (the supervisor holds it).
		release()
		return fmt.Errorf("station: hand the robot to the session: %w", err)
	}
	ss := &stationSession{release: release, starts: s.starts, sessionBase: newSessionBase(sink)}
	rc := plan.runnerConfig(NewLoopRobot(st.Loop(), plan.Gravity()), sink, ss.event, s.cfg.Cue, &ss.t0)
	// As in the clinicians' API everywhere: a session the supervisor
	// stopped ends at once, saying why (the API has no resume-after-stop).
	rc.SafetyStopWait = -1
	if ss.runner, err = NewRunner(rc); err == nil {
		err = ss.runner.Start()
	}
	if err != nil {
		s.restore(st, s.starts)
		release()
		return fmt.Errorf("station: %w", err)
	}
	var rctx context.Context
	rctx, ss.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.active = ss
	go s.run(rctx, ss)
	return nil
}

// run steps the session on the wall clock until it ends, reports the end
// to the sink, and hands the robot back.
func (s *StationRunner) run(ctx context.Context, ss *stationSession) {
	defer close(ss.done)
	defer ss.cancel()
	st := s.cfg.Station
	err := ss.runner.Run(ctx, s.cfg.Step, st.Now)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	ss.sink.Done(outcome(ss.runner, err))
	s.restore(st, ss.starts)
	ss.release()
}

// restore hands the robot back in its own configuration. A robot the
// session left holding the limb (Enabled) is held by the supervisor for
// the hand-over and resumed once its own controllers are loaded, so the
// limb neither drops nor moves; a robot the supervisor stopped stays
// stopped for a person to look at (under the robot's own limits). A robot
// in Fault cannot be reconfigured until it is Reset: that is left to a
// watcher that restores it the moment it is Disabled.
//
// starts is the count of sessions started when this one started (the
// watcher gives up at a newer one); s.mu may be held.
func (s *StationRunner) restore(st Station, starts uint64) {
	ctx, cancel := context.WithTimeout(context.Background(), handOver)
	defer cancel()
	was, err := st.Restore(ctx)
	if err != nil {
		s.cfg.Log.Warn("station: the robot keeps the session's configuration until it is reset", "err", err)
		go s.restoreWhenDisabled(st, starts)
		return
	}
	if was == control.Enabled || was == control.Enabling {
		s.resumeHandOver(ctx, st.Loop())
	}
}

// resumeHandOver ends the protective stop the hand-over asked for. The
// supervisor refuses a Resume in a cycle whose measurements are stale (a
// reply late on a loaded host), so the request is repeated until it takes
// effect — but only while the stop is still the hand-over's own: a stop
// the supervisor entered for a cause of its own, a fault or a disable is
// left for a person to look at.
func (s *StationRunner) resumeHandOver(ctx context.Context, l *control.Loop) {
	snap := l.NewSnapshot()
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		l.Snapshot(snap)
		switch {
		case snap.State == control.Enabled || snap.State == control.Enabling:
			return
		case snap.State != control.ProtectiveStop || snap.Reason != control.ReasonSessionStop:
			s.cfg.Log.Warn("station: the robot was not resumed after the hand-over", "state", snap.State, "reason", snap.Reason)
			return
		}
		l.Supervisor().Resume()
		select {
		case <-ctx.Done():
			s.cfg.Log.Warn("station: the robot was not resumed after the hand-over: the supervisor refused", "state", snap.State, "reason", snap.Reason)
			return
		case <-t.C:
		}
	}
}

// restoreWhenDisabled waits for the robot to be Disabled (a person reset
// its fault from the console) and restores its own configuration. It does
// not claim the robot — the console must be able to Reset it — and gives
// up when a new session starts (that session reconfigures it anyway).
func (s *StationRunner) restoreWhenDisabled(st Station, starts uint64) {
	l := st.Loop()
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for range t.C {
		if l.Supervisor().State() != control.Disabled {
			continue
		}
		s.mu.Lock() // Start reconfigures under s.mu: never both at once
		if s.starts != starts {
			s.mu.Unlock()
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), handOver)
		_, err := st.Restore(ctx)
		cancel()
		s.mu.Unlock()
		if err == nil {
			s.cfg.Log.Info("station: the robot's own configuration is restored")
			return
		}
	}
}

// Stop ends the session (the sink sees Done(false, nil)) and returns once
// the robot is handed back.
func (s *StationRunner) Stop() error { return s.stop(false) }

// WornPatient is a simulated patient wearing a simulated served robot:
// Apply is the simulator's external torque (robot.Config.External, called
// on the simulator's goroutine at every step) and Cue the session's cues
// (StationConfig.Cue, on the session's goroutine). Between sessions the
// patient rests in the device, relaxed.
type WornPatient struct {
	mu sync.Mutex
	p  *patientsim.Patient
}

// NewWornPatient wraps p.
func NewWornPatient(p *patientsim.Patient) *WornPatient { return &WornPatient{p: p} }

// Apply sets the patient's torque on the plant at now.
func (w *WornPatient) Apply(now time.Duration, pl *plant.Plant) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.p.Apply(now, pl)
}

// Cue makes the patient act on what the session shows.
func (w *WornPatient) Cue(now time.Duration, c *Cue) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch c.Mode {
	case CueReach:
		w.p.SetGoal(now, c.Q)
	case CueTrack:
		w.p.Track(c.Q, c.Qd)
	default:
		w.p.Relax()
	}
}
