package canopen

import (
	"encoding/binary"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// odEntry is one object of the fake drive's dictionary. Fixed-size values
// live in data so cyclic writes never allocate; big holds larger ones.
type odEntry struct {
	size     int
	data     [8]byte
	big      []byte
	readOnly bool
}

// fakeDrive is a minimal CiA 402 servo drive on a canbus.Bus: SDO server,
// NMT, heartbeat, SYNC-triggered PDOs and the PDS state machine. It checks
// the CiA 301 mapping procedure (a PDO must be invalid and its count zero
// while its mapping is written) so the master's start-up is exercised.
type fakeDrive struct {
	mu    sync.Mutex
	node  uint8
	conn  canbus.Conn
	od    map[uint32]*odEntry
	srv   SDOServer
	nmt   NMTState
	state DriveState
	cw    uint16
	rpdo  [4]canbus.Frame
	rpdoN [4]bool

	// test knobs
	silentHB, silentTPDO bool
	injectFault          uint16 // EMCY code to raise at the next SYNC
	syncs                int
	emcySent             int

	done chan struct{}
	wg   sync.WaitGroup
}

func key(index uint16, sub uint8) uint32 { return uint32(index)<<8 | uint32(sub) }

func newFakeDrive(bus *canbus.Bus, node uint8) *fakeDrive {
	d := &fakeDrive{node: node, conn: bus.Connect(), od: map[uint32]*odEntry{}, nmt: NodePreOperational,
		state: StateSwitchOnDisabled, done: make(chan struct{})}
	d.srv = SDOServer{Node: node, Dict: d}
	add := func(index uint16, sub uint8, size int, v uint64, ro bool) {
		e := &odEntry{size: size, readOnly: ro}
		binary.LittleEndian.PutUint64(e.data[:], v)
		d.od[key(index, sub)] = e
	}
	add(ObjDeviceType, 0, 4, uint64(DeviceTypeServo), true)
	add(ObjIdentity, 0, 1, 4, true)
	add(ObjIdentity, 1, 4, 0x0000_00C0, true) // vendor ID
	add(ObjIdentity, 2, 4, 0x0000_0402, true) // product code
	add(ObjErrorRegister, 0, 1, 0, true)
	add(ObjConsumerHeartbeat, 0, 1, 1, true)
	add(ObjConsumerHeartbeat, 1, 4, 0, false)
	add(ObjProducerHeartbeat, 0, 2, 0, false)
	for k := 0; k < 4; k++ {
		add(ObjRPDOComm+uint16(k), 0, 1, 2, true)
		add(ObjRPDOComm+uint16(k), 1, 4, uint64(RPDOCOB(k+1, node)), false)
		add(ObjRPDOComm+uint16(k), 2, 1, 255, false)
		add(ObjTPDOComm+uint16(k), 0, 1, 2, true)
		add(ObjTPDOComm+uint16(k), 1, 4, uint64(TPDOCOB(k+1, node)|cobInvalid), false)
		add(ObjTPDOComm+uint16(k), 2, 1, 255, false)
		add(ObjRPDOMap+uint16(k), 0, 1, 0, false)
		add(ObjTPDOMap+uint16(k), 0, 1, 0, false)
		for s := uint8(1); s <= 8; s++ {
			add(ObjRPDOMap+uint16(k), s, 4, 0, false)
			add(ObjTPDOMap+uint16(k), s, 4, 0, false)
		}
	}
	add(ObjErrorCode, 0, 2, 0, true)
	add(ObjAbortConnection, 0, 2, 1, false)
	add(ObjControlword, 0, 2, 0, false)
	add(ObjStatusword, 0, 2, uint64(StatuswordFor(StateSwitchOnDisabled)), true)
	add(ObjModesOfOperation, 0, 1, 0, false)
	add(ObjModesDisplay, 0, 1, 0, true)
	add(ObjPositionActual, 0, 4, 0, true)
	add(ObjVelocityActual, 0, 4, 0, true)
	add(ObjTargetTorque, 0, 2, 0, false)
	add(ObjMaxTorque, 0, 2, 3000, false)
	add(ObjRatedTorque, 0, 4, 2500, true) // 2.5 N·m
	add(ObjTorqueActual, 0, 2, 0, true)
	add(ObjTargetPosition, 0, 4, 0, false)
	add(ObjTorqueOffset, 0, 2, 0, false)
	add(ObjTargetVelocity, 0, 4, 0, false)
	d.od[key(0x1008, 0)] = &odEntry{big: []byte("chiron fake CiA 402 drive"), readOnly: true}
	d.od[key(0x2000, 0)] = &odEntry{big: nil} // writable domain for segmented download tests
	d.wg.Add(1)
	go d.run()
	return d
}

func (d *fakeDrive) close() {
	close(d.done)
	d.conn.Close()
	d.wg.Wait()
}

func (d *fakeDrive) u(index uint16, sub uint8) uint64 {
	e := d.od[key(index, sub)]
	if e == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(e.data[:])
}

func (d *fakeDrive) set(index uint16, sub uint8, v uint64) {
	e := d.od[key(index, sub)]
	binary.LittleEndian.PutUint64(e.data[:], v)
	for i := e.size; i < 8; i++ {
		e.data[i] = 0
	}
}

// get returns an object value under the lock (for assertions).
func (d *fakeDrive) get(index uint16, sub uint8) uint64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.u(index, sub)
}

func (d *fakeDrive) ReadObject(index uint16, sub uint8) ([]byte, error) {
	e := d.od[key(index, sub)]
	if e == nil {
		if d.od[key(index, 0)] != nil {
			return nil, AbortNoSub
		}
		return nil, AbortNoObject
	}
	if e.size == 0 {
		return append([]byte(nil), e.big...), nil
	}
	return append([]byte(nil), e.data[:e.size]...), nil
}

func (d *fakeDrive) WriteObject(index uint16, sub uint8, data []byte) error {
	e := d.od[key(index, sub)]
	if e == nil {
		if d.od[key(index, 0)] != nil {
			return AbortNoSub
		}
		return AbortNoObject
	}
	if e.readOnly {
		return AbortReadOnly
	}
	if e.size == 0 {
		e.big = append([]byte(nil), data...)
		return nil
	}
	if len(data) != e.size {
		return AbortLength
	}
	// CiA 301 mapping procedure.
	isMap := index >= ObjRPDOMap && index <= ObjRPDOMap+3 || index >= ObjTPDOMap && index <= ObjTPDOMap+3
	if isMap {
		comm := ObjRPDOComm + (index - ObjRPDOMap)
		if index >= ObjTPDOMap {
			comm = ObjTPDOComm + (index - ObjTPDOMap)
		}
		if d.u(comm, 1)&cobInvalid == 0 {
			return AbortDeviceState
		}
		if sub > 0 && d.u(index, 0) != 0 {
			return AbortDeviceState
		}
		if sub == 0 {
			var bits int
			for s := uint8(1); s <= data[0]; s++ {
				ent := DecodePDOEntry(uint32(d.u(index, s)))
				if d.od[key(ent.Index, ent.Sub)] == nil {
					return AbortNoMap
				}
				bits += int(ent.Bits)
			}
			if data[0] > 8 || bits > 64 {
				return AbortPDOLength
			}
		}
	}
	if index == ObjModesOfOperation {
		m := OpMode(data[0])
		if m != ModeCSP && m != ModeCSV && m != ModeCST {
			return AbortRange
		}
	}
	copy(e.data[:], data)
	for i := len(data); i < 8; i++ {
		e.data[i] = 0
	}
	return nil
}

func (d *fakeDrive) run() {
	defer d.wg.Done()
	for {
		f, err := d.conn.ReadFrame(20 * time.Millisecond)
		select {
		case <-d.done:
			return
		default:
		}
		if err != nil {
			continue
		}
		d.mu.Lock()
		d.handle(f)
		d.mu.Unlock()
	}
}

func (d *fakeDrive) send(f canbus.Frame) { _ = d.conn.WriteFrame(f) }

func (d *fakeDrive) handle(f canbus.Frame) {
	switch {
	case f.ID == COBNMT:
		cmd, node, err := DecodeNMT(f)
		if err != nil || (node != 0 && node != d.node) {
			return
		}
		switch cmd {
		case NMTStart:
			d.nmt = NodeOperational
		case NMTStop:
			d.nmt = NodeStopped
		case NMTPreOperational:
			d.nmt = NodePreOperational
		}
	case f.ID == COBSDORx+uint32(d.node):
		if d.nmt == NodeStopped {
			return
		}
		if resp, ok := d.srv.Handle(f); ok {
			d.send(resp)
		}
	case f.ID == COBSync:
		d.sync()
	default:
		for k := 0; k < 4; k++ {
			if f.ID == RPDOCOB(k+1, d.node) {
				d.rpdo[k], d.rpdoN[k] = f, true
			}
		}
	}
}

func (d *fakeDrive) mapping(mp uint16) PDOMap {
	var es [MaxPDOEntries]PDOEntry
	n := int(d.u(mp, 0))
	if n > MaxPDOEntries {
		n = MaxPDOEntries
	}
	for s := 0; s < n; s++ {
		es[s] = DecodePDOEntry(uint32(d.u(mp, uint8(s+1))))
	}
	m, err := NewPDOMap(es[:n]...)
	if err != nil {
		return PDOMap{}
	}
	return m
}

func (d *fakeDrive) sync() {
	d.syncs++
	if !d.silentHB {
		d.send(EncodeHeartbeat(d.node, d.nmt))
	}
	if d.nmt != NodeOperational {
		return
	}
	var vals [MaxPDOEntries]uint64
	// RPDOs take effect at SYNC (transmission type 1).
	for k := 0; k < 4; k++ {
		if !d.rpdoN[k] || d.u(ObjRPDOComm+uint16(k), 1)&cobInvalid != 0 {
			continue
		}
		d.rpdoN[k] = false
		m := d.mapping(ObjRPDOMap + uint16(k))
		if m.Unpack(&d.rpdo[k], vals[:m.N]) != nil {
			continue
		}
		for i := 0; i < int(m.N); i++ {
			d.set(m.Entries[i].Index, m.Entries[i].Sub, vals[i])
		}
	}
	cw := uint16(d.u(ObjControlword, 0))
	if d.state == StateQuickStopActive {
		d.state = StateSwitchOnDisabled // quick stop option 2: ramp done
	}
	d.state = ApplyControlword(d.state, d.cw, cw)
	d.cw = cw
	if d.injectFault != 0 {
		d.state = StateFault
		d.set(ObjErrorCode, 0, uint64(d.injectFault))
		d.send(EncodeEmergency(Emergency{Node: d.node, Code: d.injectFault, Register: 0x01}))
		d.emcySent++
		d.injectFault = 0
	}
	mode := OpMode(d.u(ObjModesOfOperation, 0))
	d.set(ObjModesDisplay, 0, uint64(uint8(mode)))
	if d.state == StateOperationEnabled {
		switch mode {
		case ModeCSP:
			d.set(ObjPositionActual, 0, d.u(ObjTargetPosition, 0))
			d.set(ObjTorqueActual, 0, d.u(ObjTorqueOffset, 0))
		case ModeCSV:
			v := int32(d.u(ObjTargetVelocity, 0))
			d.set(ObjVelocityActual, 0, uint64(uint32(v)))
			p := int32(d.u(ObjPositionActual, 0)) + v/1000
			d.set(ObjPositionActual, 0, uint64(uint32(p)))
		case ModeCST:
			d.set(ObjTorqueActual, 0, d.u(ObjTargetTorque, 0))
		}
	} else {
		d.set(ObjVelocityActual, 0, 0)
		d.set(ObjTorqueActual, 0, 0)
	}
	d.set(ObjStatusword, 0, uint64(StatuswordFor(d.state)))
	if d.silentTPDO {
		return
	}
	for k := 0; k < 4; k++ {
		cob := d.u(ObjTPDOComm+uint16(k), 1)
		if cob&cobInvalid != 0 {
			continue
		}
		m := d.mapping(ObjTPDOMap + uint16(k))
		for i := 0; i < int(m.N); i++ {
			vals[i] = d.u(m.Entries[i].Index, m.Entries[i].Sub)
		}
		f := canbus.Frame{ID: uint32(cob) & 0x7FF}
		m.Pack(&f, vals[:m.N])
		d.send(f)
	}
}
