package robot

import (
	"math"
	"testing"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
)

// Every protocol's simulated front end opens its host side as hardware's
// is opened (rig.OpenWith): the loop's bus is a rig.Bus around the
// protocol's real driver, and it maps the PSM's prismatic insertion — a
// Dynamixel servo or MIT motor through the firmware's capstan, a CiA 402
// drive counting in metres — onto the model's metres: each joint reads the
// plant's position.
func TestSimulatedFrontEndsOpenThroughRig(t *testing.T) {
	for _, tc := range []struct {
		protocol string
		driver   func(any) bool
		tol      float64 // encoder resolution at the joint, and more
	}{
		{ProtocolDynamixel, func(d any) bool { _, ok := d.(*dynamixel.Bus); return ok }, 1e-3},
		{ProtocolCANopen, func(d any) bool { _, ok := d.(*canopen.Network); return ok }, 1e-3},
		{ProtocolCubeMars, func(d any) bool { _, ok := d.(*cubemars.Bus); return ok }, 2e-2},
	} {
		t.Run(tc.protocol, func(t *testing.T) {
			r, err := Open(Config{ModelPath: psmPath(), Protocol: tc.protocol, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := r.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			}()
			b, ok := r.front.bus().(*rig.Bus)
			if !ok {
				t.Fatalf("the loop's bus is %T, not the rig.Bus hardware opens", r.front.bus())
			}
			if b.Protocol() != tc.protocol || !tc.driver(b.Driver()) {
				t.Fatalf("rig.Bus %s around %T", b.Protocol(), b.Driver())
			}
			for range 5 {
				if err := r.Step(); err != nil {
					t.Fatal(err)
				}
			}
			snap := r.Loop().NewSnapshot()
			r.Snapshot(snap)
			r.sim.Lock()
			q := append([]float64(nil), r.sim.Plant().Position()...)
			r.sim.Unlock()
			prismatic := 0
			for i, j := range r.Chain().Joints {
				if j.Type == kinematics.Prismatic {
					prismatic++
				}
				if got := snap.Joints[i].Position; math.Abs(got-q[i]) > tc.tol {
					t.Errorf("joint %s reads %.5f, the plant is at %.5f", j.Name, got, q[i])
				}
			}
			if prismatic == 0 {
				t.Fatal("the PSM has no prismatic joint: the lead mapping is not exercised")
			}
		})
	}
}

// CubeMars lockstep through rig.OpenWith is a function of the seed, as the
// other protocols are (TestRigLockstepDeterministic).
func TestCubeMarsLockstepDeterministic(t *testing.T) {
	faults, err := firmwaresim.ParseFaults("noise:joint=2,sigma=0.001;biterror:p=0.01,from=200ms", 6)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{ModelPath: psmPath(), Protocol: ProtocolCubeMars, Seed: 42, Faults: faults}
	// (A bit error in an MIT reply, which carries no CRC, can read as a
	// drive fault: with this seed joint 4 faults at 282 ms, as it did
	// before the host side went through rig.OpenWith.)
	a, snap := runHold(t, cfg, 400)
	if snap.State == control.Disabled || snap.State == control.Enabling {
		t.Fatalf("state %v after 400 cycles: the robot never enabled", snap.State)
	}
	b, _ := runHold(t, cfg, 400)
	if a != b {
		t.Fatalf("two lockstep runs with seed 42 differ: %x vs %x", a, b)
	}
	cfg.Seed = 43
	if c, _ := runHold(t, cfg, 400); c == a {
		t.Errorf("seeds 42 and 43 gave identical runs: the seed is not used")
	}
}
