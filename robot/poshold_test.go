package robot

import (
	"encoding/binary"
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/firmware-sim/canopensim"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/firmware-sim/mitsim"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
)

// dxlPositionIGain is the Position I Gain (82) the hold test writes to
// every servo: the e-Manual's default is 0, and a position loop without an
// integral holds a load only by an error (KPP·error = PWM; see
// dxlsim.TestPositionGainsTakeEffect). 1000 is what that test writes to
// an XM430.
const dxlPositionIGain = 1000

// TestPositionModeHoldsOnEveryProtocol: every shared robot, its drives
// simulated behind each protocol and driven by the host's real driver
// through the pty as robot.Open wires them, commanded in position mode to
// poses across its range, holds within 3 of its encoder's counts under
// gravity — through each protocol's own position loop:
//
//   - CiA 402 in CSP: the drive's cascade at its power-on gains
//     (0x60FB, 0x60F9 with the integral);
//   - Dynamixel in Position mode: the e-Manual's position PID. At its
//     default gains (P 800, I 0, D 0) it has no integral and sags as its
//     proportional gain says (error = τ·885/(KPP·τ_stall) pulses, checked on
//     the most loaded joint); with a Position I Gain written through the
//     protocol, as a user holding a load would write it, it holds;
//   - MIT (CubeMars): the motor's position loop is the PD the host sends
//     (kp, kd) with the torque feed-forward t_ff: the host sends the
//     model's gravity torque, as every MIT position controller does, and
//     gains for the motor's own loop rate (mitHoldGains). The motor has no
//     integral: friction leaves a dead band of F_c/kp, which those gains
//     keep under a count.
//
// The shared double pendulum is passive (limits 0…0) and refused by Open;
// its drives' hold is firmwaresim.TestDrivesHoldAgainstGravityInPositionMode.
func TestPositionModeHoldsOnEveryProtocol(t *testing.T) {
	root := refdata.Require(t)
	models := []struct{ name, path, tip string }{
		{"panda", filepath.Join(root, "panda", "panda.urdf"), "panda_link8"},
		{"ur5", filepath.Join(root, "ur5", "ur5.urdf"), "tool0"},
		{"iiwa", filepath.Join(root, "iiwa", "iiwa.urdf"), ""},
		{"psm", filepath.Join(root, "psm", "psm.json"), ""},
		{"chiron-psm", psmPath(), ""},
	}
	type variant struct {
		protocol string
		iGain    bool // Dynamixel: Position I Gain written
	}
	variants := []variant{{ProtocolCANopen, false}, {ProtocolDynamixel, false}, {ProtocolDynamixel, true}, {ProtocolCubeMars, false}}
	for _, m := range models {
		chain, err := LoadModel(m.path, "", m.tip)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range variants {
			name := m.name + "/" + v.protocol
			if v.protocol == ProtocolDynamixel {
				name += map[bool]string{false: "/default-gains", true: "/position-i-gain"}[v.iGain]
			}
			t.Run(name, func(t *testing.T) {
				for _, frac := range []float64{0.3, 0.7} {
					worst, at, sag := holdInPositionMode(t, chain, v.protocol, v.iGain, frac)
					t.Logf("pose at %.0f %% of the range: worst hold error %.2f counts (joint %s)", frac*100, worst, at)
					if v.protocol == ProtocolDynamixel && !v.iGain {
						if sag.joint == "" {
							t.Logf("default gains: gravity loads no joint (the model has no masses)")
						} else {
							t.Logf("default gains: joint %s sags %.1f counts, the e-Manual's PID gives %.1f", sag.joint, sag.got, sag.want)
						}
						// The e-Manual's P-only loop: the sag is the load
						// over its proportional gain, beyond 3 counts where
						// gravity loads a joint.
						if sag.want > 3 && math.Abs(sag.got-sag.want) > 0.1*sag.want {
							t.Errorf("pose at %.0f %%: joint %s sags %.1f counts at the default gains, the e-Manual's PID gives %.1f", frac*100, sag.joint, sag.got, sag.want)
						}
						continue
					}
					if worst > 3 {
						t.Errorf("pose at %.0f %% of the range: joint %s settled %.2f counts off its goal", frac*100, at, worst)
					}
				}
			})
		}
	}
}

// predictedSag is a Dynamixel joint's hold error at the default gains: got
// (counts) against want (the e-Manual's proportional loop) on the joint
// gravity loads most.
type predictedSag struct {
	joint     string
	got, want float64
}

// holdInPositionMode opens chain on protocol with the plant at the pose
// frac of the way through every joint's range, commands that pose in
// position mode for 4 s of lockstep and returns the worst settled error in
// encoder counts and its joint.
func holdInPositionMode(t *testing.T, chain *kinematics.Chain, protocol string, iGain bool, frac float64) (worst float64, at string, sag predictedSag) {
	t.Helper()
	n := chain.DoF()
	lo, hi := chain.Limits()
	goal := make([]float64, n)
	for i := range goal {
		a, b := lo[i], hi[i]
		if b-a > 2*math.Pi {
			a, b = -math.Pi/2, math.Pi/2
		}
		goal[i] = a + frac*(b-a)
	}
	cfg := Config{Chain: chain, Protocol: protocol, Seed: 1, Q0: goal}
	if protocol == ProtocolCANopen {
		cfg.cia402Mode = "CSP"
	}
	r, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := r.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}()
	drives, err := sizeSim(chain, protocol, nil)
	if err != nil {
		t.Fatal(err)
	}
	// One encoder count at the joint (rad or m), as each protocol's
	// drive reports position.
	count := make([]float64, n)
	for i, j := range chain.Joints {
		lead := 1.0
		switch protocol {
		case ProtocolCANopen:
			count[i] = 1 / r.front.(*canFront).node.(*canopensim.Node).CountsPerRad(i)
			continue
		case ProtocolDynamixel:
			if j.Type == kinematics.Prismatic {
				lead = dxlsim.DefaultPrismaticLead
			}
			count[i] = 2 * math.Pi / drives.dxl[i].CountsPerRev * lead
		case ProtocolCubeMars:
			if j.Type == kinematics.Prismatic {
				lead = mitsim.DefaultPrismaticLead
			}
			l := drives.mit[i].Limits
			count[i] = (l.PMax - l.PMin) / 65535 * lead
		}
	}
	gravity := make([]float64, n)
	kinematics.NewDynamics(chain).Gravity(gravity, goal)
	cmds := make([]drivers.JointCommand, n)
	for i := range cmds {
		cmds[i] = drivers.JointCommand{Mode: drivers.ModePosition, Position: goal[i]}
	}
	if protocol == ProtocolCubeMars {
		kp, kd := mitHoldGains(chain, goal, r.sim.Plant().Substep(), drives.mit)
		for i := range cmds {
			cmds[i].Kp, cmds[i].Kd, cmds[i].Effort = kp[i], kd[i], gravity[i]
		}
	}
	states := make([]drivers.JointState, n)
	bus := r.front.bus().(*rig.Bus)
	cycle := func() {
		t.Helper()
		r.sim.Step(r.period)
		r.front.tick()
		if err := r.front.settle(); err != nil {
			t.Fatal(err)
		}
		now := r.sim.Now()
		if err := bus.Read(now, states); err != nil {
			t.Fatalf("read at %v: %v", now, err)
		}
		if err := bus.Write(now, cmds); err != nil {
			t.Fatalf("write at %v: %v", now, err)
		}
		if err := r.front.settle(); err != nil {
			t.Fatal(err)
		}
	}
	cycle() // torque on (Dynamixel), operation enabled (CiA 402)
	if iGain {
		c := bus.Driver().(*dynamixel.Bus).Client()
		for i := range n {
			if err := c.Write(byte(i+1), dynamixel.X.PositionIGain.Addr, binary.LittleEndian.AppendUint16(nil, dxlPositionIGain)); err != nil {
				t.Fatalf("write Position I Gain: %v", err)
			}
		}
	}
	for range int(4 * time.Second / r.period) {
		cycle()
	}
	if protocol == ProtocolCANopen {
		nw := bus.Driver().(*canopen.Network)
		for i := range n {
			if s, _ := nw.DriveState(i); s != canopen.StateOperationEnabled {
				t.Fatalf("joint %s: drive %v after 4 s, want Operation enabled", chain.Joints[i].Name, s)
			}
		}
	}
	r.sim.Lock()
	q := append([]float64(nil), r.sim.Plant().Position()...)
	r.sim.Unlock()
	load := 0.0
	for i, j := range chain.Joints {
		e := math.Abs(q[i]-goal[i]) / count[i]
		if e > worst {
			worst, at = e, j.Name
		}
		if protocol == ProtocolDynamixel && math.Abs(gravity[i]) > load {
			load = math.Abs(gravity[i])
			// PWM = KPP·error with KPP = 800/128, full PWM (885) giving
			// the stall torque (at the joint: the lead's).
			stall := drives.dxl[i].PeakTorque()
			if j.Type == kinematics.Prismatic {
				stall /= dxlsim.DefaultPrismaticLead
			}
			sag = predictedSag{joint: j.Name, got: e, want: load * 885 / (800.0 / 128 * stall)}
		}
	}
	t.Logf("%s pose at %.0f %%: q − goal %v counts", protocol, frac*100, errCounts(q, goal, count))
	return worst, at, sag
}

func errCounts(q, goal, count []float64) []string {
	out := make([]string, len(q))
	for i := range q {
		out[i] = fmt.Sprintf("%.2f", (q[i]-goal[i])/count[i])
	}
	return out
}

// mitHoldGains returns MIT position-mode gains for holding chain at q: the
// PD runs in the motor at its current loop's rate (the simulator's plant
// substep, 4 kHz), not at the host's, so the joint's closed-loop bandwidth
// is bounded by that rate as jointGains bounds the host's (ω·T ≤ 0.2, with
// the joint's inertia at q plus the simulated rotor's armature), and by the
// motor's Kp and Kd ranges (a prismatic joint's through its lead); Kd
// critically damps.
func mitHoldGains(chain *kinematics.Chain, q []float64, substep time.Duration, models []cubemars.Model) (kp, kd []float64) {
	n := chain.DoF()
	var m mat.SymDense
	kinematics.NewDynamics(chain).MassMatrix(&m, q)
	omega := 0.2 / substep.Seconds()
	kp, kd = make([]float64, n), make([]float64, n)
	for i, j := range chain.Joints {
		lead := 1.0
		if j.Type == kinematics.Prismatic {
			lead = mitsim.DefaultPrismaticLead
		}
		mi := m.At(i, i) + plant.DefaultJoint.Armature
		l := models[i].Limits
		kp[i] = math.Min(l.KpMax/(lead*lead), mi*omega*omega)
		kd[i] = math.Min(math.Min(2*math.Sqrt(kp[i]*mi), 2*mi*omega), l.KdMax/(lead*lead))
	}
	return kp, kd
}
