package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/chiron-robotics/chiron/rehab"
)

// Replication, store and forward: a device reads what a hub (a target)
// has not acknowledged yet with PendingReplica, sends it, and records the
// hub's acknowledgement with AckReplica; the hub writes the batch with
// ApplyReplica. Every batch is idempotent on the hub — samples are keyed
// by (session, seq), patients and sessions upserted by id, a session's
// status never moving backwards — and the device's cursor moves only after
// the hub has committed, so a crash of either side anywhere between the
// two commits leads to a resend the hub absorbs: no loss, no duplicate.

// Errors of replication; test with errors.Is.
var (
	// ErrReplicaOwner: the batch names a patient or session that another
	// device replicated first. The hub refuses it rather than merge two
	// people's records.
	ErrReplicaOwner = errors.New("record belongs to another device")
	// ErrReplicaGap: a session's samples do not continue where the hub's
	// end (the hub lost rows, e.g. restored from an older backup).
	ErrReplicaGap = errors.New("samples do not continue the hub's")
)

// GapError is a refused batch whose samples of Session start at From while
// the hub holds the first Have; the device restarts that session's
// cursor at Have (ResetReplicaCursor).
type GapError struct {
	Session    string
	From, Have int64
}

func (e *GapError) Error() string {
	return fmt.Sprintf("session %s: samples from seq %d but the hub holds %d: %v", e.Session, e.From, e.Have, ErrReplicaGap)
}

// Unwrap makes errors.Is(err, ErrReplicaGap) hold.
func (e *GapError) Unwrap() error { return ErrReplicaGap }

// PatientRecord is a patient as stored: the replication wire form.
type PatientRecord struct {
	ID           string  `json:"id"`
	Height       float64 `json:"height_m"`
	Mass         float64 `json:"mass_kg"`
	AffectedSide string  `json:"affected_side"`
	JointLimits  string  `json:"joint_limits"` // JSON, as stored
	CreatedAt    int64   `json:"created_at"`   // ns since the Unix epoch
}

// SessionRecord is a session row as stored: the replication wire form.
// Times are ns since the Unix epoch (0: not yet); Joints and Protocol are
// the stored JSON, byte for byte.
type SessionRecord struct {
	ID         string  `json:"id"`
	PatientID  string  `json:"patient_id"`
	Robot      string  `json:"robot"`
	Joints     string  `json:"joints"`
	Protocol   string  `json:"protocol"`
	Status     string  `json:"status"`
	CreatedAt  int64   `json:"created_at"`
	StartedAt  int64   `json:"started_at"`
	EndedAt    int64   `json:"ended_at"`
	UpdatedAt  int64   `json:"updated_at"`
	Samples    int64   `json:"samples"`
	Exercise   int     `json:"exercise"`
	Repetition int     `json:"repetition"`
	Elapsed    float64 `json:"elapsed_s"`
	EndReason  string  `json:"end_reason"`
	StartedBy  string  `json:"started_by"`
}

// SampleRecord is a sample row as stored; Q, QD and Tau are the packed
// little-endian float64 arrays, so what the hub stores is bit-identical.
type SampleRecord struct {
	Session    string  `json:"session_id"`
	Seq        int64   `json:"seq"`
	T          float64 `json:"t_s"`
	Exercise   int     `json:"exercise"`
	Repetition int     `json:"repetition"`
	Assistance float64 `json:"assistance"`
	Q          []byte  `json:"q"`
	QD         []byte  `json:"qd"`
	Tau        []byte  `json:"tau"`
}

// ReplicaBatch is one unit of replication. Samples are ordered by
// (session, seq) and contiguous per session; every session they belong to
// is in Sessions, every patient a session names is in Patients or already
// on the hub.
type ReplicaBatch struct {
	Patients []PatientRecord `json:"patients"`
	Sessions []SessionRecord `json:"sessions"`
	Samples  []SampleRecord  `json:"samples"`
}

// Empty reports whether b carries nothing.
func (b *ReplicaBatch) Empty() bool {
	return len(b.Patients) == 0 && len(b.Sessions) == 0 && len(b.Samples) == 0
}

const sessionRecordCols = "id, patient_id, robot, joints, protocol, status, created_at, started_at, ended_at, updated_at, samples, exercise, repetition, elapsed_s, end_reason, started_by"

func scanSessionRecord(scan func(...any) error) (SessionRecord, error) {
	var r SessionRecord
	err := scan(&r.ID, &r.PatientID, &r.Robot, &r.Joints, &r.Protocol, &r.Status, &r.CreatedAt, &r.StartedAt, &r.EndedAt,
		&r.UpdatedAt, &r.Samples, &r.Exercise, &r.Repetition, &r.Elapsed, &r.EndReason, &r.StartedBy)
	return r, err
}

const sampleRecordCols = "session_id, seq, t_s, exercise, repetition, assistance, q, qd, tau"

func scanSampleRecord(scan func(...any) error) (SampleRecord, error) {
	var r SampleRecord
	err := scan(&r.Session, &r.Seq, &r.T, &r.Exercise, &r.Repetition, &r.Assistance, &r.Q, &r.QD, &r.Tau)
	return r, err
}

// PendingReplica returns what target has not acknowledged: sessions whose
// row changed since (or was never acknowledged), their samples after the
// acknowledged cursor — at most maxSamples in all (≤ 0: 1000) — and the
// patients not yet acknowledged. Sessions are read before their samples
// and patients, so a batch never names a sample or patient that was not
// yet committed when its session row was read.
func (s *Store) PendingReplica(ctx context.Context, target string, maxSamples int) (ReplicaBatch, error) {
	if maxSamples <= 0 {
		maxSamples = 1000
	}
	var b ReplicaBatch
	type pending struct {
		rec   SessionRecord
		acked int64
	}
	var ps []pending
	err := s.db.query(ctx, `SELECT s.id, s.patient_id, s.robot, s.joints, s.protocol, s.status, s.created_at, s.started_at, s.ended_at,
		s.updated_at, s.samples, s.exercise, s.repetition, s.elapsed_s, s.end_reason, s.started_by, COALESCE(c.samples, 0)
		FROM sessions s LEFT JOIN replica_cursors c ON c.session_id = s.id AND c.target = ?
		WHERE c.session_id IS NULL OR c.updated_at <> s.updated_at OR c.samples < s.samples
		ORDER BY s.created_at, s.id`, []any{target}, func(scan func(...any) error) error {
		var p pending
		r := &p.rec
		err := scan(&r.ID, &r.PatientID, &r.Robot, &r.Joints, &r.Protocol, &r.Status, &r.CreatedAt, &r.StartedAt, &r.EndedAt,
			&r.UpdatedAt, &r.Samples, &r.Exercise, &r.Repetition, &r.Elapsed, &r.EndReason, &r.StartedBy, &p.acked)
		ps = append(ps, p)
		return err
	})
	if err != nil {
		return b, fmt.Errorf("store: pending sessions for %s: %w", target, err)
	}
	budget := maxSamples
	for _, p := range ps {
		if budget == 0 {
			break // the rest go in a later batch, with their samples
		}
		b.Sessions = append(b.Sessions, p.rec)
		if p.acked >= p.rec.Samples {
			continue
		}
		// Only rows below the session row's count: they were committed
		// with it (AppendSamples), so the batch is consistent.
		n := min(int64(budget), p.rec.Samples-p.acked)
		err := s.db.query(ctx, "SELECT "+sampleRecordCols+" FROM samples WHERE session_id = ? AND seq >= ? AND seq < ? ORDER BY seq",
			[]any{p.rec.ID, p.acked, p.acked + n}, func(scan func(...any) error) error {
				r, err := scanSampleRecord(scan)
				b.Samples = append(b.Samples, r)
				return err
			})
		if err != nil {
			return b, fmt.Errorf("store: pending samples of %s: %w", p.rec.ID, err)
		}
		budget -= int(n)
	}
	err = s.db.query(ctx, `SELECT p.id, p.height_m, p.mass_kg, p.affected_side, p.joint_limits, p.created_at
		FROM patients p LEFT JOIN replica_patients r ON r.patient_id = p.id AND r.target = ?
		WHERE r.patient_id IS NULL ORDER BY p.id`, []any{target}, func(scan func(...any) error) error {
		var r PatientRecord
		err := scan(&r.ID, &r.Height, &r.Mass, &r.AffectedSide, &r.JointLimits, &r.CreatedAt)
		b.Patients = append(b.Patients, r)
		return err
	})
	if err != nil {
		return b, fmt.Errorf("store: pending patients for %s: %w", target, err)
	}
	return b, nil
}

// AckReplica records that target has committed b: in one transaction,
// each session's cursor moves to the end of its samples in b and to the
// row's updated_at, and b's patients are marked as sent. A cursor never
// moves back.
func (s *Store) AckReplica(ctx context.Context, target string, b *ReplicaBatch) error {
	end := map[string]int64{}
	for _, r := range b.Samples {
		end[r.Session] = max(end[r.Session], r.Seq+1)
	}
	err := s.db.tx(ctx, func(q querier) error {
		for _, p := range b.Patients {
			if _, err := q.exec(ctx, "INSERT INTO replica_patients (target, patient_id) VALUES (?, ?) ON CONFLICT (target, patient_id) DO NOTHING",
				target, p.ID); err != nil {
				return err
			}
		}
		for _, r := range b.Sessions {
			if _, err := q.exec(ctx, `INSERT INTO replica_cursors (target, session_id, samples, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (target, session_id) DO UPDATE SET
					samples = CASE WHEN excluded.samples > replica_cursors.samples THEN excluded.samples ELSE replica_cursors.samples END,
					updated_at = excluded.updated_at`,
				target, r.ID, end[r.ID], r.UpdatedAt); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: acknowledge batch for %s: %w", target, err)
	}
	return nil
}

// ResetReplicaCursor moves target's cursor of session id back to have
// samples (after a GapError) and forgets the acknowledged row, so the
// next batch resends the session and its samples from there.
func (s *Store) ResetReplicaCursor(ctx context.Context, target, id string, have int64) error {
	if have < 0 {
		return fmt.Errorf("store: reset cursor of %s: have %d < 0", id, have)
	}
	_, err := s.db.exec(ctx, "UPDATE replica_cursors SET samples = ?, updated_at = -1 WHERE target = ? AND session_id = ? AND samples > ?",
		have, target, id, have)
	if err != nil {
		return fmt.Errorf("store: reset cursor of %s: %w", id, err)
	}
	return nil
}

// validate checks a batch from a device before any of it is written and
// returns a *rehab.FieldError naming the first bad field.
func (b *ReplicaBatch) validate() error {
	fe := func(field, format string, a ...any) error {
		return &rehab.FieldError{Field: field, Msg: fmt.Sprintf(format, a...)}
	}
	for i, r := range b.Patients {
		f := fmt.Sprintf("patients[%d]", i)
		p := rehab.Patient{ID: r.ID, Height: r.Height, Mass: r.Mass, AffectedSide: rehab.Side(r.AffectedSide)}
		if err := json.Unmarshal([]byte(r.JointLimits), &p.Limits); err != nil {
			return fe(f+".joint_limits", "not a JSON list of joint limits: %v", err)
		}
		if err := p.Validate(); err != nil {
			var e *rehab.FieldError
			if errors.As(err, &e) {
				return fe(f+"."+e.Field, "%s", e.Msg)
			}
			return fe(f, "%v", err)
		}
	}
	joints := map[string]int{}
	for i, r := range b.Sessions {
		f := fmt.Sprintf("sessions[%d]", i)
		switch {
		case !rehab.ValidID(r.ID):
			return fe(f+".id", "malformed session id %q", r.ID)
		case !rehab.ValidID(r.PatientID):
			return fe(f+".patient_id", "malformed patient id %q", r.PatientID)
		case !rehab.Status(r.Status).Valid():
			return fe(f+".status", "unknown status %q", r.Status)
		case r.Samples < 0:
			return fe(f+".samples", "%d < 0", r.Samples)
		case !finite(r.Elapsed):
			return fe(f+".elapsed_s", "not finite")
		}
		var names []string
		if err := json.Unmarshal([]byte(r.Joints), &names); err != nil {
			return fe(f+".joints", "not a JSON list of joint names: %v", err)
		}
		var proto rehab.Protocol
		if err := json.Unmarshal([]byte(r.Protocol), &proto); err != nil {
			return fe(f+".protocol", "not a protocol: %v", err)
		}
		if _, dup := joints[r.ID]; dup {
			return fe(f+".id", "session %s twice in one batch", r.ID)
		}
		joints[r.ID] = len(names)
	}
	prev := SampleRecord{Seq: -1}
	for i, r := range b.Samples {
		f := fmt.Sprintf("samples[%d]", i)
		n, ok := joints[r.Session]
		switch {
		case !ok:
			return fe(f+".session_id", "session %q is not in the batch", r.Session)
		case r.Seq < 0:
			return fe(f+".seq", "%d < 0", r.Seq)
		case r.Session == prev.Session && r.Seq != prev.Seq+1:
			return fe(f+".seq", "%d after %d: a batch's samples are contiguous per session", r.Seq, prev.Seq)
		case !finite(r.T):
			return fe(f+".t_s", "not finite")
		case !finite(r.Assistance):
			return fe(f+".assistance", "not finite")
		}
		for _, a := range []struct {
			name string
			v    []byte
		}{{"q", r.Q}, {"qd", r.QD}, {"tau", r.Tau}} {
			if len(a.v) != 8*n {
				return fe(f+"."+a.name, "%d bytes for %d joints (want %d)", len(a.v), n, 8*n)
			}
			if v, _ := unpackFloats(a.v); !allFinite(v) {
				return fe(f+"."+a.name, "not finite")
			}
		}
		prev = r
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func allFinite(v []float64) bool {
	for _, x := range v {
		if !finite(x) {
			return false
		}
	}
	return true
}

// statusRank orders statuses for the hub: a session never moves to a
// lower rank (created 0; running and paused 1, alternating by updated_at;
// the final statuses 2).
const statusRank = `CASE %s WHEN 'created' THEN 0 WHEN 'running' THEN 1 WHEN 'paused' THEN 1 ELSE 2 END`

// ApplyReplica writes a device's batch on the hub in one transaction:
// patients inserted if new (a patient never changes), sessions upserted by
// id — a row older than the hub's (updated_at) or with a lower status is
// ignored — and samples inserted unless already there. Records another
// device sent first are refused (ErrReplicaOwner), so are samples that
// would leave a gap (*GapError), and so is a malformed batch
// (*rehab.FieldError); nothing of a refused batch is written.
func (s *Store) ApplyReplica(ctx context.Context, device string, b *ReplicaBatch) error {
	if !rehab.ValidID(device) {
		return &rehab.FieldError{Field: "device", Msg: fmt.Sprintf("malformed device id %q", device)}
	}
	if err := b.validate(); err != nil {
		return err
	}
	err := s.db.tx(ctx, func(q querier) error {
		own := func(kind, id string) error {
			if _, err := q.exec(ctx, "INSERT INTO replica_origins (kind, id, device) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO NOTHING",
				kind, id, device); err != nil {
				return err
			}
			var owner string
			if err := q.query(ctx, "SELECT device FROM replica_origins WHERE kind = ? AND id = ?", []any{kind, id},
				func(scan func(...any) error) error { return scan(&owner) }); err != nil {
				return err
			}
			if owner != device {
				return fmt.Errorf("%s %s (from %s): %w", kind, id, owner, ErrReplicaOwner)
			}
			return nil
		}
		for _, p := range b.Patients {
			if err := own("patient", p.ID); err != nil {
				return err
			}
			if _, err := q.exec(ctx, `INSERT INTO patients (id, height_m, mass_kg, affected_side, joint_limits, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
				p.ID, p.Height, p.Mass, p.AffectedSide, p.JointLimits, p.CreatedAt); err != nil {
				return fmt.Errorf("patient %s: %w", p.ID, err)
			}
		}
		for _, r := range b.Sessions {
			if err := own("patient", r.PatientID); err != nil {
				return err
			}
			if err := own("session", r.ID); err != nil {
				return err
			}
			if _, err := q.exec(ctx, `INSERT INTO sessions (`+sessionRecordCols+`)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at,
					ended_at = excluded.ended_at, updated_at = excluded.updated_at, samples = excluded.samples,
					exercise = excluded.exercise, repetition = excluded.repetition, elapsed_s = excluded.elapsed_s,
					end_reason = excluded.end_reason, started_by = excluded.started_by
				WHERE excluded.updated_at >= sessions.updated_at
					AND `+fmt.Sprintf(statusRank, "excluded.status")+` >= `+fmt.Sprintf(statusRank, "sessions.status"),
				r.ID, r.PatientID, r.Robot, r.Joints, r.Protocol, r.Status, r.CreatedAt, r.StartedAt, r.EndedAt,
				r.UpdatedAt, r.Samples, r.Exercise, r.Repetition, r.Elapsed, r.EndReason, r.StartedBy); err != nil {
				return fmt.Errorf("session %s: %w", r.ID, err)
			}
		}
		// Samples, one session's run at a time: it must start at or
		// below the hub's end, and rows already there are skipped.
		for i := 0; i < len(b.Samples); {
			j := i
			for j < len(b.Samples) && b.Samples[j].Session == b.Samples[i].Session {
				j++
			}
			run := b.Samples[i:j]
			var have int64
			if err := q.query(ctx, "SELECT COALESCE(MAX(seq) + 1, 0) FROM samples WHERE session_id = ?", []any{run[0].Session},
				func(scan func(...any) error) error { return scan(&have) }); err != nil {
				return err
			}
			if run[0].Seq > have {
				return &GapError{Session: run[0].Session, From: run[0].Seq, Have: have}
			}
			if err := insertSampleRecords(ctx, q, run); err != nil {
				return fmt.Errorf("samples of %s: %w", run[0].Session, err)
			}
			i = j
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: apply batch from %s: %w", device, err)
	}
	return nil
}

// insertSampleRecords inserts rows with multi-row INSERTs (both engines
// accept ON CONFLICT there; PostgreSQL's COPY does not), skipping rows
// already stored. 100 rows × 9 columns stays well below either engine's
// bound on bound parameters.
func insertSampleRecords(ctx context.Context, q querier, rows []SampleRecord) error {
	const chunk = 100
	for len(rows) > 0 {
		n := min(chunk, len(rows))
		var sb strings.Builder
		sb.WriteString("INSERT INTO samples (" + sampleRecordCols + ") VALUES ")
		args := make([]any, 0, 9*n)
		for i, r := range rows[:n] {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, r.Session, r.Seq, r.T, r.Exercise, r.Repetition, r.Assistance, r.Q, r.QD, r.Tau)
		}
		sb.WriteString(" ON CONFLICT (session_id, seq) DO NOTHING")
		if _, err := q.exec(ctx, sb.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// ReplicaSessions returns every session row as stored (the wire form), by
// id; for comparing a device with a hub.
func (s *Store) ReplicaSessions(ctx context.Context) ([]SessionRecord, error) {
	var out []SessionRecord
	err := s.db.query(ctx, "SELECT "+sessionRecordCols+" FROM sessions ORDER BY id", nil, func(scan func(...any) error) error {
		r, err := scanSessionRecord(scan)
		out = append(out, r)
		return err
	})
	return out, err
}

// ReplicaSamples returns the sample rows of session id as stored, by seq.
func (s *Store) ReplicaSamples(ctx context.Context, id string) ([]SampleRecord, error) {
	var out []SampleRecord
	err := s.db.query(ctx, "SELECT "+sampleRecordCols+" FROM samples WHERE session_id = ? ORDER BY seq", []any{id},
		func(scan func(...any) error) error {
			r, err := scanSampleRecord(scan)
			out = append(out, r)
			return err
		})
	return out, err
}

// SampleCount returns the number of sample rows (all sessions if id is
// empty).
func (s *Store) SampleCount(ctx context.Context, id string) (int64, error) {
	q, args := "SELECT COUNT(*) FROM samples", []any(nil)
	if id != "" {
		q, args = q+" WHERE session_id = ?", []any{id}
	}
	var n int64
	err := s.db.query(ctx, q, args, func(scan func(...any) error) error { return scan(&n) })
	return n, err
}
