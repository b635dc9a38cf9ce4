package report

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

// StatusWords are the session statuses as the report and the clinician
// page say them.
var StatusWords = map[rehab.Status]string{
	rehab.StatusCreated:     "not started",
	rehab.StatusRunning:     "running (figures are preliminary)",
	rehab.StatusPaused:      "paused (figures are preliminary)",
	rehab.StatusStopped:     "stopped early",
	rehab.StatusCompleted:   "completed",
	rehab.StatusInterrupted: "interrupted (the system shut down during the session)",
}

// Duration renders seconds as a clinician reads them: "45 s", "12 min 5 s",
// "1 h 02 min".
func Duration(s float64) string {
	if !(s >= 0) || math.IsInf(s, 0) {
		return "–"
	}
	n := int(math.Round(s))
	switch {
	case n < 60:
		return fmt.Sprintf("%d s", n)
	case n < 3600:
		return fmt.Sprintf("%d min %d s", n/60, n%60)
	}
	return fmt.Sprintf("%d h %02d min", n/3600, n/60%60)
}

// HTMLOptions configure WriteHTML.
type HTMLOptions struct {
	// SVG is the session's plot (WriteSVG), inlined as it is: it must be
	// WriteSVG's output, every text in it escaped.
	SVG string
	// Location renders dates and times (nil: UTC).
	Location *time.Location
}

// WriteHTML writes the printable report of r: one self-contained HTML
// page (no scripts, no external resources) with a print stylesheet, for a
// clinic to print or save as PDF from the browser and file. It says the
// session's date, start time and duration, the patient's pseudonym,
// height, mass and affected side, the therapist, the exercises numbered
// from 1, the range of motion per joint, every repetition's metrics with
// the interaction torque named as such, and one line explaining each
// metric.
func WriteHTML(w io.Writer, r *Report, o HTMLOptions) error {
	loc := o.Location
	if loc == nil {
		loc = time.UTC
	}
	modes := map[int]string{}
	for _, e := range r.Exercises {
		modes[e.Index] = e.Label
	}
	labels := map[string]string{}
	for _, j := range r.Joints {
		labels[j.Joint] = j.Label
	}
	when := func(t time.Time, layout string) string {
		if t.IsZero() {
			return "–"
		}
		return t.In(loc).Format(layout)
	}
	data := map[string]any{
		"R":       r,
		"SVG":     template.HTML(o.SVG),
		"Metrics": Metrics,
		"Date":    when(r.StartedAt, "Monday 2 January 2006"),
		"Start":   when(r.StartedAt, "15:04 MST"),
		"End":     when(r.EndedAt, "15:04 MST"),
		"Status":  StatusWords[r.Status],
		"Side":    SideLabel(string(r.AffectedSide)),
		"Prescribed": func() int {
			n := 0
			for _, e := range r.Exercises {
				n += e.Prescribed
			}
			return n
		}(),
	}
	if d := sessionDuration(r); d >= 0 {
		data["Duration"] = Duration(d)
	} else {
		data["Duration"] = "–"
	}
	funcs := template.FuncMap{
		"deg": func(v *float64) string {
			if v == nil {
				return "–"
			}
			return fmt.Sprintf("%.1f°", *v)
		},
		"num": func(v *float64, digits int, unit string) string {
			if v == nil {
				return "–"
			}
			return fmt.Sprintf("%.*f%s", digits, *v, unit)
		},
		"pct":   func(v float64) string { return fmt.Sprintf("%.0f %%", 100*v) },
		"inc":   func(i int) int { return i + 1 },
		"mode":  func(i int) string { return modes[i] },
		"joint": func(name string) string { return JointLabel(name) },
		"joints": func(names []string) string {
			if len(names) == 0 {
				return "all"
			}
			out := make([]string, len(names))
			for i, n := range names {
				out[i] = labels[n]
				if out[i] == "" {
					out[i] = JointLabel(n)
				}
			}
			return strings.Join(out, ", ")
		},
	}
	t, err := template.New("report").Funcs(funcs).Parse(htmlReport)
	if err != nil {
		return fmt.Errorf("report template: %w", err)
	}
	return t.Execute(w, data)
}

// sessionDuration is the session's wall-clock duration (pauses included)
// when it has started and ended, else the recorded motion's; −1 if none.
func sessionDuration(r *Report) float64 {
	if !r.StartedAt.IsZero() && !r.EndedAt.IsZero() && r.EndedAt.After(r.StartedAt) {
		return r.EndedAt.Sub(r.StartedAt).Seconds()
	}
	if r.Samples > 0 {
		return r.Duration
	}
	return -1
}

const htmlReport = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Therapy session {{.Date}} — patient {{.R.PatientID}}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:62em;color:#111;padding:0 1em}
h1{font-size:22px;margin:0 0 .2em}h2{font-size:16px;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right;vertical-align:top}
th{background:#f4f4f4;font-weight:600}td:first-child,th:first-child,td.l,th.l{text-align:left}
table.facts td,table.facts th{text-align:left;border:none;padding:.15em .8em .15em 0}table.facts th{background:none;color:#555;font-weight:normal;width:9em}
.early{border:2px solid #c0392b;padding:.4em .8em;margin:1em 0}
dl.metrics{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;font-size:12px}dl.metrics dt{font-weight:600}dl.metrics dd{margin:0}
figure{margin:1em 0}figure svg{max-width:100%;height:auto}
.screen{color:#555;font-size:12px}
@media print{
 @page{size:A4;margin:15mm 12mm}
 body{margin:0;max-width:none;font-size:10.5pt;padding:0}
 .screen{display:none}
 h2{break-after:avoid}
 tr,figure,dl.metrics,.early{break-inside:avoid}
 thead{display:table-header-group}
 th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
</style>
</head><body>
<p class="screen">Print this page (Ctrl+P / ⌘P) or save it as PDF from the print dialog to file it.</p>
<h1>Robot-assisted therapy session</h1>
<table class="facts">
<tr><th>Date</th><td>{{.Date}}</td><th>Patient (pseudonym)</th><td>{{.R.PatientID}}</td></tr>
<tr><th>Start time</th><td>{{.Start}}</td><th>Height</th><td>{{printf "%.2f" .R.Height}} m</td></tr>
<tr><th>End time</th><td>{{.End}}</td><th>Mass</th><td>{{printf "%.1f" .R.Mass}} kg</td></tr>
<tr><th>Duration</th><td>{{.Duration}}</td><th>Affected side</th><td>{{.Side}}</td></tr>
<tr><th>Therapist</th><td>{{if .R.Therapist}}{{.R.Therapist}}{{else}}not recorded{{end}}</td><th>Robot</th><td>{{.R.Robot}}</td></tr>
<tr><th>Protocol</th><td>{{if .R.Protocol}}“{{.R.Protocol}}”{{else}}(unnamed){{end}}</td><th>Status</th><td>{{.Status}}</td></tr>
<tr><th>Repetitions</th><td>{{.R.Repetitions}} of {{.Prescribed}} done</td><th>Session</th><td>{{.R.SessionID}}</td></tr>
</table>
{{if .R.EndReason}}<p class="early"><strong>Ended early:</strong> {{.R.EndReason}}</p>{{end}}
<h2>Exercises</h2>
<table><thead><tr><th>#</th><th class="l">Exercise</th><th class="l">Joints</th><th>Repetitions done</th><th>Assistance prescribed</th><th>Assistance measured</th></tr></thead><tbody>
{{range .R.Exercises}}<tr><td>{{inc .Index}}</td><td class="l">{{.Label}}</td><td class="l">{{joints .Joints}}</td><td>{{.Done}} of {{.Prescribed}}</td><td>{{pct .Nominal}}</td><td>{{pct .Measured}}</td></tr>
{{end}}</tbody></table>
<h2>Range of motion</h2>
<table><thead><tr><th>Joint</th><th>Range of motion</th><th>Active</th><th>Passive</th><th>Prescribed range</th><th>Peak interaction torque (patient ↔ robot)</th><th>Mean interaction torque</th></tr></thead><tbody>
{{range .R.Joints}}<tr><td>{{.Label}}</td><td><strong>{{printf "%.1f°" .Total}}</strong></td><td>{{deg .Active}}</td><td>{{deg .Passive}}</td><td>{{if .LimitMinDeg}}{{deg .LimitMinDeg}} to {{deg .LimitMaxDeg}}{{else}}–{{end}}</td><td>{{printf "%.1f" .PeakTorque}} N·m</td><td>{{printf "%.1f" .MeanTorque}} N·m</td></tr>
{{end}}</tbody></table>
<h2>Each repetition</h2>
{{if .R.Reps}}<table><thead><tr><th class="l">Exercise</th><th>Repetition</th><th>Robot assistance</th><th>Movement time</th><th>Peak speed</th><th>Path-length ratio</th><th>Smoothness (SPARC)</th><th>Peak interaction torque</th></tr></thead><tbody>
{{range .R.Reps}}<tr><td class="l">{{inc .Exercise}}. {{mode .Exercise}}</td><td>{{.Repetition}}</td><td>{{pct .Assistance}}</td><td>{{num .MovementTime 1 " s"}}</td><td>{{num .PeakSpeed 0 "°/s"}}</td><td>{{num .PathLengthRatio 2 ""}}</td><td>{{num .SPARC 2 ""}}</td><td>{{printf "%.1f" .PeakTorque}} N·m</td></tr>
{{end}}</tbody></table>{{else}}<p>No repetition was recorded.</p>{{end}}
<h2>What the figures mean</h2>
<dl class="metrics">{{range .Metrics}}<dt>{{.Name}}</dt><dd>{{.Help}}</dd>{{end}}</dl>
<h2>Joint angles and assistance</h2>
<figure>{{.SVG}}<figcaption>Joint angles (the prescribed range shaded) and the robot's assistance over the session.</figcaption></figure>
</body></html>
`
