package report

import (
	"math"
	"slices"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/metrics"
)

// PassiveThreshold is the assistance at and above which a sample counts
// as passive motion.
const PassiveThreshold = 0.5

// MaxSeriesPoints bounds the points of the time series in a report.
const MaxSeriesPoints = 600

// JointROM is the range of motion of one joint, in degrees. Active or
// Passive is nil when no sample of that kind moved the joint.
type JointROM struct {
	Joint string `json:"joint"`
	// Label is the joint's anatomical name (JointLabel).
	Label   string   `json:"label"`
	Total   float64  `json:"rom_deg"`
	Active  *float64 `json:"active_rom_deg"`
	Passive *float64 `json:"passive_rom_deg"`
	MinDeg  float64  `json:"min_deg"`
	MaxDeg  float64  `json:"max_deg"`
	// Prescribed limits, in degrees (absent for a joint without limits).
	LimitMinDeg *float64 `json:"limit_min_deg,omitempty"`
	LimitMaxDeg *float64 `json:"limit_max_deg,omitempty"`
	// Interaction torque (patient ↔ robot, rehab.Sample.Tau) magnitude,
	// N·m: not the motors' torque.
	PeakTorque float64 `json:"peak_torque_nm"`
	MeanTorque float64 `json:"mean_torque_nm"`
}

// Repetition holds the metrics of one repetition.
type Repetition struct {
	Exercise   int     `json:"exercise"`
	Mode       string  `json:"mode"`
	Repetition int     `json:"repetition"`
	Start      float64 `json:"start_s"`
	End        float64 `json:"end_s"`
	Passive    bool    `json:"passive"`
	// Assistance is the mean assistance over the repetition (0–1).
	Assistance      float64    `json:"assistance"`
	Joints          []JointROM `json:"joints"`
	PeakTorque      float64    `json:"peak_torque_nm"`
	MeanTorque      float64    `json:"mean_torque_nm"`
	MovementTime    *float64   `json:"movement_time_s"`
	PathLengthRatio *float64   `json:"path_length_ratio"`
	SPARC           *float64   `json:"sparc"`
	// PeakSpeed is the highest speed of the exercised joints (the norm of
	// their velocities), degrees per second.
	PeakSpeed *float64 `json:"peak_speed_deg_s"`
}

// ExerciseSummary summarises one exercise of the protocol.
type ExerciseSummary struct {
	// Index counts from 0 (rehab.Sample.Exercise); reports for people
	// number exercises Index+1.
	Index int    `json:"index"`
	Mode  string `json:"mode"`
	// Label is the mode in the clinician page's words (ModeLabel).
	Label string `json:"label"`
	// Joints are the exercised joints (empty: all).
	Joints     []string `json:"joints,omitempty"`
	Prescribed int      `json:"repetitions_prescribed"`
	Done       int      `json:"repetitions_done"`
	Nominal    float64  `json:"assistance_nominal"`
	Measured   float64  `json:"assistance_measured"`
}

// Point is one point of a time series.
type Point struct {
	T float64 `json:"t"`
	V float64 `json:"v"`
}

// Report is the report of one session.
type Report struct {
	SessionID string       `json:"session_id"`
	PatientID string       `json:"patient_id"`
	Robot     string       `json:"robot"`
	Protocol  string       `json:"protocol"`
	Status    rehab.Status `json:"status"`
	// The patient as recorded: height (m), mass (kg) and affected side;
	// PatientID is their pseudonym.
	Height       float64    `json:"patient_height_m"`
	Mass         float64    `json:"patient_mass_kg"`
	AffectedSide rehab.Side `json:"affected_side"`
	// Therapist names the clinician who started the session (the name of
	// their token, rehab/api); empty when none was recorded. Build leaves
	// it empty: the store keeps it apart from the session.
	Therapist string `json:"therapist,omitempty"`
	// EndReason is why the session ended early on its own, in the
	// clinician's words (rehab.Session.EndReason); empty otherwise.
	EndReason    string            `json:"end_reason,omitempty"`
	StartedAt    time.Time         `json:"started_at,omitzero"`
	EndedAt      time.Time         `json:"ended_at,omitzero"`
	Duration     float64           `json:"duration_s"`
	Samples      int               `json:"samples"`
	SampleRate   float64           `json:"sample_rate_hz"`
	Repetitions  int               `json:"repetitions"`
	Joints       []JointROM        `json:"joints"`
	Exercises    []ExerciseSummary `json:"exercises"`
	Reps         []Repetition      `json:"repetition_metrics"`
	MeanSPARC    *float64          `json:"mean_sparc"`
	MeanMoveTime *float64          `json:"mean_movement_time_s"`
	MeanPLR      *float64          `json:"mean_path_length_ratio"`
	// Assistance over time, downsampled to at most MaxSeriesPoints.
	Assistance []Point `json:"assistance"`
}

func ptr(v float64) *float64 { return &v }

// Build computes the report of sess, recorded as samples, for patient p.
// Samples must be in time order with len(sess.Joints) values each.
func Build(sess rehab.Session, p rehab.Patient, samples []rehab.Sample) Report {
	r := Report{
		SessionID: sess.ID, PatientID: sess.PatientID, Robot: sess.Robot, Protocol: sess.Protocol.Name,
		Status: sess.Status, EndReason: sess.EndReason, StartedAt: sess.StartedAt, EndedAt: sess.EndedAt, Samples: len(samples),
		Height: p.Height, Mass: p.Mass, AffectedSide: p.AffectedSide,
	}
	n := len(sess.Joints)
	samples = slices.DeleteFunc(slices.Clone(samples), func(s rehab.Sample) bool { return s.Validate(n) != nil })
	if len(samples) > 0 {
		r.Duration = samples[len(samples)-1].T - samples[0].T
	}
	r.SampleRate = sampleRate(samples)
	r.Joints = jointROMs(sess.Joints, &p, samples, nil)
	for i, e := range sess.Protocol.Exercises {
		r.Exercises = append(r.Exercises, ExerciseSummary{Index: i, Mode: e.Mode, Label: ModeLabel(e.Mode), Joints: e.Joints, Prescribed: e.Repetitions, Nominal: e.Assistance})
	}

	var sparcs, times, plrs []float64
	for _, seg := range segments(samples) {
		if seg[0].Repetition < 1 {
			continue // approaching the start posture
		}
		rep := repetition(sess, &p, seg, r.SampleRate)
		r.Reps = append(r.Reps, rep)
		if rep.Exercise >= 0 && rep.Exercise < len(r.Exercises) {
			r.Exercises[rep.Exercise].Done++
		}
		if rep.SPARC != nil {
			sparcs = append(sparcs, *rep.SPARC)
		}
		if rep.MovementTime != nil {
			times = append(times, *rep.MovementTime)
		}
		if rep.PathLengthRatio != nil {
			plrs = append(plrs, *rep.PathLengthRatio)
		}
	}
	r.Repetitions = len(r.Reps)
	r.MeanSPARC, r.MeanMoveTime, r.MeanPLR = mean(sparcs), mean(times), mean(plrs)
	for i := range r.Exercises {
		var sum float64
		var k int
		for _, s := range samples {
			if s.Exercise == i {
				sum += s.Assistance
				k++
			}
		}
		if k > 0 {
			r.Exercises[i].Measured = sum / float64(k)
		}
	}
	r.Assistance = Downsample(samples, MaxSeriesPoints, func(s *rehab.Sample) float64 { return s.Assistance })
	return r
}

func mean(v []float64) *float64 {
	if len(v) == 0 {
		return nil
	}
	s := 0.0
	for _, x := range v {
		s += x
	}
	return ptr(s / float64(len(v)))
}

// sampleRate estimates the sampling frequency from the median interval.
func sampleRate(s []rehab.Sample) float64 {
	if len(s) < 2 {
		return 0
	}
	dt := make([]float64, 0, len(s)-1)
	for i := 1; i < len(s); i++ {
		if d := s[i].T - s[i-1].T; d > 0 {
			dt = append(dt, d)
		}
	}
	if len(dt) == 0 {
		return 0
	}
	slices.Sort(dt)
	return 1 / dt[len(dt)/2]
}

// segments splits samples into runs of one (exercise, repetition).
func segments(s []rehab.Sample) [][]rehab.Sample {
	var out [][]rehab.Sample
	start := 0
	for i := 1; i <= len(s); i++ {
		if i == len(s) || s[i].Exercise != s[start].Exercise || s[i].Repetition != s[start].Repetition {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i
		}
	}
	return out
}

// jointROMs computes per-joint ROM and torque over samples; passive, if
// not nil, overrides the per-sample classification for all samples.
func jointROMs(joints []string, p *rehab.Patient, samples []rehab.Sample, passive *bool) []JointROM {
	out := make([]JointROM, len(joints))
	for j, name := range joints {
		jr := JointROM{Joint: name, Label: JointLabel(name)}
		if l, ok := p.Limit(name); ok {
			jr.LimitMinDeg, jr.LimitMaxDeg = ptr(metrics.Degrees(l.ROMMin)), ptr(metrics.Degrees(l.ROMMax))
		}
		var all, act, pas, tau []float64
		for i := range samples {
			q := samples[i].Q[j]
			all = append(all, q)
			tau = append(tau, samples[i].Tau[j])
			isPassive := samples[i].Assistance >= PassiveThreshold
			if passive != nil {
				isPassive = *passive
			}
			if isPassive {
				pas = append(pas, q)
			} else {
				act = append(act, q)
			}
		}
		if rom, err := metrics.ROM(all); err == nil {
			jr.Total = rom
			jr.MinDeg, jr.MaxDeg = metrics.Degrees(slices.Min(all)), metrics.Degrees(slices.Max(all))
		}
		if rom, err := metrics.ROM(act); err == nil {
			jr.Active = ptr(rom)
		}
		if rom, err := metrics.ROM(pas); err == nil {
			jr.Passive = ptr(rom)
		}
		jr.PeakTorque, jr.MeanTorque = metrics.TorqueStats(tau)
		out[j] = jr
	}
	return out
}

func repetition(sess rehab.Session, p *rehab.Patient, seg []rehab.Sample, fs float64) Repetition {
	first := seg[0]
	rep := Repetition{Exercise: first.Exercise, Repetition: first.Repetition, Start: first.T, End: seg[len(seg)-1].T}
	var ex *rehab.Exercise
	if first.Exercise >= 0 && first.Exercise < len(sess.Protocol.Exercises) {
		ex = &sess.Protocol.Exercises[first.Exercise]
		rep.Mode = ex.Mode
	}
	for _, s := range seg {
		rep.Assistance += s.Assistance
	}
	rep.Assistance /= float64(len(seg))
	rep.Passive = rep.Assistance >= PassiveThreshold
	rep.Joints = jointROMs(sess.Joints, p, seg, &rep.Passive)
	var tau []float64
	for _, s := range seg {
		tau = append(tau, s.Tau...)
	}
	rep.PeakTorque, rep.MeanTorque = metrics.TorqueStats(tau)

	// The exercised joints: those the exercise names, else all.
	idx := []int{}
	if ex != nil {
		for _, name := range ex.Joints {
			if k := slices.Index(sess.Joints, name); k >= 0 {
				idx = append(idx, k)
			}
		}
	}
	if len(idx) == 0 {
		for k := range sess.Joints {
			idx = append(idx, k)
		}
	}
	speed := make([]float64, len(seg))
	pts := make([][]float64, len(seg))
	for i, s := range seg {
		v := 0.0
		pt := make([]float64, len(idx))
		for m, k := range idx {
			v += s.QD[k] * s.QD[k]
			pt[m] = s.Q[k]
		}
		speed[i], pts[i] = math.Sqrt(v), pt
	}
	if peak := slices.Max(speed); peak > 0 {
		rep.PeakSpeed = ptr(metrics.Degrees(peak))
	}
	if fs > 0 {
		if mt, err := metrics.MovementTime(speed, fs, 0.05); err == nil {
			rep.MovementTime = ptr(mt)
		}
	}
	// Outbound reach: up to the posture farthest from the start.
	far, farD := 0, 0.0
	for i, pt := range pts {
		d := 0.0
		for m := range pt {
			x := pt[m] - pts[0][m]
			d += x * x
		}
		if d > farD {
			far, farD = i, d
		}
	}
	if far > 0 {
		if plr, err := metrics.PathLengthRatio(pts[:far+1]); err == nil {
			rep.PathLengthRatio = ptr(plr)
		}
		if fs > 0 {
			if s, err := metrics.SPARC(speed[:far+1], fs); err == nil {
				rep.SPARC = ptr(s)
			}
		}
	}
	return rep
}

// Downsample reduces samples to at most n points of f, averaging f over
// equal runs of samples.
func Downsample(samples []rehab.Sample, n int, f func(*rehab.Sample) float64) []Point {
	if len(samples) == 0 || n <= 0 {
		return nil
	}
	step := (len(samples) + n - 1) / n
	out := make([]Point, 0, (len(samples)+step-1)/step)
	for i := 0; i < len(samples); i += step {
		end := min(i+step, len(samples))
		var t, v float64
		for k := i; k < end; k++ {
			t += samples[k].T
			v += f(&samples[k])
		}
		c := float64(end - i)
		out = append(out, Point{T: t / c, V: v / c})
	}
	return out
}
