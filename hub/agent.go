package hub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of AgentConfig.
const (
	// DefaultLinkLoss is how long an Agent may go without a good poll
	// while a session runs before it pauses the session. A working link
	// answers a poll at least every PollHold (1 s) plus a round trip;
	// three seconds is three of those (TestHubRunsThreeHomesThroughBadLink:
	// no pause at 300 ms RTT and 5 % loss). The check runs on its own
	// clock every DefaultPollRetry, so a link that goes silent — a poll
	// hanging until its timeout, not refused — pauses just as soon.
	DefaultLinkLoss = 3 * time.Second
	// DefaultPollRetry is the wait after a failed poll.
	DefaultPollRetry = 250 * time.Millisecond
	// DefaultPollTimeout bounds one poll's round trip: the hub's hold
	// plus a few round trips of a slow link.
	DefaultPollTimeout = PollHold + 4*time.Second
	// answeredKept bounds how many answered request ids an Agent
	// remembers (to answer a request handed out twice from its memory).
	answeredKept = 256
)

// AgentConfig configures a device's Agent. URL, Token, API, Status and
// Pause are required.
type AgentConfig struct {
	// URL is the hub's base URL; Token the device's token.
	URL, Token string
	// Client makes the polls; nil means one with DefaultPollTimeout.
	Client *http.Client
	// API is the device's clinicians' API (rehab/api.Server); Delegate
	// returns a context under which API takes a request as the named
	// clinician's (rehab/api.OnBehalfOf).
	API      http.Handler
	Delegate func(ctx context.Context, clinician string) context.Context
	// Status reports the device for each poll.
	Status func(ctx context.Context) DeviceStatus
	// Pause pauses the running session (rehab/api's pause, with who
	// paused it), when the link has been lost for LinkLoss; it returns
	// false when no session was running.
	Pause    func(ctx context.Context) (bool, error)
	LinkLoss time.Duration
	Retry    time.Duration
	// OnLinkBack, if set, is called when a poll succeeds after failed
	// ones: the link is back (the device's Replicator.Kick, so that the
	// records catch up now rather than after the replicator's back-off).
	OnLinkBack func()
	// Now is the clock of LinkLoss; nil means time.Now.
	Now func() time.Time
	Log *slog.Logger
}

// Agent is a device's side of remote sessions: it polls the hub, runs the
// relayed requests against the device's API on the clinicians' behalf,
// and pauses a running session when the link is lost.
type Agent struct {
	cfg AgentConfig

	// mu makes one poll at a time (each carries what the last one got)
	// and guards the fields below it.
	mu       sync.Mutex
	received []string        // ids of the last reply, to acknowledge
	answers  []RelayResponse // answers the hub has not had yet
	done     map[string]RelayResponse
	doneIDs  []string // done's ids, oldest first
	failing  bool     // the last poll failed

	polls, failures, pauses atomic.Int64 // Stats, read while a poll runs
	// lastOK is when the last poll was answered (cfg.Now, UnixNano): read
	// by CheckLink while a poll may hang.
	lastOK atomic.Int64
}

// NewAgent checks cfg and returns an Agent.
func NewAgent(cfg AgentConfig) (*Agent, error) {
	switch {
	case cfg.URL == "" || cfg.Token == "":
		return nil, errors.New("hub agent: need the hub's URL and the device's token")
	case cfg.API == nil || cfg.Delegate == nil || cfg.Status == nil || cfg.Pause == nil:
		return nil, errors.New("hub agent: need the device's API, Delegate, Status and Pause")
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: DefaultPollTimeout}
	}
	if cfg.LinkLoss <= 0 {
		cfg.LinkLoss = DefaultLinkLoss
	}
	if cfg.Retry <= 0 {
		cfg.Retry = DefaultPollRetry
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	cfg.URL = strings.TrimRight(cfg.URL, "/")
	a := &Agent{cfg: cfg, done: map[string]RelayResponse{}}
	a.lastOK.Store(cfg.Now().UnixNano())
	return a, nil
}

// AgentStats counts an Agent's polls.
type AgentStats struct {
	Polls, Failures, LinkPauses int
}

// Stats returns the counts so far.
func (a *Agent) Stats() AgentStats {
	return AgentStats{Polls: int(a.polls.Load()), Failures: int(a.failures.Load()), LinkPauses: int(a.pauses.Load())}
}

// Run polls until ctx ends, and checks the link every cfg.Retry
// (CheckLink) beside the polls, so a poll that hangs does not delay it.
func (a *Agent) Run(ctx context.Context) error {
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		t := time.NewTicker(a.cfg.Retry)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				a.CheckLink(ctx)
			}
		}
	}()
	defer func() { <-watched }()
	for ctx.Err() == nil {
		if err := a.PollOnce(ctx); err != nil {
			if errors.Is(err, ErrUnauthorized) {
				a.cfg.Log.Error("hub: the hub refuses this device's token; remote sessions are off until it is restored", "err", err)
			}
			t := time.NewTimer(a.cfg.Retry)
			select {
			case <-ctx.Done():
				t.Stop()
			case <-t.C:
			}
		}
	}
	return ctx.Err()
}

// PollOnce makes one poll and runs what it brings. Calls are serialised;
// run runs within one (a.mu held).
func (a *Agent) PollOnce(ctx context.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	st := a.cfg.Status(ctx)
	st.LinkPauses = int(a.pauses.Load())
	p := PollRequest{Status: st, Received: a.received, Responses: a.answers}
	reply, err := a.post(ctx, &p)
	a.polls.Add(1)
	if err != nil {
		a.failures.Add(1)
		a.failing = true
		return err
	}
	// The hub has what this poll carried.
	back := a.failing
	a.lastOK.Store(a.cfg.Now().UnixNano())
	a.failing = false
	a.answers = a.answers[len(p.Responses):]
	a.received = a.received[:0]
	if back && a.cfg.OnLinkBack != nil {
		a.cfg.OnLinkBack()
	}
	for _, q := range reply.Requests {
		a.received = append(a.received, q.ID)
		a.answers = append(a.answers, a.run(ctx, &q))
	}
	return nil
}

// CheckLink pauses a running session when no poll has been answered for
// LinkLoss (Run calls it every cfg.Retry, so a session started on the
// device during an outage is paused too). A session paused stays paused
// when the link returns, until a clinician resumes it.
func (a *Agent) CheckLink(ctx context.Context) {
	lost := a.cfg.Now().Sub(time.Unix(0, a.lastOK.Load()))
	if lost < a.cfg.LinkLoss {
		return
	}
	ok, err := a.cfg.Pause(ctx)
	if ok && err == nil {
		a.pauses.Add(1)
	}
	switch {
	case err != nil:
		a.cfg.Log.Error("hub: link lost; pausing the running session failed", "lost", lost, "err", err)
	case ok:
		a.cfg.Log.Warn("hub: link lost; the running session is paused (the limb is held) until a clinician resumes it", "lost", lost)
	}
}

func (a *Agent) post(ctx context.Context, p *PollRequest) (*PollReply, error) {
	body, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	data, err := postJSON(ctx, a.cfg.Client, a.cfg.URL+DevicePollPath, a.cfg.Token, "poll", body, 8*MaxRelayBody)
	if err != nil {
		return nil, err
	}
	var reply PollReply
	if err := json.Unmarshal(data, &reply); err != nil {
		return nil, fmt.Errorf("hub: poll reply: %w", err)
	}
	return &reply, nil
}

// run serves q against the device's API as its clinician, once per id:
// a request handed out again (its acknowledgement lost) gets the answer
// it got the first time.
func (a *Agent) run(ctx context.Context, q *RelayRequest) RelayResponse {
	if r, ok := a.done[q.ID]; ok {
		return r
	}
	out := RelayResponse{ID: q.ID}
	if !strings.HasPrefix(q.Path, DeviceAPIPrefix) || strings.Contains(q.Path, "..") {
		out.Status, out.ContentType = http.StatusBadRequest, "application/json"
		out.Body, _ = json.Marshal(Refusal{Error: fmt.Sprintf("relayed path %q is not the device's API", q.Path)})
	} else {
		target := q.Path
		if q.Query != "" {
			target += "?" + q.Query
		}
		out.Status, out.ContentType, out.Body = ServeInProcess(a.cfg.Delegate(ctx, q.Clinician+" (via hub)"), a.cfg.API, q.Method, target, q.Body)
		// Requests that change something are logged; the page's live
		// views (several a second) and reads only at debug level.
		level := slog.LevelInfo
		if q.Method == http.MethodGet {
			level = slog.LevelDebug
		}
		a.cfg.Log.Log(ctx, level, "hub: relayed request", "clinician", q.Clinician, "method", q.Method, "path", q.Path, "status", out.Status)
	}
	a.done[q.ID] = out
	a.doneIDs = append(a.doneIDs, q.ID)
	if len(a.doneIDs) > answeredKept {
		delete(a.done, a.doneIDs[0])
		a.doneIDs = a.doneIDs[1:]
	}
	return out
}

// ServeInProcess serves one request to h in process, under ctx, and
// returns its answer: how the device's agent runs a relayed request
// against the device's API.
func ServeInProcess(ctx context.Context, h http.Handler, method, target string, body []byte) (status int, contentType string, answer []byte) {
	req, err := http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
	if err != nil {
		b, _ := json.Marshal(Refusal{Error: fmt.Sprintf("relayed request: %v", err)})
		return http.StatusBadRequest, "application/json", b
	}
	if len(body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := &recorder{header: http.Header{}, code: http.StatusOK}
	h.ServeHTTP(rec, req)
	return rec.code, rec.header.Get("Content-Type"), rec.body.Bytes()
}

// recorder is the http.ResponseWriter a relayed request is served into.
type recorder struct {
	header http.Header
	code   int
	wrote  bool
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.code, r.wrote = code, true
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wrote = true
	if r.body.Len()+len(p) > MaxRelayBody {
		return 0, fmt.Errorf("hub: relayed answer over %d bytes", MaxRelayBody)
	}
	return r.body.Write(p)
}
