package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

type commit struct {
	n   int
	err error
}

func batcherFixture(t *testing.T, dsn string) (*Store, *ManualClock, *Batcher, chan commit) {
	s := open(t, dsn, Options{})
	if err := s.CreatePatient(t.Context(), patient("P-1")); err != nil {
		t.Fatal(err)
	}
	newSession(t, s, "S-1", "exo-1")
	clock := NewManualClock(time.Unix(1e9, 0))
	commits := make(chan commit, 16)
	b := s.NewBatcher("S-1", BatcherOptions{Window: time.Second, Clock: clock,
		OnCommit: func(n int, err error) { commits <- commit{n, err} }})
	t.Cleanup(func() { b.Close(context.Background()) })
	return s, clock, b, commits
}

func stored(t *testing.T, s *Store) int64 {
	t.Helper()
	sess, err := s.GetSession(t.Context(), "S-1")
	if err != nil {
		t.Fatal(err)
	}
	return sess.Progress.Samples
}

func TestBatcherCommitsWhenOldestSampleIsAWindowOld(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		s, clock, b, commits := batcherFixture(t, dsn)
		for _, sm := range samples(10, 0, 0.01) { // 0.09 s of sample time
			if err := b.Add(sm); err != nil {
				t.Fatal(err)
			}
		}
		clock.Advance(999 * time.Millisecond)
		select {
		case c := <-commits:
			t.Fatalf("committed %d samples before the window passed", c.n)
		default:
		}
		if n := stored(t, s); n != 0 {
			t.Fatalf("%d samples stored early", n)
		}
		// The batcher may not have armed its timer yet; either way the
		// commit follows once the clock passes the window.
		clock.Advance(time.Millisecond)
		if c := <-commits; c.n != 10 || c.err != nil {
			t.Fatalf("commit %+v", c)
		}
		if n := stored(t, s); n != 10 {
			t.Fatalf("%d stored", n)
		}
	})
}

func TestBatcherCommitsASecondOfSampleTime(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		s, _, b, commits := batcherFixture(t, dsn)
		all := samples(250, 0, 0.01) // 2.5 s at 100 Hz; the clock never moves
		for _, sm := range all {
			b.Add(sm)
		}
		total := 0
		for total < 200 {
			c := <-commits
			if c.err != nil || c.n < 1 || c.n > 101 {
				t.Fatalf("commit %+v: want batches of at most 1 s (101 samples at 100 Hz)", c)
			}
			total += c.n
		}
		if err := b.Flush(t.Context()); err != nil { // a pause or stop
			t.Fatal(err)
		}
		if n := stored(t, s); n != 250 {
			t.Fatalf("%d stored after flush", n)
		}
		got, _ := s.Samples(t.Context(), "S-1")
		for i := range got {
			if got[i].T != all[i].T {
				t.Fatalf("sample %d out of order: %g", i, got[i].T)
			}
		}
	})
}

func TestBatcherCloseFlushes(t *testing.T) {
	s, _, b, _ := batcherFixture(t, filepath.Join(t.TempDir(), "r.db"))
	b.Add(samples(1, 0, 0)[0])
	if err := b.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := b.Add(samples(1, 0, 0)[0]); err != ErrClosed {
		t.Fatalf("add after close: %v", err)
	}
	if n := stored(t, s); n != 1 {
		t.Fatalf("%d stored", n)
	}
}

func TestBatcherRetriesAFailedCommit(t *testing.T) {
	s, clock, b, commits := batcherFixture(t, filepath.Join(t.TempDir(), "r.db"))
	bad := samples(1, 0, 0)[0]
	bad.Q = bad.Q[:1] // wrong joint count: AppendSamples refuses the batch
	b.Add(bad)
	if err := b.Flush(t.Context()); err == nil {
		t.Fatal("bad batch committed")
	}
	<-commits
	if err := b.Add(samples(1, 0.5, 0)[0]); err == nil {
		t.Fatal("Add hides the failed commit")
	}
	clock.Advance(time.Second)
	if c := <-commits; c.err == nil || c.n != 2 {
		t.Fatalf("retry %+v", c)
	}
	if n := stored(t, s); n != 0 {
		t.Fatalf("%d stored from a failing batch", n)
	}
}

// The kill -9 test re-executes the test binary as a writer (see TestMain):
// it records samples at killRate through a Batcher on the wall clock until
// it is killed with SIGKILL.
const killHelperEnv = "CHIRON_STORE_KILL_HELPER"

// killRate (Hz) is a typical rehab recording rate. (The store sustains
// ~50 000 samples/s on SQLite, but under the race detector the pure-Go
// SQLite is ~15× slower and 1 kHz would measure the instrumentation.)
const killRate = 250

func TestMain(m *testing.M) {
	if dsn := os.Getenv(killHelperEnv); dsn != "" {
		if err := killHelper(dsn); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func killHelper(dsn string) error {
	ctx := context.Background()
	s, err := Open(ctx, dsn, Options{})
	if err != nil {
		return err
	}
	if err := s.CreatePatient(ctx, patient("P-1")); err != nil {
		return err
	}
	sess := rehab.Session{ID: "S-kill", PatientID: "P-1", Robot: "exo-1", Protocol: protocol()}
	if err := s.CreateSession(ctx, &sess); err != nil {
		return err
	}
	if _, err := s.Transition(ctx, "S-kill", rehab.StatusRunning); err != nil {
		return err
	}
	b := s.NewBatcher("S-kill", BatcherOptions{OnCommit: func(n int, err error) {
		if err != nil {
			fmt.Fprintln(os.Stderr, "commit:", err)
		}
	}})
	start := time.Now()
	fmt.Printf("start %d\n", start.UnixNano())
	tick := time.NewTicker(time.Millisecond)
	for k := 0; ; {
		<-tick.C
		k0 := k
		for el := time.Since(start).Seconds(); float64(k)/killRate <= el; k++ {
			tt := float64(k) / killRate
			if err := b.Add(rehab.Sample{T: tt, Q: []float64{tt, -tt}, QD: []float64{1, -1}, Tau: []float64{0.1, 0.2},
				Assistance: 0.5, Exercise: 0, Repetition: k / killRate}); err != nil {
				return err
			}
		}
		if k > k0 {
			// What the store has been given: the loss is measured
			// against this, not against the wall clock, so a writer
			// starved of CPU on a loaded machine is not counted as loss.
			fmt.Printf("added %d\n", k)
		}
	}
}

func TestKill9LosesAtMostTheLastSecond(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a writer process")
	}
	backends(t, func(t *testing.T, dsn string) {
		if !strings.HasPrefix(dsn, "postgres") {
			dsn = filepath.Join(t.TempDir(), "kill.db")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), killHelperEnv+"="+dsn)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		rd := bufio.NewReader(out)
		line, err := rd.ReadString('\n')
		if err != nil {
			cmd.Process.Kill()
			t.Fatalf("helper: %v", err)
		}
		if !strings.HasPrefix(line, "start ") {
			t.Fatalf("helper said %q", line)
		}
		// The writer reports how many samples it has handed to the store;
		// read them all (the pipe must not fill) and keep the last.
		added := make(chan int, 1)
		go func() {
			n := 0
			for {
				l, err := rd.ReadString('\n')
				if k, perr := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(l, "added "))); perr == nil {
					n = k
				}
				if err != nil {
					added <- n
					return
				}
			}
		}()
		// Let the writer record a few seconds; the kill lands at a random
		// phase of the batch cycle.
		<-time.After(2*time.Second + rand.N(DefaultBatchWindow))
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		n := <-added
		if n == 0 {
			t.Fatal("the writer reported no samples before the kill")
		}
		producedUpTo := float64(n-1) / killRate // the last sample given to the store

		s := open(t, dsn, Options{})
		ctx := t.Context()
		if v, err := s.IntegrityCheck(ctx); err != nil || v != "ok" {
			t.Fatalf("integrity check %q, %v", v, err)
		}
		ids, err := s.MarkInterrupted(ctx, "")
		if err != nil || len(ids) != 1 || ids[0] != "S-kill" {
			t.Fatalf("interrupted %v, %v", ids, err)
		}
		sess, _ := s.GetSession(ctx, "S-kill")
		got, err := s.Samples(ctx, "S-kill")
		if err != nil || sess.Status != rehab.StatusInterrupted || int64(len(got)) != sess.Progress.Samples || len(got) == 0 {
			t.Fatalf("status %s, progress %d, %d samples, %v", sess.Status, sess.Progress.Samples, len(got), err)
		}
		for i, sm := range got {
			if sm.T != float64(i)/killRate || sm.Q[1] != -sm.T {
				t.Fatalf("sample %d corrupt or missing: %+v", i, sm)
			}
		}
		last := got[len(got)-1].T
		loss := producedUpTo - last
		t.Logf("killed after handing the store samples up to t=%.3f s; %d survive, up to t=%.3f s: lost %.3f s", producedUpTo, len(got), last, loss)
		if loss > 1.0 {
			t.Fatalf("lost %.3f s of samples, budget 1 s", loss)
		}
	})
}
