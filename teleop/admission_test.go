package teleop

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// tryDial attempts an upgrade with token and returns the connection, or the
// refusal's status code and body.
func (e *env) tryDial(token string) (*websocket.Conn, int, string) {
	e.t.Helper()
	d := websocket.Dialer{HandshakeTimeout: guard, Subprotocols: []string{"foxglove.websocket.v1"}}
	c, resp, err := d.Dial(e.url(""), http.Header{"Authorization": {"Bearer " + token}})
	if err == nil {
		e.t.Cleanup(func() { c.Close() })
		return c, http.StatusSwitchingProtocols, ""
	}
	if resp == nil {
		e.t.Fatalf("dial: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	return nil, resp.StatusCode, string(body)
}

// waitClients waits (bounded) until the server counts n connections.
func (e *env) waitClients(n int) {
	e.t.Helper()
	deadline := time.Now().Add(guard)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		e.srv.admMu.Lock()
		got := e.srv.admAll
		e.srv.admMu.Unlock()
		if got == n && len(e.srv.Clients()) == n {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("server counts %d connections (%d clients), want %d", got, len(e.srv.Clients()), n)
		}
	}
}

func TestAdmissionCaps(t *testing.T) {
	type try struct {
		token string
		code  int    // 101 for accepted
		body  string // in the refusal's body
	}
	for _, tc := range []struct {
		name  string
		caps  func(*Options)
		tries []try
		again string // refused before, accepted once the first connection closed
	}{
		{"total, with the operators' reserve", func(o *Options) { o.MaxConnections, o.OperatorReserve = 4, 1 }, []try{
			{tokViewer, 101, ""}, {tokViewer, 101, ""}, {tokViewer, 101, ""},
			{tokViewer, 503, "MaxConnections 4 less OperatorReserve 1"},
			{tokOperator, 101, ""},
			{tokOperator2, 503, "cap MaxConnections 4"},
		}, tokOperator2},
		{"per token", func(o *Options) { o.MaxConnectionsPerToken = 2 }, []try{
			{tokViewer, 101, ""}, {tokViewer, 101, ""},
			{tokViewer, 429, "MaxConnectionsPerToken 2"},
			{tokOperator, 101, ""}, {tokOperator, 101, ""},
			{tokOperator, 429, "MaxConnectionsPerToken 2"},
		}, tokViewer},
		{"per address", func(o *Options) { o.MaxConnectionsPerAddr = 3 }, []try{
			{tokViewer, 101, ""}, {tokOperator, 101, ""}, {tokAdmin, 101, ""},
			{tokOperator2, 429, "too many connections from 127.0.0.1: 3 open (cap MaxConnectionsPerAddr 3)"},
		}, tokOperator2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, tc.caps)
			var open []*websocket.Conn
			for i, tr := range tc.tries {
				c, code, body := e.tryDial(tr.token)
				if code != tr.code || !strings.Contains(body, tr.body) {
					t.Fatalf("attempt %d (%s): %d %q, want %d containing %q", i, tr.token, code, body, tr.code, tr.body)
				}
				if c != nil {
					open = append(open, c)
				}
			}
			// A closed connection gives its place back.
			e.waitClients(len(open))
			open[0].Close()
			e.waitClients(len(open) - 1)
			if _, code, body := e.tryDial(tc.again); code != 101 {
				t.Fatalf("after a close: %d %q", code, body)
			}
			// The peak stays what was open at once, though one more
			// connection has now been admitted in all.
			if got := e.srv.Totals().PeakConnections; got != len(open) {
				t.Fatalf("Totals().PeakConnections %d, %d were open at once", got, len(open))
			}
		})
	}
}

func TestAdmissionOptionsErrors(t *testing.T) {
	tokens := NewTokens()
	if err := tokens.Add(RoleViewer, "tok"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		mod  func(*Options)
		want string
	}{
		{func(o *Options) { o.MaxConnections = -1 }, "MaxConnections -1"},
		{func(o *Options) { o.MaxConnectionsPerToken = -1 }, "MaxConnectionsPerToken -1"},
		{func(o *Options) { o.MaxConnectionsPerAddr = -2 }, "MaxConnectionsPerAddr -2"},
		{func(o *Options) { o.MaxConnections, o.OperatorReserve = 4, 4 }, "OperatorReserve 4 must be below MaxConnections 4"},
	} {
		o := Options{Tokens: tokens, Robots: []RobotConfig{{Robot: NewFakeRobot("r", "j")}}}
		tc.mod(&o)
		if _, err := New(o); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New: %v, want an error containing %q", err, tc.want)
		}
	}
}

// TestAdmissionFloodLeavesOperator: a flood of viewer upgrades with one
// token is capped at the default per-token share, and the operator still
// connects, takes control and moves the arm.
func TestAdmissionFloodLeavesOperator(t *testing.T) {
	e := newEnv(t, nil)
	accepted, refused := 0, 0
	for range 3 * DefaultMaxConnectionsPerToken {
		if c, code, body := e.tryDial(tokViewer); c != nil {
			accepted++
		} else if code == http.StatusTooManyRequests && strings.Contains(body, "MaxConnectionsPerToken") {
			refused++
		} else {
			t.Fatalf("refusal %d %q", code, body)
		}
	}
	if accepted != DefaultMaxConnectionsPerToken || refused != 2*DefaultMaxConnectionsPerToken {
		t.Errorf("accepted %d, refused %d viewer upgrades; want %d and %d", accepted, refused, DefaultMaxConnectionsPerToken, 2*DefaultMaxConnectionsPerToken)
	}
	op := e.operator(tokOperator)
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	e.waitCmd("the operator's command", func(c Command) bool { return c.Seq == 1 && !c.Hold })
}

// TestViewerCommandsNeverMoveTheArm: with an operator in control and
// moving, a viewer's /teleop/command publishes are each refused and
// counted (per client and in /teleop/status), and the robot's setpoint is
// the operator's, unchanged.
func TestViewerCommandsNeverMoveTheArm(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	e.waitCmd("operator command 1", func(c Command) bool { return c.Seq == 1 })
	before := e.robot.Commands()

	v := e.dial(tokViewer, false, nil)
	v.advertiseTeleop("/psm")
	const n = 20
	for i := range n {
		// Seqs above the operator's, deadman held, a different velocity,
		// a release of the deadman: none may reach the robot.
		v.publish(cidCommand, cmdJSON(100+i, i%2 == 0, -0.3))
	}
	v.publish(cidControl, `{"action":"take"}`)
	v.status(statusError, "role viewer may not take control") // after every command above was handled
	e.waitStats("viewer refusals counted", func(st ClientStats, ok bool) bool { return ok && st.Refused == n+1 }, v.info.Metadata["client"])

	after := e.robot.Commands()
	if len(after) != len(before) || e.robot.Last().Seq != 1 || e.robot.Last().Linear[0] <= 0 {
		t.Errorf("robot commands %d → %d, last %+v: the viewer reached the robot", len(before), len(after), e.robot.Last())
	}
	v.subscribe(1, "/psm/teleop/status")
	var st teleopStatusMsg
	for st.Refused < n {
		_, p := v.data(1)
		if err := json.Unmarshal(p, &st); err != nil {
			t.Fatal(err)
		}
	}
	if st.Refused != n || st.LastSeqApplied != 1 || !strings.HasPrefix(st.Operator, "operator#") {
		t.Errorf("status %+v, want %d refused, seq 1 applied, the operator in control", st, n)
	}
}
