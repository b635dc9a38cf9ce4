//go:build linux

package gobotio

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/gobotio/firmatatest"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

func TestFootPedalConfigRefusesBadPins(t *testing.T) {
	for _, c := range []struct {
		cfg  FootPedalConfig
		want string
	}{
		{FootPedalConfig{DeadmanPin: 0, ClutchPin: -1}, "DeadmanPin 0"},
		{FootPedalConfig{DeadmanPin: 1, ClutchPin: 3}, "DeadmanPin 1"},
		{FootPedalConfig{DeadmanPin: 128, ClutchPin: -1}, "DeadmanPin 128"},
		{FootPedalConfig{DeadmanPin: 2, ClutchPin: 1}, "ClutchPin 1"},
		{FootPedalConfig{DeadmanPin: 2, ClutchPin: 2}, "ClutchPin 2 is the DeadmanPin"},
		{FootPedalConfig{DeadmanPin: 2, ClutchPin: -1, ConnectTimeout: -time.Second}, "ConnectTimeout"},
	} {
		opened := false
		_, err := OpenFootPedal("/dev/ttyACM0", FootPedalConfig{})
		if err == nil {
			t.Fatal("zero config accepted")
		}
		c.cfg.Open = func(string) (io.ReadWriteCloser, error) { opened = true; return nil, errors.New("unused") }
		_, err = OpenFootPedal("/dev/ttyACM0", c.cfg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one naming %q", c.cfg, err, c.want)
		}
		if opened {
			t.Errorf("%+v: port opened despite a bad config", c.cfg)
		}
	}
}

func TestOpenFootPedalFailuresNameThePort(t *testing.T) {
	// The port does not open.
	_, err := OpenFootPedal("/dev/ttyACM7", FootPedalConfig{DeadmanPin: 2, ClutchPin: -1,
		Open: func(string) (io.ReadWriteCloser, error) { return nil, errors.New("no such file or directory") }})
	if err == nil || !strings.Contains(err.Error(), "/dev/ttyACM7") || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("open failure: %v", err)
	}
	// The port opens but nothing speaks Firmata on it: refused after the
	// connect timeout, and the port is closed again.
	host, dev := serialport.Pipe()
	defer dev.Close()
	closed := make(chan struct{})
	go func() { // a silent device: read until the host closes
		buf := make([]byte, 64)
		for {
			if _, err := dev.Read(buf); err != nil {
				close(closed)
				return
			}
		}
	}()
	_, err = OpenFootPedal("/dev/ttyUSB0", FootPedalConfig{DeadmanPin: 2, ClutchPin: -1, ConnectTimeout: 50 * ms,
		Open: func(string) (io.ReadWriteCloser, error) { return host, nil }})
	if err == nil || !strings.Contains(err.Error(), "/dev/ttyUSB0") || !strings.Contains(err.Error(), "Firmata") {
		t.Fatalf("silent port: %v", err)
	}
	select {
	case <-closed:
	case <-time.After(failAfter):
		t.Fatal("port left open after a failed handshake")
	}
}

// openFakeFootPedal opens a foot pedal (deadman D2, clutch D3 unless
// clutch is negative) on a fake StandardFirmata board over an in-memory pipe.
func openFakeFootPedal(t *testing.T, clutch int, clk *fakeClock) (*FootPedal, *firmatatest.Board, serialport.Port, chan PedalState) {
	t.Helper()
	host, dev := serialport.Pipe()
	board := firmatatest.NewBoard(dev)
	changes := make(chan PedalState, 64)
	f, err := OpenFootPedal("/dev/ttyACM0", FootPedalConfig{DeadmanPin: 2, ClutchPin: clutch, Interval: -1, Debounce: -1,
		Now: clk.now, OnChange: func(s PedalState) { changes <- s },
		Open: func(port string) (io.ReadWriteCloser, error) { return host, nil }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		f.Close()
		dev.Close()
		<-board.Done()
	})
	return f, board, dev, changes
}

// waitPedal polls the foot pedal (applying its timeouts and asking for
// reports) until its input satisfies ok.
func waitPedal(t *testing.T, f *FootPedal, what string, ok func(PedalInput) bool) PedalInput {
	t.Helper()
	deadline := time.Now().Add(failAfter)
	for {
		in := f.Input()
		if ok(in) {
			return in
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; input %+v", what, in)
		}
		f.deadman.Poll()
		if f.clutch != nil {
			f.clutch.Poll()
		}
		time.Sleep(time.Millisecond)
	}
}

// TestFootPedalDeadmanClutchAndUnplug runs both pedals on one fake board.
func TestFootPedalDeadmanClutchAndUnplug(t *testing.T) {
	clk := &fakeClock{}
	f, board, dev, _ := openFakeFootPedal(t, 3, clk)
	if got := f.Describe(); got != "deadman on D2, clutch on D3 (pressed = pin high)" {
		t.Errorf("Describe() = %q", got)
	}
	waitPedal(t, f, "online, released", func(in PedalInput) bool { return in.Online && !in.Deadman && !in.Clutch && in.Lost == nil })

	board.Set(2, 1)
	clk.set(30 * ms)
	waitPedal(t, f, "deadman", func(in PedalInput) bool { return in.Deadman && !in.Clutch })
	board.Set(3, 1)
	clk.set(60 * ms)
	waitPedal(t, f, "deadman and clutch", func(in PedalInput) bool { return in.Deadman && in.Clutch })
	board.Set(3, 0)
	waitPedal(t, f, "clutch released", func(in PedalInput) bool { return in.Deadman && !in.Clutch })

	// A hung board: past the timeout the deadman drops; back, the pedal
	// must be released and pressed again.
	board.Mute(true)
	clk.set(60*ms + DefaultPedalTimeout + ms)
	waitPedal(t, f, "offline", func(in PedalInput) bool { return !in.Online && !in.Deadman && in.Lost == nil })
	board.Mute(false)
	clk.set(400 * ms)
	in := waitPedal(t, f, "online again", func(in PedalInput) bool { return in.Online })
	if in.Deadman {
		t.Fatal("a pedal held across a board hang re-engaged by itself")
	}

	// Unplugged: released, offline and lost, for good.
	board.Set(2, 0)
	board.Set(2, 1)
	clk.set(500 * ms)
	waitPedal(t, f, "deadman after re-press", func(in PedalInput) bool { return in.Deadman })
	dev.Close()
	in = waitPedal(t, f, "lost", func(in PedalInput) bool { return in.Lost != nil })
	if in.Deadman || in.Online || !strings.Contains(in.Lost.Error(), "/dev/ttyACM0") {
		t.Fatalf("after unplugging: %+v", in)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("Close after link loss: %v", err)
	}
	if in := f.Input(); in.Deadman {
		t.Fatalf("after Close: %+v", in)
	}
}

func TestFootPedalWithoutClutch(t *testing.T) {
	clk := &fakeClock{}
	f, board, _, _ := openFakeFootPedal(t, -1, clk)
	if got := f.Describe(); got != "deadman on D2 (pressed = pin high)" {
		t.Errorf("Describe() = %q", got)
	}
	waitPedal(t, f, "online", func(in PedalInput) bool { return in.Online })
	board.Set(3, 1) // not a pedal: ignored
	board.Set(2, 1)
	clk.set(30 * ms)
	if in := waitPedal(t, f, "deadman", func(in PedalInput) bool { return in.Deadman }); in.Clutch {
		t.Fatalf("clutch without a clutch pedal: %+v", in)
	}
}
