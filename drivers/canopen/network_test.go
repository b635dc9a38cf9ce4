package canopen

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// tickClock is a virtual clock advancing 1 ms per reading, so start-up
// timeouts elapse deterministically without sleeping.
type tickClock struct{ t time.Duration }

func (c *tickClock) now() time.Duration { c.t += time.Millisecond; return c.t }

type rig struct {
	bus    *canbus.Bus
	drives []*fakeDrive
	net    *Network
	clock  *tickClock
	states []drivers.JointState
	cmds   []drivers.JointCommand
	now    time.Duration
}

func newRig(t testing.TB, joints []JointConfig, tweak func(*Config, []*fakeDrive)) *rig {
	t.Helper()
	r := &rig{bus: canbus.NewBus(4096), clock: &tickClock{}}
	for _, j := range joints {
		r.drives = append(r.drives, newFakeDrive(r.bus, j.Node))
	}
	t.Cleanup(func() {
		for _, d := range r.drives {
			d.close()
		}
	})
	cfg := Config{Joints: joints, Clock: r.clock.now, ReadTimeout: 500 * time.Millisecond, SDOTimeout: time.Second}
	if tweak != nil {
		tweak(&cfg, r.drives)
	}
	n, err := New(r.bus.Connect(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	r.net = n
	r.states = make([]drivers.JointState, len(joints))
	r.cmds = make([]drivers.JointCommand, len(joints))
	return r
}

func (r *rig) start(t testing.TB) {
	t.Helper()
	if err := r.net.Start(); err != nil {
		t.Fatalf("Start: %v", err)
	}
	r.now = r.clock.t
}

// cycle runs one Read then Write at now+1 ms, as the control loop does.
func (r *rig) cycle() (readErr, writeErr error) {
	r.now += time.Millisecond
	readErr = r.net.Read(r.now, r.states)
	writeErr = r.net.Write(r.now, r.cmds)
	return
}

func threeJoints() []JointConfig {
	return []JointConfig{
		{Node: 1, Mode: ModeCSP, CountsPerRad: 1000, TorqueOffset: true},
		{Node: 2, Mode: ModeCSV, CountsPerRad: 2000, RatedTorque: 2.5},
		{Node: 3, Mode: ModeCST, CountsPerRad: 1000, GearRatio: 10, MaxTorque: 20},
	}
}

func TestStartupConfiguresDrives(t *testing.T) {
	r := newRig(t, threeJoints(), nil)
	r.start(t)
	for i, d := range r.drives {
		node := uint64(d.node)
		checks := []struct {
			name  string
			index uint16
			sub   uint8
			want  uint64
		}{
			{"consumer heartbeat on master 127, 100 ms", ObjConsumerHeartbeat, 1, 127<<16 | 100},
			{"abort connection = quick stop", ObjAbortConnection, 0, 3},
			{"producer heartbeat 20 ms", ObjProducerHeartbeat, 0, 20},
			{"mode", ObjModesOfOperation, 0, uint64(r.net.joints[i].cfg.Mode)},
			{"RPDO1 valid", ObjRPDOComm, 1, 0x200 + node},
			{"RPDO1 synchronous", ObjRPDOComm, 2, 1},
			{"RPDO2 invalid", ObjRPDOComm + 1, 1, 0x300 + node | cobInvalid},
			{"TPDO1 valid", ObjTPDOComm, 1, 0x180 + node},
			{"TPDO1 synchronous", ObjTPDOComm, 2, 1},
			{"TPDO2 valid", ObjTPDOComm + 1, 1, 0x280 + node},
			{"TPDO3 invalid", ObjTPDOComm + 2, 1, 0x380 + node | cobInvalid},
			{"TPDO1 entries", ObjTPDOMap, 0, 3},
			{"TPDO1 statusword", ObjTPDOMap, 1, 0x60410010},
			{"TPDO1 position", ObjTPDOMap, 2, 0x60640020},
			{"TPDO1 torque", ObjTPDOMap, 3, 0x60770010},
			{"TPDO2 velocity", ObjTPDOMap + 1, 1, 0x606C0020},
			{"RPDO1 controlword", ObjRPDOMap, 1, 0x60400010},
		}
		for _, c := range checks {
			if got := d.get(c.index, c.sub); got != c.want {
				t.Errorf("node %d %s: 0x%04x:%02x = 0x%x, want 0x%x", d.node, c.name, c.index, c.sub, got, c.want)
			}
		}
		// Start stops at Switched on: no torque before a loop enables.
		if st, _ := r.net.DriveState(i); st != StateSwitchedOn {
			t.Errorf("joint %d state %v after Start, want switched-on", i, st)
		}
	}
	want := map[int][2]uint64{0: {2, 0x607A0020}, 1: {2, 0x60FF0020}, 2: {2, 0x60710010}}
	want[0] = [2]uint64{3, 0x607A0020}
	for i, w := range want {
		if n := r.drives[i].get(ObjRPDOMap, 0); n != w[0] || r.drives[i].get(ObjRPDOMap, 2) != w[1] {
			t.Errorf("joint %d RPDO1 mapping: %d entries, second 0x%x", i, n, r.drives[i].get(ObjRPDOMap, 2))
		}
	}
	if r.drives[0].get(ObjRPDOMap, 3) != 0x60B20010 {
		t.Error("CSP torque offset not mapped")
	}
	// MaxTorque 20 N·m at the joint with gear 10 on a 2.5 N·m drive = 800 ‰.
	if got := r.drives[2].get(ObjMaxTorque, 0); got != 800 {
		t.Errorf("0x6072 = %d, want 800", got)
	}
}

func TestCyclicExchangeScalesUnits(t *testing.T) {
	r := newRig(t, threeJoints(), nil)
	r.start(t)
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModePosition, Position: 0.5, Effort: 1.25}
	r.cmds[1] = drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: -1.5}
	r.cmds[2] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: 5}
	// Cycle 1 reads the primed SYNC and sends the commands; cycle 2 reads
	// what the drives did with them.
	for k := 0; k < 2; k++ {
		if re, we := r.cycle(); re != nil || we != nil {
			t.Fatalf("cycle %d: %v / %v", k, re, we)
		}
	}
	if err := r.net.Read(r.now+time.Millisecond, r.states); err != nil {
		t.Fatal(err)
	}
	s := r.states
	if s[0].Position != 0.5 || s[0].Status&drivers.StatusEnabled == 0 {
		t.Errorf("CSP joint: %+v", s[0])
	}
	// Effort feed-forward 1.25 N·m on a 2.5 N·m drive = 500 ‰, echoed as torque.
	if math.Abs(s[0].Effort-1.25) > 1e-9 {
		t.Errorf("CSP effort %v", s[0].Effort)
	}
	if s[1].Velocity != -1.5 {
		t.Errorf("CSV velocity %v", s[1].Velocity)
	}
	// 5 N·m at the joint / gear 10 = 0.5 N·m = 200 ‰ of 2.5 N·m.
	if got := r.drives[2].get(ObjTargetTorque, 0); got != 200 {
		t.Errorf("target torque %d ‰, want 200", got)
	}
	if math.Abs(s[2].Effort-5) > 1e-9 {
		t.Errorf("CST effort %v", s[2].Effort)
	}
	if s[0].Stamp != r.now {
		t.Errorf("stamp %v, want the SYNC time %v", s[0].Stamp, r.now)
	}
}

func TestImpedanceOnCSTAndClamp(t *testing.T) {
	r := newRig(t, threeJoints()[2:], nil)
	r.start(t)
	// q = 0, q̇ = 0: τ = 1 + 10·(0.2−0) + 0 = 3 N·m → 120 ‰.
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.2, Effort: 1, Kp: 10, Kd: 1}
	r.cycle() // enable operation (the drive starts Switched on); no torque yet
	if got := int16(r.drives[0].get(ObjTargetTorque, 0)); got != 0 {
		t.Errorf("torque %d ‰ before the drive reported Operation enabled", got)
	}
	r.cycle()
	r.cycle()
	if got := int16(r.drives[0].get(ObjTargetTorque, 0)); got != 120 {
		st, sw := r.net.DriveState(0)
		t.Logf("state %v sw %x err %v %+v", st, sw, r.net.JointError(0), r.states[0])
		t.Errorf("impedance torque %d ‰, want 120", got)
	}
	// 1000 N·m is clamped to MaxTorque 20 N·m = 800 ‰.
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: -1000}
	r.cycle()
	r.cycle()
	if got := int16(r.drives[0].get(ObjTargetTorque, 0)); got != -800 {
		t.Errorf("clamped torque %d ‰, want -800", got)
	}
}

func TestUnsupportedModeAndNaNDisableOperation(t *testing.T) {
	r := newRig(t, threeJoints()[:1], nil)
	r.start(t)
	r.cycle()
	for _, c := range []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 1}, {Mode: drivers.ModePosition, Position: math.NaN()}} {
		r.cmds[0] = c
		_, we := r.cycle()
		if drivers.KindOf(we) != drivers.KindProtocol {
			t.Fatalf("%v: Write error %v, want protocol", c, we)
		}
		r.cycle()
		if st, _ := r.net.DriveState(0); st != StateSwitchedOn {
			t.Errorf("%v: state %v, want switched-on (operation disabled)", c, st)
		}
		if got := r.drives[0].get(ObjTargetPosition, 0); got != 0 {
			t.Errorf("target moved to %d", got)
		}
	}
	// A valid command again re-enables (our own transition 5 is not a drop).
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModePosition, Position: 0.1}
	r.cycle()
	r.cycle()
	r.cycle()
	if r.states[0].Position != 0.1 {
		t.Errorf("position %v after re-enable", r.states[0].Position)
	}
}

func TestWrongDeviceType(t *testing.T) {
	r := newRig(t, threeJoints(), func(c *Config, d []*fakeDrive) {
		d[1].set(ObjDeviceType, 0, 0x00040191) // CiA 401 I/O module
	})
	err := r.net.Start()
	var de *drivers.Error
	if !errors.As(err, &de) || de.Joint != 1 || de.Kind != drivers.KindProtocol {
		t.Fatalf("Start = %v, want protocol error on joint 1", err)
	}
}

// TestStartupChecksIdentity: a joint whose EDS gives the drive's identity
// starts only on that drive: another product code (or vendor) at the node
// is refused at start-up naming 0x1018 and the data sheet; the right one
// starts.
func TestStartupChecksIdentity(t *testing.T) {
	for _, c := range []struct {
		name string
		id   Identity
		want string
	}{
		{"the drive the EDS describes", Identity{Vendor: 0xC0, Product: 0x402, Source: "drive.eds"}, ""},
		{"another product", Identity{Vendor: 0xC0, Product: 0x403, Source: "drive.eds"}, "node 2 is vendor 0x000000c0 product 0x00000402 (0x1018:01, :02), not the drive drive.eds describes (vendor 0x000000c0 product 0x00000403)"},
		{"another vendor", Identity{Vendor: 0x9A, Product: 0x402, Source: "other.eds"}, "not the drive other.eds describes (vendor 0x0000009a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newRig(t, threeJoints(), func(cfg *Config, _ []*fakeDrive) {
				id := c.id
				cfg.Joints[1].Identity = &id
			})
			err := r.net.Start()
			var de *drivers.Error
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("Start = %v", err)
			case c.want != "" && (!errors.As(err, &de) || de.Joint != 1 || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("Start = %v, want joint 1 refused: %s", err, c.want)
			}
		})
	}
}

func TestStartupSDOAbortNamesJoint(t *testing.T) {
	r := newRig(t, threeJoints(), func(c *Config, d []*fakeDrive) {
		delete(d[2].od, key(ObjTargetTorque, 0)) // cannot be mapped
	})
	err := r.net.Start()
	var ae *SDOAbortError
	if drivers.KindOf(err) != drivers.KindAbort || !errors.As(err, &ae) || ae.Code != AbortNoMap {
		t.Fatalf("Start = %v, want abort 0x06040041", err)
	}
	var de *drivers.Error
	if errors.As(err, &de); de.Joint != 2 {
		t.Errorf("joint %d", de.Joint)
	}
}

func TestStartupResetsFault(t *testing.T) {
	r := newRig(t, threeJoints(), func(c *Config, d []*fakeDrive) {
		d[0].state = StateFault
	})
	r.start(t)
	if st, _ := r.net.DriveState(0); st != StateSwitchedOn {
		t.Fatalf("state %v, want switched-on", st)
	}
}

func TestStartupStuckTimesOut(t *testing.T) {
	r := newRig(t, threeJoints(), func(c *Config, d []*fakeDrive) {
		d[1].state = StateNotReadyToSwitchOn // never leaves it on its own
		c.StateTimeout = 50 * time.Millisecond
	})
	err := r.net.Start()
	var de *drivers.Error
	if !errors.As(err, &de) || de.Joint != 1 || de.Kind != drivers.KindTimeout {
		t.Fatalf("Start = %v, want timeout on joint 1", err)
	}
}

func TestMissingTPDOIsTimeoutForThatJoint(t *testing.T) {
	r := newRig(t, threeJoints(), func(c *Config, _ []*fakeDrive) { c.ReadTimeout = 20 * time.Millisecond })
	r.start(t)
	r.cycle()
	r.drives[1].mu.Lock()
	r.drives[1].silentTPDO = true
	r.drives[1].mu.Unlock()
	r.cycle() // the SYNC of this Write goes unanswered by node 2
	prev := r.states[1]
	r.now += time.Millisecond
	err := r.net.Read(r.now, r.states)
	var de *drivers.Error
	if !errors.As(err, &de) || de.Joint != 1 || de.Kind != drivers.KindTimeout {
		t.Fatalf("Read = %v, want timeout on joint 1", err)
	}
	if r.net.JointError(0) != nil || r.net.JointError(2) != nil {
		t.Errorf("healthy joints report %v, %v", r.net.JointError(0), r.net.JointError(2))
	}
	if r.states[1].Stamp != prev.Stamp {
		t.Error("a missing sample must keep the old stamp so freshness checks catch it")
	}
}

func TestHeartbeatLossWithInjectedClock(t *testing.T) {
	r := newRig(t, threeJoints(), nil) // drive timeout 100 ms
	r.start(t)
	r.cycle()
	r.drives[2].mu.Lock()
	r.drives[2].silentHB = true
	r.drives[2].mu.Unlock()
	r.cycle() // the last heartbeat of node 3 may still be in flight
	last := r.now
	// 99 ms of virtual silence: still fine.
	r.now = last + 99*time.Millisecond
	if err := r.net.Read(r.now, r.states); err != nil {
		t.Fatalf("at 99 ms: %v", err)
	}
	if err := r.net.Write(r.now, r.cmds); err != nil {
		t.Fatal(err)
	}
	r.now = last + 101*time.Millisecond
	err := r.net.Read(r.now, r.states)
	var de *drivers.Error
	if !errors.As(err, &de) || de.Joint != 2 || de.Kind != drivers.KindTimeout || de != r.net.joints[2].errHB {
		t.Fatalf("at 101 ms: %v, want heartbeat timeout on joint 2", err)
	}
	if r.net.JointError(0) != nil {
		t.Errorf("joint 0 affected: %v", r.net.JointError(0))
	}
	// The heartbeat coming back clears it.
	r.drives[2].mu.Lock()
	r.drives[2].silentHB = false
	r.drives[2].mu.Unlock()
	r.net.Write(r.now, r.cmds)
	r.now++
	if err := r.net.Read(r.now, r.states); err != nil {
		t.Fatalf("after recovery: %v", err)
	}
}

func TestHeartbeatConsumerUnit(t *testing.T) {
	var c HeartbeatConsumer
	c.Watch(5, 100*time.Millisecond, 0)
	if c.Expired(5, 100*time.Millisecond) || !c.Expired(5, 101*time.Millisecond) {
		t.Fatal("never-seen node expiry")
	}
	if !c.Observe(EncodeHeartbeat(5, NodeOperational), 150*time.Millisecond) || c.Observe(EncodeHeartbeat(6, NodeOperational), 0) {
		t.Fatal("Observe")
	}
	if s, last, seen := c.State(5); s != NodeOperational || last != 150*time.Millisecond || !seen {
		t.Fatal("State")
	}
	if c.Expired(5, 250*time.Millisecond) || !c.Expired(5, 251*time.Millisecond) {
		t.Fatal("expiry after heartbeat")
	}
	var p HeartbeatProducer
	p = HeartbeatProducer{Node: 127, Period: 10 * time.Millisecond, State: NodeOperational}
	sent := 0
	for now := time.Duration(0); now < 100*time.Millisecond; now += time.Millisecond {
		if f, ok := p.Poll(now); ok {
			sent++
			if f != fr(0x77F, 0x05) {
				t.Fatalf("heartbeat frame %v", f)
			}
		}
	}
	if sent != 10 {
		t.Errorf("sent %d heartbeats in 100 ms at 10 ms", sent)
	}
}

func TestMasterHeartbeatFollowsTheLoop(t *testing.T) {
	r := newRig(t, threeJoints()[:1], nil)
	sniff := r.bus.Connect()
	r.start(t)
	masterHeartbeats(sniff)   // drain what start-up sent
	for k := 0; k < 50; k++ { // 50 cycles of 1 ms at a 10 ms period
		r.cycle()
	}
	beats := masterHeartbeats(sniff)
	if beats < 4 || beats > 6 {
		t.Errorf("%d master heartbeats in 50 ms", beats)
	}
}

// TestLoopClockOtherThanStartupClock runs the cycles on a clock whose epoch
// differs from the start-up clock's, as a control loop's runner does (its
// clock starts when it does): behind it, the master heartbeat used to stay
// silent until the loop's clock caught up with the start-up's, and the
// drives took the master for dead (chiron demo's PSM faulted 50 ms after
// enabling); ahead of it, the drives' heartbeats would expire at once.
func TestLoopClockOtherThanStartupClock(t *testing.T) {
	for _, tc := range []struct {
		name  string
		epoch func(startEnd time.Duration) time.Duration // the loop clock's first reading
	}{
		{"loop clock starts at zero", func(time.Duration) time.Duration { return 0 }},
		{"loop clock behind by 5 s", func(e time.Duration) time.Duration { return e - 5*time.Second }},
		{"loop clock ahead by 10 s", func(e time.Duration) time.Duration { return e + 10*time.Second }},
		{"same clock, 300 ms later", func(e time.Duration) time.Duration { return e + 300*time.Millisecond }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, threeJoints(), nil)
			r.clock.t = 5 * time.Second // start-up well past the loop clock's epoch
			sniff := r.bus.Connect()
			r.start(t)
			masterHeartbeats(sniff) // drain what start-up sent
			r.now = tc.epoch(r.now)
			for k := 0; k < 300; k++ { // 300 ms of 1 ms cycles; drive timeout 100 ms
				if rerr, werr := r.cycle(); rerr != nil || werr != nil {
					t.Fatalf("cycle %d: read %v, write %v", k, rerr, werr)
				}
			}
			beats := masterHeartbeats(sniff)
			if beats < 29 || beats > 31 {
				t.Errorf("%d master heartbeats in 300 ms at a 10 ms period", beats)
			}
			for i, s := range r.states {
				if s.Stamp > r.now || s.Stamp < r.now-2*time.Millisecond {
					t.Errorf("joint %d stamped %v at loop time %v", i, s.Stamp, r.now)
				}
			}
		})
	}
}

func TestFaultSurfacesAndResets(t *testing.T) {
	r := newRig(t, threeJoints(), nil)
	r.start(t)
	r.cycle()
	r.drives[1].mu.Lock()
	r.drives[1].injectFault = 0x2310 // continuous over-current
	r.drives[1].mu.Unlock()
	r.cycle()
	re, _ := r.cycle()
	var de *drivers.Error
	var em *Emergency
	if !errors.As(re, &de) || de.Joint != 1 || de.Kind != drivers.KindDriveFault || !errors.As(re, &em) || em.Code != 0x2310 {
		t.Fatalf("Read = %v, want drive fault with EMCY 0x2310", re)
	}
	if s := r.states[1].Status; s&drivers.StatusFault == 0 || s&drivers.StatusOverCurrent == 0 || s&drivers.StatusEnabled != 0 {
		t.Errorf("status %b", s)
	}
	// Faults are never reset silently.
	for k := 0; k < 5; k++ {
		r.cycle()
	}
	if st, _ := r.net.DriveState(1); st != StateFault {
		t.Fatalf("state %v, want fault held", st)
	}
	r.net.ResetFault(1)
	for k := 0; k < 5; k++ {
		r.cycle()
	}
	if st, _ := r.net.DriveState(1); st != StateSwitchOnDisabled {
		t.Fatalf("after reset: %v, want switch-on-disabled until Enable", st)
	}
	r.cmds[1] = drivers.JointCommand{Mode: drivers.ModeVelocity}
	r.net.Enable(1)
	for k := 0; k < 5; k++ {
		r.cycle()
	}
	re, _ = r.cycle()
	if st, _ := r.net.DriveState(1); st != StateOperationEnabled || re != nil || r.states[1].Status.Faulty() {
		t.Fatalf("after Enable: %v %v %b", st, re, r.states[1].Status)
	}
}

func TestQuickStopAndDisable(t *testing.T) {
	r := newRig(t, threeJoints(), nil)
	r.start(t)
	r.net.QuickStop()
	r.cycle()
	r.cycle()
	for i := range r.drives {
		if r.drives[i].get(ObjControlword, 0) != uint64(CWQuickStop) {
			t.Errorf("joint %d controlword 0x%x", i, r.drives[i].get(ObjControlword, 0))
		}
	}
	for k := 0; k < 5; k++ {
		r.cycle()
	}
	for i := range r.drives {
		if st, _ := r.net.DriveState(i); st != StateSwitchOnDisabled {
			t.Errorf("joint %d %v after quick stop", i, st)
		}
	}
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModePosition}
	r.net.Enable(-1)
	for k := 0; k < 6; k++ {
		r.cycle()
	}
	if st, _ := r.net.DriveState(0); st != StateOperationEnabled {
		t.Errorf("after Enable: %v", st)
	}
	r.net.Disable()
	r.cycle()
	r.cycle()
	if st, _ := r.net.DriveState(2); st != StateSwitchOnDisabled || r.drives[2].get(ObjControlword, 0) != 0 {
		t.Errorf("after Disable: %v", st)
	}
}

func TestDriveDropIsLatched(t *testing.T) {
	r := newRig(t, threeJoints()[:1], nil)
	r.start(t)
	r.cycle()
	// The drive drops to switch on disabled on its own (e.g. its 0x6007
	// action after a master outage).
	r.drives[0].mu.Lock()
	r.drives[0].state = StateSwitchOnDisabled
	r.drives[0].mu.Unlock()
	for k := 0; k < 6; k++ {
		r.cycle()
	}
	if st, _ := r.net.DriveState(0); st != StateSwitchOnDisabled {
		t.Fatalf("drive re-enabled silently: %v", st)
	}
}

func TestConfigValidation(t *testing.T) {
	good := threeJoints()
	bad := []Config{
		{},
		{Joints: []JointConfig{{Node: 0, Mode: ModeCSP, CountsPerRad: 1}}},
		{Joints: []JointConfig{{Node: 1, Mode: 3, CountsPerRad: 1}}},
		{Joints: []JointConfig{{Node: 1, Mode: ModeCSP}}},
		{Joints: []JointConfig{{Node: 1, Mode: ModeCSP, CountsPerRad: 1}, {Node: 1, Mode: ModeCSP, CountsPerRad: 1}}},
		{Joints: []JointConfig{{Node: 127, Mode: ModeCSP, CountsPerRad: 1}}},
		{Joints: good, AbortOption: -1},
		{Joints: good, HeartbeatPeriod: 100 * time.Millisecond, MasterTimeout: 50 * time.Millisecond},
	}
	for i, c := range bad {
		if _, err := New(canbus.NewBus(1).Connect(), c); err == nil {
			t.Errorf("config %d accepted", i)
		}
	}
	n, err := New(canbus.NewBus(1).Connect(), Config{Joints: good})
	if err != nil {
		t.Fatal(err)
	}
	if n.Read(0, make([]drivers.JointState, 3)) == nil || n.Write(0, make([]drivers.JointCommand, 2)) == nil {
		t.Error("use before Start / wrong length accepted")
	}
}

func sevenJoints() []JointConfig {
	js := make([]JointConfig, 7)
	for i := range js {
		js[i] = JointConfig{Node: uint8(i + 1), Mode: []OpMode{ModeCSP, ModeCSV, ModeCST}[i%3], CountsPerRad: 4096 / (2 * math.Pi) * 100, RatedTorque: 1}
	}
	return js
}

func TestCyclicPathDoesNotAllocate(t *testing.T) {
	r := newRig(t, sevenJoints(), nil)
	r.start(t)
	for i := range r.cmds {
		r.cmds[i] = drivers.JointCommand{Mode: []drivers.Mode{drivers.ModePosition, drivers.ModeVelocity, drivers.ModeImpedance}[i%3],
			Position: 0.1, Velocity: 0.2, Effort: 0.3, Kp: 1, Kd: 0.1}
	}
	r.cycle()
	allocs := testing.AllocsPerRun(200, func() {
		if re, we := r.cycle(); re != nil || we != nil {
			t.Fatal(re, we)
		}
	})
	if allocs != 0 {
		t.Errorf("%.1f allocations per Read+Write", allocs)
	}
}

func BenchmarkCycle7Drives(b *testing.B) {
	r := newRig(b, sevenJoints(), nil)
	r.start(b)
	for i := range r.cmds {
		r.cmds[i] = drivers.JointCommand{Mode: []drivers.Mode{drivers.ModePosition, drivers.ModeVelocity, drivers.ModeImpedance}[i%3],
			Position: 0.1, Velocity: 0.2, Effort: 0.3, Kp: 1, Kd: 0.1}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if re, we := r.cycle(); re != nil || we != nil {
			b.Fatal(re, we)
		}
	}
}

func BenchmarkPDOPack(b *testing.B) {
	m := tpdo1Mapping
	vals := []uint64{0x237, 123456, 42}
	var f canbus.Frame
	b.ReportAllocs()
	for b.Loop() {
		m.Pack(&f, vals)
	}
}

func BenchmarkPDOUnpack(b *testing.B) {
	m := tpdo1Mapping
	var f canbus.Frame
	m.Pack(&f, []uint64{0x237, 123456, 42})
	vals := make([]uint64, 3)
	b.ReportAllocs()
	for b.Loop() {
		if err := m.Unpack(&f, vals); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHeartbeatConsumerAssumeAfterNMTStart: after the master's NMT start, a
// node whose last heartbeat said pre-operational is taken as operational
// (no spurious "left NMT operational"), while the heartbeat timeout still
// runs from the last heartbeat actually received.
func TestHeartbeatConsumerAssumeAfterNMTStart(t *testing.T) {
	var c HeartbeatConsumer
	c.Watch(3, 100*time.Millisecond, 0)
	c.Observe(EncodeHeartbeat(3, NodePreOperational), 10*time.Millisecond)
	c.Assume(3, NodeOperational)
	s, last, seen := c.State(3)
	if s != NodeOperational || last != 10*time.Millisecond || !seen {
		t.Fatalf("state %v last %v seen %v", s, last, seen)
	}
	if c.Expired(3, 100*time.Millisecond) || !c.Expired(3, 111*time.Millisecond) {
		t.Fatal("Assume moved the heartbeat deadline")
	}
	c.Assume(4, NodeOperational) // not watched: ignored
	if _, _, seen := c.State(4); seen {
		t.Fatal("unwatched node recorded")
	}
}

// masterHeartbeats drains what sniff has received and counts the master's
// heartbeats (node 127: COB-ID 0x77F) among it.
func masterHeartbeats(sniff canbus.Conn) int {
	beats := 0
	for {
		f, err := sniff.ReadFrame(0)
		if err != nil {
			return beats
		}
		if f.ID == 0x77F {
			beats++
		}
	}
}
