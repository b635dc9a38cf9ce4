package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/metrics"
)

const fs = 100.0 // Hz

// session records a knee moving through minimum-jerk flexion–extension
// cycles: three passive repetitions to 1.2 rad, then two active ones to
// 0.8 rad; the hip holds still.
func session() (rehab.Session, rehab.Patient, []rehab.Sample) {
	p := rehab.Patient{ID: "P-7", Height: 1.8, Mass: 80, AffectedSide: rehab.SideLeft, Limits: []rehab.JointLimit{
		{Joint: "left_hip", ROMMin: -0.2, ROMMax: 1.0, MaxTorque: 40, MaxSpeed: 1},
		{Joint: "left_knee", ROMMin: 0, ROMMax: 1.4, MaxTorque: 30, MaxSpeed: 2},
	}}
	sess := rehab.Session{ID: "S-7", PatientID: p.ID, Robot: "exo-1", Joints: []string{"left_hip", "left_knee"},
		Status:    rehab.StatusCompleted,
		StartedAt: time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC), EndedAt: time.Date(2026, 5, 4, 10, 0, 20, 0, time.UTC),
		Protocol: rehab.Protocol{Name: "knee", Exercises: []rehab.Exercise{
			{Mode: "passive", Joints: []string{"left_knee"}, Repetitions: 3, Assistance: 1},
			{Mode: "active", Joints: []string{"left_knee"}, Repetitions: 2, Assistance: 0.2},
		}}}
	var out []rehab.Sample
	t := 0.0
	for ex, amp := range []float64{1.2, 0.8} {
		reps, assist := 3, 1.0
		if ex == 1 {
			reps, assist = 2, 0.2
		}
		for r := range reps {
			const half = 1.0 // s out, 1 s back
			for i := 0; i < int(2*half*fs); i++ {
				tau := float64(i) / fs / half
				dir := 1.0
				if tau >= 1 {
					tau, dir = tau-1, -1
				}
				s := 10*math.Pow(tau, 3) - 15*math.Pow(tau, 4) + 6*math.Pow(tau, 5)
				ds := (30*tau*tau - 60*tau*tau*tau + 30*tau*tau*tau*tau) / half
				q := amp * s
				if dir < 0 {
					q = amp * (1 - s)
				}
				out = append(out, rehab.Sample{T: t, Q: []float64{0.1, q}, QD: []float64{0, dir * amp * ds},
					Tau: []float64{0, 2 * dir * ds}, Assistance: assist, Exercise: ex, Repetition: r + 1})
				t += 1 / fs
			}
		}
	}
	return sess, p, out
}

func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %g, want %g ± %g", name, got, want, tol)
	}
}

func TestBuild(t *testing.T) {
	sess, p, samples := session()
	r := Build(sess, p, samples)
	if r.Repetitions != 5 || len(r.Reps) != 5 || r.Samples != len(samples) {
		t.Fatalf("%d repetitions, %d samples", r.Repetitions, r.Samples)
	}
	near(t, "sample rate", r.SampleRate, fs, 1e-6)
	knee := r.Joints[1]
	if knee.Active == nil || knee.Passive == nil {
		t.Fatalf("knee %+v", knee)
	}
	near(t, "passive ROM", *knee.Passive, metrics.Degrees(1.2), 0.01)
	near(t, "active ROM", *knee.Active, metrics.Degrees(0.8), 0.01)
	near(t, "total ROM", knee.Total, metrics.Degrees(1.2), 0.01)
	near(t, "limit max", *knee.LimitMaxDeg, metrics.Degrees(1.4), 1e-9)
	if hip := r.Joints[0]; hip.Total != 0 {
		t.Errorf("still hip ROM %g", hip.Total)
	}
	if e := r.Exercises; e[0].Done != 3 || e[1].Done != 2 || e[0].Measured != 1 || math.Abs(e[1].Measured-0.2) > 1e-12 {
		t.Errorf("exercises %+v", e)
	}
	for i, rep := range r.Reps {
		if rep.Repetition != []int{1, 2, 3, 1, 2}[i] || rep.Passive != (rep.Exercise == 0) || rep.MovementTime == nil || rep.SPARC == nil || rep.PathLengthRatio == nil {
			t.Fatalf("rep %d: %+v", i, rep)
		}
		near(t, "path-length ratio", *rep.PathLengthRatio, 1, 1e-9)
		if *rep.SPARC > -1.3 || *rep.SPARC < -1.8 {
			t.Errorf("rep %d SPARC %g: a minimum-jerk reach is about −1.5", i, *rep.SPARC)
		}
		near(t, "movement time", *rep.MovementTime, 2, 0.3)
		near(t, "peak torque", rep.PeakTorque, 2*1.875, 0.01) // 2 × peak of ds (1.875/s)
	}
	near(t, "rep 4 knee ROM", r.Reps[4].Joints[1].Total, metrics.Degrees(0.8), 0.01)
	if len(r.Assistance) == 0 || len(r.Assistance) > MaxSeriesPoints || r.Assistance[0].V != 1 || r.Assistance[len(r.Assistance)-1].V != 0.2 {
		t.Errorf("assistance series %d points", len(r.Assistance))
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatal(err)
	}
	if r.EndReason != "" {
		t.Errorf("completed session with end reason %q", r.EndReason)
	}
	sess.Status, sess.EndReason = rehab.StatusStopped, "protective stop: knee flexion moved at 120°/s, faster than the patient's speed limit of 115°/s"
	if r := Build(sess, p, samples); r.EndReason != sess.EndReason {
		t.Errorf("end reason %q in the report", r.EndReason)
	}
}

func TestBuildEmptyAndStill(t *testing.T) {
	sess, p, samples := session()
	r := Build(sess, p, nil)
	if r.Repetitions != 0 || r.Joints[1].Active != nil || r.MeanSPARC != nil {
		t.Fatalf("%+v", r)
	}
	still := samples[:50]
	for i := range still {
		still[i].Q = []float64{0.1, 0.3}
		still[i].QD = []float64{0, 0}
	}
	r = Build(sess, p, still)
	if len(r.Reps) != 1 || r.Reps[0].SPARC != nil || r.Reps[0].PathLengthRatio != nil {
		t.Fatalf("metrics invented for a still limb: %+v", r.Reps[0])
	}
}

func TestCSV(t *testing.T) {
	sess, p, samples := session()
	r := Build(sess, p, samples)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, &r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 1+5*2 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	if strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("header %v", rows[0])
	}
	row := rows[2] // rep 0, knee
	if row[6] != "passive" || row[8] != "left_knee" || !strings.HasPrefix(row[9], "68.75") {
		t.Fatalf("row %v", row)
	}
}

func TestSVG(t *testing.T) {
	sess, p, samples := session()
	r := Build(sess, p, samples)
	var buf bytes.Buffer
	if err := WriteSVG(&buf, &r, sess.Joints, samples); err != nil {
		t.Fatal(err)
	}
	// Joints by their anatomical names, assistance in percent.
	for _, want := range []string{"Left knee flexion/extension, angle (°)", "robot assistance (%)"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if strings.Contains(buf.String(), "left_knee") {
		t.Error("SVG shows the raw joint name left_knee")
	}
	d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	counts := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name.Local]++
			for _, a := range se.Attr {
				if a.Name.Local == "class" && a.Value == "limits" {
					counts["limits"]++
				}
			}
		}
	}
	if counts["svg"] != 1 || counts["polyline"] != 3 || counts["limits"] != 2 || counts["g"] != 3 {
		t.Fatalf("elements %v", counts)
	}
}

func TestApproachIsNotARepetition(t *testing.T) {
	sess, p, samples := session()
	for i := range samples[:200] { // the first repetition becomes an approach
		samples[i].Repetition = 0
	}
	r := Build(sess, p, samples)
	if r.Repetitions != 4 || r.Exercises[0].Done != 2 || r.Reps[0].Repetition != 2 {
		t.Fatalf("%d repetitions, exercises %+v", r.Repetitions, r.Exercises)
	}
	near(t, "session passive ROM still counts the approach", *r.Joints[1].Passive, metrics.Degrees(1.2), 0.01)
}
