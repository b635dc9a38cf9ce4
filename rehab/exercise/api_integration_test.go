package exercise_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/api"
	"github.com/chiron-robotics/chiron/rehab/exercise"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/rehab/store/storetest"
	"github.com/chiron-robotics/chiron/teleop"
)

// The clinicians' API runs a prescribed session on the simulated robot
// through SimRunner, end to end: patient and session records, start, the
// samples stored by the API's batcher, and the report computed from them.
// It runs on SQLite and, when CHIRON_TEST_POSTGRES is set, on PostgreSQL;
// after the completed session it checks the FHIR bundle's structure, and a
// second session is stopped mid-way.
func TestClinicianAPIOnSimulatedRobot(t *testing.T) {
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		testClinicianAPI(t, filepath.Join(t.TempDir(), "rehab.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		testClinicianAPI(t, storetest.PostgresDSN(t))
	})
}

func testClinicianAPI(t *testing.T, dsn string) {
	st, err := store.Open(t.Context(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tokens, err := teleop.ParseTokens(strings.NewReader("clinician c-tok\n"))
	if err != nil {
		t.Fatal(err)
	}
	type ended struct {
		status rehab.Status
		err    error
	}
	ends := make(chan ended, 2)
	srv, err := api.New(api.Options{Store: st, Tokens: tokens, Runner: exercise.NewSimRunner(exercise.SimConfig{Seed: 1}), Robot: "sim-lower-limb",
		OnEnd: func(_ string, s rehab.Status, err error) { ends <- ended{s, err} }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	do := func(method, path, body string, want int) []byte {
		t.Helper()
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer c-tok")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		b, _ := io.ReadAll(rec.Result().Body)
		if rec.Code != want {
			t.Fatalf("%s %s: %d %s", method, path, rec.Code, b)
		}
		return b
	}
	do("POST", "/api/v1/patients", `{"id":"P-0042","height":1.75,"mass":72.5,"affected_side":"left","limits":[
		{"joint":"left_hip","rom_min":-0.2,"rom_max":1.0,"max_torque":40,"max_speed":1.5},
		{"joint":"left_knee","rom_min":0,"rom_max":1.4,"max_torque":30,"max_speed":2}]}`, 201)
	var sess rehab.Session
	if err := json.Unmarshal(do("POST", "/api/v1/sessions", `{"patient_id":"P-0042","protocol":{"name":"knee","exercises":[
		{"mode":"passive","joints":["left_knee"],"repetitions":2,"assistance":1,"params":{"period_s":3}},
		{"mode":"active-assisted","joints":["left_knee"],"repetitions":2,"assistance":0.4}]}}`, 201), &sess); err != nil {
		t.Fatal(err)
	}
	do("POST", "/api/v1/sessions/"+sess.ID+"/start", "", 200)
	select {
	case e := <-ends:
		if e.status != rehab.StatusCompleted || e.err != nil {
			t.Fatalf("session ended %s: %v", e.status, e.err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("session did not end")
	}
	var rep struct {
		Exercises []struct {
			Prescribed int `json:"repetitions_prescribed"`
			Done       int `json:"repetitions_done"`
		} `json:"exercises"`
		Reps []struct {
			Exercise int `json:"exercise"`
			Joints   []struct {
				Joint string  `json:"joint"`
				ROM   float64 `json:"rom_deg"`
			} `json:"joints"`
		} `json:"repetition_metrics"`
	}
	b := do("GET", "/api/v1/sessions/"+sess.ID+"/report", "", 200)
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Exercises) != 2 || len(rep.Reps) != 4 {
		t.Fatalf("report: %s", b)
	}
	for i, e := range rep.Exercises {
		if e.Done != e.Prescribed || e.Done != 2 {
			t.Errorf("exercise %d: %d of %d repetitions in the report", i, e.Done, e.Prescribed)
		}
	}
	// Passive knee motion over the patient's range with 10 % free at each
	// end: 0.14…1.26 rad, 64°.
	for _, r := range rep.Reps {
		for _, j := range r.Joints {
			if r.Exercise == 0 && j.Joint == "left_knee" && (j.ROM < 62 || j.ROM > 66) {
				t.Errorf("passive knee ROM %.1f° in the report, want 64°", j.ROM)
			}
		}
	}
	checkFHIR(t, do("GET", "/api/v1/sessions/"+sess.ID+"/fhir", "", 200), "P-0042")

	// A long session stopped by the clinician ends stopped, its samples kept.
	var long rehab.Session
	if err := json.Unmarshal(do("POST", "/api/v1/sessions", `{"patient_id":"P-0042","protocol":{"name":"long","exercises":[
		{"mode":"passive","joints":["left_knee"],"repetitions":50,"assistance":1,"params":{"period_s":3}}]}}`, 201), &long); err != nil {
		t.Fatal(err)
	}
	do("POST", "/api/v1/sessions/"+long.ID+"/start", "", 200)
	do("POST", "/api/v1/sessions/"+long.ID+"/stop", "", 200)
	select {
	case e := <-ends:
		if e.status != rehab.StatusStopped {
			t.Fatalf("stopped session ended %s: %v", e.status, e.err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("stopped session did not end")
	}
	var view struct {
		Status rehab.Status `json:"status"`
	}
	if err := json.Unmarshal(do("GET", "/api/v1/sessions/"+long.ID, "", 200), &view); err != nil || view.Status != rehab.StatusStopped {
		t.Fatalf("stopped session reads %q (%v)", view.Status, err)
	}
	do("GET", "/api/v1/sessions/"+long.ID+"/report", "", 200)
}

// checkFHIR checks the bundle's shape as a FHIR R4 consumer relies on it: a
// collection with the patient, the device and range-of-motion Observations
// (SNOMED CT 364564000, degrees in UCUM) whose references resolve inside
// the bundle.
func checkFHIR(t *testing.T, raw []byte, patient string) {
	t.Helper()
	var b struct {
		ResourceType string `json:"resourceType"`
		Type         string `json:"type"`
		Entry        []struct {
			FullURL  string          `json:"fullUrl"`
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(raw, &b); err != nil || b.ResourceType != "Bundle" || b.Type != "collection" {
		t.Fatalf("FHIR: not a collection Bundle (%v): %.200s", err, raw)
	}
	urls := map[string]string{}
	var obs []json.RawMessage
	for _, e := range b.Entry {
		var r struct {
			ResourceType string `json:"resourceType"`
		}
		json.Unmarshal(e.Resource, &r)
		urls[e.FullURL] = r.ResourceType
		if r.ResourceType == "Observation" {
			obs = append(obs, e.Resource)
		}
	}
	if len(obs) == 0 {
		t.Fatalf("FHIR: no Observation in %v", urls)
	}
	for _, o := range obs {
		var ob struct {
			Code struct {
				Coding []struct{ System, Code string } `json:"coding"`
			} `json:"code"`
			Subject    struct{ Reference string } `json:"subject"`
			Device     struct{ Reference string } `json:"device"`
			Components []struct {
				Value struct{ Unit, System, Code string } `json:"valueQuantity"`
			} `json:"component"`
		}
		if err := json.Unmarshal(o, &ob); err != nil {
			t.Fatal(err)
		}
		snomed := false
		for _, c := range ob.Code.Coding {
			snomed = snomed || (c.System == "http://snomed.info/sct" && c.Code == "364564000")
		}
		if !snomed || urls[ob.Subject.Reference] != "Patient" || urls[ob.Device.Reference] != "Device" {
			t.Errorf("FHIR Observation: code %v, subject %q → %q, device %q → %q", ob.Code.Coding,
				ob.Subject.Reference, urls[ob.Subject.Reference], ob.Device.Reference, urls[ob.Device.Reference])
		}
		if len(ob.Components) == 0 {
			t.Errorf("FHIR Observation without active/passive components")
		}
		for _, c := range ob.Components {
			if c.Value.System != "http://unitsofmeasure.org" || c.Value.Code != "deg" {
				t.Errorf("FHIR component in %q/%q, want UCUM deg", c.Value.System, c.Value.Code)
			}
		}
	}
	if !strings.Contains(string(raw), patient) {
		t.Errorf("FHIR bundle does not name patient %s", patient)
	}
}
