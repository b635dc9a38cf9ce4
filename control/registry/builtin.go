package registry

import (
	"math"

	"github.com/chiron-robotics/chiron/control"
)

// The built-in controllers, in the order front ends list them (Default
// first).
func init() {
	Register("joint-pd", Factory{
		Summary: "joint impedance (PD) around the joint setpoint with gravity feed-forward, executed by the drives",
		Follows: FollowsJoints, Gains: GainsJoint, Standby: true,
		New: func(env *Env, _ any) (control.Controller, error) {
			return control.NewJointPD(env.Kp, env.Kd, gravity(env))
		},
	})
	Register("cartesian-impedance", Typed[CartesianParams]{
		Summary: "Cartesian impedance of the tool around the pose setpoint, with null-space joint stiffness and Coriolis compensation",
		Follows: FollowsPose, Gains: GainsCartesian, Standby: true,
		Check: func(_ *Env, p *CartesianParams) error {
			switch {
			case !(p.MaxSpeed >= 0) || math.IsInf(p.MaxSpeed, 0):
				return Bad("max_speed", "want ≥ 0 m/s (0: unbounded), got %g", p.MaxSpeed)
			case !(p.MaxAngularSpeed >= 0) || math.IsInf(p.MaxAngularSpeed, 0):
				return Bad("max_angular_speed", "want ≥ 0 rad/s (0: unbounded), got %g", p.MaxAngularSpeed)
			}
			return nil
		},
		New: func(env *Env, p *CartesianParams) (control.Controller, error) {
			// 1000 N/m and 30 N·m/rad: stiff enough to track a surgeon's
			// tool motion to millimetres, soft enough that contact is
			// compliant; damping 0 means critically damped (DampingRatio 1)
			// for the task-space inertia at each pose.
			stiff := [6]float64{1000, 1000, 1000, 30, 30, 30}
			var damp [6]float64
			copy(stiff[:], env.Gains.Kp)
			copy(damp[:], env.Gains.Kd)
			return control.NewCartesianImpedance(control.CartesianImpedanceConfig{Chain: env.Chain,
				Stiffness: stiff, Damping: damp, DampingRatio: 1, NullStiffness: 10, NullDamping: 2, Coriolis: true,
				MaxSpeed: [2]float64{p.MaxSpeed, p.MaxAngularSpeed}})
		},
	}.Factory())
	Register("transparent", Factory{
		Summary: "zero-torque free drive: gravity compensation only, the joints follow whoever moves them",
		// Joint gains for compatibility: a kp/kd override with transparent
		// active has always replaced the default joint gains of the other
		// controllers (joint-pd, admittance) it can switch to.
		Follows: FollowsJoints, Gains: GainsJoint, Standby: true,
		New: func(env *Env, _ any) (control.Controller, error) {
			return control.NewTransparent(env.Chain.DoF(), control.TransparentConfig{Gravity: gravity(env)})
		},
	})
	Register("admittance", Typed[AdmittanceParams]{
		Summary: "per-joint admittance: a virtual mass–damper–spring driven by the measured interaction torque",
		Follows: FollowsJoints, Gains: GainsJoint, Standby: true,
		Defaults: func() AdmittanceParams {
			return AdmittanceParams{Mass: 0.5, Damping: 10, Stiffness: 50, Deadband: 0.05}
		},
		Check: func(_ *Env, p *AdmittanceParams) error {
			switch {
			case !(p.Mass > 0) || math.IsInf(p.Mass, 0):
				return Bad("mass", "want > 0 kg·m², got %g", p.Mass)
			case !(p.Damping > 0) || math.IsInf(p.Damping, 0):
				return Bad("damping", "want > 0 N·m·s/rad, got %g", p.Damping)
			case !(p.Stiffness >= 0) || math.IsInf(p.Stiffness, 0):
				return Bad("stiffness", "want ≥ 0 N·m/rad, got %g", p.Stiffness)
			case !(p.Deadband >= 0) || math.IsInf(p.Deadband, 0):
				return Bad("deadband", "want ≥ 0 N·m, got %g", p.Deadband)
			case !(p.Cutoff >= 0) || math.IsInf(p.Cutoff, 0):
				return Bad("cutoff", "want ≥ 0 Hz (0: 15 Hz), got %g", p.Cutoff)
			}
			return nil
		},
		New: func(env *Env, p *AdmittanceParams) (control.Controller, error) {
			n := env.Chain.DoF()
			return control.NewJointAdmittance(control.JointAdmittanceConfig{Mass: fill(n, p.Mass), Damping: fill(n, p.Damping),
				Stiffness: fill(n, p.Stiffness), Kp: env.Kp, Kd: env.Kd, Gravity: gravity(env), Deadband: fill(n, p.Deadband),
				Cutoff: p.Cutoff})
		},
	}.Factory())
}

// CartesianParams are the cartesian-impedance controller's parameters.
type CartesianParams struct {
	MaxSpeed        float64 `yaml:"max_speed" json:"max_speed" help:"bound on the tool speed the spring asks for, m/s (0: unbounded)"`
	MaxAngularSpeed float64 `yaml:"max_angular_speed" json:"max_angular_speed" help:"bound on the tool's angular speed, rad/s (0: unbounded)"`
}

// AdmittanceParams are the admittance controller's parameters, the same
// for every joint (see control.JointAdmittanceConfig).
type AdmittanceParams struct {
	Mass      float64 `yaml:"mass" json:"mass" help:"virtual inertia, kg·m² (or kg)"`
	Damping   float64 `yaml:"damping" json:"damping" help:"virtual damping, N·m·s/rad (or N·s/m)"`
	Stiffness float64 `yaml:"stiffness" json:"stiffness" help:"virtual stiffness toward the setpoint, N·m/rad (or N/m); 0: free"`
	Deadband  float64 `yaml:"deadband" json:"deadband" help:"interaction torque ignored below this, N·m (or N)"`
	Cutoff    float64 `yaml:"cutoff" json:"cutoff" help:"torque-residual low-pass corner, Hz (0: 15 Hz)"`
}

func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// gravity is env's dynamics as a gravity model, nil when there is none (a
// nil *Dynamics in the interface would not compare equal to nil).
func gravity(env *Env) control.GravityModel {
	if env.Dynamics == nil {
		return nil
	}
	return env.Dynamics
}
