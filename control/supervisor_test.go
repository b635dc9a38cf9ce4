package control

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// TestFaultInjection injects each fault into an enabled loop and checks the
// resulting state, the reason recorded, and the command that actually reached
// the (fake) bus.
func TestFaultInjection(t *testing.T) {
	timeout := &drivers.Error{Joint: 1, Kind: drivers.KindTimeout}
	tests := []struct {
		name   string
		cfg    func(*Config)
		inject func(r *rig)
		cycles int
		state  State
		reason Reason
		joint  int
		kind   drivers.ErrorKind
		// detail: what the driver reported, carried into the event, the
		// snapshot's reason and the event's text.
		detail string
		mode   drivers.Mode // sent to joint 0 after the last cycle
		// holdMeasured: the stop holds the measured position (it passed
		// the position checks) rather than the one before the injection.
		holdMeasured bool
	}{
		{name: "drive fault bit", inject: func(r *rig) { r.bus.status[1] = drivers.StatusOverTemperature },
			cycles: 1, state: Fault, reason: ReasonDriveFault, joint: 1, mode: drivers.ModeOff},
		{name: "bus off", inject: func(r *rig) {
			r.bus.readErr = &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "CAN controller bus-off"}
		}, cycles: 1, state: Fault, reason: ReasonBusError, joint: -1, kind: drivers.KindBusOff, detail: "CAN controller bus-off", mode: drivers.ModeOff},
		{name: "drive-fault error", inject: func(r *rig) {
			r.bus.readErr = &drivers.Error{Joint: 0, Kind: drivers.KindDriveFault, Detail: "motor 1 reports over-temperature"}
		}, cycles: 1, state: Fault, reason: ReasonDriveFault, joint: 0, kind: drivers.KindDriveFault, detail: "motor 1 reports over-temperature", mode: drivers.ModeOff},
		{name: "safe torque off on the whole bus", inject: func(r *rig) {
			r.bus.readErr = &drivers.Error{Joint: -1, Kind: drivers.KindDriveFault, Detail: "Safe Torque Off: the hardware watchdog's relay opened"}
		}, cycles: 1, state: Fault, reason: ReasonDriveFault, joint: -1, kind: drivers.KindDriveFault, detail: "Safe Torque Off: the hardware watchdog's relay opened", mode: drivers.ModeOff},
		{name: "unclassified error", inject: func(r *rig) { r.bus.readErr = errors.New("mystery") },
			cycles: 1, state: Fault, reason: ReasonBusError, joint: -1, mode: drivers.ModeOff},
		{name: "abort", inject: func(r *rig) { r.bus.readErr = fmt.Errorf("sdo: %w", &drivers.Error{Joint: 1, Kind: drivers.KindAbort}) },
			cycles: 1, state: ProtectiveStop, reason: ReasonBusRefused, joint: 1, kind: drivers.KindAbort, mode: drivers.ModePosition},
		{name: "timeout within watchdog", inject: func(r *rig) { r.bus.readErr = timeout },
			cycles: 3, state: Enabled, reason: ReasonEnableComplete, joint: -1, mode: drivers.ModeImpedance},
		{name: "timeout beyond watchdog", inject: func(r *rig) { r.bus.readErr = fmt.Errorf("read: %w", timeout) },
			cycles: 4, state: Fault, reason: ReasonWatchdog, joint: -1, mode: drivers.ModeOff},
		{name: "stale stamps", inject: func(r *rig) { r.bus.stampLag = 3 * time.Millisecond },
			cycles: 4, state: Fault, reason: ReasonWatchdog, joint: -1, mode: drivers.ModeOff},
		{name: "write bus off", inject: func(r *rig) { r.bus.writeErr = &drivers.Error{Joint: -1, Kind: drivers.KindBusOff} },
			cycles: 2, state: Fault, reason: ReasonBusError, joint: -1, kind: drivers.KindBusOff, mode: drivers.ModeOff},
		{name: "NaN position", inject: func(r *rig) { r.bus.position[1] = math.Inf(1) },
			cycles: 1, state: Fault, reason: ReasonInvalidState, joint: 1, mode: drivers.ModeOff},
		{name: "position limit", inject: func(r *rig) { r.bus.position[0] = 1.2 },
			cycles: 1, state: ProtectiveStop, reason: ReasonPositionLimit, joint: 0, mode: drivers.ModePosition},
		{name: "within position margin", inject: func(r *rig) { r.bus.position[0] = 1.04 },
			cycles: 1, state: Enabled, reason: ReasonEnableComplete, joint: -1, mode: drivers.ModeImpedance},
		{name: "velocity limit", inject: func(r *rig) { r.bus.velocity[1] = -3.5 },
			cycles: 1, state: ProtectiveStop, reason: ReasonVelocityLimit, joint: 1, mode: drivers.ModePosition},
		{name: "joint power", cfg: func(c *Config) { c.Safety.Joints[1].Power = 5 },
			inject: func(r *rig) { r.bus.velocity[1], r.bus.effort[1] = 2, -3 },
			cycles: 1, state: ProtectiveStop, reason: ReasonPowerLimit, joint: 1, mode: drivers.ModePosition},
		{name: "total power", cfg: func(c *Config) { c.Safety.TotalPower = 8 },
			inject: func(r *rig) { r.bus.velocity[0], r.bus.effort[0], r.bus.velocity[1], r.bus.effort[1] = 2, 2.5, 2, 2.5 },
			cycles: 1, state: ProtectiveStop, reason: ReasonPowerLimit, joint: -1, mode: drivers.ModePosition},
		{name: "workspace", cfg: func(c *Config) {
			c.FK = sumFK{}
			c.Safety.Workspace = &Box{Min: [3]float64{-0.5, -1, -1}, Max: [3]float64{0.5, 1, 1}}
		}, inject: func(r *rig) { r.bus.position[0], r.bus.position[1] = 0.3, 0.3 },
			cycles: 1, state: ProtectiveStop, reason: ReasonWorkspace, joint: -1, mode: drivers.ModePosition},
		{name: "tracking error", cfg: func(c *Config) { c.Safety.Joints[0].TrackingError = 0.1 },
			inject: func(r *rig) { r.bus.position[0] = 0.15 },
			cycles: 1, state: ProtectiveStop, reason: ReasonTrackingError, joint: 0, mode: drivers.ModePosition, holdMeasured: true},
		{name: "deadman released", cfg: func(c *Config) { c.Safety.RequireDeadman = true },
			inject: func(r *rig) { r.sp.Deadman = false; r.post() },
			cycles: 1, state: ProtectiveStop, reason: ReasonDeadman, joint: -1, mode: drivers.ModePosition},
		{name: "sensors disagree inside window", cfg: func(c *Config) { c.Safety.Joints[1].SensorTolerance = 0.01 },
			inject: func(r *rig) { r.bus.pos2 = []float64{0, 0.02} },
			cycles: 10, state: Enabled, reason: ReasonEnableComplete, joint: -1, mode: drivers.ModeImpedance},
		{name: "sensors disagree for the window", cfg: func(c *Config) { c.Safety.Joints[1].SensorTolerance = 0.01 },
			inject: func(r *rig) { r.bus.pos2 = []float64{0, 0.02} },
			cycles: 11, state: Fault, reason: ReasonSensorDisagreement, joint: 1, mode: drivers.ModeOff},
		{name: "over-current two cycles", inject: func(r *rig) { r.bus.effort[0] = 26 },
			cycles: 2, state: Enabled, reason: ReasonEnableComplete, joint: -1, mode: drivers.ModeImpedance},
		{name: "over-current three cycles", inject: func(r *rig) { r.bus.effort[0] = 26 },
			cycles: 3, state: Fault, reason: ReasonOverCurrent, joint: 0, mode: drivers.ModeOff},
		{name: "emergency stop", inject: func(r *rig) { r.sup.SetEStop(true) },
			cycles: 1, state: Fault, reason: ReasonEStop, joint: -1, mode: drivers.ModeOff},
		{name: "non-finite command", cfg: func(c *Config) {
			c.Controllers = append(c.Controllers, NamedController{"nan", &constController{effort: math.NaN()}})
		}, inject: func(r *rig) {
			if err := r.loop.SwitchController("nan"); err != nil {
				r.t.Fatal(err)
			}
		}, cycles: 1, state: ProtectiveStop, reason: ReasonInvalidCommand, joint: 0, mode: drivers.ModePosition},
		{name: "impedance hold", cfg: func(c *Config) {
			for i := range c.Safety.Joints {
				c.Safety.Joints[i].HoldKp, c.Safety.Joints[i].HoldKd = 200, 8
			}
		}, inject: func(r *rig) { r.bus.velocity[0] = 4 },
			cycles: 1, state: ProtectiveStop, reason: ReasonVelocityLimit, joint: 0, mode: drivers.ModeImpedance},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, 2, tc.cfg)
			r.enable()
			r.steps(5)
			before := r.snapshot()
			good, injectedAt := before.Joints[0].Position, before.Now
			tc.inject(r)
			r.steps(tc.cycles)
			s := r.snapshot()
			if s.State != tc.state || s.Reason != tc.reason {
				t.Fatalf("state %s (%s), want %s (%s)", s.State, s.Reason, tc.state, tc.reason)
			}
			if tc.state != Enabled {
				e := r.lastEvent()
				if e.To != tc.state || e.Reason != tc.reason || e.Joint != tc.joint || e.Kind != tc.kind {
					t.Fatalf("event %v, want →%s %s joint %d kind %s", e, tc.state, tc.reason, tc.joint, tc.kind)
				}
				if e.Detail != tc.detail || s.ReasonJoint != tc.joint || s.ReasonDetail != tc.detail {
					t.Fatalf("event detail %q, snapshot reason joint %d detail %q; want joint %d, %q", e.Detail, s.ReasonJoint, s.ReasonDetail, tc.joint, tc.detail)
				}
				if !strings.Contains(e.String(), tc.detail) {
					t.Fatalf("event %q does not say what the driver reported (%q)", e.String(), tc.detail)
				}
				if e.At <= injectedAt || e.At > r.now {
					t.Fatalf("event at %v, injected at %v, now %v", e.At, injectedAt, r.now)
				}
			}
			got := r.bus.sent[0]
			if got.Mode != tc.mode {
				t.Fatalf("sent %+v, want mode %s", got, tc.mode)
			}
			switch tc.state {
			case ProtectiveStop:
				// Hold at the last good position, inside the soft limits.
				if tc.holdMeasured {
					good = s.Joints[0].Position
				}
				if math.Abs(got.Position-good) > 0.01 || got.Position > 1 || got.Position < -1 || got.Velocity != 0 {
					t.Fatalf("hold %+v, want position near %g", got, good)
				}
				if got.Mode == drivers.ModeImpedance && (got.Kp != 200 || got.Kd != 8) {
					t.Fatalf("impedance hold gains %+v", got)
				}
			case Fault:
				for i, c := range r.bus.sent {
					if c != (drivers.JointCommand{Mode: drivers.ModeOff}) {
						t.Fatalf("joint %d sent %+v in fault", i, c)
					}
				}
			}
		})
	}
}

// constController commands a constant effort on every joint.
type constController struct{ effort float64 }

func (c *constController) Reset([]drivers.JointState, []drivers.JointCommand) {}
func (c *constController) Update(_ time.Duration, _ []drivers.JointState, _ *Setpoint, out []drivers.JointCommand) {
	for i := range out {
		out[i] = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: c.effort}
	}
}

// fixedController sends the same command to every joint.
type fixedController struct{ cmd drivers.JointCommand }

func (c *fixedController) Reset([]drivers.JointState, []drivers.JointCommand) {}
func (c *fixedController) Update(_ time.Duration, _ []drivers.JointState, _ *Setpoint, out []drivers.JointCommand) {
	for i := range out {
		out[i] = c.cmd
	}
}

func TestStaleCycleRepeatsLastCommand(t *testing.T) {
	r := newRig(t, 2, nil)
	r.enable()
	r.steps(3)
	last := r.bus.sent[0]
	r.bus.readErr = &drivers.Error{Joint: 0, Kind: drivers.KindCorrupt}
	r.steps(1)
	s := r.snapshot()
	if s.Fresh || s.StaleCycles != 1 || s.ReadErrors != 1 || s.LastErrorKind != drivers.KindCorrupt {
		t.Fatalf("snapshot fresh=%v stale=%d readErrors=%d kind=%s", s.Fresh, s.StaleCycles, s.ReadErrors, s.LastErrorKind)
	}
	if r.bus.sent[0] != last {
		t.Fatalf("sent %+v, want the previous %+v", r.bus.sent[0], last)
	}
	r.bus.readErr = nil
	r.steps(10)
	if s := r.snapshot(); s.State != Enabled || !s.Fresh {
		t.Fatalf("state %s fresh %v after recovery", s.State, s.Fresh)
	}
}

func TestProtectiveStopResume(t *testing.T) {
	r := newRig(t, 2, nil)
	r.enable()
	r.bus.velocity[0] = 5
	r.steps(1)
	if r.sup.State() != ProtectiveStop {
		t.Fatalf("state %s", r.sup.State())
	}
	// Resume is refused while the cause persists.
	r.sup.Resume()
	r.steps(1)
	if e := r.lastEvent(); r.sup.State() != ProtectiveStop || e.Reason != ReasonRequestRefused || Reason(e.Value) != ReasonResumeRequest {
		t.Fatalf("state %s, event %v", r.sup.State(), e)
	}
	// Without a request nothing happens after the cause is gone (no auto-resume configured).
	r.bus.velocity[0] = math.NaN()
	r.steps(100)
	if r.sup.State() != ProtectiveStop {
		t.Fatalf("left protective stop by itself: %s", r.sup.State())
	}
	r.sup.Resume()
	r.steps(1)
	if r.sup.State() != Enabling || r.bus.sent[0].Mode != drivers.ModePosition {
		t.Fatalf("after resume: %s, sent %+v", r.sup.State(), r.bus.sent[0])
	}
	r.steps(10)
	if r.sup.State() != Enabled || r.bus.sent[0].Mode != drivers.ModeImpedance {
		t.Fatalf("after enabling: %s, sent %+v", r.sup.State(), r.bus.sent[0])
	}
}

func TestAutoResume(t *testing.T) {
	r := newRig(t, 2, func(c *Config) {
		c.Safety.RequireDeadman = true
		c.Safety.AutoResumeAfter = 50 * time.Millisecond
	})
	r.enable()
	r.sp.Deadman = false
	r.post()
	r.steps(200)
	if r.sup.State() != ProtectiveStop {
		t.Fatalf("state %s with deadman released", r.sup.State())
	}
	r.sp.Deadman = true
	r.post()
	r.steps(50) // cause clear at the first of these cycles; 49 ms later: not yet
	if r.sup.State() != ProtectiveStop {
		t.Fatalf("resumed early: %s", r.sup.State())
	}
	r.steps(1)
	if s := r.snapshot(); s.State != Enabling || s.Reason != ReasonAutoResume {
		t.Fatalf("state %s (%s), want enabling (auto-resume)", s.State, s.Reason)
	}
}

func TestFaultNeedsReset(t *testing.T) {
	r := newRig(t, 2, nil)
	r.enable()
	r.bus.status[0] = drivers.StatusFault
	r.steps(1)
	r.sup.Enable()
	r.sup.Resume()
	r.steps(5)
	if r.sup.State() != Fault {
		t.Fatalf("state %s", r.sup.State())
	}
	// Reset refused while the drive still reports the fault.
	r.sup.Reset()
	r.steps(1)
	if e := r.lastEvent(); r.sup.State() != Fault || e.Reason != ReasonRequestRefused || Reason(e.Value) != ReasonResetRequest {
		t.Fatalf("state %s, event %v", r.sup.State(), e)
	}
	r.bus.status[0] = 0
	r.steps(20)
	if r.sup.State() != Fault || r.bus.sent[0].Mode != drivers.ModeOff {
		t.Fatalf("left fault without reset: %s", r.sup.State())
	}
	r.sup.Reset()
	r.steps(1)
	if r.sup.State() != Disabled {
		t.Fatalf("after reset: %s", r.sup.State())
	}
	r.enable()
}

func TestEStopLatched(t *testing.T) {
	r := newRig(t, 2, nil)
	r.enable()
	r.sup.SetEStop(true)
	r.steps(1)
	r.sup.Reset()
	r.steps(1)
	if s := r.snapshot(); s.State != Fault || !s.EStopLatched {
		t.Fatalf("reset while pressed: %s latched=%v", s.State, s.EStopLatched)
	}
	r.sup.SetEStop(false)
	r.sup.Enable()
	r.steps(20)
	if s := r.snapshot(); s.State != Fault || !s.EStopLatched || r.bus.sent[1].Mode != drivers.ModeOff {
		t.Fatalf("release alone: %s latched=%v", s.State, s.EStopLatched)
	}
	r.sup.Reset()
	r.steps(1)
	if s := r.snapshot(); s.State != Disabled || s.EStopLatched {
		t.Fatalf("after release and reset: %s latched=%v", s.State, s.EStopLatched)
	}
}

func TestRequests(t *testing.T) {
	t.Run("disable wins over enable", func(t *testing.T) {
		r := newRig(t, 2, nil)
		r.enable()
		r.sup.Enable()
		r.sup.Disable()
		r.steps(1)
		if r.sup.State() != Disabled || r.bus.sent[0].Mode != drivers.ModeOff {
			t.Fatalf("state %s sent %+v", r.sup.State(), r.bus.sent[0])
		}
	})
	t.Run("enable refused while a stop cause is present", func(t *testing.T) {
		r := newRig(t, 2, nil)
		r.bus.position[1] = -1.5
		r.sup.Enable()
		r.steps(3)
		if e := r.lastEvent(); r.sup.State() != Disabled || e.Reason != ReasonRequestRefused {
			t.Fatalf("state %s event %v", r.sup.State(), e)
		}
	})
	t.Run("enable timeout", func(t *testing.T) {
		r := newRig(t, 2, func(c *Config) {
			c.Safety.RequireDriveEnabled = true
			c.Safety.EnableTimeout = 20 * time.Millisecond
		})
		r.bus.noEnable = true
		r.sup.Enable()
		r.steps(21)
		if r.sup.State() != Enabling {
			t.Fatalf("state %s before the timeout", r.sup.State())
		}
		r.steps(1)
		if s := r.snapshot(); s.State != Fault || s.Reason != ReasonEnableTimeout {
			t.Fatalf("state %s (%s)", s.State, s.Reason)
		}
	})
}

func TestClampingIsCountedAndVisible(t *testing.T) {
	r := newRig(t, 2, func(c *Config) {
		c.Controllers = append(c.Controllers, NamedController{"stiff", &fixedController{
			cmd: drivers.JointCommand{Mode: drivers.ModeImpedance, Kp: 900, Kd: 30}}})
	})
	r.enable()
	if err := r.loop.SwitchController("stiff"); err != nil {
		t.Fatal(err)
	}
	r.steps(100)
	s := r.snapshot()
	if s.State != Enabled || s.Controller != "stiff" {
		t.Fatalf("state %s controller %s", s.State, s.Controller)
	}
	if s.Desired[0].Kp != 900 || r.bus.sent[0].Kp != 500 || s.Sent[0].Kp != 500 || s.Sent[1].Kd != 20 {
		t.Fatalf("desired %+v, sent %+v (snapshot %+v), want Kp 900 → 500, Kd 30 → 20", s.Desired[0], r.bus.sent[0], s.Sent[0])
	}
	if s.Clamps[0] == 0 || s.Clamps[1] == 0 || s.ClampsTotal != s.Clamps[0]+s.Clamps[1] {
		t.Fatalf("clamps %v total %d", s.Clamps, s.ClampsTotal)
	}
}

func TestClampCommand(t *testing.T) {
	r := newRig(t, 1, nil)
	st := drivers.JointState{Position: 0.5, Velocity: 0}
	tests := []struct {
		name string
		in   drivers.JointCommand
		want drivers.JointCommand
	}{
		{"inside", drivers.JointCommand{Mode: drivers.ModePosition, Position: 0.2}, drivers.JointCommand{Mode: drivers.ModePosition, Position: 0.2}},
		{"position", drivers.JointCommand{Mode: drivers.ModePosition, Position: 3}, drivers.JointCommand{Mode: drivers.ModePosition, Position: 1}},
		{"velocity", drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: -9}, drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: -3}},
		{"gains", drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.5, Kp: 900, Kd: -1}, drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 0.5, Kp: 500}},
		// 0.5 + 100·(1 − 0.5) = 50.5 N·m at the measured state: the feed-forward takes 30.5 off.
		{"impedance effort", drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 1, Effort: 0.5, Kp: 100}, drivers.JointCommand{Mode: drivers.ModeImpedance, Position: 1, Effort: -30, Kp: 100}},
		{"off clears", drivers.JointCommand{Mode: drivers.ModeOff, Effort: 3}, drivers.JointCommand{Mode: drivers.ModeOff}},
	}
	for _, tc := range tests {
		c := tc.in
		changed := r.sup.clampCommand(0, &c, &st)
		if c != tc.want || changed != (tc.in != tc.want) {
			t.Errorf("%s: %+v → %+v (changed %v), want %+v", tc.name, tc.in, c, changed, tc.want)
		}
	}
	st.Position = 1
	c := drivers.JointCommand{Mode: drivers.ModeVelocity, Velocity: 1}
	if r.sup.clampCommand(0, &c, &st); c.Velocity != 0 {
		t.Errorf("velocity past the limit: %+v", c)
	}
}

func TestEventLogRing(t *testing.T) {
	r := newRig(t, 1, func(c *Config) { c.Safety.EventLog = 4 })
	for k := range 5 {
		// Refused each time: one event per cycle, alternating so that
		// consecutive events differ and are not collapsed.
		if k%2 == 0 {
			r.sup.Resume()
		} else {
			r.sup.Reset()
		}
		r.steps(1)
	}
	s := r.snapshot()
	ev := s.Events(nil)
	if s.EventsTotal() != 5 || len(ev) != 4 || ev[0].Seq != 2 || ev[3].Seq != 5 {
		t.Fatalf("total %d events %v", s.EventsTotal(), ev)
	}
	if got := ev[3].String(); got != "#5 t=5ms disabled→disabled: request refused: resume requested" {
		t.Fatalf("rendered %q", got)
	}
}
