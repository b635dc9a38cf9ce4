package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/rehab"
)

// The decoders face the network: whatever the bytes, they return a
// validated value or a RequestError naming what is wrong, never panic,
// and what they accept survives a round trip.

func FuzzCreatePatient(f *testing.F) {
	f.Add([]byte(patientJSON))
	f.Add([]byte(`{"id":"P-1","height":0.5,"mass":10,"affected_side":"none","limits":[{"joint":"j","rom_min":-6.28,"rom_max":6.28,"max_torque":1000,"max_speed":20}]}`))
	f.Add([]byte(`{"id":"P-1","height":1e309}`))
	f.Add([]byte(`{"limits":[{"joint":"a"},{"joint":"a"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := DecodePatient(bytes.NewReader(body))
		if err != nil {
			var re *RequestError
			if !errors.As(err, &re) || re.Msg == "" {
				t.Fatalf("error %T %v is not a RequestError", err, err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("accepted an invalid patient: %v", err)
		}
		again, err := json.Marshal(PatientRequest{ID: p.ID, Height: p.Height, Mass: p.Mass, AffectedSide: p.AffectedSide, Limits: p.Limits})
		if err != nil {
			t.Fatal(err)
		}
		q, err := DecodePatient(bytes.NewReader(again))
		if err != nil || q.ID != p.ID || q.Height != p.Height || len(q.Limits) != len(p.Limits) {
			t.Fatalf("round trip: %+v, %v", q, err)
		}
	})
}

func FuzzCreateSession(f *testing.F) {
	f.Add([]byte(sessionJSON))
	f.Add([]byte(`{"patient_id":"P-1","protocol":{"exercises":[{"mode":"m","repetitions":1,"assistance":0,"params":null}]}}`))
	f.Add([]byte(`{"patient_id":"P-1","protocol":{"exercises":[{"mode":"m","repetitions":1,"params":{"a":[1,2,{"b":"c"}]}}]}} `))
	f.Add([]byte(`{"patient_id":"P-1","protocol":null}`))
	f.Add([]byte(`{"patient_id":"P-1","protocol":{"exercises":[{"mode":"m","repetitions":1e3}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := DecodeSession(bytes.NewReader(body))
		if err != nil {
			var re *RequestError
			if !errors.As(err, &re) || re.Msg == "" {
				t.Fatalf("error %T %v is not a RequestError", err, err)
			}
			if re.Field != "" && strings.ContainsAny(re.Field, "\n\r") {
				t.Fatalf("field %q", re.Field)
			}
			return
		}
		if req.Protocol == nil || !rehab.ValidID(req.PatientID) {
			t.Fatalf("accepted %+v", req)
		}
		if err := req.Protocol.Validate(nil); err != nil {
			t.Fatalf("accepted an invalid protocol: %v", err)
		}
		again, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := DecodeSession(bytes.NewReader(again)); err != nil {
			t.Fatalf("round trip of %s: %v", again, err)
		}
	})
}
