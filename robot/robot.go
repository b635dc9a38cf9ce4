package robot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/drivers"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
)

// Protocols the Robot speaks between the host driver and the simulated drives.
const (
	ProtocolInproc    = "inproc"    // drives called in process, no wire
	ProtocolDynamixel = "dynamixel" // Dynamixel 2.0 over a pty, host dynamixel.Bus
	ProtocolCANopen   = "canopen"   // CiA 301/402 as SLCAN over a pty, host canopen.Network
	ProtocolCubeMars  = "cubemars"  // MIT frames as SLCAN over a pty, host cubemars.Bus
)

// Controllers names the built-in controllers (control/registry's Standby
// ones, built into every loop); the first is the default.
// registry.Names() also has those other packages register — whichever of
// them initialise before this one (Go initialises independent packages in
// import-path order: control/registry/external did, and a benchmark that
// walked this list met a controller that cannot run without parameters).
var Controllers = builtins()

func builtins() []string {
	var out []string
	for _, n := range registry.Names() {
		if f, ok := registry.Lookup(n); ok && f.Standby {
			out = append(out, n)
		}
	}
	return out
}

// Gains tunes the active controller: a kp/kd override — per joint for
// joint-pd and admittance (stiffness Kp, damping Kd), six axes for
// cartesian-impedance; what it means for a registered controller is its
// registry.GainKind — and its parameters. A nil slice keeps the default.
type Gains struct {
	Kp []float64 `yaml:"kp" json:"kp,omitempty"`
	Kd []float64 `yaml:"kd" json:"kd,omitempty"`
	// Params are the active controller's parameters, raw YAML or JSON
	// decoded strictly by its registered factory (a scenario's
	// controller_params, serve --controller-params); empty: its defaults.
	Params registry.Params `yaml:"-" json:"-"`
}

// SafetyOverrides adjusts the supervisor's limits the Robot derives from the
// chain. Zero values keep the defaults.
type SafetyOverrides struct {
	// TrackingError bounds |commanded − measured| per joint (rad or m);
	// default 0.3.
	TrackingError float64 `yaml:"tracking_error"`
	// PositionMargin is the overshoot allowed past the soft limits;
	// default 0.05.
	PositionMargin float64 `yaml:"position_margin"`
	// VelocityScale and EffortScale scale the chain's rated velocity and
	// effort into the supervisor's limits; default 1.
	VelocityScale float64 `yaml:"velocity_scale"`
	EffortScale   float64 `yaml:"effort_scale"`
	// WatchdogCycles: stale cycles tolerated before a fault; default 3.
	WatchdogCycles int `yaml:"watchdog_cycles"`
	// Workspace replaces the box derived from the chain's reach.
	Workspace *control.Box `yaml:"-"`
	// RequireDeadman makes the setpoint's deadman mandatory.
	RequireDeadman bool `yaml:"require_deadman"`
}

// Config describes one robot: its model, its loop, and where its drives
// are — the real drives a rig file describes (Rig), or simulated firmware
// speaking Protocol.
type Config struct {
	// Rig, when set, opens the real drives it describes (rig.Open) instead
	// of simulated firmware; Protocol, Seed, Faults, Q0, Plant and
	// ReplyTimeout are then unused (the rig file has its own).
	Rig *rig.Config
	// Chain is the robot; when nil, ModelPath is loaded (URDF or
	// modified-DH JSON; see LoadModel).
	Chain     *kinematics.Chain
	ModelPath string
	// Base and Tip select the chain inside a URDF tree (empty: root and
	// single leaf, or the model's reference/chain.txt).
	Base, Tip string
	// Protocol is one of the Protocol constants; "" means inproc.
	Protocol string
	// Motors names the simulated drives from the protocol's catalogue
	// ("XM430-W350", "AK80-9", ...): one name for every joint, or one per
	// joint ("" for a joint sized from the model). Nil sizes every drive
	// from the model's effort and velocity limits (see SimRatings).
	Motors []string
	// Rate is the control rate in Hz; 0 means 1000.
	Rate float64
	// Seed seeds every random draw of the simulator.
	Seed uint64
	// Faults are injected by the simulator (see firmwaresim.ParseFaults).
	Faults []firmwaresim.Fault
	// Controller is the active controller at start, a name registered in
	// control/registry; "" means joint-pd. Its parameters are Gains.Params.
	Controller string
	Gains      Gains
	Safety     SafetyOverrides
	// Q0 is the initial configuration; nil means mid-range of every joint.
	Q0 []float64
	// Plant overrides the simulated plant's physical parameters.
	Plant plant.Config
	// ReplyTimeout bounds the host driver's wait for each reply; 0 means
	// 50 ms. In lockstep the simulator is frozen while the host waits, so a
	// reply that comes at all comes within the pty's round trip (~30 µs):
	// the bound decides only how much wall time a silent device costs, and
	// it must be long enough that a loaded machine never turns a late
	// reply into a lost one (that would break determinism). Real-time runs
	// want the drivers' own few-millisecond bounds.
	ReplyTimeout time.Duration
	// Log receives the front end's errors (nil: discarded).
	Log io.Writer
	// HoldMargin replaces the package's HoldMargin in the start-up check
	// that the drives can hold the arm (≥ 1; 0 keeps HoldMargin): a caller
	// that plans every motion within the torque it leaves (a clinician's
	// session, whose paths are shortened to where carrying the limb fits 80 %
	// of the patient's torque limit) asks only that the drives hold at all.
	HoldMargin float64
	// Override, when set, is the configuration the loop starts with instead
	// of the assembled one (a clinician's session simulated from its first
	// cycle: the prescription's controllers, the patient's limits); the
	// assembled configuration stays the robot's own (Restore).
	Override *control.Reconfiguration
	// External, in simulation, sets the torques the outside world applies
	// to the joints at every simulator step (firmwaresim.Config.External):
	// the simulated patient wearing a rehabilitation robot. Unused on real
	// drives, where the patient is real.
	External func(now time.Duration, p *plant.Plant)

	// cia402Mode is the simulated CiA 402 drives' mode of operation: ""
	// is CST (the host closes the impedance law, as every controller
	// expects); "CSP" runs position targets on the drives' own loops
	// (TestPositionModeHoldsOnEveryProtocol: a controller's torque
	// command cannot run on it).
	cia402Mode string
}

// Robot is one simulated robot standing exactly where the hardware stands:
// the firmware simulator (plant, drives, faults), its protocol front end on
// a pseudo-terminal, the real host driver on the other end of it, and the
// control loop with its supervisor and controllers on top.
//
// Step runs one lockstep cycle on virtual time (deterministic for a seed);
// Run runs the real-time runner against the wall clock. Use one or the other.
type Robot struct {
	cfg    Config
	chain  *kinematics.Chain
	sim    *firmwaresim.Sim
	loop   *control.Loop
	period time.Duration
	names  []string
	q0     []float64
	limits []control.JointLimits
	box    control.Box

	front frontEnd
	k     uint64 // lockstep cycles run

	hw *hardware // real drives; nil in simulation

	asm *Assembly // the robot's own configuration (Restore)
	own ownership

	closeOnce sync.Once
	closeErr  error
}

// frontEnd is a protocol's wiring between the simulator and the loop's bus.
type frontEnd interface {
	bus() drivers.Bus
	// settle returns once the simulated devices have acted on every byte
	// the host has sent (the lockstep barrier).
	settle() error
	// tick runs the devices' time-driven work after a simulator step.
	tick()
	close() error
}

// frontEnds builds a protocol's front end; each protocol's file adds itself.
var frontEnds = map[string]func(r *Robot) (frontEnd, error){}

// Protocols returns the protocols this build supports, sorted.
func Protocols() []string {
	out := make([]string, 0, len(frontEnds))
	for n := range frontEnds {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Open builds the simulator, the front end, the host driver and the loop.
// The loop starts Disabled; call Enable.
func Open(cfg Config) (*Robot, error) {
	if cfg.Protocol == "" {
		cfg.Protocol = ProtocolInproc
	}
	if cfg.Rate == 0 {
		cfg.Rate = 1000
	}
	if cfg.Controller == "" {
		cfg.Controller = registry.Default
	}
	if cfg.ReplyTimeout == 0 {
		cfg.ReplyTimeout = 50 * time.Millisecond
	}
	period, err := control.PeriodForRate(cfg.Rate)
	if err != nil {
		return nil, fmt.Errorf("robot: %w", err)
	}
	chain := cfg.Chain
	if chain == nil {
		if cfg.ModelPath == "" {
			return nil, errors.New("robot: no chain and no model path")
		}
		if chain, err = LoadModel(cfg.ModelPath, cfg.Base, cfg.Tip); err != nil {
			return nil, err
		}
	}
	if cfg.Rig != nil {
		if err := cfg.Rig.Check(chain); err != nil {
			return nil, err
		}
	}
	// A joint without a range of motion cannot be commanded anywhere (the
	// supervisor would stop any motion as a limit violation), and a drive
	// set that cannot hold the arm against gravity anywhere in its range
	// would let it fall: both are refused here, naming the joint.
	if err := checkRanges(chain); err != nil {
		return nil, err
	}
	if cfg.HoldMargin != 0 && !(cfg.HoldMargin >= 1) {
		return nil, fmt.Errorf("robot: hold margin %g: want ≥ 1", cfg.HoldMargin)
	}
	if err := CheckDrives(&cfg, chain); err != nil {
		return nil, err
	}
	if cfg.Rig != nil {
		if rs := cfg.Rig.Safety; rs != nil && cfg.Safety == (SafetyOverrides{}) {
			cfg.Safety = SafetyOverrides{WatchdogCycles: rs.WatchdogCycles, TrackingError: rs.TrackingError,
				PositionMargin: rs.PositionMargin, VelocityScale: rs.VelocityScale, EffortScale: rs.EffortScale,
				RequireDeadman: rs.RequireDeadman}
		}
	}
	n := chain.DoF()
	r := &Robot{cfg: cfg, chain: chain, period: period, q0: make([]float64, n), names: make([]string, n)}
	lo, hi := chain.Limits()
	for i, j := range chain.Joints {
		r.names[i] = j.Name
		r.q0[i] = (lo[i] + hi[i]) / 2
	}
	if cfg.Q0 != nil {
		if len(cfg.Q0) != n {
			return nil, fmt.Errorf("robot: q0 has %d values for %d joints", len(cfg.Q0), n)
		}
		copy(r.q0, cfg.Q0)
	}
	// Assemble before the drives start: it samples the reachable workspace,
	// which takes a while, and nothing may stand between the drives'
	// start-up and the loop's first cycle.
	a, err := Assemble(chain, period, cfg.Controller, cfg.Gains, cfg.Safety)
	if err != nil {
		return nil, err
	}
	r.limits, r.box, r.asm = a.Safety.Joints, *a.Safety.Workspace, a
	var bus drivers.Bus
	if cfg.Rig != nil {
		if r.hw, err = openHardware(cfg.Rig, chain); err != nil {
			a.Close() // an external controller's process, say
			return nil, err
		}
		bus = r.hw.bus
	} else if bus, err = r.openSim(); err != nil {
		r.Close() // what openSim opened, and the controllers
		return nil, err
	}
	start := a
	if ov := cfg.Override; ov != nil {
		start = &Assembly{Period: a.Period, Safety: ov.Safety, Controllers: ov.Controllers, FK: a.FK, Dynamics: a.Dynamics}
	}
	if r.loop, err = start.NewLoop(bus); err != nil {
		r.Close()
		return nil, err
	}
	if r.hw != nil {
		go r.hw.idle(r.loop, period)
	}
	return r, nil
}

// checkRanges refuses a chain with a joint whose limits leave it no range
// of motion: a URDF that describes a passive mechanism (the shared double
// pendulum's limits are 0…0) rather than a robot that can be driven.
func checkRanges(c *kinematics.Chain) error {
	lo, hi := c.Limits()
	for i, j := range c.Joints {
		if !(hi[i] > lo[i]) {
			unit := "rad"
			if j.Type == kinematics.Prismatic {
				unit = "m"
			}
			return fmt.Errorf("robot: joint %s: limits %g…%g %s leave it no range of motion (a passive model?); give its <limit lower upper> in the model", j.Name, lo[i], hi[i], unit)
		}
	}
	return nil
}

// openSim builds the firmware simulator and its protocol front end, and
// returns the host driver's bus.
func (r *Robot) openSim() (drivers.Bus, error) {
	cfg := &r.cfg
	mk, ok := frontEnds[cfg.Protocol]
	if !ok {
		return nil, fmt.Errorf("robot: protocol %q not available (have %s)", cfg.Protocol, strings.Join(Protocols(), ", "))
	}
	var err error
	r.sim, err = firmwaresim.New(r.chain, firmwaresim.Config{Plant: cfg.Plant, Seed: cfg.Seed, Faults: cfg.Faults, External: cfg.External})
	if err != nil {
		return nil, fmt.Errorf("robot: %w", err)
	}
	r.sim.Lock()
	r.sim.Plant().SetState(r.q0, nil)
	r.sim.Unlock()
	if r.front, err = mk(r); err != nil {
		return nil, fmt.Errorf("robot: %s front end: %w", cfg.Protocol, err)
	}
	return r.front.bus(), nil
}

// Step runs one lockstep cycle: the simulator advances one period, the
// devices do their time-driven work, then the loop runs Step at the new
// simulated time and the Robot waits until the devices have acted on every
// command the host sent. Deterministic for a seed.
func (r *Robot) Step() error {
	if r.sim == nil {
		return errReal
	}
	r.sim.Step(r.period)
	r.front.tick()
	// What the devices sent on their own in the tick (heartbeats, delayed
	// replies) must reach the host before its cycle reads, or when it sees
	// them would depend on the machine's scheduling.
	if err := r.front.settle(); err != nil {
		return err
	}
	r.k++
	r.loop.Step(r.sim.Now())
	return r.front.settle()
}

// StepStalled runs one lockstep period in which the host stalls: the
// simulator and the devices advance, the loop does not cycle (no read, no
// write, no heartbeat from the master) — what a hung or starved host looks
// like to the drives, whose own master-loss protection must then stop them.
func (r *Robot) StepStalled() error {
	if r.sim == nil {
		return errReal
	}
	r.sim.Step(r.period)
	r.front.tick()
	if err := r.front.settle(); err != nil {
		return err
	}
	r.k++
	return nil
}

// Now returns the simulated time, which is also the loop's clock in
// lockstep. It starts at 0 unless the protocol's start-up ran on
// simulated time (CANopen: SDO configuration and the NMT/CiA 402 state
// machine take a few simulated milliseconds).
func (r *Robot) Now() time.Duration {
	if r.sim == nil {
		return r.hw.clock.Now()
	}
	return r.sim.Now()
}

// Run runs the simulator against the wall clock and the loop under the
// real-time runner until ctx ends. The simulator catches up with the wall
// clock every period, a few periods at most at once: a simulator that was
// itself starved lets simulated time slip (firmwaresim.Sim.RunTicking)
// rather than show its drives a silence from the host that only its own
// scheduling made.
func (r *Robot) Run(ctx context.Context, rc control.RunnerConfig) (control.RunReport, error) {
	if r.hw != nil {
		return r.hw.run(ctx, r.loop, rc)
	}
	runner, err := control.NewRunner(r.loop, rc)
	if err != nil {
		return control.RunReport{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		// The simulator runs on the wall clock with the devices' own time
		// (heartbeats, the Bus Watchdog) after each step, and slips rather
		// than catch up at once when it was starved itself
		// (firmwaresim.Sim.RunTicking).
		_ = r.sim.RunTicking(ctx, r.period, r.front.tick)
	}()
	rep, err := runner.Run(ctx, 0)
	cancel()
	wg.Wait()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return rep, err
}

// Post publishes a setpoint to the loop's mailbox.
func (r *Robot) Post(sp *control.Setpoint) error {
	_, err := r.loop.Setpoints().Post(sp)
	return err
}

// Snapshot copies the loop's newest published cycle into dst (from
// Loop().NewSnapshot()).
func (r *Robot) Snapshot(dst *control.Snapshot) { r.loop.Snapshot(dst) }

// EnableOnStart is the documented --enable-on-start of serve and demo: it
// asks the supervisor to Enable
// as soon as the loop reads fresh data (an arm without brakes sags from the
// first cycle until the hold of Enabling catches it, so the request goes in
// at the third fresh cycle), and asks again while the supervisor refuses
// (a request before fresh data, or a joint still moving, is refused and
// logged). A protective stop tripped before the robot first reaches
// Enabled — an arm sagging while its drives were off can exceed a velocity
// limit while Enabling catches it — is the start's own and is resumed once
// its cause is gone; that is what the option asks for. It never resets a
// Fault, and returns as soon as the robot is Enabled: every later stop is
// left to a person.
func (r *Robot) EnableOnStart(ctx context.Context, timeout time.Duration) error {
	l := r.loop
	snap := l.NewSnapshot()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	deadline := time.Now().Add(timeout)
	asked := uint64(0)
	for time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		l.Snapshot(snap)
		switch snap.State {
		case control.Enabled:
			return nil
		case control.Fault:
			return fmt.Errorf("start ended in %s (%s): the console's Reset and Enable, or a session, decide what next", snap.State, snap.Reason)
		case control.ProtectiveStop:
			if asked == 0 || snap.Cycle >= asked+20 {
				l.Supervisor().Resume()
				asked = snap.Cycle
			}
		case control.Disabled:
			// Once per 20 cycles at most, so refusals do not flood the log.
			if snap.Fresh && snap.Cycle >= 3 && (asked == 0 || snap.Cycle >= asked+20) {
				l.Supervisor().Enable()
				asked = snap.Cycle
			}
		}
	}
	return fmt.Errorf("loop not enabled after %v", timeout)
}

// Enable asks the supervisor to enable (Disabled → Enabling → Enabled).
func (r *Robot) Enable() { r.loop.Supervisor().Enable() }

// Loop returns the control loop.
func (r *Robot) Loop() *control.Loop { return r.loop }

// Sim returns the firmware simulator (nil on real drives).
func (r *Robot) Sim() *firmwaresim.Sim { return r.sim }

// Chain returns the robot's chain.
func (r *Robot) Chain() *kinematics.Chain { return r.chain }

// Period returns the loop period.
func (r *Robot) Period() time.Duration { return r.period }

// JointNames returns the joint names in loop order.
func (r *Robot) JointNames() []string { return r.names }

// Q0 returns the initial configuration.
func (r *Robot) Q0() []float64 { return r.q0 }

// Limits returns the supervisor's joint limits.
func (r *Robot) Limits() []control.JointLimits { return r.limits }

// Workspace returns the supervisor's workspace box.
func (r *Robot) Workspace() control.Box { return r.box }

// Protocol returns the protocol in use.
func (r *Robot) Protocol() string {
	if r.cfg.Rig != nil {
		return r.cfg.Rig.Protocol
	}
	return r.cfg.Protocol
}

// Bus returns the rig's bus on real drives (nil in simulation).
func (r *Robot) Bus() *rig.Bus {
	if r.hw == nil {
		return nil
	}
	return r.hw.bus
}

// Close stops the front end and closes the pty and the host port.
func (r *Robot) Close() error {
	r.closeOnce.Do(func() {
		switch {
		case r.hw != nil:
			r.closeErr = r.hw.close()
		case r.front != nil:
			r.closeErr = r.front.close()
		}
		if r.asm != nil {
			r.closeErr = errors.Join(r.closeErr, r.asm.Close())
		}
	})
	return r.closeErr
}

// Assembly is what a loop needs for one chain: the supervisor's
// configuration and the named controllers (the chosen one first, then the
// registry's Standby controllers — the four built-ins).
type Assembly struct {
	Period      time.Duration // the loop period the gains are sized for
	Safety      control.SafetyConfig
	Controllers []control.NamedController
	FK          control.ForwardKinematics
	Dynamics    *kinematics.Dynamics
}

// Close releases what the assembly's controllers hold outside the process
// (an external controller's child program): every controller that is an
// io.Closer is closed. The loop must no longer run them.
func (a *Assembly) Close() error {
	var errs []error
	for _, nc := range a.Controllers {
		if c, ok := nc.Controller.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}

// NewLoop builds the assembled loop on bus: the one place a loop is made
// from an assembly, for every front end (Open's real or simulated drives,
// bench loop's in-thread plant, tests' stands).
func (a *Assembly) NewLoop(bus drivers.Bus) (*control.Loop, error) {
	l, err := control.NewLoop(control.Config{Bus: bus, Period: a.Period,
		Controllers: a.Controllers, FK: a.FK, Safety: a.Safety})
	if err != nil {
		return nil, fmt.Errorf("robot: %w", err)
	}
	return l, nil
}

// Assemble derives the supervisor's limits from the chain (soft limits =
// joint limits, rated velocity and effort, a workspace box around the
// reachable space) and builds the controllers for a loop of the given
// period from control/registry: the active one (with g's override and
// parameters), first, then every Standby controller with its defaults —
// joint-pd with gravity compensation, cartesian-impedance, transparent and
// admittance. The default joint gains (joint-pd's, admittance's inner loop,
// the supervisor's holds, registry.Env's Kp and Kd) are sized from each
// joint's inertia and the period (jointGains), so the same assembly is
// stable on any model at any rate a bus allows.
func Assemble(c *kinematics.Chain, period time.Duration, active string, g Gains, so SafetyOverrides) (*Assembly, error) {
	if period <= 0 {
		return nil, fmt.Errorf("robot: assemble: period %v: want > 0", period)
	}
	f, err := registry.Get(active)
	if err != nil {
		return nil, fmt.Errorf("robot: %w", err)
	}
	n := c.DoF()
	def := func(x, d float64) float64 {
		if x == 0 {
			return d
		}
		return x
	}
	lo, hi := c.Limits()
	limits := make([]control.JointLimits, n)
	kp, kd := jointGains(c, period)
	for i, j := range c.Joints {
		eff, vel := def(j.Effort, DefaultEffort), def(j.Velocity, DefaultVelocity)
		limits[i] = control.JointLimits{PositionMin: lo[i], PositionMax: hi[i],
			PositionMargin: def(so.PositionMargin, 0.05),
			Velocity:       vel * def(so.VelocityScale, 1), Effort: eff * def(so.EffortScale, 1),
			MaxKp: 5000, MaxKd: 200, TrackingError: def(so.TrackingError, 0.3)}
	}
	// Holds (Enabling, ProtectiveStop) are impedance commands with the
	// default joint gains and gravity feed-forward: every protocol executes
	// them (MIT drives and CiA 402 torque mode have no position loop of
	// their own here), and no drive has to switch modes to hold.
	for i := range limits {
		limits[i].HoldKp, limits[i].HoldKd = math.Min(kp[i], limits[i].MaxKp), math.Min(kd[i], limits[i].MaxKd)
	}
	var override control.Gains
	if g.Kp != nil || g.Kd != nil {
		switch f.Gains {
		case registry.GainsCartesian:
			if (g.Kp != nil && len(g.Kp) != 6) || (g.Kd != nil && len(g.Kd) != 6) {
				return nil, fmt.Errorf("robot: %s gains need 6 values (x y z rx ry rz)", active)
			}
			override = control.Gains{Kp: g.Kp, Kd: g.Kd}
		case registry.GainsJoint:
			if (g.Kp != nil && len(g.Kp) != n) || (g.Kd != nil && len(g.Kd) != n) {
				return nil, fmt.Errorf("robot: %s gains need %d values, one per joint", active, n)
			}
			if g.Kp != nil {
				copy(kp, g.Kp)
			}
			if g.Kd != nil {
				copy(kd, g.Kd)
			}
		default:
			return nil, fmt.Errorf("robot: controller %q takes no kp/kd gains; tune it through its params", active)
		}
	}
	dyn := kinematics.NewDynamics(c)
	env := func(name string) *registry.Env {
		return &registry.Env{Name: name, Chain: c, Period: period, Dynamics: dyn,
			Kp: append([]float64(nil), kp...), Kd: append([]float64(nil), kd...)}
	}
	ae := env(active)
	ae.Gains, ae.Params = override, g.Params
	ctrl, err := registry.Build(active, ae)
	if err != nil {
		return nil, fmt.Errorf("robot: %w", err)
	}
	ctrls := []control.NamedController{{Name: active, Controller: ctrl}}
	for _, name := range registry.Names() {
		if sf, _ := registry.Lookup(name); name == active || !sf.Standby {
			continue
		}
		sc, err := registry.Build(name, env(name))
		if err != nil {
			(&Assembly{Controllers: ctrls}).Close()
			return nil, fmt.Errorf("robot: %w", err)
		}
		ctrls = append(ctrls, control.NamedController{Name: name, Controller: sc})
	}
	box := so.Workspace
	if box == nil {
		b := ReachBox(c, 0.05)
		box = &b
	}
	return &Assembly{
		Period: period,
		Safety: control.SafetyConfig{Joints: limits, Workspace: box, HoldGravity: kinematics.NewDynamics(c),
			WatchdogCycles: so.WatchdogCycles, RequireDeadman: so.RequireDeadman},
		Controllers: ctrls,
		FK:          control.NewToolFK(kinematics.NewWorkspace(c)),
		Dynamics:    dyn,
	}, nil
}

// jointGrid writes into q, and calls visit for, every pose of a grid over
// the joint box [lo, hi]: the most levels per joint, from maxLevels down to
// 2, whose grid stays within budget poses, each level spanning the range
// from its lower to its upper limit.
func jointGrid(lo, hi, q []float64, maxLevels, budget int, visit func()) {
	n := len(q)
	levels := 2
	for l := maxLevels; l > 2; l-- {
		if math.Pow(float64(l), float64(n)) <= float64(budget) {
			levels = l
			break
		}
	}
	total := 1
	for range n {
		total *= levels
	}
	for k := range total {
		m := k
		for i := range n {
			q[i] = lo[i] + float64(m%levels)/float64(levels-1)*(hi[i]-lo[i])
			m /= levels
		}
		visit()
	}
}

// jointGains returns the default joint stiffness (N·m/rad or N/m) and
// damping of a loop with the given period, per joint: full rated effort at
// 0.1 rad (or 0.1 m), at most 2000, as the stiffness a hold wants against
// what gravity compensation leaves; critically damped for the joint's
// inertia, Kd = 2√(Kp·m); and both capped so that the joint's closed-loop
// bandwidth stays below a fifth of the loop rate, ω·T ≤ 0.2 (Kp ≤ m·ω²,
// Kd ≤ 2·m·ω): a PD law sampled at period T with a cycle of delay goes
// unstable as Kd·T/m nears 1, which a light wrist joint under the 0.1 rad
// rule reached at 250 Hz (iiwa joint 6: Kd·T/m ≈ 5). m is the smallest
// diagonal entry of the joint-space mass matrix over a fixed-seed sample of
// the joint box (the worst case for stability), at least 1e-4 kg·m² (or kg),
// so a massless joint does not get zero gains.
func jointGains(c *kinematics.Chain, period time.Duration) (kp, kd []float64) {
	n := c.DoF()
	kp, kd = make([]float64, n), make([]float64, n)
	mMin := make([]float64, n)
	for i := range mMin {
		mMin[i] = math.Inf(1)
	}
	dyn := kinematics.NewDynamics(c)
	var m mat.SymDense
	lo, hi := c.Limits()
	q := make([]float64, n)
	rng := rand.New(rand.NewPCG(0x6a1e, uint64(n)))
	for k := range 64 {
		for i := range n {
			u := 0.5
			if k > 0 {
				u = rng.Float64()
			}
			q[i] = lo[i] + u*(hi[i]-lo[i])
		}
		dyn.MassMatrix(&m, q)
		for i := range n {
			mMin[i] = math.Min(mMin[i], m.At(i, i))
		}
	}
	omega := 0.2 / period.Seconds()
	for i, j := range c.Joints {
		eff := j.Effort
		if eff <= 0 {
			eff = DefaultEffort
		}
		mi := math.Max(mMin[i], 1e-4)
		kp[i] = math.Min(math.Min(eff/0.1, 2000), mi*omega*omega)
		kd[i] = math.Min(2*math.Sqrt(kp[i]*mi), 2*mi*omega)
	}
	return kp, kd
}

// ReachBox returns an axis-aligned box around the tool positions reachable
// within the joint limits, grown by margin (m): every corner of the joint
// box and a deterministic grid of interior configurations are visited, so
// the box contains every pose a limit-respecting motion reaches up to the
// sampling resolution, which the margin covers.
func ReachBox(c *kinematics.Chain, margin float64) control.Box {
	n := c.DoF()
	lo, hi := c.Limits()
	w := kinematics.NewWorkspace(c)
	var f kinematics.Frame
	b := control.Box{Min: [3]float64{math.Inf(1), math.Inf(1), math.Inf(1)},
		Max: [3]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}}
	q := make([]float64, n)
	// The grid keeps under ~20 000 configurations.
	visit := func() {
		w.FK(&f, q)
		for a := range 3 {
			b.Min[a] = math.Min(b.Min[a], f.P[a])
			b.Max[a] = math.Max(b.Max[a], f.P[a])
		}
	}
	jointGrid(lo, hi, q, 5, 20000, visit)
	// The grid's levels need not include a joint's zero, nor the poses
	// between them (the iiwa stretched straight up, its tool's highest
	// point, lies between a 4-level grid's levels): the zero pose clamped
	// into the limits and a fixed-seed uniform sample of the joint box fill
	// them in.
	for i := range n {
		q[i] = math.Max(lo[i], math.Min(hi[i], 0))
	}
	visit()
	rng := rand.New(rand.NewPCG(0x5eed, uint64(n)))
	for range 20000 {
		for i := range n {
			q[i] = lo[i] + rng.Float64()*(hi[i]-lo[i])
		}
		visit()
	}
	for a := range 3 {
		b.Min[a] -= margin
		b.Max[a] += margin
	}
	return b
}
