package robot

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/firmware-sim/mitsim"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
)

// Defaults for a joint whose model gives no effort or velocity limit (0):
// its simulated drive is sized for them, and they are the supervisor's
// limits Assemble derives for such a joint.
const (
	DefaultEffort   = 50.0 // N·m (N for a prismatic joint)
	DefaultVelocity = 2.0  // rad/s (m/s)
)

// HoldMargin is how much more torque than gravity needs a drive must give
// to be allowed to hold the arm: the remaining fifth of its rating is what
// the hold's stiffness and damping have left to correct an error and to
// accelerate the arm. A drive that gives exactly the gravity torque holds a
// still arm and nothing more — a nudge, a payload the model does not know
// or a model error and the joint sags.
const HoldMargin = 1.25

// DriveRating is what one joint's drive gives, at the joint.
type DriveRating struct {
	// Motor names the drive as the error messages show it: a catalogue
	// model ("XM430-W350", "AK80-9") or the drive sized from the model.
	Motor string
	// Torque is the most torque the drive holds a load with, at the joint
	// (through any lead or gearing): N·m, N for a prismatic joint. 0 means
	// unknown (a rig whose CiA 402 drive reports its rated torque only at
	// start-up) or unlimited; CheckHolds then does not check the joint.
	Torque float64
}

// simDrives is the drive set of simulated firmware: each joint's rating and
// the protocol's model data, which the host driver and the simulated
// firmware both take from here so that they scale torque, current and
// velocity with the same numbers.
type simDrives struct {
	ratings []DriveRating
	dxl     []*dynamixel.Model // ProtocolDynamixel
	mit     []cubemars.Model   // ProtocolCubeMars
	rated   []float64          // ProtocolCANopen: each drive's 0x6076, joint units
}

// dynamixelCatalogue is the servo models a simulated Dynamixel joint may
// name (the ones rig files name).
var dynamixelCatalogue = []*dynamixel.Model{&dynamixel.XM430W350, &dynamixel.XH430W350, &dynamixel.XM540W270}

// motorFor returns the motor named for joint i: motors may name one per
// joint, or one for every joint; "" (or no list) sizes the joint's drive
// from the model.
func motorFor(motors []string, i int) string {
	switch len(motors) {
	case 0:
		return ""
	case 1:
		return motors[0]
	}
	return motors[i]
}

// sizedLimits returns the effort and velocity joint j's drive is sized
// for, and a note when a default stood in for a missing limit.
func sizedLimits(j *kinematics.Joint) (effort, velocity float64, note string) {
	effort, velocity = j.Effort, j.Velocity
	if effort == 0 {
		effort = DefaultEffort
		note = fmt.Sprintf(", the model gives no effort limit: default %g %s", DefaultEffort, torqueUnit(j))
	}
	if velocity == 0 {
		velocity = DefaultVelocity
	}
	return effort, velocity, note
}

func torqueUnit(j *kinematics.Joint) string {
	if j.Type == kinematics.Prismatic {
		return "N"
	}
	return "N·m"
}

// sizeSim returns the drive set of simulated firmware speaking protocol for
// chain c: each joint's drive is the catalogue motor motors names for it
// (see motorFor), or a generic drive of the protocol sized from the joint's
// effort and velocity limits (DefaultEffort and DefaultVelocity where the
// model has none):
//
//   - dynamixel: dxlsim.SizedModel, a servo whose current range is ±effort;
//     catalogue XM430-W350, XH430-W350, XM540-W270 (rated at their stall
//     torque);
//   - cubemars: mitsim.SizedModel, an MIT motor whose torque range is
//     ±effort and velocity range twice the joint's; catalogue AK80-9,
//     AK70-10, AK60-6, AK10-9 (rated at their MIT torque range);
//   - canopen: a CiA 402 drive whose rated torque 0x6076 is the effort
//     (Max Torque 0x6072 stays 1000 ‰); there is no catalogue;
//   - inproc: the simulator's drives, which give the plant's torque limit
//     (the effort); there is no catalogue.
//
// A prismatic joint keeps its transmission: a Dynamixel or MIT actuator
// drives it through a pulley of the protocol's default lead, so its
// catalogue rating at the joint is the shaft torque over the lead.
func sizeSim(c *kinematics.Chain, protocol string, motors []string) (*simDrives, error) {
	n := c.DoF()
	if len(motors) > 1 && len(motors) != n {
		return nil, fmt.Errorf("robot: %d motors named for %d joints (name one per joint, or one for all)", len(motors), n)
	}
	d := &simDrives{ratings: make([]DriveRating, n)}
	for i := range c.Joints {
		j := &c.Joints[i]
		name := motorFor(motors, i)
		eff, vel, note := sizedLimits(j)
		u := torqueUnit(j)
		switch protocol {
		case ProtocolDynamixel:
			lead := 1.0
			if j.Type == kinematics.Prismatic {
				lead = dxlsim.DefaultPrismaticLead
			}
			var m *dynamixel.Model
			if name == "" {
				var err error
				if m, err = dxlsim.SizedModel(eff*lead, vel/lead); err != nil {
					return nil, fmt.Errorf("robot: joint %s: %w", j.Name, err)
				}
				d.ratings[i] = DriveRating{Motor: fmt.Sprintf("Dynamixel servo sized to %.4g %s%s", eff, u, note), Torque: eff}
			} else {
				k := slices.IndexFunc(dynamixelCatalogue, func(m *dynamixel.Model) bool { return m.Name == name })
				if k < 0 {
					return nil, fmt.Errorf("robot: joint %s: Dynamixel model %q: want one of %s", j.Name, name, catalogueNames(protocol))
				}
				m = dynamixelCatalogue[k]
				d.ratings[i] = DriveRating{Motor: m.Name, Torque: m.PeakTorque() / lead}
			}
			d.dxl = append(d.dxl, m)
		case ProtocolCubeMars:
			lead := 1.0
			if j.Type == kinematics.Prismatic {
				lead = mitsim.DefaultPrismaticLead
			}
			var m cubemars.Model
			if name == "" {
				travel := math.Max(math.Abs(j.Lower), math.Abs(j.Upper)) / lead
				var err error
				if m, err = mitsim.SizedModel(eff*lead, vel/lead, travel); err != nil {
					return nil, fmt.Errorf("robot: joint %s: %w", j.Name, err)
				}
				d.ratings[i] = DriveRating{Motor: fmt.Sprintf("MIT motor sized to %.4g %s%s", eff, u, note), Torque: eff}
			} else {
				var ok bool
				if m, ok = cubemars.ModelByName(name); !ok {
					return nil, fmt.Errorf("robot: joint %s: CubeMars model %q: want one of %s", j.Name, name, catalogueNames(protocol))
				}
				d.ratings[i] = DriveRating{Motor: m.Name, Torque: math.Min(m.TMax, -m.TMin) / lead}
			}
			d.mit = append(d.mit, m)
		case ProtocolCANopen, ProtocolInproc:
			if name != "" {
				return nil, fmt.Errorf("robot: joint %s: motor %q: %s drives have no catalogue; they are sized from the model's effort", j.Name, name, protocol)
			}
			drive := "CiA 402 drive rated"
			if protocol == ProtocolInproc {
				drive = "simulated drive sized to"
			}
			d.ratings[i] = DriveRating{Motor: fmt.Sprintf("%s %.4g %s%s", drive, eff, u, note), Torque: eff}
			d.rated = append(d.rated, eff)
		default:
			return nil, fmt.Errorf("robot: protocol %q not available (have %s)", protocol, strings.Join(Protocols(), ", "))
		}
	}
	return d, nil
}

func catalogueNames(protocol string) string {
	var s []string
	switch protocol {
	case ProtocolDynamixel:
		for _, m := range dynamixelCatalogue {
			s = append(s, m.Name)
		}
	case ProtocolCubeMars:
		for _, m := range cubemars.Models {
			s = append(s, m.Name)
		}
	}
	return strings.Join(s, ", ")
}

// SimRatings returns what the simulated drives of protocol give each joint
// of c, with motors naming catalogue motors (one per joint, or one for all;
// "" sizes a joint's drive from the model — see the protocols below). The
// drive set is the one Open's simulated firmware and host driver use:
//
//   - dynamixel: a servo whose current range is ±effort, or a catalogue
//     XM430-W350, XH430-W350, XM540-W270 (rated at its stall torque);
//   - cubemars: an MIT motor whose torque range is ±effort and velocity
//     range twice the joint's limit, or a catalogue AK80-9, AK70-10, AK60-6,
//     AK10-9 (rated at its MIT torque range);
//   - canopen: a CiA 402 drive whose rated torque (0x6076) is the effort;
//   - inproc: the simulator's drives, at the effort.
//
// A joint without an effort limit is sized for DefaultEffort, without a
// velocity limit for DefaultVelocity; the rating's Motor says so. Prismatic
// joints on Dynamixel or MIT actuators go through the simulators' default
// lead (10 mm per radian): a catalogue servo's rating at the joint is its
// torque over the lead.
func SimRatings(c *kinematics.Chain, protocol string, motors []string) ([]DriveRating, error) {
	d, err := sizeSim(c, protocol, motors)
	if err != nil {
		return nil, err
	}
	return d.ratings, nil
}

// RigRatings returns what a rig file's real drives give each joint of c: a
// Dynamixel servo its model's stall torque, a CubeMars motor its model's
// MIT torque range, each over the joint's lead for a prismatic joint; a
// CiA 402 drive its max_torque when the file limits it, else its
// rated_torque times gear_ratio, and 0 (unknown: not checked) when the
// file leaves the rated torque to be read from the drive at start-up.
func RigRatings(cfg *rig.Config, c *kinematics.Chain) ([]DriveRating, error) {
	if len(cfg.Joints) != c.DoF() {
		return nil, fmt.Errorf("robot: rig file %s has %d joints for the model's %d", cfg.File(), len(cfg.Joints), c.DoF())
	}
	out := make([]DriveRating, len(cfg.Joints))
	for i, j := range cfg.Joints {
		lead := 1.0
		if j.Lead > 0 {
			lead = j.Lead
		}
		switch cfg.Protocol {
		case rig.Dynamixel:
			k := slices.IndexFunc(dynamixelCatalogue, func(m *dynamixel.Model) bool { return m.Name == j.Model })
			if k < 0 {
				return nil, fmt.Errorf("robot: rig file %s: joint %s: Dynamixel model %q: want one of %s", cfg.File(), j.Name, j.Model, catalogueNames(ProtocolDynamixel))
			}
			out[i] = DriveRating{Motor: j.Model, Torque: dynamixelCatalogue[k].PeakTorque() / lead}
		case rig.CubeMars:
			m, ok := cubemars.ModelByName(j.Model)
			if !ok {
				return nil, fmt.Errorf("robot: rig file %s: joint %s: CubeMars model %q: want one of %s", cfg.File(), j.Name, j.Model, catalogueNames(ProtocolCubeMars))
			}
			out[i] = DriveRating{Motor: m.Name, Torque: math.Min(m.TMax, -m.TMin) / lead}
		case rig.CANopen:
			gear := 1.0
			if j.GearRatio > 0 {
				gear = j.GearRatio
			}
			switch {
			case j.MaxTorque > 0:
				out[i] = DriveRating{Motor: fmt.Sprintf("CiA 402 drive limited to %.4g (max_torque)", j.MaxTorque), Torque: j.MaxTorque}
			case j.RatedTorque > 0:
				out[i] = DriveRating{Motor: fmt.Sprintf("CiA 402 drive rated %.4g × gear %.4g", j.RatedTorque, gear), Torque: j.RatedTorque * gear}
			default:
				out[i] = DriveRating{Motor: "CiA 402 drive (rated torque read at start-up)"}
			}
		default:
			return nil, fmt.Errorf("robot: rig file %s: protocol %q", cfg.File(), cfg.Protocol)
		}
	}
	return out, nil
}

// GravityLoad is the largest torque a joint needs against gravity over the
// joint range, and the configuration where it was found.
type GravityLoad struct {
	Torque float64   // N·m (N for a prismatic joint)
	Q      []float64 // rad (m)
}

// Sampling of the joint range for GravityLoads: a grid of at most
// gravityGrid configurations (every joint at both limits and evenly
// between), gravityRandom configurations drawn uniformly with a fixed seed
// (so a check's answer is the same every run), then a pattern search from
// the gravityStarts best samples of each joint, halving its step from a
// quarter of each joint's range down to gravityTol of it.
const (
	gravityGrid   = 4096
	gravityRandom = 2048
	gravityStarts = 3
	gravityTol    = 1e-4
)

// GravityLoads returns, for each joint of c, the largest |g_i(q)| over the
// joint range (continuous joints over one turn) with gravity g (m/s² in the
// base frame; nil means kinematics.StandardGravity), found by sampling the
// range and refining the worst samples (see the constants above): the
// torque each drive must hold for the arm to stay where it is sent.
func GravityLoads(c *kinematics.Chain, g *[3]float64) []GravityLoad {
	n := c.DoF()
	dyn := kinematics.NewDynamics(c)
	if g != nil {
		dyn.G = *g
	}
	lo, hi := c.Limits()
	lo, hi = slices.Clone(lo), slices.Clone(hi)
	for i := range lo {
		if math.IsInf(lo[i], 0) || math.IsInf(hi[i], 0) {
			lo[i], hi[i] = -math.Pi, math.Pi
		}
	}
	tau := make([]float64, n)
	eval := func(q []float64) []float64 { dyn.Gravity(tau, q); return tau }

	// best[i] holds joint i's gravityStarts largest samples.
	type sample struct {
		t float64
		q []float64
	}
	best := make([][]sample, n)
	consider := func(q []float64) {
		t := eval(q)
		for i := range n {
			a := math.Abs(t[i])
			b := best[i]
			if len(b) == gravityStarts && a <= b[len(b)-1].t {
				continue
			}
			s := sample{a, slices.Clone(q)}
			k, _ := slices.BinarySearchFunc(b, a, func(x sample, a float64) int {
				switch {
				case x.t > a:
					return -1
				case x.t < a:
					return 1
				}
				return 0
			})
			b = slices.Insert(b, k, s)
			if len(b) > gravityStarts {
				b = b[:gravityStarts]
			}
			best[i] = b
		}
	}
	q := make([]float64, n)
	jointGrid(lo, hi, q, 9, gravityGrid, func() { consider(q) })
	rng := rand.New(rand.NewPCG(0x67726176, 0x686f6c64)) // "grav", "hold"
	for range gravityRandom {
		for i := range n {
			q[i] = lo[i] + rng.Float64()*(hi[i]-lo[i])
		}
		consider(q)
	}

	out := make([]GravityLoad, n)
	for i := range n {
		for _, s := range best[i] {
			t, qs := refine(eval, i, s.q, s.t, lo, hi)
			if t > out[i].Torque || out[i].Q == nil {
				out[i] = GravityLoad{Torque: t, Q: qs}
			}
		}
		if out[i].Q == nil { // a chain without gravity or mass
			out[i].Q = make([]float64, n)
		}
	}
	return out
}

// refine climbs |g_i| from q by a pattern search inside [lo, hi].
func refine(eval func([]float64) []float64, i int, q []float64, t float64, lo, hi []float64) (float64, []float64) {
	q = slices.Clone(q)
	step := make([]float64, len(q))
	for k := range step {
		step[k] = (hi[k] - lo[k]) / 4
	}
	for range 40 {
		improved := false
		for k := range q {
			if step[k] < gravityTol*(hi[k]-lo[k]) {
				continue
			}
			for _, s := range [2]float64{step[k], -step[k]} {
				old := q[k]
				q[k] = math.Max(lo[k], math.Min(hi[k], old+s))
				if a := math.Abs(eval(q)[i]); a > t {
					t, improved = a, true
					break
				}
				q[k] = old
			}
		}
		if !improved {
			done := true
			for k := range step {
				step[k] /= 2
				done = done && step[k] < gravityTol*(hi[k]-lo[k])
			}
			if done {
				break
			}
		}
	}
	return t, q
}

// CheckHolds refuses a drive set that cannot hold chain c against gravity
// g (nil: kinematics.StandardGravity): every joint whose largest gravity
// torque over its range (GravityLoads) times HoldMargin exceeds its
// drive's rating is named in the error, with the torque needed, the
// configuration where, and the drive and its rating. Joints whose rating
// is 0 (unknown or unlimited) are not checked.
func CheckHolds(c *kinematics.Chain, g *[3]float64, ratings []DriveRating) error {
	return checkHolds(c, g, ratings, HoldMargin)
}

// checkHolds is CheckHolds with the margin given.
func checkHolds(c *kinematics.Chain, g *[3]float64, ratings []DriveRating, margin float64) error {
	if len(ratings) != c.DoF() {
		return fmt.Errorf("robot: %d drive ratings for %d joints", len(ratings), c.DoF())
	}
	var loads []GravityLoad
	var errs []string
	for i, r := range ratings {
		if math.IsNaN(r.Torque) || r.Torque < 0 {
			return fmt.Errorf("robot: joint %s: drive (%s) rating %v", c.Joints[i].Name, r.Motor, r.Torque)
		}
		if r.Torque == 0 {
			continue
		}
		if loads == nil {
			loads = GravityLoads(c, g)
		}
		l := loads[i]
		if l.Torque*margin <= r.Torque {
			continue
		}
		u := torqueUnit(&c.Joints[i])
		errs = append(errs, fmt.Sprintf("joint %s: needs %.3g %s against gravity over its range (at q=%s) but its drive (%s) gives %.3g %s (HoldMargin %g: %.3g %s wanted)",
			c.Joints[i].Name, l.Torque, u, formatQ(l.Q), r.Motor, r.Torque, u, margin, l.Torque*margin, u))
	}
	if errs != nil {
		return errors.New("robot: the drives cannot hold the arm: " + strings.Join(errs, "; "))
	}
	return nil
}

func formatQ(q []float64) string {
	s := make([]string, len(q))
	for i, x := range q {
		s[i] = fmt.Sprintf("%.2f", x)
	}
	return "[" + strings.Join(s, " ") + "]"
}

// motorChoice is the catalogue motors Config names for simulated drives
// (one per joint, one for all, or none: every drive sized from the model).
func motorChoice(cfg *Config) []string { return cfg.Motors }

// CheckDrives is Open's start-up refusal: it returns an error naming every
// joint whose drive cannot hold chain c against gravity over the joint
// range (CheckHolds), for the drives cfg opens — a rig file's real drives
// (RigRatings) or simulated firmware of cfg.Protocol (SimRatings, with the
// plant's own torque limits where cfg.Plant sets lower ones, and its
// gravity). cfg.Protocol "" is inproc.
func CheckDrives(cfg *Config, c *kinematics.Chain) error {
	var ratings []DriveRating
	var g *[3]float64
	if cfg.Rig != nil {
		var err error
		if ratings, err = RigRatings(cfg.Rig, c); err != nil {
			return err
		}
	} else {
		p := cfg.Protocol
		if p == "" {
			p = ProtocolInproc
		}
		d, err := sizeSim(c, p, motorChoice(cfg))
		if err != nil {
			return err
		}
		ratings = d.ratings
		for i, j := range cfg.Plant.Joints {
			if i < len(ratings) && j.TorqueLimit > 0 && j.TorqueLimit < ratings[i].Torque {
				ratings[i] = DriveRating{Motor: fmt.Sprintf("%s, limited by the plant to %.4g", ratings[i].Motor, j.TorqueLimit), Torque: j.TorqueLimit}
			}
		}
		g = cfg.Plant.Gravity
	}
	margin := HoldMargin
	if cfg.HoldMargin != 0 {
		margin = cfg.HoldMargin
	}
	if ov := cfg.Override; ov != nil && len(ov.Safety.Joints) == c.DoF() {
		// The robot runs under the override's limits (a patient's range of
		// motion): that is the range it must hold the arm over.
		c = withRange(c, ov.Safety.Joints)
	}
	return checkHolds(c, g, ratings, margin)
}

// withRange returns a copy of c whose joints' ranges are the soft limits
// of lim, narrowed to the chain's own.
func withRange(c *kinematics.Chain, lim []control.JointLimits) *kinematics.Chain {
	cp := *c
	cp.Joints = append([]kinematics.Joint(nil), c.Joints...)
	for i := range cp.Joints {
		j := &cp.Joints[i]
		if j.Type == kinematics.Continuous {
			continue
		}
		j.Lower, j.Upper = math.Max(j.Lower, lim[i].PositionMin), math.Min(j.Upper, lim[i].PositionMax)
	}
	return &cp
}
