package canopensim

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// DefaultCountsPerRad is the position resolution of a revolute joint when
// Config leaves it 0: a 17-bit encoder per joint revolution, 2¹⁷/2π ≈ 20861
// counts per radian — the resolution of firmwaresim's default plant encoder.
const DefaultCountsPerRad = (1 << 17) / (2 * math.Pi)

// DefaultCountsPerMetre is the resolution of a prismatic joint when Config
// leaves it 0: 1 µm per count.
const DefaultCountsPerMetre = 1e6

// DefaultQuickStopDecel is the quick stop ramp (rad/s² or m/s²) that 0x6085
// holds at power-on when Config leaves it 0.
const DefaultQuickStopDecel = 20.0

// Config configures a Node. Slices are indexed by joint; missing or zero
// entries take the defaults named.
type Config struct {
	// CountsPerRad is each joint's position unit: counts per radian (per
	// metre for a prismatic joint); velocity is in counts/s with the same
	// factor. Default DefaultCountsPerRad (DefaultCountsPerMetre).
	CountsPerRad []float64
	// RatedTorque is each drive's 0x6076, N·m (N for a prismatic joint):
	// the torque that 1000 ‰ means. Default: the joint's effort limit as
	// the plant applies it.
	RatedTorque []float64
	// QuickStopDecel is the power-on quick stop deceleration 0x6085, in
	// rad/s² (m/s²). Default DefaultQuickStopDecel.
	QuickStopDecel float64
	// DeviceName is 0x1008; default "chiron canopensim CiA 402 drive".
	DeviceName string
	// Brakes gives every joint a holding brake driven by its drive's brake
	// output (firmwaresim.Drive.Brake): applied whenever the power stage is
	// off, so a gravity-loaded arm holds still while the host configures
	// and enables its drives, and after a fault. Without brakes the joints
	// sag or coast when their drives are off.
	Brakes bool
}

// Node is the device side of one CAN bus of CiA 402 servo drives: joint i
// of the simulator's chain is the drive with node ID i+1. It implements
// firmwaresim.CANNode. All its state is guarded by the Sim's lock, so
// HandleFrame, Tick and Sim.Step may run on different goroutines.
type Node struct {
	sim    *firmwaresim.Sim
	cfg    Config
	drives []drive
	byNode [canopen.MaxNode + 1]int16 // drive index + 1

	// Valid while a HandleFrame or Tick call holds the lock.
	now  time.Duration
	send func(canbus.Frame)

	held    []heldFrame // frames delayed by an injected fault
	busOff  bool        // bus-off in force at the last call
	started bool        // boot-up messages sent
}

// heldFrame is a frame whose sending an injected delay postponed to due.
type heldFrame struct {
	due   time.Duration
	joint int
	f     canbus.Frame
}

var _ firmwaresim.CANNode = (*Node)(nil)

// New returns the drives for every joint of sim, in their power-on state
// (NMT initialising: the boot-up messages go out at the first HandleFrame or
// Tick; CiA 402 Switch on disabled; power stage off).
func New(sim *firmwaresim.Sim, cfg Config) (*Node, error) {
	n := sim.Joints()
	if n > canopen.MaxNode-1 {
		return nil, fmt.Errorf("canopensim: %d joints, more than the %d node IDs a bus with a master has", n, canopen.MaxNode-1)
	}
	if len(cfg.CountsPerRad) > n || len(cfg.RatedTorque) > n {
		return nil, fmt.Errorf("canopensim: %d counts-per-rad and %d rated torques for %d joints", len(cfg.CountsPerRad), len(cfg.RatedTorque), n)
	}
	if cfg.QuickStopDecel == 0 {
		cfg.QuickStopDecel = DefaultQuickStopDecel
	}
	if !(cfg.QuickStopDecel > 0) || math.IsInf(cfg.QuickStopDecel, 0) {
		return nil, fmt.Errorf("canopensim: quick stop deceleration %v", cfg.QuickStopDecel)
	}
	if cfg.DeviceName == "" {
		cfg.DeviceName = "chiron canopensim CiA 402 drive"
	}
	node := &Node{sim: sim, cfg: cfg, drives: make([]drive, n)}
	sim.Lock()
	defer sim.Unlock()
	node.now = sim.Plant().Time()
	chain := sim.Plant().Chain()
	for i := range node.drives {
		d := &node.drives[i]
		d.n, d.joint, d.node = node, i, uint8(i+1)
		d.cpr = DefaultCountsPerRad
		if chain.Joints[i].Type == kinematics.Prismatic {
			d.cpr = DefaultCountsPerMetre
		}
		if i < len(cfg.CountsPerRad) && cfg.CountsPerRad[i] != 0 {
			d.cpr = cfg.CountsPerRad[i]
		}
		d.rated = sim.Plant().TorqueLimit(i)
		if i < len(cfg.RatedTorque) && cfg.RatedTorque[i] != 0 {
			d.rated = cfg.RatedTorque[i]
		}
		if !(d.cpr > 0) || math.IsInf(d.cpr, 0) || d.cpr*math.Pi > math.MaxInt32 {
			return nil, fmt.Errorf("canopensim: joint %d: counts per rad %v (want positive; ±π must fit INTEGER32)", i+1, d.cpr)
		}
		if !(d.rated > 0) || d.rated > 4e6 {
			return nil, fmt.Errorf("canopensim: joint %d: rated torque %v N·m (want 0 < τ ≤ 4e6; the joint's effort limit may be missing)", i+1, d.rated)
		}
		d.gains = sim.Drives[i].Gains
		sim.Drives[i].Brake = cfg.Brakes
		d.sdo = canopen.SDOServer{Node: d.node, Dict: d}
		d.powerOn()
		node.byNode[d.node] = int16(i + 1)
	}
	return node, nil
}

// Joints returns the number of drives.
func (n *Node) Joints() int { return len(n.drives) }

// CountsPerRad returns joint i's position unit in counts per rad (or m).
func (n *Node) CountsPerRad(i int) float64 { return n.drives[i].cpr }

// RatedTorque returns joint i's 0x6076 in N·m (or N).
func (n *Node) RatedTorque(i int) float64 { return n.drives[i].rated }

// HostJoints returns the canopen.Network joint configuration that matches
// these drives in mode: node IDs 1..N, the same counts per radian, rated
// torque read from 0x6076 at start-up.
func (n *Node) HostJoints(mode canopen.OpMode) []canopen.JointConfig {
	js := make([]canopen.JointConfig, len(n.drives))
	for i := range n.drives {
		js[i] = canopen.JointConfig{Node: n.drives[i].node, Mode: mode, CountsPerRad: n.drives[i].cpr}
	}
	return js
}

// DriveStatus is a snapshot of one simulated drive.
type DriveStatus struct {
	NMT           canopen.NMTState
	State         canopen.DriveState
	Statusword    uint16
	ErrorCode     uint16         // 0x603F
	ErrorRegister uint8          // 0x1001
	Mode          canopen.OpMode // 0x6061
}

// Status returns joint i's NMT and CiA 402 state.
func (n *Node) Status(i int) DriveStatus {
	n.sim.Lock()
	defer n.sim.Unlock()
	d := &n.drives[i]
	return DriveStatus{NMT: d.nmt, State: d.state, Statusword: d.statusword(), ErrorCode: d.errCode,
		ErrorRegister: d.errReg, Mode: canopen.OpMode(int8(d.u(canopen.ObjModesDisplay, 0)))}
}

// enter takes the lock and records now and send for the call.
func (n *Node) enter(send func(canbus.Frame)) {
	n.sim.Lock()
	n.now, n.send = n.sim.Plant().Time(), send
	if !n.started {
		n.started = true
		for i := range n.drives {
			n.drives[i].bootUp()
		}
	}
	n.faults()
}

func (n *Node) leave() {
	n.release()
	n.send = nil
	n.sim.Unlock()
}

// HandleFrame processes one frame from the bus (firmwaresim.CANNode).
// Every frame is either acted on, answered with the protocol's own error
// message (SDO abort, EMCY) or ignored; none makes it fail. send must not
// call back into the Node.
func (n *Node) HandleFrame(f canbus.Frame, send func(canbus.Frame)) {
	n.enter(send)
	defer n.leave()
	if n.busOff || f.IsExtended || f.IsRemote || f.Length > 8 {
		return
	}
	switch {
	case f.ID == canopen.COBNMT:
		cmd, node, err := canopen.DecodeNMT(f)
		if err != nil {
			return // NMT has no error answer (CiA 301 "NMT services" are unconfirmed)
		}
		for i := range n.drives {
			if d := &n.drives[i]; !d.dead && (node == 0 || node == d.node) {
				d.nmtCommand(cmd)
			}
		}
	case f.ID == canopen.COBSync:
		_, err := canopen.DecodeSync(f)
		for i := range n.drives {
			d := &n.drives[i]
			if d.dead {
				continue
			}
			if err != nil {
				// CiA 301 "Emergency error codes": 0x8240 unexpected
				// SYNC data length.
				d.emcy(0x8240, 0)
				continue
			}
			d.syncEvent()
		}
	case f.ID > canopen.COBHeartbeat && f.ID <= canopen.COBHeartbeat+canopen.MaxNode:
		node, s, err := canopen.DecodeHeartbeat(f)
		if err != nil {
			return
		}
		for i := range n.drives {
			if d := &n.drives[i]; !d.dead {
				d.heartbeat(node, s)
			}
		}
	case f.ID > canopen.COBSDORx && f.ID <= canopen.COBSDORx+canopen.MaxNode:
		if k := n.byNode[f.ID-canopen.COBSDORx]; k != 0 {
			n.drives[k-1].sdoRequest(f)
		}
	default:
		for i := range n.drives {
			if d := &n.drives[i]; !d.dead {
				d.rpdoFrame(f)
			}
		}
	}
}

// Tick does the drives' time-driven work up to the Sim's time
// (firmwaresim.CANNode): fault detection and fault-reset completion,
// heartbeat consumer timeouts, the quick stop ramp, heartbeat production
// (0x1017), event-timer TPDOs and frames held back by an injected delay.
// send must not call back into the Node.
func (n *Node) Tick(send func(canbus.Frame)) {
	n.enter(send)
	defer n.leave()
	for i := range n.drives {
		if d := &n.drives[i]; !d.dead {
			d.tick()
		}
	}
}

// faults follows the simulator's bus-wide and per-node silences: bus-off
// makes every drive apply its abort connection option (CiA 402-2 0x6007)
// and, on recovery, report EMCY 0x8140 "recovered from bus off"; a dead
// node has lost power and boots again when it comes back.
func (n *Node) faults() {
	off := n.sim.Silent(-1)
	if off != n.busOff {
		n.busOff = off
		for i := range n.drives {
			d := &n.drives[i]
			if off {
				d.abortConnection()
			} else {
				d.emcy(0x8140, 0)
			}
		}
	}
	for i := range n.drives {
		d := &n.drives[i]
		dead := n.sim.Silent(i) && !off
		if off {
			dead = d.dead // a bus-off hides whether a node died
		}
		if dead == d.dead {
			continue
		}
		d.dead = dead
		if dead {
			d.powerOn() // no supply: the power stage is off, RAM is lost
		} else {
			d.powerOn()
			d.bootUp()
		}
	}
}

// emit sends f from joint's drive through the injected faults: dropped,
// corrupted (one bit of the data flipped) or delayed on the Sim's clock.
func (n *Node) emit(joint int, f canbus.Frame) {
	drop, delay, corrupt := n.sim.ReplyFate(joint)
	if drop {
		return
	}
	if corrupt && f.Length > 0 {
		n.sim.FlipBit(f.Data[:min(f.Length, 8)])
	}
	if delay > 0 {
		n.held = append(n.held, heldFrame{due: n.now + delay, joint: joint, f: f})
		return
	}
	if n.send != nil {
		n.send(f)
	}
}

// release sends the held frames that are due, in the order they were held.
func (n *Node) release() {
	if len(n.held) == 0 {
		return
	}
	k := 0
	for _, h := range n.held {
		switch {
		case n.sim.Silent(-1) || n.sim.Silent(h.joint):
			// lost with the bus or the node
		case h.due <= n.now:
			if n.send != nil {
				n.send(h.f)
			}
		default:
			n.held[k] = h
			k++
		}
	}
	n.held = n.held[:k]
}

func msDur(v uint64) time.Duration { return time.Duration(v&0xFFFF) * time.Millisecond }

func clampRound(x, lo, hi float64) int64 {
	if x != x {
		return 0
	}
	return int64(math.Max(lo, math.Min(hi, math.Round(x))))
}
