// Package external runs a controller written in any language as a child
// process, in lockstep with the control loop, for simulation: it registers
// the controller kind "external" (control/registry), whose parameter
// command is the program to run. Every cycle the loop sends the program the
// measured state and the setpoint and waits for its joint commands — one
// exchange per cycle, on the loop's virtual time in a lockstep HIL run — so a
// run's speed and determinism do not depend on the controller's language:
// the same seed gives the same recording, however long the program takes.
// The safety supervisor gates what the program returns exactly as it gates
// a built-in controller's commands (an external controller is just a
// control.Controller).
//
// It is for simulation: each cycle blocks on the child's reply (up to
// timeout), which a lockstep run absorbs and a real-time loop on real
// drives must not; serve refuses it with --rig.
//
// # Protocol (chiron-lockstep/1)
//
// Over the child's stdin (requests) and stdout (replies); its stderr is
// passed through to chiron's. Numbers are IEEE-754 float64, little-endian.
//
// Hello. chiron writes one line of JSON:
//
//	{"protocol": "chiron-lockstep/1", "joints": n, "names": [...], "period_s": 0.001,
//	 "request_floats": 3+6n, "reply_floats": 5n, "default_kp": [...], "default_kd": [...],
//	 "config": {...}}
//
// (default_kp, default_kd: the joint stiffness and damping chiron's own
// joint-pd uses at this period, sized from each joint's inertia, so a PD
// with them is stable; config is the parameter config, passed through), and
// the program answers
// one line: "ok", or anything else to refuse (the line is the error chiron
// reports). It has start_timeout to answer, and timeout for each reply.
//
// Cycle. chiron writes a request of 3+6n floats,
//
//	t  reset  has_setpoint  q[n]  qd[n]  tau[n]  gravity[n]  q_ref[n]  qd_ref[n]
//
// t: loop time, s; reset: 1 on the first cycle after the controller became
// active (start, resume, switch): start from the measured state, reset
// integrators; has_setpoint: 0 until a setpoint was posted (q_ref, qd_ref
// are then 0: hold where you are); q, qd, tau: measured position (rad or
// m), velocity, effort (N·m or N); gravity: the torque that holds the arm
// against gravity at q, from the chain's model. The program replies with 5n
// floats,
//
//	q_cmd[n]  qd_cmd[n]  tau_ff[n]  kp[n]  kd[n]
//
// which each drive executes as τ = tau_ff + kp·(q_cmd − q) + kd·(qd_cmd − qd)
// (drivers.ModeImpedance): an effort controller sends kp = kd = 0.
//
// End. chiron closes the program's stdin when the robot closes; the program
// should exit on end of file (it is killed after a grace of timeout).
//
// Failures. A program that exits, does not reply within timeout, or
// replies with a value that is not finite (or a negative kp or kd) fails
// the controller for good: it is killed, the reason is written to stderr
// once and kept (Err), and from then on the controller commands NaN, which
// the supervisor answers with a protective stop (reason "invalid command")
// that no auto-resume ends — the robot holds where it is.
package external

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/drivers"
)

// Name is the registered controller kind.
const Name = "external"

// Protocol names the protocol version in the hello line.
const Protocol = "chiron-lockstep/1"

// Params are the external controller's parameters.
type Params struct {
	Command []string       `yaml:"command" help:"the program and its arguments, e.g. [python3, ctrl.py] (required)"`
	Dir     string         `yaml:"dir" help:"working directory of the program (default: chiron's)"`
	Timeout string         `yaml:"timeout" help:"longest wait for each cycle's reply, wall time (Go duration; default 2s)"`
	Start   string         `yaml:"start_timeout" help:"longest wait for the hello's answer: the program's start-up (Go duration; default 10s)"`
	Config  map[string]any `yaml:"config" help:"passed to the program in the hello line"`
}

// DefaultTimeout bounds each cycle's wait for the program: long enough
// for a garbage collection or a JIT's first compile on a loaded machine,
// short enough that a hung program ends a HIL run quickly.
// DefaultStartTimeout bounds its start-up until it answers the hello (an
// interpreter importing NumPy takes a few hundred milliseconds).
const (
	DefaultTimeout      = 2 * time.Second
	DefaultStartTimeout = 10 * time.Second
)

func duration(field, s string, def time.Duration) (time.Duration, error) {
	if s == "" {
		return def, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, registry.Bad(field, "%q: want a positive Go duration such as 500ms", s)
	}
	return d, nil
}

func (p *Params) timeouts() (cycle, start time.Duration, err error) {
	if cycle, err = duration("timeout", p.Timeout, DefaultTimeout); err != nil {
		return 0, 0, err
	}
	if start, err = duration("start_timeout", p.Start, DefaultStartTimeout); err != nil {
		return 0, 0, err
	}
	return cycle, start, nil
}

// Check refuses parameters New could not start with.
func (p *Params) Check() error {
	if len(p.Command) == 0 || strings.TrimSpace(p.Command[0]) == "" {
		return registry.Bad("command", "required: the program and its arguments, e.g. [python3, ctrl.py]")
	}
	if _, _, err := p.timeouts(); err != nil {
		return err
	}
	if _, err := json.Marshal(p.Config); err != nil {
		return registry.Bad("config", "cannot be sent as JSON: %v", err)
	}
	return nil
}

func init() {
	registry.Register(Name, registry.Typed[Params]{
		Summary: "a controller in another language, run as a child process in lockstep over stdin/stdout (chiron-lockstep/1; simulation only)",
		Follows: registry.FollowsJoints,
		Gains:   registry.GainsNone,
		Check:   func(_ *registry.Env, p *Params) error { return p.Check() },
		New: func(env *registry.Env, p *Params) (control.Controller, error) {
			r := Robot{Names: make([]string, env.Chain.DoF()), Period: env.Period, Kp: env.Kp, Kd: env.Kd}
			for i, j := range env.Chain.Joints {
				r.Names[i] = j.Name
			}
			if env.Dynamics != nil {
				r.Gravity = env.Dynamics
			}
			return Start(*p, r, os.Stderr)
		},
	}.Factory())
}

// Controller is a running external controller.
type Controller struct {
	n       int
	label   string // the command, for messages
	timeout time.Duration
	cmd     *exec.Cmd
	toChild *os.File // the child's stdin
	fromCh  *os.File // the child's stdout
	exited  chan struct{}
	waitErr error // set before exited closes

	req, rep  []byte
	q, g      []float64
	grav      control.GravityModel
	resetNext bool
	failed    atomic.Bool
	err       atomic.Pointer[error]
	log       io.Writer
	logOnce   sync.Once
	closeOnce sync.Once
	exchanges uint64
}

// Robot is what the program is told about the robot, and the gravity model
// that fills the requests' gravity.
type Robot struct {
	Names  []string      // joint names; their number is n
	Period time.Duration // loop period
	// Kp and Kd are the assembly's default joint stiffness and damping,
	// sized for the period (registry.Env): a PD with them is stable.
	// Optional (nil: not sent).
	Kp, Kd  []float64
	Gravity control.GravityModel // nil: gravity sent as 0
}

// Start runs p.Command and completes the hello for r. Failures are
// reported once to log (nil: discarded).
func Start(p Params, r Robot, log io.Writer) (*Controller, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	n := len(r.Names)
	if (r.Kp != nil && len(r.Kp) != n) || (r.Kd != nil && len(r.Kd) != n) {
		return nil, fmt.Errorf("external: %d default kp and %d kd for %d joints", len(r.Kp), len(r.Kd), n)
	}
	if n == 0 {
		return nil, errors.New("no joints")
	}
	timeout, startTimeout, _ := p.timeouts()
	if log == nil {
		log = io.Discard
	}
	c := &Controller{n: n, label: strings.Join(p.Command, " "), timeout: timeout, grav: r.Gravity, log: log,
		req: make([]byte, 8*(3+6*n)), rep: make([]byte, 8*5*n), q: make([]float64, n), g: make([]float64, n),
		exited: make(chan struct{}), resetNext: true}
	// Our ends of the pipes are *os.File from os.Pipe, which the runtime
	// poller serves, so reads and writes honour deadlines (the timeout).
	childIn, toChild, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("external %s: %w", c.label, err)
	}
	fromChild, childOut, err := os.Pipe()
	if err != nil {
		childIn.Close()
		toChild.Close()
		return nil, fmt.Errorf("external %s: %w", c.label, err)
	}
	c.toChild, c.fromCh = toChild, fromChild
	c.cmd = exec.Command(p.Command[0], p.Command[1:]...)
	c.cmd.Dir = p.Dir
	c.cmd.Stdin, c.cmd.Stdout, c.cmd.Stderr = childIn, childOut, os.Stderr
	if err := c.cmd.Start(); err != nil {
		for _, f := range []*os.File{childIn, childOut, toChild, fromChild} {
			f.Close()
		}
		return nil, registry.Bad("command", "start %s: %v", c.label, err)
	}
	childIn.Close()
	childOut.Close()
	go func() {
		c.waitErr = c.cmd.Wait()
		close(c.exited)
	}()
	if err := c.hello(p, r, startTimeout); err != nil {
		c.kill()
		return nil, fmt.Errorf("external %s: %w", c.label, err)
	}
	return c, nil
}

// hello sends the hello line and reads the program's answer.
func (c *Controller) hello(p Params, r Robot, timeout time.Duration) error {
	cfg := p.Config
	if cfg == nil {
		cfg = map[string]any{}
	}
	h := map[string]any{"protocol": Protocol, "joints": c.n, "names": r.Names,
		"period_s": r.Period.Seconds(), "request_floats": 3 + 6*c.n, "reply_floats": 5 * c.n, "config": cfg}
	if r.Kp != nil && r.Kd != nil {
		h["default_kp"], h["default_kd"] = r.Kp, r.Kd
	}
	line, err := json.Marshal(h)
	if err != nil {
		return err
	}
	c.toChild.SetWriteDeadline(time.Now().Add(timeout))
	if _, err := c.toChild.Write(append(line, '\n')); err != nil {
		return c.why("hello", err, timeout)
	}
	// Read the answer a byte at a time: a buffered reader would take
	// bytes of the binary replies that follow.
	c.fromCh.SetReadDeadline(time.Now().Add(timeout))
	var ans []byte
	b := make([]byte, 1)
	for len(ans) < 4096 {
		if _, err := io.ReadFull(c.fromCh, b); err != nil {
			return c.why("hello", err, timeout)
		}
		if b[0] == '\n' {
			break
		}
		ans = append(ans, b[0])
	}
	if a := strings.TrimSpace(string(ans)); a != "ok" {
		return fmt.Errorf("refused the hello: %q (want the line \"ok\")", a)
	}
	return nil
}

// why explains an I/O error with the program: it exited (and how), or it
// did not answer in time.
func (c *Controller) why(what string, err error, timeout time.Duration) error {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return fmt.Errorf("no %s reply within %v (hung?)", what, timeout)
	}
	select {
	case <-c.exited:
		return fmt.Errorf("exited during the %s exchange (%v)", what, exitText(c.waitErr))
	case <-time.After(c.timeout):
	}
	return fmt.Errorf("%s exchange: %v", what, err)
}

func exitText(err error) string {
	if err == nil {
		return "exit status 0"
	}
	return err.Error()
}

// Err returns why the controller failed, nil while it works. Safe for
// concurrent use.
func (c *Controller) Err() error {
	if p := c.err.Load(); p != nil {
		return *p
	}
	return nil
}

// Exchanges returns the completed cycles (for tests and reports; read it
// only when the loop is not running the controller).
func (c *Controller) Exchanges() uint64 { return c.exchanges }

// fail records the first failure, reports it and kills the program.
func (c *Controller) fail(err error) {
	if c.failed.Swap(true) {
		return
	}
	err = fmt.Errorf("external controller %s: %w; commanding NaN so the supervisor holds the robot (protective stop)", c.label, err)
	c.err.Store(&err)
	c.logOnce.Do(func() { fmt.Fprintln(c.log, err) })
	c.kill()
}

func (c *Controller) kill() {
	if c.cmd.Process != nil {
		c.cmd.Process.Kill()
	}
}

// Reset makes the next request carry reset = 1.
func (c *Controller) Reset([]drivers.JointState, []drivers.JointCommand) { c.resetNext = true }

// Update exchanges one request and reply with the program.
func (c *Controller) Update(now time.Duration, st []drivers.JointState, sp *control.Setpoint, out []drivers.JointCommand) {
	if c.failed.Load() || len(st) != c.n || len(out) != c.n {
		if !c.failed.Load() {
			c.fail(fmt.Errorf("loop has %d joints, the program was started for %d", len(st), c.n))
		}
		nan(out)
		return
	}
	if c.grav != nil {
		for i := range st {
			c.q[i] = st[i].Position
		}
		c.grav.Gravity(c.g, c.q)
	}
	n := c.n
	put := func(k int, v float64) { binary.LittleEndian.PutUint64(c.req[8*k:], math.Float64bits(v)) }
	reset, has := 0.0, 0.0
	if c.resetNext {
		reset = 1
	}
	if sp.Seq != 0 {
		has = 1
	}
	put(0, now.Seconds())
	put(1, reset)
	put(2, has)
	for i := range n {
		put(3+i, st[i].Position)
		put(3+n+i, st[i].Velocity)
		put(3+2*n+i, st[i].Effort)
		put(3+3*n+i, c.g[i])
		qr, qdr := 0.0, 0.0
		if sp.Seq != 0 {
			qr, qdr = sp.Q[i], sp.Qd[i]
		}
		put(3+4*n+i, qr)
		put(3+5*n+i, qdr)
	}
	deadline := time.Now().Add(c.timeout)
	c.toChild.SetWriteDeadline(deadline)
	if _, err := c.toChild.Write(c.req); err != nil {
		c.fail(c.why("cycle", err, c.timeout))
		nan(out)
		return
	}
	c.fromCh.SetReadDeadline(deadline)
	if _, err := io.ReadFull(c.fromCh, c.rep); err != nil {
		c.fail(c.why("cycle", err, c.timeout))
		nan(out)
		return
	}
	c.resetNext = false
	get := func(k int) float64 { return math.Float64frombits(binary.LittleEndian.Uint64(c.rep[8*k:])) }
	for i := range n {
		cmd := drivers.JointCommand{Mode: drivers.ModeImpedance, Position: get(i), Velocity: get(n + i),
			Effort: get(2*n + i), Kp: get(3*n + i), Kd: get(4*n + i)}
		if !finite(cmd.Position) || !finite(cmd.Velocity) || !finite(cmd.Effort) || !(cmd.Kp >= 0) || !(cmd.Kd >= 0) || !finite(cmd.Kp) || !finite(cmd.Kd) {
			c.fail(fmt.Errorf("returned garbage at t=%v for joint %d: q_cmd %g, qd_cmd %g, tau_ff %g, kp %g, kd %g (want finite values, kp and kd ≥ 0)",
				now, i, cmd.Position, cmd.Velocity, cmd.Effort, cmd.Kp, cmd.Kd))
			nan(out)
			return
		}
		out[i] = cmd
	}
	c.exchanges++
}

func finite(x float64) bool { return x-x == 0 }

func nan(out []drivers.JointCommand) {
	for i := range out {
		out[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: math.NaN(), Velocity: math.NaN(), Effort: math.NaN()}
	}
}

// Close ends the program: its stdin closes (it should exit on end of
// file), and it is killed if it has not exited within the timeout. It
// returns the program's exit error, if it failed on its own.
func (c *Controller) Close() error {
	var err error
	c.closeOnce.Do(func() {
		c.toChild.Close()
		select {
		case <-c.exited:
		case <-time.After(c.timeout):
			c.kill()
			<-c.exited
		}
		c.fromCh.Close()
		if !c.failed.Load() && c.waitErr != nil {
			err = fmt.Errorf("external controller %s: %v", c.label, c.waitErr)
		}
	})
	return err
}

var (
	_ control.Controller = (*Controller)(nil)
	_ io.Closer          = (*Controller)(nil)
)
