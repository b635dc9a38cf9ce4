package control

import (
	"fmt"
	"slices"
	"strings"
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

// stateNames are the states' words, the one spelling that every front end
// uses: the teleop server's /safety channel and the console, HIL scenarios
// (expect.final_state), reports, sweep CSVs and recordings.
var stateNames = [...]string{"disabled", "enabling", "enabled", "protective_stop", "fault"}

// String returns the state's word.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("state(%d)", uint8(s))
}

// ParseState returns the state a word names (State.String), or an error
// listing the words.
func ParseState(word string) (State, error) {
	for i, n := range stateNames {
		if n == word {
			return State(i), nil
		}
	}
	return 0, fmt.Errorf("state %q: want one of %s", word, strings.Join(stateNames[:], ", "))
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

	// Added after the first release: appended, so the codes above keep
	// their values in recorded logs.

	// Fault causes: a joint moved while the supervisor held it
	// (ProtectiveStop, or Disabled with SafetyConfig.StandstillWhenDisabled).
	// Value is the measured deviation from the hold position (rad or m) or
	// the measured velocity (rad/s or m/s), Limit the bound in force.
	ReasonStandstillPosition
	ReasonStandstillVelocity
	// Protective stops asked for by a party outside the loop through
	// Supervisor.Stop. ReasonStopRequest is the generic one; a requester
	// whose reason is not in this set is logged with it.
	ReasonStopRequest
	ReasonOperatorSilent // teleoperation: the operator's input went quiet
	ReasonSessionStop    // a rehabilitation session stopped the exercise
	// ReasonSetpointStale: the newest setpoint outlived its
	// Setpoint.ValidFor (protective stop). Value is its age, Limit ValidFor,
	// in s.
	ReasonSetpointStale
	// ReasonReconfigured (information): Loop.Reconfigure replaced the
	// controllers and the supervisor's limits at a cycle boundary while
	// Disabled. Value is the number of controllers now loaded.
	ReasonReconfigured
	// ReasonLoopStopped: the runner stopped cycling (its context ended, it
	// was stopped, or its cycle count ran out): nothing commands the drives
	// any more, so they were switched off (Disabled). ReasonLoopPanicked: a
	// cycle panicked; the drives were switched off (Fault) before the panic
	// went on.
	ReasonLoopStopped
	ReasonLoopPanicked

	numReasons // not a reason: the number of reasons, for tests
)

// isStopRequest reports whether r is one of the reasons Supervisor.Stop
// records as given.
func isStopRequest(r Reason) bool { return slices.Contains(stopReasons[:], r) }

var reasonNames = [...]string{
	"none", "enable requested", "disable requested", "resume requested", "reset requested",
	"auto-resume", "enable complete", "request refused", "emergency stop",
	"position limit", "velocity limit", "power limit", "workspace limit", "tracking error",
	"deadman released", "invalid command", "bus refused request",
	"watchdog: stale sensor data", "bus error", "drive fault", "redundant sensors disagree",
	"over-current", "invalid sensor data", "enable timeout",
	"controller switched", "gains changed", "gains rejected",
	"standstill: moved while held", "standstill: velocity while held",
	"stop requested", "operator silent", "session stopped", "setpoint stale",
	"reconfigured", "loop stopped", "loop panicked",
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
	// Detail is what the driver reported for a bus error or a drive fault
	// (drivers.Error.Detail: "motor 2 reports over-temperature", "Safe
	// Torque Off: the hardware watchdog's relay opened …"); empty for the
	// supervisor's own findings. The driver's string, not a copy: logging
	// it allocates nothing.
	Detail string
	// Count is how many times the event happened in a row: identical
	// consecutive events (every field equal but the times — a request
	// refused every cycle, say) are collapsed into one entry so that they
	// cannot push the supervisor's transitions out of the bounded log. At is
	// the first occurrence and Last the newest; Count is 1 and Last equals
	// At for an event that happened once.
	Count uint64
	Last  time.Duration
}

// sameKind reports whether e repeats p: every field but the sequence
// number, the times and the count is equal.
func (e *Event) sameKind(p *Event) bool {
	return e.From == p.From && e.To == p.To && e.Reason == p.Reason && e.Joint == p.Joint &&
		e.Value == p.Value && e.Limit == p.Limit && e.Kind == p.Kind && e.Detail == p.Detail
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
		if e.Detail != "" {
			s += ": " + e.Detail
		}
	case ReasonDriveFault:
		switch {
		case e.Detail != "":
			s += ": " + e.Detail
		case e.Value != 0:
			s += fmt.Sprintf(": status %#x", uint32(e.Value))
		}
	case ReasonControllerSwitch:
		s += fmt.Sprintf(": controller %d", int(e.Value))
	default:
		if e.Value != 0 || e.Limit != 0 {
			s += fmt.Sprintf(": %.6g beyond %.6g", e.Value, e.Limit)
		}
	}
	if e.Count > 1 {
		s += fmt.Sprintf(" (×%d, last t=%v)", e.Count, e.Last)
	}
	return s
}

// eventRing is the bounded event log, written only by the real-time loop.
// Slot i holds the event with Seq ≡ i+1 (mod len); old events are overwritten
// and Snapshot copies report how many were lost. An event identical to the
// newest one (Event.sameKind) is not added: the newest entry's Count and
// Last are updated instead, so only the newest entry ever changes after it
// was written.
type eventRing struct {
	buf   []Event
	total uint64
}

func (r *eventRing) add(e Event) {
	n := uint64(len(r.buf))
	if r.total > 0 {
		if p := &r.buf[(r.total-1)%n]; e.sameKind(p) {
			p.Count++
			p.Last = e.At
			return
		}
	}
	r.total++
	e.Seq, e.Count, e.Last = r.total, 1, e.At
	r.buf[(r.total-1)%n] = e
}

// copyNew brings dst (a ring of the same size, holding events up to
// *dstTotal) up to date, copying at most len(buf) events. dst's newest event
// is copied again: it may have repeated since (Count, Last).
func (r *eventRing) copyNew(dst []Event, dstTotal *uint64) {
	n := uint64(len(r.buf))
	from := *dstTotal
	if from > 0 {
		from--
	}
	if r.total-from > n {
		from = r.total - n
	}
	for s := from; s < r.total; s++ {
		dst[s%n] = r.buf[s%n]
	}
	*dstTotal = r.total
}
