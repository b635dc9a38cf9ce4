package cubemars

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// DefaultTimeout bounds how long Read waits for the replies of one cycle.
// At 1 Mbit/s an 8-byte frame takes ~130 µs, so 2 ms covers a dozen motors
// with margin for USB adapters.
const DefaultTimeout = 2 * time.Millisecond

// Motor is one actuator on the bus.
type Motor struct {
	ID    uint8 // CAN ID set in the motor (1..255; 0 is reserved for the host)
	Model Model
}

// Config describes a CubeMars MIT-mode bus.
type Config struct {
	// Motors in joint order.
	Motors []Motor
	// MasterID is the CAN ID replies arrive on (CubeMars/Mini Cheetah
	// firmware default 0). Frames on other IDs are other traffic and are
	// ignored, unless AnyReplyID is set.
	MasterID uint32
	// AnyReplyID accepts replies on any standard CAN ID, identified only by
	// their first data byte, for firmwares that answer on their own ID.
	AnyReplyID bool
	// Timeout bounds the wait for a cycle's replies; 0 means DefaultTimeout.
	Timeout time.Duration
}

// Bus drives N CubeMars motors in MIT mode over a canbus.Conn as one
// drivers.Bus. Every command (or special frame) elicits one reply; Write
// sends a command per motor, Read collects the replies those commands
// elicited. A Bus is not safe for concurrent use; the control loop owns it.
type Bus struct {
	conn    canbus.Conn
	cfg     Config
	motors  []Motor
	joint   [256]int16 // joint index by motor ID, -1 if not ours
	timeout time.Duration
	pending []bool // a reply is expected
	fresh   []bool // a reply arrived since the last Read
	replies []Reply
	enabled []bool
}

var _ drivers.Bus = (*Bus)(nil)

// NewBus returns a Bus for cfg.Motors over conn. It does not talk to the
// motors; call Enable to enter motor mode.
func NewBus(conn canbus.Conn, cfg Config) (*Bus, error) {
	if conn == nil {
		return nil, errors.New("cubemars: nil connection")
	}
	if len(cfg.Motors) == 0 {
		return nil, errors.New("cubemars: no motors configured")
	}
	if cfg.MasterID > 0x7FF {
		return nil, fmt.Errorf("cubemars: master ID %#x is not an 11-bit CAN ID", cfg.MasterID)
	}
	b := &Bus{conn: conn, cfg: cfg, motors: append([]Motor(nil), cfg.Motors...), timeout: cfg.Timeout}
	if b.timeout <= 0 {
		b.timeout = DefaultTimeout
	}
	for i := range b.joint {
		b.joint[i] = -1
	}
	for j, m := range b.motors {
		switch {
		case m.ID == 0:
			return nil, fmt.Errorf("cubemars: joint %d: motor ID 0 is reserved", j)
		case !cfg.AnyReplyID && uint32(m.ID) == cfg.MasterID:
			return nil, fmt.Errorf("cubemars: joint %d: motor ID %d equals the master ID", j, m.ID)
		case b.joint[m.ID] >= 0:
			return nil, fmt.Errorf("cubemars: joints %d and %d share motor ID %d", b.joint[m.ID], j, m.ID)
		case !m.Model.Limits.Valid():
			return nil, fmt.Errorf("cubemars: joint %d (%q): invalid limits %+v", j, m.Model.Name, m.Model.Limits)
		}
		b.joint[m.ID] = int16(j)
	}
	n := len(b.motors)
	b.pending, b.fresh, b.replies, b.enabled = make([]bool, n), make([]bool, n), make([]Reply, n), make([]bool, n)
	return b, nil
}

// Joints returns the number of motors.
func (b *Bus) Joints() int { return len(b.motors) }

// Enabled reports whether joint j is in motor mode as far as the host knows
// (Enable answered, Disable not sent since).
func (b *Bus) Enabled(j int) bool { return b.enabled[j] }

// Write sends one MIT command per motor, mapping each mode onto the MIT law
// τ = t_ff + Kp·(p − q) + Kd·(v − q̇):
//
//   - ModeImpedance: native (Position, Velocity, Kp, Kd, Effort).
//   - ModePosition: Position with the command's Kp (> 0) and Kd, velocity
//     target 0 (Kd damps toward rest), Effort as feed-forward (gravity).
//   - ModeVelocity: Kp 0, Kd (> 0) tracks Velocity, Effort feed-forward.
//   - ModeEffort: Kp = Kd = 0, torque Effort.
//   - ModeOff: every gain and the torque zero: the motor goes limp but
//     stays in motor mode and keeps replying, so states stay fresh. Use
//     Disable to leave motor mode.
//
// All commands are checked before any is sent: a non-finite value in a
// field the mode uses, a missing gain, or an active mode for a joint that is
// not enabled fails the whole Write (KindProtocol) and nothing is sent —
// the motors keep executing their previous command, so the caller must stop
// them (ModeOff or Disable). Values beyond the model's ranges saturate;
// the safety supervisor is expected to clamp before this.
//
// Replies left over from an earlier cycle (late or duplicate) are discarded
// first so that Read only sees answers to these commands.
func (b *Bus) Write(now time.Duration, cmds []drivers.JointCommand) error {
	if len(cmds) != len(b.motors) {
		return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("%d commands for %d joints", len(cmds), len(b.motors))}
	}
	for j := range cmds {
		if err := b.check(j, &cmds[j]); err != nil {
			return err
		}
	}
	if err := b.drain(); err != nil {
		return err
	}
	for j, m := range b.motors {
		f := CommandFrame(m.ID, m.Model.Limits, mitCommand(&cmds[j]))
		if err := b.conn.WriteFrame(f); err != nil {
			return b.connError(j, "write command", err)
		}
		b.pending[j] = true
	}
	return nil
}

// check validates command j for its mode.
func (b *Bus) check(j int, c *drivers.JointCommand) error {
	bad := func(format string, args ...any) error {
		return &drivers.Error{Joint: j, Kind: drivers.KindProtocol, Detail: fmt.Sprintf(format, args...)}
	}
	finite := func(name string, x float64) error {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return bad("%s mode: %s is %v", c.Mode, name, x)
		}
		return nil
	}
	var err error
	switch c.Mode {
	case drivers.ModeOff:
		return nil
	case drivers.ModeImpedance:
		err = firstErr(finite("position", c.Position), finite("velocity", c.Velocity), finite("kp", c.Kp), finite("kd", c.Kd), finite("effort", c.Effort))
	case drivers.ModePosition:
		err = firstErr(finite("position", c.Position), finite("kp", c.Kp), finite("kd", c.Kd), finite("effort", c.Effort))
		if err == nil && c.Kp <= 0 {
			return bad("position mode needs Kp > 0, got %v", c.Kp)
		}
	case drivers.ModeVelocity:
		err = firstErr(finite("velocity", c.Velocity), finite("kd", c.Kd), finite("effort", c.Effort))
		if err == nil && c.Kd <= 0 {
			return bad("velocity mode needs Kd > 0, got %v", c.Kd)
		}
	case drivers.ModeEffort:
		err = finite("effort", c.Effort)
	default:
		return bad("unknown mode %v", c.Mode)
	}
	if err != nil {
		return err
	}
	if !b.enabled[j] {
		return bad("%s command to a joint not in motor mode (call Enable)", c.Mode)
	}
	return nil
}

// mitCommand maps a joint command onto the MIT command (see Write).
func mitCommand(c *drivers.JointCommand) Command {
	switch c.Mode {
	case drivers.ModeImpedance:
		return Command{Position: c.Position, Velocity: c.Velocity, Kp: c.Kp, Kd: c.Kd, Torque: c.Effort}
	case drivers.ModePosition:
		return Command{Position: c.Position, Kp: c.Kp, Kd: c.Kd, Torque: c.Effort}
	case drivers.ModeVelocity:
		return Command{Velocity: c.Velocity, Kd: c.Kd, Torque: c.Effort}
	case drivers.ModeEffort:
		return Command{Torque: c.Effort}
	}
	return Command{} // ModeOff: limp
}

// Read fills states from the replies to the last Write (or Enable, Disable,
// Zero), waiting at most the configured timeout for missing ones. Joints
// whose reply did not arrive keep their previous state and stamp, and the
// first of them is reported as KindTimeout. A reply with a fault code sets
// the Status bits and is reported as KindDriveFault; a reply from a motor ID
// not on this bus is reported as KindWrongID. When several problems occur
// the most telling is returned: drive fault; then a connection error, a
// wrong-ID or a malformed reply (the likely cause of a missing one); then
// the timeout. Effort is the motor's torque estimate; Temperature is 0
// for firmwares that send 6-byte replies.
func (b *Bus) Read(now time.Duration, states []drivers.JointState) error {
	if len(states) != len(b.motors) {
		return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf("%d states for %d joints", len(states), len(b.motors))}
	}
	err := b.collect()
	var fault, timeout *drivers.Error
	for j := range b.motors {
		if b.pending[j] && timeout == nil {
			timeout = &drivers.Error{Joint: j, Kind: drivers.KindTimeout, Detail: fmt.Sprintf("no reply from motor %d within %v", b.motors[j].ID, b.timeout)}
		}
		b.pending[j] = false
		if !b.fresh[j] {
			continue
		}
		b.fresh[j] = false
		r := &b.replies[j]
		s := &states[j]
		s.Position, s.Velocity, s.Effort = r.Position, r.Velocity, r.Torque
		s.Temperature = 0
		s.Status = 0
		if r.Extended {
			s.Temperature = r.Temperature
			s.Status = r.Fault.Status()
		}
		if b.enabled[j] && !s.Status.Faulty() {
			s.Status |= drivers.StatusEnabled
		}
		s.Stamp = now
		if r.Fault != FaultNone && fault == nil {
			fault = &drivers.Error{Joint: j, Kind: drivers.KindDriveFault, Detail: fmt.Sprintf("motor %d reports %v (code %d)", r.ID, r.Fault, uint8(r.Fault))}
		}
	}
	switch {
	case fault != nil:
		return fault
	case err != nil:
		// A reply from an unknown ID or a malformed one most likely
		// explains a missing reply, so it outranks the timeout.
		return err
	case timeout != nil:
		return timeout
	}
	return err
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// collect reads frames until every pending joint has replied or the timeout
// expires. It returns the first wrong-ID, malformed-reply or connection
// error; missing replies stay pending.
func (b *Bus) collect() error {
	var first error
	waiting := 0
	for _, p := range b.pending {
		if p {
			waiting++
		}
	}
	if waiting == 0 {
		return nil
	}
	deadline := time.Now().Add(b.timeout)
	for waiting > 0 {
		remaining := time.Until(deadline)
		if remaining < 0 {
			remaining = 0
		}
		f, err := b.conn.ReadFrame(remaining)
		if errors.Is(err, canbus.ErrTimeout) {
			if remaining == 0 || canbus.Quiet(b.conn) {
				break // past the deadline, or nothing more can come
			}
			continue
		}
		if err != nil {
			if first == nil {
				first = b.connError(-1, "read replies", err)
			}
			if errors.Is(err, canbus.ErrClosed) {
				break
			}
			continue
		}
		j, rerr := b.accept(f)
		if rerr != nil && first == nil {
			first = rerr
		}
		if j >= 0 && b.pending[j] {
			b.pending[j] = false
			waiting--
		}
	}
	return first
}

// accept decodes f if it is a reply for this bus and returns its joint, or
// -1 when f is other traffic or unusable.
func (b *Bus) accept(f canbus.Frame) (int, error) {
	if f.IsExtended || f.IsRemote || (!b.cfg.AnyReplyID && f.ID != b.cfg.MasterID) {
		return -1, nil
	}
	if b.cfg.AnyReplyID && f.Length == 8 {
		if _, ok := isSpecial(f.Data[:]); ok {
			return -1, nil // another host's special frame, not a reply
		}
	}
	if f.Length != 6 && f.Length != 8 {
		return -1, &drivers.Error{Joint: -1, Kind: drivers.KindCorrupt, Detail: fmt.Sprintf("reply on CAN ID %#x of %d bytes [%s]: want 6 or 8", f.ID, f.Length, hexBytes(f.Data[:min(f.Length, 8)]))}
	}
	j := int(b.joint[f.Data[0]])
	if j < 0 {
		return -1, &drivers.Error{Joint: -1, Kind: drivers.KindWrongID, Detail: fmt.Sprintf("reply from motor ID %d, not on this bus [%s]", f.Data[0], hexBytes(f.Data[:f.Length]))}
	}
	r, err := b.motors[j].Model.Limits.UnpackReply(f.Data[:f.Length])
	if err != nil { // unreachable after the length check; kept for safety
		return -1, &drivers.Error{Joint: j, Kind: drivers.KindCorrupt, Err: err}
	}
	b.replies[j] = r
	b.fresh[j] = true
	return j, nil
}

// drain discards frames already queued (late replies of an earlier cycle).
func (b *Bus) drain() error {
	for range 4 * len(b.motors) {
		_, err := b.conn.ReadFrame(0)
		if errors.Is(err, canbus.ErrTimeout) {
			return nil
		}
		if errors.Is(err, canbus.ErrClosed) {
			return b.connError(-1, "drain", err)
		}
	}
	return nil
}

func (b *Bus) connError(j int, what string, err error) error {
	kind := drivers.KindProtocol
	if errors.Is(err, canbus.ErrClosed) {
		kind = drivers.KindBusOff
	}
	return &drivers.Error{Joint: j, Kind: kind, Detail: what, Err: err}
}

// Enable sends "enter motor mode" to every motor and waits for the replies;
// joints that answered are enabled. Their states are available from the
// next Read.
func (b *Bus) Enable() error {
	err := b.special(EnterMotorMode)
	for j := range b.motors {
		if b.fresh[j] {
			b.enabled[j] = true
		}
	}
	return err
}

// Disable sends "exit motor mode" to every motor (the power stage turns off
// and the motor goes limp) and waits for the replies. Every joint counts as
// disabled afterwards, replied or not, so no active command is sent to it.
func (b *Bus) Disable() error {
	for j := range b.enabled {
		b.enabled[j] = false
	}
	return b.special(ExitMotorMode)
}

// Zero sends "set zero" to every motor: its present position becomes 0 rad.
// It is a commissioning step (the new zero persists in the motor); never
// call it from the control loop with the robot attached to a person unless
// the joints are at their calibrated reference.
func (b *Bus) Zero() error { return b.special(SetZero) }

// special sends s to every motor and collects the replies (available from
// the next Read, which returns without waiting for them again).
func (b *Bus) special(s Special) error {
	if err := b.drain(); err != nil {
		return err
	}
	for j, m := range b.motors {
		if err := b.conn.WriteFrame(SpecialFrame(m.ID, s)); err != nil {
			return b.connError(j, s.String(), err)
		}
		b.pending[j] = true
	}
	err := b.collect()
	for j := range b.motors {
		if b.pending[j] {
			b.pending[j] = false
			if err == nil {
				err = &drivers.Error{Joint: j, Kind: drivers.KindTimeout, Detail: fmt.Sprintf("no reply from motor %d to %v within %v", b.motors[j].ID, s, b.timeout)}
			}
		}
	}
	if err != nil {
		return fmt.Errorf("cubemars: %v: %w", s, err)
	}
	return nil
}
