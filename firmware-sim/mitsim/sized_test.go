package mitsim

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
)

// TestSizedModel: a sized MIT motor's ranges are the joint's — torque
// ±effort, velocity ±2·velocity, position covering the travel (never less
// than the AK series' ±12.5 rad), Kp up to 100·effort (full torque at
// 0.01 rad) and Kd up to Kp/20, scaling with the motor so a small one's
// gains resolve — and bad sizes are errors.
func TestSizedModel(t *testing.T) {
	for _, tc := range []struct{ effort, velocity, travel, wantP, wantKp float64 }{
		{18, 50, 3, 12.5, 1800},
		{87, 2.175, 2.9, 12.5, 8700},
		{300, 10, math.Inf(1), 12.5, 30000},
		{2, 20, 24, 26.4, 200},      // a prismatic joint's 0.24 m through a 10 mm lead
		{0.0988, 2, 24, 26.4, 9.88}, // the PSM's insertion stage: 9.88 N through a 10 mm lead
	} {
		m, err := SizedModel(tc.effort, tc.velocity, tc.travel)
		if err != nil {
			t.Fatal(err)
		}
		l := m.Limits
		if !l.Valid() || l.TMax != tc.effort || l.TMin != -tc.effort || l.VMax != 2*tc.velocity || l.VMin != -2*tc.velocity ||
			math.Abs(l.PMax-tc.wantP) > 1e-9 || l.PMin != -l.PMax || math.Abs(l.KpMax-tc.wantKp) > 1e-9 || math.Abs(l.KdMax-tc.wantKp/20) > 1e-9 {
			t.Errorf("SizedModel(%v, %v, %v) = %+v", tc.effort, tc.velocity, tc.travel, l)
		}
	}
	for _, tc := range []struct {
		effort, velocity, travel float64
		want                     string
	}{
		{0, 1, 1, "effort 0"}, {math.NaN(), 1, 1, "effort NaN"}, {1, 0, 1, "velocity 0"},
		{1, math.Inf(1), 1, "velocity +Inf"}, {1, 1, -1, "travel -1"}, {1, 1, math.NaN(), "travel NaN"},
	} {
		if _, err := SizedModel(tc.effort, tc.velocity, tc.travel); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("SizedModel(%v, %v, %v): %v, want %q", tc.effort, tc.velocity, tc.travel, err, tc.want)
		}
	}
}

// TestSizedMotorsOnBus: host and node share sized models (a 40 N·m
// revolute joint beyond the AK80-9's ±18, and a 1800 N prismatic joint
// through the default lead): a 35 N·m torque command reaches the plant as
// 35 N·m (an AK80-9 would cut it at 18) and reads back as such.
func TestSizedMotorsOnBus(t *testing.T) {
	sim := newSim(t, 2, 1, "")
	c := sim.Plant().Chain()
	c.Joints[0].Effort = 40
	ms, err := SizedModels(c, 0, 50, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := ms[1].TMax; math.Abs(got-1800*DefaultPrismaticLead) > 1e-9 || ms[1].PMax < 0.2/DefaultPrismaticLead {
		t.Errorf("prismatic joint sized %+v", ms[1].Limits)
	}
	node := newNode(t, sim, Config{Models: ms})
	b, err := cubemars.NewBus(memConn(t, node), cubemars.Config{Motors: []cubemars.Motor{{ID: 1, Model: ms[0]}, {ID: 2, Model: ms[1]}}, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Enable(); err != nil {
		t.Fatal(err)
	}
	cmds := []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 35}, {Mode: drivers.ModeEffort, Effort: -10}}
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	states := make([]drivers.JointState, 2)
	if err := b.Read(0, states); err != nil {
		t.Fatal(err)
	}
	lsb := 2 * 40.0 / 4095
	sim.Lock()
	got := sim.Drives[0].Command.Effort
	sim.Unlock()
	if math.Abs(got-35) > lsb {
		t.Errorf("plant commanded %v N·m, want 35 ± %v", got, lsb)
	}
	sim.Step(time.Millisecond)
	if err := b.Write(time.Millisecond, cmds); err != nil {
		t.Fatal(err)
	}
	if err := b.Read(time.Millisecond, states); err != nil {
		t.Fatal(err)
	}
	if math.Abs(states[0].Effort-35) > 2*lsb {
		t.Errorf("reply torque %v N·m, want 35", states[0].Effort)
	}
}
