package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
)

// benchControllers are the names --controller accepts with --model.
var benchControllers = []string{"joint-pd", "cartesian-impedance", "admittance", "transparent"}

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
		l, err := benchLoop(joints, period)
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

// loadBenchChain loads a model: a modified-DH JSON table, or a URDF whose
// chain runs from the root to its single leaf; when the tree branches (an
// arm with a gripper's fingers), the chain ends at the shared
// robots' reference/chain.txt tip when there is one, else at the last link
// common to every branch (the flange or hand the fingers hang from).
func loadBenchChain(path string) (*kinematics.Chain, error) {
	c, err := kinematics.LoadChain(path, "", "")
	if err == nil {
		return c, nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".urdf" && ext != ".xml" {
		return nil, err
	}
	if data, rerr := os.ReadFile(filepath.Join(filepath.Dir(path), "reference", "chain.txt")); rerr == nil {
		if f := strings.Fields(string(data)); len(f) == 2 {
			return kinematics.LoadChain(path, f[0], f[1])
		}
	}
	f, oerr := os.Open(path)
	if oerr != nil {
		return nil, err
	}
	defer f.Close()
	m, perr := kinematics.ParseURDF(f, path)
	if perr != nil {
		return nil, err
	}
	parent := map[string]string{}
	for _, j := range m.Joints {
		parent[j.Child] = j.Parent
	}
	var common []string
	for k, leaf := range m.Leaves(m.Root) {
		var branch []string
		for l := leaf; l != ""; l = parent[l] {
			branch = append([]string{l}, branch...)
		}
		if k == 0 {
			common = branch
			continue
		}
		i := 0
		for i < len(common) && i < len(branch) && common[i] == branch[i] {
			i++
		}
		common = common[:i]
	}
	if len(common) < 2 {
		return nil, err
	}
	return kinematics.LoadChain(path, m.Root, common[len(common)-1])
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
	chain, err := loadBenchChain(path)
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
	limits := make([]control.JointLimits, n)
	vmax, amax := make([]float64, n), make([]float64, n)
	kp, kd := make([]float64, n), make([]float64, n)
	for i, j := range chain.Joints {
		b.q0[i] = (lo[i] + hi[i]) / 2
		step := math.Min(0.1*(hi[i]-lo[i]), 0.3)
		if j.Type == kinematics.Prismatic {
			step = math.Min(step, 0.03)
		}
		b.q1[i] = b.q0[i] + step
		eff, vel := j.Effort, j.Velocity
		if eff <= 0 {
			eff = 50
		}
		if vel <= 0 {
			vel = 2
		}
		limits[i] = control.JointLimits{PositionMin: lo[i], PositionMax: hi[i], PositionMargin: 0.05,
			Velocity: vel, Effort: eff, MaxKp: 5000, MaxKd: 200, TrackingError: 0.3}
		vmax[i], amax[i] = 0.25*vel, 1
		// Joint stiffness: full rated effort at 0.1 rad (or 0.1·unit),
		// damping a twentieth of it (well damped on geared joints).
		kp[i] = math.Min(eff/0.1, 2000)
		kd[i] = kp[i] / 20
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

	// One dynamics model serves every controller: they run one at a time
	// on the loop's thread.
	dyn := kinematics.NewDynamics(chain)
	pd, err := control.NewJointPD(kp, kd, dyn)
	if err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	ci, err := control.NewCartesianImpedance(control.CartesianImpedanceConfig{Chain: chain,
		Stiffness: [6]float64{1000, 1000, 1000, 30, 30, 30}, DampingRatio: 1,
		NullStiffness: 10, NullDamping: 2, Coriolis: true})
	if err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	fill := func(v float64) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = v
		}
		return s
	}
	adm, err := control.NewJointAdmittance(control.JointAdmittanceConfig{Mass: fill(0.5), Damping: fill(10),
		Stiffness: fill(50), Kp: kp, Kd: kd, Gravity: dyn, Deadband: fill(0.05)})
	if err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	tr, err := control.NewTransparent(n, control.TransparentConfig{Gravity: dyn})
	if err != nil {
		return nil, fmt.Errorf("bench loop: %w", err)
	}
	all := map[string]control.Controller{"joint-pd": pd, "cartesian-impedance": ci, "admittance": adm, "transparent": tr}
	ctrls := []control.NamedController{{Name: ctrl, Controller: all[ctrl]}}
	for _, name := range benchControllers {
		if name != ctrl {
			ctrls = append(ctrls, control.NamedController{Name: name, Controller: all[name]})
		}
	}
	b.loop, err = control.NewLoop(control.Config{Bus: bus, Period: period, Controllers: ctrls,
		Safety: control.SafetyConfig{Joints: limits}})
	if err != nil {
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
