package control

import (
	"errors"
	"fmt"
	"math"
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
	// StandstillPosition bounds |measured − hold position| while the
	// supervisor holds the joint: in ProtectiveStop, and in Disabled when
	// SafetyConfig.StandstillWhenDisabled says the joints are braked. A
	// held joint that moves further is not held (a drive ignoring its
	// command, a back-driven or failed brake, a runaway simulation) and the
	// supervisor faults (ReasonStandstillPosition): drives off, brakes on, a
	// person must Reset. This is IEC 61800-5-2's Safe Stop 2: a category 2
	// stop whose standstill is then monitored as a Safe Operating Stop
	// (SOS), movement at standstill tripping Safe Torque Off. 0 means
	// derived:
	//   - impedance hold (HoldKp > 0): Effort/HoldKp, the deflection at which
	//     the hold pushes back with the whole effort limit; a compliant hold
	//     is meant to yield up to there (a patient pushing on a rehabilitation
	//     robot), beyond it the hold can no longer resist;
	//   - position hold with TrackingError > 0: TrackingError, the same
	//     tolerance the supervisor already accepts between a position command
	//     and the measurement while enabled (the hold is a position command);
	//   - otherwise 5% of the range PositionMax − PositionMin (0.29 rad on a
	//     ±166° Panda joint: far above servo ripple, far below "swinging
	//     through the workspace"), at least PositionMargin, at least 1 mrad
	//     (1 mm) so that a joint with no range still tolerates encoder noise.
	StandstillPosition float64
	// StandstillVelocity bounds the measured |q̇| of a held joint once it
	// has settled (ReasonStandstillVelocity): it catches a joint starting to
	// run away before it leaves the position window. 0 means Velocity, the
	// speed the joint may never exceed even under control; the limits carry
	// nothing about the hold's dynamics to derive a tighter bound from, so
	// set it when the hold is known to be stiff.
	StandstillVelocity float64
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
	// StandstillSettle is the settling allowance of standstill monitoring:
	// for this long after the supervisor starts holding (entering
	// ProtectiveStop or, when monitored, Disabled) a joint is still braking,
	// so the velocity bound is not checked and the position bound is widened
	// to the braking envelope
	//   |q − hold| ≤ e₀ + StandstillPosition + Velocity·StandstillSettle/2,
	// where e₀ is the joint's deviation at the first fresh cycle of the stop
	// and Velocity·StandstillSettle/2 is the distance a joint at its
	// velocity limit covers braking to rest within the allowance at the
	// constant deceleration Velocity/StandstillSettle (as in the variant of
	// SS2 that monitors the deceleration ramp). A runaway is thus caught
	// even while settling. Afterwards the plain bounds apply. 0 means
	// 500 ms: a deceleration of Velocity/0.5 s, 4.4–5.2 rad/s² for the
	// Panda's 2.175–2.61 rad/s joints, below each joint's rated 7.5–20
	// rad/s², so a healthy arm brakes well inside the envelope; it is also
	// several time constants of a gentle impedance hold.
	StandstillSettle time.Duration
	// StandstillWhenDisabled monitors standstill in Disabled too, relative
	// to the position at the first fresh cycle in that state: set it only
	// when the drives have holding brakes (or a self-locking gear) so that
	// a disabled joint is expected to stay still; a joint moved by hand or
	// by gravity then faults. Default off: without brakes a disabled arm
	// may sag or be moved by a person, which is not a fault.
	StandstillWhenDisabled bool
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
		case !(j.StandstillPosition >= 0) || !(j.StandstillVelocity >= 0) ||
			math.IsInf(j.StandstillPosition, 1) || math.IsInf(j.StandstillVelocity, 1):
			return d, fmt.Errorf("safety: joint %d: StandstillPosition %g, StandstillVelocity %g: must be finite and ≥ 0: %w",
				i, j.StandstillPosition, j.StandstillVelocity, ErrConfig)
		case j.HoldKp > j.MaxKp || j.HoldKd > j.MaxKd:
			return d, fmt.Errorf("safety: joint %d: hold gains above MaxKp/MaxKd: %w", i, ErrConfig)
		}
		if j.EffortTrip == 0 {
			j.EffortTrip = 1.25 * j.Effort
		}
		if j.BumplessStep == 0 {
			j.BumplessStep = j.Effort / 20
		}
		if j.StandstillPosition == 0 {
			j.StandstillPosition = defaultStandstillPosition(j)
		}
		if j.StandstillVelocity == 0 {
			j.StandstillVelocity = j.Velocity
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
	if d.StandstillSettle == 0 {
		d.StandstillSettle = defaultStandstillSettle
	}
	if d.WatchdogCycles < 0 || d.MaxSampleAge < 0 || d.OverCurrentCycles < 0 || d.SensorWindow < 0 ||
		d.EnableCycles < 0 || d.EnableTimeout < 0 || d.AutoResumeAfter < 0 || d.EventLog < 0 || d.TotalPower < 0 ||
		d.StandstillSettle < 0 {
		return d, fmt.Errorf("safety: negative setting: %w", ErrConfig)
	}
	return d, nil
}

// defaultStandstillSettle is StandstillSettle's default (see there).
const defaultStandstillSettle = 500 * time.Millisecond

// Default standstill window when neither the hold's stiffness nor a tracking
// tolerance says more (see JointLimits.StandstillPosition).
const (
	standstillRangeFraction = 0.05 // of PositionMax − PositionMin
	standstillMinWindow     = 1e-3 // rad or m: encoder noise of any drive chiron supports is far below
)

// defaultStandstillPosition derives JointLimits.StandstillPosition from the
// other limits (documented on the field).
func defaultStandstillPosition(j *JointLimits) float64 {
	switch {
	case j.HoldKp > 0:
		return j.Effort / j.HoldKp
	case j.TrackingError > 0:
		return j.TrackingError
	}
	return max(standstillRangeFraction*(j.PositionMax-j.PositionMin), j.PositionMargin, standstillMinWindow)
}
