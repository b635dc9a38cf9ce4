package canopen

import "fmt"

// CiA 402 object indices (CiA 402-2 "Object dictionary") and the CiA 301
// communication objects the master configures.
const (
	ObjDeviceType        uint16 = 0x1000 // u32; CiA 402 drives report 0x0192 in the low word
	ObjIdentity          uint16 = 0x1018 // record: 1 vendor ID, 2 product code, 3 revision, 4 serial
	ObjErrorRegister     uint16 = 0x1001 // u8
	ObjConsumerHeartbeat uint16 = 0x1016 // sub n: u32 = node<<16 | time_ms
	ObjProducerHeartbeat uint16 = 0x1017 // u16 ms
	ObjRPDOComm          uint16 = 0x1400 // RPDO1..4 communication parameters: 0x1400..0x1403
	ObjRPDOMap           uint16 = 0x1600 // RPDO1..4 mapping: 0x1600..0x1603
	ObjTPDOComm          uint16 = 0x1800 // TPDO1..4 communication parameters: 0x1800..0x1803
	ObjTPDOMap           uint16 = 0x1A00 // TPDO1..4 mapping: 0x1A00..0x1A03
	ObjErrorCode         uint16 = 0x603F // u16, last CiA 402 error code
	ObjAbortConnection   uint16 = 0x6007 // i16 abort connection option code
	ObjControlword       uint16 = 0x6040 // u16
	ObjStatusword        uint16 = 0x6041 // u16
	ObjModesOfOperation  uint16 = 0x6060 // i8
	ObjModesDisplay      uint16 = 0x6061 // i8
	ObjPositionActual    uint16 = 0x6064 // i32 counts
	ObjVelocityActual    uint16 = 0x606C // i32 counts/s
	ObjTargetTorque      uint16 = 0x6071 // i16 per mille of rated torque
	ObjMaxTorque         uint16 = 0x6072 // u16 per mille of rated torque
	ObjRatedTorque       uint16 = 0x6076 // u32 mN·m
	ObjTorqueActual      uint16 = 0x6077 // i16 per mille of rated torque
	ObjTargetPosition    uint16 = 0x607A // i32 counts
	ObjVelocityOffset    uint16 = 0x60B1 // i32 counts/s
	ObjTorqueOffset      uint16 = 0x60B2 // i16 per mille of rated torque
	ObjTargetVelocity    uint16 = 0x60FF // i32 counts/s
)

// DeviceTypeServo is the 0x1000 value of a CiA 402 servo drive: device
// profile 402 (0x0192) in bits 0–15, type "servo drive" (0x02) in bits 16–23.
const DeviceTypeServo uint32 = 0x00020192

// IsServoDrive reports whether a 0x1000 device type names a CiA 402 servo
// drive. Bits 24–31 are manufacturer-specific (CiA 402 "Device type") and are
// ignored.
func IsServoDrive(deviceType uint32) bool { return deviceType&0x00FFFFFF == DeviceTypeServo }

// OpMode is a CiA 402 mode of operation (0x6060 / 0x6061).
type OpMode int8

// Cyclic synchronous modes (CiA 402-2 "Cyclic synchronous position/velocity/torque mode").
const (
	ModeCSP OpMode = 8
	ModeCSV OpMode = 9
	ModeCST OpMode = 10
)

// String returns the mode's abbreviation.
func (m OpMode) String() string {
	switch m {
	case ModeCSP:
		return "CSP"
	case ModeCSV:
		return "CSV"
	case ModeCST:
		return "CST"
	}
	return fmt.Sprintf("mode(%d)", int8(m))
}

// AbortOption is the 0x6007 abort connection option code: what a drive does
// when it loses its master (heartbeat consumer timeout, bus-off) (CiA 402-2
// "Abort connection option code").
type AbortOption int16

// Abort connection option codes.
const (
	AbortNoAction    AbortOption = 0
	AbortFaultSignal AbortOption = 1 // go to Fault
	AbortDisableVolt AbortOption = 2 // Disable voltage command: power stage off, the motor coasts
	AbortQuickStop   AbortOption = 3 // Quick stop command: decelerate on the quick stop ramp
)

// DriveState is a CiA 402 power drive system state (CiA 402-2 "PDS FSA").
type DriveState uint8

// CiA 402 states. StateUnknown is returned for statuswords matching no row.
const (
	StateUnknown DriveState = iota
	StateNotReadyToSwitchOn
	StateSwitchOnDisabled
	StateReadyToSwitchOn
	StateSwitchedOn
	StateOperationEnabled
	StateQuickStopActive
	StateFaultReactionActive
	StateFault
)

var driveStateNames = [...]string{"unknown", "not-ready-to-switch-on", "switch-on-disabled",
	"ready-to-switch-on", "switched-on", "operation-enabled", "quick-stop-active",
	"fault-reaction-active", "fault"}

// String returns the state's name.
func (s DriveState) String() string {
	if int(s) < len(driveStateNames) {
		return driveStateNames[s]
	}
	return fmt.Sprintf("drive-state(%d)", uint8(s))
}

// Statusword bits (CiA 402-2 "Statusword").
const (
	SWReadyToSwitchOn  uint16 = 1 << 0
	SWSwitchedOn       uint16 = 1 << 1
	SWOperationEnabled uint16 = 1 << 2
	SWFault            uint16 = 1 << 3
	SWVoltageEnabled   uint16 = 1 << 4
	SWQuickStop        uint16 = 1 << 5 // active low: 0 = quick stop in progress
	SWSwitchOnDisabled uint16 = 1 << 6
	SWWarning          uint16 = 1 << 7
	SWRemote           uint16 = 1 << 9
	SWTargetReached    uint16 = 1 << 10
	SWInternalLimit    uint16 = 1 << 11
)

// DecodeStatusword returns the PDS state a statusword reports, using the
// masks of CiA 402-2 table "State coding": 0x4F for the states where the
// quick-stop bit is don't-care, 0x6F for the others.
func DecodeStatusword(sw uint16) DriveState {
	switch sw & 0x4F {
	case 0x00:
		return StateNotReadyToSwitchOn
	case 0x40:
		return StateSwitchOnDisabled
	case 0x0F:
		return StateFaultReactionActive
	case 0x08:
		return StateFault
	}
	switch sw & 0x6F {
	case 0x21:
		return StateReadyToSwitchOn
	case 0x23:
		return StateSwitchedOn
	case 0x27:
		return StateOperationEnabled
	case 0x07:
		return StateQuickStopActive
	}
	return StateUnknown
}

// Controlwords for the PDS FSA commands (CiA 402-2 "Controlword", table
// "Command coding"); bits 4–6 and 8 (operation-mode specific, halt) are 0.
const (
	CWDisableVoltage   uint16 = 0x0000 // transitions 7, 9, 10, 12: power stage off
	CWQuickStop        uint16 = 0x0002 // transitions 7, 10, 11
	CWShutdown         uint16 = 0x0006 // transitions 2, 6, 8
	CWSwitchOn         uint16 = 0x0007 // transition 3
	CWDisableOperation uint16 = 0x0007 // transition 5 (same bits as switch on)
	CWEnableOperation  uint16 = 0x000F // transitions 4, 16 (also 3+4 at once)
	CWFaultReset       uint16 = 0x0080 // transition 15 on the rising edge of bit 7
)

// ControlwordToward returns the controlword that moves a drive from state one
// step toward Operation enabled (the start-up ladder), and whether the drive
// is already there. In Fault it returns the fault-reset word: callers must
// send a word with bit 7 clear first so that the reset is a rising edge.
func ControlwordToward(s DriveState) (cw uint16, done bool) {
	switch s {
	case StateOperationEnabled:
		return CWEnableOperation, true
	case StateSwitchedOn:
		return CWEnableOperation, false
	case StateQuickStopActive:
		// Transition 16 (back to Operation enabled) is optional in CiA 402
		// and only allowed for quick-stop option codes 5–8; transition 12
		// (disable voltage → Switch on disabled) is always there, so climb
		// from the bottom.
		return CWDisableVoltage, false
	case StateReadyToSwitchOn:
		return CWSwitchOn, false
	case StateSwitchOnDisabled:
		return CWShutdown, false
	case StateFault:
		return CWFaultReset, false
	}
	// Not ready to switch on and fault reaction active move on their own;
	// unknown words get the harmless disable-voltage word.
	return CWDisableVoltage, false
}

// StatuswordFor returns a statusword a device reports in state s (device
// side): the state bits plus "voltage enabled" where power is on and
// "remote" (bit 9), as a CiA 402 drive under network control sends them.
func StatuswordFor(s DriveState) uint16 {
	switch s {
	case StateNotReadyToSwitchOn:
		return 0x0000
	case StateSwitchOnDisabled:
		return 0x0240
	case StateReadyToSwitchOn:
		return 0x0231
	case StateSwitchedOn:
		return 0x0233
	case StateOperationEnabled:
		return 0x0237
	case StateQuickStopActive:
		return 0x0217
	case StateFaultReactionActive:
		return 0x021F
	case StateFault:
		return 0x0218
	}
	return 0
}

// ApplyControlword returns the state a device moves to from s on receiving
// controlword cw after prev (device side, CiA 402-2 "PDS FSA" transitions 2–12
// and 15; the automatic transitions 0, 1, 13, 14 and the quick-stop option
// codes are the device's own business). Transition 16 (quick stop active →
// operation enabled) is not taken, as with quick-stop option codes 1–3.
func ApplyControlword(s DriveState, prev, cw uint16) DriveState {
	if s == StateFault {
		if prev&CWFaultReset == 0 && cw&CWFaultReset != 0 {
			return StateSwitchOnDisabled // 15
		}
		return s
	}
	if s == StateFaultReactionActive || s == StateNotReadyToSwitchOn || cw&CWFaultReset != 0 {
		return s
	}
	switch {
	case cw&0x02 == 0: // disable voltage: 7, 9, 10, 12
		if s == StateQuickStopActive || s >= StateReadyToSwitchOn && s <= StateOperationEnabled {
			return StateSwitchOnDisabled
		}
	case cw&0x06 == 0x02: // quick stop: 7, 10, 11
		switch s {
		case StateReadyToSwitchOn, StateSwitchedOn:
			return StateSwitchOnDisabled
		case StateOperationEnabled:
			return StateQuickStopActive
		}
	case cw&0x0F == 0x06: // shutdown: 2, 6, 8
		if s == StateSwitchOnDisabled || s == StateSwitchedOn || s == StateOperationEnabled {
			return StateReadyToSwitchOn
		}
	case cw&0x0F == 0x07: // switch on 3, disable operation 5
		if s == StateReadyToSwitchOn || s == StateOperationEnabled {
			return StateSwitchedOn
		}
	case cw&0x0F == 0x0F: // enable operation 4 (and 3+4)
		if s == StateSwitchedOn || s == StateReadyToSwitchOn {
			return StateOperationEnabled
		}
	}
	return s
}
