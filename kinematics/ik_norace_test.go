//go:build !race

package kinematics

import (
	"flag"
	"time"
)

// Without the race detector the solve-rate test runs the full protocol count.
const (
	ikTestTargets  = 1000
	ikBenchTargets = 1000
	// ikVirtualStep is the virtual time per clock reading in TestIKSolveRate:
	// one reading per four iterations, set above their measured wall-clock
	// cost on a 2020s x86 core (~0.5–1 µs per iteration) so the test's
	// budget is no more generous than the real 5 ms.
	ikVirtualStep = 5 * time.Microsecond
)

var ikWallClock = flag.Bool("ik.wallclock", false, "run TestIKProtocolWallClock (real-clock IK protocol)")
