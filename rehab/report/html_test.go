package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

func TestJointLabel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"hip_flexion", "Hip flexion/extension"},
		{"knee_flexion", "Knee flexion/extension"},
		{"left_knee", "Left knee flexion/extension"},
		{"right_hip", "Right hip flexion/extension"},
		{"hip_abduction", "Hip abduction/adduction"},
		{"ankle", "Ankle dorsiflexion/plantarflexion"},
		{"shoulder_flexion", "Shoulder flexion/extension"},
		{"shoulder_abduction", "Shoulder abduction/adduction"},
		{"shoulder_rotation", "Shoulder internal/external rotation"},
		{"elbow_flexion", "Elbow flexion/extension"},
		{"wrist_deviation", "Wrist radial/ulnar deviation"},
		{"forearm_pronation", "Forearm pronation/supination"},
		{"linear_stage", "Linear stage"},
		{"", ""},
	} {
		if got := JointLabel(c.in); got != c.want {
			t.Errorf("JointLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"passive", "Passive range of motion"}, {"assist-as-needed", "Active-assisted"}, {"transparent", "Active"},
		{"resistive", "Resistive"}, {"guidance", "Path guidance"}, {"new_mode", "New mode"},
	} {
		if got := ModeLabel(c.in); got != c.want {
			t.Errorf("ModeLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		s    float64
		want string
	}{{0, "0 s"}, {44.6, "45 s"}, {60, "1 min 0 s"}, {725, "12 min 5 s"}, {3725, "1 h 02 min"}, {-1, "–"}} {
		if got := Duration(c.s); got != c.want {
			t.Errorf("Duration(%g) = %q, want %q", c.s, got, c.want)
		}
	}
}

// text strips the markup of an HTML page and collapses white space.
func text(page string) string {
	s := regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>`).ReplaceAllString(page, " ")
	return html.UnescapeString(strings.Join(strings.Fields(s), " "))
}

// TestHTMLReport: the printable report says what a clinic files — date,
// start time, duration, the patient's pseudonym, height, mass and side,
// the therapist — numbers exercises from 1, has no mode or kind columns,
// names the interaction torque as such, explains every metric and prints
// (an @media print stylesheet).
func TestHTMLReport(t *testing.T) {
	sess, p, samples := session()
	r := Build(sess, p, samples)
	r.Therapist = "Dr A. Okafor"
	var buf bytes.Buffer
	if err := WriteHTML(&buf, &r, HTMLOptions{SVG: "<svg></svg>", Location: time.UTC}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	txt := text(page)
	for _, want := range []string{
		"Date Monday 4 May 2026", "Start time 10:00 UTC", "End time 10:00 UTC", "Duration 20 s",
		"Patient (pseudonym) P-7", "Height 1.80 m", "Mass 80.0 kg", "Affected side left",
		"Therapist Dr A. Okafor", "Status completed", "Repetitions 5 of 5 done",
		"1 Passive range of motion Left knee flexion/extension 3 of 3 100 % 100 %",
		"2 Active Left knee flexion/extension 2 of 2 20 % 20 %",
		"1. Passive range of motion 1 100 %", "2. Active 2 20 %",
		"Peak interaction torque (patient ↔ robot)", "Left knee flexion/extension 68.8°",
		"Smoothness (SPARC) spectral arc length", "closer to 0 is smoother",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{">mode<", ">kind<", "0. Passive", "left_knee"} {
		if strings.Contains(page, bad) {
			t.Errorf("report shows %q", bad)
		}
	}
	for _, m := range Metrics {
		if !strings.Contains(txt, m.Name+" "+m.Help) {
			t.Errorf("metric %s not explained", m.Key)
		}
	}
	if !strings.Contains(page, "@media print") || !strings.Contains(page, "@page") {
		t.Error("no print stylesheet")
	}
	if strings.Contains(page, "<script") {
		t.Error("the report runs scripts")
	}

	// Markup in a name is text, an early end is said, a missing therapist
	// is said as such, and an unfinished session says it is preliminary.
	sess.Protocol.Name = `<b>knee</b>`
	sess.Status, sess.EndReason = rehab.StatusStopped, "protective stop: knee flexion faster than 115°/s"
	r = Build(sess, p, samples)
	buf.Reset()
	if err := WriteHTML(&buf, &r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	txt = text(buf.String())
	for _, want := range []string{"Ended early: protective stop", "Therapist not recorded", "Status stopped early", "&lt;b&gt;knee"} {
		if !strings.Contains(txt, want) && !strings.Contains(buf.String(), want) {
			t.Errorf("stopped report lacks %q", want)
		}
	}
	sess.Status, sess.EndedAt = rehab.StatusRunning, time.Time{}
	r = Build(sess, p, samples)
	buf.Reset()
	if err := WriteHTML(&buf, &r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if txt = text(buf.String()); !strings.Contains(txt, "figures are preliminary") || !strings.Contains(txt, "End time –") {
		t.Errorf("running report: %s", txt)
	}
}

// TestEveryMetricHasRangeAndDirection: each metric's one-line explanation
// gives a usual range (a figure) and which way is better — what a
// clinician reads next to an unfamiliar number.
func TestEveryMetricHasRangeAndDirection(t *testing.T) {
	for _, m := range Metrics {
		if !strings.ContainsAny(m.Help, "0123456789") {
			t.Errorf("%s: no figure of its usual range: %q", m.Name, m.Help)
		}
		if !strings.Contains(m.Help, "better") && !strings.Contains(m.Help, "smoother") {
			t.Errorf("%s: does not say which way is better: %q", m.Name, m.Help)
		}
	}
}
