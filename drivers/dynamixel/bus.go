package dynamixel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// Joint configures one servo of a Bus.
type Joint struct {
	ID    byte
	Model *Model // nil: take the model from the servo's ping reply
}

// BusConfig configures a Bus. Joints are in the robot's joint order.
type BusConfig struct {
	Joints []Joint
	// PositionMode is the operating mode used for drivers.ModePosition:
	// OpPosition (the default; goals are checked against the servo's
	// position limits) or OpExtendedPosition (multi-turn, no limits).
	PositionMode OperatingMode
	// Watchdog is the Bus Watchdog (98) period the Bus arms on every
	// servo, so that a servo whose host goes silent stops on its own
	// (see Bus). 0 means DefaultWatchdog (100 ms); otherwise a multiple of
	// WatchdogUnit (20 ms) up to MaxWatchdog (2.54 s). It must exceed the
	// longest pause between two of the host's instructions, including the
	// one between NewBus and the first cyclic Read when torque is on.
	//
	// WatchdogOff (any negative value) disables it. WARNING: then nothing
	// stops a servo whose host dies or stalls: it keeps its last goal —
	// in current mode, the last current, which is how joint-pd runs — for
	// as long as it has power. Use it only for a servo firmware older
	// than v38 (which has no Bus Watchdog) on a bench, never on a person.
	Watchdog time.Duration
}

// readBlock is the contiguous block the cyclic Read fetches: Present
// Current (126) through Present Temperature (146), 21 bytes per servo — one
// sync read instead of several.
var readBlock = struct{ addr, size uint16 }{X.PresentCurrent.Addr, X.PresentTemperature.Addr + 1 - X.PresentCurrent.Addr}

// Offsets inside readBlock.
const (
	offCurrent  = 0
	offVelocity = 2
	offPosition = 6
	offTemp     = 20
)

// Bus drives N Dynamixel X-series servos as one drivers.Bus: Read is one
// sync read, Write one sync write (or one bulk write when joints use
// different modes). The servos must answer every instruction (Status Return
// Level 2, the factory default), since mode changes are confirmed.
//
// Mode changes. A Dynamixel only accepts a new Operating Mode with torque
// off, so a command whose mode differs from the servo's (or the first
// command after Disable or ModeOff) costs, for that joint, up to four
// acknowledged writes — torque off, operating mode, goal, torque on —
// i.e. a few milliseconds during which the joint is limp. Do it before the
// cyclic phase with SetMode; Write does the same on demand.
//
// Bus Watchdog. Every servo's Bus Watchdog (98) is armed with
// BusConfig.Watchdog (100 ms by default) by NewBus and again on every
// torque-on (Write's slow path, SetMode, Enable), so a servo whose host
// dies or stalls with torque on stops by itself: goal PWM, current and
// velocity no longer apply, and its goals turn read-only until the error
// is cleared. Disable and Close set it to 0. A trip is invisible in the
// cyclic traffic (goals go by sync write, which has no reply), so Read
// checks address 98 with one more sync read when the host itself has been
// silent for more than half the period by the loop's clock (the stall that
// trips a servo), after a failed exchange, on the first Read, and at
// least once a second otherwise; at 1 kHz that is one extra exchange per
// thousand cycles. A tripped servo then reports drivers.StatusCommLost
// and the Read returns a drive-fault error naming it. Clearing a trip
// (writing 0, the e-Manual's only way) is left to an explicit act:
// ModeOff for that joint (torque off, then 0), Disable, SetMode or Enable
// (0, goal, armed, torque on); Write refuses any other command for it.
//
// Impedance. drivers.ModeImpedance runs in current mode: Write computes
// τ = Effort + Kp·(Position − q) + Kd·(Velocity − q̇) on the host from the
// state of the last Read, converts it to a goal current and sends it; the
// loop is closed over the bus at the control rate with one cycle of delay,
// so gains must suit that rate. Goal currents (from effort or impedance)
// and goal velocities saturate at the servo's Current/Velocity Limit, as the
// servo itself would; a position goal outside the servo's position limits
// (in OpPosition) is refused with an error and nothing is sent, because the
// servo would silently ignore it.
type Bus struct {
	c      *Client
	joints []Joint
	posOp  OperatingMode
	ids    []byte

	// Device state as last confirmed.
	op       []OperatingMode
	torque   []bool
	curLimit []int32
	velLimit []int32
	posMin   []int32
	posMax   []int32
	hwErr    []byte

	// Bus Watchdog (98): the value to arm (0 = off), the value each servo
	// was last known to hold (0xFF tripped), the last value the Bus set
	// on it, and trips found but not yet reported by Read.
	wdUnits byte
	wd      []byte
	wdSet   []byte
	wdNew   []bool
	// The loop's clock at the last Read and at the last watchdog check,
	// and whether the next Read must check (a previous exchange failed).
	lastTx, lastPoll time.Duration
	haveTx, pollNext bool
	// force makes Write take the slow path for joints whose watchdog is
	// not armed as configured (SetMode and Enable clear a trip).
	force bool

	// Last measured state, for the impedance law.
	q, qd    []float64
	measured []bool

	// Scratch, sized at construction so the cyclic path allocates nothing.
	rx    []byte
	rxErr []byte
	goal  []goal
	gop   []OperatingMode
	data  []byte
	wids  []byte
	bulk  []BulkWriteEntry
	wdRx  []byte
	wdErr []byte
	small [8]byte
}

type goal struct {
	item Item
	val  int32
	off  bool
}

var _ drivers.Bus = (*Bus)(nil)

// OpenBus opens the named port with open and returns a Bus over it.
func OpenBus(open serialport.Opener, name string, cfg serialport.Config, bc BusConfig) (*Bus, error) {
	c, err := Dial(open, name, cfg)
	if err != nil {
		return nil, err
	}
	b, err := NewBus(c, bc)
	if err != nil {
		c.Close()
		return nil, err
	}
	return b, nil
}

// setupBlock covers Operating Mode (11) through Bus Watchdog (98).
var setupBlock = struct{ addr, size uint16 }{X.OperatingMode.Addr, X.BusWatchdog.Addr + 1 - X.OperatingMode.Addr}

// NewBus pings every joint's servo (checking its model), reads its
// operating mode, limits, torque state and Bus Watchdog, and returns the
// Bus. The only thing it changes on the servos is the Bus Watchdog (98),
// set to bc.Watchdog where it differs (0 with WatchdogOff) — at start-up,
// so that a servo left with torque on stops if this host dies too. A servo
// found tripped (an earlier master went silent) is left so: the first Read
// reports it, and ModeOff, Disable, SetMode or Enable clears it.
func NewBus(c *Client, bc BusConfig) (*Bus, error) {
	n := len(bc.Joints)
	if n == 0 {
		return nil, &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: "dynamixel: bus with no joints"}
	}
	wdUnits, err := watchdogUnits(bc.Watchdog)
	if err != nil {
		return nil, err
	}
	posOp := bc.PositionMode
	if posOp == 0 {
		posOp = OpPosition
	}
	if posOp != OpPosition && posOp != OpExtendedPosition {
		return nil, &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("dynamixel: position mode %d is not 3 or 4", posOp)}
	}
	b := &Bus{
		c: c, joints: append([]Joint(nil), bc.Joints...), posOp: posOp, ids: make([]byte, n),
		op: make([]OperatingMode, n), torque: make([]bool, n),
		curLimit: make([]int32, n), velLimit: make([]int32, n), posMin: make([]int32, n), posMax: make([]int32, n),
		hwErr: make([]byte, n), q: make([]float64, n), qd: make([]float64, n), measured: make([]bool, n),
		rx: make([]byte, n*int(readBlock.size)), rxErr: make([]byte, n), goal: make([]goal, n), gop: make([]OperatingMode, n),
		data: make([]byte, 4*n), wids: make([]byte, 0, n), bulk: make([]BulkWriteEntry, 0, n),
		wdUnits: wdUnits, wd: make([]byte, n), wdSet: make([]byte, n), wdNew: make([]bool, n),
		wdRx: make([]byte, n), wdErr: make([]byte, n),
	}
	// Worst case: every body byte stuffed (+50%), plus header and CRC.
	c.tx = make([]byte, 0, 2*(16+5*n+5*n+4*n)+64)
	for i, j := range bc.Joints {
		if j.ID > MaxID {
			return nil, &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("dynamixel: invalid ID %d", j.ID)}
		}
		if c.joint[j.ID] >= 0 {
			return nil, &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("dynamixel: ID %d used by joints %d and %d", j.ID, c.joint[j.ID], i)}
		}
		c.joint[j.ID] = int16(i)
		b.ids[i] = j.ID
	}
	blk := make([]byte, setupBlock.size)
	for i, j := range b.joints {
		model, fw, err := c.Ping(j.ID)
		if err != nil && kindOf(err) != drivers.KindDriveFault {
			return nil, err
		}
		if wdUnits != 0 && fw < watchdogFirmware {
			return nil, &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf(
				"dynamixel id %d: firmware v%d has no Bus Watchdog (98), which needs v%d: update the firmware (or, on a bench only, set BusConfig.Watchdog to WatchdogOff)",
				j.ID, fw, watchdogFirmware)}
		}
		if j.Model == nil {
			m, ok := ModelByNumber(model)
			if !ok {
				return nil, &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("dynamixel id %d: unknown model number %d; give Joint.Model", j.ID, model)}
			}
			b.joints[i].Model = m
		} else if j.Model.Number != model {
			return nil, &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("dynamixel id %d: servo is model %d, configured as %s (%d)", j.ID, model, j.Model.Name, j.Model.Number)}
		}
		if err := c.Read(j.ID, setupBlock.addr, blk); err != nil && kindOf(err) != drivers.KindDriveFault {
			return nil, err
		}
		at := func(it Item) []byte { return blk[it.Addr-setupBlock.addr:] }
		b.op[i] = OperatingMode(at(X.OperatingMode)[0])
		b.curLimit[i] = int32(binary.LittleEndian.Uint16(at(X.CurrentLimit)))
		b.velLimit[i] = int32(binary.LittleEndian.Uint32(at(X.VelocityLimit)))
		b.posMax[i] = int32(binary.LittleEndian.Uint32(at(X.MaxPositionLimit)))
		b.posMin[i] = int32(binary.LittleEndian.Uint32(at(X.MinPositionLimit)))
		b.torque[i] = at(X.TorqueEnable)[0] != 0
		b.wd[i] = at(X.BusWatchdog)[0]
	}
	for i := range b.joints {
		switch v := b.wd[i]; {
		case v == watchdogTripped:
			b.wdNew[i] = true // reported by the first Read
		case v != wdUnits:
			if err := b.writeWatchdog(i, wdUnits); err != nil {
				return nil, err
			}
		default:
			b.wdSet[i] = v
		}
	}
	return b, nil
}

// Close turns torque and the Bus Watchdog off on every servo (Disable) and
// closes the port. The port is closed even if Disable fails.
func (b *Bus) Close() error {
	return errors.Join(b.Disable(), b.c.Close())
}

// Client returns the bus's client, for non-cyclic access to the servos.
func (b *Bus) Client() *Client { return b.c }

// Joints returns the number of servos.
func (b *Bus) Joints() int { return len(b.ids) }

func (b *Bus) lenErr(what string, got int) error {
	return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("dynamixel: %d %s for %d joints", got, what, len(b.ids))}
}

// Read fills states with one sync read of present current, velocity,
// position and temperature. A servo whose status carries the alert bit
// costs one more read (Torque Enable … Hardware Error Status) to learn the
// cause; its state is still filled, with StatusFault and the cause's bits
// set, and Read returns a drive-fault error. On a timeout, corrupt reply,
// wrong ID or port failure Read returns it and leaves states as they were.
//
// When a check of the Bus Watchdog is due (see Bus) Read costs one more
// sync read, of address 98. A tripped servo's state carries
// drivers.StatusCommLost from then on, until the trip is cleared, and the
// Read that finds the trip returns a drive-fault *drivers.Error naming the
// joint, wrapping a *BusWatchdogError (several trips are reported one per
// Read, in joint order).
func (b *Bus) Read(now time.Duration, states []drivers.JointState) error {
	if len(states) != len(b.ids) {
		return b.lenErr("states", len(states))
	}
	poll := b.watchdogPollDue(now)
	b.lastTx, b.haveTx = now, true
	err := b.read(now, states, poll)
	if poll && !b.pollNext {
		b.lastPoll = now
	}
	return err
}

// read is Read with the watchdog check on demand; it leaves the loop's
// clock alone (SetMode runs outside the loop, at an arbitrary time).
func (b *Bus) read(now time.Duration, states []drivers.JointState, poll bool) error {
	clear(b.rxErr)
	err := b.c.SyncRead(readBlock.addr, b.ids, b.rx, b.rxErr)
	if k := kindOf(err); err != nil && k != drivers.KindDriveFault && k != drivers.KindAbort {
		b.pollNext = b.wdUnits != 0 // instructions may not have arrived
		return err
	}
	var fault error
	for i := range b.ids {
		if b.rxErr[i]&^AlertBit != 0 {
			continue // refused: no data for this joint; err reports it
		}
		m := b.joints[i].Model
		r := b.rx[i*int(readBlock.size):]
		s := &states[i]
		s.Effort = m.Effort(int16(binary.LittleEndian.Uint16(r[offCurrent:])))
		s.Velocity = m.Velocity(int32(binary.LittleEndian.Uint32(r[offVelocity:])))
		s.Position = m.Position(int32(binary.LittleEndian.Uint32(r[offPosition:])))
		s.Temperature = float64(int8(r[offTemp]))
		s.Stamp = now
		b.q[i], b.qd[i], b.measured[i] = s.Position, s.Velocity, true
		if b.rxErr[i]&AlertBit != 0 {
			if ferr := b.readFault(i); ferr != nil && fault == nil {
				fault = ferr
			}
		} else {
			b.hwErr[i] = 0
		}
	}
	var wdErr error
	if poll {
		wdErr = b.pollWatchdog()
	}
	for i := range b.ids {
		if b.rxErr[i]&^AlertBit == 0 {
			states[i].Status = b.status(i)
		}
	}
	switch {
	case err != nil:
		return err
	case fault != nil:
		return fault
	case wdErr != nil:
		return wdErr
	}
	return b.watchdogReport()
}

// readFault reads Torque Enable (64) … Hardware Error Status (70) of joint
// i after an alert; the servo turns torque off on most hardware errors.
func (b *Bus) readFault(i int) error {
	blk := b.small[:X.HardwareErrorStatus.Addr+1-X.TorqueEnable.Addr]
	err := b.c.Read(b.ids[i], X.TorqueEnable.Addr, blk)
	if err != nil && kindOf(err) != drivers.KindDriveFault {
		return err
	}
	b.torque[i] = blk[0] != 0
	b.hwErr[i] = blk[len(blk)-1] | 0x80 // keep "alerted" even if the cause reads 0
	return &drivers.Error{Joint: i, Kind: drivers.KindDriveFault,
		Detail: fmt.Sprintf("dynamixel id %d: hardware error status 0x%02X", b.ids[i], blk[len(blk)-1])}
}

func (b *Bus) status(i int) drivers.Status {
	var s drivers.Status
	if b.torque[i] {
		s |= drivers.StatusEnabled
	}
	if b.wd[i] == watchdogTripped {
		s |= drivers.StatusCommLost
	}
	hw := b.hwErr[i]
	if hw == 0 {
		return s
	}
	s |= drivers.StatusFault
	if hw&HWInputVoltage != 0 {
		s |= drivers.StatusVoltage
	}
	if hw&HWOverheating != 0 {
		s |= drivers.StatusOverTemperature
	}
	if hw&HWMotorEncoder != 0 {
		s |= drivers.StatusEncoder
	}
	if hw&HWOverload != 0 {
		s |= drivers.StatusOverCurrent
	}
	return s
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

func clampI(v float64, lim int32) int32 {
	return int32(math.Max(-float64(lim), math.Min(float64(lim), v)))
}

// plan computes joint i's goal for cmd without touching the bus.
func (b *Bus) plan(i int, cmd *drivers.JointCommand) (goal, OperatingMode, error) {
	m := b.joints[i].Model
	bad := func(format string, args ...any) error {
		return &drivers.Error{Joint: i, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("dynamixel id %d: ", b.ids[i]) + fmt.Sprintf(format, args...)}
	}
	switch cmd.Mode {
	case drivers.ModeOff:
		return goal{off: true}, 0, nil
	case drivers.ModePosition:
		if !finite(cmd.Position) {
			return goal{}, 0, bad("position command %v", cmd.Position)
		}
		c := m.PositionCounts(cmd.Position)
		lo, hi := float64(math.MinInt32), float64(math.MaxInt32)
		if b.posOp == OpPosition {
			lo, hi = float64(b.posMin[i]), float64(b.posMax[i])
		}
		if c < lo || c > hi {
			return goal{}, 0, bad("position %.4f rad (%.0f counts) outside the servo's limits [%.0f, %.0f]", cmd.Position, c, lo, hi)
		}
		return goal{item: X.GoalPosition, val: int32(c)}, b.posOp, nil
	case drivers.ModeVelocity:
		if !finite(cmd.Velocity) {
			return goal{}, 0, bad("velocity command %v", cmd.Velocity)
		}
		return goal{item: X.GoalVelocity, val: clampI(m.VelocityUnits(cmd.Velocity), b.velLimit[i])}, OpVelocity, nil
	case drivers.ModeEffort, drivers.ModeImpedance:
		tau := cmd.Effort
		if cmd.Mode == drivers.ModeImpedance {
			if !b.measured[i] {
				return goal{}, 0, bad("impedance command before the first Read")
			}
			if !finite(cmd.Position, cmd.Velocity, cmd.Kp, cmd.Kd) {
				return goal{}, 0, bad("impedance command has a non-finite field")
			}
			tau += cmd.Kp*(cmd.Position-b.q[i]) + cmd.Kd*(cmd.Velocity-b.qd[i])
		}
		if !finite(tau) {
			return goal{}, 0, bad("effort command %v", tau)
		}
		return goal{item: X.GoalCurrent, val: clampI(m.CurrentUnits(tau), b.curLimit[i])}, OpCurrent, nil
	}
	return goal{}, 0, bad("unsupported mode %v", cmd.Mode)
}

func (b *Bus) put(dst []byte, g goal) []byte {
	switch g.item.Size {
	case 2:
		binary.LittleEndian.PutUint16(dst, uint16(int16(g.val)))
	default:
		binary.LittleEndian.PutUint32(dst, uint32(g.val))
	}
	return dst[:g.item.Size]
}

// Write sends one command per joint. Every command is checked before
// anything is sent, so an invalid command leaves all servos as they were;
// a command other than ModeOff for a joint whose Bus Watchdog has tripped
// is refused the same way (a drive-fault error wrapping a
// *BusWatchdogError), since the servo would ignore it: ModeOff clears the
// trip, SetMode or Enable clear it and re-enable. In steady state (modes
// unchanged) Write is one sync write with no reply; see Bus for the cost of
// a mode change.
func (b *Bus) Write(now time.Duration, cmds []drivers.JointCommand) error {
	return b.write(cmds)
}

func (b *Bus) write(cmds []drivers.JointCommand) error {
	if len(cmds) != len(b.ids) {
		return b.lenErr("commands", len(cmds))
	}
	for i := range cmds {
		g, op, err := b.plan(i, &cmds[i])
		if err != nil {
			return err
		}
		if !g.off && b.wd[i] == watchdogTripped && !b.force {
			return b.trippedErr(i)
		}
		b.goal[i], b.gop[i] = g, op
	}
	for i, g := range b.goal {
		if !g.off && (b.op[i] != b.gop[i] || !b.torque[i] || (b.force && b.wd[i] != b.wdUnits)) {
			// Slow path, once per mode change (see Bus).
			if err := b.switchMode(i, b.gop[i], g); err != nil {
				return err
			}
		}
	}
	for i := range cmds {
		if !b.goal[i].off {
			continue
		}
		if b.torque[i] {
			if err := b.writeTorque(i, false); err != nil {
				return err
			}
		}
		if b.wd[i] == watchdogTripped {
			// Torque is off, so the servo is safe; clear the error now so
			// that the trip does not outlive its cause (the supervisor
			// cannot reset a fault whose status bit persists).
			if err := b.writeWatchdog(i, 0); err != nil {
				return err
			}
		}
	}
	return b.sendGoals()
}

// sendGoals writes the goals of all active joints in one packet.
func (b *Bus) sendGoals() error {
	b.wids = b.wids[:0]
	b.bulk = b.bulk[:0]
	var item Item
	same := true
	for i, g := range b.goal {
		if g.off {
			continue
		}
		if len(b.wids) == 0 {
			item = g.item
		} else if g.item != item {
			same = false
		}
		b.wids = append(b.wids, b.ids[i])
		d := b.put(b.data[4*i:4*i+4], g)
		b.bulk = append(b.bulk, BulkWriteEntry{ID: b.ids[i], Addr: g.item.Addr, Data: d})
	}
	if len(b.wids) == 0 {
		return nil
	}
	if !same {
		return b.c.BulkWrite(b.bulk)
	}
	// Pack the same-size goals back to back for the sync write.
	sz := int(item.Size)
	for k, e := range b.bulk {
		copy(b.data[k*sz:], e.Data)
	}
	return b.c.SyncWrite(item.Addr, b.wids, b.data[:sz*len(b.wids)])
}

func (b *Bus) writeTorque(i int, on bool) error {
	v := byte(0)
	if on {
		v = 1
	}
	b.small[0] = v
	if err := b.c.Write(b.ids[i], X.TorqueEnable.Addr, b.small[:1]); err != nil {
		return err
	}
	b.torque[i] = on
	return nil
}

// switchMode puts joint i in op and enables torque with goal g already
// written, so the servo never acts on a stale goal: torque off (if on),
// operating mode (if different), Bus Watchdog 0 (if tripped: the e-Manual's
// only way to clear the error, without which the goal is refused), goal,
// Bus Watchdog armed (if not already; the servo watches only while torque
// is on), torque on.
func (b *Bus) switchMode(i int, op OperatingMode, g goal) error {
	id := b.ids[i]
	if b.op[i] != op {
		if b.torque[i] {
			if err := b.writeTorque(i, false); err != nil {
				return err
			}
		}
		b.small[0] = byte(op)
		if err := b.c.Write(id, X.OperatingMode.Addr, b.small[:1]); err != nil {
			return err
		}
		b.op[i] = op
	}
	if b.wd[i] == watchdogTripped {
		if err := b.writeWatchdog(i, 0); err != nil {
			return err
		}
	}
	if err := b.c.Write(id, g.item.Addr, b.put(b.small[:4], g)); err != nil {
		return err
	}
	if b.wd[i] != b.wdUnits {
		if err := b.writeWatchdog(i, b.wdUnits); err != nil {
			return err
		}
	}
	return b.writeTorque(i, true)
}

// SetMode prepares every joint for commands of the given modes (one per
// joint) outside the cyclic path: joints whose operating mode differs are
// switched with torque off, and each joint is left with torque on, its Bus
// Watchdog armed and a goal that holds it where it is (present position,
// zero velocity, zero current). SetMode is an explicit request to resume:
// a tripped Bus Watchdog is cleared (0, then the goal, then the period)
// without an error, torque staying on. ModeOff turns a joint's torque off.
// It reads the bus first.
func (b *Bus) SetMode(modes []drivers.Mode) error {
	if len(modes) != len(b.ids) {
		return b.lenErr("modes", len(modes))
	}
	// An explicit enable: find any trip first (outside the loop's cadence)
	// so that Write clears it rather than refusing the command.
	if b.wdUnits != 0 {
		if err := b.pollWatchdog(); err != nil && !isWatchdogErr(err) {
			return err
		}
		clear(b.wdNew)
	}
	states := make([]drivers.JointState, len(b.ids))
	if err := b.read(0, states, false); err != nil {
		return err
	}
	cmds := make([]drivers.JointCommand, len(b.ids))
	for i, m := range modes {
		cmds[i] = drivers.JointCommand{Mode: m, Position: states[i].Position}
		if m == drivers.ModeImpedance {
			cmds[i].Velocity = states[i].Velocity // zero spring, zero damping: no torque
		}
	}
	b.force = true
	defer func() { b.force = false }()
	return b.write(cmds)
}

// Enable turns torque on for every joint in its current operating mode,
// after setting position goals to the present position so no joint jumps
// (velocity and current goals are zeroed). Use SetMode to choose modes.
func (b *Bus) Enable() error {
	modes := make([]drivers.Mode, len(b.ids))
	for i, op := range b.op {
		switch op {
		case OpVelocity:
			modes[i] = drivers.ModeVelocity
		case OpCurrent:
			modes[i] = drivers.ModeEffort
		case OpPosition, OpExtendedPosition:
			modes[i] = drivers.ModePosition
		default:
			return &drivers.Error{Joint: i, Kind: drivers.KindProtocol,
				Detail: fmt.Sprintf("dynamixel id %d: operating mode %d not supported; use SetMode", b.ids[i], op)}
		}
	}
	return b.SetMode(modes)
}

// Disable turns torque off on every joint with one sync write, reads
// Torque Enable back and reports any joint still enabled; then it sets the
// Bus Watchdog to 0 on every joint with one more sync write (clearing any
// trip): a cleanly stopped host leaves no watchdog behind, and the next
// torque-on arms it again.
func (b *Bus) Disable() error {
	data := make([]byte, len(b.ids))
	if err := b.c.SyncWrite(X.TorqueEnable.Addr, b.ids, data); err != nil {
		return err
	}
	if err := b.c.SyncRead(X.TorqueEnable.Addr, b.ids, data, nil); err != nil && kindOf(err) != drivers.KindDriveFault {
		return err
	}
	for i, v := range data {
		b.torque[i] = v != 0
		if v != 0 {
			return &drivers.Error{Joint: i, Kind: drivers.KindDriveFault, Detail: fmt.Sprintf("dynamixel id %d: torque still enabled after disable", b.ids[i])}
		}
	}
	if b.wdUnits == 0 && !slices.ContainsFunc(b.wd, func(v byte) bool { return v != 0 }) {
		return nil // never armed (a servo older than firmware v38 has no address 98)
	}
	if err := b.c.SyncWrite(X.BusWatchdog.Addr, b.ids, data); err != nil {
		return err
	}
	clear(b.wd)
	clear(b.wdNew)
	return nil
}
