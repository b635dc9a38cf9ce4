package dxlsim

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// TestSizedModel: a sized servo's ranges are the joint's — full current is
// ±effort, the Velocity Limit reaches the joint's velocity — with a fine
// encoder and velocity unit, for any size.
func TestSizedModel(t *testing.T) {
	for _, tc := range []struct{ effort, velocity float64 }{
		{4.1, 2}, {87, 2.175}, {300, 10}, {0.2, 6}, {2000, 100},
	} {
		m, err := SizedModel(tc.effort, tc.velocity)
		if err != nil {
			t.Fatal(err)
		}
		full := float64(m.MaxCurrent) * m.CurrentUnit * m.TorqueConstant
		if math.Abs(full-tc.effort) > 1e-12*tc.effort || m.PeakTorque() != tc.effort {
			t.Errorf("%v N·m: full current gives %v N·m, peak %v", tc.effort, full, m.PeakTorque())
		}
		if m.Effort(int16(m.MaxCurrent)) != full || m.CurrentUnits(tc.effort) != float64(m.MaxCurrent) {
			t.Errorf("%v N·m: conversions disagree: %v N·m at max current, %v units at effort", tc.effort, m.Effort(int16(m.MaxCurrent)), m.CurrentUnits(tc.effort))
		}
		if top := m.Velocity(m.MaxVelocity); top < tc.velocity || m.MaxVelocity < velocityLimitMin {
			t.Errorf("%v rad/s: Velocity Limit range %d units = %v rad/s", tc.velocity, m.MaxVelocity, top)
		}
		if m.Number != SizedModelNumber || m.CountsPerRev != sizedCountsPerRev || m.Position(m.CenterCount) != 0 {
			t.Errorf("model %+v", *m)
		}
		if _, known := dynamixel.ModelByNumber(m.Number); known {
			t.Errorf("sized servo's number %d is a catalogue model's", m.Number)
		}
	}
	for _, tc := range []struct {
		effort, velocity float64
		want             string
	}{
		{0, 1, "effort 0 N·m"}, {-1, 1, "effort -1"}, {math.NaN(), 1, "effort NaN"}, {math.Inf(1), 1, "effort +Inf"},
		{1, -1, "velocity -1"}, {1, math.NaN(), "velocity NaN"}, {1, 1e12, "beyond the Velocity Limit"},
	} {
		if _, err := SizedModel(tc.effort, tc.velocity); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("SizedModel(%v, %v): %v, want %q", tc.effort, tc.velocity, err, tc.want)
		}
	}
}

// TestSizedServoOnBus: the host's dynamixel.Bus and the Server share sized
// models (a 40 N·m revolute joint, a 200 N prismatic one through the
// default lead, and an unknown-effort joint given a default): ping matches,
// a torque command arrives at the plant as that torque, the present
// current reads back as the plant's torque, and the Velocity Limit the host
// reads is the sized range.
func TestSizedServoOnBus(t *testing.T) {
	sim := newSim(t, 3, 1, "")
	c := sim.Plant().Chain()
	c.Joints[0].Effort = 40
	c.Joints[2].Effort = 0
	models, err := SizedModels(c, 0, 50, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := models[1].PeakTorque(); math.Abs(got-200*DefaultPrismaticLead) > 1e-12 {
		t.Errorf("prismatic joint sized to %v N·m at the shaft, want 2", got)
	}
	if got := models[2].PeakTorque(); got != 50 {
		t.Errorf("joint without effort sized to %v N·m, want the default 50", got)
	}
	srv, err := New(sim, Config{Models: models})
	if err != nil {
		t.Fatal(err)
	}
	host, dev := serialport.Pipe()
	serve(t, srv, dev, host.Close)
	// A catalogue host configuration is refused by the sized servo.
	cat := dynamixel.NewClient(host)
	cat.Timeout = time.Second
	if _, err := dynamixel.NewBus(cat, dynamixel.BusConfig{Joints: []dynamixel.Joint{{ID: 1, Model: &dynamixel.XM430W350}}}); err == nil || !strings.Contains(err.Error(), "configured as XM430-W350") {
		t.Errorf("XM430-W350 host on a sized servo: %v", err)
	}
	cl := dynamixel.NewClient(host)
	cl.Timeout = time.Second
	joints := make([]dynamixel.Joint, 3)
	for i := range joints {
		joints[i] = dynamixel.Joint{ID: byte(i + 1), Model: models[i]}
	}
	bus, err := dynamixel.NewBus(cl, dynamixel.BusConfig{Joints: joints, PositionMode: dynamixel.OpExtendedPosition})
	if err != nil {
		t.Fatal(err)
	}
	blk := make([]byte, 4)
	if err := cl.Read(1, dynamixel.X.VelocityLimit.Addr, blk); err != nil {
		t.Fatal(err)
	}
	if v := int32(blk[0]) | int32(blk[1])<<8 | int32(blk[2])<<16 | int32(blk[3])<<24; v != models[0].MaxVelocity {
		t.Errorf("Velocity Limit %d, want %d", v, models[0].MaxVelocity)
	}
	states := make([]drivers.JointState, 3)
	if err := bus.Read(0, states); err != nil {
		t.Fatal(err)
	}
	cmds := []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 30}, {Mode: drivers.ModeEffort, Effort: -120}, {Mode: drivers.ModeEffort, Effort: 60}}
	// The transmission the host applies for a prismatic joint (F·lead).
	shaft := []drivers.JointCommand{cmds[0], {Mode: drivers.ModeEffort, Effort: -120 * DefaultPrismaticLead}, cmds[2]}
	if err := bus.Write(time.Millisecond, shaft); err != nil {
		t.Fatal(err)
	}
	sim.Lock()
	for i, want := range []float64{30, -120, 50} { // the third saturates at its 50 N·m
		if got := sim.Drives[i].Command.Effort; math.Abs(got-want) > 2e-3*math.Abs(want) {
			t.Errorf("joint %d: plant commanded %v, want %v", i+1, got, want)
		}
	}
	sim.Unlock()
	sim.Step(time.Millisecond)
	if err := bus.Read(2*time.Millisecond, states); err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{30, -120 * DefaultPrismaticLead} {
		if math.Abs(states[i].Effort-want) > 2e-3*math.Abs(want) {
			t.Errorf("joint %d: present current reads %v N·m, want %v", i+1, states[i].Effort, want)
		}
	}
}
