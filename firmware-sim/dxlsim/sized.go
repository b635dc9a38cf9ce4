package dxlsim

import (
	"fmt"
	"math"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/kinematics"
)

// SizedModelNumber is the Model Number (0) a servo sized by SizedModel
// reports to ping: outside the numbers ROBOTIS assigns to its servos, so a
// host configured for a catalogue model (and dynamixel.ModelByNumber)
// refuses it instead of running it with a catalogue model's units.
const SizedModelNumber = 0xFDE8 // 65000

// sizedCountsPerRev is a sized servo's position resolution: 2¹⁸ counts per
// turn (24 µrad), an absolute encoder of the class that arm joints of this
// torque carry (the Dynamixel-P series counts about 10⁶ per turn), where
// the X-series' 4096 would make the measured tool position of a 0.8 m arm
// step by a millimetre per count.
const sizedCountsPerRev = 1 << 18

// sizedMaxCurrent is the Current Limit (38) range of a sized servo: the
// XM540-W270's 2047 units, so ±effort is split into 4095 current steps (one
// step is 0.05 % of the joint's effort).
const sizedMaxCurrent = 2047

// sizedVelocityUnit is a sized servo's velocity unit, rev/min: the
// Dynamixel-P series' 0.01 rev/min (1.05 mrad/s), where the X-series'
// 0.229 rev/min (24 mrad/s) would hide a holding joint's creep from the
// host's damping.
const sizedVelocityUnit = 0.01

// velocityLimitMin is the least Velocity Limit (44) range a sized servo
// gets, in units: the X-series' 1023.
const velocityLimitMin = 1023

// SizedModel returns a generic Dynamixel-protocol servo sized for a joint
// that needs effort (N·m at the servo's output shaft) and turns at up to
// velocity (rad/s of the shaft): X-series units (4096 counts per turn,
// 2.69 mA per current unit), Current Limit 2047 units, and a torque
// constant that makes the whole current range ±effort; StallTorque is
// effort. Position: 2¹⁸ counts per turn, centred at half a turn as the
// X-series' 4096 are at 2048. Velocity: 0.01 rev/min per unit, with a
// Velocity Limit (44) range that reaches velocity (at least 1023 units).
//
// Host and simulated servo must use the same *Model (dynamixel.Joint.Model
// and Config.Models), or the host converts torque to current with another
// model's constant.
func SizedModel(effort, velocity float64) (*dynamixel.Model, error) {
	if !(effort > 0) || math.IsInf(effort, 0) {
		return nil, fmt.Errorf("dxlsim: sized servo: effort %v N·m (want > 0)", effort)
	}
	if !(velocity >= 0) || math.IsInf(velocity, 0) {
		return nil, fmt.Errorf("dxlsim: sized servo: velocity %v rad/s (want ≥ 0)", velocity)
	}
	m := dynamixel.XM430W350
	m.Name = fmt.Sprintf("sized %.4g N·m servo", effort)
	m.Number = SizedModelNumber
	m.MaxCurrent = sizedMaxCurrent
	m.CountsPerRev, m.CenterCount = sizedCountsPerRev, sizedCountsPerRev/2
	m.TorqueConstant = effort / (sizedMaxCurrent * m.CurrentUnit)
	m.StallTorque = effort
	const rpmToRadS = 2 * math.Pi / 60
	m.VelocityUnit = sizedVelocityUnit
	units := math.Ceil(velocity / (sizedVelocityUnit * rpmToRadS))
	if units > math.MaxInt32/2 {
		return nil, fmt.Errorf("dxlsim: sized servo: velocity %v rad/s beyond the Velocity Limit's range", velocity)
	}
	m.MaxVelocity = int32(max(units, velocityLimitMin))
	// No load at twice the joint's rated speed: the servo reaches the rated
	// speed at half its stall torque on its torque–speed line.
	m.NoLoadSpeed = 2 * velocity / rpmToRadS
	if velocity == 0 {
		m.NoLoadSpeed = 0
	}
	return &m, nil
}

// SizedModels returns one SizedModel per joint of c, sized from the joint's
// effort and velocity limits (a prismatic joint's through lead, m/rad:
// shaft torque = F·lead, shaft speed = v/lead). A joint whose limit is 0
// (unknown) is sized for defEffort or defVelocity instead.
func SizedModels(c *kinematics.Chain, lead, defEffort, defVelocity float64) ([]*dynamixel.Model, error) {
	if lead == 0 {
		lead = DefaultPrismaticLead
	}
	ms := make([]*dynamixel.Model, c.DoF())
	for i, j := range c.Joints {
		eff, vel := j.Effort, j.Velocity
		if eff == 0 {
			eff = defEffort
		}
		if vel == 0 {
			vel = defVelocity
		}
		if j.Type == kinematics.Prismatic {
			eff, vel = eff*lead, vel/lead
		}
		m, err := SizedModel(eff, vel)
		if err != nil {
			return nil, fmt.Errorf("joint %d (%s): %w", i+1, j.Name, err)
		}
		ms[i] = m
	}
	return ms, nil
}
