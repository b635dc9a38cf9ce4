package hub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/hub/linksim"
	"github.com/chiron-robotics/chiron/rehab/store"
)

// fakeAPI is a device's API: it records each request with the clinician
// it was made for, and answers 200 with the path.
type fakeAPI struct {
	mu    sync.Mutex
	calls []string // "clinician METHOD path body"
}

type whoKey struct{}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	who, _ := r.Context().Value(whoKey{}).(string)
	f.mu.Lock()
	f.calls = append(f.calls, who+" "+r.Method+" "+r.URL.RequestURI()+" "+string(body))
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]string{"path": r.URL.Path})
}

func (f *fakeAPI) count(substr string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if strings.Contains(c, substr) {
			n++
		}
	}
	return n
}

// relayRig is a hub (SQLite) with one device "home-1" whose patient is
// P-1, a clinician of P-1 (dr-a), one of another patient (dr-b) and a
// records officer (all), and the device's agent through an optional link.
type relayRig struct {
	t      *testing.T
	hub    *Server
	srv    *httptest.Server
	api    *fakeAPI
	agent  *Agent
	url    string // the hub as the device reaches it
	paused atomic.Int32
	mu     sync.Mutex
	now    time.Time
	// patients the device reports (P-1 unless a test changes it).
	patients []string
}

func newRelayRig(t *testing.T, link *linksim.Config, client *http.Client) *relayRig {
	t.Helper()
	st := openStore(t, hubDSN(t))
	t.Cleanup(func() { st.Close() })
	toks := NewTokens()
	if err := toks.Set("home-1", token("home-1")); err != nil {
		t.Fatal(err)
	}
	h := NewServer(st, toks, nil)
	h.pollHold, h.relayTimeout = 200*time.Millisecond, 5*time.Second
	cs, err := ReadClinicians(strings.NewReader("dr-a "+token("a")+" P-1\ndr-b "+token("b")+" P-2\nrecords "+token("r")+" *\n"), "c")
	if err != nil {
		t.Fatal(err)
	}
	h.Clinicians().Replace(cs)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	r := &relayRig{t: t, hub: h, srv: srv, api: &fakeAPI{}, url: srv.URL, now: time.Unix(1e9, 0), patients: []string{"P-1"}}
	if link != nil {
		p, err := linksim.New(strings.TrimPrefix(srv.URL, "http://"), *link)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { p.Close() })
		r.url = "http://" + p.Addr()
	}
	a, err := NewAgent(AgentConfig{URL: r.url, Token: token("home-1"), Client: client, API: r.api,
		Delegate: func(ctx context.Context, who string) context.Context { return context.WithValue(ctx, whoKey{}, who) },
		Status: func(context.Context) DeviceStatus {
			r.mu.Lock()
			defer r.mu.Unlock()
			return DeviceStatus{Robot: "exo", Safety: "enabled", Patients: r.patients,
				Session: &SessionStatus{ID: "S-1", PatientID: "P-1", Status: "running", Percent: 40}}
		},
		Pause:    func(context.Context) (bool, error) { r.paused.Add(1); return true, nil },
		LinkLoss: 3 * time.Second, Retry: 10 * time.Millisecond,
		Now: func() time.Time { r.mu.Lock(); defer r.mu.Unlock(); return r.now }})
	if err != nil {
		t.Fatal(err)
	}
	r.agent = a
	return r
}

// start makes the device's first poll (so the hub knows its patients),
// then keeps it polling until ctx ends.
func (r *relayRig) start(ctx context.Context) {
	r.t.Helper()
	if err := r.agent.PollOnce(ctx); err != nil {
		r.t.Fatal(err)
	}
	go r.agent.Run(ctx)
}

func (r *relayRig) advance(d time.Duration) {
	r.mu.Lock()
	r.now = r.now.Add(d)
	r.mu.Unlock()
}

// call makes a clinician's request of the hub.
func (r *relayRig) call(tok, method, path, body string) (int, string) {
	req, _ := http.NewRequest(method, r.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestRelayThroughBadLink: a clinician's requests reach the device's API
// once each, as theirs, through 300 ms RTT with jitter and 5 % loss, and
// their answers come back; the device list shows the device's status; the
// mutating ones are in the audit log before they leave.
func TestRelayThroughBadLink(t *testing.T) {
	r := newRelayRig(t, &linksim.Config{Delay: 150 * time.Millisecond, Jitter: 20 * time.Millisecond, Loss: 0.05, Seed: 7}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.start(ctx)

	var lat []time.Duration
	for i := range 10 {
		t0 := time.Now()
		code, body := r.call(token("a"), "POST", "/v1/devices/home-1/api/v1/sessions/S-1/pause", "")
		lat = append(lat, time.Since(t0))
		if code != http.StatusCreated || !strings.Contains(body, "/api/v1/sessions/S-1/pause") {
			t.Fatalf("request %d: %d %s", i, code, body)
		}
	}
	code, body := r.call(token("a"), "GET", "/v1/devices/home-1/api/v1/sessions/S-1/live?after=1.5", "")
	if code != http.StatusCreated || r.api.count("GET /api/v1/sessions/S-1/live?after=1.5") != 1 {
		t.Fatalf("live view: %d %s", code, body)
	}
	if n := r.api.count("dr-a (via hub) POST /api/v1/sessions/S-1/pause"); n != 10 {
		t.Errorf("the device ran %d pauses as dr-a's, want 10 (once each)", n)
	}
	t.Logf("relayed round trips through 300 ms RTT, 5 %% loss: %v", lat)

	code, body = r.call(token("a"), "GET", "/v1/devices", "")
	var devs []DeviceInfo
	if code != http.StatusOK || json.Unmarshal([]byte(body), &devs) != nil || len(devs) != 1 || !devs[0].Online ||
		devs[0].Status.Session == nil || devs[0].Status.Session.Percent != 40 || devs[0].Status.Safety != "enabled" {
		t.Fatalf("device list: %d %s", code, body)
	}
	// dr-b's scope is P-2: the device (P-1) is neither listed nor reachable.
	if code, body = r.call(token("b"), "GET", "/v1/devices", ""); code != http.StatusOK || strings.Contains(body, "home-1") {
		t.Errorf("dr-b's device list: %d %s", code, body)
	}
	if code, _ = r.call(token("b"), "POST", "/v1/devices/home-1/api/v1/sessions/S-1/stop", ""); code != http.StatusForbidden {
		t.Errorf("dr-b stopping home-1's session: %d, want 403", code)
	}
	// A patient outside the clinician's scope named in a prescription.
	if code, _ = r.call(token("a"), "POST", "/v1/devices/home-1/api/v1/sessions", `{"patient_id":"P-9","protocol":{}}`); code != http.StatusForbidden {
		t.Errorf("dr-a prescribing for P-9: %d, want 403", code)
	}
	if code, _ = r.call("nope", "GET", "/v1/devices", ""); code != http.StatusUnauthorized {
		t.Errorf("unknown token: %d", code)
	}
	if n := r.api.count("stop") + r.api.count("P-9"); n != 0 {
		t.Errorf("refused requests reached the device (%d)", n)
	}
	log, err := r.hub.store.AuditLog(context.Background(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	pauses, refusals := 0, 0
	for _, e := range log {
		switch {
		case e.Actor == "dr-a" && e.Action == "pause" && e.Subject == "device home-1":
			pauses++
		case e.Action == "refused":
			refusals++
		}
	}
	if pauses != 10 || refusals != 2 {
		t.Errorf("audit log: %d pauses by dr-a (want 10), %d refusals (want 2): %+v", pauses, refusals, log)
	}
}

// lossyClient loses, once each: the first poll reply that carries a
// request (the hub handed it out, the device never heard), and the first
// poll that carries an answer (it never reaches the hub, which so has no
// acknowledgement and hands the request out again).
type lossyClient struct {
	lostReply, lostAnswer atomic.Bool
}

func (c *lossyClient) RoundTrip(req *http.Request) (*http.Response, error) {
	body, _ := io.ReadAll(req.Body)
	if bytes.Contains(body, []byte(`"responses":[`)) && !c.lostAnswer.Swap(true) {
		return nil, errors.New("poll lost on the way")
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	reply, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if bytes.Contains(reply, []byte(`"requests":[{`)) && !c.lostReply.Swap(true) {
		return nil, errors.New("reply lost")
	}
	resp.Body = io.NopCloser(bytes.NewReader(reply))
	return resp, nil
}

// TestRelayExactlyOnce: a poll reply carrying a request is lost (the
// device never saw it: the hub hands it out again), then the poll carrying
// its answer and acknowledgement is lost (the hub hands it out again: the
// device answers from memory, without running it twice). The request runs
// exactly once and its answer reaches the clinician.
func TestRelayExactlyOnce(t *testing.T) {
	lossy := &lossyClient{}
	r := newRelayRig(t, nil, &http.Client{Transport: lossy, Timeout: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.start(ctx)
	code, body := r.call(token("a"), "POST", "/v1/devices/home-1/api/v1/sessions/S-1/start", "")
	if code != http.StatusCreated {
		t.Fatalf("start: %d %s", code, body)
	}
	if !lossy.lostReply.Load() || !lossy.lostAnswer.Load() {
		t.Fatalf("the losses did not happen (reply %v, answer %v)", lossy.lostReply.Load(), lossy.lostAnswer.Load())
	}
	if n := r.api.count("POST /api/v1/sessions/S-1/start"); n != 1 {
		t.Errorf("the device ran start %d times, want once", n)
	}
}

// TestRelayWithdrawsUnansweredRequests: a request made while the device is
// away is answered 504 after the relay timeout and withdrawn: the device,
// back later, never runs it.
func TestRelayWithdrawsUnansweredRequests(t *testing.T) {
	r := newRelayRig(t, nil, nil)
	r.hub.relayTimeout = 300 * time.Millisecond
	// The device polled once (it is known, its patient in scope), then went away.
	if err := r.agent.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	code, body := r.call(token("a"), "POST", "/v1/devices/home-1/api/v1/sessions/S-1/start", "")
	if code != http.StatusGatewayTimeout || !strings.Contains(body, "withdrawn, never carried out") {
		t.Fatalf("start with the device away: %d %s", code, body)
	}
	if err := r.agent.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := r.api.count("start"); n != 0 {
		t.Errorf("a withdrawn request ran %d times", n)
	}
}

// TestAgentPausesOnLinkLoss: polls failing for LinkLoss while a session
// runs pause it (once per failed poll after that, the pause refused by
// the device when nothing runs); a working link resets the clock.
func TestAgentPausesOnLinkLoss(t *testing.T) {
	r := newRelayRig(t, nil, nil)
	r.srv.Close() // the hub is unreachable
	ctx := context.Background()
	for range 5 {
		r.agent.PollOnce(ctx)
		r.advance(500 * time.Millisecond)
		r.agent.CheckLink(ctx)
	}
	if n := r.paused.Load(); n != 0 {
		t.Fatalf("paused after 2.5 s of link loss (%d), want only after 3 s", n)
	}
	r.advance(500 * time.Millisecond)
	if err := r.agent.PollOnce(ctx); err == nil {
		t.Fatal("poll succeeded against a closed hub")
	}
	r.agent.CheckLink(ctx)
	if n := r.paused.Load(); n != 1 || r.agent.Stats().LinkPauses != 1 {
		t.Fatalf("after 3 s of link loss: %d pauses (stats %+v), want 1", n, r.agent.Stats())
	}
	// The link back: OnLinkBack once, and the loss clock restarts.
	var back atomic.Int32
	r.agent.cfg.OnLinkBack = func() { back.Add(1) }
	srv := httptest.NewServer(r.hub)
	defer srv.Close()
	r.agent.cfg.URL = srv.URL
	for range 2 {
		if err := r.agent.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if back.Load() != 1 {
		t.Errorf("OnLinkBack called %d times for one return of the link", back.Load())
	}
	r.agent.CheckLink(ctx)
	if n := r.paused.Load(); n != 1 {
		t.Errorf("paused again (%d) with the link back", n)
	}
}

// TestAgentPausesWhileAPollHangs: a link that goes silent — the hub's end
// accepts the poll and never answers, as a pulled cable does until the
// poll's timeout — pauses the running session LinkLoss after the last
// answered poll, not only when the hanging poll finally fails.
func TestAgentPausesWhileAPollHangs(t *testing.T) {
	silent := make(chan struct{})
	var answered atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if answered.CompareAndSwap(false, true) {
			w.Write([]byte(`{"requests":[]}`)) // the first poll: the link works
			return
		}
		<-silent
	}))
	defer srv.Close()
	defer close(silent) // before Close, which waits for the hanging handler
	var paused atomic.Int32
	a, err := NewAgent(AgentConfig{URL: srv.URL, Token: token("home-1"), API: &fakeAPI{},
		Client:   &http.Client{Timeout: time.Minute},
		Delegate: func(ctx context.Context, _ string) context.Context { return ctx },
		Status:   func(context.Context) DeviceStatus { return DeviceStatus{} },
		Pause:    func(context.Context) (bool, error) { paused.Add(1); return true, nil },
		LinkLoss: 200 * time.Millisecond, Retry: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	deadline := time.After(10 * time.Second)
	for paused.Load() == 0 {
		select {
		case <-deadline:
			t.Fatal("no pause 10 s into a silent link (the poll hangs for a minute)")
		case <-time.After(5 * time.Millisecond):
		}
	}
	if st := a.Stats(); st.Failures != 0 {
		t.Errorf("the pause came from a failed poll (%+v), not from the link check", st)
	}
	cancel()
	<-done
}

// TestPollRefusesBadDevices: polls need a device token and a well-formed
// body naming no unknown field.
func TestPollRefusesBadDevices(t *testing.T) {
	r := newRelayRig(t, nil, nil)
	post := func(tok, body string) int {
		req, _ := http.NewRequest("POST", r.srv.URL+DevicePollPath, bytes.NewBufferString(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if c := post("nope", `{}`); c != http.StatusUnauthorized {
		t.Errorf("unknown token: %d", c)
	}
	if c := post(token("home-1"), `{"status":{},"bogus":1}`); c != http.StatusBadRequest {
		t.Errorf("unknown field: %d", c)
	}
	if c := post(token("a"), `{}`); c != http.StatusUnauthorized {
		t.Errorf("a clinician's token polling: %d", c)
	}
}

// TestNewDeviceOpenToItsInstaller: a device that keeps no records yet is
// listed to every clinician and takes a patient of the clinician's own;
// once it keeps one, only that patient's clinicians reach it.
func TestNewDeviceOpenToItsInstaller(t *testing.T) {
	r := newRelayRig(t, nil, nil)
	r.patients = []string{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.start(ctx)
	if code, body := r.call(token("b"), "GET", "/v1/devices", ""); code != http.StatusOK || !strings.Contains(body, "home-1") {
		t.Fatalf("dr-b's list of a new device: %d %s", code, body)
	}
	if code, _ := r.call(token("b"), "POST", "/v1/devices/home-1/api/v1/patients", `{"id":"P-1"}`); code != http.StatusForbidden {
		t.Errorf("dr-b recording dr-a's patient on a new device: %d, want 403", code)
	}
	if code, body := r.call(token("b"), "POST", "/v1/devices/home-1/api/v1/patients", `{"id":"P-2"}`); code != http.StatusCreated {
		t.Fatalf("dr-b recording their patient: %d %s", code, body)
	}
	r.mu.Lock()
	r.patients = []string{"P-2"}
	r.mu.Unlock()
	if err := r.agent.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if code, body := r.call(token("a"), "GET", "/v1/devices", ""); code != http.StatusOK || strings.Contains(body, "home-1") {
		t.Errorf("dr-a's list once the device keeps P-2: %d %s", code, body)
	}
}

// FuzzDevicePoll: whatever a device sends as a poll, the hub answers 200
// or 400 naming what was wrong — never a panic, never a 500 — and a
// relayed answer for a request it never made is ignored.
func FuzzDevicePoll(f *testing.F) {
	for _, s := range []string{`{}`, `{"status":{"robot":"exo","safety":"enabled","patients":["P-1"]}}`,
		`{"status":{},"received":["x"],"responses":[{"id":"x","status":200,"body":"e30="}]}`,
		`{"status":{"session":{"id":"S","percent":1e309}}}`, `{"responses":[{"id":1}]}`, `[`, ``} {
		f.Add([]byte(s))
	}
	st, err := store.Open(context.Background(), filepath.Join(f.TempDir(), "hub.db"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	toks := NewTokens()
	toks.Set("home-1", token("home-1"))
	h := NewServer(st, toks, nil)
	h.pollHold = time.Millisecond
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", DevicePollPath, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token("home-1"))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
			t.Fatalf("%q: %d %s", body, rec.Code, rec.Body)
		}
		if rec.Code == http.StatusBadRequest && !strings.Contains(rec.Body.String(), "poll:") {
			t.Fatalf("%q: 400 without saying what: %s", body, rec.Body)
		}
	})
}

// cutAfterHandOut carries polls until a reply hands a request out, then
// loses every later poll: the device has the request, the hub never hears
// back.
type cutAfterHandOut struct{ cut atomic.Bool }

func (c *cutAfterHandOut) RoundTrip(req *http.Request) (*http.Response, error) {
	if c.cut.Load() {
		return nil, errors.New("link down")
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	reply, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if bytes.Contains(reply, []byte(`"requests":[{`)) {
		c.cut.Store(true)
	}
	resp.Body = io.NopCloser(bytes.NewReader(reply))
	return resp, nil
}

// TestRelayTimeoutAfterHandOutSaysItMayHaveRun: a request that reached the
// device but whose answer never came back is not reported as withdrawn:
// the clinician is told it may have been carried out (it was).
func TestRelayTimeoutAfterHandOutSaysItMayHaveRun(t *testing.T) {
	r := newRelayRig(t, nil, &http.Client{Transport: &cutAfterHandOut{}, Timeout: 5 * time.Second})
	r.hub.relayTimeout = 500 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.start(ctx)
	code, body := r.call(token("a"), "POST", "/v1/devices/home-1/api/v1/sessions/S-1/start", "")
	if code != http.StatusGatewayTimeout || !strings.Contains(body, "may have been carried out") || strings.Contains(body, "never carried out") {
		t.Fatalf("start, its answer lost: %d %s", code, body)
	}
	if n := r.api.count("POST /api/v1/sessions/S-1/start"); n != 1 {
		t.Errorf("the device ran start %d times (the test's premise: once)", n)
	}
}
