package drivers

import (
	"errors"
	"fmt"
	"time"
)

// Mode selects which fields of a JointCommand a drive acts on.
type Mode uint8

const (
	// ModeOff disables the drive output (no torque). It is the safe command
	// of last resort and the zero value.
	ModeOff Mode = iota
	// ModePosition tracks Position (with Velocity and Effort as feed-forward
	// where the drive supports it), e.g. CiA 402 CSP.
	ModePosition
	// ModeVelocity tracks Velocity, e.g. CiA 402 CSV.
	ModeVelocity
	// ModeEffort applies Effort (N·m or N), e.g. CiA 402 CST.
	ModeEffort
	// ModeImpedance applies Effort + Kp·(Position−q) + Kd·(Velocity−q̇), the
	// MIT-mode law; the other modes are its special cases.
	ModeImpedance
)

var modeNames = [...]string{"off", "position", "velocity", "effort", "impedance"}

// String returns the mode's lower-case name.
func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("mode(%d)", uint8(m))
}

// Status holds per-joint status and fault bits reported by a drive.
type Status uint32

const (
	// StatusEnabled: the drive's power stage is on and following commands.
	StatusEnabled Status = 1 << iota
	// StatusFault: the drive reports a fault (CiA 402 Fault state, Dynamixel
	// hardware error, MIT error code).
	StatusFault
	// StatusOverTemperature: winding or driver temperature above its limit.
	StatusOverTemperature
	// StatusOverCurrent: current above the drive's limit.
	StatusOverCurrent
	// StatusVoltage: supply under- or over-voltage.
	StatusVoltage
	// StatusEncoder: encoder error (lost counts, bad signal).
	StatusEncoder
	// StatusCommLost: the drive reports loss of the master (heartbeat or
	// watchdog timeout on its side).
	StatusCommLost
	// StatusWarning: a warning that does not stop the drive.
	StatusWarning
)

// Faulty reports whether any bit that means the drive cannot be trusted is set.
func (s Status) Faulty() bool {
	return s&(StatusFault|StatusOverTemperature|StatusOverCurrent|StatusVoltage|StatusEncoder|StatusCommLost) != 0
}

// JointState is one joint's measured state. Units are SI: rad or m, rad/s or
// m/s, N·m or N; Temperature is in degrees Celsius as drives report it.
type JointState struct {
	Position    float64
	Velocity    float64
	Effort      float64
	Temperature float64
	// Position2 is a redundant position measurement (for example a
	// potentiometer beside the motor encoder, as on the dVRK); valid only
	// when HasPosition2 is true.
	Position2    float64
	HasPosition2 bool
	Status       Status
	// Stamp is when the sample was taken, on the control loop's clock
	// (time since that clock's epoch).
	Stamp time.Duration
}

// JointCommand is one joint's command. Which fields matter depends on Mode.
type JointCommand struct {
	Mode     Mode
	Position float64 // rad or m
	Velocity float64 // rad/s or m/s
	Effort   float64 // N·m or N (feed-forward in position/impedance modes)
	Kp       float64 // N·m/rad or N/m
	Kd       float64 // N·m·s/rad or N·s/m
}

// ErrorKind classifies a bus error for the safety supervisor.
type ErrorKind uint8

const (
	// KindTimeout: a reply did not arrive in time (missing device, dead node).
	KindTimeout ErrorKind = iota + 1
	// KindCorrupt: a reply failed its integrity check (CRC, framing).
	KindCorrupt
	// KindWrongID: a reply came from a device other than the one addressed.
	KindWrongID
	// KindAbort: the device refused a request (SDO abort, Dynamixel status error).
	KindAbort
	// KindDriveFault: the device reports a fault.
	KindDriveFault
	// KindBusOff: the bus itself is down (CAN bus-off, port closed).
	KindBusOff
	// KindProtocol: an unexpected or malformed message.
	KindProtocol
)

var kindNames = [...]string{"", "timeout", "corrupt", "wrong-id", "abort", "drive-fault", "bus-off", "protocol"}

// String returns the kind's name.
func (k ErrorKind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Error is a bus error attributed to a joint (Joint is its index in the bus's
// joint order, or -1 for the whole bus).
type Error struct {
	Joint  int
	Kind   ErrorKind
	Detail string
	Err    error
}

// Error returns a one-line description naming the joint and the kind.
func (e *Error) Error() string {
	where := "bus"
	if e.Joint >= 0 {
		where = fmt.Sprintf("joint %d", e.Joint)
	}
	msg := fmt.Sprintf("%s: %s", where, e.Kind)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the ErrorKind carried by err, or 0 when err is not a *Error.
// A nil or unwrapped *Error costs no allocation, so the control loop may call
// it every cycle; only wrapped errors take the errors.As path.
func KindOf(err error) ErrorKind {
	if err == nil {
		return 0
	}
	if e, ok := err.(*Error); ok {
		return e.Kind
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// Bus is the hardware interface the control loop drives: a set of joints read
// and commanded together once per cycle. Implementations must not allocate on
// the cyclic path and must bound every wait with a timeout; failures are
// reported as *Error so the supervisor can classify them. now is the loop's
// clock (time since its epoch), used to stamp states.
type Bus interface {
	// Joints returns how many joints the bus serves; states and cmds passed
	// to Read and Write have exactly this length.
	Joints() int
	// Read fills states with the latest measurements of every joint.
	Read(now time.Duration, states []JointState) error
	// Write sends one command to every joint.
	Write(now time.Duration, cmds []JointCommand) error
}
