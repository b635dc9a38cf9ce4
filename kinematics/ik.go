package kinematics

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"gonum.org/v1/gonum/mat"
)

// IKOptions configures an IK solver. The zero value gives the defaults.
type IKOptions struct {
	// Tolerance bounds both residuals of a solution: the position error
	// ‖p_target − p‖ in m and the rotation error ‖r‖ in rad, where r is the
	// rotation vector (axis·angle) of R_target·Rᵀ. Both must be ≤ Tolerance.
	// This is the full-pose convergence test of TRAC-IK and of KDL's solvers
	// with unit weights, made per block (each bound alone, not their sum).
	// Default 1e-5.
	Tolerance float64
	// Timeout is the wall-clock budget of one Solve, restarts included.
	// Default 5 ms, the budget of the TRAC-IK benchmark protocol.
	Timeout time.Duration
	// MaxRestarts caps the restarts of one Solve: 0 means no cap (only
	// Timeout and MaxIterations bound the search), a negative value allows
	// the single attempt from the seed.
	MaxRestarts int
	// MaxIterations caps the total iterations of one Solve (0: no cap). With
	// a cap and an unreachable Timeout the solver is deterministic for a
	// given Rand seed, whatever the machine.
	MaxIterations int
	// Rand draws restart configurations. Nil means a generator seeded with
	// a fixed seed, so that repeated runs are reproducible. Solve advances it.
	Rand *rand.Rand
	// Now is the clock for Timeout and IKResult.Elapsed (default time.Now).
	// Tests inject a virtual clock to make budgets deterministic.
	Now func() time.Time
	// Nearest, when set, keeps searching for the whole budget (Timeout,
	// MaxIterations or MaxRestarts, whichever ends first) and returns the
	// solution nearest the seed, like TRAC-IK's Distance mode. By default
	// Solve returns the first solution, which usually is the one reached
	// from the seed itself.
	Nearest bool
}

// IKResult describes how a Solve went.
type IKResult struct {
	Iterations int           // LM iterations over all attempts
	Restarts   int           // attempts after the first one from the seed
	PosErr     float64       // ‖Δp‖ of the returned configuration, m
	RotErr     float64       // ‖rotation vector‖ of the returned configuration, rad
	Elapsed    time.Duration // on the Options.Now clock
}

// ErrNoSolution is wrapped by the error Solve returns when no configuration
// within the joint limits meets the tolerance within the budget.
var ErrNoSolution = errors.New("kinematics: no IK solution within the budget")

// NoSolutionError reports the residuals of the best configuration found when
// Solve gives up. It unwraps to ErrNoSolution.
type NoSolutionError struct {
	PosErr, RotErr float64 // best residuals, m and rad
	Tolerance      float64
	Iterations     int
	Restarts       int
	Elapsed        time.Duration
}

func (e *NoSolutionError) Error() string {
	return fmt.Sprintf("kinematics: no IK solution within the budget (%v, %d iterations, %d restarts): best position error %.3g m, rotation error %.3g rad, tolerance %.3g",
		e.Elapsed, e.Iterations, e.Restarts, e.PosErr, e.RotErr, e.Tolerance)
}

// Unwrap returns ErrNoSolution.
func (e *NoSolutionError) Unwrap() error { return ErrNoSolution }

// IK solves full-pose inverse kinematics for one chain with joint limits.
//
// The method is damped least squares (Levenberg–Marquardt) on the 6-D error
// e = (p_target − p, rotvec(R_target·Rᵀ)) with unit weights (m and rad), in
// the form of Sugihara (2011, "Solvability-unconcerned inverse kinematics by
// the Levenberg–Marquardt method", Advanced Robotics 25(11)): the damping is
// λ = E + w̄ with E = ½‖e‖², large far from the goal (a cautious, gradient-like
// step), vanishing near it (Gauss–Newton's quadratic convergence). A step
// that would raise the error is refused and retried with more damping, which
// keeps every accepted iterate downhill. Joint limits are respected by
// clamping each step into the box (continuous joints wrap to (−π, π]); joints
// pinned at a bound and pushed outward are frozen and the step re-solved
// without them, so the remaining joints make up for them (a projected step,
// rather than losing the whole step to the clamp).
//
// When an attempt stalls (a local minimum, usually against a limit, or a
// singular region) the solver restarts, as TRAC-IK (Beeson and Ames 2015,
// "TRAC-IK: An open-source library for improved solving of generic inverse
// kinematics", IEEE-RAS Humanoids) does with its KDL thread: restarts
// mix configurations drawn uniformly within the limits (two in three) with
// perturbations of the best configuration so far (one in three), which escapes the basin
// without forgetting the progress made. Everything runs on the caller's
// goroutine, so a given Rand seed and budget give the same answer every time.
//
// After NewIK, Solve allocates nothing. An IK is not safe for concurrent use;
// give each goroutine its own.
type IK struct {
	chain *Chain
	opt   IKOptions
	ws    *Workspace
	n     int
	tol   float64 // current tolerance (SolveRCM may tighten it)

	lo, hi []float64
	cont   []bool // continuous joints: wrap instead of clamp
	span   []float64

	jac, jacNew *mat.Dense
	q, qNew     []float64
	best        []float64 // lowest-error configuration of this Solve
	sol         []float64 // accepted solution (Nearest mode)
	dq, g       []float64
	a           []float64 // n×n normal matrix, row-major
	free        []bool

	pose Frame
	e    [6]float64
	eNew [6]float64
}

// Default IK options.
const (
	DefaultIKTolerance = 1e-5
	DefaultIKTimeout   = 5 * time.Millisecond
)

// Tuning constants of the LM iteration, measured on the shared arms and on
// random synthetic ones (see ik_test.go).
const (
	// ikWBar is Sugihara's bias damping w̄ (m², rad²): it bounds the step
	// near singularities when E is already small.
	ikWBar = 1e-4
	// ikStallIters is the window of the stall test: an attempt restarts when
	// its error has not halved in that many iterations. Converging attempts
	// halve it every iteration or two; a short window spends the budget on
	// fresh starts instead of on slow crawls (a sweep over 4–20 on 14 arms
	// gave the shortest tail at 4).
	ikStallIters = 4
	// ikMaxAttemptIters caps one attempt; converging attempts need 5–40.
	// (The stall test usually ends failing attempts long before.)
	ikMaxAttemptIters = 150
	// ikMinDamp is the smallest multiplier on Sugihara's λ: after accepted
	// steps the damping shrinks (Nielsen-style) so the iteration approaches
	// Gauss–Newton where the model is trustworthy.
	ikMinDamp = 1e-5
)

// NewIK returns a solver for c. The chain is read, not copied: do not modify
// it while the solver is in use.
func NewIK(c *Chain, opt IKOptions) *IK {
	if opt.Tolerance <= 0 {
		opt.Tolerance = DefaultIKTolerance
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultIKTimeout
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Rand == nil {
		opt.Rand = rand.New(rand.NewPCG(0x636869726f6e, 0x696b))
	}
	n := c.DoF()
	ik := &IK{
		chain: c, opt: opt, ws: NewWorkspace(c), n: n, tol: opt.Tolerance,
		cont: make([]bool, n), span: make([]float64, n),
		jac: mat.NewDense(6, max(n, 1), nil), jacNew: mat.NewDense(6, max(n, 1), nil),
		q: make([]float64, n), qNew: make([]float64, n), best: make([]float64, n), sol: make([]float64, n),
		dq: make([]float64, n), g: make([]float64, n), a: make([]float64, n*n), free: make([]bool, n),
	}
	if n == 0 {
		ik.jac, ik.jacNew = nil, nil
	}
	ik.lo, ik.hi = c.Limits()
	for i, j := range c.Joints {
		ik.cont[i] = j.Type == Continuous
		ik.span[i] = ik.hi[i] - ik.lo[i]
	}
	return ik
}

// Chain returns the chain the solver works on.
func (ik *IK) Chain() *Chain { return ik.chain }

// Options returns the options in effect, defaults filled in.
func (ik *IK) Options() IKOptions { return ik.opt }

// Solve finds joint positions within the limits whose tip pose matches target
// to the tolerance and writes them to dst. The search starts from seed, which
// should be near the wanted solution (the previous cycle's configuration, or
// mid-range): the first attempt from the seed converges to the solution
// nearest it in most cases; see IKOptions.Nearest for an exhaustive search.
// Continuous joints are returned in (−π, π]; a revolute joint whose range
// exceeds 2π is shifted by 2π when that brings it nearer the seed.
//
// On failure dst holds the best configuration found and the error is a
// *NoSolutionError (errors.Is(err, ErrNoSolution)). Solve panics when dst or
// seed has the wrong length.
func (ik *IK) Solve(dst, seed []float64, target *Frame) (IKResult, error) {
	if len(dst) != ik.n || len(seed) != ik.n {
		panic(fmt.Sprintf("kinematics: IK.Solve with %d destination and %d seed values for a chain of %d joints", len(dst), len(seed), ik.n))
	}
	start := ik.opt.Now()
	deadline := start.Add(ik.opt.Timeout)
	var res IKResult
	bestErr := math.Inf(1)
	bestPos, bestRot := math.Inf(1), math.Inf(1)
	solDist := math.Inf(1)
	found := false

	for i := range seed {
		ik.q[i] = ik.clampJoint(i, seed[i])
	}
	copy(ik.best, ik.q)
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			if ik.opt.MaxRestarts < 0 || (ik.opt.MaxRestarts > 0 && attempt > ik.opt.MaxRestarts) {
				break
			}
			res.Restarts++
			ik.restartConfig(attempt)
		}
		ok, iters, budget := ik.attempt(target, &res, deadline)
		_ = iters
		pos, rot := norm3(ik.e[0], ik.e[1], ik.e[2]), norm3(ik.e[3], ik.e[4], ik.e[5])
		if err := pos*pos + rot*rot; err < bestErr {
			bestErr, bestPos, bestRot = err, pos, rot
			copy(ik.best, ik.q)
		}
		if ok {
			ik.nearSeed(ik.q, seed)
			d := ik.distance(ik.q, seed)
			if !found || d < solDist {
				found, solDist = true, d
				copy(ik.sol, ik.q)
				res.PosErr, res.RotErr = pos, rot
			}
			if !ik.opt.Nearest {
				break
			}
		}
		if budget {
			break
		}
	}
	res.Elapsed = ik.opt.Now().Sub(start)
	if found {
		copy(dst, ik.sol)
		return res, nil
	}
	copy(dst, ik.best)
	res.PosErr, res.RotErr = bestPos, bestRot
	return res, &NoSolutionError{PosErr: bestPos, RotErr: bestRot, Tolerance: ik.tol,
		Iterations: res.Iterations, Restarts: res.Restarts, Elapsed: res.Elapsed}
}

// attempt runs LM from ik.q. It returns whether it converged (ik.q, ik.e then
// hold the solution and its error) and whether the budget is spent.
func (ik *IK) attempt(target *Frame, res *IKResult, deadline time.Time) (ok bool, iters int, budgetSpent bool) {
	E := ik.evaluate(ik.q, ik.jac, target, &ik.e)
	n := ik.n
	windowE := E
	windowStart := 0
	damp := 1.0 // multiplier on λ after refused steps
	for iters = 0; ; iters++ {
		if ik.converged(&ik.e) {
			return true, iters, false
		}
		if ik.opt.MaxIterations > 0 && res.Iterations >= ik.opt.MaxIterations {
			return false, iters, true
		}
		if res.Iterations&3 == 0 && !ik.opt.Now().Before(deadline) {
			return false, iters, true
		}
		if iters >= ikMaxAttemptIters || n == 0 {
			return false, iters, false
		}
		res.Iterations++
		lambda := (E + ikWBar) * damp
		for i := range ik.free {
			ik.free[i] = true
		}
		// Solve, then freeze joints that the clamp would stop and re-solve:
		// at most n passes, usually one.
		for pass := 0; pass <= n; pass++ {
			ik.step(ik.jac, &ik.e, lambda)
			frozen := false
			for i := 0; i < n; i++ {
				if !ik.free[i] || ik.cont[i] {
					continue
				}
				v := ik.q[i] + ik.dq[i]
				if (v < ik.lo[i] && ik.q[i] <= ik.lo[i]) || (v > ik.hi[i] && ik.q[i] >= ik.hi[i]) {
					ik.free[i] = false
					frozen = true
				}
			}
			if !frozen {
				break
			}
		}
		for i := 0; i < n; i++ {
			ik.qNew[i] = ik.clampJoint(i, ik.q[i]+ik.dq[i])
		}
		En := ik.evaluate(ik.qNew, ik.jacNew, target, &ik.eNew)
		if En < E {
			ik.q, ik.qNew = ik.qNew, ik.q
			ik.jac, ik.jacNew = ik.jacNew, ik.jac
			ik.e = ik.eNew
			E = En
			damp = math.Max(ikMinDamp, damp/3)
		} else {
			damp *= 4
			if damp > 1e12 {
				return false, iters, false // no descent direction left
			}
		}
		if iters-windowStart >= ikStallIters {
			if E > 0.5*windowE {
				return false, iters, false
			}
			windowE, windowStart = E, iters
		}
	}
}

// step solves (JᵀJ + λI)·dq = Jᵀe over the free joints into ik.dq.
func (ik *IK) step(jac *mat.Dense, e *[6]float64, lambda float64) {
	n := ik.n
	raw := jac.RawMatrix()
	J, s := raw.Data, raw.Stride
	a, g := ik.a, ik.g
	for i := 0; i < n; i++ {
		if !ik.free[i] {
			for k := 0; k < n; k++ {
				a[i*n+k], a[k*n+i] = 0, 0
			}
			a[i*n+i], g[i] = 1, 0
			continue
		}
		var gi float64
		for r := 0; r < 6; r++ {
			gi += J[r*s+i] * e[r]
		}
		g[i] = gi
		for k := 0; k <= i; k++ {
			if !ik.free[k] {
				continue
			}
			var v float64
			for r := 0; r < 6; r++ {
				v += J[r*s+i] * J[r*s+k]
			}
			a[i*n+k] = v
			a[k*n+i] = v
		}
		a[i*n+i] += lambda
	}
	choleskySolve(a, g, ik.dq, n)
}

// choleskySolve solves A·x = b for a symmetric positive definite n×n A
// (row-major, overwritten by its factor). Sized for chains, not for big
// systems: n ≤ ~12 makes a hand loop faster than a general library call.
func choleskySolve(a, b, x []float64, n int) {
	for j := 0; j < n; j++ {
		d := a[j*n+j]
		for k := 0; k < j; k++ {
			d -= a[j*n+k] * a[j*n+k]
		}
		if d <= 0 {
			d = 1e-300
		}
		d = math.Sqrt(d)
		a[j*n+j] = d
		for i := j + 1; i < n; i++ {
			v := a[i*n+j]
			for k := 0; k < j; k++ {
				v -= a[i*n+k] * a[j*n+k]
			}
			a[i*n+j] = v / d
		}
	}
	for i := 0; i < n; i++ {
		v := b[i]
		for k := 0; k < i; k++ {
			v -= a[i*n+k] * x[k]
		}
		x[i] = v / a[i*n+i]
	}
	for i := n - 1; i >= 0; i-- {
		v := x[i]
		for k := i + 1; k < n; k++ {
			v -= a[k*n+i] * x[k]
		}
		x[i] = v / a[i*n+i]
	}
}

// evaluate computes the tip pose and Jacobian at q, the error toward target
// into e, and returns E = ½‖e‖².
func (ik *IK) evaluate(q []float64, jac *mat.Dense, target *Frame, e *[6]float64) float64 {
	if ik.n > 0 {
		ik.ws.FKJacobian(&ik.pose, jac, q)
	} else {
		ik.ws.FK(&ik.pose, q)
	}
	poseError(e, target, &ik.pose)
	var E float64
	for _, v := range e {
		E += v * v
	}
	return E / 2
}

// poseError sets e to the 6-D error from pose to target: position difference
// (m) and the rotation vector of R_target·Rᵀ (rad), both in the base frame,
// the twist KDL's diff(pose, target) returns.
func poseError(e *[6]float64, target, pose *Frame) {
	e[0] = target.P[0] - pose.P[0]
	e[1] = target.P[1] - pose.P[1]
	e[2] = target.P[2] - pose.P[2]
	r := RotationError(&target.R, &pose.R)
	e[3], e[4], e[5] = r[0], r[1], r[2]
}

func (ik *IK) converged(e *[6]float64) bool {
	t2 := ik.tol * ik.tol
	return e[0]*e[0]+e[1]*e[1]+e[2]*e[2] <= t2 && e[3]*e[3]+e[4]*e[4]+e[5]*e[5] <= t2
}

// clampJoint brings v within joint i's range (wrapping continuous joints).
func (ik *IK) clampJoint(i int, v float64) float64 {
	if ik.cont[i] {
		return WrapAngle(v)
	}
	return math.Min(math.Max(v, ik.lo[i]), ik.hi[i])
}

// restartConfig sets ik.q for restart number attempt (≥ 1): two restarts in
// three draw uniformly within the limits, every third perturbs the best
// configuration so far by half of each range (Gaussian), clamped.
func (ik *IK) restartConfig(attempt int) {
	r := ik.opt.Rand
	if attempt%3 != 0 {
		for i := range ik.q {
			ik.q[i] = ik.lo[i] + r.Float64()*ik.span[i]
		}
		return
	}
	for i := range ik.q {
		ik.q[i] = ik.clampJoint(i, ik.best[i]+0.5*ik.span[i]*r.NormFloat64())
	}
}

// nearSeed shifts revolute joints whose range exceeds 2π by ±2π when the
// shifted value stays within the limits and is nearer the seed.
func (ik *IK) nearSeed(q, seed []float64) {
	for i := range q {
		if ik.cont[i] || ik.chain.Joints[i].Type != Revolute || ik.span[i] <= 2*math.Pi {
			continue
		}
		for _, s := range [...]float64{-2 * math.Pi, 2 * math.Pi} {
			if v := q[i] + s; v >= ik.lo[i] && v <= ik.hi[i] && math.Abs(v-seed[i]) < math.Abs(q[i]-seed[i]) {
				q[i] = v
			}
		}
	}
}

// distance returns the squared joint-space distance from q to seed,
// continuous joints measured the short way round.
func (ik *IK) distance(q, seed []float64) float64 {
	var d float64
	for i := range q {
		v := q[i] - seed[i]
		if ik.cont[i] {
			v = WrapAngle(v)
		}
		d += v * v
	}
	return d
}

func norm3(x, y, z float64) float64 { return math.Sqrt(x*x + y*y + z*z) }
