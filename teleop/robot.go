package teleop

import "time"

// Robot is what teleop needs from one robot's control loop. The control
// package's loop is adapted to it by the wiring in cli/chiron; teleop never
// imports control.
//
// Every method is called from non-real-time goroutines (websocket readers and
// the telemetry publisher), possibly concurrently with each other, and must
// be safe for that. None may block on the loop: Snapshot reads the loop's
// published state snapshot, Command writes the loop's setpoint mailbox.
type Robot interface {
	// Name is a short identifier ("psm"), used in serverInfo metadata.
	Name() string
	// JointNames returns the joint names in loop order. The result must not
	// change while the server runs; teleop reads it once.
	JointNames() []string
	// Snapshot copies the latest published loop state into dst, reusing
	// dst's slices when their capacity allows (append(dst.Position[:0], …)),
	// so that a steady-state call allocates nothing.
	Snapshot(dst *State)
	// Command hands a setpoint to the loop: a Cartesian tool twist to track,
	// or a hold of the current position. It replaces any earlier setpoint
	// (state semantics, like a mailbox) and returns at once. The loop must
	// report the Seq of the motion setpoint (Hold false) it last applied in
	// State.AppliedSeq; holds are never reported, since they do not apply
	// the operator's command. An error means the setpoint was refused
	// (wrong mode, e-stop, …).
	Command(cmd *Command) error
	// EStop engages (true) or releases (false) the emergency stop. Release
	// only releases the input: the robot stays stopped, drives off, until
	// an explicit reset and enable (see Enabler); it never enables the
	// drives or starts motion by itself.
	EStop(engage bool) error
	// ProtectiveStop asks the robot's safety supervisor to bring the arm to
	// a controlled stop and keep it stopped (IEC 60204-1 stop category 2 as
	// in ISO 10218) until a deliberate resume (the deadman released and
	// pressed again, or an explicit enable); teleop calls it when the
	// operator in control disconnects or falls silent. reason is for the
	// event log.
	ProtectiveStop(reason string) error
}

// Enabler is implemented by robots whose safety supervisor an operator may
// ask, over teleop, to reset and to enable: the explicit requests that
// follow an e-stop release or a fault, since releasing the e-stop never
// re-enables anything by itself. Both only post a request; the supervisor
// decides (and refuses, logging why, while the cause persists). An error
// means the request was not posted, and says why.
type Enabler interface {
	// Reset asks to leave a fault (or a protective stop) for disabled,
	// drives off.
	Reset() error
	// Enable asks to enable the drives, holding the arm where it is, or to
	// resume from a protective stop. Nothing moves until commanded.
	Enable() error
}

// JointLimiter is implemented by robots that know their joint limits; the
// haptic cue uses them when HapticConfig gives none.
type JointLimiter interface {
	// JointLimits returns the lower and upper position limits (rad or m) in
	// loop order.
	JointLimits() (lower, upper []float64)
}

// State is one snapshot of a robot's loop, as teleop publishes it. Units SI.
type State struct {
	// Time stamps the snapshot on the robot's clock (virtual time in
	// simulation). Zero means "now" on the server's clock.
	Time time.Time
	// Position (rad or m), Velocity (rad/s or m/s) and Effort (N·m or N) per
	// joint, in JointNames order.
	Position, Velocity, Effort []float64
	// ToolPosition is the tool tip in the base frame, m.
	ToolPosition [3]float64
	// ToolOrientation is the tool orientation in the base frame as a unit
	// quaternion (x, y, z, w). The zero value is treated as identity.
	ToolOrientation [4]float64
	// Safety is the supervisor's state as control.State spells it
	// ("disabled", "enabling", "enabled", "protective_stop", "fault"), or
	// "estop" while an emergency stop is pressed; SafetyReason why, and SafetyEvents the most
	// recent events, oldest first (bounded by the loop).
	Safety       string
	SafetyReason string
	SafetyEvents []string
	// WakeP99 and ComputeP99 are the loop's 99th-percentile wake-up latency
	// and compute time; Overruns counts missed deadlines since start.
	WakeP99, ComputeP99 time.Duration
	Overruns            uint64
	// AppliedSeq is the Seq of the last motion Command (Hold false) the
	// loop has used in a cycle, and AppliedAt the wall-clock time (time.Now, not virtual time)
	// of that first use. teleop derives command latency from them; a robot
	// that leaves them zero gets latency measured up to Command's return.
	AppliedSeq uint64
	AppliedAt  time.Time
}

// Command is the setpoint teleop hands to the loop.
type Command struct {
	// Seq is the operator's sequence number of the command this setpoint
	// derives from (hold setpoints repeat the last one).
	Seq uint64
	// Hold asks the loop to hold the current position: zero twist. When
	// Hold is set, Linear and Angular are zero.
	Hold bool
	// Deadman mirrors the operator's enabling device; false implies Hold.
	Deadman bool
	// Linear (m/s) and Angular (rad/s) are the desired tool twist in the
	// robot base frame, already scaled, filtered and limited.
	Linear, Angular [3]float64
	// Gripper is the desired jaw opening, normalised 0 (closed) … 1 (open).
	Gripper float64
	// Reason says why a hold was commanded ("deadman", "clutch",
	// "heartbeat", "release", "disconnect", "estop"); empty for motion.
	Reason string
}
