package exercise

import (
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/control"
)

// State is what exercises and the runner see of the robot each step.
type State struct {
	Now        time.Duration // the loop's clock
	Supervisor control.State
	// Reason is why the supervisor entered its state (a robot that does
	// not know leaves it ReasonNone).
	Reason     control.Reason
	Controller string // active controller
	// Q, Qd are the measured joint positions (rad) and velocities (rad/s);
	// Effort the measured motor torques (N·m); Interaction the torque the
	// patient's limb exerts on the robot (N·m), estimated.
	Q, Qd, Effort, Interaction []float64
	Tool                       [3]float64 // tool position, m, when HasTool
	HasTool                    bool
}

// NewState returns a State for n joints.
func NewState(n int) *State {
	return &State{Q: make([]float64, n), Qd: make([]float64, n), Effort: make([]float64, n), Interaction: make([]float64, n)}
}

// Robot is what the session runner drives: a control loop seen from the
// non-real-time side. *LoopRobot adapts a control.Loop; a remote robot (the
// teleop server's loop on another machine) can implement it too.
type Robot interface {
	// Joints returns the number of joints.
	Joints() int
	// Read fills st with the newest state.
	Read(st *State) error
	// Post publishes a setpoint to the active controller.
	Post(sp *control.Setpoint) error
	// SwitchController makes the named controller active (bumpless).
	SwitchController(name string) error
	// Enable, Resume and Disable are the supervisor requests.
	Enable()
	Resume()
	Disable()
}

// LoopRobot is a Robot over an in-process control.Loop.
type LoopRobot struct {
	loop   *control.Loop
	grav   control.GravityModel
	snap   *control.Snapshot
	q, g   []float64
	events []control.Event
}

// NewLoopRobot wraps loop. gravity, when not nil, estimates the interaction
// torque quasi-statically as g(q) − τ_motor (what the motors do not carry
// of the weight is carried, or pushed, by the patient — with no torque
// sensor this is the usual estimate; it includes the limb's passive
// stiffness and spasticity, and omits inertial torques). It is called on
// the runner's goroutine, so it must not be shared with the loop.
func NewLoopRobot(loop *control.Loop, gravity control.GravityModel) *LoopRobot {
	n := loop.Joints()
	return &LoopRobot{loop: loop, grav: gravity, snap: loop.NewSnapshot(), q: make([]float64, n), g: make([]float64, n)}
}

// Joints returns the number of joints.
func (r *LoopRobot) Joints() int { return r.loop.Joints() }

// Loop returns the wrapped loop.
func (r *LoopRobot) Loop() *control.Loop { return r.loop }

// Read copies the loop's newest snapshot into st.
func (r *LoopRobot) Read(st *State) error {
	r.loop.Snapshot(r.snap)
	s := r.snap
	if len(st.Q) != len(s.Joints) {
		return fmt.Errorf("loop robot: state for %d joints, robot has %d: %w", len(st.Q), len(s.Joints), control.ErrSize)
	}
	st.Now, st.Supervisor, st.Reason, st.Controller = s.Now, s.State, s.Reason, s.Controller
	st.Tool, st.HasTool = s.Tool, s.HasTool
	for i, j := range s.Joints {
		st.Q[i], st.Qd[i], st.Effort[i] = j.Position, j.Velocity, j.Effort
		r.q[i] = j.Position
	}
	if r.grav != nil {
		r.grav.Gravity(r.g, r.q)
	}
	for i := range st.Interaction {
		st.Interaction[i] = r.g[i] - st.Effort[i]
	}
	return nil
}

// LastStop returns the supervisor's most recent transition to a
// protective stop or a fault still in its event log.
func (r *LoopRobot) LastStop() (control.Event, bool) {
	r.loop.Snapshot(r.snap)
	r.events = r.snap.Events(r.events[:0])
	for i := len(r.events) - 1; i >= 0; i-- {
		if e := r.events[i]; e.From != e.To && (e.To == control.ProtectiveStop || e.To == control.Fault) {
			return e, true
		}
	}
	return control.Event{}, false
}

// Post posts sp to the loop's mailbox.
func (r *LoopRobot) Post(sp *control.Setpoint) error {
	_, err := r.loop.Setpoints().Post(sp)
	return err
}

// SwitchController asks the loop to switch controllers.
func (r *LoopRobot) SwitchController(name string) error { return r.loop.SwitchController(name) }

// Enable asks the supervisor to enable.
func (r *LoopRobot) Enable() { r.loop.Supervisor().Enable() }

// Resume asks the supervisor to leave a protective stop.
func (r *LoopRobot) Resume() { r.loop.Supervisor().Resume() }

// Disable asks the supervisor to switch the drives off.
func (r *LoopRobot) Disable() { r.loop.Supervisor().Disable() }

var _ Robot = (*LoopRobot)(nil)
