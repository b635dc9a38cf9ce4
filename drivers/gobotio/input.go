package gobotio

import (
	"errors"
	"fmt"
	"math"
)

// InputState is the operator's input from a hand controller. Velocities are
// what the sticks ask for; gating them by Deadman, Clutch and EStop is the
// consumer's job (see Gated), so the raw request stays visible.
type InputState struct {
	Linear  [3]float64 // requested linear velocity x, y, z in m/s
	Angular [3]float64 // requested angular velocity about x, y, z in rad/s
	Deadman bool       // the enabling control is held
	Clutch  bool       // the clutch is held: motion input is decoupled
	Gripper float64    // gripper command, 0 (open) to 1 (closed) with the presets
	EStop   bool       // an e-stop control was pressed; latched until reset
}

// Gated returns s with zero velocities unless the deadman is held, the clutch
// free and no e-stop latched.
func (s InputState) Gated() InputState {
	if s.Deadman && !s.Clutch && !s.EStop {
		return s
	}
	s.Linear, s.Angular = [3]float64{}, [3]float64{}
	return s
}

// Target is the InputState component a control drives.
type Target uint8

const (
	// LinearX drives Linear[0].
	LinearX Target = iota + 1
	// LinearY drives Linear[1].
	LinearY
	// LinearZ drives Linear[2].
	LinearZ
	// AngularX drives Angular[0].
	AngularX
	// AngularY drives Angular[1].
	AngularY
	// AngularZ drives Angular[2].
	AngularZ
	// Gripper drives Gripper.
	Gripper
	// Deadman drives Deadman (held while the control is held).
	Deadman
	// Clutch drives Clutch (held while the control is held).
	Clutch
	// EStop latches EStop when the control is pressed.
	EStop
)

var targetNames = [...]string{"", "linear-x", "linear-y", "linear-z", "angular-x", "angular-y", "angular-z", "gripper", "deadman", "clutch", "estop"}

// String returns the target's name.
func (t Target) String() string {
	if int(t) < len(targetNames) && t != 0 {
		return targetNames[t]
	}
	return fmt.Sprintf("target(%d)", uint8(t))
}

// boolean reports whether t is an on/off component.
func (t Target) boolean() bool { return t == Deadman || t == Clutch || t == EStop }

// AxisFull is the raw axis value at full deflection (Linux joystick API and
// gobot's joystick platform: −32767…32767).
const AxisFull = 32767

// Axis maps one analog axis event to a component.
type Axis struct {
	// Event is the axis event name in gobot's joystick platform, e.g.
	// joystick.LeftX ("left_x") or "rt".
	Event  string
	Target Target
	// Scale is the component's value at full deflection (m/s, rad/s, or
	// gripper units); a negative Scale inverts the axis.
	Scale float64
	// DeadZone is the fraction of travel around rest that reads as zero,
	// in [0, 1); the rest of the travel is rescaled to stay continuous.
	DeadZone float64
	// Trigger marks a one-sided axis that rests at −AxisFull and reads
	// AxisFull fully pulled (analog triggers); it then spans 0…1.
	Trigger bool
	// Threshold is, for Deadman, Clutch and EStop, the normalised
	// deflection (0…1] at or above which the control counts as held;
	// 0 means 0.5.
	Threshold float64
}

// Button maps one button to an on/off component. gobot's joystick platform
// publishes Name+"_press" and Name+"_release".
type Button struct {
	Name   string // e.g. "lb", "back"
	Target Target // Deadman, Clutch or EStop
}

// Mapping is a hand controller's configuration. Several controls may drive
// one component: analog contributions add up, on/off ones are ORed.
type Mapping struct {
	Axes    []Axis
	Buttons []Button
}

// Validate reports the first inconsistency in m.
func (m Mapping) Validate() error {
	if len(m.Axes)+len(m.Buttons) == 0 {
		return errNoMapping
	}
	for i, a := range m.Axes {
		switch {
		case a.Event == "":
			return fmt.Errorf("gobotio: axis %d: no event name", i)
		case a.Target < LinearX || a.Target > EStop:
			return fmt.Errorf("gobotio: axis %q: invalid target %v", a.Event, a.Target)
		case !(a.DeadZone >= 0 && a.DeadZone < 1):
			return fmt.Errorf("gobotio: axis %q: dead zone %v outside [0, 1)", a.Event, a.DeadZone)
		case math.IsNaN(a.Scale) || math.IsInf(a.Scale, 0):
			return fmt.Errorf("gobotio: axis %q: scale %v", a.Event, a.Scale)
		case a.Target.boolean() && !(a.Threshold >= 0 && a.Threshold <= 1):
			return fmt.Errorf("gobotio: axis %q: threshold %v outside [0, 1]", a.Event, a.Threshold)
		}
	}
	for i, b := range m.Buttons {
		switch {
		case b.Name == "":
			return fmt.Errorf("gobotio: button %d: no name", i)
		case !b.Target.boolean():
			return fmt.Errorf("gobotio: button %q: target %v is not on/off", b.Name, b.Target)
		}
	}
	return nil
}

// Mapper turns joystick events (name, value) into an InputState. It holds no
// lock: Gamepad wraps it for concurrent use.
type Mapper struct {
	m        Mapping
	axisVal  []float64 // per axis: its contribution (analog targets)
	axisHeld []bool    // per axis: held (on/off targets)
	btnHeld  []bool
	estop    bool
	lost     bool
	state    InputState
}

// NewMapper returns a mapper for m, all controls at rest.
func NewMapper(m Mapping) (*Mapper, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	m.Axes = append([]Axis(nil), m.Axes...)
	m.Buttons = append([]Button(nil), m.Buttons...)
	return &Mapper{
		m:        m,
		axisVal:  make([]float64, len(m.Axes)),
		axisHeld: make([]bool, len(m.Axes)),
		btnHeld:  make([]bool, len(m.Buttons)),
	}, nil
}

// State returns the current input.
func (p *Mapper) State() InputState { return p.state }

// Apply consumes one event as gobot's joystick driver publishes it: an axis
// name with an integer value, or a button name with a "_press" or "_release"
// suffix. It reports whether the input changed. Events after Lost are
// ignored until Reset.
func (p *Mapper) Apply(name string, value any) bool {
	if p.lost {
		return false
	}
	for i, a := range p.m.Axes {
		if a.Event != name {
			continue
		}
		raw, ok := rawValue(value)
		if !ok {
			continue
		}
		n := normalise(raw, a)
		if a.Target.boolean() {
			th := a.Threshold
			if th == 0 {
				th = 0.5
			}
			p.axisHeld[i] = n >= th
		} else {
			p.axisVal[i] = n * a.Scale
		}
	}
	for i, b := range p.m.Buttons {
		switch name {
		case b.Name + "_press":
			p.btnHeld[i] = true
		case b.Name + "_release":
			p.btnHeld[i] = false
		}
	}
	return p.update()
}

// Lost puts the input in its fail-safe state after the device is gone: every
// control released, velocities zero, deadman dropped (a latched e-stop stays).
// Further events are ignored until Reset. It reports whether the input changed.
func (p *Mapper) Lost() bool {
	p.release()
	p.lost = true
	return p.update()
}

// Reset releases every control, clears Lost and the e-stop latch, and reports
// whether the input changed.
func (p *Mapper) Reset() bool {
	p.release()
	p.lost = false
	p.estop = false
	return p.update()
}

// ResetEStop clears a latched e-stop unless an e-stop control is still held;
// it reports whether the latch is now clear.
func (p *Mapper) ResetEStop() bool {
	if p.estopHeld() {
		return false
	}
	p.estop = false
	p.update()
	return true
}

func (p *Mapper) release() {
	clear(p.axisVal)
	clear(p.axisHeld)
	clear(p.btnHeld)
}

func (p *Mapper) estopHeld() bool {
	for i, a := range p.m.Axes {
		if a.Target == EStop && p.axisHeld[i] {
			return true
		}
	}
	for i, b := range p.m.Buttons {
		if b.Target == EStop && p.btnHeld[i] {
			return true
		}
	}
	return false
}

// update recomputes the state from the per-control values.
func (p *Mapper) update() bool {
	var s InputState
	hold := func(t Target) {
		switch t {
		case Deadman:
			s.Deadman = true
		case Clutch:
			s.Clutch = true
		case EStop:
			p.estop = true
		}
	}
	for i, a := range p.m.Axes {
		switch t := a.Target; {
		case t >= LinearX && t <= LinearZ:
			s.Linear[t-LinearX] += p.axisVal[i]
		case t >= AngularX && t <= AngularZ:
			s.Angular[t-AngularX] += p.axisVal[i]
		case t == Gripper:
			s.Gripper += p.axisVal[i]
		case p.axisHeld[i]:
			hold(t)
		}
	}
	for i, b := range p.m.Buttons {
		if p.btnHeld[i] {
			hold(b.Target)
		}
	}
	s.EStop = p.estop
	changed := s != p.state
	p.state = s
	return changed
}

// rawValue converts an event's payload to a raw axis value.
func rawValue(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int16:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, !math.IsNaN(x)
	}
	return 0, false
}

// normalise maps a raw value to −1…1 (0…1 for triggers) after the dead zone.
func normalise(raw float64, a Axis) float64 {
	n := raw / AxisFull
	if a.Trigger {
		n = (n + 1) / 2
	}
	n = math.Max(-1, math.Min(1, n))
	if a.Trigger {
		n = math.Max(0, n)
	}
	mag := math.Abs(n)
	if mag <= a.DeadZone {
		return 0
	}
	return math.Copysign((mag-a.DeadZone)/(1-a.DeadZone), n)
}

// errNoMapping is returned for an empty mapping.
var errNoMapping = errors.New("gobotio: mapping has no controls")

// stickDeadZone is the presets' stick dead zone: worn sticks rest a few
// percent off centre.
const stickDeadZone = 0.12

// Xbox360Mapping returns the mapping for gobot's "xbox360" configuration:
// left stick translates forward/back and left/right, right stick up/down
// and yaw, right trigger held past half is the deadman, left trigger closes
// the gripper, LB is the clutch and Back the e-stop. The Linux joystick API
// reports stick-up as negative, hence the negative scales.
func Xbox360Mapping(maxLinear, maxAngular float64) Mapping {
	return Mapping{
		Axes: []Axis{
			{Event: "left_y", Target: LinearX, Scale: -maxLinear, DeadZone: stickDeadZone},
			{Event: "left_x", Target: LinearY, Scale: -maxLinear, DeadZone: stickDeadZone},
			{Event: "right_y", Target: LinearZ, Scale: -maxLinear, DeadZone: stickDeadZone},
			{Event: "right_x", Target: AngularZ, Scale: -maxAngular, DeadZone: stickDeadZone},
			{Event: "rt", Target: Deadman, Trigger: true, Threshold: 0.5},
			{Event: "lt", Target: Gripper, Scale: 1, Trigger: true, DeadZone: 0.05},
		},
		Buttons: []Button{
			{Name: "lb", Target: Clutch},
			{Name: "back", Target: EStop},
		},
	}
}

// DualShock4Mapping returns the mapping for gobot's "dualshock4"
// configuration: sticks as in Xbox360Mapping, the d-pad axes for roll and
// pitch, R2 held past half as the deadman, L2 the gripper, L1 the clutch and
// Share the e-stop.
func DualShock4Mapping(maxLinear, maxAngular float64) Mapping {
	return Mapping{
		Axes: []Axis{
			{Event: "left_y", Target: LinearX, Scale: -maxLinear, DeadZone: stickDeadZone},
			{Event: "left_x", Target: LinearY, Scale: -maxLinear, DeadZone: stickDeadZone},
			{Event: "right_y", Target: LinearZ, Scale: -maxLinear, DeadZone: stickDeadZone},
			{Event: "right_x", Target: AngularZ, Scale: -maxAngular, DeadZone: stickDeadZone},
			{Event: "right_left", Target: AngularX, Scale: maxAngular},
			{Event: "up_down", Target: AngularY, Scale: -maxAngular},
			{Event: "r2", Target: Deadman, Trigger: true, Threshold: 0.5},
			{Event: "l2", Target: Gripper, Scale: 1, Trigger: true, DeadZone: 0.05},
		},
		Buttons: []Button{
			{Name: "l1", Target: Clutch},
			{Name: "share", Target: EStop},
		},
	}
}
