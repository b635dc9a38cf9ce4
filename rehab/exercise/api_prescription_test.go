package exercise_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/api"
	"github.com/chiron-robotics/chiron/rehab/exercise"
	"github.com/chiron-robotics/chiron/rehab/patientsim"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/teleop"
)

// inRadians matches an angle given in radians ("1.92 rad"), not a unit
// per radian or a speed given as typed with its degrees.
var inRadians = regexp.MustCompile(`[0-9] rad([^/]|$)`)

// Issue 14, item 3: a prescription the simulated robot cannot run is
// refused when the session is created — 400 naming the field, angles in
// degrees — not with a 422 when it starts.
func TestAPIRefusesBadPrescriptionsAtCreation(t *testing.T) {
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
	srv, err := api.New(api.Options{Store: st, Tokens: tokens, Runner: exercise.NewSimRunner(exercise.SimConfig{Seed: 1}), Robot: "sim-lower-limb"})
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path, body string) (int, []byte) {
		t.Helper()
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer c-tok")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		b, _ := io.ReadAll(rec.Result().Body)
		return rec.Code, b
	}
	// Recorded as the clinician page records them: degrees typed, sent as
	// radians (−20°…110° at the hip, 0°…120° at the knee).
	for _, p := range []string{
		`{"id":"P-1","height":1.75,"mass":75,"affected_side":"left","limits":[
			{"joint":"hip_flexion","rom_min":-0.3490658503988659,"rom_max":1.9198621771937625,"max_torque":40,"max_speed":1.5},
			{"joint":"knee_flexion","rom_min":0,"rom_max":2.0943951023931953,"max_torque":32,"max_speed":2}]}`,
		// An arm joint recorded for a patient of the lower-limb robot.
		`{"id":"P-ARM","height":1.75,"mass":75,"affected_side":"left","limits":[
			{"joint":"hip_flexion","rom_min":-0.3,"rom_max":1.9,"max_torque":40,"max_speed":1.5},
			{"joint":"elbow_flexion","rom_min":0,"rom_max":2.0,"max_torque":20,"max_speed":2}]}`,
	} {
		if code, b := do("POST", "/api/v1/patients", p); code != 201 {
			t.Fatalf("patient: %d %s", code, b)
		}
	}
	session := func(patient, ex string) string {
		return `{"patient_id":"` + patient + `","protocol":{"name":"x","exercises":[` + ex + `]}}`
	}
	for _, tc := range []struct {
		name, patient, exercise string
		field                   string
		msg                     []string // substrings of the message
	}{
		{"joint the robot lacks", "P-ARM", `{"mode":"passive","joints":["elbow_flexion"],"repetitions":5,"assistance":1}`,
			"protocol.exercises[0].joints[0]", []string{`has no joint "elbow_flexion"`, "hip_flexion, knee_flexion"}},
		{"patient's joint the robot lacks", "P-ARM", `{"mode":"passive","joints":["hip_flexion"],"repetitions":5,"assistance":1}`,
			"patient_id", []string{`"elbow_flexion"`, "does not have"}},
		{"unknown mode", "P-1", `{"mode":"yoga","joints":["knee_flexion"],"repetitions":5,"assistance":0}`,
			"protocol.exercises[0].mode", []string{`unknown mode "yoga"`, "passive", "resistive"}},
		{"unknown parameter", "P-1", `{"mode":"passive","joints":["knee_flexion"],"repetitions":5,"assistance":1,"params":{"foo":1}}`,
			"protocol.exercises[0].params.foo", []string{"unknown parameter", "period_s"}},
		{"negative period", "P-1", `{"mode":"passive","joints":["knee_flexion"],"repetitions":5,"assistance":1,"params":{"period_s":-4}}`,
			"protocol.exercises[0].params.period_s", []string{"−4 s is outside 2 s…600 s"}},
		{"period too short", "P-1", `{"mode":"active-assisted","joints":["knee_flexion"],"repetitions":5,"assistance":0.5,"params":{"period_s":0.01}}`,
			"protocol.exercises[0].params.period_s", []string{"0.01 s is outside 2 s…600 s"}},
		{"period too long", "P-1", `{"mode":"passive","joints":["knee_flexion"],"repetitions":5,"assistance":1,"params":{"period_s":3600}}`,
			"protocol.exercises[0].params.period_s", []string{"3600 s is outside"}},
		{"attempt too short", "P-1", `{"mode":"active","joints":["knee_flexion"],"repetitions":5,"assistance":0,"params":{"attempt_s":0.2}}`,
			"protocol.exercises[0].params.attempt_s", []string{"0.2 s is outside 1 s…120 s"}},
		{"peak speed too high", "P-1", `{"mode":"passive","joints":["knee_flexion"],"repetitions":5,"assistance":1,"params":{"peak_speed":10}}`,
			"protocol.exercises[0].params.peak_speed", []string{"10 rad/s (573°/s)"}},
		{"posture beyond the patient's range", "P-1", `{"mode":"passive","joints":["hip_flexion"],"repetitions":5,"assistance":1,"params":{"to":{"hip_flexion":2.2}}}`,
			"protocol.exercises[0].params.to.hip_flexion", []string{"126.1° is outside the patient's range of motion −20°…110°"}},
		{"posture of a joint not exercised", "P-1", `{"mode":"passive","joints":["hip_flexion"],"repetitions":5,"assistance":1,"params":{"from":{"knee_flexion":0.5}}}`,
			"protocol.exercises[0].params.from.knee_flexion", []string{"not one of this exercise's joints"}},
		{"parameter of the wrong type", "P-1", `{"mode":"passive","joints":["knee_flexion"],"repetitions":5,"assistance":1,"params":{"period_s":"4"}}`,
			"protocol.exercises[0].params.period_s", []string{"want float64"}},
		{"unknown corridor space", "P-1", `{"mode":"path-guidance","joints":["knee_flexion"],"repetitions":5,"assistance":0.2,"params":{"space":"polar"}}`,
			"protocol.exercises[0].params.space", []string{`"polar"`}},
		{"second exercise", "P-1", `{"mode":"passive","joints":["knee_flexion"],"repetitions":5,"assistance":1},{"mode":"resistive","joints":["knee_flexion"],"repetitions":5,"assistance":0,"params":{"viscous":-5}}`,
			"protocol.exercises[1].params.viscous", []string{"−5 N·m·s/rad is outside"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, b := do("POST", "/api/v1/sessions", session(tc.patient, tc.exercise))
			var e struct{ Error, Field string }
			if err := json.Unmarshal(b, &e); err != nil || code != 400 || e.Field != tc.field {
				t.Fatalf("%d %s, want 400 naming %s", code, b, tc.field)
			}
			for _, m := range tc.msg {
				if !strings.Contains(e.Error, m) {
					t.Errorf("message %q lacks %q", e.Error, m)
				}
			}
			if inRadians.MatchString(e.Error) {
				t.Errorf("message %q in radians", e.Error)
			}
		})
	}
	// What the page sends by default is accepted.
	for _, ex := range []string{
		`{"mode":"passive","joints":["hip_flexion","knee_flexion"],"repetitions":5,"assistance":1,"params":{"period_s":4,"hold_s":0.5}}`,
		`{"mode":"active-assisted","joints":["hip_flexion","knee_flexion"],"repetitions":5,"assistance":0.5,"params":{"period_s":4,"hold_s":0.5}}`,
		`{"mode":"active","joints":["knee_flexion"],"repetitions":5,"assistance":0}`,
		`{"mode":"resistive","joints":["knee_flexion"],"repetitions":5,"assistance":0,"params":{"viscous":5}}`,
		`{"mode":"path-guidance","joints":["hip_flexion","knee_flexion"],"repetitions":5,"assistance":0.2,"params":{"width":0.05235987755982988}}`,
	} {
		if code, b := do("POST", "/api/v1/sessions", session("P-1", ex)); code != 201 {
			t.Errorf("%s: %d %s", ex, code, b)
		}
	}
}

// Issue 14, item 1 through the API: a session the supervisor stops ends
// on its own, stopped, with the reason stored with it; the live view
// carries the runner's notes (the range a torque limit shortened).
func TestAPISessionEndsWithReason(t *testing.T) {
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
	// A patient who kicks: voluntary movements at 4 rad/s, far beyond the
	// 1 rad/s the clinician recorded.
	kicker := func(_ *rehab.Patient, c *kinematics.Chain, seed uint64) (*patientsim.Patient, error) {
		n := c.DoF()
		lower, upper := c.Limits()
		cfg := patientsim.Config{Seed: seed, MaxTorque: []float64{150, 150}, PeakSpeed: 4, Stiffness: []float64{5, 5}, Rest: make([]float64, n)}
		for i := range n {
			cfg.Rest[i] = (lower[i] + upper[i]) / 2
		}
		return patientsim.New(n, cfg)
	}
	type ended struct {
		status rehab.Status
		err    error
	}
	ends := make(chan ended, 1)
	srv, err := api.New(api.Options{Store: st, Tokens: tokens, Robot: "sim-lower-limb",
		Runner: exercise.NewSimRunner(exercise.SimConfig{Seed: 1, Patient: kicker}),
		OnEnd:  func(_ string, s rehab.Status, err error) { ends <- ended{s, err} }})
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
	do("POST", "/api/v1/patients", `{"id":"P-K","height":1.75,"mass":75,"affected_side":"left","limits":[
		{"joint":"hip_flexion","rom_min":-0.3490658503988659,"rom_max":1.9198621771937625,"max_torque":40,"max_speed":1},
		{"joint":"knee_flexion","rom_min":0,"rom_max":2.0943951023931953,"max_torque":32,"max_speed":1}]}`, 201)
	var sess rehab.Session
	if err := json.Unmarshal(do("POST", "/api/v1/sessions", `{"patient_id":"P-K","protocol":{"name":"k","exercises":[
		{"mode":"passive","joints":["hip_flexion","knee_flexion"],"repetitions":1,"assistance":1,"params":{"period_s":8}},
		{"mode":"active","joints":["knee_flexion"],"repetitions":20,"assistance":0}]}}`, 201), &sess); err != nil {
		t.Fatal(err)
	}
	do("POST", "/api/v1/sessions/"+sess.ID+"/start", "", 200)
	select {
	case e := <-ends:
		if e.status != rehab.StatusStopped || e.err == nil {
			t.Fatalf("ended %s: %v", e.status, e.err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("session did not end")
	}
	var got rehab.Session
	if err := json.Unmarshal(do("GET", "/api/v1/sessions/"+sess.ID, "", 200), &got); err != nil {
		t.Fatal(err)
	}
	if got.Status != rehab.StatusStopped || !strings.Contains(got.EndReason, "protective stop") || !strings.Contains(got.EndReason, "°/s") {
		t.Fatalf("session %s, end reason %q", got.Status, got.EndReason)
	}
	if html := string(do("GET", "/api/v1/sessions/"+sess.ID+"/report.html", "", 200)); !strings.Contains(html, "Ended early:</strong> protective stop") {
		t.Errorf("report page does not say why the session ended:\n%s", html)
	}
	var live api.LiveView
	if err := json.Unmarshal(do("GET", "/api/v1/sessions/"+sess.ID+"/live", "", 200), &live); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range live.Notes {
		texts = append(texts, n.Text)
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "range shortened by the torque limit") || !strings.Contains(all, got.EndReason) {
		t.Fatalf("notes:\n%s", all)
	}
}
