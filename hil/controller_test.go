package hil

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
)

// probeParams is the parameter struct of the test's registered controller.
type probeParams struct {
	Scale float64 `yaml:"scale"`
}

var (
	probeMu    sync.Mutex
	probeBuilt []probeParams // the parameters of every probe built
)

// A registered controller outside chiron's packages: joint PD with the
// default gains times scale, recording what it was built with.
func init() {
	registry.Register("hil-test-probe", registry.Typed[probeParams]{
		Summary:  "test: joint PD with scaled default gains",
		Gains:    registry.GainsNone,
		Defaults: func() probeParams { return probeParams{Scale: 1} },
		Check: func(_ *registry.Env, p *probeParams) error {
			if !(p.Scale > 0 && p.Scale <= 1) {
				return registry.Bad("scale", "want 0 < scale ≤ 1, got %g", p.Scale)
			}
			return nil
		},
		New: func(env *registry.Env, p *probeParams) (control.Controller, error) {
			probeMu.Lock()
			probeBuilt = append(probeBuilt, *p)
			probeMu.Unlock()
			for i := range env.Kp {
				env.Kp[i] *= p.Scale
			}
			return control.NewJointPD(env.Kp, env.Kd, env.Dynamics)
		},
	}.Factory())
}

const probeScenario = `name: probe
robot:
  model: ../../robots/psm.json
protocol: inproc
seed: 3
duration: 600ms
controller: %CTRL%
%PARAMS%
program:
  joint_minjerk:
    waypoints:
      - {offset: [0.1, 0.1, 0.01, 0.1, 0.1, 0.1], duration: 400ms}
expect:
  limit_violations: 0
  final_state: enabled
`

func probe(ctrl, params string) []byte {
	s := strings.ReplaceAll(probeScenario, "%CTRL%", ctrl)
	return []byte(strings.ReplaceAll(s, "%PARAMS%", params))
}

func TestScenarioControllerErrorsNameTheField(t *testing.T) {
	name := filepath.Join("scenarios", "probe.yaml")
	cases := []struct {
		name, ctrl, params string
		field              string
		want               []string
	}{
		{"unknown controller", "var-impedance", "", "controller", []string{`"var-impedance": want one of joint-pd, cartesian-impedance, transparent, admittance`, "hil-test-probe"}},
		{"refused value", "hil-test-probe", "controller_params: {scale: 2}", "controller_params.scale", []string{`controller "hil-test-probe": want 0 < scale ≤ 1, got 2`}},
		{"unknown field", "hil-test-probe", "controller_params: {scal: 0.5}", "controller_params.scal", []string{"unknown field (want one of scale)"}},
		{"wrong type", "hil-test-probe", "controller_params: {scale: soft}", "controller_params.scale", []string{"soft"}},
		{"not a mapping", "hil-test-probe", "controller_params: [1]", "controller_params", []string{"want a mapping"}},
		{"takes no params", "joint-pd", "controller_params: {scale: 0.5}", "controller_params", []string{"takes no parameters"}},
		{"takes no gains", "hil-test-probe", "gains: {kp: [1, 1, 1, 1, 1, 1]}", "gains", []string{"takes no kp/kd gains"}},
		{"built-in's params", "admittance", "controller_params: {mass: 0}", "controller_params.mass", []string{"want > 0"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseScenario(probe(tc.ctrl, tc.params), name)
			var se *ScenarioError
			if !errors.As(err, &se) {
				t.Fatalf("error %v, want a *ScenarioError", err)
			}
			if se.Field != tc.field {
				t.Errorf("field %q, want %q (%v)", se.Field, tc.field, err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestScenarioRunsARegisteredController: a controller registered outside
// chiron's packages runs by name, built with the scenario's
// controller_params, and tracks the program.
func TestScenarioRunsARegisteredController(t *testing.T) {
	probeMu.Lock()
	probeBuilt = nil
	probeMu.Unlock()
	s, err := ParseScenario(probe("hil-test-probe", "controller_params: {scale: 0.5}"), filepath.Join("scenarios", "probe.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunScenario(context.Background(), s, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Controller != "hil-test-probe" || !rep.Passed {
		t.Errorf("report: controller %q, passed %v: %+v", rep.Controller, rep.Passed, rep.Expectations)
	}
	probeMu.Lock()
	defer probeMu.Unlock()
	if len(probeBuilt) != 1 || probeBuilt[0].Scale != 0.5 {
		t.Errorf("probe built with %+v, want once with scale 0.5", probeBuilt)
	}
}
