package teleop

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/channels"
)

// Defaults of OperatorConfig.
const (
	DefaultScale        = 0.2
	MinScale            = 0.05
	MaxScale            = 1.0
	DefaultCommandRate  = 100.0 // Hz
	DefaultTremorCutoff = 2.0   // Hz
	DefaultHeartbeat    = 100 * time.Millisecond
	DefaultSilenceStop  = time.Second
	DefaultMaxLinear    = 0.05 // m/s at the tool
	DefaultMaxAngular   = 0.5  // rad/s at the tool
)

// OperatorConfig configures the operator semantics of one robot. Zero fields
// take the defaults above.
type OperatorConfig struct {
	// Scale is the master-to-tool motion scale, clamped to [0.05, 1]:
	// 0.2 means 10 mm of master motion moves the tool 2 mm.
	Scale float64
	// CommandRate (Hz) is the rate at which the console sends commands;
	// the tremor filter is discretised for it and stepped once per command.
	CommandRate float64
	// TremorCutoff (Hz) is the cutoff of the tremor low-pass; negative
	// disables the filter. See the package documentation for the choice.
	TremorCutoff float64
	// Heartbeat: no valid command for longer than this → hold.
	Heartbeat time.Duration
	// SilenceStop: no valid command for longer than this → protective stop.
	SilenceStop time.Duration
	// MaxLinear (m/s) and MaxAngular (rad/s) bound the commanded tool twist
	// after scaling and filtering; the direction is kept.
	MaxLinear, MaxAngular float64
	// Workspace, when valid, is the box (base frame, m) the tool must stay
	// in: velocity components that would take the tool further outside are
	// removed, so the operator can always move back in but never further out.
	Workspace Box
}

// Box is an axis-aligned box in the base frame, m.
type Box struct{ Min, Max [3]float64 }

// Valid reports whether Min < Max on every axis.
func (b Box) Valid() bool {
	return b.Min[0] < b.Max[0] && b.Min[1] < b.Max[1] && b.Min[2] < b.Max[2]
}

func (c OperatorConfig) withDefaults() (OperatorConfig, error) {
	if c.Scale == 0 {
		c.Scale = DefaultScale
	}
	c.Scale = clampScale(c.Scale)
	if c.CommandRate == 0 {
		c.CommandRate = DefaultCommandRate
	}
	if c.TremorCutoff == 0 {
		c.TremorCutoff = DefaultTremorCutoff
	}
	if c.Heartbeat == 0 {
		c.Heartbeat = DefaultHeartbeat
	}
	if c.SilenceStop == 0 {
		c.SilenceStop = DefaultSilenceStop
	}
	if c.MaxLinear == 0 {
		c.MaxLinear = DefaultMaxLinear
	}
	if c.MaxAngular == 0 {
		c.MaxAngular = DefaultMaxAngular
	}
	switch {
	case !(c.CommandRate > 0):
		return c, fmt.Errorf("operator: command rate %g Hz must be positive", c.CommandRate)
	case c.Heartbeat < 0 || c.SilenceStop < c.Heartbeat:
		return c, fmt.Errorf("operator: need 0 < heartbeat (%v) ≤ silence stop (%v)", c.Heartbeat, c.SilenceStop)
	case !(c.MaxLinear > 0) || !(c.MaxAngular > 0):
		return c, fmt.Errorf("operator: speed limits %g m/s, %g rad/s must be positive", c.MaxLinear, c.MaxAngular)
	}
	return c, nil
}

func clampScale(s float64) float64 {
	if !(s >= MinScale) { // also catches NaN
		return MinScale
	}
	return math.Min(s, MaxScale)
}

// Errors of Operator.
var (
	ErrNotInControl = errors.New("not in control")
	ErrControlHeld  = errors.New("control is held by another operator")
	ErrStaleSeq     = errors.New("stale or repeated seq")
)

// OperatorStatus is what /teleop/status reports.
type OperatorStatus struct {
	Operator string // who holds control, "" if nobody
	Engaged  bool   // deadman held, not clutched, commands fresh: the arm follows
	Clutch   bool
	Scale    float64
	// LastSeqApplied is the last seq of the operator in control whose
	// motion the loop reported applying; 0 until one was. Holds (deadman
	// released, clutch, heartbeat) and refused commands never count, and
	// it starts again from 0 when someone takes control: seqs are per
	// operator.
	LastSeqApplied uint64
	Latency        time.Duration // command receipt → applied by the loop
	StaleDropped   uint64        // commands dropped for a stale or repeated seq
}

// Operator turns the commands of the operator in control into the setpoints
// the loop should track. It is pure logic: time comes in as arguments, so
// tests drive it with a synthetic clock. It is not safe for concurrent use;
// the server serialises calls per robot.
type Operator struct {
	cfg   OperatorConfig
	scale float64
	filt  [6]Butterworth2

	owner          string
	hasSeq         bool
	lastSeq        uint64
	lastValid      time.Time // receipt of the last accepted command
	active         bool      // the arm follows the master
	clutch         bool
	latched        [4]float64 // tool orientation at engage (x, y, z, w)
	gripper        float64
	staleDropped   uint64
	silenceStopped bool

	recv        [64]recvStamp // receipt of the owner's recent motion commands
	lastApplied uint64
	latency     time.Duration
	seenReport  recvStamp // the last (AppliedSeq, AppliedAt) the robot reported
}

type recvStamp struct {
	seq uint64
	t   time.Time
}

// NewOperator returns an Operator; nobody holds control.
func NewOperator(cfg OperatorConfig) (*Operator, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	o := &Operator{cfg: cfg, scale: cfg.Scale}
	if cfg.TremorCutoff > 0 {
		for i := range o.filt {
			if o.filt[i], err = NewButterworth2(cfg.TremorCutoff, cfg.CommandRate); err != nil {
				return nil, fmt.Errorf("operator tremor filter: %w", err)
			}
		}
	}
	return o, nil
}

// Config returns the configuration in force (defaults filled in).
func (o *Operator) Config() OperatorConfig { return o.cfg }

// SetScale sets the motion scale, clamped to [0.05, 1], and returns the value
// in force.
func (o *Operator) SetScale(s float64) float64 {
	o.scale = clampScale(s)
	return o.scale
}

// Owner returns who holds control ("" if nobody).
func (o *Operator) Owner() string { return o.owner }

// Take gives control to owner. It fails with ErrControlHeld if another owner
// holds it; taking it again is a no-op. The seq history starts afresh and
// the arm does not move until a command with the deadman held arrives.
func (o *Operator) Take(owner string, now time.Time) error {
	if o.owner == owner {
		return nil
	}
	if o.owner != "" {
		return fmt.Errorf("%w (%s)", ErrControlHeld, o.owner)
	}
	o.owner = owner
	o.hasSeq, o.lastSeq = false, 0
	// Seqs are the operator's own: what the previous one had applied
	// says nothing about this one's commands.
	o.lastApplied, o.latency = 0, 0
	clear(o.recv[:])
	o.lastValid = now
	o.active, o.clutch = false, false
	o.silenceStopped = false
	return nil
}

// Release gives up control and returns the hold to command.
func (o *Operator) Release(owner string) (Command, error) {
	if owner == "" || o.owner != owner {
		return Command{}, ErrNotInControl
	}
	o.owner = ""
	return o.hold("release"), nil
}

// Disconnect is Release for a client that went away. It reports whether
// owner held control; if so the caller commands the hold and then a
// protective stop, because a vanished operator cannot be trusted to have
// left the arm in a safe place.
func (o *Operator) Disconnect(owner string) (Command, bool) {
	if owner == "" || o.owner != owner {
		return Command{}, false
	}
	o.owner = ""
	return o.hold("disconnect"), true
}

// Hold disengages (e.g. on e-stop) and returns the hold to command.
func (o *Operator) Hold(reason string) Command { return o.hold(reason) }

func (o *Operator) hold(reason string) Command {
	o.active = false
	o.resetFilters()
	return Command{Seq: o.lastSeq, Hold: true, Gripper: o.gripper, Reason: reason}
}

func (o *Operator) resetFilters() {
	for i := range o.filt {
		o.filt[i].Reset(0)
	}
}

// Accept turns a command from owner, received at now, into a setpoint. st is
// the latest robot snapshot (for the tool orientation and position). Errors:
// ErrNotInControl (nothing changes) and ErrStaleSeq (dropped and counted).
func (o *Operator) Accept(owner string, now time.Time, m *CommandMsg, st *State) (Command, error) {
	if owner == "" || o.owner != owner {
		return Command{}, ErrNotInControl
	}
	if o.hasSeq && m.Seq <= o.lastSeq {
		o.staleDropped++
		return Command{}, fmt.Errorf("%w: %d after %d", ErrStaleSeq, m.Seq, o.lastSeq)
	}
	o.hasSeq, o.lastSeq = true, m.Seq
	o.lastValid = now
	o.silenceStopped = false
	o.gripper = math.Max(0, math.Min(1, m.Gripper))
	o.clutch = m.Clutch

	switch {
	case !m.Deadman:
		return o.hold("deadman"), nil
	case m.Clutch:
		// Clutch: the master moves freely to re-index while the arm holds.
		// In rate control, re-indexing needs nothing more: on release the
		// arm resumes from where it is, with no jump.
		return o.hold("clutch"), nil
	}
	if !o.active {
		// Engage: latch the tool orientation that maps tool-frame commands
		// for this engagement, and start the filter from rest.
		o.active = true
		o.latched = channels.NormQuat(st.ToolOrientation)
		o.resetFilters()
	}
	v, w := m.Linear, m.Angular
	for i := range 3 {
		v[i] *= o.scale
		w[i] *= o.scale
	}
	if m.Frame == FrameTool {
		v = rotate(o.latched, v)
		w = rotate(o.latched, w)
	}
	for i := range 3 {
		v[i] = o.filt[i].Step(v[i])
		w[i] = o.filt[3+i].Step(w[i])
	}
	v = clampNorm(v, o.cfg.MaxLinear)
	w = clampNorm(w, o.cfg.MaxAngular)
	if b := o.cfg.Workspace; b.Valid() {
		p := st.ToolPosition
		for i := range 3 {
			if (p[i] <= b.Min[i] && v[i] < 0) || (p[i] >= b.Max[i] && v[i] > 0) {
				v[i] = 0
			}
		}
	}
	// Only a motion command can be applied: a hold is not the command's
	// motion, so its seq must never show as applied.
	o.recv[m.Seq%uint64(len(o.recv))] = recvStamp{m.Seq, now}
	return Command{Seq: m.Seq, Deadman: true, Linear: v, Angular: w, Gripper: o.gripper}, nil
}

// NoteRefused records that the robot refused the setpoint Accept returned
// last (e-stop, not enabled, goal unreachable): the arm did not follow, so
// the operator is no longer engaged and its seq is never reported applied;
// the next accepted command engages afresh (latch, filter from rest).
func (o *Operator) NoteRefused() {
	o.hold("refused")
	if r := &o.recv[o.lastSeq%uint64(len(o.recv))]; r.seq == o.lastSeq {
		*r = recvStamp{}
	}
}

// Tick advances the watchdogs to now. It returns a hold to command when the
// heartbeat lapsed while engaged (send), and a non-empty pstop reason once
// per silence when no valid command came for longer than SilenceStop. st,
// if not nil, updates the latency from the loop's AppliedSeq/AppliedAt.
func (o *Operator) Tick(now time.Time, st *State) (cmd Command, send bool, pstop string) {
	// A report is used once: a report left over from the previous operator
	// (seen before this one took control) must not count for this one.
	if st != nil && st.AppliedSeq != 0 && !st.AppliedAt.IsZero() {
		if rep := (recvStamp{st.AppliedSeq, st.AppliedAt}); rep != o.seenReport {
			o.seenReport = rep
			o.NoteApplied(st.AppliedSeq, st.AppliedAt)
		}
	}
	if o.owner == "" {
		return Command{}, false, ""
	}
	silent := now.Sub(o.lastValid)
	if o.active && silent > o.cfg.Heartbeat {
		cmd, send = o.hold("heartbeat"), true
	}
	if !o.silenceStopped && silent > o.cfg.SilenceStop {
		o.silenceStopped = true
		pstop = fmt.Sprintf("operator %s silent for %v (limit %v)", o.owner, silent.Round(time.Millisecond), o.cfg.SilenceStop)
	}
	return cmd, send, pstop
}

// NoteApplied records that the loop applied seq at time at (same clock as
// the now given to Accept), for LastSeqApplied and the latency report. It
// is ignored unless seq is a motion command the operator in control sent
// (among its 64 most recent), newer than the last applied: a hold, a
// refused command or another operator's seq is never reported applied.
func (o *Operator) NoteApplied(seq uint64, at time.Time) {
	if o.owner == "" || seq <= o.lastApplied {
		return
	}
	r := o.recv[seq%uint64(len(o.recv))]
	if r.seq != seq || r.t.IsZero() {
		return
	}
	o.lastApplied = seq
	o.latency = max(at.Sub(r.t), 0)
}

// Status returns what /teleop/status reports.
func (o *Operator) Status() OperatorStatus {
	return OperatorStatus{
		Operator: o.owner, Engaged: o.active, Clutch: o.clutch && o.owner != "", Scale: o.scale,
		LastSeqApplied: o.lastApplied, Latency: o.latency, StaleDropped: o.staleDropped,
	}
}

// rotate returns q ⊗ v ⊗ q* for a unit quaternion q = (x, y, z, w):
// v + 2w(u×v) + 2u×(u×v) with u the vector part.
func rotate(q [4]float64, v [3]float64) [3]float64 {
	u := [3]float64{q[0], q[1], q[2]}
	t := cross(u, v)
	t2 := cross(u, t)
	return [3]float64{
		v[0] + 2*(q[3]*t[0]+t2[0]),
		v[1] + 2*(q[3]*t[1]+t2[1]),
		v[2] + 2*(q[3]*t[2]+t2[2]),
	}
}

func cross(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

func clampNorm(v [3]float64, limit float64) [3]float64 {
	n := math.Sqrt(v[0]*v[0] + v[1]*v[1] + v[2]*v[2])
	if n <= limit {
		return v
	}
	s := limit / n
	return [3]float64{v[0] * s, v[1] * s, v[2] * s}
}
