package dynamixel

import (
	"errors"
	"fmt"
)

// maxErrBytes bounds how many offending bytes a MalformedError keeps.
const maxErrBytes = 32

// MalformedError reports bytes that are not a valid packet or parameter
// block: what was wrong and the offending bytes (at most 32 of them; Len is
// how many there were).
type MalformedError struct {
	What  string
	Bytes []byte
	Len   int
}

func malformed(what string, b []byte) *MalformedError {
	n := min(len(b), maxErrBytes)
	return &MalformedError{What: what, Bytes: append([]byte(nil), b[:n]...), Len: len(b)}
}

// Error returns the reason followed by the offending bytes in hex.
func (e *MalformedError) Error() string {
	s := fmt.Sprintf("dynamixel: %s: % X", e.What, e.Bytes)
	if e.Len > len(e.Bytes) {
		s += fmt.Sprintf(" … (%d bytes)", e.Len)
	}
	return s
}

// StatusCode is the error number in the low 7 bits of a status packet's ERR
// byte (e-Manual, Protocol 2.0, "Status Packet" → "Error"). It implements
// error so errors.Is(err, dynamixel.DataLimitError) works on a *StatusError.
type StatusCode byte

// Status error numbers.
const (
	ResultFail       StatusCode = 0x01 // failed to process the instruction
	InstructionError StatusCode = 0x02 // undefined instruction, or Action without Reg Write
	CRCError         StatusCode = 0x03 // the instruction packet's CRC did not match
	DataRangeError   StatusCode = 0x04 // value outside the item's min/max
	DataLengthError  StatusCode = 0x05 // data shorter than the item (e.g. 2 of 4 bytes)
	DataLimitError   StatusCode = 0x06 // value outside the configured limit
	AccessError      StatusCode = 0x07 // read-only/undefined address, or EEPROM while torque is on
)

// AlertBit is bit 7 of the ERR byte: the device has a hardware error; read
// Hardware Error Status (70) for the cause. The instruction itself was
// processed (e-Manual, Protocol 2.0, "Error").
const AlertBit byte = 0x80

var statusNames = [...]string{"no error", "result fail", "instruction error", "CRC error",
	"data range error", "data length error", "data limit error", "access error"}

// Error returns the code's e-Manual name.
func (c StatusCode) Error() string {
	if int(c) < len(statusNames) {
		return "dynamixel: " + statusNames[c]
	}
	return fmt.Sprintf("dynamixel: status error %d", uint8(c))
}

// ErrHardwareAlert matches (with errors.Is) a *StatusError whose alert bit is set.
var ErrHardwareAlert = errors.New("dynamixel: hardware alert")

// StatusError is a status packet whose ERR byte is not zero.
type StatusError struct {
	ID   byte // the replying device
	Inst byte // the instruction it answered
	Err  byte // the raw ERR byte
}

// Code returns the error number without the alert bit.
func (e *StatusError) Code() StatusCode { return StatusCode(e.Err &^ AlertBit) }

// Alert reports whether the device flagged a hardware error.
func (e *StatusError) Alert() bool { return e.Err&AlertBit != 0 }

// Error names the device, the instruction and the error.
func (e *StatusError) Error() string {
	s := fmt.Sprintf("dynamixel: id %d %s: ", e.ID, InstName(e.Inst))
	switch {
	case e.Code() != 0 && e.Alert():
		s += statusNames[min(int(e.Code()), len(statusNames)-1)] + " and hardware alert"
	case e.Alert():
		s += "hardware alert"
	default:
		s += e.Code().Error()[len("dynamixel: "):]
	}
	return s
}

// Is matches the StatusCode carried and ErrHardwareAlert when alerted.
func (e *StatusError) Is(target error) bool {
	if c, ok := target.(StatusCode); ok {
		return c == e.Code() && c != 0
	}
	return target == ErrHardwareAlert && e.Alert()
}

// WrongIDError reports a reply from a device other than the one addressed.
type WrongIDError struct{ Want, Got byte }

// Error names both IDs.
func (e *WrongIDError) Error() string {
	return fmt.Sprintf("dynamixel: reply from id %d while waiting for id %d", e.Got, e.Want)
}

// TimeoutError reports a reply that did not arrive in time.
type TimeoutError struct {
	ID       byte
	Inst     byte
	Received int // bytes received (none of them a complete reply); -1 when a later servo answered instead
}

// Error names the device, the instruction and what did arrive.
func (e *TimeoutError) Error() string {
	if e.Received < 0 {
		return fmt.Sprintf("dynamixel: id %d %s: no reply (a later servo answered in its place)", e.ID, InstName(e.Inst))
	}
	return fmt.Sprintf("dynamixel: id %d %s: no reply in time (%d bytes received)", e.ID, InstName(e.Inst), e.Received)
}
