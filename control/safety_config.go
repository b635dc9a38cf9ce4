package control

import (
	"errors"
	"fmt"
	"time"
)

// JointLimits are one joint's safety limits, in SI units (rad or m for a
// revolute or prismatic joint). A zero limit marked "0 = not checked" turns
// that check off for the joint; the others are required.
type JointLimits struct {
	// PositionMin and PositionMax are the soft limits: commands are clamped
	// into [PositionMin, PositionMax]; set them inside the hard stops.
	PositionMin, PositionMax float64
	// PositionMargin is how far the measured position may overshoot the
	// soft limits before a protective stop (a compliant controller commanded
	// at the limit overshoots a little). 0 means no overshoot allowed.
	PositionMargin float64
	// Velocity bounds |commanded velocity|; a measured |q̇| above it stops
	// motion (protective stop). Required.
	Velocity float64
	// Effort bounds |commanded effort| (including the impedance law's effort
	// at the measured state).
	// Required.
	Effort float64
	// EffortTrip is the measured |effort| that, held for
	// SafetyConfig.OverCurrentCycles consecutive cycles, is a fault
	// (over-current). It sits above Effort because a drive tracking a command
	// at the limit overshoots it between two cycles. 0 means 1.25·Effort.
	EffortTrip float64
	// Power bounds the mechanical power |effort·q̇| in W (IEC 80601-2-78
	// asks rehabilitation robots to bound the energy delivered to the
	// patient). 0 = not checked.
	Power float64
	// TrackingError bounds |commanded position − measured position| while
	// enabled in position or impedance mode (dVRK's per-joint tracking
	// tolerance). 0 = not checked.
	TrackingError float64
	// SensorTolerance bounds |Position2 − Position| when the joint has a
	// redundant sensor; a disagreement lasting SafetyConfig.SensorWindow is a
	// fault (dVRK: encoder vs potentiometer). 0 = not checked.
	SensorTolerance float64
	// MaxKp and MaxKd bound the commanded stiffness and damping; too stiff a
	// command for the loop rate makes the joint unstable. Required.
	MaxKp, MaxKd float64
	// BumplessStep bounds the change of commanded effort from one cycle to
	// the next after a controller switch, a gain change or an enable (N·m or
	// N per cycle). 0 means Effort/20: full effort in 20 cycles.
	BumplessStep float64
	// HoldKp and HoldKd, when HoldKp > 0, make the hold command of
	// Enabling and ProtectiveStop an impedance command with these gains
	// (plus gravity feed-forward when SafetyConfig.HoldGravity is set);
	// otherwise the hold is ModePosition and the drive's own position loop
	// holds the joint.
	HoldKp, HoldKd float64
}

// Box is an axis-aligned box in the robot base frame, in m.
type Box struct {
	Min, Max [3]float64
}

// Contains reports whether p is inside the box (boundary included).
func (b *Box) Contains(p [3]float64) bool {
	for i := range p {
		if !(p[i] >= b.Min[i] && p[i] <= b.Max[i]) {
			return false
		}
	}
	return true
}

// SafetyConfig configures the supervisor. Durations are on the loop's clock.
type SafetyConfig struct {
	Joints []JointLimits
	// Workspace, when set, bounds the tool position given by the loop's
	// ForwardKinematics; leaving it is a protective stop.
	Workspace *Box
	// TotalPower bounds Σ|effort·q̇| over all joints in W. 0 = not checked.
	TotalPower float64
	// WatchdogCycles is how many consecutive cycles without fresh sensor
	// data (bus timeouts, corrupt replies, samples older than MaxSampleAge)
	// are tolerated; one more is a fault. During a tolerated gap the last
	// command is repeated. 0 means 3 (3 ms at 1 kHz, inside the 10 ms that
	// CANopen heartbeat/RPDO timeouts are commonly set to).
	WatchdogCycles int
	// MaxSampleAge is how old (now − JointState.Stamp) a sample may be and
	// still count as fresh. 0 means two periods.
	MaxSampleAge time.Duration
	// OverCurrentCycles is how many consecutive cycles a measured effort may
	// exceed its limit before the supervisor faults (dVRK counts current
	// over-limit cycles the same way, to ignore single spikes). 0 means 3.
	OverCurrentCycles int
	// SensorWindow is how long redundant sensors may disagree before a
	// fault. 0 means 10 ms.
	SensorWindow time.Duration
	// RequireDeadman makes Setpoint.Deadman mandatory to enable and to stay
	// enabled.
	RequireDeadman bool
	// EnableCycles is how many clean cycles Enabling holds position before
	// handing over to the controller. 0 means 10.
	EnableCycles int
	// RequireDriveEnabled makes Enabling also wait for every drive to report
	// StatusEnabled, up to EnableTimeout (0 means 1 s) before a fault.
	RequireDriveEnabled bool
	EnableTimeout       time.Duration
	// AutoResumeAfter, when > 0, leaves ProtectiveStop by itself once its
	// cause has been gone that long; 0 requires an explicit Resume.
	AutoResumeAfter time.Duration
	// HoldGravity adds gravity feed-forward to impedance holds.
	HoldGravity GravityModel
	// EventLog is the capacity of the event ring. 0 means 256.
	EventLog int
}

// ErrConfig is wrapped by every configuration error.
var ErrConfig = errors.New("control: invalid configuration")

func (c *SafetyConfig) withDefaults(period time.Duration) (SafetyConfig, error) {
	d := *c
	if len(d.Joints) == 0 {
		return d, fmt.Errorf("safety: no joint limits: %w", ErrConfig)
	}
	d.Joints = append([]JointLimits(nil), c.Joints...)
	for i := range d.Joints {
		j := &d.Joints[i]
		switch {
		case !(j.PositionMin <= j.PositionMax) || !finite(j.PositionMin) || !finite(j.PositionMax):
			return d, fmt.Errorf("safety: joint %d: position limits [%g, %g]: %w", i, j.PositionMin, j.PositionMax, ErrConfig)
		case !(j.Velocity > 0) || !(j.Effort > 0) || !(j.MaxKp > 0) || !(j.MaxKd > 0):
			return d, fmt.Errorf("safety: joint %d: Velocity, Effort, MaxKp and MaxKd must be > 0: %w", i, ErrConfig)
		case j.PositionMargin < 0 || j.Power < 0 || j.TrackingError < 0 || j.SensorTolerance < 0 ||
			j.BumplessStep < 0 || j.EffortTrip < 0 || j.HoldKp < 0 || j.HoldKd < 0:
			return d, fmt.Errorf("safety: joint %d: negative limit: %w", i, ErrConfig)
		case j.HoldKp > j.MaxKp || j.HoldKd > j.MaxKd:
			return d, fmt.Errorf("safety: joint %d: hold gains above MaxKp/MaxKd: %w", i, ErrConfig)
		}
		if j.EffortTrip == 0 {
			j.EffortTrip = 1.25 * j.Effort
		}
		if j.BumplessStep == 0 {
			j.BumplessStep = j.Effort / 20
		}
	}
	if d.Workspace != nil {
		w := *d.Workspace
		for i := range w.Min {
			if !(w.Min[i] < w.Max[i]) {
				return d, fmt.Errorf("safety: workspace box axis %d [%g, %g]: %w", i, w.Min[i], w.Max[i], ErrConfig)
			}
		}
		d.Workspace = &w
	}
	if d.WatchdogCycles == 0 {
		d.WatchdogCycles = 3
	}
	if d.MaxSampleAge == 0 {
		d.MaxSampleAge = 2 * period
	}
	if d.OverCurrentCycles == 0 {
		d.OverCurrentCycles = 3
	}
	if d.SensorWindow == 0 {
		d.SensorWindow = 10 * time.Millisecond
	}
	if d.EnableCycles == 0 {
		d.EnableCycles = 10
	}
	if d.EnableTimeout == 0 {
		d.EnableTimeout = time.Second
	}
	if d.EventLog == 0 {
		d.EventLog = 256
	}
	if d.WatchdogCycles < 0 || d.MaxSampleAge < 0 || d.OverCurrentCycles < 0 || d.SensorWindow < 0 ||
		d.EnableCycles < 0 || d.EnableTimeout < 0 || d.AutoResumeAfter < 0 || d.EventLog < 0 || d.TotalPower < 0 {
		return d, fmt.Errorf("safety: negative setting: %w", ErrConfig)
	}
	return d, nil
}
