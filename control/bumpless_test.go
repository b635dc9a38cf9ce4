package control

import (
	"math"
	"testing"

	"github.com/chiron-robotics/chiron/drivers"
)

// frozen makes the bus report q = 0, q̇ = 0 whatever the plant does, so the
// effort each command produces is a known function of the command alone.
func frozen(r *rig) {
	for i := range r.bus.position {
		r.bus.position[i], r.bus.velocity[i] = 0, 0
	}
}

func sentEffort(r *rig, i int) float64 {
	tau, ok := equivalentEffort(&r.bus.sent[i], &drivers.JointState{})
	if !ok {
		r.t.Fatalf("sent %+v has no equivalent effort", r.bus.sent[i])
	}
	return tau
}

// stepsBounded runs cycles until the effort of joint 0 reaches want,
// checking that no cycle changes it by more than step, and returns how many
// cycles it took.
func stepsBounded(r *rig, want, step float64, maxCycles int) int {
	r.t.Helper()
	prev := sentEffort(r, 0)
	for k := 1; k <= maxCycles; k++ {
		r.steps(1)
		tau := sentEffort(r, 0)
		if d := math.Abs(tau - prev); d > step+1e-9 {
			r.t.Fatalf("cycle %d: effort step %g > %g (%g → %g)", k, d, step, prev, tau)
		}
		prev = tau
		if math.Abs(tau-want) < 1e-9 {
			return k
		}
	}
	r.t.Fatalf("effort %g did not reach %g in %d cycles", prev, want, maxCycles)
	return 0
}

func TestBumplessSwitch(t *testing.T) {
	r := newRig(t, 2, func(c *Config) {
		c.Controllers = []NamedController{
			{"push", &fixedController{cmd: drivers.JointCommand{Mode: drivers.ModeEffort, Effort: 15}}},
			{"pull", &fixedController{cmd: drivers.JointCommand{Mode: drivers.ModeImpedance, Position: -0.15, Kp: 100}}},
		}
	})
	frozen(r)
	r.enable()
	// From the position hold of Enabling the first effort is measured; then
	// the push controller's 15 N·m arrives in 1 N·m steps.
	stepsBounded(r, 15, 1, 40)
	if err := r.loop.SwitchController("pull"); err != nil {
		t.Fatal(err)
	}
	// 15 → −15 N·m: 30 steps of BumplessStep = 1 N·m, never a jump.
	if k := stepsBounded(r, -15, 1, 100); k != 30 {
		t.Fatalf("transfer took %d cycles, want 30", k)
	}
	r.steps(5)
	if c := r.bus.sent[0]; c.Mode != drivers.ModeImpedance || c.Position != -0.15 || c.Effort != 0 || r.loop.transition {
		t.Fatalf("after the transfer: %+v (transition %v)", c, r.loop.transition)
	}
	ev := r.snapshot().Events(nil)
	if e := ev[len(ev)-1]; e.Reason != ReasonControllerSwitch || e.Value != 1 {
		t.Fatalf("last event %v", e)
	}
}

func TestBumplessGainChange(t *testing.T) {
	r := newRig(t, 2, nil)
	frozen(r)
	r.sp.Q[0], r.sp.Q[1] = 0.05, 0.05
	r.enable()
	r.steps(20)
	if tau := sentEffort(r, 0); math.Abs(tau-5) > 1e-9 {
		t.Fatalf("effort %g, want 100·0.05 = 5", tau)
	}
	if err := r.loop.SetGains("pd", Gains{Kp: []float64{400, 400}, Kd: []float64{10, 10}}); err != nil {
		t.Fatal(err)
	}
	// 5 → 20 N·m in 1 N·m steps.
	if k := stepsBounded(r, 20, 1, 100); k != 15 {
		t.Fatalf("gain transfer took %d cycles, want 15", k)
	}
	if r.bus.sent[0].Kp != 400 {
		t.Fatalf("sent %+v", r.bus.sent[0])
	}

	// Invalid gains are refused at the cycle boundary and change nothing.
	if err := r.loop.SetGains("pd", Gains{Kp: []float64{-1, 400}, Kd: []float64{10, 10}}); err != nil {
		t.Fatal(err)
	}
	r.steps(1)
	if e := r.lastEvent(); e.Reason != ReasonGainsRejected || r.bus.sent[0].Kp != 400 {
		t.Fatalf("event %v, sent %+v", e, r.bus.sent[0])
	}
	if err := r.loop.SetGains("nope", Gains{}); err == nil {
		t.Fatal("gains for an unknown controller accepted")
	}
	if err := r.loop.SwitchController("nope"); err == nil {
		t.Fatal("switch to an unknown controller accepted")
	}
}

type constGravity float64

func (g constGravity) Gravity(tau, _ []float64) {
	for i := range tau {
		tau[i] = float64(g)
	}
}

func TestJointPD(t *testing.T) {
	pd, err := NewJointPD([]float64{100, 50}, []float64{5, 2}, constGravity(3))
	if err != nil {
		t.Fatal(err)
	}
	st := []drivers.JointState{{Position: 0.1}, {Position: -0.2}}
	out := make([]drivers.JointCommand, 2)
	sp := NewSetpoint(2)
	pd.Reset(st, out)
	pd.Update(0, st, sp, out) // no setpoint yet: hold the reset position
	want := drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.1, Effort: 3, Kp: 100, Kd: 5}
	if out[0] != want {
		t.Fatalf("hold %+v, want %+v", out[0], want)
	}
	sp.Seq, sp.Q[1], sp.Qd[1] = 1, 0.4, 0.5
	pd.Update(0, st, sp, out)
	want = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.4, Velocity: 0.5, Effort: 3, Kp: 50, Kd: 2}
	if out[1] != want {
		t.Fatalf("track %+v, want %+v", out[1], want)
	}
	for _, g := range []Gains{{Kp: []float64{1}, Kd: []float64{1, 1}}, {Kp: []float64{1, math.NaN()}, Kd: []float64{1, 1}}} {
		if err := pd.SetGains(&g); err == nil {
			t.Errorf("gains %v accepted", g)
		}
	}
	if _, err := NewJointPD([]float64{1}, nil, nil); err == nil {
		t.Error("mismatched gains accepted")
	}
}
