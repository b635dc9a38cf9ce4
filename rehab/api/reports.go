package api

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

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
	rep := report.Build(sess, p, samples)
	if rep.Therapist, err = s.opts.Store.StartedBy(ctx, sess.ID); err != nil {
		return sess, nil, report.Report{}, err
	}
	return sess, samples, rep, nil
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
	// request would not carry the bearer token. Times are the server's
	// local time, the clinic's.
	if err := report.WriteHTML(&buf, &rep, report.HTMLOptions{SVG: svg.String(), Location: time.Local}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.Write(buf.Bytes())
	return nil
}
