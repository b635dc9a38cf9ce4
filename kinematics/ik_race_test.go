//go:build race

package kinematics

import (
	"flag"
	"time"
)

// The race detector slows the solver ~10×, but the solve-rate test's budget
// is virtual (the same per-target outcome as without -race) and the whole
// protocol takes ~3 s, so it keeps the full count; lower ikTestTargets here
// if it ever grows slow. Wall-clock figures come only from non-race runs
// (BenchmarkIK, TestIKProtocolWallClock, tools/kdlbench).
const (
	ikTestTargets  = 1000
	ikBenchTargets = 1000
	ikVirtualStep  = 5 * time.Microsecond
)

var ikWallClock = flag.Bool("ik.wallclock", false, "run TestIKProtocolWallClock (real-clock IK protocol)")
