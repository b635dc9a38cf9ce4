package chiron

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/teleop"
)

// benchFirmware is simulated drive firmware standing where a real robot's
// drives stand, as `chiron firmware-sim --link` runs it: the protocol
// server on a pty whose link path a rig file names, the plant running
// against the wall clock. The arm starts mid-range, as a bench engineer
// would leave it.
type benchFirmware struct {
	sim  *firmwaresim.Sim
	link string
}

func startBenchFirmware(t *testing.T, model, protocol string) *benchFirmware {
	t.Helper()
	c, err := kinematics.LoadChain(model, "", "")
	if err != nil {
		t.Fatal(err)
	}
	sim, err := firmwaresim.New(c, firmwaresim.Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := c.Limits()
	q0 := make([]float64, c.DoF())
	for i := range q0 {
		q0[i] = (lo[i] + hi[i]) / 2
	}
	sim.Lock()
	sim.Plant().SetState(q0, nil)
	sim.Unlock()
	srv, err := fwProtocols[protocol](sim, c, fwOptions{})
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "tty"+protocol)
	p, err := firmwaresim.OpenPTY(link)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); sim.Run(ctx, time.Millisecond) }()
	go func() { defer wg.Done(); srv.Serve(ctx, p) }()
	t.Cleanup(func() {
		cancel()
		p.Close()
		wg.Wait()
	})
	return &benchFirmware{sim: sim, link: link}
}

// positions returns the plant's joint positions.
func (b *benchFirmware) positions() []float64 {
	b.sim.Lock()
	defer b.sim.Unlock()
	return append([]float64(nil), b.sim.Plant().Position()...)
}

// enabled returns which simulated drives have their power stage on.
func (b *benchFirmware) enabled() []bool {
	b.sim.Lock()
	defer b.sim.Unlock()
	out := make([]bool, len(b.sim.Drives))
	for i, d := range b.sim.Drives {
		out[i] = d.Enabled
	}
	return out
}

// rigFileFor writes the shipped example rig file with its port replaced
// by the bench firmware's pty link; extra is appended to it, except that
// from, to pairs after it replace the first from with to.
func rigFileFor(t *testing.T, example, port, link string, extra ...string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "rig", "testdata", example))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	if !strings.Contains(doc, "port: "+port) {
		t.Fatalf("%s does not name port %s", example, port)
	}
	doc = strings.Replace(doc, "port: "+port, "port: "+link, 1)
	if len(extra) > 0 {
		doc += extra[0]
		for i := 1; i+1 < len(extra); i += 2 {
			doc = strings.Replace(doc, extra[i], extra[i+1], 1)
		}
	}
	path := filepath.Join(t.TempDir(), example)
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// consoleClient is an operator's websocket to the console, subscribed to
// the safety state and the joint states.
type consoleClient struct {
	c        *websocket.Conn
	mu       sync.Mutex
	state    string    // last /safety state
	reason   string    // its reason
	q        []float64 // last /joint_states position
	statuses []string  // server status messages
	done     chan struct{}
}

func dialConsole(t testing.TB, addr, token string) *consoleClient {
	t.Helper()
	d := websocket.Dialer{Subprotocols: []string{"foxglove.websocket.v1"}}
	c, _, err := d.Dial("ws://"+addr+"/ws", http.Header{"Authorization": {"Bearer " + token}})
	if err != nil {
		t.Fatal(err)
	}
	cc := &consoleClient{c: c, done: make(chan struct{})}
	t.Cleanup(func() {
		c.Close()
		<-cc.done
	})
	topics := map[uint32]string{} // subscription id → topic
	subscribed := false
	go func() {
		defer close(cc.done)
		for {
			mt, data, err := c.ReadMessage()
			if err != nil {
				return
			}
			if mt == websocket.TextMessage {
				var m struct {
					Op       string `json:"op"`
					Message  string `json:"message"`
					Channels []struct {
						ID    uint32 `json:"id"`
						Topic string `json:"topic"`
					} `json:"channels"`
				}
				if json.Unmarshal(data, &m) != nil {
					continue
				}
				switch m.Op {
				case "status":
					cc.mu.Lock()
					cc.statuses = append(cc.statuses, m.Message)
					cc.mu.Unlock()
				case "advertise":
					if subscribed {
						continue
					}
					var subs []map[string]any
					for _, ch := range m.Channels {
						if ch.Topic == "/safety" || ch.Topic == "/joint_states" {
							id := uint32(len(subs) + 1)
							topics[id] = ch.Topic
							subs = append(subs, map[string]any{"id": id, "channelId": ch.ID})
						}
					}
					subscribed = true
					cc.mu.Lock()
					err := c.WriteJSON(map[string]any{"op": "subscribe", "subscriptions": subs})
					cc.mu.Unlock()
					if err != nil {
						return
					}
				}
				continue
			}
			sub, _, payload, ok := teleop.ParseMessageData(data)
			if !ok {
				continue
			}
			switch topics[sub] {
			case "/safety":
				var s struct {
					State, Reason string
					Events        []string
				}
				if json.Unmarshal(payload, &s) == nil {
					cc.mu.Lock()
					cc.state, cc.reason = s.State, s.Reason
					if s.State != "enabled" && len(s.Events) > 0 {
						cc.reason += " [" + strings.Join(s.Events, "; ") + "]"
					}
					cc.mu.Unlock()
				}
			case "/joint_states":
				var js struct{ Position []float64 }
				if json.Unmarshal(payload, &js) == nil {
					cc.mu.Lock()
					cc.q = js.Position
					cc.mu.Unlock()
				}
			}
		}
	}()
	return cc
}

// publish sends one client message on channel id.
func (cc *consoleClient) publish(id uint32, v any) error {
	p, _ := json.Marshal(v)
	msg := teleop.AppendClientMessageData(nil, id, p)
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return cc.c.WriteMessage(websocket.BinaryMessage, msg)
}

func (cc *consoleClient) writeJSON(v any) error {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return cc.c.WriteJSON(v)
}

func (cc *consoleClient) snapshot() (state, reason string, q []float64, statuses []string) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	statuses = cc.statuses
	if len(statuses) > 3 {
		statuses = append([]string{fmt.Sprintf("(%d more)", len(statuses)-3)}, statuses[len(statuses)-3:]...)
	}
	return cc.state, cc.reason, append([]float64(nil), cc.q...), append([]string(nil), statuses...)
}

// waitFor polls cond every 10 ms until it holds or timeout passes.
func waitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		<-tick.C
	}
	return true
}

// fieldAfter returns the word after prefix on the line that starts with it.
func fieldAfter(printed, prefix string) string {
	for _, l := range strings.Split(printed, "\n") {
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// TestServeRealRig is a bench engineer's session with no hardware:
// simulated drive firmware on a pty stands where the robot's drives stand,
// the shipped example rig file names that pty as its port, and `chiron
// serve --rig` runs the real drivers, the loop and the console on it. The
// loop must enable, an operator's /teleop/command must move the simulated
// arm, and SIGTERM must end serve cleanly with every drive switched off.
func TestServeRealRig(t *testing.T) {
	for _, tc := range []struct {
		name, protocol, example, port string
	}{
		{"dynamixel", "dynamixel", "psm-dynamixel.yaml", "/dev/ttyUSB0"},
		{"canopen-slcan", "canopen", "psm-canopen.yaml", "/dev/ttyACM0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			model := filepath.Join("..", "..", "robots", "psm.json")
			fw := startBenchFirmware(t, model, tc.protocol)
			var extra []string
			if raceEnabled {
				// The race detector slows the simulated firmware (plant,
				// SLCAN adapter, drives) several-fold: a slower loop (below),
				// longer waits for replies and at start-up, and a watchdog
				// that tolerates a few late cycles — not many: with the
				// impedance law closed on the host, a long run of stale
				// samples is exactly what the watchdog must stop.
				extra = []string{"safety: {watchdog_cycles: 6}\n", "reply_timeout: 20ms", "reply_timeout: 50ms",
					"canopen:\n", "canopen:\n  sdo_timeout: 1s\n", "master_timeout: 100ms", "master_timeout: 1s"}
			}
			rigFile := rigFileFor(t, tc.example, tc.port, fw.link, extra...)
			args := []string{"serve", "--model", model, "--rig", rigFile, "--addr", "127.0.0.1:0",
				"--db", filepath.Join(t.TempDir(), "rehab.db"), "--sessions", "off"}
			wantRate := "rig: loop at 250 Hz: one cycle's traffic on this " + tc.protocol + " bus takes at least"
			if raceEnabled {
				args = append(args, "--rate", "100")
				wantRate = "console http://"
			}
			out := serveUntilSignal(t, args, func(printed string) {
				url := fieldAfter(printed, "console ")
				addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
				tok := fieldAfter(printed, "token operator")
				if addr == "" || tok == "" {
					t.Fatalf("no address or operator token in:\n%s", printed)
				}
				cc := dialConsole(t, addr, tok)
				// Nothing enables the drives on its own: serve starts them
				// Disabled and waits for a person.
				if !waitFor(20*time.Second, func() bool { s, _, _, _ := cc.snapshot(); return s == "disabled" }) {
					s, r, _, st := cc.snapshot()
					t.Fatalf("loop not reading its drives after 20 s: state %q (%s); statuses %q", s, r, st)
				}
				if waitFor(300*time.Millisecond, func() bool { s, _, _, _ := cc.snapshot(); return s != "disabled" }) {
					s, r, _, _ := cc.snapshot()
					t.Fatalf("state %q (%s) before anyone asked to enable", s, r)
				}
				for i, on := range fw.enabled() {
					if on {
						t.Errorf("simulated drive %d powered before anyone asked to enable", i+1)
					}
				}
				if err := cc.writeJSON(map[string]any{"op": "advertise", "channels": []map[string]any{
					{"id": 1, "topic": "/teleop/command", "encoding": "json", "schemaName": "chiron.TeleopCommand"},
					{"id": 2, "topic": "/teleop/control", "encoding": "json", "schemaName": "chiron.TeleopControl"},
				}}); err != nil {
					t.Fatal(err)
				}
				if err := cc.publish(2, map[string]any{"action": "take"}); err != nil {
					t.Fatal(err)
				}
				// The operator in control presses Enable (asking again while
				// the supervisor refuses, as the console lets them).
				if !waitFor(20*time.Second, func() bool {
					if s, _, _, _ := cc.snapshot(); s == "enabled" {
						return true
					}
					if err := cc.publish(2, map[string]any{"action": "enable"}); err != nil {
						t.Fatal(err)
					}
					time.Sleep(100 * time.Millisecond)
					s, _, _, _ := cc.snapshot()
					return s == "enabled"
				}) {
					s, r, _, st := cc.snapshot()
					t.Fatalf("loop not Enabled after the operator's Enable: state %q (%s); statuses %q", s, r, st)
				}
				for i, on := range fw.enabled() {
					if !on {
						t.Errorf("loop Enabled, but simulated drive %d is off", i+1)
					}
				}
				// The tool in along the shaft (the insertion axis) at 2 cm/s
				// until the simulated arm has gone 5 mm, then out until it
				// has come back 3 mm: motion both ways is the operator's,
				// not the arm sagging. Commands at 100 Hz.
				q0 := fw.positions()
				seq := 0
				drive := func(z float64, done func(x float64) bool) bool {
					return waitFor(15*time.Second, func() bool {
						seq++
						if err := cc.publish(1, map[string]any{"seq": seq, "deadman": true, "linear": []float64{0, 0, z}}); err != nil {
							t.Fatal(err)
						}
						return done(fw.positions()[2])
					})
				}
				fail := func(what string) {
					s, r, _, st := cc.snapshot()
					t.Fatalf("%s: insertion at %.4f m, from %.4f; state %q (%s); statuses %q", what, fw.positions()[2], q0[2], s, r, st)
				}
				// Waiting Disabled, the insertion stage may have slid towards
				// its end stop (no brake on the simulated servos): go 5 mm
				// away from the nearer end first, then 3 mm back.
				in := q0[2] < 0.12 // more travel inwards (towards 0.24 m)
				first, back := -0.02, 0.02
				if !in {
					first, back = 0.02, -0.02
				}
				if !drive(first, func(x float64) bool { return math.Abs(x-q0[2]) > 0.005 }) {
					fail("not 5 mm along the shaft in 15 s of commands")
				}
				q1 := fw.positions()

				if !drive(back, func(x float64) bool { return math.Abs(x-q1[2]) > 0.003 && (x-q1[2])*(q1[2]-q0[2]) < 0 }) {
					fail("not 3 mm back in 15 s of commands")
				}
				cc.publish(1, map[string]any{"seq": seq + 1, "deadman": false})
				// The console's joint states show the motion too (the
				// rig's mapping is the identity here, so they are the
				// plant's, up to encoder resolution and one telemetry
				// period).
				if !waitFor(5*time.Second, func() bool {
					_, _, q, _ := cc.snapshot()
					return len(q) == 6 && math.Abs(q[2]-q1[2]) > 0.002
				}) {
					_, _, q, _ := cc.snapshot()
					t.Errorf("/joint_states %v, plant %v (from %v)", q, fw.positions(), q1)
				}
				if s, r, _, _ := cc.snapshot(); s != "enabled" {
					t.Errorf("after the motion: state %q (%s)", s, r)
				}
			})
			for _, want := range []string{wantRate,
				"console http://127.0.0.1:", "operator console", "robots: psm"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			// serve has returned: every drive must be off.
			for i, on := range fw.enabled() {
				if on {
					t.Errorf("simulated drive %d still enabled after serve stopped", i+1)
				}
			}
		})
	}
}

// A rig whose drives do not answer fails before serving, naming the bus.
func TestServeRigWithoutDrivesFails(t *testing.T) {
	fw := startBenchFirmware(t, filepath.Join("..", "..", "robots", "upper_limb_exo.urdf"), "dynamixel") // 4 servos, not the PSM's 6
	rigFile := rigFileFor(t, "psm-dynamixel.yaml", "/dev/ttyUSB0", fw.link)
	code, _, errs := runCLI(t, "", "serve", "--model", "../../robots/psm.json", "--rig", rigFile, "--addr", "127.0.0.1:0",
		"--db", filepath.Join(t.TempDir(), "rehab.db"), "--sessions", "off")
	if code != 1 || !strings.Contains(errs, "dynamixel on "+fw.link) || !strings.Contains(errs, "timeout") {
		t.Errorf("exit %d: %s", code, errs)
	}
}
