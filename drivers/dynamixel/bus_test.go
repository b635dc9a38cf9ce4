package dynamixel

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

func newTestBus(t *testing.T, f *fakeBus, port func(*fakeBus) *Client, n int) *Bus {
	t.Helper()
	joints := make([]Joint, n)
	for i := range joints {
		joints[i] = Joint{ID: byte(i + 1)}
		f.add(byte(i+1), &XM430W350)
	}
	b, err := NewBus(port(f), BusConfig{Joints: joints})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loopClient(f *fakeBus) *Client { return NewClient(newLoopPort(f)) }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestBusReadConvertsToSI(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, loopClient, 2)
	s := f.servos[2]
	s.set(X.PresentPosition, 2048+1024) // a quarter turn
	s.set(X.PresentVelocity, -100)
	s.set(X.PresentCurrent, -200)
	s.set(X.PresentTemperature, 41)
	st := make([]drivers.JointState, 2)
	if err := b.Read(7*time.Millisecond, st); err != nil {
		t.Fatal(err)
	}
	g := st[1]
	if !near(g.Position, math.Pi/2) || !near(g.Velocity, -100*0.229*2*math.Pi/60) ||
		!near(g.Effort, -200*2.69e-3*4.1/2.3) || g.Temperature != 41 || g.Stamp != 7*time.Millisecond {
		t.Fatalf("state %+v", g)
	}
	if st[0].Position != 0 || st[0].Status != 0 {
		t.Fatalf("joint 0 state %+v", st[0])
	}
}

func TestBusWriteModesAndSwitching(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, loopClient, 3)
	st := make([]drivers.JointState, 3)
	if err := b.Read(0, st); err != nil {
		t.Fatal(err)
	}
	cmds := []drivers.JointCommand{
		{Mode: drivers.ModePosition, Position: -math.Pi / 2},
		{Mode: drivers.ModePosition, Position: 0.1},
		{Mode: drivers.ModePosition, Position: 0},
	}
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	if g := f.servos[1].get(X.GoalPosition); g != 1024 {
		t.Fatalf("goal position %d, want 1024", g)
	}
	if f.servos[1].table[X.TorqueEnable.Addr] != 1 {
		t.Fatal("torque not enabled by first position command")
	}
	// Steady state: one sync write, nothing else.
	before := len(f.log)
	cmds[0].Position = -math.Pi / 4
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	if got := f.log[before:]; len(got) != 1 || got[0] != InstSyncWrite {
		t.Fatalf("steady-state write sent % X", got)
	}
	if g := f.servos[1].get(X.GoalPosition); g != 1536 {
		t.Fatalf("goal position %d, want 1536", g)
	}
	// Joint 1 to effort: torque off → mode 0 → goal → torque on, then a
	// bulk write because the joints now use different goal items.
	cmds[1] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: 0.5}
	before = len(f.log)
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	s := f.servos[2]
	if s.table[X.OperatingMode.Addr] != byte(OpCurrent) || s.table[X.TorqueEnable.Addr] != 1 {
		t.Fatalf("mode %d torque %d", s.table[X.OperatingMode.Addr], s.table[X.TorqueEnable.Addr])
	}
	wantCur := int32(math.Round(0.5 / (4.1 / 2.3 * 2.69e-3)))
	if g := s.get(X.GoalCurrent); g != wantCur {
		t.Fatalf("goal current %d, want %d", g, wantCur)
	}
	got := f.log[before:]
	want := []byte{InstWrite, InstWrite, InstWrite, InstWrite, InstBulkWrite}
	if string(got) != string(want) {
		t.Fatalf("mode switch sent % X, want % X", got, want)
	}
	// Effort saturates at the Current Limit.
	cmds[1].Effort = 1e6
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	if g := s.get(X.GoalCurrent); g != XM430W350.MaxCurrent {
		t.Fatalf("saturated goal current %d", g)
	}
	// ModeOff turns torque off.
	cmds[2] = drivers.JointCommand{Mode: drivers.ModeOff}
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	if f.servos[3].table[X.TorqueEnable.Addr] != 0 {
		t.Fatal("ModeOff left torque on")
	}
	if err := b.Read(0, st); err != nil || st[2].Status&drivers.StatusEnabled != 0 || st[0].Status&drivers.StatusEnabled == 0 {
		t.Fatalf("enabled bits %v %v (%v)", st[0].Status, st[2].Status, err)
	}
}

func TestBusImpedance(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, loopClient, 1)
	cmds := []drivers.JointCommand{{Mode: drivers.ModeImpedance, Position: 0.2, Kp: 2, Kd: 0.1, Effort: 0.05}}
	if err := b.Write(0, cmds); err == nil {
		t.Fatal("impedance before first Read accepted")
	}
	s := f.servos[1]
	s.set(X.PresentPosition, 2048+100)
	s.set(X.PresentVelocity, 10)
	st := make([]drivers.JointState, 1)
	if err := b.Read(0, st); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	tau := 0.05 + 2*(0.2-st[0].Position) + 0.1*(0-st[0].Velocity)
	want := int32(math.Round(tau / (4.1 / 2.3 * 2.69e-3)))
	if g := s.get(X.GoalCurrent); g != want || s.table[X.OperatingMode.Addr] != byte(OpCurrent) {
		t.Fatalf("goal current %d (mode %d), want %d", g, s.table[X.OperatingMode.Addr], want)
	}
}

func TestBusWriteRejectsBadCommandsSendingNothing(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, loopClient, 2)
	bad := [][]drivers.JointCommand{
		{{Mode: drivers.ModePosition}, {Mode: drivers.ModePosition, Position: math.NaN()}},
		{{Mode: drivers.ModePosition}, {Mode: drivers.ModeEffort, Effort: math.Inf(1)}},
		{{Mode: drivers.ModePosition}, {Mode: drivers.ModePosition, Position: 4}}, // beyond 4095 counts
		{{Mode: drivers.ModePosition}, {Mode: drivers.Mode(42)}},
		{{Mode: drivers.ModePosition}},
	}
	for k, cmds := range bad {
		before := len(f.log)
		err := b.Write(0, cmds)
		if drivers.KindOf(err) != drivers.KindProtocol {
			t.Errorf("case %d: %v", k, err)
		}
		if len(f.log) != before {
			t.Errorf("case %d: sent % X", k, f.log[before:])
		}
	}
}

func TestBusReadHardwareFault(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, loopClient, 3)
	s := f.servos[2]
	s.errByte = AlertBit
	s.table[X.HardwareErrorStatus.Addr] = HWOverheating | HWOverload
	st := make([]drivers.JointState, 3)
	err := b.Read(0, st)
	var de *drivers.Error
	if drivers.KindOf(err) != drivers.KindDriveFault || !asErr(err, &de) || de.Joint != 1 {
		t.Fatalf("err = %v", err)
	}
	want := drivers.StatusFault | drivers.StatusOverTemperature | drivers.StatusOverCurrent
	if st[1].Status != want || !st[1].Status.Faulty() || st[0].Status.Faulty() || st[2].Status.Faulty() {
		t.Fatalf("status %v %v %v", st[0].Status, st[1].Status, st[2].Status)
	}
	if st[2].Temperature != 30 {
		t.Fatal("joints after the faulty one not read")
	}
}

func TestBusReadTimeoutNamesJoint(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, func(f *fakeBus) *Client { return pipeClient(t, f, false) }, 3)
	f.mu.Lock()
	f.servos[2].silent = true
	f.mu.Unlock()
	b.Client().Timeout = 5 * time.Millisecond
	err := b.Read(0, make([]drivers.JointState, 3))
	var de *drivers.Error
	if drivers.KindOf(err) != drivers.KindTimeout || !asErr(err, &de) || de.Joint != 1 {
		t.Fatalf("err = %v", err)
	}
}

func TestBusEnableDisable(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, loopClient, 2)
	f.servos[1].set(X.PresentPosition, 3000)
	f.servos[1].set(X.GoalPosition, 100) // stale goal must not be acted on
	if err := b.Enable(); err != nil {
		t.Fatal(err)
	}
	if s := f.servos[1]; s.table[X.TorqueEnable.Addr] != 1 || s.get(X.GoalPosition) != 3000 {
		t.Fatalf("enable: torque %d goal %d", s.table[X.TorqueEnable.Addr], s.get(X.GoalPosition))
	}
	if err := b.Disable(); err != nil {
		t.Fatal(err)
	}
	for id := byte(1); id <= 2; id++ {
		if f.servos[id].table[X.TorqueEnable.Addr] != 0 {
			t.Fatalf("servo %d torque still on", id)
		}
	}
	if err := b.SetMode([]drivers.Mode{drivers.ModeVelocity, drivers.ModeImpedance}); err != nil {
		t.Fatal(err)
	}
	if f.servos[1].table[X.OperatingMode.Addr] != byte(OpVelocity) || f.servos[2].table[X.OperatingMode.Addr] != byte(OpCurrent) {
		t.Fatal("SetMode did not switch operating modes")
	}
	if f.servos[2].get(X.GoalCurrent) != 0 {
		t.Fatalf("SetMode impedance left goal current %d", f.servos[2].get(X.GoalCurrent))
	}
}

func TestNewBusChecksModel(t *testing.T) {
	f := newFakeBus()
	f.add(1, &XM540W270)
	_, err := NewBus(loopClient(f), BusConfig{Joints: []Joint{{ID: 1, Model: &XM430W350}}})
	if drivers.KindOf(err) != drivers.KindProtocol {
		t.Fatalf("model mismatch accepted: %v", err)
	}
	_, err = NewBus(loopClient(f), BusConfig{Joints: []Joint{{ID: 1}, {ID: 1}}})
	if err == nil {
		t.Fatal("duplicate ID accepted")
	}
}

func asErr(err error, de **drivers.Error) bool {
	e, ok := err.(*drivers.Error)
	*de = e
	return ok
}

// TestBusCyclicPathAllocatesNothing proves Read and Write allocate nothing
// after setup. The fake servos sit behind loopPort, which allocates nothing
// itself; over serialport.Pipe the count includes the pipe's own timer and
// buffer allocations (logged below for reference).
func TestBusCyclicPathAllocatesNothing(t *testing.T) {
	f := newFakeBus()
	b := newTestBus(t, f, loopClient, 7)
	st := make([]drivers.JointState, 7)
	cmds := make([]drivers.JointCommand, 7)
	for i := range cmds {
		cmds[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.1, Kp: 1, Kd: 0.01}
	}
	if err := b.Read(0, st); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(0, cmds); err != nil { // mode switch happens here, once
		t.Fatal(err)
	}
	if a := testing.AllocsPerRun(200, func() {
		if err := b.Read(0, st); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("Read allocates %v per call", a)
	}
	if a := testing.AllocsPerRun(200, func() {
		if err := b.Write(0, cmds); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("Write allocates %v per call", a)
	}
	// Reads that also check the Bus Watchdog (a gap over half its period
	// before each) allocate nothing either.
	now, syncReads := time.Duration(0), f.count(InstSyncRead)
	if a := testing.AllocsPerRun(200, func() {
		now += DefaultWatchdog/2 + time.Millisecond
		if err := b.Read(now, st); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("Read with a watchdog check allocates %v per call", a)
	}
	if n := f.count(InstSyncRead) - syncReads; n != 2*201 {
		t.Errorf("%d sync reads in 201 Reads, want 2 each (state and watchdog)", n)
	}
	cmds[3].Mode = drivers.ModeEffort // mixed modes → bulk write
	cmds[3].Effort = 0.1
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	cmds[0] = drivers.JointCommand{Mode: drivers.ModeEffort}
	if a := testing.AllocsPerRun(200, func() {
		if err := b.Write(0, cmds); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("bulk Write allocates %v per call", a)
	}

	// The same over serialport.Pipe with the fake on its own goroutine.
	pf := newFakeBus()
	pb := newTestBus(t, pf, func(f *fakeBus) *Client { return pipeClient(t, f, false) }, 7)
	a := testing.AllocsPerRun(200, func() {
		if err := pb.Read(0, st); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("over serialport.Pipe (pipe and fake included): %v allocs per Read", a)
}
