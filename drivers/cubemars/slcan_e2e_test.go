package cubemars

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// TestBusOverSLCANAdapter runs the whole host stack against simulated
// motors through a simulated USB-CAN adapter: Bus -> DialSLCAN -> serial
// pipe -> SLCANDevice -> in-memory CAN segment -> motors, byte for byte as
// the firmware simulator will on a pty.
func TestBusOverSLCANAdapter(t *testing.T) {
	seg := canbus.NewBus(64)
	motors := append([]Motor(nil), testMotors...)
	newFakeMotors(t, seg, motors)
	host, dev := serialport.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	adapter := &canbus.SLCANDevice{TransmitAck: true}
	go func() { served <- adapter.Serve(ctx, dev, seg.Connect()) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("adapter: %v", err)
		}
	}()
	conn, err := canbus.DialSLCAN(host, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	b, err := NewBus(conn, Config{Motors: motors, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Enable(); err != nil {
		t.Fatal(err)
	}
	states := make([]drivers.JointState, 3)
	cmds := []drivers.JointCommand{
		{Mode: drivers.ModePosition, Position: 0.25, Kp: 20, Kd: 1},
		{Mode: drivers.ModeImpedance, Position: -0.5, Velocity: 0.1, Kp: 20, Kd: 1, Effort: 0.2},
		{Mode: drivers.ModePosition, Position: 1.5, Kp: 20, Kd: 1},
	}
	for cycle := range 20 {
		now := time.Duration(cycle) * time.Millisecond
		if err := b.Write(now, cmds); err != nil {
			t.Fatal(err)
		}
		if err := b.Read(now, states); err != nil {
			t.Fatalf("cycle %d: %v", cycle, err)
		}
	}
	for j, want := range []float64{0.25, -0.5, 1.5} {
		if math.Abs(states[j].Position-want) > 1e-3 || states[j].Status != drivers.StatusEnabled {
			t.Fatalf("joint %d: %+v", j, states[j])
		}
	}
	if err := b.Disable(); err != nil {
		t.Fatal(err)
	}
}
