package mitsim

import (
	"fmt"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	catalogue "github.com/chiron-robotics/chiron/firmware-sim/motors"
	"github.com/chiron-robotics/chiron/kinematics"
)

// DefaultPrismaticLead is the travel of a prismatic joint per radian of the
// actuator's output shaft when Config leaves it 0: a 10 mm pulley radius.
const DefaultPrismaticLead = 0.01

// MaxMotors is how many motors one node simulates: CAN IDs 1..127 keep
// clear of the extended range some CubeMars firmwares use above it.
const MaxMotors = 127

// Config configures a Node.
type Config struct {
	// Models holds each joint's actuator model in chain order; entries with
	// invalid limits (the zero Model), or joints past the end of the slice,
	// are AK80-9s (cubemars.AK80_9).
	Models []cubemars.Model
	// MasterID is the CAN ID replies are sent on (CubeMars default 0).
	MasterID uint32
	// ShortReply sends 6-byte replies (id, p, v, t) without temperature and
	// error byte, as older CubeMars and the MIT reference firmware do.
	ShortReply bool
	// PrismaticLead is the travel (m) of a prismatic joint per radian of
	// its actuator's output shaft; 0 means DefaultPrismaticLead.
	PrismaticLead float64
}

// Node is the device side of a CAN bus of MIT-mode motors, one per joint of
// the simulator's chain, with IDs 1..N in chain order. It implements
// firmwaresim.CANNode. Drives and measurements are accessed under the Sim's
// lock; the node's own state under its own, so HandleFrame and Tick may be
// called from different goroutines (ServeCAN calls both from one).
type Node struct {
	sim    *firmwaresim.Sim
	cfg    Config
	motors []motor

	mu      sync.Mutex
	delayed []delayedReply // replies waiting for the Sim's clock
	out     []canbus.Frame // scratch: replies to send after unlocking
}

// motor is one simulated actuator.
type motor struct {
	model cubemars.Model
	// lead converts output-shaft radians to the joint's unit (1 for
	// revolute joints, m/rad for prismatic ones).
	lead float64
	// origin is the plant position (joint units) that reads as 0 rad,
	// moved by set zero.
	origin float64
}

// delayedReply is a reply due at a simulated time.
type delayedReply struct {
	due time.Duration
	f   canbus.Frame
}

var _ firmwaresim.CANNode = (*Node)(nil)

// New returns a Node for the simulator's joints, every motor out of motor
// mode (as after power-up) with its zero at the plant's present position
// of 0.
func New(sim *firmwaresim.Sim, cfg Config) (*Node, error) {
	n := sim.Joints()
	if n > MaxMotors {
		return nil, fmt.Errorf("mitsim: %d joints, more than the %d motor IDs of a node", n, MaxMotors)
	}
	if len(cfg.Models) > n {
		return nil, fmt.Errorf("mitsim: %d models for %d joints", len(cfg.Models), n)
	}
	if cfg.MasterID > 0x7FF {
		return nil, fmt.Errorf("mitsim: master ID %#x is not an 11-bit CAN ID", cfg.MasterID)
	}
	if cfg.MasterID >= 1 && cfg.MasterID <= uint32(n) {
		return nil, fmt.Errorf("mitsim: master ID %d is also a motor's ID (motors are 1..%d)", cfg.MasterID, n)
	}
	if cfg.PrismaticLead == 0 {
		cfg.PrismaticLead = DefaultPrismaticLead
	}
	if !(cfg.PrismaticLead > 0) || cfg.PrismaticLead > 1e3 {
		return nil, fmt.Errorf("mitsim: prismatic lead %v m/rad", cfg.PrismaticLead)
	}
	nd := &Node{sim: sim, cfg: cfg, motors: make([]motor, n), out: make([]canbus.Frame, 0, 4)}
	sim.Lock()
	defer sim.Unlock()
	chain := sim.Plant().Chain()
	for i := range nd.motors {
		m := &nd.motors[i]
		m.model, m.lead = cubemars.AK80_9, 1
		if i < len(cfg.Models) && cfg.Models[i].Limits.Valid() {
			m.model = cfg.Models[i]
		}
		if chain.Joints[i].Type == kinematics.Prismatic {
			m.lead = cfg.PrismaticLead
		}
		d := &sim.Drives[i]
		d.Enabled = false
		d.Command = drivers.JointCommand{}
		// A motor configured by a catalogue name heats as the catalogue
		// says, gives its torque within its voltage envelope, and trips
		// past its winding limit (reported as the MIT
		// reply's overtemperature fault); the unconfigured default and
		// sized motors keep the generic thermal model.
		d.Motor, d.MotorLead = nil, 0
		if i < len(cfg.Models) && cfg.Models[i].Limits.Valid() {
			if cm, ok := catalogue.ByName(cfg.Models[i].Name); ok && cm.Protocol == catalogue.CubeMars {
				d.Motor, d.MotorLead = cm, m.lead
				// Its voltage envelope at the catalogue's supply: the
				// torque it gives falls along its torque–speed line.
				d.Gains.NoLoadSpeed = cm.NoLoadSpeed() * m.lead
				d.Gains.SpeedDroop = cm.SpeedDroop() * m.lead * m.lead
			}
		}
	}
	return nd, nil
}

// Model returns joint i's actuator model.
func (n *Node) Model(i int) cubemars.Model { return n.motors[i].model }

// HandleFrame processes one frame from the bus (see the package
// documentation for what each frame does and which are answered).
func (n *Node) HandleFrame(f canbus.Frame, send func(canbus.Frame)) {
	if f.IsExtended || f.IsRemote || f.ID < 1 || f.ID > uint32(len(n.motors)) || f.Length != 8 {
		return
	}
	j := int(f.ID) - 1
	n.mu.Lock()
	defer n.mu.Unlock()
	n.out = n.out[:0]
	n.sim.Lock()
	n.handle(j, f.Data[:])
	n.sim.Unlock()
	for _, r := range n.out {
		send(r)
	}
}

// handle acts on a request to joint j and queues its reply in n.out or
// n.delayed. Called with both locks held.
func (n *Node) handle(j int, data []byte) {
	if n.sim.Silent(j) {
		return // a dead node or a bus-off controller hears nothing
	}
	m := &n.motors[j]
	d := &n.sim.Drives[j]
	special, c, err := m.model.ParseRequest(data)
	if err != nil {
		return // unreachable: the length was checked
	}
	switch special {
	case cubemars.EnterMotorMode:
		d.Enabled = true
		d.Fault = 0
		d.Command = drivers.JointCommand{Mode: drivers.ModeImpedance} // zero gains, zero torque
	case cubemars.ExitMotorMode:
		d.Enabled = false
		d.Command = drivers.JointCommand{}
	case cubemars.SetZero:
		m.origin = n.sim.Plant().MeasuredPosition(j)
	default:
		if !d.Enabled {
			return // ignored and unanswered outside motor mode
		}
		l := m.lead
		d.Command = drivers.JointCommand{
			Mode:     drivers.ModeImpedance,
			Position: m.origin + l*c.Position,
			Velocity: l * c.Velocity,
			Effort:   c.Torque / l,
			Kp:       c.Kp / (l * l),
			Kd:       c.Kd / (l * l),
		}
	}
	n.reply(j)
}

// reply builds joint j's answer from Sim.Measure and passes it through the
// injected reply faults. Called with both locks held.
func (n *Node) reply(j int) {
	drop, delay, corrupt := n.sim.ReplyFate(j)
	if drop {
		return
	}
	m := &n.motors[j]
	meas := n.sim.Measure(j)
	r := cubemars.Reply{
		ID:          uint8(j + 1),
		Position:    (meas.Position - m.origin) / m.lead,
		Velocity:    meas.Velocity / m.lead,
		Torque:      meas.Effort * m.lead,
		Extended:    !n.cfg.ShortReply,
		Temperature: meas.Temperature,
		Fault:       faultCode(meas.Status),
	}
	f := cubemars.ReplyFrame(n.cfg.MasterID, m.model.Limits, r)
	if corrupt {
		n.sim.FlipBit(f.Data[:f.Length])
	}
	if delay > 0 {
		n.delayed = append(n.delayed, delayedReply{due: n.sim.Plant().Time() + delay, f: f})
		return
	}
	n.out = append(n.out, f)
}

// faultCode maps a drive's fault bits onto the MIT reply's error byte
// (cubemars.Fault, CubeMars AK manual). The most specific cause wins;
// a fault with no specific bit (an injected drive fault) reports
// over-current, the power-stage trip an AK driver raises most often.
func faultCode(s drivers.Status) cubemars.Fault {
	switch {
	case s&drivers.StatusOverTemperature != 0:
		return cubemars.FaultOverTemperature
	case s&drivers.StatusOverCurrent != 0:
		return cubemars.FaultOverCurrent
	case s&drivers.StatusVoltage != 0:
		return cubemars.FaultUnderVoltage
	case s&drivers.StatusEncoder != 0:
		return cubemars.FaultEncoder
	case s.Faulty():
		return cubemars.FaultOverCurrent
	}
	return cubemars.FaultNone
}

// Tick sends the delayed replies whose time has come on the Sim's clock, in
// the order they were due. ServeCAN calls it after every poll; a lockstep
// runner calls it after Sim.Step.
func (n *Node) Tick(send func(canbus.Frame)) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.delayed) == 0 {
		return
	}
	now := n.sim.Now()
	n.out = n.out[:0]
	keep := n.delayed[:0]
	for _, r := range n.delayed {
		if r.due <= now {
			n.out = append(n.out, r.f)
		} else {
			keep = append(keep, r)
		}
	}
	clear(n.delayed[len(keep):])
	n.delayed = keep
	for _, f := range n.out {
		send(f)
	}
}

// Position returns what motor i reports as its position now (rad at the
// output, relative to its zero), for tests and tools.
func (n *Node) Position(i int) float64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sim.Lock()
	defer n.sim.Unlock()
	m := &n.motors[i]
	return (n.sim.Plant().MeasuredPosition(i) - m.origin) / m.lead
}
