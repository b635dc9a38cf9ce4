package rig

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/watchdog"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Protocols a rig file may name.
const (
	Dynamixel = "dynamixel" // Dynamixel Protocol 2.0 X-series servos on a serial bus
	CANopen   = "canopen"   // CiA 301/402 drives on CAN
	CubeMars  = "cubemars"  // CubeMars AK actuators in MIT mode on CAN
)

// Controller is a rig file's controller section.
type Controller struct {
	Name string `yaml:"name"`
	// Params is the params mapping as YAML text, for the registry's
	// strict decoder.
	Params Raw `yaml:"params"`
}

// Raw is a rig file's value kept as YAML text (a controller's params),
// decoded by whoever owns its schema.
type Raw []byte

// Config is a rig file: one robot's drives, the bus they share, and how
// each drive's convention maps onto the model's joint. Decode it with Parse
// or Load; Open checks it against the model and opens the bus.
type Config struct {
	Protocol  string    `yaml:"protocol"`
	Transport Transport `yaml:"transport"`
	// ReplyTimeout bounds each cyclic wait for the drives' replies
	// (Dynamixel status packets, CANopen TPDOs, MIT replies). Default:
	// the driver's (Dynamixel 10 ms, CANopen and CubeMars 2 ms).
	ReplyTimeout Duration `yaml:"reply_timeout"`
	// Per-protocol bus settings; only the protocol's own may be given.
	Dynamixel *DynamixelBus `yaml:"dynamixel"`
	CANopen   *CANopenBus   `yaml:"canopen"`
	CubeMars  *CubeMarsBus  `yaml:"cubemars"`
	// HardwareWatchdog is an external watchdog relay on the drives' Safe
	// Torque Off line, kept alive by the loop: required for CubeMars
	// (whose MIT firmware has no master-loss timeout), optional otherwise.
	HardwareWatchdog *HardwareWatchdog `yaml:"hardware_watchdog"`
	// Safety adjusts the supervisor's tolerances for this robot.
	Safety *Safety `yaml:"safety"`
	// Controller chooses the loop's active controller by its registered
	// name, with its parameters (chiron controllers lists them); `serve
	// --controller` overrides it. The parameters are checked against the
	// controller's schema before anything starts, errors naming the field.
	Controller *Controller `yaml:"controller"`
	// Joints in the model's chain order, one per joint.
	Joints []Joint `yaml:"joints"`

	file string
	root *yaml.Node
}

// Transport is where the drives are: a serial port (a Dynamixel bus through
// a U2D2 or similar; a USB-CAN adapter speaking SLCAN) or a SocketCAN
// interface.
type Transport struct {
	Port      string `yaml:"port"`      // serial device, e.g. /dev/ttyUSB0
	Baud      int    `yaml:"baud"`      // serial line rate, bit/s; default 1000000
	SLCAN     bool   `yaml:"slcan"`     // CAN: port is an SLCAN (Lawicel) adapter
	Bitrate   int    `yaml:"bitrate"`   // CAN bit rate set on the SLCAN adapter; default 1000000
	Interface string `yaml:"interface"` // CAN: SocketCAN interface, e.g. can0
}

// DynamixelBus holds a Dynamixel bus's settings.
type DynamixelBus struct {
	// PositionMode is the operating mode that executes position commands:
	// "position" (the default; goals checked against the servo's position
	// limits) or "extended-position" (multi-turn). Impedance and effort
	// commands run in current mode and velocity commands in velocity mode
	// whatever it says; the bus switches modes as the commands require.
	PositionMode string `yaml:"position_mode"`
	// Watchdog is the servos' Bus Watchdog (control table 98): how long a
	// servo with torque on goes without an instruction before it stops on
	// its own, a multiple of 20 ms up to 2.54 s ("100ms", the default when
	// empty), or "off" — then nothing stops the servos if the host dies,
	// for a bench only.
	Watchdog string `yaml:"watchdog"`
}

// BusWatchdog returns the Bus Watchdog period the Dynamixel settings ask
// for: 0 for the driver's default, dynamixel.WatchdogOff for "off".
func (b *DynamixelBus) BusWatchdog() (time.Duration, error) {
	if b == nil || b.Watchdog == "" {
		return 0, nil
	}
	if b.Watchdog == "off" {
		return dynamixel.WatchdogOff, nil
	}
	d, err := time.ParseDuration(b.Watchdog)
	if err != nil || d < dynamixel.WatchdogUnit || d > dynamixel.MaxWatchdog || d%dynamixel.WatchdogUnit != 0 {
		return 0, fmt.Errorf("%q: want a multiple of %v from %v to %v, or off", b.Watchdog, dynamixel.WatchdogUnit, dynamixel.WatchdogUnit, dynamixel.MaxWatchdog)
	}
	return d, nil
}

// CANopenBus holds a CANopen network's settings; zero values take the
// canopen package's defaults.
type CANopenBus struct {
	MasterNode           int      `yaml:"master_node"`            // default 127
	HeartbeatPeriod      Duration `yaml:"heartbeat_period"`       // master heartbeat; default 10ms
	MasterTimeout        Duration `yaml:"master_timeout"`         // drives' 0x1016; default 10 × heartbeat_period
	DriveHeartbeatPeriod Duration `yaml:"drive_heartbeat_period"` // drives' 0x1017; default 20ms
	DriveTimeout         Duration `yaml:"drive_timeout"`          // master tolerates a silent drive; default 5 × drive_heartbeat_period
	// OnMasterLoss is each drive's 0x6007 action when the master's
	// heartbeat stops: quick-stop (the default), disable-voltage or fault.
	OnMasterLoss string   `yaml:"on_master_loss"`
	SDOTimeout   Duration `yaml:"sdo_timeout"`   // each SDO reply at start-up; default 100ms
	StateTimeout Duration `yaml:"state_timeout"` // each CiA 402 transition at start-up; default 1s
}

// CubeMarsBus holds a CubeMars bus's settings.
type CubeMarsBus struct {
	MasterID   int  `yaml:"master_id"`    // CAN ID the replies arrive on; default 0
	AnyReplyID bool `yaml:"any_reply_id"` // accept replies on any ID (firmwares that answer on their own)
}

// HardwareWatchdog is an external hardware watchdog — a relay that opens
// the drives' Safe Torque Off (STO) input when its trigger line stops
// changing — driven from a digital pin of an Arduino running
// StandardFirmata (package drivers/watchdog; gobotio.WatchdogOutput).
type HardwareWatchdog struct {
	// Port is the firmata board's serial device, e.g. /dev/ttyACM1.
	Port string `yaml:"port"`
	// Pin is the digital output wired to the relay's trigger (D2–D19).
	Pin *int `yaml:"pin"`
	// FeedbackPin is the digital input wired to the relay's feedback
	// contact (on another 8-pin port than Pin), or absent for none: with
	// it, the supervisor learns of a trip and enters Fault.
	FeedbackPin *int `yaml:"feedback_pin"`
	// FeedbackActiveLow: the feedback pin reads 0 while the relay is
	// closed.
	FeedbackActiveLow bool `yaml:"feedback_active_low"`
	// Timeout is the relay's own timeout, from its data sheet or timing
	// components (required): the line is toggled every quarter of it.
	Timeout Duration `yaml:"timeout"`
}

// Safety holds a robot's tolerances for the safety supervisor, which
// otherwise derives its limits from the model alone. Zero values keep the
// supervisor's defaults.
type Safety struct {
	// WatchdogCycles is how many stale cycles in a row (replies missing or
	// too old) are tolerated before a fault; default 3.
	WatchdogCycles int `yaml:"watchdog_cycles"`
	// TrackingError bounds |commanded − measured| per joint (rad or m);
	// default 0.3.
	TrackingError float64 `yaml:"tracking_error"`
	// PositionMargin is the overshoot allowed past the model's joint
	// limits (rad or m); default 0.05.
	PositionMargin float64 `yaml:"position_margin"`
	// VelocityScale and EffortScale scale the model's rated velocity and
	// effort into the supervisor's limits; default 1.
	VelocityScale float64 `yaml:"velocity_scale"`
	EffortScale   float64 `yaml:"effort_scale"`
	// RequireDeadman makes the operator's deadman mandatory.
	RequireDeadman bool `yaml:"require_deadman"`
}

// Joint is one drive, in the model's joint order. Which fields apply
// depends on the protocol (see the package documentation); giving another
// protocol's field is an error.
type Joint struct {
	// Name is the model's joint name at this position in the chain; it
	// must match, so a file written for another joint order is refused.
	Name string `yaml:"name"`
	// ID is the Dynamixel ID (0–252) or the CubeMars motor's CAN ID (1–255).
	ID *int `yaml:"id"`
	// Node is the CANopen node ID (1–127).
	Node *int `yaml:"node"`
	// Model is the Dynamixel model (XM430-W350, XH430-W350, XM540-W270) or
	// the CubeMars model (AK80-9, AK70-10, AK60-6, AK10-9).
	Model string `yaml:"model"`
	// CANopen: Mode is CSP or CST (CSV is refused: it cannot execute the
	// loop's impedance holds); CountsPerRad the drive's position units per
	// joint rad (per m for a prismatic joint), gearing included, > 0;
	// RatedTorque the drive's 0x6076 in N·m (0: read it at start-up);
	// GearRatio joint effort per drive torque (0: 1); MaxTorque a torque
	// limit written to 0x6072, in joint units (0: none); TorqueOffset maps
	// 0x60B2 so CSP gets the effort feed-forward.
	Mode         string  `yaml:"mode"`
	CountsPerRad float64 `yaml:"counts_per_rad"`
	RatedTorque  float64 `yaml:"rated_torque"`
	GearRatio    float64 `yaml:"gear_ratio"`
	MaxTorque    float64 `yaml:"max_torque"`
	TorqueOffset bool    `yaml:"torque_offset"`
	// EDS is the drive vendor's electronic data sheet (CiA 306 EDS or
	// DCF), relative to the rig file's directory: when given, the PDO
	// mappings the master configures for this joint are checked against it
	// as the file is read, and a mapped object the drive does not have, or
	// has with another length, access or without PDO mapping, refuses the
	// file with the object named; at start-up the drive's identity
	// (0x1018:01 vendor, :02 product) must be the EDS's [DeviceInfo].
	EDS string `yaml:"eds"`
	// identity is the EDS's [DeviceInfo] identity, set when it is read.
	identity *canopen.Identity
	// Lead is, for a prismatic joint on a Dynamixel or CubeMars actuator,
	// the joint's travel per radian of the actuator's output shaft (m/rad):
	// a 10 mm capstan is 0.01.
	Lead float64 `yaml:"lead"`
	// Direction is +1 when the joint's position grows with the drive's and
	// −1 when the drive counts the other way. Required.
	Direction int `yaml:"direction"`
	// ZeroOffset is the joint position (rad or m) where the drive reads
	// zero: joint = Direction·lead·drive + ZeroOffset.
	ZeroOffset float64 `yaml:"zero_offset"`
}

// joint fields by protocol (besides name, direction, zero_offset).
var protocolFields = map[string][]string{
	Dynamixel: {"id", "model", "lead"},
	CANopen:   {"node", "mode", "counts_per_rad", "rated_torque", "gear_ratio", "max_torque", "torque_offset", "eds"},
	CubeMars:  {"id", "model", "lead"},
}

// dynamixelModels are the servo models a rig file may name.
var dynamixelModels = []*dynamixel.Model{&dynamixel.XM430W350, &dynamixel.XH430W350, &dynamixel.XM540W270}

func dynamixelModel(name string) (*dynamixel.Model, bool) {
	for _, m := range dynamixelModels {
		if m.Name == name {
			return m, true
		}
	}
	return nil, false
}

// Load reads and checks a rig file (YAML, or JSON, which YAML reads too).
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Err: err}
	}
	return Parse(data, path)
}

// Parse decodes a rig file strictly (unknown, duplicate or misplaced fields
// are errors) and checks everything that does not need the model. name is
// the file's name, used in errors. Errors are *Error.
func Parse(data []byte, name string) (*Config, error) {
	var c Config
	root, err := decodeStrict(data, name, &c)
	if err != nil {
		return nil, err
	}
	c.file, c.root = name, root
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// File returns the name the configuration was parsed from.
func (c *Config) File() string { return c.file }

// bad returns an *Error for field with the line of its value (or of the
// nearest enclosing value the file has).
func (c *Config) bad(field, format string, args ...any) error {
	e := &Error{File: c.file, Field: field, Err: fmt.Errorf(format, args...)}
	for p := field; p != "" && e.Line == 0; {
		if n := find(c.root, p); n != nil {
			e.Line = n.Line
			break
		}
		if i := strings.LastIndexAny(p, ".["); i > 0 {
			p = p[:i]
		} else {
			p = ""
		}
	}
	return e
}

// given reports whether the file sets field (a path as in errors).
func (c *Config) given(field string) bool { return c.root != nil && find(c.root, field) != nil }

func (c *Config) validate() error {
	fields, ok := protocolFields[c.Protocol]
	if !ok {
		if c.Protocol == "" {
			return c.bad("protocol", "required: dynamixel, canopen or cubemars")
		}
		return c.bad("protocol", "%q: want dynamixel, canopen or cubemars", c.Protocol)
	}
	if err := c.validateTransport(); err != nil {
		return err
	}
	if rt := c.ReplyTimeout.D(); c.given("reply_timeout") && (rt <= 0 || rt > time.Second) {
		return c.bad("reply_timeout", "%v: want > 0 and at most 1s", rt)
	}
	for _, p := range []string{Dynamixel, CANopen, CubeMars} {
		if p != c.Protocol && c.given(p) {
			return c.bad(p, "settings for protocol %s in a %s rig", p, c.Protocol)
		}
	}
	if err := c.validateBus(); err != nil {
		return err
	}
	if err := c.validateSafety(); err != nil {
		return err
	}
	if err := c.validateWatchdog(); err != nil {
		return err
	}
	if ct := c.Controller; ct != nil {
		if ct.Name == "" {
			return c.bad("controller.name", "required: a registered controller (%s)", strings.Join(registry.Names(), ", "))
		}
		if _, err := registry.Get(ct.Name); err != nil {
			return c.bad("controller.name", "%v", err)
		}
	}
	if len(c.Joints) == 0 {
		return c.bad("joints", "required: one entry per joint of the model, in chain order")
	}
	ids := map[int]int{}
	for i := range c.Joints {
		if err := c.validateJoint(i, fields, ids); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) validateTransport() error {
	t := &c.Transport
	if !c.given("transport") {
		return c.bad("transport", "required: port (serial device) or, for CAN, interface (SocketCAN)")
	}
	if c.given("transport.baud") && t.Baud <= 0 {
		return c.bad("transport.baud", "must be > 0 (bit/s)")
	}
	if c.Protocol == Dynamixel {
		switch {
		case t.Port == "":
			return c.bad("transport.port", "required: the serial device of the Dynamixel bus, e.g. /dev/ttyUSB0")
		case c.given("transport.slcan"), c.given("transport.bitrate"), c.given("transport.interface"):
			return c.bad("transport", "slcan, bitrate and interface are for CAN protocols; a Dynamixel bus takes port and baud")
		}
		return nil
	}
	switch {
	case t.Port != "" && t.Interface != "":
		return c.bad("transport", "give port (an SLCAN adapter) or interface (SocketCAN), not both")
	case t.Port == "" && t.Interface == "":
		return c.bad("transport", "required: port with slcan: true (a USB-CAN adapter) or interface (SocketCAN, e.g. can0)")
	case t.Port != "" && !t.SLCAN:
		return c.bad("transport.slcan", "a CAN protocol on serial port %s needs slcan: true (an adapter speaking SLCAN); for SocketCAN give interface instead", t.Port)
	case t.Interface != "" && (t.SLCAN || c.given("transport.bitrate") || c.given("transport.baud")):
		return c.bad("transport", "slcan, bitrate and baud are for an SLCAN adapter on a serial port, not SocketCAN interface %s (set its bit rate with ip link)", t.Interface)
	case t.Interface != "" && (strings.Contains(t.Interface, "/") || len(t.Interface) > 15):
		return c.bad("transport.interface", "%q is not a network interface name (SocketCAN, e.g. can0)", t.Interface)
	}
	if t.SLCAN {
		if t.Bitrate == 0 {
			t.Bitrate = 1_000_000
		}
		if _, err := canbus.SLCANBitrateCode(t.Bitrate); err != nil {
			return c.bad("transport.bitrate", "%d: %v", t.Bitrate, err)
		}
	}
	return nil
}

func (c *Config) validateBus() error {
	if b := c.Dynamixel; b != nil {
		switch b.PositionMode {
		case "", "position", "extended-position":
		default:
			return c.bad("dynamixel.position_mode", "%q: want position or extended-position", b.PositionMode)
		}
		if _, err := b.BusWatchdog(); err != nil {
			return c.bad("dynamixel.watchdog", "%v", err)
		}
	}
	if b := c.CANopen; b != nil {
		if c.given("canopen.master_node") && (b.MasterNode < 1 || b.MasterNode > canopen.MaxNode) {
			return c.bad("canopen.master_node", "%d: want 1..127", b.MasterNode)
		}
		for _, d := range []struct {
			name string
			v    Duration
			max  time.Duration
		}{
			{"heartbeat_period", b.HeartbeatPeriod, 10 * time.Second},
			{"master_timeout", b.MasterTimeout, 65535 * time.Millisecond},
			{"drive_heartbeat_period", b.DriveHeartbeatPeriod, 65535 * time.Millisecond},
			{"drive_timeout", b.DriveTimeout, time.Minute},
			{"sdo_timeout", b.SDOTimeout, 10 * time.Second},
			{"state_timeout", b.StateTimeout, time.Minute},
		} {
			f := "canopen." + d.name
			if !c.given(f) {
				continue
			}
			if d.v.D() < time.Millisecond || d.v.D() > d.max {
				return c.bad(f, "%v: want 1ms … %v", d.v.D(), d.max)
			}
			if d.v.D()%time.Millisecond != 0 && (d.name == "master_timeout" || d.name == "drive_heartbeat_period") {
				return c.bad(f, "%v: the drives take whole milliseconds", d.v.D())
			}
		}
		hb := orDefault(b.HeartbeatPeriod.D(), 10*time.Millisecond)
		if mt := orDefault(b.MasterTimeout.D(), 10*hb); mt <= hb {
			return c.bad("canopen.master_timeout", "%v must exceed heartbeat_period %v", mt, hb)
		}
		dhb := orDefault(b.DriveHeartbeatPeriod.D(), 20*time.Millisecond)
		if dt := orDefault(b.DriveTimeout.D(), 5*dhb); dt <= dhb {
			return c.bad("canopen.drive_timeout", "%v must exceed drive_heartbeat_period %v", dt, dhb)
		}
		if _, ok := abortOptions[b.OnMasterLoss]; !ok {
			return c.bad("canopen.on_master_loss", "%q: want quick-stop, disable-voltage or fault (a drive must never keep obeying a dead master)", b.OnMasterLoss)
		}
	}
	if b := c.CubeMars; b != nil {
		if b.MasterID < 0 || b.MasterID > 0x7FF {
			return c.bad("cubemars.master_id", "%d: not an 11-bit CAN ID", b.MasterID)
		}
	}
	return nil
}

// validateWatchdog requires a hardware watchdog for CubeMars and checks
// its pins and timeout.
func (c *Config) validateWatchdog() error {
	w := c.HardwareWatchdog
	if w == nil {
		if c.Protocol == CubeMars {
			return c.bad("hardware_watchdog", "required for cubemars: MIT-mode motors keep executing their last command when the host dies (their firmware has no master-loss timeout); wire a watchdog relay to the drives' Safe Torque Off input and give its firmata board's port, pin and timeout")
		}
		return nil
	}
	switch {
	case w.Port == "":
		return c.bad("hardware_watchdog.port", "required: the serial device of the firmata board that drives the watchdog, e.g. /dev/ttyACM1")
	case w.Pin == nil:
		return c.bad("hardware_watchdog.pin", "required: the digital pin wired to the watchdog's trigger input (D2–D19)")
	case *w.Pin < 2 || *w.Pin > 19:
		return c.bad("hardware_watchdog.pin", "D%d: want D2–D19 (D0 and D1 carry the board's serial link)", *w.Pin)
	}
	if f := w.FeedbackPin; f != nil {
		switch {
		case *f < 2 || *f > 19:
			return c.bad("hardware_watchdog.feedback_pin", "D%d: want D2–D19", *f)
		case *f/8 == *w.Pin/8:
			return c.bad("hardware_watchdog.feedback_pin", "D%d is on the trigger D%d's port (D%d–D%d): Firmata writes a port whole, so put the feedback on another port", *f, *w.Pin, *w.Pin/8*8, *w.Pin/8*8+7)
		}
	}
	if t := w.Timeout.D(); t < watchdog.MinTimeout || t > time.Second {
		return c.bad("hardware_watchdog.timeout", "%v: want the relay's timeout, from %v to 1s (the line is toggled every quarter of it)", t, watchdog.MinTimeout)
	}
	return nil
}

func (c *Config) validateSafety() error {
	sf := c.Safety
	if sf == nil {
		return nil
	}
	if c.given("safety.watchdog_cycles") && (sf.WatchdogCycles < 1 || sf.WatchdogCycles > 1000) {
		return c.bad("safety.watchdog_cycles", "%d: want 1..1000", sf.WatchdogCycles)
	}
	for _, f := range []struct {
		name string
		v    float64
		max  float64
	}{{"tracking_error", sf.TrackingError, 10}, {"position_margin", sf.PositionMargin, 1},
		{"velocity_scale", sf.VelocityScale, 10}, {"effort_scale", sf.EffortScale, 10}} {
		if c.given("safety."+f.name) && !(f.v > 0 && f.v <= f.max) {
			return c.bad("safety."+f.name, "%v: want > 0 and at most %g", f.v, f.max)
		}
	}
	return nil
}

// orDefault returns v, or def when v is 0.
func orDefault(v, def time.Duration) time.Duration {
	if v == 0 {
		return def
	}
	return v
}

var abortOptions = map[string]canopen.AbortOption{
	"": canopen.AbortQuickStop, "quick-stop": canopen.AbortQuickStop,
	"disable-voltage": canopen.AbortDisableVolt, "fault": canopen.AbortFaultSignal,
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func (c *Config) validateJoint(i int, fields []string, ids map[int]int) error {
	j := &c.Joints[i]
	at := func(f string) string { return fmt.Sprintf("joints[%d].%s", i, f) }
	if n := find(c.root, fmt.Sprintf("joints[%d]", i)); n != nil && n.Kind == yaml.MappingNode {
		for k := 0; k < len(n.Content); k += 2 {
			key := n.Content[k].Value
			if key != "name" && key != "direction" && key != "zero_offset" && !slices.Contains(fields, key) {
				return c.bad(at(key), "not a %s setting (a %s joint takes name, %s, direction, zero_offset)",
					c.Protocol, c.Protocol, strings.Join(fields, ", "))
			}
		}
	}
	if j.Name == "" {
		return c.bad(at("name"), "required: the model's joint at this position in the chain")
	}
	if j.Direction != 1 && j.Direction != -1 {
		if !c.given(at("direction")) {
			return c.bad(at("direction"), "required: 1 if the joint's position grows with the drive's, -1 if the drive counts the other way")
		}
		return c.bad(at("direction"), "%d: want 1 or -1", j.Direction)
	}
	if !finite(j.ZeroOffset) || math.Abs(j.ZeroOffset) > 1e3 {
		return c.bad(at("zero_offset"), "%v: want a finite position (rad or m)", j.ZeroOffset)
	}
	if c.given(at("lead")) && !(j.Lead > 0 && j.Lead <= 1) {
		return c.bad(at("lead"), "%v: want the travel per radian of the shaft, 0 < lead ≤ 1 m/rad", j.Lead)
	}
	var id int
	idField := "id"
	switch c.Protocol {
	case Dynamixel, CubeMars:
		if j.ID == nil {
			return c.bad(at("id"), "required: the %s ID of this joint's actuator", c.Protocol)
		}
		id = *j.ID
		lo, hi := 0, int(dynamixel.MaxID)
		if c.Protocol == CubeMars {
			lo, hi = 1, 255
		}
		if id < lo || id > hi {
			return c.bad(at("id"), "%d: want %d..%d", id, lo, hi)
		}
		if c.Protocol == CubeMars && c.CubeMars != nil && !c.CubeMars.AnyReplyID && id == c.CubeMars.MasterID {
			return c.bad(at("id"), "%d is cubemars.master_id, the ID replies arrive on", id)
		}
		if j.Model == "" {
			return c.bad(at("model"), "required: %s", strings.Join(modelNames(c.Protocol), ", "))
		}
		known := false
		if c.Protocol == Dynamixel {
			_, known = dynamixelModel(j.Model)
		} else {
			_, known = cubemars.ModelByName(j.Model)
		}
		if !known {
			return c.bad(at("model"), "%q: want one of %s", j.Model, strings.Join(modelNames(c.Protocol), ", "))
		}
	case CANopen:
		idField = "node"
		if j.Node == nil {
			return c.bad(at("node"), "required: the CANopen node ID of this joint's drive")
		}
		id = *j.Node
		if id < 1 || id > canopen.MaxNode {
			return c.bad(at("node"), "%d: want 1..127", id)
		}
		master := 127
		if c.CANopen != nil && c.CANopen.MasterNode != 0 {
			master = c.CANopen.MasterNode
		}
		if id == master {
			return c.bad(at("node"), "%d is the master's node ID (canopen.master_node, default 127)", id)
		}
		switch strings.ToUpper(j.Mode) {
		case "CSP", "CST":
		case "":
			return c.bad(at("mode"), "required: CST (cyclic torque; the host closes the impedance law) or CSP (cyclic position)")
		case "CSV":
			return c.bad(at("mode"), "CSV cannot execute the loop's impedance and effort commands (its holds, joint-pd, transparent): use CST or CSP")
		default:
			return c.bad(at("mode"), "%q: want CST or CSP", j.Mode)
		}
		if !(j.CountsPerRad > 0) || !finite(j.CountsPerRad) || j.CountsPerRad*math.Pi > math.MaxInt32 {
			return c.bad(at("counts_per_rad"), "must be > 0 (drive position units per rad, or per m for a prismatic joint; ±π must fit INTEGER32)")
		}
		for _, f := range []struct {
			name string
			v    float64
		}{{"rated_torque", j.RatedTorque}, {"gear_ratio", j.GearRatio}, {"max_torque", j.MaxTorque}} {
			if c.given(at(f.name)) && !(f.v > 0 && f.v < 1e6) {
				return c.bad(at(f.name), "%v: must be > 0", f.v)
			}
		}
		if j.TorqueOffset && strings.ToUpper(j.Mode) != "CSP" {
			return c.bad(at("torque_offset"), "only CSP takes a torque offset (CST commands torque itself)")
		}
		if j.EDS != "" {
			if err := c.checkEDS(j); err != nil {
				return c.bad(at("eds"), "%v", err)
			}
		}
	}
	if k, dup := ids[id]; dup {
		return c.bad(at(idField), "%d is also joints[%d].%s", id, k, idField)
	}
	ids[id] = i
	return nil
}

func modelNames(protocol string) []string {
	var out []string
	if protocol == Dynamixel {
		for _, m := range dynamixelModels {
			out = append(out, m.Name)
		}
		return out
	}
	for _, m := range cubemars.Models {
		out = append(out, m.Name)
	}
	return out
}

// Check checks the configuration against the robot's chain: one joint per
// chain joint, with the model's names in its order, and a lead for every
// prismatic joint on a Dynamixel or CubeMars actuator (whose shafts turn).
func (c *Config) Check(chain *kinematics.Chain) error {
	if chain == nil {
		return errors.New("rig: no chain")
	}
	names := make([]string, chain.DoF())
	for i, j := range chain.Joints {
		names[i] = j.Name
	}
	if len(c.Joints) != chain.DoF() {
		return c.bad("joints", "%d joints for the model's %d (%s)", len(c.Joints), chain.DoF(), strings.Join(names, ", "))
	}
	for i, j := range c.Joints {
		at := func(f string) string { return fmt.Sprintf("joints[%d].%s", i, f) }
		if j.Name != names[i] {
			if k := slices.Index(names, j.Name); k >= 0 {
				return c.bad(at("name"), "%q is the model's joint %d, but this is position %d (%s): list the joints in chain order (%s)",
					j.Name, k+1, i+1, names[i], strings.Join(names, ", "))
			}
			return c.bad(at("name"), "%q: the model's joint %d is %q (joints: %s)", j.Name, i+1, names[i], strings.Join(names, ", "))
		}
		prismatic := chain.Joints[i].Type == kinematics.Prismatic
		if c.Protocol != CANopen {
			switch {
			case prismatic && j.Lead == 0:
				return c.bad(at("lead"), "required: %s is prismatic; give the travel per radian of the actuator's shaft (m/rad)", j.Name)
			case !prismatic && j.Lead != 0:
				return c.bad(at("lead"), "%s is revolute: a lead applies to prismatic joints only", j.Name)
			}
		}
		if math.Abs(j.ZeroOffset) > 4*math.Pi && !prismatic {
			return c.bad(at("zero_offset"), "%v rad: more than two turns", j.ZeroOffset)
		}
	}
	return nil
}

// CycleTime is the wire time of one control cycle's traffic on this rig,
// a lower bound: Dynamixel, a sync read of 21 bytes per servo and a sync
// write of a 4-byte goal per servo at the baud rate (10 bits a byte, the
// servos' Return Delay Time not counted); CANopen, per drive an RPDO and
// two TPDOs plus one SYNC; CubeMars, a command and a reply per motor — as
// classic CAN frames with typical bit stuffing at the SLCAN bit rate, or
// 1 Mbit/s on SocketCAN (whose rate the file does not say). A loop period
// shorter than this cannot be kept on the real bus, whatever the host.
func (c *Config) CycleTime() time.Duration {
	n := len(c.Joints)
	bitsPerSecond := 1_000_000
	var bits int
	switch c.Protocol {
	case Dynamixel:
		if c.Transport.Baud > 0 {
			bitsPerSecond = c.Transport.Baud
		}
		// Header 4, ID 1, length 2, instruction 1, CRC 2 = 10 bytes.
		syncRead := 10 + 4 + n
		status := n * (10 + 1 + 21)
		syncWrite := 10 + 4 + n*(1+4)
		bits = 10 * (syncRead + status + syncWrite)
	case CANopen, CubeMars:
		if c.Transport.SLCAN && c.Transport.Bitrate > 0 {
			bitsPerSecond = c.Transport.Bitrate
		}
		// A standard frame is 47 + 8·DLC bits; stuffing adds up to a fifth.
		frame := func(dlc int) int { return (47 + 8*dlc) * 6 / 5 }
		if c.Protocol == CubeMars {
			bits = n * (frame(8) + frame(6))
			break
		}
		bits = frame(0) // SYNC
		for _, j := range c.Joints {
			rpdo := 2 + 2 // controlword + target torque
			if strings.EqualFold(j.Mode, "CSP") {
				rpdo = 2 + 4
				if j.TorqueOffset {
					rpdo += 2
				}
			}
			bits += frame(rpdo) + frame(8) + frame(7)
		}
	}
	return time.Duration(float64(bits) / float64(bitsPerSecond) * float64(time.Second))
}
