package store

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store/storetest"
)

// backends runs fn against a fresh SQLite store, and against a fresh
// PostgreSQL schema when CHIRON_TEST_POSTGRES holds a DSN.
func backends(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) {
		fn(t, filepath.Join(t.TempDir(), "rehab.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, postgresDSN(t))
	})
}

// postgresDSN is a fresh PostgreSQL schema for the test (storetest).
func postgresDSN(t testing.TB) string { return storetest.PostgresDSN(t) }

func open(t *testing.T, dsn string, opts Options) *Store {
	t.Helper()
	s, err := Open(t.Context(), dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func patient(id string) *rehab.Patient {
	return &rehab.Patient{ID: id, Height: 1.7, Mass: 70, AffectedSide: rehab.SideRight, Limits: []rehab.JointLimit{
		{Joint: "hip", ROMMin: -0.3, ROMMax: 1.2, MaxTorque: 40, MaxSpeed: 1.5},
		{Joint: "knee", ROMMin: 0, ROMMax: 1.6, MaxTorque: 30, MaxSpeed: 2},
	}}
}

func protocol() rehab.Protocol {
	return rehab.Protocol{Name: "gait prep", Exercises: []rehab.Exercise{
		{Mode: "passive", Joints: []string{"knee"}, Repetitions: 3, Assistance: 1, Params: []byte(`{"period_s":4}`)},
		{Mode: "active-assisted", Joints: []string{"hip", "knee"}, Repetitions: 5, Assistance: 0.4},
	}}
}

func newSession(t *testing.T, s *Store, id, robot string) rehab.Session {
	t.Helper()
	sess := rehab.Session{ID: id, PatientID: "P-1", Robot: robot, Protocol: protocol()}
	if err := s.CreateSession(t.Context(), &sess); err != nil {
		t.Fatal(err)
	}
	return sess
}

func samples(n int, t0, dt float64) []rehab.Sample {
	out := make([]rehab.Sample, n)
	for i := range out {
		tt := t0 + float64(i)*dt
		out[i] = rehab.Sample{T: tt, Q: []float64{math.Sin(tt), 0.5 * tt}, QD: []float64{math.Cos(tt), 0.5},
			Tau: []float64{-1.25, 3.5e-3 * tt}, Assistance: 0.4, Exercise: 1, Repetition: i / 100}
	}
	return out
}

func TestPatients(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		s := open(t, dsn, Options{})
		for _, id := range []string{"P-2", "P-1", "P-3"} {
			if err := s.CreatePatient(ctx, patient(id)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CreatePatient(ctx, patient("P-1")); !errors.Is(err, ErrExists) {
			t.Fatalf("duplicate: %v", err)
		}
		bad := patient("P-9")
		bad.Mass = 5
		var fe *rehab.FieldError
		if err := s.CreatePatient(ctx, bad); !errors.As(err, &fe) || fe.Field != "mass" {
			t.Fatalf("bad mass: %v", err)
		}
		got, err := s.GetPatient(ctx, "P-2")
		if err != nil || got.Height != 1.7 || len(got.Limits) != 2 || got.Limits[1] != patient("x").Limits[1] || got.CreatedAt.IsZero() {
			t.Fatalf("got %+v, %v", got, err)
		}
		if _, err := s.GetPatient(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("missing: %v", err)
		}
		list, err := s.ListPatients(ctx, "P-1", 10)
		if err != nil || len(list) != 2 || list[0].ID != "P-2" || list[1].ID != "P-3" {
			t.Fatalf("list after P-1: %+v, %v", list, err)
		}
	})
}

func TestSessionLifecycle(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		clock := NewManualClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
		s := open(t, dsn, Options{Now: clock.Now})
		if err := s.CreatePatient(ctx, patient("P-1")); err != nil {
			t.Fatal(err)
		}
		bad := rehab.Session{ID: "S-x", PatientID: "P-1", Protocol: rehab.Protocol{Exercises: []rehab.Exercise{{Mode: "passive", Joints: []string{"elbow"}, Repetitions: 1}}}}
		var fe *rehab.FieldError
		if err := s.CreateSession(ctx, &bad); !errors.As(err, &fe) || fe.Field != "protocol.exercises[0].joints[0]" {
			t.Fatalf("unknown joint: %v", err)
		}
		if err := s.CreateSession(ctx, &rehab.Session{ID: "S-y", PatientID: "P-404", Protocol: protocol()}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown patient: %v", err)
		}
		sess := newSession(t, s, "S-1", "exo-1")
		if sess.Status != rehab.StatusCreated || len(sess.Joints) != 2 {
			t.Fatalf("%+v", sess)
		}
		steps := []struct {
			to rehab.Status
			ok bool
		}{
			{rehab.StatusPaused, false}, {rehab.StatusRunning, true}, {rehab.StatusRunning, false},
			{rehab.StatusPaused, true}, {rehab.StatusRunning, true}, {rehab.StatusStopped, true},
			{rehab.StatusRunning, false},
		}
		for i, st := range steps {
			clock.Advance(time.Minute)
			got, err := s.Transition(ctx, "S-1", st.to)
			if st.ok != (err == nil) || (!st.ok && !errors.Is(err, ErrTransition)) {
				t.Fatalf("step %d → %s: %v", i, st.to, err)
			}
			if st.ok && got.Status != st.to {
				t.Fatalf("step %d: status %s", i, got.Status)
			}
		}
		got, err := s.GetSession(ctx, "S-1")
		if err != nil {
			t.Fatal(err)
		}
		start := time.Date(2026, 3, 1, 9, 2, 0, 0, time.UTC)
		if got.Status != rehab.StatusStopped || !got.StartedAt.Equal(start) || !got.EndedAt.Equal(start.Add(4*time.Minute)) {
			t.Fatalf("%+v", got)
		}
		if string(got.Protocol.Exercises[0].Params) != `{"period_s":4}` {
			t.Fatalf("protocol params %s", got.Protocol.Exercises[0].Params)
		}
		if _, err := s.Transition(ctx, "S-404", rehab.StatusRunning); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown session: %v", err)
		}
	})
}

func TestSamplesRoundTripAndInterrupted(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		s := open(t, dsn, Options{})
		if err := s.CreatePatient(ctx, patient("P-1")); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"S-run", "S-pause", "S-done", "S-other"} {
			robot := "exo-1"
			if id == "S-other" {
				robot = "exo-2"
			}
			newSession(t, s, id, robot)
			if _, err := s.Transition(ctx, id, rehab.StatusRunning); err != nil {
				t.Fatal(err)
			}
		}
		s.Transition(ctx, "S-pause", rehab.StatusPaused)
		s.Transition(ctx, "S-done", rehab.StatusCompleted)

		want := samples(250, 0, 0.004)
		if err := s.AppendSamples(ctx, "S-run", want[:100]); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendSamples(ctx, "S-run", want[100:]); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendSamples(ctx, "S-run", []rehab.Sample{{T: 9, Q: []float64{1}}}); err == nil {
			t.Fatal("sample with the wrong joint count accepted")
		}
		got, err := s.Samples(ctx, "S-run")
		if err != nil || len(got) != len(want) {
			t.Fatalf("%d samples, %v", len(got), err)
		}
		for i := range want {
			a, b := want[i], got[i]
			if a.T != b.T || a.Q[0] != b.Q[0] || a.Q[1] != b.Q[1] || a.QD[0] != b.QD[0] || a.Tau[1] != b.Tau[1] ||
				a.Repetition != b.Repetition || a.Exercise != b.Exercise || a.Assistance != b.Assistance {
				t.Fatalf("sample %d: got %+v want %+v", i, b, a)
			}
		}

		ids, err := s.MarkInterrupted(ctx, "exo-1")
		if err != nil || len(ids) != 2 || ids[0] != "S-pause" || ids[1] != "S-run" {
			t.Fatalf("interrupted %v, %v", ids, err)
		}
		for id, st := range map[string]rehab.Status{"S-run": rehab.StatusInterrupted, "S-pause": rehab.StatusInterrupted,
			"S-done": rehab.StatusCompleted, "S-other": rehab.StatusRunning} {
			sess, _ := s.GetSession(ctx, id)
			if sess.Status != st {
				t.Errorf("%s: %s, want %s", id, sess.Status, st)
			}
		}
		sess, _ := s.GetSession(ctx, "S-run")
		if sess.Progress.Samples != 250 || sess.Progress.Elapsed != want[249].T || sess.Progress.Repetition != 2 || sess.EndedAt.IsZero() {
			t.Fatalf("progress %+v", sess)
		}
		if got, _ := s.Samples(ctx, "S-run"); len(got) != 250 {
			t.Fatalf("samples after interruption: %d", len(got))
		}
	})
}

func TestMigrationsIdempotent(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		s := open(t, dsn, Options{})
		s.CreatePatient(ctx, patient("P-1"))
		s.Close()
		s = open(t, dsn, Options{})
		var versions []int
		err := s.db.query(ctx, "SELECT version FROM schema_migrations ORDER BY version", nil, func(scan func(...any) error) error {
			var v int
			err := scan(&v)
			versions = append(versions, v)
			return err
		})
		if err != nil || len(versions) != len(migrations) || versions[len(versions)-1] != SchemaVersion() {
			t.Fatalf("versions %v, %v", versions, err)
		}
		if _, err := s.GetPatient(ctx, "P-1"); err != nil {
			t.Fatal(err)
		}
	})
}

func TestSQLiteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "rehab.db")
	s := open(t, "sqlite:"+path, Options{})
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v", fi.Mode(), err)
	}
	var mode string
	var timeout int
	s.db.query(t.Context(), "PRAGMA journal_mode", nil, func(scan func(...any) error) error { return scan(&mode) })
	s.db.query(t.Context(), "PRAGMA busy_timeout", nil, func(scan func(...any) error) error { return scan(&timeout) })
	if mode != "wal" || timeout != 5000 {
		t.Fatalf("journal_mode %q, busy_timeout %d", mode, timeout)
	}
	if v, err := s.IntegrityCheck(t.Context()); err != nil || v != "ok" {
		t.Fatalf("integrity %q, %v", v, err)
	}
}

func benchPostgresDSN(b *testing.B) string { return postgresDSN(b) }

func newSessionB(b *testing.B, s *Store) string {
	sess := rehab.Session{ID: "S-b", PatientID: "P-1", Robot: "exo-1", Protocol: protocol()}
	if err := s.CreateSession(b.Context(), &sess); err != nil {
		b.Fatal(err)
	}
	return sess.ID
}

func TestConcurrentTransitionsOneWins(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		s := open(t, dsn, Options{})
		if err := s.CreatePatient(ctx, patient("P-1")); err != nil {
			t.Fatal(err)
		}
		newSession(t, s, "S-1", "exo-1")
		const n = 8
		errs := make(chan error, n)
		for range n {
			go func() {
				_, err := s.Transition(ctx, "S-1", rehab.StatusRunning)
				errs <- err
			}()
		}
		wins := 0
		for range n {
			err := <-errs
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, ErrTransition):
				t.Errorf("loser: %v", err)
			}
		}
		if wins != 1 {
			t.Fatalf("%d transitions created → running succeeded", wins)
		}
	})
}

func TestSQLiteCompanionFilesArePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rehab.db")
	s := open(t, path, Options{})
	if err := s.CreatePatient(t.Context(), patient("P-1")); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		fi, err := os.Stat(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %v readable by others", path+suffix, fi.Mode())
		}
	}
}

// The reason a session ended early is kept with it, once it has ended.
func TestSetEndReason(t *testing.T) {
	t.Parallel()
	backends(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		s := open(t, dsn, Options{})
		if err := s.CreatePatient(ctx, patient("P-1")); err != nil {
			t.Fatal(err)
		}
		sess := newSession(t, s, "S-END", "sim")
		if err := s.SetEndReason(ctx, sess.ID, "too early"); !errors.Is(err, ErrTransition) {
			t.Fatalf("before the end: %v", err)
		}
		if err := s.SetEndReason(ctx, "S-NONE", "x"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown session: %v", err)
		}
		for _, to := range []rehab.Status{rehab.StatusRunning, rehab.StatusStopped} {
			if _, err := s.Transition(ctx, sess.ID, to); err != nil {
				t.Fatal(err)
			}
		}
		want := "protective stop: knee flexion moved at 120°/s, faster than the patient's speed limit of 115°/s"
		if err := s.SetEndReason(ctx, sess.ID, want); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetSession(ctx, sess.ID)
		if err != nil || got.EndReason != want {
			t.Fatalf("end reason %q, %v", got.EndReason, err)
		}
		if err := s.SetEndReason(ctx, sess.ID, strings.Repeat("é", MaxEndReason)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GetSession(ctx, sess.ID); len(got.EndReason) > MaxEndReason || !utf8.ValidString(got.EndReason) {
			t.Fatalf("long reason stored as %d bytes, valid UTF-8 %v", len(got.EndReason), utf8.ValidString(got.EndReason))
		}
	})
}

// Who started a session (the therapist its report names) is kept with
// it once it has started.
func TestStartedBy(t *testing.T) {
	t.Parallel()
	backends(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		s := open(t, dsn, Options{})
		if err := s.CreatePatient(ctx, patient("P-1")); err != nil {
			t.Fatal(err)
		}
		sess := newSession(t, s, "S-BY", "sim")
		if err := s.SetStartedBy(ctx, sess.ID, "Dr Okafor"); !errors.Is(err, ErrTransition) {
			t.Fatalf("before the start: %v", err)
		}
		if err := s.SetStartedBy(ctx, "S-NONE", "x"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown session: %v", err)
		}
		if _, err := s.StartedBy(ctx, "S-NONE"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown session: %v", err)
		}
		if who, err := s.StartedBy(ctx, sess.ID); who != "" || err != nil {
			t.Fatalf("not started: %q, %v", who, err)
		}
		if _, err := s.Transition(ctx, sess.ID, rehab.StatusRunning); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStartedBy(ctx, sess.ID, "Dr Okafor"); err != nil {
			t.Fatal(err)
		}
		if who, err := s.StartedBy(ctx, sess.ID); who != "Dr Okafor" || err != nil {
			t.Fatalf("started by %q, %v", who, err)
		}
		if err := s.SetStartedBy(ctx, sess.ID, strings.Repeat("é", MaxStartedBy)); err != nil {
			t.Fatal(err)
		}
		if who, _ := s.StartedBy(ctx, sess.ID); len(who) > MaxStartedBy || !utf8.ValidString(who) {
			t.Fatalf("long name stored as %d bytes, valid UTF-8 %v", len(who), utf8.ValidString(who))
		}
	})
}
