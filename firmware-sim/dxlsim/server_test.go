package dxlsim

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// xm430w210 carries the model number of the e-Manual's ping example
// (XM430-W210, 1030) so that its published bytes can be checked.
var xm430w210 = dynamixel.Model{Name: "XM430-W210", Number: 1030, CountsPerRev: 4096, CenterCount: 2048,
	VelocityUnit: 0.229, CurrentUnit: 2.69e-3, TorqueConstant: 3.0 / 2.3, MaxCurrent: 1193}

// TestManualExamples replays the e-Manual's Protocol 2.0 examples against
// the simulated servos and expects the published status bytes.
func TestManualExamples(t *testing.T) {
	sim := newSim(t, 2, -1, "")
	r := newRig(t, sim, Config{Models: []*dynamixel.Model{&xm430w210, &xm430w210}, FirmwareVersion: 38, SupplyVoltage: 11.9})
	// Ping ID 1 → model 1030, firmware 38.
	r.exchange(dynamixel.AppendPing(nil, 1), unhex(t, "FF FF FD 00 01 07 00 55 00 06 04 26 65 5D"))
	// Broadcast ping: both answer, in ID order.
	r.exchange(unhex(t, "FF FF FD 00 FE 03 00 01 31 42"), unhex(t, "FF FF FD 00 01 07 00 55 00 06 04 26 65 5D FF FF FD 00 02 07 00 55 00 06 04 26 6F 6D"))
	// Present positions 166 and 2079 (counts; 2048 is q = 0).
	setPositions(r, 166, 2079)
	r.exchange(unhex(t, "FF FF FD 00 01 07 00 02 84 00 04 00 1D 15"), unhex(t, "FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0"))
	r.exchange(unhex(t, "FF FF FD 00 FE 09 00 82 84 00 04 00 01 02 CE FA"),
		append(status(1, 0, 0xA6, 0, 0, 0), unhex(t, "FF FF FD 00 02 08 00 55 00 1F 08 00 00 BA BE")...))
	// Write 512 to Goal Position: the empty status.
	r.exchange(unhex(t, "FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89"), unhex(t, "FF FF FD 00 01 04 00 55 00 A1 0C"))
	if got := r.read(1, 116, 4); binary.LittleEndian.Uint32(got) != 512 {
		t.Fatalf("goal position reads % X after writing 512", got)
	}
	// Bulk read: Present Input Voltage of 1 (11.9 V) and Present Temperature of 2 (36 °C).
	r.sim.Lock()
	r.sim.Drives[1].Temperature = 36
	r.sim.Unlock()
	r.exchange(unhex(t, "FF FF FD 00 FE 0D 00 92 01 90 00 02 00 02 92 00 01 00 1A 05"),
		unhex(t, "FF FF FD 00 01 06 00 55 00 77 00 C3 69 FF FF FD 00 02 05 00 55 00 24 8B A9"))
	// Sync write goal positions 150 and 170: no reply, goals stored.
	r.exchange(unhex(t, "FF FF FD 00 FE 11 00 83 74 00 04 00 01 96 00 00 00 02 AA 00 00 00 82 87"), nil)
	if a, b := r.read(1, 116, 4), r.read(2, 116, 4); a[0] != 150 || b[0] != 170 {
		t.Fatalf("goals after sync write: % X, % X", a, b)
	}
	// Bulk write (the e-Manual's, to 32 and 31 — Max Voltage Limit 160 and
	// Temperature Limit 80): no reply, values stored.
	r.exchange(unhex(t, "FF FF FD 00 FE 10 00 93 01 20 00 02 00 A0 00 02 1F 00 01 00 50 B7 68"), nil)
	if a, b := r.read(1, 32, 2), r.read(2, 31, 1); a[0] != 0xA0 || b[0] != 0x50 {
		t.Fatalf("after bulk write: % X, % X", a, b)
	}
	// Reg write 200 to Goal Velocity, then Action.
	r.exchange(unhex(t, "FF FF FD 00 01 09 00 04 68 00 C8 00 00 00 AE 8E"), status(1, 0))
	if got := r.read(1, 69, 1); got[0] != 1 {
		t.Fatalf("Registered Instruction = %d after reg write", got[0])
	}
	if got := r.read(1, 104, 4); got[0] != 0 {
		t.Fatalf("goal velocity changed before Action: % X", got)
	}
	r.exchange(unhex(t, "FF FF FD 00 01 03 00 05 02 CE"), status(1, 0))
	if got := r.read(1, 104, 4); got[0] != 200 {
		t.Fatalf("goal velocity after Action: % X", got)
	}
	// A second Action has nothing registered: Instruction Error.
	r.exchange(dynamixel.AppendAction(nil, 1), status(1, byte(dynamixel.InstructionError)))
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	var b []byte
	for _, f := range bytes.Fields([]byte(s)) {
		var v byte
		for _, c := range f {
			v <<= 4
			switch {
			case c >= '0' && c <= '9':
				v |= c - '0'
			case c >= 'A' && c <= 'F':
				v |= c - 'A' + 10
			default:
				t.Fatalf("bad hex %q", f)
			}
		}
		b = append(b, v)
	}
	return b
}

// setPositions puts the plant's joints where the servos read counts.
func setPositions(r *rig, counts ...int32) {
	r.sim.Lock()
	defer r.sim.Unlock()
	p := r.sim.Plant()
	q := make([]float64, p.DoF())
	for i, c := range counts {
		q[i] = dynamixel.XM430W350.Position(c)
	}
	p.SetState(q, make([]float64, len(q)))
}

func TestControlTableDefaults(t *testing.T) {
	r := newRig(t, newSim(t, 3, -1, ""), Config{})
	for _, c := range []struct {
		addr, n uint16
		want    uint32
	}{
		{0, 2, 1020}, {6, 1, DefaultFirmwareVersion}, {7, 1, 2}, {8, 1, 1}, {9, 1, 250}, {10, 1, 0}, {11, 1, 3},
		{38, 2, 1193}, {44, 4, 200}, {48, 4, 4095}, {52, 4, 0}, {63, 1, 0x34},
		{64, 1, 0}, {65, 1, 0}, {68, 1, 2}, {69, 1, 0}, {70, 1, 0}, {84, 2, 800},
		{116, 4, 2048}, {132, 4, 2048}, {144, 2, 120}, {146, 1, 25},
	} {
		b := r.read(2, c.addr, c.n)
		var got uint32
		for k := len(b) - 1; k >= 0; k-- {
			got = got<<8 | uint32(b[k])
		}
		if got != c.want {
			t.Errorf("address %d (%d bytes) = %d, want %d", c.addr, c.n, got, c.want)
		}
	}
	// A read across reserved addresses (Operating Mode … Torque Enable, as
	// dynamixel.Bus does) succeeds; reserved bytes read 0.
	blk := r.read(1, 11, 54)
	if blk[0] != 3 || blk[14-11] != 0 || blk[64-11] != 0 || binary.LittleEndian.Uint16(blk[38-11:]) != 1193 {
		t.Fatalf("setup block % X", blk)
	}
}

// TestErrorAnswers checks each refusal and its error number.
func TestErrorAnswers(t *testing.T) {
	r := newRig(t, newSim(t, 2, -1, ""), Config{})
	ins := func(id, inst byte, params ...byte) []byte { return dynamixel.AppendInstruction(nil, id, inst, params) }
	cases := []struct {
		name string
		req  []byte
		code dynamixel.StatusCode
	}{
		{"write read-only model number", dynamixel.AppendWrite(nil, 1, 0, []byte{1, 2}), dynamixel.AccessError},
		{"write present position", dynamixel.AppendWrite(nil, 1, 132, u32(0)), dynamixel.AccessError},
		{"write hardware error status", dynamixel.AppendWrite(nil, 1, 70, []byte{0}), dynamixel.AccessError},
		{"write reserved address 14", dynamixel.AppendWrite(nil, 1, 14, []byte{0}), dynamixel.AccessError},
		{"write past the table", dynamixel.AppendWrite(nil, 1, 147, []byte{0, 0}), dynamixel.AccessError},
		{"read past the table", dynamixel.AppendRead(nil, 1, 655, 10), dynamixel.AccessError},
		{"write past the table's end", dynamixel.AppendWrite(nil, 1, 660, []byte{0, 0, 0}), dynamixel.AccessError},
		{"write reserved address 150", dynamixel.AppendWrite(nil, 1, 150, []byte{0}), dynamixel.AccessError},
		{"indirect address 63 (EEPROM)", dynamixel.AppendWrite(nil, 1, 168, u16b(63)), dynamixel.DataRangeError},
		{"indirect address 662", dynamixel.AppendWrite(nil, 1, 168, u16b(662)), dynamixel.DataRangeError},
		{"operating mode 2", dynamixel.AppendWrite(nil, 1, 11, []byte{2}), dynamixel.DataRangeError},
		{"torque enable 2", dynamixel.AppendWrite(nil, 1, 64, []byte{2}), dynamixel.DataRangeError},
		{"status return level 3", dynamixel.AppendWrite(nil, 1, 68, []byte{3}), dynamixel.DataRangeError},
		{"current limit above model maximum", dynamixel.AppendWrite(nil, 1, 38, u16b(1194)), dynamixel.DataRangeError},
		{"ID 253", dynamixel.AppendWrite(nil, 1, 7, []byte{253}), dynamixel.DataRangeError},
		{"drive mode reserved bit", dynamixel.AppendWrite(nil, 1, 10, []byte{2}), dynamixel.DataRangeError},
		{"goal position beyond max limit", dynamixel.AppendWrite(nil, 1, 116, u32(4096)), dynamixel.DataLimitError},
		{"goal position below min limit", dynamixel.AppendWrite(nil, 1, 116, u32(-1)), dynamixel.DataLimitError},
		{"goal velocity beyond velocity limit", dynamixel.AppendWrite(nil, 1, 104, u32(201)), dynamixel.DataLimitError},
		{"goal current beyond current limit", dynamixel.AppendWrite(nil, 1, 102, u16b(-1194)), dynamixel.DataRangeError},
		{"2 of goal position's 4 bytes", dynamixel.AppendWrite(nil, 1, 116, []byte{0, 8}), dynamixel.DataLengthError},
		{"write starting inside goal position", dynamixel.AppendWrite(nil, 1, 118, []byte{0, 0}), dynamixel.DataLengthError},
		{"read of zero bytes", ins(1, dynamixel.InstRead, 132, 0, 0, 0), dynamixel.DataLengthError},
		{"read with 3 parameter bytes", ins(1, dynamixel.InstRead, 132, 0, 4), dynamixel.DataLengthError},
		{"write without data", ins(1, dynamixel.InstWrite, 64, 0), dynamixel.DataLengthError},
		{"factory reset bad option", ins(1, dynamixel.InstFactoryReset, 0x03), dynamixel.DataRangeError},
		{"unknown instruction 0x07", ins(1, 0x07), dynamixel.InstructionError},
		{"clear with other parameters", ins(1, 0x10, 1, 2, 3), dynamixel.DataRangeError},
		{"unknown instruction 0x11", ins(1, 0x11), dynamixel.InstructionError},
		{"sync read to a single ID", ins(1, dynamixel.InstSyncRead, 132, 0, 4, 0, 1), dynamixel.InstructionError},
		{"action with nothing registered", dynamixel.AppendAction(nil, 1), dynamixel.InstructionError},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r.t = t
			r.exchange(c.req, status(1, byte(c.code)))
		})
	}
	r.t = t
	// None of the refusals changed anything.
	if got := r.read(1, 0, 12); hexs(got) != hexs([]byte{0xFC, 0x03, 0, 0, 0, 0, DefaultFirmwareVersion, 1, 1, 250, 0, 3}) {
		t.Fatalf("EEPROM after refusals: % X", got)
	}

	// EEPROM is locked while torque is on; RAM stays writable.
	r.write(1, 64, []byte{1}, 0)
	r.write(1, 11, []byte{1}, dynamixel.AccessError)
	r.write(1, 38, u16b(500), dynamixel.AccessError)
	r.write(1, 65, []byte{1}, 0)
	// A write spanning Torque Enable and LED is fine; one reaching back
	// into EEPROM (Shutdown, 63) is refused as a whole.
	r.write(1, 64, []byte{0, 0}, 0)
	r.write(1, 11, []byte{1}, 0)
	r.write(1, 63, []byte{0x34, 1}, 0)
	r.write(1, 63, []byte{0x34, 0}, dynamixel.AccessError)
	if got := r.read(1, 64, 2); got[0] != 1 || got[1] != 0 {
		t.Fatalf("torque/LED after a refused write: % X", got)
	}

	// CRC error: a damaged packet addressed to ID 2 gets error 3 from ID 2.
	bad := dynamixel.AppendRead(nil, 2, 132, 4)
	bad[len(bad)-1] ^= 0x40
	r.exchange(bad, status(2, byte(dynamixel.CRCError)))
	// … but a damaged broadcast gets no answer, nor does one for an absent ID.
	bad = dynamixel.AppendPing(nil, dynamixel.BroadcastID)
	bad[len(bad)-2] ^= 1
	r.exchange(bad, nil)
	bad = dynamixel.AppendPing(nil, 9)
	bad[len(bad)-2] ^= 1
	r.exchange(bad, nil)
}

// TestLimitsFollowConfiguration: a goal limit is checked against the limit
// written earlier in the same packet, and position limits bind only in
// Position mode (3).
func TestLimitsFollowConfiguration(t *testing.T) {
	r := newRig(t, newSim(t, 1, -1, ""), Config{})
	r.write(1, 48, append(u32(3000), u32(1000)...), 0) // max 3000, min 1000
	r.write(1, 116, u32(3001), dynamixel.DataLimitError)
	r.write(1, 116, u32(999), dynamixel.DataLimitError)
	r.write(1, 116, u32(3000), 0)
	r.write(1, 11, []byte{4}, 0) // extended position: ±256 turns
	r.write(1, 116, u32(-1_048_575), 0)
	r.write(1, 116, u32(1_048_576), dynamixel.DataRangeError)
	// Velocity Limit and Goal Velocity are not adjacent; Goal PWM …
	// Goal Velocity is one write (100..107) checked against PWM and
	// Current Limits.
	r.write(1, 36, u16b(100), 0)
	r.write(1, 100, append(append(u16b(101), u16b(0)...), u32(0)...), dynamixel.DataLimitError)
	r.write(1, 100, append(append(u16b(-100), u16b(-1193)...), u32(-200)...), 0)
}

func TestStatusReturnLevelAndBroadcast(t *testing.T) {
	r := newRig(t, newSim(t, 3, -1, ""), Config{})
	// Broadcast write: executed by all, answered by none.
	r.exchange(dynamixel.AppendWrite(nil, dynamixel.BroadcastID, 65, []byte{1}), nil)
	for id := byte(1); id <= 3; id++ {
		if got := r.read(id, 65, 1); got[0] != 1 {
			t.Fatalf("LED of %d after broadcast write: %d", id, got[0])
		}
	}
	// Level 1: reads answered, writes not.
	r.write(2, 68, []byte{1}, 0)
	r.exchange(dynamixel.AppendWrite(nil, 2, 65, []byte{0}), nil)
	if got := r.read(2, 65, 1); got[0] != 0 {
		t.Fatalf("unacknowledged write not executed: LED %d", got[0])
	}
	// Level 0: only ping.
	r.exchange(dynamixel.AppendWrite(nil, dynamixel.BroadcastID, 68, []byte{0}), nil)
	r.exchange(dynamixel.AppendRead(nil, 3, 132, 4), nil)
	r.exchange(dynamixel.AppendPing(nil, 3), dynamixel.AppendPingStatus(nil, 3, 0, 1020, DefaultFirmwareVersion))
	r.exchange(dynamixel.AppendSyncRead(nil, 132, 4, []byte{1, 2, 3}), nil)
	// Absent IDs are silent.
	r.exchange(dynamixel.AppendPing(nil, 4), nil)
}

// TestGarbageResync: bytes that are not packets, a truncated header and a
// packet with an impossible length are skipped and the next packet is
// answered.
func TestGarbageResync(t *testing.T) {
	r := newRig(t, newSim(t, 2, -1, ""), Config{})
	junk := []byte{0x00, 0xFF, 0xFF, 0xFD, 0x00, 0xFF, 0x55, 0xFF, 0xFF, 0xFD} // header with ID 0xFF
	junk = append(junk, 0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x01, 0x00)              // length 1 < 3
	junk = append(junk, 0x12, 0x34)
	r.exchange(append(junk, dynamixel.AppendPing(nil, 2)...), dynamixel.AppendPingStatus(nil, 2, 0, 1020, DefaultFirmwareVersion))
	// A status packet (another device's reply on the bus) is ignored.
	r.exchange(status(1, 0, 1, 2, 3), nil)
}

// TestByteStuffing writes a value whose bytes form FF FF FD and reads it
// back: both directions are stuffed and destuffed.
func TestByteStuffing(t *testing.T) {
	r := newRig(t, newSim(t, 1, -1, ""), Config{})
	v := u32(-131073) // FF FF FD FF: Homing Offset's range allows it
	r.write(1, 20, v, 0)
	want := status(1, 0, v...)
	if !bytes.Contains(want, []byte{0xFF, 0xFF, 0xFD, 0xFD}) {
		t.Fatalf("test value not stuffed: % X", want)
	}
	r.exchange(dynamixel.AppendRead(nil, 1, 20, 4), want)
}

func TestRebootAndFactoryReset(t *testing.T) {
	r := newRig(t, newSim(t, 2, -1, ""), Config{})
	r.write(2, 9, []byte{0}, 0)  // EEPROM: return delay 0
	r.write(2, 64, []byte{1}, 0) // torque on
	r.write(2, 104, u32(50), 0)  // RAM goal
	r.write(2, 65, []byte{1}, 0) // LED
	r.write(2, 7, []byte{5}, dynamixel.AccessError)
	r.exchange(dynamixel.AppendFactoryReset(nil, 2, dynamixel.ResetAllButID), status(2, byte(dynamixel.AccessError)))
	r.exchange(dynamixel.AppendReboot(nil, 2), status(2, 0))
	if d := r.drive(1); d.Enabled {
		t.Fatal("drive enabled after reboot")
	}
	if got := r.read(2, 9, 1); got[0] != 0 {
		t.Fatalf("reboot lost EEPROM: return delay %d", got[0])
	}
	if got := r.read(2, 64, 2); got[0] != 0 || got[1] != 0 {
		t.Fatalf("RAM after reboot: % X", got)
	}
	// Change the ID, then factory reset keeping it.
	r.write(2, 7, []byte{5}, 0) // acknowledged by the old ID (see handle)
	r.exchange(dynamixel.AppendPing(nil, 2), nil)
	r.exchange(dynamixel.AppendPing(nil, 5), dynamixel.AppendPingStatus(nil, 5, 0, 1020, DefaultFirmwareVersion))
	r.exchange(dynamixel.AppendFactoryReset(nil, 5, dynamixel.ResetAllButID), status(5, 0))
	if got := r.read(5, 9, 1); got[0] != 250 {
		t.Fatalf("return delay after factory reset: %d", got[0])
	}
	// A broadcast Reset All is ignored (e-Manual); a unicast one restores ID 1.
	r.exchange(dynamixel.AppendFactoryReset(nil, dynamixel.BroadcastID, dynamixel.ResetAll), nil)
	r.exchange(dynamixel.AppendPing(nil, 5), dynamixel.AppendPingStatus(nil, 5, 0, 1020, DefaultFirmwareVersion))
	r.host.Write(dynamixel.AppendFactoryReset(nil, 5, dynamixel.ResetAll))
	if got, want := r.readN(11), status(5, 0); !bytes.Equal(got, want) {
		t.Fatalf("reset all answered % X, want % X", got, want)
	}
	if ids := r.srv.IDs(); ids[0] != 1 || ids[1] != 1 {
		t.Fatalf("IDs after Reset All: %v", ids)
	}
	// Two servos with ID 1 both answer a ping to 1, as they would collide
	// on a real bus.
	r.host.Write(dynamixel.AppendPing(nil, 1))
	one := dynamixel.AppendPingStatus(nil, 1, 0, 1020, DefaultFirmwareVersion)
	if got := r.readN(2 * len(one)); !bytes.Equal(got, append(one, one...)) {
		t.Fatalf("ping to a doubled ID: % X", got)
	}
}

// TestOperatingModesDriveCommands checks how the control table becomes the
// drive's command in every operating mode.
func TestOperatingModesDriveCommands(t *testing.T) {
	m := &dynamixel.XM430W350
	cases := []struct {
		name  string
		mode  byte
		addr  uint16
		value []byte
		want  drivers.JointCommand
	}{
		{"current", 0, 102, u16b(-300), drivers.JointCommand{Mode: drivers.ModeEffort, Effort: -300 * 2.69e-3 * 4.1 / 2.3}},
		{"velocity", 1, 104, u32(100), drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: 100 * 0.229 * 2 * math.Pi / 60}},
		{"position", 3, 116, u32(3072), drivers.JointCommand{Mode: drivers.ModePosition, Position: math.Pi / 2}},
		{"extended position", 4, 116, u32(2048 - 3*4096), drivers.JointCommand{Mode: drivers.ModePosition, Position: -6 * math.Pi}},
		{"current-based position", 5, 116, u32(1024), drivers.JointCommand{Mode: drivers.ModePosition, Position: -math.Pi / 2}},
		{"PWM", 16, 100, u16b(885), drivers.JointCommand{Mode: drivers.ModeEffort, Effort: float64(m.MaxCurrent) * m.CurrentUnit * m.TorqueConstant}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRig(t, newSim(t, 1, -1, ""), Config{})
			r.write(1, 11, []byte{c.mode}, 0)
			r.write(1, c.addr, c.value, 0)
			r.write(1, 64, []byte{1}, 0)
			d := r.drive(0)
			if !d.Enabled {
				t.Fatal("torque enable did not enable the drive")
			}
			g := d.Command
			if g.Mode != c.want.Mode || math.Abs(g.Position-c.want.Position) > 1e-12 || math.Abs(g.Velocity-c.want.Velocity) > 1e-12 || math.Abs(g.Effort-c.want.Effort) > 1e-12 {
				t.Fatalf("command %+v, want %+v", g, c.want)
			}
			r.write(1, 64, []byte{0}, 0)
			if r.drive(0).Enabled {
				t.Fatal("torque disable left the drive enabled")
			}
		})
	}
	// Current-based position: the servo's own loops, their torque limited
	// to Goal Current's (at most the servo's own limit).
	r := newRig(t, newSim(t, 1, -1, ""), Config{})
	r.write(1, 11, []byte{5}, 0)
	r.write(1, 102, u16b(100), 0)
	soft := r.drive(0).Gains
	r.write(1, 102, u16b(1000), 0)
	stiff := r.drive(0).Gains
	if !(soft.Kp > 0 && soft.Kp == stiff.Kp && soft.TorqueLimit > 0 && stiff.TorqueLimit > 8*soft.TorqueLimit) {
		t.Fatalf("gains at 100 and 1000 current units: %+v, %+v", soft, stiff)
	}
	// Reverse mode and homing offset.
	r.write(1, 10, []byte{1}, 0)
	r.write(1, 20, u32(100), 0)
	r.write(1, 116, u32(2148+1024), 0)
	if q := r.drive(0).Command.Position; math.Abs(q+math.Pi/2) > 1e-12 {
		t.Fatalf("reverse mode, homing offset 100, goal 3172: q = %v, want −π/2", q)
	}
}

// TestPresentValuesFromPlant checks the unit conversions of the measured
// items, including a prismatic joint.
func TestPresentValuesFromPlant(t *testing.T) {
	sim := newSim(t, 2, 1, "")
	r := newRig(t, sim, Config{PrismaticLead: 0.005})
	sim.Lock()
	sim.Plant().SetState([]float64{0.75, 0.02}, []float64{-1.5, 0.01})
	sim.Unlock()
	pos := int32(binary.LittleEndian.Uint32(r.read(1, 132, 4)))
	vel := int32(binary.LittleEndian.Uint32(r.read(1, 128, 4)))
	if want := int32(math.Round(0.75*4096/(2*math.Pi))) + 2048; pos != want {
		t.Errorf("present position %d, want %d", pos, want)
	}
	if want := int32(math.Round(-1.5 / (0.229 * 2 * math.Pi / 60))); vel != want {
		t.Errorf("present velocity %d, want %d", vel, want)
	}
	// Prismatic: 0.02 m at 5 mm/rad is 4 rad of shaft (the plant's encoder
	// quantizes the metres first).
	sim.Lock()
	x := sim.Measure(1).Position
	sim.Unlock()
	if math.Abs(x-0.02) > 1e-5 {
		t.Fatalf("plant reports %v m", x)
	}
	pos = int32(binary.LittleEndian.Uint32(r.read(2, 132, 4)))
	vel = int32(binary.LittleEndian.Uint32(r.read(2, 128, 4)))
	if want := int32(math.Round(x/0.005*4096/(2*math.Pi))) + 2048; pos != want {
		t.Errorf("prismatic present position %d, want %d", pos, want)
	}
	if want := int32(math.Round(2 / (0.229 * 2 * math.Pi / 60))); vel != want {
		t.Errorf("prismatic present velocity %d, want %d", vel, want)
	}
	// Current: hold a 1 N force on the prismatic joint → 5 mN·m of shaft torque.
	r.write(2, 11, []byte{0}, 0)
	r.write(2, 102, u16b(int16(math.Round(1*0.005/(2.69e-3*4.1/2.3)))), 0)
	r.write(2, 64, []byte{1}, 0)
	if f := r.drive(1).Command.Effort; math.Abs(f-1) > 0.3 {
		t.Fatalf("goal current for 1 N gives %v N", f)
	}
	sim.Step(time.Millisecond)
	cur := int16(binary.LittleEndian.Uint16(r.read(2, 126, 2)))
	if cur != 1 {
		t.Errorf("present current %d, want 1 (1 N through 5 mm/rad)", cur)
	}
	if mv := r.read(1, 122, 2); mv[0] != 1 || mv[1]&2 == 0 {
		t.Errorf("moving, moving status of a moving joint: % X", mv)
	}
}
