package control

import (
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// Snapshot is the loop's state after one cycle, for non-real-time readers
// (console, recorder, HIL metrics). Get one with Loop.NewSnapshot and fill it
// with Loop.Snapshot as often as needed; filling does not allocate.
type Snapshot struct {
	Cycle uint64        // cycles run so far, including this one
	Now   time.Duration // the cycle's now

	State  State
	Reason Reason // why the supervisor entered State
	// ReasonJoint is the joint Reason is about (−1: none, or the whole
	// bus); ReasonDetail what the driver reported for a bus error or a
	// drive fault (Event.Detail).
	ReasonJoint  int
	ReasonDetail string
	Since        time.Duration // when it did
	EStopLatched bool
	// Fresh is false when this cycle's measurements were stale (bus error
	// or old samples) and no controller ran.
	Fresh      bool
	Controller string // name of the active controller
	// Gains are the active controller's gains in force (GainReporter):
	// per joint, or the six Cartesian axes; empty for a controller without
	// gains (transparent).
	Gains Gains
	// SetpointSeq is the Seq of the setpoint the cycle used.
	SetpointSeq uint64

	Joints  []drivers.JointState   // measured
	Desired []drivers.JointCommand // what the controller asked for
	Sent    []drivers.JointCommand // what the supervisor let through to the bus

	Tool    [3]float64 // tool position in m, when HasTool
	HasTool bool

	// Clamps counts, per joint, the cycles in which the supervisor had to
	// clamp the controller's command; ClampsTotal sums them.
	Clamps      []uint64
	ClampsTotal uint64
	// StaleCycles counts cycles whose data was not fresh and lost command
	// writes; ReadErrors and WriteErrors count bus errors; LastErrorKind is
	// the kind of the newest one.
	StaleCycles   uint64
	ReadErrors    uint64
	WriteErrors   uint64
	LastErrorKind drivers.ErrorKind

	// Timing is filled by Loop.Snapshot from the live histograms at the time
	// of the call (it may include a cycle or so more than the rest).
	Timing TimingSnapshot

	events      []Event
	eventsTotal uint64
}

func newSnapshot(n, events int) Snapshot {
	return Snapshot{
		Joints: make([]drivers.JointState, n), Desired: make([]drivers.JointCommand, n),
		Sent: make([]drivers.JointCommand, n), Clamps: make([]uint64, n),
		events: make([]Event, events),
		Gains:  Gains{Kp: make([]float64, 0, max(n, 6)), Kd: make([]float64, 0, max(n, 6))},
	}
}

// copyFrom copies src into s; both come from the same loop (same sizes).
//
// Field by field rather than *s = *src: the struct holds Timing, four
// histograms of 529 buckets (17 KB), which a whole-struct copy moved three
// times a call (save, overwrite, restore): 2 µs of a 16 µs lockstep
// cycle. TestCopyFromCopiesEveryField catches a field added and not copied.
func (s *Snapshot) copyFrom(src *Snapshot) {
	prev := s.eventsTotal
	s.Cycle, s.Now = src.Cycle, src.Now
	s.State, s.Reason, s.ReasonJoint, s.ReasonDetail = src.State, src.Reason, src.ReasonJoint, src.ReasonDetail
	s.Since, s.EStopLatched, s.Fresh, s.Controller = src.Since, src.EStopLatched, src.Fresh, src.Controller
	s.SetpointSeq = src.SetpointSeq
	s.Tool, s.HasTool = src.Tool, src.HasTool
	s.ClampsTotal, s.StaleCycles, s.ReadErrors, s.WriteErrors = src.ClampsTotal, src.StaleCycles, src.ReadErrors, src.WriteErrors
	s.LastErrorKind = src.LastErrorKind
	s.Gains.Kp = append(s.Gains.Kp[:0], src.Gains.Kp...)
	s.Gains.Kd = append(s.Gains.Kd[:0], src.Gains.Kd...)
	copy(s.Joints, src.Joints)
	copy(s.Desired, src.Desired)
	copy(s.Sent, src.Sent)
	copy(s.Clamps, src.Clamps)
	// events is a ring indexed by Seq, like the supervisor's.
	r := eventRing{buf: src.events, total: src.eventsTotal}
	if prev > src.eventsTotal {
		prev = 0
	}
	s.eventsTotal = prev
	r.copyNew(s.events, &s.eventsTotal)
}

// EventsTotal returns how many events the supervisor has logged in all;
// those older than the ring's capacity are no longer available.
func (s *Snapshot) EventsTotal() uint64 { return s.eventsTotal }

// Events appends the events still in the log to dst, oldest first.
func (s *Snapshot) Events(dst []Event) []Event {
	n := uint64(len(s.events))
	from := uint64(0)
	if s.eventsTotal > n {
		from = s.eventsTotal - n
	}
	for q := from; q < s.eventsTotal; q++ {
		dst = append(dst, s.events[q%n])
	}
	return dst
}
