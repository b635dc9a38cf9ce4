package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers driver "sqlite"
)

// sqliteBackend keeps two handles on one file: a single-connection writer
// whose transactions BEGIN IMMEDIATE (so writers queue on the busy timeout
// instead of failing on a lock upgrade) and a pool of readers, which WAL
// lets run beside the writer.
type sqliteBackend struct {
	w, r *sql.DB
}

// openSQLite opens (creating with mode 0600) the database file at path.
func openSQLite(ctx context.Context, path string, busyTimeoutMS int) (*sqliteBackend, error) {
	if path == "" {
		return nil, errors.New("store: empty SQLite path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	f.Close()
	// The file may predate us with a laxer mode: patient data stays private.
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	pragmas := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS),
		"journal_mode(WAL)",
		"synchronous(FULL)",
		"foreign_keys(1)",
	} {
		pragmas.Add("_pragma", p)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas.Encode()
	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: %w", err)
	}
	r.SetMaxOpenConns(4)
	b := &sqliteBackend{w: w, r: r}
	var mode string
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		b.close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		b.close()
		return nil, fmt.Errorf("store: %s: journal mode %q, want wal", path, mode)
	}
	return b, nil
}

type sqlExecer interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

type sqliteQ struct{ e, r sqlExecer }

func (q sqliteQ) exec(ctx context.Context, s string, args ...any) (int64, error) {
	res, err := q.e.ExecContext(ctx, s, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (q sqliteQ) query(ctx context.Context, s string, args []any, each func(func(...any) error) error) error {
	rows, err := q.r.QueryContext(ctx, s, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (b *sqliteBackend) exec(ctx context.Context, s string, args ...any) (int64, error) {
	return sqliteQ{b.w, b.r}.exec(ctx, s, args...)
}

func (b *sqliteBackend) query(ctx context.Context, s string, args []any, each func(func(...any) error) error) error {
	return sqliteQ{b.w, b.r}.query(ctx, s, args, each)
}

func (b *sqliteBackend) tx(ctx context.Context, fn func(querier) error) error {
	tx, err := b.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(sqliteQ{tx, tx}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (b *sqliteBackend) copySamples(ctx context.Context, q querier, rows [][]any) error {
	const ins = "INSERT INTO samples (session_id, seq, t_s, exercise, repetition, assistance, q, qd, tau) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
	tx := q.(sqliteQ).e.(*sql.Tx)
	st, err := tx.PrepareContext(ctx, ins)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, r := range rows {
		if _, err := st.ExecContext(ctx, r...); err != nil {
			return err
		}
	}
	return nil
}

func (b *sqliteBackend) close() error {
	return errors.Join(b.r.Close(), b.w.Close())
}
