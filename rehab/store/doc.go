// Package store keeps chiron's rehabilitation records — patients,
// sessions and the samples they record — in SQLite (the embedded default,
// modernc.org/sqlite, pure Go) or PostgreSQL (pgx, for a hub that several
// sites write to). Both use one schema and one migration set (see
// migrations.go); the only dialect difference is the binary column type
// and placeholder syntax, rewritten at the edge.
//
// # Durability
//
// SQLite runs in WAL mode with synchronous=FULL and a busy timeout; the
// database file is created with mode 0600. Samples reach the database
// through a Batcher: a background goroutine that commits what has
// accumulated once the oldest buffered sample is a window old (by an
// injected Clock), or once the buffer spans a window of sample time, or on
// an explicit Flush (pause, stop). The window is DefaultBatchWindow,
// 0.5 s, so that window plus commit stays well within the 1 s durability
// budget; no batch spans more than a window. A batch and the session's
// progress counters commit in one transaction, so a process killed with
// SIGKILL loses at most the last second and never leaves a half batch
// (TestKill9LosesAtMostTheLastSecond measures it).
//
// On start-up, MarkInterrupted turns sessions left running or paused by a
// crashed process into status interrupted; their samples stay. Why a
// session ended early (SetEndReason) and who started it (SetStartedBy,
// the therapist its report names) are kept with it.
//
// # Replication
//
// A device's records flow to a hospital hub store and forward (package
// hub): PendingReplica reads a batch past the device's cursor for that hub,
// the hub applies it with ApplyReplica (idempotent: samples keyed by
// session and sequence number, sessions never moving back in status,
// records owned by the device that sent them first, gaps refused), and
// AckReplica moves the device's cursor only once the hub has committed —
// so a kill at any point, then a restart, leaves every row on the hub
// exactly once.
//
// # Samples
//
// One row per sample: session, sequence number, time, exercise index,
// repetition, assistance, and the per-joint arrays q, qd and
// tau_interaction packed as little-endian float64 (8 bytes per joint).
package store
