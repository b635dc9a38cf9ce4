package control

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/kinematics"
	"gonum.org/v1/gonum/mat"
)

func norm3(v [3]float64) float64 { return math.Sqrt(v[0]*v[0] + v[1]*v[1] + v[2]*v[2]) }

// pandaCartesian is the Cartesian impedance the plant tests use: 2000 N/m,
// 60 N·m/rad, critically damped for a 2 kg / 0.05 kg·m² apparent inertia.
func pandaCartesian(t testing.TB, c *kinematics.Chain, posture []float64, kns, dns float64) *CartesianImpedance {
	t.Helper()
	ci, err := NewCartesianImpedance(CartesianImpedanceConfig{Chain: c,
		Stiffness: [6]float64{2000, 2000, 2000, 60, 60, 60}, DampingRatio: 1,
		NullStiffness: kns, NullDamping: dns, Posture: posture, Coriolis: true})
	if err != nil {
		t.Fatal(err)
	}
	return ci
}

func TestCartesianImpedanceHoldsPoseUnderGravity(t *testing.T) {
	c := pandaChain(t)
	var ci *CartesianImpedance
	r := newPlantRig(t, c, pandaHome, rigOptions{}, func(r *plantRig) []NamedController {
		ci = pandaCartesian(t, c, nil, 5, 1)
		return []NamedController{{"cartesian", ci}}
	})
	var want kinematics.Frame
	r.ws.FK(&want, pandaHome)
	r.sp.HasPose, r.sp.Position, r.sp.Rotation = true, want.P, want.R
	r.post()
	r.enable()
	r.steps(3000)
	r.enabled()
	got := r.tool()
	rot := kinematics.RotationError(&want.R, &got.R)
	if d := dist3(got.P, want.P); d > 1e-3 {
		t.Errorf("tool %v m from the held pose (want < 1 mm)", d)
	}
	if a := norm3(rot); a > 5e-3 {
		t.Errorf("orientation %v rad from the held pose", a)
	}
	// The steady state is a balance of the spring against model-free
	// disturbances only (friction, quantisation): without gravity
	// compensation 2000 N/m could not hold a 15 kg arm to a millimetre, so
	// the drives must be carrying its weight.
	tau := r.plant.MotorTorque()
	g := make([]float64, c.DoF())
	r.dyn.Gravity(g, r.plant.Position())
	if d := maxAbsDiff(tau, g); d > 1 {
		t.Errorf("motor torque %v differs from g(q) %v by %v N·m", tau, g, d)
	}
	if math.Abs(g[1]) < 5 {
		t.Fatalf("test pose barely loaded by gravity: g = %v", g)
	}
}

func TestCartesianImpedanceTracksMinJerk(t *testing.T) {
	c := pandaChain(t)
	r := newPlantRig(t, c, pandaHome, rigOptions{}, func(r *plantRig) []NamedController {
		return []NamedController{{"cartesian", pandaCartesian(t, c, nil, 5, 1)}}
	})
	r.post()
	r.enable()
	r.steps(200)
	start := r.tool()
	goal := start
	goal.P[0] += 0.10
	goal.P[1] -= 0.05
	goal.P[2] += 0.08
	rot := kinematics.Frame{R: kinematics.AxisAngle([3]float64{0, 0.6, 0.8}, 0.3)}
	goal.Mul(&rot, &kinematics.Frame{R: start.R})
	goal.P = [3]float64{start.P[0] + 0.10, start.P[1] - 0.05, start.P[2] + 0.08}

	traj, err := NewCartesianMinJerk(CartesianLimits{Velocity: 0.25, Acceleration: 1, AngularVelocity: 0.8, AngularAcceleration: 3})
	if err != nil {
		t.Fatal(err)
	}
	T, err := traj.Plan(&start, &goal, 0)
	if err != nil {
		t.Fatal(err)
	}
	t0 := r.now
	worst := 0.0
	r.onCycle = func(now time.Duration) {
		traj.Sample(now-t0, r.sp)
		r.post()
	}
	cycles := int(T/time.Millisecond) + 1
	for range cycles {
		r.steps(1)
		pose, _, _ := traj.SampleFrame(r.now - t0)
		worst = math.Max(worst, dist3(r.tool().P, pose.P))
	}
	r.steps(1000)
	r.enabled()
	got := r.tool()
	if d := dist3(got.P, goal.P); d > 1e-3 {
		t.Errorf("final position error %v m (want < 1 mm)", d)
	}
	if a := norm3(kinematics.RotationError(&goal.R, &got.R)); a > 5e-3 {
		t.Errorf("final orientation error %v rad", a)
	}
	// Twist feed-forward keeps the lag small: the spring only has to
	// accelerate the apparent inertia (≈ m·a/K ≈ 2·1/2000 m).
	if worst > 6e-3 {
		t.Errorf("tracking error during the %v motion reached %v m", T, worst)
	}
	t.Logf("duration %v, worst tracking error %.2f mm", T, worst*1e3)
}

func TestCartesianImpedanceNullSpacePosture(t *testing.T) {
	c := pandaChain(t)
	var home kinematics.Frame
	kinematics.NewWorkspace(c).FK(&home, pandaHome)
	// Another configuration with the same tool pose: the elbow swung about
	// the shoulder–wrist line (IK seeded away from home).
	seed := append([]float64(nil), pandaHome...)
	seed[0] += 0.35
	seed[2] -= 0.45
	ik := kinematics.NewIK(c, kinematics.IKOptions{Timeout: time.Second})
	posture := make([]float64, c.DoF())
	if _, err := ik.Solve(posture, seed, &home); err != nil {
		t.Fatal(err)
	}
	if d := maxAbsDiff(posture, pandaHome); d < 0.15 {
		t.Fatalf("IK returned a posture only %v rad from home", d)
	}
	for _, proj := range []NullProjector{NullDynamic, NullKinematic} {
		r := newPlantRig(t, c, pandaHome, rigOptions{}, func(r *plantRig) []NamedController {
			ci, err := NewCartesianImpedance(CartesianImpedanceConfig{Chain: c,
				Stiffness: [6]float64{2000, 2000, 2000, 60, 60, 60}, DampingRatio: 1,
				NullStiffness: 20, NullDamping: 4, Posture: posture, Projector: proj, Coriolis: true})
			if err != nil {
				t.Fatal(err)
			}
			return []NamedController{{"cartesian", ci}}
		})
		r.sp.HasPose, r.sp.Position, r.sp.Rotation = true, home.P, home.R
		r.post()
		r.enable()
		d0 := maxAbsDiff(r.plant.Position(), posture)
		worst := 0.0
		for range 4000 {
			r.steps(1)
			worst = math.Max(worst, dist3(r.tool().P, home.P))
		}
		r.enabled()
		d1 := maxAbsDiff(r.plant.Position(), posture)
		if d1 > 0.02 || d1 > d0/5 {
			t.Errorf("projector %d: posture error %v → %v rad", proj, d0, d1)
		}
		if worst > 2e-3 {
			t.Errorf("projector %d: the self-motion moved the tool by up to %v m", proj, worst)
		}
		t.Logf("projector %d: posture error %.3f → %.4f rad, tool moved ≤ %.2f mm", proj, d0, d1, worst*1e3)
	}
}

func TestCartesianImpedanceUnit(t *testing.T) {
	c := pandaChain(t)
	ci := pandaCartesian(t, c, nil, 0, 0)
	n := c.DoF()
	st := make([]drivers.JointState, n)
	for i := range st {
		st[i].Position = pandaHome[i]
	}
	out := make([]drivers.JointCommand, n)
	sp := NewSetpoint(n)
	ci.Reset(st, out)
	ci.Update(0, st, sp, out)
	g := make([]float64, n)
	dyn := kinematics.NewDynamics(c)
	dyn.Gravity(g, pandaHome)
	for i := range out {
		if out[i].Mode != drivers.ModeEffort || math.Abs(out[i].Effort-g[i]) > 1e-9 {
			t.Fatalf("at the held pose, at rest: joint %d %+v, want effort g = %v", i, out[i], g[i])
		}
	}
	// A 1 cm offset of the target along x pulls with 20 N along x: τ − g = Jᵀ·(20, 0, 0, 0, 0, 0).
	hold := ci.Hold()
	sp.Seq, sp.HasPose, sp.Position, sp.Rotation = 1, true, hold.P, hold.R
	sp.Position[0] += 0.01
	ci.Update(0, st, sp, out)
	jac := make([]float64, 6*n)
	ws := kinematics.NewWorkspace(c)
	jd := newDense6(n, jac)
	ws.Jacobian(jd, pandaHome)
	for i := range out {
		want := g[i] + jac[i]*20
		if math.Abs(out[i].Effort-want) > 1e-9 {
			t.Fatalf("joint %d effort %v, want %v", i, out[i].Effort, want)
		}
	}
	for _, gs := range []Gains{{Kp: make([]float64, 5), Kd: make([]float64, 6)}, {Kp: []float64{1, 1, 1, 1, 1, -1}, Kd: make([]float64, 6)}} {
		if err := ci.SetGains(&gs); err == nil {
			t.Errorf("gains %v accepted", gs)
		}
	}
	if _, err := NewCartesianImpedance(CartesianImpedanceConfig{Chain: c, Posture: []float64{1}}); err == nil {
		t.Error("short posture accepted")
	}
}

func newDense6(n int, data []float64) *mat.Dense { return mat.NewDense(6, n, data) }

// A goal 10 cm away (a goal that ran ahead: a stalled network caught up)
// is caught up by the whole spring unless MaxSpeed bounds it: then the tool
// is damped towards the bound (Khatib 1987 velocity limiting) and arrives
// all the same.
func TestCartesianImpedanceSpeedBound(t *testing.T) {
	c := pandaChain(t)
	for _, tc := range []struct {
		name  string
		bound float64
	}{{"unbounded", 0}, {"0.05 m/s", 0.05}, {"0.2 m/s", 0.2}} {
		t.Run(tc.name, func(t *testing.T) {
			r := newPlantRig(t, c, pandaHome, rigOptions{}, func(r *plantRig) []NamedController {
				ci, err := NewCartesianImpedance(CartesianImpedanceConfig{Chain: c,
					Stiffness: [6]float64{2000, 2000, 2000, 60, 60, 60}, DampingRatio: 1,
					NullStiffness: 5, NullDamping: 1, Coriolis: true, MaxSpeed: [2]float64{tc.bound, 0}})
				if err != nil {
					t.Fatal(err)
				}
				return []NamedController{{"cartesian", ci}}
			})
			r.post()
			r.enable()
			r.steps(200)
			goal := r.tool()
			goal.P[0] += 0.06
			goal.P[2] -= 0.08
			r.sp.HasPose, r.sp.Position, r.sp.Rotation = true, goal.P, goal.R
			r.post()
			peak, prev := 0.0, r.tool().P
			for range 4000 {
				r.steps(1)
				p := r.tool().P
				peak = math.Max(peak, dist3(p, prev)/1e-3)
				prev = p
			}
			t.Logf("peak tool speed %.4f m/s", peak)
			if tc.bound == 0 {
				// The whole spring: the joints pass their rated speed and
				// the supervisor stops the arm — what the bound prevents.
				if s := r.loop.Supervisor().State(); s != ProtectiveStop && peak < 0.3 {
					t.Errorf("unbounded: %v, peak %.3f m/s: the step is too small to show the bound", s, peak)
				}
				return
			}
			r.enabled()
			if d := dist3(r.tool().P, goal.P); d > 1e-3 {
				t.Errorf("final position %.2f mm from the goal (want < 1 mm)", d*1e3)
			}
			if peak > tc.bound*1.01 {
				t.Errorf("peak tool speed %.4f m/s over the %.3g m/s bound", peak, tc.bound)
			}
		})
	}
	if _, err := NewCartesianImpedance(CartesianImpedanceConfig{Chain: c, Stiffness: [6]float64{1, 1, 1, 1, 1, 1},
		MaxSpeed: [2]float64{-1, 0}}); err == nil {
		t.Error("a negative speed bound was accepted")
	}
}
