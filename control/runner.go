package control

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// Clock is the runner's time source. Now is the time since the clock's
// epoch; SleepUntil returns at or after t (immediately if t has passed).
// Tests use a clock that jumps instead of sleeping.
type Clock interface {
	Now() time.Duration
	SleepUntil(t time.Duration)
}

// Rates the Runner accepts. Below 100 Hz a joint loop is too slow to be
// stiff; above 4 kHz the period (250 µs) approaches the wake-up latency of a
// non-PREEMPT_RT kernel, so most of the cycle would be jitter.
const (
	MinRate = 100.0
	MaxRate = 4000.0
)

// PeriodForRate returns the period of rate Hz, rounded to the nanosecond,
// or an error when the rate is outside [MinRate, MaxRate].
func PeriodForRate(hz float64) (time.Duration, error) {
	if !(hz >= MinRate && hz <= MaxRate) {
		return 0, fmt.Errorf("rate %g Hz outside [%g, %g] Hz: %w", hz, MinRate, MaxRate, ErrConfig)
	}
	return time.Duration(math.Round(1e9 / hz)), nil
}

// RunnerConfig configures a Runner.
type RunnerConfig struct {
	// Clock defaults to the system monotonic clock (NewMonotonicClock).
	Clock Clock
	// RT asks for real-time scheduling: SCHED_FIFO at Priority and
	// mlockall(MCL_CURRENT|MCL_FUTURE), so neither CFS time-sharing nor page
	// faults delay a wake-up. When the system refuses, Run says why in
	// RunReport.RT.Messages and carries on without.
	RT bool
	// Priority is the SCHED_FIFO priority, 1–99; 0 means 80, as in the usual
	// cyclictest -p80 runs. On PREEMPT_RT kernels threaded IRQ handlers run
	// at 50, so 80 preempts them: lower it if the loop waits on an IRQ thread
	// (CAN, USB serial) for its data.
	Priority int
	// Pin pins the loop's thread to CPU (isolate that CPU with
	// isolcpus/nohz_full for best results); the previous affinity is
	// restored when Run returns.
	Pin bool
	CPU int
	// KeepGC leaves the garbage collector on. By default Run turns it off
	// (debug.SetGCPercent(-1)) because the loop allocates nothing, with a
	// memory limit of the current heap + GCHeadroom as a backstop so that a
	// leak elsewhere in the process still triggers collection rather than
	// exhausting memory. Both are restored when Run returns.
	KeepGC     bool
	GCHeadroom uint64 // bytes; 0 means 256 MiB
	// KeepIdleStates leaves the CPUs' power management alone. By default a
	// run on the system clock holds a PM QoS request for 0 µs CPU wake-up
	// latency (/dev/cpu_dma_latency, Linux's pm_qos interface), as
	// cyclictest does for its whole run: waking a CPU from a deep idle
	// state costs tens to hundreds of µs, which a 1 kHz loop that sleeps
	// most of each period would otherwise pay on every wake-up. The cost
	// is power: idle CPUs stay in shallow states while the loop runs.
	KeepIdleStates bool
	// KeepTimerSlack leaves the loop thread's timer slack alone. By default
	// a run on the system clock sets it to 1 ns for its duration: Linux
	// lets a SCHED_OTHER thread's sleep end up to 50 µs late by default
	// (prctl PR_SET_TIMERSLACK) to batch wake-ups, which a control loop
	// without SCHED_FIFO would add to every cycle's wake-up latency.
	KeepTimerSlack bool
}

// RTStatus reports what real-time settings the runner obtained.
type RTStatus struct {
	LockedThread bool
	// PMQoS: the run held a 0 µs CPU wake-up latency request.
	PMQoS bool
	// TimerSlack is the loop thread's timer slack during the run (1 ns when
	// the runner set it; 0 when it left the kernel's default).
	TimerSlack time.Duration
	FIFO       bool
	Priority   int
	Mlocked    bool
	CPU        int // -1 when not pinned
	Messages   []string
}

// RunReport summarises a Run.
type RunReport struct {
	RT       RTStatus
	Cycles   uint64
	GCCycles uint32 // garbage collections during the run
	GCOff    bool
	// Mallocs counts heap allocations during the cycles, process-wide
	// (runtime.MemStats.Mallocs after − before): the loop itself makes
	// none, so anything here comes from other goroutines.
	Mallocs uint64
}

// Runner calls a Loop's StepTimed at absolute deadlines t0 + k·period on a
// locked OS thread.
type Runner struct {
	loop   *Loop
	cfg    RunnerConfig
	period time.Duration
	stop   atomic.Bool
}

// NewRunner checks that the loop's period is a supported rate.
func NewRunner(l *Loop, cfg RunnerConfig) (*Runner, error) {
	hz := 1e9 / float64(l.Period())
	if _, err := PeriodForRate(hz); err != nil {
		return nil, fmt.Errorf("runner: %w", err)
	}
	if cfg.Clock == nil {
		cfg.Clock = NewMonotonicClock()
	}
	if cfg.Priority == 0 {
		cfg.Priority = 80
	}
	if cfg.Pin && (cfg.CPU < 0 || cfg.CPU >= runtime.NumCPU()) {
		return nil, fmt.Errorf("runner: CPU %d outside 0..%d: %w", cfg.CPU, runtime.NumCPU()-1, ErrConfig)
	}
	if cfg.Priority < 1 || cfg.Priority > 99 {
		return nil, fmt.Errorf("runner: SCHED_FIFO priority %d outside 1..99: %w", cfg.Priority, ErrConfig)
	}
	if cfg.GCHeadroom == 0 {
		cfg.GCHeadroom = 256 << 20
	}
	return &Runner{loop: l, cfg: cfg, period: l.Period()}, nil
}

// Stop makes Run return after the current cycle; a stopped Runner stays
// stopped. Safe for concurrent use.
func (r *Runner) Stop() { r.stop.Store(true) }

// Run runs cycles until ctx is done, Stop is called, or maxCycles cycles
// have run (0 = no limit). It blocks the calling goroutine, which it locks to
// its OS thread for the duration.
func (r *Runner) Run(ctx context.Context, maxCycles uint64) (RunReport, error) {
	var rep RunReport
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("runner: %w", err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	rep.RT.LockedThread = true
	rep.RT.CPU = -1
	if r.cfg.Pin {
		if undo, err := pinThread(r.cfg.CPU); err != nil {
			rep.RT.Messages = append(rep.RT.Messages, fmt.Sprintf("pinning to CPU %d failed: %v; the loop may migrate between CPUs", r.cfg.CPU, err))
		} else {
			rep.RT.CPU = r.cfg.CPU
			defer undo()
		}
	}
	if r.cfg.RT {
		undo := enterRT(r.cfg.Priority, &rep.RT)
		defer undo()
	}
	if _, sys := r.cfg.Clock.(*MonotonicClock); sys {
		if !r.cfg.KeepIdleStates {
			undo := holdWakeLatency(&rep.RT)
			defer undo()
		}
		if !r.cfg.KeepTimerSlack {
			undo := exactTimers(&rep.RT)
			defer undo()
		}
	}

	// A goroutine turns ctx into the stop flag, so the loop only ever reads
	// an atomic between cycles.
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			r.stop.Store(true)
		case <-done:
		}
	}()

	var ms runtime.MemStats
	if !r.cfg.KeepGC {
		// Start from a collected heap: the memory limit below is set from
		// it. Only then — a forced collection stops the world for its
		// phases and takes a core for its marking, and a process serving
		// several loops starts them one after another: the second loop's
		// collection stalled the first one's opening cycles.
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	gc0, m0 := ms.NumGC, ms.Mallocs
	if !r.cfg.KeepGC {
		oldPercent := debug.SetGCPercent(-1)
		oldLimit := debug.SetMemoryLimit(int64(ms.HeapAlloc + r.cfg.GCHeadroom))
		rep.GCOff = true
		defer func() {
			debug.SetGCPercent(oldPercent)
			debug.SetMemoryLimit(oldLimit)
		}()
	}

	// Every way out of the cycles — stopped, cancelled, their count done,
	// or a panic in one — switches the drives off through the supervisor
	// (Loop.halt), deferred last so it runs first: still on the loop's
	// thread, at its priority, before anything is restored.
	defer func() {
		p := recover()
		r.loop.halt(r.cfg.Clock.Now(), p != nil)
		if p != nil {
			panic(p)
		}
	}()
	rep.Cycles = r.cycle(maxCycles)

	runtime.ReadMemStats(&ms)
	rep.GCCycles, rep.Mallocs = ms.NumGC-gc0, ms.Mallocs-m0
	return rep, nil
}

// cycle is the timed loop. Deadlines are absolute, t0 + k·period, so the
// rate does not drift however late a wake-up is; see Timing for the overrun
// policy.
func (r *Runner) cycle(maxCycles uint64) uint64 {
	clk, p := r.cfg.Clock, r.period
	t0 := clk.Now() + p
	var k, n uint64
	for !r.stop.Load() && (maxCycles == 0 || n < maxCycles) {
		deadline := t0 + time.Duration(k)*p
		clk.SleepUntil(deadline)
		r.loop.StepTimed(deadline, clk.Now(), clk)
		n++
		k++
		if end := clk.Now(); end > t0+time.Duration(k)*p {
			next := uint64((end-t0)/p) + 1 // first deadline after end
			r.loop.timing.RecordOverrun(next - k)
			k = next
		}
	}
	return n
}
