package dynamixel

import "math"

// Item is one entry of a control table: where it lives and how wide it is.
// Multi-byte items are little-endian; signed items are two's complement.
type Item struct {
	Name string
	Addr uint16
	Size uint16 // bytes: 1, 2 or 4
}

// X is the part of the X-series (XM430, XH430, XM540, …) Protocol 2.0 control
// table that chiron uses, as data (e-Manual, e.g. emanual.robotis.com/docs/en/
// dxl/x/xm430-w350/, "Control Table of EEPROM Area" and "… of RAM Area").
// EEPROM items (addresses below 64) can be written only with torque off.
var X = struct {
	ModelNumber, FirmwareVersion, ID, BaudRate, ReturnDelayTime, DriveMode, OperatingMode,
	CurrentLimit, VelocityLimit, MaxPositionLimit, MinPositionLimit,
	TorqueEnable, StatusReturnLevel, HardwareErrorStatus,
	VelocityIGain, VelocityPGain, PositionDGain, PositionIGain, PositionPGain, BusWatchdog,
	GoalPWM, GoalCurrent, GoalVelocity, GoalPosition,
	PresentCurrent, PresentVelocity, PresentPosition, PresentInputVoltage, PresentTemperature Item
}{
	ModelNumber:         Item{"model number", 0, 2},
	FirmwareVersion:     Item{"firmware version", 6, 1},
	ID:                  Item{"ID", 7, 1},
	BaudRate:            Item{"baud rate", 8, 1},
	ReturnDelayTime:     Item{"return delay time", 9, 1}, // 2 µs per unit, default 250 = 500 µs
	DriveMode:           Item{"drive mode", 10, 1},
	OperatingMode:       Item{"operating mode", 11, 1},
	CurrentLimit:        Item{"current limit", 38, 2},
	VelocityLimit:       Item{"velocity limit", 44, 4},
	MaxPositionLimit:    Item{"max position limit", 48, 4},
	MinPositionLimit:    Item{"min position limit", 52, 4},
	TorqueEnable:        Item{"torque enable", 64, 1},
	StatusReturnLevel:   Item{"status return level", 68, 1},
	HardwareErrorStatus: Item{"hardware error status", 70, 1},
	// The velocity PI and position PID gains (RAM; the e-Manual's defaults
	// on an XM430: 1920, 100, 0, 0, 800).
	VelocityIGain:       Item{"velocity I gain", 76, 2},
	VelocityPGain:       Item{"velocity P gain", 78, 2},
	PositionDGain:       Item{"position D gain", 80, 2},
	PositionIGain:       Item{"position I gain", 82, 2},
	PositionPGain:       Item{"position P gain", 84, 2},
	BusWatchdog:         Item{"bus watchdog", 98, 1}, // 20 ms per unit, 0 off, -1 (0xFF) tripped; see Watchdog
	GoalPWM:             Item{"goal PWM", 100, 2},
	GoalCurrent:         Item{"goal current", 102, 2},
	GoalVelocity:        Item{"goal velocity", 104, 4},
	GoalPosition:        Item{"goal position", 116, 4},
	PresentCurrent:      Item{"present current", 126, 2},
	PresentVelocity:     Item{"present velocity", 128, 4},
	PresentPosition:     Item{"present position", 132, 4},
	PresentInputVoltage: Item{"present input voltage", 144, 2},
	PresentTemperature:  Item{"present temperature", 146, 1},
}

// OperatingMode is the value of the Operating Mode item (11).
type OperatingMode byte

// Operating modes (e-Manual, X-series, "Operating Mode(11)").
const (
	OpCurrent              OperatingMode = 0  // goal current (torque) control
	OpVelocity             OperatingMode = 1  // goal velocity control
	OpPosition             OperatingMode = 3  // single-turn position, within the position limits
	OpExtendedPosition     OperatingMode = 4  // multi-turn position, limits ignored
	OpCurrentBasedPosition OperatingMode = 5  // position with a current limit
	OpPWM                  OperatingMode = 16 // voltage (PWM) control
)

// Hardware Error Status (70) bits (e-Manual, X-series, "Shutdown(63)").
const (
	HWInputVoltage    byte = 1 << 0
	HWOverheating     byte = 1 << 2
	HWMotorEncoder    byte = 1 << 3
	HWElectricalShock byte = 1 << 4
	HWOverload        byte = 1 << 5
)

// Model holds one servo model's unit conversions, as data. Positions are
// output-shaft angles; the torque constant maps winding current to output
// torque through the gearbox and is a linear approximation (the e-Manual's
// performance graphs show it is not exactly linear, least so near stall).
type Model struct {
	Name           string
	Number         uint16  // Model Number (0)
	CountsPerRev   float64 // position resolution, pulses per output revolution
	CenterCount    int32   // count reported as 0 rad
	VelocityUnit   float64 // rev/min per Goal/Present Velocity unit
	CurrentUnit    float64 // A per Goal/Present Current unit
	TorqueConstant float64 // N·m of output torque per A
	MaxCurrent     int32   // largest Current Limit (38) value, units
	// MaxVelocity is the largest Velocity Limit (44) value, units; 0 means
	// the X-series' 1023.
	MaxVelocity int32
	// StallTorque is the datasheet's stall torque at 12 V, N·m: the most
	// the servo holds against a load. 0 when unknown (then the linear
	// model's MaxCurrent·CurrentUnit·TorqueConstant is all there is).
	StallTorque float64
	// NoLoadSpeed is the datasheet's no-load speed at 12 V, rev/min: with
	// StallTorque, the motor's torque–speed line (its back-EMF damping
	// τ_stall/ω₀ when driven by voltage, as in the PWM-output position and
	// velocity modes). 0 when unknown.
	NoLoadSpeed float64
}

// Models the package knows. Figures from the ROBOTIS e-Manual pages of each
// model (emanual.robotis.com/docs/en/dxl/x/<model>/): resolution 4096
// pulse/rev, velocity unit 0.229 rev/min, current unit 2.69 mA; torque
// constants are the e-Manual's stall torque / stall current at 12 V. The
// motor catalogue (firmware-sim/motors, catalogue.csv) is the source of
// truth for the stall torque, torque constant and no-load speed: its tests
// fail when a figure here differs from it.
var (
	// XM430W350: stall 4.1 N·m at 12.0 V, 2.3 A, no load 46 rev/min;
	// Current Limit 0–1193.
	XM430W350 = Model{Name: "XM430-W350", Number: 1020, CountsPerRev: 4096, CenterCount: 2048,
		VelocityUnit: 0.229, CurrentUnit: 2.69e-3, TorqueConstant: 4.1 / 2.3, MaxCurrent: 1193, StallTorque: 4.1,
		NoLoadSpeed: 46}
	// XH430W350: model number 1000, Current Limit 0–648 (e-Manual control
	// table); stall 3.4 N·m at 12.0 V, 1.3 A, no load 30 rev/min (e-Manual
	// X-series overview; this table had 1.4 A and no no-load speed before
	// it was checked against the motor catalogue, firmware-sim/motors).
	XH430W350 = Model{Name: "XH430-W350", Number: 1000, CountsPerRev: 4096, CenterCount: 2048,
		VelocityUnit: 0.229, CurrentUnit: 2.69e-3, TorqueConstant: 3.4 / 1.3, MaxCurrent: 648, StallTorque: 3.4,
		NoLoadSpeed: 30}
	// XM540W270: stall 10.6 N·m at 12.0 V, 4.4 A, 2.409 N·m/A, no load
	// 30 rev/min; Current Limit 0–2047.
	XM540W270 = Model{Name: "XM540-W270", Number: 1120, CountsPerRev: 4096, CenterCount: 2048,
		VelocityUnit: 0.229, CurrentUnit: 2.69e-3, TorqueConstant: 2.409, MaxCurrent: 2047, StallTorque: 10.6,
		NoLoadSpeed: 30}
)

// PeakTorque returns the most output torque the servo gives, N·m: its
// StallTorque when known, else the torque of its full current range.
func (m *Model) PeakTorque() float64 {
	if m.StallTorque > 0 {
		return m.StallTorque
	}
	return float64(m.MaxCurrent) * m.CurrentUnit * m.TorqueConstant
}

// ModelByNumber returns the known model with that Model Number.
func ModelByNumber(n uint16) (*Model, bool) {
	for _, m := range []*Model{&XM430W350, &XH430W350, &XM540W270} {
		if m.Number == n {
			return m, true
		}
	}
	return nil, false
}

const rpmToRadS = 2 * math.Pi / 60

// Position returns the angle in rad of a position count.
func (m *Model) Position(counts int32) float64 {
	return float64(counts-m.CenterCount) * (2 * math.Pi / m.CountsPerRev)
}

// PositionCounts returns the count nearest to rad (not range-checked).
func (m *Model) PositionCounts(rad float64) float64 {
	return math.Round(rad*m.CountsPerRev/(2*math.Pi)) + float64(m.CenterCount)
}

// Velocity returns rad/s for a velocity value.
func (m *Model) Velocity(units int32) float64 { return float64(units) * m.VelocityUnit * rpmToRadS }

// VelocityUnits returns the velocity value nearest to radps.
func (m *Model) VelocityUnits(radps float64) float64 {
	return math.Round(radps / (m.VelocityUnit * rpmToRadS))
}

// Effort returns the output torque in N·m for a current value.
func (m *Model) Effort(units int16) float64 {
	return float64(units) * m.CurrentUnit * m.TorqueConstant
}

// CurrentUnits returns the current value nearest to the torque nm.
func (m *Model) CurrentUnits(nm float64) float64 {
	return math.Round(nm / (m.TorqueConstant * m.CurrentUnit))
}
