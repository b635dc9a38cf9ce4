package chiron

import (
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/mitsim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// cubemars: one simulated CubeMars AK80-9 per joint in MIT mode, motor IDs
// 1..N in chain order, served to the host as a USB-CAN adapter speaking
// SLCAN on the pty (open it with canbus.DialSLCAN at 1 Mbit/s).
func init() {
	fwProtocols["cubemars"] = func(sim *firmwaresim.Sim, _ *kinematics.Chain, o fwOptions) (streamServer, error) {
		node, err := mitsim.New(sim, mitsim.Config{ShortReply: o.MITShortReply})
		if err != nil {
			return nil, err
		}
		return &firmwaresim.SLCANServer{Node: node}, nil
	}
}
