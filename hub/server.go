package hub

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
)

// ReplicatePath is where devices POST batches.
const ReplicatePath = "/v1/replicate"

// MaxBatchBytes bounds a batch's body. A sample of a 6-joint exoskeleton
// is about 600 bytes of JSON, so the default 1000-sample batch is well
// under 1 MiB; 16 MiB leaves room for wide robots without letting a client
// make the hub buffer without bound.
const MaxBatchBytes = 16 << 20

// Ack is the hub's answer to an accepted batch.
type Ack struct {
	Patients int `json:"patients"`
	Sessions int `json:"sessions"`
	Samples  int `json:"samples"`
}

// Refusal is the hub's answer to a refused batch. Field names the bad
// field of a 400; Session and Have say where the hub's samples of a
// session end on a 409 gap.
type Refusal struct {
	Error   string `json:"error"`
	Field   string `json:"field,omitempty"`
	Session string `json:"session,omitempty"`
	Have    int64  `json:"have,omitempty"`
	Gap     bool   `json:"gap,omitempty"`
}

// Server is the hub's HTTP handler: it authenticates devices by bearer
// token and writes their batches into its store.
type Server struct {
	store      *store.Store
	tokens     *Tokens
	clinicians *Clinicians
	log        *slog.Logger
	mux        *http.ServeMux
	relay      *relay
	// pollHold and relayTimeout replace PollHold and RelayTimeout when
	// set (tests).
	pollHold, relayTimeout time.Duration
}

// NewServer returns a hub writing into st and authenticating with tokens.
// A nil log discards.
func NewServer(st *store.Store, tokens *Tokens, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{store: st, tokens: tokens, clinicians: NewClinicians(), log: log, mux: http.NewServeMux(), relay: newRelay()}
	s.mux.HandleFunc("POST "+ReplicatePath, s.replicate)
	s.mux.HandleFunc("POST "+DevicePollPath, s.devicePoll)
	s.mux.HandleFunc("GET /v1/devices", s.listDevices)
	s.mux.HandleFunc("/v1/devices/{device}/api/v1/{rest...}", s.relayAPI)
	s.mux.HandleFunc("GET /v1/patients/{id}/fhir", s.patientFHIR)
	s.mux.HandleFunc("GET /v1/audit", s.auditLog)
	return s
}

// Clinicians is the table of clinicians' tokens the hub's clinician
// endpoints authenticate with (empty at first: every request 401).
func (s *Server) Clinicians() *Clinicians { return s.clinicians }

// SetClinicians makes c the table of clinicians' tokens (before serving).
func (s *Server) SetClinicians(c *Clinicians) { s.clinicians = c }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// authenticate returns the device of the request's bearer token.
func (s *Server) authenticate(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return "", false
	}
	return s.tokens.Device(strings.TrimSpace(tok))
}

func (s *Server) replicate(w http.ResponseWriter, r *http.Request) {
	device, ok := s.authenticate(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="chiron-hub"`)
		writeJSON(w, http.StatusUnauthorized, Refusal{Error: "unknown or revoked device token"})
		return
	}
	var b store.ReplicaBatch
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBatchBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeJSON(w, http.StatusRequestEntityTooLarge, Refusal{Error: fmt.Sprintf("batch over %d bytes", MaxBatchBytes)})
			return
		}
		writeJSON(w, http.StatusBadRequest, Refusal{Error: "batch: " + err.Error()})
		return
	}
	err := s.store.ApplyReplica(r.Context(), device, &b)
	var fe *rehab.FieldError
	var gap *store.GapError
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, Ack{Patients: len(b.Patients), Sessions: len(b.Sessions), Samples: len(b.Samples)})
	case errors.As(err, &fe):
		writeJSON(w, http.StatusBadRequest, Refusal{Error: err.Error(), Field: fe.Field})
	case errors.As(err, &gap):
		writeJSON(w, http.StatusConflict, Refusal{Error: err.Error(), Session: gap.Session, Have: gap.Have, Gap: true})
	case errors.Is(err, store.ErrReplicaOwner):
		writeJSON(w, http.StatusConflict, Refusal{Error: err.Error()})
	default:
		s.log.Error("hub: batch not written", "device", device, "err", err)
		writeJSON(w, http.StatusInternalServerError, Refusal{Error: "batch not written; retry"})
	}
}
