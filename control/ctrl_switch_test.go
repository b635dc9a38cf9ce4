package control

import (
	"math"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
)

// fill returns n copies of v.
func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// allControllers builds one of each of this package's model-based
// controllers for the rig's chain, in the order they are switched to.
func allControllers(t testing.TB, r *plantRig) []NamedController {
	t.Helper()
	n := r.chain.DoF()
	ci, err := NewCartesianImpedance(CartesianImpedanceConfig{Chain: r.chain,
		Stiffness: [6]float64{2000, 2000, 2000, 60, 60, 60}, DampingRatio: 1,
		NullStiffness: 10, NullDamping: 2, Coriolis: true})
	if err != nil {
		t.Fatal(err)
	}
	adm, err := NewJointAdmittance(JointAdmittanceConfig{Mass: fill(n, 0.3), Damping: fill(n, 6),
		Stiffness: fill(n, 20), Kp: fill(n, 800), Kd: fill(n, 10), Gravity: r.dyn, Deadband: fill(n, 0.05)})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := NewTransparent(n, TransparentConfig{Gravity: r.dyn})
	if err != nil {
		t.Fatal(err)
	}
	return []NamedController{{"cartesian-impedance", ci}, {"admittance", adm}, {"transparent", tr}}
}

// TestBumplessSwitchFromJointPD switches from a stiff JointPD holding the
// arm at a loaded pose to each controller of this package, with the loop's
// own transition limiter effectively off (BumplessStep far above any step
// the test accepts), so the bound is the controllers' Reset, not the
// loop's ramp: the effort sent must not change by more than 1 N·m on the
// switch, and the arm must stay where it was.
func TestBumplessSwitchFromJointPD(t *testing.T) {
	const maxStep = 1.0 // N·m
	robots := []struct {
		name string
		home []float64
		load func(testing.TB) *kinematics.Chain
	}{{"exo", exoHome, exoChain}, {"panda", pandaHome, pandaChain}}
	for _, rb := range robots {
		t.Run(rb.name, func(t *testing.T) {
			if rb.name == "panda" && refdata.Root() == "" {
				t.Skip("shared robots absent")
			}
			c := rb.load(t)
			n := c.DoF()
			probe := newPlantRig(t, c, rb.home, rigOptions{}, func(r *plantRig) []NamedController {
				return []NamedController{{"pd", r.jointPD(400, 20)}}
			})
			names := allControllers(t, probe)
			for _, target := range names {
				t.Run(target.Name, func(t *testing.T) {
					r := newPlantRig(t, c, rb.home, rigOptions{bumpless: 1000}, func(r *plantRig) []NamedController {
						return append([]NamedController{{"pd", r.jointPD(400, 20)}}, allControllers(t, r)...)
					})
					r.post()
					r.enable()
					r.steps(500)
					r.enabled()
					before := r.sentEfforts(make([]float64, n))
					q0 := append([]float64(nil), r.plant.Position()...)
					tool0 := r.tool()
					if err := r.loop.SwitchController(target.Name); err != nil {
						t.Fatal(err)
					}
					r.steps(1)
					after := r.sentEfforts(make([]float64, n))
					if r.snap.Controller != target.Name {
						t.Fatalf("active controller %q", r.snap.Controller)
					}
					for i := range before {
						if d := math.Abs(after[i] - before[i]); d > maxStep {
							t.Errorf("joint %d: effort %v → %v N·m on the switch (step %v > %v)", i, before[i], after[i], d, maxStep)
						}
					}
					worstStep := 0.0
					prev := after
					cur := make([]float64, n)
					for range 1000 {
						r.steps(1)
						r.sentEfforts(cur)
						worstStep = math.Max(worstStep, maxAbsDiff(cur, prev))
						copy(prev, cur)
					}
					r.enabled()
					if d := maxAbsDiff(r.plant.Position(), q0); d > 0.01 {
						t.Errorf("arm moved %v rad in the second after the switch", d)
					}
					if d := dist3(r.tool().P, tool0.P); d > 2e-3 {
						t.Errorf("tool moved %v m in the second after the switch", d)
					}
					t.Logf("switch step ≤ %.3f N·m, later steps ≤ %.3f N·m", maxAbsDiff(after, before), worstStep)
				})
			}
		})
	}
}

// TestControllersAllocateNothing runs Update (and Reset and SetGains) of
// every controller on a moving state with a changing setpoint.
func TestControllersAllocateNothing(t *testing.T) {
	for _, rb := range []struct {
		name string
		home []float64
		load func(testing.TB) *kinematics.Chain
	}{{"exo", exoHome, exoChain}, {"panda", pandaHome, pandaChain}} {
		t.Run(rb.name, func(t *testing.T) {
			if rb.name == "panda" && refdata.Root() == "" {
				t.Skip("shared robots absent")
			}
			c := rb.load(t)
			n := c.DoF()
			r := newPlantRig(t, c, rb.home, rigOptions{}, func(r *plantRig) []NamedController {
				return []NamedController{{"pd", r.jointPD(100, 5)}}
			})
			st := make([]drivers.JointState, n)
			out := make([]drivers.JointCommand, n)
			sp := NewSetpoint(n)
			sp.Seq, sp.HasPose, sp.HasTwist = 1, true, true
			var pose kinematics.Frame
			r.ws.FK(&pose, rb.home)
			sp.Position, sp.Rotation = pose.P, pose.R
			for _, nc := range allControllers(t, r) {
				k := 0
				allocs := testing.AllocsPerRun(200, func() {
					k++
					for i := range st {
						st[i] = drivers.JointState{Position: rb.home[i] + 0.01*math.Sin(float64(k+i)), Velocity: 0.1 * math.Cos(float64(k*i)), Effort: 1}
					}
					copy(sp.Q, rb.home)
					sp.Twist[0] = 0.01 * float64(k%3)
					if k%50 == 1 {
						nc.Controller.Reset(st, out)
					}
					nc.Controller.Update(time.Duration(k)*time.Millisecond, st, sp, out)
				})
				if allocs != 0 {
					t.Errorf("%s: %v allocations per cycle", nc.Name, allocs)
				}
				for i := range out {
					if !validCommand(&out[i]) {
						t.Errorf("%s: invalid command %+v", nc.Name, out[i])
					}
				}
				if gs, ok := nc.Controller.(GainSetter); ok {
					g := Gains{Kp: make([]float64, 0, 8), Kd: make([]float64, 0, 8)}
					m := n
					if nc.Name == "cartesian-impedance" {
						m = 6
					}
					g.Kp, g.Kd = fill(m, 10), fill(m, 2)
					if a := testing.AllocsPerRun(50, func() {
						if err := gs.SetGains(&g); err != nil {
							t.Fatal(err)
						}
					}); a != 0 {
						t.Errorf("%s: SetGains allocates %v times", nc.Name, a)
					}
				}
			}
		})
	}
}

// BenchmarkCartesianImpedancePanda times one Update of the 7-DoF Cartesian
// impedance with the dynamically consistent null-space posture task: FK,
// Jacobian, g(q) + C·q̇ (RNEA) and M (CRBA) in one pass
// (Dynamics.BiasMassAndJacobian), two Cholesky factorisations. "full" is the
// configuration `chiron bench loop --controller cartesian-impedance` runs;
// "no-coriolis" is the τ = Jᵀ(K·e + D·ė) + g(q) + null space as
// written; "kinematic-null" uses the static projector (no M).
func BenchmarkCartesianImpedancePanda(b *testing.B) {
	c := pandaChain(b)
	for _, v := range []struct {
		name     string
		kns      float64
		proj     NullProjector
		coriolis bool
	}{{"full", 10, NullDynamic, true}, {"kinematic-null", 10, NullKinematic, true}, {"no-coriolis", 10, NullDynamic, false}} {
		b.Run(v.name, func(b *testing.B) {
			ci, err := NewCartesianImpedance(CartesianImpedanceConfig{Chain: c,
				Stiffness: [6]float64{2000, 2000, 2000, 60, 60, 60}, DampingRatio: 1,
				NullStiffness: v.kns, NullDamping: 2, Projector: v.proj, Coriolis: v.coriolis})
			if err != nil {
				b.Fatal(err)
			}
			n := c.DoF()
			st := make([]drivers.JointState, n)
			for i := range st {
				st[i] = drivers.JointState{Position: pandaHome[i], Velocity: 0.1}
			}
			out := make([]drivers.JointCommand, n)
			sp := NewSetpoint(n)
			ci.Reset(st, out)
			// Besides wall-clock ns/op, report the thread's CPU time per
			// call and the median wall-clock time of single calls: both are
			// robust to the preemptions of a shared machine, which inflate
			// the mean but not the median.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			samples := make([]int64, 0, 1<<16)
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := threadCPU()
			for k := 0; b.Loop(); k++ {
				st[0].Position = pandaHome[0] + 1e-3*float64(k&7)
				t0 := time.Now()
				ci.Update(0, st, sp, out)
				if len(samples) < cap(samples) {
					samples = append(samples, int64(time.Since(t0)))
				}
			}
			cpu := threadCPU() - cpu0
			b.StopTimer()
			slices.Sort(samples)
			b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
			if len(samples) > 0 {
				b.ReportMetric(float64(samples[len(samples)/2]), "p50-ns")
			}
		})
	}
}
