package padbridge

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"gobot.io/x/gobot/v2"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
	"github.com/chiron-robotics/chiron/teleop"
)

const failAfter = 10 * time.Second

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(failAfter)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// server serves a fake robot on 127.0.0.1:0 and returns it, its address
// and an operator token.
func server(t *testing.T) (*teleop.FakeRobot, string, string) {
	t.Helper()
	tokens := teleop.NewTokens()
	tok, err := teleop.GenerateToken()
	if err != nil {
		t.Fatal(err)
	}
	if err := tokens.Add(teleop.RoleOperator, tok); err != nil {
		t.Fatal(err)
	}
	robot := teleop.NewFakeRobot("arm", "j1")
	srv, err := teleop.New(teleop.Options{Addr: "127.0.0.1:0", Tokens: tokens, Robots: []teleop.RobotConfig{{Robot: robot, Prefix: "/arm"}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, func(a string) { ready <- a }) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return robot, <-ready, tok
}

// countingDialer is the injected dialer: a websocket.Dialer that counts.
type countingDialer struct {
	websocket.Dialer
	n atomic.Int32
}

func (d *countingDialer) DialContext(ctx context.Context, u string, h http.Header) (*websocket.Conn, *http.Response, error) {
	d.n.Add(1)
	return d.Dialer.DialContext(ctx, u, h)
}

func start(t *testing.T, cfg Config) (*Bridge, gobot.Eventer, chan error) {
	t.Helper()
	b, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	src := gobot.NewEventer()
	if err := b.Attach(src); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	waitUntil(t, "connected", func() bool { s := b.Status(); return s.Client != "" && s.Safety != "" })
	return b, src, done
}

func TestBridgeIdleReleaseAndEStopLatch(t *testing.T) {
	robot, addr, tok := server(t)
	d := &countingDialer{}
	b, src, _ := start(t, Config{URL: "ws://" + addr + "/ws", Token: tok, Prefix: "arm", Dialer: d, IdleRelease: 300 * time.Millisecond})
	if d.n.Load() != 1 {
		t.Fatalf("injected dialer used %d times", d.n.Load())
	}

	src.Publish("rt", gobotio.AxisFull)
	src.Publish("right_y", -gobotio.AxisFull)
	waitUntil(t, "in control", func() bool { return b.Status().InControl })
	waitUntil(t, "a command moving +z in the tool frame", func() bool {
		c := robot.Last()
		return c.Deadman && c.Linear[2] > 0
	})

	// Put down: deadman released → hold, then control handed back.
	src.Publish("rt", -gobotio.AxisFull)
	waitUntil(t, "hold", func() bool { return robot.Last().Hold })
	waitUntil(t, "control handed back", func() bool { return b.Status().Operator == "" })
	if ps := robot.ProtectiveStops(); len(ps) != 0 {
		t.Fatalf("idle release protective-stopped: %v", ps)
	}

	// The pad's e-stop engages without control; the pad never releases it.
	src.Publish("back_press", nil)
	waitUntil(t, "e-stop", robot.EStopped)
	src.Publish("back_release", nil)
	waitUntil(t, "bridge sees the e-stop", func() bool { return b.Status().Safety == "estop" })

	// Released at the server (the console): the pad's latch clears, and a
	// fresh deadman press takes control again.
	if err := robot.EStop(false); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "pad latch cleared", func() bool { return !b.Input().EStop })
	if robot.EStopped() {
		t.Fatal("bridge re-engaged the e-stop")
	}
	src.Publish("rt", gobotio.AxisFull)
	waitUntil(t, "in control again", func() bool { return b.Status().InControl })
}

func TestBridgeRefusedTokenAndPrefix(t *testing.T) {
	_, addr, tok := server(t)
	for _, c := range []struct {
		cfg  Config
		want string
	}{
		{Config{URL: "ws://" + addr + "/ws", Token: "nope", Prefix: "/arm"}, "401"},
		{Config{URL: "ws://" + addr + "/ws", Token: tok, Prefix: "/psm"}, `no robot under prefix "/psm"`},
	} {
		b, err := New(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Attach(gobot.NewEventer()); err != nil {
			t.Fatal(err)
		}
		if err := b.Run(context.Background()); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Run: %v, want %q", err, c.want)
		}
	}
	if _, err := New(Config{URL: "ws://x/ws"}); err == nil {
		t.Error("New without a token accepted")
	}
}
