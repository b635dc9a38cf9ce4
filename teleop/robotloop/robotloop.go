// Package robotloop adapts a control.Loop to teleop.Robot, so that the
// teleoperation server drives a real (or simulated) robot's control loop.
//
// The operator side of teleop speaks in tool twists: a rate master. The
// loop's controllers track positions (joint-pd) or poses
// (cartesian-impedance). Robot bridges the two outside the real-time loop:
// each accepted command advances a target tool pose by the commanded twist
// over the time actually elapsed (Config.Now) since the previous command
// that set the target, at most two command periods (2/CommandRate), so the
// goal moves at the commanded speed whatever the rate commands arrive at —
// never faster — and a gap in the stream cannot make it jump. The target is
// turned into a setpoint for the loop's mailbox:
//
//   - for an arm with a mechanical remote centre of motion (a PSM:
//     Chain.MinInsertion > 0) by inverse kinematics with
//     IK.SolveMechanicalRCM, posting joint positions; goals closer to the
//     RCM than the minimum insertion, and goals without an IK solution, are
//     refused (Command returns the error, which the server reports to the
//     operator as a status message) and the arm keeps the last good target;
//   - for other arms whose active controller is cartesian-impedance, by
//     posting the pose itself (Setpoint.HasPose);
//   - otherwise by inverse kinematics to joint positions for joint-pd: the
//     full pose for arms with six or more joints, the position alone (one
//     damped-least-squares step per command, resolved-rate) for arms with
//     fewer, whose orientation is not independently controllable.
//
// A solution whose joint step would exceed a joint's rated velocity is
// refused as well: a jump between IK branches must never reach the drives.
// IK runs on the caller's goroutine (the server's connection reader) with a
// bounded budget (IKTimeout), never in the loop.
//
// Hold (and a released deadman) posts the measured joints and pose, so the
// arm stops where it is; the next motion starts its target from there.
//
// Safety: the loop's supervisor alone decides the robot's state; Robot only
// posts requests to it. EStop(true) asserts the supervisor's
// emergency-stop input (a latched Fault, drives off); EStop(false) only
// releases the input: the supervisor stays in Fault (drives off) until an
// operator asks for Reset (→ Disabled) and then Enable (→ Enabling →
// Enabled, holding the measured position), the two requests of
// teleop.Enabler. ProtectiveStop asks the supervisor for a protective stop
// (Supervisor.Stop with control.ReasonOperatorSilent, in its event log);
// the supervisor then holds position until a Resume, which Robot asks for
// only on a deliberate re-engagement: the deadman seen released after the
// stop, then pressed again. A fresh deadman press also asks the supervisor
// to Resume from its own protective stops.
//
// Latency: the mailbox numbers setpoints itself, so Robot remembers which
// operator seq each posted motion setpoint carries and reports, in
// State.AppliedSeq, the newest one the loop's snapshot says it used (holds
// carry none: they apply no operator command).
// AppliedAt is the wall time Snapshot first saw it used: its resolution is
// the snapshot polling interval (the server's telemetry period, 10 ms at
// 100 Hz), so /teleop/status overstates the latency by up to that much.
// BenchmarkCommandLatency in cli/chiron measures it precisely.
package robotloop

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/teleop"
)

// Defaults of Config.
const (
	DefaultCommandRate = teleop.DefaultCommandRate // Hz
	// DefaultIKTimeout bounds one solve in wall time. A solve from the
	// previous target takes tens of µs; the bound only matters on a starved
	// machine (or under the race detector), where a tight one would refuse
	// reachable goals.
	DefaultIKTimeout = 10 * time.Millisecond
	// ikMaxIterations caps one solve: a single attempt from the previous
	// target converges in 5–40 iterations or stalls.
	ikMaxIterations = 200
	// ikTolerance is a teleoperation step's IK residual bound (m and rad):
	// 0.1 mm and 0.1 mrad, below what an operator sees or a surgical
	// instrument's own compliance holds, and not accumulated (each command
	// solves for the commanded goal frame, not the last solution). The
	// solver's 1e-5 default made a UR5 at a posture where the solution
	// stalls at 1.01e-5 rad refuse every step.
	ikTolerance = 1e-4
	// maxEvents bounds the events reported in teleop.State.SafetyEvents.
	maxEvents = 16
)

// Mode is how motion commands reach the loop.
type Mode int

const (
	// ModeAuto picks per command: RCM IK for a mechanical-RCM chain, the
	// pose for the cartesian-impedance controller, joint IK otherwise.
	ModeAuto Mode = iota
	// ModeJoint always posts joint positions from IK.
	ModeJoint
	// ModePose always posts the pose (for Cartesian controllers).
	ModePose
)

// Config configures a Robot.
type Config struct {
	// Name is the robot's short name ("psm").
	Name string
	// Loop is the robot's control loop; Chain its kinematic chain, in the
	// loop's joint order.
	Loop  *control.Loop
	Chain *kinematics.Chain
	// JointNames defaults to the chain's joint names.
	JointNames []string
	// Lower and Upper are reported by JointLimits; nil means the chain's.
	Lower, Upper []float64
	Mode         Mode
	// CommandRate (Hz) is the nominal rate at which commands arrive. A
	// motion command advances the target by its twist times the time
	// elapsed since the previous command that set the target, at most
	// 2/CommandRate.
	CommandRate float64
	// IKTimeout bounds one IK solve, on Now's clock.
	IKTimeout time.Duration
	// Now is the clock of command timing (the elapsed time each command
	// integrates over), of State.AppliedAt and of IKTimeout; nil means
	// time.Now. A lockstep caller's virtual clock stands still while a
	// command is handled, so only the iteration cap bounds its solves and
	// a run's result does not depend on how fast the host is: on the wall
	// clock a starved host (the race detector beside a 1000-viewer flood)
	// ran a PSM solve past its 10 ms and refused the command, and the same
	// seed took another trajectory.
	Now func() time.Time
	// MotionValidFor is how long a motion setpoint stays valid in the loop
	// (control.Setpoint.ValidFor); 0 means DefaultMotionValidFor. The
	// teleop server holds the arm 100 ms after its operator goes quiet; this
	// is the backstop below it: if the adapter itself stops posting (a hung
	// server), the supervisor protective-stops once the last motion is this
	// old. Holds never expire.
	MotionValidFor time.Duration
	// Owner, when set, says who else has claimed the robot ("" when
	// nobody has: robot.Robot.Owner). While it is claimed — a clinician's
	// session runs on it — the operator's motion, Enable, Reset and
	// protective-stop requests are refused and nothing is posted to the
	// loop; the emergency stop is always accepted.
	Owner func() string
}

// DefaultMotionValidFor is 2.5× the teleop server's 100 ms hold timeout:
// it never fires while the server works, and bounds what a hung one costs.
const DefaultMotionValidFor = 250 * time.Millisecond

// Robot is a teleop.Robot over a control.Loop. Safe for concurrent use.
type Robot struct {
	name   string
	loop   *control.Loop
	chain  *kinematics.Chain
	names  []string
	lo, hi []float64
	mode   Mode
	dt     float64 // nominal command period, s
	// validFor is a motion setpoint's control.Setpoint.ValidFor.
	validFor time.Duration
	maxDt    float64 // longest time one command integrates over, s
	rcm      bool
	vmax     []float64
	now      func() time.Time
	owner    func() string

	// Command side (mu).
	mu        sync.Mutex
	snap      *control.Snapshot
	ws        *kinematics.Workspace
	ik        *kinematics.IK
	jac       *mat.Dense
	sp        *control.Setpoint
	qMeas     []float64
	qTarget   []float64
	qNew      []float64
	target    kinematics.Frame
	hasTarget bool
	// holdLatched says the setpoint is a hold latched while Enabled, at
	// supervisor event count holdEvents; a motion clears it.
	holdLatched   bool
	holdEvents    uint64
	targetAt      time.Time // when the target was last set (a motion applied, or a hold)
	deadman       bool      // deadman of the previous command
	stopped       string    // teleop protective stop asked for and not yet resumed: reason
	estopReleased bool      // EStop(false) was the last e-stop call
	released      bool      // the deadman was seen released since the stop
	refused       uint64
	pending       []posted // posted mailbox seq → teleop seq, oldest first
	applied       struct {
		seq uint64
		at  time.Time
	}
	notes []string // adapter events (refusals, stops), newest last

	// Snapshot side (smu).
	smu    sync.Mutex
	ssnap  *control.Snapshot
	sws    *kinematics.Workspace
	sq     []float64
	events []control.Event
}

type posted struct {
	mbox, teleop uint64
	motion       bool // a hold applies no operator command: never reported applied
}

var (
	_ teleop.Robot        = (*Robot)(nil)
	_ teleop.JointLimiter = (*Robot)(nil)
	_ teleop.Enabler      = (*Robot)(nil)
)

// Errors of Command.
var (
	// ErrNotEnabled: the supervisor is not Enabled, so motion is refused.
	ErrNotEnabled = errors.New("robotloop: loop not enabled")
	// ErrStopped: teleop's protective stop holds; release and press the
	// deadman again to resume.
	ErrStopped = errors.New("robotloop: protective stop")
	// ErrRequest: a Reset or Enable request that the supervisor's state
	// makes pointless (it would only be refused and logged).
	ErrRequest = errors.New("robotloop: request not applicable")
	// ErrJump: the IK solution would move a joint faster than rated.
	ErrJump = errors.New("robotloop: IK solution jumps")
	// ErrClaimed: another party (a clinician's session) has the robot.
	ErrClaimed = errors.New("robotloop: robot in use")
)

// claimed returns an ErrClaimed naming the owner, nil when the operator
// may command the robot; r.mu must be held.
func (r *Robot) claimed() error {
	if r.owner == nil {
		return nil
	}
	o := r.owner()
	if o == "" {
		return nil
	}
	r.hasTarget, r.holdLatched = false, false
	r.note("refused: the robot is in use by " + o)
	return fmt.Errorf("%w by %s", ErrClaimed, o)
}

// New returns a Robot for cfg.
func New(cfg Config) (*Robot, error) {
	if cfg.Loop == nil || cfg.Chain == nil {
		return nil, errors.New("robotloop: need a loop and a chain")
	}
	n := cfg.Chain.DoF()
	if cfg.Loop.Joints() != n {
		return nil, fmt.Errorf("robotloop: loop has %d joints, chain %d", cfg.Loop.Joints(), n)
	}
	if cfg.Name == "" {
		cfg.Name = cfg.Chain.Name
	}
	names := cfg.JointNames
	if names == nil {
		for _, j := range cfg.Chain.Joints {
			names = append(names, j.Name)
		}
	}
	if len(names) != n {
		return nil, fmt.Errorf("robotloop: %d joint names for %d joints", len(names), n)
	}
	lo, hi := cfg.Chain.Limits()
	if cfg.Lower != nil || cfg.Upper != nil {
		if len(cfg.Lower) != n || len(cfg.Upper) != n {
			return nil, fmt.Errorf("robotloop: limits for %d/%d joints, want %d", len(cfg.Lower), len(cfg.Upper), n)
		}
		lo, hi = slices.Clone(cfg.Lower), slices.Clone(cfg.Upper)
	}
	if cfg.MotionValidFor == 0 {
		cfg.MotionValidFor = DefaultMotionValidFor
	}
	if cfg.MotionValidFor < 0 {
		return nil, fmt.Errorf("robotloop: MotionValidFor %v: want > 0", cfg.MotionValidFor)
	}
	if cfg.CommandRate == 0 {
		cfg.CommandRate = DefaultCommandRate
	}
	if !(cfg.CommandRate > 0) {
		return nil, fmt.Errorf("robotloop: command rate %g Hz must be positive", cfg.CommandRate)
	}
	if cfg.IKTimeout <= 0 {
		cfg.IKTimeout = DefaultIKTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	vmax := make([]float64, n)
	for i, j := range cfg.Chain.Joints {
		vmax[i] = j.Velocity
		if vmax[i] <= 0 {
			vmax[i] = 2
		}
	}
	r := &Robot{
		name: cfg.Name, loop: cfg.Loop, chain: cfg.Chain, names: slices.Clone(names), lo: lo, hi: hi,
		mode: cfg.Mode, dt: 1 / cfg.CommandRate, maxDt: 2 / cfg.CommandRate, rcm: cfg.Chain.MinInsertion > 0 && cfg.Chain.InsertionJoint >= 0,
		vmax: vmax, now: cfg.Now, validFor: cfg.MotionValidFor, owner: cfg.Owner,
		snap: cfg.Loop.NewSnapshot(), ws: kinematics.NewWorkspace(cfg.Chain),
		ik: kinematics.NewIK(cfg.Chain, kinematics.IKOptions{Timeout: cfg.IKTimeout, Now: cfg.Now, MaxRestarts: -1,
			MaxIterations: ikMaxIterations, Tolerance: ikTolerance}),
		jac: mat.NewDense(6, n, nil), sp: control.NewSetpoint(n),
		qMeas: make([]float64, n), qTarget: make([]float64, n), qNew: make([]float64, n),
		ssnap: cfg.Loop.NewSnapshot(), sws: kinematics.NewWorkspace(cfg.Chain), sq: make([]float64, n),
	}
	return r, nil
}

// Name implements teleop.Robot.
func (r *Robot) Name() string { return r.name }

// JointNames implements teleop.Robot.
func (r *Robot) JointNames() []string { return r.names }

// JointLimits implements teleop.JointLimiter.
func (r *Robot) JointLimits() (lower, upper []float64) { return r.lo, r.hi }

// Chain returns the robot's kinematic chain.
func (r *Robot) Chain() *kinematics.Chain { return r.chain }

// Refused returns how many motion commands were refused so far.
func (r *Robot) Refused() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.refused
}

// Snapshot implements teleop.Robot: joint states, the tool pose by forward
// kinematics of the measured joints, the supervisor's state and events,
// the loop's timing and the last applied command.
func (r *Robot) Snapshot(dst *teleop.State) {
	r.smu.Lock()
	defer r.smu.Unlock()
	s := r.ssnap
	r.loop.Snapshot(s)
	n := len(s.Joints)
	dst.Time = time.Time{} // the loop's clock is not the wall clock: let the server stamp it
	dst.Position, dst.Velocity, dst.Effort = dst.Position[:0], dst.Velocity[:0], dst.Effort[:0]
	for i := range n {
		j := &s.Joints[i]
		dst.Position = append(dst.Position, j.Position)
		dst.Velocity = append(dst.Velocity, j.Velocity)
		dst.Effort = append(dst.Effort, j.Effort)
		r.sq[i] = j.Position
	}
	var f kinematics.Frame
	if finiteAll(r.sq) {
		r.sws.FK(&f, r.sq)
		dst.ToolPosition, dst.ToolOrientation = f.P, f.Quaternion()
	}
	dst.WakeP99 = s.Timing.Wake.Quantile(0.99)
	dst.ComputeP99 = s.Timing.Compute.Quantile(0.99)
	dst.Overruns = s.Timing.Overruns

	r.events = s.Events(r.events[:0])
	if len(r.events) > maxEvents {
		r.events = r.events[len(r.events)-maxEvents:]
	}
	dst.SafetyEvents = dst.SafetyEvents[:0]
	for _, e := range r.events {
		dst.SafetyEvents = append(dst.SafetyEvents, e.String())
	}

	r.mu.Lock()
	dst.Safety, dst.SafetyReason = safetyWords(s, r.stopped, r.estopReleased, r.names)
	dst.SafetyEvents = append(dst.SafetyEvents, r.notes...)
	// Map the mailbox seq the loop used back to the operator's seq: the
	// newest motion setpoint used is what is applied (not the largest seq:
	// a new operator's seqs start again from 1).
	used := s.SetpointSeq
	k := 0
	for k < len(r.pending) && r.pending[k].mbox <= used {
		if p := r.pending[k]; p.motion { // each entry is seen once: a new application
			r.applied.seq, r.applied.at = p.teleop, r.now()
		}
		k++
	}
	r.pending = append(r.pending[:0], r.pending[k:]...)
	dst.AppliedSeq, dst.AppliedAt = r.applied.seq, r.applied.at
	r.mu.Unlock()
}

// safetyWords renders the supervisor state in its words (control.State's
// String, the one spelling), plus teleop's "estop" for a latched emergency
// stop still pressed.
// estopReleased says Robot released the e-stop input it had asserted: a
// latched e-stop is then a Fault waiting for a reset, no longer "estop".
func safetyWords(s *control.Snapshot, stopped string, estopReleased bool, names []string) (state, reason string) {
	switch s.State {
	case control.Enabled:
		if stopped != "" {
			return control.ProtectiveStop.String(), stopped
		}
		return control.Enabled.String(), ""
	case control.Enabling:
		return control.Enabling.String(), s.Reason.String()
	case control.Disabled:
		return control.Disabled.String(), s.Reason.String()
	case control.ProtectiveStop:
		if stopped != "" && s.Reason == control.ReasonOperatorSilent {
			return control.ProtectiveStop.String(), stopped
		}
		return control.ProtectiveStop.String(), reasonText(s, names)
	case control.Fault:
		if s.EStopLatched || s.Reason == control.ReasonEStop {
			if estopReleased {
				return control.Fault.String(), "emergency stop released: reset needed"
			}
			return "estop", s.Reason.String()
		}
		return control.Fault.String(), reasonText(s, names)
	}
	return s.State.String(), s.Reason.String()
}

// reasonText is a stop's or a fault's reason as it happened: the reason,
// the joint it is about, by name, and what the driver reported ("drive
// fault: Safe Torque Off: the hardware watchdog's relay opened …", "drive
// fault (knee_flexion): motor 2 reports over-temperature").
func reasonText(s *control.Snapshot, names []string) string {
	t := s.Reason.String()
	if j := s.ReasonJoint; j >= 0 {
		if j < len(names) {
			t += " (" + names[j] + ")"
		} else {
			t += fmt.Sprintf(" (joint %d)", j)
		}
	}
	if s.ReasonDetail != "" {
		t += ": " + s.ReasonDetail
	}
	return t
}

// minCommandDt floors the time a command's joint step is judged (and its
// joint velocity feed-forward computed) over: a loop cycle (1 ms at the
// usual 1 kHz). Two commands closer than that are seen by the loop as one,
// and judging an IK step against vmax × a few µs would refuse a solver's
// rounding as a jump.
const minCommandDt = 1e-3 // s

// Command implements teleop.Robot. See the package documentation.
func (r *Robot) Command(cmd *teleop.Command) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.claimed(); err != nil {
		r.refused++
		return err
	}
	now := r.now()
	r.loop.Snapshot(r.snap)
	for i := range r.snap.Joints {
		r.qMeas[i] = r.snap.Joints[i].Position
	}
	fresh := cmd.Deadman && !r.deadman // a deliberate press of the deadman
	r.deadman = cmd.Deadman
	if cmd.Hold || !cmd.Deadman {
		if !cmd.Deadman {
			r.released = true
		}
		return r.hold(now, cmd.Seq)
	}
	if fresh && (r.stopped == "" || r.released) {
		if r.stopped != "" {
			r.note("protective stop: resume asked by a fresh deadman press")
			r.stopped = ""
		}
		if r.snap.State == control.ProtectiveStop {
			r.loop.Supervisor().Resume()
		}
	}
	if r.stopped != "" {
		r.refused++
		return fmt.Errorf("%w (%s): release and press the deadman to resume", ErrStopped, r.stopped)
	}
	if r.snap.State != control.Enabled {
		r.hasTarget = false
		r.refused++
		return fmt.Errorf("%w: supervisor %s (%s)", ErrNotEnabled, r.snap.State, r.snap.Reason)
	}
	if !finiteAll(r.qMeas) {
		r.refused++
		return errors.New("robotloop: measured joints not finite")
	}
	if !r.hasTarget {
		r.ws.FK(&r.target, r.qMeas)
		copy(r.qTarget, r.qMeas)
		r.hasTarget = true
	}
	// The goal advances by the twist over the time elapsed since the
	// target was last set, not over a nominal period: at 800 Hz a fixed
	// 1/100 s per command moved the tool 8× faster than commanded. The cap
	// keeps a gap (a stalled network, the first command after a hold long
	// ago) from becoming a jump.
	dt := 0.0
	if !r.targetAt.IsZero() {
		dt = min(max(now.Sub(r.targetAt).Seconds(), 0), r.maxDt)
	}
	goal := r.target
	integrate(&goal, cmd.Linear, cmd.Angular, dt)

	sp := r.sp
	sp.HasPose, sp.HasTwist, sp.Deadman = false, false, true
	clear(sp.Qdd)
	mode := r.mode
	if mode == ModeAuto {
		switch {
		case r.rcm:
			mode = ModeJoint
		case r.snap.Controller == "cartesian-impedance":
			mode = ModePose
		default:
			mode = ModeJoint
		}
	}
	if mode == ModePose {
		sp.HasPose, sp.Position, sp.Rotation = true, goal.P, goal.R
		sp.HasTwist = true
		sp.Twist = [6]float64{cmd.Linear[0], cmd.Linear[1], cmd.Linear[2], cmd.Angular[0], cmd.Angular[1], cmd.Angular[2]}
		copy(sp.Q, r.qMeas)
		clear(sp.Qd)
		r.target, r.targetAt = goal, now
		return r.post(cmd.Seq, true)
	}
	if err := r.solve(&goal); err != nil {
		r.refused++
		r.note(err.Error())
		return errors.Join(err, r.holdTarget())
	}
	jdt := max(dt, minCommandDt)
	for i := range r.qNew {
		d := r.qNew[i] - r.qTarget[i]
		if math.Abs(d) > r.vmax[i]*jdt {
			r.refused++
			err := fmt.Errorf("%w: joint %s would move %.3g in one command (rated %.3g per %.3g s)",
				ErrJump, r.names[i], d, r.vmax[i]*jdt, jdt)
			r.note(err.Error())
			return errors.Join(err, r.holdTarget())
		}
	}
	for i := range r.qNew {
		sp.Q[i] = r.qNew[i]
		sp.Qd[i] = (r.qNew[i] - r.qTarget[i]) / jdt
	}
	// The joint goal's pose goes with it, so a Cartesian controller follows
	// the same motion a joint controller does: on a mechanical-RCM arm the
	// joint IK's pose is the reachable one, and a cartesian-impedance loop
	// given only joints would hold where it was (an operator could not move
	// a PSM served with --controller cartesian-impedance).
	var f kinematics.Frame
	r.ws.FK(&f, r.qNew)
	sp.HasPose, sp.Position, sp.Rotation = true, f.P, f.R
	sp.HasTwist = true
	sp.Twist = [6]float64{cmd.Linear[0], cmd.Linear[1], cmd.Linear[2], cmd.Angular[0], cmd.Angular[1], cmd.Angular[2]}
	copy(r.qTarget, r.qNew)
	r.target, r.targetAt = goal, now
	return r.post(cmd.Seq, true)
}

// Goal returns the pose the operator's commands have set the arm's goal to
// (base frame), and false while there is none (holding since the last
// hold, not enabled).
func (r *Robot) Goal() (kinematics.Frame, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.target, r.hasTarget
}

// solve writes joint positions reaching goal into r.qNew.
func (r *Robot) solve(goal *kinematics.Frame) error {
	switch {
	case r.rcm:
		res, err := r.ik.SolveMechanicalRCM(r.qNew, r.qTarget, goal)
		if err != nil {
			var ins *kinematics.InsertionError
			if errors.As(err, &ins) {
				return fmt.Errorf("goal refused: %w", err)
			}
			return fmt.Errorf("goal refused: no RCM IK solution (position error %.3g m): %w", res.PosErr, err)
		}
	case r.chain.DoF() >= 6:
		if _, err := r.ik.Solve(r.qNew, r.qTarget, goal); err != nil {
			return fmt.Errorf("goal refused: %w", err)
		}
	default:
		r.positionStep(goal.P)
	}
	return nil
}

// positionStep is one damped-least-squares step of the tool position from
// qTarget towards p, into qNew, within the joint limits.
func (r *Robot) positionStep(p [3]float64) {
	var f kinematics.Frame
	r.ws.FKJacobian(&f, r.jac, r.qTarget)
	e := [3]float64{p[0] - f.P[0], p[1] - f.P[1], p[2] - f.P[2]}
	n := len(r.qNew)
	// dq = Jᵀ (J Jᵀ + λ²I)⁻¹ e, with J the 3×n linear block.
	const lambda2 = 1e-4
	var a [9]float64
	for i := range 3 {
		for k := range 3 {
			s := 0.0
			for j := range n {
				s += r.jac.At(i, j) * r.jac.At(k, j)
			}
			a[3*i+k] = s
		}
		a[4*i] += lambda2
	}
	y := solve3(a, e)
	for j := range n {
		d := 0.0
		for i := range 3 {
			d += r.jac.At(i, j) * y[i]
		}
		r.qNew[j] = math.Min(math.Max(r.qTarget[j]+d, r.lo[j]), r.hi[j])
	}
}

// solve3 solves the symmetric positive-definite 3×3 system a·x = b (Cramer).
func solve3(a [9]float64, b [3]float64) [3]float64 {
	det := a[0]*(a[4]*a[8]-a[5]*a[7]) - a[1]*(a[3]*a[8]-a[5]*a[6]) + a[2]*(a[3]*a[7]-a[4]*a[6])
	if det == 0 {
		return [3]float64{}
	}
	var x [3]float64
	for c := range 3 {
		m := a
		for r := range 3 {
			m[3*r+c] = b[r]
		}
		x[c] = (m[0]*(m[4]*m[8]-m[5]*m[7]) - m[1]*(m[3]*m[8]-m[5]*m[6]) + m[2]*(m[3]*m[7]-m[4]*m[6])) / det
	}
	return x
}

// hold posts the measured joints and pose; the next motion restarts its
// target from there, integrating from now.
func (r *Robot) hold(now time.Time, seq uint64) error {
	r.hasTarget = false
	r.targetAt = now
	sp := r.sp
	// A hold repeated while the loop stayed Enabled (the console keeps
	// sending with the deadman released, the watchdog holds on every
	// heartbeat) keeps the pose it latched: re-latching at the measured
	// pose on every command let an arm whose hold leaves a steady-state
	// error creep by that error each time (0.4–3.5 mm/s measured on the
	// iiwa). Any supervisor event since the latch (a stop, a fault, a
	// resume) latches anew where the arm now is, so no stale pose is ever
	// commanded.
	if r.holdLatched && r.snap.State == control.Enabled && r.snap.EventsTotal() == r.holdEvents {
		sp.Deadman = r.deadman && r.stopped == ""
		return r.post(seq, false)
	}
	if !finiteAll(r.qMeas) {
		return errors.New("robotloop: hold: measured joints not finite")
	}
	var f kinematics.Frame
	r.ws.FK(&f, r.qMeas)
	copy(sp.Q, r.qMeas)
	clear(sp.Qd)
	clear(sp.Qdd)
	sp.HasPose, sp.Position, sp.Rotation = true, f.P, f.R
	sp.HasTwist, sp.Twist = false, [6]float64{}
	sp.Deadman = r.deadman && r.stopped == ""
	r.holdLatched, r.holdEvents = r.snap.State == control.Enabled, r.snap.EventsTotal()
	return r.post(seq, false)
}

// holdTarget posts a hold at the last accepted joint target after a
// refused goal: the arm stops there (no velocity feed-forward from the
// motion before) and the loop sees the stream alive, so a refused command
// neither moves the arm nor lets the last motion's setpoint expire.
func (r *Robot) holdTarget() error {
	copy(r.sp.Q, r.qTarget)
	clear(r.sp.Qd)
	clear(r.sp.Qdd)
	r.sp.HasPose, r.sp.HasTwist = false, false
	return r.post(0, false)
}

// post hands the setpoint to the loop's mailbox; motion says whether it
// carries the operator command seq (a hold does not apply one).
func (r *Robot) post(seq uint64, motion bool) error {
	r.sp.ValidFor = 0
	if motion {
		r.sp.ValidFor = r.validFor
		r.holdLatched = false
	}
	mseq, err := r.loop.Setpoints().Post(r.sp)
	if err != nil {
		return fmt.Errorf("robotloop: %w", err)
	}
	if len(r.pending) >= 256 { // the loop is not consuming: keep the newest
		r.pending = append(r.pending[:0], r.pending[128:]...)
	}
	r.pending = append(r.pending, posted{mbox: mseq, teleop: seq, motion: motion})
	return nil
}

// note records an adapter event for State.SafetyEvents (bounded).
func (r *Robot) note(s string) {
	if len(r.notes) > 0 && r.notes[len(r.notes)-1] == s {
		return
	}
	if len(r.notes) >= 8 {
		r.notes = append(r.notes[:0], r.notes[1:]...)
	}
	r.notes = append(r.notes, s)
}

// EStop implements teleop.Robot: engage asserts the supervisor's e-stop
// input (Fault, drives off); release only releases the input. The
// supervisor stays in Fault, drives off, until an operator asks for Reset
// and Enable (IEC 60204-1 §10.7.3: resetting the e-stop must not restart
// the machine by itself).
func (r *Robot) EStop(engage bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	sup := r.loop.Supervisor()
	r.hasTarget = false
	r.estopReleased = !engage
	if engage {
		sup.SetEStop(true)
		r.note("e-stop engaged")
		return nil
	}
	sup.SetEStop(false)
	r.loop.Snapshot(r.snap)
	r.note(fmt.Sprintf("e-stop released: supervisor stays %s until an operator resets and enables it", r.snap.State))
	return nil
}

// Reset implements teleop.Enabler: it asks the supervisor to leave Fault
// (or a protective stop) for Disabled, drives off. The supervisor refuses
// it, and logs the refusal, while the cause persists (an e-stop input
// still asserted, a fault still present).
func (r *Robot) Reset() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.claimed(); err != nil {
		return err
	}
	r.loop.Snapshot(r.snap)
	if st := r.snap.State; st != control.Fault && st != control.ProtectiveStop {
		return fmt.Errorf("%w: reset: supervisor is %s, not in Fault or a protective stop", ErrRequest, st)
	}
	r.hasTarget = false
	r.stopped = ""
	r.loop.Supervisor().Reset()
	r.note(fmt.Sprintf("reset requested from %s (%s)", r.snap.State, r.snap.Reason))
	return nil
}

// Enable implements teleop.Enabler: it posts a hold at the measured
// position, so the drives hold the arm where it is, and asks the
// supervisor to enable (from Disabled) or resume (from a protective stop).
// Nothing moves until a motion command with the deadman held arrives.
func (r *Robot) Enable() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.claimed(); err != nil {
		return err
	}
	r.loop.Snapshot(r.snap)
	switch st := r.snap.State; st {
	case control.Fault:
		return fmt.Errorf("%w: enable: supervisor in Fault (%s): reset first", ErrRequest, r.snap.Reason)
	case control.Enabled, control.Enabling:
		return fmt.Errorf("%w: enable: supervisor already %s", ErrRequest, st)
	}
	for i := range r.snap.Joints {
		r.qMeas[i] = r.snap.Joints[i].Position
	}
	r.deadman = false
	r.stopped = ""
	if err := r.hold(r.now(), 0); err != nil {
		return err
	}
	r.loop.Supervisor().Enable()
	r.note(fmt.Sprintf("enable requested from %s", r.snap.State))
	return nil
}

// ProtectiveStop implements teleop.Robot: it asks the supervisor for a
// protective stop (control.ReasonOperatorSilent, in its event log; the
// reason text goes to Robot's own events), posts a hold, and refuses motion
// until the deadman is released and pressed again, which asks the
// supervisor to Resume.
func (r *Robot) ProtectiveStop(reason string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.claimed(); err != nil {
		// An operator going quiet is no reason to stop someone else's
		// session; the session's own supervisor checks still hold.
		return err
	}
	r.loop.Supervisor().Stop(control.ReasonOperatorSilent)
	r.loop.Snapshot(r.snap)
	for i := range r.snap.Joints {
		r.qMeas[i] = r.snap.Joints[i].Position
	}
	r.stopped, r.released = reason, false
	r.note("protective stop: " + reason)
	return r.hold(r.now(), 0)
}

// integrate advances f by the twist (v m/s, w rad/s, base frame) over dt s.
func integrate(f *kinematics.Frame, v, w [3]float64, dt float64) {
	for i := range 3 {
		f.P[i] += v[i] * dt
	}
	a := math.Sqrt(w[0]*w[0] + w[1]*w[1] + w[2]*w[2])
	if a*dt < 1e-12 {
		return
	}
	rot := kinematics.AxisAngle([3]float64{w[0] / a, w[1] / a, w[2] / a}, a*dt)
	var out [9]float64
	for i := range 3 {
		for j := range 3 {
			out[3*i+j] = rot[3*i]*f.R[j] + rot[3*i+1]*f.R[3+j] + rot[3*i+2]*f.R[6+j]
		}
	}
	f.R = out
}

func finiteAll(xs []float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
