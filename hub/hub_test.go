package hub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/rehab/store/storetest"
)

// hubDSN is PostgreSQL when CHIRON_TEST_POSTGRES is set (a fresh schema),
// else a SQLite file.
func hubDSN(t *testing.T) string {
	if os.Getenv(storetest.EnvVar) != "" {
		return storetest.PostgresDSN(t)
	}
	t.Logf("%s not set: the hub runs on SQLite (scripts/pg-test-env.sh starts a PostgreSQL)", storetest.EnvVar)
	return filepath.Join(t.TempDir(), "hub.db")
}

func openStore(t testing.TB, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func token(dev string) string { return dev + "-0123456789abcdef0123456789abcdef" }

func testPatient(id string) *rehab.Patient {
	return &rehab.Patient{ID: id, Height: 1.7, Mass: 70, AffectedSide: rehab.SideRight, Limits: []rehab.JointLimit{
		{Joint: "hip", ROMMin: -0.3, ROMMax: 1.2, MaxTorque: 40, MaxSpeed: 1.5},
		{Joint: "knee", ROMMin: 0, ROMMax: 1.6, MaxTorque: 30, MaxSpeed: 2},
	}}
}

func testSession(id, patient string) *rehab.Session {
	return &rehab.Session{ID: id, PatientID: patient, Robot: "exo", Protocol: rehab.Protocol{Name: "gait prep", Exercises: []rehab.Exercise{
		{Mode: "active-assisted", Joints: []string{"hip", "knee"}, Repetitions: 5, Assistance: 0.4},
	}}}
}

func testSamples(n int, t0 float64) []rehab.Sample {
	out := make([]rehab.Sample, n)
	for i := range out {
		tt := t0 + float64(i)*0.01
		out[i] = rehab.Sample{T: tt, Q: []float64{math.Sin(tt), 0.5 * tt}, QD: []float64{math.Cos(tt), 0.5},
			Tau: []float64{-1.25, 3.5e-3 * tt}, Assistance: 0.4, Repetition: 1 + i/100}
	}
	return out
}

// device is a home device's store with one patient and session.
func device(t *testing.T, name string) *store.Store {
	t.Helper()
	s := openStore(t, filepath.Join(t.TempDir(), name+".db"))
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if err := s.CreatePatient(ctx, testPatient("P-"+name)); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, testSession("S-"+name, "P-"+name)); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTokens(t *testing.T) {
	tk := NewTokens()
	for _, tc := range []struct {
		device, token, want string
	}{
		{"dev-1", token("dev-1"), ""},
		{"", token("x"), "device id"},
		{"dev 2", token("x"), "device id"},
		{"dev-2", "short", "at least 32"},
		{"dev-3", token("dev-1"), "another device"},
	} {
		err := tk.Set(tc.device, tc.token)
		if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Set(%q, %q) = %v, want %q", tc.device, tc.token, err, tc.want)
		}
	}
	if d, ok := tk.Device(token("dev-1")); !ok || d != "dev-1" {
		t.Fatalf("Device = %q %v", d, ok)
	}
	if !tk.Revoke("dev-1") || tk.Revoke("dev-1") {
		t.Error("Revoke reports wrongly")
	}
	if _, ok := tk.Device(token("dev-1")); ok {
		t.Error("revoked token still accepted")
	}
}

// TestServerRefuses: a bad or revoked token gets 401 and nothing is
// written; a malformed batch 400 naming the field; another device's
// session 409.
func TestServerRefuses(t *testing.T) {
	ctx := context.Background()
	hubSt := openStore(t, hubDSN(t))
	defer hubSt.Close()
	tk := NewTokens()
	for _, d := range []string{"dev-1", "dev-2", "dev-3"} {
		if err := tk.Set(d, token(d)); err != nil {
			t.Fatal(err)
		}
	}
	tk.Revoke("dev-3")
	srv := httptest.NewTLSServer(NewServer(hubSt, tk, nil))
	defer srv.Close()
	dev := device(t, "a")
	if err := dev.AppendSamples(ctx, "S-a", testSamples(20, 0)); err != nil {
		t.Fatal(err)
	}
	b, err := dev.PendingReplica(ctx, "hub", 0)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := json.Marshal(b)
	b.Samples[4].Tau = b.Samples[4].Tau[:3]
	bad, _ := json.Marshal(b)
	post := func(tok string, body []byte) (int, Refusal) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+ReplicatePath, bytes.NewReader(body))
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r Refusal
		json.NewDecoder(resp.Body).Decode(&r)
		return resp.StatusCode, r
	}
	for _, tc := range []struct {
		name  string
		token string
		body  []byte
		code  int
		field string
		rows  int64
	}{
		{"no token", "", good, 401, "", 0},
		{"unknown token", token("dev-9"), good, 401, "", 0},
		{"revoked token", token("dev-3"), good, 401, "", 0},
		{"not JSON", token("dev-1"), []byte("{"), 400, "", 0},
		{"unknown field", token("dev-1"), []byte(`{"rows":[]}`), 400, "", 0},
		{"short tau", token("dev-1"), bad, 400, "samples[4].tau", 0},
		{"accepted", token("dev-1"), good, 200, "", 20},
		{"accepted twice, written once", token("dev-1"), good, 200, "", 20},
		{"another device's records", token("dev-2"), good, 409, "", 20},
	} {
		code, r := post(tc.token, tc.body)
		if code != tc.code || r.Field != tc.field {
			t.Errorf("%s: %d %+v, want %d field %q", tc.name, code, r, tc.code, tc.field)
		}
		if n, _ := hubSt.SampleCount(ctx, ""); n != tc.rows {
			t.Errorf("%s: hub holds %d samples, want %d", tc.name, n, tc.rows)
		}
	}
}

func TestNewReplicatorChecks(t *testing.T) {
	st := device(t, "a")
	for _, tc := range []struct {
		name string
		cfg  ReplicatorConfig
		want string
	}{
		{"no store", ReplicatorConfig{URL: "https://h", Token: token("d")}, "Store"},
		{"bad url", ReplicatorConfig{Store: st, URL: "h:1", Token: token("d")}, "URL"},
		{"short token", ReplicatorConfig{Store: st, URL: "https://h", Token: "x"}, "Token"},
		{"negative", ReplicatorConfig{Store: st, URL: "https://h", Token: token("d"), Poll: -1}, "negative"},
		{"cap below floor", ReplicatorConfig{Store: st, URL: "https://h", Token: token("d"), MinBackoff: time.Second, MaxBackoff: time.Millisecond}, "MaxBackoff"},
	} {
		if _, err := NewReplicator(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestReplicatorBackoff: with the hub unreachable, waits double from
// MinBackoff to MaxBackoff (by a manual clock); once it is back, the
// device catches up and the waits return to Poll.
func TestReplicatorBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hubSt := openStore(t, hubDSN(t))
	defer hubSt.Close()
	tk := NewTokens()
	tk.Set("dev-1", token("dev-1"))
	var up atomic.Bool
	h := NewServer(hubSt, tk, nil)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	dev := device(t, "a")
	if err := dev.AppendSamples(ctx, "S-a", testSamples(250, 0)); err != nil {
		t.Fatal(err)
	}
	clk := store.NewManualClock(time.Unix(0, 0))
	events := make(chan Event, 100)
	r, err := NewReplicator(ReplicatorConfig{Store: dev, URL: srv.URL, Token: token("dev-1"), Client: srv.Client(),
		MaxSamples: 100, Poll: 10 * time.Second, MinBackoff: time.Second, MaxBackoff: 4 * time.Second, Clock: clk,
		OnBatch: func(e Event) { events <- e }})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	// waitTimer waits (wall clock, bounded) until Run sleeps on the clock.
	waitTimer := func() {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for clk.Waiters() == 0 {
			if time.Now().After(deadline) {
				t.Fatal("replicator never waited on its clock")
			}
			time.Sleep(time.Millisecond)
		}
	}
	for i, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second} {
		e := <-events
		if e.Err == nil {
			t.Fatalf("attempt %d succeeded with the hub down", i)
		}
		waitTimer()
		clk.Advance(want - time.Nanosecond)
		select {
		case e := <-events:
			t.Fatalf("attempt %d: retried before %v: %+v", i, want, e)
		default:
		}
		if clk.Waiters() != 1 {
			t.Fatalf("attempt %d: timer fired before %v", i, want)
		}
		if i == 3 {
			up.Store(true) // the hub is back for the next attempt
		}
		clk.Advance(time.Nanosecond)
	}
	got := 0
	for got < 250 {
		e := <-events
		if e.Err != nil {
			t.Fatal(e.Err)
		}
		got += e.Samples
	}
	waitTimer() // now polling
	st := r.Stats()
	if st.Batches != 3 || st.Samples != 250 || !st.CaughtUp || st.Retries < 4 {
		t.Errorf("stats %+v, want 3 batches of 250 samples, caught up, ≥ 4 retries", st)
	}
	if n, _ := hubSt.SampleCount(ctx, ""); n != 250 {
		t.Errorf("hub holds %d samples, want 250", n)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v", err)
	}
}
