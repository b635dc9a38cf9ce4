package chiron

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

// benchControllers are the names --controller accepts with --model.
var benchControllers = robot.Controllers

// benchWriter is the operator side of a benchmark: it posts setpoints to the
// loop until ctx is done, then closes done.
type benchWriter func(ctx context.Context, l *control.Loop, done chan<- struct{})

// benchSetup returns the loop and the setpoint writer of `chiron bench loop`:
// joint PD on the integrator plant without --model, otherwise the named
// controller on the rigid-body plant of the model (modelBench).
func benchSetup(model, ctrl string, joints int, period time.Duration) (*control.Loop, benchWriter, error) {
	if model == "" {
		if ctrl != "" && ctrl != "joint-pd" {
			return nil, nil, usagef("--controller %s needs --model (the integrator plant has no dynamics model)", ctrl)
		}
		l, err := control.NewSyntheticLoop(joints, period)
		return l, postSine, err
	}
	mb, err := newModelBench(model, ctrl, period)
	if err != nil {
		return nil, nil, err
	}
	return mb.loop, mb.post, nil
}

// modelBench is a loop running one of the model-based controllers on the
// firmware-sim plant of a robot model (rigid-body dynamics, armature,
// friction, encoder quantisation, ideal drives at 4 kHz), with a slow
// minimum-jerk motion back and forth as the setpoint stream. The plant is
// simulated inside Bus.Read on the loop's thread, so the loop's compute
// time includes the simulation (see the report of issue 3).
type modelBench struct {
	chain *kinematics.Chain
	plant *plant.Plant
	loop  *control.Loop
	ctrl  string
	q0    []float64
	// The motion: joint space for joint-pd, admittance and transparent
	// (which ignores it), Cartesian for cartesian-impedance.
	joint     *control.JointMinJerk
	cart      *control.CartesianMinJerk
	jointLeg  time.Duration
	cartLeg   time.Duration
	q1        []float64
	pose0     kinematics.Frame
	pose1     kinematics.Frame
	jointBack *control.JointMinJerk
	cartBack  *control.CartesianMinJerk
}

// newModelBench builds the plant, the four controllers (the chosen one
// active) and the motion for the model at path.
func newModelBench(path, ctrl string, period time.Duration) (*modelBench, error) {
	if ctrl == "" {
		ctrl = "joint-pd"
	}
	known := false
	for _, n := range benchControllers {
		known = known || n == ctrl
	}
	if !known {
		return nil, usagef("unknown controller %q (want one of %s)", ctrl, strings.Join(benchControllers, ", "))
	}
	chain, err := robot.LoadModel(path, "", "")
	if err != nil {
		var pe *kinematics.ParseError
		if errors.As(err, &pe) || errors.Is(err, os.ErrNotExist) {
			return nil, usageError{err}
		}
		return nil, usagef("--model %s: %v", path, err)
	}
	n := chain.DoF()
	b := &modelBench{chain: chain, ctrl: ctrl, q0: make([]float64, n), q1: make([]float64, n)}

	// Start mid-range, a pose away from the limits where gravity loads the
	// arm; move a tenth of each joint's range (at most 0.3 rad or 3 cm).
	lo, hi := chain.Limits()
	vmax, amax := make([]float64, n), make([]float64, n)
	for i, j := range chain.Joints {
		b.q0[i] = (lo[i] + hi[i]) / 2
		step := math.Min(0.1*(hi[i]-lo[i]), 0.3)
		if j.Type == kinematics.Prismatic {
			step = math.Min(step, 0.03)
		}
		b.q1[i] = b.q0[i] + step
		vel := j.Velocity
		if vel <= 0 {
			vel = robot.DefaultVelocity
		}
		vmax[i], amax[i] = 0.25*vel, 1
	}
	p, err := plant.New(chain, plant.Config{})
	if err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	p.SetState(b.q0, nil)
	bus, err := plant.NewBus(p, nil)
	if err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	b.plant = p

	// The loop serve runs on this model (robot.Assemble: the supervisor's
	// limits, hold gains and gravity hold, workspace check, the four
	// controllers), on the plant simulated inside Bus.Read.
	asm, err := robot.Assemble(chain, period, ctrl, robot.Gains{}, robot.SafetyOverrides{})
	if err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	if b.loop, err = asm.NewLoop(bus); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}

	// The motion, planned once each way so the writer never allocates.
	if b.joint, err = control.NewJointMinJerk(vmax, amax); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	if b.jointBack, err = control.NewJointMinJerk(vmax, amax); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	if b.jointLeg, err = b.joint.Plan(b.q0, b.q1, time.Second); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	if _, err = b.jointBack.Plan(b.q1, b.q0, b.jointLeg); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	ws := kinematics.NewWorkspace(chain)
	ws.FK(&b.pose0, b.q0)
	b.pose1 = b.pose0
	for a := range 3 {
		b.pose1.P[a] += 0.02
	}
	lim := control.CartesianLimits{Velocity: 0.05, Acceleration: 0.2, AngularVelocity: 0.2, AngularAcceleration: 0.5}
	if b.cart, err = control.NewCartesianMinJerk(lim); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	if b.cartBack, err = control.NewCartesianMinJerk(lim); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	if b.cartLeg, err = b.cart.Plan(&b.pose0, &b.pose1, time.Second); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	if _, err = b.cartBack.Plan(&b.pose1, &b.pose0, b.cartLeg); err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	return b, nil
}

// sample writes the setpoint at time t of the motion: out, dwell half a
// leg, back, dwell, repeat. Joint motions fill Q/Qd/Qdd; the Cartesian one
// fills the pose and twist and keeps Q at the start pose.
func (b *modelBench) sample(t time.Duration, sp *control.Setpoint) {
	sp.Deadman = true
	if b.ctrl == "cartesian-impedance" {
		leg := b.cartLeg
		cycle := 3 * leg
		switch k := t % cycle; {
		case k < leg:
			b.cart.Sample(k, sp)
		case k < 3*leg/2:
			b.cart.Sample(leg, sp)
		case k < 5*leg/2:
			b.cartBack.Sample(k-3*leg/2, sp)
		default:
			b.cartBack.Sample(leg, sp)
		}
		copy(sp.Q, b.q0)
		clear(sp.Qd)
		clear(sp.Qdd)
		return
	}
	leg := b.jointLeg
	cycle := 3 * leg
	switch k := t % cycle; {
	case k < leg:
		b.joint.Sample(k, sp)
	case k < 3*leg/2:
		b.joint.Sample(leg, sp)
	case k < 5*leg/2:
		b.jointBack.Sample(k-3*leg/2, sp)
	default:
		b.jointBack.Sample(leg, sp)
	}
}

// post is the operator side of the benchmark: it samples the motion on the
// wall clock and posts it at 100 Hz. The setpoint carries velocity and
// acceleration (or the twist), so the loop tracks smoothly between posts.
func (b *modelBench) post(ctx context.Context, l *control.Loop, done chan<- struct{}) {
	defer close(done)
	sp := control.NewSetpoint(l.Joints())
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	start := time.Now()
	for {
		b.sample(time.Since(start), sp)
		if _, err := l.Setpoints().Post(sp); err != nil {
			return // sizes come from the loop itself: cannot happen
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
