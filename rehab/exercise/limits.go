package exercise

import (
	"errors"
	"fmt"
	"math"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
)

// JointLimit is what a clinician records for one joint of a patient: the
// range of motion the joint may be moved through (rad) and the torque (N·m)
// and speed (rad/s) the patient tolerates. Effort and Velocity 0 mean "no
// tighter than the robot".
type JointLimit struct {
	Min, Max         float64
	Effort, Velocity float64
}

// ErrLimits is wrapped by errors about limits that do not fit together.
var ErrLimits = errors.New("exercise: invalid limits")

// SafetyOptions tune the supervisor configuration built by SafetyConfig.
type SafetyOptions struct {
	// PositionMargin is how far a compliant joint may overshoot the soft
	// limits before a protective stop, rad; 0 means 0.05 (≈3°).
	PositionMargin float64
	// HoldGravity adds gravity feed-forward to the supervisor's holds (give
	// it its own kinematics.Dynamics: the loop calls it).
	HoldGravity control.GravityModel
	// Power bounds |τ·q̇| per joint, W (IEC 80601-2-78 asks rehabilitation
	// robots to bound the energy delivered); 0 = not checked.
	Power float64
}

// SafetyConfig returns the supervisor configuration for a patient on a
// robot: each joint's position range, effort and speed are the intersection
// of the robot's rated limits (from the chain) and the patient's. The
// supervisor then enforces them whatever an exercise asks: commanded
// positions are clamped into the patient's range of motion, efforts and
// speeds into the tighter limit, and a measured position beyond the range by
// more than the margin, or a speed above the limit, is a protective stop.
//
// Stiffness and damping are bounded at MaxKp = Effort/0.05 rad and
// MaxKd = Effort/0.5 rad/s (full torque at 3° of error or 0.5 rad/s of speed
// error, the plant's default drive stiffness). The holds of Enabling and
// ProtectiveStop are gentle impedance holds, full effort only at 0.5 rad from
// the hold posture (HoldKp = Effort/0.5, HoldKd = Effort/5): a stop caught at
// speed, or a patient pushing, must not turn the hold into an over-current
// fault, which would drop the limb.
func SafetyConfig(c *kinematics.Chain, patient []JointLimit, opt SafetyOptions) (control.SafetyConfig, error) {
	n := c.DoF()
	if len(patient) != n {
		return control.SafetyConfig{}, fmt.Errorf("safety config: %d patient limits for %d joints: %w", len(patient), n, ErrLimits)
	}
	margin := opt.PositionMargin
	if margin == 0 {
		margin = 0.05
	}
	if !(margin > 0) || opt.Power < 0 {
		return control.SafetyConfig{}, fmt.Errorf("safety config: margin %g, power %g: %w", margin, opt.Power, ErrLimits)
	}
	lower, upper := c.Limits()
	cfg := control.SafetyConfig{Joints: make([]control.JointLimits, n), HoldGravity: opt.HoldGravity}
	for i, p := range patient {
		j := &c.Joints[i]
		if !(p.Min <= p.Max) || p.Effort < 0 || p.Velocity < 0 {
			return cfg, fmt.Errorf("safety config: joint %d (%s): patient limits %+v: %w", i, j.Name, p, ErrLimits)
		}
		lo, hi := math.Max(lower[i], p.Min), math.Min(upper[i], p.Max)
		if !(lo < hi) {
			return cfg, fmt.Errorf("safety config: joint %d (%s): patient range [%.3g, %.3g] rad outside the robot's [%.3g, %.3g]: %w",
				i, j.Name, p.Min, p.Max, lower[i], upper[i], ErrLimits)
		}
		effort, vel := tighter(j.Effort, p.Effort), tighter(j.Velocity, p.Velocity)
		if !(effort > 0) || !(vel > 0) {
			return cfg, fmt.Errorf("safety config: joint %d (%s): no effort or velocity limit from robot or patient: %w", i, j.Name, ErrLimits)
		}
		kp, kd := effort/0.05, effort/0.5
		cfg.Joints[i] = control.JointLimits{
			PositionMin: lo, PositionMax: hi, PositionMargin: margin,
			Velocity: vel, Effort: effort, Power: opt.Power,
			MaxKp: kp, MaxKd: kd, HoldKp: effort / 0.5, HoldKd: effort / 5,
		}
	}
	return cfg, nil
}

// tighter returns the smaller positive limit of a and b (0 = none).
func tighter(a, b float64) float64 {
	switch {
	case a <= 0:
		return b
	case b <= 0:
		return a
	}
	return math.Min(a, b)
}
