package teleop

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/chiron-robotics/chiron/channels"
)

// guard bounds every wait in these tests. Nothing waits for it to pass;
// it only turns a hang into a failure.
const guard = 5 * time.Second

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

const (
	tokViewer    = "viewer-token"
	tokOperator  = "operator-token"
	tokOperator2 = "operator2-token"
	tokAdmin     = "admin-token"
)

type env struct {
	t     testing.TB
	srv   *Server
	robot *FakeRobot
	cmds  <-chan Command
	stops <-chan string
	addr  string
	clock *fakeClock
}

// newEnv serves one fake robot under /psm on 127.0.0.1:0. mod may change
// the options (listener wrapping is done with wrap).
func newEnv(t testing.TB, mod func(*Options)) *env {
	t.Helper()
	tokens := NewTokens()
	for role, tok := range map[string]string{tokViewer: "viewer", tokOperator: "operator", tokOperator2: "operator", tokAdmin: "admin"} {
		if err := tokens.Add(Role(tok), role); err != nil {
			t.Fatal(err)
		}
	}
	robot := NewFakeRobot("psm", "outer_yaw", "outer_pitch", "insertion")
	robot.SetChain(psmChain(t))
	clock := &fakeClock{t: time.Unix(1700000000, 0)}
	opts := Options{
		Addr:   "127.0.0.1:0",
		Robots: []RobotConfig{{Robot: robot, Prefix: "/psm", Operator: OperatorConfig{TremorCutoff: -1}}},
		Tokens: tokens,
		Now:    clock.Now,
	}
	if mod != nil {
		mod(&opts)
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	a, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return &env{t: t, srv: srv, robot: robot, cmds: robot.Watch(4096), stops: robot.WatchProtectiveStops(16), addr: a.String(), clock: clock}
}

func (e *env) url(query string) string { return "ws://" + e.addr + "/ws" + query }

type frame struct {
	mt   int
	data []byte
}

type wsClient struct {
	t        testing.TB
	c        *websocket.Conn
	frames   chan frame
	channels map[string]uint32 // topic → server channel id
	info     serverInfoMsg
}

// dial connects with token as bearer, offering the Foxglove subprotocol,
// reads serverInfo and advertise, and starts a reader goroutine unless
// noReader.
func (e *env) dial(token string, noReader bool, dialer *websocket.Dialer) *wsClient {
	e.t.Helper()
	if dialer == nil {
		dialer = &websocket.Dialer{HandshakeTimeout: guard}
	}
	dialer.Subprotocols = []string{"foxglove.websocket.v1"}
	h := http.Header{"Authorization": {"Bearer " + token}}
	c, resp, err := dialer.Dial(e.url(""), h)
	if err != nil {
		e.t.Fatalf("dial: %v (%v)", err, resp)
	}
	e.t.Cleanup(func() { c.Close() })
	wc := &wsClient{t: e.t, c: c, frames: make(chan frame, 65536), channels: map[string]uint32{}}
	c.SetReadDeadline(time.Now().Add(guard))
	if err := c.ReadJSON(&wc.info); err != nil || wc.info.Op != "serverInfo" {
		e.t.Fatalf("serverInfo: %+v %v", wc.info, err)
	}
	var adv advertiseMsg
	if err := c.ReadJSON(&adv); err != nil || adv.Op != "advertise" {
		e.t.Fatalf("advertise: %+v %v", adv, err)
	}
	for _, ch := range adv.Channels {
		wc.channels[ch.Topic] = ch.ID
	}
	c.SetReadDeadline(time.Time{})
	if !noReader {
		go func() {
			defer close(wc.frames)
			for {
				mt, data, err := c.ReadMessage()
				if err != nil {
					return
				}
				wc.frames <- frame{mt, data}
			}
		}()
	}
	return wc
}

func (w *wsClient) sendJSON(v any) {
	w.t.Helper()
	if err := w.c.WriteJSON(v); err != nil {
		w.t.Fatalf("write: %v", err)
	}
}

func (w *wsClient) sendText(s string) {
	w.t.Helper()
	if err := w.c.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
		w.t.Fatalf("write: %v", err)
	}
}

// publish sends client message data on client channel id.
func (w *wsClient) publish(id uint32, payload string) {
	w.t.Helper()
	b := binary.LittleEndian.AppendUint32([]byte{opClientMessageData}, id)
	if err := w.c.WriteMessage(websocket.BinaryMessage, append(b, payload...)); err != nil {
		w.t.Fatalf("publish: %v", err)
	}
}

// Client channel ids the tests advertise.
const (
	cidCommand = 1
	cidControl = 2
	cidEStop   = 3
)

func (w *wsClient) advertiseTeleop(prefix string) {
	w.sendJSON(map[string]any{"op": "advertise", "channels": []map[string]any{
		{"id": cidCommand, "topic": prefix + TopicCommand, "encoding": "json", "schemaName": "chiron.TeleopCommand", "schema": CommandSchema},
		{"id": cidControl, "topic": prefix + TopicControl, "encoding": "json", "schemaName": "chiron.TeleopControl"},
		{"id": cidEStop, "topic": prefix + TopicEStop, "encoding": "json", "schemaName": "chiron.EStop"},
	}})
}

// next returns the next frame satisfying pred, skipping others.
func (w *wsClient) next(what string, pred func(frame) bool) frame {
	w.t.Helper()
	timer := time.NewTimer(guard)
	defer timer.Stop()
	for {
		select {
		case f, ok := <-w.frames:
			if !ok {
				w.t.Fatalf("connection closed while waiting for %s", what)
			}
			if pred(f) {
				return f
			}
		case <-timer.C:
			w.t.Fatalf("no %s within %v", what, guard)
		}
	}
}

// status waits for a status message of level containing substr.
func (w *wsClient) status(level int, substr string) statusMsg {
	w.t.Helper()
	var st statusMsg
	w.next(fmt.Sprintf("status level %d containing %q", level, substr), func(f frame) bool {
		if f.mt != websocket.TextMessage || json.Unmarshal(f.data, &st) != nil || st.Op != "status" {
			return false
		}
		return st.Level == level && strings.Contains(st.Message, substr)
	})
	return st
}

// data waits for a Message Data frame of subscription sub and returns its
// timestamp and payload.
func (w *wsClient) data(sub uint32) (uint64, []byte) {
	w.t.Helper()
	f := w.next(fmt.Sprintf("message data for subscription %d", sub), func(f frame) bool {
		return f.mt == websocket.BinaryMessage && len(f.data) >= 13 && f.data[0] == opMessageData &&
			binary.LittleEndian.Uint32(f.data[1:]) == sub
	})
	return binary.LittleEndian.Uint64(f.data[5:]), f.data[13:]
}

func (w *wsClient) subscribe(sub uint32, topic string) {
	w.t.Helper()
	id, ok := w.channels[topic]
	if !ok {
		w.t.Fatalf("topic %s not advertised", topic)
	}
	w.sendJSON(map[string]any{"op": "subscribe", "subscriptions": []map[string]any{{"id": sub, "channelId": id}}})
}

// operator returns a client that holds control of /psm.
func (e *env) operator(token string) *wsClient {
	e.t.Helper()
	c := e.dial(token, false, nil)
	c.advertiseTeleop("/psm")
	c.publish(cidControl, `{"action":"take"}`)
	c.status(statusInfo, "holds control")
	return c
}

// waitCmd returns the next robot command satisfying pred.
func (e *env) waitCmd(what string, pred func(Command) bool) Command {
	e.t.Helper()
	timer := time.NewTimer(guard)
	defer timer.Stop()
	for {
		select {
		case c := <-e.cmds:
			if pred(c) {
				return c
			}
		case <-timer.C:
			e.t.Fatalf("robot got no %s within %v", what, guard)
		}
	}
}

func cmdJSON(seq int, deadman bool, vx float64) string {
	return fmt.Sprintf(`{"seq":%d,"deadman":%v,"clutch":false,"frame":"base","linear":[%g,0,0],"angular":[0,0,0],"gripper":0.5}`, seq, deadman, vx)
}

// --- handshake ------------------------------------------------------------------

func TestUpgradeRequiresToken(t *testing.T) {
	e := newEnv(t, nil)
	d := websocket.Dialer{HandshakeTimeout: guard, Subprotocols: []string{"foxglove.websocket.v1"}}
	for name, tc := range map[string]struct {
		query  string
		header http.Header
	}{
		"none":           {"", nil},
		"unknown bearer": {"", http.Header{"Authorization": {"Bearer nope"}}},
		"unknown query":  {"?token=nope", nil},
		"not bearer":     {"?token=" + tokViewer, http.Header{"Authorization": {"Basic " + tokViewer}}},
	} {
		c, resp, err := d.Dial(e.url(tc.query), tc.header)
		if err == nil {
			c.Close()
			t.Errorf("%s: upgraded", name)
			continue
		}
		if resp == nil || resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: response %v, want 401 with WWW-Authenticate", name, resp)
		}
	}
	c, _, err := d.Dial(e.url("?token="+tokViewer), nil)
	if err != nil {
		t.Fatalf("query token: %v", err)
	}
	c.Close()
}

func TestOriginAllowlist(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.AllowedOrigins = []string{"https://console.example:8443"} })
	d := websocket.Dialer{HandshakeTimeout: guard, Subprotocols: []string{"foxglove.websocket.v1"}}
	for origin, ok := range map[string]bool{
		"http://evil.example":          false,
		"http://127.0.0.1:1":           false, // same host, other port: another origin
		"http://" + e.addr:             true,  // same origin as Host
		"https://console.example:8443": true,  // allowlisted
		"":                             true,  // not a browser
	} {
		h := http.Header{"Authorization": {"Bearer " + tokViewer}}
		if origin != "" {
			h.Set("Origin", origin)
		}
		c, resp, err := d.Dial(e.url(""), h)
		if ok {
			if err != nil {
				t.Errorf("origin %q: %v", origin, err)
				continue
			}
			c.Close()
		} else if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
			if c != nil {
				c.Close()
			}
			t.Errorf("origin %q: want 403, got %v", origin, resp)
		}
	}
}

func TestSubprotocolNegotiation(t *testing.T) {
	e := newEnv(t, nil)
	h := http.Header{"Authorization": {"Bearer " + tokViewer}}
	for _, offered := range [][]string{{"foxglove.websocket.v1"}, {"foxglove.sdk.v1"}, {"other", "foxglove.sdk.v1"}} {
		d := websocket.Dialer{HandshakeTimeout: guard, Subprotocols: offered}
		c, _, err := d.Dial(e.url(""), h)
		if err != nil {
			t.Fatalf("%v: %v", offered, err)
		}
		if got := c.Subprotocol(); got != offered[len(offered)-1] {
			t.Errorf("offered %v: negotiated %q", offered, got)
		}
		var info serverInfoMsg
		c.SetReadDeadline(time.Now().Add(guard))
		if err := c.ReadJSON(&info); err != nil || info.Op != "serverInfo" {
			t.Errorf("%v: first message %+v %v", offered, info, err)
		}
		c.Close()
	}
	d := websocket.Dialer{HandshakeTimeout: guard, Subprotocols: []string{"mqtt"}}
	if c, resp, err := d.Dial(e.url(""), h); err == nil || resp.StatusCode != http.StatusBadRequest {
		if c != nil {
			c.Close()
		}
		t.Errorf("foreign subprotocol: %v %v, want 400", resp, err)
	}
}

func TestServerInfoAndAdvertise(t *testing.T) {
	e := newEnv(t, nil)
	c := e.dial(tokViewer, false, nil)
	if c.info.Name != "chiron" || c.info.SessionID == "" || c.info.Metadata["robots"] != "psm" || c.info.Metadata["role"] != "viewer" {
		t.Errorf("serverInfo %+v", c.info)
	}
	if strings.Join(c.info.Capabilities, ",") != "clientPublish,parameters" || strings.Join(c.info.SupportedEncodings, ",") != "json" {
		t.Errorf("capabilities %v encodings %v", c.info.Capabilities, c.info.SupportedEncodings)
	}
	// Re-read the advertisement in full to check every field.
	var adv advertiseMsg
	if err := json.Unmarshal(e.srv.advertise, &adv); err != nil {
		t.Fatal(err)
	}
	want := allTopics("/psm")
	if len(adv.Channels) != len(want) {
		t.Fatalf("advertised %d channels, want %d", len(adv.Channels), len(want))
	}
	seen := map[uint32]bool{}
	for i, ch := range adv.Channels {
		if ch.Topic != want[i] || ch.Encoding != "json" || ch.SchemaEncoding != "jsonschema" || ch.SchemaName == "" || seen[ch.ID] {
			t.Errorf("channel %+v", ch)
		}
		seen[ch.ID] = true
		var schema map[string]any
		if err := json.Unmarshal([]byte(ch.Schema), &schema); err != nil || schema["type"] != "object" {
			t.Errorf("%s: schema is not a JSON Schema object: %v", ch.Topic, err)
		}
		if c.channels[ch.Topic] != ch.ID {
			t.Errorf("%s: client saw id %d, want %d", ch.Topic, c.channels[ch.Topic], ch.ID)
		}
	}
	for _, s := range []string{CommandSchema, ControlSchema, EStopSchema} {
		if !json.Valid([]byte(s)) {
			t.Errorf("client schema is not JSON: %s", s)
		}
	}
}

func TestSimulationTime(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Simulation = true })
	tm := time.Unix(42, 500)
	e.robot.mu.Lock()
	e.robot.st.Time = tm
	e.robot.mu.Unlock()
	c := e.dial(tokViewer, false, nil)
	if !strings.Contains(strings.Join(c.info.Capabilities, ","), "time") {
		t.Errorf("capabilities %v lack time", c.info.Capabilities)
	}
	f := c.next("time message", func(f frame) bool { return f.mt == websocket.BinaryMessage && f.data[0] == opTime })
	if len(f.data) != 9 || binary.LittleEndian.Uint64(f.data[1:]) != uint64(tm.UnixNano()) {
		t.Errorf("time frame % x, want %d", f.data, tm.UnixNano())
	}
}

// --- telemetry ---------------------------------------------------------------------

func TestSubscribeReceivesMessageData(t *testing.T) {
	e := newEnv(t, nil)
	e.robot.SetJointPositions([]float64{0.1, -0.2, 0.05})
	e.robot.SetToolPose([3]float64{0.01, 0.02, -0.1}, [4]float64{0, 0, 0, 2}) // unnormalised on purpose
	c := e.dial(tokViewer, false, nil)
	c.subscribe(7, "/psm/joint_states")
	c.subscribe(9, "/psm/tool_pose")

	ts, payload := c.data(7)
	var js channels.JointState
	if err := json.Unmarshal(payload, &js); err != nil {
		t.Fatalf("joint_states payload %s: %v", payload, err)
	}
	stamp := uint64(js.Header.Stamp.Sec)*1e9 + uint64(js.Header.Stamp.Nanosec)
	if strings.Join(js.Name, ",") != "outer_yaw,outer_pitch,insertion" || fmt.Sprint(js.Position) != "[0.1 -0.2 0.05]" ||
		len(js.Velocity) != 3 || len(js.Effort) != 3 || stamp != ts || ts != uint64(e.clock.Now().UnixNano()) {
		t.Errorf("joint_states %+v (frame ts %d)", js, ts)
	}
	_, payload = c.data(9)
	var tp channels.PoseInFrame
	if err := json.Unmarshal(payload, &tp); err != nil || fmt.Sprint(tp.Pose) != "{{0.01 0.02 -0.1} {0 0 0 1}}" || tp.FrameID != "base" {
		t.Errorf("tool_pose %s: %v", payload, err)
	}
}

func TestUnsubscribe(t *testing.T) {
	e := newEnv(t, nil)
	c := e.dial(tokViewer, false, nil)
	c.subscribe(7, "/psm/joint_states")
	c.data(7)
	c.sendJSON(map[string]any{"op": "unsubscribe", "subscriptionIds": []int{7}})
	c.subscribe(8, "/psm/safety") // handled after the unsubscribe: once 8 flows, 7 has stopped
	c.data(8)
	for range 10 {
		f := c.next("message data", func(f frame) bool { return f.mt == websocket.BinaryMessage })
		if sub := binary.LittleEndian.Uint32(f.data[1:]); sub == 7 {
			t.Fatal("message data for subscription 7 after unsubscribe")
		}
	}
	c.sendJSON(map[string]any{"op": "unsubscribe", "subscriptionIds": []int{7}})
	c.status(statusError, "unknown subscription id 7")
}

func TestStatusAndHapticChannels(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.Robots[0].Haptics.Workspace = Box{Min: [3]float64{-0.1, -0.1, -0.2}, Max: [3]float64{0.1, 0.1, 0}}
	})
	e.robot.SetToolPose([3]float64{0.105, 0, -0.1}, [4]float64{0, 0, 0, 1})
	op := e.operator(tokOperator)
	op.publish(cidCommand, cmdJSON(5, true, 0.1))
	e.waitCmd("command 5", func(c Command) bool { return c.Seq == 5 })
	op.subscribe(1, "/psm/teleop/status")
	op.subscribe(2, "/psm/haptic_feedback")
	op.subscribe(3, "/psm/safety")
	op.subscribe(4, "/psm/loop_stats")
	var st teleopStatusMsg
	for st.LastSeqApplied != 5 { // the status catches up within a telemetry period
		_, p := op.data(1)
		if err := json.Unmarshal(p, &st); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.HasPrefix(st.Operator, "operator#") || !st.Engaged || st.Clutch || st.Scale != DefaultScale || st.LatencyMs < 0 {
		t.Errorf("teleop/status %+v", st)
	}
	_, p := op.data(2)
	var cue struct {
		Force       []float64 `json:"force"`
		Penetration float64   `json:"penetration_m"`
		InWorkspace bool      `json:"in_workspace"`
		Proximity   []float64 `json:"joint_proximity"`
	}
	if err := json.Unmarshal(p, &cue); err != nil || !(cue.Force[0] < 0) || cue.Penetration <= 0 || cue.InWorkspace || len(cue.Proximity) != 3 {
		t.Errorf("haptic_feedback %s: %v", p, err)
	}
	_, p = op.data(3)
	var sf safetyMsg
	if err := json.Unmarshal(p, &sf); err != nil || sf.State != "enabled" || sf.Events == nil {
		t.Errorf("safety %s: %v", p, err)
	}
	_, p = op.data(4)
	if !strings.Contains(string(p), `"wake_p99_us"`) || !strings.Contains(string(p), `"overruns"`) {
		t.Errorf("loop_stats %s", p)
	}
}

// --- operator over the wire -----------------------------------------------------

func TestOperatorCommandMovesRobot(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	op.publish(cidCommand, `{"seq":1,"deadman":true,"clutch":false,"frame":"base","linear":[0.1,0,0],"angular":[0,0,0.5],"gripper":0.3}`)
	got := e.waitCmd("motion", func(c Command) bool { return c.Seq == 1 })
	if got.Hold || !near(got.Linear, [3]float64{0.02, 0, 0}, 1e-12) || !near(got.Angular, [3]float64{0, 0, 0.1}, 1e-12) || got.Gripper != 0.3 {
		t.Errorf("robot command %+v, want 0.2-scaled motion", got)
	}
	op.publish(cidControl, `{"action":"scale","scale":0.5}`)
	op.status(statusInfo, "motion scale 0.5")
	op.publish(cidCommand, cmdJSON(2, true, 0.1))
	if got := e.waitCmd("scaled motion", func(c Command) bool { return c.Seq == 2 }); got.Linear[0] != 0.05 {
		t.Errorf("after scale 0.5: %v", got.Linear)
	}
}

func TestViewerCommandRefused(t *testing.T) {
	e := newEnv(t, nil)
	v := e.dial(tokViewer, false, nil)
	v.advertiseTeleop("/psm")
	v.publish(cidControl, `{"action":"take"}`)
	v.status(statusError, "role viewer may not take control")
	v.publish(cidCommand, cmdJSON(1, true, 0.1))
	v.status(statusError, "role viewer may not command motion")
	// The refusal is sent after the command was handled: nothing moved.
	if cmds := e.robot.Commands(); len(cmds) != 0 {
		t.Errorf("viewer moved the robot: %+v", cmds)
	}
	// The server's total keeps the viewer's refusals after it leaves.
	v.c.Close()
	e.waitClients(0)
	if got := e.srv.Totals(); got.Refused != 2 || got.Published != 2 {
		t.Errorf("Totals() %+v after the viewer left, want its 2 publications, both refused", got)
	}
}

func TestOperatorWithoutControlRefused(t *testing.T) {
	e := newEnv(t, nil)
	holder := e.operator(tokOperator)
	other := e.dial(tokOperator2, false, nil)
	other.advertiseTeleop("/psm")
	other.publish(cidCommand, cmdJSON(1, true, 0.1))
	other.status(statusError, "does not hold control")
	other.publish(cidControl, `{"action":"take"}`)
	other.status(statusError, "control is held by another operator")
	other.publish(cidControl, `{"action":"release"}`)
	other.status(statusError, "not in control")
	if cmds := e.robot.Commands(); len(cmds) != 0 {
		t.Errorf("operator without control moved the robot: %+v", cmds)
	}
	// Release hands control over, with a hold.
	holder.publish(cidControl, `{"action":"release"}`)
	holder.status(statusInfo, "released control")
	e.waitCmd("hold on release", func(c Command) bool { return c.Hold && c.Reason == "release" })
	other.publish(cidControl, `{"action":"take"}`)
	other.status(statusInfo, "holds control")
	other.publish(cidCommand, cmdJSON(1, true, 0.1))
	e.waitCmd("motion from the new holder", func(c Command) bool { return !c.Hold && c.Seq == 1 })
}

func TestEStopRoles(t *testing.T) {
	e := newEnv(t, nil)
	v := e.dial(tokViewer, false, nil)
	v.advertiseTeleop("/psm")
	v.publish(cidEStop, `{"engage":true}`)
	v.status(statusInfo, "e-stop engaged")
	if !e.robot.EStopped() {
		t.Fatal("viewer could not engage the e-stop")
	}
	v.publish(cidEStop, `{"engage":false}`)
	v.status(statusError, "role viewer may not release the e-stop")
	if !e.robot.EStopped() {
		t.Fatal("viewer released the e-stop")
	}
	op := e.dial(tokOperator, false, nil)
	op.advertiseTeleop("/psm")
	op.publish(cidEStop, `{"engage":false}`)
	op.status(statusInfo, "e-stop released")
	if e.robot.EStopped() {
		t.Fatal("operator could not release the e-stop")
	}
}

func TestDeadmanReleaseHolds(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	e.waitCmd("motion", func(c Command) bool { return c.Seq == 1 && !c.Hold })
	op.publish(cidCommand, cmdJSON(2, false, 0.1))
	got := e.waitCmd("command 2", func(c Command) bool { return c.Seq == 2 })
	if !got.Hold || got.Reason != "deadman" || got.Linear != [3]float64{} {
		t.Errorf("deadman released: %+v, want hold", got)
	}
}

func TestHeartbeatTimeoutHolds(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	e.waitCmd("motion", func(c Command) bool { return c.Seq == 1 && !c.Hold })
	e.clock.Advance(150 * time.Millisecond) // > 100 ms heartbeat, < 1 s silence
	got := e.waitCmd("heartbeat hold", func(c Command) bool { return c.Hold })
	if got.Reason != "heartbeat" || got.Seq != 1 {
		t.Errorf("hold %+v, want heartbeat hold at seq 1", got)
	}
	if s := e.robot.ProtectiveStops(); len(s) != 0 {
		t.Errorf("protective stop before the silence limit: %v", s)
	}
	e.clock.Advance(time.Second)
	select {
	case r := <-e.stops:
		if !strings.Contains(r, "silent") {
			t.Errorf("protective stop reason %q", r)
		}
	case <-time.After(guard):
		t.Fatal("no protective stop after 1 s of silence")
	}
}

func TestDisconnectProtectiveStop(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	e.waitCmd("motion", func(c Command) bool { return c.Seq == 1 })
	op.c.Close()
	e.waitCmd("hold on disconnect", func(c Command) bool { return c.Hold && c.Reason == "disconnect" })
	select {
	case r := <-e.stops:
		if !strings.Contains(r, "disconnected") {
			t.Errorf("protective stop reason %q", r)
		}
	case <-time.After(guard):
		t.Fatal("no protective stop after the operator disconnected")
	}
	// A viewer leaving stops nothing.
	v := e.dial(tokViewer, false, nil)
	v.c.Close()
	op2 := e.operator(tokOperator2) // control was freed by the disconnect
	op2.publish(cidControl, `{"action":"release"}`)
	op2.status(statusInfo, "released")
	if n := len(e.robot.ProtectiveStops()); n != 1 {
		t.Errorf("%d protective stops, want 1", n)
	}
}

func TestStaleSeqDropped(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	for _, seq := range []int{5, 5, 3, 6} {
		op.publish(cidCommand, cmdJSON(seq, true, 0.1))
	}
	e.waitCmd("command 6", func(c Command) bool { return c.Seq == 6 })
	var seqs []uint64
	for _, c := range e.robot.Commands() {
		seqs = append(seqs, c.Seq)
	}
	if fmt.Sprint(seqs) != "[5 6]" {
		t.Errorf("robot got seqs %v, want [5 6]", seqs)
	}
	op.subscribe(1, "/psm/teleop/status")
	_, p := op.data(1)
	var st teleopStatusMsg
	if err := json.Unmarshal(p, &st); err != nil || st.StaleDropped != 2 {
		t.Errorf("status %s: stale_dropped want 2 (%v)", p, err)
	}
}

func TestMultipleRobotsByPrefix(t *testing.T) {
	ecm := NewFakeRobot("ecm", "pitch", "yaw")
	ecmCmds := ecm.Watch(64)
	e := newEnv(t, func(o *Options) {
		o.Robots = append(o.Robots, RobotConfig{Robot: ecm, Prefix: "ecm/"})
	})
	c := e.dial(tokOperator, false, nil)
	for _, topic := range []string{"/psm/joint_states", "/ecm/joint_states", "/ecm/haptic_feedback"} {
		if _, ok := c.channels[topic]; !ok {
			t.Errorf("%s not advertised (got %v)", topic, c.channels)
		}
	}
	c.advertiseTeleop("/ecm")
	c.publish(cidControl, `{"action":"take"}`)
	c.status(statusInfo, "holds control of ecm")
	c.publish(cidCommand, cmdJSON(1, true, 0.1))
	select {
	case got := <-ecmCmds:
		if got.Seq != 1 || got.Hold {
			t.Errorf("ecm command %+v", got)
		}
	case <-time.After(guard):
		t.Fatal("ecm did not move")
	}
	if n := len(e.robot.Commands()); n != 0 {
		t.Errorf("psm got %d commands meant for ecm", n)
	}
	if _, err := New(Options{Tokens: e.srv.opts.Tokens, Robots: []RobotConfig{{Robot: ecm}, {Robot: e.robot}}}); err == nil {
		t.Error("two robots without prefixes accepted")
	}
}

// --- malformed input --------------------------------------------------------------

func TestMalformedFramesGetStatusErrors(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.MaxMessageBytes = 1024 })
	c := e.dial(tokOperator, false, nil)
	c.advertiseTeleop("/psm")
	bin := func(b ...byte) []byte { return b }
	for _, tc := range []struct {
		name string
		mt   int
		data []byte
		want string
	}{
		{"bad JSON", websocket.TextMessage, []byte(`{"op":"subscribe",`), "bad JSON"},
		{"unknown op", websocket.TextMessage, []byte(`{"op":"teleport"}`), `unknown op "teleport"`},
		{"wrong field type", websocket.TextMessage, []byte(`{"op":"subscribe","subscriptions":[{"id":"one","channelId":1}]}`), `field "subscriptions.id"`},
		{"unknown channel id", websocket.TextMessage, []byte(`{"op":"subscribe","subscriptions":[{"id":1,"channelId":999}]}`), "unknown channel id 999"},
		{"unknown client channel", websocket.BinaryMessage, append(bin(1, 42, 0, 0, 0), `{}`...), "unknown client channel id 42"},
		{"oversized", websocket.TextMessage, []byte(`{"op":"subscribe","subscriptions":[],"pad":"` + strings.Repeat("x", 3000) + `"}`), "the limit is 1024 bytes"},
		{"unknown opcode", websocket.BinaryMessage, bin(0x7f, 1), "unknown binary opcode 0x7f"},
		{"short binary", websocket.BinaryMessage, bin(1, 1), "need at least 5"},
		{"advertise unknown topic", websocket.TextMessage, []byte(`{"op":"advertise","channels":[{"id":9,"topic":"/psm/joint_states","encoding":"json","schemaName":"x"}]}`), `topic "/psm/joint_states" is not accepted`},
		{"advertise wrong encoding", websocket.TextMessage, []byte(`{"op":"advertise","channels":[{"id":9,"topic":"/psm/teleop/command","encoding":"cdr","schemaName":"x"}]}`), `encoding "cdr"`},
		{"duplicate advertise", websocket.TextMessage, []byte(`{"op":"advertise","channels":[{"id":1,"topic":"/psm/teleop/command","encoding":"json","schemaName":"x"}]}`), "already advertised"},
		{"command wrong type", websocket.BinaryMessage, append(bin(1, cidCommand, 0, 0, 0), `{"seq":1,"deadman":"yes"}`...), `field "deadman"`},
		{"command not JSON", websocket.BinaryMessage, append(bin(1, cidCommand, 0, 0, 0), 0xff, 0x00), "/teleop/command"},
		{"control unknown action", websocket.BinaryMessage, append(bin(1, cidControl, 0, 0, 0), `{"action":"steal"}`...), `"steal"`},
		{"estop missing field", websocket.BinaryMessage, append(bin(1, cidEStop, 0, 0, 0), `{}`...), `missing "engage"`},
		{"duplicate subscription", websocket.TextMessage, []byte(`{"op":"subscribe","subscriptions":[{"id":5,"channelId":1},{"id":5,"channelId":2}]}`), "subscription id already in use"},
	} {
		if err := c.c.WriteMessage(tc.mt, tc.data); err != nil {
			t.Fatalf("%s: write: %v", tc.name, err)
		}
		c.status(statusError, tc.want)
	}
	// Still connected and serving.
	c.subscribe(77, "/psm/tool_pose")
	c.data(77)
	if len(e.robot.Commands()) != 0 {
		t.Error("malformed input moved the robot")
	}
}

// --- slow clients ---------------------------------------------------------------------

// smallBuffers returns a dialer whose socket has a small receive buffer, so
// a client that stops reading backs the server up within milliseconds
// instead of after megabytes of kernel buffering.
func smallBuffers() *websocket.Dialer {
	nd := &net.Dialer{Control: setBuffer(syscall.SO_RCVBUF)}
	return &websocket.Dialer{HandshakeTimeout: guard, NetDialContext: nd.DialContext}
}

func setBuffer(opt int) func(_, _ string, rc syscall.RawConn) error {
	return func(_, _ string, rc syscall.RawConn) error {
		var serr error
		err := rc.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, opt, 4096) })
		return errors.Join(err, serr)
	}
}

// waitStats polls Server.Clients until pred holds for the client named name.
func (e *env) waitStats(what string, pred func(ClientStats, bool) bool, name string) {
	e.t.Helper()
	deadline := time.Now().Add(guard)
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		var st ClientStats
		found := false
		for _, cs := range e.srv.Clients() {
			if cs.Name == name {
				st, found = cs, true
			}
		}
		if pred(st, found) {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("%s: not within %v (last %+v found=%v)", what, guard, st, found)
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func fatTelemetry(o *Options) {
	// A small send buffer on the server side too (inherited by accepted
	// sockets), so the backlog forms within milliseconds.
	o.ListenConfig = &net.ListenConfig{Control: setBuffer(syscall.SO_SNDBUF)}
	o.TelemetryRate = 1000
	o.DataQueueLen = 16
	o.WriteWait = guard * 2 // the writer stays blocked in its write instead of timing out
}

func TestSlowClientDropsOthersUnaffected(t *testing.T) {
	e := newEnv(t, fatTelemetry)
	slow := e.dial(tokViewer, true, smallBuffers())
	for i, topic := range allTopics("/psm") {
		slow.subscribe(uint32(i), topic)
	}
	slowName := slow.info.Metadata["client"]
	e.waitStats("slow client drops telemetry", func(s ClientStats, ok bool) bool { return ok && s.Dropped > 0 }, slowName)

	// With the slow client backed up, a healthy viewer still gets a steady
	// stream and the operator still moves the robot.
	fast := e.dial(tokViewer, false, nil)
	fast.subscribe(1, "/psm/joint_states")
	for range 200 { // 0.2 s of telemetry at 1 kHz
		fast.data(1)
	}
	op := e.operator(tokOperator)
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	e.waitCmd("motion while a client is stalled", func(c Command) bool { return c.Seq == 1 })
	for _, cs := range e.srv.Clients() {
		if cs.Name == fast.info.Metadata["client"] && cs.Dropped > 0 {
			t.Errorf("healthy client dropped %d messages", cs.Dropped)
		}
		if cs.Name == slowName && cs.Queued > 16 {
			t.Errorf("slow client's queue grew to %d past its bound", cs.Queued)
		}
	}
}

func TestControlQueueOverflowDisconnects(t *testing.T) {
	logs := &syncBuffer{}
	e := newEnv(t, func(o *Options) {
		fatTelemetry(o)
		o.ControlQueueLen = 8
		o.Logger = slog.New(slog.NewTextHandler(logs, nil))
	})
	slow := e.dial(tokViewer, true, smallBuffers())
	for i, topic := range allTopics("/psm") {
		slow.subscribe(uint32(i), topic)
	}
	name := slow.info.Metadata["client"]
	// Once telemetry is dropped the writer is stuck behind the full socket.
	e.waitStats("writer blocked", func(s ClientStats, ok bool) bool { return ok && s.Dropped > 0 }, name)
	// Each bogus message is answered with a status. The writer may still
	// squeeze a few into the socket before it blocks for good, so keep
	// sending (a bounded number) until the server hangs up.
	gone := func() bool {
		for _, cs := range e.srv.Clients() {
			if cs.Name == name {
				return false
			}
		}
		return true
	}
	for i := 0; i < 100000 && !(i%16 == 0 && gone()); i++ {
		if err := slow.c.WriteMessage(websocket.TextMessage, []byte(`{"op":"bogus"}`)); err != nil {
			break // already disconnected
		}
	}
	e.waitStats("client disconnected", func(_ ClientStats, ok bool) bool { return !ok }, name)
	// dropClient logs the reason after removing the client, so the log
	// line may trail what Clients shows by a moment.
	for deadline := time.Now().Add(guard); !strings.Contains(logs.String(), "control queue overflow") && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if l := logs.String(); !strings.Contains(l, "control queue overflow") {
		t.Errorf("disconnected for another reason:\n%s", l)
	}
	// The client sees the connection end once it reads what was buffered.
	slow.c.SetReadDeadline(time.Now().Add(guard))
	for {
		if _, _, err := slow.c.ReadMessage(); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatal("connection still open")
			}
			break
		}
	}
}

func TestRefusesWithoutSupervisor(t *testing.T) {
	e := newEnv(t, nil)
	srv, err := New(Options{Tokens: e.srv.opts.Tokens, Robots: []RobotConfig{{Robot: NewFakeRobot("x", "j")}}})
	if err != nil {
		t.Fatal(err)
	}
	ts := &http.Server{Handler: srv}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go ts.Serve(ln)
	defer ts.Close()
	d := websocket.Dialer{HandshakeTimeout: guard, Subprotocols: Subprotocols}
	if c, resp, err := d.Dial("ws://"+ln.Addr().String()+"/ws?token="+tokViewer, nil); err == nil || resp.StatusCode != http.StatusServiceUnavailable {
		if c != nil {
			c.Close()
		}
		t.Errorf("without Run: %v %v, want 503", resp, err)
	}
}

func TestHandleMountsExtraRoutes(t *testing.T) {
	e := newEnv(t, func(o *Options) {})
	e.srv.Handle("/api/v1/ping", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "pong") }))
	resp, err := http.Get("http://" + e.addr + "/api/v1/ping")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b [4]byte
	n, _ := resp.Body.Read(b[:])
	if resp.StatusCode != 200 || string(b[:n]) != "pong" {
		t.Errorf("mounted route: %d %q", resp.StatusCode, b[:n])
	}
}
