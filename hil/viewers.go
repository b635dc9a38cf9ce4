package hil

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/robotloop"
)

// A viewer_flood fault serves the scenario's arm as `chiron serve` does (a
// teleop.Server over the program's robotloop, on loopback, with the
// server's default admission caps) and, at From, opens Connections viewer
// websockets as fast as they are accepted, from several viewer tokens and
// loopback addresses so that the server-wide cap is the one that binds.
// Every admitted viewer subscribes to every channel and, until To, sends
// motion commands with the deadman held, asks to take control, to enable
// and to release the e-stop — what a careless or hostile client would do. The arm must hold: viewers are
// refused motion, control and e-stop release, and the connections beyond
// the cap are refused at the upgrade.
//
// In lockstep the loop is paced to the wall clock through the flood's
// window (the viewers live in real time); the plant's evolution does not
// depend on the viewers, so a run stays deterministic for its seed.

// floodTokens and floodAddrs spread the flood over viewer tokens and
// loopback addresses (Linux routes all of 127.0.0.0/8 to the loopback).
const (
	floodTokens      = 8
	floodAddrs       = 8
	floodDialers     = 32                    // dials in flight
	floodCommandDt   = 10 * time.Millisecond // a viewer's command period (the console's 100 Hz)
	floodDialTimeout = 5 * time.Second
)

// ViewerFloodMetrics reports a viewer_flood.
type ViewerFloodMetrics struct {
	// Attempted connections, Admitted by the server, Refused at the upgrade.
	Attempted int `json:"attempted"`
	Admitted  int `json:"admitted"`
	Refused   int `json:"refused"`
	// PeakOpen is the most connections the server held open at once, its
	// own count (teleop.Server.Totals): what its cap bounds. Admitted can
	// exceed it when the server disconnects a viewer during the flood (one
	// that overflows its control queue on a loaded machine) and admits the
	// next dial in its place.
	PeakOpen int `json:"peak_open"`
	// MaxConnections is the server's cap on connections.
	MaxConnections int `json:"max_connections"`
	// Commands the admitted viewers sent (motion, take, enable, e-stop
	// release).
	Commands uint64 `json:"commands"`
	// Messages the admitted viewers received (telemetry and status).
	Messages uint64 `json:"messages"`
	// Delivered is how many of the viewers' messages (Commands) the server
	// read: all of them, unless it disconnected a viewer whose last
	// messages were still in flight. Refusals is the server's count of
	// those it refused with a status error, disconnected viewers' included:
	// every delivered message must be refused.
	Delivered uint64 `json:"delivered"`
	Refusals  uint64 `json:"refusals"`
}

// viewerFlood is a running viewer_flood: the server and its clients.
type viewerFlood struct {
	spec   FaultSpec
	rl     *robotloop.Robot
	srv    *teleop.Server
	addr   string
	tokens []string
	cancel context.CancelFunc
	done   chan error

	started, stopped bool
	wall0            time.Time     // lockstep: wall time when the flood began
	t0               time.Duration // and the run's time then

	mu      sync.Mutex
	conns   []*websocket.Conn
	quit    chan struct{} // closed by stop: the viewers stop sending
	writers sync.WaitGroup
	wg      sync.WaitGroup

	m        ViewerFloodMetrics
	commands atomic.Uint64
	messages atomic.Uint64
}

// newViewerFlood serves rl as serve would and returns the flood of spec,
// not started.
func newViewerFlood(spec FaultSpec, rl *robotloop.Robot) (*viewerFlood, error) {
	toks := teleop.NewTokens()
	f := &viewerFlood{spec: spec, rl: rl, done: make(chan error, 1), quit: make(chan struct{})}
	for i := range floodTokens {
		t := "hil-viewer-" + strconv.Itoa(i)
		if err := toks.Add(teleop.RoleViewer, t); err != nil {
			return nil, err
		}
		f.tokens = append(f.tokens, t)
	}
	srv, err := teleop.New(teleop.Options{Addr: "127.0.0.1:0", Name: "hil", Tokens: toks,
		Robots: []teleop.RobotConfig{{Robot: rl}}, Simulation: true, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return nil, fmt.Errorf("viewer_flood: %w", err)
	}
	a, err := srv.Listen()
	if err != nil {
		return nil, fmt.Errorf("viewer_flood: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	f.srv, f.addr, f.cancel = srv, a.String(), cancel
	f.m.MaxConnections = teleop.DefaultMaxConnections
	go func() { f.done <- srv.Serve(ctx) }()
	return f, nil
}

// start opens the flood's connections and returns when every dial has been
// answered: the admitted viewers are subscribed and sending.
func (f *viewerFlood) start() {
	f.started = true
	sem := make(chan struct{}, floodDialers)
	var dials sync.WaitGroup
	var admitted, refused atomic.Int64
	for k := range f.spec.Connections {
		sem <- struct{}{}
		dials.Add(1)
		go func() {
			defer func() { <-sem; dials.Done() }()
			c, err := f.dial(k)
			if err != nil {
				refused.Add(1)
				return
			}
			admitted.Add(1)
			f.mu.Lock()
			f.conns = append(f.conns, c)
			f.mu.Unlock()
			f.wg.Add(1)
			f.writers.Add(1)
			go f.viewer(c)
		}()
	}
	dials.Wait()
	f.m.Attempted = f.spec.Connections
	f.m.Admitted, f.m.Refused = int(admitted.Load()), int(refused.Load())
}

// dial opens connection k: token k mod floodTokens, from 127.0.0.(2 + k
// mod floodAddrs).
func (f *viewerFlood) dial(k int) (*websocket.Conn, error) {
	nd := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+k%floodAddrs))}, Timeout: floodDialTimeout}
	d := websocket.Dialer{Subprotocols: []string{teleop.Subprotocols[0]}, NetDialContext: nd.DialContext,
		HandshakeTimeout: floodDialTimeout}
	h := http.Header{"Authorization": {"Bearer " + f.tokens[k%floodTokens]}}
	c, resp, err := d.Dial("ws://"+f.addr+"/ws", h)
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	return c, err
}

// viewer subscribes c to every advertised channel, then sends motion
// commands with the deadman held, take, enable and e-stop-release requests until
// the connection is closed, counting what it receives.
func (f *viewerFlood) viewer(c *websocket.Conn) {
	defer f.wg.Done()
	defer f.writers.Done()
	var subs []map[string]any
	for subs == nil {
		_, data, err := c.ReadMessage()
		if err != nil {
			return
		}
		f.messages.Add(1)
		var m struct {
			Op       string `json:"op"`
			Channels []struct {
				ID uint32 `json:"id"`
			} `json:"channels"`
		}
		if json.Unmarshal(data, &m) == nil && m.Op == "advertise" {
			subs = []map[string]any{}
			for i, ch := range m.Channels {
				subs = append(subs, map[string]any{"id": i + 1, "channelId": ch.ID})
			}
		}
	}
	// Only this goroutine writes (the reader below only reads).
	write := c.WriteMessage
	msg := func(v any) []byte { b, _ := json.Marshal(v); return b }
	if write(websocket.TextMessage, msg(map[string]any{"op": "subscribe", "subscriptions": subs})) != nil {
		return
	}
	if write(websocket.TextMessage, msg(map[string]any{"op": "advertise", "channels": []map[string]any{
		{"id": 1, "topic": teleop.TopicCommand, "encoding": "json", "schemaName": "chiron.TeleopCommand"},
		{"id": 2, "topic": teleop.TopicControl, "encoding": "json", "schemaName": "chiron.TeleopControl"},
		{"id": 3, "topic": teleop.TopicEStop, "encoding": "json", "schemaName": "chiron.EStop"},
	}})) != nil {
		return
	}
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
			f.messages.Add(1)
		}
	}()
	t := time.NewTicker(floodCommandDt)
	defer t.Stop()
	for seq := uint64(1); ; seq++ {
		var p []byte
		switch seq % 50 {
		case 0:
			p = teleop.AppendClientMessageData(nil, 2, msg(map[string]any{"action": "take"}))
		case 17:
			p = teleop.AppendClientMessageData(nil, 2, msg(map[string]any{"action": "enable"}))
		case 34:
			p = teleop.AppendClientMessageData(nil, 3, msg(map[string]any{"engage": false}))
		default:
			p = teleop.AppendClientMessageData(nil, 1, msg(map[string]any{"seq": seq, "deadman": true,
				"linear": []float64{0.05, 0, 0}, "angular": []float64{0, 0, 0.5}}))
		}
		if write(websocket.BinaryMessage, p) != nil {
			return
		}
		f.commands.Add(1)
		select {
		case <-f.quit:
			return
		case <-t.C:
		}
	}
}

// at starts the flood once the run's time t reaches its From and stops it
// at its To; nil does nothing.
func (f *viewerFlood) at(t time.Duration) {
	switch {
	case f == nil || f.stopped:
	case !f.started && t >= f.spec.From.D():
		f.start()
	case f.started && t >= f.spec.To.D():
		f.stop()
	}
}

// pace is at for lockstep: through the flood's window it also holds the
// cycle at t until as much wall time has passed since the flood began, so
// the viewers (which live in real time) act over the window's length.
func (f *viewerFlood) pace(t time.Duration) {
	if f == nil {
		return
	}
	was := f.started
	f.at(t)
	if !f.started || f.stopped {
		return
	}
	if !was {
		f.wall0, f.t0 = time.Now(), t
	}
	if d := time.Until(f.wall0.Add(t - f.t0)); d > 0 {
		time.Sleep(d)
	}
}

// refusalDrain bounds how long stop waits for the server to have refused
// the viewers' last messages (they are read and answered in order on each
// connection; a refusal not counted by then is reported as missing).
const refusalDrain = 2 * time.Second

// refusalSettle is how long the server's counts must stand still, every
// message it read refused, before stop takes the messages still missing
// as lost with a connection the server closed.
const refusalSettle = 50 * time.Millisecond

// stop closes the viewers and waits for them.
func (f *viewerFlood) stop() {
	if !f.started || f.stopped {
		return
	}
	f.stopped = true
	close(f.quit)
	f.writers.Wait()
	f.m.Commands = f.commands.Load()
	// Until the server has read and answered every message (or has been
	// caught up for refusalSettle: a disconnected viewer's last messages
	// never arrive).
	var last teleop.Totals
	lastChange := time.Now()
	for deadline := lastChange.Add(refusalDrain); ; {
		tot := f.srv.Totals()
		if tot != last {
			last, lastChange = tot, time.Now()
		}
		f.m.Refusals, f.m.Delivered, f.m.PeakOpen = tot.Refused, tot.Published, tot.PeakConnections
		caughtUp := tot.Refused >= tot.Published && time.Since(lastChange) >= refusalSettle
		if tot.Refused >= f.m.Commands || caughtUp || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	f.mu.Lock()
	for _, c := range f.conns {
		c.Close()
	}
	f.mu.Unlock()
	f.wg.Wait()
	f.m.Messages = f.messages.Load()
}

// close stops the flood and the server.
func (f *viewerFlood) close() error {
	f.stop()
	f.cancel()
	err := <-f.done
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}
