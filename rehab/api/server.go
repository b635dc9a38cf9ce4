package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/teleop"
)

// Options configure a Server.
type Options struct {
	Store  *store.Store
	Tokens *teleop.Tokens
	// Runner executes sessions on the robot; nil serves records and
	// reports only (starting a session is then 409).
	Runner rehab.SessionRunner
	// Robot names the robot in the sessions this server creates.
	Robot string
	// Joints lists the joints the robot accepts in a patient's limits,
	// with suggested limits, for GET /robot (what a clinician's page
	// offers when recording a new patient). Optional.
	Joints []rehab.JointLimit
	// Batch configures the sample batcher (its Clock, Window, OnCommit).
	Batch store.BatcherOptions
	// Now stamps FHIR bundles; nil means time.Now.
	Now func() time.Time
	// OnEnd, if set, is called when a running session ends (completed,
	// stopped or failed), after its last samples are committed.
	OnEnd func(id string, status rehab.Status, err error)
	// TokenName names the holder of a bearer token (the therapist a
	// session's report names: who started it). Nil, or false, names a
	// token by its role and the first 8 hex digits of its SHA-256 digest
	// ("clinician 3f9a2c1b"): stable, and no use to anyone who reads it,
	// since the token file keeps no names (teleop.ParseTokens).
	TokenName func(token string) (string, bool)
	Logger    *slog.Logger
}

// Server serves the API. It implements http.Handler.
type Server struct {
	opts Options
	log  *slog.Logger
	mux  *http.ServeMux
	h    http.Handler

	mu     sync.Mutex
	active *run // the session holding the robot, if any
	notes  noteBook
}

var _ http.Handler = (*Server)(nil)

// run is the session holding the robot.
type run struct {
	id      string
	batcher *store.Batcher
	live    liveBuf
	// mu orders the run's state changes: start holds it across starting
	// the runner and recording the transition, so that a Done arriving
	// meanwhile is applied after.
	mu    sync.Mutex
	ended chan struct{}

	errMu   sync.Mutex
	lastErr error
}

// New returns a Server.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("api: no store")
	}
	if opts.Tokens.Len() == 0 {
		return nil, errors.New("api: no tokens: every client must authenticate")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	routes := map[string]func(http.ResponseWriter, *http.Request) error{
		"POST /api/v1/patients":                 s.createPatient,
		"GET /api/v1/patients":                  s.listPatients,
		"GET /api/v1/patients/{id}":             s.getPatient,
		"POST /api/v1/sessions":                 s.createSession,
		"GET /api/v1/sessions":                  s.listSessions,
		"GET /api/v1/sessions/{id}":             s.getSession,
		"POST /api/v1/sessions/{id}/start":      s.start,
		"POST /api/v1/sessions/{id}/pause":      s.pause,
		"POST /api/v1/sessions/{id}/resume":     s.resume,
		"POST /api/v1/sessions/{id}/stop":       s.stop,
		"GET /api/v1/sessions/{id}/report":      s.reportJSON,
		"GET /api/v1/sessions/{id}/report.csv":  s.reportCSV,
		"GET /api/v1/sessions/{id}/report.svg":  s.reportSVG,
		"GET /api/v1/sessions/{id}/report.html": s.reportHTML,
		"GET /api/v1/sessions/{id}/fhir":        s.fhir,
		"GET /api/v1/sessions/{id}/live":        s.live,
		"GET /api/v1/robot":                     s.robot,
		"GET /api/v1/me":                        s.me,
	}
	for pattern, h := range routes {
		s.mux.Handle(pattern, s.wrap(h))
	}
	s.mux.Handle("/api/v1/", s.wrap(func(w http.ResponseWriter, r *http.Request) error {
		return errNotFound("no such resource " + r.URL.Path)
	}))
	s.h = s.auth(s.mux)
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.h.ServeHTTP(w, r) }

// Recover marks the sessions of this server's robot that a previous
// process left running or paused as interrupted. Call it once at
// start-up, before serving.
func (s *Server) Recover(ctx context.Context) ([]string, error) {
	ids, err := s.opts.Store.MarkInterrupted(ctx, s.opts.Robot)
	if len(ids) > 0 {
		s.log.Warn("sessions interrupted by a previous shutdown", "ids", ids)
	}
	return ids, err
}

// Close stops the active session, if any, and waits until its samples
// are committed or ctx ends.
func (s *Server) Close(ctx context.Context) error {
	s.mu.Lock()
	a := s.active
	s.mu.Unlock()
	if a == nil {
		return nil
	}
	if err := s.opts.Runner.Stop(); err != nil && !errors.Is(err, rehab.ErrNotRunning) {
		return err
	}
	select {
	case <-a.ended:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ---- auth and errors

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	const p = "bearer "
	if len(h) > len(p) && strings.EqualFold(h[:len(p)], p) {
		return strings.TrimSpace(h[len(p):])
	}
	return ""
}

func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		role, _, ok := s.caller(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="chiron"`)
			writeJSON(w, http.StatusUnauthorized, errorBody{Error: "missing or unknown bearer token"})
			return
		}
		// Every role may ask what it may do, so that the clinician page
		// shows a viewer no controls it could not use.
		if r.Method == http.MethodGet && r.URL.Path == "/api/v1/me" {
			next.ServeHTTP(w, r)
			return
		}
		if !clinical(role) {
			writeJSON(w, http.StatusForbidden, errorBody{Error: fmt.Sprintf("role %s may not use the clinical API (clinician or admin)", role)})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// clinical reports whether role may use the clinical API: read records,
// prescribe, run sessions.
func clinical(role teleop.Role) bool { return role == teleop.RoleClinician || role == teleop.RoleAdmin }

// Me is the body of GET /me: the caller's role, name and what the
// clinician page may offer them.
type Me struct {
	Role teleop.Role `json:"role"`
	// Name is the therapist the sessions this token starts will name.
	Name string `json:"name"`
	// Clinical: the token may read patients and sessions, prescribe and
	// run sessions (roles clinician and admin). A viewer or operator
	// token may not: the page then shows no records and no controls.
	Clinical bool `json:"clinical"`
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) error {
	role, name, _ := s.caller(r)
	writeJSON(w, http.StatusOK, Me{Role: role, Name: name, Clinical: clinical(role)})
	return nil
}

// tokenName names the holder of tok (Options.TokenName).
func (s *Server) tokenName(tok string, role teleop.Role) string {
	if s.opts.TokenName != nil {
		if n, ok := s.opts.TokenName(tok); ok && n != "" {
			return n
		}
	}
	d := sha256.Sum256([]byte(tok))
	return fmt.Sprintf("%s %x", role, d[:4])
}

type errorBody struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
}

type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

func errNotFound(msg string) error { return &httpError{http.StatusNotFound, msg} }
func errConflict(msg string) error { return &httpError{http.StatusConflict, msg} }

func (s *Server) wrap(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		}
		err := h(w, r)
		if err == nil {
			return
		}
		var re *RequestError
		var fe *rehab.FieldError
		var he *httpError
		switch {
		case errors.As(err, &re):
			writeJSON(w, http.StatusBadRequest, errorBody{Error: re.Msg, Field: re.Field})
		case errors.As(err, &fe):
			writeJSON(w, http.StatusBadRequest, errorBody{Error: fe.Msg, Field: fe.Field})
		case errors.As(err, &he):
			writeJSON(w, he.code, errorBody{Error: he.msg})
		case errors.Is(err, store.ErrNotFound):
			writeJSON(w, http.StatusNotFound, errorBody{Error: err.Error()})
		case errors.Is(err, store.ErrExists), errors.Is(err, rehab.ErrTransition), errors.Is(err, rehab.ErrBusy):
			writeJSON(w, http.StatusConflict, errorBody{Error: err.Error()})
		default:
			s.log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
			writeJSON(w, http.StatusInternalServerError, errorBody{Error: "internal error"})
		}
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// ---- patients

func (s *Server) createPatient(w http.ResponseWriter, r *http.Request) error {
	p, err := DecodePatient(r.Body)
	if err != nil {
		return err
	}
	if err := s.opts.Store.CreatePatient(r.Context(), &p); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/patients/"+p.ID)
	writeJSON(w, http.StatusCreated, p)
	return nil
}

func (s *Server) getPatient(w http.ResponseWriter, r *http.Request) error {
	p, err := s.opts.Store.GetPatient(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *Server) listPatients(w http.ResponseWriter, r *http.Request) error {
	limit := 100
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			return &RequestError{Field: "limit", Msg: "want an integer in [1, 1000]"}
		}
		limit = n
	}
	ps, err := s.opts.Store.ListPatients(r.Context(), r.URL.Query().Get("after"), limit)
	if err != nil {
		return err
	}
	if ps == nil {
		ps = []rehab.Patient{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"patients": ps})
	return nil
}

// ---- sessions

// SessionView is a session as the API shows it: the record plus how far
// through the protocol it is.
type SessionView struct {
	rehab.Session
	// Percent of the protocol's repetitions done (0–100).
	Percent float64 `json:"percent"`
	// Active reports whether this session holds the robot now.
	Active bool `json:"active"`
}

func (s *Server) view(sess rehab.Session) SessionView {
	v := SessionView{Session: sess}
	total, done := 0, 0
	for i, e := range sess.Protocol.Exercises {
		total += e.Repetitions
		switch {
		case i < sess.Progress.Exercise:
			done += e.Repetitions
		case i == sess.Progress.Exercise:
			done += min(max(sess.Progress.Repetition-1, 0), e.Repetitions)
		}
	}
	if sess.Status == rehab.StatusCompleted {
		done = total
	}
	if total > 0 {
		v.Percent = 100 * float64(done) / float64(total)
	}
	s.mu.Lock()
	v.Active = s.active != nil && s.active.id == sess.ID
	s.mu.Unlock()
	return v
}

func newSessionID() string {
	var b [8]byte
	rand.Read(b[:])
	return "S-" + time.Now().UTC().Format("20060102") + "-" + hex.EncodeToString(b[:])
}

func (s *Server) createSession(w http.ResponseWriter, r *http.Request) error {
	req, err := DecodeSession(r.Body)
	if err != nil {
		return err
	}
	// A runner that can check a prescription does so now, so that what
	// the robot cannot run is refused here, naming the field, rather than
	// when the session starts.
	if pc, ok := s.opts.Runner.(rehab.PrescriptionChecker); ok {
		p, err := s.opts.Store.GetPatient(r.Context(), req.PatientID)
		if errors.Is(err, store.ErrNotFound) {
			return &RequestError{Field: "patient_id", Msg: "no patient " + req.PatientID}
		}
		if err != nil {
			return err
		}
		if err := pc.CheckPrescription(&p, req.Protocol); err != nil {
			var fe *rehab.FieldError
			if errors.As(err, &fe) && fe.Field == "patient_id" {
				return &RequestError{Field: fe.Field, Msg: fe.Msg}
			}
			return fieldError(err, "protocol.")
		}
	}
	sess := rehab.Session{ID: newSessionID(), PatientID: req.PatientID, Robot: s.opts.Robot, Protocol: *req.Protocol}
	if err := s.opts.Store.CreateSession(r.Context(), &sess); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return &RequestError{Field: "patient_id", Msg: "no patient " + req.PatientID}
		}
		return err
	}
	w.Header().Set("Location", "/api/v1/sessions/"+sess.ID)
	writeJSON(w, http.StatusCreated, s.view(sess))
	return nil
}

func (s *Server) getSession(w http.ResponseWriter, r *http.Request) error {
	sess, err := s.opts.Store.GetSession(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.view(sess))
	return nil
}

func (s *Server) listSessions(w http.ResponseWriter, r *http.Request) error {
	list, err := s.opts.Store.ListSessions(r.Context(), r.URL.Query().Get("patient_id"))
	if err != nil {
		return err
	}
	out := make([]SessionView, len(list))
	for i, sess := range list {
		out[i] = s.view(sess)
	}
	writeJSON(w, http.StatusOK, map[string]any{"sessions": out})
	return nil
}

func jsonEncoder(w http.ResponseWriter) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc
}
