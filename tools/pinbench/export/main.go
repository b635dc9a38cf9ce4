// Command export writes a chain with its mass properties and dynamics states
// in tools/pinbench's text format (package dynfile): the joint vectors are
// tools/kdlbench's (the robot's q.txt rows, then uniform samples within the
// limits, chainfile.Configurations), velocities uniform in ±2 rad/s (m/s),
// accelerations uniform in ±5 rad/s², and the torques those of
// kinematics.InverseDynamics at that state, so forward dynamics has a known
// answer (q̈ back).
//
//	go run ./tools/pinbench/export -robot panda -n 1000 > /tmp/pb_panda.txt
//	go run ./tools/pinbench/export -model arm.urdf -base base_link -tip tool0
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/chiron-robotics/chiron/tools/pinbench/dynfile"
)

func main() {
	robot := flag.String("robot", "", "shared robot name (panda, ur5, iiwa, psm): model, chain and q.txt from ../shared/robots")
	model := flag.String("model", "", "URDF or DH JSON file (instead of -robot)")
	base := flag.String("base", "", "chain base link")
	tip := flag.String("tip", "", "chain tip link")
	n := flag.Int("n", 1000, "number of states")
	seed := flag.Uint64("seed", 1, "seed of the uniform samples")
	flag.Parse()
	c, g, states, err := dynfile.Build(*robot, *model, *base, *tip, *n, *seed)
	if err == nil {
		err = dynfile.Write(os.Stdout, c, g, states)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(1)
	}
}
