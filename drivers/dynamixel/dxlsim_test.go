package dynamixel_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// These tests run the Bus against the simulated X-series firmware
// (firmware-sim/dxlsim) over an in-memory pipe, with the simulator's clock
// stepped by the test: no wall-clock waits decide the outcome.

// simChain returns n joints rotating about vertical axes (gravity loads
// none of them), 5 cm apart.
func simChain(n int) *kinematics.Chain {
	c := &kinematics.Chain{Name: "dxl-watchdog", Base: "base", TipName: "tip", Tip: kinematics.Identity(), InsertionJoint: -1}
	for i := range n {
		o := kinematics.Identity()
		o.P = [3]float64{0.05, 0, 0}
		c.Joints = append(c.Joints, kinematics.Joint{Name: fmt.Sprintf("j%d", i+1), Type: kinematics.Revolute, Origin: o,
			Axis: [3]float64{0, 0, 1}, Lower: -3, Upper: 3, Effort: 4, Velocity: 6,
			Body: kinematics.Inertia{Mass: 0.2, COM: [3]float64{0.02, 0, 0}, I: [9]float64{1e-4, 0, 0, 0, 1e-4, 0, 0, 0, 1e-4}}})
	}
	return c
}

// simBus serves n simulated servos on a pipe and opens a Bus on them.
func simBus(t *testing.T, n int, wd time.Duration) (*firmwaresim.Sim, *dynamixel.Bus) {
	t.Helper()
	sim, _, b := simServerBus(t, n, wd)
	return sim, b
}

// simServerBus is simBus that also returns the Server, whose Step runs the
// servos' Bus Watchdogs with the simulator.
func simServerBus(t *testing.T, n int, wd time.Duration) (*firmwaresim.Sim, *dxlsim.Server, *dynamixel.Bus) {
	t.Helper()
	sim, err := firmwaresim.New(simChain(n), firmwaresim.Config{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := dxlsim.New(sim, dxlsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	host, dev := serialport.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, dev) }()
	t.Cleanup(func() {
		cancel()
		host.Close() // unblocks Serve's read
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Serve: %v", err)
		}
	})
	c := dynamixel.NewClient(host)
	c.Timeout = time.Second // generous: a loaded machine, not a protocol bound
	joints := make([]dynamixel.Joint, n)
	for i := range joints {
		joints[i] = dynamixel.Joint{ID: byte(i + 1)}
	}
	b, err := dynamixel.NewBus(c, dynamixel.BusConfig{Joints: joints, Watchdog: wd})
	if err != nil {
		t.Fatal(err)
	}
	return sim, srv, b
}

// watchdogs reads Bus Watchdog (98) from every simulated servo.
func watchdogs(t *testing.T, b *dynamixel.Bus) []byte {
	t.Helper()
	v := make([]byte, b.Joints())
	for i := range v {
		if err := b.Client().Read(byte(i+1), dynamixel.X.BusWatchdog.Addr, v[i:i+1]); err != nil {
			t.Fatalf("read Bus Watchdog of id %d: %v", i+1, err)
		}
	}
	return v
}

func allEqual(v []byte, want byte) bool {
	for _, x := range v {
		if x != want {
			return false
		}
	}
	return true
}

// TestBusWatchdogArmedOnSimulatedServos: what the Bus writes to address 98
// is what the simulated firmware holds — armed at start-up, still armed
// through a torque-on, 0 after Disable.
func TestBusWatchdogArmedOnSimulatedServos(t *testing.T) {
	cases := []struct {
		name string
		wd   time.Duration
		want byte
	}{
		{"default 100 ms", 0, 5},
		{"40 ms", 40 * time.Millisecond, 2},
		{"off", dynamixel.WatchdogOff, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sim, b := simBus(t, 3, c.wd)
			if v := watchdogs(t, b); !allEqual(v, c.want) {
				t.Fatalf("after NewBus: % X, want %d each", v, c.want)
			}
			if err := b.SetMode([]drivers.Mode{drivers.ModeEffort, drivers.ModeImpedance, drivers.ModePosition}); err != nil {
				t.Fatal(err)
			}
			st := make([]drivers.JointState, 3)
			cmds := []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 0.1}, {Mode: drivers.ModeImpedance, Kd: 0.01}, {Mode: drivers.ModePosition}}
			for range 20 {
				now := sim.Now()
				if err := b.Read(now, st); err != nil {
					t.Fatal(err)
				}
				if err := b.Write(now, cmds); err != nil {
					t.Fatal(err)
				}
				sim.Step(time.Millisecond)
			}
			if v := watchdogs(t, b); !allEqual(v, c.want) {
				t.Fatalf("after enable: % X, want %d each", v, c.want)
			}
			if err := b.Disable(); err != nil {
				t.Fatal(err)
			}
			if v := watchdogs(t, b); !allEqual(v, 0) {
				t.Fatalf("after Disable: % X, want 0", v)
			}
		})
	}
}

// TestBusWatchdogTripOnSimulatedServos is issue 13's scenario end to end:
// servos in current mode, the host silent for 300 ms of simulated time;
// each servo must stop (no current) within the watchdog period, and the
// host's first Read after it resumes must report the trip. The simulator
// is stepped through dxlsim.Server.Step, which runs the servos' watchdogs.
func TestBusWatchdogTripOnSimulatedServos(t *testing.T) {
	const n, effort = 2, 0.3
	sim, srv, b := simServerBus(t, n, 0)
	if err := b.SetMode([]drivers.Mode{drivers.ModeImpedance, drivers.ModeImpedance}); err != nil {
		t.Fatal(err)
	}
	st := make([]drivers.JointState, n)
	cmds := []drivers.JointCommand{{Mode: drivers.ModeImpedance, Effort: effort}, {Mode: drivers.ModeImpedance, Effort: effort}}
	for range 50 {
		now := sim.Now()
		if err := b.Read(now, st); err != nil {
			t.Fatal(err)
		}
		if err := b.Write(now, cmds); err != nil {
			t.Fatal(err)
		}
		srv.Step(time.Millisecond)
	}
	drives := func() []firmwaresim.Drive {
		sim.Lock()
		defer sim.Unlock()
		return append([]firmwaresim.Drive(nil), sim.Drives...)
	}
	for i, d := range drives() {
		if !d.Enabled || d.Command.Mode != drivers.ModeEffort || math.Abs(d.Command.Effort-effort) > 0.01 {
			t.Fatalf("drive %d before the stall: enabled %v, command %+v", i, d.Enabled, d.Command)
		}
	}

	// A sync write has no reply, so when the Server handles the last one
	// relative to the steps that follow is up to the scheduler; a last read
	// (answered after every packet before it) makes the host's last
	// instruction land at a known simulated time.
	if err := b.Read(sim.Now(), st); err != nil {
		t.Fatal(err)
	}
	// The host goes silent; the simulator's clock runs on.
	stoppedAfter := make([]time.Duration, n)
	for k := 1; k <= 300; k++ {
		srv.Step(time.Millisecond)
		for i, d := range drives() {
			if stoppedAfter[i] == 0 && (!d.Enabled || d.Command.Effort == 0) {
				stoppedAfter[i] = time.Duration(k) * time.Millisecond
			}
		}
	}
	for i, at := range stoppedAfter {
		if at == 0 || at > dynamixel.DefaultWatchdog+time.Millisecond {
			t.Errorf("servo %d: still driving %v after the host went silent (stopped after %v), want within %v",
				i+1, 300*time.Millisecond, at, dynamixel.DefaultWatchdog)
		}
	}
	err := b.Read(sim.Now(), st)
	var we *dynamixel.BusWatchdogError
	if drivers.KindOf(err) != drivers.KindDriveFault || !errors.As(err, &we) || we.ID != 1 || we.Found != -1 {
		t.Fatalf("first Read after the stall: %v", err)
	}
	for i, s := range st {
		if s.Status&drivers.StatusCommLost == 0 {
			t.Errorf("joint %d status %b lacks StatusCommLost", i, s.Status)
		}
	}
}
