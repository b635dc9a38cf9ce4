package gobotio

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gobot.io/x/gobot/v2"

	"github.com/chiron-robotics/chiron/drivers"
)

// callLog records the calls a fake bus receives, in order.
type callLog struct {
	mu    sync.Mutex
	calls []string
}

func (l *callLog) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls = append(l.calls, fmt.Sprintf(format, args...))
}

func (l *callLog) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.calls)
}

// plainBus is a drivers.Bus with no extra capability.
type plainBus struct {
	n   int
	log *callLog
}

func (b *plainBus) Joints() int { return b.n }
func (b *plainBus) Read(now time.Duration, s []drivers.JointState) error {
	b.log.add("read")
	return nil
}
func (b *plainBus) Write(now time.Duration, c []drivers.JointCommand) error {
	b.log.add("write")
	return nil
}

// fullBus has every capability, with injectable errors.
type fullBus struct {
	plainBus
	connectErr, disableErr, closeErr, enableErr error
}

func (b *fullBus) Connect() error { b.log.add("connect"); return b.connectErr }
func (b *fullBus) Disable() error { b.log.add("disable"); return b.disableErr }
func (b *fullBus) Close() error   { b.log.add("close"); return b.closeErr }
func (b *fullBus) EnableJoint(i int) error {
	b.log.add("enable %d", i)
	return b.enableErr
}
func (b *fullBus) DisableJoint(i int) error { b.log.add("disable %d", i); return nil }

// netBus spells the capabilities as a CANopen network does: Enable(i) and
// Disable() without errors, no per-joint disable, no Close.
type netBus struct{ plainBus }

func (b *netBus) Enable(i int) { b.log.add("enable %d", i) }
func (b *netBus) Disable()     { b.log.add("disable") }

func TestBusAdaptorConnectFinalize(t *testing.T) {
	log := &callLog{}
	opened := 0
	bus := &fullBus{plainBus: plainBus{n: 3, log: log}}
	a := NewBusAdaptor("arm", func() (drivers.Bus, error) { opened++; return bus, nil })
	if a.Bus() != nil {
		t.Fatal("Bus before Connect is not nil")
	}
	if err := a.Connect(); err != nil {
		t.Fatal(err)
	}
	if err := a.Connect(); err != nil {
		t.Fatal(err)
	}
	if opened != 1 {
		t.Fatalf("connect function called %d times, want 1", opened)
	}
	if a.Bus() != bus {
		t.Fatal("Bus is not the connected bus")
	}
	if err := a.Finalize(); err != nil {
		t.Fatal(err)
	}
	if err := a.Finalize(); err != nil {
		t.Fatalf("second Finalize: %v", err)
	}
	if want := []string{"connect", "disable", "close"}; !slices.Equal(log.get(), want) {
		t.Fatalf("calls %v, want %v", log.get(), want)
	}
	if a.Bus() != nil {
		t.Fatal("Bus after Finalize is not nil")
	}
	a.SetName("left-arm")
	if a.Name() != "left-arm" {
		t.Fatalf("Name = %q", a.Name())
	}
}

func TestBusAdaptorFinalizeClosesDespiteDisableErrorAndJoinsErrors(t *testing.T) {
	log := &callLog{}
	errDisable := &drivers.Error{Joint: 1, Kind: drivers.KindTimeout}
	errClose := errors.New("port gone")
	bus := &fullBus{plainBus: plainBus{n: 2, log: log}, disableErr: errDisable, closeErr: errClose}
	a := NewBusAdaptor("arm", func() (drivers.Bus, error) { return bus, nil })
	if err := a.Connect(); err != nil {
		t.Fatal(err)
	}
	err := a.Finalize()
	if !errors.Is(err, errDisable) || !errors.Is(err, errClose) {
		t.Fatalf("Finalize error %v does not carry both causes", err)
	}
	if drivers.KindOf(err) != drivers.KindTimeout {
		t.Fatalf("KindOf = %v, want timeout", drivers.KindOf(err))
	}
	for _, s := range []string{"arm", "disable", "close"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q lacks %q", err, s)
		}
	}
	if want := []string{"connect", "disable", "close"}; !slices.Equal(log.get(), want) {
		t.Fatalf("calls %v, want %v", log.get(), want)
	}
	if err := a.Finalize(); err != nil {
		t.Fatalf("second Finalize: %v", err)
	}
}

func TestBusAdaptorConnectFailures(t *testing.T) {
	errOpen := errors.New("no such port")
	a := NewBusAdaptor("arm", func() (drivers.Bus, error) { return nil, errOpen })
	if err := a.Connect(); !errors.Is(err, errOpen) || !strings.Contains(err.Error(), "arm") {
		t.Fatalf("Connect = %v", err)
	}
	if a.Bus() != nil {
		t.Fatal("Bus set after a failed Connect")
	}

	a = NewBusAdaptor("arm", func() (drivers.Bus, error) { return nil, nil })
	if err := a.Connect(); err == nil {
		t.Fatal("Connect accepted a nil bus")
	}

	log := &callLog{}
	errHandshake := errors.New("no reply")
	bus := &fullBus{plainBus: plainBus{n: 2, log: log}, connectErr: errHandshake}
	a = NewBusAdaptor("arm", func() (drivers.Bus, error) { return bus, nil })
	if err := a.Connect(); !errors.Is(err, errHandshake) {
		t.Fatalf("Connect = %v", err)
	}
	if want := []string{"connect", "close"}; !slices.Equal(log.get(), want) {
		t.Fatalf("a bus failing Connect was not closed: calls %v", log.get())
	}
	if a.Bus() != nil {
		t.Fatal("Bus set after a failed Connect")
	}
	if err := a.Finalize(); err != nil {
		t.Fatalf("Finalize after failed Connect: %v", err)
	}
}

func TestJointDriverLifecycle(t *testing.T) {
	errRefused := errors.New("refused")
	tests := []struct {
		name      string
		bus       func(*callLog) drivers.Bus
		index     int
		startErr  error // errors.Is target; nil means success
		wantStart []string
		wantHalt  []string
	}{
		{"per-joint enable and disable", func(l *callLog) drivers.Bus { return &fullBus{plainBus: plainBus{n: 3, log: l}} },
			1, nil, []string{"enable 1"}, []string{"disable 1"}},
		{"network spelling, whole-bus disable", func(l *callLog) drivers.Bus { return &netBus{plainBus{n: 3, log: l}} },
			2, nil, []string{"enable 2"}, []string{"disable"}},
		{"plain bus: lifecycle only", func(l *callLog) drivers.Bus { return &plainBus{n: 3, log: l} },
			0, nil, nil, nil},
		{"enable refused", func(l *callLog) drivers.Bus {
			return &fullBus{plainBus: plainBus{n: 3, log: l}, enableErr: errRefused}
		}, 0, errRefused, []string{"enable 0"}, []string{"disable 0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log := &callLog{}
			bus := tc.bus(log)
			a := NewBusAdaptor("arm", func() (drivers.Bus, error) { return bus, nil })
			if err := a.Connect(); err != nil {
				t.Fatal(err)
			}
			base := len(log.get()) // the adaptor's own connect, if any
			d := NewJointDriver(a, tc.index, "j")
			if d.Connection() != a || d.Index() != tc.index || d.Name() != "j" {
				t.Fatal("driver does not describe its joint")
			}
			err := d.Start()
			if tc.startErr == nil && err != nil || tc.startErr != nil && !errors.Is(err, tc.startErr) {
				t.Fatalf("Start = %v, want %v", err, tc.startErr)
			}
			if got := log.get()[base:]; !slices.Equal(got, tc.wantStart) {
				t.Fatalf("Start calls %v, want %v", got, tc.wantStart)
			}
			if err := d.Halt(); err != nil {
				t.Fatal(err)
			}
			if got := log.get()[base+len(tc.wantStart):]; !slices.Equal(got, tc.wantHalt) {
				t.Fatalf("Halt calls %v, want %v", got, tc.wantHalt)
			}
		})
	}
}

func TestJointDriverRefusesBadIndexAndClosedBus(t *testing.T) {
	log := &callLog{}
	bus := &fullBus{plainBus: plainBus{n: 2, log: log}}
	a := NewBusAdaptor("arm", func() (drivers.Bus, error) { return bus, nil })
	d := NewJointDriver(a, 1, "elbow")
	if err := d.Start(); !errors.Is(err, ErrNotConnected) {
		t.Fatalf("Start before Connect = %v", err)
	}
	if err := d.Halt(); err != nil {
		t.Fatalf("Halt before Connect = %v", err)
	}
	if err := a.Connect(); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{-1, 2} {
		if err := NewJointDriver(a, i, "x").Start(); err == nil || errors.Is(err, ErrNotConnected) {
			t.Errorf("Start of joint %d on a 2-joint bus = %v", i, err)
		}
	}
	if len(log.get()) != 1 { // only the adaptor's connect
		t.Fatalf("a refused joint touched the bus: %v", log.get())
	}
}

// TestGobotRobotLifecycle runs the adaptor and joints under gobot's own robot:
// Start connects and enables; Stop halts every joint, then disables and
// closes the bus. No work loop touches Read or Write.
func TestGobotRobotLifecycle(t *testing.T) {
	log := &callLog{}
	bus := &fullBus{plainBus: plainBus{n: 2, log: log}}
	a := NewBusAdaptor("arm", func() (drivers.Bus, error) { return bus, nil })
	r := gobot.NewRobot("chiron",
		[]gobot.Connection{a},
		[]gobot.Device{NewJointDriver(a, 0, "shoulder"), NewJointDriver(a, 1, "elbow")},
	)
	if err := r.Start(false); err != nil {
		t.Fatal(err)
	}
	if err := r.Stop(); err != nil {
		t.Fatal(err)
	}
	want := []string{"connect", "enable 0", "enable 1", "disable 0", "disable 1", "disable", "close"}
	if got := log.get(); !slices.Equal(got, want) {
		t.Fatalf("calls %v, want %v", got, want)
	}
}
