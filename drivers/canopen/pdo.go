package canopen

import (
	"fmt"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// PDOEntry is one PDO mapping entry: the object Index:Sub mapped with Bits
// bits (CiA 301 "PDO mapping parameter": u32 = index<<16 | sub<<8 | length).
type PDOEntry struct {
	Index uint16
	Sub   uint8
	Bits  uint8
}

// Value returns the entry as written to a 0x16xx/0x1Axx sub-index.
func (e PDOEntry) Value() uint32 { return uint32(e.Index)<<16 | uint32(e.Sub)<<8 | uint32(e.Bits) }

// DecodePDOEntry splits a mapping sub-index value into its entry.
func DecodePDOEntry(v uint32) PDOEntry {
	return PDOEntry{Index: uint16(v >> 16), Sub: uint8(v >> 8), Bits: uint8(v)}
}

// MaxPDOEntries bounds a mapping: 8 bytes hold at most 8 byte-aligned objects.
const MaxPDOEntries = 8

// PDOMap is an ordered PDO mapping of byte-aligned objects packed little
// endian into at most 8 bytes, in mapping order (CiA 301 "PDO mapping").
// The zero value is the empty mapping.
type PDOMap struct {
	Entries [MaxPDOEntries]PDOEntry
	N       uint8 // number of valid entries
	offs    [MaxPDOEntries]uint8
	length  uint8
}

// NewPDOMap returns the mapping of entries, or an error when an entry is not
// a whole number of bytes (1..8) or the total exceeds 64 bits.
func NewPDOMap(entries ...PDOEntry) (PDOMap, error) {
	var m PDOMap
	if len(entries) > MaxPDOEntries {
		return m, fmt.Errorf("canopen: PDO mapping has %d entries, at most %d", len(entries), MaxPDOEntries)
	}
	for _, e := range entries {
		if e.Bits == 0 || e.Bits%8 != 0 || e.Bits > 64 {
			return PDOMap{}, fmt.Errorf("canopen: PDO entry 0x%04x:%02x has %d bits, want 8, 16, 24, 32, … 64", e.Index, e.Sub, e.Bits)
		}
		if int(m.length)+int(e.Bits/8) > 8 {
			return PDOMap{}, fmt.Errorf("canopen: PDO mapping exceeds 8 bytes at 0x%04x:%02x: %w", e.Index, e.Sub, AbortPDOLength)
		}
		m.Entries[m.N] = e
		m.offs[m.N] = m.length
		m.length += e.Bits / 8
		m.N++
	}
	return m, nil
}

// Len returns the number of bytes the mapping occupies.
func (m *PDOMap) Len() int { return int(m.length) }

// Offset returns the byte offset of entry i in the PDO.
func (m *PDOMap) Offset(i int) int { return int(m.offs[i]) }

// Find returns the position of Index:Sub in the mapping, or -1.
func (m *PDOMap) Find(index uint16, sub uint8) int {
	for i := 0; i < int(m.N); i++ {
		if m.Entries[i].Index == index && m.Entries[i].Sub == sub {
			return i
		}
	}
	return -1
}

// Pack writes values (raw bits, one per entry, truncated to each entry's
// width) into f's data and sets f.Length. It panics when len(values) differs
// from the number of entries, a programming error.
func (m *PDOMap) Pack(f *canbus.Frame, values []uint64) {
	if len(values) != int(m.N) {
		panic(fmt.Sprintf("canopen: PDOMap.Pack got %d values for %d entries", len(values), m.N))
	}
	for i := 0; i < int(m.N); i++ {
		v := values[i]
		o := m.offs[i]
		for b := uint8(0); b < m.Entries[i].Bits/8; b++ {
			f.Data[o+b] = byte(v)
			v >>= 8
		}
	}
	f.Length = m.length
}

// Unpack reads each entry's raw bits from f into values. A frame shorter
// than the mapping is an error (CiA 301: the PDO is not processed, EMCY
// 0x8210); longer frames are accepted, the extra bytes ignored.
func (m *PDOMap) Unpack(f *canbus.Frame, values []uint64) error {
	if len(values) != int(m.N) {
		panic(fmt.Sprintf("canopen: PDOMap.Unpack got %d values for %d entries", len(values), m.N))
	}
	if f.Length < m.length || f.Length > 8 {
		return errPDOShort
	}
	for i := 0; i < int(m.N); i++ {
		var v uint64
		o := m.offs[i]
		for b := int(m.Entries[i].Bits/8) - 1; b >= 0; b-- {
			v = v<<8 | uint64(f.Data[int(o)+b])
		}
		values[i] = v
	}
	return nil
}

var errPDOShort = &ProtocolError{What: "PDO", Why: "shorter than its mapping"}

// SignExtend interprets the low bits of v as a two's-complement integer.
func SignExtend(v uint64, bits uint8) int64 {
	if bits == 0 || bits >= 64 {
		return int64(v)
	}
	s := 64 - bits
	return int64(v<<s) >> s
}
