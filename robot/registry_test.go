package robot

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/robots"
)

type robotProbeParams struct {
	Gain float64 `yaml:"gain"`
}

func init() {
	registry.Register("robot-test-probe", registry.Typed[robotProbeParams]{
		Defaults: func() robotProbeParams { return robotProbeParams{Gain: 1} },
		Check: func(_ *registry.Env, p *robotProbeParams) error {
			if !(p.Gain > 0) {
				return registry.Bad("gain", "want > 0, got %g", p.Gain)
			}
			return nil
		},
		New: func(env *registry.Env, p *robotProbeParams) (control.Controller, error) {
			return control.NewJointPD(env.Kp, env.Kd, env.Dynamics)
		},
	}.Factory())
}

// TestAssembleFromTheRegistry: the active controller, whatever package
// registered it, comes first, then the Standby built-ins; a controller that
// is not Standby is built only when active; errors name the controller and
// the field.
func TestAssembleFromTheRegistry(t *testing.T) {
	c, err := robots.Planar(robots.DefaultPlanarSpec)
	if err != nil {
		t.Fatal(err)
	}
	names := func(a *Assembly) string {
		var s []string
		for _, nc := range a.Controllers {
			s = append(s, nc.Name)
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		active string
		g      Gains
		want   string // controllers, or the error
		err    bool
	}{
		{"joint-pd", Gains{}, "joint-pd,cartesian-impedance,transparent,admittance", false},
		{"admittance", Gains{Params: registry.Params("{stiffness: 10}")}, "admittance,joint-pd,cartesian-impedance,transparent", false},
		{"robot-test-probe", Gains{Params: registry.Params("gain: 2")}, "robot-test-probe,joint-pd,cartesian-impedance,transparent,admittance", false},
		{"robot-test-probe", Gains{Params: registry.Params("gain: -2")}, `robot: controller "robot-test-probe": params.gain: want > 0, got -2`, true},
		{"robot-test-probe", Gains{Kp: []float64{1, 2}}, `controller "robot-test-probe" takes no kp/kd gains`, true},
		{"joint-pd", Gains{Kp: []float64{1}}, "joint-pd gains need 2 values", true},
		{"cartesian-impedance", Gains{Kp: []float64{1, 2}}, "cartesian-impedance gains need 6 values", true},
		{"nope", Gains{}, `robot: unknown controller "nope" (registered: joint-pd, cartesian-impedance, transparent, admittance`, true},
	} {
		a, err := Assemble(c, time.Millisecond, tc.active, tc.g, SafetyOverrides{})
		if tc.err {
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s %+v: error %v, want %q", tc.active, tc.g, err, tc.want)
			}
			if tc.active == "nope" && !errors.Is(err, registry.ErrUnknown) {
				t.Errorf("unknown controller: %v is not registry.ErrUnknown", err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.active, err)
			continue
		}
		if got := names(a); got != tc.want {
			t.Errorf("%s: controllers %s, want %s", tc.active, got, tc.want)
		}
	}
	if strings.Join(Controllers, ",") != "joint-pd,cartesian-impedance,transparent,admittance" {
		t.Errorf("Controllers = %v, want the built-ins", Controllers)
	}
}
