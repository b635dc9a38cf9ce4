package control

import (
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// State is the safety supervisor's state.
type State uint8

const (
	// Disabled: drives off (ModeOff, brakes engaged). The initial state.
	Disabled State = iota
	// Enabling: drives powered and holding position while the supervisor
	// verifies a clean start before handing over to the controller.
	Enabling
	// Enabled: the active controller's (clamped) commands reach the drives.
	Enabled
	// ProtectiveStop: a limit was violated; the drives hold position.
	// Recoverable without restart once the cause is gone (IEC 60204-1 stop
	// category 2, "protective stop" in IEC 80601-2-77).
	ProtectiveStop
	// Fault: the supervisor cannot vouch for the hardware; drives off. Needs
	// an explicit Reset. An emergency stop also lands here, latched.
	Fault
)

var stateNames = [...]string{"disabled", "enabling", "enabled", "protective-stop", "fault"}

// String returns the state's name.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("state(%d)", uint8(s))
}

// Reason says why a supervisor event happened. Events store the code and a
// few fixed fields; text is rendered only when read (Event.String), so the
// real-time path never formats or allocates.
type Reason uint8

const (
	ReasonNone Reason = iota
	// Operator requests.
	ReasonEnableRequest
	ReasonDisableRequest
	ReasonResumeRequest
	ReasonResetRequest
	ReasonAutoResume
	ReasonEnableComplete
	// ReasonRequestRefused: a request was not allowed in the current state
	// or while its cause persists; Value holds the refused Reason.
	ReasonRequestRefused
	ReasonEStop
	// Protective-stop causes.
	ReasonPositionLimit
	ReasonVelocityLimit
	ReasonPowerLimit
	ReasonWorkspace
	ReasonTrackingError
	ReasonDeadman
	ReasonInvalidCommand
	ReasonBusRefused // *drivers.Error of kind abort
	// Fault causes.
	ReasonWatchdog
	ReasonBusError
	ReasonDriveFault
	ReasonSensorDisagreement
	ReasonOverCurrent
	ReasonInvalidState
	ReasonEnableTimeout
	// Information (no state change).
	ReasonControllerSwitch
	ReasonGainsChanged
	ReasonGainsRejected
)

var reasonNames = [...]string{
	"none", "enable requested", "disable requested", "resume requested", "reset requested",
	"auto-resume", "enable complete", "request refused", "emergency stop",
	"position limit", "velocity limit", "power limit", "workspace limit", "tracking error",
	"deadman released", "invalid command", "bus refused request",
	"watchdog: stale sensor data", "bus error", "drive fault", "redundant sensors disagree",
	"over-current", "invalid sensor data", "enable timeout",
	"controller switched", "gains changed", "gains rejected",
}

// String returns the reason's description.
func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("reason(%d)", uint8(r))
}

// Event is one entry of the supervisor's event log.
type Event struct {
	Seq      uint64        // 1, 2, 3… over the loop's life
	At       time.Duration // the loop's now when it happened
	From, To State         // equal for events without a transition
	Reason   Reason
	Joint    int // joint index, or -1 when not about one joint
	// Value and Limit are the measured value and the limit it crossed, in
	// the SI unit of the reason (rad, rad/s, W, m, N·m…); for
	// ReasonRequestRefused Value is the refused request's Reason, for
	// controller switches the controller index.
	Value, Limit float64
	Kind         drivers.ErrorKind // for bus errors
}

// String renders the event (non-real-time side).
func (e Event) String() string {
	s := fmt.Sprintf("#%d t=%v %s→%s: %s", e.Seq, e.At, e.From, e.To, e.Reason)
	if e.Joint >= 0 {
		s += fmt.Sprintf(" (joint %d)", e.Joint)
	}
	switch e.Reason {
	case ReasonRequestRefused:
		s += fmt.Sprintf(": %s", Reason(e.Value))
	case ReasonBusError, ReasonBusRefused:
		s += fmt.Sprintf(": %s", e.Kind)
	case ReasonControllerSwitch:
		s += fmt.Sprintf(": controller %d", int(e.Value))
	default:
		if e.Value != 0 || e.Limit != 0 {
			s += fmt.Sprintf(": %.6g beyond %.6g", e.Value, e.Limit)
		}
	}
	return s
}

// eventRing is the bounded event log, written only by the real-time loop.
// Slot i holds the event with Seq ≡ i+1 (mod len); old events are overwritten
// and Snapshot copies report how many were lost.
type eventRing struct {
	buf   []Event
	total uint64
}

func (r *eventRing) add(e Event) {
	r.total++
	e.Seq = r.total
	r.buf[(r.total-1)%uint64(len(r.buf))] = e
}

// copyNew brings dst (a ring of the same size, holding events up to
// *dstTotal) up to date, copying at most len(buf) events.
func (r *eventRing) copyNew(dst []Event, dstTotal *uint64) {
	n := uint64(len(r.buf))
	from := *dstTotal
	if r.total-from > n {
		from = r.total - n
	}
	for s := from; s < r.total; s++ {
		dst[s%n] = r.buf[s%n]
	}
	*dstTotal = r.total
}
