package mitsim

import (
	"math"
	"math/bits"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// enter sends enter motor mode to motor id and returns the replies.
func enter(n *Node, id uint8) collect {
	var out collect
	n.HandleFrame(cubemars.SpecialFrame(id, cubemars.EnterMotorMode), out.send)
	return out
}

// TestCommandDecoding: a command frame becomes the drive's impedance
// command with the model's ranges; the reply carries the motor's ID on the
// master ID with temperature and no fault.
func TestCommandDecoding(t *testing.T) {
	sim := newSim(t, 2, -1, "")
	n := newNode(t, sim, Config{Models: []cubemars.Model{{}, cubemars.AK10_9}, MasterID: 0x100})
	if out := enter(n, 2); len(out) != 1 {
		t.Fatalf("enter: %d replies", len(out))
	}
	want := cubemars.Command{Position: 1.25, Velocity: -2, Kp: 30, Kd: 1.5, Torque: 40}
	var out collect
	n.HandleFrame(cubemars.CommandFrame(2, cubemars.AK10_9.Limits, want), out.send)
	d := drive(sim, 1)
	got := d.Command
	if !d.Enabled || got.Mode != drivers.ModeImpedance ||
		math.Abs(got.Position-want.Position) > 4e-4 || math.Abs(got.Velocity-want.Velocity) > 0.03 ||
		math.Abs(got.Kp-want.Kp) > 0.13 || math.Abs(got.Kd-want.Kd) > 2e-3 || math.Abs(got.Effort-want.Torque) > 0.04 {
		t.Fatalf("drive command %+v, want %+v", got, want)
	}
	// 40 N·m is beyond the AK80-9's ±18 but within the AK10-9's ±65: the
	// frame was decoded with motor 2's own ranges.
	if len(out) != 1 || out[0].ID != 0x100 || out[0].Length != 8 {
		t.Fatalf("replies %+v", out)
	}
	r, err := cubemars.AK10_9.UnpackReply(out[0].Data[:8])
	if err != nil || r.ID != 2 || r.Fault != cubemars.FaultNone || math.Abs(r.Temperature-25) > 1 || math.Abs(r.Position) > 1e-3 {
		t.Fatalf("reply %+v (%v)", r, err)
	}
	if d := drive(sim, 0); d.Enabled || d.Command.Mode != drivers.ModeOff {
		t.Fatalf("motor 1 touched by motor 2's frames: %+v", d)
	}
}

// TestUnansweredFrames: frames that are not a motor's, frames of the wrong
// length, and commands outside motor mode change nothing and get no reply.
func TestUnansweredFrames(t *testing.T) {
	sim := newSim(t, 3, -1, "")
	n := newNode(t, sim, Config{})
	cmd := cubemars.CommandFrame(1, cubemars.AK80_9.Limits, cubemars.Command{Position: 1, Kp: 50, Torque: 3})
	short := cmd
	short.Length = 6
	ext := cmd
	ext.IsExtended = true
	remote := canbus.Frame{ID: 1, IsRemote: true, Length: 8}
	for name, f := range map[string]canbus.Frame{
		"command outside motor mode": cmd,
		"enter to ID 0":              cubemars.SpecialFrame(0, cubemars.EnterMotorMode),
		"enter to ID 4 (3 motors)":   cubemars.SpecialFrame(4, cubemars.EnterMotorMode),
		"6-byte frame":               short,
		"empty frame":                {ID: 1},
		"extended ID 1":              ext,
		"remote frame":               remote,
	} {
		var out collect
		n.HandleFrame(f, out.send)
		n.Tick(out.send)
		if len(out) != 0 {
			t.Errorf("%s: answered %+v", name, out)
		}
		for j := range 3 {
			if d := drive(sim, j); d.Enabled || d.Command != (drivers.JointCommand{}) {
				t.Errorf("%s: drive %d changed: %+v", name, j, d)
			}
		}
	}
	// After exit, commands are ignored again.
	enter(n, 1)
	var out collect
	n.HandleFrame(cubemars.SpecialFrame(1, cubemars.ExitMotorMode), out.send)
	n.HandleFrame(cmd, out.send)
	if len(out) != 1 || drive(sim, 0).Enabled || drive(sim, 0).Command.Mode != drivers.ModeOff {
		t.Fatalf("exit then command: %d replies, drive %+v", len(out), drive(sim, 0))
	}
	// Set zero is answered in either mode.
	out = out[:0]
	n.HandleFrame(cubemars.SpecialFrame(3, cubemars.SetZero), out.send)
	if len(out) != 1 || out[0].Data[0] != 3 {
		t.Fatalf("set zero out of motor mode: %+v", out)
	}
}

// TestReplyFaults covers Sim.ReplyFate and Silent as the node applies them.
func TestReplyFaults(t *testing.T) {
	t.Run("delay", func(t *testing.T) {
		sim := newSim(t, 2, -1, "delay:joint=1,delay=5ms")
		n := newNode(t, sim, Config{})
		if out := enter(n, 1); len(out) != 0 {
			t.Fatalf("delayed reply sent at once: %+v", out)
		}
		if out := enter(n, 2); len(out) != 1 {
			t.Fatalf("undelayed joint: %d replies", len(out))
		}
		if !drive(sim, 0).Enabled {
			t.Fatal("a delayed reply's request was not applied")
		}
		var out collect
		sim.Step(4 * time.Millisecond)
		n.Tick(out.send)
		if len(out) != 0 {
			t.Fatalf("reply after 4 ms of a 5 ms delay")
		}
		sim.Step(time.Millisecond)
		n.Tick(out.send)
		n.Tick(out.send)
		if len(out) != 1 || out[0].Data[0] != 1 {
			t.Fatalf("after 5 ms: %+v", out)
		}
	})
	t.Run("biterror", func(t *testing.T) {
		clean := enter(newNode(t, newSim(t, 1, -1, ""), Config{}), 1)
		bad := enter(newNode(t, newSim(t, 1, -1, "biterror:p=1"), Config{}), 1)
		if len(clean) != 1 || len(bad) != 1 || bad[0].Length != 8 || bad[0].ID != clean[0].ID {
			t.Fatalf("clean %+v, corrupted %+v", clean, bad)
		}
		flipped := 0
		for i := range 8 {
			flipped += bits.OnesCount8(clean[0].Data[i] ^ bad[0].Data[i])
		}
		if flipped != 1 {
			t.Fatalf("%d bits differ: % X vs % X", flipped, clean[0].Data, bad[0].Data)
		}
	})
	t.Run("drop", func(t *testing.T) {
		sim := newSim(t, 1, -1, "drop")
		n := newNode(t, sim, Config{})
		if out := enter(n, 1); len(out) != 0 || !drive(sim, 0).Enabled {
			t.Fatalf("dropped: %d replies, enabled %v (the request still acts)", len(out), drive(sim, 0).Enabled)
		}
	})
	t.Run("dead", func(t *testing.T) {
		sim := newSim(t, 2, -1, "dead:joint=2")
		n := newNode(t, sim, Config{})
		if out := enter(n, 2); len(out) != 0 || drive(sim, 1).Enabled {
			t.Fatal("a dead node heard or answered")
		}
		if out := enter(n, 1); len(out) != 1 {
			t.Fatal("its neighbour is silent too")
		}
	})
	t.Run("busoff", func(t *testing.T) {
		sim := newSim(t, 2, -1, "busoff:from=1ms,to=2ms")
		n := newNode(t, sim, Config{})
		sim.Step(time.Millisecond)
		if out := append(enter(n, 1), enter(n, 2)...); len(out) != 0 {
			t.Fatal("answered during bus-off")
		}
		sim.Step(time.Millisecond)
		if out := enter(n, 1); len(out) != 1 {
			t.Fatal("silent after bus-off ended")
		}
	})
}

// TestFaultCodes: the drive's latched fault bits become the reply's error
// byte; entering motor mode clears them.
func TestFaultCodes(t *testing.T) {
	for _, tc := range []struct {
		spec string
		want cubemars.Fault
	}{
		{"overtemp:joint=1", cubemars.FaultOverTemperature},
		{"drivefault:joint=1", cubemars.FaultOverCurrent},
	} {
		sim := newSim(t, 1, -1, tc.spec)
		n := newNode(t, sim, Config{})
		enter(n, 1)
		sim.Step(time.Millisecond)
		var out collect
		n.HandleFrame(cubemars.CommandFrame(1, cubemars.AK80_9.Limits, cubemars.Command{}), out.send)
		if len(out) != 1 {
			t.Fatalf("%s: %d replies", tc.spec, len(out))
		}
		r, _ := cubemars.AK80_9.UnpackReply(out[0].Data[:8])
		if r.Fault != tc.want {
			t.Fatalf("%s: reply fault %v, want %v", tc.spec, r.Fault, tc.want)
		}
	}
	for s, want := range map[drivers.Status]cubemars.Fault{
		0: cubemars.FaultNone, drivers.StatusEnabled: cubemars.FaultNone, drivers.StatusWarning: cubemars.FaultNone,
		drivers.StatusFault | drivers.StatusVoltage:                                     cubemars.FaultUnderVoltage,
		drivers.StatusFault | drivers.StatusEncoder:                                     cubemars.FaultEncoder,
		drivers.StatusFault | drivers.StatusOverCurrent | drivers.StatusOverTemperature: cubemars.FaultOverTemperature,
		drivers.StatusCommLost:                                                          cubemars.FaultOverCurrent,
	} {
		if got := faultCode(s); got != want {
			t.Errorf("faultCode(%b) = %v, want %v", s, got, want)
		}
	}
	// Re-entering motor mode clears a latched fault once its cause is gone.
	sim := newSim(t, 1, -1, "drivefault:joint=1,to=2ms")
	n := newNode(t, sim, Config{})
	enter(n, 1)
	sim.Step(time.Millisecond)
	if drive(sim, 0).Fault == 0 {
		t.Fatal("drive fault not latched")
	}
	sim.Step(2 * time.Millisecond)
	if drive(sim, 0).Fault == 0 {
		t.Fatal("drive fault not latched after its window")
	}
	out := enter(n, 1)
	r, _ := cubemars.AK80_9.UnpackReply(out[0].Data[:8])
	if r.Fault != cubemars.FaultNone || drive(sim, 0).Fault != 0 {
		t.Fatalf("after re-entering motor mode: reply fault %v, drive %+v", r.Fault, drive(sim, 0))
	}
}

// TestShortReplyAndPrismatic: 6-byte replies for older firmware, and a
// prismatic joint driven through the configured lead.
func TestShortReplyAndPrismatic(t *testing.T) {
	sim := newSim(t, 2, 1, "")
	n := newNode(t, sim, Config{ShortReply: true, PrismaticLead: 0.02})
	enter(n, 2)
	var out collect
	n.HandleFrame(cubemars.CommandFrame(2, cubemars.AK80_9.Limits, cubemars.Command{Position: 2.5, Kp: 40, Kd: 1, Torque: 1}), out.send)
	if len(out) != 1 || out[0].Length != 6 {
		t.Fatalf("replies %+v", out)
	}
	c := drive(sim, 1).Command
	// x = lead·θ, F = τ/lead, K = Kp/lead².
	if math.Abs(c.Position-0.05) > 1e-5 || math.Abs(c.Effort-50) > 0.5 || math.Abs(c.Kp-1e5) > 500 || math.Abs(c.Kd-2500) > 10 {
		t.Fatalf("prismatic command %+v", c)
	}
	var ok bool
	for range 1000 {
		out = out[:0]
		sim.Step(time.Millisecond)
		n.HandleFrame(cubemars.CommandFrame(2, cubemars.AK80_9.Limits, cubemars.Command{Position: 2.5, Kp: 40, Kd: 1}), out.send)
		r, _ := cubemars.AK80_9.UnpackReply(out[0].Data[:6])
		if ok = math.Abs(r.Position-2.5) < 0.01 && math.Abs(plantPos(sim, 1)-0.05) < 2e-4; ok {
			break
		}
	}
	if !ok {
		t.Fatalf("prismatic joint at %.5f m, want 0.05", plantPos(sim, 1))
	}
}

// TestNewRejects checks configuration errors.
func TestNewRejects(t *testing.T) {
	sim := newSim(t, 2, -1, "")
	for name, cfg := range map[string]Config{
		"too many models":      {Models: make([]cubemars.Model, 3)},
		"master is a motor":    {MasterID: 2},
		"29-bit master":        {MasterID: 0x800},
		"negative lead":        {PrismaticLead: -1},
		"NaN lead":             {PrismaticLead: math.NaN()},
		"absurdly long a lead": {PrismaticLead: 1e9},
	} {
		if _, err := New(sim, cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	big, err := firmwaresim.New(testChain(MaxMotors+1, -1), firmwaresim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(big, Config{}); err == nil {
		t.Error("more joints than motor IDs: accepted")
	}
}
