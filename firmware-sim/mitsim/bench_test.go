package mitsim

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
)

// BenchmarkPTYCycle7Joints measures the host ↔ simulator exchange of a
// 7-motor arm over a real pty and SLCAN, as a 1 kHz loop does it: one
// cubemars.Bus Write (7 command frames) and Read (7 replies) per cycle,
// the simulator running in real time (Sim.Run, 1 ms tick) beside it. It
// reports the round trip per cycle (p50, p99, max, µs) and the cycles per
// second achieved back to back; a 1 kHz loop needs p99 well under 1000 µs.
func BenchmarkPTYCycle7Joints(b *testing.B) {
	sim := newSim(b, 7, -1, "")
	conn := ptyConn(b, newNode(b, sim, Config{}))
	bus, err := cubemars.NewBus(conn, cubemars.Config{Motors: motors(7), Timeout: 100 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	if err := bus.Enable(); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go sim.Run(ctx, time.Millisecond)

	cmds := make([]drivers.JointCommand, 7)
	states := make([]drivers.JointState, 7)
	rtt := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for k := range b.N {
		for j := range cmds {
			cmds[j] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.001 * float64(k%512), Kp: 20, Kd: 1}
		}
		t0 := time.Now()
		now := time.Duration(k) * time.Millisecond
		if err := bus.Write(now, cmds); err != nil {
			b.Fatal(err)
		}
		if err := bus.Read(now, states); err != nil {
			b.Fatalf("cycle %d: %v", k, err)
		}
		rtt = append(rtt, time.Since(t0))
	}
	elapsed := time.Since(start)
	b.StopTimer()
	bus.Disable()
	slices.Sort(rtt)
	q := func(f float64) float64 { return float64(rtt[int(f*float64(len(rtt)-1))].Nanoseconds()) / 1e3 }
	b.ReportMetric(q(0.5), "p50-µs")
	b.ReportMetric(q(0.99), "p99-µs")
	b.ReportMetric(q(1), "max-µs")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "cycles/s")
}
