package api

import (
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/teleop"
)

// GET /me answers every authenticated role, so the clinician page can
// show a viewer no controls; every other route stays clinician/admin.
func TestMe(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		token    string
		role     teleop.Role
		clinical bool
		patients int
	}{
		{"c-tok", teleop.RoleClinician, true, 200},
		{"a-tok", teleop.RoleAdmin, true, 200},
		{"v-tok", teleop.RoleViewer, false, 403},
		{"o-tok", teleop.RoleOperator, false, 403},
	} {
		code, b := f.doAs(c.token, "GET", "/api/v1/me", "")
		if code != 200 {
			t.Fatalf("%s: /me %d %s", c.role, code, b)
		}
		me := decode[Me](t, b)
		if me.Role != c.role || me.Clinical != c.clinical || !strings.HasPrefix(me.Name, string(c.role)+" ") || len(me.Name) != len(c.role)+1+8 {
			t.Errorf("%s: %+v", c.role, me)
		}
		if code, _ := f.doAs(c.token, "GET", "/api/v1/patients", ""); code != c.patients {
			t.Errorf("%s: /patients %d, want %d", c.role, code, c.patients)
		}
		if code, _ := f.doAs(c.token, "POST", "/api/v1/me", ""); code == 200 {
			t.Errorf("%s: POST /me %d", c.role, code)
		}
	}
	if code, _ := f.doAs("", "GET", "/api/v1/me", ""); code != 401 {
		t.Errorf("no token: /me %d", code)
	}
}

// The clinician who starts a session is the therapist its report names:
// their token's name when Options.TokenName knows it, else the token's
// role and fingerprint.
func TestTherapistInReport(t *testing.T) {
	f := newFixture(t)
	f.srv.opts.TokenName = func(tok string) (string, bool) {
		if tok == "a-tok" {
			return "Dr A. Okafor", true
		}
		return "", false
	}
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	for _, c := range []struct{ token, want string }{
		{"a-tok", "Dr A. Okafor"},
		{"c-tok", "clinician "},
	} {
		sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
		base := "/api/v1/sessions/" + sess.ID
		if code, b := f.doAs(c.token, "POST", base+"/start", ""); code != 200 {
			t.Fatalf("start: %d %s", code, b)
		}
		f.runner.Emit(sample(0, 0.1, 1, 0, 1), sample(0.01, 0.2, 1, 0, 1))
		f.want(200, "POST", base+"/stop", "")
		<-f.ends
		rep := decode[map[string]any](t, f.want(200, "GET", base+"/report", ""))
		if who, _ := rep["therapist"].(string); !strings.HasPrefix(who, c.want) {
			t.Errorf("therapist %q, want %q…", who, c.want)
		}
		if rep["patient_height_m"] != 1.75 || rep["patient_mass_kg"] != 72.5 || rep["affected_side"] != string(rehab.SideLeft) {
			t.Errorf("patient in the report: %v %v %v", rep["patient_height_m"], rep["patient_mass_kg"], rep["affected_side"])
		}
		html := string(f.want(200, "GET", base+"/report.html", ""))
		for _, want := range []string{"Therapist</th><td>" + c.want, "Patient (pseudonym)</th><td>P-0042", "@media print"} {
			if !strings.Contains(html, want) {
				t.Errorf("report.html lacks %q", want)
			}
		}
	}
	// Never started: nobody to name.
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	if rep := decode[map[string]any](t, f.want(200, "GET", "/api/v1/sessions/"+sess.ID+"/report", "")); rep["therapist"] != nil {
		t.Errorf("therapist %v of a session never started", rep["therapist"])
	}
}

// An ID that is a name with a birth date is refused (400 naming "id");
// pseudonyms pass.
func TestPseudonymCheck(t *testing.T) {
	f := newFixture(t)
	body := func(id string) string { return strings.Replace(patientJSON, `"P-0042"`, `"`+id+`"`, 1) }
	for _, id := range []string{
		"John Smith 1950-03-02",
		"smith_j_020350",
		"John_Smith_1950-01-01",
		"jsmith.02.03.1950",
		"Smith-19500302",
		"doe_jane_3-2-50",
		"Müller_Anna_02.03.1950",
		"1950-03-02_smith",
	} {
		code, b := f.do("POST", "/api/v1/patients", body(id))
		e := decode[errorBody](t, b)
		if code != 400 || e.Field != "id" || !strings.Contains(e.Error, "pseudonym") {
			t.Errorf("%q: %d %+v, want 400 naming id", id, code, e)
		}
	}
	for _, id := range []string{
		"P-0042", "P-7", "PT-000123", "P-20260115-3", "KNEE-0042", "rehab.site3.0042", "S01-2026-017",
		"ABC-1234-5678", "X-123456", "A0B1C2", "2026-0042",
	} {
		if code, b := f.do("POST", "/api/v1/patients", body(id)); code != 201 {
			t.Errorf("pseudonym %q refused: %d %s", id, code, b)
		}
	}
}
