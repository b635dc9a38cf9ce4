package control

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
)

// Minimum-jerk point-to-point motion (Flash & Hogan 1985, "The coordination
// of arm movements: an experimentally confirmed mathematical model",
// J. Neurosci. 5(7)): the path from rest to rest that minimises the integral
// of squared jerk is the quintic
//
//	s(τ) = 10τ³ − 15τ⁴ + 6τ⁵,  τ = t/T,
//
// a straight line in the planned space with a bell-shaped speed profile —
// what unimpaired human reaching looks like, which is why rehabilitation
// robots use it as the reference for assisted reaching, and why a surgeon's
// tool moved this way feels natural. Its peaks are ṡ = 1.875/T at τ = ½ and
// s̈ = (10/√3)/T² ≈ 5.7735/T² at τ = ½ ∓ √3/6.
const (
	// MinJerkPeakVelocity is the peak of ṡ·T.
	MinJerkPeakVelocity = 1.875
	// MinJerkPeakAcceleration is the peak of |s̈|·T², 10/√3.
	MinJerkPeakAcceleration = 5.773502691896258
)

// MinJerk returns the normalised minimum-jerk profile at t of a motion of
// duration T (seconds): s ∈ [0, 1], ṡ (1/s) and s̈ (1/s²). Before 0 it is at
// rest at 0, after T at rest at 1; T ≤ 0 is a step to 1.
func MinJerk(t, T float64) (s, sd, sdd float64) {
	if T <= 0 || t >= T {
		return 1, 0, 0
	}
	if t <= 0 {
		return 0, 0, 0
	}
	u := t / T
	u2 := u * u
	s = u2 * u * (10 + u*(-15+6*u))
	sd = u2 * (30 + u*(-60+30*u)) / T
	sdd = u * (60 + u*(-180+120*u)) / (T * T)
	return s, sd, sdd
}

// MinJerkDuration returns the shortest duration (s) of a minimum-jerk motion
// over distance d whose speed stays within vmax and acceleration within
// amax: max(1.875·|d|/vmax, √(5.7735·|d|/amax)). A non-positive or infinite
// limit does not constrain.
func MinJerkDuration(d, vmax, amax float64) float64 {
	d = math.Abs(d)
	T := 0.0
	if vmax > 0 && !math.IsInf(vmax, 1) {
		T = MinJerkPeakVelocity * d / vmax
	}
	if amax > 0 && !math.IsInf(amax, 1) {
		T = math.Max(T, math.Sqrt(MinJerkPeakAcceleration*d/amax))
	}
	return T
}

func seconds(t time.Duration) float64 { return t.Seconds() }

func duration(s float64) time.Duration { return time.Duration(math.Ceil(s * 1e9)) }

// ErrTrajectory is wrapped by trajectory planning errors.
var ErrTrajectory = errors.New("control: invalid trajectory")

// JointMinJerk is a synchronised joint-space minimum-jerk motion: every
// joint follows the same s(t), so the joints start and stop together and the
// motion is a straight line in joint space. Its duration is the shortest
// that keeps every joint within its velocity and acceleration limit (the
// slowest joint decides). Plan and Sample allocate nothing after
// NewJointMinJerk, so one value can be re-planned at run time.
type JointMinJerk struct {
	q0, dq     []float64
	vmax, amax []float64
	T          float64 // s
}

// NewJointMinJerk returns a planner for len(vmax) joints with per-joint
// velocity (rad/s or m/s) and acceleration (rad/s² or m/s²) limits, all > 0.
// Until Plan is called it samples as a motion from and to 0.
func NewJointMinJerk(vmax, amax []float64) (*JointMinJerk, error) {
	if len(vmax) == 0 || len(vmax) != len(amax) {
		return nil, fmt.Errorf("joint min-jerk: %d velocity and %d acceleration limits: %w", len(vmax), len(amax), ErrTrajectory)
	}
	for i := range vmax {
		if !(vmax[i] > 0) || !(amax[i] > 0) {
			return nil, fmt.Errorf("joint min-jerk: joint %d limits %g, %g must be > 0: %w", i, vmax[i], amax[i], ErrTrajectory)
		}
	}
	n := len(vmax)
	return &JointMinJerk{q0: make([]float64, n), dq: make([]float64, n),
		vmax: append([]float64(nil), vmax...), amax: append([]float64(nil), amax...)}, nil
}

// Plan sets the motion from q0 to q1 and returns its duration: the shortest
// that respects the limits, and at least minDuration. It does not allocate.
func (m *JointMinJerk) Plan(q0, q1 []float64, minDuration time.Duration) (time.Duration, error) {
	if len(q0) != len(m.q0) || len(q1) != len(m.q0) {
		return 0, fmt.Errorf("joint min-jerk: %d and %d values for %d joints: %w", len(q0), len(q1), len(m.q0), ErrSize)
	}
	T := seconds(minDuration)
	for i := range q0 {
		d := q1[i] - q0[i]
		if !finite(d) {
			return 0, fmt.Errorf("joint min-jerk: joint %d: non-finite target: %w", i, ErrTrajectory)
		}
		T = math.Max(T, MinJerkDuration(d, m.vmax[i], m.amax[i]))
	}
	copy(m.q0, q0)
	for i := range q1 {
		m.dq[i] = q1[i] - q0[i]
	}
	m.T = T
	return duration(T), nil
}

// Duration returns the planned duration.
func (m *JointMinJerk) Duration() time.Duration { return duration(m.T) }

// Sample writes the joint position, velocity and acceleration at time t
// since the start of the motion into sp.Q, sp.Qd and sp.Qdd (clamped to the
// end points outside [0, T]) and clears sp.HasPose and sp.HasTwist. It
// leaves Seq and Deadman alone. sp must be sized for the planner's joints.
func (m *JointMinJerk) Sample(t time.Duration, sp *Setpoint) {
	s, sd, sdd := MinJerk(seconds(t), m.T)
	for i, d := range m.dq {
		sp.Q[i] = m.q0[i] + s*d
		sp.Qd[i] = sd * d
		sp.Qdd[i] = sdd * d
	}
	sp.HasPose, sp.HasTwist = false, false
}

// CartesianLimits bound a Cartesian motion: linear speed (m/s) and
// acceleration (m/s²) of the tool origin, angular speed (rad/s) and
// acceleration (rad/s²) of the tool. A zero limit does not constrain.
type CartesianLimits struct {
	Velocity, Acceleration               float64
	AngularVelocity, AngularAcceleration float64
}

// CartesianMinJerk is a minimum-jerk motion of the tool between two poses:
// the origin moves on the straight line, the orientation rotates about the
// single fixed axis that takes the start orientation to the goal (the
// geodesic of SO(3), i.e. quaternion slerp), both with the same s(t), so the
// tool arrives in position and orientation at once. The twist is its exact
// derivative. Plan and Sample allocate nothing.
type CartesianMinJerk struct {
	lim   CartesianLimits
	p0    [3]float64
	dp    [3]float64
	r0    [9]float64
	axis  [3]float64 // unit
	angle float64    // rad, ≥ 0
	T     float64
}

// NewCartesianMinJerk returns a planner with the given limits, which must
// not be negative.
func NewCartesianMinJerk(lim CartesianLimits) (*CartesianMinJerk, error) {
	for _, v := range []float64{lim.Velocity, lim.Acceleration, lim.AngularVelocity, lim.AngularAcceleration} {
		if !(v >= 0) {
			return nil, fmt.Errorf("cartesian min-jerk: limits %+v: %w", lim, ErrTrajectory)
		}
	}
	m := &CartesianMinJerk{lim: lim, r0: kinematics.Identity().R, axis: [3]float64{1, 0, 0}}
	return m, nil
}

// Plan sets the motion from pose a to pose b and returns its duration: the
// shortest that respects the limits, and at least minDuration.
func (m *CartesianMinJerk) Plan(a, b *kinematics.Frame, minDuration time.Duration) (time.Duration, error) {
	var dp [3]float64
	for i := range dp {
		dp[i] = b.P[i] - a.P[i]
		if !finite(dp[i]) {
			return 0, fmt.Errorf("cartesian min-jerk: non-finite position: %w", ErrTrajectory)
		}
	}
	rv := kinematics.RotationError(&b.R, &a.R) // takes a's orientation to b's, base frame
	angle := math.Sqrt(rv[0]*rv[0] + rv[1]*rv[1] + rv[2]*rv[2])
	if !finite(angle) {
		return 0, fmt.Errorf("cartesian min-jerk: non-finite rotation: %w", ErrTrajectory)
	}
	dist := math.Sqrt(dp[0]*dp[0] + dp[1]*dp[1] + dp[2]*dp[2])
	T := math.Max(seconds(minDuration), MinJerkDuration(dist, m.lim.Velocity, m.lim.Acceleration))
	T = math.Max(T, MinJerkDuration(angle, m.lim.AngularVelocity, m.lim.AngularAcceleration))
	m.p0, m.dp, m.r0, m.angle, m.T = a.P, dp, a.R, angle, T
	m.axis = [3]float64{1, 0, 0}
	if angle > 0 {
		m.axis = [3]float64{rv[0] / angle, rv[1] / angle, rv[2] / angle}
	}
	return duration(T), nil
}

// Duration returns the planned duration.
func (m *CartesianMinJerk) Duration() time.Duration { return duration(m.T) }

// SampleFrame returns the pose, twist (linear m/s then angular rad/s, base
// frame) and its derivative at time t since the start (clamped to [0, T]).
func (m *CartesianMinJerk) SampleFrame(t time.Duration) (pose kinematics.Frame, twist, accel [6]float64) {
	s, sd, sdd := MinJerk(seconds(t), m.T)
	for i := range 3 {
		twist[i], accel[i] = sd*m.dp[i], sdd*m.dp[i]
		twist[3+i], accel[3+i] = sd*m.angle*m.axis[i], sdd*m.angle*m.axis[i]
	}
	// R(s) = Rot(axis, s·angle)·R0: the rotation about a fixed base-frame
	// axis, whose angular velocity is ṡ·angle·axis.
	rot := kinematics.Frame{R: kinematics.AxisAngle(m.axis, s*m.angle)}
	start := kinematics.Frame{R: m.r0}
	pose.Mul(&rot, &start)
	pose.P = [3]float64{m.p0[0] + s*m.dp[0], m.p0[1] + s*m.dp[1], m.p0[2] + s*m.dp[2]}
	return pose, twist, accel
}

// Sample writes the pose and twist at time t since the start into sp
// (HasPose and HasTwist set). The joint vectors, Seq and Deadman are left
// alone.
func (m *CartesianMinJerk) Sample(t time.Duration, sp *Setpoint) {
	pose, twist, _ := m.SampleFrame(t)
	sp.HasPose, sp.Position, sp.Rotation = true, pose.P, pose.R
	sp.HasTwist, sp.Twist = true, twist
}
