package cubemars

import (
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// fakeMotors simulates MIT-mode motors on an in-memory CAN bus with the
// device side of the codec: each request gets one reply on CAN ID 0, as the
// firmware does. A commanded position with Kp > 0 is reached at once;
// velocity and torque echo the command. It allocates nothing per frame.
type fakeMotors struct {
	conn   canbus.Conn
	models [256]*Model
	done   chan struct{}

	mu       sync.Mutex
	last     [256]Command
	specials [256][]Special
	frames   int
	pos      [256]float64
	silent   [256]bool  // never reply
	replyAs  [256]uint8 // reply with this ID instead (0 = own)
	fault    [256]Fault
	extended bool
}

func newFakeMotors(t testing.TB, bus *canbus.Bus, motors []Motor) *fakeMotors {
	fm := &fakeMotors{conn: bus.Connect(), done: make(chan struct{})}
	for i := range motors {
		fm.models[motors[i].ID] = &motors[i].Model
	}
	go fm.run()
	t.Cleanup(func() { fm.conn.Close(); <-fm.done })
	return fm
}

func (fm *fakeMotors) run() {
	defer close(fm.done)
	for {
		f, err := fm.conn.ReadFrame(time.Second)
		if errors.Is(err, canbus.ErrClosed) {
			return
		}
		if err != nil || f.ID > 0xFF || fm.models[f.ID] == nil {
			continue
		}
		id := uint8(f.ID)
		l := fm.models[id].Limits
		s, c, err := l.ParseRequest(f.Data[:f.Length])
		if err != nil {
			continue
		}
		fm.mu.Lock()
		fm.frames++
		if s != 0 {
			fm.specials[id] = append(fm.specials[id], s)
			if s == SetZero {
				fm.pos[id] = 0
			}
		} else {
			fm.last[id] = c
			if c.Kp > 0 {
				fm.pos[id] = c.Position
			}
		}
		r := Reply{ID: id, Position: fm.pos[id], Velocity: c.Velocity, Torque: c.Torque, Extended: fm.extended, Temperature: 31, Fault: fm.fault[id]}
		if fm.replyAs[id] != 0 {
			r.ID = fm.replyAs[id]
		}
		silent := fm.silent[id]
		fm.mu.Unlock()
		if !silent {
			fm.conn.WriteFrame(ReplyFrame(0, l, r))
		}
	}
}

func (fm *fakeMotors) set(f func(fm *fakeMotors)) {
	fm.mu.Lock()
	defer fm.mu.Unlock()
	f(fm)
}

var testMotors = []Motor{{ID: 1, Model: AK80_9}, {ID: 2, Model: AK70_10}, {ID: 0x7F, Model: AK10_9}}

func newTestBus(t testing.TB) (*Bus, *fakeMotors) {
	t.Helper()
	seg := canbus.NewBus(64)
	motors := append([]Motor(nil), testMotors...)
	fm := newFakeMotors(t, seg, motors)
	b, err := NewBus(seg.Connect(), Config{Motors: motors, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return b, fm
}

func enabledBus(t testing.TB) (*Bus, *fakeMotors) {
	t.Helper()
	b, fm := newTestBus(t)
	if err := b.Enable(); err != nil {
		t.Fatal(err)
	}
	return b, fm
}

func TestBusEnableReadsStates(t *testing.T) {
	b, fm := newTestBus(t)
	fm.set(func(fm *fakeMotors) { fm.pos[1], fm.pos[2], fm.pos[0x7F] = 0.5, -1, 2 })
	if err := b.Enable(); err != nil {
		t.Fatal(err)
	}
	states := make([]drivers.JointState, 3)
	if err := b.Read(42*time.Millisecond, states); err != nil {
		t.Fatal(err)
	}
	for j, want := range []float64{0.5, -1, 2} {
		s := states[j]
		if math.Abs(s.Position-want) > 1e-3 || s.Stamp != 42*time.Millisecond || s.Status != drivers.StatusEnabled || !b.Enabled(j) {
			t.Fatalf("joint %d state %+v", j, s)
		}
	}
	for _, id := range []uint8{1, 2, 0x7F} {
		if len(fm.specials[id]) != 1 || fm.specials[id][0] != EnterMotorMode {
			t.Fatalf("motor %d saw %v", id, fm.specials[id])
		}
	}
}

func TestBusModeMapping(t *testing.T) {
	b, fm := enabledBus(t)
	states := make([]drivers.JointState, 3)
	b.Read(0, states)
	cases := []struct {
		name string
		cmd  drivers.JointCommand
		want Command
	}{
		{"impedance", drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 1, Velocity: 0.5, Effort: 2, Kp: 30, Kd: 1}, Command{Position: 1, Velocity: 0.5, Kp: 30, Kd: 1, Torque: 2}},
		{"position", drivers.JointCommand{Mode: drivers.ModePosition, Position: -0.7, Velocity: 3, Effort: 1.5, Kp: 50, Kd: 2}, Command{Position: -0.7, Kp: 50, Kd: 2, Torque: 1.5}},
		{"velocity", drivers.JointCommand{Mode: drivers.ModeVelocity, Position: 9, Velocity: 4, Effort: -1, Kp: 50, Kd: 3}, Command{Velocity: 4, Kd: 3, Torque: -1}},
		{"effort", drivers.JointCommand{Mode: drivers.ModeEffort, Position: 9, Velocity: 4, Effort: -3, Kp: 50, Kd: 3}, Command{Torque: -3}},
		{"off", drivers.JointCommand{Mode: drivers.ModeOff, Position: 9, Velocity: 4, Effort: -3, Kp: 50, Kd: 3}, Command{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cmds := []drivers.JointCommand{tc.cmd, tc.cmd, tc.cmd}
			if err := b.Write(time.Millisecond, cmds); err != nil {
				t.Fatal(err)
			}
			if err := b.Read(2*time.Millisecond, states); err != nil {
				t.Fatal(err)
			}
			for j, m := range testMotors {
				fm.mu.Lock()
				got := fm.last[m.ID]
				fm.mu.Unlock()
				// What the motor decoded must be the mapped command to
				// within one code of its model's fields.
				want := m.Model.Limits.PackCommand(tc.want)
				if m.Model.Limits.PackCommand(got) != want {
					t.Fatalf("joint %d: motor decoded %+v, want %+v", j, got, tc.want)
				}
				if math.Abs(states[j].Effort-tc.want.Torque) > 0.05 || math.Abs(states[j].Velocity-tc.want.Velocity) > 0.05 {
					t.Fatalf("joint %d state %+v", j, states[j])
				}
			}
		})
	}
}

func TestBusWriteRejectsBadCommands(t *testing.T) {
	b, fm := enabledBus(t)
	ok := drivers.JointCommand{Mode: drivers.ModeOff}
	cases := []struct {
		name string
		cmd  drivers.JointCommand
		msg  string
	}{
		{"NaN position", drivers.JointCommand{Mode: drivers.ModeImpedance, Position: math.NaN(), Kp: 10}, "position is NaN"},
		{"Inf effort", drivers.JointCommand{Mode: drivers.ModeEffort, Effort: math.Inf(1)}, "effort is +Inf"},
		{"position without Kp", drivers.JointCommand{Mode: drivers.ModePosition, Position: 1}, "needs Kp > 0"},
		{"velocity without Kd", drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: 1}, "needs Kd > 0"},
		{"unknown mode", drivers.JointCommand{Mode: 9}, "unknown mode"},
	}
	fm.mu.Lock()
	before := fm.frames
	fm.mu.Unlock()
	for _, tc := range cases {
		err := b.Write(0, []drivers.JointCommand{ok, tc.cmd, ok})
		var de *drivers.Error
		if !errors.As(err, &de) || de.Kind != drivers.KindProtocol || de.Joint != 1 || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: err = %v", tc.name, err)
		}
	}
	if err := b.Write(0, []drivers.JointCommand{ok}); drivers.KindOf(err) != drivers.KindProtocol {
		t.Errorf("short command slice: %v", err)
	}
	if err := b.Read(0, make([]drivers.JointState, 3)); err != nil {
		t.Fatalf("read after refused writes: %v", err)
	}
	fm.mu.Lock()
	after := fm.frames
	fm.mu.Unlock()
	if after != before {
		t.Fatalf("refused writes sent %d frames", after-before)
	}
}

func TestBusActiveCommandsNeedEnable(t *testing.T) {
	b, fm := newTestBus(t)
	imp := drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 1, Kp: 10}
	off := drivers.JointCommand{}
	if err := b.Write(0, []drivers.JointCommand{off, off, imp}); drivers.KindOf(err) != drivers.KindProtocol || !strings.Contains(err.Error(), "call Enable") {
		t.Fatalf("active command before Enable: %v", err)
	}
	// Off commands go out while disabled, so states stay fresh.
	if err := b.Write(0, []drivers.JointCommand{off, off, off}); err != nil {
		t.Fatal(err)
	}
	states := make([]drivers.JointState, 3)
	if err := b.Read(time.Millisecond, states); err != nil || states[0].Stamp != time.Millisecond || states[0].Status != 0 {
		t.Fatalf("disabled read: %v %+v", err, states[0])
	}
	if err := b.Enable(); err != nil {
		t.Fatal(err)
	}
	if err := b.Disable(); err != nil {
		t.Fatal(err)
	}
	if b.Enabled(0) || len(fm.specials[1]) != 2 || fm.specials[1][1] != ExitMotorMode {
		t.Fatalf("after Disable: enabled %v, specials %v", b.Enabled(0), fm.specials[1])
	}
	if err := b.Write(0, []drivers.JointCommand{imp, off, off}); drivers.KindOf(err) != drivers.KindProtocol {
		t.Fatalf("active command after Disable: %v", err)
	}
}

func TestBusZero(t *testing.T) {
	b, fm := enabledBus(t)
	fm.set(func(fm *fakeMotors) { fm.pos[2] = 1.25 })
	if err := b.Zero(); err != nil {
		t.Fatal(err)
	}
	states := make([]drivers.JointState, 3)
	if err := b.Read(0, states); err != nil {
		t.Fatal(err)
	}
	if math.Abs(states[1].Position) > 1e-3 || fm.specials[2][1] != SetZero {
		t.Fatalf("after Zero: %+v, %v", states[1], fm.specials[2])
	}
}

func TestBusMissingReplyIsTimeout(t *testing.T) {
	b, fm := enabledBus(t)
	states := make([]drivers.JointState, 3)
	b.Read(time.Millisecond, states)
	fm.set(func(fm *fakeMotors) { fm.silent[2] = true })
	off := []drivers.JointCommand{{}, {}, {}}
	if err := b.Write(2*time.Millisecond, off); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err := b.Read(3*time.Millisecond, states)
	var de *drivers.Error
	if !errors.As(err, &de) || de.Kind != drivers.KindTimeout || de.Joint != 1 {
		t.Fatalf("err = %v", err)
	}
	if el := time.Since(start); el < 200*time.Millisecond {
		t.Fatalf("gave up after %v, before the timeout", el)
	}
	if states[0].Stamp != 3*time.Millisecond || states[2].Stamp != 3*time.Millisecond || states[1].Stamp != time.Millisecond {
		t.Fatalf("stamps %v %v %v: the silent joint must keep its old stamp", states[0].Stamp, states[1].Stamp, states[2].Stamp)
	}
	// The silent motor comes back: the next cycle is clean.
	fm.set(func(fm *fakeMotors) { fm.silent[2] = false })
	b.Write(4*time.Millisecond, off)
	if err := b.Read(5*time.Millisecond, states); err != nil || states[1].Stamp != 5*time.Millisecond {
		t.Fatalf("recovery: %v %+v", err, states[1])
	}
}

func TestBusWrongID(t *testing.T) {
	b, fm := enabledBus(t)
	states := make([]drivers.JointState, 3)
	b.Read(0, states)
	fm.set(func(fm *fakeMotors) { fm.replyAs[2] = 9 })
	b.Write(0, []drivers.JointCommand{{}, {}, {}})
	err := b.Read(0, states)
	var de *drivers.Error
	if !errors.As(err, &de) || de.Kind != drivers.KindWrongID || !strings.Contains(err.Error(), "motor ID 9") {
		t.Fatalf("err = %v", err)
	}
}

func TestBusDriveFault(t *testing.T) {
	b, fm := enabledBus(t)
	states := make([]drivers.JointState, 3)
	b.Read(0, states)
	fm.set(func(fm *fakeMotors) { fm.extended = true; fm.fault[0x7F] = FaultOverCurrent })
	b.Write(0, []drivers.JointCommand{{}, {}, {}})
	err := b.Read(0, states)
	var de *drivers.Error
	if !errors.As(err, &de) || de.Kind != drivers.KindDriveFault || de.Joint != 2 || !strings.Contains(err.Error(), "over-current") {
		t.Fatalf("err = %v", err)
	}
	if states[2].Status != drivers.StatusFault|drivers.StatusOverCurrent || states[2].Temperature != 31 {
		t.Fatalf("faulty joint state %+v", states[2])
	}
	if states[0].Status != drivers.StatusEnabled || states[0].Temperature != 31 {
		t.Fatalf("healthy joint state %+v", states[0])
	}
}

func TestBusIgnoresOtherTrafficAndDrainsLateReplies(t *testing.T) {
	seg := canbus.NewBus(64)
	motors := []Motor{{ID: 1, Model: AK80_9}}
	b, err := NewBus(seg.Connect(), Config{Motors: motors, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	other := seg.Connect()
	states := make([]drivers.JointState, 1)
	// A late reply from an earlier cycle and unrelated traffic are queued
	// before Write: Write discards them, so Read times out rather than
	// taking the stale reply as fresh.
	other.WriteFrame(ReplyFrame(0, AK80_9.Limits, Reply{ID: 1, Position: 3}))
	other.WriteFrame(canbus.Frame{ID: 0x701, Length: 1, Data: [8]byte{0x05}})
	if err := b.Write(0, []drivers.JointCommand{{}}); err != nil {
		t.Fatal(err)
	}
	if err := b.Read(0, states); drivers.KindOf(err) != drivers.KindTimeout {
		t.Fatalf("stale reply accepted: %v, %+v", err, states[0])
	}
	// Heartbeats and SDOs on other IDs pass by; a malformed frame on the
	// master ID is reported as corrupt.
	b.Write(0, []drivers.JointCommand{{}})
	other.WriteFrame(canbus.Frame{ID: 0x701, Length: 1, Data: [8]byte{0x05}})
	other.WriteFrame(canbus.Frame{ID: 0, Length: 3, Data: [8]byte{1, 2, 3}})
	other.WriteFrame(ReplyFrame(0, AK80_9.Limits, Reply{ID: 1, Position: -2}))
	err = b.Read(time.Second, states)
	if drivers.KindOf(err) != drivers.KindCorrupt || !strings.Contains(err.Error(), "[01 02 03]") {
		t.Fatalf("err = %v", err)
	}
	if math.Abs(states[0].Position+2) > 1e-3 || states[0].Stamp != time.Second {
		t.Fatalf("state %+v", states[0])
	}
}

func TestBusAnyReplyID(t *testing.T) {
	seg := canbus.NewBus(64)
	b, err := NewBus(seg.Connect(), Config{Motors: []Motor{{ID: 5, Model: AK60_6}}, AnyReplyID: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	other := seg.Connect()
	b.Write(0, []drivers.JointCommand{{}})
	other.WriteFrame(SpecialFrame(5, EnterMotorMode)) // another host's special frame
	other.WriteFrame(ReplyFrame(5, AK60_6.Limits, Reply{ID: 5, Position: 1}))
	states := make([]drivers.JointState, 1)
	if err := b.Read(0, states); err != nil || math.Abs(states[0].Position-1) > 1e-3 {
		t.Fatalf("%v %+v", err, states[0])
	}
}

func TestBusClosedConnIsBusOff(t *testing.T) {
	seg := canbus.NewBus(4)
	conn := seg.Connect()
	b, err := NewBus(conn, Config{Motors: []Motor{{ID: 1, Model: AK80_9}}})
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if err := b.Write(0, []drivers.JointCommand{{}}); drivers.KindOf(err) != drivers.KindBusOff || !errors.Is(err, canbus.ErrClosed) {
		t.Fatalf("write: %v", err)
	}
	if err := b.Enable(); drivers.KindOf(err) != drivers.KindBusOff {
		t.Fatalf("enable: %v", err)
	}
}

func TestNewBusValidates(t *testing.T) {
	conn := canbus.NewBus(1).Connect()
	cases := []struct {
		name string
		cfg  Config
		msg  string
	}{
		{"no motors", Config{}, "no motors"},
		{"id 0", Config{Motors: []Motor{{ID: 0, Model: AK80_9}}}, "ID 0 is reserved"},
		{"duplicate", Config{Motors: []Motor{{ID: 3, Model: AK80_9}, {ID: 3, Model: AK60_6}}}, "share motor ID 3"},
		{"master id clash", Config{MasterID: 4, Motors: []Motor{{ID: 4, Model: AK80_9}}}, "equals the master ID"},
		{"bad master id", Config{MasterID: 0x800, Motors: []Motor{{ID: 4, Model: AK80_9}}}, "11-bit"},
		{"bad limits", Config{Motors: []Motor{{ID: 4, Model: Model{Name: "custom"}}}}, `("custom"): invalid limits`},
	}
	for _, tc := range cases {
		if _, err := NewBus(conn, tc.cfg); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: err = %v", tc.name, err)
		}
	}
	if _, err := NewBus(nil, Config{Motors: testMotors}); err == nil {
		t.Error("nil conn accepted")
	}
}

func TestBusCycleAllocatesNothing(t *testing.T) {
	b, _ := enabledBus(t)
	states := make([]drivers.JointState, 3)
	cmds := []drivers.JointCommand{
		{Mode: drivers.ModeImpedance, Position: 0.3, Kp: 40, Kd: 1},
		{Mode: drivers.ModePosition, Position: -0.2, Kp: 40, Kd: 1, Effort: 0.5},
		{Mode: drivers.ModeEffort, Effort: 1},
	}
	now := time.Duration(0)
	allocs := testing.AllocsPerRun(200, func() {
		now += time.Millisecond
		if err := b.Write(now, cmds); err != nil {
			t.Fatal(err)
		}
		if err := b.Read(now, states); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per cycle", allocs)
	}
}

func BenchmarkBusCycle(b *testing.B) {
	bus, _ := enabledBus(b)
	states := make([]drivers.JointState, 3)
	cmds := []drivers.JointCommand{
		{Mode: drivers.ModeImpedance, Position: 0.3, Kp: 40, Kd: 1},
		{Mode: drivers.ModeImpedance, Position: -0.2, Kp: 40, Kd: 1},
		{Mode: drivers.ModeImpedance, Effort: 1},
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := bus.Write(0, cmds); err != nil {
			b.Fatal(err)
		}
		if err := bus.Read(0, states); err != nil {
			b.Fatal(err)
		}
	}
}
