package registry

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Default is the controller a front end runs when none is named.
const Default = "joint-pd"

// Follows says which members of control.Setpoint a controller tracks, so a
// front end can refuse a program the controller would ignore.
type Follows int

const (
	// FollowsJoints: joint setpoints (Setpoint.Q, Qd).
	FollowsJoints Follows = iota
	// FollowsPose: tool pose setpoints (Setpoint.Position, Rotation).
	FollowsPose
)

func (f Follows) String() string {
	if f == FollowsPose {
		return "tool pose"
	}
	return "joint"
}

// GainKind says what a gains override (kp, kd in a scenario or a rig's
// robot.Gains) means for a controller.
type GainKind int

const (
	// GainsNone: the controller takes no kp/kd override; it is tuned
	// through its parameters.
	GainsNone GainKind = iota
	// GainsJoint: kp and kd have one value per joint and replace the
	// default joint gains (Env.Kp, Env.Kd).
	GainsJoint
	// GainsCartesian: kp and kd have six values, x y z rx ry rz, passed to
	// the controller as Env.Gains.
	GainsCartesian
)

// Params is a controller's parameters as raw YAML or JSON (a mapping of
// field: value; JSON is YAML). Empty means the factory's defaults.
type Params []byte

// Env is what an assembly knows when it builds a controller.
type Env struct {
	// Name is the name the controller is built under.
	Name string
	// Chain is the robot; Period the loop period the controller runs at.
	Chain  *kinematics.Chain
	Period time.Duration
	// Kp and Kd are the default joint stiffness (N·m/rad or N/m) and
	// damping (N·m·s/rad or N·s/m), sized from each joint's inertia and the
	// period so that a joint impedance with them is stable at this rate
	// (robot's jointGains), with a GainsJoint override applied. Each
	// controller gets its own copy and may keep it. Nil in Validate.
	Kp, Kd []float64
	// Dynamics is the assembly's dynamics workspace (gravity, mass
	// matrix), shared by its controllers: only the active one runs, on the
	// loop's thread. Nil in Validate.
	Dynamics *kinematics.Dynamics
	// Gains is the gains override of a GainsCartesian controller (nil
	// slices: none).
	Gains control.Gains
	// Params are the controller's parameters, decoded by the registry
	// before Check and New see them.
	Params Params
}

// Factory describes a controller and builds it. Params, Check and New
// take and return the factory's own parameter type as any; Typed writes
// that conversion once.
type Factory struct {
	// Summary is one line for `chiron controllers` and docs.
	Summary string
	// Follows is the setpoint the controller tracks.
	Follows Follows
	// Gains is what a kp/kd override means for it.
	Gains GainKind
	// Standby controllers are built, with their defaults, into every
	// assembly, so a front end can switch to them at run time; the others
	// only when they are the active controller.
	Standby bool
	// Params returns a pointer to the controller's parameter struct filled
	// with its defaults (fields named by their yaml tags, described by
	// their help tags); nil means the controller takes no parameters.
	Params func() any
	// Check refuses parameters that New could not build with, naming the
	// field (Bad). It sees Env's Name, Chain, Period and Params only: a
	// front end calls it at parse time. Nil: no check.
	Check func(env *Env, params any) error
	// New builds the controller from checked parameters. It must size all
	// its buffers here: Update and Reset run on the real-time path.
	New func(env *Env, params any) (control.Controller, error)
}

// Typed is a Factory over a parameter struct P, without type assertions.
type Typed[P any] struct {
	Summary  string
	Follows  Follows
	Gains    GainKind
	Standby  bool
	Defaults func() P // nil: P's zero value
	Check    func(env *Env, p *P) error
	New      func(env *Env, p *P) (control.Controller, error)
}

// Factory converts t.
func (t Typed[P]) Factory() Factory {
	f := Factory{Summary: t.Summary, Follows: t.Follows, Gains: t.Gains, Standby: t.Standby,
		Params: func() any {
			p := new(P)
			if t.Defaults != nil {
				*p = t.Defaults()
			}
			return p
		}}
	if t.Check != nil {
		f.Check = func(env *Env, p any) error { return t.Check(env, p.(*P)) }
	}
	if t.New != nil {
		f.New = func(env *Env, p any) (control.Controller, error) { return t.New(env, p.(*P)) }
	}
	return f
}

// Error is a controller that could not be selected or built: Field, when
// set, is the parameter at fault ("params.stiffness_max"; "params" for the
// parameters as a whole).
type Error struct {
	Controller string
	Field      string
	Err        error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Controller != "" {
		fmt.Fprintf(&b, "controller %q: ", e.Controller)
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrUnknown is wrapped by the error for a name nothing registered.
var ErrUnknown = errors.New("unknown controller")

// Bad is the error a Check or New returns for a parameter field (its yaml
// name; nested fields joined with dots): the registry adds the controller's
// name.
func Bad(field, format string, args ...any) error {
	return &Error{Field: "params." + field, Err: fmt.Errorf(format, args...)}
}

var (
	mu        sync.RWMutex
	factories = map[string]Factory{}
	order     []string
)

// Register makes f available under name. It panics if name is empty,
// contains white space or a comma, is already registered, or f has no New:
// those are mistakes in the registering code, found at its first start.
func Register(name string, f Factory) {
	mu.Lock()
	defer mu.Unlock()
	if name == "" || strings.ContainsAny(name, " \t\n,") {
		panic(fmt.Sprintf("registry: controller name %q: want a non-empty word without spaces or commas", name))
	}
	if f.New == nil {
		panic(fmt.Sprintf("registry: controller %q: factory has no New", name))
	}
	if _, dup := factories[name]; dup {
		panic(fmt.Sprintf("registry: controller %q registered twice", name))
	}
	factories[name] = f
	order = append(order, name)
}

// Names returns the registered controllers in registration order: the
// built-ins first, Default first of all.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	return append([]string(nil), order...)
}

// Lookup returns the factory registered under name.
func Lookup(name string) (Factory, bool) {
	mu.RLock()
	defer mu.RUnlock()
	f, ok := factories[name]
	return f, ok
}

// Get is Lookup with the error a front end reports: the unknown name and
// the registered ones.
func Get(name string) (Factory, error) {
	f, ok := Lookup(name)
	if !ok {
		return Factory{}, fmt.Errorf("%w %q (registered: %s)", ErrUnknown, name, strings.Join(Names(), ", "))
	}
	return f, nil
}

// Validate decodes and checks the parameters of the controller registered
// under name, without building it. env needs Chain, Period and Params.
func Validate(name string, env *Env) error {
	f, err := Get(name)
	if err != nil {
		return err
	}
	_, err = f.checked(name, env)
	return err
}

// Build decodes and checks env.Params and builds the controller registered
// under name.
func Build(name string, env *Env) (control.Controller, error) {
	f, err := Get(name)
	if err != nil {
		return nil, err
	}
	p, err := f.checked(name, env)
	if err != nil {
		return nil, err
	}
	c, err := f.New(env, p)
	if err == nil && c == nil {
		err = errors.New("factory returned no controller")
	}
	if err != nil {
		return nil, named(name, err)
	}
	return c, nil
}

// checked decodes env.Params into the factory's parameter struct and runs
// its Check.
func (f Factory) checked(name string, env *Env) (any, error) {
	var p any
	if f.Params != nil {
		p = f.Params()
		if err := Decode(env.Params, p); err != nil {
			return nil, named(name, err)
		}
	} else if !empty(env.Params) {
		return nil, &Error{Controller: name, Field: "params", Err: errors.New("this controller takes no parameters")}
	}
	if f.Check != nil {
		if err := f.Check(env, p); err != nil {
			return nil, named(name, err)
		}
	}
	return p, nil
}

// named puts the controller's name on err.
func named(name string, err error) error {
	var e *Error
	if errors.As(err, &e) && e.Controller == "" {
		c := *e
		c.Controller = name
		return &c
	}
	if errors.As(err, &e) {
		return err
	}
	return &Error{Controller: name, Err: err}
}

func empty(p Params) bool { return len(bytes.TrimSpace(p)) == 0 }

// Decode decodes p strictly into dst, a pointer to a struct whose fields
// are named by their yaml tags: fields p leaves out keep dst's values (the
// defaults); an unknown field, a repeated one or a value of the wrong type
// is an *Error naming it ("params.name"), as is p not being a mapping.
func Decode(p Params, dst any) error {
	if empty(p) {
		return nil
	}
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("registry: decode into %T: want a pointer to a struct", dst)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(p, &doc); err != nil {
		return &Error{Field: "params", Err: errors.New(oneLine(err))}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return &Error{Field: "params", Err: fmt.Errorf("want a mapping of field: value (got %s)", kindName(root))}
	}
	fields := fieldsOf(rv.Elem().Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		idx, ok := fields.index[key]
		if !ok {
			return Bad(key, "unknown field (want one of %s)", strings.Join(fields.names, ", "))
		}
		if seen[key] {
			return Bad(key, "given twice")
		}
		seen[key] = true
		// Re-encode the value and decode it with a strict decoder, so an
		// unknown field inside a nested struct is refused too.
		raw, err := yaml.Marshal(val)
		if err != nil {
			return Bad(key, "%s", oneLine(err))
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(rv.Elem().FieldByIndex(idx).Addr().Interface()); err != nil {
			return Bad(key, "%s", strings.TrimPrefix(oneLine(err), "yaml: unmarshal errors: line 1: "))
		}
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func oneLine(err error) string {
	s := strings.ReplaceAll(err.Error(), "\n", " ")
	return strings.Join(strings.Fields(s), " ")
}

// structFields maps a parameter struct's yaml names to field indices.
type structFields struct {
	index map[string][]int
	names []string
}

func fieldsOf(t reflect.Type) structFields {
	fs := structFields{index: map[string][]int{}}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name := yamlName(sf)
		if name == "-" {
			continue
		}
		fs.index[name] = sf.Index
		fs.names = append(fs.names, name)
	}
	return fs
}

// yamlName is the field's name as yaml.v3 decodes it: its tag's name, or
// the field name in lower case.
func yamlName(sf reflect.StructField) string {
	tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
	if tag == "" {
		return strings.ToLower(sf.Name)
	}
	return tag
}

// Param describes one parameter of a controller.
type Param struct {
	Name    string // yaml name
	Type    string // Go type, e.g. float64, []float64
	Default string // the default, as YAML flow ("800", "[1, 2]")
	Help    string // the field's help tag: meaning and unit
}

// Schema lists the parameters of f with their defaults (nil: none).
func (f Factory) Schema() []Param {
	if f.Params == nil {
		return nil
	}
	v := reflect.ValueOf(f.Params())
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	v = v.Elem()
	var out []Param
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if !sf.IsExported() || yamlName(sf) == "-" {
			continue
		}
		def, err := yaml.Marshal(v.Field(i).Interface())
		d := strings.TrimSpace(string(def))
		if err != nil {
			d = "?"
		}
		out = append(out, Param{Name: yamlName(sf), Type: sf.Type.String(), Default: d, Help: sf.Tag.Get("help")})
	}
	return out
}

// Describe is the registered controller's description as `chiron
// controllers` prints it: name, summary, setpoints, gains, parameters.
func Describe(name string) (string, error) {
	f, err := Get(name)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n", name, f.Summary)
	gains := map[GainKind]string{GainsNone: "none (tune it through its params)",
		GainsJoint: "kp, kd per joint (replace the default joint gains)", GainsCartesian: "kp, kd: six values, x y z rx ry rz"}[f.Gains]
	fmt.Fprintf(&b, "  follows %s setpoints; gains: %s\n", f.Follows, gains)
	ps := f.Schema()
	if len(ps) == 0 {
		b.WriteString("  params: none\n")
		return b.String(), nil
	}
	b.WriteString("  params:\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "    %-22s %-10s default %-8s %s\n", p.Name, p.Type, p.Default, p.Help)
	}
	return b.String(), nil
}
