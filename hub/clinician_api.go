package hub

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/rehab/store"
)

// clinician authenticates a clinician's request; it answers 401 itself
// and returns nil when the token is unknown.
func (s *Server) clinician(w http.ResponseWriter, r *http.Request) *Clinician {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if ok {
		if c, found := s.clinicians.Lookup(strings.TrimSpace(tok)); found {
			return c
		}
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="chiron-hub"`)
	writeJSON(w, http.StatusUnauthorized, Refusal{Error: "unknown or revoked clinician token"})
	return nil
}

// period reads the from and to query parameters: a date (2026-12-01, the
// day's start in UTC) or an RFC 3339 time; to defaults to now.
func period(r *http.Request, now time.Time) (from, to time.Time, bad *Refusal) {
	parse := func(name string, def time.Time) (time.Time, *Refusal) {
		v := r.URL.Query().Get(name)
		if v == "" {
			if def.IsZero() {
				return time.Time{}, &Refusal{Error: name + ": missing (a date, 2026-12-01, or an RFC 3339 time)", Field: name}
			}
			return def, nil
		}
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return t, nil
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return time.Time{}, &Refusal{Error: fmt.Sprintf("%s: %q is neither a date (2026-12-01) nor an RFC 3339 time", name, v), Field: name}
		}
		return t, nil
	}
	if from, bad = parse("from", time.Time{}); bad != nil {
		return
	}
	if to, bad = parse("to", now); bad != nil {
		return
	}
	if !to.After(from) {
		bad = &Refusal{Error: fmt.Sprintf("to %s is not after from %s", to.Format(time.RFC3339), from.Format(time.RFC3339)), Field: "to"}
	}
	return
}

// audit appends to the audit log; a failure is logged, not hidden: the
// request it records has been answered already or is refused.
func (s *Server) audit(r *http.Request, actor, action, subject, detail string) error {
	_, err := s.store.Audit(r.Context(), store.AuditEntry{Actor: actor, Action: action, Subject: subject, Detail: detail})
	if err != nil {
		s.log.Error("hub: audit entry not written", "actor", actor, "action", action, "subject", subject, "err", err)
	}
	return err
}

// patientFHIR is GET /v1/patients/{id}/fhir?from=&to=: the patient's
// sessions in the period as one FHIR R4 Bundle, for a clinician whose scope
// holds the patient; every export and every refusal of scope is audited.
func (s *Server) patientFHIR(w http.ResponseWriter, r *http.Request) {
	c := s.clinician(w, r)
	if c == nil {
		return
	}
	id := r.PathValue("id")
	if !c.May(id) {
		_ = s.audit(r, c.ID, "refused", "patient "+id, "FHIR export outside the clinician's patients")
		writeJSON(w, http.StatusForbidden, Refusal{Error: fmt.Sprintf("patient %s is not one of clinician %s's patients", id, c.ID)})
		return
	}
	now := time.Now()
	from, to, bad := period(r, now)
	if bad != nil {
		writeJSON(w, http.StatusBadRequest, bad)
		return
	}
	b, err := PatientBundle(r.Context(), s.store, id, from, to, now)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeJSON(w, http.StatusNotFound, Refusal{Error: fmt.Sprintf("no patient %s at the hub", id)})
		return
	case err != nil:
		s.log.Error("hub: FHIR bundle", "patient", id, "err", err)
		writeJSON(w, http.StatusInternalServerError, Refusal{Error: "bundle not built; retry"})
		return
	}
	// The export is recorded before the records leave: no audit, no export.
	if s.audit(r, c.ID, "export-fhir", "patient "+id,
		fmt.Sprintf("%s to %s, %d entries", from.UTC().Format(time.RFC3339), to.UTC().Format(time.RFC3339), len(b.Entry))) != nil {
		writeJSON(w, http.StatusInternalServerError, Refusal{Error: "export not audited, so not made; retry"})
		return
	}
	w.Header().Set("Content-Type", "application/fhir+json")
	_ = json.NewEncoder(w).Encode(b)
}

// auditLog is GET /v1/audit?from=&to=: the audit entries of the period, for
// a clinician whose scope is every patient.
func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) {
	c := s.clinician(w, r)
	if c == nil {
		return
	}
	if !c.All {
		_ = s.audit(r, c.ID, "refused", "audit log", "read without every patient in scope")
		writeJSON(w, http.StatusForbidden, Refusal{Error: fmt.Sprintf("clinician %s may read their patients' records, and may not read the audit log (that takes every patient in scope, *)", c.ID)})
		return
	}
	from, to, bad := period(r, time.Now())
	if bad != nil {
		writeJSON(w, http.StatusBadRequest, bad)
		return
	}
	log, err := s.store.AuditLog(r.Context(), from, to)
	if err != nil {
		s.log.Error("hub: audit log", "err", err)
		writeJSON(w, http.StatusInternalServerError, Refusal{Error: "audit log not read; retry"})
		return
	}
	if log == nil {
		log = []store.AuditEntry{}
	}
	writeJSON(w, http.StatusOK, log)
}
