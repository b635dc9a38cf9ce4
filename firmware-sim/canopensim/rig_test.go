package canopensim

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// testChain returns n joints rotating about vertical axes (so gravity
// loads none of them) 5 cm apart, effort limit 4 N·m.
func testChain(n int) *kinematics.Chain {
	c := &kinematics.Chain{Name: "canopen-test", Base: "base", TipName: "tip", Tip: kinematics.Identity(), InsertionJoint: -1}
	for i := range n {
		o := kinematics.Identity()
		o.P = [3]float64{0.05, 0, 0}
		c.Joints = append(c.Joints, kinematics.Joint{Name: fmt.Sprintf("j%d", i+1), Type: kinematics.Revolute, Origin: o,
			Axis: [3]float64{0, 0, 1}, Lower: -3, Upper: 3, Effort: 4, Velocity: 6,
			Body: kinematics.Inertia{Mass: 0.2, COM: [3]float64{0.02, 0, 0}, I: [9]float64{1e-4, 0, 0, 0, 1e-4, 0, 0, 0, 1e-4}}})
	}
	return c
}

func newSim(t testing.TB, n int, faults string) *firmwaresim.Sim {
	t.Helper()
	fs, err := firmwaresim.ParseFaults(faults, n)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := firmwaresim.New(testChain(n), firmwaresim.Config{Seed: 7, Faults: fs})
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

func newNode(t testing.TB, sim *firmwaresim.Sim) *Node {
	t.Helper()
	node, err := New(sim, Config{})
	if err != nil {
		t.Fatal(err)
	}
	return node
}

// directConn is a lockstep canbus.Conn straight into a Node: WriteFrame
// calls HandleFrame then Tick on the caller's goroutine (as ServeCAN does
// after every frame) and queues what the drives send; ReadFrame never
// waits. Nothing runs concurrently, so tests on it
// are deterministic.
type directConn struct {
	node *Node
	rx   []canbus.Frame
}

func (c *directConn) push(f canbus.Frame) { c.rx = append(c.rx, f) }

func (c *directConn) WriteFrame(f canbus.Frame) error {
	c.node.HandleFrame(f, c.push)
	c.node.Tick(c.push)
	return nil
}

func (c *directConn) ReadFrame(time.Duration) (canbus.Frame, error) {
	if len(c.rx) == 0 {
		return canbus.Frame{}, canbus.ErrTimeout
	}
	f := c.rx[0]
	c.rx = c.rx[1:]
	return f, nil
}

func (c *directConn) Close() error { return nil }

// tick runs the node's periodic work.
func (c *directConn) tick() { c.node.Tick(c.push) }

// drain returns and forgets everything queued.
func (c *directConn) drain() []canbus.Frame {
	out := c.rx
	c.rx = nil
	return out
}

// hostRig is the real host canopen.Network on a transport to a Node.
type hostRig struct {
	t      testing.TB
	sim    *firmwaresim.Sim
	node   *Node
	conn   canbus.Conn // the host's
	net    *canopen.Network
	states []drivers.JointState
	cmds   []drivers.JointCommand
}

// stepClock is the host's start-up clock in lockstep: every reading
// advances the simulation by 1 ms, so start-up timeouts and heartbeats run
// on the Sim's time.
func stepClock(sim *firmwaresim.Sim) func() time.Duration {
	return func() time.Duration {
		sim.Step(time.Millisecond)
		return sim.Now()
	}
}

func hostConfig(node *Node, mode canopen.OpMode, tweak func(*canopen.Config)) canopen.Config {
	cfg := canopen.Config{Joints: node.HostJoints(mode), Clock: stepClock(node.sim),
		ReadTimeout: 2 * time.Second, SDOTimeout: 2 * time.Second}
	if tweak != nil {
		tweak(&cfg)
	}
	return cfg
}

// newBusRig serves node on an in-memory canbus.Bus (firmwaresim.ServeCAN)
// and puts the host on the same bus.
func newBusRig(t testing.TB, sim *firmwaresim.Sim, mode canopen.OpMode, tweak func(*canopen.Config)) *hostRig {
	t.Helper()
	node := newNode(t, sim)
	bus := canbus.NewBus(4096)
	dev, host := bus.Connect(), bus.Connect()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- firmwaresim.ServeCAN(ctx, dev, node, time.Millisecond) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("ServeCAN: %v", err)
		}
		dev.Close()
		host.Close()
	})
	return newHostRig(t, sim, node, host, mode, tweak)
}

// newPTYRig serves node as an SLCAN adapter on a real pseudo-terminal; the
// host opens the slave with serialport.Open and canbus.DialSLCAN exactly as
// it opens a USB-CAN adapter.
func newPTYRig(t testing.TB, sim *firmwaresim.Sim, mode canopen.OpMode, tweak func(*canopen.Config)) *hostRig {
	t.Helper()
	node := newNode(t, sim)
	link := filepath.Join(t.TempDir(), "ttyCAN0")
	p, err := firmwaresim.OpenPTY(link)
	if err != nil {
		t.Skipf("pseudo-terminals unavailable here: %v", err)
	}
	srv := &firmwaresim.SLCANServer{Node: node, Poll: time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, p) }()
	port, err := serialport.Open(link, serialport.Config{})
	if err != nil {
		cancel()
		p.Close()
		t.Fatal(err)
	}
	conn, err := canbus.DialSLCAN(port, 1_000_000)
	if err != nil {
		cancel()
		port.Close()
		p.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		conn.Close()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("SLCAN Serve: %v", err)
		}
		p.Close()
	})
	return newHostRig(t, sim, node, conn, mode, tweak)
}

// newDirectRig runs the host on a directConn: everything on the test's
// goroutine, deterministic.
func newDirectRig(t testing.TB, sim *firmwaresim.Sim, mode canopen.OpMode, tweak func(*canopen.Config)) (*hostRig, *directConn) {
	t.Helper()
	node := newNode(t, sim)
	c := &directConn{node: node}
	return newHostRig(t, sim, node, c, mode, tweak), c
}

func newHostRig(t testing.TB, sim *firmwaresim.Sim, node *Node, conn canbus.Conn, mode canopen.OpMode, tweak func(*canopen.Config)) *hostRig {
	t.Helper()
	net, err := canopen.New(conn, hostConfig(node, mode, tweak))
	if err != nil {
		t.Fatal(err)
	}
	n := sim.Joints()
	return &hostRig{t: t, sim: sim, node: node, conn: conn, net: net,
		states: make([]drivers.JointState, n), cmds: make([]drivers.JointCommand, n)}
}

// cycle steps the plant 1 ms and runs one control cycle (Read, Write) at
// the Sim's time, as a lockstep HIL loop does.
func (r *hostRig) cycle() (readErr, writeErr error) {
	r.sim.Step(time.Millisecond)
	now := r.sim.Now()
	readErr = r.net.Read(now, r.states)
	writeErr = r.net.Write(now, r.cmds)
	return
}

// tick makes sure the drives' Tick has run at the Sim's present time, on
// any transport: two confirmed SDO uploads in a row (ServeCAN ticks after
// every frame, so the second request is handled after the first one's
// Tick). Frames other than the responses are discarded.
func (r *hostRig) tick() {
	r.t.Helper()
	sdo := &canopen.SDOClient{Conn: r.conn, Timeout: 2 * time.Second}
	for range 2 {
		if _, err := sdo.UploadU16(1, canopen.ObjStatusword, 0); err != nil {
			r.t.Fatalf("SDO barrier: %v", err)
		}
	}
}

// run runs k cycles and fails on any error.
func (r *hostRig) run(k int) {
	r.t.Helper()
	for i := range k {
		if re, we := r.cycle(); re != nil || we != nil {
			r.t.Fatalf("cycle %d at %v: read %v, write %v", i, r.sim.Now(), re, we)
		}
	}
}

// drive returns a copy of joint i's simulated drive.
func (r *hostRig) drive(i int) firmwaresim.Drive {
	r.sim.Lock()
	defer r.sim.Unlock()
	return r.sim.Drives[i]
}

// awaitEMCY reads raw frames on the host's connection until every node in
// nodes has sent an EMCY with code, and fails after 5 s without one.
func awaitEMCY(t testing.TB, c canbus.Conn, code uint16, nodes ...uint8) {
	t.Helper()
	want := map[uint8]bool{}
	for _, n := range nodes {
		want[n] = true
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(want) > 0 {
		f, err := c.ReadFrame(time.Until(deadline))
		if err != nil {
			t.Fatalf("waiting for EMCY 0x%04x from nodes %v: %v", code, want, err)
		}
		if fn, _ := canopen.SplitCOB(f.ID); fn != canopen.COBEmcy || f.ID == canopen.COBSync {
			continue
		}
		e, err := canopen.DecodeEmergency(f)
		if err == nil && e.Code == code {
			delete(want, e.Node)
		}
	}
}

// sdoUpload and sdoDownload are expedited SDO transfers over a directConn,
// returning the data or the abort code.
func sdoUpload(t testing.TB, c *directConn, node uint8, index uint16, sub uint8) ([]byte, canopen.AbortCode) {
	t.Helper()
	c.drain()
	c.WriteFrame(canopen.EncodeSDORequest(node, &canopen.SDO{Command: canopen.SDOInitiateUpload, Index: index, Sub: sub}))
	return sdoAnswer(t, c, node, canopen.SDOInitiateUpload)
}

func sdoDownload(t testing.TB, c *directConn, node uint8, index uint16, sub uint8, data ...byte) canopen.AbortCode {
	t.Helper()
	c.drain()
	m := canopen.SDO{Command: canopen.SDOInitiateDownload, Index: index, Sub: sub, Expedited: true, SizeIndicated: true, N: uint8(len(data))}
	copy(m.Data[:], data)
	c.WriteFrame(canopen.EncodeSDORequest(node, &m))
	_, code := sdoAnswer(t, c, node, canopen.SDOInitiateDownload)
	return code
}

func sdoAnswer(t testing.TB, c *directConn, node uint8, want canopen.SDOCommand) ([]byte, canopen.AbortCode) {
	t.Helper()
	for _, f := range c.drain() {
		if f.ID != canopen.COBSDOTx+uint32(node) {
			continue
		}
		_, m, err := canopen.DecodeSDOResponse(f)
		if err != nil {
			t.Fatalf("bad SDO response %v: %v", f, err)
		}
		if m.Command == canopen.SDOAbort {
			return nil, m.Abort
		}
		if m.Command != want {
			t.Fatalf("SDO response %v, want %v", m.Command, want)
		}
		return append([]byte(nil), m.Bytes()...), 0
	}
	t.Fatalf("no SDO response from node %d", node)
	return nil, 0
}

func le16(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
