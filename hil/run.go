package hil

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

// lockstepReplyTimeout bounds the host drivers' wait for a reply in
// lockstep (rig.Config's reply_timeout allows up to 1 s).
const lockstepReplyTimeout = time.Second

// RunOptions configures RunScenario.
type RunOptions struct {
	// Seed overrides the scenario's seed when non-nil.
	Seed *uint64
	// OutDir receives report.json, run.csv, recording.mcap and tracking.svg;
	// "" writes nothing (sweeps keep only the report).
	OutDir string
	// Realtime runs the simulator against the wall clock under the
	// real-time runner instead of lockstep.
	Realtime bool
	// Start is the wall-clock time the recording puts at loop time 0 (its
	// log times, its stamps and the "chiron" metadata's start_time), so
	// Foxglove shows the run's date; zero means now. Two runs given the
	// same Start write byte-identical recordings.
	Start time.Time
}

// Report is the outcome of one run (report.json).
type Report struct {
	Scenario   string `json:"scenario"`
	Model      string `json:"model"`
	Protocol   string `json:"protocol"`
	Controller string `json:"controller"`
	Mode       string `json:"mode"` // lockstep or realtime
	Seed       uint64 `json:"seed"`
	// StartTime is RunOptions.Start, RFC 3339 (with a recording).
	StartTime       string   `json:"start_time,omitempty"`
	Passed          bool     `json:"passed"`
	SimSeconds      float64  `json:"sim_seconds"`
	WallSeconds     float64  `json:"wall_seconds"`
	RealTimeFactor  float64  `json:"real_time_factor"`
	Cycles          uint64   `json:"cycles"`
	LimitViolations int      `json:"limit_violations"`
	FinalState      string   `json:"final_state"`
	FirstFaultS     *float64 `json:"first_fault_s,omitempty"`
	// StateAtFault is the supervisor's state in the last cycle before the
	// first fault began: a stop latency means something only from Enabled.
	StateAtFault string   `json:"state_at_fault,omitempty"`
	StopLatencyS *float64 `json:"stop_latency_s,omitempty"`
	// DrivesStopS is the time from a host stall's start until every drive
	// had stopped on its own (power stage off or fault latched).
	DrivesStopS *float64 `json:"drives_stop_s,omitempty"`
	// ViewerFlood reports a viewer_flood fault.
	ViewerFlood *ViewerFloodMetrics `json:"viewer_flood,omitempty"`
	// FaultLatencyS is the time from the last non-background fault's start
	// to the supervisor's next transition to Fault.
	FaultLatencyS   *float64            `json:"fault_latency_s,omitempty"`
	SafetyEvents    []SafetyEvent       `json:"safety_events"`
	Expectations    []ExpectationResult `json:"expectations"`
	Metrics         Metrics             `json:"metrics"`
	RecordingSHA256 string              `json:"recording_sha256,omitempty"`
	TrajectorySHA   string              `json:"trajectory_sha256"`
	Files           []string            `json:"files,omitempty"`
}

// SafetyEvent is one supervisor event.
type SafetyEvent struct {
	Time   float64 `json:"time"`
	From   string  `json:"from"`
	State  string  `json:"state"`
	Reason string  `json:"reason"`
	Text   string  `json:"text"`
}

// ExpectationResult is one checked expectation.
type ExpectationResult struct {
	Name   string `json:"name"`
	Passed bool   `json:"passed"`
	Value  any    `json:"value"`
	Bound  any    `json:"bound"`
}

// Metrics are the run's figures.
type Metrics struct {
	// TrackingUnit is "joint" (rad or m per joint) or "tool_m".
	TrackingUnit     string    `json:"tracking_unit"`
	TrackingRMS      []float64 `json:"tracking_rms"`
	TrackingMax      []float64 `json:"tracking_max"`
	TrackingRMSWorst float64   `json:"tracking_rms_worst"`
	EnabledSeconds   float64   `json:"enabled_seconds"`
	StaleCycles      uint64    `json:"stale_cycles"`
	ReadErrors       uint64    `json:"read_errors"`
	WriteErrors      uint64    `json:"write_errors"`
	Clamps           uint64    `json:"clamps"`
	// ToolSpeedMax is the tool's largest speed while Enabled, m/s, over
	// toolSpeedWindow (the simulated plant's true tool position).
	ToolSpeedMax float64 `json:"tool_speed_max"`
	// GoalSpeedMax is the largest speed of the pose setpoint the loop was
	// given while Enabled, m/s, over the same window: what a teleoperation
	// speed cap bounds (the tool follows it with its controller's dynamics).
	GoalSpeedMax float64 `json:"goal_speed_max"`
	// EffortPeak and EffortRMS are the largest and the RMS measured joint
	// effort while Enabled (over every joint and cycle, N·m or N);
	// EnergyJ is the actuators' mechanical energy ∫ Σ |τ·q̇| dt, J.
	EffortPeak float64 `json:"effort_peak"`
	EffortRMS  float64 `json:"effort_rms"`
	EnergyJ    float64 `json:"energy_j"`
	// Loop timing. Lockstep: wall time of one Rig.Step (simulator, devices,
	// pty round trips and the loop). Real time: the runner's figures.
	StepP50Us    float64 `json:"step_p50_us"`
	StepP99Us    float64 `json:"step_p99_us"`
	StepMaxUs    float64 `json:"step_max_us"`
	WakeP99Us    float64 `json:"wake_p99_us"`
	ComputeP99Us float64 `json:"compute_p99_us"`
	Overruns     uint64  `json:"overruns"`
}

// RunScenario runs s and returns its report; with opts.OutDir it also
// writes the report, the CSV, the MCAP recording and the SVG plot there.
func RunScenario(ctx context.Context, s *Scenario, opts RunOptions) (*Report, error) {
	seed := s.Seed
	if opts.Seed != nil {
		seed = *opts.Seed
	}
	faults, err := s.SimFaults()
	if err != nil {
		return nil, err
	}
	safety := s.Safety
	// Lockstep: the devices have answered before the host reads, and a
	// reply that never comes ends the wait at once (canbus.Quieter), so
	// the bound only decides whether a machine stalled for longer than it
	// turns a reply into a lost one — and then a run into another: long.
	timeout := lockstepReplyTimeout
	if opts.Realtime {
		timeout = 2 * time.Millisecond
	}
	if opts.Realtime && s.hasFault("host_stall") {
		return nil, &ScenarioError{Field: "faults", Err: errors.New("host_stall needs lockstep (a real-time host cannot be stalled on cue)")}
	}
	rig, err := robot.Open(robot.Config{Chain: s.chain, Protocol: s.Protocol, Rate: s.Rate, Seed: seed,
		Faults: faults, Controller: s.Controller, Gains: s.Gains, Safety: safety, Q0: s.Robot.Q0,
		ReplyTimeout: timeout, Plant: plant.Config{Substep: s.Plant.Substep.D()}, External: s.pushes()})
	if err != nil {
		return nil, err
	}
	defer rig.Close()
	prog, err := buildProgram(s, rig)
	if err != nil {
		return nil, err
	}
	epoch := opts.Start
	if epoch.IsZero() {
		epoch = time.Now().UTC()
	}
	var flood *viewerFlood
	for _, f := range s.Faults {
		if f.Kind == "viewer_flood" {
			tp, ok := prog.(*teleopProgram)
			if !ok {
				return nil, &ScenarioError{Field: "faults", Err: errors.New("viewer_flood needs a teleop program")}
			}
			if flood, err = newViewerFlood(f, tp.rl); err != nil {
				return nil, err
			}
			defer flood.close()
		}
	}
	rec, err := newRecorder(s, rig, prog.cartesian(), opts.OutDir, epoch)
	if err != nil {
		return nil, err
	}
	defer rec.abort()

	rep := &Report{Scenario: s.Name, Model: s.Robot.Model, Protocol: s.Protocol, Controller: s.Controller, Seed: seed}
	if opts.OutDir != "" {
		rep.StartTime = epoch.Format(time.RFC3339Nano)
	}
	if !opts.Realtime {
		// Collect the set-up's garbage (model, reach box, drive checks,
		// bus configuration) before the run, as the real-time runner
		// does: the lockstep loop allocates nothing, and a collection
		// of the set-up's heap within the run would stop its world.
		runtime.GC()
	}
	start := time.Now()
	if opts.Realtime {
		rep.Mode = "realtime"
		err = runRealtime(ctx, s, rig, prog, rec, flood)
	} else {
		rep.Mode = "lockstep"
		err = runLockstep(ctx, s, rig, prog, rec, flood)
	}
	if flood != nil {
		flood.stop()
		rep.ViewerFlood = &flood.m
	}
	// The recording's last frames are encoded within the run's wall time.
	rec.pipe.close()
	wall := time.Since(start)
	if err != nil {
		return nil, err
	}
	rec.finish(rep, wall)
	s.check(rep)
	if opts.OutDir != "" {
		if err := rec.write(rep); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// hasFault reports whether the scenario injects a fault of kind.
func (s *Scenario) hasFault(kind string) bool {
	for _, f := range s.Faults {
		if f.Kind == kind {
			return true
		}
	}
	return false
}

// stalled reports whether the host stalls in the cycle ending at t.
func (s *Scenario) stalled(t time.Duration) bool {
	for _, f := range s.Faults {
		if f.Kind == "host_stall" && t > f.From.D() && t <= f.To.D() {
			return true
		}
	}
	return false
}

// stallStart returns when the first host stall begins.
func (s *Scenario) stallStart() (time.Duration, bool) {
	for _, f := range s.Faults {
		if f.Kind == "host_stall" {
			return f.From.D(), true
		}
	}
	return 0, false
}

// pushes returns the simulator's external torque for the scenario's push
// faults (robot.Config.External), or nil when it has none.
func (s *Scenario) pushes() func(time.Duration, *plant.Plant) {
	var ps []FaultSpec
	for _, f := range s.Faults {
		if f.Kind == "push" {
			ps = append(ps, f)
		}
	}
	if ps == nil {
		return nil
	}
	tau := make([]float64, s.chain.DoF())
	return func(now time.Duration, pl *plant.Plant) {
		clear(tau)
		for _, f := range ps {
			if now >= f.From.D() && now < f.To.D() {
				tau[f.Joint-1] += f.Torque
			}
		}
		pl.SetExternalTorque(tau)
	}
}

// lastFaultStart returns the start of the latest-starting fault that is not
// a background one.
func (s *Scenario) lastFaultStart() (time.Duration, bool) {
	var t time.Duration
	found := false
	for _, f := range s.Faults {
		if !f.Background && (!found || f.From.D() > t) {
			t, found = f.From.D(), true
		}
	}
	return t, found
}

// estopAt returns when the scenario presses the emergency stop.
func (s *Scenario) estopAt() (time.Duration, bool) {
	for _, f := range s.Faults {
		if f.Kind == "estop" {
			return f.At.D(), true
		}
	}
	return 0, false
}

// operator is the operator side shared by both modes: it samples the
// program and presses the e-stop.
type operator struct {
	s         *Scenario
	rig       *robot.Robot
	prog      program
	sp        *control.Setpoint
	enabledAt time.Duration
	enabled   bool
	estop     time.Duration
	hasEStop  bool
	pressed   bool
	stops     []time.Duration // stop requests not yet made
}

func newOperator(s *Scenario, rig *robot.Robot, prog program) *operator {
	o := &operator{s: s, rig: rig, prog: prog, sp: control.NewSetpoint(rig.Chain().DoF())}
	o.estop, o.hasEStop = s.estopAt()
	for _, f := range s.Faults {
		if f.Kind == "stop" {
			o.stops = append(o.stops, f.At.D())
		}
	}
	copy(o.sp.Q, rig.Q0())
	o.sp.Deadman = true
	return o
}

// post writes and posts the setpoint for the cycle at time t.
func (o *operator) post(t time.Duration, st control.State, now time.Duration) error {
	if !o.enabled && st == control.Enabled {
		o.enabled, o.enabledAt = true, now
	}
	if !o.enabled && st == control.Disabled && t > 0 {
		// The supervisor refuses an enable while a cause persists (a lost
		// reply in the first cycle): ask again, as an operator would,
		// until the arm has been enabled once.
		o.rig.Enable()
	}
	if o.hasEStop && !o.pressed && t >= o.estop {
		o.rig.Loop().Supervisor().SetEStop(true)
		o.pressed = true
	}
	for len(o.stops) > 0 && t >= o.stops[0] {
		o.rig.Loop().Supervisor().Stop(control.ReasonStopRequest)
		o.stops = o.stops[1:]
	}
	pt := time.Duration(0)
	if o.enabled {
		pt = t - o.enabledAt
	}
	o.prog.sample(pt, t, o.sp)
	if _, ok := o.prog.(interface{ postsItself() }); ok {
		return nil // the program posts through the teleop adapter
	}
	return o.rig.Post(o.sp)
}

func runLockstep(ctx context.Context, s *Scenario, rig *robot.Robot, prog program, rec *recorder, flood *viewerFlood) error {
	op := newOperator(s, rig, prog)
	snap := rig.Loop().NewSnapshot()
	if err := op.post(0, control.Disabled, 0); err != nil {
		return err
	}
	rig.Enable()
	cycles := int64(s.Duration.D() / rig.Period())
	state := control.Disabled
	for k := int64(0); k < cycles; k++ {
		if k&1023 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		t := rig.Now() + rig.Period()
		if s.stalled(t) {
			// The host is stalled: nothing posts, the loop does not cycle;
			// the simulated drives go on and must stop on their own.
			if err := rig.StepStalled(); err != nil {
				return err
			}
			rec.stalledCycle(rig.Now())
			continue
		}
		if err := op.post(t, state, snap.Now); err != nil {
			return err
		}
		flood.pace(t)
		t0 := time.Now()
		if err := rig.Step(); err != nil {
			return err
		}
		rec.stepWall(time.Since(t0))
		// The cycle every cycle, the timing figures when the recording
		// reads them (recFrame.fill).
		rig.Loop().SnapshotCycle(snap)
		if snap.Cycle%recTimingEvery == 0 {
			rig.Loop().Timing().CopyTo(&snap.Timing)
		}
		state = snap.State
		rec.cycle(snap, op.sp)
		if s.EndAfterStop > 0 && rec.firstStop != nil && snap.Now >= *rec.firstStop+s.EndAfterStop.D() {
			break
		}
	}
	return nil
}

func runRealtime(ctx context.Context, s *Scenario, rig *robot.Robot, prog program, rec *recorder, flood *viewerFlood) error {
	op := newOperator(s, rig, prog)
	snap := rig.Loop().NewSnapshot()
	if err := op.post(0, control.Disabled, 0); err != nil {
		return err
	}
	rig.Enable()
	// The run ends when the loop's clock reaches the duration (the runner
	// may take a moment to start: it collects garbage first), with a
	// wall-clock backstop.
	ctx, cancel := context.WithTimeout(ctx, s.Duration.D()+30*time.Second)
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		_, err := rig.Run(ctx, control.RunnerConfig{KeepGC: true})
		errc <- err
	}()
	tick := time.NewTicker(rig.Period())
	defer tick.Stop()
	var last uint64
	for {
		select {
		case <-ctx.Done():
			err := <-errc
			rig.Snapshot(snap)
			rec.timing(&snap.Timing)
			return err
		case <-tick.C:
		}
		rig.Snapshot(snap)
		if snap.Now >= s.Duration.D() {
			cancel()
			continue
		}
		if err := op.post(snap.Now+rig.Period(), snap.State, snap.Now); err != nil {
			return err
		}
		flood.at(snap.Now)
		if snap.Cycle != last {
			last = snap.Cycle
			rec.cycle(snap, op.sp)
		}
	}
}

// check evaluates the expectations into rep.
func (s *Scenario) check(rep *Report) {
	e := &s.Expect
	add := func(name string, ok bool, value, bound any) {
		rep.Expectations = append(rep.Expectations, ExpectationResult{Name: name, Passed: ok, Value: value, Bound: bound})
	}
	if e.TrackingRMSMax != nil {
		v := rep.Metrics.TrackingRMSWorst
		add("tracking_rms_max", v <= *e.TrackingRMSMax && !math.IsNaN(v), v, *e.TrackingRMSMax)
	}
	if e.ProtectiveStopWithin != nil {
		bound := e.ProtectiveStopWithin.D().Seconds()
		switch {
		case rep.StopLatencyS == nil:
			add("protective_stop_within", false, nil, bound)
		case rep.StateAtFault != control.State.String(control.Enabled):
			// The fault found the robot already stopped (or never enabled):
			// its response to the fault was not tested.
			add("protective_stop_within", false, "not enabled at the fault: "+rep.StateAtFault, bound)
		default:
			add("protective_stop_within", *rep.StopLatencyS <= bound, *rep.StopLatencyS, bound)
		}
	}
	if e.LimitViolations != nil {
		add("limit_violations", rep.LimitViolations <= *e.LimitViolations, rep.LimitViolations, *e.LimitViolations)
	}
	if e.FinalState != "" {
		add("final_state", rep.FinalState == e.FinalState, rep.FinalState, e.FinalState)
	}
	if e.GoalSpeedMax != nil {
		v := rep.Metrics.GoalSpeedMax
		add("goal_speed_max", v <= *e.GoalSpeedMax, v, *e.GoalSpeedMax)
	}
	if e.ToolSpeedMax != nil {
		v := rep.Metrics.ToolSpeedMax
		add("tool_speed_max", v <= *e.ToolSpeedMax, v, *e.ToolSpeedMax)
	}
	if e.DrivesStopWithin != nil {
		bound := e.DrivesStopWithin.D().Seconds()
		if rep.DrivesStopS == nil {
			add("drives_stop_within", false, "the drives did not stop on their own", bound)
		} else {
			add("drives_stop_within", *rep.DrivesStopS <= bound, *rep.DrivesStopS, bound)
		}
	}
	if vf := rep.ViewerFlood; vf != nil {
		// Every viewer message but the subscriptions is a command, a
		// control request or an e-stop release: each must be refused.
		add("viewer_messages_refused", vf.Refusals >= vf.Delivered && vf.Delivered <= vf.Commands, vf.Refusals, vf.Delivered)
		if e.ViewersAdmittedMax != nil {
			add("viewers_admitted_max", vf.PeakOpen <= *e.ViewersAdmittedMax, vf.PeakOpen, *e.ViewersAdmittedMax)
		}
	}
	if e.FaultWithin != nil {
		bound := e.FaultWithin.D().Seconds()
		if rep.FaultLatencyS == nil {
			add("fault_within", false, nil, bound)
		} else {
			add("fault_within", *rep.FaultLatencyS <= bound, *rep.FaultLatencyS, bound)
		}
	}
	rep.Passed = true
	for _, x := range rep.Expectations {
		rep.Passed = rep.Passed && x.Passed
	}
}

// recorder accumulates metrics and writes the outputs.
type recorder struct {
	s    *Scenario
	rig  *robot.Robot
	cart bool
	n    int
	lim  []control.JointLimits
	dir  string
	csv  *csvWriter
	mc   *mcapRecorder
	// pipe encodes csv and mc rows on its own goroutine (recPipe); csv,
	// mc and traj belong to it until pipe.close.
	pipe   *recPipe
	sumSq  []float64
	maxErr []float64
	cnt    int64
	// tool tracking
	enabled   int64
	violation int
	events    []SafetyEvent
	seenEv    uint64
	evBuf     []control.Event
	steps     []time.Duration
	last      *control.Snapshot
	firstStop *time.Duration
	// drivesStop is when every drive had stopped on its own during a host
	// stall; faultAt the first transition to Fault after the last fault's
	// start.
	drivesStop *time.Duration
	faultAt    *time.Duration
	// toolHist holds the tool positions of the last toolSpeedWindow of
	// Enabled cycles (a ring; toolN filled), for ToolSpeedMax.
	toolHist  [][3]float64
	toolN     int
	toolSpeed float64
	toolWS    *kinematics.Workspace
	toolQ     []float64
	goalHist  [][3]float64
	goalSpeed float64
	atFault   string // supervisor state in the last cycle before the first fault
	effort    effortMeter
	plot      *plotData
	traj      hashWriter
	tim       control.TimingSnapshot
	haveTim   bool
	cycles    uint64
	now       time.Duration
	files     []string
}

type hashWriter struct {
	h interface {
		Write([]byte) (int, error)
		Sum([]byte) []byte
	}
}

func newRecorder(s *Scenario, rig *robot.Robot, cart bool, dir string, start time.Time) (*recorder, error) {
	n := rig.Chain().DoF()
	m := n
	if cart {
		m = 1
	}
	r := &recorder{s: s, rig: rig, cart: cart, n: n, lim: rig.Limits(), dir: dir,
		sumSq: make([]float64, m), maxErr: make([]float64, m), traj: hashWriter{sha256.New()},
		plot: newPlotData(rig.JointNames(), cart)}
	r.last = rig.Loop().NewSnapshot()
	if dir == "" {
		r.csv = newCSVWriter(io.Discard, rig.JointNames(), &r.traj)
		r.pipe = newRecPipe(r.encode)
		return r, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, "run.csv"))
	if err != nil {
		return nil, err
	}
	r.csv = newCSVWriter(f, rig.JointNames(), &r.traj)
	r.csv.closer = f
	if r.mc, err = newMCAPRecorderAt(filepath.Join(dir, "recording.mcap"), rig, start); err != nil {
		r.csv.close()
		return nil, err
	}
	r.pipe = newRecPipe(r.encode)
	return r, nil
}

// encode writes one cycle's CSV row (and trajectory hash) and MCAP
// messages; it runs on the pipeline's goroutine.
func (r *recorder) encode(f *recFrame) {
	r.csv.row(f, r.cart)
	if r.mc != nil {
		r.mc.cycleFrame(f)
	}
}

func (r *recorder) abort() {
	r.pipe.close()
	if r.csv != nil {
		r.csv.close()
	}
	if r.mc != nil {
		r.mc.close()
	}
}

func (r *recorder) stepWall(d time.Duration) { r.steps = append(r.steps, d) }

func (r *recorder) timing(t *control.TimingSnapshot) { r.tim, r.haveTim = *t, true }

// cycle records one cycle's snapshot and the setpoint it tracked.
// stalledCycle records a period in which the host stalled: whether every
// simulated drive has stopped on its own by now.
func (r *recorder) stalledCycle(now time.Duration) {
	if r.drivesStop != nil {
		return
	}
	sim := r.rig.Sim()
	sim.Lock()
	stopped := true
	for i := range sim.Drives {
		// Stopped on its own: power stage off, a fault latched, or its
		// master-loss protection engaged (a CiA 402 drive's quick stop
		// ramps to standstill and holds; a tripped Bus Watchdog applies no
		// torque).
		d := &sim.Drives[i]
		stopped = stopped && (!d.Enabled || d.Fault != 0 || d.MasterLost)
	}
	sim.Unlock()
	if stopped {
		r.drivesStop = &now
	}
}

func dist3(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// toolSpeedWindow is the span the tool speed is measured over: short
// enough to see a burst, long enough that the plant's integration steps do
// not read as speed.
const toolSpeedWindow = 10 * time.Millisecond

// trackToolSpeed tracks the tool's true speed (the simulated plant's
// joints through forward kinematics, not the noisy measurement: the cap is
// about the instrument, not its encoders) over toolSpeedWindow while the
// supervisor is Enabled.
func (r *recorder) trackToolSpeed(snap *control.Snapshot, sp *control.Setpoint) {
	sim := r.rig.Sim()
	if sim == nil || snap.State != control.Enabled || !sp.HasPose {
		r.toolN = 0
		return
	}
	if r.toolHist == nil {
		r.toolHist = make([][3]float64, max(1, int(toolSpeedWindow/r.rig.Period())))
		r.goalHist = make([][3]float64, len(r.toolHist))
		r.toolWS = kinematics.NewWorkspace(r.rig.Chain())
		r.toolQ = make([]float64, r.n)
	}
	sim.Lock()
	copy(r.toolQ, sim.Plant().Position())
	sim.Unlock()
	var f kinematics.Frame
	r.toolWS.FK(&f, r.toolQ)
	k := len(r.toolHist)
	slot := r.cycles % uint64(k)
	if r.toolN >= k {
		span := (time.Duration(k) * r.rig.Period()).Seconds()
		r.toolSpeed = math.Max(r.toolSpeed, dist3(f.P, r.toolHist[slot])/span)
		r.goalSpeed = math.Max(r.goalSpeed, dist3(sp.Position, r.goalHist[slot])/span)
	}
	r.toolHist[slot], r.goalHist[slot] = f.P, sp.Position
	r.toolN++
}

func (r *recorder) cycle(snap *control.Snapshot, sp *control.Setpoint) {
	r.cycles++
	r.now = snap.Now
	r.trackToolSpeed(snap, sp)
	if ff, ok := r.s.FirstFault(); ok && snap.Now < ff {
		r.atFault = control.State.String(snap.State)
	}
	*r.last = *snap // slices shared: only scalar fields are read later
	r.effort.add(snap)
	if snap.State == control.Enabled {
		r.enabled++
		if r.cart {
			if snap.HasTool && sp.HasPose {
				d := 0.0
				for a := range 3 {
					e := snap.Tool[a] - sp.Position[a]
					d += e * e
				}
				r.sumSq[0] += d
				r.maxErr[0] = math.Max(r.maxErr[0], math.Sqrt(d))
				r.cnt++
			}
		} else {
			for i := range r.n {
				e := snap.Joints[i].Position - sp.Q[i]
				r.sumSq[i] += e * e
				r.maxErr[i] = math.Max(r.maxErr[i], math.Abs(e))
			}
			r.cnt++
		}
	}
	if r.violates(snap) {
		r.violation++
	}
	if snap.EventsTotal() != r.seenEv {
		r.evBuf = snap.Events(r.evBuf[:0])
		for _, e := range r.evBuf {
			if e.Seq <= r.seenEv {
				continue
			}
			if e.From == e.To {
				continue // information only
			}
			r.events = append(r.events, SafetyEvent{Time: e.At.Seconds(), From: control.State.String(e.From),
				State: control.State.String(e.To), Reason: e.Reason.String(), Text: e.String()})
			if lf, ok := r.s.lastFaultStart(); ok && r.faultAt == nil && e.To == control.Fault && e.At >= lf {
				at := e.At
				r.faultAt = &at
			}
			if r.firstStop == nil && (e.To == control.ProtectiveStop || e.To == control.Fault) {
				if ff, ok := r.s.FirstFault(); ok && e.At >= ff {
					at := e.At
					r.firstStop = &at
				}
			}
		}
		r.seenEv = snap.EventsTotal()
	}
	r.pipe.next().fill(snap, sp, r.events)
	r.plot.add(snap, sp)
}

// violates reports a limit violation this cycle: a joint measured past its
// soft limits by more than the margin, or a command on the bus outside the
// supervisor's limits (which would be a supervisor bug).
func (r *recorder) violates(snap *control.Snapshot) bool {
	const eps = 1e-9
	for i := range r.n {
		l := &r.lim[i]
		q := snap.Joints[i].Position
		if q < l.PositionMin-l.PositionMargin-eps || q > l.PositionMax+l.PositionMargin+eps {
			return true
		}
		c := &snap.Sent[i]
		if c.Mode == drivers.ModeOff {
			continue
		}
		if c.Kp > l.MaxKp+eps || c.Kd > l.MaxKd+eps {
			return true
		}
		tau := c.Effort // the effort the drive produces at the measured state
		if c.Mode == drivers.ModeImpedance {
			j := &snap.Joints[i]
			tau += c.Kp*(c.Position-j.Position) + c.Kd*(c.Velocity-j.Velocity)
		}
		// On a stale cycle the supervisor repeats the last command, which
		// was bounded at the state it was computed for.
		if snap.Fresh && (c.Mode == drivers.ModeEffort || c.Mode == drivers.ModeImpedance) && math.Abs(tau) > l.Effort*(1+1e-9)+eps {
			return true
		}
		if (c.Mode == drivers.ModePosition || c.Mode == drivers.ModeImpedance) &&
			(c.Position < l.PositionMin-eps || c.Position > l.PositionMax+eps) {
			return true
		}
	}
	return false
}

// finish fills the report's figures.
func (r *recorder) finish(rep *Report, wall time.Duration) {
	r.pipe.close() // the trajectory hash is complete
	rep.Cycles = r.last.Cycle
	rep.SimSeconds = r.now.Seconds()
	rep.WallSeconds = wall.Seconds()
	if wall > 0 {
		rep.RealTimeFactor = rep.SimSeconds / rep.WallSeconds
	}
	rep.LimitViolations = r.violation
	rep.FinalState = control.State.String(r.last.State)
	rep.SafetyEvents = r.events
	if rep.SafetyEvents == nil {
		rep.SafetyEvents = []SafetyEvent{}
	}
	if ff, ok := r.s.FirstFault(); ok {
		v := ff.Seconds()
		rep.FirstFaultS = &v
		rep.StateAtFault = r.atFault
		if r.firstStop != nil {
			l := (*r.firstStop - ff).Seconds()
			rep.StopLatencyS = &l
		}
	}
	if ss, ok := r.s.stallStart(); ok && r.drivesStop != nil {
		v := (*r.drivesStop - ss).Seconds()
		rep.DrivesStopS = &v
	}
	if lf, ok := r.s.lastFaultStart(); ok && r.faultAt != nil {
		v := (*r.faultAt - lf).Seconds()
		rep.FaultLatencyS = &v
	}
	m := &rep.Metrics
	m.ToolSpeedMax, m.GoalSpeedMax = r.toolSpeed, r.goalSpeed
	m.TrackingUnit = "joint"
	if r.cart {
		m.TrackingUnit = "tool_m"
	}
	m.TrackingRMS = make([]float64, len(r.sumSq))
	m.TrackingMax = append([]float64(nil), r.maxErr...)
	for i, s := range r.sumSq {
		if r.cnt > 0 {
			m.TrackingRMS[i] = math.Sqrt(s / float64(r.cnt))
		}
		m.TrackingRMSWorst = math.Max(m.TrackingRMSWorst, m.TrackingRMS[i])
	}
	m.EnabledSeconds = float64(r.enabled) * r.rig.Period().Seconds()
	r.effort.fill(m)
	m.StaleCycles, m.ReadErrors, m.WriteErrors, m.Clamps = r.last.StaleCycles, r.last.ReadErrors, r.last.WriteErrors, r.last.ClampsTotal
	if len(r.steps) > 0 {
		st := append([]time.Duration(nil), r.steps...)
		sort.Slice(st, func(i, j int) bool { return st[i] < st[j] })
		q := func(f float64) float64 { return float64(st[int(f*float64(len(st)-1))]) / 1e3 }
		m.StepP50Us, m.StepP99Us, m.StepMaxUs = q(0.5), q(0.99), float64(st[len(st)-1])/1e3
	}
	if r.haveTim {
		m.WakeP99Us = float64(r.tim.Wake.Quantile(0.99)) / 1e3
		m.ComputeP99Us = float64(r.tim.Compute.Quantile(0.99)) / 1e3
		m.Overruns = r.tim.Overruns
	}
	rep.TrajectorySHA = hex.EncodeToString(r.traj.h.Sum(nil))
}

// write closes the recordings and writes the report and the plot.
func (r *recorder) write(rep *Report) error {
	if err := r.csv.close(); err != nil {
		return err
	}
	r.csv = nil
	if err := r.mc.finish(); err != nil {
		return err
	}
	sum, err := fileSHA256(r.mc.path)
	r.mc = nil
	if err != nil {
		return err
	}
	rep.RecordingSHA256 = sum
	if err := os.WriteFile(filepath.Join(r.dir, "tracking.svg"), r.plot.svg(r.s.Name), 0o644); err != nil {
		return err
	}
	rep.Files = []string{"report.json", "run.csv", "recording.mcap", "tracking.svg"}
	return writeJSON(filepath.Join(r.dir, "report.json"), rep)
}

// Summary returns a one-line human summary of the report.
func (rep *Report) Summary() string {
	var b strings.Builder
	verdict := "PASS"
	if !rep.Passed {
		verdict = "FAIL"
	}
	fmt.Fprintf(&b, "%s %s seed %d: %.2f s simulated in %.2f s (%.0f× real time), final %s, %d limit violations",
		verdict, rep.Scenario, rep.Seed, rep.SimSeconds, rep.WallSeconds, rep.RealTimeFactor, rep.FinalState, rep.LimitViolations)
	for _, e := range rep.Expectations {
		if !e.Passed {
			fmt.Fprintf(&b, "; %s = %v (bound %v)", e.Name, e.Value, e.Bound)
		}
	}
	return b.String()
}
