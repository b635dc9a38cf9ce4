package chiron

import (
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/kinematics"
)

func init() {
	fwProtocols["dynamixel"] = func(sim *firmwaresim.Sim, _ *kinematics.Chain, _ fwOptions) (streamServer, error) {
		return dxlsim.New(sim, dxlsim.Config{})
	}
}
