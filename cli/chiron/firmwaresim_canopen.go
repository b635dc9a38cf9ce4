package chiron

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

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

// writeEDS writes the EDS of each simulated CiA 402 drive of srv into dir
// (joint-N.eds for node N) and names them on out.
func writeEDS(srv streamServer, protocol, dir string, n int, out io.Writer) error {
	var node *canopensim.Node
	if sl, ok := srv.(*firmwaresim.SLCANServer); ok {
		node, _ = sl.Node.(*canopensim.Node)
	}
	if node == nil {
		return usagef("--eds: only CANopen drives have an EDS (--protocol %s)", protocol)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		b, err := node.EDS(i)
		if err != nil {
			return err
		}
		p := filepath.Join(dir, fmt.Sprintf("joint-%d.eds", i+1))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(out, "eds %s (node %d)\n", p, i+1)
	}
	return nil
}
