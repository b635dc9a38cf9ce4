package firmwaresim

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/firmware-sim/motors"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Thermal model of a drive's motor winding when the drive has no catalogue
// Motor: first order, heated by copper losses (∝ τ²) and cooled toward
// ambient. Over-temperature trips the drive as real firmware does (e.g.
// Dynamixel X-series' default 80 °C limit). A drive with a Motor uses the
// catalogue's model instead (motors.Motor.Heat).
const (
	ambientC         = 25.0
	overTempLimitC   = 80.0
	thermalTau       = 60.0  // s, winding-to-ambient time constant
	thermalRiseAtMax = 40.0  // °C above ambient at continuous rated torque
	injectedOverTemp = 100.0 // °C reported while an overtemp fault is active
)

// Drive is one simulated drive: its power stage and inner loops, shared by
// every protocol front end. Fields are read and written under the Sim's lock.
type Drive struct {
	// Enabled is the power stage (CiA 402 Operation enabled, Dynamixel
	// torque enable, MIT motor mode).
	Enabled bool
	// Command is what the drive executes when enabled.
	Command drivers.JointCommand
	// Gains are the drive's own position/velocity loop gains.
	Gains plant.DriveGains
	// Loop is the drive's loop state (its velocity integrator), reset
	// whenever the power stage produces no torque.
	Loop plant.DriveLoop
	// Fault holds latched fault bits; a faulted drive produces no torque
	// until the host resets it.
	Fault drivers.Status
	// Temperature of the winding, °C.
	Temperature float64
	// Motor is the catalogue actuator behind the drive, when the front end
	// knows it (a Dynamixel or MIT joint configured with a catalogue model):
	// its winding heats by the catalogue's thermal model (copper loss of
	// the current the torque takes, its thermal resistance and time
	// constant) and the drive trips past its MaxWinding. nil: the generic
	// model above. MotorLead converts the joint's torque to the motor's
	// output torque (a prismatic joint's lead, m/rad); 0 means 1.
	Motor     *motors.Motor
	MotorLead float64
	// Brake: the joint has a holding brake, applied whenever the drive
	// produces no torque (power stage off or faulted) and released with the
	// power stage, as a CiA 402 drive's brake output does (CiA 402-2, the
	// brake is engaged outside Operation enabled and Quick stop active) and
	// as the gravity-loaded axes of surgical and industrial arms have. A
	// joint without one sags or coasts when its drive is off.
	Brake bool
	// MasterLost says the drive's own master-loss protection has engaged
	// and it no longer follows the host's commands: a CiA 402 drive that
	// applied its abort connection option (0x6007) on a heartbeat timeout
	// (0x1016) or a bus-off, a Dynamixel servo whose Bus Watchdog (98)
	// tripped, every drive whose STO input a hardware watchdog opened
	// (AttachWatchdog). Cleared when the host takes the drive back
	// (re-enables it, clears the trip, toggles the watchdog's line again).
	MasterLost bool
}

// Config configures a simulator.
type Config struct {
	Plant  plant.Config
	Seed   uint64
	Faults []Fault
	// External, when set, is called under the lock at the start of every
	// Step with the plant at the time the step begins, to set the torques
	// the outside world applies to the joints (plant.SetExternalTorque):
	// a simulated patient wearing a rehabilitation robot, an operator's
	// hand. It must not call the Sim's methods (the lock is held).
	External func(now time.Duration, p *plant.Plant)
}

// Measurement is what a drive reports about its joint.
type Measurement struct {
	Position, Velocity, Effort, Temperature float64
	Status                                  drivers.Status
}

// Sim is the simulated robot with its drives. Front ends call Lock/Unlock
// around every access to Drives and measurements; Step takes the lock itself.
type Sim struct {
	sync.Mutex
	plant   *plant.Plant
	Drives  []Drive
	faults  []Fault
	rng     *rand.Rand
	act     plant.Actuation
	stuck   []float64
	isStuck []bool

	external func(time.Duration, *plant.Plant)
	watchdog *HardwareWatchdog // nil: no STO line wired (AttachWatchdog)
}

// New returns a simulator for chain c.
func New(c *kinematics.Chain, cfg Config) (*Sim, error) {
	p, err := plant.New(c, cfg.Plant)
	if err != nil {
		return nil, err
	}
	n := c.DoF()
	for _, f := range cfg.Faults {
		if f.Joint >= n {
			return nil, fmt.Errorf("firmware-sim: fault %v on joint %d of a %d-joint chain", f.Kind, f.Joint+1, n)
		}
	}
	s := &Sim{plant: p, Drives: make([]Drive, n), faults: cfg.Faults, external: cfg.External,
		rng:   rand.New(rand.NewPCG(cfg.Seed, 0x6368697230)), // "chir0": a fixed stream per seed
		stuck: make([]float64, n), isStuck: make([]bool, n)}
	for i := range s.Drives {
		s.Drives[i] = Drive{Gains: p.TunedGains(i), Temperature: ambientC}
	}
	s.act = s.actuate
	return s, nil
}

// Plant returns the simulated plant (access it under the lock).
func (s *Sim) Plant() *plant.Plant { return s.plant }

// Joints returns the number of joints (and drives).
func (s *Sim) Joints() int { return len(s.Drives) }

// Now returns the simulated time.
func (s *Sim) Now() time.Duration {
	s.Lock()
	defer s.Unlock()
	return s.plant.Time()
}

// Step advances the simulation by d (whole plant substeps): the drives'
// laws run at every substep, then temperatures and fault windows update.
func (s *Sim) Step(d time.Duration) {
	s.Lock()
	defer s.Unlock()
	// The drives' states change only between steps (front ends act under
	// the lock), so the brakes are set once per step.
	for i := range s.Drives {
		dr := &s.Drives[i]
		s.plant.SetBraked(i, dr.Brake && (!dr.Enabled || dr.Fault != 0 || s.torqueOff()))
	}
	if s.external != nil {
		s.external(s.plant.Time(), s.plant)
	}
	s.plant.Step(d, s.act)
	now := s.plant.Time()
	dt := d.Seconds()
	tau := s.plant.MotorTorque()
	for i := range s.Drives {
		dr := &s.Drives[i]
		lim := s.plant.TorqueLimit(i)
		load := 0.0
		if lim > 0 {
			load = tau[i] / lim
		}
		limit := overTempLimitC
		if m := dr.Motor; m != nil {
			lead := dr.MotorLead
			if lead == 0 {
				lead = 1
			}
			dr.Temperature = m.Heat(dr.Temperature, tau[i]*lead, ambientC, dt)
			limit = m.MaxWinding
		} else {
			target := ambientC + thermalRiseAtMax*load*load
			dr.Temperature += (target - dr.Temperature) * (1 - math.Exp(-dt/thermalTau))
		}
		temp := dr.Temperature
		if s.active(FaultOverTemperature, i, now) != nil {
			temp = max(injectedOverTemp, limit+1)
		}
		if temp > limit {
			dr.Fault |= drivers.StatusOverTemperature | drivers.StatusFault
		}
		if s.active(FaultDrive, i, now) != nil {
			dr.Fault |= drivers.StatusFault
		}
		stuck := s.active(FaultStuckEncoder, i, now) != nil
		if stuck && !s.isStuck[i] {
			s.stuck[i] = s.plant.MeasuredPosition(i)
		}
		s.isStuck[i] = stuck
	}
	if s.watchdog != nil {
		s.watchdog.check(now)
	}
}

// torqueOff reports whether a hardware watchdog holds the drives' STO
// input open (call under the lock).
func (s *Sim) torqueOff() bool { return s.watchdog != nil && s.watchdog.open }

// actuate runs every drive's law at a plant substep (called under the lock).
func (s *Sim) actuate(tau, q, qd []float64) {
	dt := s.plant.Substep().Seconds()
	for i := range tau {
		d := &s.Drives[i]
		if !d.Enabled || d.Fault != 0 || s.torqueOff() {
			tau[i] = 0
			d.Loop.Reset()
			continue
		}
		tau[i] = d.Loop.Torque(&d.Command, d.Gains, q[i], qd[i], dt)
	}
}

// Measure returns what drive i reports now, with encoder faults applied.
// Call under the lock.
func (s *Sim) Measure(i int) Measurement {
	now := s.plant.Time()
	d := &s.Drives[i]
	m := Measurement{
		Position:    s.plant.MeasuredPosition(i),
		Velocity:    s.plant.Velocity()[i],
		Effort:      s.plant.MotorTorque()[i],
		Temperature: d.Temperature,
		Status:      d.Fault,
	}
	if s.isStuck[i] {
		m.Position, m.Velocity = s.stuck[i], 0
	}
	if f := s.active(FaultNoisyEncoder, i, now); f != nil {
		m.Position += f.Sigma * s.rng.NormFloat64()
	}
	if s.active(FaultOverTemperature, i, now) != nil {
		m.Temperature = injectedOverTemp
	}
	if d.Enabled && d.Fault == 0 {
		m.Status |= drivers.StatusEnabled
	}
	return m
}

// ReplyFate decides, for a reply drive i is about to send now, whether it is
// dropped, delayed and/or corrupted (one bit flipped), drawing from the
// seeded generator. joint −1 means a bus-wide reply. Call under the lock.
func (s *Sim) ReplyFate(joint int) (drop bool, delay time.Duration, corrupt bool) {
	now := s.plant.Time()
	if s.active(FaultBusOff, -1, now) != nil || (joint >= 0 && s.active(FaultDeadNode, joint, now) != nil) {
		return true, 0, false
	}
	if f := s.active(FaultDrop, joint, now); f != nil && s.rng.Float64() < f.P {
		return true, 0, false
	}
	if f := s.active(FaultDelay, joint, now); f != nil {
		delay = f.Delay
	}
	if f := s.active(FaultBitError, joint, now); f != nil && s.rng.Float64() < f.P {
		corrupt = true
	}
	return false, delay, corrupt
}

// Silent reports whether drive i (or, for −1, the whole bus) says nothing at
// all now: bus-off or a dead node. Call under the lock.
func (s *Sim) Silent(joint int) bool {
	now := s.plant.Time()
	return s.active(FaultBusOff, -1, now) != nil || (joint >= 0 && s.active(FaultDeadNode, joint, now) != nil)
}

// FlipBit flips one bit of b chosen by the seeded generator. Call under the lock.
func (s *Sim) FlipBit(b []byte) {
	if len(b) == 0 {
		return
	}
	k := s.rng.IntN(len(b) * 8)
	b[k/8] ^= 1 << (k % 8)
}

func (s *Sim) active(kind FaultKind, joint int, now time.Duration) *Fault {
	for i := range s.faults {
		f := &s.faults[i]
		if f.Kind != kind {
			continue
		}
		if kind == FaultBusOff {
			if f.Active(-1, now) {
				return f
			}
			continue
		}
		if f.Active(joint, now) {
			return f
		}
	}
	return nil
}

// Run steps the simulation against the wall clock every tick until ctx ends
// (real-time mode). Steps follow absolute deadlines so simulated time does not
// drift from wall time — unless the simulator itself is starved for more
// than maxCatchUp ticks, when simulated time slips (see maxCatchUp).
func (s *Sim) Run(ctx context.Context, tick time.Duration) error { return s.RunTicking(ctx, tick, nil) }

// maxCatchUp bounds, in ticks, how far RunTicking catches up with the wall
// clock in one step: a simulator starved for longer lets simulated time
// slip instead, so its devices do not see a silence (or a plant run on
// stale commands) that only its own scheduling made.
const maxCatchUp = 5

// RunTicking is Run with the devices' time-driven work: after is called
// (without the lock) after every step, as a Dynamixel front end's
// Server.Tick expires its Bus Watchdogs on the simulator's clock.
func (s *Sim) RunTicking(ctx context.Context, tick time.Duration, after func()) error {
	if tick <= 0 {
		tick = time.Millisecond
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	start := time.Now()
	return s.runTicking(ctx, tick, after, t.C, func() time.Duration { return time.Since(start) })
}

// runTicking is RunTicking's loop on a given tick source and wall clock
// (elapsed: the wall time since the run began), so tests can starve it.
func (s *Sim) runTicking(ctx context.Context, tick time.Duration, after func(), ticks <-chan time.Time, elapsed func() time.Duration) error {
	simStart := s.Now()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticks:
			behind := simStart + elapsed() - s.Now()
			if behind > maxCatchUp*tick {
				simStart -= behind - maxCatchUp*tick
				behind = maxCatchUp * tick
			}
			if behind >= s.plant.Substep() {
				s.Step(behind)
				if after != nil {
					after()
				}
			}
		}
	}
}
