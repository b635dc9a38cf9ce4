package control

import (
	"errors"
	"math"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// Supervisor is the safety supervisor. It sits between the controllers and
// the drives: every cycle it checks the measured state, decides the state of
// the machine, and is the only one to write the commands that go to the bus.
// The Loop owns it; other goroutines only post requests (Enable, Disable,
// Resume, Reset, Stop, SetEStop), which take effect at the next cycle
// boundary.
//
// Checks, and what they lead to:
//
//	emergency stop input asserted          → Fault, latched until released and Reset
//	drive fault bits (Status.Faulty)       → Fault
//	bus error kind bus-off or drive-fault,
//	or an error that is not *drivers.Error → Fault
//	bus error kind abort (request refused) → ProtectiveStop
//	bus error kind timeout, corrupt,
//	wrong-id, protocol; stale samples      → stale cycle; more than WatchdogCycles in a row → Fault
//	NaN/Inf in measurements                → Fault
//	redundant sensors disagree > window    → Fault
//	measured effort over EffortTrip N cycles → Fault (over-current)
//	a held joint moves (standstill)        → Fault
//	position, velocity, power, workspace,
//	tracking error, deadman released,
//	setpoint older than its ValidFor,
//	non-finite controller command          → ProtectiveStop
//	Stop requested by another party        → ProtectiveStop until Resume
//
// A fault is about the hardware or its monitoring: when the supervisor cannot
// trust what it measures it cannot hold position safely, so the drives are
// switched off (brakes engage) and a person must Reset. A protective stop is
// about the motion: the drives hold position and the robot can resume once
// the cause is gone (explicitly, or after AutoResumeAfter).
//
// Safe commands: Disabled and Fault send ModeOff to every joint (drive
// disabled, brake engaged). Enabling and ProtectiveStop send a hold: the
// last position that passed the position and workspace checks, clamped into
// the soft limits, as ModePosition — or as ModeImpedance with HoldKp/HoldKd
// and gravity feed-forward when configured. Holding the last good position
// rather than the current one means a hold never pins the robot outside its
// limits, so the cause of a position or workspace stop can go away.
//
// A stop holds: in ProtectiveStop (and in Disabled when the drives are
// braked, SafetyConfig.StandstillWhenDisabled) every joint's distance from
// the hold position and its velocity are monitored, after a settling
// allowance in which the joints may brake, and a joint that moves beyond
// its standstill window is a Fault (IEC 61800-5-2 SS2/SOS; see
// JointLimits.StandstillPosition and SafetyConfig.StandstillSettle).
type Supervisor struct {
	cfg   SafetyConfig
	n     int
	state State
	// mirror of state for non-real-time readers
	stateMirror atomic.Uint32

	// requests from other goroutines: counters compared with the last seen
	reqEnable, reqDisable, reqResume, reqReset atomic.Uint64
	seenEnable, seenDisable, seenResume        uint64
	seenReset                                  uint64
	estopIn                                    atomic.Bool
	estopLatched                               bool
	// reqStop has bit r set for each stop reason r asked for since the last
	// cycle (Stop); the loop takes them all with one Swap.
	reqStop atomic.Uint64
	// requested: the current protective stop was asked for through Stop,
	// so only an explicit Resume ends it.
	requested bool

	// Standstill monitoring (checkStandstill): the reference position
	// (s.hold in ProtectiveStop, stillRef in Disabled), each joint's
	// deviation e₀ at the first fresh cycle of the stop, and the braking
	// distance Velocity·StandstillSettle/2 of each joint.
	stillArmed bool
	stillRef   []float64
	stillE0    []float64
	stillBrake []float64

	// The setpoint in use: its Seq and the cycle that first saw it.
	spSeq uint64
	spAt  time.Duration

	reason        Reason
	reasonJoint   int    // the joint reason is about, or -1
	reasonDetail  string // what the driver reported (bus errors, drive faults)
	since         time.Duration
	staleCycles   int
	overCurrent   []int
	disagreeSince []time.Duration // −1: sensors agree
	hold          []float64
	lastGood      []float64
	haveGood      bool
	enableClean   int
	causeClear    bool
	clearSince    time.Duration
	psCauseActive bool // a protective-stop cause is present this cycle

	clamps      []uint64
	clampsTotal uint64
	staleTotal  uint64
	lastKind    drivers.ErrorKind
	gravQ       []float64
	gravTau     []float64
	events      eventRing
}

func newSupervisor(cfg SafetyConfig, n int) *Supervisor {
	s := &Supervisor{
		cfg: cfg, n: n, reasonJoint: -1,
		overCurrent: make([]int, n), disagreeSince: make([]time.Duration, n),
		hold: make([]float64, n), lastGood: make([]float64, n), clamps: make([]uint64, n),
		gravQ: make([]float64, n), gravTau: make([]float64, n),
		stillRef: make([]float64, n), stillE0: make([]float64, n), stillBrake: make([]float64, n),
		events: eventRing{buf: make([]Event, cfg.EventLog)},
	}
	for i := range s.disagreeSince {
		s.disagreeSince[i] = -1
	}
	for i := range s.stillBrake {
		s.stillBrake[i] = cfg.Joints[i].Velocity * cfg.StandstillSettle.Seconds() / 2
	}
	return s
}

// reconfigure replaces the configuration (Loop.Reconfigure, only while
// Disabled or in a protective stop; cfg has the loop's EventLog). The
// per-joint monitors derived from the limits start afresh; a protective
// stop keeps its hold position and its cause, and is left by a Resume
// judged under the new limits.
func (s *Supervisor) reconfigure(cfg *SafetyConfig) {
	s.cfg = *cfg
	for i := range s.n {
		s.overCurrent[i] = 0
		s.disagreeSince[i] = -1
		s.stillBrake[i] = cfg.Joints[i].Velocity * cfg.StandstillSettle.Seconds() / 2
	}
}

// Enable asks to go from Disabled (or ProtectiveStop, as Resume) through
// Enabling to Enabled. Safe for concurrent use; requests made between two
// cycles are handled together in the order Reset, Enable, Resume, Stop,
// Disable, so a Stop wins over an Enable or Resume and a Disable always wins.
func (s *Supervisor) Enable() { s.reqEnable.Add(1) }

// Disable asks to switch the drives off (from any state but Fault).
func (s *Supervisor) Disable() { s.reqDisable.Add(1) }

// Resume asks to leave ProtectiveStop once its cause is gone.
func (s *Supervisor) Resume() { s.reqResume.Add(1) }

// Reset asks to leave Fault (or ProtectiveStop) for Disabled, and to clear a
// latched emergency stop whose input has been released. It is refused while
// the cause persists.
func (s *Supervisor) Reset() { s.reqReset.Add(1) }

// Stop asks for a protective stop on behalf of a party outside the loop:
// teleoperation whose operator went quiet (ReasonOperatorSilent), a
// rehabilitation session (ReasonSessionStop), a test scenario or anything
// else (ReasonStopRequest; any reason outside these three is recorded as
// ReasonStopRequest, so the log never attributes a request to one of the
// supervisor's own checks). Like the other requests it is safe from any
// goroutine, never blocks and never allocates, and takes effect at the next
// cycle boundary, after Enable and Resume requests of the same cycle, so a
// Stop wins over them.
//
// From Enabling or Enabled the supervisor enters ProtectiveStop with the
// given reason; in ProtectiveStop the request is logged and the stop
// becomes one that only an explicit Resume ends (AutoResumeAfter no longer
// applies to it); in Disabled or Fault the drives are already off and the
// request is only logged. Several requests between two cycles are applied
// together and each distinct reason is logged once.
func (s *Supervisor) Stop(reason Reason) {
	if !isStopRequest(reason) {
		reason = ReasonStopRequest
	}
	s.reqStop.Or(1 << reason)
}

// SetEStop sets the emergency-stop input (true = pressed). Pressing it
// latches a Fault at the next cycle; releasing it does not resume anything:
// a Reset is still required (IEC 60204-1 §10.7.3).
func (s *Supervisor) SetEStop(pressed bool) { s.estopIn.Store(pressed) }

// State returns the current state (safe for concurrent use).
func (s *Supervisor) State() State { return State(s.stateMirror.Load()) }

// finding is the first violation found by a check.
type finding struct {
	reason       Reason
	joint        int
	value, limit float64
	kind         drivers.ErrorKind
	// detail is the driver's description of a bus error or drive fault
	// (drivers.Error.Detail): what the drive or the bus reported.
	detail string
}

func (f *finding) set(r Reason, joint int, value, limit float64) {
	if f.reason == ReasonNone {
		*f = finding{reason: r, joint: joint, value: value, limit: limit}
	}
}

func (s *Supervisor) log(now time.Duration, from, to State, f finding) {
	s.events.add(Event{At: now, From: from, To: to, Reason: f.reason, Joint: f.joint,
		Value: f.value, Limit: f.limit, Kind: f.kind, Detail: f.detail})
}

func (s *Supervisor) info(now time.Duration, r Reason, joint int, value float64) {
	s.log(now, s.state, s.state, finding{reason: r, joint: joint, value: value})
}

func (s *Supervisor) refuse(now time.Duration, req Reason) {
	s.info(now, ReasonRequestRefused, -1, float64(req))
}

func (s *Supervisor) to(now time.Duration, st State, f finding, q []drivers.JointState) {
	from := s.state
	s.state = st
	s.stateMirror.Store(uint32(st))
	s.reason, s.reasonJoint, s.reasonDetail = f.reason, f.joint, f.detail
	s.since = now
	s.log(now, from, st, f)
	s.stillArmed, s.requested = false, false
	switch st {
	case Enabling, ProtectiveStop:
		s.latchHold(q)
		s.enableClean = 0
		s.causeClear = false
	}
}

// latchHold chooses the hold position: the last good position, else the
// measured one, clamped into the soft limits.
func (s *Supervisor) latchHold(st []drivers.JointState) {
	for i := range s.hold {
		q := s.lastGood[i]
		if !s.haveGood {
			q = st[i].Position
			if !finite(q) {
				q = s.cfg.Joints[i].PositionMin
			}
		}
		s.hold[i] = clamp(q, s.cfg.Joints[i].PositionMin, s.cfg.Joints[i].PositionMax)
	}
}

// classify maps a bus error to the supervisor's response: a finding for a
// protective stop (ReasonBusRefused) or a fault, or no finding when the error
// only makes this cycle's data stale.
func classify(err error) finding {
	f := finding{joint: -1}
	if e := driverError(err); e != nil {
		f.joint, f.kind, f.detail = e.Joint, e.Kind, e.Detail
	}
	switch f.kind {
	case drivers.KindTimeout, drivers.KindCorrupt, drivers.KindWrongID, drivers.KindProtocol:
		// Transient on a field bus: this cycle's data is lost; the watchdog
		// decides when it has been lost for too long.
		return finding{joint: f.joint, kind: f.kind}
	case drivers.KindAbort:
		f.reason = ReasonBusRefused
	case drivers.KindDriveFault:
		f.reason = ReasonDriveFault
	default: // KindBusOff, and anything unclassified: assume the worst
		f.reason = ReasonBusError
	}
	return f
}

// driverError finds the *drivers.Error in err's chain without allocating
// (errors.As would, through its reflective target).
func driverError(err error) *drivers.Error {
	for err != nil {
		if e, ok := err.(*drivers.Error); ok {
			return e
		}
		err = errors.Unwrap(err)
	}
	return nil
}

// check runs the per-cycle checks on the measured state and advances the
// state machine. It reports whether this cycle's measurements are fresh
// (fit to compute commands from).
func (s *Supervisor) check(now time.Duration, st []drivers.JointState, readErr error,
	tool *[3]float64, hasTool bool, sp *Setpoint, prev []drivers.JointCommand) (fresh bool) {
	var fault, stop finding
	fault.joint, stop.joint = -1, -1
	stale := false
	if readErr != nil {
		f := classify(readErr)
		stale = true
		s.lastKind = f.kind
		if f.reason == ReasonBusRefused {
			stop = f
		} else if f.reason != ReasonNone {
			fault = f
		}
	}
	if !stale {
		for i := range st {
			if now-st[i].Stamp > s.cfg.MaxSampleAge {
				stale = true
				break
			}
		}
	}
	if stale {
		s.staleCycles++
		s.staleTotal++
		if s.staleCycles > s.cfg.WatchdogCycles {
			fault.set(ReasonWatchdog, -1, float64(s.staleCycles), float64(s.cfg.WatchdogCycles))
		}
	} else {
		s.staleCycles = 0
		s.checkFaults(now, st, &fault)
		s.checkStandstill(now, st, &fault)
		s.checkMotion(st, tool, hasTool, sp, prev, &stop)
	}
	// The setpoint's age counts from the first cycle that saw it.
	if sp.Seq != s.spSeq {
		s.spSeq, s.spAt = sp.Seq, now
	}
	if sp.ValidFor > 0 && now-s.spAt > sp.ValidFor {
		stop.set(ReasonSetpointStale, -1, (now - s.spAt).Seconds(), sp.ValidFor.Seconds())
	}
	s.psCauseActive = stop.reason != ReasonNone || stale

	// Transitions caused by checks: emergency stop, then faults, then stops.
	switch {
	case s.estopIn.Load():
		if !s.estopLatched {
			s.estopLatched = true
			s.to(now, Fault, finding{reason: ReasonEStop, joint: -1}, st)
		}
	case fault.reason != ReasonNone:
		if s.state != Fault {
			s.to(now, Fault, fault, st)
		}
	case stop.reason != ReasonNone:
		if s.state == Enabled || s.state == Enabling {
			s.to(now, ProtectiveStop, stop, st)
		}
	}
	faultActive := fault.reason != ReasonNone || s.estopIn.Load()

	// Requests, in the order Reset, Enable, Resume, Stop, Disable.
	if r := s.reqReset.Load(); r != s.seenReset {
		s.seenReset = r
		switch {
		case s.state != Fault && s.state != ProtectiveStop:
			s.refuse(now, ReasonResetRequest)
		case faultActive:
			s.refuse(now, ReasonResetRequest)
		default:
			s.estopLatched = false
			s.to(now, Disabled, finding{reason: ReasonResetRequest, joint: -1}, st)
		}
	}
	if r := s.reqEnable.Load(); r != s.seenEnable {
		s.seenEnable = r
		switch {
		case s.state == Disabled && !faultActive && !s.psCauseActive:
			s.to(now, Enabling, finding{reason: ReasonEnableRequest, joint: -1}, st)
		case s.state == ProtectiveStop:
			s.reqResume.Add(1) // an Enable in a protective stop is a Resume
		case s.state == Enabling || s.state == Enabled:
			// already on its way: nothing to do
		default:
			s.refuse(now, ReasonEnableRequest)
		}
	}
	if s.state == ProtectiveStop {
		if s.psCauseActive {
			s.causeClear = false
		} else if !s.causeClear {
			s.causeClear, s.clearSince = true, now
		}
	}
	if r := s.reqResume.Load(); r != s.seenResume {
		s.seenResume = r
		if s.state == ProtectiveStop && s.causeClear {
			s.to(now, Enabling, finding{reason: ReasonResumeRequest, joint: -1}, st)
		} else {
			s.refuse(now, ReasonResumeRequest)
		}
	}
	// Auto-resume only for causes the supervisor keeps measuring; a
	// controller that produced a non-finite command would produce it again,
	// so that stop waits for a person.
	// A stop someone asked for is not the supervisor's to end either.
	if s.state == ProtectiveStop && s.causeClear && s.cfg.AutoResumeAfter > 0 && !s.requested &&
		s.reason != ReasonInvalidCommand && now-s.clearSince >= s.cfg.AutoResumeAfter {
		s.to(now, Enabling, finding{reason: ReasonAutoResume, joint: -1}, st)
	}
	if bits := s.reqStop.Swap(0); bits != 0 {
		s.applyStops(now, bits, st)
	}
	if r := s.reqDisable.Load(); r != s.seenDisable {
		s.seenDisable = r
		if s.state == Fault {
			s.refuse(now, ReasonDisableRequest)
		} else if s.state != Disabled {
			s.to(now, Disabled, finding{reason: ReasonDisableRequest, joint: -1}, st)
		}
	}

	if s.state == Enabling {
		s.advanceEnabling(now, st, stale)
	}
	return !stale
}

// stopReasons are the reasons Stop accepts, in the order a batch of
// requests is applied (the first one makes the transition).
var stopReasons = [...]Reason{ReasonStopRequest, ReasonOperatorSilent, ReasonSessionStop}

// applyStops applies the Stop requests whose reasons are set in bits.
func (s *Supervisor) applyStops(now time.Duration, bits uint64, st []drivers.JointState) {
	for _, r := range stopReasons {
		if bits&(1<<r) == 0 {
			continue
		}
		switch s.state {
		case Enabled, Enabling:
			s.to(now, ProtectiveStop, finding{reason: r, joint: -1}, st)
			s.requested = true
		case ProtectiveStop:
			s.info(now, r, -1, 0)
			s.requested = true
		default: // Disabled, Fault: the drives are off already
			s.info(now, r, -1, 0)
		}
	}
}

func (s *Supervisor) advanceEnabling(now time.Duration, st []drivers.JointState, stale bool) {
	if now-s.since > s.cfg.EnableTimeout {
		s.to(now, Fault, finding{reason: ReasonEnableTimeout, joint: -1,
			value: (now - s.since).Seconds(), limit: s.cfg.EnableTimeout.Seconds()}, st)
		return
	}
	if stale {
		s.enableClean = 0
		return
	}
	if s.cfg.RequireDriveEnabled {
		for i := range st {
			if st[i].Status&drivers.StatusEnabled == 0 {
				s.enableClean = 0
				return
			}
		}
	}
	s.enableClean++
	if s.enableClean >= s.cfg.EnableCycles {
		s.to(now, Enabled, finding{reason: ReasonEnableComplete, joint: -1}, st)
	}
}

// checkFaults runs the hardware checks that lead to Fault.
func (s *Supervisor) checkFaults(now time.Duration, st []drivers.JointState, f *finding) {
	for i := range st {
		j := &st[i]
		lim := &s.cfg.Joints[i]
		if !finite(j.Position) || !finite(j.Velocity) || !finite(j.Effort) || (j.HasPosition2 && !finite(j.Position2)) {
			f.set(ReasonInvalidState, i, 0, 0)
			continue
		}
		if j.Status.Faulty() {
			f.set(ReasonDriveFault, i, float64(j.Status), 0)
		}
		if lim.SensorTolerance > 0 && j.HasPosition2 {
			d := math.Abs(j.Position2 - j.Position)
			if d <= lim.SensorTolerance {
				s.disagreeSince[i] = -1
			} else {
				if s.disagreeSince[i] < 0 {
					s.disagreeSince[i] = now
				}
				if now-s.disagreeSince[i] >= s.cfg.SensorWindow {
					f.set(ReasonSensorDisagreement, i, d, lim.SensorTolerance)
				}
			}
		}
		if math.Abs(j.Effort) > lim.EffortTrip {
			s.overCurrent[i]++
			if s.overCurrent[i] >= s.cfg.OverCurrentCycles {
				f.set(ReasonOverCurrent, i, j.Effort, lim.EffortTrip)
			}
		} else {
			s.overCurrent[i] = 0
		}
	}
}

// checkStandstill is standstill monitoring (JointLimits.StandstillPosition,
// SafetyConfig.StandstillSettle): while the supervisor holds the joints
// (ProtectiveStop, or Disabled when the drives are braked) a joint that
// moves is a fault. st is fresh; the state is the one the cycle started in.
func (s *Supervisor) checkStandstill(now time.Duration, st []drivers.JointState, f *finding) {
	var ref []float64
	switch {
	case s.state == ProtectiveStop:
		ref = s.hold
	case s.state == Disabled && s.cfg.StandstillWhenDisabled:
		ref = s.stillRef
	default:
		return
	}
	if !s.stillArmed {
		// The first fresh cycle of the stop: take the reference (Disabled)
		// and the deviation the joints start braking from. Non-finite
		// positions are a fault of their own (checkFaults); arm only on a
		// cycle that can give finite references.
		for i := range st {
			if !finite(st[i].Position) {
				return
			}
		}
		for i := range st {
			if s.state == Disabled {
				ref[i] = st[i].Position
			}
			s.stillE0[i] = math.Abs(st[i].Position - ref[i])
		}
		s.stillArmed = true
	}
	settling := now-s.since < s.cfg.StandstillSettle
	for i := range st {
		lim := &s.cfg.Joints[i]
		d := math.Abs(st[i].Position - ref[i])
		if settling {
			if b := s.stillE0[i] + lim.StandstillPosition + s.stillBrake[i]; d > b {
				f.set(ReasonStandstillPosition, i, d, b)
			}
			continue
		}
		if d > lim.StandstillPosition {
			f.set(ReasonStandstillPosition, i, d, lim.StandstillPosition)
		}
		if v := st[i].Velocity; math.Abs(v) > lim.StandstillVelocity {
			f.set(ReasonStandstillVelocity, i, v, lim.StandstillVelocity)
		}
	}
}

// checkMotion runs the motion checks that lead to ProtectiveStop and updates
// the last good position.
func (s *Supervisor) checkMotion(st []drivers.JointState, tool *[3]float64, hasTool bool,
	sp *Setpoint, prev []drivers.JointCommand, f *finding) {
	positionsOK := true
	total := 0.0
	for i := range st {
		j := &st[i]
		lim := &s.cfg.Joints[i]
		if j.Position < lim.PositionMin-lim.PositionMargin {
			f.set(ReasonPositionLimit, i, j.Position, lim.PositionMin)
			positionsOK = false
		} else if j.Position > lim.PositionMax+lim.PositionMargin {
			f.set(ReasonPositionLimit, i, j.Position, lim.PositionMax)
			positionsOK = false
		}
		if math.Abs(j.Velocity) > lim.Velocity {
			f.set(ReasonVelocityLimit, i, j.Velocity, lim.Velocity)
		}
		p := math.Abs(j.Effort * j.Velocity)
		total += p
		if lim.Power > 0 && p > lim.Power {
			f.set(ReasonPowerLimit, i, p, lim.Power)
		}
		if s.state == Enabled && lim.TrackingError > 0 &&
			(prev[i].Mode == drivers.ModePosition || prev[i].Mode == drivers.ModeImpedance) {
			if e := math.Abs(prev[i].Position - j.Position); e > lim.TrackingError {
				f.set(ReasonTrackingError, i, e, lim.TrackingError)
			}
		}
	}
	if s.cfg.TotalPower > 0 && total > s.cfg.TotalPower {
		f.set(ReasonPowerLimit, -1, total, s.cfg.TotalPower)
	}
	if s.cfg.Workspace != nil && hasTool && !s.cfg.Workspace.Contains(*tool) {
		w := s.cfg.Workspace
		for a := range tool {
			if tool[a] < w.Min[a] {
				f.set(ReasonWorkspace, -1, tool[a], w.Min[a])
			} else if tool[a] > w.Max[a] {
				f.set(ReasonWorkspace, -1, tool[a], w.Max[a])
			}
		}
		positionsOK = false
	}
	if s.cfg.RequireDeadman && !sp.Deadman {
		f.set(ReasonDeadman, -1, 0, 0)
	}
	if positionsOK {
		for i := range st {
			s.lastGood[i] = st[i].Position
		}
		s.haveGood = true
	}
}

// gate writes the commands that go to the drives into out. In Enabled they
// are the controller's commands (desired) clamped into the limits; in every
// other state they are the state's safe command. On a stale cycle while
// Enabled out is left as it was: the last command is repeated until the
// watchdog decides.
func (s *Supervisor) gate(now time.Duration, st []drivers.JointState, fresh bool,
	desired, out []drivers.JointCommand) {
	if s.state == Enabled {
		if !fresh {
			return
		}
		for i := range desired {
			if !validCommand(&desired[i]) {
				s.to(now, ProtectiveStop, finding{reason: ReasonInvalidCommand, joint: i}, st)
				break
			}
		}
	}
	switch s.state {
	case Enabled:
		for i := range desired {
			out[i] = desired[i]
			if s.clampCommand(i, &out[i], &st[i]) {
				s.clamps[i]++
				s.clampsTotal++
			}
		}
	case Enabling, ProtectiveStop:
		s.holdCommands(out)
		// A hold is bounded like any command: pushed away from its
		// position (a hand on the arm), its spring would ask for more
		// than the rated effort; the drive gives at most that, and the
		// standstill monitor decides whether the stop still holds.
		for i := range out {
			if out[i].Mode != drivers.ModeImpedance {
				continue
			}
			lim := &s.cfg.Joints[i]
			if tau, ok := equivalentEffort(&out[i], &st[i]); ok && math.Abs(tau) > lim.Effort {
				out[i].Effort -= tau - clamp(tau, -lim.Effort, lim.Effort)
			}
		}
	default:
		for i := range out {
			out[i] = drivers.JointCommand{Mode: drivers.ModeOff}
		}
	}
}

func (s *Supervisor) holdCommands(out []drivers.JointCommand) {
	grav := s.cfg.HoldGravity != nil
	if grav {
		copy(s.gravQ, s.hold)
		s.cfg.HoldGravity.Gravity(s.gravTau, s.gravQ)
	}
	for i := range out {
		lim := &s.cfg.Joints[i]
		if lim.HoldKp > 0 {
			ff := 0.0
			if grav {
				ff = clamp(s.gravTau[i], -lim.Effort, lim.Effort)
			}
			out[i] = drivers.JointCommand{Mode: drivers.ModeImpedance, Position: s.hold[i],
				Effort: ff, Kp: lim.HoldKp, Kd: lim.HoldKd}
		} else {
			out[i] = drivers.JointCommand{Mode: drivers.ModePosition, Position: s.hold[i]}
		}
	}
}

func validCommand(c *drivers.JointCommand) bool {
	return c.Mode <= drivers.ModeImpedance && finite(c.Position) && finite(c.Velocity) &&
		finite(c.Effort) && finite(c.Kp) && finite(c.Kd)
}

// clampCommand clamps c into joint i's limits and reports whether anything
// changed. For impedance commands the effort the drive will produce at the
// measured state is clamped too, through the feed-forward term.
func (s *Supervisor) clampCommand(i int, c *drivers.JointCommand, j *drivers.JointState) bool {
	lim := &s.cfg.Joints[i]
	orig := *c
	c.Position = clamp(c.Position, lim.PositionMin, lim.PositionMax)
	c.Velocity = clamp(c.Velocity, -lim.Velocity, lim.Velocity)
	c.Effort = clamp(c.Effort, -lim.Effort, lim.Effort)
	c.Kp = clamp(c.Kp, 0, lim.MaxKp)
	c.Kd = clamp(c.Kd, 0, lim.MaxKd)
	switch c.Mode {
	case drivers.ModeVelocity:
		// Do not drive further past a soft limit.
		if (j.Position >= lim.PositionMax && c.Velocity > 0) || (j.Position <= lim.PositionMin && c.Velocity < 0) {
			c.Velocity = 0
		}
	case drivers.ModeImpedance:
		if tau, _ := equivalentEffort(c, j); math.Abs(tau) > lim.Effort {
			c.Effort -= tau - clamp(tau, -lim.Effort, lim.Effort)
		}
	case drivers.ModeOff:
		*c = drivers.JointCommand{Mode: drivers.ModeOff}
	}
	return *c != orig
}

// afterWrite classifies a write error like a read error.
func (s *Supervisor) afterWrite(now time.Duration, err error, st []drivers.JointState) {
	if err == nil {
		return
	}
	f := classify(err)
	s.lastKind = f.kind
	switch f.reason {
	case ReasonNone:
		// A lost command frame: the drives repeat the last command and the
		// next cycle writes again. Persistent loss is caught by the drives'
		// own watchdogs and by the read side, which shares the bus.
		s.staleTotal++
	case ReasonBusRefused:
		if s.state == Enabled || s.state == Enabling {
			s.to(now, ProtectiveStop, f, st)
		}
	default:
		if s.state != Fault {
			s.to(now, Fault, f, st)
		}
	}
}

func clamp(x, lo, hi float64) float64 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}
