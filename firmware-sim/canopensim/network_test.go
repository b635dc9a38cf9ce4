package canopensim

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// The fault windows of the round-trip scenario, on the Sim's clock: start-
// up and the position step finish well before them.
const (
	faultFrom = 3 * time.Second
	faultTo   = 3200 * time.Millisecond
	faultSpec = "overtemp:joint=2,from=3s,to=3.2s;drivefault:joint=3,from=3s,to=3.2s"
)

// TestNetworkRoundTrip runs chiron's real host canopen.Network against three
// simulated drives, over an in-memory CAN bus and over SLCAN on a real pty:
// start-up (device type, PDO mapping, 0x1016/0x6007/0x1017, CiA 402 walk to
// Operation enabled), a CSP position step the plant follows, faults with
// EMCY and fault reset, then loss of the master's heartbeat tripping the
// drives' 0x6007 quick stop, and recovery.
func TestNetworkRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		rig  func(testing.TB, *firmwaresim.Sim, canopen.OpMode, func(*canopen.Config)) *hostRig
	}{
		{"bus", newBusRig},
		{"pty", newPTYRig},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.rig(t, newSim(t, 3, faultSpec), canopen.ModeCSP, nil)
			roundTrip(t, r)
		})
	}
}

func roundTrip(t *testing.T, r *hostRig) {
	// SDO aborts as the host's SDO client sees them (before start-up:
	// the drives are pre-operational after boot).
	sdo := &canopen.SDOClient{Conn: r.conn, Timeout: 2 * time.Second}
	for _, c := range []struct {
		name string
		err  error
		want canopen.AbortCode
	}{
		{"read 0x2000", func() error { _, err := sdo.UploadU32(2, 0x2000, 0); return err }(), canopen.AbortNoObject},
		{"write 0x1000", sdo.DownloadU32(2, canopen.ObjDeviceType, 0, 0), canopen.AbortReadOnly},
		{"write 0x6060 = 1", sdo.DownloadI8(2, canopen.ObjModesOfOperation, 0, 1), canopen.AbortRange},
		{"write 0x6040 as u32", sdo.DownloadU32(2, canopen.ObjControlword, 0, 6), canopen.AbortLength},
		{"read 0x1016:7", func() error { _, err := sdo.UploadU32(2, canopen.ObjConsumerHeartbeat, 7); return err }(), canopen.AbortNoSub},
	} {
		if !isAbort(c.err, c.want) || drivers.KindOf(c.err) != drivers.KindAbort {
			t.Fatalf("%s: %v, want abort 0x%08x", c.name, c.err, uint32(c.want))
		}
	}
	if err := r.net.Start(); err != nil {
		t.Fatalf("Start: %v", err)
	}
	if now := r.sim.Now(); now >= faultFrom-time.Second {
		t.Fatalf("start-up took %v of simulated time", now)
	}
	for i := range 3 {
		st := r.node.Status(i)
		// Start stops at Switched on: no torque, brake engaged, until
		// the loop's first active command enables operation.
		if st.NMT != canopen.NodeOperational || st.State != canopen.StateSwitchedOn || st.Mode != canopen.ModeCSP {
			t.Fatalf("joint %d after Start: %+v", i, st)
		}
		if r.drive(i).Enabled {
			t.Fatalf("joint %d: power stage on in Switched on", i)
		}
	}

	// CSP position step: the plant follows physically.
	for i := range r.cmds {
		r.cmds[i] = drivers.JointCommand{Mode: drivers.ModePosition}
	}
	r.cmds[0].Position = 0.5
	r.run(800)
	if got := r.states[0].Position; math.Abs(got-0.5) > 2e-3 {
		t.Fatalf("CSP step: joint 1 reports %.4f rad, want 0.5", got)
	}
	r.sim.Lock()
	q := r.sim.Plant().Position()[0]
	r.sim.Unlock()
	if math.Abs(q-0.5) > 2e-3 {
		t.Fatalf("CSP step: plant at %.4f rad, want 0.5", q)
	}
	if r.states[0].Status&drivers.StatusEnabled == 0 || math.Abs(r.states[1].Position) > 1e-3 {
		t.Fatalf("states after the step: %+v", r.states)
	}

	// Faults: over-temperature on joint 2 and a drive fault on joint 3.
	for r.sim.Now() < faultFrom+5*time.Millisecond {
		r.cycle()
	}
	r.cycle()
	for _, c := range []struct {
		joint  int
		code   uint16
		status drivers.Status
	}{{1, emcyOverTemp, drivers.StatusOverTemperature}, {2, emcyHardware, 0}} {
		err := r.net.JointError(c.joint)
		var e *canopen.Emergency
		if drivers.KindOf(err) != drivers.KindDriveFault || !errors.As(err, &e) || e.Code != c.code {
			t.Fatalf("joint %d: error %v, want drive fault with EMCY 0x%04x", c.joint, err, c.code)
		}
		st := r.node.Status(c.joint)
		if st.State != canopen.StateFault || st.ErrorCode != c.code || st.ErrorRegister&errRegGeneric == 0 {
			t.Fatalf("joint %d: %+v", c.joint, st)
		}
		if s := r.states[c.joint].Status; s&drivers.StatusFault == 0 || s&c.status != c.status {
			t.Fatalf("joint %d status %b", c.joint, s)
		}
		if r.drive(c.joint).Enabled {
			t.Fatalf("joint %d: power stage on in Fault", c.joint)
		}
	}
	if r.net.JointError(0) != nil {
		t.Fatalf("joint 1: %v", r.net.JointError(0))
	}
	// A reset while the cause persists leaves the drive in Fault.
	r.net.ResetFault(-1)
	for range 5 {
		r.cycle()
	}
	if st := r.node.Status(2); st.State != canopen.StateFault {
		t.Fatalf("joint 3 left Fault while its cause is active: %+v", st)
	}
	for r.sim.Now() < faultTo+5*time.Millisecond {
		r.cycle()
	}
	r.net.ResetFault(-1)
	for range 5 {
		r.cycle()
	}
	for _, i := range []int{1, 2} {
		if st := r.node.Status(i); st.State != canopen.StateSwitchOnDisabled || st.ErrorCode != 0 || st.ErrorRegister != 0 {
			t.Fatalf("joint %d after fault reset: %+v", i+1, st)
		}
	}
	r.net.Enable(-1)
	for range 10 {
		r.cycle()
	}
	r.run(20)
	for i := range 3 {
		if st := r.node.Status(i); st.State != canopen.StateOperationEnabled {
			t.Fatalf("joint %d after re-enable: %+v", i+1, st)
		}
	}

	// Loss of the master: joint 1 moving at 1 rad/s, then the loop stops.
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: 1}
	r.run(600) // the drive's position loop lags by Kd/Kp = 0.1 s
	if v := r.states[0].Velocity; math.Abs(v-1) > 0.05 {
		t.Fatalf("joint 1 velocity %.3f before the loss, want 1", v)
	}
	for range 150 { // master timeout 100 ms (10 × 10 ms heartbeat)
		r.sim.Step(time.Millisecond)
		if c, ok := r.conn.(*directConn); ok {
			c.tick()
		}
	}
	awaitEMCY(t, r.conn, canopen.EmcyHeartbeat, 1, 2, 3)
	for i := range 3 {
		st := r.node.Status(i)
		if st.State != canopen.StateQuickStopActive || st.ErrorRegister&errRegComm == 0 {
			t.Fatalf("joint %d after the master's loss: %+v", i+1, st)
		}
	}
	// Quick stop: decelerated to rest at 20 rad/s², then holding; the
	// drives' ramp advances at every Tick, here after every 1 ms step.
	for range 300 {
		r.sim.Step(time.Millisecond)
		r.tick()
	}
	r.sim.Lock()
	q1, v1 := r.sim.Plant().Position()[0], r.sim.Plant().Velocity()[0]
	r.sim.Unlock()
	for range 300 {
		r.sim.Step(time.Millisecond)
		r.tick()
	}
	r.sim.Lock()
	q2 := r.sim.Plant().Position()[0]
	r.sim.Unlock()
	if math.Abs(v1) > 0.01 || math.Abs(q2-q1) > 1e-3 || !r.drive(0).Enabled {
		t.Fatalf("quick stop: v %.4f, drift %.5f rad, enabled %v", v1, q2-q1, r.drive(0).Enabled)
	}
	if st := r.node.Status(0); st.Statusword&canopen.SWTargetReached == 0 {
		t.Fatalf("quick stop at rest without target reached: 0x%04x", st.Statusword)
	}

	// Recovery: Enable alone takes the drive down through transition 12
	// and climbs again (transition 16 is optional and this drive refuses it).
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModePosition, Position: q2}
	r.net.Enable(-1)
	// The host's loop did not run for the 750 ms above (the SDO barrier
	// discards the drives' heartbeats), so its consumer rightly reports the
	// drives lost until the next heartbeat arrives: up to one 0x1017 period
	// (20 ms) away, at a phase that depends on when the drives booted. Run
	// past it before asking for error-free cycles.
	for range 30 {
		r.cycle()
	}
	r.run(20)
	for i := range 3 {
		if st := r.node.Status(i); st.State != canopen.StateOperationEnabled {
			t.Fatalf("joint %d after recovery: %+v", i+1, st)
		}
	}
}

// TestLossOfMasterOptions checks each 0x6007 option on the loss of the
// master's heartbeat, in lockstep.
func TestLossOfMasterOptions(t *testing.T) {
	for _, tc := range []struct {
		opt     canopen.AbortOption
		state   canopen.DriveState
		enabled bool
		code    uint16
	}{
		{canopen.AbortFaultSignal, canopen.StateFault, false, canopen.EmcyHeartbeat},
		{canopen.AbortDisableVolt, canopen.StateSwitchOnDisabled, false, 0},
		{canopen.AbortQuickStop, canopen.StateQuickStopActive, true, 0},
	} {
		t.Run(tc.state.String(), func(t *testing.T) {
			r, c := newDirectRig(t, newSim(t, 2, ""), canopen.ModeCSP, func(cfg *canopen.Config) {
				cfg.AbortOption = tc.opt
				cfg.MasterTimeout = 50 * time.Millisecond
			})
			if err := r.net.Start(); err != nil {
				t.Fatal(err)
			}
			for i := range r.cmds {
				r.cmds[i] = drivers.JointCommand{Mode: drivers.ModePosition}
			}
			r.run(10)
			c.drain()
			for k := range 60 {
				r.sim.Step(time.Millisecond)
				c.tick()
				st := r.node.Status(1)
				if k < 40 && st.State != canopen.StateOperationEnabled {
					t.Fatalf("tripped after %d ms of silence (timeout 50 ms): %+v", k+1, st)
				}
			}
			var codes []uint16
			for _, f := range c.drain() {
				if e, err := canopen.DecodeEmergency(f); err == nil {
					codes = append(codes, e.Code)
				}
			}
			if len(codes) != 2 || codes[0] != canopen.EmcyHeartbeat {
				t.Fatalf("EMCYs %04x, want one 0x8130 per drive", codes)
			}
			for i := range 2 {
				st := r.node.Status(i)
				if st.State != tc.state || st.ErrorCode != tc.code || r.drive(i).Enabled != tc.enabled {
					t.Fatalf("joint %d: %+v, power %v", i+1, st, r.drive(i).Enabled)
				}
			}
		})
	}
}

// TestCSVAndCST drives the other cyclic modes through the host.
func TestCSVAndCST(t *testing.T) {
	r, _ := newDirectRig(t, newSim(t, 2, ""), canopen.ModeCSV, nil)
	if err := r.net.Start(); err != nil {
		t.Fatal(err)
	}
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: -0.8}
	r.cmds[1] = drivers.JointCommand{Mode: drivers.ModeVelocity}
	r.run(300)
	if v := r.states[0].Velocity; math.Abs(v+0.8) > 0.02 {
		t.Fatalf("CSV: %.4f rad/s, want -0.8", v)
	}

	r, _ = newDirectRig(t, newSim(t, 1, ""), canopen.ModeCST, nil)
	if err := r.net.Start(); err != nil {
		t.Fatal(err)
	}
	r.cmds[0] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: 1}
	r.run(50)
	// 1 N·m of the 4 N·m rated torque: 250 ‰, read back as torque actual.
	if e := r.states[0].Effort; math.Abs(e-1) > 4.0/1000 {
		t.Fatalf("CST: effort %.4f N·m, want 1", e)
	}
	if r.states[0].Velocity <= 0 {
		t.Fatalf("CST: a positive torque did not accelerate the joint: %+v", r.states[0])
	}
}
