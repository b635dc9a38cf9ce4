package mitsim

import (
	"fmt"
	"math"

	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/kinematics"
)

// sizedPMin is the AK-series MIT-mode position range that a sized motor
// keeps as a floor (CubeMars "AK Series Actuator Driver Manual", MIT-mode
// parameter table: position ±12.5 rad, Kp 0–500, Kd 0–5).
const sizedPMin = 12.5

// SizedModel returns a generic MIT-mode motor sized for a joint that needs
// torque effort (N·m at the output shaft), turns at up to velocity (rad/s
// of the shaft) and travels up to travel (|rad| of the shaft from zero; 0
// or +Inf for a continuous joint):
//
//   - torque range ±effort: the whole 12-bit torque field is the joint's
//     effort, as the AK models' ±T is theirs;
//   - velocity range ±2·velocity, so an overspeed up to twice the joint's
//     limit still reads as itself (the supervisor sees it) rather than
//     saturating at the limit;
//   - position range ±max(12.5 rad, 1.1·travel), so the whole joint range
//     reads unsaturated;
//   - Kp up to 100·effort N·m/rad (the full torque at 0.01 rad of shaft
//     error) and Kd up to Kp/20: ranges that scale with the motor, so the
//     12-bit Kp and Kd fields resolve the gains of a small motor too. The
//     AK models' fixed Kp 0–500, Kd 0–5 quantised a lead-screw insertion
//     stage's hold (0.01 N·m/rad at the shaft) to zero: the PSM's stage on
//     MIT motors held only by its feed-forward and did not follow.
//
// It has no gear ratio or torque constant: it is no catalogue motor. Host
// and simulated motor must use the same Model (cubemars.Motor.Model and
// Config.Models), since both scale the fixed-point fields by its ranges.
func SizedModel(effort, velocity, travel float64) (cubemars.Model, error) {
	if !(effort > 0) || math.IsInf(effort, 0) {
		return cubemars.Model{}, fmt.Errorf("mitsim: sized motor: effort %v N·m (want > 0)", effort)
	}
	if !(velocity > 0) || math.IsInf(velocity, 0) {
		return cubemars.Model{}, fmt.Errorf("mitsim: sized motor: velocity %v rad/s (want > 0)", velocity)
	}
	if !(travel >= 0) {
		return cubemars.Model{}, fmt.Errorf("mitsim: sized motor: travel %v rad (want ≥ 0)", travel)
	}
	p := sizedPMin
	if !math.IsInf(travel, 1) {
		p = math.Max(p, 1.1*travel)
	}
	kp := 100 * effort
	l := cubemars.Limits{PMin: -p, PMax: p, VMin: -2 * velocity, VMax: 2 * velocity, TMin: -effort, TMax: effort,
		KpMax: kp, KdMax: kp / 20}
	return cubemars.Model{Name: fmt.Sprintf("sized %.4g N·m motor", effort), Limits: l}, nil
}

// SizedModels returns one SizedModel per joint of c, sized from the joint's
// effort, velocity and position limits (a prismatic joint's through lead,
// m/rad: shaft torque = F·lead, speed = v/lead, travel = x/lead). A joint
// whose effort or velocity limit is 0 (unknown) is sized for defEffort or
// defVelocity instead.
func SizedModels(c *kinematics.Chain, lead, defEffort, defVelocity float64) ([]cubemars.Model, error) {
	if lead == 0 {
		lead = DefaultPrismaticLead
	}
	ms := make([]cubemars.Model, c.DoF())
	for i, j := range c.Joints {
		eff, vel := j.Effort, j.Velocity
		if eff == 0 {
			eff = defEffort
		}
		if vel == 0 {
			vel = defVelocity
		}
		travel := math.Max(math.Abs(j.Lower), math.Abs(j.Upper))
		if math.IsNaN(travel) {
			travel = 0
		}
		if j.Type == kinematics.Prismatic {
			eff, vel, travel = eff*lead, vel/lead, travel/lead
		}
		m, err := SizedModel(eff, vel, travel)
		if err != nil {
			return nil, fmt.Errorf("joint %d (%s): %w", i+1, j.Name, err)
		}
		ms[i] = m
	}
	return ms, nil
}
