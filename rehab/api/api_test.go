package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/rehab/store/storetest"
	"github.com/chiron-robotics/chiron/teleop"
)

type ended struct {
	id     string
	status rehab.Status
	err    error
}

type fixture struct {
	t      *testing.T
	srv    *Server
	st     *store.Store
	runner *rehab.FakeRunner
	clock  *store.ManualClock
	ends   chan ended
}

func newFixture(t *testing.T) *fixture {
	return newFixtureDSN(t, filepath.Join(t.TempDir(), "rehab.db"))
}

// postgresDSN is a fresh PostgreSQL schema for the test (storetest).
func postgresDSN(t *testing.T) string { return storetest.PostgresDSN(t) }

func newFixtureDSN(t *testing.T, dsn string) *fixture {
	t.Helper()
	st, err := store.Open(t.Context(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tokens, err := teleop.ParseTokens(strings.NewReader("clinician c-tok\nadmin a-tok\nviewer v-tok\noperator o-tok\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st, runner: &rehab.FakeRunner{}, clock: store.NewManualClock(time.Unix(1.7e9, 0)), ends: make(chan ended, 4)}
	f.srv, err = New(Options{Store: st, Tokens: tokens, Runner: f.runner, Robot: "exo-1",
		Batch: store.BatcherOptions{Clock: f.clock},
		Now:   func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) },
		OnEnd: func(id string, s rehab.Status, err error) { f.ends <- ended{id, s, err} }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.srv.Close(context.Background()) })
	return f
}

// do sends a request as the clinician and returns status and body.
func (f *fixture) do(method, path, body string) (int, []byte) {
	return f.doAs("c-tok", method, path, body)
}

func (f *fixture) doAs(token, method, path, body string) (int, []byte) {
	f.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, b
}

func (f *fixture) want(code int, method, path, body string) []byte {
	f.t.Helper()
	got, b := f.do(method, path, body)
	if got != code {
		f.t.Fatalf("%s %s: %d %s, want %d", method, path, got, b, code)
	}
	return b
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return v
}

const patientJSON = `{"id":"P-0042","height":1.75,"mass":72.5,"affected_side":"left","limits":[
	{"joint":"left_hip","rom_min":-0.2,"rom_max":1.0,"max_torque":40,"max_speed":1.5},
	{"joint":"left_knee","rom_min":0,"rom_max":1.4,"max_torque":30,"max_speed":2}]}`

const sessionJSON = `{"patient_id":"P-0042","protocol":{"name":"knee flexion","exercises":[
	{"mode":"passive","joints":["left_knee"],"repetitions":2,"assistance":1,"params":{"period_s":2}},
	{"mode":"active","joints":["left_knee"],"repetitions":1,"assistance":0.2}]}}`

func TestAuth(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		name, header string
		code         int
	}{
		{"none", "", 401}, {"unknown", "Bearer nope", 401}, {"basic", "Basic Yzpj", 401},
		{"viewer", "Bearer v-tok", 403}, {"operator", "Bearer o-tok", 403},
		{"clinician", "Bearer c-tok", 200}, {"admin", "bearer a-tok", 200},
	} {
		for _, path := range []string{"/api/v1/patients", "/api/v1/nowhere"} {
			req := httptest.NewRequest("GET", path, nil)
			if c.header != "" {
				req.Header.Set("Authorization", c.header)
			}
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			want := c.code
			if want == 200 && path == "/api/v1/nowhere" {
				want = 404
			}
			if rec.Code != want {
				t.Errorf("%s %s: %d, want %d", c.name, path, rec.Code, want)
			}
			if rec.Code == 401 && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s: 401 without a Bearer challenge", c.name)
			}
		}
	}
	// The query-string token the WebSocket accepts is not accepted here.
	if code, _ := f.doAs("", "GET", "/api/v1/patients?token=c-tok", ""); code != 401 {
		t.Errorf("?token=: %d", code)
	}
}

func TestPatients(t *testing.T) {
	f := newFixture(t)
	b := f.want(201, "POST", "/api/v1/patients", patientJSON)
	p := decode[rehab.Patient](t, b)
	if p.ID != "P-0042" || p.Mass != 72.5 || len(p.Limits) != 2 || p.CreatedAt.IsZero() {
		t.Fatalf("%+v", p)
	}
	f.want(409, "POST", "/api/v1/patients", patientJSON)
	got := decode[rehab.Patient](t, f.want(200, "GET", "/api/v1/patients/P-0042", ""))
	if got.Limits[1].ROMMax != 1.4 || got.AffectedSide != rehab.SideLeft {
		t.Fatalf("%+v", got)
	}
	f.want(404, "GET", "/api/v1/patients/P-9", "")
	f.want(201, "POST", "/api/v1/patients", strings.Replace(patientJSON, "P-0042", "P-0001", 1))
	list := decode[struct{ Patients []rehab.Patient }](t, f.want(200, "GET", "/api/v1/patients", ""))
	if len(list.Patients) != 2 || list.Patients[0].ID != "P-0001" {
		t.Fatalf("%+v", list)
	}
	list = decode[struct{ Patients []rehab.Patient }](t, f.want(200, "GET", "/api/v1/patients?after=P-0001&limit=5", ""))
	if len(list.Patients) != 1 || list.Patients[0].ID != "P-0042" {
		t.Fatalf("%+v", list)
	}
	f.want(400, "GET", "/api/v1/patients?limit=0", "")
}

func TestBadInputNamesTheField(t *testing.T) {
	f := newFixture(t)
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	for _, c := range []struct{ path, body, field string }{
		{"/api/v1/patients", strings.Replace(patientJSON, `"height":1.75`, `"height":2.6`, 1), "height"},
		{"/api/v1/patients", strings.Replace(patientJSON, `"height":1.75`, `"height":0.4`, 1), "height"},
		{"/api/v1/patients", strings.Replace(patientJSON, `"mass":72.5`, `"mass":301`, 1), "mass"},
		{"/api/v1/patients", strings.Replace(patientJSON, `"mass":72.5`, `"mass":"heavy"`, 1), "mass"},
		{"/api/v1/patients", strings.Replace(patientJSON, `"rom_max":1.4`, `"rom_max":-0.1`, 1), "limits[1].rom_max"},
		{"/api/v1/patients", strings.Replace(patientJSON, `"id":"P-0042",`, `"id":"P-1","name":"Jane Doe",`, 1), "name"},
		{"/api/v1/patients", strings.Replace(patientJSON, `"max_speed":2}`, `"max_speed":2,"colour":1}`, 1), "colour"},
		{"/api/v1/patients", strings.Replace(patientJSON, `"left",`, `"up",`, 1), "affected_side"},
		{"/api/v1/patients", patientJSON + `{}`, ""},
		{"/api/v1/patients", `{"id":`, ""},
		{"/api/v1/patients", ``, ""},
		{"/api/v1/sessions", `{"patient_id":"P-0042"}`, "protocol"},
		{"/api/v1/sessions", strings.Replace(sessionJSON, `"P-0042"`, `"P-404"`, 1), "patient_id"},
		{"/api/v1/sessions", strings.Replace(sessionJSON, `"repetitions":1`, `"repetitions":0`, 1), "protocol.exercises[1].repetitions"},
		{"/api/v1/sessions", strings.Replace(sessionJSON, `"assistance":0.2`, `"assistance":1.5`, 1), "protocol.exercises[1].assistance"},
		{"/api/v1/sessions", strings.Replace(sessionJSON, `["left_knee"],"repetitions":1`, `["right_knee"],"repetitions":1`, 1), "protocol.exercises[1].joints[0]"},
		{"/api/v1/sessions", strings.Replace(sessionJSON, `"name":"knee flexion"`, `"name":"x","robot":"arm"`, 1), "robot"},
	} {
		code, b := f.do("POST", c.path, c.body)
		e := decode[errorBody](t, b)
		if code != 400 || e.Field != c.field || e.Error == "" {
			t.Errorf("%s %.60s…: %d %+v, want 400 naming %q", c.path, c.body, code, e, c.field)
		}
	}
	code, _ := f.do("POST", "/api/v1/patients", `{"id":"`+strings.Repeat("x", MaxBodyBytes)+`"}`)
	if code != 400 {
		t.Errorf("oversized body: %d", code)
	}
}

func sample(t float64, q float64, assist float64, ex, rep int) rehab.Sample {
	return rehab.Sample{T: t, Q: []float64{0.1, q}, QD: []float64{0, 0.5}, Tau: []float64{0.2, -1.5},
		Assistance: assist, Exercise: ex, Repetition: rep}
}

func TestSessionLifecycle(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testSessionLifecycle(t, newFixture(t)) })
	t.Run("postgres", func(t *testing.T) { testSessionLifecycle(t, newFixtureDSN(t, postgresDSN(t))) })
}

func testSessionLifecycle(t *testing.T, f *fixture) {
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	base := "/api/v1/sessions/" + sess.ID
	if sess.Status != rehab.StatusCreated || sess.Robot != "exo-1" || len(sess.Joints) != 2 {
		t.Fatalf("%+v", sess)
	}
	other := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))

	f.want(409, "POST", base+"/pause", "")
	f.want(409, "POST", base+"/resume", "")
	f.want(404, "POST", "/api/v1/sessions/S-404/start", "")
	v := decode[SessionView](t, f.want(200, "POST", base+"/start", ""))
	if v.Status != rehab.StatusRunning || !v.Active || v.StartedAt.IsZero() {
		t.Fatalf("%+v", v)
	}
	if spec := f.runner.Spec(); spec.Session.ID != sess.ID || spec.Patient.ID != "P-0042" || len(spec.Protocol.Exercises) != 2 {
		t.Fatalf("runner got %+v", spec)
	}
	f.want(409, "POST", base+"/start", "")
	f.want(409, "POST", "/api/v1/sessions/"+other.ID+"/start", "") // robot busy
	f.want(409, "POST", base+"/resume", "")

	// Two passive repetitions, knee 0 → 1.2 rad and back.
	var all []rehab.Sample
	tt := 0.0
	for rep := 1; rep <= 2; rep++ {
		for i := 0; i <= 100; i++ {
			q := 1.2 * float64(min(i, 100-i)) / 50
			all = append(all, sample(tt, q, 1, 0, rep))
			tt += 0.01
		}
	}
	f.runner.Emit(all...)
	v = decode[SessionView](t, f.want(200, "POST", base+"/pause", ""))
	if v.Status != rehab.StatusPaused || v.Progress.Samples != int64(len(all)) || v.Progress.Repetition != 2 {
		t.Fatalf("pause did not flush: %+v", v.Progress)
	}
	if _, paused := f.runner.Active(); !paused {
		t.Fatal("runner not paused")
	}
	f.want(409, "POST", base+"/pause", "")
	f.want(200, "POST", base+"/resume", "")
	// One active repetition to 0.8 rad.
	var more []rehab.Sample
	for i := 0; i <= 100; i++ {
		more = append(more, sample(tt, 0.8*float64(min(i, 100-i))/50, 0.2, 1, 1))
		tt += 0.01
	}
	f.runner.Emit(more...)
	v = decode[SessionView](t, f.want(200, "POST", base+"/stop", ""))
	if v.Status != rehab.StatusStopped || v.Active || v.Progress.Samples != int64(len(all)+len(more)) || v.EndedAt.IsZero() {
		t.Fatalf("after stop: %+v", v)
	}
	if e := <-f.ends; e.id != sess.ID || e.status != rehab.StatusStopped || e.err != nil {
		t.Fatalf("end %+v", e)
	}
	f.want(409, "POST", base+"/stop", "")
	f.want(409, "POST", base+"/start", "")

	// The robot is free again.
	f.want(200, "POST", "/api/v1/sessions/"+other.ID+"/start", "")

	rep := decode[map[string]any](t, f.want(200, "GET", base+"/report", ""))
	if rep["repetitions"].(float64) != 3 || rep["samples"].(float64) != float64(len(all)+len(more)) {
		t.Fatalf("report %v", rep)
	}
	knee := rep["joints"].([]any)[1].(map[string]any)
	if p, a := knee["passive_rom_deg"].(float64), knee["active_rom_deg"].(float64); p < 68.7 || p > 68.8 || a < 45.8 || a > 45.9 {
		t.Fatalf("knee %v", knee)
	}

	code, b := f.do("GET", base+"/report.csv", "")
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if code != 200 || err != nil || len(rows) != 1+3*2 {
		t.Fatalf("csv %d %v %d rows", code, err, len(rows))
	}
	if b := f.want(200, "GET", base+"/report.svg", ""); !bytes.HasPrefix(b, []byte("<svg")) {
		t.Fatalf("svg %.80s", b)
	}
	if b := f.want(200, "GET", base+"/report.html", ""); !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte("68.8°")) {
		t.Fatalf("html %.200s", b)
	}
	bundle := decode[map[string]any](t, f.want(200, "GET", base+"/fhir", ""))
	if bundle["resourceType"] != "Bundle" || bundle["type"] != "collection" || len(bundle["entry"].([]any)) != 5 {
		t.Fatalf("fhir %v", bundle)
	}
	for _, suffix := range []string{"/report", "/report.csv", "/report.svg", "/fhir"} {
		f.want(404, "GET", "/api/v1/sessions/S-404"+suffix, "")
	}
	list := decode[struct{ Sessions []SessionView }](t, f.want(200, "GET", "/api/v1/sessions?patient_id=P-0042", ""))
	if len(list.Sessions) != 2 {
		t.Fatalf("%d sessions", len(list.Sessions))
	}
}

func TestRunnerCompletesTheSession(t *testing.T) {
	f := newFixture(t)
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	f.want(200, "POST", "/api/v1/sessions/"+sess.ID+"/start", "")
	f.runner.Emit(sample(0, 0, 1, 0, 1), sample(0.01, 0.1, 1, 0, 1))
	f.runner.Complete()
	if e := <-f.ends; e.status != rehab.StatusCompleted || e.err != nil {
		t.Fatalf("end %+v", e)
	}
	v := decode[SessionView](t, f.want(200, "GET", "/api/v1/sessions/"+sess.ID, ""))
	if v.Status != rehab.StatusCompleted || v.Progress.Samples != 2 || v.Percent != 100 || v.Active {
		t.Fatalf("%+v", v)
	}
}

func TestRunnerFailureStopsTheSession(t *testing.T) {
	f := newFixture(t)
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	f.runner.StartErr = rehab.ErrBusy
	f.want(409, "POST", "/api/v1/sessions/"+sess.ID+"/start", "")
	if v := decode[SessionView](t, f.want(200, "GET", "/api/v1/sessions/"+sess.ID, "")); v.Status != rehab.StatusCreated || v.Active {
		t.Fatalf("failed start left %+v", v)
	}
	f.want(200, "POST", "/api/v1/sessions/"+sess.ID+"/start", "")
	f.runner.Fail(io.ErrUnexpectedEOF)
	if e := <-f.ends; e.status != rehab.StatusStopped || e.err == nil {
		t.Fatalf("end %+v", e)
	}
}

func TestRecoverMarksInterrupted(t *testing.T) {
	f := newFixture(t)
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	// A previous process started the session and died.
	if _, err := f.st.Transition(t.Context(), sess.ID, rehab.StatusRunning); err != nil {
		t.Fatal(err)
	}
	ids, err := f.srv.Recover(t.Context())
	if err != nil || len(ids) != 1 || ids[0] != sess.ID {
		t.Fatalf("%v %v", ids, err)
	}
	v := decode[SessionView](t, f.want(200, "GET", "/api/v1/sessions/"+sess.ID, ""))
	if v.Status != rehab.StatusInterrupted {
		t.Fatalf("%+v", v)
	}
	f.want(409, "POST", "/api/v1/sessions/"+sess.ID+"/resume", "")
}

func TestCloseStopsTheActiveSession(t *testing.T) {
	f := newFixture(t)
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	f.want(200, "POST", "/api/v1/sessions/"+sess.ID+"/start", "")
	f.runner.Emit(sample(0, 0, 1, 0, 1))
	if err := f.srv.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	v := decode[SessionView](t, f.want(200, "GET", "/api/v1/sessions/"+sess.ID, ""))
	if v.Status != rehab.StatusStopped || v.Progress.Samples != 1 {
		t.Fatalf("%+v", v)
	}
}

// The API mounts on the console server with Handle.
func TestMountsOnMux(t *testing.T) {
	f := newFixture(t)
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", f.srv)
	req := httptest.NewRequest("GET", "/api/v1/patients", nil)
	req.Header.Set("Authorization", "Bearer a-tok")
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s", rec.Code, rec.Header())
	}
}
