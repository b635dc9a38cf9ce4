package kinematics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"gonum.org/v1/gonum/mat"
)

// dynGravityRobots are the shared robots with KDL gravity torques.
var dynGravityRobots = []string{"panda", "ur5", "iiwa", "double_pendulum"}

// TestGravityMatchesKDL compares Gravity with Orocos KDL's ChainIdSolver_RNE
// torques for every reference joint vector. Criterion per element:
// |Δ| ≤ 1e-9 + 1e-6·|ref| (N·m) — 1e-6 relative with a 1e-9 N·m floor for
// the reference values that are zero up to rounding (the Panda's first joint,
// ~1e-15). This is stricter everywhere than 1e-6·max(1, |ref|).
func TestGravityMatchesKDL(t *testing.T) {
	for _, name := range dynGravityRobots {
		t.Run(name, func(t *testing.T) {
			r, c := loadRef(t, name)
			qs, want := r.Rows(t, "q.txt"), r.Rows(t, "gravity.txt")
			if len(qs) == 0 || len(qs) != len(want) {
				t.Fatalf("q.txt has %d rows, gravity.txt %d", len(qs), len(want))
			}
			d := NewDynamics(c)
			n := c.DoF()
			tau, tauW := make([]float64, n), make([]float64, n)
			J := mat.NewDense(6, n, nil)
			var pose Frame
			worstAbs, worstRel := 0.0, 0.0
			for i, q := range qs {
				d.Gravity(tau, q)
				// The base-coordinate pass of BiasMassAndJacobian too.
				d.BiasMassAndJacobian(tauW, nil, &pose, J, q, nil)
				for k := range tau {
					ref := want[i][k]
					diff := math.Abs(tau[k] - ref)
					if diff > 1e-9+1e-6*math.Abs(ref) {
						t.Fatalf("row %d joint %d: got %.17g want %.17g (|Δ| %.3g)", i, k, tau[k], ref, diff)
					}
					if dw := math.Abs(tauW[k] - ref); dw > 1e-9+1e-6*math.Abs(ref) {
						t.Fatalf("row %d joint %d: BiasMassAndJacobian %.17g want %.17g (|Δ| %.3g)", i, k, tauW[k], ref, dw)
					}
					worstAbs = math.Max(worstAbs, diff)
					if math.Abs(ref) > 1e-3 {
						worstRel = math.Max(worstRel, diff/math.Abs(ref))
					}
				}
			}
			t.Logf("%s: %d rows, worst |Δ| %.3g N·m, worst relative %.3g (|ref| > 1e-3)", name, len(qs), worstAbs, worstRel)
		})
	}
}

// dynCase is a chain for the consistency tests.
type dynCase struct {
	name  string
	chain *Chain
}

// dynCases returns the shared robots (when present), chiron's own PSM (with a
// prismatic insertion joint) and exoskeleton, and random chains with mixed
// joint types and arbitrary axes, so the tests check something even without
// ../shared.
func dynCases(t testing.TB) []dynCase {
	t.Helper()
	var cs []dynCase
	if refdata.Root() != "" {
		for _, name := range dynGravityRobots {
			_, c := loadRef(t, name)
			cs = append(cs, dynCase{name, c})
		}
	}
	for _, m := range []string{"../robots/psm.json", "../robots/upper_limb_exo.urdf"} {
		c, err := LoadChain(m, "", "")
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		cs = append(cs, dynCase{"chiron:" + c.Name, c})
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for i, n := range []int{1, 2, 3, 6, 9} {
		cs = append(cs, dynCase{fmt.Sprintf("random%d-%ddof", i, n), dynRandomChain(rng, n)})
	}
	return cs
}

// dynRandomChain returns an n-joint chain with random joint types (revolute,
// continuous, prismatic), random unit axes, random origins and physically
// valid random mass properties.
func dynRandomChain(rng *rand.Rand, n int) *Chain {
	c := &Chain{Name: "random", Base: "b", TipName: "t", InsertionJoint: -1}
	u := func(lo, hi float64) float64 { return lo + (hi-lo)*rng.Float64() }
	unit := func() [3]float64 {
		for {
			v := [3]float64{u(-1, 1), u(-1, 1), u(-1, 1)}
			if l := math.Sqrt(v[0]*v[0] + v[1]*v[1] + v[2]*v[2]); l > 0.2 && l <= 1 {
				return [3]float64{v[0] / l, v[1] / l, v[2] / l}
			}
		}
	}
	frame := func(reach float64) Frame {
		return Frame{R: RPY(u(-math.Pi, math.Pi), u(-1.5, 1.5), u(-math.Pi, math.Pi)),
			P: [3]float64{u(-reach, reach), u(-reach, reach), u(-reach, reach)}}
	}
	for i := 0; i < n; i++ {
		j := Joint{Name: fmt.Sprintf("j%d", i), Axis: unit(), Origin: frame(0.4)}
		switch rng.IntN(3) {
		case 0:
			j.Type, j.Lower, j.Upper = Revolute, -2.5, 2.5
		case 1:
			j.Type, j.Lower, j.Upper = Continuous, math.Inf(-1), math.Inf(1)
		default:
			j.Type, j.Lower, j.Upper = Prismatic, -0.3, 0.3
		}
		// Principal moments of a body (a, b, c ≥ 0 second moments of its mass
		// distribution) satisfy the triangle inequalities; rotate them.
		a, b, cc := u(0.001, 0.05), u(0.001, 0.05), u(0.001, 0.05)
		R := RPY(u(-3, 3), u(-1.5, 1.5), u(-3, 3))
		diag := [9]float64{b + cc, 0, 0, 0, a + cc, 0, 0, 0, a + b}
		j.Body = Inertia{Mass: u(0.2, 5), COM: [3]float64{u(-0.2, 0.2), u(-0.2, 0.2), u(-0.2, 0.2)}, I: spRotate33(&R, &diag)}
		c.Joints = append(c.Joints, j)
	}
	c.Tip = frame(0.2)
	return c
}

// dynState draws q within the limits (continuous joints in [−π, π]), and
// velocities and accelerations of the order of a fast arm's.
func dynState(rng *rand.Rand, c *Chain) (q, qd, qdd []float64) {
	lo, up := c.Limits()
	n := c.DoF()
	q, qd, qdd = make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range q {
		q[i] = lo[i] + (up[i]-lo[i])*rng.Float64()
		qd[i] = 4*rng.Float64() - 2
		qdd[i] = 10*rng.Float64() - 5
	}
	return q, qd, qdd
}

func dynClose(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// TestDoublePendulumAnalytic checks CRBA's mass matrix and RNEA's gravity
// against the closed form of the shared double pendulum, derived by hand from
// its URDF: both joints turn about x, so the motion is planar in (y, z).
// With a = joint 2's origin and bᵢ, cᵢ the COMs projected on (y, z), Ixxᵢ the
// inertias about x through the COMs, and k(q₂) = a·Rot(q₂)·b₂:
//
//	M₁₁ = Ixx₁ + m₁|b₁|² + Ixx₂ + m₂(|a|² + |b₂|² + 2k)
//	M₁₂ = Ixx₂ + m₂(|b₂|² + k),  M₂₂ = Ixx₂ + m₂|b₂|²
//
// and with V = 9.81·Σ mᵢ·zᵢ the gravity torques are ∂V/∂q.
func TestDoublePendulumAnalytic(t *testing.T) {
	_, c := loadRef(t, "double_pendulum")
	// From double_pendulum.urdf.
	const (
		m1, b1y, b1z, ixx1 = 0.26703, 2.1727e-06, 0.036012, 0.00040827
		m2, b2y, b2z, ixx2 = 0.33238, 1.9371e-10, 0.10088, 0.0011753
		ay, az             = 0, 0.1 // joint2 origin xyz="0.023 0 0.1"
		g                  = 9.81
	)
	rot := func(th, y, z float64) (float64, float64) {
		s, c := math.Sincos(th)
		return c*y - s*z, s*y + c*z
	}
	d := NewDynamics(c)
	M := mat.NewSymDense(2, nil)
	tau := make([]float64, 2)
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 100; trial++ {
		q := []float64{2*math.Pi*rng.Float64() - math.Pi, 2*math.Pi*rng.Float64() - math.Pi}
		ry, rz := rot(q[1], b2y, b2z)
		k := ay*ry + az*rz
		a2 := ay*ay + az*az
		bb1 := b1y*b1y + b1z*b1z
		bb2 := b2y*b2y + b2z*b2z
		wantM := [2][2]float64{
			{ixx1 + m1*bb1 + ixx2 + m2*(a2+bb2+2*k), ixx2 + m2*(bb2+k)},
			{ixx2 + m2*(bb2+k), ixx2 + m2*bb2},
		}
		// dz/dθ of Rot(θ)·(y, z) is the y component of the rotated vector.
		d1y, _ := rot(q[0], b1y, b1z)
		day, _ := rot(q[0], ay, az)
		d2y, _ := rot(q[0]+q[1], b2y, b2z)
		wantG := []float64{g * (m1*d1y + m2*(day+d2y)), g * m2 * d2y}

		d.MassMatrix(M, q)
		d.Gravity(tau, q)
		for i := 0; i < 2; i++ {
			for j := 0; j < 2; j++ {
				if got := M.At(i, j); math.Abs(got-wantM[i][j]) > 1e-14 {
					t.Fatalf("q %v: M[%d][%d] = %.17g, analytic %.17g", q, i, j, got, wantM[i][j])
				}
			}
			if math.Abs(tau[i]-wantG[i]) > 1e-12 {
				t.Fatalf("q %v: g[%d] = %.17g, analytic %.17g", q, i, tau[i], wantG[i])
			}
		}
	}
}

// TestMassMatrixColumnsFromInverseDynamics checks CRBA against RNEA: column j
// of M(q) is InverseDynamics(q, 0, e_j) − g(q).
func TestMassMatrixColumnsFromInverseDynamics(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			rng := rand.New(rand.NewPCG(3, uint64(n)))
			M := mat.NewSymDense(n, nil)
			g, tau, zero, e := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			for trial := 0; trial < 20; trial++ {
				q, _, _ := dynState(rng, c)
				d.MassMatrix(M, q)
				d.Gravity(g, q)
				for j := 0; j < n; j++ {
					clear(e)
					e[j] = 1
					d.InverseDynamics(tau, q, zero, e)
					for i := 0; i < n; i++ {
						if want := tau[i] - g[i]; !dynClose(M.At(i, j), want, 1e-9) {
							t.Fatalf("q %v: M[%d][%d] = %.17g, RNEA column %.17g", q, i, j, M.At(i, j), want)
						}
					}
				}
			}
		})
	}
}

// TestBiasMassAndJacobianMatchesSeparateCalls: the one-pass method, which
// runs RNEA and CRBA in base coordinates, gives what InverseDynamics at
// q̈ = 0 (Gravity when q̇ is nil) and MassMatrix give in body coordinates to
// rounding (an independent check of both), the pose and Jacobian of
// Workspace.FKJacobian exactly, and leaves mass alone when it is nil.
func TestBiasMassAndJacobianMatchesSeparateCalls(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			w := NewWorkspace(c)
			rng := rand.New(rand.NewPCG(6, uint64(n)))
			M, Mb := mat.NewSymDense(n, nil), mat.NewSymDense(n, nil)
			J, Jb := mat.NewDense(6, n, nil), mat.NewDense(6, n, nil)
			want, got, zero := make([]float64, n), make([]float64, n), make([]float64, n)
			var pose, poseb Frame
			worst := 0.0
			for trial := 0; trial < 50; trial++ {
				q, qd, _ := dynState(rng, c)
				velocity := trial%2 == 0
				if velocity {
					d.InverseDynamics(want, q, qd, zero)
				} else {
					d.Gravity(want, q)
					qd = nil
				}
				d.MassMatrix(M, q)
				w.FKJacobian(&pose, J, q)
				mass := Mb
				if trial%4 == 1 {
					mass = nil
					Mb.Zero()
				}
				// Every third trial without pose and Jacobian (as a plant
				// calls it): the same bias and M.
				frames := trial%3 != 2
				if frames {
					d.BiasMassAndJacobian(got, mass, &poseb, Jb, q, qd)
				} else {
					d.BiasMassAndJacobian(got, mass, nil, nil, q, qd)
				}
				// Rounding differs between the coordinate systems: compare
				// relative to the largest entry.
				scale, mscale := 0.0, 0.0
				for i := 0; i < n; i++ {
					scale = math.Max(scale, math.Abs(want[i]))
					for j := 0; j < n; j++ {
						mscale = math.Max(mscale, math.Abs(M.At(i, j)))
					}
				}
				for i := 0; i < n; i++ {
					e := math.Abs(got[i]-want[i]) / (1 + scale)
					worst = math.Max(worst, e)
					if e > 1e-12 {
						t.Fatalf("q %v (velocity %v): bias[%d] = %.17g, want %.17g", q, velocity, i, got[i], want[i])
					}
					for j := 0; j < n; j++ {
						if mass == nil {
							if Mb.At(i, j) != 0 {
								t.Fatalf("mass nil: M[%d][%d] written (%g)", i, j, Mb.At(i, j))
							}
							continue
						}
						e := math.Abs(Mb.At(i, j)-M.At(i, j)) / (1 + mscale)
						worst = math.Max(worst, e)
						if e > 1e-12 {
							t.Fatalf("q %v: M[%d][%d] = %.17g, MassMatrix %.17g", q, i, j, Mb.At(i, j), M.At(i, j))
						}
					}
				}
				if frames && (poseb != pose || !mat.Equal(Jb, J)) {
					t.Fatalf("q %v: pose %v, J %v; FKJacobian %v, %v", q, poseb, mat.Formatted(Jb), pose, mat.Formatted(J))
				}
			}
			t.Logf("worst relative difference %.2g", worst)
		})
	}
}

// TestJointPoseMatchesRodrigues: the closed form for joints about a
// coordinate axis (and for prismatic joints) equals Origin·motion(q) from
// Rodrigues' formula to rounding, for every axis and sign.
func TestJointPoseMatchesRodrigues(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	origin := Frame{R: RPY(0.3, -1.1, 2.4), P: [3]float64{0.1, -0.2, 0.3}}
	for _, typ := range []JointType{Revolute, Continuous, Prismatic} {
		for k := range 3 {
			for _, sign := range []float64{1, -1} {
				var axis [3]float64
				axis[k] = sign
				j := Joint{Type: typ, Axis: axis, Origin: origin}
				for range 20 {
					q := 4 * (rng.Float64() - 0.5)
					var got, m, want Frame
					jointPose(&got, &j, q)
					jointMotion(&m, &j, q)
					want.Mul(&j.Origin, &m)
					for i := range 9 {
						if math.Abs(got.R[i]-want.R[i]) > 1e-15 {
							t.Fatalf("%s axis %v q %g: R %v, want %v", typ, axis, q, got.R, want.R)
						}
					}
					for i := range 3 {
						if math.Abs(got.P[i]-want.P[i]) > 1e-15 {
							t.Fatalf("%s axis %v q %g: P %v, want %v", typ, axis, q, got.P, want.P)
						}
					}
				}
			}
		}
	}
}

// TestMassMatrixMatchesBodyJacobians checks CRBA against an independent
// formula built on Workspace's frames: M = Σ mᵢ·Jvᵢᵀ·Jvᵢ + Jωᵢᵀ·Rᵢ·Īᵢ·Rᵢᵀ·Jωᵢ,
// with Jvᵢ, Jωᵢ the Jacobians of body i's centre of mass and its angular
// velocity. It also requires M to be symmetric positive definite (Cholesky).
func TestMassMatrixMatchesBodyJacobians(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			w := NewWorkspace(c)
			frames := make([]Frame, n)
			rng := rand.New(rand.NewPCG(5, uint64(n)))
			M := mat.NewSymDense(n, nil)
			for trial := 0; trial < 20; trial++ {
				q, _, _ := dynState(rng, c)
				d.MassMatrix(M, q)
				w.Frames(frames, q)
				// Joint axes and origins in the base frame (the body frame of a
				// joint has the joint's origin and axis).
				axes := make([][3]float64, n)
				for j := range axes {
					axes[j] = frames[j].Rotate(c.Joints[j].Axis)
				}
				want := mat.NewDense(n, n, nil)
				for b := 0; b < n; b++ {
					body := &c.Joints[b].Body
					com := frames[b].Apply(body.COM)
					Iw := spRotate33(&frames[b].R, &body.I)
					jv := make([][3]float64, n)
					jw := make([][3]float64, n)
					for j := 0; j <= b; j++ {
						if c.Joints[j].Type == Prismatic {
							jv[j] = axes[j]
						} else {
							jv[j] = cross(axes[j], sub3(com, frames[j].P))
							jw[j] = axes[j]
						}
					}
					for i := 0; i < n; i++ {
						for j := 0; j < n; j++ {
							iw := spMul3(&Iw, jw[j])
							v := body.Mass*(jv[i][0]*jv[j][0]+jv[i][1]*jv[j][1]+jv[i][2]*jv[j][2]) +
								jw[i][0]*iw[0] + jw[i][1]*iw[1] + jw[i][2]*iw[2]
							want.Set(i, j, want.At(i, j)+v)
						}
					}
				}
				for i := 0; i < n; i++ {
					for j := 0; j < n; j++ {
						if !dynClose(M.At(i, j), want.At(i, j), 1e-9) {
							t.Fatalf("q %v: M[%d][%d] = %.17g, Jacobian sum %.17g", q, i, j, M.At(i, j), want.At(i, j))
						}
						if math.Abs(want.At(i, j)-want.At(j, i)) > 1e-12*math.Max(1, math.Abs(want.At(i, j))) {
							t.Fatalf("Jacobian-sum M not symmetric at (%d,%d)", i, j)
						}
					}
				}
				var chol mat.Cholesky
				if !chol.Factorize(M) {
					t.Fatalf("q %v: M is not positive definite", q)
				}
			}
		})
	}
}

// TestForwardDynamicsInvertsInverseDynamics checks ABA against RNEA
// (ABA(q, q̇, RNEA(q, q̇, q̈)) = q̈ to 1e-9), and against the direct solution
// q̈ = M⁻¹(τ − C·q̇ − g) through CRBA and a Cholesky factorization.
func TestForwardDynamicsInvertsInverseDynamics(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			rng := rand.New(rand.NewPCG(9, uint64(n)))
			tau, got, h := make([]float64, n), make([]float64, n), make([]float64, n)
			M := mat.NewSymDense(n, nil)
			worst := 0.0
			for trial := 0; trial < 50; trial++ {
				q, qd, qdd := dynState(rng, c)
				d.InverseDynamics(tau, q, qd, qdd)
				d.ForwardDynamics(got, q, qd, tau)
				for i := range qdd {
					if !dynClose(got[i], qdd[i], 1e-9) {
						t.Fatalf("q %v qd %v: ABA(RNEA(qdd))[%d] = %.17g, want %.17g", q, qd, i, got[i], qdd[i])
					}
					worst = math.Max(worst, math.Abs(got[i]-qdd[i])/math.Max(1, math.Abs(qdd[i])))
				}
				// Independent path: random torques, M⁻¹·(τ − h).
				for i := range tau {
					tau[i] = 20*rng.Float64() - 10
				}
				d.ForwardDynamics(got, q, qd, tau)
				clear(qdd)
				d.InverseDynamics(h, q, qd, qdd)
				d.MassMatrix(M, q)
				var chol mat.Cholesky
				if !chol.Factorize(M) {
					t.Fatalf("M not positive definite")
				}
				rhs := mat.NewVecDense(n, nil)
				for i := range tau {
					rhs.SetVec(i, tau[i]-h[i])
				}
				var x mat.VecDense
				if err := chol.SolveVecTo(&x, rhs); err != nil {
					t.Fatal(err)
				}
				for i := range got {
					if !dynClose(got[i], x.AtVec(i), 1e-8) {
						t.Fatalf("q %v: ABA qdd[%d] = %.17g, M⁻¹(τ−h) %.17g", q, i, got[i], x.AtVec(i))
					}
				}
			}
			t.Logf("worst |Δq̈|/max(1,|q̈|) %.3g", worst)
		})
	}
}

// TestCoriolisMatchesChristoffel checks RNEA's velocity terms against
// Lagrange's equations with M from CRBA: C(q, q̇)·q̇ = Ṁ·q̇ − ½·∂(q̇ᵀ·M·q̇)/∂q,
// with Ṁ = Σₖ ∂M/∂qₖ·q̇ₖ, derivatives by central differences.
func TestCoriolisMatchesChristoffel(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			rng := rand.New(rand.NewPCG(13, uint64(n)))
			Mp, Mm := mat.NewSymDense(n, nil), mat.NewSymDense(n, nil)
			got := make([]float64, n)
			const h = 1e-6
			for trial := 0; trial < 10; trial++ {
				q, qd, _ := dynState(rng, c)
				d.Coriolis(got, q, qd)
				want := make([]float64, n)
				qq := append([]float64(nil), q...)
				for k := 0; k < n; k++ {
					qq[k] = q[k] + h
					d.MassMatrix(Mp, qq)
					qq[k] = q[k] - h
					d.MassMatrix(Mm, qq)
					qq[k] = q[k]
					// dM/dq_k
					quad := 0.0
					for i := 0; i < n; i++ {
						for j := 0; j < n; j++ {
							dM := (Mp.At(i, j) - Mm.At(i, j)) / (2 * h)
							want[i] += dM * qd[k] * qd[j]
							quad += qd[i] * dM * qd[j]
						}
					}
					want[k] -= 0.5 * quad
				}
				for i := range got {
					if !dynClose(got[i], want[i], 1e-6) {
						t.Fatalf("q %v qd %v: C·q̇[%d] = %.12g, Lagrange %.12g", q, qd, i, got[i], want[i])
					}
				}
			}
		})
	}
}

// TestGravityIsPotentialGradient checks g(q) = ∂V/∂q by central differences
// of PotentialEnergy, and KineticEnergy against ½·q̇ᵀ·M·q̇, for a tilted
// gravity vector so that every component is exercised.
func TestGravityIsPotentialGradient(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			d.G = [3]float64{1.2, -3.4, -8.9}
			rng := rand.New(rand.NewPCG(17, uint64(n)))
			g := make([]float64, n)
			M := mat.NewSymDense(n, nil)
			const h = 1e-6
			for trial := 0; trial < 20; trial++ {
				q, qd, _ := dynState(rng, c)
				d.Gravity(g, q)
				qq := append([]float64(nil), q...)
				for k := 0; k < n; k++ {
					qq[k] = q[k] + h
					vp := d.PotentialEnergy(qq)
					qq[k] = q[k] - h
					vm := d.PotentialEnergy(qq)
					qq[k] = q[k]
					if want := (vp - vm) / (2 * h); !dynClose(g[k], want, 1e-6) {
						t.Fatalf("q %v: g[%d] = %.12g, ∂V/∂q %.12g", q, k, g[k], want)
					}
				}
				d.MassMatrix(M, q)
				x := mat.NewVecDense(n, qd)
				want := 0.5 * mat.Inner(x, M, x)
				if got := d.KineticEnergy(q, qd); !dynClose(got, want, 1e-12) {
					t.Fatalf("KineticEnergy %.17g, ½q̇ᵀMq̇ %.17g", got, want)
				}
			}
		})
	}
}

// TestExternalWrenchIsJacobianTranspose checks the tip wrench against the
// geometric Jacobian: InverseDynamicsExt(q, 0, 0, w) = g(q) − Jᵀ·w, and
// ForwardDynamicsExt inverts InverseDynamicsExt.
func TestExternalWrenchIsJacobianTranspose(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			w := NewWorkspace(c)
			J := mat.NewDense(6, n, nil)
			M := mat.NewSymDense(n, nil)
			rng := rand.New(rand.NewPCG(19, uint64(n)))
			g, tau, zero, got := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			for trial := 0; trial < 20; trial++ {
				q, qd, qdd := dynState(rng, c)
				var wr [6]float64
				for k := range wr {
					wr[k] = 40*rng.Float64() - 20
				}
				d.Gravity(g, q)
				d.InverseDynamicsExt(tau, q, zero, zero, wr)
				w.Jacobian(J, q)
				for i := 0; i < n; i++ {
					jtw := 0.0
					for k := 0; k < 6; k++ {
						jtw += J.At(k, i) * wr[k]
					}
					if want := g[i] - jtw; !dynClose(tau[i], want, 1e-9) {
						t.Fatalf("q %v: τ[%d] = %.17g, g − Jᵀw %.17g", q, i, tau[i], want)
					}
				}
				d.InverseDynamicsExt(tau, q, qd, qdd, wr)
				d.ForwardDynamicsExt(got, q, qd, tau, wr)
				// The PSM's wrist links weigh grams (λmin(M) ~ 1e-6 kg·m²), so
				// the 20 N wrench's torques are amplified by 1/λmin: allow for
				// rounding at that conditioning on top of 1e-9 relative.
				d.MassMatrix(M, q)
				var ev mat.EigenSym
				if !ev.Factorize(M, false) {
					t.Fatal("eigen-decomposition failed")
				}
				tauMax := 0.0
				for _, v := range tau {
					tauMax = math.Max(tauMax, math.Abs(v))
				}
				cond := 100 * 0x1p-52 * tauMax / ev.Values(nil)[0]
				for i := range got {
					if math.Abs(got[i]-qdd[i]) > 1e-9*math.Max(1, math.Abs(qdd[i]))+cond {
						t.Fatalf("q %v: ABA_ext(RNEA_ext(qdd))[%d] = %.17g, want %.17g", q, i, got[i], qdd[i])
					}
				}
			}
		})
	}
}

// TestDoublePendulumEnergyConserved integrates the free double pendulum (zero
// torque, no friction) with classical RK4 on ForwardDynamics for 2 s at the
// plant's 1 kHz and at 2 kHz, and requires the energy to stay constant:
// kinetic energy ½q̇ᵀMq̇ (from CRBA) without gravity, kinetic plus potential
// with it. What drift remains must be RK4's own truncation error, which falls
// as dt⁴: halving the step must cut it at least 8-fold. A dynamics model that
// is not conservative (a wrong Coriolis or gyroscopic term) drifts by the same
// amount at any step and fails that check.
func TestDoublePendulumEnergyConserved(t *testing.T) {
	_, c := loadRef(t, "double_pendulum")
	for _, tc := range []struct {
		name string
		G    [3]float64
		tol  float64 // relative drift allowed at 1 kHz
	}{
		{"zero-gravity", [3]float64{}, 1e-8},
		{"gravity", StandardGravity, 1e-5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDynamics(c)
			d.G = tc.G
			M := mat.NewSymDense(2, nil)
			energy := func(q, qd []float64) float64 {
				d.MassMatrix(M, q)
				x := mat.NewVecDense(2, qd)
				return 0.5*mat.Inner(x, M, x) + d.PotentialEnergy(q)
			}
			tau := make([]float64, 2)
			drift := func(dt float64, steps int) (e0, worst float64) {
				q, qd := []float64{0.3, -1.1}, []float64{3, -5}
				var k [4][2][2]float64 // stage, (q̇, q̈), joint
				tmpQ, tmpQd := make([]float64, 2), make([]float64, 2)
				e0 = energy(q, qd)
				for s := 0; s < steps; s++ {
					copy(k[0][0][:], qd)
					d.ForwardDynamics(k[0][1][:], q, qd, tau)
					for st, h := range []float64{dt / 2, dt / 2, dt} {
						for i := range q {
							tmpQ[i] = q[i] + h*k[st][0][i]
							tmpQd[i] = qd[i] + h*k[st][1][i]
						}
						copy(k[st+1][0][:], tmpQd)
						d.ForwardDynamics(k[st+1][1][:], tmpQ, tmpQd, tau)
					}
					for i := range q {
						q[i] += dt / 6 * (k[0][0][i] + 2*k[1][0][i] + 2*k[2][0][i] + k[3][0][i])
						qd[i] += dt / 6 * (k[0][1][i] + 2*k[1][1][i] + 2*k[2][1][i] + k[3][1][i])
					}
					worst = math.Max(worst, math.Abs(energy(q, qd)-e0)/math.Abs(e0))
				}
				return e0, worst
			}
			e0, coarse := drift(1e-3, 2000)
			_, fine := drift(0.5e-3, 4000)
			t.Logf("E0 %.6g J, worst relative drift over 2 s: %.3g at 1 kHz, %.3g at 2 kHz", e0, coarse, fine)
			if coarse > tc.tol {
				t.Fatalf("energy drifted by %.3g relative at 1 kHz (E0 %.6g J), allowed %.3g", coarse, e0, tc.tol)
			}
			if fine > coarse/8 {
				t.Fatalf("drift %.3g at 2 kHz vs %.3g at 1 kHz: not integration error, the model is not conservative", fine, coarse)
			}
		})
	}
}

// TestSpatialTransformsMatchExplicitMatrices checks the closed-form Plücker
// transforms of dynamics_spatial.go against explicit 6×6 products.
func TestSpatialTransformsMatchExplicitMatrices(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 29))
	u := func() float64 { return 2*rng.Float64() - 1 }
	for trial := 0; trial < 50; trial++ {
		var x spXform
		x.set(&Frame{R: RPY(3*u(), 1.5*u(), 3*u()), P: [3]float64{u(), u(), u()}})
		// X = [E 0; −E·r× E], E = Rᵀ.
		var X [36]float64
		rx := spSkew(x.r)
		for i := 0; i < 3; i++ {
			for j := 0; j < 3; j++ {
				e := x.R[3*j+i]
				X[6*i+j] = e
				X[6*(3+i)+3+j] = e
				s := 0.0
				for k := 0; k < 3; k++ {
					s += x.R[3*k+i] * rx[3*k+j]
				}
				X[6*(3+i)+j] = -s
			}
		}
		var v spVec
		for k := range v {
			v[k] = u()
		}
		xm := x.motion(&v)
		want := spMat6Vec(&X, &v)
		var XT [36]float64
		for i := 0; i < 6; i++ {
			for j := 0; j < 6; j++ {
				XT[6*i+j] = X[6*j+i]
			}
		}
		xf := x.forceT(&v)
		wantF := spMat6Vec(&XT, &v)
		for k := range v {
			if math.Abs(xm[k]-want[k]) > 1e-14 || math.Abs(xf[k]-wantF[k]) > 1e-14 {
				t.Fatalf("motion %v want %v; forceT %v want %v", xm, want, xf, wantF)
			}
		}
		// Inertia transform: rigid (compact) and articulated (6×6).
		body := Inertia{Mass: 1 + rng.Float64(), COM: [3]float64{u(), u(), u()}, I: [9]float64{0.3, 0.01, 0.02, 0.01, 0.4, 0.03, 0.02, 0.03, 0.5}}
		var s, acc spInertia
		s.set(&body)
		acc.addTransformed(&x, &s)
		var S6, got6, gotRigid [36]float64
		s.mat6(&S6)
		S6[0] += 0.7 // no longer a rigid-body inertia, still symmetric
		S6[6*1+4] += 0.2
		S6[6*4+1] += 0.2
		spAddTransformed6(&got6, &x, &S6)
		acc.mat6(&gotRigid)
		var tmp, wantA [36]float64
		mul6 := func(dst, a, b *[36]float64) {
			for i := 0; i < 6; i++ {
				for j := 0; j < 6; j++ {
					sum := 0.0
					for k := 0; k < 6; k++ {
						sum += a[6*i+k] * b[6*k+j]
					}
					dst[6*i+j] = sum
				}
			}
		}
		mul6(&tmp, &S6, &X)
		mul6(&wantA, &XT, &tmp)
		var rigid [36]float64
		s.mat6(&rigid)
		var wantR [36]float64
		mul6(&tmp, &rigid, &X)
		mul6(&wantR, &XT, &tmp)
		for k := range wantA {
			if math.Abs(got6[k]-wantA[k]) > 1e-12 || math.Abs(gotRigid[k]-wantR[k]) > 1e-12 {
				t.Fatalf("element %d: articulated %.17g want %.17g; rigid %.17g want %.17g", k, got6[k], wantA[k], gotRigid[k], wantR[k])
			}
		}
	}
}

// TestDynamicsAllocateNothing: after setup, the hot-path methods allocate
// nothing (the plant and the control loop call them every cycle).
func TestDynamicsAllocateNothing(t *testing.T) {
	c := dynRandomChain(rand.New(rand.NewPCG(1, 1)), 7)
	if refdata.Root() != "" {
		_, c = loadRef(t, "panda")
	}
	n := c.DoF()
	d := NewDynamics(c)
	q, qd, qdd := dynState(rand.New(rand.NewPCG(2, 2)), c)
	tau := make([]float64, n)
	M := mat.NewSymDense(n, nil)
	wr := [6]float64{1, 2, 3, 0.1, 0.2, 0.3}
	J := mat.NewDense(6, n, nil)
	var pose Frame
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Gravity", func() { d.Gravity(tau, q) }},
		{"Coriolis", func() { d.Coriolis(tau, q, qd) }},
		{"InverseDynamics", func() { d.InverseDynamics(tau, q, qd, qdd) }},
		{"InverseDynamicsExt", func() { d.InverseDynamicsExt(tau, q, qd, qdd, wr) }},
		{"MassMatrix", func() { d.MassMatrix(M, q) }},
		{"BiasMassAndJacobian", func() { d.BiasMassAndJacobian(tau, M, &pose, J, q, qd) }},
		{"ForwardDynamics", func() { d.ForwardDynamics(qdd, q, qd, tau) }},
		{"ForwardDynamicsExt", func() { d.ForwardDynamicsExt(qdd, q, qd, tau, wr) }},
		{"KineticEnergy", func() { _ = d.KineticEnergy(q, qd) }},
		{"PotentialEnergy", func() { _ = d.PotentialEnergy(q) }},
	} {
		if a := testing.AllocsPerRun(100, tc.f); a != 0 {
			t.Errorf("%s: %v allocations per call", tc.name, a)
		}
	}
}

// TestDynamicsNaNInputsDoNotPanic: NaN and ±Inf in any input propagate into
// the outputs; they never panic (a sensor fault must reach the supervisor as
// a value, not crash the loop).
func TestDynamicsNaNInputsDoNotPanic(t *testing.T) {
	c := dynRandomChain(rand.New(rand.NewPCG(4, 4)), 5)
	n := c.DoF()
	d := NewDynamics(c)
	out := make([]float64, n)
	M := mat.NewSymDense(n, nil)
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		for arg := 0; arg < 3; arg++ {
			q, qd, x := make([]float64, n), make([]float64, n), make([]float64, n)
			[][]float64{q, qd, x}[arg][n/2] = bad
			d.Gravity(out, q)
			d.Coriolis(out, q, qd)
			d.InverseDynamics(out, q, qd, x)
			d.InverseDynamicsExt(out, q, qd, x, [6]float64{bad})
			d.MassMatrix(M, q)
			d.ForwardDynamics(out, q, qd, x)
			d.ForwardDynamicsExt(out, q, qd, x, [6]float64{0, bad})
			_ = d.KineticEnergy(q, qd)
			_ = d.PotentialEnergy(q)
			if arg == 2 && math.IsNaN(bad) && !math.IsNaN(out[n/2]) {
				// A NaN torque on a joint must show in its acceleration.
				t.Errorf("NaN torque on joint %d gave q̈ %v", n/2, out[n/2])
			}
		}
	}
	d.G = [3]float64{math.NaN(), 0, 0}
	d.Gravity(out, make([]float64, n))
}

// TestDynamicsSizeMismatchPanics: wrong lengths are programming errors and
// panic with a message naming the method and the argument.
func TestDynamicsSizeMismatchPanics(t *testing.T) {
	c := dynRandomChain(rand.New(rand.NewPCG(5, 5)), 3)
	d := NewDynamics(c)
	ok, short := make([]float64, 3), make([]float64, 2)
	for _, tc := range []struct {
		want string
		f    func()
	}{
		{"Gravity: len(tau)", func() { d.Gravity(short, ok) }},
		{"Gravity: len(q)", func() { d.Gravity(ok, short) }},
		{"Coriolis: len(qd)", func() { d.Coriolis(ok, ok, short) }},
		{"InverseDynamics: len(qdd)", func() { d.InverseDynamics(ok, ok, ok, short) }},
		{"InverseDynamicsExt: len(q)", func() { d.InverseDynamicsExt(ok, short, ok, ok, [6]float64{}) }},
		{"MassMatrix: destination is 2×2", func() { d.MassMatrix(mat.NewSymDense(2, nil), ok) }},
		{"ForwardDynamics: len(tau)", func() { d.ForwardDynamics(ok, ok, ok, short) }},
		{"ForwardDynamicsExt: len(qdd)", func() { d.ForwardDynamicsExt(short, ok, ok, ok, [6]float64{}) }},
		{"KineticEnergy: len(qd)", func() { d.KineticEnergy(ok, short) }},
		{"NewDynamics: joint 0", func() { NewDynamics(&Chain{Joints: []Joint{{Name: "f", Type: Fixed}}}) }},
	} {
		func() {
			defer func() {
				r := recover()
				msg, _ := r.(string)
				if !strings.Contains(msg, tc.want) {
					t.Errorf("panic %v, want a message containing %q", r, tc.want)
				}
			}()
			tc.f()
		}()
	}
	// An empty destination is sized, as in gonum.
	var M mat.SymDense
	d.MassMatrix(&M, ok)
	if M.SymmetricDim() != 3 {
		t.Errorf("empty destination sized to %d, want 3", M.SymmetricDim())
	}
}

func dynBenchRobots(b *testing.B, f func(b *testing.B, d *Dynamics, q, qd, qdd, tau []float64)) {
	for _, name := range []string{"panda", "ur5"} {
		b.Run(name, func(b *testing.B) {
			_, c := loadRef(b, name)
			d := NewDynamics(c)
			q, qd, qdd := dynState(rand.New(rand.NewPCG(1, 1)), c)
			tau := make([]float64, c.DoF())
			d.InverseDynamics(tau, q, qd, qdd)
			b.ReportAllocs()
			f(b, d, q, qd, qdd, tau)
		})
	}
}

func BenchmarkGravity(b *testing.B) {
	dynBenchRobots(b, func(b *testing.B, d *Dynamics, q, _, _, tau []float64) {
		for b.Loop() {
			d.Gravity(tau, q)
		}
	})
}

func BenchmarkInverseDynamics(b *testing.B) {
	dynBenchRobots(b, func(b *testing.B, d *Dynamics, q, qd, qdd, tau []float64) {
		for b.Loop() {
			d.InverseDynamics(tau, q, qd, qdd)
		}
	})
}

func BenchmarkMassMatrix(b *testing.B) {
	dynBenchRobots(b, func(b *testing.B, d *Dynamics, q, _, _, _ []float64) {
		M := mat.NewSymDense(d.DoF(), nil)
		for b.Loop() {
			d.MassMatrix(M, q)
		}
	})
}

// BenchmarkBiasMassAndJacobian: C·q̇ + g, M, the tip pose and the Jacobian
// in one pass — compare with InverseDynamics + MassMatrix + FKJacobian.
func BenchmarkBiasMassAndJacobian(b *testing.B) {
	dynBenchRobots(b, func(b *testing.B, d *Dynamics, q, qd, _, tau []float64) {
		n := d.DoF()
		M, J := mat.NewSymDense(n, nil), mat.NewDense(6, n, nil)
		var pose Frame
		for b.Loop() {
			d.BiasMassAndJacobian(tau, M, &pose, J, q, qd)
		}
	})
}

func BenchmarkForwardDynamics(b *testing.B) {
	dynBenchRobots(b, func(b *testing.B, d *Dynamics, q, qd, _, tau []float64) {
		qdd := make([]float64, d.DoF())
		for b.Loop() {
			d.ForwardDynamics(qdd, q, qd, tau)
		}
	})
}
