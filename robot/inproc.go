package robot

import (
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

func init() {
	frontEnds[ProtocolInproc] = func(r *Robot) (frontEnd, error) {
		return &simBus{sim: r.sim, n: r.sim.Joints()}, nil
	}
}

// simBus is the in-process path: the loop's bus calls the simulated drives
// directly, with no wire and no codec, but with the simulator's faults
// applied as a field bus would surface them (a silent device is a timeout,
// a corrupted reply a CRC error, bus-off a bus-off). It is the fast path for
// tests and large sweeps; the protocol front ends are what exercise the
// real drivers.
type simBus struct {
	sim *firmwaresim.Sim
	n   int
}

var _ drivers.Bus = (*simBus)(nil)

func (b *simBus) bus() drivers.Bus { return b }
func (b *simBus) settle() error    { return nil }
func (b *simBus) tick()            {}
func (b *simBus) close() error     { return nil }

// Joints returns the number of joints.
func (b *simBus) Joints() int { return b.n }

// Read reports every drive's measurement; the first silent, dropped or
// corrupted reply is returned as the error (the joints before it are
// updated, as a sequential field bus would).
func (b *simBus) Read(now time.Duration, states []drivers.JointState) error {
	b.sim.Lock()
	defer b.sim.Unlock()
	if b.sim.Silent(-1) {
		return errBusOff
	}
	for i := range states {
		drop, delay, corrupt := b.sim.ReplyFate(i)
		switch {
		case drop:
			return timeoutErrs[min(i, len(timeoutErrs)-1)]
		case corrupt:
			return corruptErrs[min(i, len(corruptErrs)-1)]
		}
		m := b.sim.Measure(i)
		s := &states[i]
		s.Position, s.Velocity, s.Effort, s.Temperature = m.Position, m.Velocity, m.Effort, m.Temperature
		s.Status = m.Status
		s.HasPosition2 = false
		s.Stamp = now - delay
	}
	return nil
}

// Write hands each drive its command; a silent drive does not hear it.
// ModeOff disables the power stage; any other mode enables it.
func (b *simBus) Write(_ time.Duration, cmds []drivers.JointCommand) error {
	b.sim.Lock()
	defer b.sim.Unlock()
	if b.sim.Silent(-1) {
		return errBusOff
	}
	for i := range cmds {
		if b.sim.Silent(i) {
			continue
		}
		d := &b.sim.Drives[i]
		d.Command = cmds[i]
		d.Enabled = cmds[i].Mode != drivers.ModeOff
	}
	return nil
}

// Preallocated errors: the loop's path must not allocate, even failing.
var (
	errBusOff   = &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "inproc: bus off"}
	timeoutErrs = jointErrs(drivers.KindTimeout, "inproc: no reply")
	corruptErrs = jointErrs(drivers.KindCorrupt, "inproc: corrupted reply")
)

func jointErrs(k drivers.ErrorKind, detail string) []*drivers.Error {
	e := make([]*drivers.Error, 64)
	for i := range e {
		e[i] = &drivers.Error{Joint: i, Kind: k, Detail: detail}
	}
	return e
}
