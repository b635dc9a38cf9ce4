package external

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/drivers"
)

// The test binary is also the fake controller program: with
// CHIRON_FAKE_CONTROLLER set, TestHelperProcess speaks the protocol with the
// behaviour its last argument names, then exits.
const fakeEnv = "CHIRON_FAKE_CONTROLLER"

func fakeCommand(mode string) []string {
	return []string{os.Args[0], "-test.run=^TestHelperProcess$", "--", mode}
}

// TestHelperProcess is the fake program (not a test on its own).
// Modes: pd (joint PD + gravity from the request, kp 50, kd 2), and
// pd-then-X:N — after N cycles X: exit (status 3), hang, nan, negkp,
// short (half a reply, then exit); refuse (hello answered "no"); silent
// (no hello answer).
func TestHelperProcess(t *testing.T) {
	if os.Getenv(fakeEnv) == "" {
		return
	}
	mode := os.Args[len(os.Args)-1]
	os.Exit(fake(mode, os.Stdin, os.Stdout))
}

func fake(mode string, in io.Reader, out io.Writer) int {
	r := bufio.NewReader(in)
	line, err := r.ReadString('\n')
	if err != nil {
		return 10
	}
	var hello struct {
		Protocol string         `json:"protocol"`
		Joints   int            `json:"joints"`
		Req      int            `json:"request_floats"`
		Rep      int            `json:"reply_floats"`
		Config   map[string]any `json:"config"`
		Kp       []float64      `json:"default_kp"`
	}
	if err := json.Unmarshal([]byte(line), &hello); err != nil || hello.Protocol != Protocol || hello.Req != 3+6*hello.Joints || hello.Rep != 5*hello.Joints {
		fmt.Fprintf(out, "bad hello %q\n", line)
		return 11
	}
	switch mode {
	case "refuse":
		fmt.Fprintln(out, "no: this robot has too many joints")
		return 0
	case "silent":
		time.Sleep(time.Hour)
	case "pd":
		if hello.Config["k"] != 1.0 || len(hello.Kp) != 2 || hello.Kp[1] != 2 {
			fmt.Fprintf(out, "config %v, default kp %v: want k 1, kp [1 2]\n", hello.Config, hello.Kp)
			return 13
		}
	}
	fmt.Fprintln(out, "ok")
	after, failAt := mode, -1
	if m, k, ok := strings.Cut(mode, ":"); ok {
		after = m
		failAt, _ = strconv.Atoi(k)
	}
	n := hello.Joints
	req := make([]float64, 3+6*n)
	rep := make([]float64, 5*n)
	for cycle := 0; ; cycle++ {
		if err := binary.Read(r, binary.LittleEndian, req); err != nil {
			return 0 // end of file: chiron closed
		}
		if cycle == failAt {
			switch after {
			case "pd-then-exit":
				return 3
			case "pd-then-hang":
				time.Sleep(time.Hour)
			case "pd-then-short":
				binary.Write(out, binary.LittleEndian, rep[:len(rep)/2])
				return 0
			}
		}
		q, qd, g, qr, qdr := req[3:3+n], req[3+n:3+2*n], req[3+3*n:3+4*n], req[3+4*n:3+5*n], req[3+5*n:]
		for i := range n {
			target := qr[i]
			if req[2] == 0 {
				target = q[i]
			}
			rep[i], rep[n+i], rep[2*n+i], rep[3*n+i], rep[4*n+i] = target, qdr[i], g[i], 50, 2
			_ = qd
		}
		if cycle == failAt && after == "pd-then-nan" {
			rep[2*n] = math.NaN()
		}
		if cycle == failAt && after == "pd-then-negkp" {
			rep[3*n+1] = -1
		}
		if err := binary.Write(out, binary.LittleEndian, rep); err != nil {
			return 12
		}
	}
}

type gravityConst float64

func (g gravityConst) Gravity(tau, q []float64) {
	for i := range tau {
		tau[i] = float64(g) * q[i]
	}
}

func start(t *testing.T, mode string, timeout string) (*Controller, *bytes.Buffer, error) {
	t.Helper()
	t.Setenv(fakeEnv, "1")
	var log bytes.Buffer
	c, err := Start(Params{Command: fakeCommand(mode), Timeout: timeout, Config: map[string]any{"k": 1}},
		Robot{Names: []string{"a", "b"}, Period: time.Millisecond, Kp: []float64{1, 2}, Kd: []float64{3, 4}, Gravity: gravityConst(2)}, &log)
	if c != nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, &log, err
}

func cycle(c *Controller, k int, withSetpoint bool) []drivers.JointCommand {
	st := []drivers.JointState{{Position: 0.1, Velocity: 0.01}, {Position: -0.2}}
	sp := &control.Setpoint{Q: []float64{0.5, 0.6}, Qd: []float64{1, 2}}
	if withSetpoint {
		sp.Seq = 1
	}
	out := make([]drivers.JointCommand, 2)
	c.Update(time.Duration(k)*time.Millisecond, st, sp, out)
	return out
}

// TestLockstepExchange: each Update is one exchange; the program's reply
// becomes impedance commands; before a setpoint it holds the measured
// posture; the gravity torque reaches it.
func TestLockstepExchange(t *testing.T) {
	c, _, err := start(t, "pd", "")
	if err != nil {
		t.Fatal(err)
	}
	out := cycle(c, 1, false)
	want := drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.1, Velocity: 0, Effort: 0.2, Kp: 50, Kd: 2}
	if out[0] != want {
		t.Errorf("no setpoint: command %+v, want %+v", out[0], want)
	}
	out = cycle(c, 2, true)
	want = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.6, Velocity: 2, Effort: -0.4, Kp: 50, Kd: 2}
	if out[1] != want {
		t.Errorf("setpoint: command %+v, want %+v", out[1], want)
	}
	if c.Exchanges() != 2 || c.Err() != nil {
		t.Errorf("%d exchanges, err %v", c.Exchanges(), c.Err())
	}
	if err := c.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}

// TestFailuresEndInAStop: a program that exits, hangs, replies garbage or
// half a reply fails the controller with the reason; from then on it
// commands NaN (the supervisor's "invalid command" protective stop) without
// talking to the program again.
func TestFailuresEndInAStop(t *testing.T) {
	// Only the hang waits for the timeout; the others fail as soon as the
	// program exits or answers (the timeout is generous for a loaded
	// machine, where a child's exit under -race takes a while).
	for _, tc := range []struct{ mode, timeout, want string }{
		{"pd-then-exit:3", "10s", "exited during the cycle exchange (exit status 3)"},
		{"pd-then-hang:3", "200ms", "no cycle reply within 200ms (hung?)"},
		{"pd-then-nan:3", "10s", "returned garbage at t=4ms for joint 0: q_cmd 0.5, qd_cmd 1, tau_ff NaN"},
		{"pd-then-negkp:3", "10s", "returned garbage at t=4ms for joint 1"},
		{"pd-then-short:3", "10s", "exited during the cycle exchange (exit status 0)"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			c, log, err := start(t, tc.mode, tc.timeout)
			if err != nil {
				t.Fatal(err)
			}
			for k := 1; k <= 3; k++ {
				if out := cycle(c, k, true); !finite(out[0].Position) || c.Err() != nil {
					t.Fatalf("cycle %d: %+v, %v", k, out, c.Err())
				}
			}
			out := cycle(c, 4, true)
			for i, o := range out {
				if !math.IsNaN(o.Position) {
					t.Errorf("joint %d after the failure: %+v, want NaN", i, o)
				}
			}
			err = c.Err()
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "protective stop") {
				t.Fatalf("Err() = %v, want %q", err, tc.want)
			}
			if got := log.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, tc.want) {
				t.Errorf("log %q: want the reason once", got)
			}
			// Failed for good: no more exchanges, still NaN, still one
			// log line.
			out = cycle(c, 5, true)
			if !math.IsNaN(out[1].Effort) || c.Exchanges() != 3 || strings.Count(log.String(), "\n") != 1 {
				t.Errorf("after the failure: %+v, %d exchanges, log %q", out, c.Exchanges(), log.String())
			}
			c.Close()
		})
	}
}

func TestStartFailures(t *testing.T) {
	for _, tc := range []struct {
		params Params
		mode   string
		want   string
	}{
		{Params{}, "", "params.command: required"},
		{Params{Command: []string{"/nonexistent/ctrl"}}, "", "params.command: start /nonexistent/ctrl:"},
		{Params{Command: []string{"x"}, Timeout: "soon"}, "", `params.timeout: "soon": want a positive Go duration`},
		{Params{}, "refuse", `refused the hello: "no: this robot has too many joints"`},
		{Params{Start: "300ms"}, "silent", "no hello reply within 300ms"},
		{Params{Command: []string{"x"}, Start: "0s"}, "", `params.start_timeout: "0s": want a positive Go duration`},
	} {
		t.Setenv(fakeEnv, "1")
		p := tc.params
		if tc.mode != "" {
			p.Command = fakeCommand(tc.mode)
		}
		c, err := Start(p, Robot{Names: []string{"a"}, Period: time.Millisecond}, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v %s: error %v, want %q", tc.params, tc.mode, err, tc.want)
		}
		if c != nil {
			c.Close()
		}
	}
}

// TestRegistered: "external" is a registered controller whose parameters
// are checked at parse time without starting anything.
func TestRegistered(t *testing.T) {
	for _, tc := range []struct{ params, want string }{
		{"", `controller "external": params.command: required`},
		{"command: []", `params.command: required`},
		{"{command: [x], timeout: -1s}", `params.timeout: "-1s": want a positive Go duration`},
		{"{command: [x], dir: 3, extra: 1}", `params.extra: unknown field`},
	} {
		err := registry.Validate(Name, &registry.Env{Params: registry.Params(tc.params)})
		var re *registry.Error
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &re) {
			t.Errorf("%q: %v, want %q", tc.params, err, tc.want)
		}
	}
	if err := registry.Validate(Name, &registry.Env{Params: registry.Params(`{"command": ["/nonexistent"], "timeout": "1s"}`)}); err != nil {
		t.Errorf("valid params refused: %v", err)
	}
}

// TestUpdateAllocatesNothing: an exchange allocates nothing on the loop's
// side.
func TestUpdateAllocatesNothing(t *testing.T) {
	c, _, err := start(t, "pd", "")
	if err != nil {
		t.Fatal(err)
	}
	st := []drivers.JointState{{Position: 0.1}, {Position: -0.2}}
	sp := &control.Setpoint{Seq: 1, Q: []float64{0.5, 0.6}, Qd: []float64{1, 2}}
	out := make([]drivers.JointCommand, 2)
	k := 0
	if a := testing.AllocsPerRun(200, func() {
		k++
		c.Update(time.Duration(k)*time.Millisecond, st, sp, out)
	}); a != 0 {
		t.Errorf("Update allocates %g times per exchange", a)
	}
	if c.Err() != nil {
		t.Fatal(c.Err())
	}
}
