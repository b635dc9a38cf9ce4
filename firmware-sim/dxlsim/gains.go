package dxlsim

import (
	"math"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// ControlPeriod is the sampling time firmwaresim takes for a servo's
// position and velocity controllers. The e-Manual's gain conversions fold
// "the sampling time" into their constants (KPI = KPI(TBL)/65536, KPD =
// KPD(TBL)/16, KVI = KVI(TBL)/65536) without giving it; 1 ms is assumed.
const ControlPeriod = 1e-3 // s

// tableGains converts the servo's control-table gains into the drive loop
// the simulator runs, in the joint's units (rad or m):
//
//   - position modes (3, 4, 5): the e-Manual's position PID, whose output
//     is PWM (0–885 of full voltage) from the error in pulses — KPP =
//     Position P Gain (84)/128, KPI = Position I Gain (82)/65536, KPD =
//     Position D Gain (80)/16 — becomes τ = Kp·e + KiPos·∫e + Kd·(v − q̇)
//     with Kp = KPP·pulses/rad·τ_stall/885, KiPos = KPI/T·…, Kd = KPD·T·…;
//   - velocity mode (1): the PI on the velocity error in velocity units
//     (0.229 rev/min), KVP = Velocity P Gain (78)/128, KVI = Velocity I
//     Gain (76)/65536, becomes the cascade's velocity loop (Kd, Ki);
//   - both drive the motor's voltage, so the output is limited to PWM
//     Limit (36) and the motor's back-EMF damps it (τ_stall/no-load speed);
//     current-based position (5) drives a current, limited to Goal Current,
//     with no back-EMF.
//
// The Feedforward gains (88, 90) and the profile (108, 112) are not run: a
// goal is a step for the loop.
func (sv *servo) tableGains(op dynamixel.OperatingMode) plant.DriveGains {
	m, lead := sv.model, sv.lead
	stall := m.PeakTorque() / lead                             // N·m (or N) at the joint at full PWM, at rest
	perPWM := stall / pwmMax                                   // per PWM unit
	pulses := m.CountsPerRev / (2 * math.Pi) / lead            // pulses per rad (or m) of the joint
	velUnits := 1 / (m.VelocityUnit * 2 * math.Pi / 60) / lead // velocity units per rad/s (or m/s)
	g := plant.DriveGains{TorqueLimit: float64(sv.mem.u16(addrPWMLimit)) * perPWM}
	if m.NoLoadSpeed > 0 {
		g.BackEMF = m.PeakTorque() / (m.NoLoadSpeed * 2 * math.Pi / 60) / (lead * lead)
	}
	if op == dynamixel.OpVelocity {
		g.Kd = float64(sv.mem.u16(addrVelocityPGain)) / 128 * velUnits * perPWM
		g.Ki = float64(sv.mem.u16(addrVelocityIGain)) / 65536 / ControlPeriod * velUnits * perPWM
		return g
	}
	g.PID = true
	g.Kp = float64(sv.mem.u16(addrPositionPGain)) / 128 * pulses * perPWM
	g.KiPos = float64(sv.mem.u16(addrPositionIGain)) / 65536 / ControlPeriod * pulses * perPWM
	g.Kd = float64(sv.mem.u16(addrPositionDGain)) / 16 * ControlPeriod * pulses * perPWM
	if op == dynamixel.OpCurrentBasedPosition {
		g.BackEMF = 0
		g.TorqueLimit = math.Abs(m.Effort(int16(sv.mem.i16(addrGoalCurrent)))) / lead
	}
	return g
}
