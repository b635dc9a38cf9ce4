package dxlsim

import (
	"encoding/binary"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// tableSize is the X-series control table's extent: addresses 0 (Model
// Number) through 661 (Indirect Data 56). Between the items, reserved
// addresses (148–167, 252–577) read 0 and refuse writes.
const tableSize = 662

// The indirect areas (XM430-W350 e-Manual, "Control Table of RAM Area" and
// "Indirect Address, Indirect Data"): Indirect Address n (2 bytes) names a
// RAM address 64–661, and Indirect Data n (1 byte) is that address's byte —
// read, written and checked as the item there ("Indirect Address inherits
// features and properties of the Data from the specific Address": size,
// value range, access). Two blocks of 28: addresses 1–28 at 168–223 with
// data at 224–251, 29–56 at 578–633 with data at 634–661; the addresses
// default to their own data bytes (224…251, 634…661).
const (
	addrIndirectAddress1  = uint16(168)
	addrIndirectData1     = uint16(224)
	addrIndirectAddress29 = uint16(578)
	addrIndirectData29    = uint16(634)
	indirectPerBlock      = 28
	indirectMin           = 64  // the first RAM address: EEPROM cannot be assigned
	indirectMax           = 661 // the last address of the table
)

// indirectSlot returns, for an address inside an Indirect Data area, the
// address of the Indirect Address item that names its target.
func indirectSlot(a uint16) (uint16, bool) {
	switch {
	case a >= addrIndirectData1 && a < addrIndirectData1+indirectPerBlock:
		return addrIndirectAddress1 + 2*(a-addrIndirectData1), true
	case a >= addrIndirectData29 && a < addrIndirectData29+indirectPerBlock:
		return addrIndirectAddress29 + 2*(a-addrIndirectData29), true
	}
	return 0, false
}

// touchesIndirectData reports whether [addr, addr+n) holds an Indirect Data
// byte.
func touchesIndirectData(addr, n uint16) bool {
	end := addr + n
	return addr < addrIndirectData1+indirectPerBlock && end > addrIndirectData1 ||
		addr < addrIndirectData29+indirectPerBlock && end > addrIndirectData29
}

// eepromEnd is the first RAM address. EEPROM items (below 64) are locked
// while Torque Enable is 1 (e-Manual, X-series, "Control Table":
// "Data in the EEPROM Area can only be written when Torque Enable(64) is
// cleared to '0'").
const eepromEnd = 64

// limitKind says which configured limit bounds an item's value beyond its
// fixed range; exceeding it is a Data Limit Error (6) rather than a Data
// Range Error (4), as the e-Manual's Protocol 2.0 error table distinguishes
// ("Data Range Error: data to be written is out of the range";
// "Data Limit Error: data to be written exceeds the limit value").
type limitKind uint8

const (
	noLimit     limitKind = iota
	limPWM                // ±PWM Limit (36)
	limCurrent            // ±Current Limit (38)
	limVelocity           // ±Velocity Limit (44)
	limPosition           // Min/Max Position Limit (52/48) in position mode (3)
)

// item is one control table entry with the properties the device enforces.
type item struct {
	addr, size uint16
	rw         bool  // writable (read-only otherwise)
	signed     bool  // two's complement
	min, max   int64 // fixed range of a writable item
	def        int64 // factory default (power-on value for RAM items)
	limit      limitKind
	// set lists the only values allowed, when not nil (Operating Mode,
	// Baud Rate); min and max still bound them.
	set []int64
}

// Addresses of the X-series (XM430-W350 e-Manual, "Control Table of EEPROM
// Area" and "Control Table of RAM Area"). The ones chiron's host driver uses
// come from dynamixel.X so the two sides cannot disagree.
var (
	addrModelNumber       = dynamixel.X.ModelNumber.Addr         // 0
	addrModelInformation  = uint16(2)                            // 4 bytes, read-only
	addrFirmware          = dynamixel.X.FirmwareVersion.Addr     // 6
	addrID                = dynamixel.X.ID.Addr                  // 7
	addrBaud              = dynamixel.X.BaudRate.Addr            // 8
	addrReturnDelay       = dynamixel.X.ReturnDelayTime.Addr     // 9
	addrDriveMode         = dynamixel.X.DriveMode.Addr           // 10
	addrOperatingMode     = dynamixel.X.OperatingMode.Addr       // 11
	addrSecondaryID       = uint16(12)                           //
	addrProtocolType      = uint16(13)                           //
	addrHomingOffset      = uint16(20)                           //
	addrMovingThreshold   = uint16(24)                           //
	addrTemperatureLimit  = uint16(31)                           //
	addrMaxVoltageLimit   = uint16(32)                           //
	addrMinVoltageLimit   = uint16(34)                           //
	addrPWMLimit          = uint16(36)                           //
	addrCurrentLimit      = dynamixel.X.CurrentLimit.Addr        // 38
	addrVelocityLimit     = dynamixel.X.VelocityLimit.Addr       // 44
	addrMaxPositionLimit  = dynamixel.X.MaxPositionLimit.Addr    // 48
	addrMinPositionLimit  = dynamixel.X.MinPositionLimit.Addr    // 52
	addrStartup           = uint16(60)                           //
	addrShutdown          = uint16(63)                           //
	addrTorqueEnable      = dynamixel.X.TorqueEnable.Addr        // 64
	addrLED               = uint16(65)                           //
	addrStatusReturnLevel = dynamixel.X.StatusReturnLevel.Addr   // 68
	addrRegistered        = uint16(69)                           //
	addrHardwareError     = dynamixel.X.HardwareErrorStatus.Addr // 70
	addrVelocityIGain     = uint16(76)                           //
	addrVelocityPGain     = uint16(78)                           //
	addrPositionDGain     = uint16(80)                           //
	addrPositionIGain     = uint16(82)                           //
	addrPositionPGain     = uint16(84)                           //
	addrFF2Gain           = uint16(88)                           //
	addrFF1Gain           = uint16(90)                           //
	addrBusWatchdog       = uint16(98)                           //
	addrGoalPWM           = uint16(100)                          //
	addrGoalCurrent       = dynamixel.X.GoalCurrent.Addr         // 102
	addrGoalVelocity      = dynamixel.X.GoalVelocity.Addr        // 104
	addrProfileAccel      = uint16(108)                          //
	addrProfileVelocity   = uint16(112)                          //
	addrGoalPosition      = dynamixel.X.GoalPosition.Addr        // 116
	addrRealtimeTick      = uint16(120)                          //
	addrMoving            = uint16(122)                          //
	addrMovingStatus      = uint16(123)                          //
	addrPresentPWM        = uint16(124)                          //
	addrPresentCurrent    = dynamixel.X.PresentCurrent.Addr      // 126
	addrPresentVelocity   = dynamixel.X.PresentVelocity.Addr     // 128
	addrPresentPosition   = dynamixel.X.PresentPosition.Addr     // 132
	addrVelocityTraj      = uint16(136)                          //
	addrPositionTraj      = uint16(140)                          //
	addrPresentVoltage    = dynamixel.X.PresentInputVoltage.Addr // 144
	addrPresentTemp       = dynamixel.X.PresentTemperature.Addr  // 146
	addrBackupReady       = uint16(147)                          //
)

// Extended position range (e-Manual, X-series, "Goal Position(116)": in
// Extended Position and Current-based Position modes, ±256 revolutions).
const extPosMax = 1_048_575

// pwmMax is the X-series' PWM Limit maximum (885 = 100 %).
const pwmMax = 885

// Shutdown (63) default: overload, electrical shock and overheating
// (e-Manual, X-series, "Shutdown(63)", default 52 = 0x34).
const defaultShutdown = 0x34

// items returns the control table of a servo of model m, in address order.
// Ranges and defaults are the XM430-W350's; model-specific ones (Current
// Limit's maximum, the position limits' one-turn range, Velocity Limit's
// maximum and default when the model has its own, the model number) come
// from m.
func items(m *dynamixel.Model) []item {
	ro := func(addr, size uint16, signed bool) item { return item{addr: addr, size: size, signed: signed} }
	rw := func(addr, size uint16, min, max, def int64) item {
		return item{addr: addr, size: size, rw: true, signed: min < 0, min: min, max: max, def: def}
	}
	withLimit := func(it item, l limitKind) item { it.limit = l; return it }
	withSet := func(it item, set ...int64) item { it.set = set; return it }
	maxCur := int64(m.MaxCurrent)
	maxPos := int64(m.CountsPerRev) - 1 // one turn: 0–4095 on the X-series
	maxVel, defVel := int64(1023), int64(200)
	if m.MaxVelocity > 0 { // a servo whose velocity range is its own
		maxVel, defVel = int64(m.MaxVelocity), int64(m.MaxVelocity)
	}
	its := []item{
		{addr: addrModelNumber, size: 2, def: int64(m.Number)},
		ro(addrModelInformation, 4, false),
		ro(addrFirmware, 1, false),
		rw(addrID, 1, 0, int64(dynamixel.MaxID), 1),
		withSet(rw(addrBaud, 1, 0, 7, 1), 0, 1, 2, 3, 4, 5, 6, 7),
		rw(addrReturnDelay, 1, 0, 254, 250),
		// Drive Mode bits: 0 reverse, 2 time-based profile, 3 torque on by
		// goal update; the other bits are reserved.
		withSet(rw(addrDriveMode, 1, 0, 13, 0), 0, 1, 4, 5, 8, 9, 12, 13),
		withSet(rw(addrOperatingMode, 1, 0, 16, 3), 0, 1, 3, 4, 5, 16),
		withSet(rw(addrSecondaryID, 1, 0, 255, 255), secondaryIDSet()...),
		withSet(rw(addrProtocolType, 1, 1, 2, 2), 1, 2),
		rw(addrHomingOffset, 4, -1_044_479, 1_044_479, 0),
		rw(addrMovingThreshold, 4, 0, 1023, 10),
		rw(addrTemperatureLimit, 1, 0, 100, 80),
		rw(addrMaxVoltageLimit, 2, 95, 160, 160),
		rw(addrMinVoltageLimit, 2, 95, 160, 95),
		rw(addrPWMLimit, 2, 0, pwmMax, pwmMax),
		rw(addrCurrentLimit, 2, 0, maxCur, maxCur),
		rw(addrVelocityLimit, 4, 0, maxVel, defVel),
		rw(addrMaxPositionLimit, 4, 0, maxPos, maxPos),
		rw(addrMinPositionLimit, 4, 0, maxPos, 0),
		rw(addrStartup, 1, 0, 3, 0),
		rw(addrShutdown, 1, 0, 0x3F, defaultShutdown),
		rw(addrTorqueEnable, 1, 0, 1, 0),
		rw(addrLED, 1, 0, 1, 0),
		rw(addrStatusReturnLevel, 1, 0, 2, 2),
		ro(addrRegistered, 1, false),
		ro(addrHardwareError, 1, false),
		rw(addrVelocityIGain, 2, 0, 16383, 1920),
		rw(addrVelocityPGain, 2, 0, 16383, 100),
		rw(addrPositionDGain, 2, 0, 16383, 0),
		rw(addrPositionIGain, 2, 0, 16383, 0),
		rw(addrPositionPGain, 2, 0, 16383, 800),
		rw(addrFF2Gain, 2, 0, 16383, 0),
		rw(addrFF1Gain, 2, 0, 16383, 0),
		rw(addrBusWatchdog, 1, 0, 127, 0),
		withLimit(rw(addrGoalPWM, 2, -pwmMax, pwmMax, 0), limPWM),
		withLimit(rw(addrGoalCurrent, 2, -maxCur, maxCur, 0), limCurrent),
		withLimit(rw(addrGoalVelocity, 4, -maxVel, maxVel, 0), limVelocity),
		rw(addrProfileAccel, 4, 0, 32767, 0),
		rw(addrProfileVelocity, 4, 0, 32767, 0),
		withLimit(rw(addrGoalPosition, 4, -extPosMax, extPosMax, 0), limPosition),
		ro(addrRealtimeTick, 2, false),
		ro(addrMoving, 1, false),
		ro(addrMovingStatus, 1, false),
		ro(addrPresentPWM, 2, true),
		ro(addrPresentCurrent, 2, true),
		ro(addrPresentVelocity, 4, true),
		ro(addrPresentPosition, 4, true),
		ro(addrVelocityTraj, 4, true),
		ro(addrPositionTraj, 4, true),
		ro(addrPresentVoltage, 2, false),
		ro(addrPresentTemp, 1, false),
		ro(addrBackupReady, 1, false),
	}
	for _, b := range [2]struct{ addr, data uint16 }{{addrIndirectAddress1, addrIndirectData1}, {addrIndirectAddress29, addrIndirectData29}} {
		for k := range uint16(indirectPerBlock) {
			its = append(its, rw(b.addr+2*k, 2, indirectMin, indirectMax, int64(b.data+k)))
		}
		for k := range uint16(indirectPerBlock) {
			its = append(its, rw(b.data+k, 1, 0, 255, 0))
		}
	}
	return its
}

func secondaryIDSet() []int64 {
	s := make([]int64, 0, int(dynamixel.MaxID)+2)
	for v := int64(0); v <= int64(dynamixel.MaxID); v++ {
		s = append(s, v)
	}
	return append(s, 255) // 255 disables the secondary ID
}

// layout indexes a model's items by address: at[a] is the index+1 of the
// item containing address a, 0 for a reserved address.
type layout struct {
	items []item
	at    [tableSize]uint16
}

func newLayout(m *dynamixel.Model) *layout {
	l := &layout{items: items(m)}
	for k, it := range l.items {
		for a := it.addr; a < it.addr+it.size; a++ {
			l.at[a] = uint16(k + 1)
		}
	}
	return l
}

// find returns the item containing addr.
func (l *layout) find(addr uint16) (*item, bool) {
	if int(addr) >= tableSize || l.at[addr] == 0 {
		return nil, false
	}
	return &l.items[l.at[addr]-1], true
}

// table is one servo's control table memory.
type table [tableSize]byte

func (t *table) get(addr, size uint16, signed bool) int64 {
	b := t[addr : addr+size]
	switch size {
	case 1:
		if signed {
			return int64(int8(b[0]))
		}
		return int64(b[0])
	case 2:
		v := binary.LittleEndian.Uint16(b)
		if signed {
			return int64(int16(v))
		}
		return int64(v)
	default:
		v := binary.LittleEndian.Uint32(b)
		if signed {
			return int64(int32(v))
		}
		return int64(v)
	}
}

func (t *table) put(addr, size uint16, v int64) {
	b := t[addr : addr+size]
	switch size {
	case 1:
		b[0] = byte(v)
	case 2:
		binary.LittleEndian.PutUint16(b, uint16(v))
	default:
		binary.LittleEndian.PutUint32(b, uint32(v))
	}
}

func (t *table) u8(addr uint16) byte     { return t[addr] }
func (t *table) i16(addr uint16) int64   { return t.get(addr, 2, true) }
func (t *table) u16(addr uint16) int64   { return t.get(addr, 2, false) }
func (t *table) i32(addr uint16) int64   { return t.get(addr, 4, true) }
func (t *table) set8(addr uint16, v int) { t[addr] = byte(v) }

// value reads item it from t.
func (t *table) value(it *item) int64 { return t.get(it.addr, it.size, it.signed) }
