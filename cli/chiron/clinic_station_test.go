package chiron

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/robot"
	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/robotloop"
)

// TestClinicSessionOnServedExo runs a clinician's session through /api/v1
// on the robot the console serves — the demo's lower-limb exoskeleton worn
// by a simulated patient — through its drivers, on every protocol: the
// session claims the exoskeleton (the console's operator is refused
// meanwhile), runs the prescription's controllers under the patient's
// limits on the served loop, its samples are what the drives measured (the
// simulated plant behind the drives moved through the range the report
// gives), and when it ends the exoskeleton is handed back in its own
// configuration, still holding the limb.
//
// Soft real time (a 1 kHz loop on the wall clock, for the length of a
// session): make test runs it on its own with the demo tests
// (CHIRON_MAKE_RUN_TEST=1).
func TestClinicSessionOnServedExo(t *testing.T) {
	if os.Getenv("CHIRON_MAKE_RUN_TEST") == "" {
		t.Skip("runs real-time sessions on served robots: make test runs it on its own (CHIRON_MAKE_RUN_TEST=1)")
	}
	for _, proto := range []string{robot.ProtocolCubeMars, robot.ProtocolCANopen, robot.ProtocolDynamixel} {
		t.Run(proto, func(t *testing.T) { testClinicSessionOnServedExo(t, proto) })
	}
}

func testClinicSessionOnServedExo(t *testing.T, proto string) {
	tokens, err := teleop.ParseTokens(strings.NewReader("clinician c-tok\noperator o-tok\n"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	cl, err := openClinic(ctx, clinicOptions{DB: filepath.Join(t.TempDir(), "rehab.db"), Robot: "exo", Sessions: true}, tokens, nil)
	if err != nil {
		t.Fatal(err)
	}
	specs := demoSpecs(filepath.Join("..", "..", "robots"), proto, proto, 1000)[1:]
	st, err := newStack(specs, stackOptions{Addr: "127.0.0.1:0", Tokens: tokens, Clinic: cl, EnableOnStart: true})
	if err != nil {
		t.Fatal(err)
	}
	exo, op := st.rigs[0], st.robots[0]
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- st.run(ctx, func(a string) { addr <- a }) }()
	base := "http://" + <-addr
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("stack: %v", err)
		}
	}()
	snap := exo.Loop().NewSnapshot()
	waitUntil(t, "the exoskeleton enabled", func() bool {
		exo.Snapshot(snap)
		return snap.State == control.Enabled
	})

	call := apiCaller(t, ctx, base, "c-tok")
	call("POST", "/api/v1/patients", `{"id":"P-0042","height":1.75,"mass":75,"affected_side":"left","limits":[
		{"joint":"hip_flexion","rom_min":-0.1,"rom_max":0.8,"max_torque":60,"max_speed":1.5},
		{"joint":"knee_flexion","rom_min":0.1,"rom_max":1.3,"max_torque":40,"max_speed":2}]}`, 201)
	var sess struct{ ID string }
	if err := json.Unmarshal(call("POST", "/api/v1/sessions", `{"patient_id":"P-0042","protocol":{"name":"knee","exercises":[
		{"mode":"passive","joints":["knee_flexion"],"repetitions":2,"assistance":1,"params":{"period_s":3}}]}}`, 201), &sess); err != nil {
		t.Fatal(err)
	}
	call("POST", "/api/v1/sessions/"+sess.ID+"/start", "", 200)

	// While it runs: the session owns the exoskeleton and its loop runs
	// the session's controllers; the plant behind the drives moves.
	if err := op.Command(&teleop.Command{Seq: 1, Deadman: true}); !errors.Is(err, robotloop.ErrClaimed) {
		t.Errorf("an operator's command during the session: %v, want refused (robot in use)", err)
	}
	if err := op.Enable(); !errors.Is(err, robotloop.ErrClaimed) {
		t.Errorf("an operator's Enable during the session: %v, want refused", err)
	}
	plant := exo.Sim().Plant()
	lo, hi := math.Inf(1), math.Inf(-1)
	var status string
	sawSessionController := false
	deadline := time.Now().Add(60 * time.Second)
	poll := time.NewTicker(20 * time.Millisecond) // probes the plant as a sensor would
	defer poll.Stop()
	for ; time.Now().Before(deadline); <-poll.C {
		exo.Sim().Lock()
		q := plant.Position()[1]
		exo.Sim().Unlock()
		lo, hi = math.Min(lo, q), math.Max(hi, q)
		exo.Snapshot(snap)
		if snap.Controller != "joint-pd" && snap.State == control.Enabled {
			sawSessionController = true
		}
		var v struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal(call("GET", "/api/v1/sessions/"+sess.ID, "", 200), &v); err != nil {
			t.Fatal(err)
		}
		if status = v.Status; status != "running" && status != "created" {
			break
		}
	}
	if status != "completed" {
		t.Fatalf("session %s (want completed): %s", status, call("GET", "/api/v1/sessions/"+sess.ID, "", 200))
	}
	if !sawSessionController {
		t.Error("the served loop never ran the session's controllers")
	}
	var rep struct {
		Exercises []struct {
			Prescribed int `json:"repetitions_prescribed"`
			Done       int `json:"repetitions_done"`
		} `json:"exercises"`
		Reps []struct {
			Joints []struct {
				Joint string  `json:"joint"`
				ROM   float64 `json:"rom_deg"`
			} `json:"joints"`
		} `json:"repetition_metrics"`
	}
	b := call("GET", "/api/v1/sessions/"+sess.ID+"/report", "", 200)
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Exercises) != 1 || rep.Exercises[0].Done != 2 {
		t.Fatalf("report: %s", b)
	}
	// The samples are the drives' measurements: the knee's range in the
	// report is the range the plant behind the drives went through.
	plantROM := (hi - lo) * 180 / math.Pi
	for _, r := range rep.Reps {
		for _, j := range r.Joints {
			if j.Joint == "knee_flexion" && math.Abs(j.ROM-plantROM) > 3 {
				t.Errorf("knee ROM %.1f° in the report, the plant moved %.1f°", j.ROM, plantROM)
			}
		}
	}
	if plantROM < 50 {
		t.Errorf("the plant's knee moved %.1f°, want the prescribed passive range (about 58°)", plantROM)
	}
	// Handed back: the exoskeleton's own controllers, Enabled, holding
	// the limb; the console's operator may command it again.
	handedBack := func() bool {
		exo.Snapshot(snap)
		return exo.Owner() == "" && snap.Controller == "joint-pd" && snap.State == control.Enabled
	}
	for end := time.Now().Add(padFailAfter); !handedBack(); <-poll.C {
		if time.Now().After(end) {
			var log strings.Builder
			for _, e := range snap.Events(nil) {
				fmt.Fprintf(&log, "\n  %v", e)
			}
			t.Fatalf("not handed back: owner %q, controller %s, %s (%s); the supervisor's log:%s",
				exo.Owner(), snap.Controller, snap.State, snap.Reason, log.String())
		}
	}
	if err := op.Command(&teleop.Command{Seq: 2, Hold: true}); err != nil {
		t.Errorf("an operator's hold after the session: %v", err)
	}
	fmt.Fprintf(os.Stderr, "%s: session completed, plant knee ROM %.1f°\n", proto, plantROM)
}

// TestServeRigRunsClinicSession runs a clinician's session on `chiron serve
// --rig` — the lower-limb exoskeleton's drives as a rig file describes them
// — against `chiron firmware-sim` run as a separate process, as on a real
// exoskeleton: the session is prescribed and started through /api/v1, runs
// on the served loop through the CANopen host driver, completes, and its
// report shows the prescribed passive range, measured by the drives.
//
// Soft real time: make test runs it with the demo tests
// (CHIRON_MAKE_RUN_TEST=1).
func TestServeRigRunsClinicSession(t *testing.T) {
	if os.Getenv("CHIRON_MAKE_RUN_TEST") == "" {
		t.Skip("runs a real-time session against a firmware-sim process: make test runs it on its own (CHIRON_MAKE_RUN_TEST=1)")
	}
	dir := t.TempDir()
	model := filepath.Join("..", "..", "robots", "lower_limb_exo.urdf")
	link := startFirmwareSim(t, buildChiron(t), "--model", model, "--protocol", "canopen")
	rigFile := rigFileFor(t, "lower-limb-exo-canopen.yaml", "/dev/ttyACM0", link)
	serveUntilSignal(t, []string{"serve", "--model", model, "--rig", rigFile, "--addr", "127.0.0.1:0",
		"--db", filepath.Join(dir, "rehab.db")}, func(printed string) {
		base := strings.TrimSuffix(fieldAfter(printed, "console "), "/")
		tok := tokensIn(t, printed)["clinician"]
		if base == "" || tok == "" {
			t.Fatalf("no console URL or clinician token in:\n%s", printed)
		}
		call := apiCaller(t, t.Context(), base, tok)
		// The exoskeleton rests with the leg hanging (hip and knee at 0°),
		// inside this patient's range: a session can enable there.
		call("POST", "/api/v1/patients", `{"id":"P-0007","height":1.75,"mass":75,"affected_side":"right","limits":[
			{"joint":"hip_flexion","rom_min":-0.1,"rom_max":0.8,"max_torque":60,"max_speed":1.5},
			{"joint":"knee_flexion","rom_min":0,"rom_max":1.3,"max_torque":40,"max_speed":2}]}`, 201)
		var sess struct{ ID string }
		if err := json.Unmarshal(call("POST", "/api/v1/sessions", `{"patient_id":"P-0007","protocol":{"name":"knee","exercises":[
			{"mode":"passive","joints":["knee_flexion"],"repetitions":2,"assistance":1,"params":{"period_s":3}}]}}`, 201), &sess); err != nil {
			t.Fatal(err)
		}
		call("POST", "/api/v1/sessions/"+sess.ID+"/start", "", 200)
		var view struct {
			Status    string `json:"status"`
			EndReason string `json:"end_reason"`
		}
		poll := time.NewTicker(100 * time.Millisecond)
		defer poll.Stop()
		for end := time.Now().Add(60 * time.Second); time.Now().Before(end); <-poll.C {
			if err := json.Unmarshal(call("GET", "/api/v1/sessions/"+sess.ID, "", 200), &view); err != nil {
				t.Fatal(err)
			}
			if view.Status != "running" && view.Status != "created" {
				break
			}
		}
		if view.Status != "completed" {
			t.Fatalf("session %s (%s), want completed", view.Status, view.EndReason)
		}
		var rep struct {
			Reps []struct {
				Joints []struct {
					Joint string  `json:"joint"`
					ROM   float64 `json:"rom_deg"`
				} `json:"joints"`
			} `json:"repetition_metrics"`
		}
		b := call("GET", "/api/v1/sessions/"+sess.ID+"/report", "", 200)
		if err := json.Unmarshal(b, &rep); err != nil || len(rep.Reps) != 2 {
			t.Fatalf("report (%v): %s", err, b)
		}
		for _, r := range rep.Reps {
			for _, j := range r.Joints {
				// Passive over 0…1.3 rad with 10 % free at each end:
				// 0.13…1.17 rad, 59.6°.
				if j.Joint == "knee_flexion" && (j.ROM < 55 || j.ROM > 64) {
					t.Errorf("knee ROM %.1f° measured through the drives, want about 60°", j.ROM)
				}
			}
		}
	})
}

// apiCaller returns a client of the clinicians' API at base that signs in
// with token and fails the test on a status other than the one wanted.
func apiCaller(t *testing.T, ctx context.Context, base, token string) func(method, path, body string, want int) []byte {
	return func(method, path, body string, want int) []byte {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, method, base+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != want {
			t.Fatalf("%s %s: %d %s, want %d", method, path, res.StatusCode, b, want)
		}
		return b
	}
}
