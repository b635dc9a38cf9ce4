package exercise

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
)

// Ranges of the mode parameters accepted at prescription time
// (CheckPrescription). They bound what a clinician may type, not what is
// safe — the supervisor enforces the patient's limits whatever the
// prescription — so that a typing slip (a period of 0.01 s or −4 s) is
// refused with its field named instead of running as something else.
const (
	// MinPeriodS and MaxPeriodS bound period_s, the time of one repetition
	// out and back. Below 2 s even a 60° range peaks near 2 rad/s
	// (115°/s), beyond the speed limits clinicians record for impaired
	// joints, so the motion would be slowed to the limit anyway and the
	// "time per repetition" would not mean what was typed; above 10
	// minutes a repetition is slower than continuous passive motion is
	// prescribed at, and a few repetitions fill a day.
	MinPeriodS = 2.0
	MaxPeriodS = 600.0
	// MaxPeakSpeed bounds peak_speed, rad/s: the exoskeleton's fastest
	// rated joint (3 rad/s); the plan is held to 80 % of the patient's
	// limit in any case.
	MaxPeakSpeed = 3.0
	// MaxHoldS bounds hold_s: a minute at each end.
	MaxHoldS = 60.0
	// MinAttemptS and MaxAttemptS bound attempt_s, the time a patient is
	// given to reach a target: under a second is less than a stroke
	// survivor's reaction and movement time; two minutes per movement is
	// beyond any protocol.
	MinAttemptS = 1.0
	MaxAttemptS = 120.0
)

// paramRanges are the numeric parameters' accepted ranges [lo, hi]; 0
// always means "the default" and is accepted. unit renders values: "s", "rad" (shown in degrees), "rad/s" (degrees per second) or
// an SI unit shown as typed.
var paramRanges = map[string]struct {
	lo, hi float64
	unit   string
}{
	"period_s":       {MinPeriodS, MaxPeriodS, "s"},
	"peak_speed":     {0.05, MaxPeakSpeed, "rad/s"},
	"hold_s":         {0, MaxHoldS, "s"},
	"attempt_s":      {MinAttemptS, MaxAttemptS, "s"},
	"tolerance":      {0.005, 0.35, "rad"},
	"viscous":        {0, 100, "N·m·s/rad"},
	"elastic":        {0, 500, "N·m/rad"},
	"max_stiffness":  {1, 2000, "N·m/rad"},
	"wall_stiffness": {1, 20000, "N·m/rad (N/m in Cartesian space)"},
	"wall_damping":   {0, 1000, "N·m·s/rad (N·s/m in Cartesian space)"},
}

func fmtParam(x float64, unit string) string {
	switch unit {
	case "rad":
		return Deg(x)
	case "rad/s":
		return fmt.Sprintf("%s rad/s (%s/s)", trimNum2(x), Deg(x))
	}
	return trimNum2(x) + " " + unit
}

// trimNum2 keeps what was typed (0.01 s, not 0 s).
func trimNum2(x float64) string {
	return strings.Replace(fmt.Sprintf("%g", x), "-", "−", 1)
}

func fieldErr(field, format string, args ...any) error {
	return &rehab.FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// ModeNames lists the modes Build accepts (aliases included), sorted.
func ModeNames() []string {
	out := make([]string, 0, len(modeAliases))
	for k := range modeAliases {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// paramNames lists Params' JSON names.
func paramNames() []string {
	t := reflect.TypeFor[Params]()
	out := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		out = append(out, strings.Split(t.Field(i).Tag.Get("json"), ",")[0])
	}
	return out
}

// CheckPrescription checks a protocol for a patient on the robot chain c
// before a session is created, so that what the robot cannot run is
// refused with the field at fault named (relative to the protocol, e.g.
// "exercises[0].params.period_s") instead of when the session starts. It
// returns a *rehab.FieldError. Angles in messages are degrees, as the
// clinician typed them.
func CheckPrescription(c *kinematics.Chain, p *rehab.Patient, pr *rehab.Protocol) error {
	if err := pr.Validate(p); err != nil {
		return err
	}
	robotJoints := make([]string, len(c.Joints))
	for i, j := range c.Joints {
		robotJoints[i] = j.Name
	}
	for i, ex := range pr.Exercises {
		f := fmt.Sprintf("exercises[%d].", i)
		if _, ok := modeAliases[strings.ToLower(ex.Mode)]; !ok {
			return fieldErr(f+"mode", "unknown mode %q; the modes are %s", ex.Mode, strings.Join(ModeNames(), ", "))
		}
		for k, j := range ex.Joints {
			if _, err := JointIndex(c, []string{j}); err != nil {
				return fieldErr(fmt.Sprintf("%sjoints[%d]", f, k), "%s has no joint %q (its joints: %s)", c.Name, j, strings.Join(robotJoints, ", "))
			}
		}
		if err := checkParams(f+"params", ex, p); err != nil {
			return err
		}
	}
	// The patient's joints must all be the robot's: a session records and
	// limits every one of them.
	for k, l := range p.Limits {
		if _, err := JointIndex(c, []string{l.Joint}); err != nil {
			return fieldErr("patient_id", "patient %s has limits for joint %q (limits[%d]), which %s does not have (its joints: %s)",
				p.ID, l.Joint, k, c.Name, strings.Join(robotJoints, ", "))
		}
	}
	if _, _, err := PatientLimits(c, p); err != nil {
		return fieldErr("patient_id", "%v", err)
	}
	// Everything else Build decides (a path no posture of which the robot
	// can hold within the torque limit) is found by building the plan.
	for i := range pr.Exercises {
		one := rehab.RunSpec{Patient: *p, Protocol: rehab.Protocol{Exercises: pr.Exercises[i : i+1]}}
		if _, err := NewPlan(c, &one); err != nil {
			return fieldErr(fmt.Sprintf("exercises[%d]", i), "%s", strings.TrimPrefix(unwrapText(err), "sim runner: "))
		}
	}
	return nil
}

// unwrapText is err's message without the package's sentinel suffixes.
func unwrapText(err error) string {
	s := err.Error()
	for _, sentinel := range []error{ErrExercise, ErrLimits} {
		if errors.Is(err, sentinel) {
			s = strings.TrimSuffix(s, ": "+sentinel.Error())
		}
	}
	return s
}

func checkParams(f string, ex rehab.Exercise, p *rehab.Patient) error {
	if len(ex.Params) == 0 || bytes.Equal(bytes.TrimSpace(ex.Params), []byte("null")) {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(ex.Params, &raw); err != nil {
		return fieldErr(f, "want a JSON object of parameters such as {\"period_s\": 4}")
	}
	known := paramNames()
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !contains(known, k) {
			return fieldErr(f+"."+k, "unknown parameter; the parameters are %s", strings.Join(known, ", "))
		}
	}
	var ps Params
	dec := json.NewDecoder(bytes.NewReader(ex.Params))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ps); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fieldErr(f+"."+te.Field, "want %s, got JSON %s", te.Type, te.Value)
		}
		return fieldErr(f, "%v", err)
	}
	for _, k := range keys {
		r, ok := paramRanges[k]
		if !ok {
			continue
		}
		var x float64
		if err := json.Unmarshal(raw[k], &x); err != nil || x == 0 {
			continue // 0: the default
		}
		if !finite(x) || x < r.lo || x > r.hi {
			return fieldErr(f+"."+k, "%s is outside %s…%s", fmtParam(x, r.unit), fmtParam(r.lo, r.unit), fmtParam(r.hi, r.unit))
		}
	}
	switch strings.ToLower(ps.Space) {
	case "", "joint":
		if ps.Width != 0 && !(ps.Width > 0 && ps.Width <= 0.5) {
			return fieldErr(f+".width", "%s is outside 0°…%s", Deg(ps.Width), Deg(0.5))
		}
	case "cartesian":
		if ps.Width != 0 && !(ps.Width > 0 && ps.Width <= 0.2) {
			return fieldErr(f+".width", "%s m is outside 0…0.2 m", trimNum2(ps.Width))
		}
	default:
		return fieldErr(f+".space", "%q: want \"joint\" or \"cartesian\"", ps.Space)
	}
	for _, end := range []struct {
		name string
		m    map[string]float64
	}{{"from", ps.From}, {"to", ps.To}} {
		names := make([]string, 0, len(end.m))
		for j := range end.m {
			names = append(names, j)
		}
		sort.Strings(names)
		for _, j := range names {
			v := end.m[j]
			l, ok := p.Limit(j)
			if !ok {
				return fieldErr(f+"."+end.name+"."+j, "patient %s has no limits for joint %q", p.ID, j)
			}
			if len(ex.Joints) > 0 && !contains(ex.Joints, j) {
				return fieldErr(f+"."+end.name+"."+j, "joint %q is not one of this exercise's joints (%s)", j, strings.Join(ex.Joints, ", "))
			}
			if !finite(v) || v < l.ROMMin || v > l.ROMMax {
				return fieldErr(f+"."+end.name+"."+j, "%s is outside the patient's range of motion %s…%s", Deg(v), Deg(l.ROMMin), Deg(l.ROMMax))
			}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// CheckPrescription implements rehab.PrescriptionChecker for the robot the
// runner simulates for the patient.
func (s *SimRunner) CheckPrescription(p *rehab.Patient, pr *rehab.Protocol) error {
	c, err := s.model(p)
	if err != nil {
		return fieldErr("patient_id", "no robot model for patient %s: %v", p.ID, err)
	}
	return CheckPrescription(c, p, pr)
}

var _ rehab.PrescriptionChecker = (*SimRunner)(nil)
