package dxlsim

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// indirectAddress writes Indirect Address n (1–56) = target on servo id.
func (r *rig) indirectAddress(id byte, n int, target uint16) {
	r.t.Helper()
	addr := addrIndirectAddress1 + 2*uint16(n-1)
	if n > indirectPerBlock {
		addr = addrIndirectAddress29 + 2*uint16(n-1-indirectPerBlock)
	}
	r.write(id, addr, u16b(int16(target)), 0)
}

// TestIndirectAddressManualExamples replays the e-Manual's two examples
// ("Indirect Address, Indirect Data", XM430-W350): LED (65) through
// Indirect Data 1, and the 4-byte Goal Position (116) through Indirect Data
// 2–5, which moves the servo; the addresses' power-on values are their own
// data bytes (224…, 634…), and a reboot restores them (RAM).
func TestIndirectAddressManualExamples(t *testing.T) {
	r := newRig(t, newSim(t, 2, -1, ""), Config{})
	if got := binary.LittleEndian.Uint16(r.read(1, 168, 2)); got != 224 {
		t.Fatalf("Indirect Address 1 powers on at %d, want 224", got)
	}
	if got := binary.LittleEndian.Uint16(r.read(1, 632, 2)); got != 661 {
		t.Fatalf("Indirect Address 56 powers on at %d, want 661", got)
	}

	// Example 1: LED through Indirect Data 1.
	r.indirectAddress(1, 1, 65)
	r.write(1, 224, []byte{1}, 0)
	if led := r.read(1, 65, 1)[0]; led != 1 {
		t.Fatalf("LED %d after Indirect Data 1 = 1", led)
	}
	if got := r.read(1, 224, 1)[0]; got != 1 {
		t.Fatalf("Indirect Data 1 reads %d, LED is 1", got)
	}
	r.write(1, 224, []byte{0}, 0)
	if led := r.read(1, 65, 1)[0]; led != 0 {
		t.Fatalf("LED %d after Indirect Data 1 = 0", led)
	}

	// Example 2: Goal Position through Indirect Data 2–5, torque on (the
	// indirect areas are RAM: writable with torque on).
	r.write(1, 64, []byte{1}, 0)
	for k := range 4 {
		r.indirectAddress(1, 2+k, 116+uint16(k))
	}
	start := int32(binary.LittleEndian.Uint32(r.read(1, 132, 4)))
	goal := start + 300
	r.write(1, 225, u32(goal), 0)
	if got := int32(binary.LittleEndian.Uint32(r.read(1, 116, 4))); got != goal {
		t.Fatalf("Goal Position %d after writing %d through Indirect Data 2–5", got, goal)
	}
	if got := int32(binary.LittleEndian.Uint32(r.read(1, 225, 4))); got != goal {
		t.Fatalf("Indirect Data 2–5 read %d, Goal Position is %d", got, goal)
	}
	r.sim.Step(1500 * time.Millisecond)
	if p := int32(binary.LittleEndian.Uint32(r.read(1, 132, 4))); p < goal-20 || p > goal+20 {
		t.Fatalf("servo at %d 1.5 s after an indirect goal of %d (from %d)", p, goal, start)
	}

	// A reboot restores the RAM defaults.
	r.exchange(dynamixel.AppendInstruction(nil, 1, dynamixel.InstReboot, nil), status(1, 0))
	if got := binary.LittleEndian.Uint16(r.read(1, 170, 2)); got != 225 {
		t.Fatalf("Indirect Address 2 is %d after a reboot, want 225", got)
	}
}

// TestIndirectReads gathers Present Position (132) and Present Velocity
// (128) of each servo into Indirect Data 29–36 and reads them back with a
// read, a sync read and a Fast Sync Read: the bytes are the direct items'.
func TestIndirectReads(t *testing.T) {
	r := newRig(t, newSim(t, 2, -1, ""), Config{})
	setPositions(r, 1000, 3000)
	for _, id := range []byte{1, 2} {
		for k := range 4 {
			r.indirectAddress(id, 29+k, 132+uint16(k))
			r.indirectAddress(id, 33+k, 128+uint16(k))
		}
	}
	want := map[byte][]byte{}
	for _, id := range []byte{1, 2} {
		want[id] = append(append([]byte(nil), r.read(id, 132, 4)...), r.read(id, 128, 4)...)
		if got := r.read(id, 634, 8); !bytes.Equal(got, want[id]) {
			t.Fatalf("id %d: Indirect Data 29–36 % X, Present Position and Velocity % X", id, got, want[id])
		}
	}
	if p := int32(binary.LittleEndian.Uint32(want[2])); p != 3000 {
		t.Fatalf("id 2 present position %d, want 3000", p)
	}
	r.exchange(dynamixel.AppendSyncRead(nil, 634, 8, []byte{1, 2}), append(status(1, 0, want[1]...), status(2, 0, want[2]...)...))
	r.exchange(dynamixel.AppendFastSyncRead(nil, 634, 8, []byte{2, 1}), fastStatus([]byte{2, 1}, [][]byte{want[2], want[1]}))
	// Indirect Data 40 at its power-on address names itself: one level
	// only, it reads 0.
	if got := r.read(1, 645, 1)[0]; got != 0 {
		t.Fatalf("Indirect Data 40 naming itself reads %d", got)
	}
}

// TestIndirectWritesInheritTheTarget: Indirect Data takes the target item's
// access, size and range, as the e-Manual says — a read-only target is an
// Access Error, part of a multi-byte item a Data Length Error, a value
// beyond the item's limit a Data Limit Error — and a refused write changes
// nothing.
func TestIndirectWritesInheritTheTarget(t *testing.T) {
	r := newRig(t, newSim(t, 1, -1, ""), Config{})
	// Read-only Present Position through Indirect Data 1.
	r.indirectAddress(1, 1, 132)
	r.write(1, 224, []byte{7}, dynamixel.AccessError)
	// Half of Goal Position through Indirect Data 2–3.
	r.indirectAddress(1, 2, 116)
	r.indirectAddress(1, 3, 117)
	goal0 := r.read(1, 116, 4)
	r.write(1, 225, []byte{0, 1}, dynamixel.DataLengthError)
	// The whole of it through 2–5, beyond Max Position Limit (4095).
	r.indirectAddress(1, 4, 118)
	r.indirectAddress(1, 5, 119)
	r.write(1, 225, u32(5000), dynamixel.DataLimitError)
	if got := r.read(1, 116, 4); !bytes.Equal(got, goal0) {
		t.Fatalf("refused indirect writes changed Goal Position % X → % X", goal0, got)
	}
	// A target that is itself Indirect Data is refused.
	r.indirectAddress(1, 6, 224)
	r.write(1, 229, []byte{1}, dynamixel.AccessError)
	// Torque Enable through Indirect Data 7.
	r.indirectAddress(1, 7, 64)
	r.write(1, 230, []byte{1}, 0)
	if on := r.read(1, 64, 1)[0]; on != 1 {
		t.Fatalf("Torque Enable %d after Indirect Data 7 = 1", on)
	}
	if !r.drive(0).Enabled {
		t.Fatal("torque enabled through Indirect Data, drive not enabled")
	}
}
