package linksim

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// manualClock moves only when advanced (store.ManualClock, without the
// import).
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) After(d time.Duration) <-chan time.Time {
	panic("the outage test uses no delays")
}

func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// echo is an upstream that echoes what it reads.
func echo(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { io.Copy(c, c); c.Close() }()
		}
	}()
	return ln.Addr().String()
}

func proxy(t *testing.T, up string, cfg Config) *Proxy {
	t.Helper()
	p, err := New(up, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func dial(t *testing.T, p *Proxy) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(20 * time.Second))
	return c
}

// roundTrip sends msg and reads the echo, returning the time it took.
func roundTrip(t *testing.T, c net.Conn, msg []byte) time.Duration {
	t.Helper()
	t0 := time.Now()
	go c.Write(msg)
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, msg) {
		t.Fatal("echo differs")
	}
	return time.Since(t0)
}

// refused checks that a connection through p is reset, at connect or at
// its first read.
func refused(t *testing.T, p *Proxy) {
	t.Helper()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		return
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("connection not reset: %v", err)
	}
}

func TestConfigChecks(t *testing.T) {
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{Delay: -1}, "Delay"},
		{Config{Jitter: -1}, "Jitter"},
		{Config{Loss: 1.5}, "Loss"},
		{Config{Loss: -0.1}, "Loss"},
		{Config{ResetProb: 2}, "ResetProb"},
		{Config{LossStall: -1}, "LossStall"},
		{Config{SegmentSize: -1}, "SegmentSize"},
	} {
		if _, err := New("127.0.0.1:1", tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want an error naming %s", tc.cfg, err, tc.want)
		}
	}
}

// TestDelay: a round trip takes at least twice the one-way delay, and a
// lost segment (every one, here) adds at least the stall each way.
func TestDelay(t *testing.T) {
	up := echo(t)
	for _, tc := range []struct {
		name string
		cfg  Config
		min  time.Duration
	}{
		{"none", Config{}, 0},
		{"delay", Config{Delay: 60 * time.Millisecond}, 120 * time.Millisecond},
		{"jitter", Config{Delay: 60 * time.Millisecond, Jitter: 30 * time.Millisecond}, 120 * time.Millisecond},
		{"all lost", Config{Delay: 30 * time.Millisecond, Loss: 1, LossStall: 100 * time.Millisecond}, 260 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := proxy(t, up, tc.cfg)
			c := dial(t, p)
			for range 3 {
				if rtt := roundTrip(t, c, []byte("ping")); rtt < tc.min {
					t.Errorf("round trip %v < %v", rtt, tc.min)
				}
			}
		})
	}
}

// TestBytesIntact: a megabyte through jitter and loss arrives whole and
// in order; the share of lost segments is near Loss, and the same seed
// loses the same segments.
func TestBytesIntact(t *testing.T) {
	up := echo(t)
	msg := make([]byte, 1<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range msg {
		msg[i] = byte(rng.Uint32())
	}
	var lost [2]int64
	for i := range lost {
		p := proxy(t, up, Config{Jitter: 2 * time.Millisecond, Loss: 0.05, LossStall: time.Millisecond, Seed: 7})
		c := dial(t, p)
		roundTrip(t, c, msg)
		c.Close()
		st := p.Stats()
		if st.Segments < 2*int64(len(msg)/DefaultSegmentSize) {
			t.Fatalf("%d segments for 2 MiB", st.Segments)
		}
		share := float64(st.Lost) / float64(st.Segments)
		if share < 0.03 || share > 0.07 {
			t.Errorf("lost %d of %d segments (%.3f), want about 0.05", st.Lost, st.Segments, share)
		}
		lost[i] = st.Lost
	}
	// Segment boundaries follow the reads, which the scheduler shapes, so
	// the counts agree closely rather than exactly.
	if d := lost[0] - lost[1]; d > lost[0]/5 || -d > lost[0]/5 {
		t.Errorf("same seed lost %d and %d segments", lost[0], lost[1])
	}
}

// TestReset: ResetProb 1 resets the connection at its first segment.
func TestReset(t *testing.T) {
	p := proxy(t, echo(t), Config{ResetProb: 1})
	c := dial(t, p)
	c.Write([]byte("x"))
	if _, err := c.Read(make([]byte, 1)); err == nil {
		t.Fatal("read succeeded through a reset")
	}
	if st := p.Stats(); st.Resets != 1 {
		t.Errorf("stats %+v, want 1 reset", st)
	}
}

// TestOutage: an outage resets open connections and refuses new ones
// until its time has passed on the proxy's clock; then the link works.
func TestOutage(t *testing.T) {
	clk := &manualClock{now: time.Unix(0, 0)}
	p := proxy(t, echo(t), Config{Clock: clk})
	before := dial(t, p)
	roundTrip(t, before, []byte("a"))
	p.Outage(30 * time.Second)
	if !p.Down() {
		t.Fatal("not down")
	}
	if _, err := before.Read(make([]byte, 1)); err == nil {
		t.Fatal("open connection survived the outage")
	}
	clk.Advance(30*time.Second - time.Nanosecond)
	refused(t, p)
	clk.Advance(time.Nanosecond)
	if p.Down() {
		t.Fatal("still down after 30 s")
	}
	after := dial(t, p)
	roundTrip(t, after, []byte("b"))
	if st := p.Stats(); st.Refused != 1 || st.Resets != 1 || st.Conns != 2 {
		t.Errorf("stats %+v, want 1 refused, 1 reset, 2 forwarded", st)
	}
}

// TestSetUpstream: new connections go to the new upstream.
func TestSetUpstream(t *testing.T) {
	p := proxy(t, "127.0.0.1:1", Config{}) // nothing listens on port 1
	refused(t, p)
	p.SetUpstream(echo(t))
	roundTrip(t, dial(t, p), []byte("up"))
}
