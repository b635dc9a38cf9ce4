package canopensim

import (
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// Emergency error codes the drives raise (CiA 301 "Emergency error codes",
// refined by CiA 402) and the error register (0x1001) bits they set.
const (
	emcyOverTemp   uint16 = 0x4210 // temperature, device: excess temperature
	emcyHardware   uint16 = 0x5000 // device hardware
	emcyOverCurr   uint16 = 0x2310 // continuous over current
	emcyVoltage    uint16 = 0x3000 // voltage
	emcyEncoder    uint16 = 0x7305 // incremental sensor 1 fault
	errRegGeneric  uint8  = 0x01
	errRegCurrent  uint8  = 0x02
	errRegVoltage  uint8  = 0x04
	errRegTemp     uint8  = 0x08
	errRegComm     uint8  = 0x10
	errRegProfile  uint8  = 0x20
	quickStopHoldN        = 5 // 0x605A codes ≥ 5 stay in Quick stop active
)

// pdo is one PDO's cached communication and mapping parameters and its
// run-time state.
type pdo struct {
	m     canopen.PDOMap
	valid bool
	cob   uint32
	ttype uint8
	event time.Duration // TPDO event timer (0x18xx:05)

	pending   bool         // RPDO: received, waiting for the next SYNC
	frame     canbus.Frame // RPDO: the frame waiting
	count     uint8        // TPDO: SYNCs since the last transmission
	sent      bool         // TPDO type 0: last is valid
	last      [8]byte      // TPDO type 0: data last sent
	eventNext time.Duration
}

// consumer is the run-time state of one 0x1016 entry (CiA 301 "Heartbeat
// consumer"): monitoring starts at the first heartbeat received.
type consumer struct {
	armed   bool
	expired bool
	last    time.Duration
}

// quickStop is the deceleration ramp of Quick stop active.
type quickStop struct {
	t0     time.Duration
	p0, v0 float64 // joint units at t0
	decel  float64 // joint units/s²
}

// drive is one simulated CiA 402 servo drive. All fields are guarded by the
// Sim's lock.
type drive struct {
	n     *Node
	joint int
	node  uint8
	cpr   float64 // counts per joint unit
	rated float64 // N·m (N) per 1000 ‰
	gains plant.DriveGains

	od      map[uint32]*object
	sdo     canopen.SDOServer
	scratch [8]byte
	vals    [canopen.MaxPDOEntries]uint64

	nmt       canopen.NMTState
	state     canopen.DriveState
	cw        uint16 // last controlword acted on
	errCode   uint16
	errReg    uint8
	consumers [consumerEntries]consumer
	hbNext    time.Duration
	rpdo      [4]pdo
	tpdo      [4]pdo
	qs        quickStop

	cwDirty, cmdDirty bool
	targetWritten     bool // 0x607A written since the drive last left Operation enabled
	resetPending      bool // fault reset seen; completes at the next Tick if the cause is gone
	resetAt           time.Duration
	dead              bool
}

// powerOn puts the drive in its power-on state: the whole dictionary at its
// defaults, NMT initialising, CiA 402 Switch on disabled (the automatic
// transitions 0 and 1 from Not ready to switch on are immediate here), power
// stage off.
func (d *drive) powerOn() {
	d.od = buildOD(d)
	d.applyGains()
	d.nmt = canopen.NodeBootUp
	d.cw, d.errCode, d.errReg = 0, 0, 0
	d.consumers = [consumerEntries]consumer{}
	d.resetPending, d.targetWritten, d.cwDirty, d.cmdDirty = false, false, false, false
	d.rebuildPDOs()
	d.setState(canopen.StateSwitchOnDisabled)
}

// bootUp sends the boot-up message and enters pre-operational (CiA 301
// "NMT state machine", transition 2 after initialisation).
func (d *drive) bootUp() {
	d.nmt = canopen.NodePreOperational
	d.n.emit(d.joint, canopen.EncodeHeartbeat(d.node, canopen.NodeBootUp))
	d.hbNext = d.n.now + msDur(d.u(canopen.ObjProducerHeartbeat, 0))
}

// nmtCommand executes an NMT module control command (CiA 301 "NMT
// services"). Stop while in Operation enabled triggers the abort
// connection option (CiA 402-2 0x6007).
func (d *drive) nmtCommand(cmd canopen.NMTCommand) {
	prev := d.nmt
	defer func() {
		// A state change is announced at once with a heartbeat (as
		// CANopenNode does), so the master never acts on a stale state
		// for up to a producer period.
		if per := msDur(d.u(canopen.ObjProducerHeartbeat, 0)); per > 0 && d.nmt != prev && cmd != canopen.NMTResetNode && cmd != canopen.NMTResetCommunication {
			d.n.emit(d.joint, canopen.EncodeHeartbeat(d.node, d.nmt))
			d.hbNext = d.n.now + per
		}
	}()
	switch cmd {
	case canopen.NMTStart:
		d.nmt = canopen.NodeOperational
	case canopen.NMTStop:
		if d.state == canopen.StateOperationEnabled {
			d.abortConnection()
		}
		d.nmt = canopen.NodeStopped
	case canopen.NMTPreOperational:
		d.nmt = canopen.NodePreOperational
	case canopen.NMTResetNode:
		d.powerOn()
		d.bootUp()
	case canopen.NMTResetCommunication:
		// Communication profile area (0x1000–0x1FFF) to defaults; the
		// application keeps its objects and its state.
		fresh := buildOD(d)
		for k, o := range d.od {
			if k>>8 >= 0x2000 {
				fresh[k] = o
			}
		}
		d.od = fresh
		d.consumers = [consumerEntries]consumer{}
		d.rebuildPDOs()
		d.bootUp()
	}
}

// sdoRequest serves one SDO request (pre-operational and operational
// only: a stopped node answers nothing).
func (d *drive) sdoRequest(f canbus.Frame) {
	if d.dead || d.nmt == canopen.NodeStopped || d.nmt == canopen.NodeBootUp {
		return
	}
	if resp, ok := d.sdo.Handle(f); ok {
		d.n.emit(d.joint, resp)
	}
}

// heartbeat records a heartbeat (or boot-up) from node for the consumers
// watching it.
func (d *drive) heartbeat(node uint8, s canopen.NMTState) {
	for k := range d.consumers {
		v := uint32(d.u(canopen.ObjConsumerHeartbeat, uint8(k+1)))
		if uint8(v>>16) != node || v&0xFFFF == 0 {
			continue
		}
		c := &d.consumers[k]
		if s == canopen.NodeBootUp {
			// A rebooted master is a new master: monitoring restarts
			// with its next heartbeat.
			*c = consumer{}
			continue
		}
		c.armed, c.expired, c.last = true, false, d.n.now
	}
}

// hbLost reports whether a heartbeat consumer is in timeout.
func (d *drive) hbLost() bool {
	for _, c := range d.consumers {
		if c.expired {
			return true
		}
	}
	return false
}

// rpdoFrame receives f if it is one of the drive's valid RPDOs (CiA 301
// "PDO protocol"; operational only). Synchronous RPDOs (types 0–240) take
// effect at the next SYNC, event-driven ones (254, 255) at once. A frame
// shorter than its mapping is not processed: EMCY 0x8210.
func (d *drive) rpdoFrame(f canbus.Frame) {
	if d.nmt != canopen.NodeOperational {
		return
	}
	for k := range d.rpdo {
		p := &d.rpdo[k]
		if !p.valid || p.cob != f.ID {
			continue
		}
		if f.Length < uint8(p.m.Len()) {
			d.emcy(canopen.EmcyPDOLength, 0)
			continue
		}
		if p.ttype <= 240 {
			p.frame, p.pending = f, true
			continue
		}
		d.applyRPDO(p, &f)
	}
}

// applyRPDO writes an RPDO's mapped objects. A value the object refuses
// (e.g. an unsupported mode) is ignored; the others take effect.
func (d *drive) applyRPDO(p *pdo, f *canbus.Frame) {
	vals := d.vals[:p.m.N]
	if p.m.Unpack(f, vals) != nil {
		d.emcy(canopen.EmcyPDOLength, 0)
		return
	}
	for i := range vals {
		e := p.m.Entries[i]
		if o := d.od[key(e.Index, e.Sub)]; o != nil {
			_ = d.write(e.Index, e.Sub, o, vals[i])
		}
	}
	d.commit()
}

// syncEvent handles a SYNC (CiA 301 "SYNC protocol", "PDO protocol"):
// synchronous RPDOs received since the previous SYNC take effect, the drive
// updates, then synchronous TPDOs sample and transmit.
func (d *drive) syncEvent() {
	if d.nmt != canopen.NodeOperational {
		return
	}
	for k := range d.rpdo {
		if p := &d.rpdo[k]; p.pending {
			p.pending = false
			if p.valid {
				d.applyRPDO(p, &p.frame)
			}
		}
	}
	d.update()
	d.sample()
	for k := range d.tpdo {
		p := &d.tpdo[k]
		if !p.valid || p.ttype > 240 {
			continue
		}
		if p.ttype > 0 {
			p.count++
			if p.count < p.ttype {
				continue
			}
			p.count = 0
		}
		f := d.packTPDO(p)
		if p.ttype == 0 {
			// Acyclic synchronous: sent at the SYNC after a change.
			if p.sent && p.last == f.Data {
				continue
			}
			p.sent, p.last = true, f.Data
		}
		d.n.emit(d.joint, f)
	}
}

func (d *drive) packTPDO(p *pdo) canbus.Frame {
	vals := d.vals[:p.m.N]
	for i := range vals {
		vals[i] = d.u(p.m.Entries[i].Index, p.m.Entries[i].Sub)
	}
	f := canbus.Frame{ID: p.cob}
	p.m.Pack(&f, vals)
	return f
}

// tick is the drive's time-driven work at the Node's now.
func (d *drive) tick() {
	d.update()
	now := d.n.now
	if d.nmt == canopen.NodeBootUp {
		return
	}
	if per := msDur(d.u(canopen.ObjProducerHeartbeat, 0)); per > 0 && now >= d.hbNext {
		// Keep the producer's phase (next = due + period) unless Tick fell
		// a whole period behind.
		d.n.emit(d.joint, canopen.EncodeHeartbeat(d.node, d.nmt))
		d.hbNext += per
		if d.hbNext <= now {
			d.hbNext = now + per
		}
	}
	if d.nmt != canopen.NodeOperational {
		return
	}
	for k := range d.tpdo {
		p := &d.tpdo[k]
		if !p.valid || p.ttype < 254 || p.event <= 0 || now < p.eventNext {
			continue
		}
		p.eventNext += p.event
		if p.eventNext <= now {
			p.eventNext = now + p.event
		}
		d.sample()
		d.n.emit(d.joint, d.packTPDO(p))
	}
}

// update runs the drive's own logic at the Node's now: faults latched by
// the simulator, completion of a fault reset, heartbeat consumer timeouts
// and the quick stop ramp.
func (d *drive) update() {
	now := d.n.now
	dr := &d.n.sim.Drives[d.joint]
	if d.resetPending && now > d.resetAt {
		d.resetPending = false
		if dr.Fault == 0 && !d.hbLost() {
			d.errCode, d.errReg = 0, 0
			d.setState(canopen.StateSwitchOnDisabled) // transition 15
			d.emcy(canopen.EmcyNoError, 0)
		}
	}
	if dr.Fault != 0 && !d.resetPending {
		code, reg := faultCode(dr.Fault)
		d.fault(code, reg)
	}
	for k := range d.consumers {
		c := &d.consumers[k]
		ms := d.u(canopen.ObjConsumerHeartbeat, uint8(k+1)) & 0xFFFF
		if !c.armed || c.expired || ms == 0 || now-c.last <= msDur(ms) {
			continue
		}
		// CiA 301 "Heartbeat consumer": the timeout is an error event
		// (EMCY 0x8130, error register bit 4); CiA 402-2 0x6007 says what
		// the drive does about it.
		c.expired = true
		d.errReg |= errRegComm
		if !d.abortConnection() {
			d.emcy(canopen.EmcyHeartbeat, 0)
		}
	}
	if d.state == canopen.StateQuickStopActive {
		d.rampQuickStop()
	}
}

// faultCode maps the simulator's fault bits to an emergency error code and
// error register bits.
func faultCode(f drivers.Status) (uint16, uint8) {
	switch {
	case f&drivers.StatusOverTemperature != 0:
		return emcyOverTemp, errRegTemp
	case f&drivers.StatusOverCurrent != 0:
		return emcyOverCurr, errRegCurrent
	case f&drivers.StatusVoltage != 0:
		return emcyVoltage, errRegVoltage
	case f&drivers.StatusEncoder != 0:
		return emcyEncoder, errRegProfile
	}
	return emcyHardware, 0
}

// fault enters Fault (CiA 402-2 transitions 13 and 14: the fault reaction
// here is to switch the power stage off at once) with 0x603F = code and
// sends the EMCY. A drive already in Fault keeps its first error code.
func (d *drive) fault(code uint16, reg uint8) {
	if d.state == canopen.StateFault || d.state == canopen.StateFaultReactionActive {
		return
	}
	d.errCode = code
	d.errReg |= reg | errRegGeneric
	d.setState(canopen.StateFault)
	d.emcy(code, 0)
}

// abortConnection performs the 0x6007 abort connection option (CiA 402-2):
// 1 fault (error code 0x8130), 2 disable voltage command, 3 quick stop
// command; 0 does nothing. It reports whether it sent an EMCY (entering
// Fault with 0x8130).
func (d *drive) abortConnection() (emcySent bool) {
	d.n.sim.Drives[d.joint].MasterLost = true
	switch canopen.AbortOption(int16(d.u(canopen.ObjAbortConnection, 0))) {
	case canopen.AbortFaultSignal:
		emcySent = d.state != canopen.StateFault && d.state != canopen.StateFaultReactionActive
		d.fault(canopen.EmcyHeartbeat, errRegComm)
	case canopen.AbortDisableVolt:
		d.setState(canopen.ApplyControlword(d.state, d.cw, canopen.CWDisableVoltage))
	case canopen.AbortQuickStop:
		d.setState(canopen.ApplyControlword(d.state, d.cw, canopen.CWQuickStop))
	}
	return emcySent
}

// emcy sends an EMCY with the error register ORed with reg (CiA 301 "EMCY
// write protocol"; not in stopped).
func (d *drive) emcy(code uint16, reg uint8) {
	d.errReg |= reg
	if d.nmt == canopen.NodeStopped || d.nmt == canopen.NodeBootUp {
		return
	}
	d.n.emit(d.joint, canopen.EncodeEmergency(canopen.Emergency{Node: d.node, Code: code, Register: d.errReg}))
}

// commit applies what writes recorded: a new controlword drives the PDS
// state machine (CiA 402-2 "PDS FSA", via canopen.ApplyControlword), new
// targets or mode reach the power stage.
func (d *drive) commit() {
	if d.cwDirty {
		d.cwDirty = false
		cw := uint16(d.u(canopen.ObjControlword, 0))
		prev := d.cw
		d.cw = cw
		next := canopen.ApplyControlword(d.state, prev, cw)
		if d.state == canopen.StateFault {
			if next != canopen.StateFault && !d.resetPending {
				// Transition 15 on the rising edge of bit 7: the latched
				// simulator fault is cleared; whether its cause is gone
				// shows after the simulator's next step (update).
				d.resetPending, d.resetAt = true, d.n.now
				d.n.sim.Drives[d.joint].Fault = 0
			}
		} else {
			d.setState(next)
		}
	}
	if d.cmdDirty {
		d.cmdDirty = false
		d.command()
	}
}

// setState moves the PDS FSA to s and sets the power stage: on in
// Operation enabled and Quick stop active (the drive function stays
// enabled while it ramps and holds, CiA 402-2), off elsewhere.
func (d *drive) setState(s canopen.DriveState) {
	prev := d.state
	d.state = s
	dr := &d.n.sim.Drives[d.joint]
	switch s {
	case canopen.StateOperationEnabled:
		if prev != canopen.StateOperationEnabled {
			dr.MasterLost = false // the host has taken the drive back
		}
		if prev != canopen.StateOperationEnabled && !d.targetWritten {
			// Enabling never jumps to a stale target: hold where we are.
			m := d.n.sim.Measure(d.joint)
			d.set(canopen.ObjTargetPosition, 0, uint64(uint32(clampRound(m.Position*d.cpr, math.MinInt32, math.MaxInt32))))
		}
		dr.Enabled = true
		d.command()
	case canopen.StateQuickStopActive:
		if prev != canopen.StateQuickStopActive {
			m := d.n.sim.Measure(d.joint)
			decel := float64(uint32(d.u(objQuickStopDecel, 0))) / d.cpr
			d.qs = quickStop{t0: d.n.now, p0: m.Position, v0: m.Velocity, decel: decel}
			if int16(d.u(objQuickStopOption, 0)) == 0 {
				// Option 0: disable drive function, the motor coasts.
				d.setState(canopen.StateSwitchOnDisabled)
				return
			}
		}
		dr.Enabled = true
		d.rampQuickStop()
	default:
		dr.Enabled = false
		dr.Command = drivers.JointCommand{}
		d.targetWritten = false
	}
}

// rampQuickStop commands the quick stop ramp: the position reference
// decelerates from the velocity at the quick stop on 0x6085 to zero and
// then holds that position. Options 1 and 2 then go to Switch on disabled
// (power off); 5 and 6 (the default) stay in Quick stop active, holding.
func (d *drive) rampQuickStop() {
	q := &d.qs
	t := (d.n.now - q.t0).Seconds()
	sign := math.Copysign(1, q.v0)
	tStop := math.Abs(q.v0) / q.decel
	c := drivers.JointCommand{Mode: drivers.ModePosition}
	if t < tStop {
		c.Velocity = q.v0 - sign*q.decel*t
		c.Position = q.p0 + q.v0*t - sign*0.5*q.decel*t*t
	} else {
		c.Position = q.p0 + q.v0*tStop - sign*0.5*q.decel*tStop*tStop
		if int16(d.u(objQuickStopOption, 0)) < quickStopHoldN {
			d.setState(canopen.StateSwitchOnDisabled)
			return
		}
	}
	d.n.sim.Drives[d.joint].Command = c
}

// command sets the power stage's command from the mode and targets in
// Operation enabled (CiA 402-2 cyclic synchronous modes):
//
//	CSP: track 0x607A, velocity feed-forward 0x60B1, torque 0x60B2;
//	CSV: track 0x60FF with torque feed-forward 0x60B2;
//	CST: 0x6071 + 0x60B2.
//
// Torques are per mille of 0x6076, the target and offset each clamped to
// ±0x6072. The position and velocity loops are the simulator's drive gains.
func (d *drive) command() {
	if d.state != canopen.StateOperationEnabled {
		return
	}
	maxPM := float64(d.u(canopen.ObjMaxTorque, 0))
	torque := func(index uint16) float64 {
		pm := float64(int16(d.u(index, 0)))
		return math.Max(-maxPM, math.Min(maxPM, pm)) * d.rated / 1000
	}
	c := drivers.JointCommand{}
	switch canopen.OpMode(int8(d.u(canopen.ObjModesOfOperation, 0))) {
	case canopen.ModeCSP:
		c.Mode = drivers.ModePosition
		c.Position = float64(int32(d.u(canopen.ObjTargetPosition, 0))) / d.cpr
		c.Velocity = float64(int32(d.u(canopen.ObjVelocityOffset, 0))) / d.cpr
		c.Effort = torque(canopen.ObjTorqueOffset)
	case canopen.ModeCSV:
		c.Mode = drivers.ModeVelocity
		c.Velocity = float64(int32(d.u(canopen.ObjTargetVelocity, 0))) / d.cpr
		c.Effort = torque(canopen.ObjTorqueOffset)
	case canopen.ModeCST:
		c.Mode = drivers.ModeEffort
		c.Effort = torque(canopen.ObjTargetTorque) + torque(canopen.ObjTorqueOffset)
		c.Effort = math.Max(-maxPM*d.rated/1000, math.Min(maxPM*d.rated/1000, c.Effort))
	}
	d.n.sim.Drives[d.joint].Command = c
}

// statusword returns 0x6041 for the present state (CiA 402-2
// "Statusword"): canopen.StatuswordFor, plus target reached (bit 10) once
// a quick stop has come to rest.
func (d *drive) statusword() uint16 {
	sw := canopen.StatuswordFor(d.state)
	if d.state == canopen.StateQuickStopActive && (d.n.now-d.qs.t0).Seconds() >= math.Abs(d.qs.v0)/d.qs.decel {
		sw |= canopen.SWTargetReached
	}
	return sw
}

// sample refreshes the actual values and status objects from the
// simulator: position (counts), velocity (counts/s), torque (‰ of rated).
func (d *drive) sample() {
	m := d.n.sim.Measure(d.joint)
	d.set(canopen.ObjPositionActual, 0, uint64(uint32(clampRound(m.Position*d.cpr, math.MinInt32, math.MaxInt32))))
	d.set(canopen.ObjVelocityActual, 0, uint64(uint32(clampRound(m.Velocity*d.cpr, math.MinInt32, math.MaxInt32))))
	d.set(canopen.ObjTorqueActual, 0, uint64(uint16(clampRound(m.Effort/d.rated*1000, math.MinInt16, math.MaxInt16))))
	d.set(canopen.ObjStatusword, 0, uint64(d.statusword()))
	d.set(canopen.ObjErrorCode, 0, uint64(d.errCode))
	d.set(canopen.ObjErrorRegister, 0, uint64(d.errReg))
}
