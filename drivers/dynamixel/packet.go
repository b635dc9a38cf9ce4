package dynamixel

import "encoding/binary"

// Instruction codes of Protocol 2.0 (e-Manual, Protocol 2.0, "Instruction").
const (
	InstPing         byte = 0x01
	InstRead         byte = 0x02
	InstWrite        byte = 0x03
	InstRegWrite     byte = 0x04
	InstAction       byte = 0x05
	InstFactoryReset byte = 0x06
	InstReboot       byte = 0x08
	InstClear        byte = 0x10 // firmware v42+: clear the multi-turn revolutions
	InstStatus       byte = 0x55
	InstSyncRead     byte = 0x82
	InstSyncWrite    byte = 0x83
	InstBulkRead     byte = 0x92
	InstBulkWrite    byte = 0x93
	// Fast Sync Read and Fast Bulk Read: the parameters of Sync Read and
	// Bulk Read, answered by one status packet from the broadcast ID that
	// every addressed device extends with its block — ERR, ID, data, CRC —
	// in the order addressed, without byte stuffing (DynamixelSDK's
	// GroupSyncRead.fastSyncRead, GroupBulkRead.fastBulkRead).
	InstFastSyncRead byte = 0x8A
	InstFastBulkRead byte = 0x9A
)

// ClearMultiTurn are the parameters of the Clear instruction (0x10) that
// reset the multi-turn revolutions: Present Position returns to within one
// turn (e-Manual, Protocol 2.0, "Clear"; X-series from firmware v42).
var ClearMultiTurn = [5]byte{0x01, 0x44, 0x58, 0x4C, 0x22} // 0x01 "DXL\""

// InstName returns a short name for an instruction code, for messages.
func InstName(inst byte) string {
	switch inst {
	case InstPing:
		return "ping"
	case InstRead:
		return "read"
	case InstWrite:
		return "write"
	case InstRegWrite:
		return "reg write"
	case InstAction:
		return "action"
	case InstFactoryReset:
		return "factory reset"
	case InstReboot:
		return "reboot"
	case InstClear:
		return "clear"
	case InstStatus:
		return "status"
	case InstSyncRead:
		return "sync read"
	case InstSyncWrite:
		return "sync write"
	case InstBulkRead:
		return "bulk read"
	case InstBulkWrite:
		return "bulk write"
	case InstFastSyncRead:
		return "fast sync read"
	case InstFastBulkRead:
		return "fast bulk read"
	}
	return "instruction 0x" + hexByte(inst)
}

const (
	// BroadcastID addresses every device on the bus; sync and bulk
	// instructions always use it.
	BroadcastID byte = 0xFE
	// MaxID is the highest ID a device may have (0xFD is excluded because it
	// would look like a header byte, 0xFF is reserved).
	MaxID byte = 0xFC

	// HeaderLen is the number of bytes before the instruction: FF FF FD 00,
	// ID, LEN_L, LEN_H.
	HeaderLen = 7
	// minLen is the smallest LEN field: instruction + CRC.
	minLen = 3
)

// header is the Protocol 2.0 packet start: three magic bytes and a reserved 0.
var header = [4]byte{0xFF, 0xFF, 0xFD, 0x00}

// Packet is one decoded packet. Params is a view into the decoder's (or the
// caller's) buffer, destuffed, valid until the next call that reuses that
// buffer; copy it to keep it. For status packets Error holds the ERR byte and
// Params starts after it; for instruction packets Error is 0.
type Packet struct {
	ID          byte
	Instruction byte
	Error       byte
	Params      []byte
}

// IsStatus reports whether p is a status (reply) packet.
func (p *Packet) IsStatus() bool { return p.Instruction == InstStatus }

// beginPacket appends the header, id, a LEN placeholder and inst, and returns
// the extended buffer and the index where the packet starts.
func beginPacket(dst []byte, id, inst byte) ([]byte, int) {
	start := len(dst)
	dst = append(dst, header[0], header[1], header[2], header[3], id, 0, 0, inst)
	return dst, start
}

// putByte appends one body byte with byte stuffing: whenever the body (from
// the instruction field on, as the e-Manual's "Packet Process" specifies)
// ends in FF FF FD, an extra FD follows so that no header can appear inside a
// packet. Stuffed output ends in FD FD, which cannot be the tail of another
// FF FF FD, so checking the output is equivalent to checking the input.
func putByte(dst []byte, start int, c byte) []byte {
	dst = append(dst, c)
	n := len(dst)
	if c == 0xFD && n-3 >= start+HeaderLen && dst[n-2] == 0xFF && dst[n-3] == 0xFF {
		dst = append(dst, 0xFD)
	}
	return dst
}

func putBytes(dst []byte, start int, p []byte) []byte {
	for _, c := range p {
		dst = putByte(dst, start, c)
	}
	return dst
}

func putU16(dst []byte, start int, v uint16) []byte {
	dst = putByte(dst, start, byte(v))
	return putByte(dst, start, byte(v>>8))
}

// finishPacket patches LEN (stuffed body + CRC) and appends the CRC.
func finishPacket(dst []byte, start int) []byte {
	n := len(dst) - (start + HeaderLen) + 2
	binary.LittleEndian.PutUint16(dst[start+5:], uint16(n))
	crc := UpdateCRC(0, dst[start:])
	return append(dst, byte(crc), byte(crc>>8))
}

// AppendInstruction appends an instruction packet for id with the given
// instruction code and (unstuffed) parameters to dst and returns the
// extended buffer. It allocates only if dst lacks capacity.
func AppendInstruction(dst []byte, id, inst byte, params []byte) []byte {
	dst, start := beginPacket(dst, id, inst)
	dst = putBytes(dst, start, params)
	return finishPacket(dst, start)
}

// AppendStatus appends a status packet from id with the ERR byte errByte and
// the (unstuffed) parameters to dst: what a device sends in reply. Build
// errByte from a StatusCode and, when the device has a hardware error,
// AlertBit.
func AppendStatus(dst []byte, id, errByte byte, params []byte) []byte {
	dst, start := beginPacket(dst, id, InstStatus)
	dst = putByte(dst, start, errByte)
	dst = putBytes(dst, start, params)
	return finishPacket(dst, start)
}

// AppendPing appends a ping instruction for id.
func AppendPing(dst []byte, id byte) []byte { return AppendInstruction(dst, id, InstPing, nil) }

// AppendPingStatus appends a device's reply to ping: model number and
// firmware version (e-Manual, Protocol 2.0, "Ping").
func AppendPingStatus(dst []byte, id, errByte byte, model uint16, firmware byte) []byte {
	dst, start := beginPacket(dst, id, InstStatus)
	dst = putByte(dst, start, errByte)
	dst = putU16(dst, start, model)
	dst = putByte(dst, start, firmware)
	return finishPacket(dst, start)
}

// AppendRead appends a read instruction of n bytes at addr of id.
func AppendRead(dst []byte, id byte, addr, n uint16) []byte {
	dst, start := beginPacket(dst, id, InstRead)
	dst = putU16(dst, start, addr)
	dst = putU16(dst, start, n)
	return finishPacket(dst, start)
}

// AppendWrite appends a write instruction of data at addr of id.
func AppendWrite(dst []byte, id byte, addr uint16, data []byte) []byte {
	return appendAddrData(dst, id, InstWrite, addr, data)
}

// AppendRegWrite appends a reg write instruction (executed on Action).
func AppendRegWrite(dst []byte, id byte, addr uint16, data []byte) []byte {
	return appendAddrData(dst, id, InstRegWrite, addr, data)
}

func appendAddrData(dst []byte, id, inst byte, addr uint16, data []byte) []byte {
	dst, start := beginPacket(dst, id, inst)
	dst = putU16(dst, start, addr)
	dst = putBytes(dst, start, data)
	return finishPacket(dst, start)
}

// AppendAction appends an action instruction (executes registered writes).
func AppendAction(dst []byte, id byte) []byte {
	return AppendInstruction(dst, id, InstAction, nil)
}

// AppendReboot appends a reboot instruction.
func AppendReboot(dst []byte, id byte) []byte {
	return AppendInstruction(dst, id, InstReboot, nil)
}

// Factory reset options (e-Manual, Protocol 2.0, "Factory Reset").
const (
	ResetAll             byte = 0xFF
	ResetAllButID        byte = 0x01
	ResetAllButIDAndBaud byte = 0x02
)

// AppendFactoryReset appends a factory reset instruction with option.
func AppendFactoryReset(dst []byte, id, option byte) []byte {
	dst, start := beginPacket(dst, id, InstFactoryReset)
	dst = putByte(dst, start, option)
	return finishPacket(dst, start)
}

// AppendSyncRead appends a sync read of n bytes at addr from every ID in ids;
// each device replies with its own status packet, in the order of ids.
func AppendSyncRead(dst []byte, addr, n uint16, ids []byte) []byte {
	dst, start := beginPacket(dst, BroadcastID, InstSyncRead)
	dst = putU16(dst, start, addr)
	dst = putU16(dst, start, n)
	dst = putBytes(dst, start, ids)
	return finishPacket(dst, start)
}

// AppendFastSyncRead is AppendSyncRead as Fast Sync Read (0x8A): the
// devices answer together in one status packet (see InstFastSyncRead).
func AppendFastSyncRead(dst []byte, addr, n uint16, ids []byte) []byte {
	dst, start := beginPacket(dst, BroadcastID, InstFastSyncRead)
	dst = putU16(dst, start, addr)
	dst = putU16(dst, start, n)
	dst = putBytes(dst, start, ids)
	return finishPacket(dst, start)
}

// AppendSyncWrite appends a sync write of n bytes at addr: data holds
// len(ids) consecutive n-byte blocks, the i-th for ids[i]. It panics if
// len(data) != n·len(ids), a programming error.
func AppendSyncWrite(dst []byte, addr, n uint16, ids, data []byte) []byte {
	if len(data) != int(n)*len(ids) {
		panic("dynamixel: AppendSyncWrite: len(data) != n*len(ids)")
	}
	dst, start := beginPacket(dst, BroadcastID, InstSyncWrite)
	dst = putU16(dst, start, addr)
	dst = putU16(dst, start, n)
	for i, id := range ids {
		dst = putByte(dst, start, id)
		dst = putBytes(dst, start, data[i*int(n):(i+1)*int(n)])
	}
	return finishPacket(dst, start)
}

// BulkReadEntry is one device's part of a bulk read: Len bytes at Addr.
type BulkReadEntry struct {
	ID   byte
	Addr uint16
	Len  uint16
}

// AppendBulkRead appends a bulk read; each device replies in entry order.
func AppendBulkRead(dst []byte, entries []BulkReadEntry) []byte {
	dst, start := beginPacket(dst, BroadcastID, InstBulkRead)
	for _, e := range entries {
		dst = putByte(dst, start, e.ID)
		dst = putU16(dst, start, e.Addr)
		dst = putU16(dst, start, e.Len)
	}
	return finishPacket(dst, start)
}

// AppendFastBulkRead is AppendBulkRead as Fast Bulk Read (0x9A).
func AppendFastBulkRead(dst []byte, entries []BulkReadEntry) []byte {
	dst, start := beginPacket(dst, BroadcastID, InstFastBulkRead)
	for _, e := range entries {
		dst = putByte(dst, start, e.ID)
		dst = putU16(dst, start, e.Addr)
		dst = putU16(dst, start, e.Len)
	}
	return finishPacket(dst, start)
}

// BulkWriteEntry is one device's part of a bulk write: Data at Addr.
type BulkWriteEntry struct {
	ID   byte
	Addr uint16
	Data []byte
}

// AppendBulkWrite appends a bulk write (no device replies).
func AppendBulkWrite(dst []byte, entries []BulkWriteEntry) []byte {
	dst, start := beginPacket(dst, BroadcastID, InstBulkWrite)
	for _, e := range entries {
		dst = putByte(dst, start, e.ID)
		dst = putU16(dst, start, e.Addr)
		dst = putU16(dst, start, uint16(len(e.Data)))
		dst = putBytes(dst, start, e.Data)
	}
	return finishPacket(dst, start)
}

const hexDigits = "0123456789ABCDEF"

func hexByte(b byte) string { return string([]byte{hexDigits[b>>4], hexDigits[b&15]}) }
