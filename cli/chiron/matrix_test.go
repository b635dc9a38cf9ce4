package chiron

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
	"github.com/chiron-robotics/chiron/teleop"
)

// TestEveryModelOnEveryProtocol is the user's flow on every robot model
// chiron has (the shared reference robots with inertials, chiron's PSM and
// both exoskeletons) × every simulated drive protocol, each served as
// `chiron serve --model M --sim P --enable-on-start` serves it (newStack:
// robot.Open, robotloop, the teleop server), driven end to end through
// websocket clients:
//
//   - idle, the arm holds still: tool drift < 0.5 mm over 1 s;
//   - an operator who takes control and holds the deadman, commanding
//     20 mm/s at the console's default motion scale (0.2: 4 mm/s at the
//     tool) for 1.5 s, moves the tool ≥ 2 mm;
//   - with the deadman released the arm holds: drift < 0.5 mm over 1 s;
//   - a viewer's commands move nothing: drift < 0.5 mm while it publishes.
//
// A combination that cannot work is refused at start-up naming the joint:
// the shared double pendulum is a passive model (limits 0…0), which the
// test asserts. Like the
// demo test it judges soft real time, so `make test` runs it on its own
// after the suite (CHIRON_MAKE_RUN_TEST=1).
func TestEveryModelOnEveryProtocol(t *testing.T) {
	if os.Getenv("CHIRON_MAKE_RUN_TEST") == "" {
		t.Skip("serves 21 robots in real time on an otherwise idle machine: make test runs it on its own (CHIRON_MAKE_RUN_TEST=1)")
	}
	root := refdata.Require(t)
	models := []struct{ name, path string }{
		{"panda", filepath.Join(root, "panda", "panda.urdf")},
		{"ur5", filepath.Join(root, "ur5", "ur5.urdf")},
		{"iiwa", filepath.Join(root, "iiwa", "iiwa.urdf")},
		{"double_pendulum", filepath.Join(root, "double_pendulum", "double_pendulum.urdf")},
		{"psm", filepath.Join("..", "..", "robots", "psm.json")},
		{"upper_limb_exo", filepath.Join("..", "..", "robots", "upper_limb_exo.urdf")},
		{"lower_limb_exo", filepath.Join("..", "..", "robots", "lower_limb_exo.urdf")},
	}
	for _, m := range models {
		for _, proto := range []string{robot.ProtocolDynamixel, robot.ProtocolCANopen, robot.ProtocolCubeMars} {
			t.Run(m.name+"/"+proto, func(t *testing.T) { userFlowOnQuietHost(t, m.path, proto, false) })
		}
	}
	// The demo's arm as `chiron demo` runs it, on each drive protocol
	// --psm-protocol offers: at the rate its real bus carries (250 Hz on
	// CANopen).
	for _, proto := range []string{robot.ProtocolDynamixel, robot.ProtocolCANopen, robot.ProtocolCubeMars} {
		t.Run("demo_psm_at_hardware_rate/"+proto, func(t *testing.T) {
			userFlowOnQuietHost(t, filepath.Join("..", "..", "robots", "psm.json"), proto, true)
		})
	}
}

const driftBound = 0.5e-3 // m

// knownBroken are the combinations that do not yet pass, each with what
// fails; none today (the Panda on CANopen, the last one, ran away from its
// mid-range pose, where its first and third axes are collinear: ReadyPose
// passes such poses over).
var knownBroken = map[string]string{}

func userFlow(t testing.TB, model, proto string, hardwareRate bool) {
	tokens, gen, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	st, err := newStack([]robotSpec{{Name: "r", Model: model, Protocol: proto, Seed: 1, HardwareRate: hardwareRate}},
		stackOptions{Addr: "127.0.0.1:0", Tokens: tokens, EnableOnStart: true})
	// Known defects, open on issue 12: the test would fail on these.
	if why, known := knownBroken[filepath.Base(model)+"/"+proto]; known {
		t.Skip(why)
	}
	if strings.Contains(model, "double_pendulum") {
		if err == nil || !strings.Contains(err.Error(), "no range of motion") {
			t.Fatalf("a passive model was served: %v", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("refused at start-up: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := serveStack(t, st, ctx, cancel)
	l := st.rigs[0].Loop()
	logf(t, "loop at %.0f Hz", 1/st.rigs[0].Period().Seconds())
	snap := l.NewSnapshot()
	state := func() string {
		l.Snapshot(snap)
		ev := []string{}
		for _, e := range snap.Events(nil) {
			ev = append(ev, e.String())
		}
		return fmt.Sprintf("%s (%s) [%s]", snap.State, snap.Reason, strings.Join(ev, "; "))
	}
	if !waitFor(10*time.Second, func() bool { l.Snapshot(snap); return snap.State == control.Enabled }) {
		t.Fatalf("not enabled: %s", state())
	}
	cycles := func(d time.Duration) uint64 { return uint64(d / st.rigs[0].Period()) }
	stillFor(st, cycles(1500*time.Millisecond)) // settle after enabling
	if d := stillFor(st, cycles(time.Second)); logf(t, "idle drift %.3f mm", d*1e3) || d > driftBound {
		t.Errorf("idle: tool drifted %.2f mm over 1 s; %s", d*1e3, state())
	}

	op := dialConsole(t, addr, gen[teleop.RoleOperator])
	advertise(t, op)
	if err := op.publish(2, map[string]any{"action": "take"}); err != nil {
		t.Fatal(err)
	}
	// The easiest direction from where the arm stands: of ±x, ±y, ±z in the
	// base frame, the one needing the least joint speed (minimum-norm
	// q̇ = Jvᵀ(Jv·Jvᵀ)⁻¹·d, each joint scaled by its velocity limit), so no
	// combination is judged on a move towards a singularity or a limit. The
	// PSM moves along its shaft.
	p0 := robotState(st).ToolPosition
	dir, frame := easiestDirection(t, st), "base"
	if strings.HasSuffix(model, "psm.json") {
		dir, frame = [3]float64{0, 0, 1}, "tool"
	}
	const speed = 0.02 // m/s at the master; the tool moves at speed × scale
	seq := 0
	deadline := time.Now().Add(1500 * time.Millisecond)
	for tick := time.NewTicker(10 * time.Millisecond); time.Now().Before(deadline); <-tick.C {
		seq++
		if err := op.publish(1, map[string]any{"seq": seq, "deadman": true, "frame": frame,
			"linear": []float64{speed * dir[0], speed * dir[1], speed * dir[2]}}); err != nil {
			t.Fatal(err)
		}
	}
	if d := dist(robotState(st).ToolPosition, p0); logf(t, "operator moved %.2f mm", d*1e3) || d < 2e-3 {
		statuses := op.statusTail(2)
		t.Errorf("operator with the deadman moved the tool %.2f mm in 1.5 s at %g m/s, want ≥ 2 mm; %s; statuses %q", d*1e3, speed, state(), statuses)
	}
	// The deadman released, the console goes on sending (at 100 Hz, as it
	// does): an operator who holds control and goes silent for 1 s gets a
	// protective stop, by design.
	stop := make(chan struct{})
	sent := make(chan int)
	go func(seq int) {
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			seq++
			_ = op.publish(1, map[string]any{"seq": seq, "deadman": false})
			select {
			case <-stop:
				sent <- seq
				return
			case <-tick.C:
			}
		}
	}(seq)
	stillFor(st, cycles(time.Second)) // the arm comes to rest
	if d := stillFor(st, cycles(time.Second)); logf(t, "released drift %.3f mm", d*1e3) || d > driftBound {
		t.Errorf("deadman released: tool drifted %.2f mm over 1 s; %s", d*1e3, state())
	}
	close(stop)
	seq = <-sent
	// An operator who leaves gives control back.
	if err := op.publish(2, map[string]any{"action": "release"}); err != nil {
		t.Fatal(err)
	}

	viewer := dialConsole(t, addr, gen[teleop.RoleViewer])
	advertise(t, viewer)
	pv := robotState(st).ToolPosition
	moved := 0.0
	for k := range 50 {
		_ = viewer.publish(1, map[string]any{"seq": k + 1, "deadman": true, "frame": "base", "linear": []float64{0.05, 0, 0}})
		_ = viewer.publish(2, map[string]any{"action": "take"})
		moved = math.Max(moved, dist(robotState(st).ToolPosition, pv))
		time.Sleep(10 * time.Millisecond)
	}
	if moved = math.Max(moved, stillFor(st, cycles(200*time.Millisecond))); logf(t, "viewer moved %.3f mm", moved*1e3) || moved > driftBound {
		t.Errorf("a viewer's commands moved the tool %.2f mm", moved*1e3)
	}
	if l.Snapshot(snap); snap.State != control.Enabled {
		t.Errorf("ended %s", state())
		hostStall(t, snap, st.rigs[0].Period())
	}
}

// advertise announces the operator's command and control channels.
func advertise(t testing.TB, cc *consoleClient) {
	t.Helper()
	if err := cc.writeJSON(map[string]any{"op": "advertise", "channels": []map[string]any{
		{"id": 1, "topic": "/teleop/command", "encoding": "json", "schemaName": "chiron.TeleopCommand"},
		{"id": 2, "topic": "/teleop/control", "encoding": "json", "schemaName": "chiron.TeleopControl"},
	}}); err != nil {
		t.Fatal(err)
	}
}

// statusTail returns the last n server status messages in full.
func (cc *consoleClient) statusTail(n int) []string {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return append([]string(nil), cc.statuses[max(0, len(cc.statuses)-n):]...)
}

// easiestDirection returns the base-frame axis direction (±x, ±y, ±z) the
// tool moves along with the least joint speed from the arm's present pose.
func easiestDirection(t testing.TB, st *stack) [3]float64 {
	t.Helper()
	r := st.rigs[0]
	c := r.Chain()
	n := c.DoF()
	snap := r.Loop().NewSnapshot()
	r.Loop().Snapshot(snap)
	q := make([]float64, n)
	for i := range q {
		q[i] = snap.Joints[i].Position
	}
	w := kinematics.NewWorkspace(c)
	jac := mat.NewDense(6, n, nil)
	w.Jacobian(jac, q)
	jv := mat.DenseCopyOf(jac.Slice(0, 3, 0, n))
	for i, l := range r.Limits() {
		if l.Velocity > 0 {
			for a := range 3 {
				jv.Set(a, i, jv.At(a, i)*l.Velocity) // in units of each joint's speed limit
			}
		}
	}
	var jjt mat.Dense
	jjt.Mul(jv, jv.T())
	var inv mat.Dense
	best, bestCost := [3]float64{0, 0, -1}, math.Inf(1)
	if err := inv.Inverse(&jjt); err != nil {
		return best // no direction reaches all three axes: fall back to down
	}
	for a := range 3 {
		for _, sgn := range []float64{1, -1} {
			d := mat.NewVecDense(3, nil)
			d.SetVec(a, sgn)
			var lam, qd mat.VecDense
			lam.MulVec(&inv, d)
			qd.MulVec(jv.T(), &lam)
			if cost := mat.Norm(&qd, 2); cost < bestCost {
				bestCost = cost
				best = [3]float64{}
				best[a] = sgn
			}
		}
	}
	return best
}

// logf logs a measurement (the table's figures in -v output) and reports
// false, so it can lead a condition.
func logf(t testing.TB, format string, args ...any) bool {
	t.Helper()
	t.Logf(format, args...)
	return false
}

// userFlowOnQuietHost runs userFlow, and again (up to maxAttempts in all)
// when its trouble was the host: the supervisor's watchdog faulted on
// stale sensor data while the loop itself woke at least a watchdog window
// late — the machine stopped the process for longer than the supervisor
// tolerates (this 2-core VM's bare 1 kHz loop, `chiron bench loop`, woke
// 4.3 ms late once in 10 s), and the fault was the right answer to it. Any
// other failure, or one without that evidence, fails the test, so a defect
// that faults the loop on a quiet host is still caught.
func userFlowOnQuietHost(t *testing.T, model, proto string, hardwareRate bool) {
	t.Helper()
	for try := 1; ; try++ {
		a := &attempt{TB: t}
		done := make(chan struct{})
		go func() {
			defer close(done)
			defer a.cleanup()
			userFlow(a, model, proto, hardwareRate)
		}()
		<-done
		if a.skipped != "" {
			t.Skip(a.skipped)
		}
		if len(a.failures) == 0 {
			return
		}
		if try < maxAttempts && a.stall != "" {
			t.Logf("attempt %d failed (%s) after the host stalled the loop (%s): running the flow again", try, strings.Join(a.failures, "; "), a.stall)
			continue
		}
		for _, f := range a.failures {
			t.Error(f)
		}
		return
	}
}

// maxAttempts bounds the tries of a flow whose failures the host caused.
const maxAttempts = 3

// hostStall records on an attempt the evidence that a watchdog fault was
// the host's doing: the loop woke at least WatchdogCycles+1 periods late.
func hostStall(t testing.TB, snap *control.Snapshot, period time.Duration) {
	a, ok := t.(*attempt)
	if !ok || snap.State != control.Fault || snap.Reason != control.ReasonWatchdog {
		return
	}
	const watchdogCycles = 3 // control.SafetyConfig's default
	if late := snap.Timing.Wake.Max; late >= (watchdogCycles+1)*period-period/2 {
		a.stall = fmt.Sprintf("woke %v late at worst, %d missed deadlines", late.Round(10*time.Microsecond), snap.Timing.Missed)
	}
}

// attempt is a testing.TB for one try of a flow: failures are recorded,
// not reported, a fatal one ends the attempt's goroutine, and cleanups run
// when the attempt ends (so a second try does not share the machine with
// the first's stack).
type attempt struct {
	testing.TB
	mu       sync.Mutex
	failures []string
	stall    string
	skipped  string
	cleanups []func()
}

// Skip ends the attempt; the flow's test is skipped with the reason.
func (a *attempt) Skip(args ...any) { a.skipped = fmt.Sprint(args...); runtime.Goexit() }

func (a *attempt) record(msg string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.failures = append(a.failures, msg)
}

func (a *attempt) Error(args ...any)                 { a.record(fmt.Sprint(args...)) }
func (a *attempt) Errorf(format string, args ...any) { a.record(fmt.Sprintf(format, args...)) }
func (a *attempt) Fail()                             { a.record("failed") }
func (a *attempt) FailNow()                          { a.record("failed"); runtime.Goexit() }
func (a *attempt) Fatal(args ...any)                 { a.record(fmt.Sprint(args...)); runtime.Goexit() }
func (a *attempt) Fatalf(format string, args ...any) {
	a.record(fmt.Sprintf(format, args...))
	runtime.Goexit()
}

func (a *attempt) Failed() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.failures) > 0
}

func (a *attempt) Cleanup(f func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.cleanups = append(a.cleanups, f)
}

// cleanup runs the attempt's cleanups, last registered first.
func (a *attempt) cleanup() {
	a.mu.Lock()
	fs := a.cleanups
	a.cleanups = nil
	a.mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
}
