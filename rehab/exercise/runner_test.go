package exercise

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
)

func passiveRig(t *testing.T, reps int, opts ...func(*RunnerConfig)) *rig {
	var adjust func(*RunnerConfig)
	if len(opts) > 0 {
		adjust = opts[0]
	}
	return newRig(t, rigConfig{runner: adjust,
		chain: lowerLimb(t), limits: patientLimits, q0: []float64{deg(20), deg(10)},
		protocol: func(g func() control.GravityModel) Protocol {
			p, err := NewPassive(2, PassiveConfig{Name: "prom", Shuttle: kneeShuttle(reps), PeakSpeed: 1, Gravity: g()})
			if err != nil {
				t.Fatal(err)
			}
			return Protocol{p}
		},
	})
}

func (r *rig) stepFor(d time.Duration) {
	for end := r.now + d; r.now < end; {
		r.step()
	}
}

// Pause holds the limb where it is and freezes the exercise; Resume goes on
// from there; the prescribed repetitions are all done.
func TestRunnerPauseResume(t *testing.T) {
	t.Parallel()
	r := passiveRig(t, 3)
	if err := r.runner.Pause(); !errors.Is(err, ErrRunner) {
		t.Fatalf("pause before start: %v", err)
	}
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	if err := r.runner.Start(); !errors.Is(err, ErrRunner) {
		t.Fatalf("second start: %v", err)
	}
	r.stepFor(2 * time.Second)
	if err := r.runner.Pause(); err != nil {
		t.Fatal(err)
	}
	r.stepFor(50 * time.Millisecond) // the hold takes over, the limb stops
	q0 := r.snap.Joints[1].Position
	reps, _ := r.runner.cfg.Protocol[0].Repetitions()
	r.stepFor(3 * time.Second)
	if st := r.runner.Status(); st.Phase != PhasePaused || st.Repetition != reps {
		t.Fatalf("while paused: %+v (repetitions before %d)", st, reps)
	}
	if d := math.Abs(r.snap.Joints[1].Position - q0); d > deg(1) {
		t.Fatalf("knee moved %.2f° while paused", d*180/math.Pi)
	}
	if r.snap.Controller != HoldName {
		t.Fatalf("controller %q while paused", r.snap.Controller)
	}
	if err := r.runner.Resume(); err != nil {
		t.Fatal(err)
	}
	r.run(time.Minute)
	if got := len(r.reps(0)); got != 3 {
		t.Fatalf("%d repetitions after resume", got)
	}
	if r.count(EventPaused) != 1 || r.count(EventResumed) != 1 || r.count(EventCompleted) != 1 {
		t.Fatalf("events %v", r.events)
	}
	if err := r.runner.Resume(); !errors.Is(err, ErrRunner) {
		t.Fatalf("resume after completion: %v", err)
	}
}

// A protective stop pauses the session and says so; once the cause is gone,
// Resume continues it.
func TestRunnerSafetyStopAndResume(t *testing.T) {
	t.Parallel()
	r := passiveRig(t, 2)
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	r.stepFor(1500 * time.Millisecond)
	// A kick (a spasm, a bump) drives the knee past the patient's speed
	// limit of 2 rad/s.
	r.plant.SetExternalTorque([]float64{0, 60})
	r.stepFor(30 * time.Millisecond)
	r.plant.SetExternalTorque([]float64{0, 0})
	r.stepFor(time.Second)
	st := r.runner.Status()
	if st.Phase != PhasePaused || st.Supervisor != control.ProtectiveStop || r.count(EventSafetyStop) != 1 {
		t.Fatalf("after the kick: %+v, events %v", st, r.events)
	}
	if err := r.runner.Resume(); err != nil {
		t.Fatal(err)
	}
	r.run(time.Minute)
	if len(r.reps(0)) != 2 {
		t.Fatalf("%d repetitions", len(r.reps(0)))
	}
}

// Stop ends the session for good and holds the limb.
func TestRunnerStop(t *testing.T) {
	t.Parallel()
	r := passiveRig(t, 5)
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	r.stepFor(3 * time.Second)
	if err := r.runner.Stop(); err != nil {
		t.Fatal(err)
	}
	r.stepFor(runnerPeriod)
	if !r.runner.Done() || r.runner.Status().Phase != PhaseStopped {
		t.Fatalf("status %+v", r.runner.Status())
	}
	n := len(r.samples)
	r.stepFor(time.Second)
	if len(r.samples) != n {
		t.Fatal("samples after stop")
	}
	if r.snap.Controller != HoldName || r.snap.State != control.Enabled {
		t.Fatalf("after stop: controller %q, %s", r.snap.Controller, r.snap.State)
	}
	if err := r.runner.Resume(); !errors.Is(err, ErrRunner) {
		t.Fatalf("resume after stop: %v", err)
	}
}

// A lockstep session is a pure function of its inputs and seed.
func TestSessionIsDeterministic(t *testing.T) {
	t.Parallel()
	once := func() []Sample {
		r := assisted(t, 0.5, 2)
		return r.samples
	}
	a, b := once(), once()
	if len(a) != len(b) {
		t.Fatalf("%d and %d samples", len(a), len(b))
	}
	for i := range a {
		for j := range a[i].Q {
			if a[i].Q[j] != b[i].Q[j] || a[i].Interaction[j] != b[i].Interaction[j] || a[i].Assistance != b[i].Assistance {
				t.Fatalf("sample %d differs", i)
			}
		}
	}
}

// Joint-space corridor on the exoskeleton: the walls keep hip and knee near
// the straight joint-space path while the patient wants to move one joint
// after the other.
func TestJointCorridorOnExo(t *testing.T) {
	t.Parallel()
	from, to := []float64{deg(10), deg(10)}, []float64{deg(50), deg(70)}
	// A compliant patient (low own gains) whom a constant hip torque pushes
	// off the straight path.
	p := stroke(t, 0.8, func(c *patientsim.Config) { c.Kp, c.Kd = []float64{40, 40}, []float64{4, 4} })
	var gd *Guidance
	r := newRig(t, rigConfig{
		chain: lowerLimb(t), patient: p, limits: patientLimits, q0: from,
		protocol: func(g func() control.GravityModel) Protocol {
			var err error
			gd, err = NewGuidance(2, GuidanceConfig{
				CuedConfig: CuedConfig{Name: "corridor", Shuttle: Shuttle{From: from, To: to, Repetitions: 2}},
				Corridor:   CorridorConfig{Gravity: g(), Space: JointSpace, Width: deg(3), Stiffness: 400, Damping: 10},
			})
			if err != nil {
				t.Fatal(err)
			}
			return Protocol{gd}
		},
	})
	if err := r.runner.Start(); err != nil {
		t.Fatal(err)
	}
	for !r.runner.Done() && r.now < time.Minute {
		r.now += period
		p.Apply(r.now, r.plant)
		tau := append([]float64(nil), p.Voluntary()...)
		tau[0] += 8
		r.plant.SetExternalTorque(tau)
		r.loop.Step(r.now)
		if r.now%runnerPeriod != 0 {
			continue
		}
		if err := r.runner.Step(r.now); err != nil {
			t.Fatal(err)
		}
	}
	if !r.runner.Done() {
		t.Fatalf("not done: %+v", r.runner.Status())
	}
	if d := gd.MaxDepth(); d > deg(2.5) || d == 0 {
		t.Fatalf("deepest excursion beyond the wall %.2f°", d*180/math.Pi)
	}
	if a := gd.Assistance(); a <= 0 || a > 1 {
		t.Fatalf("wall contact level %g", a)
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	c := lowerLimb(t)
	if _, err := SafetyConfig(c, patientLimits[:1], SafetyOptions{}); err == nil {
		t.Error("one limit for two joints accepted")
	}
	if _, err := SafetyConfig(c, []JointLimit{{Min: deg(130), Max: deg(140)}, patientLimits[1]}, SafetyOptions{}); err == nil {
		t.Error("a patient range outside the robot's accepted")
	}
	sc, err := SafetyConfig(c, patientLimits, SafetyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if j := sc.Joints[1]; j.PositionMin != deg(5) || j.PositionMax != deg(100) || j.Effort != 40 || j.Velocity != 2 {
		t.Errorf("knee limits %+v", j)
	}
	wide := []JointLimit{{Min: -3, Max: 3}, {Min: -3, Max: 3}}
	sc, err = SafetyConfig(c, wide, SafetyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if j := sc.Joints[0]; math.Abs(j.PositionMin-deg(-20)) > 1e-5 || math.Abs(j.PositionMax-deg(110)) > 1e-5 || j.Effort != 100 || j.Velocity != 3 {
		t.Errorf("hip limits from the robot %+v", j)
	}
	g := Gravity(c)
	bad := []func() error{
		func() error {
			_, err := NewPassive(2, PassiveConfig{Name: "x", Shuttle: kneeShuttle(0), PeakSpeed: 1})
			return err
		},
		func() error { _, err := NewPassive(2, PassiveConfig{Name: "x", Shuttle: kneeShuttle(1)}); return err },
		func() error {
			_, err := NewPassive(2, PassiveConfig{Shuttle: kneeShuttle(1), PeakSpeed: 1})
			return err
		},
		func() error {
			_, err := NewAssistAsNeeded(2, AssistedConfig{Name: "x", Shuttle: kneeShuttle(1), PeakSpeed: 1,
				Assist: AssistConfig{Gravity: g, Initial: []float64{400, 0}, Max: []float64{300, 300}, Damping: []float64{1, 1}}})
			return err
		},
		func() error {
			_, err := NewResistive(2, CuedConfig{Name: "x", Shuttle: kneeShuttle(1)}, ResistConfig{})
			return err
		},
		func() error {
			_, err := NewGuidance(2, GuidanceConfig{CuedConfig: CuedConfig{Name: "x", Shuttle: kneeShuttle(1)},
				Corridor: CorridorConfig{Gravity: g, Space: CartesianSpace, Width: 0.01, Stiffness: 1}})
			return err
		},
		func() error {
			_, err := NewRunner(RunnerConfig{Robot: nil, Sink: SinkFuncs{}})
			return err
		},
	}
	for i, f := range bad {
		if err := f(); !errors.Is(err, ErrExercise) {
			t.Errorf("case %d: %v", i, err)
		}
	}
}

// Issue 14: the phases that do not end by themselves are bounded. A safety
// stop nobody resumes ends the session after SafetyStopWait, and an enable
// the supervisor refuses (an emergency stop held) after EnableWait, each
// with the reason in plain language.
func TestRunnerBoundsEndWithReason(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		opt     func(*RunnerConfig)
		disturb func(r *rig)
		within  time.Duration
		want    []string
	}{
		{"safety stop not resumed", func(c *RunnerConfig) { c.SafetyStopWait = 5 * time.Second },
			func(r *rig) {
				r.runner.Start()
				r.stepFor(1500 * time.Millisecond)
				r.plant.SetExternalTorque([]float64{0, 60})
				r.stepFor(30 * time.Millisecond)
				r.plant.SetExternalTorque([]float64{0, 0})
			}, 6 * time.Second,
			[]string{"protective stop: joint 2 moved at", "°/s, faster than the patient's speed limit of 114.6°/s", "not resumed within 5 s"}},
		{"enable refused", func(c *RunnerConfig) { c.EnableWait = 3 * time.Second },
			func(r *rig) {
				r.loop.Supervisor().SetEStop(true)
				r.runner.Start()
			}, 3100 * time.Millisecond,
			[]string{"did not enable within 3 s of the start", "safety supervisor fault", "emergency stop"}},
		{"fault after resume", func(c *RunnerConfig) { c.EnableWait = 2 * time.Second; c.JointNames = []string{"hip", "knee"} },
			func(r *rig) {
				r.runner.Start()
				r.stepFor(time.Second)
				r.plant.SetExternalTorque([]float64{0, 60})
				r.stepFor(30 * time.Millisecond)
				r.plant.SetExternalTorque([]float64{0, 0})
				r.stepFor(200 * time.Millisecond)
				r.loop.Supervisor().SetEStop(true)
				r.stepFor(10 * time.Millisecond)
				r.runner.Resume()
			}, 2100 * time.Millisecond,
			[]string{"did not enable within 2 s of the resume", "last stop: safety fault (the drives were switched off): emergency stop"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := passiveRig(t, 50, tc.opt)
			tc.disturb(r)
			start := r.now
			r.run(time.Minute)
			st := r.runner.Status()
			if st.Phase != PhaseStopped || r.now-start > tc.within {
				t.Fatalf("after %v: %+v", r.now-start, st)
			}
			for _, w := range tc.want {
				if !strings.Contains(st.Reason, w) {
					t.Errorf("reason %q lacks %q", st.Reason, w)
				}
			}
			t.Logf("reason: %s", st.Reason)
			if r.count(EventStopped) != 1 || r.events[len(r.events)-1].Detail != st.Reason {
				t.Errorf("events %v", r.events)
			}
		})
	}
}

// A clinician's Pause is not bounded: the clinician is there to Resume or
// Stop.
func TestRunnerPauseIsNotBounded(t *testing.T) {
	t.Parallel()
	r := passiveRig(t, 3, func(c *RunnerConfig) { c.SafetyStopWait = time.Second })
	r.runner.Start()
	r.stepFor(time.Second)
	r.runner.Pause()
	r.stepFor(5 * time.Second)
	if st := r.runner.Status(); st.Phase != PhasePaused || st.Reason != "" {
		t.Fatalf("%+v", st)
	}
}

// stuck is an exercise that never finishes: what the runner's bound on an
// exercise's running time is for.
type stuck struct{ *Passive }

func (s stuck) Update(now time.Duration, st *State, sp *control.Setpoint) bool {
	s.Passive.Update(now, st, sp)
	return false
}

func (s stuck) maxDuration() (time.Duration, time.Duration) { return 2 * time.Second, time.Second }

// An exercise that overruns the longest its prescription allows is ended
// by the runner, saying so; pauses do not count against it.
func TestRunnerEndsOverrunningExercise(t *testing.T) {
	t.Parallel()
	r := newRig(t, rigConfig{
		chain: lowerLimb(t), limits: patientLimits, q0: []float64{deg(20), deg(10)},
		protocol: func(g func() control.GravityModel) Protocol {
			p, err := NewPassive(2, PassiveConfig{Name: "prom", Shuttle: kneeShuttle(100), PeakSpeed: 1, Gravity: g()})
			if err != nil {
				t.Fatal(err)
			}
			return Protocol{stuck{p}}
		},
	})
	r.runner.Start()
	r.stepFor(time.Second)
	r.runner.Pause()
	r.stepFor(10 * time.Second)
	r.runner.Resume()
	r.run(time.Minute)
	st := r.runner.Status()
	// 2 s, a second more for the resume, and the slack of 1 s + 2 %: the
	// end comes 4.06 s of running (plus the 10 s pause) after the start.
	if st.Phase != PhaseStopped || r.now < 14*time.Second || r.now > 14200*time.Millisecond {
		t.Fatalf("at %v: %+v", r.now, st)
	}
	if want := "exercise 1 (passive-rom) did not finish within 3 s"; !strings.Contains(st.Reason, want) {
		t.Fatalf("reason %q, want %q", st.Reason, want)
	}
}

// refusingRobot drops the first n supervisor requests (Enable, Resume), as
// a supervisor refuses one that lands in a cycle with stale measurements.
type refusingRobot struct {
	Robot
	drop int
}

func (r *refusingRobot) Enable() {
	if r.drop > 0 {
		r.drop--
		return
	}
	r.Robot.Enable()
}

func (r *refusingRobot) Resume() {
	if r.drop > 0 {
		r.drop--
		return
	}
	r.Robot.Resume()
}

// A session started on a robot a station's hand-over holds in its own
// protective stop (ReasonSessionStop) gets it resumed even when the first
// request is refused: the start asks again (a served exoskeleton on
// CANopen had stayed stopped until the session gave up after EnableWait).
// A protective stop the supervisor made for a cause of its own is not
// resumed by the start.
func TestStartResumesTheHandOverStopAfterARefusal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		reason control.Reason
		runs   bool
	}{{"hand-over stop", control.ReasonSessionStop, true}, {"operator's stop", control.ReasonStopRequest, false}} {
		t.Run(c.name, func(t *testing.T) {
			var rr *refusingRobot
			r := passiveRig(t, 2, func(cfg *RunnerConfig) {
				rr = &refusingRobot{Robot: cfg.Robot, drop: 1}
				cfg.Robot, cfg.EnableWait = rr, 2*time.Second
			})
			r.loop.Supervisor().Enable()
			for r.snap.State != control.Enabled && r.now < 2*time.Second {
				r.loop.Step(r.now + period)
				r.now += period
				r.loop.Snapshot(r.snap)
			}
			r.loop.Supervisor().Stop(c.reason)
			r.loop.Step(r.now + period)
			r.now += period
			if r.loop.Snapshot(r.snap); r.snap.State != control.ProtectiveStop {
				t.Fatalf("not stopped: %s", r.snap.State)
			}
			if err := r.runner.Start(); err != nil {
				t.Fatal(err)
			}
			r.stepFor(time.Second)
			if got := r.runner.Status().Phase == PhaseRunning; got != c.runs {
				t.Fatalf("running %v, want %v: %+v (supervisor %s)", got, c.runs, r.runner.Status(), r.snap.State)
			}
		})
	}
}
