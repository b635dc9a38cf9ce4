package dxlsim

import (
	"encoding/binary"
	"testing"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// TestClearMultiTurn: Clear (0x10) with the multi-turn parameters takes the
// whole turns off Present Position (and Goal Position with it) on a
// stopped servo — firmware 46 reports it, the e-Manual has it from v42 —
// answers Result Fail on a moving servo and Data Range Error for other
// parameters.
func TestClearMultiTurn(t *testing.T) {
	r := newRig(t, newSim(t, 2, -1, ""), Config{})
	setPositions(r, 3000, 3000)
	r.write(1, 20, u32(2*4096), 0) // Homing Offset: two turns
	present := func() int32 { return int32(binary.LittleEndian.Uint32(r.read(1, 132, 4))) }
	goal := func() int32 { return int32(binary.LittleEndian.Uint32(r.read(1, 116, 4))) }
	if p := present(); p != 3000+8192 {
		t.Fatalf("present position %d before Clear, want %d", p, 3000+8192)
	}
	g0 := goal()
	clearPkt := dynamixel.AppendInstruction(nil, 1, dynamixel.InstClear, dynamixel.ClearMultiTurn[:])
	r.exchange(clearPkt, status(1, 0))
	if p := present(); p != 3000 {
		t.Fatalf("present position %d after Clear, want 3000 (within one turn)", p)
	}
	if g := goal(); g != g0-8192 {
		t.Fatalf("goal position %d after Clear, want %d (shifted with the present one)", g, g0-8192)
	}
	r.exchange(dynamixel.AppendInstruction(nil, 1, dynamixel.InstClear, []byte{0x01, 0, 0, 0, 0}), status(1, byte(dynamixel.DataRangeError)))

	// Moving: Result Fail, nothing cleared.
	r.write(2, 20, u32(4096), 0)
	r.sim.Lock()
	p := r.sim.Plant()
	q := append([]float64(nil), p.Position()...)
	p.SetState(q, []float64{0, 1})
	r.sim.Unlock()
	r.exchange(dynamixel.AppendInstruction(nil, 2, dynamixel.InstClear, dynamixel.ClearMultiTurn[:]), status(2, byte(dynamixel.ResultFail)))
	if p := int32(binary.LittleEndian.Uint32(r.read(2, 132, 4))); p < 4096 {
		t.Fatalf("a moving servo's present position %d was cleared", p)
	}
}
