package chiron

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
)

func init() {
	kinTools["ik"] = kinIK
	kinFlagSetup["ik"] = func(fs *flag.FlagSet) {
		fs.Duration("timeout", 5*time.Millisecond, "time budget per target")
		fs.Float64("tolerance", 1e-5, "position (m) and rotation (rad) tolerance")
		fs.Uint64("seed", 1, "seed of the random restarts")
		fs.Int("max-iterations", 0, "cap on solver iterations per target (0: none); with a generous --timeout the answers become independent of machine load")
	}
}

// kinIK solves each target pose seeded at mid-range of the limits (the
// TRAC-IK benchmark protocol) and prints the solution or "fail"; a summary
// line goes to stderr.
func kinIK(c *kinematics.Chain, fs *flag.FlagSet, _ []string, in io.Reader, out, errw io.Writer) error {
	timeout := fs.Lookup("timeout").Value.(flag.Getter).Get().(time.Duration)
	tol := fs.Lookup("tolerance").Value.(flag.Getter).Get().(float64)
	seedN := fs.Lookup("seed").Value.(flag.Getter).Get().(uint64)
	maxIter := fs.Lookup("max-iterations").Value.(flag.Getter).Get().(int)
	if maxIter < 0 {
		return usagef("--max-iterations must be ≥ 0, got %d", maxIter)
	}
	if timeout <= 0 {
		return usagef("--timeout must be positive, got %v", timeout)
	}
	if !(tol > 0) || math.IsInf(tol, 0) {
		return usagef("--tolerance must be positive, got %g", tol)
	}
	ik := kinematics.NewIK(c, kinematics.IKOptions{Tolerance: tol, Timeout: timeout, MaxIterations: maxIter, Rand: rand.New(rand.NewPCG(seedN, 0))})
	lo, up := c.Limits()
	seed := make([]float64, c.DoF())
	for i := range seed {
		seed[i] = (lo[i] + up[i]) / 2
	}
	q := make([]float64, c.DoF())
	var target kinematics.Frame
	var times []float64
	solved, total := 0, 0
	r := newVectorReader(in, "stdin", 12)
	var buf []byte
	for {
		v, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		copy(target.P[:], v[:3])
		copy(target.R[:], v[3:])
		if err := checkRotation(&target.R); err != nil {
			return usagef("stdin:%d: %v", r.line, err)
		}
		total++
		res, err := ik.Solve(q, seed, &target)
		times = append(times, float64(res.Elapsed)/float64(time.Microsecond))
		buf = buf[:0]
		switch {
		case err == nil:
			solved++
			buf = appendFloats(buf, q...)
		case errors.Is(err, kinematics.ErrNoSolution):
			buf = append(buf, "fail"...)
		default:
			return fmt.Errorf("stdin:%d: %w", r.line, err)
		}
		if err := writeLine(out, buf); err != nil {
			return err
		}
	}
	rate := 0.0
	if total > 0 {
		rate = float64(solved) / float64(total)
	}
	fmt.Fprintf(errw, "solved %d/%d rate %.4f median_us %.1f p99_us %.1f\n", solved, total, rate, percentile(times, 0.5), percentile(times, 0.99))
	return nil
}

// checkRotation rejects a target whose rotation part is not a rotation matrix
// to 1e-6 (a typo in a pose file must not become a silent "fail").
func checkRotation(r *[9]float64) error {
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			d := r[3*i]*r[3*j] + r[3*i+1]*r[3*j+1] + r[3*i+2]*r[3*j+2]
			want := 0.0
			if i == j {
				want = 1
			}
			if math.Abs(d-want) > 1e-6 {
				return fmt.Errorf("fields 4-12 are not a rotation matrix (row %d · row %d = %.9g)", i+1, j+1, d)
			}
		}
	}
	det := r[0]*(r[4]*r[8]-r[5]*r[7]) - r[1]*(r[3]*r[8]-r[5]*r[6]) + r[2]*(r[3]*r[7]-r[4]*r[6])
	if det < 0 {
		return errors.New("fields 4-12 are a reflection, not a rotation (determinant -1)")
	}
	return nil
}

// percentile returns the p-quantile (nearest rank) of xs; 0 for none.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	k := int(math.Ceil(p*float64(len(s)))) - 1
	if k < 0 {
		k = 0
	}
	return s[k]
}
