package dxlsim

import (
	"context"
	"encoding/binary"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// TestServeStopsOnCancel: on a pty master (an *os.File) cancelling the
// context interrupts the blocked Read without closing anything.
func TestServeStopsOnCancel(t *testing.T) {
	srv, err := New(newSim(t, 1, -1, ""), Config{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := firmwaresim.OpenPTY("")
	if err != nil {
		t.Skipf("pseudo-terminals unavailable here: %v", err)
	}
	defer p.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, p.Master) }()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Serve returned %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve still blocked 5 s after cancel")
	}
	// At end of stream (a closed pipe) Serve returns nil.
	host, dev := serialport.Pipe()
	host.Close()
	if err := srv.Serve(context.Background(), dev); err != nil {
		t.Fatalf("Serve at EOF: %v", err)
	}
}

// BenchmarkPTYCycle7Joints measures the host ↔ simulator exchange of a
// 7-servo arm over a real pty, as a 1 kHz loop does it: one sync write of
// goal positions and one sync read of Present Current … Present Temperature
// (21 bytes per servo) per cycle, the simulator running in real time
// (Sim.Run, 1 ms tick) beside it. It reports the round trip per cycle (p50,
// p99, max, µs) and the cycles per second achieved back to back; a 1 kHz
// loop needs p99 well under 1000 µs.
func BenchmarkPTYCycle7Joints(b *testing.B) {
	sim := newSim(b, 7, -1, "")
	srv, err := New(sim, Config{})
	if err != nil {
		b.Fatal(err)
	}
	link := filepath.Join(b.TempDir(), "ttyDXL0")
	p, err := firmwaresim.OpenPTY(link)
	if err != nil {
		b.Skipf("pseudo-terminals unavailable here: %v", err)
	}
	serve(b, srv, p.Master, p.Close)
	host, err := serialport.Open(link, serialport.Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer host.Close()
	c := dynamixel.NewClient(host)
	c.Timeout = 100 * time.Millisecond
	ids := []byte{1, 2, 3, 4, 5, 6, 7}
	if err := c.SyncWrite(dynamixel.X.TorqueEnable.Addr, ids, []byte{1, 1, 1, 1, 1, 1, 1}); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go sim.Run(ctx, time.Millisecond)

	goals := make([]byte, 4*len(ids))
	state := make([]byte, 21*len(ids))
	rtt := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for k := range b.N {
		for i := range ids {
			binary.LittleEndian.PutUint32(goals[4*i:], uint32(2048+int32(k%512)))
		}
		t0 := time.Now()
		if err := c.SyncWrite(dynamixel.X.GoalPosition.Addr, ids, goals); err != nil {
			b.Fatal(err)
		}
		if err := c.SyncRead(dynamixel.X.PresentCurrent.Addr, ids, state, nil); err != nil {
			b.Fatalf("cycle %d: %v", k, err)
		}
		rtt = append(rtt, time.Since(t0))
	}
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(rtt)
	q := func(f float64) float64 { return float64(rtt[int(f*float64(len(rtt)-1))].Nanoseconds()) / 1e3 }
	b.ReportMetric(q(0.5), "p50-µs")
	b.ReportMetric(q(0.99), "p99-µs")
	b.ReportMetric(q(1), "max-µs")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "cycles/s")
}
