package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// migration is one step of the schema. Its SQL is shared by both dialects;
// {{blob}} becomes BLOB (SQLite) or BYTEA (PostgreSQL). Statements are
// separated by ";\n".
type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the one migration set. Append only; never edit a step
// that has shipped.
var migrations = []migration{
	{1, "initial schema", `
CREATE TABLE patients (
	id            TEXT PRIMARY KEY,
	height_m      DOUBLE PRECISION NOT NULL CHECK (height_m >= 0.5 AND height_m <= 2.5),
	mass_kg       DOUBLE PRECISION NOT NULL CHECK (mass_kg >= 10 AND mass_kg <= 300),
	affected_side TEXT NOT NULL,
	joint_limits  TEXT NOT NULL,
	created_at    BIGINT NOT NULL
);
CREATE TABLE sessions (
	id          TEXT PRIMARY KEY,
	patient_id  TEXT NOT NULL REFERENCES patients (id),
	robot       TEXT NOT NULL,
	joints      TEXT NOT NULL,
	protocol    TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('created', 'running', 'paused', 'stopped', 'completed', 'interrupted')),
	created_at  BIGINT NOT NULL,
	started_at  BIGINT NOT NULL DEFAULT 0,
	ended_at    BIGINT NOT NULL DEFAULT 0,
	updated_at  BIGINT NOT NULL,
	samples     BIGINT NOT NULL DEFAULT 0,
	exercise    INTEGER NOT NULL DEFAULT 0,
	repetition  INTEGER NOT NULL DEFAULT 0,
	elapsed_s   DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX sessions_patient ON sessions (patient_id);
CREATE INDEX sessions_status ON sessions (status);
CREATE TABLE samples (
	session_id TEXT NOT NULL REFERENCES sessions (id),
	seq        BIGINT NOT NULL,
	t_s        DOUBLE PRECISION NOT NULL,
	exercise   INTEGER NOT NULL,
	repetition INTEGER NOT NULL,
	assistance DOUBLE PRECISION NOT NULL,
	q          {{blob}} NOT NULL,
	qd         {{blob}} NOT NULL,
	tau        {{blob}} NOT NULL,
	PRIMARY KEY (session_id, seq)
)`},
	// Why a session ended early (a safety stop, a bound), in the
	// clinician's words; empty when it completed or was stopped by them.
	{2, "session end reason", `ALTER TABLE sessions ADD COLUMN end_reason TEXT NOT NULL DEFAULT ''`},
	// Who started a session (the name of the clinician's token): the
	// therapist a filed report names; empty for sessions started before.
	{3, "session started by", `ALTER TABLE sessions ADD COLUMN started_by TEXT NOT NULL DEFAULT ''`},
	// Store-and-forward replication to a hub (replica.go). On a device:
	// what each hub (target) has acknowledged — per session the samples
	// below seq and the session row as of updated_at; per patient, that
	// it arrived. On a hub: which device each patient and session came
	// from, so one device can never overwrite another's records.
	{4, "replication", `
CREATE TABLE replica_cursors (
	target     TEXT NOT NULL,
	session_id TEXT NOT NULL REFERENCES sessions (id),
	samples    BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	PRIMARY KEY (target, session_id)
);
CREATE TABLE replica_patients (
	target     TEXT NOT NULL,
	patient_id TEXT NOT NULL REFERENCES patients (id),
	PRIMARY KEY (target, patient_id)
);
CREATE TABLE replica_origins (
	kind   TEXT NOT NULL,
	id     TEXT NOT NULL,
	device TEXT NOT NULL,
	PRIMARY KEY (kind, id)
)`},
	// Who did what to which record, for a hospital's audit (audit.go): one
	// row per action, never updated; id is random so that hubs and devices
	// can merge logs without renumbering.
	{5, "audit log", `
CREATE TABLE audit_log (
	id      TEXT PRIMARY KEY,
	at      BIGINT NOT NULL,
	actor   TEXT NOT NULL,
	action  TEXT NOT NULL,
	subject TEXT NOT NULL,
	detail  TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at)`},
}

// SchemaVersion is the version the migrations bring a database to.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at BIGINT NOT NULL
)`

// migrate applies the missing migrations, each in its own transaction. On
// PostgreSQL an advisory lock serialises processes migrating at once; on
// SQLite the writer's BEGIN IMMEDIATE does.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.exec(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("store: create schema_migrations: %w", err)
	}
	for _, m := range migrations {
		err := s.db.tx(ctx, func(q querier) error {
			if s.dialect == Postgres {
				if _, err := q.exec(ctx, "SELECT pg_advisory_xact_lock(7283451)"); err != nil {
					return err
				}
			}
			var n int
			if err := q.query(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", []any{m.version},
				func(scan func(...any) error) error { return scan(&n) }); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			for stmt := range strings.SplitSeq(s.dialectSQL(m.sql), ";\n") {
				if strings.TrimSpace(stmt) == "" {
					continue
				}
				if _, err := q.exec(ctx, stmt); err != nil {
					return fmt.Errorf("%w\n%s", err, stmt)
				}
			}
			_, err := q.exec(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, time.Now().UnixNano())
			return err
		})
		if err != nil {
			return fmt.Errorf("store: migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

func (s *Store) dialectSQL(q string) string {
	blob := "BLOB"
	if s.dialect == Postgres {
		blob = "BYTEA"
	}
	return strings.ReplaceAll(q, "{{blob}}", blob)
}
