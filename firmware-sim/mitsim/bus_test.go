package mitsim

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// TestHostBusInMemory runs the real cubemars.Bus against the node on an
// in-memory CAN segment (three motors, the third an AK10-9).
func TestHostBusInMemory(t *testing.T) {
	sim := newSim(t, 3, -1, "")
	node := newNode(t, sim, Config{Models: []cubemars.Model{{}, {}, cubemars.AK10_9}})
	exercise(t, sim, memConn(t, node), motors(3, cubemars.AK80_9, cubemars.AK80_9, cubemars.AK10_9))
}

// TestHostBusOverPTY runs the same scenario through a real pseudo-terminal
// with the host speaking SLCAN to a simulated USB-CAN adapter, byte for
// byte as on a rig.
func TestHostBusOverPTY(t *testing.T) {
	sim := newSim(t, 3, -1, "")
	node := newNode(t, sim, Config{Models: []cubemars.Model{{}, {}, cubemars.AK10_9}})
	exercise(t, sim, ptyConn(t, node), motors(3, cubemars.AK80_9, cubemars.AK80_9, cubemars.AK10_9))
}

// exercise enables the motors, steps their positions with an impedance
// command and checks that the plant follows physically (in lockstep: one
// Write/Read exchange, then 1 ms of simulated time), zeroes, moves relative
// to the new zero and disables.
func exercise(t *testing.T, sim *firmwaresim.Sim, conn canbus.Conn, ms []cubemars.Motor) {
	t.Helper()
	// Generous: a loaded CI machine, not a protocol limit.
	b, err := cubemars.NewBus(conn, cubemars.Config{Motors: ms, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	n := len(ms)
	states := make([]drivers.JointState, n)
	for j := range n {
		if drive(sim, j).Enabled {
			t.Fatalf("joint %d enabled at power-up", j)
		}
	}
	if err := b.Enable(); err != nil {
		t.Fatal(err)
	}
	for j := range n {
		if !drive(sim, j).Enabled {
			t.Fatalf("joint %d not enabled after enter motor mode", j)
		}
	}
	if err := b.Read(0, states); err != nil {
		t.Fatal(err)
	}
	for j, s := range states {
		if s.Status != drivers.StatusEnabled || math.Abs(s.Position) > 1e-3 || math.Abs(s.Temperature-25) > 1 {
			t.Fatalf("joint %d after enable: %+v", j, s)
		}
	}

	targets := []float64{0.5, -0.3, 1.0}
	cmds := make([]drivers.JointCommand, n)
	for j := range cmds {
		cmds[j] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: targets[j], Kp: 20, Kd: 1}
	}
	run := func(from, cycles int) {
		t.Helper()
		for k := range cycles {
			now := time.Duration(from+k) * time.Millisecond
			if err := b.Write(now, cmds); err != nil {
				t.Fatal(err)
			}
			if err := b.Read(now, states); err != nil {
				t.Fatalf("cycle %d: %v", from+k, err)
			}
			sim.Step(time.Millisecond)
		}
	}
	run(0, 10)
	// The joints are on their way, not teleported: a step through the
	// plant's dynamics, not a setpoint copied into the reply.
	for j := range n {
		if p := states[j].Position; !(p/targets[j] > 0.01 && p/targets[j] < 0.8) {
			t.Fatalf("joint %d after 10 ms at %.4f rad, target %.2f: not following physically", j, p, targets[j])
		}
	}
	run(10, 1490)
	for j := range n {
		s := states[j]
		// Coulomb friction 0.02 N·m over Kp 20 leaves ≤ 1 mrad; the 16-bit
		// position field is 0.38 mrad.
		if math.Abs(s.Position-targets[j]) > 3e-3 || math.Abs(s.Velocity) > 0.05 || s.Status != drivers.StatusEnabled {
			t.Fatalf("joint %d after 1.5 s: %+v, target %.2f", j, s, targets[j])
		}
		if math.Abs(plantPos(sim, j)-s.Position) > 2e-3 {
			t.Fatalf("joint %d reports %.4f, plant at %.4f", j, s.Position, plantPos(sim, j))
		}
	}

	// Set zero: the reported position becomes 0 where the joint stands;
	// the plant does not move.
	before := make([]float64, n)
	for j := range n {
		before[j] = plantPos(sim, j)
	}
	if err := b.Zero(); err != nil {
		t.Fatal(err)
	}
	if err := b.Read(1500*time.Millisecond, states); err != nil {
		t.Fatal(err)
	}
	for j, s := range states {
		if math.Abs(s.Position) > 1e-3 {
			t.Fatalf("joint %d after zero reports %.4f rad", j, s.Position)
		}
	}
	// A relative move from the new zero.
	for j := range cmds {
		cmds[j].Position = 0.2
	}
	run(1500, 1500)
	for j := range n {
		if got := plantPos(sim, j); math.Abs(got-(before[j]+0.2)) > 3e-3 || math.Abs(states[j].Position-0.2) > 3e-3 {
			t.Fatalf("joint %d: plant at %.4f (reports %.4f), want %.4f (0.2 from the new zero)", j, got, states[j].Position, before[j]+0.2)
		}
	}

	if err := b.Disable(); err != nil {
		t.Fatal(err)
	}
	for j := range n {
		if d := drive(sim, j); d.Enabled || d.Command.Mode != drivers.ModeOff {
			t.Fatalf("joint %d after exit motor mode: %+v", j, d)
		}
	}
	// The host refuses active commands to disabled joints before sending.
	if err := b.Write(3*time.Second, cmds); drivers.KindOf(err) != drivers.KindProtocol {
		t.Fatalf("active command after Disable: %v", err)
	}
}

// TestHostBusFaults: a dropped reply is the host's KindTimeout for that
// joint; an over-temperature trip reaches it as KindDriveFault with the
// over-temperature status bit and the reported temperature.
func TestHostBusFaults(t *testing.T) {
	t.Run("drop", func(t *testing.T) {
		sim := newSim(t, 3, -1, "drop:joint=2,from=5ms")
		b, err := cubemars.NewBus(memConn(t, newNode(t, sim, Config{})), cubemars.Config{Motors: motors(3), Timeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Enable(); err != nil {
			t.Fatal(err)
		}
		sim.Step(5 * time.Millisecond)
		states := make([]drivers.JointState, 3)
		cmds := make([]drivers.JointCommand, 3) // ModeOff: limp, still answered
		if err := b.Write(0, cmds); err != nil {
			t.Fatal(err)
		}
		err = b.Read(0, states)
		var de *drivers.Error
		if !errors.As(err, &de) || de.Kind != drivers.KindTimeout || de.Joint != 1 {
			t.Fatalf("Read with joint 2's replies dropped: %v", err)
		}
		if states[0].Stamp != 0 || states[2].Status != drivers.StatusEnabled {
			t.Fatalf("other joints not read: %+v", states)
		}
	})
	t.Run("overtemp", func(t *testing.T) {
		sim := newSim(t, 2, -1, "overtemp:joint=1,from=10ms")
		b, err := cubemars.NewBus(memConn(t, newNode(t, sim, Config{})), cubemars.Config{Motors: motors(2), Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Enable(); err != nil {
			t.Fatal(err)
		}
		states := make([]drivers.JointState, 2)
		cmds := []drivers.JointCommand{
			{Mode: drivers.ModePosition, Position: 0.3, Kp: 20, Kd: 1},
			{Mode: drivers.ModePosition, Position: 0.3, Kp: 20, Kd: 1},
		}
		var err2 error
		for k := range 20 {
			now := time.Duration(k) * time.Millisecond
			if err := b.Write(now, cmds); err != nil {
				t.Fatal(err)
			}
			err2 = b.Read(now, states)
			if k < 10 && err2 != nil {
				t.Fatalf("cycle %d before the fault: %v", k, err2)
			}
			sim.Step(time.Millisecond)
		}
		var de *drivers.Error
		if !errors.As(err2, &de) || de.Kind != drivers.KindDriveFault || de.Joint != 0 {
			t.Fatalf("Read with joint 1 over temperature: %v", err2)
		}
		s := states[0]
		if s.Status&drivers.StatusOverTemperature == 0 || s.Status&drivers.StatusEnabled != 0 || s.Temperature < 99 {
			t.Fatalf("joint 1 state: %+v", s)
		}
		if states[1].Status != drivers.StatusEnabled {
			t.Fatalf("joint 2 state: %+v", states[1])
		}
		// The faulted drive produces no torque.
		sim.Lock()
		tau := sim.Plant().MotorTorque()[0]
		sim.Unlock()
		if tau != 0 {
			t.Fatalf("faulted joint 1 produces %v N·m", tau)
		}
	})
}
