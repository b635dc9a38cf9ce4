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
	"github.com/chiron-robotics/chiron/teleop"
)

// The clinicians' API runs a prescribed session on the simulated robot
// through SimRunner, end to end: patient and session records, start, the
// samples stored by the API's batcher, and the report computed from them.
func TestClinicianAPIOnSimulatedRobot(t *testing.T) {
	t.Parallel()
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "rehab.db"), store.Options{})
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
	ends := make(chan ended, 1)
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
}
