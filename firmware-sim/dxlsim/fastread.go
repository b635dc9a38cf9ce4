package dxlsim

import (
	"encoding/binary"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// fastBlock is one device's part of a fast read: the servo and the range
// of its control table it returns.
type fastBlock struct {
	sv   *servo
	addr uint16
	n    uint16
}

// addFast adds the blocks of the servos with ID id to s.fast; false when
// there is none (the chain of blocks breaks at a missing device).
func (s *Server) addFast(id byte, addr, n uint16) bool {
	found := false
	for sv := range s.targets(id) {
		s.fast = append(s.fast, fastBlock{sv: sv, addr: addr, n: n})
		found = true
	}
	return found
}

// fastRead answers Fast Sync Read (0x8A) or Fast Bulk Read (0x9A): one
// status packet from the broadcast ID,
//
//	FF FF FD 00, FE, LEN, 55, then per device: ERR, ID, data, CRC
//
// in the order the instruction addressed the devices, with no byte
// stuffing. Each device appends its block while the packet passes it on
// the bus, so a block's CRC is the CRC of the packet up to and including
// its data, and the last device's CRC is the packet's own (the one
// DynamixelSDK checks); LEN counts the instruction byte and every block,
// the last CRC included. The servos answer only if every addressed one is
// there and lets a read be answered (Status Return Level ≥ 1) — a device
// that does not add its block leaves the packet shorter than LEN, which
// the host takes as a lost reply — and the packet meets the injected
// faults as a whole (the worst of the devices' fates).
func (s *Server) fastRead(inst byte, blocks []fastBlock) {
	if len(blocks) == 0 {
		return
	}
	size := 1 // the instruction byte
	for _, b := range blocks {
		if !answers(b.sv.mem[addrStatusReturnLevel], inst) {
			return
		}
		if int(b.addr)+int(b.n) > tableSize {
			return // no single block can say Access Error in this format
		}
		size += 4 + int(b.n)
	}
	off := len(s.tx)
	s.tx = append(s.tx, 0xFF, 0xFF, 0xFD, 0x00, dynamixel.BroadcastID, 0, 0, dynamixel.InstStatus)
	binary.LittleEndian.PutUint16(s.tx[off+5:], uint16(size))
	var delay time.Duration
	drop, corrupt := false, false
	for _, b := range blocks {
		data := s.read(b.sv, b.addr, b.n) // first: it brings the live items up to date
		s.tx = append(s.tx, s.errByte(b.sv, 0), b.sv.mem[addrID])
		s.tx = append(s.tx, data...)
		crc := dynamixel.UpdateCRC(0, s.tx[off:])
		s.tx = append(s.tx, byte(crc), byte(crc>>8))
		d, dl, c := s.sim.ReplyFate(b.sv.joint)
		drop, corrupt = drop || d, corrupt || c
		delay = max(delay, dl)
		if s.cfg.ReturnDelay {
			delay = max(delay, 2*time.Microsecond*time.Duration(b.sv.mem[addrReturnDelay]))
		}
	}
	switch {
	case drop:
		s.tx = s.tx[:off]
		return
	case corrupt:
		s.sim.FlipBit(s.tx[off+dynamixel.HeaderLen:])
	}
	s.replies = append(s.replies, reply{off: off, end: len(s.tx), delay: delay})
}
