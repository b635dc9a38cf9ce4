package teleop

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
)

// FakeRobot is an in-memory Robot for tests and demos without a loop: it
// records every Command, applies it at once (AppliedSeq/AppliedAt) and
// integrates nothing unless Step is called. Safe for concurrent use.
type FakeRobot struct {
	name   string
	joints []string
	lower  []float64
	upper  []float64

	mu       sync.Mutex
	st       State
	last     Command
	commands []Command
	estop    bool
	pstops   []string
	watchers []chan Command
	stopW    []chan string
	refuse   error
	chain    *kinematics.Chain
	kp       float64
}

var (
	_ Robot          = (*FakeRobot)(nil)
	_ JointLimiter   = (*FakeRobot)(nil)
	_ Enabler        = (*FakeRobot)(nil)
	_ ChainProvider  = (*FakeRobot)(nil)
	_ ParameterRobot = (*FakeRobot)(nil)
)

// NewFakeRobot returns a fake robot with the given joints, all at 0 with
// limits ±π, tool at the origin with identity orientation.
func NewFakeRobot(name string, joints ...string) *FakeRobot {
	n := len(joints)
	f := &FakeRobot{name: name, joints: append([]string(nil), joints...),
		lower: make([]float64, n), upper: make([]float64, n), kp: 100}
	for i := range n {
		f.lower[i], f.upper[i] = -3.141592653589793, 3.141592653589793
	}
	f.st = State{Position: make([]float64, n), Velocity: make([]float64, n), Effort: make([]float64, n),
		ToolOrientation: [4]float64{0, 0, 0, 1}, Safety: "enabled"}
	return f
}

// SetChain gives the fake a kinematic chain (its joints named as the
// fake's), so that a server created afterwards publishes /robot_description
// and /tf for it.
func (f *FakeRobot) SetChain(c *kinematics.Chain) {
	f.mu.Lock()
	f.chain = c
	f.mu.Unlock()
}

// Chain implements ChainProvider: nil unless SetChain gave one.
func (f *FakeRobot) Chain() *kinematics.Chain {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.chain
}

// FakeKP is the fake's one parameter, "controller/kp" (N·m/rad), a
// stand-in for a controller gain: it must be positive.
const FakeKP = "controller/kp"

// Parameters implements ParameterRobot.
func (f *FakeRobot) Parameters(dst []Parameter) []Parameter {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append(dst, Parameter{FakeKP, f.kp})
}

// SetParameter implements ParameterRobot: FakeKP takes a positive value.
func (f *FakeRobot) SetParameter(name string, v float64) error {
	if name != FakeKP {
		return fmt.Errorf("fake robot: no parameter %q", name)
	}
	if !(v > 0) {
		return fmt.Errorf("fake robot: %s must be positive, got %g", name, v)
	}
	f.mu.Lock()
	f.kp = v
	f.mu.Unlock()
	return nil
}

// Name implements Robot.
func (f *FakeRobot) Name() string { return f.name }

// JointNames implements Robot.
func (f *FakeRobot) JointNames() []string { return f.joints }

// JointLimits implements JointLimiter.
func (f *FakeRobot) JointLimits() (lower, upper []float64) { return f.lower, f.upper }

// Snapshot implements Robot.
func (f *FakeRobot) Snapshot(dst *State) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, v, e, ev := dst.Position, dst.Velocity, dst.Effort, dst.SafetyEvents
	*dst = f.st
	dst.Position = append(p[:0], f.st.Position...)
	dst.Velocity = append(v[:0], f.st.Velocity...)
	dst.Effort = append(e[:0], f.st.Effort...)
	dst.SafetyEvents = append(ev[:0], f.st.SafetyEvents...)
}

// ErrFakeEStopped is FakeRobot's refusal of motion while its e-stop is
// engaged or not yet reset and enabled after it, as a real loop refuses it.
var ErrFakeEStopped = errors.New("fake robot: not enabled (e-stop): motion refused")

// Command implements Robot: it records cmd and, for motion, marks it
// applied now. Motion is refused while the e-stop is engaged; holds are
// always accepted.
func (f *FakeRobot) Command(cmd *Command) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.refuse != nil {
		return f.refuse
	}
	if !cmd.Hold && (f.estop || f.st.Safety == "fault" || f.st.Safety == "disabled") {
		return fmt.Errorf("%w (state %s)", ErrFakeEStopped, f.st.Safety)
	}
	f.last = *cmd
	f.commands = append(f.commands, *cmd)
	if !cmd.Hold {
		f.st.AppliedSeq, f.st.AppliedAt = cmd.Seq, time.Now()
	}
	for _, w := range f.watchers {
		select {
		case w <- *cmd:
		default: // a watcher that does not keep up misses commands; tests size their buffer
		}
	}
	return nil
}

// EStop implements Robot. As a real supervisor does, release leaves the
// robot in "fault" until Reset (→ "disabled") and Enable (→ "enabled"); motion
// is refused until then.
func (f *FakeRobot) EStop(engage bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.estop = engage
	if engage {
		f.st.Safety, f.st.SafetyReason = "estop", "operator e-stop"
	} else if f.st.Safety == "estop" {
		f.st.Safety, f.st.SafetyReason = "fault", "emergency stop released: reset needed"
	}
	f.st.SafetyEvents = append(f.st.SafetyEvents, "estop "+map[bool]string{true: "engaged", false: "released"}[engage])
	return nil
}

// ErrFakeRequest is FakeRobot's refusal of a Reset or Enable that its state
// makes pointless.
var ErrFakeRequest = errors.New("fake robot: request not applicable")

// Reset implements Enabler: "fault" (e-stop released) → "disabled".
func (f *FakeRobot) Reset() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.estop || (f.st.Safety != "fault" && f.st.Safety != "protective_stop") {
		return fmt.Errorf("%w: reset in state %s", ErrFakeRequest, f.st.Safety)
	}
	f.st.Safety, f.st.SafetyReason = "disabled", "reset requested"
	f.st.SafetyEvents = append(f.st.SafetyEvents, "reset")
	return nil
}

// Enable implements Enabler: "disabled" → "enabled".
func (f *FakeRobot) Enable() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.st.Safety != "disabled" {
		return fmt.Errorf("%w: enable in state %s", ErrFakeRequest, f.st.Safety)
	}
	f.st.Safety, f.st.SafetyReason = "enabled", ""
	f.st.SafetyEvents = append(f.st.SafetyEvents, "enabled")
	return nil
}

// ProtectiveStop implements Robot.
func (f *FakeRobot) ProtectiveStop(reason string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pstops = append(f.pstops, reason)
	for _, w := range f.stopW {
		select {
		case w <- reason:
		default:
		}
	}
	f.st.Safety, f.st.SafetyReason = "protective_stop", reason
	f.st.SafetyEvents = append(f.st.SafetyEvents, "protective stop: "+reason)
	return nil
}

// Watch returns a channel that receives a copy of every later Command
// (buffered; commands are dropped if it is full).
func (f *FakeRobot) Watch(buffer int) <-chan Command {
	ch := make(chan Command, buffer)
	f.mu.Lock()
	f.watchers = append(f.watchers, ch)
	f.mu.Unlock()
	return ch
}

// WatchProtectiveStops returns a channel that receives the reason of every
// later ProtectiveStop (buffered; dropped if full).
func (f *FakeRobot) WatchProtectiveStops(buffer int) <-chan string {
	ch := make(chan string, buffer)
	f.mu.Lock()
	f.stopW = append(f.stopW, ch)
	f.mu.Unlock()
	return ch
}

// Commands returns a copy of every Command received so far.
func (f *FakeRobot) Commands() []Command {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Command(nil), f.commands...)
}

// Last returns the last Command received.
func (f *FakeRobot) Last() Command {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

// EStopped reports whether the e-stop is engaged.
func (f *FakeRobot) EStopped() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.estop
}

// ProtectiveStops returns the reasons of every ProtectiveStop call.
func (f *FakeRobot) ProtectiveStops() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.pstops...)
}

// SetToolPose sets the tool pose reported by Snapshot (m; quaternion x,y,z,w).
func (f *FakeRobot) SetToolPose(p [3]float64, q [4]float64) {
	f.mu.Lock()
	f.st.ToolPosition, f.st.ToolOrientation = p, q
	f.mu.Unlock()
}

// SetJointPositions sets the joint positions reported by Snapshot.
func (f *FakeRobot) SetJointPositions(q []float64) {
	f.mu.Lock()
	copy(f.st.Position, q)
	f.mu.Unlock()
}

// Step integrates the last commanded twist for dt into the tool position,
// so a demo without a loop still shows motion.
func (f *FakeRobot) Step(dt time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.last.Hold || f.estop {
		return
	}
	for i := range 3 {
		f.st.ToolPosition[i] += f.last.Linear[i] * dt.Seconds()
	}
}
