package padbridge

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
)

// fakePedal is a foot pedal the test presses.
type fakePedal struct {
	mu sync.Mutex
	in gobotio.PedalInput
}

func (p *fakePedal) Input() gobotio.PedalInput {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.in
}

func (p *fakePedal) set(f func(in *gobotio.PedalInput)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f(&p.in)
}

// TestBridgePedalProvidesDeadmanAndClutch: with a pedal, the pedal's deadman
// takes control and gates motion (the pad's trigger does neither), and the
// clutch pedal holds.
func TestBridgePedalProvidesDeadmanAndClutch(t *testing.T) {
	robot, addr, tok := server(t)
	pedal := &fakePedal{in: gobotio.PedalInput{Online: true}}
	b, src, _ := start(t, Config{URL: "ws://" + addr + "/ws", Token: tok, Prefix: "/arm", Pedal: pedal})

	// The pad's deadman trigger and a stick: the trigger is not the deadman
	// (the foot is), and the bridge takes control and moves only on the
	// input Input returns.
	src.Publish("rt", gobotio.AxisFull)
	src.Publish("right_y", -gobotio.AxisFull)
	waitUntil(t, "stick seen", func() bool { return b.Input().Linear[2] > 0 })
	if in := b.Input(); in.Deadman {
		t.Fatalf("pad trigger counted as the deadman with a pedal: %+v", in)
	}
	if s := b.Status(); s.InControl || s.Seq != 0 {
		t.Fatalf("pad trigger took control with a pedal: %+v", s)
	}

	steps := []struct {
		name  string
		pedal gobotio.PedalInput
		check func(c commandSeen) bool
	}{
		{"deadman pedal pressed: control taken, motion", gobotio.PedalInput{Online: true, Deadman: true},
			func(c commandSeen) bool { return c.inControl && c.deadman && !c.hold && c.linearZ > 0 }},
		{"clutch pedal: hold", gobotio.PedalInput{Online: true, Deadman: true, Clutch: true},
			func(c commandSeen) bool { return c.hold && c.reason == "clutch" }},
		{"clutch released: motion again", gobotio.PedalInput{Online: true, Deadman: true},
			func(c commandSeen) bool { return !c.hold && c.linearZ > 0 }},
		{"deadman pedal released: hold", gobotio.PedalInput{Online: true},
			func(c commandSeen) bool { return c.hold && c.reason == "deadman" }},
		{"pressed again: motion", gobotio.PedalInput{Online: true, Deadman: true},
			func(c commandSeen) bool { return !c.hold && c.linearZ > 0 }},
		{"board silent (offline reads released): hold", gobotio.PedalInput{},
			func(c commandSeen) bool { return c.hold && c.reason == "deadman" }},
	}
	for _, s := range steps {
		pedal.set(func(in *gobotio.PedalInput) { *in = s.pedal })
		waitUntil(t, s.name, func() bool {
			c := robot.Last()
			return s.check(commandSeen{inControl: b.Status().InControl, deadman: c.Deadman, hold: c.Hold,
				reason: c.Reason, linearZ: c.Linear[2]})
		})
	}
	if ps := robot.ProtectiveStops(); len(ps) != 0 {
		t.Fatalf("protective stops: %v", ps)
	}
}

type commandSeen struct {
	inControl, deadman, hold bool
	reason                   string
	linearZ                  float64
}

// TestBridgePedalLostIsDeviceLost: an unplugged pedal board releases the
// deadman at once, then the bridge falls silent and ends with ErrDeviceLost.
func TestBridgePedalLostIsDeviceLost(t *testing.T) {
	robot, addr, tok := server(t)
	pedal := &fakePedal{in: gobotio.PedalInput{Online: true}}
	b, src, done := start(t, Config{URL: "ws://" + addr + "/ws", Token: tok, Prefix: "/arm", Pedal: pedal,
		LostRelease: 200 * time.Millisecond})
	src.Publish("right_y", -gobotio.AxisFull)
	pedal.set(func(in *gobotio.PedalInput) { in.Deadman = true })
	waitUntil(t, "moving", func() bool { c := robot.Last(); return b.Status().InControl && c.Linear[2] > 0 })

	pedal.set(func(in *gobotio.PedalInput) {
		*in = gobotio.PedalInput{Lost: errors.New("foot pedal /dev/ttyACM0: board link lost")}
	})
	waitUntil(t, "hold", func() bool { return robot.Last().Hold })
	select {
	case err := <-done:
		done <- err // for the cleanup
		if !errors.Is(err, ErrDeviceLost) || !strings.Contains(err.Error(), "/dev/ttyACM0") {
			t.Fatalf("Run after the pedal was lost: %v", err)
		}
	case <-time.After(failAfter):
		t.Fatal("bridge still running after the pedal was lost")
	}
}

func TestLocal(t *testing.T) {
	for in, want := range map[string]string{
		"0.0.0.0:8080": "ws://127.0.0.1:8080/ws", "[::]:8080": "ws://[::1]:8080/ws", "127.0.0.1:1": "ws://127.0.0.1:1/ws",
		"192.0.2.7:80": "ws://192.0.2.7:80/ws", ":9000": "ws://127.0.0.1:9000/ws",
	} {
		got, d, err := Local(in, "")
		if err != nil || got != want || d.TLSClientConfig != nil {
			t.Errorf("Local(%q) = %q, %v; want %q without TLS", in, got, err, want)
		}
	}
	bad := filepath.Join(t.TempDir(), "cert.pem")
	if err := os.WriteFile(bad, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{bad, filepath.Join(t.TempDir(), "missing.pem")} {
		if _, _, err := Local("127.0.0.1:1", f); err == nil || !strings.Contains(err.Error(), f) {
			t.Errorf("Local with certificate %s: %v, want an error naming it", f, err)
		}
	}
}
