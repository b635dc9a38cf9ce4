//go:build linux

package gobotio

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gobot.io/x/gobot/v2/platforms/firmata"
	"gobot.io/x/gobot/v2/platforms/firmata/client"

	"github.com/chiron-robotics/chiron/drivers/gobotio/firmatatest"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// fakeClock is a settable pedal clock.
type fakeClock struct{ ns atomic.Int64 }

func (c *fakeClock) now() time.Duration  { return time.Duration(c.ns.Load()) }
func (c *fakeClock) set(d time.Duration) { c.ns.Store(int64(d)) }

// connectFakeBoard connects gobot's firmata adaptor, through its port opener,
// to a fake StandardFirmata board on an in-memory pipe.
func connectFakeBoard(t *testing.T) (*firmata.Adaptor, *firmatatest.Board, serialport.Port) {
	t.Helper()
	host, dev := serialport.Pipe()
	board := firmatatest.NewBoard(dev)
	opened := ""
	a := NewFirmataAdaptor("/dev/ttyACM0", FirmataOpener(func(name string, cfg serialport.Config) (serialport.Port, error) {
		if cfg.BaudRate != FirmataBaud {
			return nil, errors.New("wrong baud rate")
		}
		opened = name
		return host, nil
	}))
	if err := a.Connect(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a.Finalize()
		dev.Close()
		<-board.Done()
	})
	if opened != "/dev/ttyACM0" {
		t.Fatalf("opener called with %q", opened)
	}
	if c := a.Board.(*client.Client); c.FirmwareName != firmatatest.FirmwareName || c.ProtocolVersion != "2.5" || len(c.Pins()) != 20 {
		t.Fatalf("handshake: firmware %q, protocol %q, %d pins", c.FirmwareName, c.ProtocolVersion, len(c.Pins()))
	}
	return a, board, dev
}

func expectChange(t *testing.T, ch <-chan PedalState, pressed, online bool) PedalState {
	t.Helper()
	select {
	case s := <-ch:
		if s.Pressed != pressed || s.Online != online {
			t.Fatalf("state change %+v, want pressed=%v online=%v", s, pressed, online)
		}
		return s
	case <-time.After(failAfter):
		t.Fatalf("no state change to pressed=%v online=%v", pressed, online)
	}
	return PedalState{}
}

func expectReport(t *testing.T, ch <-chan int, value int) {
	t.Helper()
	select {
	case v := <-ch:
		if v != value {
			t.Fatalf("pin report %d, want %d", v, value)
		}
	case <-time.After(failAfter):
		t.Fatalf("no pin report %d", value)
	}
}

// expectNoChange checks that nothing changed; call it right after a report
// was seen, since a change is published before its report hook runs.
func expectNoChange(t *testing.T, ch <-chan PedalState) {
	t.Helper()
	select {
	case s := <-ch:
		t.Fatalf("unexpected state change %+v", s)
	default:
	}
}

// TestPedalOverFirmata runs the pedal through gobot's firmata adaptor and
// client against a fake board speaking the Firmata protocol, with the
// pedal's clock and poll loop driven by the test.
func TestPedalOverFirmata(t *testing.T) {
	a, board, dev := connectFakeBoard(t)
	clk := &fakeClock{}
	changes := make(chan PedalState, 32)
	reports := make(chan int, 32)
	p := NewPedal(a, PedalConfig{Pin: 2, Debounce: 20 * ms, Timeout: 250 * ms, Interval: -1,
		Now: clk.now, OnChange: func(s PedalState) { changes <- s }})
	p.onReport = func(v int) { reports <- v }
	if p.Connection() != a || p.Name() != "Pedal-D2" {
		t.Fatal("driver does not describe itself")
	}

	// Start: pin 2 becomes an input; the first keepalive brings its level.
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	if m := <-board.Modes(); m != [2]int{2, firmatatest.ModeInput} {
		t.Fatalf("pin mode set %v, want pin 2 input", m)
	}
	expectReport(t, reports, 0)
	expectChange(t, changes, false, true)
	if err := p.Start(); err == nil {
		t.Fatal("second Start accepted")
	}

	// Press: counted once it has held for the debounce time.
	board.Set(2, 1)
	expectReport(t, reports, 1)
	expectNoChange(t, changes)
	clk.set(25 * ms)
	p.Poll()
	if s := expectChange(t, changes, true, true); s.Since != 25*ms || s.Stamp != 0 {
		t.Fatalf("press stamped %+v", s)
	}
	expectReport(t, reports, 1) // the keepalive's answer
	if !p.Pressed() {
		t.Fatal("Pressed() false while pressed")
	}

	// Release: at once.
	clk.set(30 * ms)
	board.Set(2, 0)
	if s := expectChange(t, changes, false, true); s.Since != 30*ms || s.Stamp != 30*ms {
		t.Fatalf("release stamped %+v", s)
	}
	expectReport(t, reports, 0)

	board.Set(2, 1)
	expectReport(t, reports, 1)
	clk.set(60 * ms)
	p.Poll()
	expectChange(t, changes, true, true)
	expectReport(t, reports, 1)

	// The board hangs: past the timeout the pedal reads released, offline.
	board.Mute(true)
	clk.set(60*ms + 251*ms)
	if s := p.State(); s.Pressed || s.Online {
		t.Fatalf("State past the timeout %+v", s)
	}
	p.Poll()
	expectChange(t, changes, false, false)
	if port := <-board.Ignored(); port != 0 {
		t.Fatalf("keepalive asked for port %d, want 0", port)
	}

	// It comes back with the pedal still down: online, but not pressed
	// until the pedal has been released and pressed again.
	board.Mute(false)
	clk.set(400 * ms)
	p.Poll()
	expectReport(t, reports, 1)
	expectChange(t, changes, false, true)
	board.Set(2, 0)
	expectReport(t, reports, 0)
	expectNoChange(t, changes)
	board.Set(2, 1)
	expectReport(t, reports, 1)
	clk.set(430 * ms)
	p.Poll()
	expectChange(t, changes, true, true)
	expectReport(t, reports, 1)

	// The USB cable is pulled: the link error releases the pedal.
	clk.set(440 * ms)
	dev.Close()
	expectChange(t, changes, false, false)
	clk.set(450 * ms)
	p.Poll() // writing to the closed link fails quietly: still released
	if s := p.State(); s.Pressed || s.Online {
		t.Fatalf("State after link loss %+v", s)
	}

	if err := p.Halt(); err != nil {
		t.Fatal(err)
	}
	if err := p.Halt(); err != nil {
		t.Fatalf("second Halt: %v", err)
	}
	if s := p.State(); s.Pressed || s.Online {
		t.Fatalf("State after Halt %+v", s)
	}
}

func TestPedalHaltReleases(t *testing.T) {
	a, board, _ := connectFakeBoard(t)
	changes := make(chan PedalState, 32)
	p := NewPedal(a, PedalConfig{Pin: 9, ActiveLow: true, Debounce: -1, Interval: -1,
		Now: (&fakeClock{}).now, OnChange: func(s PedalState) { changes <- s }})
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	<-board.Modes()
	board.Set(9, 1) // pulled up: released
	expectChange(t, changes, false, true)
	board.Set(9, 0) // switch to ground: pressed, no debounce
	expectChange(t, changes, true, true)
	if err := p.Halt(); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes, false, false)
	if p.Pressed() {
		t.Fatal("pressed after Halt")
	}
}

// TestPedalLoopTimesOutSilentBoard lets the pedal's own poll loop run on the
// real clock: keepalives keep it online until the board goes silent.
func TestPedalLoopTimesOutSilentBoard(t *testing.T) {
	a, board, _ := connectFakeBoard(t)
	states := make(chan PedalState, 256)
	p := NewPedal(a, PedalConfig{Pin: 3, Debounce: -1, Interval: 5 * ms, Timeout: 200 * ms,
		OnChange: func(s PedalState) { states <- s }})
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	defer p.Halt()
	waitState := func(what string, ok func(PedalState) bool) {
		t.Helper()
		deadline := time.After(failAfter)
		for {
			select {
			case s := <-states:
				if ok(s) {
					return
				}
			case <-deadline:
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
	waitState("online", func(s PedalState) bool { return s.Online && !s.Pressed })
	board.Set(3, 1)
	waitState("pressed", func(s PedalState) bool { return s.Pressed })
	board.Mute(true)
	waitState("released on silence", func(s PedalState) bool { return !s.Pressed && !s.Online })
}

func TestPedalStartNeedsConnectedBoard(t *testing.T) {
	p := NewPedal(firmata.NewAdaptor("/dev/null"), PedalConfig{Pin: 2})
	if err := p.Start(); err == nil || !strings.Contains(err.Error(), "connected") {
		t.Fatalf("Start on an unconnected adaptor = %v", err)
	}
	a, _, _ := connectFakeBoard(t)
	if err := NewPedal(a, PedalConfig{Pin: 20}).Start(); err == nil {
		t.Fatal("Start accepted pin 20 on a 20-pin board")
	}
}

// TestLinkConnReportsReadErrorOnce checks the guard against gobot's client
// spinning on a dead port: after the first read error, reads wait for Close.
func TestLinkConnReportsReadErrorOnce(t *testing.T) {
	host, dev := serialport.Pipe()
	c := newLinkConn(host)
	c.armed.Store(true)
	dev.Write([]byte{0x90})
	buf := make([]byte, 4)
	if n, err := c.Read(buf); n != 1 || err != nil {
		t.Fatalf("Read = %d, %v", n, err)
	}
	dev.Close()
	if _, err := c.Read(buf); err == nil {
		t.Fatal("no error from a closed peer")
	}
	held := make(chan error, 1)
	go func() {
		_, err := c.Read(buf)
		held <- err
	}()
	select {
	case err := <-held:
		t.Fatalf("second Read returned %v before Close", err)
	default:
	}
	c.Close()
	select {
	case err := <-held:
		if err == nil {
			t.Fatal("held Read returned no error after Close")
		}
	case <-time.After(failAfter):
		t.Fatal("Close did not release the held Read")
	}
}

// TestLinkConnHoldsDigitalReportsUntilArmed feeds the link Firmata bytes in
// chunks, as a serial port delivers them, and checks what gobot's client
// would read: digital messages (0x9p d0 d1) dropped until armed, everything
// else (handshake replies, sysex) passed through.
func TestLinkConnHoldsDigitalReportsUntilArmed(t *testing.T) {
	version := []byte{0xF9, 2, 5}
	sysex := []byte{0xF0, 0x79, 2, 5, 'F', 0, 0xF7}
	digital := []byte{0x90, 0x04, 0x00}
	cat := func(parts ...[]byte) (out []byte) {
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		chunks [][]byte
		armAt  int // chunk index before which the link is armed; -1 never
		want   []byte
	}{
		{"dropped unarmed", [][]byte{cat(version, digital, sysex)}, -1, cat(version, sysex)},
		{"split across reads", [][]byte{cat(version, digital[:1]), cat(digital[1:2]), cat(digital[2:], sysex)}, -1, cat(version, sysex)},
		{"passed armed", [][]byte{cat(digital, version)}, 0, cat(digital, version)},
		{"armed mid-message: its rest still dropped", [][]byte{cat(version, digital[:2]), cat(digital[2:], digital)}, 1, cat(version, digital)},
		{"truncated message ended by a command", [][]byte{cat(digital[:2], version)}, -1, version},
	} {
		t.Run(tc.name, func(t *testing.T) {
			host, dev := serialport.Pipe()
			defer dev.Close()
			c := newLinkConn(host)
			var got []byte
			buf := make([]byte, 64)
			for i, ch := range tc.chunks {
				if i == tc.armAt {
					c.armed.Store(true)
				}
				dev.Write(ch)
				c.mu.Lock()
				n, _ := host.Read(buf)
				n = c.filterLocked(buf[:n])
				c.mu.Unlock()
				got = append(got, buf[:n]...)
			}
			if string(got) != string(tc.want) {
				t.Fatalf("client reads % x, want % x", got, tc.want)
			}
		})
	}
}
