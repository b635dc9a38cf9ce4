package robotloop

import (
	"errors"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/hil"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/teleop"
)

// stand is an in-process loop on the simulated plant, stepped by the test
// on virtual time: deterministic.
type stand struct {
	t     *testing.T
	loop  *control.Loop
	robot *Robot
	k     int
	st    teleop.State
	seq   uint64
}

func robotsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "robots")
}

func newStand(t *testing.T, model, controller string) *stand {
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
	a, err := hil.Assemble(chain, controller, hil.Gains{}, hil.SafetyOverrides{})
	if err != nil {
		t.Fatal(err)
	}
	loop, err := control.NewLoop(control.Config{Bus: bus, Period: time.Millisecond,
		Controllers: a.Controllers, FK: a.FK, Safety: a.Safety})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(Config{Name: chain.Name, Loop: loop, Chain: chain})
	if err != nil {
		t.Fatal(err)
	}
	s := &stand{t: t, loop: loop, robot: r}
	loop.Supervisor().Enable()
	s.until("enabled", 200, func() bool { return s.state().Safety == "ok" })
	return s
}

func (s *stand) step(n int) {
	for range n {
		s.k++
		s.loop.Step(time.Duration(s.k) * time.Millisecond)
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
	s.step(300) // let the joint-pd settle on the last target
	st := s.state()
	if st.Safety != "ok" {
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
	if st.AppliedSeq != s.seq || st.AppliedAt.IsZero() {
		t.Errorf("applied seq %d at %v, want %d", st.AppliedSeq, st.AppliedAt, s.seq)
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
	if st.Safety != "ok" {
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

func TestEStopAndProtectiveStop(t *testing.T) {
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
	// Drives were off during the e-stop: the insertion joint sagged under
	// gravity, and catching it may trip the velocity limit while enabling.
	// Either way a fresh deadman press resumes once the cause is gone.
	s.step(200)
	s.hold()
	_ = s.move([3]float64{}, [3]float64{})
	s.until("re-enabled", 300, func() bool { return s.state().Safety == "ok" })

	if err := s.robot.ProtectiveStop("operator silent"); err != nil {
		t.Fatal(err)
	}
	st := s.state()
	if st.Safety != "protective_stop" || st.SafetyReason != "operator silent" {
		t.Errorf("after ProtectiveStop: %s (%s)", st.Safety, st.SafetyReason)
	}
	// Holding the deadman through the stop does not resume…
	s.seq++
	if err := s.robot.Command(&teleop.Command{Seq: s.seq, Deadman: true, Linear: [3]float64{0.01}}); !errors.Is(err, ErrStopped) {
		t.Errorf("motion after a protective stop: %v", err)
	}
	// …a fresh press does.
	s.hold()
	if err := s.move([3]float64{0.01}, [3]float64{}); err != nil {
		t.Errorf("motion after re-engaging: %v", err)
	}
	if st := s.state(); st.Safety != "ok" {
		t.Errorf("after re-engaging: %s (%s)", st.Safety, st.SafetyReason)
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
	s.step(500)
	st := s.state()
	if st.Safety != "ok" {
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
