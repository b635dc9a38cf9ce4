package control

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// fakeClock jumps instead of sleeping: SleepUntil moves time to the target
// plus a scripted wake-up latency; the bus's onRead adds a scripted compute
// cost. Nothing here depends on the machine's speed.
type fakeClock struct {
	t       time.Duration
	latency time.Duration
	targets []time.Duration
}

func (c *fakeClock) Now() time.Duration { return c.t }
func (c *fakeClock) SleepUntil(t time.Duration) {
	c.targets = append(c.targets, t)
	if t > c.t {
		c.t = t
	}
	c.t += c.latency
}

// costFK is a ForwardKinematics whose evaluation costs a scripted compute
// time on the fake clock: the loop's own work, as opposed to the bus's.
type costFK struct {
	clk  *fakeClock
	cost func(k int) time.Duration
	k    int
}

func (f *costFK) ToolPosition([]float64) [3]float64 {
	f.clk.t += f.cost(f.k)
	f.k++
	return [3]float64{}
}

// newRunnerRig scripts the cost of each cycle k: io is spent in the bus read
// (recorded as I/O time), compute in the loop's forward kinematics (recorded
// as compute time). Either may be nil for none.
func newRunnerRig(t *testing.T, io, compute func(k int) time.Duration) (*rig, *fakeClock, *Runner) {
	t.Helper()
	clk := &fakeClock{t: 5 * time.Second, latency: 30 * time.Microsecond, targets: make([]time.Duration, 0, 1024)}
	none := func(int) time.Duration { return 0 }
	if io == nil {
		io = none
	}
	if compute == nil {
		compute = none
	}
	r := newRig(t, 2, func(c *Config) { c.FK = &costFK{clk: clk, cost: compute} })
	k := 0
	r.bus.onRead = func(time.Duration) {
		clk.t += io(k)
		k++
	}
	run, err := NewRunner(r.loop, RunnerConfig{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	return r, clk, run
}

func TestRunnerDeadlinesAndTiming(t *testing.T) {
	r, clk, run := newRunnerRig(t, func(int) time.Duration { return 40 * time.Microsecond },
		func(int) time.Duration { return 100 * time.Microsecond })
	rep, err := run.Run(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Cycles != 100 || len(clk.targets) != 100 {
		t.Fatalf("cycles %d, sleeps %d", rep.Cycles, len(clk.targets))
	}
	t0 := 5*time.Second + testPeriod
	for k, d := range clk.targets {
		if want := t0 + time.Duration(k)*testPeriod; d != want {
			t.Fatalf("deadline %d = %v, want %v (drift)", k, d, want)
		}
	}
	s := r.snapshot()
	tm := &s.Timing
	if tm.Overruns != 0 || tm.Missed != 0 || tm.Cycles != 100 {
		t.Fatalf("overruns %d missed %d cycles %d", tm.Overruns, tm.Missed, tm.Cycles)
	}
	if tm.Wake.N != 100 || tm.Wake.Min != 30*time.Microsecond || tm.Wake.Max != 30*time.Microsecond {
		t.Fatalf("wake n %d min %v max %v", tm.Wake.N, tm.Wake.Min, tm.Wake.Max)
	}
	if tm.Compute.Min != 100*time.Microsecond || tm.Compute.Max != 100*time.Microsecond {
		t.Fatalf("compute min %v max %v, want 100µs (the bus's 40µs excluded)", tm.Compute.Min, tm.Compute.Max)
	}
	if tm.IO.N != 100 || tm.IO.Min != 40*time.Microsecond || tm.IO.Max != 40*time.Microsecond {
		t.Fatalf("io n %d min %v max %v, want 40µs", tm.IO.N, tm.IO.Min, tm.IO.Max)
	}
	if tm.Period.N != 99 || tm.Period.Min != testPeriod || tm.Period.Max != testPeriod {
		t.Fatalf("period n %d min %v max %v", tm.Period.N, tm.Period.Min, tm.Period.Max)
	}
	if !rep.GCOff || rep.RT.FIFO || rep.RT.CPU != -1 {
		t.Fatalf("report %+v", rep)
	}
}

// TestRunnerOverrun: cycle 10 takes 2.5 periods. Its end lies after the
// deadlines of cycles 11 and 12, so those are skipped and counted, and the
// runner continues on the original grid at cycle 13.
func TestRunnerOverrun(t *testing.T) {
	r, clk, run := newRunnerRig(t, nil, func(k int) time.Duration {
		if k == 10 {
			return 2500 * time.Microsecond
		}
		return 100 * time.Microsecond
	})
	if _, err := run.Run(context.Background(), 20); err != nil {
		t.Fatal(err)
	}
	t0 := 5*time.Second + testPeriod
	var want []time.Duration
	for k := 0; len(want) < 20; k++ {
		if k != 11 && k != 12 {
			want = append(want, t0+time.Duration(k)*testPeriod)
		}
	}
	for i := range want {
		if clk.targets[i] != want[i] {
			t.Fatalf("deadline %d = %v, want %v", i, clk.targets[i], want[i])
		}
	}
	tm := r.snapshot().Timing
	if tm.Overruns != 1 || tm.Missed != 2 {
		t.Fatalf("overruns %d missed %d, want 1 and 2", tm.Overruns, tm.Missed)
	}
	if tm.Compute.Max != 2500*time.Microsecond || tm.Period.Max != 3*testPeriod {
		t.Fatalf("compute max %v period max %v", tm.Compute.Max, tm.Period.Max)
	}
}

func TestRunnerStopsOnContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var run *Runner
	_, _, run = newRunnerRig(t, func(k int) time.Duration {
		if k == 49 {
			run.Stop()
		}
		return 0
	}, nil)
	rep, err := run.Run(ctx, 0)
	if err != nil || rep.Cycles != 50 {
		t.Fatalf("cycles %d err %v, want 50", rep.Cycles, err)
	}
	cancel()
	_, _, run = newRunnerRig(t, nil, nil)
	if rep, err := run.Run(ctx, 10); !errors.Is(err, context.Canceled) || rep.Cycles != 0 {
		t.Fatalf("cycles %d err %v on a cancelled context", rep.Cycles, err)
	}
}

func TestRunnerRates(t *testing.T) {
	for _, c := range []struct {
		hz float64
		ok bool
	}{{99, false}, {100, true}, {1000, true}, {4000, true}, {4001, false}, {0, false}} {
		p, err := PeriodForRate(c.hz)
		if (err == nil) != c.ok {
			t.Errorf("%g Hz: err %v", c.hz, err)
		}
		if err != nil && !errors.Is(err, ErrConfig) {
			t.Errorf("%g Hz: %v does not wrap ErrConfig", c.hz, err)
		}
		if c.ok && p != time.Duration(1e9/c.hz) {
			t.Errorf("%g Hz: period %v", c.hz, p)
		}
	}
	r := newRig(t, 1, func(c *Config) { c.Period = 20 * time.Millisecond })
	if _, err := NewRunner(r.loop, RunnerConfig{}); err == nil {
		t.Error("50 Hz loop accepted")
	}
	r = newRig(t, 1, nil)
	if _, err := NewRunner(r.loop, RunnerConfig{Priority: 120}); err == nil {
		t.Error("priority 120 accepted")
	}
	if _, err := NewRunner(r.loop, RunnerConfig{Pin: true, CPU: 4096}); err == nil {
		t.Error("CPU 4096 accepted")
	}
}

// TestRunnerExitSwitchesDrivesOff: however a run ends — its cycles done, a
// stop, its context cancelled, a panic in a cycle — the last thing written
// to the drives is the safe command (every drive off), and the supervisor
// says why: Disabled for a stop (loop stopped), Fault for a panic (loop
// panicked), which then goes on.
func TestRunnerExitSwitchesDrivesOff(t *testing.T) {
	for _, tc := range []struct {
		name  string
		end   func(r *rig, run *Runner) (panicked any)
		state State
		why   Reason
	}{
		{"cycles done", func(r *rig, run *Runner) any {
			if _, err := run.Run(context.Background(), 50); err != nil {
				t.Fatal(err)
			}
			return nil
		}, Disabled, ReasonLoopStopped},
		{"stopped", func(r *rig, run *Runner) any {
			r.bus.onRead = func(time.Duration) {
				if r.bus.writes >= 40 {
					run.Stop()
				}
			}
			if _, err := run.Run(context.Background(), 0); err != nil {
				t.Fatal(err)
			}
			return nil
		}, Disabled, ReasonLoopStopped},
		{"cancelled", func(r *rig, run *Runner) any {
			ctx, cancel := context.WithCancel(context.Background())
			r.bus.onRead = func(time.Duration) {
				if r.bus.writes >= 40 {
					cancel()
				}
			}
			_, _ = run.Run(ctx, 0)
			return nil
		}, Disabled, ReasonLoopStopped},
		{"panic in a cycle", func(r *rig, run *Runner) (p any) {
			r.bus.onRead = func(time.Duration) {
				if r.bus.writes == 40 {
					panic("cycle 40")
				}
			}
			defer func() { p = recover() }()
			_, _ = run.Run(context.Background(), 0)
			return nil
		}, Fault, ReasonLoopPanicked},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, 2, nil)
			run, err := NewRunner(r.loop, RunnerConfig{Clock: &fakeClock{t: time.Second, targets: make([]time.Duration, 0, 1024)}})
			if err != nil {
				t.Fatal(err)
			}
			r.post()
			r.sup.Enable()
			p := tc.end(r, run)
			if (p != nil) != (tc.state == Fault) {
				t.Fatalf("panic %v", p)
			}
			s := r.snapshot()
			if s.State != tc.state || s.Reason != tc.why {
				t.Errorf("after the run: %v (%v), want %v (%v)", s.State, s.Reason, tc.state, tc.why)
			}
			if r.bus.writes < 40 {
				t.Fatalf("%d writes: the run never got going", r.bus.writes)
			}
			for i, c := range r.bus.sent {
				if c.Mode != drivers.ModeOff {
					t.Errorf("joint %d: last command %+v, want the drive off", i, c)
				}
			}
		})
	}
}
