package exercise

import (
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
)

// Plan is a prescribed session (rehab.RunSpec) made concrete for one robot:
// the supervisor's configuration from the patient's limits, the exercises
// and the controllers the loop must be built with. It is the same for a
// simulated robot (SimRunner) and a real one: a station builds its loop
// from Safety and Controllers over its own bus, runs it (control.Runner),
// and drives the session with Plan.Runner and Runner.Run.
type Plan struct {
	Chain       *kinematics.Chain
	Safety      control.SafetyConfig
	Protocol    Protocol
	Controllers []control.NamedController
	// Joints maps the patient's joint names to chain indices; Order lists,
	// for each of the session's joints (rehab.Session.Joints, else the
	// patient's limits in order), its chain index.
	Joints map[string]int
	Order  []int
}

// NewPlan builds the plan of spec on the robot chain c, for a loop at
// PlanPeriod.
func NewPlan(c *kinematics.Chain, spec *rehab.RunSpec) (*Plan, error) {
	return NewPlanAt(c, spec, PlanPeriod)
}

// NewPlanAt is NewPlan for a loop with the given period: a registered
// controller's default gains are sized for it (a served rig's loop runs at
// the rate its bus carries, 250 Hz for a CANopen PSM, not at 1 kHz).
func NewPlanAt(c *kinematics.Chain, spec *rehab.RunSpec, period time.Duration) (*Plan, error) {
	if period <= 0 {
		return nil, fmt.Errorf("plan: loop period %v: want > 0", period)
	}
	limits, idx, err := PatientLimits(c, &spec.Patient)
	if err != nil {
		return nil, err
	}
	p := &Plan{Chain: c, Joints: idx}
	p.Safety, err = SafetyConfig(c, limits, SafetyOptions{HoldGravity: p.Gravity()})
	if err != nil {
		return nil, err
	}
	env := &Env{Chain: c, Limits: p.Safety.Joints, Joints: idx, Period: period}
	p.Protocol = make(Protocol, len(spec.Protocol.Exercises))
	for i := range spec.Protocol.Exercises {
		ex := &spec.Protocol.Exercises[i]
		if p.Protocol[i], err = buildExercise(fmt.Sprintf("%d-%s", i, ex.Mode), ex, env, p.Gravity); err != nil {
			return nil, err
		}
	}
	hold, err := Hold(c.DoF(), 300, 30, p.Gravity())
	if err != nil {
		return nil, err
	}
	if p.Controllers, err = p.Protocol.Controllers(hold); err != nil {
		return nil, err
	}
	// In the loop, every session controller's joint reference moves no
	// faster than the patient's speed limit allows (slewLimited): a
	// setpoint the non-real-time runner posts late is not a step.
	vmax := make([]float64, len(p.Safety.Joints))
	for i, l := range p.Safety.Joints {
		vmax[i] = l.Velocity
	}
	for i := range p.Controllers {
		p.Controllers[i].Controller = newSlewLimited(p.Controllers[i].Controller, vmax)
	}
	names := spec.Session.Joints
	if len(names) == 0 {
		for _, l := range spec.Patient.Limits {
			names = append(names, l.Joint)
		}
	}
	for _, nm := range names {
		i, ok := idx[nm]
		if !ok {
			return nil, fmt.Errorf("session joint %q has no patient limits: %w", nm, ErrLimits)
		}
		p.Order = append(p.Order, i)
	}
	return p, nil
}

// MaxDuration bounds the session's running time (pauses and safety stops
// excluded): the sum of its exercises' MaxDuration, each with the runner's
// RunnerSlack.
func (p *Plan) MaxDuration() time.Duration {
	var total time.Duration
	for _, e := range p.Protocol {
		d, _ := MaxDuration(e)
		total += d + RunnerSlack(d)
	}
	return total
}

// Gravity returns a fresh gravity model of the robot (one per user).
func (p *Plan) Gravity() control.GravityModel { return kinematics.NewDynamics(p.Chain) }

// Runner returns the session runner for the plan on robot, streaming
// samples to sink as rehab.Samples: T in seconds from the first sample, the
// session's joints in order, Repetition 0 while approaching the start
// posture and 1, 2, … during repetitions. cue may be nil.
func (p *Plan) Runner(robot Robot, sink rehab.SampleSink, cue func(time.Duration, *Cue)) (*Runner, error) {
	var t0 time.Duration = -1
	return NewRunner(p.runnerConfig(robot, sink, nil, cue, &t0))
}

// runnerConfig is Runner's configuration; *t0 (−1 at first) becomes the
// loop time of the first sample, the origin of rehab.Sample.T.
func (p *Plan) runnerConfig(robot Robot, sink rehab.SampleSink, onEvent func(*Event), cue func(time.Duration, *Cue), t0p *time.Duration) RunnerConfig {
	k := len(p.Order)
	onSample := func(smp *Sample) {
		if *t0p < 0 {
			*t0p = smp.T
		}
		o := rehab.Sample{T: (smp.T - *t0p).Seconds(), Q: make([]float64, k), QD: make([]float64, k), Tau: make([]float64, k),
			Assistance: smp.Assistance, Exercise: smp.Exercise, Repetition: smp.Repetition}
		for j, i := range p.Order {
			o.Q[j], o.QD[j], o.Tau[j] = smp.Q[i], smp.Qd[i], smp.Interaction[i]
		}
		sink.Sample(o)
	}
	return RunnerConfig{Robot: robot, Protocol: p.Protocol, Sink: SinkFuncs{OnSample: onSample, OnEvent: onEvent}, Cue: cue,
		JointNames: p.jointNames(), Limits: p.Safety.Joints}
}

// jointNames names the chain's joints as the patient record does (the
// robot's own name for a joint the record does not list).
func (p *Plan) jointNames() []string {
	names := make([]string, p.Chain.DoF())
	for i, j := range p.Chain.Joints {
		names[i] = j.Name
	}
	for nm, i := range p.Joints {
		names[i] = nm
	}
	return names
}
