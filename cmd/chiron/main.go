// Command chiron is the control stack for surgical and rehabilitation robots:
// one binary whose subcommands run the kinematics tools, the control loop
// benchmarks, the drivers, the simulated drive firmware, the HIL simulator and
// the teleoperation console. Its implementation is package cli/chiron.
package main

import (
	"os"

	"github.com/chiron-robotics/chiron/cli/chiron"
)

func main() {
	os.Exit(chiron.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
