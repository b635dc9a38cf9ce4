package dxlsim

import (
	"encoding/binary"
	"testing"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// fastStatus is the Fast Sync/Bulk Read answer the e-Manual's format gives
// for blocks of (id, data): FF FF FD 00 FE LEN 55, then per device ERR 0,
// ID, data and the CRC of the packet so far; LEN counts the instruction
// and every block.
func fastStatus(ids []byte, data [][]byte) []byte {
	size := 1
	for _, d := range data {
		size += 4 + len(d)
	}
	p := []byte{0xFF, 0xFF, 0xFD, 0x00, 0xFE, 0, 0, 0x55}
	binary.LittleEndian.PutUint16(p[5:], uint16(size))
	for i, id := range ids {
		p = append(p, 0, id)
		p = append(p, data[i]...)
		crc := dynamixel.UpdateCRC(0, p)
		p = append(p, byte(crc), byte(crc>>8))
	}
	return p
}

// TestFastReads: Fast Sync Read (0x8A) and Fast Bulk Read (0x9A) are
// answered with one status packet in which every addressed servo has its
// block — the same bytes a plain read returns — in the order addressed;
// a unicast is an Instruction Error, a missing servo breaks the chain (no
// answer), and Status Return Level 0 silences it.
func TestFastReads(t *testing.T) {
	r := newRig(t, newSim(t, 3, -1, ""), Config{})
	// The IDs' Goal Position (116) and ID (7) as plain reads give them.
	goal := [][]byte{r.read(3, 116, 4), r.read(1, 116, 4), r.read(2, 116, 4)}
	r.exchange(dynamixel.AppendFastSyncRead(nil, 116, 4, []byte{3, 1, 2}), fastStatus([]byte{3, 1, 2}, goal))

	bulk := []dynamixel.BulkReadEntry{{ID: 2, Addr: 7, Len: 1}, {ID: 1, Addr: 116, Len: 4}, {ID: 3, Addr: 64, Len: 2}}
	want := fastStatus([]byte{2, 1, 3}, [][]byte{r.read(2, 7, 1), r.read(1, 116, 4), r.read(3, 64, 2)})
	r.exchange(dynamixel.AppendFastBulkRead(nil, bulk), want)

	// Unicast: the servo refuses the instruction.
	r.exchange(dynamixel.AppendInstruction(nil, 2, dynamixel.InstFastSyncRead, []byte{116, 0, 4, 0, 2}),
		status(2, byte(dynamixel.InstructionError)))
	// A missing ID (9): no block chain, no answer.
	r.exchange(dynamixel.AppendFastSyncRead(nil, 116, 4, []byte{1, 9, 2}), nil)
	// Status Return Level 0 on servo 3: it answers pings only.
	r.write(3, 68, []byte{0}, 0)
	r.exchange(dynamixel.AppendFastSyncRead(nil, 116, 4, []byte{1, 3}), nil)
}
