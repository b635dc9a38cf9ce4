package dynamixel

import (
	"encoding/binary"
	"fmt"
)

// This file is the device side of the parameter blocks: a device (or the
// firmware simulator) decodes an instruction packet with Decoder, then hands
// Packet.Params to the parser for Packet.Instruction. Every parser checks
// lengths before indexing and reports malformed input as *MalformedError,
// so hostile bytes never panic. None of them allocates unless it fails.

func u16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }

func paramErr(inst byte, format string, params []byte, args ...any) error {
	return malformed(InstName(inst)+": "+fmt.Sprintf(format, args...), params)
}

// ParseRead decodes read (0x02) parameters: start address and length.
func ParseRead(params []byte) (addr, n uint16, err error) {
	if len(params) != 4 {
		return 0, 0, paramErr(InstRead, "want 4 parameter bytes, got %d", params, len(params))
	}
	addr, n = u16(params), u16(params[2:])
	if n == 0 {
		return 0, 0, paramErr(InstRead, "zero length", params)
	}
	return addr, n, nil
}

// ParseWrite decodes write (0x03) and reg write (0x04) parameters: start
// address and at least one data byte.
func ParseWrite(params []byte) (addr uint16, data []byte, err error) {
	if len(params) < 3 {
		return 0, nil, paramErr(InstWrite, "want address and at least 1 data byte, got %d bytes", params, len(params))
	}
	return u16(params), params[2:], nil
}

// ParseFactoryReset decodes the factory reset (0x06) option byte.
func ParseFactoryReset(params []byte) (option byte, err error) {
	if len(params) != 1 {
		return 0, paramErr(InstFactoryReset, "want 1 option byte, got %d", params, len(params))
	}
	switch params[0] {
	case ResetAll, ResetAllButID, ResetAllButIDAndBaud:
		return params[0], nil
	}
	return 0, paramErr(InstFactoryReset, "unknown option 0x%02X", params, params[0])
}

// SyncRead is a decoded sync read (0x82): every device in IDs replies with
// Len bytes from Addr, in the order of IDs (the device at index k answers
// after the status packet of IDs[k-1]; e-Manual, Protocol 2.0, "Sync Read").
type SyncRead struct {
	Addr, Len uint16
	IDs       []byte // view into the parameters
}

// Index returns the position of id in IDs, or -1.
func (s *SyncRead) Index(id byte) int {
	for i, x := range s.IDs {
		if x == id {
			return i
		}
	}
	return -1
}

// ParseSyncRead decodes sync read parameters.
func ParseSyncRead(params []byte) (SyncRead, error) {
	if len(params) < 5 {
		return SyncRead{}, paramErr(InstSyncRead, "want address, length and at least 1 ID, got %d bytes", params, len(params))
	}
	s := SyncRead{Addr: u16(params), Len: u16(params[2:]), IDs: params[4:]}
	if s.Len == 0 {
		return SyncRead{}, paramErr(InstSyncRead, "zero length", params)
	}
	if err := checkIDs(InstSyncRead, params, s.IDs, 1); err != nil {
		return SyncRead{}, err
	}
	return s, nil
}

// checkIDs rejects IDs out of range and duplicates among ids[k*stride].
func checkIDs(inst byte, params, ids []byte, stride int) error {
	var seen [256]bool
	for k := 0; k < len(ids); k += stride {
		id := ids[k]
		if id > MaxID {
			return paramErr(inst, "invalid device ID 0x%02X", params, id)
		}
		if seen[id] {
			return paramErr(inst, "device ID %d listed twice", params, id)
		}
		seen[id] = true
	}
	return nil
}

// SyncWrite is a decoded sync write (0x83): Len bytes at Addr for each
// listed device.
type SyncWrite struct {
	Addr, Len uint16
	blocks    []byte // (ID, Len data bytes) repeated
}

// Count returns how many devices the sync write addresses.
func (s *SyncWrite) Count() int {
	if s.Len == 0 {
		return 0
	}
	return len(s.blocks) / (1 + int(s.Len))
}

// Entry returns the i-th device's ID and data (a view into the parameters).
func (s *SyncWrite) Entry(i int) (id byte, data []byte) {
	k := i * (1 + int(s.Len))
	return s.blocks[k], s.blocks[k+1 : k+1+int(s.Len)]
}

// Data returns the data for id, if the sync write addresses it.
func (s *SyncWrite) Data(id byte) ([]byte, bool) {
	for i := range s.Count() {
		if x, d := s.Entry(i); x == id {
			return d, true
		}
	}
	return nil, false
}

// ParseSyncWrite decodes sync write parameters.
func ParseSyncWrite(params []byte) (SyncWrite, error) {
	if len(params) < 6 {
		return SyncWrite{}, paramErr(InstSyncWrite, "want address, length and at least one ID with data, got %d bytes", params, len(params))
	}
	s := SyncWrite{Addr: u16(params), Len: u16(params[2:]), blocks: params[4:]}
	if s.Len == 0 {
		return SyncWrite{}, paramErr(InstSyncWrite, "zero data length", params)
	}
	if len(s.blocks)%(1+int(s.Len)) != 0 {
		return SyncWrite{}, paramErr(InstSyncWrite, "%d bytes after address and length is not a multiple of 1+%d", params, len(s.blocks), s.Len)
	}
	if err := checkIDs(InstSyncWrite, params, s.blocks, 1+int(s.Len)); err != nil {
		return SyncWrite{}, err
	}
	return s, nil
}

// BulkRead is a decoded bulk read (0x92): one (ID, address, length) entry per
// device; devices reply in entry order.
type BulkRead struct{ entries []byte }

// Count returns the number of entries.
func (b *BulkRead) Count() int { return len(b.entries) / 5 }

// Entry returns the i-th entry.
func (b *BulkRead) Entry(i int) BulkReadEntry {
	e := b.entries[i*5:]
	return BulkReadEntry{ID: e[0], Addr: u16(e[1:]), Len: u16(e[3:])}
}

// Find returns the entry for id and its index (its turn to reply).
func (b *BulkRead) Find(id byte) (BulkReadEntry, int, bool) {
	for i := range b.Count() {
		if e := b.Entry(i); e.ID == id {
			return e, i, true
		}
	}
	return BulkReadEntry{}, -1, false
}

// ParseBulkRead decodes bulk read parameters.
func ParseBulkRead(params []byte) (BulkRead, error) {
	if len(params) == 0 || len(params)%5 != 0 {
		return BulkRead{}, paramErr(InstBulkRead, "want a non-empty multiple of 5 bytes, got %d", params, len(params))
	}
	if err := checkIDs(InstBulkRead, params, params, 5); err != nil {
		return BulkRead{}, err
	}
	for k := 0; k < len(params); k += 5 {
		if u16(params[k+3:]) == 0 {
			return BulkRead{}, paramErr(InstBulkRead, "zero length for ID %d", params, params[k])
		}
	}
	return BulkRead{entries: params}, nil
}

// BulkWrite is a decoded bulk write (0x93): (ID, address, length, data)
// entries of varying size.
type BulkWrite struct{ raw []byte }

// Next returns the entry at offset off (start with 0) and the offset of the
// one after it; ok is false past the last entry.
func (b *BulkWrite) Next(off int) (e BulkWriteEntry, next int, ok bool) {
	if off+5 > len(b.raw) {
		return BulkWriteEntry{}, off, false
	}
	n := int(u16(b.raw[off+3:]))
	e = BulkWriteEntry{ID: b.raw[off], Addr: u16(b.raw[off+1:]), Data: b.raw[off+5 : off+5+n]}
	return e, off + 5 + n, true
}

// Find returns the entry for id.
func (b *BulkWrite) Find(id byte) (BulkWriteEntry, bool) {
	for e, off, ok := b.Next(0); ok; e, off, ok = b.Next(off) {
		if e.ID == id {
			return e, true
		}
	}
	return BulkWriteEntry{}, false
}

// ParseBulkWrite decodes bulk write parameters, checking every entry's length.
func ParseBulkWrite(params []byte) (BulkWrite, error) {
	if len(params) == 0 {
		return BulkWrite{}, paramErr(InstBulkWrite, "no entries", params)
	}
	var seen [256]bool
	for off := 0; off < len(params); {
		if off+5 > len(params) {
			return BulkWrite{}, paramErr(InstBulkWrite, "truncated entry header at offset %d", params, off)
		}
		id, n := params[off], int(u16(params[off+3:]))
		if id > MaxID {
			return BulkWrite{}, paramErr(InstBulkWrite, "invalid device ID 0x%02X at offset %d", params, id, off)
		}
		if seen[id] {
			return BulkWrite{}, paramErr(InstBulkWrite, "device ID %d listed twice", params, id)
		}
		seen[id] = true
		if n == 0 || off+5+n > len(params) {
			return BulkWrite{}, paramErr(InstBulkWrite, "entry for ID %d claims %d data bytes, %d remain", params, id, n, len(params)-off-5)
		}
		off += 5 + n
	}
	return BulkWrite{raw: params}, nil
}

// ParsePingStatus decodes a ping reply's parameters: model number and
// firmware version.
func ParsePingStatus(params []byte) (model uint16, firmware byte, err error) {
	if len(params) != 3 {
		return 0, 0, paramErr(InstStatus, "ping reply wants 3 parameter bytes, got %d", params, len(params))
	}
	return u16(params), params[2], nil
}

// CheckStatus returns nil if p is a status packet with a zero ERR byte, a
// *StatusError if the ERR byte is set, and a *MalformedError if p is not a
// status packet. inst names the instruction answered, for the message.
func CheckStatus(p *Packet, inst byte) error {
	if p.Instruction != InstStatus {
		return malformed(fmt.Sprintf("expected status packet, got %s", InstName(p.Instruction)), p.Params)
	}
	if p.Error != 0 {
		return &StatusError{ID: p.ID, Inst: inst, Err: p.Error}
	}
	return nil
}
