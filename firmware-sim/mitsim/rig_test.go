package mitsim

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// testChain returns n joints rotating about vertical axes (so gravity
// loads none of them) 5 cm apart, rated at the AK80-9's 18 N·m; joint
// prismatic (0-based, −1 for none) slides along x instead.
func testChain(n, prismatic int) *kinematics.Chain {
	c := &kinematics.Chain{Name: "mit-test", Base: "base", TipName: "tip", Tip: kinematics.Identity(), InsertionJoint: -1}
	for i := range n {
		o := kinematics.Identity()
		o.P = [3]float64{0.05, 0, 0}
		j := kinematics.Joint{Name: fmt.Sprintf("j%d", i+1), Type: kinematics.Revolute, Origin: o,
			Axis: [3]float64{0, 0, 1}, Lower: -3, Upper: 3, Effort: 18, Velocity: 20,
			Body: kinematics.Inertia{Mass: 0.3, COM: [3]float64{0.02, 0, 0}, I: [9]float64{1e-4, 0, 0, 0, 1e-4, 0, 0, 0, 1e-4}}}
		if i == prismatic {
			j.Type, j.Axis, j.Lower, j.Upper, j.Effort = kinematics.Prismatic, [3]float64{1, 0, 0}, -0.1, 0.2, 1800
		}
		c.Joints = append(c.Joints, j)
	}
	return c
}

func newSim(t testing.TB, n, prismatic int, faults string) *firmwaresim.Sim {
	t.Helper()
	fs, err := firmwaresim.ParseFaults(faults, n)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := firmwaresim.New(testChain(n, prismatic), firmwaresim.Config{Seed: 7, Faults: fs})
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

func newNode(t testing.TB, sim *firmwaresim.Sim, cfg Config) *Node {
	t.Helper()
	n, err := New(sim, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// memConn serves node on an in-memory CAN segment and returns the host's
// connection to it.
func memConn(t testing.TB, node *Node) canbus.Conn {
	t.Helper()
	seg := canbus.NewBus(256)
	host, dev := seg.Connect(), seg.Connect()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- firmwaresim.ServeCAN(ctx, dev, node, time.Millisecond) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("ServeCAN: %v", err)
		}
		host.Close()
		dev.Close()
	})
	return host
}

// ptyConn serves node as a USB-CAN adapter (SLCAN) on a real
// pseudo-terminal and returns the host's connection, opened exactly as
// chiron opens a CANable: serialport.Open, then canbus.DialSLCAN.
func ptyConn(t testing.TB, node *Node) canbus.Conn {
	t.Helper()
	link := filepath.Join(t.TempDir(), "ttyACM0")
	p, err := firmwaresim.OpenPTY(link)
	if err != nil {
		t.Skipf("pseudo-terminals unavailable here (%v); the pty round trip needs /dev/ptmx", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	srv := &firmwaresim.SLCANServer{Node: node}
	go func() { done <- srv.Serve(ctx, p) }()
	port, err := serialport.Open(link, serialport.Config{BaudRate: 1_000_000})
	if err != nil {
		cancel()
		<-done
		p.Close()
		t.Fatalf("open %s as a serial port: %v", link, err)
	}
	conn, err := canbus.DialSLCAN(port, 1_000_000)
	if err != nil {
		port.Close()
		cancel()
		<-done
		p.Close()
		t.Fatalf("dial SLCAN on %s: %v", link, err)
	}
	t.Cleanup(func() {
		conn.Close()
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("SLCANServer: %v", err)
		}
		p.Close()
	})
	return conn
}

// motors returns the host's view of n motors of the given models (AK80-9
// past the end of models).
func motors(n int, models ...cubemars.Model) []cubemars.Motor {
	ms := make([]cubemars.Motor, n)
	for i := range ms {
		ms[i] = cubemars.Motor{ID: uint8(i + 1), Model: cubemars.AK80_9}
		if i < len(models) {
			ms[i].Model = models[i]
		}
	}
	return ms
}

// collect is a send function that records frames.
type collect []canbus.Frame

func (c *collect) send(f canbus.Frame) { *c = append(*c, f) }

// drive returns a copy of joint i's drive.
func drive(sim *firmwaresim.Sim, i int) firmwaresim.Drive {
	sim.Lock()
	defer sim.Unlock()
	return sim.Drives[i]
}

// plantPos returns joint i's true position.
func plantPos(sim *firmwaresim.Sim, i int) float64 {
	sim.Lock()
	defer sim.Unlock()
	return sim.Plant().Position()[i]
}
