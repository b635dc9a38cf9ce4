package rig

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// fakeDrives is a drivers.Bus in the drives' convention: Read returns
// states, Write records the commands.
type fakeDrives struct {
	states []drivers.JointState
	got    []drivers.JointCommand
}

func (f *fakeDrives) Joints() int { return len(f.states) }
func (f *fakeDrives) Read(_ time.Duration, s []drivers.JointState) error {
	copy(s, f.states)
	return nil
}
func (f *fakeDrives) Write(_ time.Duration, c []drivers.JointCommand) error {
	f.got = append(f.got[:0], c...)
	return nil
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }

// psmRig is a Dynamixel PSM rig whose outer_pitch counts backwards with
// its zero 0.2 rad off, and whose insertion (prismatic) is driven through a
// 0.01 m/rad capstan, reversed, zero at 0.05 m.
const psmRig = `protocol: dynamixel
transport: {port: /dev/null}
joints:
  - {name: outer_yaw,   id: 1, model: XM430-W350, direction: 1}
  - {name: outer_pitch, id: 2, model: XM430-W350, direction: -1, zero_offset: 0.2}
  - {name: insertion,   id: 3, model: XM430-W350, direction: -1, zero_offset: 0.05, lead: 0.01}
  - {name: tool_roll,   id: 4, model: XM430-W350, direction: 1, zero_offset: -1.5}
  - {name: wrist_pitch, id: 5, model: XM430-W350, direction: 1}
  - {name: wrist_yaw,   id: 6, model: XM430-W350, direction: 1}
`

func TestDirectionOffsetAndLeadMapping(t *testing.T) {
	cfg, err := Parse([]byte(psmRig), "psm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	chain := loadChain(t, "psm.json")
	if err := cfg.Check(chain); err != nil {
		t.Fatal(err)
	}
	drv := &fakeDrives{states: make([]drivers.JointState, 6)}
	for i := range drv.states {
		drv.states[i] = drivers.JointState{Position: 0.1 * float64(i+1), Velocity: 0.5, Effort: 0.3, Temperature: 40,
			Status: drivers.StatusEnabled, Stamp: time.Second}
	}
	drv.states[1].Position2, drv.states[1].HasPosition2 = 0.25, true
	b := mapJoints(drv, cfg, chain)
	if b.identity || b.Joints() != 6 {
		t.Fatalf("identity %v, %d joints", b.identity, b.Joints())
	}
	got := make([]drivers.JointState, 6)
	if err := b.Read(0, got); err != nil {
		t.Fatal(err)
	}
	want := []struct{ q, qd, tau float64 }{
		{0.1, 0.5, 0.3},
		{-0.2 + 0.2, -0.5, -0.3},        // reversed, zero at 0.2 rad
		{-0.01*0.3 + 0.05, -0.005, -30}, // x = −lead·θ + 0.05, F = τ/(−lead)
		{0.4 - 1.5, 0.5, 0.3},           // zero offset only
		{0.5, 0.5, 0.3}, {0.6, 0.5, 0.3},
	}
	for i, w := range want {
		g := got[i]
		if !near(g.Position, w.q) || !near(g.Velocity, w.qd) || !near(g.Effort, w.tau) {
			t.Errorf("joint %d: q %v q̇ %v τ %v, want %v %v %v", i, g.Position, g.Velocity, g.Effort, w.q, w.qd, w.tau)
		}
		if g.Temperature != 40 || g.Status != drivers.StatusEnabled || g.Stamp != time.Second {
			t.Errorf("joint %d: temperature, status or stamp changed: %+v", i, g)
		}
	}
	if !near(got[1].Position2, -0.25+0.2) {
		t.Errorf("position2 %v", got[1].Position2)
	}

	// Commands go the other way, gains scale by s², and what the drive is
	// told to do reads back as what the model asked for.
	cmds := make([]drivers.JointCommand, 6)
	for i := range cmds {
		cmds[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: got[i].Position + 0.01, Velocity: 0.1, Effort: 1, Kp: 100, Kd: 2}
	}
	orig := append([]drivers.JointCommand(nil), cmds...)
	if err := b.Write(0, cmds); err != nil {
		t.Fatal(err)
	}
	for i := range cmds {
		if cmds[i] != orig[i] {
			t.Fatalf("Write changed the caller's command %d", i)
		}
	}
	c := drv.got[2] // insertion: s = −0.01
	if !near(c.Position, (got[2].Position+0.01-0.05)/-0.01) || !near(c.Velocity, -10) || !near(c.Effort, -0.01) ||
		!near(c.Kp, 100*1e-4) || !near(c.Kd, 2*1e-4) || c.Mode != drivers.ModeImpedance {
		t.Errorf("insertion command %+v", c)
	}
	if c := drv.got[1]; !near(c.Position, -(got[1].Position+0.01-0.2)) || c.Velocity != -0.1 || c.Effort != -1 || c.Kp != 100 || c.Kd != 2 {
		t.Errorf("outer_pitch command %+v", c)
	}
	// Round trip: the drive-side command, read back as a state, is the
	// model-side command.
	for i := range drv.states {
		drv.states[i] = drivers.JointState{Position: drv.got[i].Position, Velocity: drv.got[i].Velocity, Effort: drv.got[i].Effort}
	}
	if err := b.Read(0, got); err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if !near(got[i].Position, orig[i].Position) || !near(got[i].Velocity, orig[i].Velocity) || !near(got[i].Effort, orig[i].Effort) {
			t.Errorf("joint %d round trip: %+v, want %+v", i, got[i], orig[i])
		}
	}

	// The cycle allocates nothing.
	if n := testing.AllocsPerRun(100, func() {
		_ = b.Read(0, got)
		_ = b.Write(0, cmds)
	}); n != 0 {
		t.Errorf("%v allocations per cycle", n)
	}
}

func TestIdentityMappingPassesThrough(t *testing.T) {
	cfg, err := Parse([]byte(`protocol: dynamixel
transport: {port: /dev/null}
joints:
  - {name: a, id: 1, model: XM430-W350, direction: 1}
`), "one.yaml")
	if err != nil {
		t.Fatal(err)
	}
	chain := loadChain(t, "planar_2dof.urdf")
	if err := cfg.Check(chain); err == nil || !strings.Contains(err.Error(), "1 joints for the model's 2") {
		t.Fatalf("check: %v", err)
	}
	cfg.Joints = append(cfg.Joints, Joint{Name: "b", Direction: 1})
	drv := &fakeDrives{states: []drivers.JointState{{Position: 0.3}, {Position: -0.2}}}
	b := mapJoints(drv, cfg, chain)
	if !b.identity {
		t.Fatal("not identity")
	}
	cmds := []drivers.JointCommand{{Mode: drivers.ModeEffort, Effort: 1}, {Mode: drivers.ModeOff}}
	if err := b.Write(0, cmds); err != nil || drv.got[0] != cmds[0] || drv.got[1] != cmds[1] {
		t.Errorf("write %v %+v", err, drv.got)
	}
}

func TestCloseDisablesOnce(t *testing.T) {
	var disabled, closed int
	b := &Bus{protocol: "test",
		disable: func(*Bus) error { disabled++; return errors.New("drive 2 did not answer") },
		close:   func() error { closed++; return nil }}
	err := b.Close()
	if err == nil || !strings.Contains(err.Error(), "rig: disable test drives: drive 2 did not answer") {
		t.Errorf("close: %v", err)
	}
	if b.Close() != err || disabled != 1 || closed != 1 {
		t.Errorf("disabled %d closed %d times", disabled, closed)
	}
}

// lossyDrives answers some Reads and fails others, leaving the states of
// the joints it has no reading for as they were, as the drivers do on a
// lost or corrupted reply.
type lossyDrives struct {
	fakeDrives
	fail []bool // per Read: no reading at all
	n    int
}

func (f *lossyDrives) Read(now time.Duration, s []drivers.JointState) error {
	k := f.n
	f.n++
	if k < len(f.fail) && f.fail[k] {
		return &drivers.Error{Joint: 2, Kind: drivers.KindTimeout, Detail: "no reply"}
	}
	return f.fakeDrives.Read(now, s)
}

// A Read that gets no reading leaves each joint at its last reading in
// the model's convention — not mapped a second time — and passes the
// driver's error on: a reversed joint with a zero offset does not jump to
// its raw drive position, a prismatic joint does not read lead² times its
// travel, for however many reads in a row fail.
func TestFailedReadKeepsTheLastMappedReading(t *testing.T) {
	cfg, err := Parse([]byte(psmRig), "psm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	chain := loadChain(t, "psm.json")
	for _, tc := range []struct {
		name string
		fail []bool
	}{
		{"one lost reply", []bool{false, true}},
		{"three in a row", []bool{false, true, true, true}},
		{"lost, answered, lost", []bool{false, true, false, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			drv := &lossyDrives{fakeDrives: fakeDrives{states: make([]drivers.JointState, 6)}, fail: tc.fail}
			for i := range drv.states {
				drv.states[i] = drivers.JointState{Position: 0.1 * float64(i+1), Velocity: 0.5, Effort: 0.3, Stamp: time.Second}
			}
			b := mapJoints(drv, cfg, chain)
			got := make([]drivers.JointState, 6)
			var good []drivers.JointState
			for k, fail := range tc.fail {
				err := b.Read(time.Duration(k)*time.Millisecond, got)
				if fail {
					if drivers.KindOf(err) != drivers.KindTimeout {
						t.Fatalf("read %d: error %v, want the driver's timeout", k, err)
					}
					for i := range got {
						if got[i] != good[i] {
							t.Errorf("read %d (failed): joint %s %+v, want its last reading %+v", k, chain.Joints[i].Name, got[i], good[i])
						}
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				good = append(good[:0], got...)
			}
			if !near(good[1].Position, -0.2+0.2) || !near(good[2].Position, -0.01*0.3+0.05) {
				t.Errorf("the answered reads were mapped wrongly: %+v", good[:3])
			}
		})
	}
}
