package chiron

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/teleop"
)

// benchStack serves one PSM against firmware-sim over a pty (Dynamixel, the
// real host driver, the loop in real time) and returns the stack, its
// address and its tokens.
func benchStack(b *testing.B, rt bool) (*stack, string, map[teleop.Role]string, []string) {
	b.Helper()
	tokens, gen, err := tokensFor("")
	if err != nil {
		b.Fatal(err)
	}
	// Viewers as a clinic's would come: several people, each with their
	// own token, from several machines (admission caps a token at 16
	// connections and an address at 32).
	var viewerTokens []string
	for range 4 {
		tok, err := teleop.GenerateToken()
		if err != nil {
			b.Fatal(err)
		}
		if err := tokens.Add(teleop.RoleViewer, tok); err != nil {
			b.Fatal(err)
		}
		viewerTokens = append(viewerTokens, tok)
	}
	st, addr := startStackOpts(b, robotSpec{Name: "psm", Model: filepath.Join("..", "..", "robots", "psm.json"),
		Protocol: "dynamixel", Rate: 1000, Seed: 1}, stackOptions{Addr: "127.0.0.1:0", EnableOnStart: true, Tokens: tokens, RT: rt}, 10*time.Second)
	return st, addr, gen, viewerTokens
}

func dialWS(b *testing.B, addr, token string) *websocket.Conn { return dialWSFrom(b, addr, token, nil) }

// dialWSFrom dials from local address from (nil: any): on Linux every
// 127.0.0.0/8 address is the loopback, so viewers can come from several
// "machines".
func dialWSFrom(b *testing.B, addr, token string, from net.IP) *websocket.Conn {
	b.Helper()
	d := websocket.Dialer{Subprotocols: []string{"foxglove.websocket.v1"}}
	if from != nil {
		nd := &net.Dialer{LocalAddr: &net.TCPAddr{IP: from}}
		d.NetDialContext = nd.DialContext
	}
	h := http.Header{"Authorization": {"Bearer " + token}}
	c, _, err := d.Dial("ws://"+addr+"/ws", h)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// viewer subscribes to every channel and drains messages until closed.
func viewer(b *testing.B, addr, token string, from net.IP, got *atomic.Uint64) *websocket.Conn {
	c := dialWSFrom(b, addr, token, from)
	var subs []map[string]any
	for {
		_, data, err := c.ReadMessage()
		if err != nil {
			b.Fatal(err)
		}
		var m struct {
			Op       string `json:"op"`
			Channels []struct {
				ID uint32 `json:"id"`
			} `json:"channels"`
		}
		if json.Unmarshal(data, &m) == nil && m.Op == "advertise" {
			for i, ch := range m.Channels {
				subs = append(subs, map[string]any{"id": i + 1, "channelId": ch.ID})
			}
			break
		}
	}
	if err := c.WriteJSON(map[string]any{"op": "subscribe", "subscriptions": subs}); err != nil {
		b.Fatal(err)
	}
	go func() {
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
			got.Add(1)
		}
	}()
	return c
}

// publish sends a client message on channel id.
func publish(c *websocket.Conn, id uint32, v any) error {
	p, _ := json.Marshal(v)
	return c.WriteMessage(websocket.BinaryMessage, teleop.AppendClientMessageData(nil, id, p))
}

// windowQuantile is the q-quantile of the samples recorded between two
// cumulative histograms.
func windowQuantile(before, after *control.Histogram, q float64) time.Duration {
	d := *after
	for i := range d.Counts {
		d.Counts[i] -= before.Counts[i]
	}
	d.N -= before.N
	return d.Quantile(q)
}

// BenchmarkCommandLatency measures, on loopback against a real rig (the
// PSM over a pty to firmware-sim, loop at 1 kHz in real time), the time
// from an operator's /teleop/command leaving its websocket client to the
// first loop cycle that uses the resulting setpoint (server, operator
// filter, RCM IK, mailbox, next cycle), with 0 and 50 viewers subscribed
// to all telemetry at 100 Hz; and the loop's wake-up latency p99 over the
// same window. Commands go at 100 Hz, alternating ±z so the tool stays in
// its workspace.
func BenchmarkCommandLatency(b *testing.B) {
	for _, c := range []struct {
		viewers int
		flood   int // idle connections attempted while the commands go
		rt      bool
	}{{0, 0, false}, {50, 0, false}, {0, 1000, false}, {0, 0, true}, {50, 0, true}, {0, 1000, true}} {
		viewers := c.viewers
		name := fmt.Sprintf("viewers=%d", viewers)
		if c.flood > 0 {
			name = fmt.Sprintf("flood=%d", c.flood)
		}
		if c.rt {
			name += "/rt" // serve --rt: the loop on SCHED_FIFO with locked memory
		}
		b.Run(name, func(b *testing.B) {
			st, addr, tok, vtoks := benchStack(b, c.rt)
			loop := st.rigs[0].Loop()
			var got atomic.Uint64
			for k := range viewers {
				// 13 per token, 25 per address: inside the caps.
				c := viewer(b, addr, vtoks[k/13], net.IPv4(127, 0, 0, byte(2+k/25)), &got)
				defer c.Close()
			}
			// A flood: idle viewer connections opened at 500 per second for
			// the first 2 s of the run and kept open; admission control
			// (caps per server, token and address) refuses most of them.
			var admitted, refused atomic.Uint64
			floodDone := make(chan struct{})
			if c.flood > 0 {
				go func() {
					defer close(floodDone)
					var open []*websocket.Conn
					defer func() {
						for _, c := range open {
							c.Close()
						}
					}()
					d := websocket.Dialer{Subprotocols: []string{"foxglove.websocket.v1"}}
					h := http.Header{"Authorization": {"Bearer " + tok[teleop.RoleViewer]}}
					t := time.NewTicker(2 * time.Millisecond)
					defer t.Stop()
					for range c.flood {
						<-t.C
						conn, _, err := d.Dial("ws://"+addr+"/ws", h)
						if err != nil {
							refused.Add(1)
							continue
						}
						admitted.Add(1)
						open = append(open, conn)
					}
					<-time.After(2 * time.Second) // held while the commands go on
				}()
			} else {
				close(floodDone)
			}
			op := dialWS(b, addr, tok[teleop.RoleOperator])
			defer op.Close()
			go func() { // drain
				for {
					if _, _, err := op.ReadMessage(); err != nil {
						return
					}
				}
			}()
			if err := op.WriteJSON(map[string]any{"op": "advertise", "channels": []map[string]any{
				{"id": 1, "topic": "/teleop/command", "encoding": "json", "schemaName": "chiron.TeleopCommand"},
				{"id": 2, "topic": "/teleop/control", "encoding": "json", "schemaName": "chiron.TeleopControl"},
			}}); err != nil {
				b.Fatal(err)
			}
			if err := publish(op, 2, map[string]any{"action": "take"}); err != nil {
				b.Fatal(err)
			}
			snap := loop.NewSnapshot()
			var t0 control.TimingSnapshot
			loop.Snapshot(snap)
			t0 = snap.Timing
			lat := make([]time.Duration, 0, b.N)
			missed := 0
			tick := time.NewTicker(10 * time.Millisecond)
			defer tick.Stop()
			var mu sync.Mutex
			b.ResetTimer()
			for i := range b.N {
				<-tick.C
				loop.Snapshot(snap)
				before := snap.SetpointSeq
				z := 0.05
				if (i/50)%2 == 1 {
					z = -0.05
				}
				sent := time.Now()
				if err := publish(op, 1, map[string]any{"seq": i + 1, "deadman": true, "linear": []float64{0, 0, z}}); err != nil {
					b.Fatal(err)
				}
				deadline := sent.Add(100 * time.Millisecond)
				for {
					loop.Snapshot(snap)
					if snap.SetpointSeq > before {
						mu.Lock()
						lat = append(lat, time.Since(sent))
						mu.Unlock()
						break
					}
					if time.Now().After(deadline) {
						missed++ // refused by IK or the supervisor: nothing posted
						break
					}
					// Poll, do not spin: on a small machine a spinning
					// reader takes the CPU the loop needs. Resolution
					// ≈ the sleep plus timer slack (~0.1 ms).
					time.Sleep(50 * time.Microsecond)
				}
			}
			b.StopTimer()
			loop.Snapshot(snap)
			slices.Sort(lat)
			if len(lat) > 0 {
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50_us")
				b.ReportMetric(float64(lat[(len(lat)*99)/100].Microseconds()), "p99_us")
			}
			b.ReportMetric(float64(missed), "refused")
			b.ReportMetric(float64(windowQuantile(&t0.Wake, &snap.Timing.Wake, 0.99).Microseconds()), "wake_p99_us")
			b.ReportMetric(float64(got.Load()), "viewer_msgs")
			if c.flood > 0 {
				<-floodDone
				b.ReportMetric(float64(admitted.Load()), "flood_admitted")
				b.ReportMetric(float64(refused.Load()), "flood_refused")
			}
		})
	}
}
