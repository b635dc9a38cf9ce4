package cubemars

import (
	"fmt"
	"math"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// Field widths of the MIT protocol (Mini Cheetah motor controller firmware,
// CubeMars AK manual "MIT mode" section).
const (
	posBits = 16
	fixBits = 12
)

// floatToUint maps x in [min, max] linearly onto 0..2^bits−1. Out-of-range
// values saturate; NaN maps to the code of 0 clamped into the range (the
// centre for symmetric ranges, the minimum for gains) so a corrupt number
// never becomes a full-scale command. The MIT reference truncates; rounding
// to nearest halves the quantisation error and decodes the same way.
func floatToUint(x, min, max float64, bits uint) uint32 {
	if x != x { // NaN
		x = 0
	}
	if x < min {
		x = min
	}
	if x > max {
		x = max
	}
	full := float64(uint32(1)<<bits - 1)
	return uint32(math.Round((x - min) * full / (max - min)))
}

// uintToFloat maps a code 0..2^bits−1 back onto [min, max].
func uintToFloat(u uint32, min, max float64, bits uint) float64 {
	full := float64(uint32(1)<<bits - 1)
	return float64(u)*(max-min)/full + min
}

// Command is one MIT-mode command: the motor applies
// Torque + Kp·(Position − q) + Kd·(Velocity − q̇) at the output.
type Command struct {
	Position float64 // rad
	Velocity float64 // rad/s
	Kp       float64 // N·m/rad
	Kd       float64 // N·m·s/rad
	Torque   float64 // N·m, feed-forward
}

// Special is the last byte of the special frames FF×7 xx.
type Special byte

const (
	// EnterMotorMode (FF×7 FC) powers the stage and starts following commands.
	EnterMotorMode Special = 0xFC
	// ExitMotorMode (FF×7 FD) turns the stage off (the motor goes limp).
	ExitMotorMode Special = 0xFD
	// SetZero (FF×7 FE) makes the present position the new zero.
	SetZero Special = 0xFE
)

// String returns the special frame's name.
func (s Special) String() string {
	switch s {
	case EnterMotorMode:
		return "enter-motor-mode"
	case ExitMotorMode:
		return "exit-motor-mode"
	case SetZero:
		return "set-zero"
	case 0:
		return "command"
	}
	return fmt.Sprintf("special(%#02x)", byte(s))
}

// SpecialData returns the 8 data bytes of special frame s.
func SpecialData(s Special) [8]byte {
	return [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, byte(s)}
}

// isSpecial reports whether data is one of the three special frames.
func isSpecial(data []byte) (Special, bool) {
	if len(data) != 8 {
		return 0, false
	}
	for _, b := range data[:7] {
		if b != 0xFF {
			return 0, false
		}
	}
	switch s := Special(data[7]); s {
	case EnterMotorMode, ExitMotorMode, SetZero:
		return s, true
	}
	return 0, false
}

// PackCommand encodes c for a motor with limits l: p16 v12 kp12 kd12 t12,
// big-endian (b0=p>>8, b1=p, b2=v>>4, b3=v<<4|kp>>8, b4=kp, b5=kd>>4,
// b6=kd<<4|t>>8, b7=t). Values outside l saturate. A command that would
// encode to a special frame (every field at full scale with torque code
// FFC–FFE) gets torque code FFB instead — one LSB less torque — so the
// motor can never read it as exit or set-zero.
func (l Limits) PackCommand(c Command) [8]byte {
	p := floatToUint(c.Position, l.PMin, l.PMax, posBits)
	v := floatToUint(c.Velocity, l.VMin, l.VMax, fixBits)
	kp := floatToUint(c.Kp, l.KpMin, l.KpMax, fixBits)
	kd := floatToUint(c.Kd, l.KdMin, l.KdMax, fixBits)
	t := floatToUint(c.Torque, l.TMin, l.TMax, fixBits)
	if p == 0xFFFF && v == 0xFFF && kp == 0xFFF && kd == 0xFFF && t >= 0xFFC && t <= 0xFFE {
		t = 0xFFB
	}
	return [8]byte{
		byte(p >> 8), byte(p),
		byte(v >> 4), byte(v<<4) | byte(kp>>8),
		byte(kp),
		byte(kd >> 4), byte(kd<<4) | byte(t>>8),
		byte(t),
	}
}

// UnpackCommand decodes an 8-byte command (the motor's side). It does not
// recognise special frames; see ParseRequest.
func (l Limits) UnpackCommand(data []byte) (Command, error) {
	if len(data) != 8 {
		return Command{}, fmt.Errorf("cubemars: command of %d bytes [%s]: want 8", len(data), hexBytes(data))
	}
	p := uint32(data[0])<<8 | uint32(data[1])
	v := uint32(data[2])<<4 | uint32(data[3])>>4
	kp := uint32(data[3]&0xF)<<8 | uint32(data[4])
	kd := uint32(data[5])<<4 | uint32(data[6])>>4
	t := uint32(data[6]&0xF)<<8 | uint32(data[7])
	return Command{
		Position: uintToFloat(p, l.PMin, l.PMax, posBits),
		Velocity: uintToFloat(v, l.VMin, l.VMax, fixBits),
		Kp:       uintToFloat(kp, l.KpMin, l.KpMax, fixBits),
		Kd:       uintToFloat(kd, l.KdMin, l.KdMax, fixBits),
		Torque:   uintToFloat(t, l.TMin, l.TMax, fixBits),
	}, nil
}

// ParseRequest decodes what a host sent a motor (the motor's side): a
// special frame (Special non-zero) or a command.
func (l Limits) ParseRequest(data []byte) (Special, Command, error) {
	if s, ok := isSpecial(data); ok {
		return s, Command{}, nil
	}
	c, err := l.UnpackCommand(data)
	return 0, c, err
}

// Fault is the error code in byte 7 of an 8-byte reply. Codes per the
// CubeMars AK manual (MIT mode reply); older firmware documents 6 as phase
// current unbalance (TMotorCANControl), newer as MOSFET over-temperature.
type Fault uint8

const (
	// FaultNone: no fault.
	FaultNone Fault = iota
	// FaultOverTemperature: motor over-temperature.
	FaultOverTemperature
	// FaultOverCurrent: over-current.
	FaultOverCurrent
	// FaultOverVoltage: supply over-voltage.
	FaultOverVoltage
	// FaultUnderVoltage: supply under-voltage.
	FaultUnderVoltage
	// FaultEncoder: encoder fault.
	FaultEncoder
	// FaultMOSFETOverTemperature: MOSFET over-temperature (older firmware:
	// phase current unbalance, hardware may be damaged).
	FaultMOSFETOverTemperature
	// FaultRotorLocked: motor stalled (rotor locked).
	FaultRotorLocked
)

var faultNames = [...]string{"none", "over-temperature", "over-current", "over-voltage", "under-voltage", "encoder", "mosfet-over-temperature/phase-unbalance", "rotor-locked"}

// String returns the fault's name.
func (f Fault) String() string {
	if int(f) < len(faultNames) {
		return faultNames[f]
	}
	return fmt.Sprintf("fault(%d)", uint8(f))
}

// Status returns the drivers.Status bits for f: StatusFault for every
// non-zero code plus the specific bit where one exists. Unknown codes are
// faults too: a motor that reports something we cannot read is not trusted.
func (f Fault) Status() drivers.Status {
	switch f {
	case FaultNone:
		return 0
	case FaultOverTemperature, FaultMOSFETOverTemperature:
		return drivers.StatusFault | drivers.StatusOverTemperature
	case FaultOverCurrent, FaultRotorLocked:
		return drivers.StatusFault | drivers.StatusOverCurrent
	case FaultOverVoltage, FaultUnderVoltage:
		return drivers.StatusFault | drivers.StatusVoltage
	case FaultEncoder:
		return drivers.StatusFault | drivers.StatusEncoder
	}
	return drivers.StatusFault
}

// TemperatureOffset is subtracted from reply byte 6 to get °C: the CubeMars
// manual gives the MIT reply's temperature range as −40…215 °C in one byte.
const TemperatureOffset = 40

// Reply is a motor's answer to a command or special frame.
type Reply struct {
	ID       uint8   // the motor's CAN ID (byte 0)
	Position float64 // rad
	Velocity float64 // rad/s
	Torque   float64 // N·m (from the measured q-axis current)
	// Extended is true for 8-byte replies, which add Temperature and Fault.
	Extended    bool
	Temperature float64 // °C
	Fault       Fault
}

// PackReply encodes r (the motor's side): id, p16, v12, t12 (b0=id,
// b1..b2=p, b3=v>>4, b4=v<<4|t>>8, b5=t), plus temperature and fault when
// r.Extended. It returns the data and its length, 6 or 8. Values saturate.
func (l Limits) PackReply(r Reply) ([8]byte, uint8) {
	p := floatToUint(r.Position, l.PMin, l.PMax, posBits)
	v := floatToUint(r.Velocity, l.VMin, l.VMax, fixBits)
	t := floatToUint(r.Torque, l.TMin, l.TMax, fixBits)
	d := [8]byte{r.ID, byte(p >> 8), byte(p), byte(v >> 4), byte(v<<4) | byte(t>>8), byte(t)}
	if !r.Extended {
		return d, 6
	}
	temp := r.Temperature + TemperatureOffset
	if temp != temp {
		temp = 255 // NaN reads as the hottest value, not a cool one
	}
	d[6] = byte(math.Round(math.Max(0, math.Min(255, temp))))
	d[7] = byte(r.Fault)
	return d, 8
}

// UnpackReply decodes a 6- or 8-byte reply (the host's side).
func (l Limits) UnpackReply(data []byte) (Reply, error) {
	if len(data) != 6 && len(data) != 8 {
		return Reply{}, fmt.Errorf("cubemars: reply of %d bytes [%s]: want 6 or 8", len(data), hexBytes(data))
	}
	p := uint32(data[1])<<8 | uint32(data[2])
	v := uint32(data[3])<<4 | uint32(data[4])>>4
	t := uint32(data[4]&0xF)<<8 | uint32(data[5])
	r := Reply{
		ID:       data[0],
		Position: uintToFloat(p, l.PMin, l.PMax, posBits),
		Velocity: uintToFloat(v, l.VMin, l.VMax, fixBits),
		Torque:   uintToFloat(t, l.TMin, l.TMax, fixBits),
	}
	if len(data) == 8 {
		r.Extended = true
		r.Temperature = float64(data[6]) - TemperatureOffset
		r.Fault = Fault(data[7])
	}
	return r, nil
}

// CommandFrame returns the CAN frame carrying c to motor id.
func CommandFrame(id uint8, l Limits, c Command) canbus.Frame {
	return canbus.Frame{ID: uint32(id), Length: 8, Data: l.PackCommand(c)}
}

// SpecialFrame returns special frame s addressed to motor id.
func SpecialFrame(id uint8, s Special) canbus.Frame {
	return canbus.Frame{ID: uint32(id), Length: 8, Data: SpecialData(s)}
}

// ReplyFrame returns the CAN frame a motor sends for r on CAN ID canID (the
// host's "master" ID, 0 by default in CubeMars firmware).
func ReplyFrame(canID uint32, l Limits, r Reply) canbus.Frame {
	d, n := l.PackReply(r)
	return canbus.Frame{ID: canID, Length: n, Data: d}
}

// hexBytes formats data as "01 AB ..." without letting data escape, so
// callers can pass slices of stack arrays and stay allocation-free on the
// success path.
func hexBytes(data []byte) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 0, 3*len(data))
	for i, b := range data {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, digits[b>>4], digits[b&0xF])
	}
	return string(out)
}
