package dxlsim

import (
	"math"
	"slices"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// handle executes one instruction packet (under the simulator's lock) and
// appends the replies to s.tx / s.replies.
func (s *Server) handle(p *dynamixel.Packet) {
	if p.Instruction == dynamixel.InstStatus || s.sim.Silent(-1) {
		return // another device's reply, or the bus is down
	}
	id := p.ID
	bcast := id == dynamixel.BroadcastID
	s.heard(id)
	switch p.Instruction {
	case dynamixel.InstPing:
		s.ping(id)
	case dynamixel.InstRead:
		if bcast {
			return // no single servo could answer a broadcast read
		}
		for sv := range s.targets(id) {
			addr, n, err := dynamixel.ParseRead(p.Params)
			if err != nil {
				s.status(sv, p.Instruction, byte(dynamixel.DataLengthError), nil)
				continue
			}
			s.readReply(sv, p.Instruction, addr, n)
		}
	case dynamixel.InstWrite, dynamixel.InstRegWrite:
		for sv := range s.targets(id) {
			// The acknowledgement follows the ID and Status Return Level in
			// force when the instruction arrived, so a write that changes
			// either is still answered to the host that sent it as it
			// expects (dynamixel.Client waits for the addressed ID).
			id0, srl0 := sv.mem[addrID], sv.mem[addrStatusReturnLevel]
			addr, data, err := dynamixel.ParseWrite(p.Params)
			code := byte(dynamixel.DataLengthError)
			if err == nil {
				if p.Instruction == dynamixel.InstWrite {
					code = byte(s.write(sv, addr, data, true))
				} else if code = byte(s.write(sv, addr, data, false)); code == 0 {
					sv.regAddr, sv.regLen = addr, uint16(len(data))
					copy(sv.regData[:], data)
					sv.mem[addrRegistered] = 1
				}
			}
			if !bcast {
				s.statusAs(sv, id0, srl0, p.Instruction, code, nil)
			}
		}
	case dynamixel.InstAction:
		for sv := range s.targets(id) {
			// Action without a registered instruction is an Instruction
			// Error (e-Manual, Protocol 2.0, "Status Packet").
			code := byte(dynamixel.InstructionError)
			if sv.mem[addrRegistered] != 0 {
				code = byte(s.write(sv, sv.regAddr, sv.regData[:sv.regLen], true))
				sv.regLen, sv.mem[addrRegistered] = 0, 0
			}
			if !bcast {
				s.status(sv, p.Instruction, code, nil)
			}
		}
	case dynamixel.InstReboot:
		for sv := range s.targets(id) {
			// The servo acknowledges, then restarts (e-Manual, Protocol
			// 2.0, "Reboot"): the reply still carries the alert bit.
			if !bcast {
				s.status(sv, p.Instruction, 0, nil)
			}
			s.powerOn(sv, 0, 0)
		}
	case dynamixel.InstFactoryReset:
		s.factoryReset(id, p.Params)
	case dynamixel.InstClear:
		for sv := range s.targets(id) {
			code := s.clear(sv, p.Params)
			if !bcast {
				s.status(sv, p.Instruction, byte(code), nil)
			}
		}
	case dynamixel.InstSyncRead:
		if !bcast {
			s.refuse(id, p.Instruction)
			return
		}
		sr, err := dynamixel.ParseSyncRead(p.Params)
		if err != nil {
			return // a malformed broadcast cannot be answered
		}
		for _, x := range sr.IDs {
			for sv := range s.targets(x) {
				s.readReply(sv, p.Instruction, sr.Addr, sr.Len)
			}
		}
	case dynamixel.InstBulkRead:
		if !bcast {
			s.refuse(id, p.Instruction)
			return
		}
		br, err := dynamixel.ParseBulkRead(p.Params)
		if err != nil {
			return
		}
		for k := range br.Count() {
			e := br.Entry(k)
			for sv := range s.targets(e.ID) {
				s.readReply(sv, p.Instruction, e.Addr, e.Len)
			}
		}
	case dynamixel.InstFastSyncRead:
		if !bcast {
			s.refuse(id, p.Instruction)
			return
		}
		sr, err := dynamixel.ParseSyncRead(p.Params)
		if err != nil {
			return
		}
		s.fast = s.fast[:0]
		for _, x := range sr.IDs {
			if !s.addFast(x, sr.Addr, sr.Len) {
				return
			}
		}
		s.fastRead(p.Instruction, s.fast)
	case dynamixel.InstFastBulkRead:
		if !bcast {
			s.refuse(id, p.Instruction)
			return
		}
		br, err := dynamixel.ParseBulkRead(p.Params)
		if err != nil {
			return
		}
		s.fast = s.fast[:0]
		for k := range br.Count() {
			if e := br.Entry(k); !s.addFast(e.ID, e.Addr, e.Len) {
				return
			}
		}
		s.fastRead(p.Instruction, s.fast)
	case dynamixel.InstSyncWrite:
		if !bcast {
			s.refuse(id, p.Instruction)
			return
		}
		sw, err := dynamixel.ParseSyncWrite(p.Params)
		if err != nil {
			return
		}
		for k := range sw.Count() {
			x, data := sw.Entry(k)
			for sv := range s.targets(x) {
				s.write(sv, sw.Addr, data, true) // sync write is never answered
			}
		}
	case dynamixel.InstBulkWrite:
		if !bcast {
			s.refuse(id, p.Instruction)
			return
		}
		bw, err := dynamixel.ParseBulkWrite(p.Params)
		if err != nil {
			return
		}
		for e, off, ok := bw.Next(0); ok; e, off, ok = bw.Next(off) {
			for sv := range s.targets(e.ID) {
				s.write(sv, e.Addr, e.Data, true)
			}
		}
	default:
		if !bcast {
			s.refuse(id, p.Instruction)
		}
	}
}

// heard records, for the Bus Watchdog (98), that every live servo an
// instruction for id addresses (its own ID or the broadcast ID) received an
// instruction packet now. The e-Manual's watchdog resets on any instruction
// packet the servo accepts, whatever its instruction.
func (s *Server) heard(id byte) {
	now := s.sim.Plant().Time()
	for i := range s.servos {
		sv := &s.servos[i]
		if (sv.mem[addrID] == id || id == dynamixel.BroadcastID) && !s.sim.Silent(sv.joint) {
			sv.heard = now
		}
	}
}

// refuse answers an instruction the servo does not know, or one that only
// exists in broadcast form, with Instruction Error.
func (s *Server) refuse(id, inst byte) {
	for sv := range s.targets(id) {
		s.status(sv, inst, byte(dynamixel.InstructionError), nil)
	}
}

// targets yields the live servos an instruction for id addresses: the ones
// whose ID (7) is id — more than one after a careless ID change, and then
// they all answer and collide, as on a real bus — or all of them for the
// broadcast ID. A dead node does not even hear the instruction. Each servo's
// hardware error status is brought up to date first.
func (s *Server) targets(id byte) func(yield func(*servo) bool) {
	return func(yield func(*servo) bool) {
		for i := range s.servos {
			sv := &s.servos[i]
			if (sv.mem[addrID] != id && id != dynamixel.BroadcastID) || s.sim.Silent(sv.joint) {
				continue
			}
			s.faults(sv)
			if !yield(sv) {
				return
			}
		}
	}
}

// ping answers a ping. For the broadcast ID every servo answers, in
// ascending ID order. A real bus spaces those replies by the servos' Return
// Delay Times so they do not collide; here they simply follow each other
// (each is a whole packet, so they cannot interleave).
func (s *Server) ping(id byte) {
	order := s.order[:0]
	for sv := range s.targets(id) {
		order = append(order, sv)
	}
	slices.SortStableFunc(order, func(a, b *servo) int { return int(a.mem[addrID]) - int(b.mem[addrID]) })
	for _, sv := range order {
		off := len(s.tx)
		model := uint16(sv.mem.u16(addrModelNumber))
		s.tx = dynamixel.AppendPingStatus(s.tx, sv.mem[addrID], s.errByte(sv, 0), model, sv.mem[addrFirmware])
		s.emit(sv, off)
	}
}

// readReply answers a read, sync read or bulk read of n bytes at addr.
// Reserved addresses inside the range read as 0, as on the real servo; a
// range past the modelled table is refused with Access Error.
func (s *Server) readReply(sv *servo, inst byte, addr, n uint16) {
	if !answers(sv.mem[addrStatusReturnLevel], inst) {
		return
	}
	if int(addr)+int(n) > tableSize {
		s.status(sv, inst, byte(dynamixel.AccessError), nil)
		return
	}
	s.status(sv, inst, 0, s.read(sv, addr, n))
}

// read returns the n bytes at addr of sv's control table as the servo
// answers them: the live (measured) items brought up to date when the range
// reaches them, each Indirect Data byte the byte at the address its
// Indirect Address names. The result is valid until the next read.
func (s *Server) read(sv *servo, addr, n uint16) []byte {
	indirect := touchesIndirectData(addr, n)
	if int(addr)+int(n) > int(addrHardwareError) || indirect {
		s.present(sv) // the range reaches the live (RAM, measured) items
	}
	if !indirect {
		return sv.mem[addr : addr+n]
	}
	b := s.view[:n]
	copy(b, sv.mem[addr:addr+n])
	for a := addr; a < addr+n; a++ {
		if slot, ok := indirectSlot(a); ok {
			b[a-addr] = sv.indirect(uint16(sv.mem.u16(slot)))
		}
	}
	return b
}

// indirect returns the byte at target, an Indirect Address's value. One
// level only: a target that is itself Indirect Data reads 0 (the e-Manual
// allows the address and does not say; a write there is refused).
func (sv *servo) indirect(target uint16) byte {
	if _, ok := indirectSlot(target); ok || int(target) >= tableSize {
		return 0
	}
	return sv.mem[target]
}

// factoryReset executes Factory Reset (0x06). As the e-Manual specifies, a
// broadcast Reset All (0xFF) is ignored (it would give every servo ID 1).
// With torque on the reset is refused with Access Error, since it rewrites
// the locked EEPROM area.
func (s *Server) factoryReset(id byte, params []byte) {
	bcast := id == dynamixel.BroadcastID
	opt, err := dynamixel.ParseFactoryReset(params)
	if bcast && (err != nil || opt == dynamixel.ResetAll) {
		return
	}
	for sv := range s.targets(id) {
		code := byte(0)
		switch {
		case len(params) != 1:
			code = byte(dynamixel.DataLengthError)
		case err != nil:
			code = byte(dynamixel.DataRangeError)
		case sv.mem[addrTorqueEnable] != 0:
			code = byte(dynamixel.AccessError)
		}
		if !bcast {
			s.status(sv, dynamixel.InstFactoryReset, code, nil)
		}
		if code == 0 {
			s.powerOn(sv, 1, opt)
		}
	}
}

// errByte returns a status packet's ERR byte: the error number with the
// alert bit while the servo has a hardware error (e-Manual, Protocol 2.0,
// "Status Packet": "Alert ... when a hardware error occurs").
func (s *Server) errByte(sv *servo, code byte) byte {
	if sv.mem[addrHardwareError] != 0 {
		code |= dynamixel.AlertBit
	}
	return code
}

// status appends sv's status packet for inst if its Status Return Level
// lets it answer.
func (s *Server) status(sv *servo, inst, code byte, params []byte) {
	s.statusAs(sv, sv.mem[addrID], sv.mem[addrStatusReturnLevel], inst, code, params)
}

// statusAs is status with the ID and Status Return Level given.
func (s *Server) statusAs(sv *servo, id, srl, inst, code byte, params []byte) {
	if !answers(srl, inst) {
		return
	}
	off := len(s.tx)
	s.tx = dynamixel.AppendStatus(s.tx, id, s.errByte(sv, code), params)
	s.emit(sv, off)
}

// emit submits the status packet at s.tx[off:] to the injected faults:
// dropped (removed), delayed (sent after the delay, in wall time), or
// corrupted. A bit error flips one bit among the instruction, error,
// parameter and CRC bytes — never the header, ID or length — so the host's
// decoder still frames the packet and reports a CRC mismatch; a framing
// loss looks like a dropped reply, which FaultDrop already covers.
func (s *Server) emit(sv *servo, off int) {
	drop, delay, corrupt := s.sim.ReplyFate(sv.joint)
	if drop {
		s.tx = s.tx[:off]
		return
	}
	if corrupt {
		s.sim.FlipBit(s.tx[off+dynamixel.HeaderLen:])
	}
	if s.cfg.ReturnDelay {
		// Return Delay Time (9): 2 µs per unit (e-Manual, X-series).
		delay += 2 * time.Microsecond * time.Duration(sv.mem[addrReturnDelay])
	}
	s.replies = append(s.replies, reply{off: off, end: len(s.tx), delay: delay})
}

// clear executes Clear (0x10, e-Manual Protocol 2.0, X-series firmware
// v42+): with dynamixel.ClearMultiTurn's parameters it takes the whole
// turns off Present Position, so it reads within one turn again — and off
// Goal Position too, so a servo holding a position keeps holding it. The
// servo must be stopped (Present Velocity within the Moving Threshold, 24):
// a moving servo answers Result Fail; other parameters are a Data Range
// Error.
func (s *Server) clear(sv *servo, params []byte) dynamixel.StatusCode {
	if !slices.Equal(params, dynamixel.ClearMultiTurn[:]) {
		return dynamixel.DataRangeError
	}
	s.present(sv)
	v := sv.mem.i32(addrPresentVelocity)
	if v < 0 {
		v = -v
	}
	if v > int64(sv.mem[addrMovingThreshold]) {
		return dynamixel.ResultFail
	}
	m := sv.model
	perTurn := int64(math.Round(m.PositionCounts(2*math.Pi) - m.PositionCounts(0)))
	p := sv.mem.i32(addrPresentPosition)
	whole := p - ((p%perTurn)+perTurn)%perTurn // floor to a whole turn
	if whole == 0 {
		return 0
	}
	sv.turns += whole
	sv.mem.put(addrGoalPosition, 4, sv.mem.i32(addrGoalPosition)-whole)
	s.present(sv)
	s.apply(sv)
	return 0
}
