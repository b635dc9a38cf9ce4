package hil

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

// Scenario is one HIL run described in YAML. Paths are relative to the
// scenario file. Durations are Go durations ("1.5s", "200ms").
type Scenario struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Robot       Robot  `yaml:"robot"`
	// Protocol: inproc, dynamixel, canopen or cubemars. Transport: pty
	// (CAN protocols speak SLCAN on it); the only one a lockstep run has.
	Protocol  string   `yaml:"protocol"`
	Transport string   `yaml:"transport"`
	Rate      float64  `yaml:"rate"`
	Seed      uint64   `yaml:"seed"`
	Duration  Duration `yaml:"duration"`
	// EndAfterStop, when set, ends the run this long after the first
	// ProtectiveStop or Fault that follows a fault (nothing moves after
	// it; a dead device would only cost reply timeouts of wall time).
	EndAfterStop Duration `yaml:"end_after_stop"`
	// Controller is a name registered in control/registry (the built-ins:
	// joint-pd, cartesian-impedance, transparent, admittance; a
	// researcher's own in their chiron binary; external, a program in
	// another language); ControllerParams its parameters, decoded strictly
	// by its factory (a field it does not have, or a value it refuses, is
	// an error naming the field), ScenarioDirVar replaced in its strings.
	Controller       string                `yaml:"controller"`
	ControllerParams yaml.Node             `yaml:"controller_params"`
	Gains            robot.Gains           `yaml:"gains"`
	Safety           robot.SafetyOverrides `yaml:"safety"`
	Program          Program               `yaml:"program"`
	Faults           []FaultSpec           `yaml:"faults"`
	Expect           Expect                `yaml:"expect"`
	Plant            PlantSpec             `yaml:"plant"`

	dir   string            // directory of the scenario file
	chain *kinematics.Chain // loaded by Validate
}

// Robot names the model.
type Robot struct {
	Model string    `yaml:"model"`
	Base  string    `yaml:"base"`
	Tip   string    `yaml:"tip"`
	Q0    []float64 `yaml:"q0"`
}

// Program is the setpoint program: exactly one of its members.
type Program struct {
	Joint     *JointProgram     `yaml:"joint_minjerk"`
	Cartesian *CartesianProgram `yaml:"cartesian_minjerk"`
	ROM       *ROMProgram       `yaml:"rom"`
	Teleop    []TeleopInput     `yaml:"teleop"`
	// TeleopRate is the rate the scripted operator's commands go at, Hz
	// (0: the console's 100 Hz).
	TeleopRate float64 `yaml:"teleop_rate"`
}

// JointProgram moves through joint waypoints with minimum-jerk segments.
type JointProgram struct {
	Waypoints []JointWaypoint `yaml:"waypoints"`
	Repeat    int             `yaml:"repeat"` // extra passes through the list
}

// JointWaypoint is an absolute configuration Q or an Offset from the start
// configuration, reached in at least Duration (longer if the joints'
// velocity limits require), then held for Dwell.
type JointWaypoint struct {
	Q        []float64 `yaml:"q"`
	Offset   []float64 `yaml:"offset"`
	Duration Duration  `yaml:"duration"`
	Dwell    Duration  `yaml:"dwell"`
}

// CartesianProgram moves the tool through positions given as offsets (m)
// from the start pose, orientation held, with minimum-jerk segments.
type CartesianProgram struct {
	Waypoints []CartesianWaypoint `yaml:"waypoints"`
}

// CartesianWaypoint is one tool target.
type CartesianWaypoint struct {
	Offset   [3]float64 `yaml:"offset"`
	Duration Duration   `yaml:"duration"`
	Dwell    Duration   `yaml:"dwell"`
}

// ROMProgram is a rehabilitation passive range-of-motion exercise: the
// joints are moved together from the start pose to Fraction of their range
// toward the lower limits, then to the upper limits, Cycles times, with
// minimum-jerk motion of Period per half cycle, then back to the start.
type ROMProgram struct {
	Joints   []int    `yaml:"joints"` // 1-based; empty = all
	Fraction float64  `yaml:"fraction"`
	Cycles   int      `yaml:"cycles"`
	Period   Duration `yaml:"period"`
}

// TeleopInput is one scripted operator command, valid from T until the
// next: a tool twist (vx vy vz m/s, wx wy wz rad/s, base frame) that the
// operator side integrates into the pose target while Deadman is held.
type TeleopInput struct {
	T       Duration   `yaml:"t"`
	Twist   [6]float64 `yaml:"twist"`
	Deadman bool       `yaml:"deadman"`
}

// FaultSpec is one injected fault. Kinds: the simulator's (drop, delay,
// biterror, stuck, noise, overtemp, drivefault, busoff, dead), plus
// operator_loss (the teleoperation input stops at From), estop (pressed
// at At), stop (a protective stop requested at At, as a session or an
// operator asks for one), host_stall (the host's loop stops cycling from
// From to To: no read, no write, no heartbeat — lockstep only), push
// (an external Torque on Joint from From to To, as a hand on the arm) and
// viewer_flood (Connections viewer websockets opened at From against the
// arm served as serve serves it, each subscribing to everything and
// commanding motion until To; see viewers.go).
type FaultSpec struct {
	Kind  string   `yaml:"kind"`
	Joint int      `yaml:"joint"` // 1-based; 0 = every joint
	From  Duration `yaml:"from"`
	To    Duration `yaml:"to"`
	At    Duration `yaml:"at"`
	P     float64  `yaml:"p"`
	Delay Duration `yaml:"delay"`
	Sigma float64  `yaml:"sigma"`
	// Torque is a push's external torque on its joint (N·m, N for a
	// prismatic joint).
	Torque float64 `yaml:"torque"`
	// Connections is a viewer_flood's number of websocket connections
	// attempted.
	Connections int `yaml:"connections"`
	// Background marks a condition of the whole run (encoder noise,
	// sporadic lost replies) rather than the fault under test: it is not
	// where protective_stop_within measures from.
	Background bool `yaml:"background"`
}

// PlantSpec sets the simulated plant's numerics.
type PlantSpec struct {
	// Substep is the integration step (semi-implicit Euler); it must divide
	// the control period. The default, 250 µs (4 kHz), is what every shipped
	// scenario uses; 500 µs halves the cost of the rigid-body dynamics,
	// which dominate a lockstep cycle of a 7-DoF arm, and on the Panda
	// tracks within one encoder count of a 62.5 µs reference (see the
	// README): the choice for long sweeps.
	Substep Duration `yaml:"substep"`
}

// Expect lists the expectations; unset ones are not checked.
type Expect struct {
	// TrackingRMSMax bounds the largest per-joint RMS tracking error while
	// Enabled (rad or m; for Cartesian and teleop programs the tool
	// position error in m).
	TrackingRMSMax *float64 `yaml:"tracking_rms_max"`
	// ProtectiveStopWithin bounds the time from the first fault to the
	// supervisor's first ProtectiveStop or Fault.
	ProtectiveStopWithin *Duration `yaml:"protective_stop_within"`
	// LimitViolations bounds the cycles in which a joint was measured past
	// its limits (beyond the margin) or a command reached the bus outside
	// them.
	LimitViolations *int `yaml:"limit_violations"`
	// FinalState is the supervisor's state at the end, as control.State
	// spells it: protective_stop, fault, enabled, enabling or disabled.
	FinalState string `yaml:"final_state"`
	// GoalSpeedMax bounds the speed of the pose setpoint while Enabled,
	// m/s (over 10 ms): the teleoperation speed cap, whatever the command
	// rate. ToolSpeedMax bounds the instrument's true speed, which follows
	// the goal with its controller's dynamics.
	GoalSpeedMax *float64 `yaml:"goal_speed_max"`
	ToolSpeedMax *float64 `yaml:"tool_speed_max"`
	// DrivesStopWithin bounds the time from a host_stall's start until
	// every drive has switched its power stage off or latched a fault on
	// its own (master-loss protection: CiA 402 heartbeat consumer 0x1016,
	// the Dynamixel Bus Watchdog), measured in the simulated drives.
	DrivesStopWithin *Duration `yaml:"drives_stop_within"`
	// FaultWithin bounds the time from the start of the last fault that is
	// not a background one (a push on a held joint) to the supervisor's
	// next transition to Fault.
	FaultWithin *Duration `yaml:"fault_within"`
	// ViewersAdmittedMax bounds the connections a viewer_flood had open
	// at once, as the server counts them (its cap). With a flood, the run
	// also fails if a viewer's message was not refused.
	ViewersAdmittedMax *int `yaml:"viewers_admitted_max"`
}

// Duration is a time.Duration written as "1.5s" in YAML.
type Duration time.Duration

// UnmarshalYAML parses a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return fmt.Errorf("line %d: want a duration like 1.5s", n.Line)
	}
	v, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || v < 0 {
		return fmt.Errorf("line %d: %q is not a non-negative duration like 1.5s or 200ms", n.Line, s)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration string.
func (d Duration) MarshalYAML() (any, error) { return time.Duration(d).String(), nil }

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// ScenarioError is a bad scenario: Field names the offending field.
type ScenarioError struct {
	File  string
	Field string
	Err   error
}

func (e *ScenarioError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.File, e.Field, e.Err)
}

func (e *ScenarioError) Unwrap() error { return e.Err }

// LoadScenario reads and validates a scenario file.
func LoadScenario(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ScenarioError{File: path, Err: err}
	}
	return ParseScenario(data, path)
}

// ParseScenario decodes a scenario strictly (an unknown field is an error
// naming it and its line) and validates it; name is the file it came from,
// against whose directory the model path is resolved.
func ParseScenario(data []byte, name string) (*Scenario, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Scenario
	if err := dec.Decode(&s); err != nil {
		return nil, &ScenarioError{File: name, Err: errors.New(strings.ReplaceAll(err.Error(), "\n", " "))}
	}
	s.dir = filepath.Dir(name)
	if err := s.Validate(); err != nil {
		var se *ScenarioError
		if errors.As(err, &se) {
			se.File = name
		}
		return nil, err
	}
	return &s, nil
}

func bad(field, format string, args ...any) error {
	return &ScenarioError{Field: field, Err: fmt.Errorf(format, args...)}
}

// validateController checks controller, gains and controller_params
// against the registered controller (n joints), and hands the parameters to
// the robot through Gains.Params (robot.Assemble decodes them again when it
// builds the controller).
func (s *Scenario) validateController(n int) error {
	if s.Controller == "" {
		s.Controller = registry.Default
	}
	f, ok := registry.Lookup(s.Controller)
	if !ok {
		return bad("controller", "%q: want one of %s", s.Controller, strings.Join(registry.Names(), ", "))
	}
	want := n
	switch f.Gains {
	case registry.GainsCartesian:
		want = 6
	case registry.GainsNone:
		if s.Gains.Kp != nil || s.Gains.Kd != nil {
			return bad("gains", "%s takes no kp/kd gains; tune it through controller_params", s.Controller)
		}
	}
	if s.Gains.Kp != nil && len(s.Gains.Kp) != want {
		return bad("gains.kp", "%d values, want %d", len(s.Gains.Kp), want)
	}
	if s.Gains.Kd != nil && len(s.Gains.Kd) != want {
		return bad("gains.kd", "%d values, want %d", len(s.Gains.Kd), want)
	}
	s.Gains.Params = nil
	if s.ControllerParams.Kind != 0 {
		node := s.expandScenarioDir(&s.ControllerParams)
		raw, err := yaml.Marshal(node)
		if err != nil {
			return bad("controller_params", "%v", err)
		}
		s.Gains.Params = raw
	}
	err := registry.Validate(s.Controller, &registry.Env{Name: s.Controller, Chain: s.chain,
		Period: time.Duration(float64(time.Second) / s.Rate), Params: s.Gains.Params})
	if err != nil {
		var re *registry.Error
		if errors.As(err, &re) && re.Field != "" {
			field := "controller_params" + strings.TrimPrefix(re.Field, "params")
			return bad(field, "controller %q: %v", s.Controller, re.Err)
		}
		return bad("controller_params", "%v", err)
	}
	return nil
}

// ScenarioDirVar in a controller_params string is replaced by the
// scenario file's directory (absolute), so a parameter can name a file
// shipped beside the scenario — an external controller's program — wherever
// chiron runs from.
const ScenarioDirVar = "${scenario_dir}"

// expandScenarioDir returns a copy of n with ScenarioDirVar replaced in
// every string.
func (s *Scenario) expandScenarioDir(n *yaml.Node) *yaml.Node {
	dir, err := filepath.Abs(s.dir)
	if err != nil {
		dir = s.dir
	}
	var walk func(n *yaml.Node) *yaml.Node
	walk = func(n *yaml.Node) *yaml.Node {
		c := *n
		if c.Kind == yaml.ScalarNode && strings.Contains(c.Value, ScenarioDirVar) {
			c.Value = strings.ReplaceAll(c.Value, ScenarioDirVar, dir)
		}
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, k := range n.Content {
			c.Content[i] = walk(k)
		}
		return &c
	}
	return walk(n)
}

// Validate checks the scenario, fills defaults and loads the model.
func (s *Scenario) Validate() error {
	if s.Robot.Model == "" {
		return bad("robot.model", "required (a URDF or modified-DH JSON, relative to the scenario)")
	}
	path := s.ModelPath()
	c, err := robot.LoadModel(path, s.Robot.Base, s.Robot.Tip)
	if err != nil {
		return bad("robot.model", "%v", err)
	}
	s.chain = c
	n := c.DoF()
	if s.Robot.Q0 != nil && len(s.Robot.Q0) != n {
		return bad("robot.q0", "%d values for %d joints", len(s.Robot.Q0), n)
	}
	if s.Protocol == "" {
		s.Protocol = robot.ProtocolInproc
	}
	if !contains(robot.Protocols(), s.Protocol) {
		return bad("protocol", "%q not available (have %s)", s.Protocol, strings.Join(robot.Protocols(), ", "))
	}
	if s.Transport == "" {
		s.Transport = "pty"
	}
	if s.Transport != "pty" {
		return bad("transport", "%q: only pty is supported (CAN protocols speak SLCAN on it)", s.Transport)
	}
	if s.Rate == 0 {
		s.Rate = 1000
	}
	if !(s.Rate >= 100 && s.Rate <= 4000) {
		return bad("rate", "%g Hz outside [100, 4000]", s.Rate)
	}
	if s.Duration <= 0 {
		return bad("duration", "required, > 0")
	}
	if sub := s.Plant.Substep.D(); sub != 0 {
		period := time.Duration(float64(time.Second) / s.Rate)
		if sub < 10*time.Microsecond || sub > period || period%sub != 0 {
			return bad("plant.substep", "%v: want 10 µs … %v dividing the %v control period", sub, period, period)
		}
	}
	if err := s.validateController(n); err != nil {
		return err
	}
	if err := s.validateProgram(n); err != nil {
		return err
	}
	if r := s.Program.TeleopRate; r != 0 && (s.Program.Teleop == nil || !(r >= 1 && r <= 2000)) {
		return bad("program.teleop_rate", "%g Hz: want 1…2000 Hz, with a teleop program", r)
	}
	// A teleop program goes through the teleop adapter, which gives any
	// controller what it follows (joints from IK, and their pose).
	cart := s.Program.Cartesian != nil
	if f, _ := registry.Lookup(s.Controller); s.Program.Teleop == nil && cart != (f.Follows == registry.FollowsPose) {
		if cart {
			return bad("controller", "%q follows joint setpoints and cannot follow a Cartesian program; use cartesian-impedance", s.Controller)
		}
		return bad("controller", "%s follows pose setpoints; use a cartesian_minjerk or teleop program", s.Controller)
	}
	for i := range s.Faults {
		if err := s.validateFault(i, n); err != nil {
			return err
		}
	}
	if s.Expect.TrackingRMSMax != nil && !(*s.Expect.TrackingRMSMax > 0) {
		return bad("expect.tracking_rms_max", "must be > 0")
	}
	if s.Expect.ProtectiveStopWithin != nil {
		if _, ok := s.FirstFault(); !ok {
			return bad("expect.protective_stop_within", "needs at least one fault (not background) to measure from")
		}
		if *s.Expect.ProtectiveStopWithin <= 0 {
			return bad("expect.protective_stop_within", "must be > 0")
		}
	}
	if s.Expect.LimitViolations != nil && *s.Expect.LimitViolations < 0 {
		return bad("expect.limit_violations", "must be ≥ 0")
	}
	if s.Expect.FinalState != "" {
		if _, err := control.ParseState(s.Expect.FinalState); err != nil {
			return bad("expect.final_state", "%v", err)
		}
	}
	return nil
}

func (s *Scenario) validateProgram(n int) error {
	p := &s.Program
	k := 0
	for _, set := range []bool{p.Joint != nil, p.Cartesian != nil, p.ROM != nil, p.Teleop != nil} {
		if set {
			k++
		}
	}
	if k != 1 {
		return bad("program", "give exactly one of joint_minjerk, cartesian_minjerk, rom, teleop (got %d)", k)
	}
	switch {
	case p.Joint != nil:
		if len(p.Joint.Waypoints) == 0 {
			return bad("program.joint_minjerk.waypoints", "at least one waypoint")
		}
		if p.Joint.Repeat < 0 {
			return bad("program.joint_minjerk.repeat", "must be ≥ 0")
		}
		for i, w := range p.Joint.Waypoints {
			f := fmt.Sprintf("program.joint_minjerk.waypoints[%d]", i)
			if (w.Q == nil) == (w.Offset == nil) {
				return bad(f, "give exactly one of q and offset")
			}
			if w.Q != nil && len(w.Q) != n {
				return bad(f+".q", "%d values for %d joints", len(w.Q), n)
			}
			if w.Offset != nil && len(w.Offset) != n {
				return bad(f+".offset", "%d values for %d joints", len(w.Offset), n)
			}
		}
	case p.Cartesian != nil:
		if len(p.Cartesian.Waypoints) == 0 {
			return bad("program.cartesian_minjerk.waypoints", "at least one waypoint")
		}
	case p.ROM != nil:
		r := p.ROM
		for i, j := range r.Joints {
			if j < 1 || j > n {
				return bad(fmt.Sprintf("program.rom.joints[%d]", i), "joint %d: want 1..%d", j, n)
			}
		}
		if r.Fraction == 0 {
			r.Fraction = 0.8
		}
		if !(r.Fraction > 0 && r.Fraction <= 1) {
			return bad("program.rom.fraction", "%g: want (0, 1]", r.Fraction)
		}
		if r.Cycles == 0 {
			r.Cycles = 1
		}
		if r.Cycles < 0 {
			return bad("program.rom.cycles", "must be ≥ 1")
		}
		if r.Period == 0 {
			r.Period = Duration(3 * time.Second)
		}
	default:
		if len(p.Teleop) == 0 {
			return bad("program.teleop", "at least one input")
		}
		for i := 1; i < len(p.Teleop); i++ {
			if p.Teleop[i].T <= p.Teleop[i-1].T {
				return bad(fmt.Sprintf("program.teleop[%d].t", i), "times must increase")
			}
		}
	}
	return nil
}

func (s *Scenario) validateFault(i, n int) error {
	f := &s.Faults[i]
	field := fmt.Sprintf("faults[%d]", i)
	if f.Joint < 0 || f.Joint > n {
		return bad(field+".joint", "%d: want 1..%d, or 0/omitted for every joint", f.Joint, n)
	}
	switch f.Kind {
	case "operator_loss":
		if s.Program.Teleop == nil {
			return bad(field+".kind", "operator_loss needs a teleop program")
		}
		return nil
	case "estop", "stop":
		if f.At == 0 && f.From != 0 {
			f.At = f.From
		}
		f.From = f.At
		return nil
	case "host_stall":
		if !(f.To > f.From) {
			return bad(field+".to", "a host stall needs a window: to (%v) after from (%v)", f.To.D(), f.From.D())
		}
		if f.Joint != 0 {
			return bad(field+".joint", "a host stall stops the whole host, not one joint")
		}
		return nil
	case "viewer_flood":
		if s.Program.Teleop == nil {
			return bad(field+".kind", "viewer_flood needs a teleop program (the arm is served through its teleoperation adapter)")
		}
		if f.Connections < 1 || f.Connections > 10000 {
			return bad(field+".connections", "%d: want 1..10000", f.Connections)
		}
		if !(f.To > f.From) {
			return bad(field+".to", "a viewer flood needs a window: to (%v) after from (%v)", f.To.D(), f.From.D())
		}
		if f.Joint != 0 {
			return bad(field+".joint", "a viewer flood is on the server, not one joint")
		}
		for j := range i {
			if s.Faults[j].Kind == "viewer_flood" {
				return bad(field+".kind", "one viewer_flood per scenario (faults[%d] is one)", j)
			}
		}
		return nil
	case "push":
		if f.Joint == 0 {
			return bad(field+".joint", "a push acts on one joint: give its number (1..%d)", n)
		}
		if !(f.To > f.From) {
			return bad(field+".to", "a push needs a window: to (%v) after from (%v)", f.To.D(), f.From.D())
		}
		if f.Torque == 0 || math.IsNaN(f.Torque) || math.IsInf(f.Torque, 0) {
			return bad(field+".torque", "%g: want a finite, non-zero torque", f.Torque)
		}
		return nil
	}
	if _, err := firmwaresim.ParseFaults(f.spec(), n); err != nil {
		return bad(field, "%v", err)
	}
	return nil
}

// spec renders a simulator fault in firmwaresim.ParseFaults syntax.
func (f *FaultSpec) spec() string {
	var kv []string
	if f.Joint > 0 {
		kv = append(kv, "joint="+strconv.Itoa(f.Joint))
	}
	kv = append(kv, "from="+f.From.D().String())
	if f.To > 0 {
		kv = append(kv, "to="+f.To.D().String())
	}
	if f.P > 0 {
		kv = append(kv, "p="+strconv.FormatFloat(f.P, 'g', -1, 64))
	}
	if f.Delay > 0 {
		kv = append(kv, "delay="+f.Delay.D().String())
	}
	if f.Sigma > 0 {
		kv = append(kv, "sigma="+strconv.FormatFloat(f.Sigma, 'g', -1, 64))
	}
	return f.Kind + ":" + strings.Join(kv, ",")
}

// hostFault reports whether kind is injected by the run rather than by the
// simulated firmware: the operator's input stopping, the e-stop, a stop
// request, the host stalling, a push on a joint.
func hostFault(kind string) bool {
	switch kind {
	case "operator_loss", "estop", "stop", "host_stall", "push", "viewer_flood":
		return true
	}
	return false
}

// SimFaults returns the faults the simulator injects.
func (s *Scenario) SimFaults() ([]firmwaresim.Fault, error) {
	var specs []string
	for i := range s.Faults {
		if !hostFault(s.Faults[i].Kind) {
			specs = append(specs, s.Faults[i].spec())
		}
	}
	return firmwaresim.ParseFaults(strings.Join(specs, ";"), s.chain.DoF())
}

// FirstFault returns the start of the earliest fault, and false when there
// is none.
func (s *Scenario) FirstFault() (time.Duration, bool) {
	var t time.Duration
	found := false
	for _, f := range s.Faults {
		if f.Background {
			continue
		}
		if !found || f.From.D() < t {
			t, found = f.From.D(), true
		}
	}
	return t, found
}

// ModelPath returns the model's path resolved against the scenario's
// directory.
func (s *Scenario) ModelPath() string {
	if filepath.IsAbs(s.Robot.Model) || s.dir == "" {
		return s.Robot.Model
	}
	return filepath.Join(s.dir, s.Robot.Model)
}

// Chain returns the loaded model (after Validate).
func (s *Scenario) Chain() *kinematics.Chain { return s.chain }

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
