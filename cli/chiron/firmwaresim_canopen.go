package chiron

import (
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/canopensim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// CANopen CiA 402 drives, node IDs 1..N in chain order, served as an SLCAN
// USB-CAN adapter on the pty: a host opens it with serialport.Open and
// canbus.DialSLCAN and runs canopen.Network with node IDs 1..N, counts per
// radian canopensim.DefaultCountsPerRad (DefaultCountsPerMetre for
// prismatic joints) and rated torque read from 0x6076 (the joint's effort
// limit).
func init() {
	fwProtocols["canopen"] = func(sim *firmwaresim.Sim, _ *kinematics.Chain, _ fwOptions) (streamServer, error) {
		node, err := canopensim.New(sim, canopensim.Config{Brakes: true}) // CiA 402 drives with holding brakes
		if err != nil {
			return nil, err
		}
		return &firmwaresim.SLCANServer{Node: node}, nil
	}
}
