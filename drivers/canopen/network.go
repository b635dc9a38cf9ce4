package canopen

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// JointConfig describes one CiA 402 drive of a Network, in SI units.
type JointConfig struct {
	Node uint8  // CANopen node ID, 1..127
	Mode OpMode // native mode: ModeCSP, ModeCSV or ModeCST
	// CountsPerRad converts drive position units to joint units: counts
	// per radian of the joint (per metre for a prismatic joint), gearing
	// included; velocity uses the same factor (counts/s per rad/s). A
	// negative value reverses the direction (of torque as well).
	CountsPerRad float64
	// PositionOffset is added to the scaled drive position (rad or m).
	PositionOffset float64
	// RatedTorque is the drive's 0x6076 in N·m (the torque that 1000 per
	// mille means); 0 reads it from the drive at start-up.
	RatedTorque float64
	// GearRatio is joint effort per drive torque (N·m/N·m, or N/N·m for a
	// prismatic joint); 0 means 1.
	GearRatio float64
	// MaxTorque, if > 0, is written to 0x6072 as the drive's own torque
	// limit, in joint units (N·m or N), and clamps every torque command.
	MaxTorque float64
	// TorqueOffset maps 0x60B2 torque offset into RPDO1 in CSP and CSV so
	// JointCommand.Effort reaches the drive as feed-forward. Not every
	// drive can map it (start-up then fails with abort 0x06040041).
	TorqueOffset bool
	// Identity, when set, is the drive the master expects at Node (from
	// its EDS): start-up reads the identity object 0x1018 and refuses
	// another vendor or product, naming the object.
	Identity *Identity
}

// Identity is a drive's CiA 301 identity (0x1018:01 vendor ID, :02
// product code) as a data sheet gives it; Source names that data sheet in
// errors.
type Identity struct {
	Vendor, Product uint32
	Source          string
}

// Config configures a Network. Zero durations take the defaults named.
type Config struct {
	Joints []JointConfig // in joint order
	// MasterNode is the node ID of the master's own heartbeat (default 127);
	// it must differ from every drive's.
	MasterNode uint8
	// HeartbeatPeriod is the master's heartbeat period (default 10 ms).
	// The heartbeat is sent from Write, so it stops when the loop stops.
	HeartbeatPeriod time.Duration
	// MasterTimeout is written to each drive's 0x1016 consumer heartbeat:
	// how long a drive tolerates a silent master before applying
	// AbortOption (default 10 × HeartbeatPeriod).
	MasterTimeout time.Duration
	// AbortOption is each drive's 0x6007 action on loss of the master:
	// AbortFaultSignal, AbortDisableVolt or AbortQuickStop (the default,
	// used when 0). AbortNoAction is refused: a drive must never keep
	// obeying a dead master.
	AbortOption AbortOption
	// DriveHeartbeatPeriod is written to each drive's 0x1017 (default 20 ms).
	DriveHeartbeatPeriod time.Duration
	// DriveTimeout is how long the master tolerates a silent drive
	// (default 5 × DriveHeartbeatPeriod).
	DriveTimeout time.Duration
	// ReadTimeout bounds how long Read waits for the TPDOs (default 2 ms).
	ReadTimeout time.Duration
	// SDOTimeout bounds each SDO response at start-up (default 100 ms).
	SDOTimeout time.Duration
	// StateTimeout bounds each CiA 402 transition at start-up (default 1 s).
	StateTimeout time.Duration
	// Clock is the start-up clock (time since an epoch); nil uses the
	// monotonic clock. Read and Write use the loop's now instead.
	Clock func() time.Duration
}

func (c *Config) defaults() {
	if c.MasterNode == 0 {
		c.MasterNode = 127
	}
	if c.HeartbeatPeriod == 0 {
		c.HeartbeatPeriod = 10 * time.Millisecond
	}
	if c.MasterTimeout == 0 {
		c.MasterTimeout = 10 * c.HeartbeatPeriod
	}
	if c.AbortOption == AbortNoAction {
		c.AbortOption = AbortQuickStop
	}
	if c.DriveHeartbeatPeriod == 0 {
		c.DriveHeartbeatPeriod = 20 * time.Millisecond
	}
	if c.DriveTimeout == 0 {
		c.DriveTimeout = 5 * c.DriveHeartbeatPeriod
	}
	if c.ReadTimeout == 0 {
		c.ReadTimeout = 2 * time.Millisecond
	}
	if c.SDOTimeout == 0 {
		c.SDOTimeout = DefaultSDOTimeout
	}
	if c.StateTimeout == 0 {
		c.StateTimeout = time.Second
	}
	if c.Clock == nil {
		epoch := time.Now()
		c.Clock = func() time.Duration { return time.Since(epoch) }
	}
}

func (c *Config) validate() error {
	if len(c.Joints) == 0 {
		return errors.New("canopen: no joints configured")
	}
	if !ValidNode(c.MasterNode) {
		return fmt.Errorf("canopen: master node ID %d not in 1..127", c.MasterNode)
	}
	switch c.AbortOption {
	case AbortFaultSignal, AbortDisableVolt, AbortQuickStop:
	default:
		return fmt.Errorf("canopen: abort connection option %d not one of 1 (fault), 2 (disable voltage), 3 (quick stop)", c.AbortOption)
	}
	if c.MasterTimeout <= c.HeartbeatPeriod {
		return fmt.Errorf("canopen: master timeout %v must exceed the heartbeat period %v", c.MasterTimeout, c.HeartbeatPeriod)
	}
	if c.MasterTimeout > 65535*time.Millisecond || c.DriveHeartbeatPeriod > 65535*time.Millisecond {
		return errors.New("canopen: heartbeat times above 65535 ms do not fit 0x1016/0x1017")
	}
	if c.DriveTimeout <= c.DriveHeartbeatPeriod {
		return fmt.Errorf("canopen: drive timeout %v must exceed the drive heartbeat period %v", c.DriveTimeout, c.DriveHeartbeatPeriod)
	}
	seen := map[uint8]int{c.MasterNode: -1}
	for i, j := range c.Joints {
		if !ValidNode(j.Node) {
			return fmt.Errorf("canopen: joint %d: node ID %d not in 1..127", i, j.Node)
		}
		if k, dup := seen[j.Node]; dup {
			if k < 0 {
				return fmt.Errorf("canopen: joint %d: node ID %d is the master's", i, j.Node)
			}
			return fmt.Errorf("canopen: joints %d and %d share node ID %d", k, i, j.Node)
		}
		seen[j.Node] = i
		switch j.Mode {
		case ModeCSP, ModeCSV, ModeCST:
		default:
			return fmt.Errorf("canopen: joint %d: mode %v is not CSP, CSV or CST", i, j.Mode)
		}
		if j.CountsPerRad == 0 || math.IsNaN(j.CountsPerRad) || math.IsInf(j.CountsPerRad, 0) {
			return fmt.Errorf("canopen: joint %d: counts per rad must be finite and non-zero", i)
		}
		if j.RatedTorque < 0 || j.GearRatio < 0 || j.MaxTorque < 0 {
			return fmt.Errorf("canopen: joint %d: rated torque, gear ratio and max torque must not be negative", i)
		}
	}
	return nil
}

// want is what the master wants of a drive's state machine.
type want uint8

const (
	wantEnabled  want = iota // climb to and stay in Operation enabled (Switched on for ModeOff)
	wantHalted               // quick stop (0x02): never cuts power mid-ramp
	wantDisabled             // disable voltage (0x00): power stage off
)

const (
	gotTPDO1 = 1 << iota
	gotTPDO2
	gotAll = gotTPDO1 | gotTPDO2
)

// joint is one drive's cyclic state; everything the hot path touches is
// preallocated here.
type joint struct {
	cfg                      JointConfig
	idx                      int
	rpdo, tpdo1, tpdo2       PDOMap
	rpdoCOB, tpdo1COB        uint32
	tpdo2COB                 uint32
	vals                     [MaxPDOEntries]uint64
	torquePerMille           float64 // per mille per joint N·m
	maxPerMille              float64
	sw                       uint16
	state                    DriveState
	pos, vel                 int32
	torque                   int16
	errCode                  uint16
	modeDisplay              int8
	got                      uint8
	stamp                    time.Duration
	fresh                    bool // the last Read had this joint's TPDOs
	want                     want
	resetEdge                bool
	wasUp                    bool // reached Switched on or Operation enabled since the last Enable
	lastCW                   uint16
	target                   int32 // last CSP position target
	emcy                     *Emergency
	emcyErr                  *drivers.Error
	errTPDO, errHB, errFault *drivers.Error
	errMode, errNMT, errBoot *drivers.Error
	err                      error // this joint's error from the last Read or Write
}

// Network is a drivers.Bus over CiA 402 drives on one CAN bus, driven by
// SYNC: Write sends every drive's RPDO1 then SYNC; the drives answer with
// TPDO1 and TPDO2 sampled at that SYNC, which the next Read collects. It is
// not safe for concurrent use; one control loop owns it.
type Network struct {
	conn      canbus.Conn
	cfg       Config
	joints    []joint
	byNode    [MaxNode + 1]int16 // joint index + 1; 0 = not ours
	hb        HeartbeatProducer
	consumer  HeartbeatConsumer
	pending   bool // a SYNC was sent whose TPDOs Read has not collected
	syncStamp time.Duration
	lastWrite time.Duration
	wrote     bool
	started   bool
	// startedAt is the start-up clock's last reading in Start; cycling
	// is set by the first Read or Write after it, which moves every timer
	// onto the caller's clock (see enterCycles).
	startedAt time.Duration
	cycling   bool

	errLen, errNoSync, errNotStarted *drivers.Error
}

var _ drivers.Bus = (*Network)(nil)

// New validates cfg and returns a Network on conn. Call Start before the
// first Read or Write.
func New(conn canbus.Conn, cfg Config) (*Network, error) {
	cfg.Joints = append([]JointConfig(nil), cfg.Joints...)
	cfg.defaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	n := &Network{conn: conn, cfg: cfg, joints: make([]joint, len(cfg.Joints))}
	n.hb = HeartbeatProducer{Node: cfg.MasterNode, Period: cfg.HeartbeatPeriod, State: NodeOperational}
	n.errLen = &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("canopen: want exactly %d joints", len(cfg.Joints))}
	n.errNoSync = &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: "canopen: Read without a preceding Write (no SYNC outstanding)"}
	n.errNotStarted = &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: "canopen: network not started"}
	for i := range n.joints {
		j := &n.joints[i]
		j.cfg, j.idx = cfg.Joints[i], i
		node := j.cfg.Node
		n.byNode[node] = int16(i + 1)
		if j.cfg.GearRatio == 0 {
			j.cfg.GearRatio = 1
		}
		j.rpdoCOB, j.tpdo1COB, j.tpdo2COB = RPDOCOB(1, node), TPDOCOB(1, node), TPDOCOB(2, node)
		var err error
		if j.rpdo, err = rpdoMapping(&j.cfg); err != nil {
			return nil, fmt.Errorf("canopen: joint %d: %w", i, err)
		}
		j.tpdo1, j.tpdo2 = tpdo1Mapping, tpdo2Mapping
		d := fmt.Sprintf("node %d", node)
		j.errTPDO = &drivers.Error{Joint: i, Kind: drivers.KindTimeout, Detail: d + ": TPDOs missing after SYNC"}
		j.errHB = &drivers.Error{Joint: i, Kind: drivers.KindTimeout, Detail: d + ": heartbeat lost"}
		j.errFault = &drivers.Error{Joint: i, Kind: drivers.KindDriveFault, Detail: d + ": CiA 402 fault"}
		j.errMode = &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: d + ": command mode not executable in " + j.cfg.Mode.String() + "; drive operation disabled"}
		j.errNMT = &drivers.Error{Joint: i, Kind: drivers.KindDriveFault, Detail: d + ": left NMT operational"}
		j.errBoot = &drivers.Error{Joint: i, Kind: drivers.KindDriveFault, Detail: d + ": rebooted (boot-up message); its configuration is lost"}
	}
	return n, nil
}

// The fixed TPDO layout. CiA 301 PDOs carry 8 bytes, so statusword (2) +
// position (4) + velocity (4) cannot share one: TPDO1 carries statusword,
// position actual and torque actual; TPDO2 velocity actual, error code and
// modes of operation display. Both are synchronous (transmission type 1).
var (
	tpdo1Mapping = mustMap(PDOEntry{ObjStatusword, 0, 16}, PDOEntry{ObjPositionActual, 0, 32}, PDOEntry{ObjTorqueActual, 0, 16})
	tpdo2Mapping = mustMap(PDOEntry{ObjVelocityActual, 0, 32}, PDOEntry{ObjErrorCode, 0, 16}, PDOEntry{ObjModesDisplay, 0, 8})
)

func mustMap(e ...PDOEntry) PDOMap {
	m, err := NewPDOMap(e...)
	if err != nil {
		panic(err)
	}
	return m
}

// rpdoMapping returns RPDO1 for a joint: controlword + the native mode's
// target (+ torque offset when configured).
func rpdoMapping(c *JointConfig) (PDOMap, error) {
	cw := PDOEntry{ObjControlword, 0, 16}
	switch c.Mode {
	case ModeCSP:
		if c.TorqueOffset {
			return NewPDOMap(cw, PDOEntry{ObjTargetPosition, 0, 32}, PDOEntry{ObjTorqueOffset, 0, 16})
		}
		return NewPDOMap(cw, PDOEntry{ObjTargetPosition, 0, 32})
	case ModeCSV:
		if c.TorqueOffset {
			return NewPDOMap(cw, PDOEntry{ObjTargetVelocity, 0, 32}, PDOEntry{ObjTorqueOffset, 0, 16})
		}
		return NewPDOMap(cw, PDOEntry{ObjTargetVelocity, 0, 32})
	}
	return NewPDOMap(cw, PDOEntry{ObjTargetTorque, 0, 16})
}

// Joints returns the number of drives.
func (n *Network) Joints() int { return len(n.joints) }

// JointError returns joint i's error from the last Read or Write (nil when
// healthy). Read and Write return only the first failing joint's error.
func (n *Network) JointError(i int) error { return n.joints[i].err }

// DriveState returns joint i's last decoded CiA 402 state and statusword.
func (n *Network) DriveState(i int) (DriveState, uint16) {
	return n.joints[i].state, n.joints[i].sw
}

// NodeState returns the last NMT state heard from joint i's heartbeat.
func (n *Network) NodeState(i int) NMTState {
	s, _, _ := n.consumer.State(n.joints[i].cfg.Node)
	return s
}

// QuickStop makes the following Writes send the quick stop controlword to
// every drive (CiA 402 transition 11: decelerate on the quick stop ramp),
// whatever the commands, until Enable.
func (n *Network) QuickStop() {
	for i := range n.joints {
		n.joints[i].want = wantHalted
	}
}

// Disable makes the following Writes send disable voltage to every drive:
// the power stage turns off at once and the joints coast (or brake, as the
// drive's brake logic decides). Prefer QuickStop to stop a moving robot.
func (n *Network) Disable() {
	for i := range n.joints {
		n.joints[i].want = wantDisabled
	}
}

// Enable lets joint i (or every joint, for i < 0) climb back to Operation
// enabled over the following Writes. It is needed after QuickStop, Disable,
// or a drive leaving Operation enabled on its own (fault, its own quick stop,
// loss of master): the network never re-enables a drive silently.
func (n *Network) Enable(i int) {
	for k := range n.joints {
		if i < 0 || k == i {
			n.joints[k].want = wantEnabled
			n.joints[k].wasUp = false
		}
	}
}

// ResetFault makes the next Write send a fault-reset rising edge (CiA 402
// transition 15) to joint i (every joint for i < 0). The drive then rests
// in Switch on disabled until Enable.
func (n *Network) ResetFault(i int) {
	for k := range n.joints {
		if i < 0 || k == i {
			n.joints[k].resetEdge = true
		}
	}
}

// dispatch handles one received frame at now. TPDOs count only when
// acceptTPDO (during Read); outside it they are stale.
func (n *Network) dispatch(f canbus.Frame, now time.Duration, acceptTPDO bool) {
	if f.IsExtended || f.IsRemote || f.ID > 0x7FF {
		return
	}
	fn, node := SplitCOB(f.ID)
	k := n.byNode[node]
	if k == 0 {
		return
	}
	j := &n.joints[k-1]
	switch fn {
	case COBHeartbeat:
		n.consumer.Observe(f, now)
	case COBEmcy:
		e, err := DecodeEmergency(f)
		if err != nil {
			return
		}
		if e.Code == EmcyNoError {
			j.emcy, j.emcyErr = nil, nil
			return
		}
		// Allocates once per EMCY message (an event, not a cycle).
		j.emcy = &e
		j.emcyErr = &drivers.Error{Joint: j.idx, Kind: drivers.KindDriveFault, Detail: fmt.Sprintf("node %d: CiA 402 fault", node), Err: j.emcy}
	case COBTPDO1:
		if acceptTPDO && j.tpdo1.Unpack(&f, j.vals[:j.tpdo1.N]) == nil {
			j.sw = uint16(j.vals[0])
			j.pos = int32(j.vals[1])
			j.torque = int16(j.vals[2])
			j.got |= gotTPDO1
		}
	case COBTPDO2:
		if acceptTPDO && j.tpdo2.Unpack(&f, j.vals[:j.tpdo2.N]) == nil {
			j.vel = int32(j.vals[0])
			j.errCode = uint16(j.vals[1])
			j.modeDisplay = int8(j.vals[2])
			j.got |= gotTPDO2
		}
	}
}

// enterCycles moves the network's timers — the master heartbeat's
// schedule, the drives' last heartbeats, the last SYNC and Write — from the
// start-up clock (Config.Clock) to the clock of the first Read or Write
// after Start, keeping each one's distance from the end of Start. The
// caller of Read and Write is the control loop, whose clock has an epoch of
// its own (the runner's start), usually behind the start-up clock's: left
// on the start-up clock, the master heartbeat's next send would lie that far
// in the future, so the drives, hearing nothing, would take the master for
// dead after their 0x1016 time and fault — `chiron demo`'s PSM did, 50 ms
// after enabling, in every start — and a clock ahead of it would expire the
// drives' heartbeats at once. On one clock throughout the shift is the time
// that passed between Start and the first cycle, and the heartbeat follows
// within one period either way.
func (n *Network) enterCycles(now time.Duration) {
	d := now - n.startedAt
	n.hb.Shift(d)
	n.consumer.Shift(d)
	n.syncStamp += d
	n.lastWrite += d
	n.cycling = true
}

// drain handles every frame already received without waiting, dropping
// TPDOs (they answer a SYNC whose Read has finished).
func (n *Network) drain(now time.Duration) {
	for {
		f, err := n.conn.ReadFrame(0)
		if err != nil {
			return
		}
		n.dispatch(f, now, false)
	}
}

// collect waits up to timeout for TPDO1 and TPDO2 of every joint.
func (n *Network) collect(now time.Duration, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		all := true
		for i := range n.joints {
			if n.joints[i].got != gotAll {
				all = false
				break
			}
		}
		if all {
			// Pick up heartbeats and EMCY already queued behind the PDOs.
			for {
				f, err := n.conn.ReadFrame(0)
				if err != nil {
					return nil
				}
				n.dispatch(f, now, true)
			}
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil
		}
		f, err := n.conn.ReadFrame(left)
		if err == canbus.ErrTimeout {
			if canbus.Quiet(n.conn) {
				return nil // nothing more can come: the rest are lost
			}
			continue
		}
		if err != nil {
			return &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "canopen: read", Err: err}
		}
		n.dispatch(f, now, true)
	}
}

func (n *Network) sendSync(now time.Duration) error {
	for i := range n.joints {
		n.joints[i].got = 0
	}
	if err := n.conn.WriteFrame(EncodeSync()); err != nil {
		return &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "canopen: SYNC", Err: err}
	}
	n.pending, n.syncStamp = true, now
	return nil
}

func (n *Network) pollHeartbeat(now time.Duration) error {
	if f, due := n.hb.Poll(now); due {
		if err := n.conn.WriteFrame(f); err != nil {
			return &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "canopen: master heartbeat", Err: err}
		}
	}
	return nil
}

// Read collects the TPDOs the last Write's SYNC triggered and fills states.
// A joint whose TPDOs did not arrive keeps its previous values and Stamp and
// reports KindTimeout; so does a joint whose heartbeat stopped. A drive in
// Fault sets StatusFault and reports KindDriveFault (wrapping its latest
// *Emergency, if any). The first failing joint's error is returned; see
// JointError for the others. Stamp is the time of the SYNC, when the drives
// sampled.
func (n *Network) Read(now time.Duration, states []drivers.JointState) error {
	if len(states) != len(n.joints) {
		return n.errLen
	}
	if !n.started {
		return n.errNotStarted
	}
	if !n.cycling {
		n.enterCycles(now)
	}
	if !n.pending {
		return n.errNoSync
	}
	n.pending = false
	busErr := n.collect(now, n.cfg.ReadTimeout)
	var first error
	for i := range n.joints {
		j := &n.joints[i]
		j.err = nil
		j.fresh = j.got == gotAll
		if j.fresh {
			n.decode(j, &states[i])
		}
		j.err = n.check(j, now)
		if j.err != nil && first == nil {
			first = j.err
		}
	}
	if busErr != nil {
		return busErr
	}
	return first
}

// decode turns a joint's raw TPDO values into SI units and status bits.
func (n *Network) decode(j *joint, st *drivers.JointState) {
	prev := j.state
	j.state = DecodeStatusword(j.sw)
	st.Position = float64(j.pos)/j.cfg.CountsPerRad + j.cfg.PositionOffset
	st.Velocity = float64(j.vel) / j.cfg.CountsPerRad
	st.Effort = float64(j.torque) / j.torquePerMille
	st.Stamp = n.syncStamp
	var s drivers.Status
	switch j.state {
	case StateOperationEnabled:
		s |= drivers.StatusEnabled
	case StateFault, StateFaultReactionActive:
		s |= drivers.StatusFault
	}
	if j.sw&SWWarning != 0 {
		s |= drivers.StatusWarning
	}
	if (prev == StateFault || prev == StateFaultReactionActive) && j.state != StateFault && j.state != StateFaultReactionActive {
		j.emcy, j.emcyErr = nil, nil // the fault was reset
	}
	if j.emcy != nil {
		s |= emcyStatus(j.emcy.Code)
	}
	st.Status = s
	// A drive that leaves Switched on / Operation enabled without being
	// told is latched halted: it stays down until Enable.
	switch j.state {
	case StateSwitchedOn, StateOperationEnabled:
		j.wasUp = true
	case StateReadyToSwitchOn:
	default:
		if j.wasUp && j.want == wantEnabled {
			j.want = wantHalted
		}
		j.wasUp = false
	}
}

// emcyStatus maps an emergency error code to status bits (CiA 301 error
// code classes; 0x8130 is the drive's own heartbeat consumer timing out).
func emcyStatus(code uint16) drivers.Status {
	switch {
	case code == EmcyHeartbeat:
		return drivers.StatusCommLost
	case code&0xFF00 == EmcySensor:
		return drivers.StatusEncoder
	}
	switch code & 0xF000 {
	case EmcyCurrent:
		return drivers.StatusOverCurrent
	case EmcyVoltage:
		return drivers.StatusVoltage
	case EmcyTemperature:
		return drivers.StatusOverTemperature
	}
	return 0
}

// check returns a joint's error after a Read, most severe first.
func (n *Network) check(j *joint, now time.Duration) error {
	if n.consumer.Expired(j.cfg.Node, now) {
		return j.errHB
	}
	if s, _, seen := n.consumer.State(j.cfg.Node); seen && s != NodeOperational {
		if s == NodeBootUp {
			return j.errBoot
		}
		return j.errNMT
	}
	if !j.fresh {
		return j.errTPDO
	}
	if j.state == StateFault || j.state == StateFaultReactionActive {
		if j.emcyErr != nil {
			return j.emcyErr
		}
		return j.errFault
	}
	return nil
}

// Write sends every joint's command in its RPDO1, then SYNC (and the
// master's heartbeat when due). How each JointCommand mode maps onto the
// drive's native mode:
//
//	CSP: position and impedance → target position (the drive's own
//	     position loop stands in for Kp/Kd; Effort goes to the torque
//	     offset when mapped); velocity → target advanced by Velocity·dt,
//	     dt from the previous Write; effort → not executable.
//	CSV: velocity → target velocity (+ torque offset); others not executable.
//	CST: effort → target torque; impedance → Effort + Kp·(Position−q) +
//	     Kd·(Velocity−q̇) from the last Read; position (Kp > 0) and velocity
//	     (Kd > 0) → the same law; clamped to MaxTorque.
//	Off: disable operation (0x07, CiA 402 transition 5): no torque, drive
//	     stays switched on; the next active command re-enables (0x0F).
//
// A command the drive's mode cannot execute is sent as Off and reported as
// KindProtocol for that joint. While a drive is not in Operation enabled
// its CSP target follows the measured position, so enabling never jumps.
func (n *Network) Write(now time.Duration, cmds []drivers.JointCommand) error {
	if len(cmds) != len(n.joints) {
		return n.errLen
	}
	if !n.started {
		return n.errNotStarted
	}
	if !n.cycling {
		n.enterCycles(now)
	}
	n.drain(now)
	dt := 0.0
	if n.wrote && now > n.lastWrite {
		dt = (now - n.lastWrite).Seconds()
	}
	n.lastWrite, n.wrote = now, true
	var first error
	for i := range n.joints {
		j := &n.joints[i]
		if err := n.writeJoint(j, &cmds[i], dt); err != nil {
			j.err = err
			if first == nil {
				first = err
			}
		}
	}
	if err := n.sendSync(now); err != nil {
		return err
	}
	if err := n.pollHeartbeat(now); err != nil {
		return err
	}
	return first
}

func (n *Network) writeJoint(j *joint, c *drivers.JointCommand, dt float64) error {
	var modeErr error
	target, offset, ok := n.target(j, c, dt)
	off := c.Mode == drivers.ModeOff
	if !ok {
		modeErr, off = j.errMode, true
	}
	cw := n.controlword(j, off)
	if cw != CWEnableOperation || j.state != StateOperationEnabled {
		// Not (yet) following commands: hold what the drive does now.
		target, offset = n.holdTarget(j), 0
	}
	if err := n.sendRPDO(j, cw, target, offset); err != nil {
		return err
	}
	return modeErr
}

// sendRPDO packs and sends a joint's RPDO1.
func (n *Network) sendRPDO(j *joint, cw uint16, target, offset int64) error {
	if j.cfg.Mode == ModeCSP {
		j.target = int32(target)
	}
	j.lastCW = cw
	j.vals[0] = uint64(cw)
	switch j.cfg.Mode {
	case ModeCST:
		j.vals[1] = uint64(uint16(int16(target)))
	default:
		j.vals[1] = uint64(uint32(int32(target)))
		if j.cfg.TorqueOffset {
			j.vals[2] = uint64(uint16(int16(offset)))
		}
	}
	f := canbus.Frame{ID: j.rpdoCOB}
	j.rpdo.Pack(&f, j.vals[:j.rpdo.N])
	if err := n.conn.WriteFrame(f); err != nil {
		return &drivers.Error{Joint: j.idx, Kind: drivers.KindBusOff, Detail: "canopen: RPDO1", Err: err}
	}
	return nil
}

// holdTarget is the target that keeps a drive where it is.
func (n *Network) holdTarget(j *joint) int64 {
	if j.cfg.Mode == ModeCSP {
		return int64(j.pos)
	}
	return 0
}

// controlword picks the word for this cycle from what is wanted and the
// drive's last reported state.
func (n *Network) controlword(j *joint, off bool) uint16 {
	if j.resetEdge {
		// The previous word never has bit 7 set outside this branch, so
		// this is a rising edge.
		j.resetEdge = false
		return CWFaultReset
	}
	switch j.want {
	case wantHalted:
		return CWQuickStop
	case wantDisabled:
		return CWDisableVoltage
	}
	switch j.state {
	case StateOperationEnabled, StateSwitchedOn:
		if off {
			return CWDisableOperation
		}
		return CWEnableOperation
	case StateReadyToSwitchOn:
		return CWSwitchOn
	case StateSwitchOnDisabled:
		return CWShutdown
	case StateQuickStopActive:
		// Transition 12, then the normal climb: transition 16 is optional
		// (quick-stop option codes 5–8 only), so a drive may refuse it.
		return CWDisableVoltage
	case StateFault, StateFaultReactionActive:
		return CWEnableOperation // bit 7 clear: ResetFault's edge stays an edge
	}
	return CWDisableVoltage
}

// target computes the native-mode target (counts, counts/s or per mille)
// and torque offset (per mille) for a command; ok is false when the mode
// cannot be executed.
func (n *Network) target(j *joint, c *drivers.JointCommand, dt float64) (target, offset int64, ok bool) {
	cpr := j.cfg.CountsPerRad
	if c.Mode == drivers.ModeOff {
		return n.holdTarget(j), 0, true
	}
	// A non-finite field is never turned into a target (NaN would become
	// position 0: a jump).
	if !finite(c.Position) || !finite(c.Velocity) || !finite(c.Effort) || !finite(c.Kp) || !finite(c.Kd) {
		return 0, 0, false
	}
	switch j.cfg.Mode {
	case ModeCSP:
		offset = n.perMille(j, c.Effort)
		switch c.Mode {
		case drivers.ModePosition, drivers.ModeImpedance:
			return clampI32((c.Position - j.cfg.PositionOffset) * cpr), offset, true
		case drivers.ModeVelocity:
			base := j.target
			if j.state != StateOperationEnabled || j.lastCW != CWEnableOperation {
				base = j.pos
			}
			return clampI32(float64(base) + c.Velocity*dt*cpr), offset, true
		}
	case ModeCSV:
		if c.Mode == drivers.ModeVelocity {
			return clampI32(c.Velocity * cpr), n.perMille(j, c.Effort), true
		}
	case ModeCST:
		q := float64(j.pos)/cpr + j.cfg.PositionOffset
		qd := float64(j.vel) / cpr
		tau := c.Effort
		switch c.Mode {
		case drivers.ModeEffort:
		case drivers.ModeImpedance:
			tau += c.Kp*(c.Position-q) + c.Kd*(c.Velocity-qd)
		case drivers.ModePosition:
			if c.Kp <= 0 {
				return 0, 0, false
			}
			tau += c.Kp*(c.Position-q) + c.Kd*(c.Velocity-qd)
		case drivers.ModeVelocity:
			if c.Kd <= 0 {
				return 0, 0, false
			}
			tau += c.Kd * (c.Velocity - qd)
		default:
			return 0, 0, false
		}
		return n.perMille(j, tau), 0, true
	}
	return 0, 0, false
}

// perMille converts a joint effort to drive per mille of rated torque,
// clamped to MaxTorque and the INTEGER16 range; NaN becomes 0.
func (n *Network) perMille(j *joint, effort float64) int64 {
	v := effort * j.torquePerMille
	if v != v {
		return 0
	}
	lim := j.maxPerMille
	if v > lim {
		v = lim
	} else if v < -lim {
		v = -lim
	}
	return int64(math.Round(v))
}

func finite(v float64) bool { return v-v == 0 }

func clampI32(v float64) int64 {
	switch {
	case v != v:
		return 0
	case v > math.MaxInt32:
		return math.MaxInt32
	case v < math.MinInt32:
		return math.MinInt32
	}
	return int64(math.Round(v))
}
