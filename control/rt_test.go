//go:build linux && !race

// Not under the race detector: mlockall would try to lock its shadow memory.

package control

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"golang.org/x/sys/unix"
)

// TestRunnerRT asks for SCHED_FIFO and mlockall. Either it gets them, or it
// says why not and still runs every cycle: both are correct outcomes, what
// must never happen is a silent downgrade or a failed run.
func TestRunnerRT(t *testing.T) {
	r := newRig(t, 2, nil)
	clk := &fakeClock{t: time.Second, targets: make([]time.Duration, 0, 64)}
	run, err := NewRunner(r.loop, RunnerConfig{Clock: clk, RT: true, Priority: 10, Pin: true, CPU: 0})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := run.Run(context.Background(), 50)
	if err != nil || rep.Cycles != 50 {
		t.Fatalf("cycles %d err %v", rep.Cycles, err)
	}
	st := rep.RT
	if !st.LockedThread {
		t.Fatal("thread not locked")
	}
	if st.FIFO != (st.Priority == 10) {
		t.Fatalf("FIFO %v priority %d", st.FIFO, st.Priority)
	}
	joined := strings.Join(st.Messages, "\n")
	if !st.FIFO && !strings.Contains(joined, "SCHED_FIFO priority 10 not permitted") {
		t.Fatalf("no FIFO and no message: %q", joined)
	}
	if !st.Mlocked && !strings.Contains(joined, "mlockall") {
		t.Fatalf("no mlockall and no message: %q", joined)
	}
	if st.CPU != 0 && !strings.Contains(joined, "pinning to CPU 0") {
		t.Fatalf("not pinned and no message: %q", joined)
	}
	if rep.GCCycles != 0 || !rep.GCOff {
		t.Fatalf("gc cycles %d off %v", rep.GCCycles, rep.GCOff)
	}
	t.Logf("RT status: %+v", st)
}

// TestRunnerRestoresThread: after Run the locked thread is back to
// SCHED_OTHER on all its CPUs before it is unlocked.
func TestRunnerRestoresThread(t *testing.T) {
	r := newRig(t, 1, nil)
	run, err := NewRunner(r.loop, RunnerConfig{Clock: &fakeClock{}, RT: true, Pin: true, CPU: 0})
	if err != nil {
		t.Fatal(err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var before unix.CPUSet
	if err := unix.SchedGetaffinity(0, &before); err != nil {
		t.Fatal(err)
	}
	if _, err := run.Run(context.Background(), 5); err != nil {
		t.Fatal(err)
	}
	var after unix.CPUSet
	if err := unix.SchedGetaffinity(0, &after); err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Fatalf("affinity %v after run, was %v", after, before)
	}
	attr, err := unix.SchedGetAttr(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if attr.Policy != schedOther {
		t.Fatalf("policy %d after run", attr.Policy)
	}
}

// TestRunnerHoldsWakeLatency: a run on the system clock holds a 0 µs PM QoS
// request for its duration (or says why it cannot), and KeepIdleStates or a
// test clock leaves power management alone.
func TestRunnerHoldsWakeLatency(t *testing.T) {
	r := newRig(t, 1, func(c *Config) { c.Period = 10 * time.Millisecond })
	run, err := NewRunner(r.loop, RunnerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := run.Run(context.Background(), 3)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(rep.RT.Messages, "\n")
	if !rep.RT.PMQoS && !strings.Contains(joined, "PM QoS") {
		t.Fatalf("no PM QoS request and no message: %q", joined)
	}
	for _, cfg := range []RunnerConfig{{KeepIdleStates: true}, {Clock: &fakeClock{}}} {
		run, err := NewRunner(r.loop, cfg)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := run.Run(context.Background(), 3)
		if err != nil || rep.RT.PMQoS {
			t.Fatalf("%+v: PM QoS %v, err %v", cfg, rep.RT.PMQoS, err)
		}
	}
	t.Logf("PM QoS held: %v %q", rep.RT.PMQoS, joined)
}

// slackBus is stillBus recording the reading thread's timer slack.
type slackBus struct {
	stillBus
	slack *int
}

func (b slackBus) Read(now time.Duration, st []drivers.JointState) error {
	if v, err := unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0); err == nil {
		*b.slack = v
	}
	return b.stillBus.Read(now, st)
}

// TestRunnerSetsTimerSlack: on the system clock the loop's cycles run with
// a 1 ns timer slack and the thread gets its old slack back after the run;
// KeepTimerSlack leaves it alone.
func TestRunnerSetsTimerSlack(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const mine = 70000 // ns: not the default, so a reset to default shows
	old, err := unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0)
	if err != nil {
		t.Skipf("PR_GET_TIMERSLACK: %v", err)
	}
	if err := unix.Prctl(unix.PR_SET_TIMERSLACK, mine, 0, 0, 0); err != nil {
		t.Skipf("PR_SET_TIMERSLACK: %v", err)
	}
	defer unix.Prctl(unix.PR_SET_TIMERSLACK, uintptr(old), 0, 0, 0)
	for _, keep := range []bool{false, true} {
		seen := -1
		r := newRig(t, 1, func(c *Config) {
			c.Period = 5 * time.Millisecond
			c.Bus = slackBus{stillBus{1}, &seen}
		})
		run, err := NewRunner(r.loop, RunnerConfig{KeepTimerSlack: keep, KeepIdleStates: true})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := run.Run(context.Background(), 3)
		if err != nil {
			t.Fatal(err)
		}
		want, wantSt := 1, time.Nanosecond
		if keep {
			want, wantSt = mine, 0
		}
		if seen != want || rep.RT.TimerSlack != wantSt {
			t.Fatalf("KeepTimerSlack %v: slack %d ns in the cycle, reported %v; want %d, %v (%q)", keep, seen, rep.RT.TimerSlack, want, wantSt, rep.RT.Messages)
		}
		if after, _ := unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0); after != mine {
			t.Fatalf("KeepTimerSlack %v: slack %d ns after the run, was %d", keep, after, mine)
		}
	}
}
