package kinematics

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// ikTargets returns the TRAC-IK protocol's targets for c: the given joint
// vectors (the reference q.txt rows), then vectors drawn uniformly within the
// limits from a fixed seed, up to count, and their tip poses by FK.
func ikTargets(c *Chain, rows [][]float64, count int, seed uint64) (qs [][]float64, poses []Frame) {
	lo, up := c.Limits()
	r := rand.New(rand.NewPCG(seed, 7))
	for len(qs) < count {
		if len(qs) < len(rows) {
			qs = append(qs, rows[len(qs)])
			continue
		}
		q := make([]float64, c.DoF())
		for i := range q {
			q[i] = lo[i] + r.Float64()*(up[i]-lo[i])
		}
		qs = append(qs, q)
	}
	w := NewWorkspace(c)
	poses = make([]Frame, len(qs))
	for i, q := range qs {
		w.FK(&poses[i], q)
	}
	return qs, poses
}

// midRange returns the centre of every joint's range, the protocol's seed.
func midRange(c *Chain) []float64 {
	lo, up := c.Limits()
	m := make([]float64, len(lo))
	for i := range m {
		m[i] = (lo[i] + up[i]) / 2
	}
	return m
}

// virtualClock advances by step at every reading, so that a time budget
// becomes a deterministic budget of clock readings (the solver reads the
// clock once every four iterations, plus twice per Solve).
type virtualClock struct {
	t    time.Time
	step time.Duration
}

func (v *virtualClock) Now() time.Time { v.t = v.t.Add(v.step); return v.t }

// ikStats is the outcome of a batch of solves.
type ikStats struct {
	solved, total int
	times         []time.Duration // every target's Elapsed, failures included
	iters         []int
}

func (s *ikStats) rate() float64 { return float64(s.solved) / float64(s.total) }

func (s *ikStats) quantile(p float64) time.Duration {
	t := slices.Clone(s.times)
	slices.Sort(t)
	if len(t) == 0 {
		return 0
	}
	return t[min(len(t)-1, int(p*float64(len(t))))]
}

func (s *ikStats) String() string {
	return fmt.Sprintf("solved %d/%d rate %.4f median %v p99 %v", s.solved, s.total, s.rate(), s.quantile(0.5), s.quantile(0.99))
}

// runIK solves every target from the mid-range seed and checks each
// solution: within limits, and its FK within the tolerance of the target.
func runIK(t testing.TB, c *Chain, ik *IK, poses []Frame) *ikStats {
	t.Helper()
	seed := midRange(c)
	q := make([]float64, c.DoF())
	w := NewWorkspace(c)
	lo, up := c.Limits()
	tol := ik.Options().Tolerance
	st := &ikStats{total: len(poses)}
	for i := range poses {
		res, err := ik.Solve(q, seed, &poses[i])
		st.times = append(st.times, res.Elapsed)
		st.iters = append(st.iters, res.Iterations)
		if err != nil {
			if !errors.Is(err, ErrNoSolution) {
				t.Fatalf("target %d: %v", i, err)
			}
			continue
		}
		for k := range q {
			if q[k] < lo[k]-1e-12 || q[k] > up[k]+1e-12 {
				t.Fatalf("target %d: joint %d = %g outside [%g, %g]", i, k, q[k], lo[k], up[k])
			}
		}
		var f Frame
		w.FK(&f, q)
		var e [6]float64
		poseError(&e, &poses[i], &f)
		if p, r := norm3(e[0], e[1], e[2]), norm3(e[3], e[4], e[5]); p > tol || r > tol {
			t.Fatalf("target %d: reported solved but FK error %.3g m %.3g rad", i, p, r)
		}
		st.solved++
	}
	return st
}

// syntheticArm returns a random n-DoF revolute chain with modified-DH-like
// origins (random twist, link length, offset and joint limits), an arm the
// solver was not tuned on.
func syntheticArm(n int, seed uint64) *Chain {
	r := rand.New(rand.NewPCG(seed, 99))
	c := &Chain{Name: fmt.Sprintf("synthetic%d", n), Base: "base", TipName: "tip", InsertionJoint: -1}
	for i := 0; i < n; i++ {
		alpha := (r.Float64()*2 - 1) * math.Pi
		a := r.Float64() * 0.4
		d := r.Float64() * 0.4
		theta := (r.Float64()*2 - 1) * math.Pi
		half := 1.5 + r.Float64()*1.6 // ±(1.5 … 3.1) rad
		c.Joints = append(c.Joints, Joint{
			Name: fmt.Sprintf("j%d", i+1), Type: Revolute, Axis: [3]float64{0, 0, 1},
			Origin: mdh(alpha, a, theta, d), Lower: -half, Upper: half,
		})
	}
	c.Tip = mdh(0, 0, 0, 0.1+r.Float64()*0.1)
	return c
}

// ikArms returns the arms of the solve-rate protocol: the shared Panda,
// iiwa, UR5 and PSM, and the two synthetic arms.
func ikArms(t testing.TB) []struct {
	name string
	c    *Chain
	rows [][]float64
} {
	var out []struct {
		name string
		c    *Chain
		rows [][]float64
	}
	for _, name := range []string{"panda", "iiwa", "ur5", "psm"} {
		r, c := loadRef(t, name)
		out = append(out, struct {
			name string
			c    *Chain
			rows [][]float64
		}{name, c, r.Rows(t, "q.txt")})
	}
	out = append(out, struct {
		name string
		c    *Chain
		rows [][]float64
	}{"synthetic6", syntheticArm(6, 6), nil}, struct {
		name string
		c    *Chain
		rows [][]float64
	}{"synthetic7", syntheticArm(7, 7), nil})
	return out
}

// TestIKSolveRate runs the TRAC-IK protocol (Beeson and Ames 2015): joint
// vectors uniform within the limits → FK → IK seeded at mid-range,
// tolerance 1e-5, and asserts a solve rate ≥ 99.5 % on every arm. The budget
// is a virtual clock (ikVirtualStep per reading, 5 ms in all), so the
// outcome does not depend on the machine's load or the race detector; the
// wall-clock figures come from BenchmarkIK and tools/kdlbench.
func TestIKSolveRate(t *testing.T) {
	for _, arm := range ikArms(t) {
		t.Run(arm.name, func(t *testing.T) {
			_, poses := ikTargets(arm.c, arm.rows, ikTestTargets, 1)
			clk := &virtualClock{step: ikVirtualStep}
			ik := NewIK(arm.c, IKOptions{Now: clk.Now, Rand: rand.New(rand.NewPCG(1, 2))})
			st := runIK(t, arm.c, ik, poses)
			t.Logf("%s: %v (virtual time)", arm.name, st)
			if st.rate() < 0.995 {
				t.Errorf("%s: solve rate %.4f below 0.995", arm.name, st.rate())
			}
		})
	}
}

func TestIKDeterministic(t *testing.T) {
	_, c := loadRef(t, "panda")
	_, poses := ikTargets(c, nil, 20, 3)
	run := func() [][]float64 {
		clk := &virtualClock{step: ikVirtualStep}
		ik := NewIK(c, IKOptions{Now: clk.Now, Rand: rand.New(rand.NewPCG(5, 5))})
		var out [][]float64
		for i := range poses {
			q := make([]float64, c.DoF())
			ik.Solve(q, midRange(c), &poses[i])
			out = append(out, q)
		}
		return out
	}
	a, b := run(), run()
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			t.Fatalf("target %d: %v then %v", i, a[i], b[i])
		}
	}
}

// TestIKNoSolution asks for an unreachable pose and checks the typed error,
// its residuals, and that the budget ends the search.
func TestIKNoSolution(t *testing.T) {
	_, c := loadRef(t, "ur5")
	target := Identity()
	target.P = [3]float64{3, 0, 0} // beyond the UR5's ~0.95 m reach
	clk := &virtualClock{step: 10 * time.Microsecond}
	ik := NewIK(c, IKOptions{Now: clk.Now})
	q := make([]float64, c.DoF())
	res, err := ik.Solve(q, midRange(c), &target)
	var ns *NoSolutionError
	if !errors.Is(err, ErrNoSolution) || !errors.As(err, &ns) {
		t.Fatalf("got %v, want a *NoSolutionError", err)
	}
	if ns.PosErr < 1.5 || ns.PosErr != res.PosErr {
		t.Errorf("residual %g m (result %g), want ≥ 1.5", ns.PosErr, res.PosErr)
	}
	if res.Elapsed < DefaultIKTimeout || res.Elapsed > DefaultIKTimeout+time.Millisecond {
		t.Errorf("elapsed %v, want about the %v budget", res.Elapsed, DefaultIKTimeout)
	}
	if res.Restarts == 0 {
		t.Error("no restarts within the budget")
	}
	t.Log(err)
}

// TestIKSeedIsSolution: a seed that already solves the target comes back
// unchanged after zero iterations.
func TestIKSeedIsSolution(t *testing.T) {
	r, c := loadRef(t, "iiwa")
	q0 := r.Rows(t, "q.txt")[4]
	var f Frame
	NewWorkspace(c).FK(&f, q0)
	ik := NewIK(c, IKOptions{})
	q := make([]float64, c.DoF())
	res, err := ik.Solve(q, q0, &f)
	if err != nil || res.Iterations != 0 || !slices.Equal(q, q0) {
		t.Fatalf("res %+v err %v q %v want %v", res, err, q, q0)
	}
}

// TestIKNearestSeed: seeded near a known solution, the solver returns that
// solution (not another branch), and Nearest mode never does worse.
func TestIKNearestSeed(t *testing.T) {
	r, c := loadRef(t, "ur5")
	ik := NewIK(c, IKOptions{})
	ikN := NewIK(c, IKOptions{Nearest: true, MaxIterations: 3000})
	w := NewWorkspace(c)
	for _, q0 := range r.Rows(t, "q.txt")[:20] {
		var f Frame
		w.FK(&f, q0)
		seed := slices.Clone(q0)
		for i := range seed {
			seed[i] += 0.05
		}
		q := make([]float64, c.DoF())
		if _, err := ik.Solve(q, seed, &f); err != nil {
			t.Fatal(err)
		}
		if d := ik.distance(q, q0); d > 1e-6 {
			t.Errorf("solution %v is %g rad from the nearby solution %v", q, math.Sqrt(d), q0)
		}
		qn := make([]float64, c.DoF())
		if _, err := ikN.Solve(qn, seed, &f); err != nil {
			t.Fatal(err)
		}
		if ik.distance(qn, seed) > ik.distance(q, seed)+1e-9 {
			t.Errorf("Nearest returned a farther solution")
		}
	}
}

// TestIKContinuousWrap: continuous joints come back in (−π, π].
func TestIKContinuousWrap(t *testing.T) {
	c := syntheticArm(6, 11)
	for i := range c.Joints {
		c.Joints[i].Type = Continuous
		c.Joints[i].Lower, c.Joints[i].Upper = math.Inf(-1), math.Inf(1)
	}
	_, poses := ikTargets(c, nil, 50, 4)
	ik := NewIK(c, IKOptions{MaxIterations: 20000, Timeout: time.Hour})
	q := make([]float64, c.DoF())
	seed := make([]float64, c.DoF())
	for i := range seed {
		seed[i] = 3 // near the wrap point, so steps cross it
	}
	for i := range poses {
		if _, err := ik.Solve(q, seed, &poses[i]); err != nil {
			t.Fatalf("target %d: %v", i, err)
		}
		for k, v := range q {
			if v <= -math.Pi || v > math.Pi {
				t.Fatalf("target %d joint %d = %g outside (−π, π]", i, k, v)
			}
		}
	}
}

func TestIKSolveAllocatesNothing(t *testing.T) {
	_, c := loadRef(t, "panda")
	_, poses := ikTargets(c, nil, 8, 9)
	ik := NewIK(c, IKOptions{})
	q := make([]float64, c.DoF())
	seed := midRange(c)
	i := 0
	if a := testing.AllocsPerRun(20, func() { ik.Solve(q, seed, &poses[i%len(poses)]); i++ }); a != 0 {
		t.Fatalf("%v allocations per Solve", a)
	}
}

// BenchmarkIK runs the protocol with the real clock (5 ms budget) over
// ikBenchTargets targets per arm and reports the solve rate and the median
// and p99 solve time (failures counted at their elapsed time).
func BenchmarkIK(b *testing.B) {
	for _, arm := range ikArms(b) {
		b.Run(arm.name, func(b *testing.B) {
			_, poses := ikTargets(arm.c, arm.rows, ikBenchTargets, 1)
			ik := NewIK(arm.c, IKOptions{Rand: rand.New(rand.NewPCG(1, 2))})
			seed := midRange(arm.c)
			q := make([]float64, arm.c.DoF())
			st := &ikStats{}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				p := &poses[i%len(poses)]
				res, err := ik.Solve(q, seed, p)
				st.total++
				if err == nil {
					st.solved++
				}
				st.times = append(st.times, res.Elapsed)
			}
			b.ReportMetric(100*st.rate(), "solved%")
			b.ReportMetric(float64(st.quantile(0.5).Nanoseconds())/1e3, "median-µs")
			b.ReportMetric(float64(st.quantile(0.99).Nanoseconds())/1e3, "p99-µs")
		})
	}
}

// TestIKProtocolWallClock is the full-count protocol with the real clock:
// ikBenchTargets targets per arm. It only runs without the race detector
// and with -ik.wallclock (it measures time, so it wants a quiet machine).
func TestIKProtocolWallClock(t *testing.T) {
	if !*ikWallClock {
		t.Skip("run with -ik.wallclock (and without -race) for the wall-clock protocol")
	}
	for _, arm := range ikArms(t) {
		_, poses := ikTargets(arm.c, arm.rows, ikBenchTargets, 1)
		ik := NewIK(arm.c, IKOptions{Rand: rand.New(rand.NewPCG(1, 2))})
		st := runIK(t, arm.c, ik, poses)
		t.Logf("%-10s %v", arm.name, st)
		if st.rate() < 0.995 {
			t.Errorf("%s: solve rate %.4f below 0.995", arm.name, st.rate())
		}
	}
}
