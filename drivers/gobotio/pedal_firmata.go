//go:build linux

package gobotio

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"gobot.io/x/gobot/v2"
	"gobot.io/x/gobot/v2/platforms/firmata"
	"gobot.io/x/gobot/v2/platforms/firmata/client"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// FirmataBaud is StandardFirmata's line rate.
const FirmataBaud = 57600

// firmataErrorEvent is what gobot's firmata client publishes when reading the
// link fails.
const firmataErrorEvent = "Error"

// NewFirmataAdaptor returns gobot's firmata adaptor for the board on port,
// opened through open (nil means chiron's serialport.Open at FirmataBaud).
// The opened link is wrapped (see linkConn) so that a failed read reaches
// gobot's client once — the client otherwise re-reads a dead port in a tight
// loop, flooding its event bus with errors — and so that no digital report
// reaches the client until the pedals' pin modes are set.
func NewFirmataAdaptor(port string, open func(port string) (io.ReadWriteCloser, error)) *firmata.Adaptor {
	if open == nil {
		open = FirmataOpener(serialport.Open)
	}
	a := firmata.NewAdaptor(port)
	a.PortOpener = func(port string) (io.ReadWriteCloser, error) {
		rwc, err := open(port)
		if err != nil {
			return nil, err
		}
		c := newLinkConn(rwc)
		links.Store(a, c)
		c.onClose = func() { links.CompareAndDelete(a, c) }
		return c, nil
	}
	return a
}

// links maps an adaptor made by NewFirmataAdaptor to its open link, so that
// a pedal can arm it once its pin modes are set.
var links sync.Map // *firmata.Adaptor → *linkConn

// armLink lets digital reports through a's link (a no-op for an adaptor not
// made by NewFirmataAdaptor).
func armLink(a *firmata.Adaptor) {
	if c, ok := links.Load(a); ok {
		c.(*linkConn).armed.Store(true)
	}
}

// Firmata's digital I/O message: 0x90 | port, then two data bytes.
const fmDigitalMessage = 0x90

// linkConn wraps a board's link. It reports the first read error and then
// holds further reads until the link is closed. Until armed, it drops the
// board's digital I/O messages: gobot v2.6.0's client writes a pin's mode in
// SetPinMode (the caller's goroutine) while its reader goroutine reads every
// mode of a reported port, unguarded — a data race whenever a report arrives
// while a pin mode is set, and StandardFirmata reports ports 0 and 1 as soon
// as the client's connect enables them. Holding reports back until every
// pedal's pin is an input (then asking for fresh ones) removes the race.
type linkConn struct {
	rwc     io.ReadWriteCloser
	armed   atomic.Bool
	onClose func()

	wmu sync.Mutex // serialises writes

	mu   sync.Mutex
	err  error
	skip int // data bytes of a dropped digital message still to drop

	closed chan struct{}
	once   sync.Once
}

func newLinkConn(rwc io.ReadWriteCloser) *linkConn {
	return &linkConn{rwc: rwc, closed: make(chan struct{})}
}

// Read reads from the link; after an error it waits for Close, then repeats it.
func (c *linkConn) Read(b []byte) (int, error) {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	if err != nil {
		<-c.closed
		return 0, err
	}
	for {
		n, err := c.rwc.Read(b)
		c.mu.Lock()
		if n > 0 {
			n = c.filterLocked(b[:n])
		}
		if err != nil && c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
		if n > 0 || err != nil || len(b) == 0 {
			return n, err
		}
	}
}

// filterLocked drops digital messages from p while not armed (and the rest
// of one already begun) and returns how many bytes remain at its start.
// Firmata's command bytes have the top bit set and its data bytes do not, so
// a message's bytes are found without knowing what came before.
func (c *linkConn) filterLocked(p []byte) int {
	armed := c.armed.Load()
	w := 0
	for _, x := range p {
		switch {
		case c.skip > 0 && x < 0x80:
			c.skip--
			continue
		case !armed && x&0xF0 == fmDigitalMessage:
			c.skip = 2
			continue
		}
		c.skip = 0 // a command byte ends a truncated message
		p[w] = x
		w++
	}
	return w
}

// Write writes to the link, one message at a time: gobot's client (pin
// modes, report requests) and a WatchdogOutput write from different
// goroutines.
func (c *linkConn) Write(b []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.rwc.Write(b)
}

// Close closes the link and releases held reads.
func (c *linkConn) Close() error {
	c.once.Do(func() {
		close(c.closed)
		if c.onClose != nil {
			c.onClose()
		}
	})
	return c.rwc.Close()
}

// FirmataOpener adapts chiron's serial-port seam to the firmata adaptor's
// PortOpener at FirmataBaud; tests pass an Opener returning a Pipe end.
func FirmataOpener(open serialport.Opener) func(port string) (io.ReadWriteCloser, error) {
	return func(port string) (io.ReadWriteCloser, error) {
		return open(port, serialport.Config{BaudRate: FirmataBaud})
	}
}

// Pedal is a foot pedal or deadman switch on a digital pin of an Arduino
// running StandardFirmata, read through gobot's firmata adaptor; it is a
// gobot.Driver. It is fail-safe: silence from the board, a link error,
// Halt, or a press not yet debounced all read as released (see PedalState).
//
// StandardFirmata reports digital inputs only when they change, so the pedal
// re-enables reporting of its port every Interval; StandardFirmata (2.5 and
// later) answers that with the port's current value, which serves as the
// board's heartbeat.
type Pedal struct {
	adaptor *firmata.Adaptor
	cfg     PedalConfig
	event   string // the client's event for the pin

	nameMu sync.Mutex
	name   string

	mu    sync.Mutex // guards logic
	logic pedalLogic

	cbMu sync.Mutex // serialises state changes and their callbacks

	runMu      sync.Mutex // guards stop, done; held across Start and Halt
	stop, done chan struct{}

	boardMu sync.Mutex // guards board: set while started
	board   interface{ ReportDigital(pin, state int) error }

	onReport func(value int) // test hook: after each pin report has been applied
}

var _ gobot.Driver = (*Pedal)(nil)

// NewPedal returns a pedal on adaptor a (connect a before Start).
func NewPedal(a *firmata.Adaptor, cfg PedalConfig) *Pedal {
	cfg = cfg.withDefaults()
	return &Pedal{
		adaptor: a,
		cfg:     cfg,
		event:   fmt.Sprintf("DigitalRead%d", cfg.Pin),
		name:    fmt.Sprintf("Pedal-D%d", cfg.Pin),
		logic:   newPedalLogicFor(cfg),
	}
}

// Name returns the driver's label.
func (p *Pedal) Name() string {
	p.nameMu.Lock()
	defer p.nameMu.Unlock()
	return p.name
}

// SetName sets the driver's label.
func (p *Pedal) SetName(name string) {
	p.nameMu.Lock()
	defer p.nameMu.Unlock()
	p.name = name
}

// Connection returns the firmata adaptor.
func (p *Pedal) Connection() gobot.Connection { return p.adaptor }

// State returns the pedal's state at the current time of its clock.
func (p *Pedal) State() PedalState {
	now := p.cfg.Now()
	p.mu.Lock()
	l := p.logic
	p.mu.Unlock()
	l.eval(now)
	return l.st
}

// Pressed reports whether the deadman is held now.
func (p *Pedal) Pressed() bool { return p.State().Pressed }

// Start sets the pin to input, subscribes to its reports and starts the poll
// loop. The adaptor must be connected. The pedal reads released until the
// board has reported it released and then pressed.
//
// Digital reports reach the client from then on (see linkConn): on an adaptor
// shared by several pedals, use a FootPedal, which sets every pin's mode
// before any report is let through.
func (p *Pedal) Start() error { return p.start(true) }

// start is Start; arm lets digital reports through the link once the pin is
// an input.
func (p *Pedal) start(arm bool) error {
	p.runMu.Lock()
	defer p.runMu.Unlock()
	if p.stop != nil {
		return fmt.Errorf("gobotio: %s: already started", p.Name())
	}
	if p.adaptor == nil || p.adaptor.Board == nil {
		return fmt.Errorf("gobotio: %s: no firmata board", p.Name())
	}
	board := p.adaptor.Board
	if n := len(board.Pins()); p.cfg.Pin < 0 || p.cfg.Pin >= n {
		return fmt.Errorf("gobotio: %s: pin %d not on the board (%d pins; is the adaptor connected?)", p.Name(), p.cfg.Pin, n)
	}
	p.setLogic(newPedalLogicFor(p.cfg))
	events := board.Subscribe() // before the pin mode, so no report is missed
	if err := board.SetPinMode(p.cfg.Pin, client.Input); err != nil {
		go unsubscribe(board, events)
		return fmt.Errorf("gobotio: %s: set pin mode: %w", p.Name(), err)
	}
	if arm {
		armLink(p.adaptor)
	}
	p.boardMu.Lock()
	p.board = board
	p.boardMu.Unlock()
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go p.run(events, p.stop, p.done)
	p.keepalive()
	return nil
}

// Halt stops reading the pedal; it then reads released and offline.
func (p *Pedal) Halt() error {
	p.runMu.Lock()
	defer p.runMu.Unlock()
	if p.stop == nil {
		return nil
	}
	close(p.stop)
	<-p.done
	p.stop, p.done = nil, nil
	p.boardMu.Lock()
	p.board = nil
	p.boardMu.Unlock()
	p.setLogic(newPedalLogicFor(p.cfg))
	return nil
}

// Poll applies the timeout at the current time and asks the board for a
// fresh report. The pedal's loop calls it every Interval; with a negative
// Interval the owner must.
func (p *Pedal) Poll() {
	p.change(func(l *pedalLogic, now time.Duration) bool { return l.eval(now) })
	p.keepalive()
}

// keepalive re-enables reporting of the pedal's port, which StandardFirmata
// answers with the port's value. gobot's client puts its argument in the
// message's port nibble, so it is given the port, not the pin.
func (p *Pedal) keepalive() {
	p.boardMu.Lock()
	board := p.board
	p.boardMu.Unlock()
	if board == nil {
		return
	}
	if err := board.ReportDigital(p.cfg.Pin/8, 1); err != nil {
		p.linkLost()
	}
}

// linkLost fails the pedal safe and closes the link: gobot's firmata client
// would otherwise keep reading a dead port in a tight loop.
func (p *Pedal) linkLost() {
	first := false
	p.change(func(l *pedalLogic, now time.Duration) bool {
		first = !l.failed
		return l.fail(now)
	})
	if first {
		_ = p.adaptor.Disconnect() // already broken; its error adds nothing
	}
}

func (p *Pedal) run(events chan *gobot.Event, stop, done chan struct{}) {
	defer close(done)
	var tick <-chan time.Time
	if p.cfg.Interval > 0 {
		t := time.NewTicker(p.cfg.Interval)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case e := <-events:
			switch e.Name {
			case p.event:
				if v, ok := e.Data.(int); ok {
					p.change(func(l *pedalLogic, now time.Duration) bool { return l.report(now, v) })
					if p.onReport != nil {
						p.onReport(v)
					}
				}
			case firmataErrorEvent:
				p.linkLost()
			}
		case <-tick:
			p.Poll()
		case <-stop:
			go unsubscribe(p.adaptor.Board, events)
			return
		}
	}
}

// change applies f to the logic at the current time and calls OnChange when f
// reports a change.
func (p *Pedal) change(f func(l *pedalLogic, now time.Duration) bool) {
	p.cbMu.Lock()
	defer p.cbMu.Unlock()
	now := p.cfg.Now()
	p.mu.Lock()
	changed := f(&p.logic, now)
	st := p.logic.st
	p.mu.Unlock()
	if changed && p.cfg.OnChange != nil {
		p.cfg.OnChange(st)
	}
}

// setLogic replaces the logic, calling OnChange if the state changes.
func (p *Pedal) setLogic(l pedalLogic) {
	p.change(func(cur *pedalLogic, now time.Duration) bool {
		was := cur.st
		*cur = l
		changed := was.Pressed != l.st.Pressed || was.Online != l.st.Online
		if changed {
			cur.st.Since = now
		}
		return changed
	})
}
