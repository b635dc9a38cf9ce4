package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// AuditEntry is one row of the audit log: Actor (a clinician's or
// device's id) did Action ("export-fhir", "refused", …) to Subject (a
// patient, a session), with Detail in words. At is when, UTC.
type AuditEntry struct {
	ID      string    `json:"id"`
	At      time.Time `json:"at"`
	Actor   string    `json:"actor"`
	Action  string    `json:"action"`
	Subject string    `json:"subject"`
	Detail  string    `json:"detail,omitempty"`
}

// Audit appends e to the audit log; its ID is drawn here and At, if zero,
// is the store's clock. Actor and Action are required.
func (s *Store) Audit(ctx context.Context, e AuditEntry) (AuditEntry, error) {
	if e.Actor == "" || e.Action == "" {
		return e, errors.New("store: audit entry without actor or action")
	}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return e, fmt.Errorf("store: audit id: %w", err)
	}
	e.ID = hex.EncodeToString(b[:])
	if e.At.IsZero() {
		e.At = s.now()
	}
	e.At = e.At.UTC()
	_, err := s.db.exec(ctx, "INSERT INTO audit_log (id, at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
		e.ID, e.At.UnixNano(), e.Actor, e.Action, e.Subject, e.Detail)
	if err != nil {
		return e, fmt.Errorf("store: audit: %w", err)
	}
	return e, nil
}

// AuditLog returns the entries with from ≤ At < to, oldest first (by
// time, then id).
func (s *Store) AuditLog(ctx context.Context, from, to time.Time) ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.db.query(ctx, "SELECT id, at, actor, action, subject, detail FROM audit_log WHERE at >= ? AND at < ? ORDER BY at, id",
		[]any{from.UnixNano(), to.UnixNano()}, func(scan func(...any) error) error {
			var e AuditEntry
			var at int64
			if err := scan(&e.ID, &at, &e.Actor, &e.Action, &e.Subject, &e.Detail); err != nil {
				return err
			}
			e.At = time.Unix(0, at).UTC()
			out = append(out, e)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	return out, nil
}
