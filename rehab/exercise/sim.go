package exercise

import (
	"context"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
	"github.com/chiron-robotics/chiron/robot"
	"github.com/chiron-robotics/chiron/robots"
)

// SimConfig configures a SimRunner.
type SimConfig struct {
	// Model returns the robot for a patient; nil means the lower-limb
	// exoskeleton (robots.LowerLimbExo) scaled to the patient, worn.
	Model func(p *rehab.Patient) (*kinematics.Chain, error)
	// Patient returns the simulated patient for the chain; nil means a
	// moderately impaired one (strength 0.5, mildly hypertonic) with
	// Config.Seed.
	Patient func(p *rehab.Patient, c *kinematics.Chain, seed uint64) (*patientsim.Patient, error)
	Seed    uint64
	// Pace is simulated seconds per wall-clock second: 1 plays the session
	// in real time (for a console demo), 0 runs it as fast as possible.
	Pace float64
	// Period is the loop period (0: 1 ms); the session runner steps every
	// 5 loop periods.
	Period time.Duration
	// Motors names the simulated drives (robot.Config.Motors); nil sizes
	// them from the model's effort and velocity limits.
	Motors []string
}

// EndError is how a session that ended on a bound or a safety stop
// reports it (rehab.SampleSink's Done): Reason is for the clinician.
type EndError struct{ Reason string }

func (e *EndError) Error() string { return "session ended early: " + e.Reason }

// EndReason implements rehab.EarlyEnd.
func (e *EndError) EndReason() string { return e.Reason }

var _ rehab.EarlyEnd = (*EndError)(nil)

// SimRunner is a rehab.SessionRunner on a simulated robot made for each
// session: the exoskeleton scaled to the patient, opened by robot.Open on
// in-process simulated drives (firmware-sim, the plant carrying the
// simulated patient), its loop started in the session's configuration (the
// prescription's controllers, the supervisor configured from the patient's
// limits: robot.Config.Override), and this package's Runner, stepped in
// lockstep virtual time on one goroutine — deterministic for a seed and
// as fast as the machine goes. It is what soaks and end-to-end tests of
// the clinicians' API run against; a served robot runs sessions through
// StationRunner.
type SimRunner struct {
	cfg SimConfig
	sessionSlot
}

var _ rehab.SessionRunner = (*SimRunner)(nil)

// NewSimRunner returns a simulated session runner.
func NewSimRunner(cfg SimConfig) *SimRunner {
	if cfg.Period == 0 {
		cfg.Period = time.Millisecond
	}
	return &SimRunner{cfg: cfg}
}

type simSession struct {
	sessionBase
	robot   *robot.Robot
	loop    *control.Loop
	patient *patientsim.Patient
	now     time.Duration
	// disturb, when set (tests), adds to the patient's torque before it
	// is applied: a kick, a bump.
	disturb func(now time.Duration, tau []float64)
}

// noteRelay passes a session's notes to its sink.
type noteRelay struct {
	sink  rehab.SampleSink
	t0    time.Duration // loop time of the first sample (−1: none yet)
	notes int           // notes passed to the sink
}

// event passes the runner's events that a clinician reads (notes and the
// reason of an early end) to the sink, when it takes notes.
func (ss *noteRelay) event(e *Event) {
	// A safety stop ends a simulated session at once: its reason comes
	// with EventStopped.
	if e.Kind != EventNote && !(e.Kind == EventStopped && e.Detail != "") {
		return
	}
	if ss.notes >= maxNotes {
		return
	}
	ss.notes++
	if ns, ok := ss.sink.(rehab.NoteSink); ok {
		t := time.Duration(0)
		if ss.t0 >= 0 {
			t = e.T - ss.t0
		}
		ns.Note(rehab.Note{T: t.Seconds(), Exercise: e.Exercise, Text: e.Detail})
	}
}

// maxNotes bounds the notes a session passes on.
const maxNotes = 1000

// simEvery is how many loop periods pass between runner steps.
const simEvery = 5

// step advances the simulation by one runner step: simEvery lockstep
// cycles of the robot (the patient's torque applied at each, through
// robot.Config.External), then the session runner.
func (ss *simSession) step() error {
	for range simEvery {
		if err := ss.robot.Step(); err != nil {
			return err
		}
	}
	ss.now = ss.robot.Now()
	return ss.runner.Step(ss.now)
}

// external applies the patient's torque (with a test's disturbance) to the
// plant at every simulator step.
func (ss *simSession) external(now time.Duration, pl *plant.Plant) {
	if ss.disturb == nil {
		ss.patient.Apply(now, pl)
		return
	}
	tau := ss.patient.Torque(now, pl.Position(), pl.Velocity())
	ss.disturb(now, tau)
	pl.SetExternalTorque(tau)
}

// DefaultSimPatient is the default simulated patient: a moderately
// impaired limb (strength 0.5 of 60 N·m per joint, passive stiffness 10
// N·m/rad about the middle of each range, light damping).
func DefaultSimPatient(_ *rehab.Patient, c *kinematics.Chain, seed uint64) (*patientsim.Patient, error) {
	n := c.DoF()
	lower, upper := c.Limits()
	cfg := patientsim.Config{Seed: seed, MaxTorque: fill(n, 60), Strength: 0.5,
		Stiffness: fill(n, 10), Damping: fill(n, 0.3), Rest: make([]float64, n)}
	for i := range n {
		cfg.Rest[i] = (lower[i] + upper[i]) / 2
	}
	return patientsim.New(n, cfg)
}

// Start builds the simulated robot for spec and starts the session.
func (s *SimRunner) Start(ctx context.Context, spec rehab.RunSpec, sink rehab.SampleSink) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.busy() {
		return rehab.ErrBusy
	}
	ss, err := s.build(&spec, sink)
	if err != nil {
		return err
	}
	if err := ss.runner.Start(); err != nil {
		return err
	}
	ctx, ss.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.active = ss
	go s.run(ctx, ss)
	return nil
}

// model returns the robot chain for patient p.
func (s *SimRunner) model(p *rehab.Patient) (*kinematics.Chain, error) {
	if s.cfg.Model != nil {
		return s.cfg.Model(p)
	}
	return robots.LowerLimbExo(robots.LowerLimbSpec{Height: p.Height, Mass: p.Mass, WithLimb: true})
}

func (s *SimRunner) build(spec *rehab.RunSpec, sink rehab.SampleSink) (*simSession, error) {
	c, err := s.model(&spec.Patient)
	if err != nil {
		return nil, fmt.Errorf("sim runner: model: %w", err)
	}
	plan, err := NewPlan(c, spec)
	if err != nil {
		return nil, fmt.Errorf("sim runner: %w", err)
	}
	mkPatient := s.cfg.Patient
	if mkPatient == nil {
		mkPatient = DefaultSimPatient
	}
	pat, err := mkPatient(&spec.Patient, c, s.cfg.Seed)
	if err != nil {
		return nil, fmt.Errorf("sim runner: patient: %w", err)
	}
	// Start in the middle of the safe range.
	q0 := make([]float64, c.DoF())
	for i, l := range plan.Safety.Joints {
		q0[i] = (l.PositionMin + l.PositionMax) / 2
	}
	ss := &simSession{patient: pat, sessionBase: newSessionBase(sink)}
	rate := float64(time.Second) / float64(s.cfg.Period)
	ss.robot, err = robot.Open(robot.Config{Chain: c, Protocol: robot.ProtocolInproc, Rate: rate, Seed: s.cfg.Seed,
		Q0: q0, Plant: plant.Config{Limb: pat.Limb()}, External: ss.external, Motors: s.cfg.Motors,
		// The plan keeps every motion where carrying the limb fits 80 % of
		// the patient's torque limit: the drives need only hold at all.
		HoldMargin: 1,
		Override:   &control.Reconfiguration{Controllers: plan.Controllers, Safety: plan.Safety}})
	if err != nil {
		return nil, fmt.Errorf("sim runner: %w", err)
	}
	ss.loop = ss.robot.Loop()
	worn := NewWornPatient(pat)
	rc := plan.runnerConfig(NewLoopRobot(ss.loop, plan.Gravity()), sink, ss.event, worn.Cue, &ss.t0)
	// Nobody can resume a simulated session the supervisor stopped (the
	// clinicians' API has no such request): it ends at once, saying why.
	rc.SafetyStopWait = -1
	ss.runner, err = NewRunner(rc)
	if err != nil {
		ss.robot.Close()
		return nil, fmt.Errorf("sim runner: %w", err)
	}
	return ss, nil
}

// run steps the simulation until the session ends or is cancelled.
func (s *SimRunner) run(ctx context.Context, ss *simSession) {
	defer close(ss.done)
	defer ss.cancel()
	defer ss.robot.Close()
	wall := time.Now()
	var err error
	for !ss.runner.Done() {
		if err = ss.step(); err != nil {
			break
		}
		if s.cfg.Pace > 0 {
			ahead := time.Duration(float64(ss.now)/s.cfg.Pace) - time.Since(wall)
			if ahead > 0 {
				t := time.NewTimer(ahead)
				select {
				case <-t.C:
				case <-ctx.Done():
					t.Stop()
				}
			}
		}
	}
	ss.sink.Done(outcome(ss.runner, err))
}

// outcome is what a sink's Done is told of a run that ended with err.
func outcome(r *Runner, err error) (completed bool, _ error) {
	st := r.Status()
	completed = err == nil && st.Phase == PhaseCompleted
	if err == nil && st.Reason != "" {
		err = &EndError{Reason: st.Reason}
	}
	return completed, err
}

// Stop ends the session; the sink sees Done(false, nil).
func (s *SimRunner) Stop() error { return s.stop(true) }
