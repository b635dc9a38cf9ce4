package control

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// Setpoint is what the operator side (teleop, rehab, hil) asks the active
// controller to track. Slices are sized once, at setup, to the number of
// joints (NewSetpoint); the loop never resizes them. Units are SI.
type Setpoint struct {
	// Seq is assigned by the Mailbox on Post: 1 for the first setpoint,
	// increasing by one per Post. 0 means "no setpoint posted yet".
	Seq uint64
	// Q, Qd, Qdd are the desired joint positions (rad or m), velocities
	// (rad/s or m/s) and accelerations (rad/s² or m/s²).
	Q, Qd, Qdd []float64
	// HasPose marks Position and Rotation as valid: the desired tool pose in
	// the robot base frame, position in m, rotation row-major 3×3.
	HasPose  bool
	Position [3]float64
	Rotation [9]float64
	// HasTwist marks Twist as valid: desired tool twist in the base frame,
	// linear (m/s) then angular (rad/s).
	HasTwist bool
	Twist    [6]float64
	// Deadman is the operator's enabling device (IEC 60204-1 §10.9
	// three-position switch, or the dVRK's operator-present foot pedal):
	// when the loop requires it, releasing it stops motion.
	Deadman bool
	// ValidFor, when > 0, is how long this setpoint stays valid: a streaming
	// producer (teleoperation) that goes quiet must not leave the robot
	// tracking its last wish. Once the newest setpoint is older than
	// ValidFor the supervisor makes a protective stop (ReasonSetpointStale)
	// and refuses to enable until a fresh one arrives. The age is measured on
	// the loop's clock from the first cycle that saw the setpoint (the
	// Mailbox does not know the loop's clock), so it includes the mailbox's
	// latency of at most one period but not the producer's own. 0 means no
	// expiry, as for a trajectory goal that stays valid until replaced.
	ValidFor time.Duration
}

// NewSetpoint returns a setpoint for n joints with zeroed vectors.
func NewSetpoint(n int) *Setpoint {
	return &Setpoint{Q: make([]float64, n), Qd: make([]float64, n), Qdd: make([]float64, n)}
}

// ErrSize reports a vector whose length does not match the loop's joints.
var ErrSize = errors.New("control: vector length does not match the number of joints")

// ErrSetpoint reports a setpoint field with a value it cannot have.
var ErrSetpoint = errors.New("control: invalid setpoint")

// CopyFrom copies src into sp without allocating; both must have the same
// vector lengths.
func (sp *Setpoint) CopyFrom(src *Setpoint) error {
	if len(src.Q) != len(sp.Q) || len(src.Qd) != len(sp.Qd) || len(src.Qdd) != len(sp.Qdd) {
		return fmt.Errorf("setpoint with %d/%d/%d values for %d joints: %w",
			len(src.Q), len(src.Qd), len(src.Qdd), len(sp.Q), ErrSize)
	}
	sp.Seq = src.Seq
	copy(sp.Q, src.Q)
	copy(sp.Qd, src.Qd)
	copy(sp.Qdd, src.Qdd)
	sp.HasPose, sp.Position, sp.Rotation = src.HasPose, src.Position, src.Rotation
	sp.HasTwist, sp.Twist = src.HasTwist, src.Twist
	sp.Deadman = src.Deadman
	sp.ValidFor = src.ValidFor
	return nil
}

// Mailbox carries the latest Setpoint from any number of non-real-time
// writers to the one real-time reader (the Loop). Writers are serialised by a
// mutex that only writers take; the reader takes no lock, never waits and
// never allocates or copies (see tripleBuffer). A reader that falls behind
// sees only the newest setpoint: setpoints are states, not messages.
type Mailbox struct {
	mu  sync.Mutex // writers only
	seq uint64     // guarded by mu
	n   int
	tb  tripleBuffer[Setpoint]
}

// NewMailbox returns a mailbox for setpoints of n joints. Until the first
// Post the reader sees a zero setpoint with Seq 0 and Deadman false.
func NewMailbox(n int) *Mailbox {
	m := &Mailbox{n: n}
	m.tb.init(func(sp *Setpoint) { *sp = *NewSetpoint(n) })
	return m
}

// Post publishes a copy of sp (sp may be reused by the caller at once) and
// returns the sequence number it was given. Safe for concurrent use.
func (m *Mailbox) Post(sp *Setpoint) (uint64, error) {
	if sp.ValidFor < 0 {
		return 0, fmt.Errorf("mailbox post: setpoint ValidFor %v is negative: %w", sp.ValidFor, ErrSetpoint)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	dst := m.tb.writable()
	if err := dst.CopyFrom(sp); err != nil {
		return 0, fmt.Errorf("mailbox post: %w", err)
	}
	m.seq++
	dst.Seq = m.seq
	m.tb.publish()
	return m.seq, nil
}

// Latest returns the newest setpoint (valid until the next call) and whether
// it changed since the previous call. Only one goroutine (the loop) may call
// it; it is wait-free and does not allocate.
func (m *Mailbox) Latest() (*Setpoint, bool) { return m.tb.latest() }
