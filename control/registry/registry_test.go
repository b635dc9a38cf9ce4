package registry

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robots"
)

func planar(t *testing.T) *kinematics.Chain {
	t.Helper()
	c, err := robots.Planar(robots.DefaultPlanarSpec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fullEnv(t *testing.T, name string, params string) *Env {
	c := planar(t)
	return &Env{Name: name, Chain: c, Period: time.Millisecond, Kp: []float64{100, 100}, Kd: []float64{5, 5},
		Dynamics: kinematics.NewDynamics(c), Params: Params(params)}
}

func TestBuiltinsRegisteredInOrder(t *testing.T) {
	got := Names()
	want := []string{"joint-pd", "cartesian-impedance", "transparent", "admittance"}
	if len(got) < len(want) {
		t.Fatalf("Names() = %v, want the built-ins %v first", got, want)
	}
	for i, n := range want {
		if got[i] != n {
			t.Fatalf("Names() = %v, want the built-ins %v first", got, want)
		}
		f, _ := Lookup(n)
		if !f.Standby {
			t.Errorf("%s: built-in not Standby", n)
		}
	}
	if got[0] != Default {
		t.Errorf("first registered %q, Default %q", got[0], Default)
	}
}

func TestBuildBuiltins(t *testing.T) {
	for _, name := range []string{"joint-pd", "cartesian-impedance", "transparent", "admittance"} {
		t.Run(name, func(t *testing.T) {
			c, err := Build(name, fullEnv(t, name, ""))
			if err != nil {
				t.Fatal(err)
			}
			// It runs: Reset and one Update on a resting state, finite
			// commands for both joints.
			st := []drivers.JointState{{Position: 0.5}, {Position: 1.2}}
			out := make([]drivers.JointCommand, 2)
			c.Reset(st, out)
			sp := &control.Setpoint{}
			c.Update(time.Millisecond, st, sp, out)
			for i, o := range out {
				if o.Effort-o.Effort != 0 || o.Position-o.Position != 0 {
					t.Errorf("joint %d: command %+v not finite", i, o)
				}
			}
		})
	}
}

func TestBuildErrorsNameTheField(t *testing.T) {
	cases := []struct {
		name, ctrl, params string
		want               []string // substrings of the error
		field              string
		unknown            bool
	}{
		{"unknown name lists registered", "var-impedance-nope", "", []string{`unknown controller "var-impedance-nope"`, "registered: joint-pd, cartesian-impedance, transparent, admittance"}, "", true},
		{"check refuses a value", "admittance", "mass: -1", []string{`controller "admittance": params.mass: want > 0`}, "params.mass", false},
		{"check refuses NaN", "admittance", "{damping: .nan}", []string{`params.damping: want > 0`}, "params.damping", false},
		{"unknown field", "admittance", "stifness: 3", []string{`params.stifness: unknown field (want one of mass, damping, stiffness, deadband, cutoff)`}, "params.stifness", false},
		{"wrong type", "admittance", `{"mass": "heavy"}`, []string{`params.mass:`, "heavy"}, "params.mass", false},
		{"given twice", "admittance", "mass: 1\nmass: 2", []string{`params.mass: given twice`}, "params.mass", false},
		{"cartesian speed bound", "cartesian-impedance", "max_speed: -0.05", []string{`controller "cartesian-impedance": params.max_speed: want ≥ 0 m/s`}, "params.max_speed", false},
		{"cartesian angular bound", "cartesian-impedance", "max_angular_speed: .inf", []string{`params.max_angular_speed: want ≥ 0 rad/s`}, "params.max_angular_speed", false},
		{"not a mapping", "admittance", "[1, 2]", []string{`params: want a mapping`}, "params", false},
		{"syntax", "admittance", "mass: [1", []string{`controller "admittance": params:`}, "params", false},
		{"no params taken", "joint-pd", "kp: 3", []string{`controller "joint-pd": params: this controller takes no parameters`}, "params", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build(tc.ctrl, fullEnv(t, tc.ctrl, tc.params))
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if tc.unknown != errors.Is(err, ErrUnknown) {
				t.Errorf("errors.Is(ErrUnknown) = %v, want %v", !tc.unknown, tc.unknown)
			}
			var e *Error
			if tc.field != "" && (!errors.As(err, &e) || e.Field != tc.field || e.Controller != tc.ctrl) {
				t.Errorf("error %#v: want an *Error for controller %q field %q", err, tc.ctrl, tc.field)
			}
			// Validate refuses the same parameters without building.
			if err2 := Validate(tc.ctrl, &Env{Chain: planar(t), Period: time.Millisecond, Params: Params(tc.params)}); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("Validate: %v, Build: %v", err2, err)
			}
		})
	}
}

type nested struct {
	Gain  float64             `yaml:"gain"`
	Inner struct{ A float64 } `yaml:"inner"`
	List  []float64           `yaml:"list"`
	Plain int
	skip  int
}

func TestDecode(t *testing.T) {
	cases := []struct {
		name, in string
		want     nested
		err      string
	}{
		{"empty keeps defaults", "", nested{Gain: 7}, ""},
		{"null keeps defaults", "~", nested{Gain: 7}, ""},
		{"yaml", "gain: 2\nlist: [1, 2]\nplain: 4", nested{Gain: 2, List: []float64{1, 2}, Plain: 4}, ""},
		{"json", `{"gain": 3, "inner": {"a": 1.5}}`, nested{Gain: 3, Inner: struct{ A float64 }{1.5}}, ""},
		{"nested unknown field", "inner: {b: 1}", nested{}, "params.inner:"},
		{"unexported is unknown", "skip: 1", nested{}, "params.skip: unknown field (want one of gain, inner, list, plain)"},
		{"scalar", "3", nested{}, `params: want a mapping of field: value (got "3")`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := nested{Gain: 7}
			err := Decode(Params(tc.in), &got)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Gain != tc.want.Gain || got.Inner != tc.want.Inner || got.Plain != tc.want.Plain || len(got.List) != len(tc.want.List) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
	if err := Decode(Params("a: 1"), nested{}); err == nil {
		t.Error("decoding into a non-pointer accepted")
	}
}

func TestParamsApplied(t *testing.T) {
	// A typed factory gets the decoded parameters over its defaults.
	type p struct {
		A float64 `yaml:"a"`
		B float64 `yaml:"b"`
	}
	var seen p
	name := "test-typed-" + t.Name()
	Register(name, Typed[p]{Summary: "test", Defaults: func() p { return p{A: 1, B: 2} },
		New: func(env *Env, q *p) (control.Controller, error) {
			seen = *q
			return control.NewJointPD(env.Kp, env.Kd, nil)
		}}.Factory())
	if _, err := Build(name, fullEnv(t, name, `{"b": 5}`)); err != nil {
		t.Fatal(err)
	}
	if seen != (p{A: 1, B: 5}) {
		t.Errorf("params %+v, want {A:1 B:5}", seen)
	}
	if f, _ := Lookup(name); f.Standby {
		t.Error("a registered controller is Standby by default")
	}
	d, err := Describe(name)
	if err != nil || !strings.Contains(d, "a ") || !strings.Contains(d, "default 1") {
		t.Errorf("Describe: %q, %v", d, err)
	}
}

func TestRegisterRefusesMistakes(t *testing.T) {
	ok := Factory{New: func(*Env, any) (control.Controller, error) { return nil, nil }}
	cases := []struct {
		name string
		f    Factory
		want string
	}{
		{"", ok, "non-empty word"},
		{"a b", ok, "non-empty word"},
		{"joint-pd", ok, "registered twice"},
		{"no-new", Factory{}, "has no New"},
	}
	for _, tc := range cases {
		t.Run(tc.want+tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(r.(string), tc.want) {
					t.Errorf("recovered %v, want a panic saying %q", r, tc.want)
				}
			}()
			Register(tc.name, tc.f)
		})
	}
}

func TestFactoryReturningNil(t *testing.T) {
	name := "test-nil-" + t.Name()
	Register(name, Factory{New: func(*Env, any) (control.Controller, error) { return nil, nil }})
	if _, err := Build(name, fullEnv(t, name, "")); err == nil || !strings.Contains(err.Error(), "no controller") {
		t.Errorf("error %v, want 'no controller'", err)
	}
}

func TestDescribeBuiltins(t *testing.T) {
	d, err := Describe("admittance")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"admittance — ", "follows joint setpoints", "mass", "default 0.5", "kg·m²"} {
		if !strings.Contains(d, w) {
			t.Errorf("Describe(admittance) = %q: no %q", d, w)
		}
	}
	d, _ = Describe("cartesian-impedance")
	if !strings.Contains(d, "tool pose") || !strings.Contains(d, "max_speed") || !strings.Contains(d, "m/s") {
		t.Errorf("Describe(cartesian-impedance) = %q", d)
	}
	d, _ = Describe("transparent")
	if !strings.Contains(d, "params: none") {
		t.Errorf("Describe(transparent) = %q", d)
	}
	if _, err := Describe("nope"); !errors.Is(err, ErrUnknown) {
		t.Errorf("Describe(nope): %v", err)
	}
}
