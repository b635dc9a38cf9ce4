package control

import (
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// TestNewLoopConfigErrors: configurations the supervisor cannot honour are
// refused with an error wrapping ErrConfig that names the field.
func TestNewLoopConfigErrors(t *testing.T) {
	box := &Box{Min: [3]float64{-1, -1, -1}, Max: [3]float64{1, 1, 1}}
	tests := []struct {
		name   string
		mutate func(*Config)
		want   string // in the error text
	}{
		{"workspace without FK", func(c *Config) { c.Safety.Workspace = box }, "Safety.Workspace is set but FK is nil"},
		{"negative standstill position", func(c *Config) { c.Safety.Joints[1].StandstillPosition = -0.1 }, "joint 1: StandstillPosition"},
		{"NaN standstill velocity", func(c *Config) { c.Safety.Joints[0].StandstillVelocity = math.NaN() }, "joint 0: StandstillPosition 0, StandstillVelocity NaN"},
		{"infinite standstill position", func(c *Config) { c.Safety.Joints[0].StandstillPosition = math.Inf(1) }, "must be finite"},
		{"negative settling allowance", func(c *Config) { c.Safety.StandstillSettle = -time.Millisecond }, "negative setting"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{Bus: newFakeBus(2), Period: testPeriod,
				Controllers: []NamedController{{"c", &constController{}}}, Safety: SafetyConfig{Joints: testLimits(2)}}
			tc.mutate(&cfg)
			l, err := NewLoop(cfg)
			if err == nil || l != nil {
				t.Fatalf("accepted (loop returned: %v, err %v)", l != nil, err)
			}
			if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q: want ErrConfig and %q", err, tc.want)
			}
		})
	}
	// The same workspace with FK is accepted.
	cfg := Config{Bus: newFakeBus(2), Period: testPeriod, FK: sumFK{},
		Controllers: []NamedController{{"c", &constController{}}}, Safety: SafetyConfig{Joints: testLimits(2), Workspace: box}}
	if _, err := NewLoop(cfg); err != nil {
		t.Fatal(err)
	}
}

func TestStandstillDefaults(t *testing.T) {
	base := JointLimits{PositionMin: -1, PositionMax: 1, Velocity: 3, Effort: 20, MaxKp: 500, MaxKd: 20}
	tests := []struct {
		name          string
		mutate        func(*JointLimits)
		wantPos, want float64 // StandstillPosition, StandstillVelocity
	}{
		{"range fraction", func(*JointLimits) {}, 0.1, 3},
		{"impedance hold: full effort", func(j *JointLimits) { j.HoldKp, j.HoldKd, j.TrackingError = 40, 4, 0.3 }, 0.5, 3},
		{"position hold: tracking tolerance", func(j *JointLimits) { j.TrackingError = 0.3 }, 0.3, 3},
		{"margin above range fraction", func(j *JointLimits) { j.PositionMargin = 0.2 }, 0.2, 3},
		{"no range, no margin", func(j *JointLimits) { j.PositionMin, j.PositionMax = 0.5, 0.5 }, 1e-3, 3},
		{"explicit", func(j *JointLimits) { j.StandstillPosition, j.StandstillVelocity, j.HoldKp = 0.02, 0.1, 40 }, 0.02, 0.1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := base
			tc.mutate(&j)
			c := SafetyConfig{Joints: []JointLimits{j}}
			d, err := c.withDefaults(testPeriod)
			if err != nil {
				t.Fatal(err)
			}
			got := d.Joints[0]
			if math.Abs(got.StandstillPosition-tc.wantPos) > 1e-12 || got.StandstillVelocity != tc.want {
				t.Fatalf("standstill %g rad, %g rad/s; want %g, %g", got.StandstillPosition, got.StandstillVelocity, tc.wantPos, tc.want)
			}
			if d.StandstillSettle != 500*time.Millisecond || c.Joints[0].StandstillPosition != j.StandstillPosition {
				t.Fatalf("settle %v; caller's limits changed: %+v", d.StandstillSettle, c.Joints[0])
			}
		})
	}
}

// TestStandstillMonitoring: while the supervisor holds the joints, motion
// escalates to Fault — after the settling allowance beyond the standstill
// window, during it beyond the braking envelope. testLimits give a window of
// 0.1 rad (5% of the 2 rad range), a velocity bound of 3 rad/s and a braking
// distance of 3 rad/s · 0.5 s / 2 = 0.75 rad.
func TestStandstillMonitoring(t *testing.T) {
	const settle = 500 * time.Millisecond
	stopRequest := func(r *rig) { r.sup.Stop(ReasonStopRequest) }
	tests := []struct {
		name    string
		cfg     func(*Config)
		enable  bool                              // enable before stopping
		stop    func(r *rig)                      // how the hold begins (after enable)
		perturb func(r *rig, since time.Duration) // from the first held cycle on
		cycles  int
		state   State
		reason  Reason
		joint   int
		from    State
		// the fault's time after the hold began, in [atMin, atMax]
		atMin, atMax time.Duration
		limit        float64 // the bound reported, ±0.01
	}{
		{name: "healthy hold", enable: true, stop: stopRequest, cycles: 2000, state: ProtectiveStop},
		{name: "drift inside the window", enable: true, stop: stopRequest,
			perturb: func(r *rig, _ time.Duration) { r.bus.position[0], r.bus.velocity[0] = 0.08, 0 },
			cycles:  2000, state: ProtectiveStop},
		{name: "creep out of the window after settling", enable: true, stop: stopRequest,
			perturb: func(r *rig, since time.Duration) {
				r.bus.onRead = func(now time.Duration) { r.bus.position[0], r.bus.velocity[0] = 0.4*(now-since).Seconds(), 0.4 }
			},
			cycles: 1000, state: Fault, reason: ReasonStandstillPosition, joint: 0, from: ProtectiveStop,
			atMin: settle, atMax: settle, limit: 0.1},
		{name: "runaway caught while settling", enable: true, stop: stopRequest,
			perturb: func(r *rig, since time.Duration) {
				r.bus.onRead = func(now time.Duration) { r.bus.position[1], r.bus.velocity[1] = -2.5*(now-since).Seconds(), -2.5 }
			},
			// |q| = 2.5 t crosses e₀ + 0.1 + 0.75 ≈ 0.8525 at t ≈ 341 ms
			cycles: 1000, state: Fault, reason: ReasonStandstillPosition, joint: 1, from: ProtectiveStop,
			atMin: 340 * time.Millisecond, atMax: 343 * time.Millisecond, limit: 0.8525},
		{name: "velocity while held", enable: true, stop: stopRequest,
			cfg:     func(c *Config) { c.Safety.Joints[1].StandstillVelocity = 0.5 },
			perturb: func(r *rig, _ time.Duration) { r.bus.velocity[1] = 1 },
			cycles:  1000, state: Fault, reason: ReasonStandstillVelocity, joint: 1, from: ProtectiveStop,
			atMin: settle, atMax: settle, limit: 0.5},
		{name: "held beyond the position limit", enable: true,
			// The stop holds the last good position; the joint stays stuck
			// 1.2 rad away from it (e₀), so it passes the settling envelope
			// and fails the window.
			stop:   func(r *rig) { r.bus.position[0] = 1.2 },
			cycles: 1000, state: Fault, reason: ReasonStandstillPosition, joint: 0, from: ProtectiveStop,
			atMin: settle, atMax: settle, limit: 0.1},
		{name: "a second stop measures its own start", enable: true,
			stop: func(r *rig) {
				r.sup.Stop(ReasonStopRequest) // a first, clean stop
				r.steps(10)
				r.sup.Resume()
				r.steps(20)
				if r.sup.State() != Enabled {
					r.t.Fatalf("state %s after resume", r.sup.State())
				}
				r.bus.position[0] = 1.2 // then as above: e₀ is this stop's
			},
			cycles: 1000, state: Fault, reason: ReasonStandstillPosition, joint: 0, from: ProtectiveStop,
			atMin: settle, atMax: settle, limit: 0.1},
		{name: "drive ignores the hold", enable: true,
			cfg: func(c *Config) {
				c.Controllers = append(c.Controllers, NamedController{"push", &constController{effort: 10}})
			},
			stop: func(r *rig) {
				if err := r.loop.SwitchController("push"); err != nil {
					r.t.Fatal(err)
				}
				r.steps(10) // the bumpless ramp reaches 10 N·m
				r.bus.deaf = true
				r.sup.Stop(ReasonStopRequest)
			},
			// 10 N·m on 0.5 kg·m² keeps accelerating the joint at up to
			// 20 rad/s²: past the 0.85 rad envelope in about 0.3 s.
			cycles: 1000, state: Fault, reason: ReasonStandstillPosition, joint: 0, from: ProtectiveStop,
			atMin: 250 * time.Millisecond, atMax: 350 * time.Millisecond, limit: 0.85},
		{name: "disabled: not monitored by default",
			perturb: func(r *rig, _ time.Duration) { r.bus.position[0] = 0.5 },
			cycles:  1000, state: Disabled},
		{name: "disabled with brakes", cfg: func(c *Config) { c.Safety.StandstillWhenDisabled = true },
			perturb: func(r *rig, _ time.Duration) {
				r.bus.plant.SetState(0, 0.5, 0) // braked where it was left
				r.bus.onRead = func(now time.Duration) {
					if now > 600*time.Millisecond {
						r.bus.position[0] = 0.8 // a person pushes a braked joint
					}
				}
			},
			cycles: 1000, state: Fault, reason: ReasonStandstillPosition, joint: 0, from: Disabled,
			atMin: 601 * time.Millisecond, atMax: 601 * time.Millisecond, limit: 0.1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, 2, tc.cfg)
			var since time.Duration // Disabled holds from the start
			if tc.enable {
				r.enable()
				r.steps(5)
				tc.stop(r)
				r.steps(1)
				s := r.snapshot()
				if s.State != ProtectiveStop {
					t.Fatalf("state %s (%s) after the stop", s.State, s.Reason)
				}
				since = s.Since
			}
			if tc.perturb != nil {
				tc.perturb(r, since)
			}
			r.steps(tc.cycles)
			s := r.snapshot()
			if s.State != tc.state {
				t.Fatalf("state %s (%s), want %s; events %v", s.State, s.Reason, tc.state, s.Events(nil))
			}
			if tc.state != Fault {
				return
			}
			e := r.lastEvent()
			if e.Reason != tc.reason || e.Joint != tc.joint || e.From != tc.from || e.To != Fault {
				t.Fatalf("event %v, want %s→fault %s joint %d", e, tc.from, tc.reason, tc.joint)
			}
			if at := e.At - since; at < tc.atMin || at > tc.atMax {
				t.Fatalf("fault %v after the hold began, want [%v, %v]: %v", at, tc.atMin, tc.atMax, e)
			}
			if math.Abs(e.Limit-tc.limit) > 0.01 || !(math.Abs(e.Value) > e.Limit) {
				t.Fatalf("event %v: want a value beyond the bound %g", e, tc.limit)
			}
			for i, c := range r.bus.sent {
				if c.Mode != drivers.ModeOff {
					t.Fatalf("joint %d sent %+v after the standstill fault", i, c)
				}
			}
			// The fault is latched: Reset is needed, and is accepted.
			r.bus.onRead, r.bus.position[0], r.bus.position[1] = nil, math.NaN(), math.NaN()
			r.bus.velocity[0], r.bus.velocity[1], r.bus.deaf = math.NaN(), math.NaN(), false
			r.steps(10)
			r.sup.Reset()
			r.steps(1)
			if r.sup.State() != Disabled {
				t.Fatalf("after reset: %s", r.sup.State())
			}
		})
	}
}

func TestStopRequest(t *testing.T) {
	t.Run("from enabled, needs an explicit resume", func(t *testing.T) {
		r := newRig(t, 2, func(c *Config) { c.Safety.AutoResumeAfter = 10 * time.Millisecond })
		r.enable()
		r.steps(3)
		r.sup.Stop(ReasonOperatorSilent)
		if r.sup.State() != Enabled {
			t.Fatal("Stop acted before the cycle boundary")
		}
		r.steps(1)
		s := r.snapshot()
		e := r.lastEvent()
		if s.State != ProtectiveStop || s.Reason != ReasonOperatorSilent ||
			e.From != Enabled || e.To != ProtectiveStop || e.Reason != ReasonOperatorSilent || e.At != r.now {
			t.Fatalf("state %s (%s), event %v", s.State, s.Reason, e)
		}
		if c := r.bus.sent[0]; c.Mode != drivers.ModePosition {
			t.Fatalf("sent %+v, want a hold", c)
		}
		r.steps(500) // nothing keeps the stop but the request: no auto-resume
		if r.sup.State() != ProtectiveStop {
			t.Fatalf("left the requested stop by itself: %s", r.sup.State())
		}
		r.sup.Resume()
		r.steps(20)
		if r.sup.State() != Enabled {
			t.Fatalf("after resume: %s", r.sup.State())
		}
		// The next stop the supervisor makes by itself auto-resumes again.
		r.bus.velocity[0] = 5
		r.steps(1)
		r.bus.velocity[0] = math.NaN()
		r.steps(11)
		if s := r.snapshot(); s.State != Enabling || s.Reason != ReasonAutoResume {
			t.Fatalf("after a velocity stop: %s (%s)", s.State, s.Reason)
		}
	})
	t.Run("unknown reason recorded as a stop request", func(t *testing.T) {
		r := newRig(t, 1, nil)
		r.enable()
		r.sup.Stop(ReasonEStop) // not the supervisor's own e-stop
		r.steps(1)
		if s := r.snapshot(); s.State != ProtectiveStop || s.Reason != ReasonStopRequest || s.EStopLatched {
			t.Fatalf("state %s (%s) latched %v", s.State, s.Reason, s.EStopLatched)
		}
	})
	t.Run("in a protective stop: no more auto-resume", func(t *testing.T) {
		r := newRig(t, 1, func(c *Config) {
			c.Safety.RequireDeadman = true
			c.Safety.AutoResumeAfter = 10 * time.Millisecond
		})
		r.enable()
		r.sp.Deadman = false
		r.post()
		r.steps(5)
		r.sup.Stop(ReasonSessionStop)
		r.steps(1)
		if e := r.lastEvent(); e.From != ProtectiveStop || e.To != ProtectiveStop || e.Reason != ReasonSessionStop {
			t.Fatalf("event %v", e)
		}
		r.sp.Deadman = true
		r.post()
		r.steps(200)
		if s := r.snapshot(); s.State != ProtectiveStop || s.Reason != ReasonDeadman {
			t.Fatalf("state %s (%s)", s.State, s.Reason)
		}
		r.sup.Resume()
		r.steps(1)
		if r.sup.State() != Enabling {
			t.Fatalf("after resume: %s", r.sup.State())
		}
	})
	t.Run("wins over resume and enable of the same cycle", func(t *testing.T) {
		r := newRig(t, 1, nil)
		r.post()
		r.sup.Enable()
		r.sup.Stop(ReasonStopRequest)
		r.steps(1)
		if r.sup.State() != ProtectiveStop {
			t.Fatalf("enable+stop: %s", r.sup.State())
		}
		r.sup.Resume()
		r.sup.Stop(ReasonOperatorSilent)
		r.steps(20)
		if s := r.snapshot(); s.State != ProtectiveStop || s.Reason != ReasonOperatorSilent {
			t.Fatalf("resume+stop: %s (%s)", s.State, s.Reason)
		}
	})
	t.Run("disabled: logged only", func(t *testing.T) {
		r := newRig(t, 1, nil)
		r.sup.Stop(ReasonOperatorSilent)
		r.sup.Stop(ReasonSessionStop)
		r.steps(1)
		ev := r.snapshot().Events(nil)
		if len(ev) != 2 || ev[0].Reason != ReasonOperatorSilent || ev[1].Reason != ReasonSessionStop ||
			ev[0].From != Disabled || ev[0].To != Disabled || r.sup.State() != Disabled {
			t.Fatalf("state %s, events %v", r.sup.State(), ev)
		}
		r.enable() // a past stop request does not block a later enable
	})
	t.Run("from many goroutines", func(t *testing.T) {
		r := newRig(t, 2, nil)
		r.enable()
		var wg sync.WaitGroup
		reasons := [...]Reason{ReasonStopRequest, ReasonOperatorSilent, ReasonSessionStop, ReasonDeadman}
		for _, rs := range reasons {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 100 {
					r.sup.Stop(rs)
				}
			}()
		}
		for range 50 {
			r.steps(1)
		}
		wg.Wait()
		r.steps(1)
		if r.sup.State() != ProtectiveStop {
			t.Fatalf("state %s", r.sup.State())
		}
		seen := map[Reason]bool{}
		for _, e := range r.snapshot().Events(nil) {
			seen[e.Reason] = true
		}
		for _, rs := range reasons[:3] {
			if !seen[rs] {
				t.Errorf("%s not logged", rs)
			}
		}
	})
}

// TestSetpointValidFor runs on virtual time: a streaming setpoint that is
// not renewed within its ValidFor makes a protective stop.
func TestSetpointValidFor(t *testing.T) {
	const valid = 20 * time.Millisecond
	t.Run("renewed in time keeps running", func(t *testing.T) {
		r := newRig(t, 2, nil)
		r.sp.ValidFor = valid
		r.enable()
		for range 100 {
			r.post()
			r.steps(int(valid / testPeriod)) // the newest is never older than ValidFor
		}
		if s := r.snapshot(); s.State != Enabled {
			t.Fatalf("state %s (%s)", s.State, s.Reason)
		}
	})
	t.Run("stale stops; resume once fresh", func(t *testing.T) {
		r := newRig(t, 2, func(c *Config) { c.Safety.AutoResumeAfter = 10 * time.Millisecond })
		r.sp.ValidFor = valid
		r.enable()
		r.post()
		r.steps(1)
		seen := r.now // the first cycle that saw it: age 0
		r.steps(int(valid / testPeriod))
		if r.sup.State() != Enabled {
			t.Fatalf("stopped at age %v ≤ ValidFor", r.now-seen)
		}
		r.steps(1)
		s := r.snapshot()
		e := r.lastEvent()
		if s.State != ProtectiveStop || e.Reason != ReasonSetpointStale || e.At-seen != valid+testPeriod ||
			math.Abs(e.Value-(valid+testPeriod).Seconds()) > 1e-12 || e.Limit != valid.Seconds() {
			t.Fatalf("state %s, event %v", s.State, e)
		}
		r.sup.Resume()
		r.steps(100)
		if e := r.lastEvent(); r.sup.State() != ProtectiveStop || e.Reason != ReasonRequestRefused {
			t.Fatalf("resumed on a stale setpoint: %s, %v", r.sup.State(), e)
		}
		// A fresh setpoint clears the cause; the supervisor measures it, so
		// auto-resume applies (as for the deadman).
		r.post()
		r.steps(10)
		if r.sup.State() != ProtectiveStop {
			t.Fatalf("resumed early: %s", r.sup.State())
		}
		r.steps(1)
		if s := r.snapshot(); s.State != Enabling || s.Reason != ReasonAutoResume {
			t.Fatalf("state %s (%s)", s.State, s.Reason)
		}
	})
	t.Run("enable refused on a stale setpoint", func(t *testing.T) {
		r := newRig(t, 1, nil)
		r.sp.ValidFor = valid
		r.post()
		r.steps(50)
		r.sup.Enable()
		r.steps(1)
		if e := r.lastEvent(); r.sup.State() != Disabled || e.Reason != ReasonRequestRefused || Reason(e.Value) != ReasonEnableRequest {
			t.Fatalf("state %s, event %v", r.sup.State(), e)
		}
	})
	t.Run("no expiry by default", func(t *testing.T) {
		r := newRig(t, 1, nil)
		r.enable()
		r.steps(5000)
		if r.sup.State() != Enabled {
			t.Fatalf("state %s", r.sup.State())
		}
	})
	t.Run("post and copy", func(t *testing.T) {
		m := NewMailbox(1)
		sp := NewSetpoint(1)
		sp.ValidFor = -time.Millisecond
		if _, err := m.Post(sp); !errors.Is(err, ErrSetpoint) || !strings.Contains(err.Error(), "ValidFor") {
			t.Fatalf("negative ValidFor: %v", err)
		}
		sp.ValidFor = valid
		if _, err := m.Post(sp); err != nil {
			t.Fatal(err)
		}
		if got, _ := m.Latest(); got.ValidFor != valid {
			t.Fatalf("ValidFor %v after post", got.ValidFor)
		}
	})
}

// TestEventsCollapseRepeats: identical consecutive events become one entry
// with a count, so that a request refused every cycle cannot push the
// transitions out of a small log; snapshots see the count grow.
func TestEventsCollapseRepeats(t *testing.T) {
	r := newRig(t, 1, func(c *Config) { c.Safety.EventLog = 4 })
	rare := r.loop.NewSnapshot() // read seldom: its copy of the newest entry goes stale
	for k := 1; k <= 100; k++ {
		r.sup.Resume() // refused in Disabled
		r.steps(1)
		if ev := r.snapshot().Events(nil); len(ev) != 1 || ev[0].Count != uint64(k) || ev[0].Last != r.now {
			t.Fatalf("after %d refusals: %v", k, ev)
		}
		if k%7 == 0 {
			r.loop.Snapshot(rare)
		}
	}
	r.loop.Snapshot(rare)
	if ev := rare.Events(nil); len(ev) != 1 || ev[0].Count != 100 {
		t.Fatalf("seldom-read snapshot: %v", ev)
	}
	r.enable()
	for range 50 {
		r.sup.Resume() // refused while enabled
		r.steps(1)
	}
	s := r.snapshot()
	ev := s.Events(nil)
	if s.EventsTotal() != 4 || len(ev) != 4 {
		t.Fatalf("%d events: %v", s.EventsTotal(), ev)
	}
	want := []struct {
		reason Reason
		count  uint64
	}{{ReasonRequestRefused, 100}, {ReasonEnableRequest, 1}, {ReasonEnableComplete, 1}, {ReasonRequestRefused, 50}}
	for i, w := range want {
		if ev[i].Reason != w.reason || ev[i].Count != w.count || ev[i].Seq != uint64(i+1) {
			t.Fatalf("event %d: %v, want %s ×%d", i, ev[i], w.reason, w.count)
		}
	}
	if got := ev[0].String(); got != "#1 t=1ms disabled→disabled: request refused: resume requested (×100, last t=100ms)" {
		t.Fatalf("rendered %q", got)
	}
	if ev[1].Count != 1 || strings.Contains(ev[1].String(), "×") || ev[1].Last != ev[1].At {
		t.Fatalf("single event %v (count %d, last %v)", ev[1], ev[1].Count, ev[1].Last)
	}
	// Differing requests are not collapsed.
	r.sup.Reset()
	r.steps(1)
	r.sup.Resume()
	r.steps(1)
	if s := r.snapshot(); s.EventsTotal() != 6 {
		t.Fatalf("%d events after two different refusals", s.EventsTotal())
	}
}

// TestHeldCycleAllocatesNothing covers the paths TestStepAllocatesNothing
// does not: standstill monitoring in a protective stop, Stop requests,
// collapsed repeats, and streaming setpoints with a ValidFor.
func TestHeldCycleAllocatesNothing(t *testing.T) {
	r := newRig(t, 6, nil)
	r.sp.ValidFor = 50 * time.Millisecond
	r.enable()
	r.sup.Stop(ReasonOperatorSilent)
	r.steps(1)
	k := 0
	allocs := testing.AllocsPerRun(2000, func() {
		k++
		r.post()
		r.sup.Stop(ReasonOperatorSilent) // logged while stopped, then collapsed
		if k == 500 {
			r.sup.Resume() // → Enabling, and the Stop of the same cycle wins
			r.sup.Stop(ReasonSessionStop)
		}
		r.steps(1)
	})
	if allocs != 0 {
		t.Fatalf("a held cycle allocates %v times", allocs)
	}
	if s := r.snapshot(); s.State != ProtectiveStop || r.now-s.Since < time.Second {
		t.Fatalf("state %s since %v at %v: standstill not exercised", s.State, s.Since, r.now)
	}
}
