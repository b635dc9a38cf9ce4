package dxlsim

import (
	"math"
	"slices"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// write validates data for addr..addr+len(data) of sv and, if commit and
// valid, stores it and updates the drive. It returns the status error
// number (0 on success). Validation is complete before anything is stored,
// so a refused write changes nothing — the e-Manual's servo answers an
// error and ignores the instruction. Items are checked in address order
// against the table as the earlier items of the same write leave it, so one
// write may raise a limit and a goal together.
//
// The checks, per item (e-Manual, Protocol 2.0, "Status Packet" error
// numbers; X-series "Control Table"):
//   - a byte outside every item, or of a read-only item: Access Error (7);
//   - an item only partly covered: Data Length Error (5);
//   - an EEPROM item (address < 64) while Torque Enable is 1: Access Error;
//   - a value outside the item's range or set: Data Range Error (4);
//   - a goal beyond its configured limit (PWM, Current, Velocity Limit;
//     Min/Max Position Limit in Position mode): Data Limit Error (6);
//   - Torque Enable 1 while a hardware error is latched: Result Fail (1),
//     since the servo stays shut down until rebooted;
//   - while the Bus Watchdog (98) is tripped (reads 0xFF): a goal item
//     (Goal PWM, Current, Velocity, Position) or a value other than 0 at
//     98: Data Range Error (see watchdog.go).
func (s *Server) write(sv *servo, addr uint16, data []byte, commit bool) dynamixel.StatusCode {
	end := int(addr) + len(data)
	if end > tableSize {
		return dynamixel.AccessError
	}
	s.scratch = sv.mem
	s.redir = s.redir[:0]
	torqueOn := sv.mem[addrTorqueEnable] != 0
	for a := int(addr); a < end; {
		it, ok := sv.lay.find(uint16(a))
		if !ok || !it.rw {
			return dynamixel.AccessError
		}
		if int(it.addr) != a || a+int(it.size) > end {
			return dynamixel.DataLengthError
		}
		if slot, ok := indirectSlot(it.addr); ok {
			// Indirect Data: the byte goes to the address its Indirect
			// Address names — the one this very write may just have set,
			// as the servo takes a packet's bytes in address order.
			s.redir = append(s.redir, redirect{target: uint16(s.scratch.u16(slot)), b: data[a-int(addr)]})
			a++
			continue
		}
		copy(s.scratch[a:a+int(it.size)], data[a-int(addr):])
		if code := s.admit(sv, it, torqueOn); code != 0 {
			return code
		}
		a += int(it.size)
	}
	if len(s.redir) > 0 {
		if code := s.writeIndirect(sv, torqueOn); code != 0 {
			return code
		}
	}
	if commit {
		sv.mem = s.scratch
		s.apply(sv)
	}
	return 0
}

// admit checks item it as written into s.scratch: the EEPROM lock while
// torque is on, its range and limits, torque on over a hardware error, the
// Bus Watchdog's rules.
func (s *Server) admit(sv *servo, it *item, torqueOn bool) dynamixel.StatusCode {
	if it.addr < eepromEnd && torqueOn {
		return dynamixel.AccessError
	}
	if code := check(it, s.scratch.value(it), &s.scratch); code != 0 {
		return code
	}
	if it.addr == addrTorqueEnable && s.scratch[it.addr] != 0 && sv.mem[addrHardwareError] != 0 {
		return dynamixel.ResultFail
	}
	return watchdogRefuses(it.addr, sv.mem[addrBusWatchdog], s.scratch[addrBusWatchdog])
}

// redirect is one Indirect Data byte of a write and the address it lands on.
type redirect struct {
	target uint16
	b      byte
}

// writeIndirect lands a write's Indirect Data bytes (s.redir) on their
// targets in s.scratch and checks each target item as a direct write of it
// would be checked: it must be writable (Access Error otherwise, as for a
// read-only or reserved address, or a target that is itself Indirect
// Data), every one of its bytes must be in the write (Data Length Error —
// the e-Manual: an item longer than a byte must have all its addresses
// allocated), and its value must pass its range and limits.
func (s *Server) writeIndirect(sv *servo, torqueOn bool) dynamixel.StatusCode {
	var landed [(tableSize + 63) / 64]uint64
	for _, r := range s.redir {
		it, ok := sv.lay.find(r.target)
		if _, isData := indirectSlot(r.target); !ok || !it.rw || isData {
			return dynamixel.AccessError
		}
		s.scratch[r.target] = r.b
		landed[r.target/64] |= 1 << (r.target % 64)
	}
	for k, r := range s.redir {
		it, _ := sv.lay.find(r.target)
		if s.redirectedBefore(k, it) {
			continue // the item was checked with an earlier byte of it
		}
		for a := it.addr; a < it.addr+it.size; a++ {
			if landed[a/64]&(1<<(a%64)) == 0 {
				return dynamixel.DataLengthError
			}
		}
		if code := s.admit(sv, it, torqueOn); code != 0 {
			return code
		}
	}
	return 0
}

// redirectedBefore reports whether one of the first k redirected bytes
// landed in item it.
func (s *Server) redirectedBefore(k int, it *item) bool {
	for _, q := range s.redir[:k] {
		if q.target >= it.addr && q.target < it.addr+it.size {
			return true
		}
	}
	return false
}

// check validates value v of item it against its range and the limits in t.
func check(it *item, v int64, t *table) dynamixel.StatusCode {
	if v < it.min || v > it.max || (it.set != nil && !slices.Contains(it.set, v)) {
		return dynamixel.DataRangeError
	}
	abs := max(v, -v)
	switch it.limit {
	case limPWM:
		if abs > t.u16(addrPWMLimit) {
			return dynamixel.DataLimitError
		}
	case limCurrent:
		if abs > t.u16(addrCurrentLimit) {
			return dynamixel.DataLimitError
		}
	case limVelocity:
		if abs > t.get(addrVelocityLimit, 4, false) {
			return dynamixel.DataLimitError
		}
	case limPosition:
		if dynamixel.OperatingMode(t[addrOperatingMode]) == dynamixel.OpPosition &&
			(v < t.i32(addrMinPositionLimit) || v > t.i32(addrMaxPositionLimit)) {
			return dynamixel.DataLimitError
		}
	}
	return 0
}

// sign is −1 in reverse mode (Drive Mode (10) bit 0), when the servo's
// positive direction is the joint's negative one.
func (sv *servo) sign() float64 {
	if sv.mem[addrDriveMode]&1 != 0 {
		return -1
	}
	return 1
}

// jointPosition returns the joint position (rad or m) of position count c.
// Counts are centred at the model's centre count (2048) for q = 0 and
// shifted by Homing Offset (20), as Present Position is; in Extended
// Position and Current-based Position modes they run over ±256 turns.
func (sv *servo) jointPosition(c int64) float64 {
	return sv.sign() * sv.lead * sv.model.Position(int32(c-sv.mem.i32(addrHomingOffset)+sv.turns))
}

// apply makes the drive execute what sv's control table says: Torque
// Enable (64) is Drive.Enabled, and the Operating Mode (11) with its goal
// item becomes the drive command:
//
//	0 current           → ModeEffort, Goal Current × current unit × torque constant
//	1 velocity          → ModeVelocity, Goal Velocity × 0.229 rev/min
//	3, 4 position       → ModePosition, Goal Position (single or multi-turn)
//	5 current-based pos → ModePosition, its torque limited to |Goal Current|'s
//	16 PWM              → ModeEffort, Goal PWM / 885 of the stall torque
//
// The servo's loops run the gains of its control table (see tableGains):
// position PID (80–84) and velocity PI (76, 78), limited to PWM Limit and
// damped by the motor's back-EMF; current-based position limits the
// current to Goal Current (102) instead (no torque at all for 0). In PWM
// mode the voltage is taken as the stall current it would drive
// (MaxCurrent is the stall current's count), less the back-EMF's damping
// at speed.
// Profile Velocity/Acceleration (112/108) are stored but not executed: a
// position goal is a step for the drive's loop.
func (s *Server) apply(sv *servo) {
	d := &s.sim.Drives[sv.joint]
	d.Enabled = sv.mem[addrTorqueEnable] != 0
	d.MasterLost = sv.mem[addrBusWatchdog] == watchdogTripped
	if d.MasterLost {
		// A tripped Bus Watchdog stops the servo: no torque, whatever the
		// mode, until 0 is written to 98 (see watchdog.go).
		d.Gains = sv.gains
		d.Command = drivers.JointCommand{Mode: drivers.ModeEffort}
		return
	}
	m, sign, lead := sv.model, sv.sign(), sv.lead
	d.Gains = sv.gains
	switch op := dynamixel.OperatingMode(sv.mem[addrOperatingMode]); op {
	case dynamixel.OpCurrent:
		d.Command = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: sign * m.Effort(int16(sv.mem.i16(addrGoalCurrent))) / lead}
	case dynamixel.OpVelocity:
		d.Command = drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: sign * lead * m.Velocity(int32(sv.mem.i32(addrGoalVelocity)))}
		d.Gains = sv.tableGains(op)
	case dynamixel.OpPWM:
		stall := float64(m.MaxCurrent) * m.CurrentUnit * m.TorqueConstant
		d.Command = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: sign * stall * float64(sv.mem.i16(addrGoalPWM)) / pwmMax / lead}
		d.Gains = plant.DriveGains{BackEMF: sv.tableGains(op).BackEMF}
	default: // 3, 4, 5
		d.Command = drivers.JointCommand{Mode: drivers.ModePosition, Position: sv.jointPosition(sv.mem.i32(addrGoalPosition))}
		d.Gains = sv.tableGains(op)
		if op == dynamixel.OpCurrentBasedPosition && d.Gains.TorqueLimit == 0 {
			d.Gains = plant.DriveGains{PID: true} // Goal Current 0: no torque at all
		}
	}
}

// faults latches the drive's fault bits into Hardware Error Status (70)
// (e-Manual, X-series, "Hardware Error Status(70)": bit 0 input voltage,
// 2 overheating, 3 motor encoder, 4 electrical shock, 5 overload) and, when
// one of them is selected in Shutdown (63), turns torque off as the servo
// does. A generic drive fault with no more specific cause is reported as
// electrical shock (a power-stage fault). The bits stay set until a reboot,
// even if the simulator's fault window closes.
func (s *Server) faults(sv *servo) {
	f := s.sim.Drives[sv.joint].Fault
	var hw byte
	if f&drivers.StatusVoltage != 0 {
		hw |= dynamixel.HWInputVoltage
	}
	if f&drivers.StatusOverTemperature != 0 {
		hw |= dynamixel.HWOverheating
	}
	if f&drivers.StatusEncoder != 0 {
		hw |= dynamixel.HWMotorEncoder
	}
	if f&drivers.StatusOverCurrent != 0 {
		hw |= dynamixel.HWOverload
	}
	if f&drivers.StatusFault != 0 && hw == 0 {
		hw |= dynamixel.HWElectricalShock
	}
	sv.mem[addrHardwareError] |= hw
	if sv.mem[addrHardwareError]&sv.mem[addrShutdown] != 0 && sv.mem[addrTorqueEnable] != 0 {
		sv.mem[addrTorqueEnable] = 0
		s.sim.Drives[sv.joint].Enabled = false
	}
}

// present fills sv's measured RAM items from the simulator (e-Manual,
// X-series units: position 1 count = 360°/4096, velocity 0.229 rev/min,
// current 2.69 mA, voltage 0.1 V, temperature 1 °C).
func (s *Server) present(sv *servo) {
	meas := s.sim.Measure(sv.joint)
	m, sign, lead := sv.model, sv.sign(), sv.lead
	pos := clampRound(m.PositionCounts(sign*meas.Position/lead)+float64(sv.mem.i32(addrHomingOffset)-sv.turns), math.MinInt32, math.MaxInt32)
	vel := clampRound(m.VelocityUnits(sign*meas.Velocity/lead), math.MinInt32, math.MaxInt32)
	cur := clampRound(m.CurrentUnits(sign*meas.Effort*lead), math.MinInt16, math.MaxInt16)
	// PWM taken as proportional to current (the stall-current model of PWM
	// mode, inverted): a readable figure, not a motor model.
	pwm := clampRound(float64(cur)*pwmMax/float64(m.MaxCurrent), -pwmMax, pwmMax)
	t := &sv.mem
	t.put(addrPresentPosition, 4, pos)
	t.put(addrPresentVelocity, 4, vel)
	t.put(addrPresentCurrent, 2, cur)
	t.put(addrPresentPWM, 2, pwm)
	t.put(addrPresentVoltage, 2, clampRound(s.cfg.SupplyVoltage*10, 0, math.MaxUint16)) // 0.1 V units
	t.put(addrPresentTemp, 1, clampRound(meas.Temperature, 0, 255))
	t.put(addrRealtimeTick, 2, int64(s.sim.Plant().Time().Milliseconds()%32768))
	thr := t.i32(addrMovingThreshold)
	moving := max(vel, -vel) > thr
	t.set8(addrMoving, b2i(moving))
	op := dynamixel.OperatingMode(t[addrOperatingMode])
	posMode := op == dynamixel.OpPosition || op == dynamixel.OpExtendedPosition || op == dynamixel.OpCurrentBasedPosition
	// Moving Status (123): bit 0 in position (within Moving Threshold of
	// the goal), bit 1 profile ongoing (here: moving).
	goal := t.i32(addrGoalPosition)
	inPos := posMode && max(goal-pos, pos-goal) <= thr
	t.set8(addrMovingStatus, b2i(inPos)|b2i(moving)<<1)
	var vTraj, pTraj int64 // without profiles the trajectory is the goal
	switch {
	case posMode:
		pTraj = goal
	case op == dynamixel.OpVelocity:
		vTraj = t.i32(addrGoalVelocity)
	}
	t.put(addrVelocityTraj, 4, vTraj)
	t.put(addrPositionTraj, 4, pTraj)
}

func clampRound(x, lo, hi float64) int64 {
	if math.IsNaN(x) {
		return 0
	}
	return int64(math.Max(lo, math.Min(hi, math.Round(x))))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
