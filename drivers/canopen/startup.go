package canopen

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// Start brings every drive up, in this order (not cyclic; it allocates and
// blocks, bounded by SDOTimeout and StateTimeout):
//
//  1. NMT enter pre-operational (PDOs stop; SDO configuration is allowed);
//  2. read 0x1000 and refuse anything but a CiA 402 servo drive;
//  3. map RPDO1 (controlword + target), TPDO1 (statusword, position,
//     torque) and TPDO2 (velocity, error code, mode display), all
//     synchronous (transmission type 1), and disable RPDO2–4 and TPDO3–4;
//  4. loss-of-master protection: 0x1016:01 consumer heartbeat watching
//     MasterNode with MasterTimeout, 0x6007 = AbortOption, both read back;
//     0x1017 = DriveHeartbeatPeriod so the master can watch the drive;
//  5. 0x6060 = the joint's mode, 0x6072 = MaxTorque if set, 0x6076 read
//     if RatedTorque is 0;
//  6. NMT start;
//  7. walk the CiA 402 state machine over PDOs (fault reset if in Fault,
//     shutdown, switch on — and disable operation for a drive found
//     enabled) to Switched on, each step confirmed by the statusword within
//     StateTimeout: no drive produces torque before a control loop runs and
//     enables it (its first active command sends enable operation); CSP
//     targets follow the measured position so enabling never moves a
//     joint; finally check 0x6061;
//  8. send one RPDO+SYNC round so the first Read has samples.
//
// The master's heartbeat is produced throughout, from the start. Errors are
// *drivers.Error naming the joint.
func (n *Network) Start() error {
	clock := n.cfg.Clock
	n.started, n.cycling = false, false
	now := clock()
	n.hb.primed = false
	if err := n.pollHeartbeat(now); err != nil {
		return err
	}
	sdo := &SDOClient{Conn: n.conn, Timeout: n.cfg.SDOTimeout, Other: func(f canbus.Frame) {
		n.dispatch(f, clock(), false)
	}}
	for i := range n.joints {
		j := &n.joints[i]
		if err := n.conn.WriteFrame(EncodeNMT(NMTPreOperational, j.cfg.Node)); err != nil {
			return jointErr(i, drivers.KindBusOff, "NMT pre-operational", err)
		}
	}
	for i := range n.joints {
		if err := n.configure(sdo, &n.joints[i]); err != nil {
			return err
		}
	}
	now = clock()
	for i := range n.joints {
		j := &n.joints[i]
		n.consumer.Watch(j.cfg.Node, n.cfg.DriveTimeout, now)
		j.want, j.wasUp, j.resetEdge, j.emcy, j.emcyErr, j.err = wantEnabled, false, false, nil, nil, nil
		if err := n.conn.WriteFrame(EncodeNMT(NMTStart, j.cfg.Node)); err != nil {
			return jointErr(i, drivers.KindBusOff, "NMT start", err)
		}
		// The node is operational once it has the command (CiA 301 §7.3.2);
		// its next periodic heartbeat may be up to a producer period away, and
		// the pre-operational one seen before must not read as a fault.
		n.consumer.Assume(j.cfg.Node, NodeOperational)
	}
	if err := n.walk(); err != nil {
		return err
	}
	n.started = true
	// Prime the cycle: hold every joint where it is.
	now = clock()
	for i := range n.joints {
		j := &n.joints[i]
		if err := n.sendRPDO(j, CWSwitchOn, n.holdTarget(j), 0); err != nil {
			return err
		}
	}
	n.lastWrite, n.wrote, n.startedAt = now, true, now
	if err := n.sendSync(now); err != nil {
		return err
	}
	return n.pollHeartbeat(now)
}

// controlwordTowardSwitchedOn is ControlwordToward with the start-up's
// target, Switched on: power applied, no torque, brake engaged. Operation
// enabled is the control loop's to ask for (its first active command sends
// 0x0F, transition 4), so no drive produces torque before a loop runs and
// its supervisor has enabled (CiA 402-2 transition 5 brings a drive found
// in Operation enabled back down).
func controlwordTowardSwitchedOn(s DriveState) (cw uint16, done bool) {
	switch s {
	case StateOperationEnabled:
		return CWDisableOperation, false
	case StateSwitchedOn:
		return CWSwitchOn, true
	}
	return ControlwordToward(s)
}

func jointErr(i int, kind drivers.ErrorKind, what string, err error) error {
	var de *drivers.Error
	if errors.As(err, &de) {
		kind = de.Kind
		if de.Err != nil {
			err = fmt.Errorf("%s: %w", de.Detail, de.Err)
		}
	}
	return &drivers.Error{Joint: i, Kind: kind, Detail: "canopen start-up: " + what, Err: err}
}

// configure performs steps 2–5 of Start on one drive over SDO.
func (n *Network) configure(sdo *SDOClient, j *joint) error {
	node, i := j.cfg.Node, j.idx
	step := func(what string, err error) error {
		if err != nil {
			return jointErr(i, drivers.KindProtocol, fmt.Sprintf("node %d: %s", node, what), err)
		}
		return n.pollHeartbeat(n.cfg.Clock())
	}
	dt, err := sdo.UploadU32(node, ObjDeviceType, 0)
	if err := step("read device type 0x1000", err); err != nil {
		return err
	}
	if !IsServoDrive(dt) {
		return &drivers.Error{Joint: i, Kind: drivers.KindProtocol,
			Detail: fmt.Sprintf("canopen start-up: node %d device type 0x%08x is not a CiA 402 servo drive (want 0x%08x)", node, dt, DeviceTypeServo)}
	}
	if id := j.cfg.Identity; id != nil {
		vendor, err := sdo.UploadU32(node, ObjIdentity, 1)
		if err := step("read vendor ID 0x1018:01", err); err != nil {
			return err
		}
		product, err := sdo.UploadU32(node, ObjIdentity, 2)
		if err := step("read product code 0x1018:02", err); err != nil {
			return err
		}
		if vendor != id.Vendor || product != id.Product {
			return &drivers.Error{Joint: i, Kind: drivers.KindProtocol,
				Detail: fmt.Sprintf("canopen start-up: node %d is vendor 0x%08x product 0x%08x (0x1018:01, :02), not the drive %s describes (vendor 0x%08x product 0x%08x)",
					node, vendor, product, id.Source, id.Vendor, id.Product)}
		}
	}
	// Disable the PDOs we do not use so drive defaults (often event-driven
	// TPDOs) cannot flood the bus. Drives without them abort; that is fine.
	for k := 2; k <= 4; k++ {
		err := sdo.DownloadU32(node, ObjRPDOComm+uint16(k-1), 1, RPDOCOB(k, node)|cobInvalid)
		if err := step(fmt.Sprintf("disable RPDO%d", k), ignoreMissing(err)); err != nil {
			return err
		}
	}
	for k := 3; k <= 4; k++ {
		err := sdo.DownloadU32(node, ObjTPDOComm+uint16(k-1), 1, TPDOCOB(k, node)|cobInvalid)
		if err := step(fmt.Sprintf("disable TPDO%d", k), ignoreMissing(err)); err != nil {
			return err
		}
	}
	pdos := []struct {
		name     string
		comm, mp uint16
		cob      uint32
		m        *PDOMap
	}{
		{"RPDO1", ObjRPDOComm, ObjRPDOMap, j.rpdoCOB, &j.rpdo},
		{"TPDO1", ObjTPDOComm, ObjTPDOMap, j.tpdo1COB, &j.tpdo1},
		{"TPDO2", ObjTPDOComm + 1, ObjTPDOMap + 1, j.tpdo2COB, &j.tpdo2},
	}
	for _, p := range pdos {
		if err := step("map "+p.name, n.mapPDO(sdo, node, p.comm, p.mp, p.cob, p.m)); err != nil {
			return err
		}
	}
	// Loss-of-master protection (CiA 301 "Consumer heartbeat time",
	// CiA 402 "Abort connection option code").
	hb := uint32(n.cfg.MasterNode)<<16 | uint32(n.cfg.MasterTimeout/time.Millisecond)
	if err := step("write 0x1016:01 consumer heartbeat", sdo.DownloadU32(node, ObjConsumerHeartbeat, 1, hb)); err != nil {
		return err
	}
	if err := step("write 0x6007 abort connection option", sdo.DownloadI16(node, ObjAbortConnection, 0, int16(n.cfg.AbortOption))); err != nil {
		return err
	}
	got, err := sdo.UploadU32(node, ObjConsumerHeartbeat, 1)
	if err := step("read back 0x1016:01", err); err != nil {
		return err
	}
	if got != hb {
		return &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("canopen start-up: node %d 0x1016:01 reads 0x%08x after writing 0x%08x", node, got, hb)}
	}
	opt, err := sdo.UploadU16(node, ObjAbortConnection, 0)
	if err := step("read back 0x6007", err); err != nil {
		return err
	}
	if int16(opt) != int16(n.cfg.AbortOption) {
		return &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("canopen start-up: node %d 0x6007 reads %d after writing %d", node, int16(opt), n.cfg.AbortOption)}
	}
	if err := step("write 0x1017 producer heartbeat", sdo.DownloadU16(node, ObjProducerHeartbeat, 0, uint16(n.cfg.DriveHeartbeatPeriod/time.Millisecond))); err != nil {
		return err
	}
	if err := step("write 0x6060 mode", sdo.DownloadI8(node, ObjModesOfOperation, 0, int8(j.cfg.Mode))); err != nil {
		return err
	}
	rated := j.cfg.RatedTorque
	if rated == 0 {
		mNm, err := sdo.UploadU32(node, ObjRatedTorque, 0)
		if err := step("read 0x6076 rated torque", err); err != nil {
			return err
		}
		if mNm == 0 {
			return &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("canopen start-up: node %d reports rated torque 0", node)}
		}
		rated = float64(mNm) / 1000
	}
	// A reversed joint (negative CountsPerRad) reverses torque too.
	j.torquePerMille = math.Copysign(1000/(rated*j.cfg.GearRatio), j.cfg.CountsPerRad)
	j.maxPerMille = math.MaxInt16
	if j.cfg.MaxTorque > 0 {
		j.maxPerMille = math.Min(j.cfg.MaxTorque*math.Abs(j.torquePerMille), math.MaxInt16)
		if err := step("write 0x6072 max torque", sdo.DownloadU16(node, ObjMaxTorque, 0, uint16(math.Round(j.maxPerMille)))); err != nil {
			return err
		}
	}
	return nil
}

// cobInvalid is COB-ID bit 31: the PDO does not exist / is not valid
// (CiA 301 "PDO communication parameter").
const cobInvalid = 1 << 31

func ignoreMissing(err error) error {
	var a *SDOAbortError
	if errors.As(err, &a) && (a.Code == AbortNoObject || a.Code == AbortNoSub) {
		return nil
	}
	return err
}

// mapPDO follows CiA 301 "PDO mapping" procedure: invalidate the PDO, set
// the transmission type, zero the entry count, write the entries, set the
// count, validate the PDO.
func (n *Network) mapPDO(sdo *SDOClient, node uint8, comm, mp uint16, cob uint32, m *PDOMap) error {
	if err := sdo.DownloadU32(node, comm, 1, cob|cobInvalid); err != nil {
		return err
	}
	if err := sdo.DownloadU8(node, comm, 2, 1); err != nil { // synchronous, every SYNC
		return err
	}
	if err := sdo.DownloadU8(node, mp, 0, 0); err != nil {
		return err
	}
	for k := 0; k < int(m.N); k++ {
		if err := sdo.DownloadU32(node, mp, uint8(k+1), m.Entries[k].Value()); err != nil {
			return err
		}
	}
	if err := sdo.DownloadU8(node, mp, 0, m.N); err != nil {
		return err
	}
	return sdo.DownloadU32(node, comm, 1, cob)
}

// walk performs step 7 of Start: SYNC rounds until every drive reports
// Operation enabled, each state change within StateTimeout.
func (n *Network) walk() error {
	clock := n.cfg.Clock
	since := make([]time.Duration, len(n.joints))
	last := make([]DriveState, len(n.joints))
	resets := make([]int, len(n.joints))
	var dummy drivers.JointState
	now := clock()
	for i := range since {
		since[i] = now
		last[i] = StateUnknown
	}
	first := true
	for {
		now = clock()
		if !first {
			for i := range n.joints {
				j := &n.joints[i]
				cw, _ := controlwordTowardSwitchedOn(j.state)
				if cw == CWFaultReset {
					// Present a fresh rising edge every few rounds
					// until the fault clears or the step times out.
					if resets[i]%4 != 0 {
						cw = CWDisableVoltage
					}
					resets[i]++
				}
				if err := n.sendRPDO(j, cw, n.holdTarget(j), 0); err != nil {
					return jointErr(i, drivers.KindBusOff, "RPDO1", err)
				}
			}
		}
		// The first round sends SYNC alone: the drives' targets are
		// unknown until they report their positions.
		first = false
		n.drain(now)
		if err := n.sendSync(now); err != nil {
			return err
		}
		if err := n.pollHeartbeat(now); err != nil {
			return err
		}
		if err := n.collect(now, n.cfg.ReadTimeout+n.cfg.SDOTimeout); err != nil {
			return err
		}
		n.pending = false
		now = clock()
		done := true
		for i := range n.joints {
			j := &n.joints[i]
			if j.got != gotAll {
				return &drivers.Error{Joint: i, Kind: drivers.KindTimeout, Detail: fmt.Sprintf("canopen start-up: node %d sent no TPDOs after NMT start", j.cfg.Node)}
			}
			n.decode(j, &dummy)
			if j.state != last[i] {
				last[i], since[i] = j.state, now
			}
			if j.state != StateSwitchedOn {
				done = false
				if now-since[i] > n.cfg.StateTimeout {
					kind := drivers.KindTimeout
					var cause error
					if j.state == StateFault {
						kind = drivers.KindDriveFault
						if j.emcy != nil {
							cause = j.emcy
						}
					}
					return &drivers.Error{Joint: i, Kind: kind, Err: cause,
						Detail: fmt.Sprintf("canopen start-up: node %d stuck in %v (statusword 0x%04x, error code 0x%04x)", j.cfg.Node, j.state, j.sw, j.errCode)}
				}
			}
		}
		if done {
			break
		}
	}
	for i := range n.joints {
		j := &n.joints[i]
		j.wasUp, j.want = true, wantEnabled
		if OpMode(j.modeDisplay) != j.cfg.Mode {
			return &drivers.Error{Joint: i, Kind: drivers.KindProtocol,
				Detail: fmt.Sprintf("canopen start-up: node %d displays mode %v, configured %v", j.cfg.Node, OpMode(j.modeDisplay), j.cfg.Mode)}
		}
	}
	return nil
}
