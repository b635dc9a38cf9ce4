package control

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// ForwardKinematics gives the tool position (m, robot base frame) at joint
// configuration q, for the supervisor's workspace check. It must not
// allocate. An adapter over kinematics.Workspace.FK satisfies it.
type ForwardKinematics interface {
	ToolPosition(q []float64) [3]float64
}

// NamedController is a controller the loop can switch to by name.
type NamedController struct {
	Name       string
	Controller Controller
}

// Config describes a loop. Everything is sized here, once; Step then runs
// without allocating.
type Config struct {
	// Bus is the hardware. The loop owns it: nothing else may call Read or
	// Write while the loop runs, which is what makes the supervisor the only
	// path to the drives.
	Bus drivers.Bus
	// Period is the nominal cycle period; the supervisor's cycle-based
	// settings are counted in it.
	Period time.Duration
	// Controllers are the controllers available at run time. The first is
	// active at start. Names must be unique.
	Controllers []NamedController
	// FK feeds the workspace check: required when Safety.Workspace is set
	// (NewLoop refuses a workspace box it could never check), ignored
	// otherwise.
	FK ForwardKinematics
	// Safety configures the supervisor; len(Safety.Joints) must equal
	// Bus.Joints().
	Safety SafetyConfig
}

// Loop is one robot's control cycle: read, supervise, control, gate, write,
// publish, time. Step runs one cycle; a Runner calls it at a fixed rate, and
// lockstep simulation calls it with virtual time. Only one goroutine may call
// Step; the other methods are for any goroutine.
type Loop struct {
	bus    drivers.Bus
	n      int
	period time.Duration
	ctrls  []NamedController
	active int
	live   bool // the active controller has been Reset since it became active
	fk     ForwardKinematics
	sup    *Supervisor

	setpoints *Mailbox

	reqMu   sync.Mutex        // non-real-time requesters only
	catalog []NamedController // the controllers requests name (reqMu); l.ctrls once applied
	desired ctrlRequest
	reqs    tripleBuffer[ctrlRequest]
	applied struct{ ctrl, gains uint64 }
	// reconf is a Reconfigure waiting for the next cycle boundary.
	reconf   atomic.Pointer[reconfig]
	eventLog int // the event ring's capacity, fixed at NewLoop

	state   []drivers.JointState
	want    []drivers.JointCommand // controller output
	sent    []drivers.JointCommand // supervisor output, what reaches the bus
	q       []float64
	tool    [3]float64
	hasTool bool

	transition bool // bumpless transfer in progress

	cycle               uint64
	readErrs, writeErrs uint64
	fresh               bool
	lastWake            time.Duration
	woke                bool

	snaps  tripleBuffer[Snapshot]
	readMu sync.Mutex // snapshot readers only
	timing Timing

	// ioClk, set only during StepTimed, times the bus read and write so
	// that compute time excludes I/O (a real bus waits on the wire; the
	// simulated plant integrates physics inside Read).
	ioClk Clock
	ioDur time.Duration
}

// ctrlRequest is the cumulative state of run-time requests: which controller
// should be active and which gains a controller should have. Each has a
// sequence number so the loop applies a request exactly once.
type ctrlRequest struct {
	ctrl     int
	ctrlSeq  uint64
	target   int
	gains    Gains
	gainsSeq uint64
}

// NewLoop checks the configuration and allocates everything the loop needs.
func NewLoop(cfg Config) (*Loop, error) {
	if cfg.Bus == nil {
		return nil, fmt.Errorf("loop: no bus: %w", ErrConfig)
	}
	n := cfg.Bus.Joints()
	if n <= 0 {
		return nil, fmt.Errorf("loop: bus has %d joints: %w", n, ErrConfig)
	}
	if cfg.Period <= 0 {
		return nil, fmt.Errorf("loop: period %v: %w", cfg.Period, ErrConfig)
	}
	if err := checkControllers(cfg.Controllers); err != nil {
		return nil, err
	}
	if len(cfg.Safety.Joints) != n {
		return nil, fmt.Errorf("loop: %d joint limits for %d joints: %w", len(cfg.Safety.Joints), n, ErrConfig)
	}
	if cfg.Safety.Workspace != nil && cfg.FK == nil {
		// Without forward kinematics there is no tool position, and a
		// workspace box that is configured but never checked is worse than
		// none: whoever set it believes the tool is bounded.
		return nil, fmt.Errorf("loop: Safety.Workspace is set but FK is nil, so the workspace could never be checked: %w", ErrConfig)
	}
	safety, err := cfg.Safety.withDefaults(cfg.Period)
	if err != nil {
		return nil, fmt.Errorf("loop: %w", err)
	}
	l := &Loop{
		bus: cfg.Bus, n: n, period: cfg.Period, fk: cfg.FK,
		ctrls:     append([]NamedController(nil), cfg.Controllers...),
		eventLog:  safety.EventLog,
		sup:       newSupervisor(safety, n),
		setpoints: NewMailbox(n),
		state:     make([]drivers.JointState, n),
		want:      make([]drivers.JointCommand, n),
		sent:      make([]drivers.JointCommand, n),
		q:         make([]float64, n),
	}
	// Gains buffers hold at least 6 values so Cartesian controllers (one
	// stiffness per twist axis) fit as well as joint ones.
	gcap := max(n, 6)
	l.reqs.init(func(r *ctrlRequest) {
		r.gains = Gains{Kp: make([]float64, 0, gcap), Kd: make([]float64, 0, gcap)}
	})
	l.desired.gains = Gains{Kp: make([]float64, 0, gcap), Kd: make([]float64, 0, gcap)}
	l.snaps.init(func(s *Snapshot) { *s = newSnapshot(n, safety.EventLog) })
	l.catalog = l.ctrls
	return l, nil
}

// checkControllers refuses an empty set, a nil or unnamed controller and a
// duplicate name.
func checkControllers(cs []NamedController) error {
	if len(cs) == 0 {
		return fmt.Errorf("loop: no controller: %w", ErrConfig)
	}
	seen := map[string]bool{}
	for i, c := range cs {
		if c.Controller == nil || c.Name == "" || seen[c.Name] {
			return fmt.Errorf("loop: controller %d (%q): nil, unnamed or duplicate: %w", i, c.Name, ErrConfig)
		}
		seen[c.Name] = true
	}
	return nil
}

// Reconfiguration is what Loop.Reconfigure replaces: the controllers (the
// first becomes active) and the supervisor's configuration. The loop's bus,
// period, forward kinematics and event log stay.
type Reconfiguration struct {
	Controllers []NamedController
	// Safety must have one JointLimits per joint; its EventLog is ignored
	// (the log keeps its capacity and its events).
	Safety SafetyConfig
}

// ErrNotDisabled is returned by Reconfigure when a controller may be acting
// at the cycle boundary (the supervisor is Enabling or Enabled) or the
// robot is in Fault.
var ErrNotDisabled = errors.New("control: loop neither Disabled nor in a protective stop")

// reconfigurable reports whether no controller acts in state st and the
// supervisor can vouch for the hardware: the drives are off (Disabled) or
// the supervisor itself holds the joints (ProtectiveStop).
func reconfigurable(st State) bool { return st == Disabled || st == ProtectiveStop }

// reconfig is a checked Reconfiguration on its way to the loop; done
// (capacity 1) receives the outcome.
type reconfig struct {
	ctrls  []NamedController
	safety SafetyConfig
	done   chan error
}

// Reconfigure replaces the loop's controllers and the supervisor's limits
// at the next cycle boundary, as ros2_control loads and unloads
// controllers only while they are inactive: no controller may be acting
// then — the supervisor must be Disabled (drives off) or in a protective
// stop (the supervisor holds the joints with its own hold, which the new
// limits' hold gains take over) — so no controller change and no new limit
// can take effect under a controller moving a joint. Leaving a protective
// stop afterwards is the usual Resume, judged under the new limits. A
// robot in Fault is refused: a person resets it first.
//
// It returns once the loop has applied it (logged as ReasonReconfigured),
// with ErrNotDisabled if the supervisor was in another state at that
// boundary, or with ctx's error if the loop ran no cycle before ctx ended
// (nothing was changed then). It is how a served robot runs a clinician's
// prescription — the session's controllers and the patient's limits — and
// returns to its own configuration afterwards, without a second loop on
// the same drives and without dropping a limb it holds.
//
// The loop itself does not allocate or wait for it: it takes the checked
// configuration with one atomic swap.
func (l *Loop) Reconfigure(ctx context.Context, rc Reconfiguration) error {
	if err := checkControllers(rc.Controllers); err != nil {
		return fmt.Errorf("reconfigure: %w", err)
	}
	if len(rc.Safety.Joints) != l.n {
		return fmt.Errorf("reconfigure: %d joint limits for %d joints: %w", len(rc.Safety.Joints), l.n, ErrConfig)
	}
	if rc.Safety.Workspace != nil && l.fk == nil {
		return fmt.Errorf("reconfigure: Safety.Workspace is set but the loop has no FK to check it: %w", ErrConfig)
	}
	sc := rc.Safety
	sc.EventLog = l.eventLog
	safety, err := sc.withDefaults(l.period)
	if err != nil {
		return fmt.Errorf("reconfigure: %w", err)
	}
	l.reqMu.Lock()
	defer l.reqMu.Unlock()
	if st := l.sup.State(); !reconfigurable(st) {
		return fmt.Errorf("reconfigure: supervisor %s: %w", st, ErrNotDisabled)
	}
	p := &reconfig{ctrls: append([]NamedController(nil), rc.Controllers...), safety: safety, done: make(chan error, 1)}
	l.reconf.Store(p)
	select {
	case err = <-p.done:
	case <-ctx.Done():
		if l.reconf.CompareAndSwap(p, nil) {
			return fmt.Errorf("reconfigure: no cycle ran: %w", ctx.Err())
		}
		err = <-p.done // the loop took it this very cycle
	}
	if err != nil {
		return fmt.Errorf("reconfigure: %w", err)
	}
	// Requests name controllers of the new set from now on; the loop has
	// consumed every request made before (they are serialised by reqMu).
	l.catalog = p.ctrls
	l.desired.ctrl, l.desired.target = 0, 0
	return nil
}

// applyReconfig applies a pending Reconfigure at the cycle boundary.
func (l *Loop) applyReconfig(now time.Duration) {
	p := l.reconf.Load()
	if p == nil || !l.reconf.CompareAndSwap(p, nil) {
		return
	}
	var err error
	if !reconfigurable(l.sup.state) {
		err = ErrNotDisabled
	} else {
		l.ctrls, l.active, l.live, l.transition = p.ctrls, 0, false, false
		l.sup.reconfigure(&p.safety)
		l.sup.info(now, ReasonReconfigured, -1, float64(len(p.ctrls)))
	}
	select { // capacity 1, one send: never waits
	case p.done <- err:
	default:
	}
}

// Joints returns the number of joints.
func (l *Loop) Joints() int { return l.n }

// Period returns the nominal cycle period.
func (l *Loop) Period() time.Duration { return l.period }

// Setpoints returns the mailbox the operator side posts setpoints to.
func (l *Loop) Setpoints() *Mailbox { return l.setpoints }

// Supervisor returns the safety supervisor, to post Enable, Resume, Reset…
func (l *Loop) Supervisor() *Supervisor { return l.sup }

// Timing returns the live timing figures.
func (l *Loop) Timing() *Timing { return &l.timing }

// SwitchController asks the loop to make the named controller active at the
// next cycle boundary. The switch is bumpless: the controller is Reset from
// the current state and the effort it commands moves from the previous one
// by at most JointLimits.BumplessStep per cycle.
func (l *Loop) SwitchController(name string) error {
	l.reqMu.Lock()
	defer l.reqMu.Unlock()
	i := l.controllerIndex(name)
	if i < 0 {
		return fmt.Errorf("switch controller: unknown controller %q", name)
	}
	l.desired.ctrl = i
	l.desired.ctrlSeq++
	l.postRequest()
	return nil
}

// SetGains asks the loop to give the named controller new gains at the next
// cycle boundary; the controller must implement GainSetter. Whether it
// accepted them shows in the event log (ReasonGainsChanged or
// ReasonGainsRejected). A change to the active controller is bumpless like a
// switch.
func (l *Loop) SetGains(name string, g Gains) error {
	l.reqMu.Lock()
	defer l.reqMu.Unlock()
	i := l.controllerIndex(name)
	if i < 0 {
		return fmt.Errorf("set gains: unknown controller %q", name)
	}
	if _, ok := l.catalog[i].Controller.(GainSetter); !ok {
		return fmt.Errorf("set gains: controller %q has no run-time gains", name)
	}
	gcap := cap(l.desired.gains.Kp)
	if len(g.Kp) > gcap || len(g.Kd) > gcap {
		return fmt.Errorf("set gains for %q: %d/%d values, at most %d: %w", name, len(g.Kp), len(g.Kd), gcap, ErrGains)
	}
	l.desired.target = i
	l.desired.gains.Kp = append(l.desired.gains.Kp[:0], g.Kp...)
	l.desired.gains.Kd = append(l.desired.gains.Kd[:0], g.Kd...)
	l.desired.gainsSeq++
	l.postRequest()
	return nil
}

// controllerIndex finds name in the catalog; reqMu must be held.
func (l *Loop) controllerIndex(name string) int {
	for i, c := range l.catalog {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// postRequest publishes l.desired; reqMu must be held.
func (l *Loop) postRequest() {
	w := l.reqs.writable()
	w.ctrl, w.ctrlSeq, w.target, w.gainsSeq = l.desired.ctrl, l.desired.ctrlSeq, l.desired.target, l.desired.gainsSeq
	w.gains.Kp = append(w.gains.Kp[:0], l.desired.gains.Kp...)
	w.gains.Kd = append(w.gains.Kd[:0], l.desired.gains.Kd...)
	l.reqs.publish()
}

// Step runs one cycle at time now (the loop's clock: real or virtual). It
// records the period between calls but no wake-up latency or compute time,
// which only a caller with a real clock can know (see StepTimed).
func (l *Loop) Step(now time.Duration) { l.step(now) }

// StepTimed runs one cycle that was due at deadline and woke at now, and
// records the wake-up latency now − deadline and the compute time measured
// on clk at the end of the cycle. clk only times the cycle; the cycle itself
// sees only now.
//
// Compute time excludes the bus read and write, which are recorded
// separately as I/O time (as ros2_control separates read/update/write):
// compute is what the loop itself costs (supervision, controller, gating,
// publication), I/O is what the hardware or its simulation costs.
func (l *Loop) StepTimed(deadline, now time.Duration, clk Clock) {
	l.ioClk, l.ioDur = clk, 0
	l.step(now)
	l.ioClk = nil
	total := clk.Now() - now
	l.timing.wake.record(now - deadline)
	l.timing.compute.record(total - l.ioDur)
	l.timing.io.record(l.ioDur)
}

// step is one cycle, in the order of DESIGN.md.
func (l *Loop) step(now time.Duration) {
	l.cycle++

	// 1. Read the joints; compute the tool position for the workspace check.
	var t0 time.Duration
	if l.ioClk != nil {
		t0 = l.ioClk.Now()
	}
	readErr := l.bus.Read(now, l.state)
	if l.ioClk != nil {
		l.ioDur += l.ioClk.Now() - t0
	}
	if readErr != nil {
		l.readErrs++
	}
	l.hasTool = false
	if l.fk != nil && readErr == nil {
		for i := range l.state {
			l.q[i] = l.state[i].Position
		}
		l.tool, l.hasTool = l.fk.ToolPosition(l.q), true
	}
	sp, _ := l.setpoints.Latest()
	l.applyRequests(now)
	l.applyReconfig(now)

	// 2. Safety checks and state machine.
	l.fresh = l.sup.check(now, l.state, readErr, &l.tool, l.hasTool, sp, l.sent)

	// 3. The active controller, only when enabled and on fresh data.
	if l.sup.state != Enabled {
		l.live = false
	} else if l.fresh {
		c := l.ctrls[l.active].Controller
		if !l.live {
			c.Reset(l.state, l.sent)
			l.live, l.transition = true, true
		}
		c.Update(now, l.state, sp, l.want)
		if l.transition {
			l.limitTransition()
		}
	}

	// 4. The supervisor clamps and gates: it alone writes l.sent.
	l.sup.gate(now, l.state, l.fresh, l.want, l.sent)

	// 5. Write.
	if l.ioClk != nil {
		t0 = l.ioClk.Now()
	}
	err := l.bus.Write(now, l.sent)
	if l.ioClk != nil {
		l.ioDur += l.ioClk.Now() - t0
	}
	if err != nil {
		l.writeErrs++
		l.sup.afterWrite(now, err, l.state)
	}

	// 6. Publish.
	l.publish(now, sp)

	// 7. Timing (the period; StepTimed adds wake-up and compute).
	l.timing.cycles.Add(1)
	if l.woke {
		l.timing.period.record(now - l.lastWake)
	}
	l.lastWake, l.woke = now, true
}

// halt is the last thing a runner does with the loop, on every exit path:
// nothing will command the drives after it, so the supervisor goes to
// Disabled (ReasonLoopStopped) — or to Fault when the run ends in a panic
// (ReasonLoopPanicked) — and the state's safe command, every drive off, is
// written once and published. A write that fails or panics is counted and
// swallowed: the drives' own master-loss protection (heartbeat consumer,
// Bus Watchdog, watchdog relay) is what remains then, and a panic already
// unwinding must not be replaced by another.
func (l *Loop) halt(now time.Duration, panicked bool) {
	st, reason := Disabled, ReasonLoopStopped
	if panicked {
		st, reason = Fault, ReasonLoopPanicked
	}
	if l.sup.state != st && l.sup.state != Fault {
		l.sup.to(now, st, finding{reason: reason, joint: -1}, l.state)
	}
	for i := range l.sent {
		l.sent[i] = drivers.JointCommand{Mode: drivers.ModeOff}
	}
	func() {
		defer func() {
			if recover() != nil {
				l.writeErrs++
			}
		}()
		if err := l.bus.Write(now, l.sent); err != nil {
			l.writeErrs++
		}
	}()
	sp, _ := l.setpoints.Latest()
	l.publish(now, sp)
}

// applyRequests applies controller switches and gain changes at the cycle
// boundary.
func (l *Loop) applyRequests(now time.Duration) {
	r, fresh := l.reqs.latest()
	if !fresh {
		return
	}
	if r.ctrlSeq != l.applied.ctrl {
		l.applied.ctrl = r.ctrlSeq
		if r.ctrl != l.active {
			l.active = r.ctrl
			l.live = false // Reset before its first Update, bumpless
			l.sup.info(now, ReasonControllerSwitch, -1, float64(r.ctrl))
		}
	}
	if r.gainsSeq != l.applied.gains {
		l.applied.gains = r.gainsSeq
		gs := l.ctrls[r.target].Controller.(GainSetter) // checked by SetGains
		if err := gs.SetGains(&r.gains); err != nil {
			l.sup.info(now, ReasonGainsRejected, -1, float64(r.target))
		} else {
			l.sup.info(now, ReasonGainsChanged, -1, float64(r.target))
			if r.target == l.active {
				l.transition = true
			}
		}
	}
}

// limitTransition makes controller changes bumpless: while a transfer is in
// progress, the effort each joint's command produces at the measured state
// moves from the effort of the previous cycle's command by at most
// BumplessStep. The correction goes into the feed-forward effort as far as
// the effort limit allows and, for impedance commands, the rest into the
// position target (Δ/Kp), so the supervisor's clamp does not undo it. The
// transfer ends when every joint is within one step of what the controller
// asks. Commands in position or velocity mode are left alone: their effort
// is decided by the drive's own loop, which starts from the measured state.
func (l *Loop) limitTransition() {
	done := true
	for i := range l.want {
		c := &l.want[i]
		tauNew, ok := equivalentEffort(c, &l.state[i])
		if !ok {
			continue
		}
		tauPrev, ok := equivalentEffort(&l.sent[i], &l.state[i])
		if !ok {
			tauPrev = l.state[i].Effort // the drive's loop decided: use what it measured
		}
		lim := &l.sup.cfg.Joints[i]
		d := tauNew - tauPrev
		if d <= lim.BumplessStep && d >= -lim.BumplessStep {
			continue
		}
		done = false
		corr := clamp(d, -lim.BumplessStep, lim.BumplessStep) - d
		ff := clamp(c.Effort+corr, -lim.Effort, lim.Effort)
		corr -= ff - c.Effort
		c.Effort = ff
		if c.Mode == drivers.ModeImpedance && c.Kp > 0 {
			c.Position += corr / c.Kp
		}
	}
	if done {
		l.transition = false
	}
}

func (l *Loop) publish(now time.Duration, sp *Setpoint) {
	s := l.snaps.writable()
	s.Cycle, s.Now, s.Fresh = l.cycle, now, l.fresh
	s.State, s.Reason, s.Since, s.EStopLatched = l.sup.state, l.sup.reason, l.sup.since, l.sup.estopLatched
	s.ReasonJoint, s.ReasonDetail = l.sup.reasonJoint, l.sup.reasonDetail
	s.Controller, s.SetpointSeq = l.ctrls[l.active].Name, sp.Seq
	if gr, ok := l.ctrls[l.active].Controller.(GainReporter); ok {
		gr.ReportGains(&s.Gains)
	} else {
		s.Gains.Kp, s.Gains.Kd = s.Gains.Kp[:0], s.Gains.Kd[:0]
	}
	copy(s.Joints, l.state)
	copy(s.Desired, l.want)
	copy(s.Sent, l.sent)
	s.Tool, s.HasTool = l.tool, l.hasTool
	copy(s.Clamps, l.sup.clamps)
	s.ClampsTotal, s.StaleCycles = l.sup.clampsTotal, l.sup.staleTotal
	s.ReadErrors, s.WriteErrors, s.LastErrorKind = l.readErrs, l.writeErrs, l.sup.lastKind
	l.sup.events.copyNew(s.events, &s.eventsTotal)
	l.snaps.publish()
}

// NewSnapshot returns a snapshot sized for this loop, to pass to Snapshot.
func (l *Loop) NewSnapshot() *Snapshot {
	s := newSnapshot(l.n, len(l.sup.events.buf))
	return &s
}

// Snapshot copies the newest published cycle and the timing figures into
// dst (from NewSnapshot). Safe for concurrent use; it never delays the loop.
func (l *Loop) Snapshot(dst *Snapshot) {
	l.readMu.Lock()
	src, _ := l.snaps.latest()
	dst.copyFrom(src)
	l.readMu.Unlock()
	l.timing.CopyTo(&dst.Timing)
}

// SnapshotCycle is Snapshot without the timing figures: it copies the
// newest published cycle into dst and leaves dst.Timing as it was. The
// timing histograms are four arrays of atomic counters, most of a
// snapshot's cost; a caller reading every cycle (a lockstep runner)
// copies them with Timing().CopyTo only when it reads them.
func (l *Loop) SnapshotCycle(dst *Snapshot) {
	l.readMu.Lock()
	src, _ := l.snaps.latest()
	dst.copyFrom(src)
	l.readMu.Unlock()
}
