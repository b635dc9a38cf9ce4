package api

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/report"
)

// load fetches what a report needs.
func (s *Server) load(r *http.Request) (rehab.Session, []rehab.Sample, report.Report, error) {
	ctx := r.Context()
	sess, err := s.opts.Store.GetSession(ctx, r.PathValue("id"))
	if err != nil {
		return sess, nil, report.Report{}, err
	}
	p, err := s.opts.Store.GetPatient(ctx, sess.PatientID)
	if err != nil {
		return sess, nil, report.Report{}, err
	}
	samples, err := s.opts.Store.Samples(ctx, sess.ID)
	if err != nil {
		return sess, nil, report.Report{}, err
	}
	return sess, samples, report.Build(sess, p, samples), nil
}

func (s *Server) reportJSON(w http.ResponseWriter, r *http.Request) error {
	_, _, rep, err := s.load(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

func (s *Server) reportCSV(w http.ResponseWriter, r *http.Request) error {
	_, _, rep, err := s.load(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, &rep); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", rep.SessionID+".csv"))
	w.Write(buf.Bytes())
	return nil
}

func (s *Server) reportSVG(w http.ResponseWriter, r *http.Request) error {
	sess, samples, rep, err := s.load(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.WriteSVG(&buf, &rep, sess.Joints, samples); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.Write(buf.Bytes())
	return nil
}

func (s *Server) fhir(w http.ResponseWriter, r *http.Request) error {
	_, _, rep, err := s.load(r)
	if err != nil {
		return err
	}
	b := report.FHIR(&rep, s.opts.Now())
	w.Header().Set("Content-Type", "application/fhir+json")
	w.Header().Set("Cache-Control", "no-store")
	enc := jsonEncoder(w)
	return enc.Encode(b)
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"deg": func(v *float64) string {
		if v == nil {
			return "–"
		}
		return fmt.Sprintf("%.1f°", *v)
	},
	"num": func(v *float64, unit string) string {
		if v == nil {
			return "–"
		}
		return fmt.Sprintf("%.2f%s", *v, unit)
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Session {{.R.SessionID}}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}th{background:#f4f4f4}</style>
</head><body>
<h1>Session {{.R.SessionID}}</h1>
<p>Patient {{.R.PatientID}} · robot {{.R.Robot}} · protocol “{{.R.Protocol}}” · status {{.R.Status}} ·
{{.R.Repetitions}} repetitions · {{printf "%.0f" .R.Duration}} s</p>
{{if .R.EndReason}}<p><strong>Ended early:</strong> {{.R.EndReason}}</p>{{end}}
<h2>Range of motion</h2>
<table><tr><th>joint</th><th>active</th><th>passive</th><th>prescribed</th><th>peak torque</th><th>mean torque</th></tr>
{{range .R.Joints}}<tr><td>{{.Joint}}</td><td>{{deg .Active}}</td><td>{{deg .Passive}}</td><td>{{deg .LimitMinDeg}} to {{deg .LimitMaxDeg}}</td><td>{{printf "%.1f" .PeakTorque}} N·m</td><td>{{printf "%.1f" .MeanTorque}} N·m</td></tr>
{{end}}</table>
<h2>Repetitions</h2>
<table><tr><th>exercise</th><th>mode</th><th>rep</th><th>kind</th><th>assistance</th><th>movement time</th><th>path-length ratio</th><th>SPARC</th><th>peak torque</th></tr>
{{range .R.Reps}}<tr><td>{{.Exercise}}</td><td>{{.Mode}}</td><td>{{.Repetition}}</td><td>{{if .Passive}}passive{{else}}active{{end}}</td><td>{{printf "%.2f" .Assistance}}</td><td>{{num .MovementTime " s"}}</td><td>{{num .PathLengthRatio ""}}</td><td>{{num .SPARC ""}}</td><td>{{printf "%.1f" .PeakTorque}} N·m</td></tr>
{{end}}</table>
<h2>Joint angles and assistance</h2>
<figure>{{.SVG}}<figcaption>Joint angles (the prescribed range shaded) and assistance over time.</figcaption></figure>
</body></html>
`))

func (s *Server) reportHTML(w http.ResponseWriter, r *http.Request) error {
	sess, samples, rep, err := s.load(r)
	if err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := report.WriteSVG(&svg, &rep, sess.Joints, samples); err != nil {
		return err
	}
	var buf bytes.Buffer
	// The SVG is ours, every text in it escaped; inlined because an <img>
	// request would not carry the bearer token.
	if err := page.Execute(&buf, map[string]any{"R": rep, "SVG": template.HTML(svg.String())}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.Write(buf.Bytes())
	return nil
}
