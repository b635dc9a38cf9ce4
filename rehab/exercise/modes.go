package exercise

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
)

// PassiveConfig configures passive range-of-motion exercise.
type PassiveConfig struct {
	Name string
	Shuttle
	// PeakSpeed is the peak joint speed of each motion, rad/s (> 0).
	PeakSpeed float64
	// Kp and Kd are the joint stiffness and damping with which the robot
	// moves the limb, per joint; nil means 800 N·m/rad and 40 N·m·s/rad
	// (bounded by the supervisor's MaxKp/MaxKd).
	Kp, Kd []float64
	// Gravity supports the weight of robot and limb (nil: none, for a
	// horizontal robot).
	Gravity control.GravityModel
	// Integral is the gain (1/s) of the integral correction the exercise
	// adds to the reference so the limb reaches the prescribed postures
	// despite its passive stiffness (a PD alone stops short by
	// τ_limb/Kp); 0 means 4/s, negative disables it. The correction is
	// bounded to ±0.1 rad; the supervisor still clamps the result into the
	// patient's range.
	Integral float64
	// EffortLimit is the supervisor's effort limit per joint, N·m (nil:
	// unknown); it names the limit when the limb stops short of a posture.
	EffortLimit []float64
	// JointNames name the joints in notes (nil: "joint 1", …).
	JointNames []string
}

// ShortfallTolerance is how far (rad) a passive motion may end from its
// planned posture before the session notes it: 3°, about the inter-rater
// error of goniometry (Gajdosik & Bohannon 1987).
const ShortfallTolerance = 3 * math.Pi / 180

// Passive is passive range of motion: the robot moves the relaxed limb
// through the clinician's range in minimum-jerk cycles (Flash & Hogan 1985)
// at the clinician's speed, holding at each end, with a stiff joint PD.
// Continuous passive motion of this kind is standard after stroke and
// orthopaedic surgery to keep range and reduce tone.
type Passive struct {
	name   string
	p      *planned
	ctrl   *control.JointPD
	ki     float64
	offset []float64
	last   time.Duration
	effort []float64
	names  []string
	noted  []bool // a shortfall of the joint was noted
	notes  []string
}

// NewPassive returns a passive range-of-motion exercise for n joints.
func NewPassive(n int, cfg PassiveConfig) (*Passive, error) {
	if cfg.Name == "" {
		return nil, fmt.Errorf("passive: no name: %w", ErrExercise)
	}
	p, err := newPlanned(cfg.Name, n, cfg.Shuttle, cfg.PeakSpeed)
	if err != nil {
		return nil, err
	}
	kp, kd := cfg.Kp, cfg.Kd
	if kp == nil {
		kp = fill(n, 800)
	}
	if kd == nil {
		kd = fill(n, 40)
	}
	pd, err := control.NewJointPD(kp, kd, cfg.Gravity)
	if err != nil {
		return nil, fmt.Errorf("passive %s: %w", cfg.Name, err)
	}
	ki := cfg.Integral
	switch {
	case ki == 0:
		ki = 4
	case ki < 0:
		ki = 0
	}
	if !finite(ki) {
		return nil, fmt.Errorf("passive %s: integral gain %g: %w", cfg.Name, cfg.Integral, ErrExercise)
	}
	if cfg.EffortLimit != nil && len(cfg.EffortLimit) != n {
		return nil, fmt.Errorf("passive %s: %d effort limits for %d joints: %w", cfg.Name, len(cfg.EffortLimit), n, ErrExercise)
	}
	return &Passive{name: cfg.Name, p: p, ctrl: pd, ki: ki, offset: make([]float64, n),
		effort: cfg.EffortLimit, names: cfg.JointNames, noted: make([]bool, n)}, nil
}

// Name returns the exercise's name (also its controller's).
func (e *Passive) Name() string { return e.name }

// Kind returns the exercise mode.
func (e *Passive) Kind() Kind { return KindPassive }

// Controller returns the controller the exercise runs under.
func (e *Passive) Controller() control.NamedController {
	return control.NamedController{Name: e.name, Controller: e.ctrl}
}

// Begin starts or resumes the exercise from the measured posture.
func (e *Passive) Begin(now time.Duration, st *State) error {
	clear(e.offset)
	e.last = now
	return e.p.begin(now, st.Q)
}

// Update writes the minimum-jerk reference plus the integral correction.
func (e *Passive) Update(now time.Duration, st *State, sp *control.Setpoint) bool {
	leg, reps, target := e.p.leg, e.p.done, e.p.target()
	done := e.p.update(now, st, sp)
	if e.p.leg != leg || e.p.done != reps {
		e.checkReached(st, target)
	}
	dt := (now - e.last).Seconds()
	e.last = now
	for i := range e.offset {
		// Anti-windup: no integration while the drive is at the torque
		// limit — the limb cannot be pushed further, and an offset wound
		// up against the limit is released as a jolt when the reference
		// turns back (issue 14: the limb overshot its speed limit).
		err := sp.Q[i] - st.Q[i]
		if !(e.effort != nil && e.effort[i] > 0 && math.Abs(st.Effort[i]) >= 0.95*e.effort[i] && err*st.Effort[i] > 0) {
			e.offset[i] += e.ki * err * dt
		}
		e.offset[i] = math.Max(-0.1, math.Min(0.1, e.offset[i]))
		sp.Q[i] += e.offset[i]
	}
	return done
}

// checkReached notes, once per joint, a leg that ended more than
// ShortfallTolerance from its posture, and the limit that stopped it.
func (e *Passive) checkReached(st *State, target []float64) {
	for i, g := range target {
		miss := g - st.Q[i]
		if e.noted[i] || math.Abs(miss) <= ShortfallTolerance {
			continue
		}
		e.noted[i] = true
		why := "the limb's resistance (its stiffness or spasticity) held it back"
		if e.effort != nil && e.effort[i] > 0 && math.Abs(st.Effort[i]) >= 0.95*e.effort[i] {
			why = fmt.Sprintf("the robot was pushing at the patient's torque limit of %s N·m", trimNum(e.effort[i]))
		}
		e.notes = append(e.notes, fmt.Sprintf("%s reached %s of the planned %s: %s", jointName(e.names, i), Deg(st.Q[i]), Deg(g), why))
	}
}

// takeNotes returns the notes made since the last call.
func (e *Passive) takeNotes() []string {
	n := e.notes
	e.notes = nil
	return n
}

// Repetitions returns the completed repetitions and whether one is in progress.
func (e *Passive) Repetitions() (int, bool) { return e.p.repetitions() }

// Cue returns what the patient is shown.
func (e *Passive) Cue() Cue { return Cue{Mode: CueRelax} }

// Assistance returns the assistance level in [0, 1].
func (e *Passive) Assistance() float64 { return 1 }

// AssistedConfig configures assist-as-needed exercise.
type AssistedConfig struct {
	Name string
	Shuttle
	// PeakSpeed of the reference motions, rad/s.
	PeakSpeed float64
	// Assist configures the adaptive controller (Gravity required).
	Assist AssistConfig
}

// AssistAsNeeded is active-assisted exercise: the patient is cued to follow
// the same minimum-jerk cycles as passive motion, and the robot helps only
// as much as their tracking error shows they need (Assist). Its
// Assistance is the adapted stiffness over its ceiling.
type AssistAsNeeded struct {
	name        string
	p           *planned
	ctrl        *Assist
	refQ, refQd []float64
}

// NewAssistAsNeeded returns an assist-as-needed exercise for n joints.
func NewAssistAsNeeded(n int, cfg AssistedConfig) (*AssistAsNeeded, error) {
	if cfg.Name == "" {
		return nil, fmt.Errorf("assist-as-needed: no name: %w", ErrExercise)
	}
	p, err := newPlanned(cfg.Name, n, cfg.Shuttle, cfg.PeakSpeed)
	if err != nil {
		return nil, err
	}
	if len(cfg.Assist.Max) != n {
		return nil, fmt.Errorf("assist-as-needed %s: %d stiffness ceilings for %d joints: %w", cfg.Name, len(cfg.Assist.Max), n, ErrExercise)
	}
	c, err := NewAssist(cfg.Assist)
	if err != nil {
		return nil, fmt.Errorf("assist-as-needed %s: %w", cfg.Name, err)
	}
	return &AssistAsNeeded{name: cfg.Name, p: p, ctrl: c, refQ: make([]float64, n), refQd: make([]float64, n)}, nil
}

// Name returns the exercise's name (also its controller's).
func (e *AssistAsNeeded) Name() string { return e.name }

// Kind returns the exercise mode.
func (e *AssistAsNeeded) Kind() Kind { return KindAssist }

// Controller returns the controller the exercise runs under.
func (e *AssistAsNeeded) Controller() control.NamedController {
	return control.NamedController{Name: e.name, Controller: e.ctrl}
}

// Begin starts or resumes the exercise from the measured posture.
func (e *AssistAsNeeded) Begin(now time.Duration, st *State) error { return e.p.begin(now, st.Q) }

// Update writes the reference at now into sp.
func (e *AssistAsNeeded) Update(now time.Duration, st *State, sp *control.Setpoint) bool {
	done := e.p.update(now, st, sp)
	copy(e.refQ, sp.Q)
	copy(e.refQd, sp.Qd)
	return done
}

// Repetitions returns the completed repetitions and whether one is in progress.
func (e *AssistAsNeeded) Repetitions() (int, bool) { return e.p.repetitions() }

// Cue asks the patient to follow the moving reference.
func (e *AssistAsNeeded) Cue() Cue { return Cue{Mode: CueTrack, Q: e.refQ, Qd: e.refQd} }

// Assistance returns the assistance level in [0, 1].
func (e *AssistAsNeeded) Assistance() float64 { return e.ctrl.Level() }

// Assist returns the adaptive controller.
func (e *AssistAsNeeded) Assist() *Assist { return e.ctrl }

// CuedConfig is the part of the patient-driven modes' configuration that
// says where to go: the patient is cued to alternate between the Shuttle's
// postures; a target counts as reached within Tolerance (rad, every joint;
// 0 means 0.05) and is given up after AttemptTime (0 means 10 s).
type CuedConfig struct {
	Name string
	Shuttle
	Tolerance   float64
	AttemptTime time.Duration
	// SpeedLimits, when set (the supervisor's limits, one per joint), wrap
	// the mode's controller in a SpeedGovernor.
	SpeedLimits []control.JointLimits
	// JointNames name the joints in notes (nil: "joint 1", …).
	JointNames []string
}

// cued is the non-real-time half of the patient-driven modes.
type cued struct {
	name string
	r    *reached
	lim  []control.JointLimits
}

// loopController is c, wrapped in a SpeedGovernor when the exercise has
// speed limits.
func (e *cued) loopController(c control.Controller) control.NamedController {
	if e.lim != nil {
		if g, err := NewSpeedGovernor(c, e.lim); err == nil {
			c = g
		}
	}
	return control.NamedController{Name: e.name, Controller: c}
}

func newCued(n int, cfg CuedConfig) (cued, error) {
	if cfg.Name == "" {
		return cued{}, fmt.Errorf("exercise: no name: %w", ErrExercise)
	}
	r, err := newReached(cfg.Name, n, cfg.Shuttle, cfg.Tolerance, cfg.AttemptTime)
	if err != nil {
		return cued{}, err
	}
	if cfg.SpeedLimits != nil && len(cfg.SpeedLimits) != n {
		return cued{}, fmt.Errorf("%s: %d speed limits for %d joints: %w", cfg.Name, len(cfg.SpeedLimits), n, ErrExercise)
	}
	r.names = cfg.JointNames
	return cued{name: cfg.Name, r: r, lim: cfg.SpeedLimits}, nil
}

// Name returns the exercise's name (also its controller's).
func (e *cued) Name() string { return e.name }

// Begin starts or resumes the current attempt.
func (e *cued) Begin(now time.Duration, _ *State) error {
	e.r.begin(now)
	return nil
}

// Update posts the cue as the setpoint (controllers that hold a reference
// use it; transparent and resistive ones ignore it) and advances when the
// patient gets there.
func (e *cued) Update(now time.Duration, st *State, sp *control.Setpoint) bool {
	done := e.r.update(now, st.Q)
	copy(sp.Q, e.r.target())
	clear(sp.Qd)
	clear(sp.Qdd)
	return done
}

// Repetitions returns the completed repetitions and whether one is in progress.
func (e *cued) Repetitions() (int, bool) { return e.r.repetitions() }

// Cue returns what the patient is shown.
func (e *cued) Cue() Cue { return Cue{Mode: CueReach, Q: e.r.target()} }

// Active is active exercise in transparent mode (control.Transparent): the
// robot carries its own and the limb's weight and nothing else, so the
// patient does all the work — the assessment mode of exoskeletons.
type Active struct {
	cued
	ctrl *control.Transparent
}

// NewActive returns an active exercise for n joints; gravity is required.
func NewActive(n int, cfg CuedConfig, gravity control.GravityModel) (*Active, error) {
	c, err := newCued(n, cfg)
	if err != nil {
		return nil, err
	}
	t, err := control.NewTransparent(n, control.TransparentConfig{Gravity: gravity})
	if err != nil {
		return nil, fmt.Errorf("active %s: %w", cfg.Name, err)
	}
	return &Active{cued: c, ctrl: t}, nil
}

// Kind returns the exercise mode.
func (e *Active) Kind() Kind { return KindActive }

// Controller returns the controller the exercise runs under.
func (e *Active) Controller() control.NamedController { return e.loopController(e.ctrl) }

// Assistance returns the assistance level in [0, 1].
func (e *Active) Assistance() float64 { return 0 }

// Resistive is resistive exercise: the patient moves between the cued
// postures against a virtual damper or spring (Resist).
type Resistive struct {
	cued
	ctrl *Resist
}

// NewResistive returns a resistive exercise for n joints.
func NewResistive(n int, cfg CuedConfig, resist ResistConfig) (*Resistive, error) {
	c, err := newCued(n, cfg)
	if err != nil {
		return nil, err
	}
	r, err := NewResist(n, resist)
	if err != nil {
		return nil, fmt.Errorf("resistive %s: %w", cfg.Name, err)
	}
	return &Resistive{cued: c, ctrl: r}, nil
}

// Kind returns the exercise mode.
func (e *Resistive) Kind() Kind { return KindResistive }

// Controller returns the controller the exercise runs under.
func (e *Resistive) Controller() control.NamedController { return e.loopController(e.ctrl) }

// Assistance returns the assistance level in [0, 1].
func (e *Resistive) Assistance() float64 { return 0 }

// GuidanceConfig configures path guidance. The path runs between the
// Shuttle's postures; the corridor's From and To are taken from it.
type GuidanceConfig struct {
	CuedConfig
	Corridor CorridorConfig
}

// Guidance is path guidance with virtual walls: the patient moves between
// the cued postures inside a corridor around the straight path (Corridor).
// Its Assistance is the fraction of time spent against a wall, averaged
// over the last second.
type Guidance struct {
	cued
	ctrl     *Corridor
	avg      float64
	last     time.Duration
	started  bool
	maxDepth float64
}

// NewGuidance returns a path-guidance exercise for n joints.
func NewGuidance(n int, cfg GuidanceConfig) (*Guidance, error) {
	c, err := newCued(n, cfg.CuedConfig)
	if err != nil {
		return nil, err
	}
	cc := cfg.Corridor
	cc.From, cc.To = cfg.From, cfg.To
	k, err := NewCorridor(cc)
	if err != nil {
		return nil, fmt.Errorf("guidance %s: %w", cfg.Name, err)
	}
	return &Guidance{cued: c, ctrl: k}, nil
}

// Kind returns the exercise mode.
func (e *Guidance) Kind() Kind { return KindGuidance }

// Controller returns the controller the exercise runs under.
func (e *Guidance) Controller() control.NamedController { return e.loopController(e.ctrl) }

// Update samples the wall contact, then advances like the other cued modes.
func (e *Guidance) Update(now time.Duration, st *State, sp *control.Setpoint) bool {
	if e.started {
		dt := (now - e.last).Seconds()
		a := 1 - math.Exp(-dt/1.0)
		e.avg += a * (e.ctrl.Outside() - e.avg)
	}
	e.last, e.started = now, true
	e.maxDepth = math.Max(e.maxDepth, e.ctrl.Depth())
	return e.cued.Update(now, st, sp)
}

// Assistance returns the assistance level in [0, 1].
func (e *Guidance) Assistance() float64 { return e.avg }

// MaxDepth returns the deepest excursion beyond a wall seen so far.
func (e *Guidance) MaxDepth() float64 { return e.maxDepth }

// Corridor returns the wall controller.
func (e *Guidance) Corridor() *Corridor { return e.ctrl }

// Hold returns the controller the runner parks the robot with while paused
// and between exercises: a joint PD with gravity support, named HoldName.
func Hold(n int, kp, kd float64, gravity control.GravityModel) (control.NamedController, error) {
	pd, err := control.NewJointPD(fill(n, kp), fill(n, kd), gravity)
	if err != nil {
		return control.NamedController{}, fmt.Errorf("hold: %w", err)
	}
	return control.NamedController{Name: HoldName, Controller: pd}, nil
}

// HoldName is the name of the runner's hold controller.
const HoldName = "session-hold"

// Protocol is an ordered list of exercises.
type Protocol []Exercise

// Controllers returns the controllers a loop needs to run the protocol: hold
// first (the loop starts with it), then each exercise's. Names must be
// unique.
func (p Protocol) Controllers(hold control.NamedController) ([]control.NamedController, error) {
	out := []control.NamedController{hold}
	seen := map[string]bool{hold.Name: true}
	for i, e := range p {
		c := e.Controller()
		if seen[c.Name] {
			return nil, fmt.Errorf("protocol: exercise %d: controller name %q used twice: %w", i, c.Name, ErrExercise)
		}
		seen[c.Name] = true
		out = append(out, c)
	}
	return out, nil
}

// Gravity returns a fresh gravity model for c. Each controller, the
// supervisor's hold and the runner need their own (kinematics.Dynamics is
// not safe for concurrent use).
func Gravity(c *kinematics.Chain) control.GravityModel { return kinematics.NewDynamics(c) }

func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

var (
	_ Exercise = (*Passive)(nil)
	_ Exercise = (*AssistAsNeeded)(nil)
	_ Exercise = (*Active)(nil)
	_ Exercise = (*Resistive)(nil)
	_ Exercise = (*Guidance)(nil)
)

// Notes returns what the clinician should know about how the exercise was
// fitted to the patient and robot (a range shortened by a torque limit).
func (e *Passive) Notes() []string { return e.p.notes }

// Notes returns what the clinician should know about how the exercise was
// fitted to the patient and robot.
func (e *AssistAsNeeded) Notes() []string { return e.p.notes }

// Notes returns what the clinician should know about how the exercise was
// fitted to the patient and robot.
func (e *cued) Notes() []string { return e.r.notes }

// takeNotes returns the notes made since the last call (a movement given
// up after the attempt time).
func (e *cued) takeNotes() []string {
	n := e.r.pending
	e.r.pending = nil
	return n
}

func (e *Passive) maxDuration() (time.Duration, time.Duration)        { return e.p.maxDuration() }
func (e *AssistAsNeeded) maxDuration() (time.Duration, time.Duration) { return e.p.maxDuration() }
func (e *cued) maxDuration() (time.Duration, time.Duration)           { return e.r.maxDuration() }

// MaxDuration bounds an exercise's running time (pauses and safety stops
// excluded) as its prescription allows: for passive and assisted motion
// the approach from anywhere in the range, then every leg at the planned
// speed and every hold; for the patient-driven modes every leg's attempt
// time. The runner ends an exercise that overruns it (with RunnerSlack),
// which does not happen unless something is wrong. ok is false for an
// exercise of another package.
func MaxDuration(e Exercise) (d time.Duration, ok bool) {
	b, ok := e.(interface {
		maxDuration() (time.Duration, time.Duration)
	})
	if !ok {
		return 0, false
	}
	d, _ = b.maxDuration()
	return d, true
}
