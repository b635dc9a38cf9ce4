package robot

import (
	"strings"
	"testing"
	"time"

	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// inlineOf returns the front end's lockstep device and the host's port.
func inlineOf(t *testing.T, r *Robot) (*inlineDevice, *meteredPort) {
	t.Helper()
	switch f := r.front.(type) {
	case *dxlFront:
		return f.inl, f.host
	case *canFront:
		return f.inl, f.host
	}
	t.Fatalf("front end %T has no pty", r.front)
	return nil, nil
}

// Lockstep over the pty costs no kernel crossing per cycle: from the first
// Step the devices run in the host's thread, each side acting on the
// other's bytes from the sender's copy, and both directions cross the pty
// in 4 KiB batches read back and checked byte for byte — where the
// goroutine path had a write per frame and a hand-off per frame, and the
// first inline path a reply crossing per cycle.
func TestLockstepPTYSystemCallsPerCycle(t *testing.T) {
	for _, tc := range []struct {
		protocol string
		// most write(2)s per cycle by the host and by the devices, and
		// read(2)s of the master by the devices
		hostWrites, devWrites, devReads float64
	}{
		// 0.01–0.06 per cycle measured, the devices' writes as the
		// host's.
		{ProtocolDynamixel, 0.1, 0.1, 0.1},
		{ProtocolCANopen, 0.1, 0.1, 0.1},
		{ProtocolCubeMars, 0.1, 0.1, 0.1},
	} {
		t.Run(tc.protocol, func(t *testing.T) {
			// A long reply timeout, as hil's lockstep runs use: a
			// machine stalled past 50 ms (-race on a loaded box) would
			// otherwise lose a reply the devices did send.
			r, err := Open(Config{ModelPath: psmPath(), Protocol: tc.protocol, Seed: 1, ReplyTimeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			r.Enable()
			if err := r.Step(); err != nil {
				t.Fatal(err)
			}
			d, host := inlineOf(t, r)
			if d == nil || host.inline != d {
				t.Fatal("after the first Step the devices are not served in the host's thread")
			}
			const n = 200
			hw, dw, dr := host.flushes, d.writes, d.reads
			for range n {
				if err := r.Step(); err != nil {
					t.Fatal(err)
				}
			}
			per := func(k int) float64 { return float64(k) / n }
			h, w, rd := per(host.flushes-hw), per(d.writes-dw), per(d.reads-dr)
			t.Logf("%s: per cycle %.2f host write(2)s, %.2f device write(2)s, %.2f device read(2)s of the master", tc.protocol, h, w, rd)
			if h > tc.hostWrites || w > tc.devWrites || rd > tc.devReads {
				t.Errorf("per cycle %.2f host writes (want ≤ %g), %.2f device writes (≤ %g), %.2f device reads (≤ %g)",
					h, tc.hostWrites, w, tc.devWrites, rd, tc.devReads)
			}
			snap := r.Loop().NewSnapshot()
			r.Snapshot(snap)
			if snap.StaleCycles != 0 || snap.ReadErrors != 0 {
				t.Errorf("%d stale cycles, %d read errors on a healthy bus", snap.StaleCycles, snap.ReadErrors)
			}
		})
	}
}

// A reply that never comes costs a lockstep cycle no wall time: the devices
// have answered everything before the host reads, so the drivers end their
// wait on the quiet port (canbus.Quieter) instead of sleeping out the reply
// timeout — here 10 s, which a cycle would otherwise wait every time. The
// bus goes off after start-up (whose waits are on the goroutine path).
func TestLockstepLostReplyEndsAtOnce(t *testing.T) {
	for _, protocol := range []string{ProtocolDynamixel, ProtocolCANopen, ProtocolCubeMars} {
		t.Run(protocol, func(t *testing.T) {
			r, err := Open(Config{ModelPath: psmPath(), Protocol: protocol, Seed: 1, ReplyTimeout: 10 * time.Second,
				Faults: []firmwaresim.Fault{{Kind: firmwaresim.FaultBusOff, Joint: -1, From: 2 * time.Second}}})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			for r.Now() <= 2*time.Second {
				if err := r.Step(); err != nil {
					t.Fatal(err)
				}
			}
			start := time.Now()
			for range 5 {
				if err := r.Step(); err != nil {
					t.Fatal(err)
				}
			}
			if wall := time.Since(start); wall > 5*time.Second {
				t.Fatalf("5 cycles with every reply lost took %v: the drivers waited out their reply timeout", wall)
			}
			snap := r.Loop().NewSnapshot()
			r.Snapshot(snap)
			if snap.ReadErrors == 0 {
				t.Error("the host saw no read error with the bus off")
			}
		})
	}
}

// BenchmarkLockstepPTYCycle times one lockstep cycle of the PSM over the
// pty on each protocol: the host's drivers, the devices inline, the
// simulator's step and the loop, holding the arm enabled (go test -bench
// LockstepPTYCycle ./robot/). Real time at the protocol's rate is the
// protocol's period over ns/op.
func BenchmarkLockstepPTYCycle(b *testing.B) {
	for _, protocol := range []string{ProtocolDynamixel, ProtocolCANopen, ProtocolCubeMars} {
		b.Run(protocol, func(b *testing.B) {
			r, err := Open(Config{ModelPath: psmPath(), Protocol: protocol, Seed: 1, ReplyTimeout: time.Second})
			if err != nil {
				b.Fatal(err)
			}
			defer r.Close()
			r.Enable()
			for range 100 {
				if err := r.Step(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if err := r.Step(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Every byte either side acts on from the other's copy must cross the pty
// as it was sent: a byte the kernel delivered that the sender did not write
// (here one written behind the inline device's back) ends the run with an
// error naming both, in each direction.
func TestLockstepPTYVerifiesEveryByte(t *testing.T) {
	for _, dir := range []string{"device to host", "host to device"} {
		for _, protocol := range []string{ProtocolDynamixel, ProtocolCANopen} {
			t.Run(dir+"/"+protocol, func(t *testing.T) {
				r, err := Open(Config{ModelPath: psmPath(), Protocol: protocol, Seed: 1, ReplyTimeout: time.Second})
				if err != nil {
					t.Fatal(err)
				}
				r.Enable()
				for range 50 {
					if err := r.Step(); err != nil {
						t.Fatal(err)
					}
				}
				d, host := inlineOf(t, r)
				want := "the slave delivered"
				if dir == "device to host" {
					_, err = d.pty.Master.Write([]byte{0x7e})
				} else {
					_, err = host.Port.Write([]byte{0x7e})
					want = "the master delivered"
				}
				if err != nil {
					t.Fatal(err)
				}
				err = r.Close()
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("a stray byte on the pty: Close returned %v, want an error saying %q", err, want)
				}
			})
		}
	}
}
