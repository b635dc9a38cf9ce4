package watchdog

import (
	"errors"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

type fakeBus struct{ reads, writes int }

func (f *fakeBus) Joints() int { return 2 }
func (f *fakeBus) Read(time.Duration, []drivers.JointState) error {
	f.reads++
	return nil
}
func (f *fakeBus) Write(time.Duration, []drivers.JointCommand) error {
	f.writes++
	return nil
}

type fakeLine struct {
	edges []time.Duration
	now   time.Duration
	level bool
	err   error
}

func (l *fakeLine) Set(high bool) error {
	if l.err != nil {
		return l.err
	}
	if high != l.level || len(l.edges) == 0 {
		l.edges = append(l.edges, l.now)
	}
	l.level = high
	return nil
}

type fakeRelay struct{ closed bool }

func (r *fakeRelay) Closed() bool { return r.closed }

func TestNewRefuses(t *testing.T) {
	for _, tc := range []struct {
		inner drivers.Bus
		line  Line
		cfg   Config
	}{
		{nil, &fakeLine{}, Config{Timeout: time.Second}},
		{&fakeBus{}, nil, Config{Timeout: time.Second}},
		{&fakeBus{}, &fakeLine{}, Config{}},
		{&fakeBus{}, &fakeLine{}, Config{Timeout: time.Millisecond}},
	} {
		if _, err := New(tc.inner, tc.line, nil, tc.cfg); err == nil {
			t.Errorf("New(%v, %v, %+v) accepted", tc.inner, tc.line, tc.cfg)
		}
	}
}

// TestTogglesEveryQuarterTimeout: a 1 kHz loop's writes toggle the line
// every 12.5 ms for a 50 ms watchdog — never slower, so the relay stays
// closed, and not every cycle, so a slow board link is not flooded.
func TestTogglesEveryQuarterTimeout(t *testing.T) {
	line := &fakeLine{}
	b, err := New(&fakeBus{}, line, nil, Config{Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	cmds := make([]drivers.JointCommand, 2)
	for k := range 1000 {
		line.now = time.Duration(k) * time.Millisecond
		if err := b.Write(line.now, cmds); err != nil {
			t.Fatal(err)
		}
	}
	if len(line.edges) < 75 || len(line.edges) > 81 {
		t.Fatalf("%d edges in 1 s at a 50 ms timeout, want 80", len(line.edges))
	}
	for i := 1; i < len(line.edges); i++ {
		if d := line.edges[i] - line.edges[i-1]; d > 13*time.Millisecond {
			t.Fatalf("edges %v apart (%v → %v): the relay would see %v of silence", d, line.edges[i-1], line.edges[i], d)
		}
	}
}

// TestTripReportedUntilDrivesOff: the relay opening after it had closed is
// a drive fault on the whole bus, reported at every Read until the loop
// has switched every drive off and the relay is closed again; the relay
// still open before the first toggle is not a trip.
func TestTripReportedUntilDrivesOff(t *testing.T) {
	relay := &fakeRelay{}
	line := &fakeLine{}
	b, err := New(&fakeBus{}, line, relay, Config{Timeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	st := make([]drivers.JointState, 2)
	on := []drivers.JointCommand{{Mode: drivers.ModeImpedance}, {Mode: drivers.ModeImpedance}}
	off := make([]drivers.JointCommand, 2)
	if err := b.Read(0, st); err != nil {
		t.Fatalf("relay open before the first toggle: %v", err)
	}
	b.Write(0, off)
	relay.closed = true
	for k := 1; k < 10; k++ {
		now := time.Duration(k) * time.Millisecond
		if err := b.Read(now, st); err != nil {
			t.Fatal(err)
		}
		b.Write(now, on)
	}
	relay.closed = false // the host stalled; the relay opened
	err = b.Read(10*time.Millisecond, st)
	var de *drivers.Error
	if !errors.As(err, &de) || de.Kind != drivers.KindDriveFault || de.Joint != -1 {
		t.Fatalf("relay opened: Read = %v, want a drive fault on the whole bus", err)
	}
	b.Write(10*time.Millisecond, on) // the loop's toggle closes it again…
	relay.closed = true
	if err := b.Read(11*time.Millisecond, st); err == nil {
		t.Fatal("trip forgotten while the drives are still commanded")
	}
	b.Write(11*time.Millisecond, off) // …and the supervisor switches the drives off
	if err := b.Read(12*time.Millisecond, st); err != nil {
		t.Fatalf("drives off, relay closed: %v", err)
	}
	if b.Tripped() {
		t.Fatal("still tripped")
	}
}

func TestLineErrorIsABusError(t *testing.T) {
	line := &fakeLine{err: errors.New("board unplugged")}
	b, _ := New(&fakeBus{}, line, nil, Config{Timeout: 20 * time.Millisecond})
	err := b.Write(0, make([]drivers.JointCommand, 2))
	var de *drivers.Error
	if !errors.As(err, &de) || de.Kind != drivers.KindBusOff || !errors.Is(err, line.err) {
		t.Fatalf("Write = %v, want a bus-off error wrapping the line's", err)
	}
}

func TestNoAllocationPerCycle(t *testing.T) {
	b, _ := New(&fakeBus{}, &fakeLine{edges: make([]time.Duration, 0, 4096)}, &fakeRelay{closed: true}, Config{Timeout: 20 * time.Millisecond})
	st, cmds := make([]drivers.JointState, 2), make([]drivers.JointCommand, 2)
	now := time.Duration(0)
	if a := testing.AllocsPerRun(1000, func() {
		now += time.Millisecond
		b.Read(now, st)
		b.Write(now, cmds)
	}); a != 0 {
		t.Fatalf("%v allocations per cycle", a)
	}
}
