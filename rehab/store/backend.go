package store

import (
	"context"
)

// querier runs statements written with '?' placeholders; each backend
// rewrites them for its dialect.
type querier interface {
	exec(ctx context.Context, q string, args ...any) (int64, error)
	// query calls each once per row with a function that scans the row.
	query(ctx context.Context, q string, args []any, each func(scan func(dest ...any) error) error) error
}

// backend is a database: a querier outside transactions, transactions,
// and the bulk insert of samples.
type backend interface {
	querier
	// tx runs fn in a write transaction, committed if fn returns nil.
	tx(ctx context.Context, fn func(q querier) error) error
	// copySamples inserts rows (session_id, seq, t_s, exercise,
	// repetition, assistance, q, qd, tau) inside q, a transaction of tx.
	copySamples(ctx context.Context, q querier, rows [][]any) error
	close() error
}

var sampleColumns = []string{"session_id", "seq", "t_s", "exercise", "repetition", "assistance", "q", "qd", "tau"}
