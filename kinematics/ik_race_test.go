//go:build race

package kinematics

import (
	"flag"
	"time"
)

// The race detector slows the solver ~10×: the solve-rate test uses fewer
// targets (the same virtual budget, so the same per-target outcome as the
// non-race run); the full count runs without -race (TestIKSolveRate,
// BenchmarkIK, TestIKProtocolWallClock).
const (
	ikTestTargets  = 250
	ikBenchTargets = 1000
	ikVirtualStep  = 5 * time.Microsecond
)

var ikWallClock = flag.Bool("ik.wallclock", false, "run TestIKProtocolWallClock (real-clock IK protocol)")
