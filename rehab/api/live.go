package api

import (
	"math"
	"net/http"
	"strconv"
	"sync"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/report"
)

// The live view of a running session. Stored samples reach the database in
// batches (up to a second late) and a whole session's worth is too much to
// send to a page that polls a few times a second, so the run also keeps a
// thinned-out window of its most recent motion in memory, read here.
const (
	// LiveStep is the sample time (s) between the points the live view
	// keeps: 20 points per second draws a smooth curve of a limb's motion.
	LiveStep = 0.05
	// LivePoints bounds the live window: 30 s at LiveStep.
	LivePoints = 600
)

// LivePoint is one instant of the live view: the joint positions (rad, in
// the order of Session.Joints), the assistance (0–1), and where in the
// protocol the session was (Repetition 0: approaching the start posture).
type LivePoint struct {
	T          float64   `json:"t"` // s since the session started
	Q          []float64 `json:"q"`
	Assistance float64   `json:"assistance"`
	Exercise   int       `json:"exercise"`
	Repetition int       `json:"repetition"`
}

// LiveView is the body of GET /sessions/{id}/live.
type LiveView struct {
	Session SessionView `json:"session"`
	// Latest is the most recent sample of the run, nil when the session
	// does not hold the robot on this server.
	Latest *LivePoint `json:"latest"`
	// Points are the kept points after the requested time, oldest first.
	Points []LivePoint `json:"points"`
	// Notes are what the runner told the clinician about the session (a
	// range shortened by a torque limit, a joint that stopped short of its
	// posture and why, why the session ended early), oldest first. They
	// are kept in memory for the sessions this process ran (the last
	// MaxNotedSessions), not in the store.
	Notes []rehab.Note `json:"notes,omitempty"`
}

// Bounds of the notes kept in memory.
const (
	MaxNotedSessions = 64
	MaxNotes         = 200 // per session
)

// noteBook keeps the notes of the sessions this server ran.
type noteBook struct {
	mu    sync.Mutex
	order []string
	notes map[string][]rehab.Note
}

func (b *noteBook) add(id string, n rehab.Note) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.notes == nil {
		b.notes = map[string][]rehab.Note{}
	}
	list, ok := b.notes[id]
	if !ok {
		b.order = append(b.order, id)
		if len(b.order) > MaxNotedSessions {
			delete(b.notes, b.order[0])
			b.order = b.order[1:]
		}
	}
	if len(list) < MaxNotes {
		b.notes[id] = append(list, n)
	}
}

func (b *noteBook) get(id string) []rehab.Note {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]rehab.Note(nil), b.notes[id]...)
}

// liveBuf is a run's live window. Sample adds from the runner's goroutine;
// since reads from request goroutines.
type liveBuf struct {
	mu     sync.Mutex
	pts    []LivePoint
	latest LivePoint
	any    bool
}

// add records sm; its slices must not change afterwards.
func (b *liveBuf) add(sm *rehab.Sample) {
	p := LivePoint{T: sm.T, Q: sm.Q, Assistance: sm.Assistance, Exercise: sm.Exercise, Repetition: sm.Repetition}
	b.mu.Lock()
	defer b.mu.Unlock()
	// Keep a point every LiveStep (less a microsecond: sample times are
	// sums of float periods, and 0.049999… must not halve the rate), and
	// every change of exercise or repetition, so the view never misses the
	// start of one.
	keep := !b.any || sm.T-b.pts[len(b.pts)-1].T >= LiveStep-1e-6 ||
		sm.Exercise != b.latest.Exercise || sm.Repetition != b.latest.Repetition
	b.latest, b.any = p, true
	if !keep {
		return
	}
	if len(b.pts) == LivePoints {
		copy(b.pts, b.pts[1:])
		b.pts = b.pts[:LivePoints-1]
	}
	b.pts = append(b.pts, p)
}

// since returns the latest point (nil if none yet) and the kept points
// with T > after.
func (b *liveBuf) since(after float64) (*LivePoint, []LivePoint) {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := []LivePoint{}
	for i := len(b.pts) - 1; i >= 0 && b.pts[i].T > after; i-- {
		out = append(out, b.pts[i])
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	if !b.any {
		return nil, out
	}
	l := b.latest
	return &l, out
}

// live serves GET /sessions/{id}/live?after=T: the session as GET
// /sessions/{id} shows it, plus its live window after T (s; default: the
// whole window).
func (s *Server) live(w http.ResponseWriter, r *http.Request) error {
	after := -1.0
	if v := r.URL.Query().Get("after"); v != "" {
		t, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(t) || math.IsInf(t, 0) {
			return &RequestError{Field: "after", Msg: "want a time in seconds"}
		}
		after = t
	}
	sess, err := s.opts.Store.GetSession(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := LiveView{Session: s.view(sess), Points: []LivePoint{}, Notes: s.notes.get(sess.ID)}
	if a := s.activeRun(sess.ID); a != nil {
		out.Latest, out.Points = a.live.since(after)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// RobotInfo is the body of GET /robot: what the page offers a clinician
// who records a new patient.
type RobotInfo struct {
	Robot string `json:"robot"`
	// Sessions reports whether this server can run sessions (it has a
	// runner), not only keep records.
	Sessions bool `json:"sessions"`
	// Joints are the robot's joints with suggested limits (SI units).
	Joints []rehab.JointLimit `json:"joints"`
	// Labels are the joints' anatomical names (report.JointLabel:
	// "hip_flexion" → "Hip flexion/extension"), what the page shows.
	Labels map[string]string `json:"labels"`
}

func (s *Server) robot(w http.ResponseWriter, _ *http.Request) error {
	js := s.opts.Joints
	if js == nil {
		js = []rehab.JointLimit{}
	}
	labels := make(map[string]string, len(js))
	for _, j := range js {
		labels[j.Joint] = report.JointLabel(j.Joint)
	}
	writeJSON(w, http.StatusOK, RobotInfo{Robot: s.opts.Robot, Sessions: s.opts.Runner != nil, Joints: js, Labels: labels})
	return nil
}
