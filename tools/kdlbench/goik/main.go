// Command goik runs chiron's kinematics.IK under the same protocol as the
// C++ kdlbench, on the same input (see ../README.md), and prints the same
// summary line: mid-range seed, 5 ms wall-clock budget, tolerance 1e-5 on
// ‖Δp‖ (m) and ‖rotation vector‖ (rad), times over every target.
//
//	go run ./tools/kdlbench/export -robot panda > /tmp/panda.txt
//	go run ./tools/kdlbench/goik < /tmp/panda.txt
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/tools/kdlbench/chainfile"
)

func main() {
	budget := flag.Duration("budget", 5*time.Millisecond, "time budget per target")
	tol := flag.Float64("tol", 1e-5, "tolerance (m and rad)")
	seed := flag.Uint64("seed", 1, "restart generator seed")
	flag.Parse()
	c, targets, err := chainfile.Read(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "goik:", err)
		os.Exit(2)
	}
	ik := kinematics.NewIK(c, kinematics.IKOptions{Tolerance: *tol, Timeout: *budget, Rand: rand.New(rand.NewPCG(*seed, 2))})
	lo, up := c.Limits()
	seedq := make([]float64, c.DoF())
	for i := range seedq {
		seedq[i] = (lo[i] + up[i]) / 2
	}
	q := make([]float64, c.DoF())
	times := make([]float64, 0, len(targets))
	solved := 0
	for i := range targets {
		t0 := time.Now()
		_, err := ik.Solve(q, seedq, &targets[i])
		times = append(times, float64(time.Since(t0).Nanoseconds())/1e3)
		if err == nil {
			solved++
		}
	}
	slices.Sort(times)
	m := len(times)
	fmt.Printf("solved %d/%d rate %.4f median_us %.1f p99_us %.1f\n", solved, m, float64(solved)/float64(m),
		times[m/2], times[min(m-1, int(0.99*float64(m)))])
}
