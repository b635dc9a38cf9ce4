package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/chiron-robotics/chiron/rehab"
)

// MaxBodyBytes bounds a request body.
const MaxBodyBytes = 1 << 20

// RequestError is a client error: HTTP 400 naming the field at fault.
type RequestError struct {
	Field string
	Msg   string
}

func (e *RequestError) Error() string {
	if e.Field == "" {
		return e.Msg
	}
	return e.Field + ": " + e.Msg
}

// decodeStrict decodes exactly one JSON value from r into v, refusing
// unknown fields and trailing data.
func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &RequestError{Msg: "trailing data after the JSON object"}
	}
	return nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &syn):
		return &RequestError{Msg: fmt.Sprintf("malformed JSON at byte %d: %v", syn.Offset, syn)}
	case errors.As(err, &typ):
		return &RequestError{Field: typ.Field, Msg: fmt.Sprintf("want %s, got JSON %s", typ.Type, typ.Value)}
	case errors.Is(err, io.EOF):
		return &RequestError{Msg: "empty body: want a JSON object"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &RequestError{Msg: "truncated JSON"}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &RequestError{Field: f, Msg: "unknown field"}
	case errors.As(err, &tooBig):
		return &RequestError{Msg: fmt.Sprintf("body larger than %d bytes", tooBig.Limit)}
	}
	return &RequestError{Msg: err.Error()}
}

// fieldError turns a validation error into a RequestError.
func fieldError(err error, prefix string) error {
	var fe *rehab.FieldError
	if errors.As(err, &fe) {
		return &RequestError{Field: prefix + fe.Field, Msg: fe.Msg}
	}
	return err
}

// PatientRequest is the body of POST /patients.
type PatientRequest struct {
	ID           string             `json:"id"`
	Height       float64            `json:"height"` // m
	Mass         float64            `json:"mass"`   // kg
	AffectedSide rehab.Side         `json:"affected_side"`
	Limits       []rehab.JointLimit `json:"limits"`
}

// DecodePatient decodes and validates a PatientRequest.
func DecodePatient(r io.Reader) (rehab.Patient, error) {
	var req PatientRequest
	if err := decodeStrict(r, &req); err != nil {
		return rehab.Patient{}, err
	}
	// Said before the general check: an ID with spaces ("John Smith
	// 1950-03-02") would otherwise be refused for its characters, and the
	// clinician would fix the spaces and keep the name.
	if err := CheckPseudonym("id", req.ID); err != nil {
		return rehab.Patient{}, err
	}
	p := rehab.Patient{ID: req.ID, Height: req.Height, Mass: req.Mass, AffectedSide: req.AffectedSide, Limits: req.Limits}
	if err := p.Validate(); err != nil {
		return rehab.Patient{}, fieldError(err, "")
	}
	return p, nil
}

// SessionRequest is the body of POST /sessions.
type SessionRequest struct {
	PatientID string          `json:"patient_id"`
	Protocol  *rehab.Protocol `json:"protocol"`
}

// DecodeSession decodes a SessionRequest and validates what it can without
// the patient (the store checks the joints against the patient's limits).
func DecodeSession(r io.Reader) (SessionRequest, error) {
	var req SessionRequest
	if err := decodeStrict(r, &req); err != nil {
		return req, err
	}
	if !rehab.ValidID(req.PatientID) {
		return req, &RequestError{Field: "patient_id", Msg: "want a patient id"}
	}
	if req.Protocol == nil {
		return req, &RequestError{Field: "protocol", Msg: "required"}
	}
	if err := req.Protocol.Validate(nil); err != nil {
		return req, fieldError(err, "protocol.")
	}
	return req, nil
}
