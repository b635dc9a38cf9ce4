package varimpedance

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robots"
)

func env(t *testing.T, params string) *registry.Env {
	t.Helper()
	c, err := robots.Planar(robots.DefaultPlanarSpec)
	if err != nil {
		t.Fatal(err)
	}
	return &registry.Env{Name: Name, Chain: c, Period: time.Millisecond, Kp: []float64{1000, 500}, Kd: []float64{20, 10},
		Dynamics: kinematics.NewDynamics(c), Params: registry.Params(params)}
}

func TestRegisteredByName(t *testing.T) {
	f, ok := registry.Lookup(Name)
	if !ok {
		t.Fatalf("%q not registered (have %v)", Name, registry.Names())
	}
	if f.Follows != registry.FollowsJoints || f.Gains != registry.GainsNone || f.Standby {
		t.Errorf("factory %+v: want joint setpoints, no gains, not standby", f)
	}
	c, err := registry.Build(Name, env(t, "stiffness_min: 0.5"))
	if err != nil {
		t.Fatal(err)
	}
	vi, ok := c.(*Controller)
	if !ok || vi.p.StiffnessMin != 0.5 || vi.p.StiffnessMax != 1 {
		t.Errorf("built %T with %+v, want stiffness_min 0.5 over the defaults", c, vi.p)
	}
}

func TestBadParamsNameTheField(t *testing.T) {
	for _, tc := range []struct{ params, want string }{
		{"stiffness_max: -1", `controller "var-impedance": params.stiffness_max: want > 0, got -1`},
		{"stiffness_max: 2", `params.stiffness_max: want ≤ 1`},
		{"stiffness_max: .nan", `params.stiffness_max: want > 0`},
		{"stiffness_min: 0", `params.stiffness_min: want > 0`},
		{"{stiffness_min: 0.8, stiffness_max: 0.5}", `params.stiffness_min: want ≤ stiffness_max (0.5), got 0.8`},
		{"speed_full: 0", `params.speed_full: want > 0 rad/s`},
		{"tank_max: 0", `params.tank_max: want > 0 J`},
		{"tank_min: 2", `params.tank_min: want 0 ≤ tank_min < tank_max`},
		{"tank_initial: 5", `params.tank_initial: want tank_min ≤ tank_initial ≤ tank_max`},
		{"stiffnes_max: 1", `params.stiffnes_max: unknown field (want one of stiffness_min, stiffness_max, speed_full, tank_initial, tank_max, tank_min)`},
		{`{"speed_full": "fast"}`, `params.speed_full: cannot unmarshal`},
	} {
		_, err := registry.Build(Name, env(t, tc.params))
		var re *registry.Error
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &re) {
			t.Errorf("%s: error %v, want a *registry.Error with %q", tc.params, err, tc.want)
		}
	}
}

// step runs one Update at cycle k with every joint at q (velocity qdot),
// the reference at ref moving at refd.
func step(c *Controller, k int, q, qdot, ref, refd float64, out []drivers.JointCommand) {
	n := len(out)
	st := make([]drivers.JointState, n)
	sp := &control.Setpoint{Seq: 1, Q: make([]float64, n), Qd: make([]float64, n)}
	for i := range n {
		st[i] = drivers.JointState{Position: q, Velocity: qdot}
		sp.Q[i], sp.Qd[i] = ref, refd
	}
	c.Update(time.Duration(k)*time.Millisecond, st, sp, out)
}

// TestStiffnessFollowsReferenceSpeed: compliant (stiffness_min × Kp₀)
// while the reference holds, stiff (stiffness_max × Kp₀) from speed_full,
// in between in proportion; damping keeps the default damping ratio.
func TestStiffnessFollowsReferenceSpeed(t *testing.T) {
	p := DefaultParams()
	p.TankInitial, p.TankMax = 10, 10
	kp, kd := []float64{1000, 500}, []float64{20, 10}
	for _, tc := range []struct{ refd, frac float64 }{{0, 0.3}, {0.1, 0.65}, {0.2, 1}, {1, 1}, {-0.2, 1}} {
		c, err := New(kp, kd, time.Millisecond, p, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]drivers.JointCommand, 2)
		c.Reset(make([]drivers.JointState, 2), out)
		step(c, 1, 0, tc.refd, 0.001, tc.refd, out)
		for i := range out {
			want := tc.frac * kp[i]
			if math.Abs(out[i].Kp-want) > 1e-9 || out[i].Mode != drivers.ModeImpedance {
				t.Errorf("ref speed %g: joint %d stiffness %g (mode %v), want %g", tc.refd, i, out[i].Kp, out[i].Mode, want)
			}
			if wd := kd[i] * math.Sqrt(tc.frac); math.Abs(out[i].Kd-wd) > 1e-9 {
				t.Errorf("ref speed %g: joint %d damping %g, want %g", tc.refd, i, out[i].Kd, wd)
			}
			if out[i].Position != 0.001 || out[i].Velocity != tc.refd {
				t.Errorf("joint %d: command %+v does not follow the reference", i, out[i])
			}
		}
	}
}

// TestTankPaysForStiffening: with the tank at its floor the stiffness
// cannot rise against a deflection; the damping's dissipation refills the
// tank and the stiffening resumes; the energy drawn never exceeds what the
// tank held plus what was dissipated into it, and the tank never goes below
// tank_min.
func TestTankPaysForStiffening(t *testing.T) {
	p := DefaultParams()
	p.TankInitial, p.TankMin, p.TankMax = 0.01, 0.01, 1
	kp, kd := []float64{1000}, []float64{20}
	c, err := New(kp, kd, time.Millisecond, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]drivers.JointCommand, 1)
	c.Reset(make([]drivers.JointState, 1), out)
	// A 0.1 rad deflection, the reference moving at full speed: stiffening
	// from 300 to 1000 N·m/rad would cost ½·700·0.01 = 3.5 J; the tank has
	// nothing above its floor.
	step(c, 1, 0, 0.2, 0.1, 0.2, out)
	if out[0].Kp != 300 || c.Tank() != 0.01 || c.Refused() != 700 {
		t.Fatalf("empty tank: stiffness %g, tank %g, refused %g; want 300, 0.01, 700", out[0].Kp, c.Tank(), c.Refused())
	}
	// The joint now moves against the reference's speed: the damping
	// dissipates D·ė² each second into the tank, which pays for stiffening.
	dissipated := 0.0
	prevK := out[0].Kp
	for k := 2; k < 2000 && out[0].Kp < 1000; k++ {
		d := out[0].Kd
		step(c, k, 0, -0.3, 0.1, 0.2, out)
		dissipated += d * 0.5 * 0.5 * 0.001
		if c.Tank() < p.TankMin-1e-12 {
			t.Fatalf("cycle %d: tank %g below its floor", k, c.Tank())
		}
		if out[0].Kp < prevK {
			t.Fatalf("cycle %d: stiffness fell %g → %g at constant reference speed", k, prevK, out[0].Kp)
		}
		prevK = out[0].Kp
	}
	if out[0].Kp != 1000 {
		t.Fatalf("stiffness %g after the tank refilled, want 1000", out[0].Kp)
	}
	if c.injected > p.TankInitial-p.TankMin+dissipated+1e-9 {
		t.Errorf("drew %g J from a tank holding %g J above its floor plus %g J dissipated", c.injected, p.TankInitial-p.TankMin, dissipated)
	}
	// Softening is free and immediate.
	step(c, 3000, 0, 0, 0.1, 0, out)
	if out[0].Kp != 300 {
		t.Errorf("holding reference: stiffness %g, want 300", out[0].Kp)
	}
}

// TestHoldsWhereResetUntilASetpoint: before any setpoint the controller
// holds the posture it was Reset at, compliant.
func TestHoldsWhereResetUntilASetpoint(t *testing.T) {
	c, err := New([]float64{100, 100}, []float64{2, 2}, time.Millisecond, DefaultParams(), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]drivers.JointCommand, 2)
	st := []drivers.JointState{{Position: 0.4}, {Position: -0.2}}
	c.Reset(st, out)
	c.Update(time.Millisecond, st, &control.Setpoint{}, out)
	if out[0].Position != 0.4 || out[1].Position != -0.2 || out[0].Kp != 30 {
		t.Errorf("commands %+v: want a compliant hold at the reset posture", out)
	}
}

func TestNewRefusesBadGains(t *testing.T) {
	for _, tc := range []struct {
		kp, kd []float64
		period time.Duration
	}{
		{nil, nil, time.Millisecond},
		{[]float64{1, 2}, []float64{1}, time.Millisecond},
		{[]float64{0}, []float64{1}, time.Millisecond},
		{[]float64{1}, []float64{-1}, time.Millisecond},
		{[]float64{1}, []float64{1}, 0},
	} {
		if _, err := New(tc.kp, tc.kd, tc.period, DefaultParams(), nil); err == nil {
			t.Errorf("New(%v, %v, %v) accepted", tc.kp, tc.kd, tc.period)
		}
	}
}

// TestUpdateAllocatesNothing: the controller runs on the real-time path.
func TestUpdateAllocatesNothing(t *testing.T) {
	e := env(t, "")
	ctrl, err := registry.Build(Name, e)
	if err != nil {
		t.Fatal(err)
	}
	st := []drivers.JointState{{Position: 0.5}, {Position: 1}}
	sp := &control.Setpoint{Seq: 1, Q: []float64{0.6, 1.1}, Qd: []float64{0.1, 0.1}}
	out := make([]drivers.JointCommand, 2)
	ctrl.Reset(st, out)
	k := 0
	if a := testing.AllocsPerRun(1000, func() {
		k++
		ctrl.Update(time.Duration(k)*time.Millisecond, st, sp, out)
	}); a != 0 {
		t.Errorf("Update allocates %g times per cycle", a)
	}
	if a := testing.AllocsPerRun(100, func() { ctrl.Reset(st, out) }); a != 0 {
		t.Errorf("Reset allocates %g times", a)
	}
}
