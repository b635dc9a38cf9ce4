package exercise

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
)

// Params are the mode parameters a rehab.Exercise carries as JSON. Every
// field is optional (0 means the default); joint maps are keyed by the
// patient's joint names. CheckPrescription accepts period_s 2–600 s,
// peak_speed 0.05–3 rad/s, hold_s 0–60 s, attempt_s 1–120 s, tolerance
// 0.3°–20°, viscous 0–100, elastic 0–500, max_stiffness 1–2000,
// wall_stiffness 1–20000, wall_damping 0–1000 (SI units), width up to 0.5
// rad (joint space) or 0.2 m (Cartesian), and from/to postures within the
// patient's range of motion.
type Params struct {
	// From and To are the end postures of the exercised joints, rad. The
	// default is the patient's range of motion with 10 % of it left free
	// at each end.
	From map[string]float64 `json:"from,omitempty"`
	To   map[string]float64 `json:"to,omitempty"`
	// PeriodS is the duration of one repetition (out and back, holds
	// excluded) of passive or assisted motion, s; PeakSpeed (rad/s) is used
	// when it is 0, and 0.6 rad/s when both are. Either way the peak speed
	// is at most 80 % of the tightest of the patient's speed limits and the
	// acceleration at most PlannedAcceleration (the motion then takes
	// longer than PeriodS).
	PeriodS   float64 `json:"period_s,omitempty"`
	PeakSpeed float64 `json:"peak_speed,omitempty"`
	// HoldS is the pause at each end, s (default 0.5 for passive and
	// assisted motion, 0 for the others).
	HoldS float64 `json:"hold_s,omitempty"`
	// Tolerance (rad) and AttemptS (s) of the patient-driven modes.
	Tolerance float64 `json:"tolerance,omitempty"`
	AttemptS  float64 `json:"attempt_s,omitempty"`
	// Viscous (N·m·s/rad) and Elastic (N·m/rad) resistance for
	// "resistive", on every exercised joint; default viscous 5.
	Viscous float64 `json:"viscous,omitempty"`
	Elastic float64 `json:"elastic,omitempty"`
	// MaxStiffness is the ceiling of assist-as-needed stiffness, N·m/rad
	// (default 300); the exercise's Assistance sets the initial level.
	MaxStiffness float64 `json:"max_stiffness,omitempty"`
	// Path guidance: Space "joint" (default) or "cartesian", corridor
	// half-width (rad or m; default 0.05 rad or 0.01 m) and wall stiffness
	// and damping (defaults 400 N·m/rad, 10 N·m·s/rad or 3000 N/m, 50 N·s/m).
	Space         string  `json:"space,omitempty"`
	Width         float64 `json:"width,omitempty"`
	WallStiffness float64 `json:"wall_stiffness,omitempty"`
	WallDamping   float64 `json:"wall_damping,omitempty"`
}

// Modes accepted by Build (rehab.Exercise.Mode), with aliases.
var modeAliases = map[string]Kind{
	"passive": KindPassive, "passive-rom": KindPassive,
	"active-assisted": KindAssist, "assist-as-needed": KindAssist, "assisted": KindAssist,
	"active": KindActive, "transparent": KindActive,
	"resistive":     KindResistive,
	"path-guidance": KindGuidance, "guidance": KindGuidance,
}

// Env is the robot an exercise is built for.
type Env struct {
	Chain *kinematics.Chain
	// Limits are the supervisor's joint limits (SafetyConfig's output): the
	// patient's range intersected with the robot's.
	Limits []control.JointLimits
	// Joints maps the patient's joint names to chain indices (JointIndex).
	Joints map[string]int
	// Period is the loop period a registered controller's default gains
	// are sized for; 0 means PlanPeriod.
	Period time.Duration
}

// JointIndex maps a patient's joint names to the chain's joints: a name
// matches a chain joint equal to it or starting with it and "_", once a
// side prefix ("left_", "right_", "l_", "r_") is removed — "left_knee"
// matches "knee_flexion".
func JointIndex(c *kinematics.Chain, names []string) (map[string]int, error) {
	out := map[string]int{}
	used := map[int]string{}
	for _, name := range names {
		n := strings.ToLower(name)
		for _, p := range []string{"left_", "right_", "l_", "r_"} {
			n = strings.TrimPrefix(n, p)
		}
		idx := -1
		for i, j := range c.Joints {
			jn := strings.ToLower(j.Name)
			if jn == n || strings.HasPrefix(jn, n+"_") {
				if idx >= 0 {
					return nil, fmt.Errorf("joint %q matches both %s and %s: %w", name, c.Joints[idx].Name, j.Name, ErrLimits)
				}
				idx = i
			}
		}
		if idx < 0 {
			return nil, fmt.Errorf("joint %q matches no joint of %s: %w", name, c.Name, ErrLimits)
		}
		if prev, ok := used[idx]; ok {
			return nil, fmt.Errorf("joints %q and %q both match %s: %w", prev, name, c.Joints[idx].Name, ErrLimits)
		}
		used[idx] = name
		out[name] = idx
	}
	return out, nil
}

// PatientLimits returns one JointLimit per chain joint from a patient
// record. A chain joint the record does not name is held within ±2° of the
// middle of the robot's range: the session may not move what the clinician
// did not assess.
func PatientLimits(c *kinematics.Chain, p *rehab.Patient) ([]JointLimit, map[string]int, error) {
	names := make([]string, len(p.Limits))
	for i, l := range p.Limits {
		names[i] = l.Joint
	}
	idx, err := JointIndex(c, names)
	if err != nil {
		return nil, nil, err
	}
	lower, upper := c.Limits()
	out := make([]JointLimit, c.DoF())
	for i := range out {
		mid := (lower[i] + upper[i]) / 2
		out[i] = JointLimit{Min: mid - 2*math.Pi/180, Max: mid + 2*math.Pi/180}
	}
	for _, l := range p.Limits {
		out[idx[l.Joint]] = JointLimit{Min: l.ROMMin, Max: l.ROMMax, Effort: l.MaxTorque, Velocity: l.MaxSpeed}
	}
	return out, idx, nil
}

// Build turns a prescribed exercise into an Exercise named name for the
// robot in env. gravity returns a fresh gravity model (one per controller).
func Build(name string, ex *rehab.Exercise, env *Env, gravity func() control.GravityModel) (Exercise, error) {
	kind, ok := modeAliases[strings.ToLower(ex.Mode)]
	if !ok {
		return nil, fmt.Errorf("exercise %s: unknown mode %q: %w", name, ex.Mode, ErrExercise)
	}
	var p Params
	if len(ex.Params) > 0 && !bytes.Equal(bytes.TrimSpace(ex.Params), []byte("null")) {
		dec := json.NewDecoder(bytes.NewReader(ex.Params))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("exercise %s: params: %v: %w", name, err, ErrExercise)
		}
	}
	n := env.Chain.DoF()
	moving := make([]bool, n)
	for _, j := range ex.Joints {
		i, ok := env.Joints[j]
		if !ok {
			return nil, fmt.Errorf("exercise %s: joint %q has no patient limits: %w", name, j, ErrExercise)
		}
		moving[i] = true
	}
	if len(ex.Joints) == 0 {
		for _, i := range env.Joints {
			moving[i] = true
		}
	}
	sh := Shuttle{From: make([]float64, n), To: make([]float64, n), Repetitions: ex.Repetitions}
	for i, l := range env.Limits {
		span := l.PositionMax - l.PositionMin
		if moving[i] {
			sh.From[i], sh.To[i] = l.PositionMin+0.1*span, l.PositionMax-0.1*span
		} else {
			sh.From[i] = l.PositionMin + 0.5*span
			sh.To[i] = sh.From[i]
		}
	}
	for nameJ, v := range p.From {
		i, ok := env.Joints[nameJ]
		if !ok {
			return nil, fmt.Errorf("exercise %s: from: unknown joint %q: %w", name, nameJ, ErrExercise)
		}
		sh.From[i] = v
	}
	for nameJ, v := range p.To {
		i, ok := env.Joints[nameJ]
		if !ok {
			return nil, fmt.Errorf("exercise %s: to: unknown joint %q: %w", name, nameJ, ErrExercise)
		}
		sh.To[i] = v
	}
	var notes []string
	// Ends left to their default are 10 % of the patient's range inside
	// it: say so, with the figures, for what a clinician prescribed
	// against the whole range (−20°…110° runs −7°…97°).
	var inset []string
	names := jointNamesOf(env)
	for i, l := range env.Limits {
		_, fromSet := p.From[names[i]]
		_, toSet := p.To[names[i]]
		if moving[i] && (!fromSet || !toSet) && sh.From[i] != sh.To[i] {
			inset = append(inset, fmt.Sprintf("%s %s…%s of the patient's %s…%s", jointName(names, i),
				Deg(sh.From[i]), Deg(sh.To[i]), Deg(l.PositionMin), Deg(l.PositionMax)))
		}
	}
	if len(inset) > 0 && (kind == KindPassive || kind == KindAssist) {
		notes = append(notes, "the path keeps 10 % of the patient's range free at each end, away from the limits where the robot stops: "+
			strings.Join(inset, "; ")+" (set the start and end postures under Advanced to go further)")
	}
	if kind == KindPassive || kind == KindAssist {
		// The robot carries the limb along the whole path: shorten the
		// path to where that fits within the torque limits, and say so.
		note, err := fitTorque(&sh, env, gravity(), jointNamesOf(env))
		if err != nil {
			return nil, fmt.Errorf("exercise %s: %w", name, err)
		}
		if note != "" {
			notes = append(notes, note)
		}
	}
	hold := p.HoldS
	if hold == 0 && (kind == KindPassive || kind == KindAssist) {
		hold = 0.5
	}
	sh.Hold = time.Duration(hold * float64(time.Second))
	speed := p.PeakSpeed
	if p.PeriodS > 0 {
		d := 0.0
		for i := range sh.From {
			d = math.Max(d, math.Abs(sh.To[i]-sh.From[i]))
		}
		speed = control.MinJerkPeakVelocity * d / (p.PeriodS / 2)
	}
	if speed == 0 {
		speed = 0.6
	}
	// Plan within the patient's speed limit (80 % of the tightest joint's),
	// so a prescription does not ask for a protective stop; the supervisor
	// enforces the limit either way. Every joint counts, not only the
	// exercised ones: the approach brings the held joints to their posture
	// at the same speed (issue 14: a knee exercise moved the hip, left
	// elsewhere by the exercise before, faster than the hip's limit).
	for _, l := range env.Limits {
		if l.Velocity > 0 {
			speed = math.Min(speed, 0.8*l.Velocity)
		}
	}
	sh.notes = notes
	for _, l := range env.Limits {
		sh.reach = math.Max(sh.reach, l.PositionMax-l.PositionMin+2*l.PositionMargin)
	}
	cued := CuedConfig{Name: name, Shuttle: sh, Tolerance: p.Tolerance, AttemptTime: time.Duration(p.AttemptS * float64(time.Second)),
		SpeedLimits: env.Limits, JointNames: jointNamesOf(env)}
	switch kind {
	case KindPassive:
		effort := make([]float64, n)
		for i, l := range env.Limits {
			effort[i] = l.Effort
		}
		return NewPassive(n, PassiveConfig{Name: name, Shuttle: sh, PeakSpeed: speed, Gravity: gravity(),
			EffortLimit: effort, JointNames: jointNamesOf(env)})
	case KindAssist:
		maxK := p.MaxStiffness
		if maxK == 0 {
			maxK = 300
		}
		init := math.Max(0, math.Min(1, ex.Assistance)) * maxK
		return NewAssistAsNeeded(n, AssistedConfig{Name: name, Shuttle: sh, PeakSpeed: speed,
			Assist: AssistConfig{Gravity: gravity(), Initial: fill(n, init), Max: fill(n, maxK), Damping: fill(n, 0.03*maxK)}})
	case KindActive:
		return NewActive(n, cued, gravity())
	case KindResistive:
		b := p.Viscous
		if b == 0 && p.Elastic == 0 {
			b = 5
		}
		rc := ResistConfig{Gravity: gravity(), Viscous: make([]float64, n), Elastic: make([]float64, n)}
		for i := range moving {
			if moving[i] {
				rc.Viscous[i], rc.Elastic[i] = b, p.Elastic
			}
		}
		return NewResistive(n, cued, rc)
	default: // KindGuidance
		cc := CorridorConfig{Gravity: gravity(), Chain: env.Chain, Width: p.Width, Stiffness: p.WallStiffness, Damping: p.WallDamping}
		switch strings.ToLower(p.Space) {
		case "", "joint":
			cc.Space = JointSpace
			def(&cc.Width, 0.05)
			def(&cc.Stiffness, 400)
			def(&cc.Damping, 10)
		case "cartesian":
			cc.Space = CartesianSpace
			def(&cc.Width, 0.01)
			def(&cc.Stiffness, 3000)
			def(&cc.Damping, 50)
		default:
			return nil, fmt.Errorf("exercise %s: space %q: %w", name, p.Space, ErrExercise)
		}
		return NewGuidance(n, GuidanceConfig{CuedConfig: cued, Corridor: cc})
	}
}

func def(p *float64, v float64) {
	if *p == 0 {
		*p = v
	}
}

// HoldTorqueShare is the share of a joint's effort limit that carrying the
// limb's and the robot's weight may take along a planned (passive or
// assisted) path. The rest is for accelerating the limb, the limb's own
// stiffness and the correction that brings it onto the path; a path that
// needs the whole limit for the weight alone leaves the limb sagging at the
// limit and falling when the reference turns (issue 14: the hip with a
// 40 N·m limit at 97° of flexion).
const HoldTorqueShare = 0.8

// fitTorque shortens the shuttle's path, symmetrically about its
// best-supported point, to the stretch where the gravity torque stays
// within HoldTorqueShare of every joint's effort limit. It returns a note
// for the clinician when it shortened the path, and an error when no
// posture on the path can be held.
func fitTorque(sh *Shuttle, env *Env, g control.GravityModel, names []string) (string, error) {
	const steps = 64
	n := len(sh.From)
	q, tau := make([]float64, n), make([]float64, n)
	ok := make([]bool, steps+1)
	worst, worstJ, worstTau := -1, -1, 0.0
	for k := 0; k <= steps; k++ {
		s := float64(k) / steps
		for i := range q {
			q[i] = sh.From[i] + s*(sh.To[i]-sh.From[i])
		}
		g.Gravity(tau, q)
		ok[k] = true
		for i := range tau {
			lim := env.Limits[i].Effort
			if lim > 0 && math.Abs(tau[i]) > HoldTorqueShare*lim {
				ok[k] = false
				if worst < 0 || math.Abs(tau[i]) > worstTau {
					worst, worstJ, worstTau = k, i, math.Abs(tau[i])
				}
			}
		}
	}
	if worst < 0 {
		return "", nil
	}
	// The longest run of holdable postures.
	best0, best1 := -1, -1
	for k := 0; k <= steps; {
		if !ok[k] {
			k++
			continue
		}
		e := k
		for e+1 <= steps && ok[e+1] {
			e++
		}
		if best0 < 0 || e-k > best1-best0 {
			best0, best1 = k, e
		}
		k = e + 1
	}
	lim := env.Limits[worstJ].Effort
	if best0 < 0 || best1 == best0 {
		return "", fmt.Errorf("holding the limb anywhere on the prescribed path needs up to %s N·m at %s, more than %g %% of the patient's torque limit of %s N·m there: %w",
			trimNum(worstTau), jointName(names, worstJ), 100*HoldTorqueShare, trimNum(lim), ErrExercise)
	}
	from, to := append([]float64(nil), sh.From...), append([]float64(nil), sh.To...)
	s0, s1 := float64(best0)/steps, float64(best1)/steps
	var moved []string
	for i := range sh.From {
		a, b := from[i]+s0*(to[i]-from[i]), from[i]+s1*(to[i]-from[i])
		if math.Abs(a-from[i]) > 1e-9 || math.Abs(b-to[i]) > 1e-9 {
			moved = append(moved, fmt.Sprintf("%s %s…%s instead of %s…%s", jointName(names, i), Deg(a), Deg(b), Deg(from[i]), Deg(to[i])))
		}
		sh.From[i], sh.To[i] = a, b
	}
	return fmt.Sprintf("range shortened by the torque limit: %s; beyond, carrying the leg needs up to %s N·m at %s, more than %g %% of the patient's torque limit of %s N·m (raise the limit if the patient tolerates it)",
		strings.Join(moved, ", "), trimNum(worstTau), jointName(names, worstJ), 100*HoldTorqueShare, trimNum(lim)), nil
}

// jointNamesOf names the chain's joints as the patient record does.
func jointNamesOf(env *Env) []string {
	names := make([]string, env.Chain.DoF())
	for i, j := range env.Chain.Joints {
		names[i] = j.Name
	}
	for nm, i := range env.Joints {
		names[i] = nm
	}
	return names
}
