package canopensim

import (
	"encoding/binary"

	"github.com/chiron-robotics/chiron/drivers/canopen"
)

// Object dictionary indices this package adds to those named in package
// canopen.
const (
	objDeviceName      uint16 = 0x1008 // VISIBLE_STRING manufacturer device name
	objIdentity        uint16 = 0x1018 // identity object (vendor, product, revision, serial)
	objQuickStopOption uint16 = 0x605A // INTEGER16 quick stop option code (CiA 402-2)
	objQuickStopDecel  uint16 = 0x6085 // UNSIGNED32 quick stop deceleration, counts/s²
	objSupportedModes  uint16 = 0x6502 // UNSIGNED32 supported drive modes (CiA 402-2)
	// CiA 402-2's control parameter sets, whose sub-indices are the
	// manufacturer's; this drive's are documented in doc.go.
	objVelocityControl uint16 = 0x60F9 // RECORD velocity control parameter set
	objPositionControl uint16 = 0x60FB // RECORD position control parameter set
	abortParamIncompat        = canopen.AbortCode(0x06040043)
	cobInvalid                = uint32(1) << 31 // COB-ID bit 31: PDO not valid (CiA 301 "PDO communication parameter")
	cobFrame                  = uint32(1) << 29 // COB-ID bit 29: 29-bit CAN-ID (not supported here)
	consumerEntries           = 4               // 0x1016 sub-indices 1..4
	supportedModesCS          = 1<<7 | 1<<8 | 1<<9
)

// access is an object's SDO access type (CiA 301 "Object dictionary").
type access uint8

const (
	ro access = iota // read only
	rw               // read and write
)

// object is one sub-index of a drive's object dictionary. Values are held
// raw, little-endian bits in v (size bytes); str holds a VISIBLE_STRING.
type object struct {
	size  uint8
	acc   access
	mapTx bool // may be mapped into a TPDO
	mapRx bool // may be mapped into an RPDO
	v     uint64
	str   []byte
}

func key(index uint16, sub uint8) uint32 { return uint32(index)<<8 | uint32(sub) }

// buildOD returns the power-on object dictionary of drive d (CiA 301
// communication profile area 0x1000–0x1FFF and the CiA 402 objects the
// package documents), with every value at its default.
func buildOD(d *drive) map[uint32]*object {
	od := make(map[uint32]*object, 160)
	add := func(index uint16, sub uint8, size uint8, acc access, v uint64) *object {
		o := &object{size: size, acc: acc, v: v}
		od[key(index, sub)] = o
		return o
	}
	tx := func(o *object) { o.mapTx = true }
	rx := func(o *object) { o.mapRx = true }

	add(canopen.ObjDeviceType, 0, 4, ro, uint64(canopen.DeviceTypeServo))
	tx(add(canopen.ObjErrorRegister, 0, 1, ro, 0))
	od[key(objDeviceName, 0)] = &object{acc: ro, str: []byte(d.n.cfg.DeviceName)}
	add(canopen.ObjConsumerHeartbeat, 0, 1, ro, consumerEntries)
	for s := uint8(1); s <= consumerEntries; s++ {
		add(canopen.ObjConsumerHeartbeat, s, 4, rw, 0)
	}
	add(canopen.ObjProducerHeartbeat, 0, 2, rw, 0)
	add(objIdentity, 0, 1, ro, 4)
	add(objIdentity, 1, 4, ro, 0)          // vendor ID: none assigned (simulator)
	add(objIdentity, 2, 4, ro, 0x00000402) // product code
	add(objIdentity, 3, 4, ro, 0x00010000) // revision 1.0
	add(objIdentity, 4, 4, ro, uint64(d.node))

	// PDO communication and mapping parameters (CiA 301 "PDO
	// communication parameter", "PDO mapping parameter"). Defaults: RPDO1
	// (controlword, target position) event-driven and TPDO1 (statusword,
	// position actual) synchronous, both valid; the others invalid and
	// unmapped. Sub-index 4 of a TPDO (reserved) and the SYNC start value
	// (6) are not implemented.
	for k := range 4 {
		rcob, tcob := canopen.RPDOCOB(k+1, d.node), canopen.TPDOCOB(k+1, d.node)
		if k > 0 {
			rcob |= cobInvalid
			tcob |= cobInvalid
		}
		add(canopen.ObjRPDOComm+uint16(k), 0, 1, ro, 2)
		add(canopen.ObjRPDOComm+uint16(k), 1, 4, rw, uint64(rcob))
		add(canopen.ObjRPDOComm+uint16(k), 2, 1, rw, 255)
		add(canopen.ObjTPDOComm+uint16(k), 0, 1, ro, 5)
		add(canopen.ObjTPDOComm+uint16(k), 1, 4, rw, uint64(tcob))
		add(canopen.ObjTPDOComm+uint16(k), 2, 1, rw, 1)
		add(canopen.ObjTPDOComm+uint16(k), 3, 2, rw, 0)
		add(canopen.ObjTPDOComm+uint16(k), 5, 2, rw, 0)
		add(canopen.ObjRPDOMap+uint16(k), 0, 1, rw, 0)
		add(canopen.ObjTPDOMap+uint16(k), 0, 1, rw, 0)
		for s := uint8(1); s <= canopen.MaxPDOEntries; s++ {
			add(canopen.ObjRPDOMap+uint16(k), s, 4, rw, 0)
			add(canopen.ObjTPDOMap+uint16(k), s, 4, rw, 0)
		}
	}
	od[key(canopen.ObjRPDOMap, 0)].v = 2
	od[key(canopen.ObjRPDOMap, 1)].v = uint64(canopen.PDOEntry{Index: canopen.ObjControlword, Bits: 16}.Value())
	od[key(canopen.ObjRPDOMap, 2)].v = uint64(canopen.PDOEntry{Index: canopen.ObjTargetPosition, Bits: 32}.Value())
	od[key(canopen.ObjTPDOMap, 0)].v = 2
	od[key(canopen.ObjTPDOMap, 1)].v = uint64(canopen.PDOEntry{Index: canopen.ObjStatusword, Bits: 16}.Value())
	od[key(canopen.ObjTPDOMap, 2)].v = uint64(canopen.PDOEntry{Index: canopen.ObjPositionActual, Bits: 32}.Value())

	// CiA 402 objects.
	add(canopen.ObjAbortConnection, 0, 2, rw, uint64(canopen.AbortFaultSignal))
	tx(add(canopen.ObjErrorCode, 0, 2, ro, 0))
	rx(add(canopen.ObjControlword, 0, 2, rw, 0))
	tx(add(canopen.ObjStatusword, 0, 2, ro, uint64(canopen.StatuswordFor(canopen.StateSwitchOnDisabled))))
	add(objQuickStopOption, 0, 2, rw, 6)
	rx(add(canopen.ObjModesOfOperation, 0, 1, rw, uint64(canopen.ModeCSP)))
	tx(add(canopen.ObjModesDisplay, 0, 1, ro, uint64(canopen.ModeCSP)))
	tx(add(canopen.ObjPositionActual, 0, 4, ro, 0))
	tx(add(canopen.ObjVelocityActual, 0, 4, ro, 0))
	rx(add(canopen.ObjTargetTorque, 0, 2, rw, 0))
	rx(add(canopen.ObjMaxTorque, 0, 2, rw, 1000))
	add(canopen.ObjRatedTorque, 0, 4, ro, uint64(uint32(clampRound(d.rated*1000, 1, 0xFFFFFFFF))))
	tx(add(canopen.ObjTorqueActual, 0, 2, ro, 0))
	rx(add(canopen.ObjTargetPosition, 0, 4, rw, 0))
	add(objQuickStopDecel, 0, 4, rw, uint64(uint32(clampRound(d.n.cfg.QuickStopDecel*d.cpr, 1, 0xFFFFFFFF))))
	rx(add(canopen.ObjVelocityOffset, 0, 4, rw, 0))
	rx(add(canopen.ObjTorqueOffset, 0, 2, rw, 0))
	rx(add(canopen.ObjTargetVelocity, 0, 4, rw, 0))
	add(objSupportedModes, 0, 4, ro, supportedModesCS)
	// The drive's loops (doc.go, "Control parameter sets"): 0x60F9:01
	// velocity loop gain, mN·m·s/rad; :02 velocity loop integral gain,
	// mN·m/rad; 0x60FB:01 position loop gain, 0.001 /s.
	g := d.gains // power-on values
	add(objVelocityControl, 0, 1, ro, 2)
	add(objVelocityControl, 1, 4, rw, uint64(uint32(clampRound(g.Kd*1000, 0, 0xFFFFFFFF))))
	add(objVelocityControl, 2, 4, rw, uint64(uint32(clampRound(g.Ki*1000, 0, 0xFFFFFFFF))))
	ratio := 0.0
	if g.Kd > 0 {
		ratio = g.Kp / g.Kd
	}
	add(objPositionControl, 0, 1, ro, 1)
	add(objPositionControl, 1, 4, rw, uint64(uint32(clampRound(ratio*1000, 0, 0xFFFFFFFF))))
	return od
}

// applyGains sets the drive's loops from its control parameter sets.
func (d *drive) applyGains() {
	g := &d.n.sim.Drives[d.joint].Gains
	g.Kd = float64(uint32(d.u(objVelocityControl, 1))) / 1000
	g.Ki = float64(uint32(d.u(objVelocityControl, 2))) / 1000
	g.Kp = float64(uint32(d.u(objPositionControl, 1))) / 1000 * g.Kd
}

// u returns the raw value of index:sub (0 if absent).
func (d *drive) u(index uint16, sub uint8) uint64 {
	if o := d.od[key(index, sub)]; o != nil {
		return o.v
	}
	return 0
}

// set stores a raw value without checks (the drive's own updates).
func (d *drive) set(index uint16, sub uint8, v uint64) {
	if o := d.od[key(index, sub)]; o != nil {
		o.v = v & sizeMask(o.size)
	}
}

func sizeMask(size uint8) uint64 {
	if size >= 8 {
		return ^uint64(0)
	}
	return 1<<(8*size) - 1
}

func (d *drive) lookup(index uint16, sub uint8) (*object, error) {
	if o := d.od[key(index, sub)]; o != nil {
		return o, nil
	}
	if d.od[key(index, 0)] != nil {
		return nil, canopen.AbortNoSub
	}
	return nil, canopen.AbortNoObject
}

// ReadObject implements canopen.ObjectDictionary for the drive's SDO server
// (called under the Sim's lock). Actual values are sampled when read.
func (d *drive) ReadObject(index uint16, sub uint8) ([]byte, error) {
	o, err := d.lookup(index, sub)
	if err != nil {
		return nil, err
	}
	if o.size == 0 {
		return o.str, nil
	}
	if index >= 0x6000 {
		d.sample()
	}
	binary.LittleEndian.PutUint64(d.scratch[:], o.v)
	return d.scratch[:o.size], nil
}

// WriteObject implements canopen.ObjectDictionary for the drive's SDO
// server: access, length and value checks with CiA 301 abort codes; a
// refused write changes nothing.
func (d *drive) WriteObject(index uint16, sub uint8, data []byte) error {
	o, err := d.lookup(index, sub)
	if err != nil {
		return err
	}
	if o.acc == ro || o.size == 0 {
		return canopen.AbortReadOnly
	}
	if len(data) != int(o.size) {
		return canopen.AbortLength
	}
	var b [8]byte
	copy(b[:], data)
	if err := d.write(index, sub, o, binary.LittleEndian.Uint64(b[:])); err != nil {
		return err
	}
	d.commit()
	return nil
}

// write validates and stores v into index:sub (object o) and records the
// side effects; commit applies them. It is the common path of SDO
// downloads and received PDOs.
func (d *drive) write(index uint16, sub uint8, o *object, v uint64) error {
	preop := d.nmt != canopen.NodeOperational
	switch {
	case index == canopen.ObjConsumerHeartbeat:
		if err := d.checkConsumer(sub, uint32(v)); err != nil {
			return err
		}
		o.v = v
		d.consumers[sub-1] = consumer{}
		return nil
	case index == canopen.ObjProducerHeartbeat:
		o.v = v
		d.hbNext = d.n.now + msDur(v)
		return nil
	case isPDOComm(index) || isPDOMap(index):
		// PDO configuration is accepted in pre-operational only (and
		// stopped, where SDO is not served anyway).
		if !preop {
			return canopen.AbortDeviceState
		}
		if isPDOComm(index) {
			if err := d.checkPDOComm(index, sub, v); err != nil {
				return err
			}
		} else if err := d.checkPDOMap(index, sub, v); err != nil {
			return err
		}
		o.v = v
		d.rebuildPDOs()
		return nil
	case index == canopen.ObjAbortConnection:
		if s := int16(v); s < 0 || s > 3 {
			return canopen.AbortRange
		}
	case index == objQuickStopOption:
		switch int16(v) {
		case 0, 1, 2, 5, 6:
		default:
			return canopen.AbortRange
		}
	case index == canopen.ObjModesOfOperation:
		switch canopen.OpMode(int8(v)) {
		case canopen.ModeCSP, canopen.ModeCSV, canopen.ModeCST:
		default:
			return canopen.AbortRange
		}
		d.set(canopen.ObjModesDisplay, 0, v)
		d.cmdDirty = true
	case index == objQuickStopDecel:
		if uint32(v) == 0 {
			return canopen.AbortRange
		}
	case index == objVelocityControl || index == objPositionControl:
		o.v = v & sizeMask(o.size)
		d.applyGains()
		return nil
	case index == canopen.ObjControlword:
		d.cwDirty = true
	case index == canopen.ObjTargetPosition:
		d.targetWritten = true
		d.cmdDirty = true
	default:
		d.cmdDirty = true
	}
	o.v = v & sizeMask(o.size)
	return nil
}

// checkConsumer applies CiA 301 "Consumer heartbeat time": bits 24–31
// reserved (0), and one node monitored by at most one sub-index with a
// non-zero time (else abort 0x06040043).
func (d *drive) checkConsumer(sub uint8, v uint32) error {
	if v>>24 != 0 {
		return canopen.AbortRange
	}
	node, ms := uint8(v>>16), v&0xFFFF
	if node == 0 || ms == 0 {
		return nil
	}
	for s := uint8(1); s <= consumerEntries; s++ {
		o := uint32(d.u(canopen.ObjConsumerHeartbeat, s))
		if s != sub && uint8(o>>16) == node && o&0xFFFF != 0 {
			return abortParamIncompat
		}
	}
	return nil
}

func isPDOComm(index uint16) bool {
	return index >= canopen.ObjRPDOComm && index < canopen.ObjRPDOComm+4 ||
		index >= canopen.ObjTPDOComm && index < canopen.ObjTPDOComm+4
}

func isPDOMap(index uint16) bool {
	return index >= canopen.ObjRPDOMap && index < canopen.ObjRPDOMap+4 ||
		index >= canopen.ObjTPDOMap && index < canopen.ObjTPDOMap+4
}

// restrictedCOB reports the CAN-IDs CiA 301 ("Restricted CAN-IDs")
// forbids for PDOs: NMT, the node-ID ranges of EMCY … and LSS.
func restrictedCOB(id uint32) bool {
	switch {
	case id <= 0x07F, id >= 0x101 && id <= 0x180, id >= 0x581 && id <= 0x5FF,
		id >= 0x601 && id <= 0x67F, id >= 0x6E0 && id <= 0x6FF, id >= 0x701:
		return true
	}
	return false
}

// checkPDOComm applies CiA 301 "PDO communication parameter": while a PDO
// exists (bit 31 clear) its CAN-ID cannot change; a PDO is validated only
// with an 11-bit, unrestricted CAN-ID; transmission types 0–240, 254, 255;
// the inhibit time only while the PDO is not valid.
func (d *drive) checkPDOComm(index uint16, sub uint8, v uint64) error {
	cur := uint32(d.u(index, 1))
	switch sub {
	case 1:
		nv := uint32(v)
		if nv&cobInvalid != 0 {
			return nil
		}
		if cur&cobInvalid == 0 && nv != cur {
			return canopen.AbortRange
		}
		if nv&cobFrame != 0 || nv&^(cobInvalid|1<<30) > 0x7FF || restrictedCOB(nv&0x7FF) {
			return canopen.AbortRange
		}
		// Validating needs a usable mapping.
		mp := index - canopen.ObjRPDOComm + canopen.ObjRPDOMap
		if index >= canopen.ObjTPDOComm {
			mp = index - canopen.ObjTPDOComm + canopen.ObjTPDOMap
		}
		if _, err := d.mapping(mp); err != nil {
			return canopen.AbortPDOLength
		}
	case 2:
		if t := uint8(v); t > 240 && t < 254 {
			return canopen.AbortRange
		}
	case 3:
		if cur&cobInvalid == 0 {
			return canopen.AbortDeviceState
		}
	}
	return nil
}

// checkPDOMap applies CiA 301 "PDO mapping parameter": the mapping of a
// valid PDO, or any entry while sub-index 0 is not 0, cannot be written
// (abort 0x08000022); each entry must name an existing object mappable in
// that direction with its own length (0x06040041); sub-index 0 may not
// exceed 8 entries or 64 bits (0x06040042).
func (d *drive) checkPDOMap(index uint16, sub uint8, v uint64) error {
	comm := index - canopen.ObjRPDOMap + canopen.ObjRPDOComm
	tpdo := index >= canopen.ObjTPDOMap
	if tpdo {
		comm = index - canopen.ObjTPDOMap + canopen.ObjTPDOComm
	}
	if uint32(d.u(comm, 1))&cobInvalid == 0 {
		return canopen.AbortDeviceState
	}
	if sub > 0 {
		if d.u(index, 0) != 0 {
			return canopen.AbortDeviceState
		}
		if v == 0 {
			return nil
		}
		return d.checkEntry(canopen.DecodePDOEntry(uint32(v)), tpdo)
	}
	if v > canopen.MaxPDOEntries {
		return canopen.AbortPDOLength
	}
	bits := 0
	for s := uint8(1); s <= uint8(v); s++ {
		e := canopen.DecodePDOEntry(uint32(d.u(index, s)))
		if err := d.checkEntry(e, tpdo); err != nil {
			return err
		}
		bits += int(e.Bits)
	}
	if bits > 64 {
		return canopen.AbortPDOLength
	}
	return nil
}

func (d *drive) checkEntry(e canopen.PDOEntry, tpdo bool) error {
	o := d.od[key(e.Index, e.Sub)]
	if o == nil || int(e.Bits) != 8*int(o.size) || o.size == 0 || (tpdo && !o.mapTx) || (!tpdo && !o.mapRx) {
		return canopen.AbortNoMap
	}
	return nil
}

// mapping returns the PDO mapping held in mapping object mp.
func (d *drive) mapping(mp uint16) (canopen.PDOMap, error) {
	var es [canopen.MaxPDOEntries]canopen.PDOEntry
	n := int(min(d.u(mp, 0), canopen.MaxPDOEntries))
	for s := range n {
		es[s] = canopen.DecodePDOEntry(uint32(d.u(mp, uint8(s+1))))
	}
	return canopen.NewPDOMap(es[:n]...)
}

// rebuildPDOs refreshes the cached PDO state from the dictionary after a
// communication or mapping parameter changed (or a reset).
func (d *drive) rebuildPDOs() {
	for k := range 4 {
		d.rpdo[k].load(d, canopen.ObjRPDOComm+uint16(k), canopen.ObjRPDOMap+uint16(k))
		d.tpdo[k].load(d, canopen.ObjTPDOComm+uint16(k), canopen.ObjTPDOMap+uint16(k))
	}
}

func (p *pdo) load(d *drive, comm, mp uint16) {
	cob := uint32(d.u(comm, 1))
	m, err := d.mapping(mp)
	wasValid := p.valid
	p.valid = cob&cobInvalid == 0 && err == nil
	p.cob = cob & 0x7FF
	p.ttype = uint8(d.u(comm, 2))
	p.event = msDur(d.u(comm, 5))
	p.m = m
	if !p.valid || !wasValid {
		p.pending, p.count, p.sent = false, 0, false
		p.eventNext = d.n.now + p.event
	}
}
