package robot

import (
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/firmware-sim/mitsim"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
)

// simRig describes simulated firmware's drives as the rig file of a real
// robot with those drives would: protocol, one joint per chain joint in
// order with the model's names, every direction +1 and zero offset 0 (the
// simulator's drives count as the model does), and a prismatic joint on a
// Dynamixel or MIT actuator driven through the firmware's default lead
// (the lead sizeSim sized it with), which rig.Bus maps as on hardware.
// joint fills in each joint's protocol fields (IDs, nodes, models, ...).
// The host side is then opened with rig.OpenWith, the code that opens real
// drives.
func simRig(r *Robot, protocol string, joint func(i int, j *rig.Joint)) *rig.Config {
	cfg := &rig.Config{Protocol: protocol, ReplyTimeout: rig.Duration(r.cfg.ReplyTimeout),
		Joints: make([]rig.Joint, r.chain.DoF())}
	for i := range cfg.Joints {
		cj := &r.chain.Joints[i]
		j := &cfg.Joints[i]
		j.Name, j.Direction = cj.Name, 1
		if cj.Type == kinematics.Prismatic {
			switch protocol {
			case rig.Dynamixel:
				j.Lead = dxlsim.DefaultPrismaticLead
			case rig.CubeMars:
				j.Lead = mitsim.DefaultPrismaticLead
			}
		}
		joint(i, j)
	}
	return cfg
}
