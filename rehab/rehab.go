package rehab

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"time"
)

// Side is the side of the body affected by the condition being treated.
type Side string

// The sides a patient record may name.
const (
	SideLeft      Side = "left"
	SideRight     Side = "right"
	SideBilateral Side = "bilateral"
	SideNone      Side = "none"
)

// Valid reports whether s is one of the named sides.
func (s Side) Valid() bool {
	switch s {
	case SideLeft, SideRight, SideBilateral, SideNone:
		return true
	}
	return false
}

// Limits of a patient record accepted by Validate.
const (
	MinHeight = 0.5   // m
	MaxHeight = 2.5   // m
	MinMass   = 10.0  // kg
	MaxMass   = 300.0 // kg
)

// JointLimit is what a clinician prescribes for one joint of one patient:
// the range of motion the robot may move it through, and the largest
// torque and speed it may apply.
type JointLimit struct {
	Joint     string  `json:"joint"`
	ROMMin    float64 `json:"rom_min"`    // rad
	ROMMax    float64 `json:"rom_max"`    // rad
	MaxTorque float64 `json:"max_torque"` // N·m
	MaxSpeed  float64 `json:"max_speed"`  // rad/s
}

// Patient is a pseudonymous patient record. ID is chosen by the clinic (a
// pseudonym such as "P-0042"); no name or other direct identifier is kept.
type Patient struct {
	ID           string       `json:"id"`
	Height       float64      `json:"height"` // m
	Mass         float64      `json:"mass"`   // kg
	AffectedSide Side         `json:"affected_side"`
	Limits       []JointLimit `json:"limits"`
	CreatedAt    time.Time    `json:"created_at"`
}

// FieldError is a validation error that names the offending field with a
// JSON path such as "limits[1].rom_max".
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ValidID reports whether id is a well-formed identifier: 1–64 characters
// of letters, digits, '.', '_' and '-', starting with a letter or digit.
func ValidID(id string) bool { return idPattern.MatchString(id) }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Validate checks p and returns a *FieldError naming the first bad field.
func (p *Patient) Validate() error {
	if !ValidID(p.ID) {
		return fieldErr("id", "want 1–64 characters of letters, digits, '.', '_' or '-'")
	}
	if !finite(p.Height) || p.Height < MinHeight || p.Height > MaxHeight {
		return fieldErr("height", "%g m outside [%g, %g] m", p.Height, MinHeight, MaxHeight)
	}
	if !finite(p.Mass) || p.Mass < MinMass || p.Mass > MaxMass {
		return fieldErr("mass", "%g kg outside [%g, %g] kg", p.Mass, MinMass, MaxMass)
	}
	if !p.AffectedSide.Valid() {
		return fieldErr("affected_side", "%q is not left, right, bilateral or none", p.AffectedSide)
	}
	if len(p.Limits) == 0 {
		return fieldErr("limits", "at least one joint is required")
	}
	seen := map[string]bool{}
	for i, l := range p.Limits {
		f := fmt.Sprintf("limits[%d].", i)
		if l.Joint == "" || len(l.Joint) > 64 {
			return fieldErr(f+"joint", "want a joint name of 1–64 characters")
		}
		if seen[l.Joint] {
			return fieldErr(f+"joint", "joint %q listed twice", l.Joint)
		}
		seen[l.Joint] = true
		if !finite(l.ROMMin) || l.ROMMin < -2*math.Pi {
			return fieldErr(f+"rom_min", "%g rad is not a finite angle ≥ −2π", l.ROMMin)
		}
		if !finite(l.ROMMax) || l.ROMMax > 2*math.Pi {
			return fieldErr(f+"rom_max", "%g rad is not a finite angle ≤ 2π", l.ROMMax)
		}
		if !(l.ROMMin < l.ROMMax) {
			return fieldErr(f+"rom_max", "must exceed rom_min (%g ≥ %g rad)", l.ROMMin, l.ROMMax)
		}
		if !finite(l.MaxTorque) || l.MaxTorque <= 0 || l.MaxTorque > 1000 {
			return fieldErr(f+"max_torque", "%g N·m outside (0, 1000]", l.MaxTorque)
		}
		if !finite(l.MaxSpeed) || l.MaxSpeed <= 0 || l.MaxSpeed > 20 {
			return fieldErr(f+"max_speed", "%g rad/s outside (0, 20]", l.MaxSpeed)
		}
	}
	return nil
}

// Limit returns the limit of the named joint.
func (p *Patient) Limit(joint string) (JointLimit, bool) {
	for _, l := range p.Limits {
		if l.Joint == joint {
			return l, true
		}
	}
	return JointLimit{}, false
}

// Exercise is one step of a protocol. Mode names the exercise mode (for
// example "passive", "active-assisted", "active", "resistive"); Params are
// the mode's own parameters, kept as JSON so that modes can evolve without
// a schema change here. Assistance is the nominal share of the motion the
// robot provides, 0 (none) to 1 (fully passive).
type Exercise struct {
	Mode        string          `json:"mode"`
	Joints      []string        `json:"joints,omitempty"`
	Repetitions int             `json:"repetitions"`
	Assistance  float64         `json:"assistance"`
	Params      json.RawMessage `json:"params,omitempty"`
}

// Protocol is an ordered list of exercises.
type Protocol struct {
	Name      string     `json:"name"`
	Exercises []Exercise `json:"exercises"`
}

// Validate checks pr against the patient it is prescribed for (nil skips
// the joint checks) and returns a *FieldError naming the first bad field.
// The field names are relative to the protocol ("exercises[0].mode").
func (pr *Protocol) Validate(p *Patient) error {
	if len(pr.Name) > 200 {
		return fieldErr("name", "longer than 200 characters")
	}
	if len(pr.Exercises) == 0 {
		return fieldErr("exercises", "at least one exercise is required")
	}
	if len(pr.Exercises) > 100 {
		return fieldErr("exercises", "more than 100 exercises")
	}
	for i, e := range pr.Exercises {
		f := fmt.Sprintf("exercises[%d].", i)
		if e.Mode == "" || len(e.Mode) > 64 {
			return fieldErr(f+"mode", "want a mode name of 1–64 characters")
		}
		if e.Repetitions < 1 || e.Repetitions > 1000 {
			return fieldErr(f+"repetitions", "%d outside [1, 1000]", e.Repetitions)
		}
		if !finite(e.Assistance) || e.Assistance < 0 || e.Assistance > 1 {
			return fieldErr(f+"assistance", "%g outside [0, 1]", e.Assistance)
		}
		if len(e.Params) > 0 && !json.Valid(e.Params) {
			return fieldErr(f+"params", "not valid JSON")
		}
		for k, j := range e.Joints {
			if p == nil {
				break
			}
			if _, ok := p.Limit(j); !ok {
				return fieldErr(fmt.Sprintf("%sjoints[%d]", f, k), "patient %s has no limits for joint %q", p.ID, j)
			}
		}
	}
	return nil
}

// Status is where a session is in its life cycle.
type Status string

// The session statuses.
const (
	StatusCreated     Status = "created"
	StatusRunning     Status = "running"
	StatusPaused      Status = "paused"
	StatusStopped     Status = "stopped"     // ended early by a clinician
	StatusCompleted   Status = "completed"   // every exercise done
	StatusInterrupted Status = "interrupted" // found running or paused at start-up
)

// Statuses lists every status.
var Statuses = []Status{StatusCreated, StatusRunning, StatusPaused, StatusStopped, StatusCompleted, StatusInterrupted}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, x := range Statuses {
		if s == x {
			return true
		}
	}
	return false
}

// Active reports whether a session in status s holds its robot.
func (s Status) Active() bool { return s == StatusRunning || s == StatusPaused }

// Final reports whether s is an end state.
func (s Status) Final() bool {
	return s == StatusStopped || s == StatusCompleted || s == StatusInterrupted
}

// CanTransition reports whether a session may go from s to to.
func (s Status) CanTransition(to Status) bool {
	switch s {
	case StatusCreated:
		return to == StatusRunning || to == StatusStopped
	case StatusRunning:
		return to == StatusPaused || to == StatusStopped || to == StatusCompleted || to == StatusInterrupted
	case StatusPaused:
		return to == StatusRunning || to == StatusStopped || to == StatusInterrupted
	}
	return false
}

// ErrTransition is wrapped by errors reporting a refused status change.
var ErrTransition = errors.New("invalid session state transition")

// Progress is how far a session has come.
type Progress struct {
	Exercise   int     `json:"exercise"`   // index into Protocol.Exercises
	Repetition int     `json:"repetition"` // within the exercise, from 1 (0: approaching)
	Elapsed    float64 `json:"elapsed"`    // s, time of the last sample recorded
	Samples    int64   `json:"samples"`    // samples recorded
}

// Session is one therapy session of one patient on one robot.
type Session struct {
	ID        string `json:"id"`
	PatientID string `json:"patient_id"`
	Robot     string `json:"robot"`
	// Joints names the joints a Sample's slices hold, in order: the
	// joints of the patient's limits.
	Joints    []string  `json:"joints"`
	Protocol  Protocol  `json:"protocol"`
	Status    Status    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
	// StartedAt and EndedAt are zero until the session starts and ends.
	StartedAt time.Time `json:"started_at,omitzero"`
	EndedAt   time.Time `json:"ended_at,omitzero"`
	Progress  Progress  `json:"progress"`
	// EndReason says, in the clinician's words and units, why the session
	// ended early (a safety stop, a bound: rehab/exercise); empty when it
	// completed or a clinician stopped it.
	EndReason string `json:"end_reason,omitempty"`
}

// EarlyEnd is implemented by the errors a runner passes to
// SampleSink.Done when a session ended early on its own (a safety stop, a
// bound): EndReason is what the clinician reads.
type EarlyEnd interface {
	error
	EndReason() string
}

// Sample is one instant of a session as the runner saw it. T is seconds
// since the session started (pauses included); the slices are per joint in
// the order of Session.Joints: position q (rad), velocity qd (rad/s) and
// the interaction torque between patient and robot (N·m). Assistance is the
// share of the motion the robot provided at that instant (0–1). Exercise
// indexes Protocol.Exercises; Repetition counts from 1, and 0 marks the
// approach to an exercise's start posture (not a repetition).
type Sample struct {
	T          float64   `json:"t"`
	Q          []float64 `json:"q"`
	QD         []float64 `json:"qd"`
	Tau        []float64 `json:"tau_interaction"`
	Assistance float64   `json:"assistance"`
	Exercise   int       `json:"exercise"`
	Repetition int       `json:"repetition"`
}

// Validate checks that s is finite and its slices have n joints each.
func (s *Sample) Validate(n int) error {
	if len(s.Q) != n || len(s.QD) != n || len(s.Tau) != n {
		return fmt.Errorf("sample at t=%g s: want %d joints, have q %d, qd %d, tau %d", s.T, n, len(s.Q), len(s.QD), len(s.Tau))
	}
	if !finite(s.T) || !finite(s.Assistance) {
		return fmt.Errorf("sample at t=%g s: non-finite time or assistance", s.T)
	}
	for _, v := range [][]float64{s.Q, s.QD, s.Tau} {
		for _, x := range v {
			if !finite(x) {
				return fmt.Errorf("sample at t=%g s: non-finite joint value", s.T)
			}
		}
	}
	return nil
}
