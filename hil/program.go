package hil

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
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
		return newTeleopProgram(s, r), nil
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

// teleopProgram integrates the scripted operator twist into a pose target,
// applying the console's rules: deadman released → hold at once; no command
// for TeleopHeartbeat → hold; for TeleopSilenceStop → the loop's deadman
// drops, which the supervisor turns into a protective stop.
type teleopProgram struct {
	in      []TeleopInput
	loss    []FaultSpec
	target  kinematics.Frame
	q0      []float64
	last    time.Duration // program time of the previous sample
	twist   [6]float64    // last applied twist
	started bool
}

func newTeleopProgram(s *Scenario, r *robot.Robot) *teleopProgram {
	p := &teleopProgram{in: s.Program.Teleop, q0: r.Q0()}
	for _, f := range s.Faults {
		if f.Kind == "operator_loss" {
			p.loss = append(p.loss, f)
		}
	}
	w := kinematics.NewWorkspace(r.Chain())
	w.FK(&p.target, r.Q0())
	return p
}

func (p *teleopProgram) cartesian() bool { return true }

// silentSince returns when the operator's input stopped, if it has at
// absolute time t.
func (p *teleopProgram) silentSince(t time.Duration) (time.Duration, bool) {
	for _, f := range p.loss {
		if t >= f.From.D() && (f.To == 0 || t < f.To.D()) {
			return f.From.D(), true
		}
	}
	return 0, false
}

// sample integrates the input at program time pt; the operator-loss
// windows are in scenario time abs.
func (p *teleopProgram) sample(pt, abs time.Duration, sp *control.Setpoint) {
	dt := 0.0
	if p.started {
		dt = (pt - p.last).Seconds()
	}
	p.last, p.started = pt, true
	deadman := true
	if since, silent := p.silentSince(abs); silent {
		if abs-since >= TeleopHeartbeat {
			p.twist = [6]float64{}
		}
		deadman = abs-since < TeleopSilenceStop
	} else {
		in := p.in[0]
		for _, c := range p.in {
			if c.T.D() <= pt {
				in = c
			}
		}
		p.twist = [6]float64{}
		if in.Deadman && pt >= in.T.D() {
			p.twist = in.Twist
		}
	}
	if dt > 0 {
		for a := range 3 {
			p.target.P[a] += p.twist[a] * dt
		}
		rotate(&p.target.R, [3]float64{p.twist[3] * dt, p.twist[4] * dt, p.twist[5] * dt})
	}
	copy(sp.Q, p.q0)
	clear(sp.Qd)
	clear(sp.Qdd)
	sp.HasPose, sp.Position, sp.Rotation = true, p.target.P, p.target.R
	sp.HasTwist, sp.Twist = true, p.twist
	sp.Deadman = deadman
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
