package chiron

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"runtime"
	"time"

	"github.com/chiron-robotics/chiron/control"
)

func init() {
	register(command{
		name:    "bench",
		summary: "benchmarks: loop (the real-time runner against a simulated plant)",
		run:     runBench,
	})
}

const benchUsage = `usage: chiron bench loop [--rate HZ] [--duration D] [--rt] [--priority N] [--cpu N] [--joints N]
                        [--spin D] [--gosleep] [--keep-gc] [--model FILE --controller NAME]
                        [--histogram FILE]

Runs the real-time Runner with the joint PD controller on an integrator plant
for D and prints one line:
  rate_hz= cycles= wake_p50_us= wake_p99_us= wake_p999_us= wake_max_us=
  compute_p50_us= compute_p99_us= overruns= allocs_per_cycle= gc_cycles= io_p50_us= io_p99_us=
Wake-up latency is actual wake − deadline (as cyclictest reports it). With --rt
the loop thread runs SCHED_FIFO at --priority with mlockall; when that is not
permitted a message goes to stderr and the run continues without. Compute
time is the loop's own work (supervisor, controller, gating, publication);
io is the bus read and write (with a simulated plant: its physics).
--histogram writes the wake-up latency histogram to FILE, one line per
non-empty bucket: its upper edge in µs and its count, so runs can be pooled
(scripts/cyclictest-compare.sh pools them against cyclictest's -h output).`

// benchKeys are the keys of the report line, in order.
var benchKeys = []string{"rate_hz", "cycles", "wake_p50_us", "wake_p99_us", "wake_p999_us", "wake_max_us",
	"compute_p50_us", "compute_p99_us", "overruns", "allocs_per_cycle", "gc_cycles", "io_p50_us", "io_p99_us"}

func runBench(args []string, _ io.Reader, out, errw io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(out, benchUsage)
		if len(args) == 0 {
			return usagef("missing benchmark (want loop)")
		}
		return nil
	}
	if args[0] != "loop" {
		return usagef("unknown benchmark %q (want loop)", args[0])
	}
	fs := flag.NewFlagSet("bench loop", flag.ContinueOnError)
	fs.SetOutput(errw)
	rate := fs.Float64("rate", 1000, "loop rate in Hz (100–4000)")
	duration := fs.Duration("duration", 10*time.Second, "how long to run")
	rt := fs.Bool("rt", false, "SCHED_FIFO + mlockall when permitted")
	prio := fs.Int("priority", 80, "SCHED_FIFO priority with --rt (1–99)")
	cpu := fs.Int("cpu", -1, "pin the loop thread to this CPU (-1: do not pin)")
	joints := fs.Int("joints", 6, "joints of the simulated plant")
	spin := fs.Duration("spin", 0, "sleep until deadline − spin, then busy-wait (0: clock_nanosleep only)")
	keepGC := fs.Bool("keep-gc", false, "leave the garbage collector on during the run (default: off, with a memory-limit backstop)")
	gosleep := fs.Bool("gosleep", false, "sleep with time.Sleep instead of clock_nanosleep (for comparison)")
	model := fs.String("model", "", "robot model (URDF or DH JSON) simulated by firmware-sim's plant (bench_model.go)")
	ctrl := fs.String("controller", "", "controller: joint-pd, or with --model cartesian-impedance, admittance, transparent")
	histFile := fs.String("histogram", "", "write the wake-up latency histogram to this file (upper edge µs, count per line)")
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	period, err := control.PeriodForRate(*rate)
	if err != nil {
		return usageError{err}
	}
	if *duration < period || *duration > 24*time.Hour {
		return usagef("--duration %v: want one period (%v) to 24h", *duration, period)
	}
	if *joints < 1 || *joints > 64 {
		return usagef("--joints %d: want 1–64", *joints)
	}
	if *prio < 1 || *prio > 99 {
		return usagef("--priority %d: want 1–99", *prio)
	}
	if *cpu < -1 || *cpu >= runtime.NumCPU() {
		return usagef("--cpu %d: want -1 or 0–%d", *cpu, runtime.NumCPU()-1)
	}

	var hist *os.File
	if *histFile != "" {
		// Opened before the run, so a bad path fails now, not after it.
		if hist, err = os.Create(*histFile); err != nil {
			return fmt.Errorf("bench loop: histogram: %w", err)
		}
		defer hist.Close()
	}
	loop, post, err := benchSetup(*model, *ctrl, *joints, period)
	if err != nil {
		return err
	}
	if *spin < 0 || *spin >= period {
		return usagef("--spin %v: want 0 to less than one period (%v)", *spin, period)
	}
	clk := control.NewMonotonicClock()
	clk.Spin = *spin
	var clock control.Clock = clk
	if *gosleep {
		clock = goSleepClock{clk}
	}
	runner, err := control.NewRunner(loop, control.RunnerConfig{Clock: clock, RT: *rt, Priority: *prio, Pin: *cpu >= 0, CPU: *cpu, KeepGC: *keepGC})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// The operator side: a 100 Hz writer moving every joint on a slow sine,
	// so the loop runs its full path (new setpoints, tracking) while timed.
	writerDone := make(chan struct{})
	go post(ctx, loop, writerDone)
	loop.Supervisor().Enable()

	cycles := uint64(*duration / period)
	rep, err := runner.Run(ctx, cycles)
	stop()
	<-writerDone
	if err != nil {
		return fmt.Errorf("bench loop: %w", err)
	}
	for _, m := range rep.RT.Messages {
		fmt.Fprintf(errw, "chiron bench: %s\n", m)
	}

	s := loop.NewSnapshot()
	loop.Snapshot(s)
	if !enabledToTheEnd(s) {
		ev := s.Events(nil)
		for _, e := range ev {
			fmt.Fprintf(errw, "chiron bench: %v\n", e)
		}
		return fmt.Errorf("bench loop: supervisor ended in %s (%s)", s.State, s.Reason)
	}
	tm := &s.Timing
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	allocs := 0.0
	if rep.Cycles > 0 {
		// Process-wide, so it includes the setpoint writer; runtime.ReadMemStats
		// is read by Run just before the first and after the last cycle.
		allocs = float64(rep.Mallocs) / float64(rep.Cycles)
	}
	fmt.Fprintf(out, "rate_hz=%g cycles=%d wake_p50_us=%.1f wake_p99_us=%.1f wake_p999_us=%.1f wake_max_us=%.1f compute_p50_us=%.2f compute_p99_us=%.2f overruns=%d allocs_per_cycle=%.4f gc_cycles=%d io_p50_us=%.2f io_p99_us=%.2f\n",
		*rate, rep.Cycles, us(tm.Wake.Quantile(0.5)), us(tm.Wake.Quantile(0.99)), us(tm.Wake.Quantile(0.999)), us(tm.Wake.Max),
		us(tm.Compute.Quantile(0.5)), us(tm.Compute.Quantile(0.99)), tm.Overruns, allocs, rep.GCCycles,
		us(tm.IO.Quantile(0.5)), us(tm.IO.Quantile(0.99)))
	if hist != nil {
		if err := writeHistogram(hist, &tm.Wake); err != nil {
			return fmt.Errorf("bench loop: %w", err)
		}
	}
	return nil
}

// writeHistogram writes h's non-empty buckets to f as "upper_us count"
// lines and closes f.
func writeHistogram(f *os.File, h *control.Histogram) error {
	var b []byte
	b = append(b, "# wake-up latency: bucket upper edge (µs) and count\n"...)
	for i, c := range h.Counts {
		if c > 0 {
			b = fmt.Appendf(b, "%.3f %d\n", float64(control.BucketUpper(i))/float64(time.Microsecond), c)
		}
	}
	if _, err := f.Write(b); err != nil {
		return fmt.Errorf("histogram: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("histogram: %w", err)
	}
	return nil
}

// postSine posts q_i(t) = 0.2·sin(2π·0.5·t + i) at 100 Hz until ctx is done.
func postSine(ctx context.Context, l *control.Loop, done chan<- struct{}) {
	defer close(done)
	sp := control.NewSetpoint(l.Joints())
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	start := time.Now()
	for {
		t := time.Since(start).Seconds()
		w := 2 * math.Pi * 0.5
		for i := range sp.Q {
			sp.Q[i] = 0.2 * math.Sin(w*t+float64(i))
			sp.Qd[i] = 0.2 * w * math.Cos(w*t+float64(i))
		}
		sp.Deadman = true
		if _, err := l.Setpoints().Post(sp); err != nil {
			return // sizes come from the loop itself: cannot happen
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// goSleepClock sleeps with time.Sleep (Go timers), to compare with
// clock_nanosleep.
type goSleepClock struct{ *control.MonotonicClock }

func (c goSleepClock) SleepUntil(t time.Duration) {
	if d := t - c.Now(); d > 0 {
		time.Sleep(d)
	}
}

// enabledToTheEnd reports whether the loop of s ran Enabled until its
// runner stopped: its only way out of Enabled is the runner's own halt
// (Disabled, loop stopped), and nothing stopped it before.
func enabledToTheEnd(s *control.Snapshot) bool {
	if s.State != control.Disabled || s.Reason != control.ReasonLoopStopped {
		return false
	}
	for _, e := range s.Events(nil) {
		if e.From == control.Enabled && e.To != control.Enabled && e.Reason != control.ReasonLoopStopped {
			return false
		}
	}
	return true
}
