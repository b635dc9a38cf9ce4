package canopensim

import (
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// heartbeats returns the NMT states of node's heartbeats among fs.
func heartbeats(fs []canbus.Frame, node uint8) []canopen.NMTState {
	var out []canopen.NMTState
	for _, f := range fs {
		if n, s, err := canopen.DecodeHeartbeat(f); err == nil && n == node {
			out = append(out, s)
		}
	}
	return out
}

func emcys(fs []canbus.Frame, node uint8) []uint16 {
	var out []uint16
	for _, f := range fs {
		if e, err := canopen.DecodeEmergency(f); err == nil && e.Node == node {
			out = append(out, e.Code)
		}
	}
	return out
}

// steps advances the simulation by k ms, ticking after every millisecond.
func steps(sim *firmwaresim.Sim, c *directConn, k int) {
	for range k {
		sim.Step(time.Millisecond)
		c.tick()
	}
}

// TestNMTAndHeartbeat: boot-up, the heartbeat producer on the Sim's clock,
// and each NMT command.
func TestNMTAndHeartbeat(t *testing.T) {
	sim := newSim(t, 2, "")
	c := &directConn{node: newNode(t, sim)}
	c.tick()
	out := c.drain()
	if hb := heartbeats(out, 1); len(hb) != 1 || hb[0] != canopen.NodeBootUp || len(heartbeats(out, 2)) != 1 {
		t.Fatalf("boot-up: %v", out)
	}
	steps(sim, c, 50)
	if out := c.drain(); len(out) != 0 {
		t.Fatalf("0x1017 = 0 but sent %v", out)
	}
	if code := sdoDownload(t, c, 1, canopen.ObjProducerHeartbeat, 0, le16(10)...); code != 0 {
		t.Fatal(code)
	}
	steps(sim, c, 100)
	if hb := heartbeats(c.drain(), 1); len(hb) != 10 || hb[0] != canopen.NodePreOperational {
		t.Fatalf("100 ms at 10 ms: heartbeats %v", hb)
	}
	for _, s := range []struct {
		cmd  canopen.NMTCommand
		node uint8
		want canopen.NMTState
	}{
		{canopen.NMTStart, 1, canopen.NodeOperational},
		{canopen.NMTStop, 0, canopen.NodeStopped},
		{canopen.NMTPreOperational, 1, canopen.NodePreOperational},
		{canopen.NMTStart, 0, canopen.NodeOperational},
	} {
		c.WriteFrame(canopen.EncodeNMT(s.cmd, s.node))
		if hb := heartbeats(c.drain(), 1); len(hb) != 1 || hb[0] != s.want {
			t.Fatalf("%v: heartbeat %v at once, want %v", s.cmd, hb, s.want)
		}
		if st := c.node.Status(1); s.node == 0 && st.NMT != s.want {
			t.Fatalf("%v to all: node 2 %v", s.cmd, st.NMT)
		}
	}
	// Stopped: no SDO, no PDO, heartbeats only.
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTStop, 1))
	c.drain()
	c.WriteFrame(canopen.EncodeSDORequest(1, &canopen.SDO{Command: canopen.SDOInitiateUpload, Index: 0x1000}))
	c.WriteFrame(canopen.EncodeSync())
	for _, f := range c.drain() {
		if f.ID&0x7F == 1 {
			t.Fatalf("stopped node sent %v", f)
		}
	}
	// Malformed NMT frames are ignored.
	c.WriteFrame(canbus.Frame{ID: 0, Length: 3, Data: [8]byte{1, 1}})
	c.WriteFrame(canbus.Frame{ID: 0, Length: 2, Data: [8]byte{0x55, 1}})
	if st := c.node.Status(0); st.NMT != canopen.NodeStopped {
		t.Fatalf("after malformed NMT: %v", st.NMT)
	}
	// Reset communication: boot-up, 0x1017 back to 0, application kept.
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTPreOperational, 1))
	sdoDownload(t, c, 1, canopen.ObjModesOfOperation, 0, 10)
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTResetCommunication, 1))
	if hb := heartbeats(c.drain(), 1); len(hb) != 1 || hb[0] != canopen.NodeBootUp {
		t.Fatalf("reset communication: %v", hb)
	}
	if b, _ := sdoUpload(t, c, 1, canopen.ObjProducerHeartbeat, 0); u32(b) != 0 {
		t.Fatalf("0x1017 after reset communication: %x", b)
	}
	if b, _ := sdoUpload(t, c, 1, canopen.ObjModesOfOperation, 0); u32(b) != 10 {
		t.Fatalf("0x6060 after reset communication: %x", b)
	}
	// Reset node: everything at power-on values.
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTResetNode, 0))
	if out := c.drain(); len(heartbeats(out, 1)) != 1 || len(heartbeats(out, 2)) != 1 {
		t.Fatalf("reset node: %v", out)
	}
	if b, _ := sdoUpload(t, c, 1, canopen.ObjModesOfOperation, 0); u32(b) != 8 {
		t.Fatalf("0x6060 after reset node: %x", b)
	}
}

// TestSyncPDOs: synchronous RPDOs take effect at the next SYNC; a short
// RPDO and a bad SYNC raise EMCYs.
func TestSyncPDOs(t *testing.T) {
	sim := newSim(t, 1, "")
	c := &directConn{node: newNode(t, sim)}
	c.tick()
	if code := sdoDownload(t, c, 1, canopen.ObjRPDOComm, 2, 1); code != 0 {
		t.Fatal(code)
	}
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTStart, 1))
	rpdo := canbus.Frame{ID: 0x201, Length: 6, Data: [8]byte{0x06, 0x00}}
	c.WriteFrame(rpdo)
	if st := c.node.Status(0); st.State != canopen.StateSwitchOnDisabled {
		t.Fatalf("synchronous RPDO acted before SYNC: %v", st.State)
	}
	c.drain()
	c.WriteFrame(canopen.EncodeSync())
	out := c.drain()
	if st := c.node.Status(0); st.State != canopen.StateReadyToSwitchOn {
		t.Fatalf("after SYNC: %v", st.State)
	}
	if len(out) != 1 || out[0].ID != 0x181 || out[0].Length != 6 || out[0].Data[0] != 0x31 || out[0].Data[1] != 0x02 {
		t.Fatalf("TPDO1 after SYNC: %v", out)
	}
	c.WriteFrame(canbus.Frame{ID: 0x201, Length: 2, Data: [8]byte{0x07}})
	if e := emcys(c.drain(), 1); len(e) != 1 || e[0] != canopen.EmcyPDOLength {
		t.Fatalf("short RPDO: EMCY %04x", e)
	}
	c.WriteFrame(canbus.Frame{ID: 0x080, Length: 3})
	if e := emcys(c.drain(), 1); len(e) != 1 || e[0] != 0x8240 {
		t.Fatalf("SYNC of 3 bytes: EMCY %04x", e)
	}
	// Controlword by SDO, straight to Operation enabled.
	sdoDownload(t, c, 1, canopen.ObjControlword, 0, le16(0x0F)...)
	if st := c.node.Status(0); st.State != canopen.StateOperationEnabled {
		t.Fatalf("0x0F by SDO: %v", st.State)
	}
	if b, _ := sdoUpload(t, c, 1, canopen.ObjStatusword, 0); u32(b) != 0x0237 {
		t.Fatalf("statusword %x", b)
	}
}

// TestInjectedFaults: replies dropped, corrupted and delayed; a dead node
// and a bus-off, from firmwaresim's fault spec.
func TestInjectedFaults(t *testing.T) {
	upload := func(c *directConn, node uint8) []canbus.Frame {
		c.drain()
		c.WriteFrame(canopen.EncodeSDORequest(node, &canopen.SDO{Command: canopen.SDOInitiateUpload, Index: canopen.ObjDeviceType}))
		return c.drain()
	}
	clean := canopen.EncodeSDOResponse(1, &canopen.SDO{Command: canopen.SDOInitiateUpload, Index: canopen.ObjDeviceType,
		Expedited: true, SizeIndicated: true, N: 4, Data: [7]byte{0x92, 0x01, 0x02, 0x00}})

	t.Run("drop", func(t *testing.T) {
		c := &directConn{node: newNode(t, newSim(t, 2, "drop:joint=1"))}
		c.tick()
		if out := upload(c, 1); len(out) != 0 {
			t.Fatalf("dropped node answered %v", out)
		}
		if out := upload(c, 2); len(out) != 1 {
			t.Fatalf("node 2: %v", out)
		}
	})
	t.Run("biterror", func(t *testing.T) {
		c := &directConn{node: newNode(t, newSim(t, 1, "biterror:joint=1"))}
		c.tick()
		out := upload(c, 1)
		if len(out) != 1 || out[0].ID != clean.ID || out[0].Length != 8 {
			t.Fatalf("corrupted answer %v", out)
		}
		diff := 0
		for i := range out[0].Data {
			for x := out[0].Data[i] ^ clean.Data[i]; x != 0; x &= x - 1 {
				diff++
			}
		}
		if diff != 1 {
			t.Fatalf("%d bits differ: % x vs % x", diff, out[0].Data, clean.Data)
		}
	})
	t.Run("delay", func(t *testing.T) {
		sim := newSim(t, 1, "delay:joint=1,delay=5ms")
		c := &directConn{node: newNode(t, sim)}
		if out := upload(c, 1); len(out) != 0 {
			t.Fatalf("delayed answer sent at once: %v", out)
		}
		steps(sim, c, 4)
		if len(c.rx) != 0 {
			t.Fatalf("sent after 4 ms: %v", c.rx)
		}
		steps(sim, c, 1)
		if out := c.drain(); len(out) != 2 || out[1] != clean { // boot-up, then the answer
			t.Fatalf("after 5 ms: %v", out)
		}
	})
	t.Run("dead", func(t *testing.T) {
		sim := newSim(t, 2, "dead:joint=2,from=10ms,to=50ms")
		c := &directConn{node: newNode(t, sim)}
		c.tick()
		sdoDownload(t, c, 2, canopen.ObjProducerHeartbeat, 0, le16(5)...)
		steps(sim, c, 12)
		c.drain()
		steps(sim, c, 30)
		if hb := heartbeats(c.drain(), 2); len(hb) != 0 {
			t.Fatalf("dead node's heartbeats %v", hb)
		}
		if out := upload(c, 2); len(out) != 0 {
			t.Fatalf("dead node answered %v", out)
		}
		steps(sim, c, 10)
		if hb := heartbeats(c.drain(), 2); len(hb) != 1 || hb[0] != canopen.NodeBootUp {
			t.Fatalf("revived node: %v (want one boot-up and 0x1017 back to 0)", hb)
		}
	})
	t.Run("busoff", func(t *testing.T) {
		sim := newSim(t, 2, "busoff:from=10ms,to=20ms")
		c := &directConn{node: newNode(t, sim)}
		c.tick()
		for n := uint8(1); n <= 2; n++ {
			sdoDownload(t, c, n, canopen.ObjAbortConnection, 0, le16(3)...)
			sdoDownload(t, c, n, canopen.ObjControlword, 0, le16(0x06)...)
			sdoDownload(t, c, n, canopen.ObjControlword, 0, le16(0x0F)...)
		}
		steps(sim, c, 10)
		if out := upload(c, 1); len(out) != 0 {
			t.Fatalf("answered during bus-off: %v", out)
		}
		for i := range 2 {
			if st := c.node.Status(i); st.State != canopen.StateQuickStopActive {
				t.Fatalf("joint %d during bus-off: %v (0x6007 = 3)", i+1, st.State)
			}
		}
		steps(sim, c, 10)
		out := c.drain()
		if e1, e2 := emcys(out, 1), emcys(out, 2); len(e1) != 1 || e1[0] != 0x8140 || len(e2) != 1 {
			t.Fatalf("after bus-off: %v", out)
		}
	})
}

// TestEventDrivenPDOs: an event-driven RPDO (the power-on RPDO1, type 255)
// acts at once; an event-driven TPDO goes out on its event timer.
func TestEventDrivenPDOs(t *testing.T) {
	sim := newSim(t, 1, "")
	c := &directConn{node: newNode(t, sim)}
	c.tick()
	for _, s := range []struct {
		sub  uint8
		data []byte
	}{{1, le32(0x181 | cobInvalid)}, {2, []byte{255}}, {5, le16(5)}, {1, le32(0x181)}} {
		if code := sdoDownload(t, c, 1, canopen.ObjTPDOComm, s.sub, s.data...); code != 0 {
			t.Fatalf("0x1800:%d: abort 0x%08x", s.sub, uint32(code))
		}
	}
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTStart, 1))
	c.WriteFrame(canbus.Frame{ID: 0x201, Length: 6, Data: [8]byte{0x06}})
	if st := c.node.Status(0); st.State != canopen.StateReadyToSwitchOn {
		t.Fatalf("event-driven RPDO: %v", st.State)
	}
	c.drain()
	steps(sim, c, 20)
	n := 0
	for _, f := range c.drain() {
		if f.ID == 0x181 {
			n++
		}
	}
	if n != 4 {
		t.Fatalf("%d TPDO1 in 20 ms with a 5 ms event timer, want 4", n)
	}
}

// TestCyclicPathAllocatesNothing: an RPDO, a SYNC (RPDO applied, TPDOs
// sampled and sent) and a Tick allocate nothing once running.
func TestCyclicPathAllocatesNothing(t *testing.T) {
	sim := newSim(t, 3, "")
	c := &directConn{node: newNode(t, sim)}
	c.tick()
	for n := uint8(1); n <= 3; n++ {
		sdoDownload(t, c, n, canopen.ObjRPDOComm, 2, 1)
		sdoDownload(t, c, n, canopen.ObjProducerHeartbeat, 0, le16(1)...)
	}
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTStart, 0))
	var sent int
	discard := func(canbus.Frame) { sent++ }
	rpdo := canbus.Frame{ID: 0x201, Length: 6, Data: [8]byte{0x06}}
	sync := canopen.EncodeSync()
	allocs := testing.AllocsPerRun(200, func() {
		sim.Step(time.Millisecond)
		c.node.HandleFrame(rpdo, discard)
		c.node.HandleFrame(sync, discard)
		c.node.Tick(discard)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per cycle", allocs)
	}
	if sent < 200*6 {
		t.Fatalf("%d frames sent in 200 cycles, want 3 TPDO1 + 3 heartbeats each", sent)
	}
}
