package robot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/control"
)

// A served robot has more than one kind of user: the teleoperation console
// and a clinician's session that runs a prescription on it. Both post
// setpoints to the one loop, so one of them at a time owns the motion: a
// session claims the robot (Claim) for its duration, and the teleop
// adapter refuses motion, Enable and Reset while it is claimed (an
// emergency stop is always accepted: it goes straight to the supervisor).
// The supervisor remains the only authority over the motors; the claim
// only decides whose setpoints those are.

// ErrClaimed is returned by Claim while another party owns the robot.
var ErrClaimed = errors.New("robot: in use")

// ownership is the robot's claim.
type ownership struct {
	mu    sync.Mutex
	owner string
	gen   uint64
}

// Claim makes owner ("clinician's session 12") the only party that may
// command the robot until release is called. It fails with ErrClaimed,
// naming the current owner, while another claim holds.
func (r *Robot) Claim(owner string) (release func(), err error) {
	o := &r.own
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.owner != "" {
		return nil, fmt.Errorf("%w: %s", ErrClaimed, o.owner)
	}
	if owner == "" {
		owner = "another user"
	}
	o.owner = owner
	o.gen++
	gen := o.gen
	return func() {
		o.mu.Lock()
		defer o.mu.Unlock()
		if o.gen == gen {
			o.owner = ""
		}
	}, nil
}

// Owner returns who has claimed the robot ("" when nobody has).
func (r *Robot) Owner() string {
	r.own.mu.Lock()
	defer r.own.mu.Unlock()
	return r.own.owner
}

// settleWait bounds how long Reconfigure waits for the supervisor to hold
// the robot after asking for it: a cycle or two on any bus, so a second
// means the loop is not running.
const settleWait = 2 * time.Second

// Reconfigure runs the loop with other controllers and limits (a
// clinician's prescription: the session's controllers, the patient's
// limits) through control.Loop.Reconfigure, which takes effect only while
// no controller acts. A robot that is Enabling or Enabled is first put in a
// protective stop (control.ReasonSessionStop, in the supervisor's log): the
// supervisor holds it where it is, so a limb in an exoskeleton does not
// drop during the hand-over (disabling would switch the drives off). A
// Disabled robot stays Disabled. It returns the state the robot was in, so
// the caller knows what it interrupted (an Enabled robot is left in the
// protective stop: Enable resumes it under the new configuration). A robot
// in Fault is refused: a person must look at it and Reset it first.
func (r *Robot) Reconfigure(ctx context.Context, rc control.Reconfiguration) (was control.State, err error) {
	was, err = r.hold(ctx)
	if err != nil {
		return was, err
	}
	for {
		err = r.loop.Reconfigure(ctx, rc)
		if !errors.Is(err, control.ErrNotDisabled) {
			break
		}
		// Something enabled it between the two: hold it again.
		if _, err = r.hold(ctx); err != nil {
			break
		}
	}
	if err != nil {
		return was, fmt.Errorf("robot: %w", err)
	}
	return was, nil
}

// Restore returns the loop to the robot's own configuration (the
// controllers and limits Open assembled), as Reconfigure does.
func (r *Robot) Restore(ctx context.Context) (was control.State, err error) {
	a := r.asm
	return r.Reconfigure(ctx, control.Reconfiguration{Controllers: a.Controllers, Safety: a.Safety})
}

// hold brings the robot to a state no controller acts in — it stays
// Disabled or in its protective stop, and an Enabling or Enabled robot is
// stopped (the supervisor holds it) — and returns the state it was in.
func (r *Robot) hold(ctx context.Context) (control.State, error) {
	snap := r.loop.NewSnapshot()
	r.loop.Snapshot(snap)
	was := snap.State
	switch was {
	case control.Fault:
		return was, fmt.Errorf("robot: in fault (%s): reset it from the console first", snap.Reason)
	case control.Disabled, control.ProtectiveStop:
		return was, nil
	}
	ctx, cancel := context.WithTimeout(ctx, settleWait)
	defer cancel()
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	asked := uint64(0)
	for {
		r.loop.Snapshot(snap)
		switch snap.State {
		case control.Disabled, control.ProtectiveStop:
			return was, nil
		case control.Fault:
			return was, fmt.Errorf("robot: fault while stopping for the hand-over (%s)", snap.Reason)
		}
		if asked == 0 || snap.Cycle > asked+5 {
			r.loop.Supervisor().Stop(control.ReasonSessionStop)
			asked = max(snap.Cycle, 1)
		}
		select {
		case <-ctx.Done():
			return was, fmt.Errorf("robot: not held (supervisor %s): %w", snap.State, ctx.Err())
		case <-t.C:
		}
	}
}
