package chiron

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
)

// tokensIn returns the generated tokens serve printed, by role.
func tokensIn(t *testing.T, printed string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^token (\w+) +(\S+)$`).FindAllStringSubmatch(printed, -1) {
		out[m[1]] = m[2]
	}
	if len(out) != 4 {
		t.Fatalf("tokens printed: %v\n%s", out, printed)
	}
	return out
}

// serve mounts the clinicians' API on the console's server: 401 without a
// token, 403 for a viewer, 201 for a clinician creating a patient; the
// records go to --db, and a session a killed process left running shows as
// interrupted after start-up.
func TestServeMountsTheClinicAPIOnItsDB(t *testing.T) {
	db := filepath.Join(t.TempDir(), "clinic", "rehab.db")
	// A previous process started a session and was killed.
	st, err := store.Open(t.Context(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := rehab.Patient{ID: "P-0001", Height: 1.7, Mass: 70, AffectedSide: rehab.SideLeft,
		Limits: []rehab.JointLimit{{Joint: "knee_flexion", ROMMin: 0, ROMMax: 1.4, MaxTorque: 30, MaxSpeed: 2}}}
	old := rehab.Session{ID: "S-killed", PatientID: p.ID, Robot: "lower_limb_exo",
		Protocol: rehab.Protocol{Name: "knee", Exercises: []rehab.Exercise{{Mode: "passive", Repetitions: 1, Assistance: 1}}}}
	if err := st.CreatePatient(t.Context(), &p); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateSession(t.Context(), &old); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Transition(t.Context(), old.ID, rehab.StatusRunning); err != nil {
		t.Fatal(err)
	}
	st.Close()

	out := serveUntilSignal(t, []string{"serve", "--model", "../../robots/lower_limb_exo.urdf", "--sim", "inproc", "--patient", "sim", "--addr", "127.0.0.1:0", "--db", db},
		func(printed string) {
			m := regexp.MustCompile(`(?m)^console (http://\S+)/$`).FindStringSubmatch(printed)
			if m == nil {
				t.Fatalf("no console URL in %s", printed)
			}
			base := m[1]
			tok := tokensIn(t, printed)
			call := func(method, path, token, body string) (int, string) {
				t.Helper()
				req, err := http.NewRequestWithContext(context.Background(), method, base+path, strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if token != "" {
					req.Header.Set("Authorization", "Bearer "+token)
				}
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				return res.StatusCode, string(b)
			}
			for _, c := range []struct {
				method, path, token, body string
				want                      int
			}{
				{"GET", "/api/v1/patients", "", "", 401},
				{"GET", "/api/v1/patients", tok["viewer"], "", 403},
				{"GET", "/api/v1/patients", tok["operator"], "", 403},
				{"POST", "/api/v1/patients", tok["clinician"], `{"id":"P-0042","height":1.75,"mass":72.5,"affected_side":"right",
					"limits":[{"joint":"knee_flexion","rom_min":0.1,"rom_max":1.3,"max_torque":30,"max_speed":1.5}]}`, 201},
				{"POST", "/api/v1/patients", tok["clinician"], `{"id":"P-0043","height":3,"mass":72.5,"affected_side":"right","limits":[]}`, 400},
				{"GET", "/api/v1/patients/P-0042", tok["admin"], "", 200},
			} {
				if code, b := call(c.method, c.path, c.token, c.body); code != c.want {
					t.Errorf("%s %s: %d %s, want %d", c.method, c.path, code, b, c.want)
				}
			}
			if code, b := call("GET", "/api/v1/sessions/S-killed", tok["clinician"], ""); code != 200 || !strings.Contains(b, `"status": "interrupted"`) {
				t.Errorf("the killed session: %d %s, want interrupted", code, b)
			}
			if code, b := call("GET", "/api/v1/robot", tok["clinician"], ""); code != 200 || !strings.Contains(b, "lower_limb_exo") || !strings.Contains(b, "knee_flexion") {
				t.Errorf("/api/v1/robot: %d %s", code, b)
			}
			if code, b := call("GET", "/"+clinicPage, "", ""); code != 200 || !strings.Contains(b, "clinic.js") {
				t.Errorf("/%s: %d %.200s", clinicPage, code, b)
			}
		})
	for _, want := range []string{"clinician console http://127.0.0.1:", "/clinic.html#token=", "marked interrupted: S-killed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// The patient went to --db, private to the user.
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", db, fi.Mode().Perm())
	}
	st, err = store.Open(t.Context(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, err := st.GetPatient(t.Context(), "P-0042"); err != nil || got.AffectedSide != rehab.SideRight {
		t.Errorf("patient in --db: %+v %v", got, err)
	}
}

func TestDefaultDBPathIsPerUserState(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/var/tmp/state")
	if p, err := defaultDBPath(); err != nil || p != "/var/tmp/state/chiron/rehab.db" {
		t.Errorf("with XDG_STATE_HOME: %q %v", p, err)
	}
	t.Setenv("XDG_STATE_HOME", "relative/ignored") // the XDG spec: relative paths are invalid
	t.Setenv("HOME", "/home/clinic")
	if p, err := defaultDBPath(); err != nil || p != "/home/clinic/.local/state/chiron/rehab.db" {
		t.Errorf("without XDG_STATE_HOME: %q %v", p, err)
	}
}

func TestServeRefusesBadClinicFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rehab.db")
	for _, args := range [][]string{
		{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--db", db, "--sessions", "robot"},
		{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--db", db, "--patient", "someone"},
		{"serve", "--model", "../../robots/psm.json", "--rig", "../../rig/testdata/psm-canopen.yaml", "--db", db, "--patient", "sim"},
	} {
		var out, errb strings.Builder
		if code := run(args, nil, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errb.String())
		}
	}
}

func TestRedactDSN(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://chiron:s3cret@db.example:5432/rehab": "postgres://chiron:xxxxx@db.example:5432/rehab",
		"postgres://db.example/rehab":                    "postgres://db.example/rehab",
		"/home/x/rehab.db":                               "/home/x/rehab.db",
	} {
		if got := redactDSN(in); got != want {
			t.Errorf("redactDSN(%q) = %q, want %q", in, got, want)
		}
	}
}
