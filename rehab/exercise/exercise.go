package exercise

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/control"
)

// Kind names an exercise mode.
type Kind string

// The exercise modes.
const (
	KindPassive   Kind = "passive-rom"
	KindAssist    Kind = "assist-as-needed"
	KindActive    Kind = "active"
	KindResistive Kind = "resistive"
	KindGuidance  Kind = "path-guidance"
)

// Exercise is one block of a session protocol. An exercise runs on the
// non-real-time side: each runner step it reads the robot's State and
// writes the setpoint the loop's controller tracks; the controller itself
// (Controller) runs in the loop and must be registered there before the loop
// starts (Protocol.Controllers). An exercise asks; the safety supervisor,
// configured from the patient's limits (SafetyConfig), decides what reaches
// the drives — exercises do not clamp to the patient's range themselves.
//
// Exercises are used by one goroutine (the runner's), except Assistance,
// which reads an atomic the controller publishes.
type Exercise interface {
	Name() string
	Kind() Kind
	// Controller is the controller the exercise runs under, named
	// Name().
	Controller() control.NamedController
	// Begin starts — or, after a pause, resumes — the exercise from the
	// measured state: trajectories are re-planned from where the robot is.
	Begin(now time.Duration, st *State) error
	// Update advances the exercise to now and writes the setpoint to post
	// into sp (sized for the robot). It reports true when the exercise is
	// finished.
	Update(now time.Duration, st *State, sp *control.Setpoint) (done bool)
	// Repetitions returns the completed repetitions and whether a counted
	// repetition is in progress (false while approaching the start).
	Repetitions() (completed int, inRepetition bool)
	// Cue returns what the patient is shown: a goal to reach, a moving
	// target to follow, or nothing (relax, during passive motion). Its
	// slices are the exercise's; valid until the next Update.
	Cue() Cue
	// Assistance returns the current assistance level for the report: the
	// fraction of the maximum help the robot gives, in [0, 1] (1 for passive
	// motion, 0 for active and resistive, the adapted stiffness over its
	// maximum for assist-as-needed, the fraction of time in contact with a
	// wall for path guidance).
	Assistance() float64
}

// CueMode says what the patient is asked to do.
type CueMode uint8

// Cue modes.
const (
	CueRelax CueMode = iota // let the robot move the limb
	CueReach                // move to the posture Q, at one's own pace
	CueTrack                // follow the moving target Q (velocity Qd)
)

// Cue is what an exercise shows the patient; the console draws it and a
// simulated patient acts on it (patientsim: Relax, SetGoal, Track).
type Cue struct {
	Mode  CueMode
	Q, Qd []float64
}

// ErrExercise is wrapped by exercise configuration errors.
var ErrExercise = errors.New("exercise: invalid configuration")

// Shuttle is the motion common to every mode: back and forth between two
// postures set by the clinician. A repetition is From → To → From; before
// the first one the robot (or the patient) approaches From.
type Shuttle struct {
	// From and To are joint postures, rad. Joints that do not take part have
	// equal values in both.
	From, To []float64
	// Repetitions to do; > 0.
	Repetitions int
	// Hold is the time spent at each end before moving on.
	Hold time.Duration
	// notes are told the clinician when the exercise starts (Build's
	// adjustments of the prescription).
	notes []string
	// reach is the farthest (rad) any joint can be from a posture of the
	// shuttle when the exercise begins: the width of the supervisor's
	// range plus its margins (Build sets it; 0 means 2π). It bounds the
	// approach.
	reach float64
}

// maxReach returns s.reach or its default.
func (s *Shuttle) maxReach() float64 {
	if s.reach > 0 {
		return s.reach
	}
	return 2 * math.Pi
}

func (s *Shuttle) check(name string, n int) error {
	if len(s.From) != n || len(s.To) != n {
		return fmt.Errorf("%s: postures with %d and %d values for %d joints: %w", name, len(s.From), len(s.To), n, ErrExercise)
	}
	if s.Repetitions <= 0 || s.Hold < 0 {
		return fmt.Errorf("%s: %d repetitions, hold %v: %w", name, s.Repetitions, s.Hold, ErrExercise)
	}
	for i := range s.From {
		if !finite(s.From[i]) || !finite(s.To[i]) {
			return fmt.Errorf("%s: non-finite posture: %w", name, ErrExercise)
		}
	}
	return nil
}

// legs of a shuttle
const (
	legApproach = iota // to From, not counted
	legOut             // From → To
	legBack            // To → From
)

// shuttle is a Shuttle's progress.
type shuttle struct {
	Shuttle
	leg  int
	done int
}

func (s *shuttle) target() []float64 {
	if s.leg == legOut {
		return s.To
	}
	return s.From
}

// advance moves to the next leg and reports whether the exercise is over.
func (s *shuttle) advance() bool {
	switch s.leg {
	case legApproach, legBack:
		if s.leg == legBack {
			s.done++
			if s.done >= s.Repetitions {
				return true
			}
		}
		s.leg = legOut
	case legOut:
		s.leg = legBack
	}
	return false
}

func (s *shuttle) finished() bool { return s.done >= s.Repetitions }

func (s *shuttle) repetitions() (int, bool) { return s.done, s.leg != legApproach && !s.finished() }

// planned is a shuttle driven by a minimum-jerk reference (passive and
// assisted modes): each leg is a synchronised joint-space minimum-jerk
// motion at the clinician's peak speed, then a hold.
type planned struct {
	shuttle
	traj  *control.JointMinJerk
	start time.Duration
	dur   time.Duration
	speed float64
	// settling: the limb is braked to rest before the leg is planned.
	settling    bool
	settleStart time.Duration
}

// PlannedAcceleration bounds the acceleration of planned motions, rad/s²
// (about 170°/s²). Without it a short leg at the planned peak speed — a
// held joint brought to its posture at the speed of the exercised one —
// takes a fraction of a second with peak accelerations near 10 rad/s²; the
// joint PD lags and, catching up, overshoots the peak speed by a quarter,
// past the patient's speed limit (issue 14). Long legs at clinical speeds
// accelerate far less (1.8 rad at 1.2 rad/s: 1.3 rad/s²) and are unchanged.
const PlannedAcceleration = 3.0

func newPlanned(name string, n int, sh Shuttle, peakSpeed float64) (*planned, error) {
	if err := sh.check(name, n); err != nil {
		return nil, err
	}
	if !(peakSpeed > 0) || math.IsInf(peakSpeed, 0) {
		return nil, fmt.Errorf("%s: peak speed %g rad/s: %w", name, peakSpeed, ErrExercise)
	}
	v, a := make([]float64, n), make([]float64, n)
	for i := range v {
		v[i], a[i] = peakSpeed, PlannedAcceleration
	}
	traj, err := control.NewJointMinJerk(v, a)
	if err != nil {
		return nil, err
	}
	sh.From, sh.To = append([]float64(nil), sh.From...), append([]float64(nil), sh.To...)
	return &planned{shuttle: shuttle{Shuttle: sh}, traj: traj, speed: peakSpeed}, nil
}

// Settling: a planned motion starts from rest. The limb may still be
// moving when the exercise begins (a patient-driven exercise before it
// ended on an arrival or a timeout mid-movement); a minimum-jerk leg
// planned from rest would then lag the limb and the stiff joint PD,
// catching up, would throw it past its speed limit (issue 14). So the
// reference first follows the limb with zero velocity — pure damping, no
// spring-back — until every joint is slower than SettleSpeed, for at most
// SettleTime, and the leg is planned from where it then is.
const (
	SettleSpeed = 0.05 // rad/s
	SettleTime  = time.Second
)

// begin re-plans the current leg from the measured posture once the limb
// has settled.
func (p *planned) begin(now time.Duration, q []float64) error {
	for i, x := range q {
		if !finite(x) {
			return fmt.Errorf("planned motion: joint %d at %g rad: %w", i, x, ErrExercise)
		}
	}
	p.settling, p.settleStart = true, now
	return nil
}

// settle holds the reference on the limb while it settles; it reports
// whether the leg is planned (the limb has settled or SettleTime passed).
func (p *planned) settle(now time.Duration, st *State, sp *control.Setpoint) bool {
	still := true
	for _, v := range st.Qd {
		if math.Abs(v) >= SettleSpeed {
			still = false
			break
		}
	}
	if !still && now-p.settleStart < SettleTime {
		copy(sp.Q, st.Q)
		clear(sp.Qd)
		clear(sp.Qdd)
		sp.HasPose, sp.HasTwist = false, false
		return false
	}
	d, err := p.traj.Plan(st.Q, p.target(), 0)
	if err != nil { // cannot happen: postures and q were checked
		d = 0
	}
	p.start, p.dur, p.settling = now, d, false
	return true
}

// maxDuration bounds the exercise's running time: the approach from as far
// as the limb can be, then every leg and hold; perResume is what a resume
// adds (the current leg is re-planned from where the limb is).
func (p *planned) maxDuration() (total, perResume time.Duration) {
	leg := 0.0
	for i := range p.From {
		leg = math.Max(leg, control.MinJerkDuration(p.To[i]-p.From[i], p.speed, PlannedAcceleration))
	}
	approach := SettleTime + time.Duration(control.MinJerkDuration(p.maxReach(), p.speed, PlannedAcceleration)*float64(time.Second)) + p.Hold
	legs := time.Duration(leg*float64(time.Second)) + p.Hold
	return approach + time.Duration(2*p.Repetitions)*legs, approach
}

// update writes the reference at now into sp and advances legs.
func (p *planned) update(now time.Duration, st *State, sp *control.Setpoint) bool {
	if p.finished() {
		p.traj.Sample(p.dur, sp)
		return true
	}
	if p.settling && !p.settle(now, st, sp) {
		return false
	}
	for now-p.start >= p.dur+p.Hold {
		end := p.start + p.dur + p.Hold
		from := p.target()
		if p.advance() {
			p.traj.Sample(p.dur, sp)
			return true
		}
		d, err := p.traj.Plan(from, p.target(), 0)
		if err != nil { // cannot happen: postures were checked
			return true
		}
		p.start, p.dur = end, d
	}
	p.traj.Sample(now-p.start, sp)
	return false
}

// reached is a shuttle driven by the patient (active, resistive and guided
// modes): the cue moves to the other end once the patient is within
// Tolerance of it for every joint — or, if they cannot get there, after
// AttemptTime, so a tiring patient's shrinking range shows in the record
// instead of stalling the session.
type reached struct {
	shuttle
	tol     float64
	attempt time.Duration
	since   time.Duration // leg start
	arrived time.Duration // −1: not at the target
	// gaveUp: a movement was given up after the attempt time (noted once
	// per exercise); names name the joints in the note.
	gaveUp  bool
	names   []string
	pending []string
}

// noteGaveUp notes the first movement given up: the joint farthest from
// the target and where it got to.
func (r *reached) noteGaveUp(q []float64) {
	far, worst := -1, 0.0
	for i, g := range r.target() {
		if d := math.Abs(q[i] - g); d > r.tol && d > worst {
			far, worst = i, d
		}
	}
	if far < 0 {
		return
	}
	r.pending = append(r.pending, fmt.Sprintf("%s did not reach %s within the %s allowed (it got to %s); a movement not reached moves on after the time allowed",
		jointName(r.names, far), Deg(r.target()[far]), seconds(r.attempt), Deg(q[far])))
}

func newReached(name string, n int, sh Shuttle, tol float64, attempt time.Duration) (*reached, error) {
	if err := sh.check(name, n); err != nil {
		return nil, err
	}
	if tol == 0 {
		tol = 0.05
	}
	if attempt == 0 {
		attempt = 10 * time.Second
	}
	if !(tol > 0) || attempt < 0 {
		return nil, fmt.Errorf("%s: tolerance %g, attempt time %v: %w", name, tol, attempt, ErrExercise)
	}
	sh.From, sh.To = append([]float64(nil), sh.From...), append([]float64(nil), sh.To...)
	return &reached{shuttle: shuttle{Shuttle: sh}, tol: tol, attempt: attempt, arrived: -1}, nil
}

func (r *reached) begin(now time.Duration) { r.since, r.arrived = now, -1 }

// maxDuration bounds the exercise's running time: every leg, the approach
// included, ends within the attempt time; a resume restarts the current
// leg's.
func (r *reached) maxDuration() (total, perResume time.Duration) {
	return time.Duration(1+2*r.Repetitions) * r.attempt, r.attempt
}

func (r *reached) update(now time.Duration, q []float64) bool {
	if r.finished() {
		return true
	}
	at := true
	for i, g := range r.target() {
		if math.Abs(q[i]-g) > r.tol {
			at = false
			break
		}
	}
	switch {
	case at && r.arrived < 0:
		r.arrived = now
	case !at && r.Hold > 0:
		r.arrived = -1
	}
	if (r.arrived >= 0 && now-r.arrived >= r.Hold) || now-r.since >= r.attempt {
		if r.arrived < 0 && !r.gaveUp {
			r.gaveUp = true
			r.noteGaveUp(q)
		}
		if r.advance() {
			return true
		}
		r.since, r.arrived = now, -1
	}
	return false
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
