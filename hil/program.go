package hil

import (
	"fmt"
	"math"
	"sync/atomic"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/robotloop"
)

// Teleoperation silence rules, as the console applies them (teleop/doc.go):
// no valid command for Heartbeat → hold; for SilenceStop → protective stop.
const (
	TeleopHeartbeat   = 100 * time.Millisecond
	TeleopSilenceStop = time.Second
)

// program writes the operator side's setpoint at program time t (since the
// loop first reported Enabled; 0 before).
type program interface {
	sample(t, abs time.Duration, sp *control.Setpoint)
	// cartesian reports whether tracking is measured on the tool position.
	cartesian() bool
}

// buildProgram plans the scenario's program for the rig.
func buildProgram(s *Scenario, r *robot.Robot) (program, error) {
	p := &s.Program
	q0 := r.Q0()
	lim := r.Limits()
	n := len(q0)
	vmax, amax := make([]float64, n), make([]float64, n)
	for i := range lim {
		vmax[i] = 0.5 * lim[i].Velocity
		amax[i] = 4 * vmax[i]
	}
	switch {
	case p.Joint != nil:
		var wps []jointTarget
		for pass := 0; pass <= p.Joint.Repeat; pass++ {
			for _, w := range p.Joint.Waypoints {
				q := make([]float64, n)
				if w.Q != nil {
					copy(q, w.Q)
				} else {
					for i := range q {
						q[i] = q0[i] + w.Offset[i]
					}
				}
				wps = append(wps, jointTarget{q: q, dur: w.Duration.D(), dwell: w.Dwell.D()})
			}
		}
		return newJointProgram(q0, wps, vmax, amax)
	case p.ROM != nil:
		return newROMProgram(p.ROM, r, vmax, amax)
	case p.Cartesian != nil:
		return newCartesianProgram(p.Cartesian, r)
	default:
		return newTeleopProgram(s, r)
	}
}

type jointTarget struct {
	q          []float64
	dur, dwell time.Duration
}

type jointSegment struct {
	start, end time.Duration // motion start; end of dwell
	mj         *control.JointMinJerk
}

type jointProgram struct {
	segs []jointSegment
	q0   []float64
}

func newJointProgram(q0 []float64, wps []jointTarget, vmax, amax []float64) (*jointProgram, error) {
	p := &jointProgram{q0: q0}
	from := q0
	var t time.Duration
	for k, w := range wps {
		mj, err := control.NewJointMinJerk(vmax, amax)
		if err != nil {
			return nil, fmt.Errorf("hil: waypoint %d: %w", k, err)
		}
		d, err := mj.Plan(from, w.q, w.dur)
		if err != nil {
			return nil, fmt.Errorf("hil: waypoint %d: %w", k, err)
		}
		p.segs = append(p.segs, jointSegment{start: t, end: t + d + w.dwell, mj: mj})
		t += d + w.dwell
		from = w.q
	}
	return p, nil
}

func (p *jointProgram) cartesian() bool { return false }

func (p *jointProgram) sample(t, _ time.Duration, sp *control.Setpoint) {
	sp.Deadman = true
	for i := range p.segs {
		s := &p.segs[i]
		if t < s.end || i == len(p.segs)-1 {
			s.mj.Sample(t-s.start, sp)
			return
		}
	}
}

// newROMProgram moves the chosen joints to the lower and upper ends of
// Fraction of their range, Cycles times, then back to the start.
func newROMProgram(r *ROMProgram, rig *robot.Robot, vmax, amax []float64) (*jointProgram, error) {
	q0 := rig.Q0()
	lim := rig.Limits()
	n := len(q0)
	sel := make([]bool, n)
	if len(r.Joints) == 0 {
		for i := range sel {
			sel[i] = true
		}
	}
	for _, j := range r.Joints {
		sel[j-1] = true
	}
	lo, hi := make([]float64, n), make([]float64, n)
	for i := range q0 {
		lo[i], hi[i] = q0[i], q0[i]
		if sel[i] {
			span := lim[i].PositionMax - lim[i].PositionMin
			inset := (1 - r.Fraction) / 2 * span
			lo[i], hi[i] = lim[i].PositionMin+inset, lim[i].PositionMax-inset
		}
	}
	var wps []jointTarget
	for range r.Cycles {
		wps = append(wps, jointTarget{q: lo, dur: r.Period.D()}, jointTarget{q: hi, dur: r.Period.D()})
	}
	wps = append(wps, jointTarget{q: q0, dur: r.Period.D()})
	return newJointProgram(q0, wps, vmax, amax)
}

type cartSegment struct {
	start, end time.Duration
	mj         *control.CartesianMinJerk
}

type cartesianProgram struct {
	segs []cartSegment
	q0   []float64
}

func newCartesianProgram(c *CartesianProgram, r *robot.Robot) (*cartesianProgram, error) {
	w := kinematics.NewWorkspace(r.Chain())
	var from kinematics.Frame
	w.FK(&from, r.Q0())
	p := &cartesianProgram{q0: r.Q0()}
	lim := control.CartesianLimits{Velocity: 0.05, Acceleration: 0.2, AngularVelocity: 0.2, AngularAcceleration: 0.5}
	start := from
	var t time.Duration
	for k, wp := range c.Waypoints {
		to := start
		for a := range 3 {
			to.P[a] += wp.Offset[a]
		}
		mj, err := control.NewCartesianMinJerk(lim)
		if err != nil {
			return nil, err
		}
		d, err := mj.Plan(&from, &to, wp.Duration.D())
		if err != nil {
			return nil, fmt.Errorf("hil: cartesian waypoint %d: %w", k, err)
		}
		p.segs = append(p.segs, cartSegment{start: t, end: t + d + wp.Dwell.D(), mj: mj})
		t += d + wp.Dwell.D()
		from = to
	}
	return p, nil
}

func (p *cartesianProgram) cartesian() bool { return true }

func (p *cartesianProgram) sample(t, _ time.Duration, sp *control.Setpoint) {
	sp.Deadman = true
	copy(sp.Q, p.q0)
	clear(sp.Qd)
	clear(sp.Qdd)
	for i := range p.segs {
		s := &p.segs[i]
		if t < s.end || i == len(p.segs)-1 {
			s.mj.Sample(t-s.start, sp)
			return
		}
	}
}

// teleopProgram plays the scripted operator through the same code a
// console's commands go through when served: teleop.Operator (control,
// scale, tremor filter, speed clamp, heartbeat hold, silence stop) and
// robotloop.Robot (IK, per-second goal integration, holds, the mailbox),
// on the scenario's clock. Commands go at CommandRate (Program.TeleopRate);
// an operator_loss window stops them.
type teleopProgram struct {
	in   []TeleopInput
	loss []FaultSpec
	op   *teleop.Operator
	rl   *robotloop.Robot
	st   teleop.State
	now  time.Time // the scenario clock, for the operator and the adapter
	// clock is now for the adapter's other readers (a viewer_flood's
	// server takes snapshots from its own goroutine): time since
	// teleopEpoch, ns.
	clock   atomic.Int64
	next    time.Duration // when the next command goes (scenario time)
	per     time.Duration
	seq     uint64
	goal    kinematics.Frame // for tracking: the operator's goal, else where the arm was held
	hadGoal bool
}

// teleopEpoch is the wall-clock origin of a scenario's teleop clock.
var teleopEpoch = time.Unix(0, 0).UTC()

func newTeleopProgram(s *Scenario, r *robot.Robot) (*teleopProgram, error) {
	rate := s.Program.TeleopRate
	if rate == 0 {
		rate = teleop.DefaultCommandRate
	}
	p := &teleopProgram{in: s.Program.Teleop, now: teleopEpoch, per: time.Duration(float64(time.Second) / rate)}
	for _, f := range s.Faults {
		if f.Kind == "operator_loss" {
			p.loss = append(p.loss, f)
		}
	}
	// The master-to-tool scale is 1: a script's twist is the tool's.
	op, err := teleop.NewOperator(teleop.OperatorConfig{Scale: 1, CommandRate: rate})
	if err != nil {
		return nil, err
	}
	if err := op.Take("hil", p.now); err != nil {
		return nil, err
	}
	lo, hi := make([]float64, len(r.Limits())), make([]float64, len(r.Limits()))
	for i, l := range r.Limits() {
		lo[i], hi[i] = l.PositionMin, l.PositionMax
	}
	rl, err := robotloop.New(robotloop.Config{Name: s.Name, Loop: r.Loop(), Chain: r.Chain(), JointNames: r.JointNames(),
		Lower: lo, Upper: hi, CommandRate: rate, Now: func() time.Time { return teleopEpoch.Add(time.Duration(p.clock.Load())) }})
	if err != nil {
		return nil, err
	}
	p.op, p.rl = op, rl
	w := kinematics.NewWorkspace(r.Chain())
	w.FK(&p.goal, r.Q0())
	return p, nil
}

func (p *teleopProgram) cartesian() bool { return true }

// postsItself: robotloop posts the setpoints (the HIL operator must not).
func (p *teleopProgram) postsItself() {}

// silent reports whether the operator's input is stopped at absolute time t.
func (p *teleopProgram) silent(t time.Duration) bool {
	for _, f := range p.loss {
		if t >= f.From.D() && (f.To == 0 || t < f.To.D()) {
			return true
		}
	}
	return false
}

// sample sends the operator's command when one is due (program time pt,
// scenario time abs), runs the operator's watchdogs, and writes the goal
// the arm is tracking into sp for the recorder.
func (p *teleopProgram) sample(pt, abs time.Duration, sp *control.Setpoint) {
	p.now = teleopEpoch.Add(abs)
	p.clock.Store(int64(abs))
	p.rl.Snapshot(&p.st)
	if abs >= p.next && !p.silent(abs) {
		p.next = abs + p.per
		in := p.in[0]
		for _, c := range p.in {
			if c.T.D() <= pt {
				in = c
			}
		}
		p.seq++
		m := teleop.CommandMsg{Seq: p.seq, Deadman: in.Deadman && pt >= in.T.D(),
			Linear: [3]float64{in.Twist[0], in.Twist[1], in.Twist[2]}, Angular: [3]float64{in.Twist[3], in.Twist[4], in.Twist[5]}}
		if cmd, err := p.op.Accept("hil", p.now, &m, &p.st); err == nil {
			if p.rl.Command(&cmd) != nil {
				p.op.NoteRefused()
			}
		}
	}
	if hold, send, pstop := p.op.Tick(p.now, &p.st); send || pstop != "" {
		if send {
			_ = p.rl.Command(&hold) // refused while not enabled: nothing to hold
		}
		if pstop != "" {
			_ = p.rl.ProtectiveStop(pstop)
		}
	}
	// The goal the arm tracks: the operator's while it has one. A goal
	// latched anew (at engage, after a hold) starts where the arm is, not
	// where the last one was: that cycle carries no pose, so speeds are not
	// measured across the jump.
	g, ok := p.rl.Goal()
	fresh := ok && !p.hadGoal
	p.hadGoal = ok
	if ok {
		p.goal = g // else holding where the last goal left it
	}
	sp.HasPose, sp.Position, sp.Rotation = !fresh, p.goal.P, p.goal.R
}

// rotate sets R = exp([w]×)·R (Rodrigues), w in rad, base frame.
func rotate(r *[9]float64, w [3]float64) {
	th := math.Sqrt(w[0]*w[0] + w[1]*w[1] + w[2]*w[2])
	if th < 1e-15 {
		return
	}
	k := [3]float64{w[0] / th, w[1] / th, w[2] / th}
	s, c := math.Sin(th), math.Cos(th)
	v := 1 - c
	e := [9]float64{
		c + k[0]*k[0]*v, k[0]*k[1]*v - k[2]*s, k[0]*k[2]*v + k[1]*s,
		k[1]*k[0]*v + k[2]*s, c + k[1]*k[1]*v, k[1]*k[2]*v - k[0]*s,
		k[2]*k[0]*v - k[1]*s, k[2]*k[1]*v + k[0]*s, c + k[2]*k[2]*v,
	}
	var out [9]float64
	for i := range 3 {
		for j := range 3 {
			for m := range 3 {
				out[3*i+j] += e[3*i+m] * r[3*m+j]
			}
		}
	}
	*r = out
}
