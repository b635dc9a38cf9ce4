// Package linksim puts a bad wide-area link between two endpoints on
// loopback, in process and without root: a TCP proxy that delays each
// direction (one-way delay plus jitter), loses segments the way TCP shows
// loss to an application — the segment's bytes, and everything behind
// them, arrive a retransmission timeout late (head-of-line blocking) —
// optionally resets connections, and has outages during which every
// connection is reset and new ones are reset on accept.
//
// Randomness comes from a seeded generator per connection and direction
// (connections numbered in accept order), and outages are timed by an
// injected Clock, so a test can run the same impairment twice and end an
// outage by advancing its clock.
package linksim

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"sync"
	"time"
)

// Clock is linksim's time source (store.ManualClock satisfies it).
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time                         { return time.Now() }
func (systemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Defaults of Config.
const (
	// DefaultSegmentSize is TCP's maximum segment size on Ethernet with
	// the timestamps option: 1500 − 20 (IP) − 20 (TCP) − 12 (options).
	DefaultSegmentSize = 1448
	// DefaultLossStall is how late a lost segment's bytes arrive: Linux's
	// minimum retransmission timeout, TCP_RTO_MIN = 200 ms (RFC 6298
	// allows 1 s; Linux uses 200 ms and most paths see about that).
	DefaultLossStall = 200 * time.Millisecond
	// queueSegments bounds the segments in flight per direction, as a
	// receive window would (≈ 370 KB at the default segment size).
	queueSegments = 256
)

// Config is an impairment. Zero fields mean none (or the default above).
type Config struct {
	// Delay is the one-way delay of each direction: the round-trip time
	// is twice it (plus jitter).
	Delay time.Duration
	// Jitter adds a uniform [0, Jitter) to each segment's delay; segments
	// never overtake each other (TCP delivers in order).
	Jitter time.Duration
	// Loss is the probability that a segment is lost, 0–1.
	Loss float64
	// LossStall is how long a lost segment waits for its retransmission;
	// DefaultLossStall.
	LossStall time.Duration
	// ResetProb is the probability per segment that the connection is
	// reset (both ends see ECONNRESET), 0–1.
	ResetProb float64
	// SegmentSize is the bytes per segment; DefaultSegmentSize.
	SegmentSize int
	// Seed seeds the per-connection generators.
	Seed uint64
	// Clock times outages and delays; the wall clock if nil.
	Clock Clock
}

func (c *Config) check() error {
	switch {
	case c.Delay < 0:
		return errors.New("linksim: Delay < 0")
	case c.Jitter < 0:
		return errors.New("linksim: Jitter < 0")
	case !(c.Loss >= 0 && c.Loss <= 1):
		return fmt.Errorf("linksim: Loss %g outside [0, 1]", c.Loss)
	case !(c.ResetProb >= 0 && c.ResetProb <= 1):
		return fmt.Errorf("linksim: ResetProb %g outside [0, 1]", c.ResetProb)
	case c.LossStall < 0:
		return errors.New("linksim: LossStall < 0")
	case c.SegmentSize < 0:
		return errors.New("linksim: SegmentSize < 0")
	}
	if c.LossStall == 0 {
		c.LossStall = DefaultLossStall
	}
	if c.SegmentSize == 0 {
		c.SegmentSize = DefaultSegmentSize
	}
	if c.Clock == nil {
		c.Clock = systemClock{}
	}
	return nil
}

// Stats counts what the proxy did.
type Stats struct {
	Conns    int64 // connections accepted and forwarded
	Refused  int64 // connections reset on accept during an outage
	Segments int64 // segments forwarded (both directions)
	Lost     int64 // of them, lost (delivered LossStall late)
	Resets   int64 // connections reset (ResetProb or an outage)
}

// Proxy is a running impaired link. Safe for concurrent use.
type Proxy struct {
	cfg Config
	ln  net.Listener

	mu        sync.Mutex
	upstream  string
	downUntil time.Time
	conns     map[*link]struct{}
	next      uint64
	stats     Stats
	closed    bool
	wg        sync.WaitGroup
}

// New starts a proxy on a loopback port forwarding to upstream.
func New(upstream string, cfg Config) (*Proxy, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("linksim: %w", err)
	}
	p := &Proxy{cfg: cfg, ln: ln, upstream: upstream, conns: map[*link]struct{}{}}
	p.wg.Add(1)
	go p.accept()
	return p, nil
}

// Addr is the proxy's address, host:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// SetUpstream points new connections at addr (a restarted server).
func (p *Proxy) SetUpstream(addr string) {
	p.mu.Lock()
	p.upstream = addr
	p.mu.Unlock()
}

// Outage resets every connection now and every new one until d has
// passed on the proxy's clock.
func (p *Proxy) Outage(d time.Duration) {
	p.mu.Lock()
	p.downUntil = p.cfg.Clock.Now().Add(d)
	var ls []*link
	for l := range p.conns {
		ls = append(ls, l)
	}
	p.mu.Unlock()
	for _, l := range ls {
		l.reset()
	}
}

// Down reports whether an outage is on.
func (p *Proxy) Down() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cfg.Clock.Now().Before(p.downUntil)
}

// Stats returns the counters so far.
func (p *Proxy) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

// Close stops accepting, resets every connection and waits for the
// proxy's goroutines.
func (p *Proxy) Close() error {
	p.mu.Lock()
	p.closed = true
	var ls []*link
	for l := range p.conns {
		ls = append(ls, l)
	}
	p.mu.Unlock()
	err := p.ln.Close()
	for _, l := range ls {
		l.reset()
	}
	p.wg.Wait()
	return err
}

// resetConn closes c with SO_LINGER 0, so the peer sees RST rather than
// an orderly FIN.
func resetConn(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	c.Close()
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return // closed
		}
		p.mu.Lock()
		down := p.cfg.Clock.Now().Before(p.downUntil)
		up, n := p.upstream, p.next
		if down {
			p.stats.Refused++
		} else {
			p.next++
		}
		p.mu.Unlock()
		if down {
			resetConn(c)
			continue
		}
		p.wg.Add(1)
		go p.serve(c, up, n)
	}
}

// link is one proxied connection.
type link struct {
	p    *Proxy
	a, b net.Conn
	once sync.Once
}

func (l *link) reset() {
	l.once.Do(func() {
		l.p.mu.Lock()
		l.p.stats.Resets++ // before the peers can see it
		l.p.mu.Unlock()
		resetConn(l.a)
		resetConn(l.b)
	})
}

func (p *Proxy) serve(c net.Conn, upstream string, n uint64) {
	defer p.wg.Done()
	u, err := net.Dial("tcp", upstream)
	if err != nil {
		resetConn(c) // as an unreachable server looks through a NAT
		return
	}
	l := &link{p: p, a: c, b: u}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		resetConn(c)
		resetConn(u)
		return
	}
	p.conns[l] = struct{}{}
	p.stats.Conns++
	// An outage that began while we dialled did not see this link.
	down := p.cfg.Clock.Now().Before(p.downUntil)
	p.mu.Unlock()
	if down {
		l.reset()
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); p.pipe(l, c, u, rand.New(rand.NewPCG(p.cfg.Seed, 2*n))) }()
	go func() { defer wg.Done(); p.pipe(l, u, c, rand.New(rand.NewPCG(p.cfg.Seed, 2*n+1))) }()
	wg.Wait()
	c.Close()
	u.Close()
	p.mu.Lock()
	delete(p.conns, l)
	p.mu.Unlock()
}

type segment struct {
	data []byte
	at   time.Time
}

// pipe carries src → dst with the impairment: a reader stamps each
// segment with its delivery time, a writer delivers it then.
func (p *Proxy) pipe(l *link, src, dst net.Conn, rng *rand.Rand) {
	q := make(chan segment, queueSegments)
	go func() {
		defer close(q)
		buf := make([]byte, 32<<10)
		var last time.Time
		for {
			n, err := src.Read(buf)
			for off := 0; off < n; off += p.cfg.SegmentSize {
				end := min(off+p.cfg.SegmentSize, n)
				at := p.cfg.Clock.Now().Add(p.cfg.Delay)
				if p.cfg.Jitter > 0 {
					at = at.Add(time.Duration(rng.Int64N(int64(p.cfg.Jitter))))
				}
				lost := p.cfg.Loss > 0 && rng.Float64() < p.cfg.Loss
				if lost {
					at = at.Add(p.cfg.LossStall)
				}
				if at.Before(last) {
					at = last // in order: a stalled segment holds the rest back
				}
				last = at
				p.mu.Lock()
				p.stats.Segments++
				if lost {
					p.stats.Lost++
				}
				p.mu.Unlock()
				if p.cfg.ResetProb > 0 && rng.Float64() < p.cfg.ResetProb {
					l.reset()
					return
				}
				q <- segment{append([]byte(nil), buf[off:end]...), at}
			}
			if err != nil {
				return
			}
		}
	}()
	for s := range q {
		if d := s.at.Sub(p.cfg.Clock.Now()); d > 0 {
			<-p.cfg.Clock.After(d)
		}
		if _, err := dst.Write(s.data); err != nil {
			l.reset()
			break
		}
	}
	for range q { // drain so the reader can finish
	}
	if tc, ok := dst.(*net.TCPConn); ok {
		tc.CloseWrite() // pass the FIN on once everything before it is delivered
	}
}
