package chiron

import (
	"bytes"
	"context"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gobot.io/x/gobot/v2"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
	"github.com/chiron-robotics/chiron/drivers/gobotio/firmatatest"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/padbridge"
)

// pedalRig replaces the devices serve and demo open: a fake joystick (a gobot
// eventer publishing what gobot's joystick driver publishes) and a fake
// StandardFirmata board on an in-memory pipe behind the pedal's port.
type pedalRig struct {
	src   gobot.Eventer
	board *firmatatest.Board
	dev   serialport.Port // the board's end: closing it unplugs the board
	port  string          // the port the pedal opened
}

func newPedalRig(t *testing.T) *pedalRig {
	t.Helper()
	host, dev := serialport.Pipe()
	r := &pedalRig{src: gobot.NewEventer(), board: firmatatest.NewBoard(dev), dev: dev}
	oldJ, oldP := openJoystick, openPedalPort
	openJoystick = func(int, string) (gobot.Eventer, func(), error) { return r.src, func() {}, nil }
	openPedalPort = func(port string) (io.ReadWriteCloser, error) { r.port = port; return host, nil }
	t.Cleanup(func() {
		openJoystick, openPedalPort = oldJ, oldP
		dev.Close()
		<-r.board.Done()
	})
	return r
}

// appliedStopsAfter watches the loop for n cycles from now and returns how
// long after t0 the robot last reported a new applied motion command.
func appliedStopsAfter(st *stack, t0 time.Time, n uint64) time.Duration {
	l := st.rigs[0].Loop()
	snap := l.NewSnapshot()
	l.Snapshot(snap)
	start, seq, last := snap.Cycle, robotState(st).AppliedSeq, time.Duration(0)
	for l.Snapshot(snap); snap.Cycle < start+n; l.Snapshot(snap) {
		if s := robotState(st).AppliedSeq; s != seq {
			seq, last = s, time.Since(t0)
		}
		time.Sleep(time.Millisecond)
	}
	return last
}

// TestServePedalWiring drives the PSM through what serve and demo run with
// --gamepad 0 --pedal /dev/ttyACM0 (flags parsed as serve parses them,
// openGamepad, start on the bound address), the pad and the pedal's board
// replaced by fakes: the pedal's deadman gates the pad's motion, its clutch
// holds, and unplugging the board releases the deadman.
func TestServePedalWiring(t *testing.T) {
	rig := newPedalRig(t)
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	g := addGamepadFlags(fs, false)
	if err := fs.Parse([]string{"--gamepad", "0", "--pedal", "/dev/ttyACM0"}); err != nil {
		t.Fatal(err)
	}
	if err := g.validate(); err != nil {
		t.Fatal(err)
	}
	tokens, _, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	pad, err := openGamepad(g, tokens, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if rig.port != "/dev/ttyACM0" {
		t.Fatalf("pedal opened %q", rig.port)
	}
	st, addr := padStack(t, tokens)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	pad.start(ctx, addr, "psm", &out, &errb)
	defer func() {
		if t.Failed() {
			t.Logf("stderr: %s", errb.String())
		}
	}()
	want := "gamepad /dev/input/js0 (xbox360) and foot pedal /dev/ttyACM0 (deadman on D2, clutch on D3 (pressed = pin high)) drives psm: press the deadman pedal"
	if !strings.Contains(out.String(), want) {
		t.Errorf("printed %q, want %q", out.String(), want)
	}

	// The pedal must be seen up before a press counts (a pedal held at
	// start does not engage).
	waitUntil(t, "pedal online", func() bool { return pad.dev.Pedal().Online })

	// The pad's trigger held and the stick pushed, the pedal up: nothing moves.
	p0 := robotState(st).ToolPosition
	rig.src.Publish("rt", gobotio.AxisFull)
	rig.src.Publish("left_y", -gobotio.AxisFull)
	if d := stillFor(st, 300); d > 2e-4 || dist(robotState(st).ToolPosition, p0) > 2e-4 {
		t.Fatalf("pad without the pedal: tool moved %.2g m", d)
	}

	// Deadman pedal pressed: control taken, the arm moves.
	pressed := time.Now()
	rig.board.Set(2, 1)
	waitUntil(t, "tool moved 2 mm", func() bool { return dist(robotState(st).ToolPosition, p0) > 2e-3 })
	t.Logf("pedal pressed → tool 2 mm away in %v", time.Since(pressed).Round(time.Millisecond))

	// Released: the arm holds, well within the server's heartbeat hold.
	released := time.Now()
	rig.board.Set(2, 0)
	if last := appliedStopsAfter(st, released, 300); last > teleop.DefaultHeartbeat {
		t.Fatalf("motion applied %v after the pedal was released; the server's hold timeout is %v", last, teleop.DefaultHeartbeat)
	} else {
		t.Logf("pedal released → last motion applied after %v", last.Round(time.Millisecond))
	}
	if d := stillFor(st, 300); d > 3e-4 {
		t.Fatalf("pedal released: tool moved %.2g m over 300 cycles", d)
	}

	// Pressed again: moves; the clutch pedal holds; clutch up: moves again.
	for _, step := range []struct {
		name       string
		pin, level int
		moves      bool
	}{
		{"deadman pressed again", 2, 1, true},
		{"clutch pedal pressed", 3, 1, false},
		{"clutch pedal released", 3, 0, true},
	} {
		p := robotState(st).ToolPosition
		rig.board.Set(step.pin, step.level)
		if step.moves {
			waitUntil(t, step.name+": tool moved 1 mm", func() bool { return dist(robotState(st).ToolPosition, p) > 1e-3 })
			continue
		}
		stillFor(st, 150) // the hold settles
		if d := stillFor(st, 300); d > 3e-4 {
			t.Fatalf("%s: tool moved %.2g m over 300 cycles", step.name, d)
		}
	}

	// Unplugged while moving: the deadman is released at once (the arm
	// holds), then silence and the server's protective stop.
	unplugged := time.Now()
	rig.dev.Close()
	if last := appliedStopsAfter(st, unplugged, 300); last > teleop.DefaultHeartbeat {
		t.Fatalf("motion applied %v after the board was unplugged", last)
	} else {
		t.Logf("board unplugged → last motion applied after %v", last.Round(time.Millisecond))
	}
	waitUntil(t, "protective stop", func() bool { return robotState(st).Safety == "protective_stop" })
	if since := time.Since(unplugged); since < 800*time.Millisecond {
		t.Fatalf("protective stop %v after the unplug: the server's silence stop is 1 s", since)
	} else {
		t.Logf("board unplugged → protective stop after %v", since.Round(time.Millisecond))
	}
	if d := stillFor(st, 200); d > 3e-4 {
		t.Fatalf("after the unplug: tool moved %.2g m", d)
	}
	waitUntil(t, "bridge ended", func() bool { return strings.Contains(errb.String(), "serving on without it") })
	if s := errb.String(); !strings.Contains(s, "board link lost") {
		t.Errorf("stderr does not say the pedal was lost: %q", s)
	}
	cancel()
	pad.stop()
}

// TestPedalViewerTokenCannotMove runs the pedal's bridge with a viewer's
// token: the server refuses its take, and pedal and stick move nothing.
func TestPedalViewerTokenCannotMove(t *testing.T) {
	rig := newPedalRig(t)
	tokens, gen, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	st, addr := padStack(t, tokens)
	dev, err := padbridge.OpenDevices(padbridge.DeviceConfig{Layout: "xbox360", PedalPort: "/dev/ttyACM0",
		Pedal:        gobotio.FootPedalConfig{DeadmanPin: 2, ClutchPin: -1, Open: openPedalPort},
		OpenJoystick: openJoystick})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); dev.Stop() }()
	var mu sync.Mutex
	var statuses []string
	refused := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.Contains(strings.Join(statuses, "\n"), "role viewer may not take control")
	}
	if err := dev.Start(ctx, padbridge.Config{URL: "ws://" + addr + "/ws", Token: gen[teleop.RoleViewer],
		OnStatus: func(_ int, msg string) { mu.Lock(); statuses = append(statuses, msg); mu.Unlock() }}, nil); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "pedal online", func() bool { return dev.Pedal().Online })
	p0 := robotState(st).ToolPosition
	rig.src.Publish("left_y", -gobotio.AxisFull)
	rig.board.Set(2, 1)
	waitUntil(t, "take refused", refused)
	if d := stillFor(st, 300); d > 2e-4 || dist(robotState(st).ToolPosition, p0) > 2e-4 {
		t.Fatalf("a viewer's pedal moved the tool %.2g m", d)
	}
	if s := robotState(st); s.AppliedSeq != 0 || s.Safety != "enabled" {
		t.Fatalf("viewer: applied seq %d, safety %q", s.AppliedSeq, s.Safety)
	}
}

func TestPedalFlags(t *testing.T) {
	closed := 0
	oldJ := openJoystick
	openJoystick = func(int, string) (gobot.Eventer, func(), error) { return gobot.NewEventer(), func() { closed++ }, nil }
	defer func() { openJoystick = oldJ }()
	serve := []string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--db", filepath.Join(t.TempDir(), "rehab.db")}
	for _, c := range []struct {
		args []string
		want string
	}{
		{append(serve, "--pedal", "/dev/ttyACM0"), "--pedal needs --gamepad"},
		{[]string{"demo", "--pedal", "/dev/ttyACM0"}, "--pedal needs --gamepad"},
		{append(serve, "--gamepad", "0", "--pedal", "/dev/ttyACM0", "--pedal-deadman-pin", "1"), "--pedal-deadman-pin 1"},
		{append(serve, "--gamepad", "0", "--pedal", "/dev/ttyACM0", "--pedal-clutch-pin", "0"), "--pedal-clutch-pin 0"},
		{append(serve, "--gamepad", "0", "--pedal", "/dev/ttyACM0", "--pedal-clutch-pin", "2"), "is the deadman pedal's pin"},
		// No such port: a clear error naming it, status 2, the pad closed.
		{append(serve, "--gamepad", "0", "--pedal", "/dev/chiron-no-such-tty"), "/dev/chiron-no-such-tty"},
	} {
		var out, errb bytes.Buffer
		if code := run(c.args, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errb.String(), c.want)
		}
	}
	if closed != 1 {
		t.Errorf("the pad was closed %d times after the pedal failed to open, want 1", closed)
	}
}

// syncBuffer is a bytes.Buffer safe for the bridge's goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
