package padbridge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"gobot.io/x/gobot/v2"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
	"github.com/chiron-robotics/chiron/teleop"
)

// Defaults of Config.
const (
	DefaultRate        = teleop.DefaultCommandRate // Hz
	DefaultMaxLinear   = 0.1                       // m/s of master motion at full stick, as the browser console
	DefaultMaxAngular  = 1.0                       // rad/s at full stick
	DefaultLostRelease = 3 * time.Second
	DefaultIdleRelease = 10 * time.Second
	// DefaultHandshake bounds the wait for serverInfo and advertise.
	DefaultHandshake = 5 * time.Second
)

// takeTimeout is how long a take may go unanswered before a new deadman
// press may ask again.
const takeTimeout = time.Second

// ErrDeviceLost is wrapped by the error Run returns when the gamepad or the
// foot pedal is gone.
var ErrDeviceLost = errors.New("padbridge: input device lost")

// FootPedal is a foot pedal the bridge reads its deadman and clutch from;
// *gobotio.FootPedal implements it. Input must be fail-safe (a pedal that
// cannot be heard reads as the deadman released) and cheap: the bridge calls
// it every tick.
type FootPedal interface {
	Input() gobotio.PedalInput
}

// Dialer opens the websocket; *websocket.Dialer implements it.
type Dialer interface {
	DialContext(ctx context.Context, urlStr string, requestHeader http.Header) (*websocket.Conn, *http.Response, error)
}

// Config configures a Bridge. Zero fields take the defaults above.
type Config struct {
	// URL of the server's websocket endpoint, e.g. ws://127.0.0.1:8080/ws.
	URL string
	// Token is an operator (or admin) token, sent as a bearer token.
	Token string
	// Prefix is the robot's channel prefix ("/psm"), "" for a server
	// serving one robot under the bare names.
	Prefix string
	// Mapping maps the pad's events; zero means
	// gobotio.Xbox360Mapping(DefaultMaxLinear, DefaultMaxAngular).
	Mapping gobotio.Mapping
	// Pedal, if not nil, is a foot pedal that provides the deadman and
	// clutch of the bridge's commands: the deadman is the pedal's alone (the
	// pad's deadman control is ignored), the clutch is held when either the
	// clutch pedal or the pad's clutch is. See the package documentation.
	Pedal FootPedal
	// Dialer opens the connection; nil uses a websocket.Dialer. The
	// subprotocol foxglove.websocket.v1 is always requested.
	Dialer Dialer
	// Rate (Hz) at which commands are published while in control.
	Rate float64
	// LostRelease bounds how long after a device loss control is kept,
	// silent, waiting for the server's protective stop before release.
	LostRelease time.Duration
	// IdleRelease: control is handed back after the deadman has been
	// released this long; negative keeps it until the device or the
	// connection goes.
	IdleRelease time.Duration
	// Handshake bounds the wait for the server's serverInfo and advertise.
	Handshake time.Duration
	// OnStatus, if set, is called (from the reading goroutine) with every
	// status message the server sends this client.
	OnStatus func(level int, message string)
	// Logger receives what the bridge does; nil discards it.
	Logger *slog.Logger
}

// Status is what the bridge knows, for logs and tests.
type Status struct {
	Client    string // the server's name for this connection ("operator#3")
	Operator  string // who holds control of the robot, per /teleop/status
	Safety    string // the robot's safety state, per /safety
	InControl bool
	Seq       uint64 // seq of the last command published
}

// Bridge is one gamepad driving one robot of a teleop server.
type Bridge struct {
	cfg Config
	pad *gobotio.Gamepad
	log *slog.Logger

	writeMu sync.Mutex // one writer at a time on the connection
	conn    *websocket.Conn

	mu          sync.Mutex
	client      string
	operator    string
	safety      string
	seq         uint64
	takeRefused string
	// estopShown: /safety said "estop" since the pad's latch was last set —
	// recorded by the reader, so a release at the console within one tick
	// of the e-stop showing still clears the pad's latch.
	estopShown bool
	subStatus  uint32 // subscription ids of /teleop/status and /safety
	subSafety  uint32
}

// Client channel ids the bridge advertises.
const (
	chCommand uint32 = iota + 1
	chControl
	chEStop
)

// New returns a bridge for cfg; Run connects it.
func New(cfg Config) (*Bridge, error) {
	if cfg.URL == "" {
		return nil, errors.New("padbridge: no server URL")
	}
	if cfg.Token == "" {
		return nil, errors.New("padbridge: no token: the bridge authenticates like any client")
	}
	if len(cfg.Mapping.Axes)+len(cfg.Mapping.Buttons) == 0 {
		cfg.Mapping = gobotio.Xbox360Mapping(DefaultMaxLinear, DefaultMaxAngular)
	}
	if cfg.Rate == 0 {
		cfg.Rate = DefaultRate
	}
	if !(cfg.Rate > 0 && cfg.Rate <= 1000) {
		return nil, fmt.Errorf("padbridge: rate %g Hz outside (0, 1000]", cfg.Rate)
	}
	if cfg.LostRelease <= 0 {
		cfg.LostRelease = DefaultLostRelease
	}
	if cfg.IdleRelease == 0 {
		cfg.IdleRelease = DefaultIdleRelease
	}
	if cfg.Handshake <= 0 {
		cfg.Handshake = DefaultHandshake
	}
	if cfg.Dialer == nil {
		cfg.Dialer = &websocket.Dialer{HandshakeTimeout: cfg.Handshake}
	}
	cfg.Prefix = strings.TrimRight(cfg.Prefix, "/")
	if cfg.Prefix != "" && !strings.HasPrefix(cfg.Prefix, "/") {
		cfg.Prefix = "/" + cfg.Prefix
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pad, err := gobotio.NewGamepad(cfg.Mapping, nil)
	if err != nil {
		return nil, fmt.Errorf("padbridge: %w", err)
	}
	return &Bridge{cfg: cfg, pad: pad, log: log}, nil
}

// Input returns the operator's current input: the pad's, with the deadman
// and clutch of the foot pedal when there is one (see Config.Pedal).
func (b *Bridge) Input() gobotio.InputState {
	in := b.pad.Input()
	if b.cfg.Pedal == nil {
		return in
	}
	p := b.cfg.Pedal.Input()
	in.Deadman = p.Deadman
	in.Clutch = in.Clutch || p.Clutch
	return in
}

// lost returns why an input device is gone for good, or nil.
func (b *Bridge) lost() error {
	if err := b.pad.Lost(); err != nil {
		return err
	}
	if b.cfg.Pedal != nil {
		return b.cfg.Pedal.Input().Lost
	}
	return nil
}

// Status returns what the bridge knows now.
func (b *Bridge) Status() Status {
	b.mu.Lock()
	defer b.mu.Unlock()
	return Status{Client: b.client, Operator: b.operator, Safety: b.safety,
		InControl: b.client != "" && b.operator == b.client, Seq: b.seq}
}

// Attach subscribes the pad to src (typically a *joystick.Driver of gobot's
// joystick platform; anything publishing the same events will do). The
// pad's input starts released and follows src from then on, also while Run
// connects.
func (b *Bridge) Attach(src gobot.Eventer) error {
	if err := b.pad.Attach(src); err != nil {
		return fmt.Errorf("padbridge: %w", err)
	}
	return nil
}

// Run connects to the server and bridges the attached pad until ctx ends
// (control is released, nil is returned), the connection fails, or the
// device is lost (see the package documentation; the error wraps
// ErrDeviceLost). The pad is detached on return.
func (b *Bridge) Run(ctx context.Context) error {
	defer b.pad.Detach()
	hdr := http.Header{"Authorization": {"Bearer " + b.cfg.Token}, "Sec-WebSocket-Protocol": {teleop.Subprotocols[0]}}
	dctx, cancel := context.WithTimeout(ctx, b.cfg.Handshake)
	conn, res, err := b.cfg.Dialer.DialContext(dctx, b.cfg.URL, hdr)
	cancel()
	if err != nil {
		if res != nil {
			err = fmt.Errorf("%w (HTTP %s)", err, res.Status)
		}
		return fmt.Errorf("padbridge: dial %s: %w", b.cfg.URL, err)
	}
	b.conn = conn
	ready := make(chan error, 1)
	var readErr error
	readDone := make(chan struct{})
	go func() {
		readErr = b.read(ready)
		close(readDone)
	}()
	defer b.hangUp(readDone)
	select {
	case err := <-ready:
		if err != nil {
			return err
		}
	case <-readDone:
		return fmt.Errorf("padbridge: handshake: %w", readErr)
	case <-time.After(b.cfg.Handshake):
		return fmt.Errorf("padbridge: no serverInfo and advertise from %s within %v", b.cfg.URL, b.cfg.Handshake)
	case <-ctx.Done():
		return nil
	}
	p := b.cfg.Prefix
	if err := b.writeJSON(map[string]any{"op": "advertise", "channels": []map[string]any{
		{"id": chCommand, "topic": p + teleop.TopicCommand, "encoding": "json", "schemaName": "chiron.TeleopCommand", "schema": teleop.CommandSchema, "schemaEncoding": "jsonschema"},
		{"id": chControl, "topic": p + teleop.TopicControl, "encoding": "json", "schemaName": "chiron.TeleopControl", "schema": teleop.ControlSchema, "schemaEncoding": "jsonschema"},
		{"id": chEStop, "topic": p + teleop.TopicEStop, "encoding": "json", "schemaName": "chiron.EStop", "schema": teleop.EStopSchema, "schemaEncoding": "jsonschema"},
	}}); err != nil {
		return fmt.Errorf("padbridge: advertise: %w", err)
	}
	b.log.Info("gamepad: connected", "client", b.Status().Client, "robot", p)
	err = b.loop(ctx, readDone)
	if err == nil && ctx.Err() == nil {
		err = fmt.Errorf("padbridge: connection: %w", readErr)
	}
	return err
}

// hangUp closes the connection with the close handshake: whatever was
// written before (a release of control) is read by the server before it
// sees the connection end. A plain close could reset the connection while
// telemetry sits unread here, and the server could lose the release.
func (b *Bridge) hangUp(readDone <-chan struct{}) {
	b.writeMu.Lock()
	_ = b.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""),
		time.Now().Add(time.Second))
	b.writeMu.Unlock()
	select {
	case <-readDone:
	case <-time.After(time.Second):
	}
	b.conn.Close()
	<-readDone
}

// loopState is the main loop's memory between ticks.
type loopState struct {
	armed       bool // deadman held, no e-stop: the previous tick
	estop       bool
	sawEStop    bool // the server showed the e-stop while the pad's latch was set
	takeAt      time.Time
	idleSince   time.Time
	lostAt      time.Time
	wasInCtrl   bool
	lostHandled bool
}

// loop runs the ticks until ctx ends (nil), the reader ends (nil, ctx
// live: Run reports the read error) or a tick ends it.
func (b *Bridge) loop(ctx context.Context, readDone <-chan struct{}) error {
	tick := time.NewTicker(time.Duration(float64(time.Second) / b.cfg.Rate))
	defer tick.Stop()
	var ls loopState
	for {
		select {
		case <-ctx.Done():
			if b.Status().InControl {
				_ = b.control("release")
				b.log.Info("gamepad: released control (stopping)")
			}
			return nil
		case <-readDone:
			return nil
		case now := <-tick.C:
			done, err := b.step(now, &ls)
			if err != nil || done {
				return err
			}
		}
	}
}

// step runs one tick; done ends Run with err.
func (b *Bridge) step(now time.Time, ls *loopState) (done bool, err error) {
	in := b.Input()
	st := b.Status()
	b.mu.Lock()
	refused := b.takeRefused
	b.takeRefused = ""
	b.mu.Unlock()
	if st.InControl != ls.wasInCtrl {
		b.log.Info("gamepad: control", "held", st.InControl, "operator", st.Operator)
		ls.wasInCtrl = st.InControl
		ls.idleSince = now
	}

	// E-stop: engage on the latch's rising edge, in control or not.
	if in.EStop && !ls.estop {
		b.mu.Lock()
		b.estopShown = false
		b.mu.Unlock()
		b.log.Warn("gamepad: e-stop pressed")
		if err := b.publish(chEStop, map[string]bool{"engage": true}); err != nil {
			return true, err
		}
	}
	ls.estop = in.EStop
	if in.EStop {
		b.mu.Lock()
		ls.sawEStop = ls.sawEStop || b.estopShown
		b.mu.Unlock()
		switch {
		case st.Safety == "estop":
			ls.sawEStop = true
		case ls.sawEStop && b.pad.ResetEStop():
			// Released at the console: the pad may be used again.
			ls.sawEStop, ls.estop = false, false
			in.EStop = false
			b.log.Info("gamepad: e-stop released at the server; pad e-stop latch cleared")
		}
	}

	if lost := b.lost(); lost != nil {
		if !ls.lostHandled {
			ls.lostHandled, ls.lostAt = true, now
			b.log.Error("gamepad: device lost; deadman released", "err", lost)
			if st.InControl {
				// Deadman released: the arm holds at once. Then silence,
				// so that the server's silence stop applies.
				if err := b.command(in, false); err != nil {
					return true, err
				}
			}
		}
		if st.InControl && st.Safety != "protective_stop" && now.Sub(ls.lostAt) < b.cfg.LostRelease {
			return false, nil
		}
		if st.InControl {
			_ = b.control("release")
			b.log.Info("gamepad: released control after device loss", "safety", st.Safety)
		}
		return true, fmt.Errorf("%w: %v", ErrDeviceLost, lost)
	}

	// Take control on a deliberate press of the deadman.
	armed := in.Deadman && !in.EStop
	if st.InControl {
		ls.takeAt = time.Time{} // the take is answered
	}
	if refused != "" {
		ls.takeAt = time.Time{}
		b.log.Warn("gamepad: control not taken", "status", refused)
	}
	if armed && !ls.armed && !st.InControl && now.Sub(ls.takeAt) > takeTimeout {
		ls.takeAt = now
		b.log.Info("gamepad: deadman pressed; taking control")
		if err := b.control("take"); err != nil {
			return true, err
		}
	}
	ls.armed = armed
	if !st.InControl {
		return false, nil
	}
	if armed {
		ls.idleSince = now
	} else if b.cfg.IdleRelease > 0 && now.Sub(ls.idleSince) >= b.cfg.IdleRelease {
		b.log.Info("gamepad: deadman released for a while; handing control back", "after", b.cfg.IdleRelease)
		ls.idleSince = now
		return false, b.control("release")
	}
	return false, b.command(in, armed)
}

// commandMsg is /teleop/command as the browser console sends it.
type commandMsg struct {
	Seq     uint64     `json:"seq"`
	Deadman bool       `json:"deadman"`
	Clutch  bool       `json:"clutch"`
	Frame   string     `json:"frame"`
	Linear  [3]float64 `json:"linear"`
	Angular [3]float64 `json:"angular"`
	Gripper float64    `json:"gripper"`
}

func (b *Bridge) command(in gobotio.InputState, deadman bool) error {
	b.mu.Lock()
	b.seq++
	seq := b.seq
	b.mu.Unlock()
	return b.publish(chCommand, commandMsg{Seq: seq, Deadman: deadman, Clutch: in.Clutch, Frame: "tool",
		Linear: in.Linear, Angular: in.Angular, Gripper: 1 - clamp01(in.Gripper)})
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

func (b *Bridge) control(action string) error {
	return b.publish(chControl, map[string]string{"action": action})
}

// publish sends v as a client message on channel id.
func (b *Bridge) publish(id uint32, v any) error {
	p, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.write(websocket.BinaryMessage, teleop.AppendClientMessageData(nil, id, p))
}

func (b *Bridge) writeJSON(v any) error {
	p, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.write(websocket.TextMessage, p)
}

func (b *Bridge) write(mt int, p []byte) error {
	b.writeMu.Lock()
	defer b.writeMu.Unlock()
	b.conn.SetWriteDeadline(time.Now().Add(time.Second))
	if err := b.conn.WriteMessage(mt, p); err != nil {
		return fmt.Errorf("padbridge: write: %w", err)
	}
	return nil
}

// serverMsg is the part of the server's JSON messages the bridge reads.
type serverMsg struct {
	Op       string            `json:"op"`
	Metadata map[string]string `json:"metadata"`
	Channels []struct {
		ID    uint32 `json:"id"`
		Topic string `json:"topic"`
	} `json:"channels"`
	Level   int    `json:"level"`
	Message string `json:"message"`
}

// read handles the server's messages until the connection fails; ready
// gets nil once serverInfo and advertise are in (and the robot's status
// channels subscribed), or the handshake's error.
func (b *Bridge) read(ready chan<- error) error {
	var info, adv bool
	signal := func(err error) {
		if ready != nil {
			ready <- err
			ready = nil
		}
	}
	for {
		mt, data, err := b.conn.ReadMessage()
		if err != nil {
			return err
		}
		if mt == websocket.BinaryMessage {
			b.telemetry(data)
			continue
		}
		var m serverMsg
		if json.Unmarshal(data, &m) != nil {
			continue
		}
		switch m.Op {
		case "serverInfo":
			b.mu.Lock()
			b.client = m.Metadata["client"]
			b.mu.Unlock()
			info = true
		case "advertise":
			if err := b.subscribe(&m); err != nil {
				signal(err)
				return err
			}
			adv = true
		case "status":
			if b.cfg.OnStatus != nil {
				b.cfg.OnStatus(m.Level, m.Message)
			}
			if m.Level >= 2 {
				b.log.Warn("gamepad: server", "status", m.Message)
				if strings.Contains(m.Message, teleop.TopicControl+": take:") {
					b.mu.Lock()
					b.takeRefused = m.Message
					b.mu.Unlock()
				}
			}
		}
		if info && adv {
			signal(nil)
		}
	}
}

// subscribe subscribes to the robot's /teleop/status and /safety.
func (b *Bridge) subscribe(m *serverMsg) error {
	var status, safety uint32
	for _, ch := range m.Channels {
		switch ch.Topic {
		case b.cfg.Prefix + teleop.TopicTeleopStatus:
			status = ch.ID
		case b.cfg.Prefix + teleop.TopicSafety:
			safety = ch.ID
		}
	}
	if status == 0 || safety == 0 {
		return fmt.Errorf("padbridge: the server serves no robot under prefix %q", b.cfg.Prefix)
	}
	b.mu.Lock()
	b.subStatus, b.subSafety = 1, 2
	b.mu.Unlock()
	return b.writeJSON(map[string]any{"op": "subscribe", "subscriptions": []map[string]uint32{
		{"id": 1, "channelId": status}, {"id": 2, "channelId": safety},
	}})
}

// telemetry applies one binary message: message data on /teleop/status or
// /safety.
func (b *Bridge) telemetry(data []byte) {
	sub, _, payload, ok := teleop.ParseMessageData(data)
	if !ok {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch sub {
	case b.subStatus:
		var s struct {
			Operator string `json:"operator"`
		}
		if json.Unmarshal(payload, &s) == nil {
			b.operator = s.Operator
		}
	case b.subSafety:
		var s struct {
			State string `json:"state"`
		}
		if json.Unmarshal(payload, &s) == nil {
			b.safety = s.State
			b.estopShown = b.estopShown || s.State == "estop"
		}
	}
}
