package robotloop

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
	"github.com/chiron-robotics/chiron/teleop"
)

// stand is an in-process loop on the simulated plant, stepped by the test
// on virtual time: deterministic.
type stand struct {
	t     *testing.T
	loop  *control.Loop
	robot *Robot
	k     int
	clock time.Duration // the Robot's clock (Config.Now), from epoch; ≥ the loop's
	st    teleop.State
	seq   uint64
}

var epoch = time.Unix(1700000000, 0)

func (s *stand) now() time.Time { return epoch.Add(s.clock) }

func robotsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "robots")
}

func newStand(t *testing.T, model, controller string) *stand {
	t.Helper()
	return newStandBus(t, model, controller, nil)
}

// faultyBus wraps a bus; while off is set every read fails as bus-off.
type faultyBus struct {
	drivers.Bus
	off atomic.Bool
}

func (b *faultyBus) Read(now time.Duration, st []drivers.JointState) error {
	if b.off.Load() {
		return &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "test: bus off"}
	}
	return b.Bus.Read(now, st)
}

// newStandBus is newStand with the loop's bus wrapped by wrap (nil: none).
func newStandBus(t *testing.T, model, controller string, wrap func(drivers.Bus) drivers.Bus) *stand {
	t.Helper()
	chain, err := kinematics.LoadChain(filepath.Join(robotsDir(), model), "", "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := plant.New(chain, plant.Config{})
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := chain.Limits()
	q0 := make([]float64, chain.DoF())
	for i := range q0 {
		q0[i] = (lo[i] + hi[i]) / 2
	}
	p.SetState(q0, nil)
	bus, err := plant.NewBus(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := robot.Assemble(chain, time.Millisecond, controller, robot.Gains{}, robot.SafetyOverrides{})
	if err != nil {
		t.Fatal(err)
	}
	var b drivers.Bus = bus
	if wrap != nil {
		b = wrap(b)
	}
	loop, err := a.NewLoop(b)
	if err != nil {
		t.Fatal(err)
	}
	s := &stand{t: t, loop: loop}
	r, err := New(Config{Name: chain.Name, Loop: loop, Chain: chain, Now: s.now})
	if err != nil {
		t.Fatal(err)
	}
	s.robot = r
	loop.Supervisor().Enable()
	s.until("enabled", 200, func() bool { return s.state().Safety == "enabled" })
	return s
}

// step runs n loop cycles of 1 ms; the Robot's clock follows.
func (s *stand) step(n int) {
	for range n {
		s.k++
		s.loop.Step(time.Duration(s.k) * time.Millisecond)
		s.clock = max(s.clock, time.Duration(s.k)*time.Millisecond)
	}
}

func (s *stand) state() *teleop.State {
	s.robot.Snapshot(&s.st)
	return &s.st
}

// until steps the loop until cond holds, failing after max cycles.
func (s *stand) until(what string, max int, cond func() bool) {
	s.t.Helper()
	for range max {
		if cond() {
			return
		}
		s.step(1)
	}
	st := s.state()
	s.t.Fatalf("not %s after %d cycles: safety %s (%s), events %v", what, max, st.Safety, st.SafetyReason, st.SafetyEvents)
}

// move sends one motion command and runs one command period (10 cycles).
func (s *stand) move(v, w [3]float64) error {
	s.seq++
	err := s.robot.Command(&teleop.Command{Seq: s.seq, Deadman: true, Linear: v, Angular: w})
	s.step(10)
	return err
}

func (s *stand) hold() {
	s.t.Helper()
	s.seq++
	if err := s.robot.Command(&teleop.Command{Seq: s.seq, Hold: true, Reason: "deadman"}); err != nil {
		s.t.Fatal(err)
	}
	s.step(10)
}

func dist(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

func TestPSMFollowsTwistAndHolds(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	p0 := s.state().ToolPosition
	q0 := append([]float64(nil), s.st.Position...)
	// 0.5 s at 10 mm/s along −z of the base: 5 mm.
	for range 50 {
		if err := s.move([3]float64{0, 0, -0.01}, [3]float64{}); err != nil {
			t.Fatal(err)
		}
	}
	s.step(100)
	lastMotion := s.seq
	s.hold()    // as the server does 100 ms after its operator goes quiet
	s.step(190) // let the joint-pd settle on the last target
	st := s.state()
	if st.Safety != "enabled" {
		t.Fatalf("safety %s (%s) after motion: %v", st.Safety, st.SafetyReason, st.SafetyEvents)
	}
	d := [3]float64{st.ToolPosition[0] - p0[0], st.ToolPosition[1] - p0[1], st.ToolPosition[2] - p0[2]}
	if math.Abs(d[2]+0.005) > 0.001 || math.Abs(d[0]) > 0.001 || math.Abs(d[1]) > 0.001 {
		t.Errorf("tool moved %v m, want ≈ (0, 0, −0.005)", d)
	}
	moved := 0.0
	for i := range q0 {
		moved = math.Max(moved, math.Abs(st.Position[i]-q0[i]))
	}
	if moved < 1e-3 {
		t.Errorf("joints moved at most %g", moved)
	}
	if st.AppliedSeq != lastMotion || st.AppliedAt.IsZero() {
		t.Errorf("applied seq %d at %v, want %d (the last motion; a hold applies none)", st.AppliedSeq, st.AppliedAt, lastMotion)
	}
	if n := math.Hypot(math.Hypot(st.ToolOrientation[0], st.ToolOrientation[1]), math.Hypot(st.ToolOrientation[2], st.ToolOrientation[3])); math.Abs(n-1) > 1e-9 {
		t.Errorf("tool orientation %v not unit", st.ToolOrientation)
	}

	// Hold: the arm stays where it is.
	s.hold()
	s.step(100)
	ph := s.state().ToolPosition
	s.step(500)
	if d := dist(s.state().ToolPosition, ph); d > 2e-4 {
		t.Errorf("tool drifted %g m during a hold", d)
	}
	// A released deadman is a hold as well.
	s.seq++
	if err := s.robot.Command(&teleop.Command{Seq: s.seq, Deadman: false, Linear: [3]float64{0.05}}); err != nil {
		t.Fatal(err)
	}
	s.step(300)
	if d := dist(s.state().ToolPosition, ph); d > 2e-4 {
		t.Errorf("tool moved %g m with the deadman released", d)
	}
}

func TestPSMRefusesGoalsInsideMinInsertion(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	p := s.state().ToolPosition
	l := math.Sqrt(p[0]*p[0] + p[1]*p[1] + p[2]*p[2])
	out := [3]float64{p[0] / l, p[1] / l, p[2] / l}
	retract := [3]float64{-0.05 * out[0], -0.05 * out[1], -0.05 * out[2]}
	var err error
	for i := 0; i < 1000 && err == nil; i++ {
		err = s.move(retract, [3]float64{})
	}
	if !errors.Is(err, kinematics.ErrInsideMinInsertion) {
		t.Fatalf("retracting towards the RCM: %v, want a refusal inside the minimum insertion", err)
	}
	st := s.state()
	if st.Safety != "enabled" {
		t.Errorf("a refused goal changed the safety state: %s (%s)", st.Safety, st.SafetyReason)
	}
	if !strings.Contains(strings.Join(st.SafetyEvents, "\n"), "minimum insertion") {
		t.Errorf("refusal not reported in events: %v", st.SafetyEvents)
	}
	s.step(500)
	if l := math.Sqrt(st.ToolPosition[0]*st.ToolPosition[0] + st.ToolPosition[1]*st.ToolPosition[1] + st.ToolPosition[2]*st.ToolPosition[2]); l < 0.045-1e-3 {
		t.Errorf("tool at %g m from the RCM, inside the minimum insertion", l)
	}
	// Still refused further in; accepted back out.
	if err := s.move(retract, [3]float64{}); !errors.Is(err, kinematics.ErrInsideMinInsertion) {
		t.Errorf("second retraction: %v", err)
	}
	if err := s.move([3]float64{0.01 * out[0], 0.01 * out[1], 0.01 * out[2]}, [3]float64{}); err != nil {
		t.Errorf("insertion refused: %v", err)
	}
	if s.robot.Refused() < 2 {
		t.Errorf("refused count %d", s.robot.Refused())
	}
}

// TestEStopReleaseLeavesRobotStopped: releasing the e-stop only releases
// the supervisor's input; the robot stays in Fault, drives off, until an
// explicit Reset and Enable, and the report says so.
func TestEStopReleaseLeavesRobotStopped(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	if err := s.robot.EStop(true); err != nil {
		t.Fatal(err)
	}
	s.until("e-stopped", 5, func() bool { return s.state().Safety == "estop" })
	if err := s.move([3]float64{0, 0, 0.01}, [3]float64{}); !errors.Is(err, ErrNotEnabled) {
		t.Errorf("motion during e-stop: %v", err)
	}
	if err := s.robot.EStop(false); err != nil {
		t.Fatal(err)
	}
	s.step(500)
	st := s.state()
	if st.Safety != "fault" || st.SafetyReason != "emergency stop released: reset needed" {
		t.Errorf("500 ms after the release: %s (%s), want fault, reset needed", st.Safety, st.SafetyReason)
	}
	events := strings.Join(st.SafetyEvents, "\n")
	if !strings.Contains(events, "e-stop released: supervisor stays fault until an operator resets and enables it") || strings.Contains(events, "re-enabled") {
		t.Errorf("events after the release: %v", st.SafetyEvents)
	}
	if snap := s.loop.NewSnapshot(); func() bool { s.loop.Snapshot(snap); return snap.State != control.Fault }() {
		t.Errorf("supervisor %s after the release, want Fault", snap.State)
	}
	s.hold()
	if err := s.move([3]float64{0, 0, 0.01}, [3]float64{}); !errors.Is(err, ErrNotEnabled) {
		t.Errorf("motion after the release, before reset and enable: %v", err)
	}
	if err := s.robot.Enable(); !errors.Is(err, ErrRequest) {
		t.Errorf("enable in Fault: %v, want ErrRequest (reset first)", err)
	}
	if err := s.robot.Reset(); err != nil {
		t.Fatal(err)
	}
	s.until("disabled", 5, func() bool { return s.state().Safety == "disabled" })
	if err := s.robot.Reset(); !errors.Is(err, ErrRequest) {
		t.Errorf("reset when disabled: %v, want ErrRequest", err)
	}
	// Drives were off: the insertion joint sagged under gravity onto its
	// limit and may still bounce there, and the supervisor refuses an
	// enable while a stop cause (its velocity) is present: the operator
	// asks again.
	for i := 0; s.state().Safety == "disabled"; i++ {
		if i == 50 {
			t.Fatalf("still disabled after 50 enable requests 20 ms apart: %v", s.st.SafetyEvents)
		}
		if err := s.robot.Enable(); err != nil {
			t.Fatal(err)
		}
		s.step(20)
	}
	// Catching the sag may trip the velocity limit while enabling; a fresh
	// deadman press resumes once the cause is gone.
	s.step(200)
	s.hold()
	_ = s.move([3]float64{}, [3]float64{})
	s.until("enabled", 300, func() bool { return s.state().Safety == "enabled" })
	if err := s.move([3]float64{0, 0, 0.005}, [3]float64{}); err != nil {
		t.Errorf("motion after reset and enable: %v", err)
	}
}

// TestEStopReleaseDuringBusFault: an e-stop engaged and released while the
// bus is faulted leaves the robot in Fault, reports so (never "reset and
// re-enabled"), and a reset is refused by the supervisor while the bus
// fault persists; once the bus is back, reset and enable work.
func TestEStopReleaseDuringBusFault(t *testing.T) {
	var fb *faultyBus
	s := newStandBus(t, "psm.json", "joint-pd", func(b drivers.Bus) drivers.Bus { fb = &faultyBus{Bus: b}; return fb })
	s.hold()
	fb.off.Store(true)
	s.until("bus fault", 100, func() bool { return s.state().Safety == "fault" })
	if err := s.robot.EStop(true); err != nil {
		t.Fatal(err)
	}
	s.until("e-stop", 5, func() bool { return s.state().Safety == "estop" })
	if err := s.robot.EStop(false); err != nil {
		t.Fatal(err)
	}
	s.step(50)
	st := s.state()
	events := strings.Join(st.SafetyEvents, "\n")
	if st.Safety != "fault" || !strings.Contains(events, "e-stop released: supervisor stays fault") || strings.Contains(events, "re-enabled") {
		t.Errorf("after the release: %s (%s), events %v", st.Safety, st.SafetyReason, st.SafetyEvents)
	}
	if err := s.robot.Reset(); err != nil {
		t.Fatal(err)
	}
	s.step(20)
	snap := s.loop.NewSnapshot()
	s.loop.Snapshot(snap)
	refused := false
	for _, e := range snap.Events(nil) {
		refused = refused || (e.Reason == control.ReasonRequestRefused && control.Reason(e.Value) == control.ReasonResetRequest)
	}
	if snap.State != control.Fault || !refused {
		t.Errorf("reset with the bus still off: supervisor %s, refusal logged %v: %v", snap.State, refused, snap.Events(nil))
	}
	fb.off.Store(false)
	s.step(20)
	if err := s.robot.Reset(); err != nil {
		t.Fatal(err)
	}
	s.until("disabled once the bus is back", 20, func() bool { return s.state().Safety == "disabled" })
}

// TestProtectiveStopGoesThroughSupervisor: teleop's protective stop is the
// supervisor's (in its state and event log), holds through a held
// deadman, and ends on a release and a fresh press.
func TestProtectiveStopGoesThroughSupervisor(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	if err := s.move([3]float64{0, 0, 0.005}, [3]float64{}); err != nil {
		t.Fatal(err)
	}
	if err := s.robot.ProtectiveStop("operator psm#1 silent for 1.001s"); err != nil {
		t.Fatal(err)
	}
	snap := s.loop.NewSnapshot()
	s.until("supervisor protective stop", 5, func() bool { s.loop.Snapshot(snap); return snap.State == control.ProtectiveStop })
	if snap.Reason != control.ReasonOperatorSilent {
		t.Errorf("supervisor stop reason %v, want %v", snap.Reason, control.ReasonOperatorSilent)
	}
	found := false
	for _, e := range snap.Events(nil) {
		found = found || (e.To == control.ProtectiveStop && e.Reason == control.ReasonOperatorSilent)
	}
	if !found {
		t.Errorf("supervisor event log has no protective stop for a silent operator: %v", snap.Events(nil))
	}
	if st := s.state(); st.Safety != "protective_stop" || st.SafetyReason != "operator psm#1 silent for 1.001s" {
		t.Errorf("reported %s (%s)", st.Safety, st.SafetyReason)
	}
	// Holding the deadman through the stop does not resume…
	s.seq++
	if err := s.robot.Command(&teleop.Command{Seq: s.seq, Deadman: true, Linear: [3]float64{0.01}}); !errors.Is(err, ErrStopped) {
		t.Errorf("motion after a protective stop: %v", err)
	}
	s.step(300)
	if s.loop.Snapshot(snap); snap.State != control.ProtectiveStop {
		t.Errorf("the stop did not hold: supervisor %s", snap.State)
	}
	// …a release and a fresh press ask the supervisor to resume.
	s.hold()
	_ = s.move([3]float64{}, [3]float64{})
	s.until("resumed", 300, func() bool { return s.state().Safety == "enabled" })
	if err := s.move([3]float64{0.01}, [3]float64{}); err != nil {
		t.Errorf("motion after re-engaging: %v", err)
	}
}

func TestExoPositionIK(t *testing.T) {
	s := newStand(t, "upper_limb_exo.urdf", "joint-pd")
	if s.robot.Chain().DoF() >= 6 {
		t.Skip("exo has 6 joints: position-only path not exercised")
	}
	s.hold()
	p0 := s.state().ToolPosition
	var err error
	for range 50 {
		if err = s.move([3]float64{0.02, 0, 0}, [3]float64{}); err != nil {
			t.Fatal(err)
		}
	}
	s.step(50)
	s.hold() // as the server does once its operator goes quiet
	s.step(450)
	st := s.state()
	if st.Safety != "enabled" {
		t.Fatalf("safety %s (%s): %v", st.Safety, st.SafetyReason, st.SafetyEvents)
	}
	if dx := st.ToolPosition[0] - p0[0]; math.Abs(dx-0.01) > 0.003 {
		t.Errorf("tool moved %g m along x, want ≈ 0.01 (moved %v)", dx, [3]float64{st.ToolPosition[0] - p0[0], st.ToolPosition[1] - p0[1], st.ToolPosition[2] - p0[2]})
	}
}

func TestCartesianImpedancePostsPose(t *testing.T) {
	s := newStand(t, "upper_limb_exo.urdf", "cartesian-impedance")
	s.hold()
	p0 := s.state().ToolPosition
	if err := s.robot.Command(&teleop.Command{Seq: 100, Deadman: true, Linear: [3]float64{0.01, 0, 0}}); err != nil {
		t.Fatal(err)
	}
	sp, _ := s.loop.Setpoints().Latest()
	if !sp.HasPose || !sp.HasTwist || !sp.Deadman {
		t.Fatalf("setpoint pose %v twist %v deadman %v: want a pose and a twist with the deadman", sp.HasPose, sp.HasTwist, sp.Deadman)
	}
	want := [3]float64{p0[0] + 0.01/DefaultCommandRate, p0[1], p0[2]}
	if d := dist(sp.Position, want); d > 1e-6 {
		t.Errorf("posted position %v, want %v", sp.Position, want)
	}
}

// TestGoalSpeedBoundedPerSecond: an operator at full master speed whose
// console sends faster than the nominal 100 Hz (1 kHz, 800 Hz) moves the
// tool goal no faster than the operator's caps (0.05 m/s, 0.5 rad/s):
// each command advances the goal by the twist over the time actually
// elapsed on the (stepped) clock. Per command period the old fixed
// 1/CommandRate step made the goal 8–10× too fast.
func TestGoalSpeedBoundedPerSecond(t *testing.T) {
	for _, tc := range []struct {
		model, controller string
		angular           bool
		rate              float64 // Hz
	}{
		{"psm.json", "joint-pd", false, 1000},
		{"psm.json", "joint-pd", false, 800},
		{"upper_limb_exo.urdf", "cartesian-impedance", true, 1000},
		{"upper_limb_exo.urdf", "cartesian-impedance", true, 800},
	} {
		t.Run(fmt.Sprintf("%s/%s/%gHz", tc.model, tc.controller, tc.rate), func(t *testing.T) {
			s := newStand(t, tc.model, tc.controller)
			op, err := teleop.NewOperator(teleop.OperatorConfig{Scale: 1, TremorCutoff: -1})
			if err != nil {
				t.Fatal(err)
			}
			if err := op.Take("op", s.now()); err != nil {
				t.Fatal(err)
			}
			vmax, wmax := op.Config().MaxLinear, op.Config().MaxAngular
			holdAt := s.clock // the hold is the previous command: the first motion integrates from it
			s.hold()
			var prev, start kinematics.Frame
			prevAt, startAt := holdAt, s.clock
			period := time.Duration(float64(time.Second) / tc.rate)
			// Full master speed: 1 m/s and, for the pose path, 5 rad/s —
			// far beyond the caps, which the Operator enforces per command.
			master := teleop.CommandMsg{Deadman: true, Linear: [3]float64{0, 0, -1}}
			if tc.angular {
				master.Linear = [3]float64{1, 0, 0}
				master.Angular = [3]float64{0, 0, 5}
			}
			const dur = 200 * time.Millisecond
			n := int(dur / period)
			for i := 1; i <= n; i++ {
				at := startAt + time.Duration(i)*period
				for time.Duration(s.k+1)*time.Millisecond <= at {
					s.step(1)
				}
				s.clock = at
				if i == 1 {
					// Where the target restarts: the pose measured now.
					s.robot.ws.FK(&prev, s.state().Position)
					start = prev
				}
				m := master
				m.Seq = uint64(i)
				out, err := op.Accept("op", s.now(), &m, &s.st)
				if err != nil {
					t.Fatal(err)
				}
				if err := s.robot.Command(&out); err != nil {
					t.Fatalf("command %d: %v", i, err)
				}
				goal := s.robot.target
				dt := (at - prevAt).Seconds()
				if d := dist(goal.P, prev.P); d > vmax*dt*(1+1e-9) {
					t.Fatalf("command %d: goal moved %.4g m in %.4g s: %.4g m/s > %g", i, d, dt, d/dt, vmax)
				}
				if a := angle(&prev, &goal); a > wmax*dt*(1+1e-9)+1e-12 {
					t.Fatalf("command %d: goal turned %.4g rad in %.4g s: %.4g rad/s > %g", i, a, dt, a/dt, wmax)
				}
				prev, prevAt = goal, at
			}
			T := (prevAt - holdAt).Seconds()
			v := dist(prev.P, start.P) / T
			w := angle(&start, &prev) / T
			t.Logf("goal speed %.4f m/s (cap %g), %.4f rad/s (cap %g) over %d commands", v, vmax, w, wmax, n)
			if v > vmax*(1+1e-9) || v < 0.9*vmax {
				t.Errorf("goal speed %.4g m/s, want at most %g and close to it", v, vmax)
			}
			if tc.angular && (w > wmax*(1+1e-9) || w < 0.9*wmax) {
				t.Errorf("goal angular speed %.4g rad/s, want at most %g and close to it", w, wmax)
			}
		})
	}
}

// angle is the rotation angle between the orientations of a and b.
func angle(a, b *kinematics.Frame) float64 {
	// M = Raᵀ Rb: trace(M) = 1 + 2 cos θ and the skew part of M is sin θ
	// times the axis; atan2 of the two keeps precision at small angles.
	var m [9]float64
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				m[3*i+j] += a.R[3*k+i] * b.R[3*k+j]
			}
		}
	}
	sx, sy, sz := (m[7]-m[5])/2, (m[2]-m[6])/2, (m[3]-m[1])/2
	return math.Atan2(math.Sqrt(sx*sx+sy*sy+sz*sz), (m[0]+m[4]+m[8]-1)/2)
}

// TestAppliedSeqOnlyMotion: State.AppliedSeq reports the newest motion
// setpoint the loop used — never a hold's seq, and a new operator's smaller
// seqs are reported as they are applied (not the largest seq ever seen).
func TestAppliedSeqOnlyMotion(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	s.seq = 40
	if err := s.move([3]float64{0, 0, -0.005}, [3]float64{}); err != nil {
		t.Fatal(err)
	}
	if got := s.state().AppliedSeq; got != 41 {
		t.Fatalf("applied %d after motion 41", got)
	}
	at := s.st.AppliedAt
	s.hold() // seq 42: a hold
	if st := s.state(); st.AppliedSeq != 41 || !st.AppliedAt.Equal(at) {
		t.Errorf("after a hold with seq 42: applied %d at %v, want 41 at %v", st.AppliedSeq, st.AppliedAt, at)
	}
	// A rejected motion (protective stop) is not applied either.
	if err := s.robot.ProtectiveStop("test"); err != nil {
		t.Fatal(err)
	}
	s.seq = 50
	if err := s.move([3]float64{0, 0, -0.005}, [3]float64{}); !errors.Is(err, ErrStopped) {
		t.Fatalf("motion in a protective stop: %v", err)
	}
	if got := s.state().AppliedSeq; got != 41 {
		t.Errorf("after a refused motion 51: applied %d, want 41", got)
	}
	s.hold()
	_ = s.move([3]float64{}, [3]float64{})
	s.until("resumed", 300, func() bool { return s.state().Safety == "enabled" })
	// Another operator, seqs from 1.
	s.seq = 0
	if err := s.move([3]float64{0, 0, -0.005}, [3]float64{}); err != nil {
		t.Fatal(err)
	}
	if got := s.state().AppliedSeq; got != 1 {
		t.Errorf("new operator's seq 1: applied %d", got)
	}
}

// TestMotionSetpointsExpire: a motion setpoint carries ValidFor, so if the
// adapter stops posting mid-motion (a hung server) the supervisor stops the
// arm once the last motion is DefaultMotionValidFor old; a hold never
// expires.
func TestMotionSetpointsExpire(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	if err := s.move([3]float64{0, 0, 0.01}, [3]float64{}); err != nil {
		t.Fatal(err)
	}
	s.step(int(DefaultMotionValidFor/time.Millisecond) - 20)
	if st := s.state(); st.Safety != "enabled" {
		t.Fatalf("stopped before the motion expired: %s (%s)", st.Safety, st.SafetyReason)
	}
	s.until("stopped on the stale motion", 40, func() bool { return s.state().Safety == "protective_stop" })
	if r := s.state().SafetyReason; !strings.Contains(r, "setpoint") {
		t.Errorf("stop reason %q, want the setpoint's age", r)
	}

	h := newStand(t, "psm.json", "joint-pd")
	if err := h.robot.Command(&teleop.Command{Seq: 1, Hold: true, Reason: "deadman"}); err != nil {
		t.Fatal(err)
	}
	h.step(2000)
	if st := h.state(); st.Safety != "enabled" {
		t.Fatalf("a hold expired: %s (%s)", st.Safety, st.SafetyReason)
	}
}

// TestRepeatedHoldKeepsItsPose: holds repeated while the loop stays
// Enabled (the console sending with the deadman released) keep the pose
// the first one latched — re-latching at the measured pose each time let an
// arm with a steady-state hold error creep — and a supervisor event since
// the latch (here a protective stop and resume) latches anew.
func TestRepeatedHoldKeepsItsPose(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	latched := append([]float64(nil), s.robot.sp.Q...)
	// The arm settles on under the hold, so its measured pose changes a
	// little: the repeated holds must still command the latch.
	for range 20 {
		if err := s.robot.Command(&teleop.Command{Seq: 1000, Hold: true, Reason: "deadman"}); err != nil {
			t.Fatal(err)
		}
		s.step(5)
	}
	for i := range latched {
		if s.robot.sp.Q[i] != latched[i] {
			t.Fatalf("joint %d: repeated hold commands %g, latched %g", i, s.robot.sp.Q[i], latched[i])
		}
	}
	// A motion clears the latch; the next hold latches where the arm is.
	if err := s.move([3]float64{0, 0, 0.01}, [3]float64{}); err != nil {
		t.Fatal(err)
	}
	s.step(50)
	s.hold()
	moved := false
	for i := range latched {
		moved = moved || s.robot.sp.Q[i] != latched[i]
	}
	if !moved {
		t.Fatal("the hold after a motion kept the pose latched before it")
	}
	// A protective stop and resume: the next hold latches anew.
	s.loop.Supervisor().Stop(control.ReasonStopRequest)
	s.until("stopped", 50, func() bool { return s.state().Safety == "protective_stop" })
	s.loop.Supervisor().Resume()
	s.until("resumed", 300, func() bool { return s.state().Safety == "enabled" })
	s.hold()
	s.robot.mu.Lock()
	events := s.robot.holdEvents
	s.robot.mu.Unlock()
	l := s.loop.NewSnapshot()
	s.loop.Snapshot(l)
	if events != l.EventsTotal() {
		t.Errorf("hold after the stop latched at event %d, loop at %d", events, l.EventsTotal())
	}
}

// TestSafetyReasonSaysWhatHappened: a stop's or a fault's reason on /safety
// names the joint and carries what the driver reported — the watchdog relay
// that opened the drives' Safe Torque Off line, the motor that reported
// over-temperature — not only "drive fault".
func TestSafetyReasonSaysWhatHappened(t *testing.T) {
	names := []string{"hip_flexion", "knee_flexion"}
	for _, tc := range []struct {
		snap        control.Snapshot
		state, want string
	}{
		{control.Snapshot{State: control.Fault, Reason: control.ReasonDriveFault, ReasonJoint: -1,
			ReasonDetail: "Safe Torque Off: the hardware watchdog's relay opened"},
			"fault", "drive fault: Safe Torque Off: the hardware watchdog's relay opened"},
		{control.Snapshot{State: control.Fault, Reason: control.ReasonDriveFault, ReasonJoint: 1,
			ReasonDetail: "motor 2 reports over-temperature"},
			"fault", "drive fault (knee_flexion): motor 2 reports over-temperature"},
		{control.Snapshot{State: control.ProtectiveStop, Reason: control.ReasonVelocityLimit, ReasonJoint: 0},
			"protective_stop", "velocity limit (hip_flexion)"},
		{control.Snapshot{State: control.Fault, Reason: control.ReasonEStop, ReasonJoint: -1, EStopLatched: true},
			"estop", "emergency stop"},
	} {
		state, reason := safetyWords(&tc.snap, "", false, names)
		if state != tc.state || reason != tc.want {
			t.Errorf("%s %s: %q %q, want %q %q", tc.snap.State, tc.snap.Reason, state, reason, tc.state, tc.want)
		}
	}
}

// TestIKBudgetOnConfigClock: a solve's budget (IKTimeout) runs on
// Config.Now, so a lockstep caller's virtual clock — standing still while a
// command is handled — leaves only the iteration cap: with a 1 ns budget
// every PSM motion command is still solved, and the solver consulted the
// given clock. On the wall clock a starved host had refused a command and
// sent the same HIL seed along another trajectory.
func TestIKBudgetOnConfigClock(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	chain, err := kinematics.LoadChain(filepath.Join(robotsDir(), "psm.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	r, err := New(Config{Name: chain.Name, Loop: s.loop, Chain: chain, IKTimeout: time.Nanosecond,
		Now: func() time.Time { calls++; return s.now() }})
	if err != nil {
		t.Fatal(err)
	}
	s.robot = r
	s.hold()
	p0 := s.state().ToolPosition
	for k := range 30 {
		before := calls
		if err := s.move([3]float64{0, 0, -0.01}, [3]float64{}); err != nil {
			t.Fatalf("command %d refused with a 1 ns budget on a clock that stands still: %v", k, err)
		}
		if calls-before < 3 {
			t.Fatalf("command %d read Config.Now %d times: the solver's budget is not on it", k, calls-before)
		}
	}
	s.hold()
	s.step(200)
	if d := s.state().ToolPosition[2] - p0[2]; math.Abs(d+0.003) > 0.001 {
		t.Errorf("tool moved %.4f m along z, want ≈ −0.003", d)
	}
}
