package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
)

// pgBackend is a small pool of pgx connections. (pgxpool would pull in a
// module chiron does not vendor; a handful of connections is all the
// rehab side needs.)
type pgBackend struct {
	cfg  *pgx.ConnConfig
	sem  chan struct{}  // one token per connection in use
	idle chan *pgx.Conn // connections ready for reuse

	mu     sync.Mutex
	closed bool
}

func openPostgres(ctx context.Context, dsn string, maxConns int) (*pgBackend, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: postgres DSN: %w", err)
	}
	if maxConns <= 0 {
		maxConns = 4
	}
	b := &pgBackend{cfg: cfg, sem: make(chan struct{}, maxConns), idle: make(chan *pgx.Conn, maxConns)}
	c, err := b.acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	err = c.Ping(ctx)
	b.release(c)
	if err != nil {
		b.close()
		return nil, fmt.Errorf("store: ping: %w", err)
	}
	return b, nil
}

func (b *pgBackend) acquire(ctx context.Context) (*pgx.Conn, error) {
	select {
	case b.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	for c := range b.idleConns() {
		if !c.IsClosed() {
			return c, nil
		}
		c.Close(context.Background())
	}
	c, err := pgx.ConnectConfig(ctx, b.cfg)
	if err != nil {
		<-b.sem
		return nil, err
	}
	return c, nil
}

// idleConns yields the idle connections without waiting for more.
func (b *pgBackend) idleConns() func(yield func(*pgx.Conn) bool) {
	return func(yield func(*pgx.Conn) bool) {
		for {
			select {
			case c := <-b.idle:
				if !yield(c) {
					return
				}
			default:
				return
			}
		}
	}
}

func (b *pgBackend) release(c *pgx.Conn) {
	defer func() { <-b.sem }()
	b.mu.Lock()
	closed := b.closed
	b.mu.Unlock()
	if closed || c.IsClosed() || c.PgConn().IsBusy() || c.PgConn().TxStatus() != 'I' {
		c.Close(context.Background())
		return
	}
	select {
	case b.idle <- c:
	default:
		c.Close(context.Background())
	}
}

// rebind turns '?' placeholders into $1, $2, …; chiron's statements have
// no '?' inside literals.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var sb strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			sb.WriteByte('$')
			sb.WriteString(strconv.Itoa(n))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// pgQ runs statements on one connection or transaction.
type pgQ struct {
	exec_  func(ctx context.Context, sql string, args ...any) (int64, error)
	query_ func(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	tx     pgx.Tx
}

func connQ(c *pgx.Conn) pgQ {
	return pgQ{
		exec_: func(ctx context.Context, s string, args ...any) (int64, error) {
			t, err := c.Exec(ctx, s, args...)
			return t.RowsAffected(), err
		},
		query_: c.Query,
	}
}

func txQ(tx pgx.Tx) pgQ {
	return pgQ{
		exec_: func(ctx context.Context, s string, args ...any) (int64, error) {
			t, err := tx.Exec(ctx, s, args...)
			return t.RowsAffected(), err
		},
		query_: tx.Query,
		tx:     tx,
	}
}

func (q pgQ) exec(ctx context.Context, s string, args ...any) (int64, error) {
	return q.exec_(ctx, rebind(s), args...)
}

func (q pgQ) query(ctx context.Context, s string, args []any, each func(func(...any) error) error) error {
	rows, err := q.query_(ctx, rebind(s), args...)
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

func (b *pgBackend) with(ctx context.Context, fn func(*pgx.Conn) error) error {
	c, err := b.acquire(ctx)
	if err != nil {
		return err
	}
	defer b.release(c)
	return fn(c)
}

func (b *pgBackend) exec(ctx context.Context, s string, args ...any) (n int64, err error) {
	err = b.with(ctx, func(c *pgx.Conn) error {
		n, err = connQ(c).exec(ctx, s, args...)
		return err
	})
	return n, err
}

func (b *pgBackend) query(ctx context.Context, s string, args []any, each func(func(...any) error) error) error {
	return b.with(ctx, func(c *pgx.Conn) error { return connQ(c).query(ctx, s, args, each) })
}

func (b *pgBackend) tx(ctx context.Context, fn func(querier) error) error {
	return b.with(ctx, func(c *pgx.Conn) error {
		return pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error { return fn(txQ(tx)) })
	})
}

func (b *pgBackend) copySamples(ctx context.Context, q querier, rows [][]any) error {
	tx := q.(pgQ).tx
	if tx == nil {
		return errors.New("store: copySamples outside a transaction")
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"samples"}, sampleColumns, pgx.CopyFromRows(rows))
	return err
}

func (b *pgBackend) close() error {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	for c := range b.idleConns() {
		c.Close(context.Background())
	}
	return nil
}
