package hub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/rehab/store"
)

// Defaults of ReplicatorConfig.
const (
	DefaultMaxSamples = 1000
	// DefaultPoll is how often a caught-up replicator looks for new
	// records: the store's batcher commits every 0.5 s, so 1 s keeps the
	// hub within a couple of seconds of the device.
	DefaultPoll = time.Second
	// DefaultMinBackoff and DefaultMaxBackoff bound the wait after a
	// failed batch; it doubles per failure. 30 s is the longest outage the
	// issue's envelope names, so a device is back at most one cap after
	// the link is.
	DefaultMinBackoff = 500 * time.Millisecond
	DefaultMaxBackoff = 30 * time.Second
	// DefaultRequestTimeout bounds one batch's round trip.
	DefaultRequestTimeout = 30 * time.Second
)

// ErrUnauthorized is returned when the hub refuses the device's token
// (unknown or revoked).
var ErrUnauthorized = errors.New("hub: device token refused (401)")

// RefusedError is a batch the hub refused with a status other than 401.
type RefusedError struct {
	Status  int
	Refusal Refusal
}

func (e *RefusedError) Error() string {
	if e.Refusal.Field != "" {
		return fmt.Sprintf("hub: batch refused (%d): %s (field %s)", e.Status, e.Refusal.Error, e.Refusal.Field)
	}
	return fmt.Sprintf("hub: batch refused (%d): %s", e.Status, e.Refusal.Error)
}

// ReplicatorConfig configures a Replicator. Store, URL and Token are
// required; zero fields take the defaults above.
type ReplicatorConfig struct {
	Store *store.Store
	// URL is the hub's base URL, https://host:port.
	URL   string
	Token string
	// Client sends the batches; nil means a client with
	// DefaultRequestTimeout.
	Client *http.Client
	// Target names the hub in the device's cursors; the URL by default.
	Target         string
	MaxSamples     int
	Poll           time.Duration
	MinBackoff     time.Duration
	MaxBackoff     time.Duration
	RequestTimeout time.Duration
	// Clock times the waits between batches; store.SystemClock.
	Clock store.Clock
	// OnBatch, if set, is called after each attempt (from Run's goroutine).
	OnBatch func(Event)
}

// Event is one replication attempt.
type Event struct {
	Samples  int           // samples in the batch
	Sessions int           // session rows in the batch
	Err      error         // nil: acknowledged
	Took     time.Duration // round trip and acknowledgement
}

// Stats counts a replicator's work since it started.
type Stats struct {
	Batches  int64 // acknowledged non-empty batches
	Samples  int64 // samples in them
	Retries  int64 // failed attempts
	Resets   int64 // cursors moved back after a hub gap
	CaughtUp bool  // the last look found nothing pending
	LastErr  error
}

// Replicator sends a device's records to a hub, store and forward.
type Replicator struct {
	cfg  ReplicatorConfig
	kick chan struct{}

	mu    sync.Mutex
	stats Stats
}

// NewReplicator checks cfg and returns a replicator; call Run.
func NewReplicator(cfg ReplicatorConfig) (*Replicator, error) {
	switch {
	case cfg.Store == nil:
		return nil, errors.New("hub: replicator: Store is nil")
	case !strings.HasPrefix(cfg.URL, "https://") && !strings.HasPrefix(cfg.URL, "http://"):
		return nil, fmt.Errorf("hub: replicator: URL %q: want https://host:port", cfg.URL)
	case len(cfg.Token) < MinTokenLen:
		return nil, fmt.Errorf("hub: replicator: Token: %d bytes, want at least %d", len(cfg.Token), MinTokenLen)
	case cfg.MaxSamples < 0 || cfg.Poll < 0 || cfg.MinBackoff < 0 || cfg.MaxBackoff < 0 || cfg.RequestTimeout < 0:
		return nil, errors.New("hub: replicator: MaxSamples, Poll, MinBackoff, MaxBackoff and RequestTimeout must not be negative")
	}
	cfg.URL = strings.TrimSuffix(cfg.URL, "/")
	if cfg.Target == "" {
		cfg.Target = cfg.URL
	}
	if cfg.MaxSamples == 0 {
		cfg.MaxSamples = DefaultMaxSamples
	}
	if cfg.Poll == 0 {
		cfg.Poll = DefaultPoll
	}
	if cfg.MinBackoff == 0 {
		cfg.MinBackoff = DefaultMinBackoff
	}
	if cfg.MaxBackoff == 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		return nil, fmt.Errorf("hub: replicator: MaxBackoff %v below MinBackoff %v", cfg.MaxBackoff, cfg.MinBackoff)
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.RequestTimeout}
	}
	if cfg.Clock == nil {
		cfg.Clock = store.SystemClock{}
	}
	return &Replicator{cfg: cfg, kick: make(chan struct{}, 1)}, nil
}

// Stats returns the counters so far.
func (r *Replicator) Stats() Stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// Kick makes a waiting Run look for records now (a session ended, say, or
// the link is known to be back) and restarts its back-off.
func (r *Replicator) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// Run replicates until ctx ends: a batch after another while there are
// records, a look every Poll once caught up, and after a failure a wait
// of MinBackoff doubling up to MaxBackoff (a refused token waits the cap).
// It returns ctx's error.
func (r *Replicator) Run(ctx context.Context) error {
	backoff := r.cfg.MinBackoff
	failed := false
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		t0 := r.cfg.Clock.Now()
		ev, err := r.SyncOnce(ctx)
		ev.Took = r.cfg.Clock.Now().Sub(t0)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var wait time.Duration
		switch {
		case err != nil:
			wait = backoff
			if errors.Is(err, ErrUnauthorized) {
				wait = r.cfg.MaxBackoff
			}
			backoff = min(2*backoff, r.cfg.MaxBackoff)
		case ev.Samples == 0 && ev.Sessions == 0:
			backoff = r.cfg.MinBackoff
			wait = r.cfg.Poll
		default:
			backoff = r.cfg.MinBackoff
		}
		// Every failure, every batch with records, and the first success
		// after a failure even when nothing was pending (the link is back).
		if r.cfg.OnBatch != nil && (err != nil || ev.Samples > 0 || ev.Sessions > 0 || failed) {
			r.cfg.OnBatch(ev)
		}
		failed = err != nil
		if wait > 0 {
			select {
			case <-r.cfg.Clock.After(wait):
			case <-r.kick:
				// Records to send, or the link is back: try now, and if
				// that fails, back off from the start again.
				backoff = r.cfg.MinBackoff
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}

// SyncOnce sends one batch of what the hub has not acknowledged and, once
// the hub has committed it, moves the device's cursors. Nothing pending
// returns a zero Event and nil.
func (r *Replicator) SyncOnce(ctx context.Context) (Event, error) {
	ev, err := r.syncOnce(ctx)
	ev.Err = err
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stats.LastErr = err
	if err != nil {
		r.stats.Retries++
		r.stats.CaughtUp = false
		return ev, err
	}
	r.stats.CaughtUp = ev.Samples == 0 && ev.Sessions == 0
	if !r.stats.CaughtUp {
		r.stats.Batches++
		r.stats.Samples += int64(ev.Samples)
	}
	return ev, nil
}

func (r *Replicator) syncOnce(ctx context.Context) (Event, error) {
	b, err := r.cfg.Store.PendingReplica(ctx, r.cfg.Target, r.cfg.MaxSamples)
	if err != nil {
		return Event{}, err
	}
	if b.Empty() {
		return Event{}, nil
	}
	ev := Event{Samples: len(b.Samples), Sessions: len(b.Sessions)}
	body, err := json.Marshal(&b)
	if err != nil {
		return ev, fmt.Errorf("hub: encode batch: %w", err)
	}
	rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
	defer cancel()
	reply, err := postJSON(rctx, r.cfg.Client, r.cfg.URL+ReplicatePath, r.cfg.Token, "send batch", body, 1<<20)
	var e *RefusedError
	switch {
	case err == nil:
	case errors.As(err, &e):
		if e.Status == http.StatusConflict && e.Refusal.Gap {
			// The hub lost rows (an older backup): resend from its end.
			if err := r.cfg.Store.ResetReplicaCursor(ctx, r.cfg.Target, e.Refusal.Session, e.Refusal.Have); err != nil {
				return ev, err
			}
			r.mu.Lock()
			r.stats.Resets++
			r.mu.Unlock()
		}
		return ev, e
	default:
		return ev, err
	}
	var ack Ack
	if err := json.Unmarshal(reply, &ack); err != nil || ack.Samples != len(b.Samples) || ack.Sessions != len(b.Sessions) {
		return ev, fmt.Errorf("hub: acknowledgement %q does not match the batch (%d sessions, %d samples)", reply, len(b.Sessions), len(b.Samples))
	}
	// A kill -9 here leaves the cursor behind: the batch is resent and the
	// hub absorbs it (store.ApplyReplica is idempotent).
	if err := r.cfg.Store.AckReplica(ctx, r.cfg.Target, &b); err != nil {
		return ev, err
	}
	return ev, nil
}

// postJSON POSTs body (JSON) to url with the device's bearer token and
// returns the hub's 200 answer (at most limit bytes). A 401 is
// ErrUnauthorized, another status a *RefusedError carrying the hub's
// Refusal (or its text). what names the request in errors ("send batch").
func postJSON(ctx context.Context, c *http.Client, url, token, what string, body []byte, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("hub: %s: %w", what, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("hub: %s: %w", what, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil {
		// The hub may have acted on it: the request is repeated, and the
		// hub absorbs a repeat (batches are idempotent, relayed requests
		// acknowledged by id).
		return nil, fmt.Errorf("hub: %s: read the answer: %w", what, err)
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return data, nil
	case http.StatusUnauthorized:
		return nil, ErrUnauthorized
	}
	e := &RefusedError{Status: resp.StatusCode}
	if json.Unmarshal(data, &e.Refusal) != nil {
		e.Refusal.Error = strings.TrimSpace(string(data))
	}
	return nil, e
}
