package exercise

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/rehab"
)

func registeredSpec(mode, params string) rehab.RunSpec {
	spec := simSpec()
	spec.Protocol.Exercises = []rehab.Exercise{{Mode: mode, Joints: []string{"left_knee"}, Repetitions: 1, Assistance: 1, Params: []byte(params)}}
	return spec
}

// TestPlanNamesARegisteredController: an exercise mode "controller:NAME"
// builds NAME from control/registry with the params' "controller" member;
// errors name the mode or the parameter.
func TestPlanNamesARegisteredController(t *testing.T) {
	t.Parallel()
	c := lowerLimb(t)
	for _, tc := range []struct {
		mode, params string
		err          string // "" : builds
	}{
		{"controller:admittance", `{"period_s": 3, "controller": {"stiffness": 200, "mass": 1}}`, ""},
		{"Controller:joint-pd", ``, ""},
		{"controller:nope", ``, `mode "controller:nope": unknown controller "nope" (registered: joint-pd`},
		{"controller:cartesian-impedance", ``, "cartesian-impedance follows tool pose setpoints"},
		{"controller:admittance", `{"controller": {"mass": -1}}`, `params.controller: robot: controller "admittance": params.mass: want > 0`},
		{"controller:joint-pd", `{"controller": {"kp": 1}}`, `controller "joint-pd": params: this controller takes no parameters`},
		{"controller:joint-pd", `{"period_s": 3, "speed": 1}`, `unknown field "speed"`},
		{"controller:joint-pd", `[1]`, `params: json: cannot unmarshal array`},
	} {
		spec := registeredSpec(tc.mode, tc.params)
		p, err := NewPlan(c, &spec)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, ErrExercise) {
				t.Errorf("%s %s: error %v, want %q (ErrExercise)", tc.mode, tc.params, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: %v", tc.mode, tc.params, err)
			continue
		}
		r, ok := p.Protocol[0].(*registered)
		if !ok {
			t.Fatalf("%s: exercise %T", tc.mode, p.Protocol[0])
		}
		want := map[string]string{"controller:admittance": "*control.JointAdmittance", "Controller:joint-pd": "*control.JointPD"}[tc.mode]
		if got := typeName(r.ctrl); got != want {
			t.Errorf("%s: controller %s, want %s", tc.mode, got, want)
		}
		if r.Controller().Name != "0-"+tc.mode || p.Controllers[1].Name != "0-"+tc.mode {
			t.Errorf("%s: controller named %q, loop's %q", tc.mode, r.Controller().Name, p.Controllers[1].Name)
		}
	}
}

func typeName(c control.Controller) string {
	switch c.(type) {
	case *control.JointAdmittance:
		return "*control.JointAdmittance"
	case *control.JointPD:
		return "*control.JointPD"
	}
	return "other"
}

// TestSimSessionUnderARegisteredController: the prescribed passive path,
// moved by a registered controller (joint-pd with the default joint gains),
// plays end to end on the simulated patient and covers the knee's range.
func TestSimSessionUnderARegisteredController(t *testing.T) {
	t.Parallel()
	sr := NewSimRunner(SimConfig{Seed: 1})
	sink := &recSink{done: make(chan struct{})}
	spec := registeredSpec("controller:joint-pd", `{"period_s": 3}`)
	if err := sr.Start(context.Background(), spec, sink); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sink.done:
	case <-time.After(2 * time.Minute):
		t.Fatal("session did not end")
	}
	if !sink.completed || sink.err != nil {
		t.Fatalf("completed %v, err %v", sink.completed, sink.err)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range sink.samples {
		lo, hi = math.Min(lo, s.Q[0]), math.Max(hi, s.Q[0])
	}
	wlo, whi := deg(5)+0.1*deg(85), deg(90)-0.1*deg(85)
	if math.Abs(lo-wlo) > deg(3) || math.Abs(hi-whi) > deg(3) {
		t.Errorf("knee range [%.1f°, %.1f°], want [%.1f°, %.1f°] ± 3°", lo*180/math.Pi, hi*180/math.Pi, wlo*180/math.Pi, whi*180/math.Pi)
	}
}

// TestPlanSizesARegisteredControllerForItsLoop: a plan for a slower loop
// (a served rig's 250 Hz, or slower) sizes the registered controller's
// default gains for that period — stiffer than a slow loop can hold
// stably otherwise — and a period that is not positive is refused.
func TestPlanSizesARegisteredControllerForItsLoop(t *testing.T) {
	t.Parallel()
	c := lowerLimb(t)
	spec := registeredSpec("controller:joint-pd", ``)
	if _, err := NewPlanAt(c, &spec, 0); err == nil {
		t.Fatal("a zero loop period was accepted")
	}
	kp := func(period time.Duration) []float64 {
		t.Helper()
		p, err := NewPlanAt(c, &spec, period)
		if err != nil {
			t.Fatal(err)
		}
		ctrl := p.Protocol[0].(*registered).ctrl
		n := c.DoF()
		st, out := make([]drivers.JointState, n), make([]drivers.JointCommand, n)
		sp := control.NewSetpoint(n)
		ctrl.Reset(st, out)
		ctrl.Update(0, st, sp, out)
		g := make([]float64, n)
		for i := range out {
			g[i] = out[i].Kp
		}
		return g
	}
	fast, slow := kp(time.Millisecond), kp(20*time.Millisecond)
	softer := false
	for i := range fast {
		if slow[i] > fast[i] {
			t.Errorf("joint %d: kp %g at 20 ms above %g at 1 ms", i, slow[i], fast[i])
		}
		softer = softer || slow[i] < fast[i]
	}
	if !softer {
		t.Errorf("the same gains at 1 ms and 20 ms (%v): the period was not used", fast)
	}
}
