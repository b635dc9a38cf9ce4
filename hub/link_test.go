package hub

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/hub/linksim"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
)

// waitFor polls cond (wall clock) until it holds or the deadline passes.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	t0 := time.Now()
	for !cond() {
		if time.Since(t0) > d {
			t.Fatalf("after %v: %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return time.Since(t0)
}

// killer is a transport that, once armed, lets one batch reach the hub
// and be committed, then loses the acknowledgement and kills its
// replicator (cancels its Run) — a kill -9 between the hub's commit and
// the device's, the point where a resend must not duplicate.
type killer struct {
	next  http.RoundTripper
	armed atomic.Bool
	fired chan struct{}
	kill  context.CancelFunc
}

func (k *killer) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := k.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusOK && k.armed.CompareAndSwap(true, false) {
		resp.Body.Close()
		k.kill()
		close(k.fired)
		return nil, errors.New("killed")
	}
	return resp, err
}

// homeDevice records sessions into its own store while replication runs.
type homeDevice struct {
	name  string
	path  string
	st    *store.Store
	sess  []string
	steps atomic.Int64
}

// record appends 10 samples every 20 ms (500 Hz) to the current session,
// pausing, resuming and completing sessions on the way, until stop.
func (d *homeDevice) record(stop <-chan struct{}, errs chan<- error) {
	ctx := context.Background()
	fail := func(err error) { errs <- fmt.Errorf("%s: %w", d.name, err) }
	newSession := func() string {
		id := fmt.Sprintf("S-%s-%d", d.name, len(d.sess)+1)
		if err := d.st.CreateSession(ctx, testSession(id, "P-"+d.name)); err != nil {
			fail(err)
		}
		if _, err := d.st.Transition(ctx, id, rehab.StatusRunning); err != nil {
			fail(err)
		}
		d.sess = append(d.sess, id)
		return id
	}
	cur, t := newSession(), 0.0
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for step := 1; ; step++ {
		select {
		case <-stop:
			if _, err := d.st.Transition(ctx, cur, rehab.StatusCompleted); err != nil {
				fail(err)
			}
			errs <- nil
			return
		case <-tick.C:
		}
		if err := d.st.AppendSamples(ctx, cur, testSamples(10, t)); err != nil {
			fail(err)
		}
		t += 0.1
		d.steps.Add(1)
		switch step % 150 {
		case 50:
			_, err := d.st.Transition(ctx, cur, rehab.StatusPaused)
			if err == nil {
				_, err = d.st.Transition(ctx, cur, rehab.StatusRunning)
			}
			if err != nil {
				fail(err)
			}
		case 0:
			if _, err := d.st.Transition(ctx, cur, rehab.StatusCompleted); err != nil {
				fail(err)
			}
			cur, t = newSession(), 0
		}
	}
}

// TestThreeDevicesThroughBadLink is issue 18's replication acceptance at
// library level: three home devices record while replicating through a
// link of 300 ms RTT, 5 % loss and an outage (30 s, compressed tenfold
// with the back-off cap; CHIRON_HUB_OUTAGE=30s runs it in full) to one
// hub (PostgreSQL when CHIRON_TEST_POSTGRES is set); one replicator is
// killed between the hub's commit and its own and restarted, the hub is
// killed and restarted; at the end the hub holds every device's rows
// exactly once, and a revoked device's batches are refused.
func TestThreeDevicesThroughBadLink(t *testing.T) {
	if testing.Short() {
		t.Skip("about 30 s of wall clock")
	}
	outage, maxBackoff := 3*time.Second, time.Second
	if v := os.Getenv("CHIRON_HUB_OUTAGE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("CHIRON_HUB_OUTAGE: %v", err)
		}
		outage, maxBackoff = d, d/3
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dsn := hubDSN(t)
	tk := NewTokens()
	var hubMu sync.Mutex
	hubSt := openStore(t, dsn)
	srv := httptest.NewTLSServer(NewServer(hubSt, tk, nil))
	defer func() {
		hubMu.Lock()
		srv.Close()
		hubSt.Close()
		hubMu.Unlock()
	}()
	hub := func() *store.Store { hubMu.Lock(); defer hubMu.Unlock(); return hubSt }
	link, err := linksim.New(srv.Listener.Addr().String(), linksim.Config{
		Delay: 150 * time.Millisecond, Jitter: 20 * time.Millisecond, Loss: 0.05, Seed: 18})
	if err != nil {
		t.Fatal(err)
	}
	defer link.Close()
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate()) // every httptest server shares it
	client := func(rt func(http.RoundTripper) http.RoundTripper) *http.Client {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig.RootCAs = roots
		var r http.RoundTripper = tr
		if rt != nil {
			r = rt(tr)
		}
		return &http.Client{Transport: r}
	}

	devs := make([]*homeDevice, 3)
	stop := make(chan struct{})
	errs := make(chan error, 100)
	reps := make([]*Replicator, 3)
	runs := make([]chan error, 3)
	start := func(i int, st *store.Store, c *http.Client, rctx context.Context) {
		r, err := NewReplicator(ReplicatorConfig{Store: st, URL: "https://" + link.Addr(), Token: token(devs[i].name),
			Client: c, Target: "hub", MaxSamples: 500, Poll: 100 * time.Millisecond,
			MinBackoff: 100 * time.Millisecond, MaxBackoff: maxBackoff, RequestTimeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		reps[i], runs[i] = r, make(chan error, 1)
		go func(done chan error) { done <- r.Run(rctx) }(runs[i])
	}
	kctx, kcancel := context.WithCancel(ctx)
	kill := &killer{fired: make(chan struct{}), kill: kcancel}
	for i := range devs {
		name := fmt.Sprintf("d%d", i+1)
		d := &homeDevice{name: name, path: filepath.Join(t.TempDir(), name+".db")}
		d.st = openStore(t, d.path)
		defer d.st.Close()
		if err := d.st.CreatePatient(ctx, testPatient("P-"+name)); err != nil {
			t.Fatal(err)
		}
		if err := tk.Set(name, token(name)); err != nil {
			t.Fatal(err)
		}
		devs[i] = d
		go d.record(stop, errs)
		if i == 1 {
			start(i, d.st, client(func(rt http.RoundTripper) http.RoundTripper { kill.next = rt; return kill }), kctx)
		} else {
			start(i, d.st, client(nil), ctx)
		}
	}
	t0 := time.Now()
	waitFor(t, 30*time.Second, "every device's first batches acknowledged", func() bool {
		for _, r := range reps {
			if r.Stats().Batches < 2 {
				return false
			}
		}
		return true
	})

	// Kill device 2's replicator between the hub's commit and its own,
	// then restart it as a new process would: a new handle on its file.
	kill.armed.Store(true)
	select {
	case <-kill.fired:
	case <-time.After(30 * time.Second):
		t.Fatal("the killer never fired")
	}
	<-runs[1]
	killedStats := reps[1].Stats()
	st2 := openStore(t, devs[1].path)
	defer st2.Close()
	// The hub committed what the device still holds pending: the restart
	// resends it, and the hub must absorb it.
	pend, err := st2.PendingReplica(ctx, "hub", 500)
	if err != nil {
		t.Fatal(err)
	}
	if len(pend.Samples) == 0 {
		t.Fatal("the killed batch carried no samples")
	}
	first := pend.Samples[0]
	if on, _ := hub().ReplicaSamples(ctx, first.Session); int64(len(on)) <= first.Seq {
		t.Fatalf("hub holds %d samples of %s, so the killed batch (from seq %d) was not committed", len(on), first.Session, first.Seq)
	}
	start(1, st2, client(nil), ctx)

	// The outage: the devices keep recording.
	before := make([]Stats, 3)
	for i, r := range reps {
		before[i] = r.Stats()
	}
	link.Outage(outage)
	outageEnd := time.Now().Add(outage)
	waitFor(t, outage+10*time.Second, "the outage to end", func() bool { return !link.Down() })
	backlog := make([]int64, 3)
	for i, d := range devs {
		backlog[i], _ = d.st.SampleCount(ctx, "")
	}
	catchUp := make([]time.Duration, 3)
	for i, d := range devs {
		waitFor(t, 60*time.Second, d.name+" to catch up after the outage", func() bool {
			n, err := hubSamples(ctx, hub(), d)
			return err == nil && n >= backlog[i]
		})
		catchUp[i] = time.Since(outageEnd)
	}

	// Kill the hub mid-traffic and restart it on the same database.
	hubMu.Lock()
	srv.CloseClientConnections()
	srv.Close()
	hubSt.Close()
	hubSt = openStore(t, dsn)
	srv = httptest.NewTLSServer(NewServer(hubSt, tk, nil))
	link.SetUpstream(srv.Listener.Addr().String())
	hubMu.Unlock()
	restart := make([]Stats, 3)
	for i, r := range reps {
		restart[i] = r.Stats()
	}
	waitFor(t, 30*time.Second, "batches acknowledged by the restarted hub", func() bool {
		for i, r := range reps {
			if r.Stats().Batches <= restart[i].Batches {
				return false
			}
		}
		return true
	})

	close(stop)
	for range devs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i, d := range devs {
		waitFor(t, 60*time.Second, d.name+" to finish replicating", func() bool {
			if !reps[i].Stats().CaughtUp {
				return false
			}
			n, err := hubSamples(ctx, hub(), d)
			m, _ := d.st.SampleCount(ctx, "")
			return err == nil && n == m
		})
	}
	var total int64
	for _, d := range devs {
		if err := sameRows(ctx, d, hub()); err != nil {
			t.Fatal(err)
		}
		n, _ := d.st.SampleCount(ctx, "")
		total += n
	}
	if n, _ := hub().SampleCount(ctx, ""); n != total {
		t.Fatalf("hub holds %d samples, the devices %d", n, total)
	}
	elapsed := time.Since(t0)
	final := make([]Stats, 3)
	for i, r := range reps {
		final[i] = r.Stats()
	}

	// Revoke device 3: its later batches are refused, nothing written.
	tk.Revoke("d3")
	d3 := devs[2]
	if err := d3.st.CreateSession(ctx, testSession("S-d3-late", "P-d3")); err != nil {
		t.Fatal(err)
	}
	if err := d3.st.AppendSamples(ctx, "S-d3-late", testSamples(50, 0)); err != nil {
		t.Fatal(err)
	}
	r3 := reps[2].Stats().Retries
	reps[2].Kick()
	waitFor(t, 30*time.Second, "device 3's batch refused", func() bool {
		s := reps[2].Stats()
		return s.Retries > r3 && errors.Is(s.LastErr, ErrUnauthorized)
	})
	if _, err := hub().GetSession(ctx, "S-d3-late"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoked device's session on the hub: %v", err)
	}
	if n, _ := hub().SampleCount(ctx, ""); n != total {
		t.Errorf("hub holds %d samples after a revoked device's batch, want %d", n, total)
	}

	t.Logf("hub on %s; link %+v; outage %v (back-off cap %v); %v to the end, %d samples",
		hub().Dialect(), link.Stats(), outage, maxBackoff, elapsed.Round(time.Millisecond), total)
	t.Logf("d2's replicator killed after %d batches with one committed but unacknowledged", killedStats.Batches)
	for i, d := range devs {
		s := final[i]
		t.Logf("%s: %d sessions; last replicator %d batches, %d samples, %d retries (%d in the outage, %d at the hub's restart); backlog %d samples at the outage's end, caught up %v after it",
			d.name, len(d.sess), s.Batches, s.Samples, s.Retries, restart[i].Retries-before[i].Retries,
			s.Retries-restart[i].Retries, backlog[i], catchUp[i].Round(time.Millisecond))
	}
	cancel()
}

// hubSamples counts the hub's samples of d's sessions.
func hubSamples(ctx context.Context, hub *store.Store, d *homeDevice) (int64, error) {
	ss, err := d.st.ReplicaSessions(ctx)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, s := range ss {
		k, err := hub.SampleCount(ctx, s.ID)
		if err != nil {
			return 0, err
		}
		n += k
	}
	return n, nil
}

// sameRows reports how the hub's copy of d's sessions and samples
// differs from d's, if it does.
func sameRows(ctx context.Context, d *homeDevice, hub *store.Store) error {
	ss, err := d.st.ReplicaSessions(ctx)
	if err != nil {
		return err
	}
	hs, err := hub.ReplicaSessions(ctx)
	if err != nil {
		return err
	}
	onHub := map[string]store.SessionRecord{}
	for _, s := range hs {
		onHub[s.ID] = s
	}
	for _, s := range ss {
		if h, ok := onHub[s.ID]; !ok || h != s {
			return fmt.Errorf("%s: session %s: device %+v, hub %+v", d.name, s.ID, s, h)
		}
		a, err := d.st.ReplicaSamples(ctx, s.ID)
		if err != nil {
			return err
		}
		b, err := hub.ReplicaSamples(ctx, s.ID)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(a, b) {
			return fmt.Errorf("%s: session %s: device %d samples, hub %d (or their contents differ)", d.name, s.ID, len(a), len(b))
		}
	}
	return nil
}
