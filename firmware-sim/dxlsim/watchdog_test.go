package dxlsim

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// TestBusWatchdogExpiry: servo 2 of a two-servo rig is configured, then
// the host stops addressing it while the Server steps the simulator 1 ms at
// a time. Servo 1 is the rig's marker (pinged after every exchange) and
// may be kept talking to with a ping period. The watchdog must trip on the
// first step whose silence exceeds 98 × 20 ms, and only then (e-Manual,
// X-series, "Bus Watchdog(98)").
func TestBusWatchdogExpiry(t *testing.T) {
	cases := []struct {
		name     string
		mode     byte
		goalAddr uint16
		goal     []byte
		torque   byte
		wd       byte
		// keepAlive: a packet sent every keepAlive of simulated time
		// (0: none); bcast sends a broadcast ping, otherwise servo 1 is
		// pinged (which servo 2 does not count).
		keepAlive time.Duration
		bcast     bool
		trips     bool
	}{
		{name: "current mode", mode: 0, goalAddr: addrGoalCurrent, goal: u16b(300), torque: 1, wd: 5, trips: true},
		{name: "velocity mode, 20 ms", mode: 1, goalAddr: addrGoalVelocity, goal: u32(100), torque: 1, wd: 1, trips: true},
		{name: "position mode", mode: 3, goalAddr: addrGoalPosition, goal: u32(3072), torque: 1, wd: 5, trips: true},
		{name: "PWM mode, longest period", mode: 16, goalAddr: addrGoalPWM, goal: u16b(400), torque: 1, wd: 127, trips: true},
		{name: "torque off does not watch", mode: 0, goalAddr: addrGoalCurrent, goal: u16b(300), torque: 0, wd: 5},
		{name: "0 disables", mode: 0, goalAddr: addrGoalCurrent, goal: u16b(300), torque: 1, wd: 0},
		{name: "broadcast instructions feed it", mode: 0, goalAddr: addrGoalCurrent, goal: u16b(300), torque: 1, wd: 5, keepAlive: 50 * time.Millisecond, bcast: true},
		{name: "another servo's instructions do not", mode: 0, goalAddr: addrGoalCurrent, goal: u16b(300), torque: 1, wd: 5, keepAlive: 50 * time.Millisecond, trips: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRig(t, newSim(t, 2, -1, ""), Config{})
			r.write(2, addrOperatingMode, []byte{c.mode}, 0)
			r.write(2, c.goalAddr, c.goal, 0)
			r.write(2, addrTorqueEnable, []byte{c.torque}, 0)
			heard := r.sim.Now()
			r.write(2, addrBusWatchdog, []byte{c.wd}, 0)
			if now := r.sim.Now(); now != heard {
				t.Fatalf("simulated time moved without a step: %v → %v", heard, now)
			}
			before := r.drive(1).Command
			if c.torque == 1 && before.Effort == 0 && before.Mode == drivers.ModeEffort {
				t.Fatalf("goal gave no command to watch: %+v", before)
			}
			period := time.Duration(c.wd) * watchdogUnit
			horizon := 300 * time.Millisecond
			if c.trips {
				horizon = period + 20*time.Millisecond
			}
			var trippedAt time.Duration
			for start, now := heard, heard; now-start < horizon; {
				r.srv.Step(time.Millisecond)
				now = r.sim.Now()
				if c.keepAlive > 0 && (now-heard)%c.keepAlive == 0 {
					if c.bcast {
						r.host.Write(dynamixel.AppendPing(nil, dynamixel.BroadcastID))
						r.readN(2 * (dynamixel.HeaderLen + 4 + 3))
						r.quiet()
						heard = now // also marks servo 2 heard; its silence restarts
					} else {
						r.quiet()
					}
				}
				// Looked at directly: a read would feed the watchdog.
				r.sim.Lock()
				wd := r.srv.servos[1].mem[addrBusWatchdog]
				r.sim.Unlock()
				if wd == watchdogTripped {
					trippedAt = now - heard
					break
				}
			}
			if !c.trips {
				if trippedAt != 0 {
					t.Fatalf("tripped after %v of silence", trippedAt)
				}
				if d := r.drive(1); d.Command != before || d.Enabled != (c.torque == 1) {
					t.Fatalf("drive changed without a trip: %+v, was %+v", d, before)
				}
				return
			}
			if trippedAt <= period || trippedAt > period+time.Millisecond {
				t.Fatalf("tripped after %v of silence, want the first step past %v", trippedAt, period)
			}
			d := r.drive(1)
			if !d.Enabled || d.Command != (drivers.JointCommand{Mode: drivers.ModeEffort}) {
				t.Fatalf("tripped drive: enabled %v, command %+v; want torque still enabled and no effort", d.Enabled, d.Command)
			}
			if te := r.read(2, addrTorqueEnable, 1)[0]; te != 1 {
				t.Fatalf("Torque Enable %d after the trip, want 1 (a trip does not change it)", te)
			}
			for _, a := range []uint16{addrGoalPWM, addrGoalCurrent} {
				if v := r.read(2, a, 2); v[0] != 0 || v[1] != 0 {
					t.Fatalf("goal at %d reads % X after the trip, want 0", a, v)
				}
			}
			if v := r.read(2, addrGoalVelocity, 4); string(v) != string(u32(0)) {
				t.Fatalf("Goal Velocity reads % X after the trip, want 0", v)
			}
			// The drive stays without torque while the simulation runs on.
			r.srv.Step(50 * time.Millisecond)
			if d := r.drive(1); d.Command != (drivers.JointCommand{Mode: drivers.ModeEffort}) {
				t.Fatalf("command %+v 50 ms after the trip", d.Command)
			}
		})
	}
}

// TestBusWatchdogTrippedWrites: while tripped, the goal items are read-only
// (Data Range Error) and 98 takes only 0, which clears the trip and gives
// the goals back; a reboot clears it too.
func TestBusWatchdogTrippedWrites(t *testing.T) {
	trip := func(t *testing.T) *rig {
		r := newRig(t, newSim(t, 2, -1, ""), Config{})
		r.write(2, addrOperatingMode, []byte{0}, 0)
		r.write(2, addrTorqueEnable, []byte{1}, 0)
		r.write(2, addrBusWatchdog, []byte{1}, 0)
		r.srv.Step(21 * time.Millisecond)
		if v := r.read(2, addrBusWatchdog, 1)[0]; v != watchdogTripped {
			t.Fatalf("98 reads %d 21 ms after a 20 ms watchdog was set", v)
		}
		return r
	}
	refused := []struct {
		name string
		addr uint16
		data []byte
		code dynamixel.StatusCode
	}{
		{"Goal PWM", addrGoalPWM, u16b(100), dynamixel.DataRangeError},
		{"Goal Current", addrGoalCurrent, u16b(100), dynamixel.DataRangeError},
		{"Goal Velocity", addrGoalVelocity, u32(10), dynamixel.DataRangeError},
		{"Goal Position", addrGoalPosition, u32(2048), dynamixel.DataRangeError},
		{"a new period without clearing", addrBusWatchdog, []byte{5}, dynamixel.DataRangeError},
		{"0xFF", addrBusWatchdog, []byte{0xFF}, dynamixel.DataRangeError},
		{"Goal Current zero", addrGoalCurrent, u16b(0), dynamixel.DataRangeError},
	}
	for _, c := range refused {
		t.Run("refused/"+c.name, func(t *testing.T) {
			r := trip(t)
			r.write(2, c.addr, c.data, c.code)
			if v := r.read(2, addrBusWatchdog, 1)[0]; v != watchdogTripped {
				t.Fatalf("98 reads %d after a refused write", v)
			}
			if d := r.drive(1); d.Command != (drivers.JointCommand{Mode: drivers.ModeEffort}) {
				t.Fatalf("refused write changed the command to %+v", d.Command)
			}
		})
	}
	allowed := []struct {
		name string
		addr uint16
		data []byte
	}{
		{"LED", addrLED, []byte{1}},
		{"Torque Enable off", addrTorqueEnable, []byte{0}},
		{"Profile Velocity", addrProfileVelocity, u32(10)},
	}
	for _, c := range allowed {
		t.Run("allowed/"+c.name, func(t *testing.T) {
			r := trip(t)
			r.write(2, c.addr, c.data, 0)
			if got := r.read(2, c.addr, uint16(len(c.data))); string(got) != string(c.data) {
				t.Fatalf("reads % X after writing % X", got, c.data)
			}
		})
	}
	t.Run("0 clears", func(t *testing.T) {
		r := trip(t)
		r.write(2, addrBusWatchdog, []byte{0}, 0)
		r.write(2, addrGoalCurrent, u16b(-300), 0)
		want := -300 * 2.69e-3 * 4.1 / 2.3
		if d := r.drive(1); !d.Enabled || d.Command.Mode != drivers.ModeEffort || math.Abs(d.Command.Effort-want) > 1e-12 {
			t.Fatalf("after clearing: enabled %v, command %+v, want effort %v", d.Enabled, d.Command, want)
		}
		// Disabled now: a long silence does not trip it again.
		r.srv.Step(100 * time.Millisecond)
		if v := r.read(2, addrBusWatchdog, 1)[0]; v != 0 {
			t.Fatalf("98 reads %d with the watchdog disabled", v)
		}
	})
	t.Run("reboot clears", func(t *testing.T) {
		r := trip(t)
		r.exchange(dynamixel.AppendReboot(nil, 2), dynamixel.AppendStatus(nil, 2, 0, nil))
		if v := r.read(2, addrBusWatchdog, 1)[0]; v != 0 {
			t.Fatalf("98 reads %d after a reboot", v)
		}
		r.write(2, addrGoalCurrent, u16b(100), 0)
	})
}
