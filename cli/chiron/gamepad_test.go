package chiron

import (
	"bytes"
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"gobot.io/x/gobot/v2"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers/gobotio"
	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/padbridge"
)

// padFailAfter bounds every wait of the gamepad tests; it is never what
// makes a test pass.
const padFailAfter = 20 * time.Second

// waitUntil polls cond until it holds, failing after padFailAfter.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(padFailAfter)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// padStack serves the PSM (inproc simulated drives, the real loop in real
// time, the teleop server on 127.0.0.1:0) and waits until it is enabled.
func padStack(t *testing.T, tokens *teleop.Tokens) (*stack, string) {
	t.Helper()
	st, addr := startStack(t, robotSpec{Name: "psm", Model: filepath.Join("..", "..", "robots", "psm.json"),
		Protocol: "inproc", Rate: 1000, Seed: 1}, tokens, padFailAfter)
	// Enabled, the arm still settles on its drives for a moment.
	waitUntil(t, "arm settled", func() bool { return stillFor(st, 100) < 5e-5 })
	return st, addr
}

// startStack serves one robot on 127.0.0.1:0 until the test ends and
// returns once its loop is Enabled (failing after within).
func startStack(tb testing.TB, spec robotSpec, tokens *teleop.Tokens, within time.Duration) (*stack, string) {
	tb.Helper()
	return startStackOpts(tb, spec, stackOptions{Addr: "127.0.0.1:0", EnableOnStart: true, Tokens: tokens}, within)
}

// startStackOpts is startStack with the server-side options given.
func startStackOpts(tb testing.TB, spec robotSpec, o stackOptions, within time.Duration) (*stack, string) {
	tb.Helper()
	st, err := newStack([]robotSpec{spec}, o)
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := serveStack(tb, st, ctx, cancel)
	loop := st.rigs[0].Loop()
	snap := loop.NewSnapshot()
	deadline := time.Now().Add(within)
	for loop.Snapshot(snap); snap.State != control.Enabled; loop.Snapshot(snap) {
		if time.Now().After(deadline) {
			tb.Fatalf("loop not enabled within %v: %s (%s)", within, snap.State, snap.Reason)
		}
		time.Sleep(2 * time.Millisecond)
	}
	return st, addr
}

// serveStack runs st on ctx until the test ends — cancel, which must cancel
// ctx, then stops it, and an error it ends with fails the test — and
// returns its address once it serves.
func serveStack(tb testing.TB, st *stack, ctx context.Context, cancel context.CancelFunc) string {
	tb.Helper()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- st.run(ctx, func(a string) { ready <- a }) }()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("stack: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return addr
	case err := <-done:
		tb.Fatalf("stack ended before serving: %v", err)
	case <-time.After(20 * time.Second):
		tb.Fatal("stack not serving after 20 s")
	}
	return ""
}

// robotState is the robot's teleop snapshot (what the server publishes).
func robotState(st *stack) teleop.State {
	var s teleop.State
	st.robots[0].Snapshot(&s)
	return s
}

func dist(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// stillFor reports how far the tool moved over n loop cycles from now.
func stillFor(st *stack, n uint64) float64 {
	l := st.rigs[0].Loop()
	snap := l.NewSnapshot()
	l.Snapshot(snap)
	start, p0 := snap.Cycle, robotState(st).ToolPosition
	moved := 0.0
	for l.Snapshot(snap); snap.Cycle < start+n; l.Snapshot(snap) {
		moved = math.Max(moved, dist(robotState(st).ToolPosition, p0))
		time.Sleep(time.Millisecond)
	}
	return moved
}

// padRun runs a bridge on a fake joystick (a gobot eventer publishing what
// gobot's joystick driver publishes) against addr.
type padRun struct {
	b      *padbridge.Bridge
	src    gobot.Eventer
	done   chan error
	cancel context.CancelFunc

	mu     sync.Mutex
	status []string
}

func startPad(t *testing.T, addr, token string) *padRun {
	t.Helper()
	p := &padRun{src: gobot.NewEventer(), done: make(chan error, 1)}
	b, err := padbridge.New(padbridge.Config{URL: "ws://" + addr + "/ws", Token: token,
		OnStatus: func(level int, msg string) {
			p.mu.Lock()
			p.status = append(p.status, msg)
			p.mu.Unlock()
		}})
	if err != nil {
		t.Fatal(err)
	}
	p.b = b
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	if err := b.Attach(p.src); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-p.done
	})
	waitUntil(t, "bridge connected and watching the robot", func() bool {
		s := b.Status()
		return s.Client != "" && s.Safety != ""
	})
	return p
}

func (p *padRun) statusWith(sub string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.status {
		if strings.Contains(s, sub) {
			return s
		}
	}
	return ""
}

// Xbox 360 events as gobot's joystick driver publishes them.
func (p *padRun) deadman(held bool) {
	if held {
		p.src.Publish("rt", gobotio.AxisFull)
	} else {
		p.src.Publish("rt", -gobotio.AxisFull)
	}
}

func (p *padRun) stickForward(v int) { p.src.Publish("left_y", -v) }

func TestGamepadBridgeMovesHoldsAndProtectiveStopsOnLoss(t *testing.T) {
	tokens, gen, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	st, addr := padStack(t, tokens)
	p := startPad(t, addr, gen[teleop.RoleOperator])
	if p.b.Status().InControl {
		t.Fatal("bridge holds control before any deadman press")
	}

	// A stick alone does nothing: no take, no command.
	p.stickForward(gobotio.AxisFull)
	waitUntil(t, "stick seen", func() bool { return p.b.Input().Linear[0] > 0 })
	if d := stillFor(st, 100); d > 2e-4 || p.b.Status().Seq != 0 || p.b.Status().Operator != "" {
		t.Fatalf("stick without deadman: moved %.2g m, status %+v", d, p.b.Status())
	}

	// Deadman held + stick → takes control and the arm moves.
	p0 := robotState(st).ToolPosition
	p.deadman(true)
	waitUntil(t, "bridge in control", func() bool { return p.b.Status().InControl })
	waitUntil(t, "tool moved 3 mm", func() bool { return dist(robotState(st).ToolPosition, p0) > 3e-3 })
	if s := robotState(st); s.AppliedSeq == 0 || s.Safety != "enabled" {
		t.Fatalf("moving: applied seq %d, safety %q", s.AppliedSeq, s.Safety)
	}

	// Deadman released → hold (the stick is still pushed).
	p.deadman(false)
	waitUntil(t, "deadman release seen", func() bool { return !p.b.Input().Deadman })
	rel := p.b.Status().Seq + 1
	waitUntil(t, "release sent", func() bool { return p.b.Status().Seq > rel+2 })
	if s := robotState(st); s.AppliedSeq >= rel {
		t.Fatalf("a deadman-released hold reported applied: %d ≥ %d", s.AppliedSeq, rel)
	}
	stillFor(st, 150) // the hold settles: the arm stops where it is
	if d := stillFor(st, 300); d > 3e-4 {
		t.Fatalf("deadman released: tool moved %.2g m over 300 cycles", d)
	}
	if !p.b.Status().InControl || robotState(st).Safety != "enabled" {
		t.Fatalf("after release: %+v, safety %q", p.b.Status(), robotState(st).Safety)
	}

	// Pressed again: moves again.
	p1 := robotState(st).ToolPosition
	p.stickForward(-gobotio.AxisFull) // back towards the start
	p.deadman(true)
	waitUntil(t, "tool moved again", func() bool { return dist(robotState(st).ToolPosition, p1) > 2e-3 })

	// Device lost while moving → hold at once, protective stop from the
	// server's silence rule, then control handed back.
	lost := time.Now()
	p.src.Publish(gobotio.JoystickErrorEvent, errors.New("read /dev/input/js0: no such device"))
	waitUntil(t, "loss seen", func() bool { return !p.b.Input().Deadman })
	waitUntil(t, "protective stop", func() bool { return robotState(st).Safety == "protective_stop" })
	if since := time.Since(lost); since < 800*time.Millisecond {
		t.Fatalf("protective stop %v after the loss: the server's silence stop is 1 s", since)
	}
	if d := stillFor(st, 200); d > 3e-4 {
		t.Fatalf("after loss: tool moved %.2g m", d)
	}
	select {
	case err := <-p.done:
		p.done <- err // for the cleanup
		if !errors.Is(err, padbridge.ErrDeviceLost) {
			t.Fatalf("Run after loss: %v", err)
		}
	case <-time.After(padFailAfter):
		t.Fatal("bridge still running after the device was lost")
	}
	var s teleop.State
	st.robots[0].Snapshot(&s)
	if strings.Contains(strings.Join(s.SafetyEvents, "\n"), "disconnected") {
		t.Errorf("the stop came from a disconnect, not the silence rule: %v", s.SafetyEvents)
	}
	if !strings.Contains(strings.Join(s.SafetyEvents, "\n"), "silent") {
		t.Errorf("no silence stop among the events: %v", s.SafetyEvents)
	}
	if t.Failed() {
		p.mu.Lock()
		t.Logf("statuses: %q", p.status)
		p.mu.Unlock()
	}
}

// browserOperator dials like the browser console and takes control.
func browserOperator(t *testing.T, addr, token string) (*websocket.Conn, string) {
	t.Helper()
	c := dialWSTB(t, addr, token)
	var name string
	for name == "" {
		var m struct {
			Op       string            `json:"op"`
			Metadata map[string]string `json:"metadata"`
		}
		c.SetReadDeadline(time.Now().Add(padFailAfter))
		if err := c.ReadJSON(&m); err != nil {
			t.Fatal(err)
		}
		if m.Op == "serverInfo" {
			name = m.Metadata["client"]
		}
	}
	go func() { // drain
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}()
	if err := c.WriteJSON(map[string]any{"op": "advertise", "channels": []map[string]any{
		{"id": 1, "topic": "/teleop/command", "encoding": "json", "schemaName": "chiron.TeleopCommand"},
		{"id": 2, "topic": "/teleop/control", "encoding": "json", "schemaName": "chiron.TeleopControl"},
	}}); err != nil {
		t.Fatal(err)
	}
	if err := publish(c, 2, map[string]any{"action": "take"}); err != nil {
		t.Fatal(err)
	}
	return c, name
}

func dialWSTB(t testing.TB, addr, token string) *websocket.Conn {
	t.Helper()
	d := websocket.Dialer{Subprotocols: []string{"foxglove.websocket.v1"}}
	c, _, err := d.Dial("ws://"+addr+"/ws?token="+token, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestGamepadBridgeDoesNotDisplaceBrowserOperator(t *testing.T) {
	tokens, gen, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	st, addr := padStack(t, tokens)
	_, browser := browserOperator(t, addr, gen[teleop.RoleOperator])
	p := startPad(t, addr, gen[teleop.RoleOperator])
	waitUntil(t, "browser in control", func() bool { return p.b.Status().Operator == browser })

	p0 := robotState(st).ToolPosition
	p.stickForward(gobotio.AxisFull)
	p.deadman(true)
	waitUntil(t, "take refused", func() bool { return p.statusWith("control is held by another operator") != "" })
	if d := stillFor(st, 200); d > 2e-4 || dist(robotState(st).ToolPosition, p0) > 2e-4 {
		t.Fatalf("tool moved %.2g m while the browser held control", d)
	}
	if s := p.b.Status(); s.Operator != browser || s.InControl || s.Seq != 0 {
		t.Fatalf("bridge %+v: want the browser (%s) in control and no command published", s, browser)
	}
	t.Logf("refused: %s", p.statusWith("held by"))
}

func TestGamepadBridgeEStop(t *testing.T) {
	tokens, gen, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	st, addr := padStack(t, tokens)
	p := startPad(t, addr, gen[teleop.RoleOperator])
	p0 := robotState(st).ToolPosition
	p.stickForward(gobotio.AxisFull)
	p.deadman(true)
	waitUntil(t, "tool moving", func() bool { return dist(robotState(st).ToolPosition, p0) > 1e-3 })

	p.src.Publish("back_press", nil)
	waitUntil(t, "e-stop engaged", func() bool { return robotState(st).Safety == "estop" })
	snap := st.rigs[0].Loop().NewSnapshot()
	st.rigs[0].Loop().Snapshot(snap)
	if !snap.EStopLatched {
		t.Fatalf("loop: e-stop not latched (%s, %s)", snap.State, snap.Reason)
	}
	waitUntil(t, "e-stop status", func() bool { return p.statusWith("e-stop engaged by "+p.b.Status().Client) != "" })
	if in := p.b.Input(); !in.EStop {
		t.Fatalf("input %+v: e-stop not latched", in)
	}
}

func TestGamepadFlags(t *testing.T) {
	var out, errb bytes.Buffer
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--gamepad", "js0"}, "joystick index"},
		{[]string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--gamepad", "0", "--gamepad-map", "wiimote"}, "dualshock4 or xbox360"},
		{[]string{"demo", "--gamepad", "0", "--gamepad-robot", "arm"}, "psm exo"},
		// No such device: a clear error naming it, status 2.
		{[]string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--gamepad", "97",
			"--db", filepath.Join(t.TempDir(), "rehab.db")}, "/dev/input/js97"},
	} {
		errb.Reset()
		if code := run(c.args, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errb.String(), c.want)
		}
	}
}

// TestServeGamepadWiring drives the PSM through what serve and demo run
// (openGamepad with the bridge's own operator token, start on the bound
// address) with gobot's joystick device replaced by a fake.
func TestServeGamepadWiring(t *testing.T) {
	src := gobot.NewEventer()
	closed := make(chan struct{})
	old := openJoystick
	openJoystick = func(index int, config string) (gobot.Eventer, func(), error) {
		if index != 3 || config != "dualshock4" {
			t.Errorf("openJoystick(%d, %q)", index, config)
		}
		return src, func() { close(closed) }, nil
	}
	defer func() { openJoystick = old }()

	tokens, _, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	dev, mapping := "3", "dualshock4"
	pad, err := openGamepad(&gamepadFlags{dev: &dev, mapping: &mapping}, tokens, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if tokens.Len() != 5 {
		t.Fatalf("%d tokens, want the four printed ones and the bridge's own", tokens.Len())
	}
	st, addr := padStack(t, tokens)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer // the bridge's goroutine logs to errb
	pad.start(ctx, addr, "psm", &out, &errb)
	defer func() {
		if t.Failed() {
			t.Logf("stderr: %s", errb.String())
		}
	}()
	if !strings.Contains(out.String(), "gamepad /dev/input/js3 (dualshock4) drives psm: hold R2") {
		t.Errorf("printed %q", out.String())
	}
	p0 := robotState(st).ToolPosition
	src.Publish("left_y", -gobotio.AxisFull)
	src.Publish("r2", gobotio.AxisFull)
	waitUntil(t, "tool moved by the dualshock", func() bool { return dist(robotState(st).ToolPosition, p0) > 2e-3 })
	cancel()
	pad.stop()
	select {
	case <-closed:
	default:
		t.Fatal("device not closed by stop")
	}
	// Stopping released control (a hold), then closed the connection:
	// no protective stop for a vanished operator.
	stillFor(st, 200)
	if s := robotState(st); s.Safety != "enabled" {
		t.Fatalf("after stop: safety %q (%s)", s.Safety, s.SafetyReason)
	}
}
