package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

// Dialect names a database engine.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Errors returned by the store; test with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrExists   = errors.New("already exists")
	// ErrTransition is rehab.ErrTransition: a refused status change.
	ErrTransition = rehab.ErrTransition
)

// Options configure Open. Zero fields take defaults.
type Options struct {
	// BusyTimeout is how long a SQLite writer waits for the lock (5 s).
	BusyTimeout time.Duration
	// MaxConns bounds PostgreSQL connections (4).
	MaxConns int
	// Now stamps records; nil means time.Now.
	Now func() time.Time
}

// Store is a rehab database. Its methods are safe for concurrent use.
type Store struct {
	db      backend
	dialect Dialect
	now     func() time.Time
}

// Open opens the database named by dsn and brings its schema up to date.
// A dsn starting with postgres:// or postgresql:// is a PostgreSQL
// connection string; anything else is a SQLite file path (an optional
// "sqlite:" prefix is stripped), created with mode 0600 if missing.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	s := &Store{now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		b, err := openPostgres(ctx, dsn, opts.MaxConns)
		if err != nil {
			return nil, err
		}
		s.db, s.dialect = b, Postgres
	default:
		bt := opts.BusyTimeout
		if bt <= 0 {
			bt = 5 * time.Second
		}
		b, err := openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"), int(bt/time.Millisecond))
		if err != nil {
			return nil, err
		}
		s.db, s.dialect = b, SQLite
	}
	if err := s.migrate(ctx); err != nil {
		s.db.close()
		return nil, err
	}
	return s, nil
}

// Dialect returns the engine behind s.
func (s *Store) Dialect() Dialect { return s.dialect }

// Close closes the database. Batchers must be closed first.
func (s *Store) Close() error { return s.db.close() }

// IntegrityCheck runs SQLite's PRAGMA integrity_check and returns its
// verdict ("ok" when sound); on PostgreSQL it returns "ok" after a
// round trip.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	q := "SELECT 'ok'"
	if s.dialect == SQLite {
		q = "PRAGMA integrity_check"
	}
	var lines []string
	err := s.db.query(ctx, q, nil, func(scan func(...any) error) error {
		var l string
		err := scan(&l)
		lines = append(lines, l)
		return err
	})
	return strings.Join(lines, "\n"), err
}

func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// isUniqueViolation recognises a primary-key clash on either engine.
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	m := err.Error()
	return strings.Contains(m, "UNIQUE constraint failed") || strings.Contains(m, "SQLSTATE 23505") ||
		strings.Contains(m, "duplicate key value")
}

// CreatePatient stores p after validating it. CreatedAt is set if zero.
func (s *Store) CreatePatient(ctx context.Context, p *rehab.Patient) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = s.now().UTC()
	}
	limits, err := json.Marshal(p.Limits)
	if err != nil {
		return err
	}
	_, err = s.db.exec(ctx, "INSERT INTO patients (id, height_m, mass_kg, affected_side, joint_limits, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		p.ID, p.Height, p.Mass, string(p.AffectedSide), string(limits), nanos(p.CreatedAt))
	if isUniqueViolation(err) {
		return fmt.Errorf("patient %s: %w", p.ID, ErrExists)
	}
	return err
}

const patientCols = "id, height_m, mass_kg, affected_side, joint_limits, created_at"

func scanPatient(scan func(...any) error) (rehab.Patient, error) {
	var p rehab.Patient
	var side, limits string
	var created int64
	if err := scan(&p.ID, &p.Height, &p.Mass, &side, &limits, &created); err != nil {
		return p, err
	}
	p.AffectedSide, p.CreatedAt = rehab.Side(side), fromNanos(created)
	if err := json.Unmarshal([]byte(limits), &p.Limits); err != nil {
		return p, fmt.Errorf("patient %s: joint limits: %w", p.ID, err)
	}
	return p, nil
}

// GetPatient returns the patient with id, or ErrNotFound.
func (s *Store) GetPatient(ctx context.Context, id string) (rehab.Patient, error) {
	return getPatient(ctx, s.db, id)
}

func getPatient(ctx context.Context, q querier, id string) (p rehab.Patient, err error) {
	found := false
	err = q.query(ctx, "SELECT "+patientCols+" FROM patients WHERE id = ?", []any{id}, func(scan func(...any) error) error {
		found = true
		p, err = scanPatient(scan)
		return err
	})
	if err == nil && !found {
		err = fmt.Errorf("patient %s: %w", id, ErrNotFound)
	}
	return p, err
}

// ListPatients returns up to limit patients ordered by id, starting after
// the id after (empty for the first page).
func (s *Store) ListPatients(ctx context.Context, after string, limit int) ([]rehab.Patient, error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	var out []rehab.Patient
	err := s.db.query(ctx, "SELECT "+patientCols+" FROM patients WHERE id > ? ORDER BY id LIMIT ?", []any{after, limit},
		func(scan func(...any) error) error {
			p, err := scanPatient(scan)
			out = append(out, p)
			return err
		})
	return out, err
}

// CreateSession stores a new session in status created for an existing
// patient. The protocol is validated against the patient; Joints default
// to the patient's joints.
func (s *Store) CreateSession(ctx context.Context, sess *rehab.Session) error {
	if !rehab.ValidID(sess.ID) {
		return &rehab.FieldError{Field: "id", Msg: "malformed session id"}
	}
	p, err := s.GetPatient(ctx, sess.PatientID)
	if err != nil {
		return err
	}
	if err := sess.Protocol.Validate(&p); err != nil {
		var fe *rehab.FieldError
		if errors.As(err, &fe) {
			return &rehab.FieldError{Field: "protocol." + fe.Field, Msg: fe.Msg}
		}
		return err
	}
	if len(sess.Joints) == 0 {
		for _, l := range p.Limits {
			sess.Joints = append(sess.Joints, l.Joint)
		}
	}
	sess.Status = rehab.StatusCreated
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = s.now().UTC()
	}
	proto, err := json.Marshal(sess.Protocol)
	if err != nil {
		return err
	}
	joints, _ := json.Marshal(sess.Joints)
	_, err = s.db.exec(ctx, `INSERT INTO sessions (id, patient_id, robot, joints, protocol, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		sess.ID, sess.PatientID, sess.Robot, string(joints), string(proto), string(sess.Status), nanos(sess.CreatedAt), nanos(sess.CreatedAt))
	if isUniqueViolation(err) {
		return fmt.Errorf("session %s: %w", sess.ID, ErrExists)
	}
	return err
}

const sessionCols = "id, patient_id, robot, joints, protocol, status, created_at, started_at, ended_at, samples, exercise, repetition, elapsed_s, end_reason"

func scanSession(scan func(...any) error) (rehab.Session, error) {
	var s rehab.Session
	var joints, proto, status string
	var created, started, ended int64
	if err := scan(&s.ID, &s.PatientID, &s.Robot, &joints, &proto, &status, &created, &started, &ended,
		&s.Progress.Samples, &s.Progress.Exercise, &s.Progress.Repetition, &s.Progress.Elapsed, &s.EndReason); err != nil {
		return s, err
	}
	s.Status = rehab.Status(status)
	s.CreatedAt, s.StartedAt, s.EndedAt = fromNanos(created), fromNanos(started), fromNanos(ended)
	if err := json.Unmarshal([]byte(joints), &s.Joints); err != nil {
		return s, fmt.Errorf("session %s: joints: %w", s.ID, err)
	}
	if err := json.Unmarshal([]byte(proto), &s.Protocol); err != nil {
		return s, fmt.Errorf("session %s: protocol: %w", s.ID, err)
	}
	return s, nil
}

// GetSession returns the session with id, or ErrNotFound.
func (s *Store) GetSession(ctx context.Context, id string) (rehab.Session, error) {
	return getSession(ctx, s.db, id)
}

func getSession(ctx context.Context, q querier, id string) (sess rehab.Session, err error) {
	found := false
	err = q.query(ctx, "SELECT "+sessionCols+" FROM sessions WHERE id = ?", []any{id}, func(scan func(...any) error) error {
		found = true
		sess, err = scanSession(scan)
		return err
	})
	if err == nil && !found {
		err = fmt.Errorf("session %s: %w", id, ErrNotFound)
	}
	return sess, err
}

// ListSessions returns the sessions of a patient (all sessions if
// patientID is empty), oldest first.
func (s *Store) ListSessions(ctx context.Context, patientID string) ([]rehab.Session, error) {
	q, args := "SELECT "+sessionCols+" FROM sessions ORDER BY created_at, id", []any(nil)
	if patientID != "" {
		q, args = "SELECT "+sessionCols+" FROM sessions WHERE patient_id = ? ORDER BY created_at, id", []any{patientID}
	}
	var out []rehab.Session
	err := s.db.query(ctx, q, args, func(scan func(...any) error) error {
		sess, err := scanSession(scan)
		out = append(out, sess)
		return err
	})
	return out, err
}

// Transition moves session id to status to, if its current status allows
// it, and returns the updated session. A refused change returns an error
// wrapping ErrTransition; the check and the update are one transaction.
// Entering running the first time sets StartedAt; entering a final status
// sets EndedAt.
func (s *Store) Transition(ctx context.Context, id string, to rehab.Status) (rehab.Session, error) {
	var out rehab.Session
	err := s.db.tx(ctx, func(q querier) error {
		sess, err := getSession(ctx, q, id)
		if err != nil {
			return err
		}
		if !sess.Status.CanTransition(to) {
			return fmt.Errorf("session %s: %s → %s: %w", id, sess.Status, to, ErrTransition)
		}
		now := s.now().UTC()
		if to == rehab.StatusRunning && sess.StartedAt.IsZero() {
			sess.StartedAt = now
		}
		if to.Final() {
			sess.EndedAt = now
		}
		n, err := q.exec(ctx, "UPDATE sessions SET status = ?, started_at = ?, ended_at = ?, updated_at = ? WHERE id = ? AND status = ?",
			string(to), nanos(sess.StartedAt), nanos(sess.EndedAt), nanos(now), id, string(sess.Status))
		if err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("session %s changed concurrently: %w", id, ErrTransition)
		}
		sess.Status = to
		out = sess
		return nil
	})
	return out, err
}

// MaxEndReason bounds a stored end reason, bytes.
const MaxEndReason = 2000

// SetEndReason records why session id ended early (rehab.Session.EndReason),
// once it has ended; longer reasons are cut at MaxEndReason bytes.
func (s *Store) SetEndReason(ctx context.Context, id, reason string) error {
	if len(reason) > MaxEndReason {
		reason = strings.ToValidUTF8(reason[:MaxEndReason], "")
	}
	n, err := s.db.exec(ctx, "UPDATE sessions SET end_reason = ?, updated_at = ? WHERE id = ? AND status IN ('stopped', 'completed', 'interrupted')",
		reason, nanos(s.now().UTC()), id)
	if err != nil {
		return fmt.Errorf("session %s: end reason: %w", id, err)
	}
	if n != 1 {
		if _, err := s.GetSession(ctx, id); err != nil {
			return err
		}
		return fmt.Errorf("session %s has not ended: %w", id, ErrTransition)
	}
	return nil
}

// MaxStartedBy bounds a stored therapist's name, bytes.
const MaxStartedBy = 200

// SetStartedBy records who started session id (the therapist its report
// names: the name of the clinician's token), once it has started; longer
// names are cut at MaxStartedBy bytes.
func (s *Store) SetStartedBy(ctx context.Context, id, who string) error {
	if len(who) > MaxStartedBy {
		who = strings.ToValidUTF8(who[:MaxStartedBy], "")
	}
	n, err := s.db.exec(ctx, "UPDATE sessions SET started_by = ?, updated_at = ? WHERE id = ? AND started_at <> 0",
		who, nanos(s.now().UTC()), id)
	if err != nil {
		return fmt.Errorf("session %s: started by: %w", id, err)
	}
	if n != 1 {
		if _, err := s.GetSession(ctx, id); err != nil {
			return err
		}
		return fmt.Errorf("session %s has not started: %w", id, ErrTransition)
	}
	return nil
}

// StartedBy returns who started session id (SetStartedBy); empty if not
// recorded.
func (s *Store) StartedBy(ctx context.Context, id string) (string, error) {
	var who string
	found := false
	err := s.db.query(ctx, "SELECT started_by FROM sessions WHERE id = ?", []any{id}, func(scan func(...any) error) error {
		found = true
		return scan(&who)
	})
	if err == nil && !found {
		err = fmt.Errorf("session %s: %w", id, ErrNotFound)
	}
	return who, err
}

// MarkInterrupted marks every session of robot (every robot if empty)
// left running or paused as interrupted and returns their ids. Call it
// once at start-up, before any session runs: a session in those states
// then belongs to a process that no longer exists.
func (s *Store) MarkInterrupted(ctx context.Context, robot string) ([]string, error) {
	var ids []string
	err := s.db.tx(ctx, func(q querier) error {
		sel, args := "SELECT id FROM sessions WHERE status IN ('running', 'paused')", []any{}
		if robot != "" {
			sel += " AND robot = ?"
			args = append(args, robot)
		}
		if err := q.query(ctx, sel+" ORDER BY id", args, func(scan func(...any) error) error {
			var id string
			err := scan(&id)
			ids = append(ids, id)
			return err
		}); err != nil {
			return err
		}
		now := nanos(s.now())
		for _, id := range ids {
			if _, err := q.exec(ctx, "UPDATE sessions SET status = 'interrupted', ended_at = ?, updated_at = ? WHERE id = ?", now, now, id); err != nil {
				return err
			}
		}
		return nil
	})
	return ids, err
}

// AppendSamples commits samples to session id in one transaction,
// numbering them after those already stored and updating the session's
// progress. Every sample must have as many joints as the session.
func (s *Store) AppendSamples(ctx context.Context, id string, samples []rehab.Sample) error {
	if len(samples) == 0 {
		return nil
	}
	return s.db.tx(ctx, func(q querier) error {
		var n int64
		var joints string
		found := false
		if err := q.query(ctx, "SELECT samples, joints FROM sessions WHERE id = ?", []any{id}, func(scan func(...any) error) error {
			found = true
			return scan(&n, &joints)
		}); err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("session %s: %w", id, ErrNotFound)
		}
		var names []string
		if err := json.Unmarshal([]byte(joints), &names); err != nil {
			return err
		}
		rows := make([][]any, len(samples))
		for i := range samples {
			sm := &samples[i]
			if err := sm.Validate(len(names)); err != nil {
				return fmt.Errorf("session %s: %w", id, err)
			}
			rows[i] = []any{id, n + int64(i), sm.T, sm.Exercise, sm.Repetition, sm.Assistance,
				packFloats(sm.Q), packFloats(sm.QD), packFloats(sm.Tau)}
		}
		if err := s.db.copySamples(ctx, q, rows); err != nil {
			return err
		}
		last := samples[len(samples)-1]
		_, err := q.exec(ctx, "UPDATE sessions SET samples = ?, exercise = ?, repetition = ?, elapsed_s = ?, updated_at = ? WHERE id = ?",
			n+int64(len(samples)), last.Exercise, last.Repetition, last.T, nanos(s.now()), id)
		return err
	})
}

// Samples returns the samples of session id in recording order.
func (s *Store) Samples(ctx context.Context, id string) ([]rehab.Sample, error) {
	var out []rehab.Sample
	err := s.db.query(ctx, "SELECT t_s, exercise, repetition, assistance, q, qd, tau FROM samples WHERE session_id = ? ORDER BY seq",
		[]any{id}, func(scan func(...any) error) error {
			var sm rehab.Sample
			var q, qd, tau []byte
			if err := scan(&sm.T, &sm.Exercise, &sm.Repetition, &sm.Assistance, &q, &qd, &tau); err != nil {
				return err
			}
			var err error
			if sm.Q, err = unpackFloats(q); err != nil {
				return err
			}
			if sm.QD, err = unpackFloats(qd); err != nil {
				return err
			}
			if sm.Tau, err = unpackFloats(tau); err != nil {
				return err
			}
			out = append(out, sm)
			return nil
		})
	return out, err
}

func packFloats(v []float64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(x))
	}
	return b
}

func unpackFloats(b []byte) ([]float64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("store: packed float array of %d bytes", len(b))
	}
	v := make([]float64, len(b)/8)
	for i := range v {
		v[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v, nil
}
