package control

import (
	"errors"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// Controller turns measured joint states and the latest setpoint into joint
// commands. The Loop calls it on the real-time path, so implementations must
// not allocate, lock, log or block; they size their buffers in their
// constructor. A controller never talks to the hardware: it writes into out,
// a buffer the safety supervisor filters before anything reaches the bus.
type Controller interface {
	// Update writes one command per joint into out (len(out) == len(st)).
	// sp is the newest setpoint; sp.Seq == 0 means none was posted yet.
	Update(now time.Duration, st []drivers.JointState, sp *Setpoint, out []drivers.JointCommand)
	// Reset is called before the first Update after the controller becomes
	// active (on enable, resume or a switch) with the measured state and the
	// commands last sent to the drives, so the controller can start from
	// where the robot is (bumpless transfer): reset integrators, filters and
	// trajectory origins. It must not allocate either.
	Reset(st []drivers.JointState, prev []drivers.JointCommand)
}

// GainSetter is implemented by controllers whose gains can change at run
// time. The loop calls SetGains at a cycle boundary, on the real-time path
// (no allocation; return a preallocated error to refuse). What Kp and Kd mean
// is the controller's to document (joint stiffness/damping for JointPD).
type GainSetter interface {
	SetGains(g *Gains) error
}

// GainReporter is implemented by controllers whose gains can be read: the
// loop publishes the active one's in each Snapshot (so a Parameters panel
// shows what runs, not what was asked).
type GainReporter interface {
	// ReportGains writes the gains in force into dst, resizing its slices
	// within their capacity (at least max(joints, 6)): no allocation.
	ReportGains(dst *Gains)
}

// Gains is a run-time gain change: Kp and Kd per axis.
type Gains struct {
	Kp, Kd []float64
}

// GravityModel computes the joint torques (N·m or N) that hold the robot
// still against gravity at configuration q, into tau. kinematics' dynamics
// workspace satisfies it; it must not allocate.
type GravityModel interface {
	Gravity(tau, q []float64)
}

// ErrGains is returned when a gain change is refused (wrong length, negative
// or non-finite values).
var ErrGains = errors.New("control: invalid gains")

// JointPD is a joint-space PD/impedance controller: it commands the drives in
// impedance mode (ModeImpedance) with stiffness Kp and damping Kd around the
// setpoint, plus a feed-forward effort of gravity compensation. The drive
// evaluates τ = Effort + Kp·(Q − q) + Kd·(Qd − q̇) at its own rate, which is
// how MIT-style drives are built and what keeps the joint stiff between
// cycles of this loop. Until a setpoint arrives it holds the position it had
// when it was Reset.
type JointPD struct {
	kp, kd  []float64
	gravity GravityModel
	q       []float64 // scratch for the gravity model
	tau     []float64 // scratch for the gravity model
	hold    []float64 // position latched on Reset, tracked until a setpoint
}

// NewJointPD returns a PD controller with per-joint stiffness kp (N·m/rad or
// N/m) and damping kd (N·m·s/rad or N·s/m). gravity may be nil.
func NewJointPD(kp, kd []float64, gravity GravityModel) (*JointPD, error) {
	if len(kp) != len(kd) || len(kp) == 0 {
		return nil, fmt.Errorf("joint PD with %d kp and %d kd: %w", len(kp), len(kd), ErrGains)
	}
	n := len(kp)
	c := &JointPD{
		kp: make([]float64, n), kd: make([]float64, n), gravity: gravity,
		q: make([]float64, n), tau: make([]float64, n), hold: make([]float64, n),
	}
	if err := c.SetGains(&Gains{Kp: kp, Kd: kd}); err != nil {
		return nil, fmt.Errorf("joint PD: %w", err)
	}
	return c, nil
}

// SetGains replaces kp and kd; both must have one finite non-negative value
// per joint.
func (c *JointPD) SetGains(g *Gains) error {
	if len(g.Kp) != len(c.kp) || len(g.Kd) != len(c.kd) {
		return ErrGains
	}
	for i := range g.Kp {
		if !finite(g.Kp[i]) || !finite(g.Kd[i]) || g.Kp[i] < 0 || g.Kd[i] < 0 {
			return ErrGains
		}
	}
	copy(c.kp, g.Kp)
	copy(c.kd, g.Kd)
	return nil
}

// ReportGains implements GainReporter.
func (c *JointPD) ReportGains(dst *Gains) {
	dst.Kp, dst.Kd = append(dst.Kp[:0], c.kp...), append(dst.Kd[:0], c.kd...)
}

// Reset latches the measured positions as the hold target used until the
// first setpoint.
func (c *JointPD) Reset(st []drivers.JointState, _ []drivers.JointCommand) {
	for i := range st {
		c.hold[i] = st[i].Position
	}
}

// Update writes the impedance command for each joint.
func (c *JointPD) Update(_ time.Duration, st []drivers.JointState, sp *Setpoint, out []drivers.JointCommand) {
	if c.gravity != nil {
		for i := range st {
			c.q[i] = st[i].Position
		}
		c.gravity.Gravity(c.tau, c.q)
	}
	for i := range out {
		q, qd := c.hold[i], 0.0
		if sp.Seq != 0 {
			q, qd = sp.Q[i], sp.Qd[i]
		}
		ff := 0.0
		if c.gravity != nil {
			ff = c.tau[i]
		}
		out[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: q, Velocity: qd, Effort: ff, Kp: c.kp[i], Kd: c.kd[i]}
	}
}

var (
	_ Controller = (*JointPD)(nil)
	_ GainSetter = (*JointPD)(nil)
)

func finite(x float64) bool { return x-x == 0 }

// equivalentEffort is the effort a command produces at the measured state
// when the drive executes the impedance law; ok is false for modes whose
// effort depends on the drive's own (unknown) loop gains.
func equivalentEffort(c *drivers.JointCommand, s *drivers.JointState) (tau float64, ok bool) {
	switch c.Mode {
	case drivers.ModeOff:
		return 0, true
	case drivers.ModeEffort:
		return c.Effort, true
	case drivers.ModeImpedance:
		return c.Effort + c.Kp*(c.Position-s.Position) + c.Kd*(c.Velocity-s.Velocity), true
	}
	return 0, false
}
