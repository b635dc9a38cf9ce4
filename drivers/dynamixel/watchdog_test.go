package dynamixel

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// newWatchdogBus returns a Bus over n fake XM430s whose Bus Watchdog holds
// initial, with instruction recording on.
func newWatchdogBus(t *testing.T, n int, initial byte, wd time.Duration) (*fakeBus, *Bus) {
	t.Helper()
	f := newFakeBus()
	f.record = true
	joints := make([]Joint, n)
	for i := range joints {
		joints[i] = Joint{ID: byte(i + 1)}
		f.add(byte(i+1), &XM430W350).table[X.BusWatchdog.Addr] = initial
	}
	b, err := NewBus(loopClient(f), BusConfig{Joints: joints, Watchdog: wd})
	if err != nil {
		t.Fatal(err)
	}
	return f, b
}

// watchdogErr returns the *BusWatchdogError in err and the joint it names.
func watchdogErr(t *testing.T, err error) (*BusWatchdogError, int) {
	t.Helper()
	var de *drivers.Error
	var we *BusWatchdogError
	if !asErr(err, &de) || de.Kind != drivers.KindDriveFault || !errors.As(err, &we) {
		t.Fatalf("want a drive-fault error wrapping *BusWatchdogError, got %v", err)
	}
	return we, de.Joint
}

// TestBusWatchdogArmedAtStartup checks the bytes NewBus writes to Bus
// Watchdog (98) for each configuration and starting value.
func TestBusWatchdogArmedAtStartup(t *testing.T) {
	cases := []struct {
		name    string
		cfg     time.Duration
		initial byte
		want    byte // value each servo ends with
		writes  bool // whether NewBus writes address 98
	}{
		{"default arms 100 ms = 5 units", 0, 0, 5, true},
		{"40 ms = 2 units", 40 * time.Millisecond, 0, 2, true},
		{"longest 2.54 s = 127 units", MaxWatchdog, 0, 127, true},
		{"another period is replaced", 0, 50, 5, true},
		{"already armed: nothing written", 0, 5, 5, false},
		{"off clears a left-over setting", WatchdogOff, 5, 0, true},
		{"any negative is off", -5 * time.Second, 5, 0, true},
		{"off and already 0: nothing written", WatchdogOff, 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, _ := newWatchdogBus(t, 2, c.initial, c.cfg)
			var got [][2]byte
			for _, p := range f.packets {
				if p.Inst != InstWrite {
					continue
				}
				// The exact parameters: address 98 little-endian, then the value.
				if !bytes.Equal(p.Params, []byte{0x62, 0x00, c.want}) {
					t.Errorf("unexpected write to id %d: % X", p.ID, p.Params)
				}
				got = append(got, [2]byte{p.ID, p.Params[2]})
			}
			var want [][2]byte
			if c.writes {
				want = [][2]byte{{1, c.want}, {2, c.want}}
			}
			if len(got) != len(want) || (len(want) > 0 && (got[0] != want[0] || got[1] != want[1])) {
				t.Fatalf("writes to 98: %v, want %v", got, want)
			}
			for id := byte(1); id <= 2; id++ {
				if v := f.servos[id].table[X.BusWatchdog.Addr]; v != c.want {
					t.Errorf("servo %d Bus Watchdog %d, want %d", id, v, c.want)
				}
			}
		})
	}
}

// TestBusWatchdogNeedsFirmware38: a servo too old for the Bus Watchdog is
// refused by name unless the watchdog is off.
func TestBusWatchdogNeedsFirmware38(t *testing.T) {
	for _, c := range []struct {
		fw byte
		wd time.Duration
		ok bool
	}{{37, 0, false}, {38, 0, true}, {37, WatchdogOff, true}} {
		f := newFakeBus()
		f.add(1, &XM430W350)
		f.add(2, &XM430W350).table[X.FirmwareVersion.Addr] = c.fw
		_, err := NewBus(loopClient(f), BusConfig{Joints: []Joint{{ID: 1}, {ID: 2}}, Watchdog: c.wd})
		var de *drivers.Error
		if c.ok != (err == nil) || (err != nil && (!asErr(err, &de) || de.Joint != 1 || !strings.Contains(err.Error(), "WatchdogOff"))) {
			t.Errorf("firmware v%d, watchdog %v: %v", c.fw, c.wd, err)
		}
	}
}

func TestBusWatchdogConfigRefused(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, 30 * time.Millisecond, 110 * time.Millisecond, MaxWatchdog + WatchdogUnit, time.Hour} {
		f := newFakeBus()
		f.add(1, &XM430W350)
		_, err := NewBus(loopClient(f), BusConfig{Joints: []Joint{{ID: 1}}, Watchdog: d})
		if drivers.KindOf(err) != drivers.KindProtocol || !strings.Contains(err.Error(), "BusConfig.Watchdog") {
			t.Errorf("Watchdog %v: %v", d, err)
		}
		if len(f.log) != 0 {
			t.Errorf("Watchdog %v: sent % X before refusing", d, f.log)
		}
	}
}

// runCycles runs the loop for n cycles of 1 ms from *now: Read, Write,
// then the servos' clock moves on.
func runCycles(t *testing.T, f *fakeBus, b *Bus, now *time.Duration, n int, cmds []drivers.JointCommand) []drivers.JointState {
	t.Helper()
	st := make([]drivers.JointState, b.Joints())
	for range n {
		if err := b.Read(*now, st); err != nil {
			t.Fatalf("read at %v: %v", *now, err)
		}
		if err := b.Write(*now, cmds); err != nil {
			t.Fatalf("write at %v: %v", *now, err)
		}
		f.advance(time.Millisecond)
		*now += time.Millisecond
	}
	return st
}

// stall lets the servos' clock run for d with the host silent and returns,
// per servo, how long after the last instruction its goal current became 0.
func stall(f *fakeBus, d time.Duration, now *time.Duration) []time.Duration {
	last := f.heard
	var at []time.Duration
	for id := byte(1); f.servos[id] != nil; id++ {
		at = append(at, -1)
	}
	for range d / time.Millisecond {
		f.advance(time.Millisecond)
		*now += time.Millisecond
		for i := range at {
			if at[i] < 0 && f.servos[i+1].get(X.GoalCurrent) == 0 {
				at[i] = f.now - last
			}
		}
	}
	return at
}

func impedance(n int, effort float64) []drivers.JointCommand {
	cmds := make([]drivers.JointCommand, n)
	for i := range cmds {
		cmds[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Effort: effort}
	}
	return cmds
}

// TestBusWatchdogTripStopsServoAndIsReported: joint-pd's case, servos in
// current mode. The host stops for 300 ms of the servos' time; each servo
// drops its goal current within the watchdog period; the host's first Read
// after it resumes reports the trip, naming the servo, and the status
// carries StatusCommLost until the trip is cleared by ModeOff; the next
// enable arms the watchdog again before torque on.
func TestBusWatchdogTripStopsServoAndIsReported(t *testing.T) {
	f, b := newWatchdogBus(t, 3, 0, 0)
	var now time.Duration
	cmds := impedance(3, 0.3)
	runCycles(t, f, b, &now, 50, cmds)
	for id := byte(1); id <= 3; id++ {
		if s := f.servos[id]; s.get(X.GoalCurrent) == 0 || s.table[X.BusWatchdog.Addr] != 5 || s.table[X.TorqueEnable.Addr] != 1 {
			t.Fatalf("servo %d before the stall: goal current %d, watchdog %d, torque %d", id,
				s.get(X.GoalCurrent), s.table[X.BusWatchdog.Addr], s.table[X.TorqueEnable.Addr])
		}
	}

	for i, at := range stall(f, 300*time.Millisecond, &now) {
		if at < 0 || at > DefaultWatchdog+time.Millisecond {
			t.Errorf("servo %d: goal current zeroed %v after the last instruction, want within %v", i+1, at, DefaultWatchdog)
		}
	}

	// The host resumes: every Read reports one more tripped servo.
	st := make([]drivers.JointState, 3)
	for k := range 3 {
		err := b.Read(now, st)
		we, joint := watchdogErr(t, err)
		if joint != k || we.ID != byte(k+1) || we.Found != -1 || we.Period != DefaultWatchdog {
			t.Fatalf("read %d: joint %d, %+v", k, joint, *we)
		}
		if !strings.Contains(err.Error(), "id "+string(rune('1'+k))) {
			t.Errorf("error does not name the servo: %v", err)
		}
		now += time.Millisecond
	}
	if err := b.Read(now, st); err != nil {
		t.Fatalf("trips reported again: %v", err)
	}
	for i, s := range st {
		if s.Status != drivers.StatusEnabled|drivers.StatusCommLost || !s.Status.Faulty() {
			t.Errorf("joint %d status %b, want enabled and comm-lost", i, s.Status)
		}
	}

	// A command the tripped servo would ignore is refused, nothing sent.
	before := len(f.log)
	if _, joint := watchdogErr(t, b.Write(now, cmds)); joint != 0 {
		t.Errorf("refusal names joint %d", joint)
	}
	if len(f.log) != before {
		t.Fatalf("refused write sent % X", f.log[before:])
	}

	// ModeOff: torque off, then the trip cleared with 0.
	f.packets = f.packets[:0]
	if err := b.Write(now, make([]drivers.JointCommand, 3)); err != nil {
		t.Fatal(err)
	}
	if got, want := fmtWrites(f), "1:64=0 1:98=0 2:64=0 2:98=0 3:64=0 3:98=0"; got != want {
		t.Errorf("ModeOff wrote %s, want %s", got, want)
	}
	if err := b.Read(now, st); err != nil {
		t.Fatal(err)
	}
	for i, s := range st {
		if s.Status != 0 {
			t.Errorf("joint %d status %b after ModeOff, want 0", i, s.Status)
		}
	}

	// Re-enabling through Write arms the watchdog before torque on.
	f.packets = f.packets[:0]
	if err := b.Write(now, impedance(3, 0)); err != nil {
		t.Fatal(err)
	}
	if got, want := fmtWrites(f), "1:102=0 1:98=5 1:64=1 2:102=0 2:98=5 2:64=1 3:102=0 3:98=5 3:64=1"; !strings.HasPrefix(got, want) {
		t.Errorf("re-enable wrote %s, want %s first", got, want)
	}
}

// fmtWrites lists the recorded single-instruction writes as id:addr=first
// byte (the goal's low byte for goals).
func fmtWrites(f *fakeBus) string {
	var parts []string
	for _, p := range f.packets {
		if p.Inst != InstWrite {
			continue
		}
		addr, data, err := ParseWrite(p.Params)
		if err != nil {
			continue
		}
		parts = append(parts, itoa(int(p.ID))+":"+itoa(int(addr))+"="+itoa(int(data[0])))
	}
	return strings.Join(parts, " ")
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var b []byte
	for ; v > 0; v /= 10 {
		b = append([]byte{byte('0' + v%10)}, b...)
	}
	return string(b)
}

// TestBusWatchdogSetModeClearsTrip: SetMode on a tripped servo whose torque
// is still on does exactly what the e-Manual asks: 0 to clear the error,
// then the goal (refused before), then the period again — torque is never
// dropped.
func TestBusWatchdogSetModeClearsTrip(t *testing.T) {
	f, b := newWatchdogBus(t, 2, 0, 60*time.Millisecond)
	var now time.Duration
	runCycles(t, f, b, &now, 10, []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 0.2}, {Mode: drivers.ModeEffort, Effort: 0.2}})
	stall(f, 100*time.Millisecond, &now)
	if f.servos[1].table[X.BusWatchdog.Addr] != watchdogTripped {
		t.Fatal("fake servo did not trip")
	}
	f.packets = f.packets[:0]
	if err := b.SetMode([]drivers.Mode{drivers.ModeEffort, drivers.ModeEffort}); err != nil {
		t.Fatal(err)
	}
	if got, want := fmtWrites(f), "1:98=0 1:102=0 1:98=3 1:64=1 2:98=0 2:102=0 2:98=3 2:64=1"; got != want {
		t.Errorf("SetMode wrote %s, want %s", got, want)
	}
	st := runCycles(t, f, b, &now, 5, []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 0.1}, {Mode: drivers.ModeEffort, Effort: 0.1}})
	for i, s := range st {
		if s.Status != drivers.StatusEnabled {
			t.Errorf("joint %d status %b", i, s.Status)
		}
		if g := f.servos[i+1].get(X.GoalCurrent); g == 0 {
			t.Errorf("servo %d still refuses goals", i+1)
		}
	}
}

// TestBusWatchdogTrippedAtStartup: a servo an earlier master left tripped
// is reported by the first Read and cleared by ModeOff.
func TestBusWatchdogTrippedAtStartup(t *testing.T) {
	f, b := newWatchdogBus(t, 2, 0, 0)
	f.servos[2].table[X.BusWatchdog.Addr] = watchdogTripped
	f.servos[2].table[X.TorqueEnable.Addr] = 1
	b, err := NewBus(loopClient(f), BusConfig{Joints: []Joint{{ID: 1}, {ID: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	st := make([]drivers.JointState, 2)
	we, joint := watchdogErr(t, b.Read(0, st))
	if joint != 1 || we.ID != 2 || we.Period != 0 || !strings.Contains(we.Error(), "earlier master") {
		t.Fatalf("joint %d: %v", joint, we)
	}
	if st[1].Status&drivers.StatusCommLost == 0 || st[0].Status != 0 {
		t.Fatalf("status %b %b", st[0].Status, st[1].Status)
	}
	if err := b.Write(0, make([]drivers.JointCommand, 2)); err != nil {
		t.Fatal(err)
	}
	if s := f.servos[2]; s.table[X.TorqueEnable.Addr] != 0 || s.table[X.BusWatchdog.Addr] != 0 {
		t.Fatalf("after ModeOff: torque %d watchdog %d", s.table[X.TorqueEnable.Addr], s.table[X.BusWatchdog.Addr])
	}
}

// pollCount counts the sync reads of address 98 recorded.
func pollCount(f *fakeBus) int {
	n := 0
	for _, p := range f.packets {
		if p.Inst == InstSyncRead {
			if sr, err := ParseSyncRead(p.Params); err == nil && sr.Addr == X.BusWatchdog.Addr {
				n++
			}
		}
	}
	return n
}

// TestBusWatchdogPollTriggers: Read checks address 98 exactly when a trip
// may have happened unseen, and otherwise costs nothing extra.
func TestBusWatchdogPollTriggers(t *testing.T) {
	ms := time.Millisecond
	cases := []struct {
		name  string
		wd    time.Duration
		reads []time.Duration // after a first Read at 0 (which always checks)
		fail  int             // index of a read made to time out, -1 for none
		polls int             // checks during reads
	}{
		{"steady 1 kHz", 0, []time.Duration{1 * ms, 2 * ms, 3 * ms}, -1, 0},
		{"gap of half the period", 0, []time.Duration{50 * ms}, -1, 0},
		{"gap over half the period", 0, []time.Duration{51 * ms}, -1, 1},
		{"gap scales with the period", 200 * ms, []time.Duration{51 * ms, 102 * ms, 203 * ms}, -1, 1},
		{"clock went backwards", 0, []time.Duration{10 * ms, 5 * ms}, -1, 1},
		{"once a second regardless", 0, steps(10*ms, 100), -1, 1},
		{"after a failed read", 0, []time.Duration{1 * ms, 2 * ms, 3 * ms}, 0, 1},
		{"watchdog off", WatchdogOff, []time.Duration{500 * ms, 2000 * ms}, -1, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, b := newWatchdogBus(t, 2, 0, c.wd)
			b.c.Timeout = ms // the failing read waits this long (wall time) for nothing
			st := make([]drivers.JointState, 2)
			if err := b.Read(0, st); err != nil {
				t.Fatal(err)
			}
			first := pollCount(f)
			if want := map[bool]int{true: 0, false: 1}[c.wd < 0]; first != want {
				t.Fatalf("first Read checked %d times, want %d", first, want)
			}
			for k, now := range c.reads {
				f.servos[2].silent = k == c.fail
				err := b.Read(now, st)
				if (err != nil) != (k == c.fail) {
					t.Fatalf("read %d at %v: %v", k, now, err)
				}
			}
			if got := pollCount(f) - first; got != c.polls {
				t.Errorf("%d checks, want %d", got, c.polls)
			}
		})
	}
}

func steps(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = time.Duration(i+1) * d
	}
	return out
}

// TestBusWatchdogRestartRearms: a servo that restarts (RAM cleared: torque
// off, watchdog 0) is found by the next check, re-armed and reported.
func TestBusWatchdogRestartRearms(t *testing.T) {
	f, b := newWatchdogBus(t, 2, 0, 0)
	var now time.Duration
	runCycles(t, f, b, &now, 5, []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 0.2}, {Mode: drivers.ModeEffort, Effort: 0.2}})
	f.servos[1].table[X.BusWatchdog.Addr] = 0
	f.servos[1].table[X.TorqueEnable.Addr] = 0
	f.packets = f.packets[:0]
	st := make([]drivers.JointState, 2)
	we, joint := watchdogErr(t, b.Read(time.Second, st))
	if joint != 0 || we.ID != 1 || we.Found != 0 || we.Period != DefaultWatchdog {
		t.Fatalf("joint %d: %+v", joint, *we)
	}
	if got := fmtWrites(f); got != "1:98=5" {
		t.Errorf("re-arm wrote %q", got)
	}
	if st[0].Status != 0 || st[1].Status != drivers.StatusEnabled {
		t.Errorf("status %b %b: joint 0 lost its torque", st[0].Status, st[1].Status)
	}
}

// TestBusWatchdogDisableAndClose: a clean stop leaves every watchdog at 0
// with one sync write after the torque-off.
func TestBusWatchdogDisableAndClose(t *testing.T) {
	for _, close := range []bool{false, true} {
		f, b := newWatchdogBus(t, 3, 0, 0)
		if err := b.SetMode([]drivers.Mode{drivers.ModePosition, drivers.ModeVelocity, drivers.ModeEffort}); err != nil {
			t.Fatal(err)
		}
		f.packets = f.packets[:0]
		var err error
		if close {
			err = b.Close()
		} else {
			err = b.Disable()
		}
		if err != nil {
			t.Fatal(err)
		}
		last := f.packets[len(f.packets)-1]
		want := AppendSyncWrite(nil, X.BusWatchdog.Addr, 1, []byte{1, 2, 3}, []byte{0, 0, 0})
		got := AppendInstruction(nil, last.ID, last.Inst, last.Params)
		if !bytes.Equal(got, want) {
			t.Errorf("close=%v: last packet % X, want % X", close, got, want)
		}
		for id := byte(1); id <= 3; id++ {
			if s := f.servos[id]; s.table[X.BusWatchdog.Addr] != 0 || s.table[X.TorqueEnable.Addr] != 0 {
				t.Errorf("close=%v servo %d: watchdog %d torque %d", close, id, s.table[X.BusWatchdog.Addr], s.table[X.TorqueEnable.Addr])
			}
		}
	}
	// Never armed: nothing written to 98 (a pre-v38 servo has no such address).
	f, b := newWatchdogBus(t, 2, 0, WatchdogOff)
	if err := b.Disable(); err != nil {
		t.Fatal(err)
	}
	if w := f.writes(X.BusWatchdog.Addr); len(w) != 0 {
		t.Errorf("watchdog off: Disable wrote 98: %v", w)
	}
}
