package hub

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
)

// TestClinicianScopeAndAudit: a clinician reads the FHIR bundle of their
// own patient only; every export and every refusal of scope is in the audit
// log, which only a clinician with every patient in scope reads; bad
// periods are refused naming the parameter; an unknown or revoked token
// is 401.
func TestClinicianScopeAndAudit(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, hubDSN(t))
	defer st.Close()
	for _, p := range []string{"P-1", "P-2"} {
		if err := st.CreatePatient(ctx, testPatient(p)); err != nil {
			t.Fatal(err)
		}
		id := "S-" + p
		if err := st.CreateSession(ctx, testSession(id, p)); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Transition(ctx, id, rehab.StatusRunning); err != nil {
			t.Fatal(err)
		}
		if err := st.AppendSamples(ctx, id, testSamples(50, 0)); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := ReadClinicians(strings.NewReader(
		"dr-ruiz "+token("dr-ruiz")+" P-1\nrecords "+token("records")+" *\n"), "clinicians")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(st, NewTokens(), nil)
	srv.Clinicians().Replace(cs)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	get := func(who, path string) (int, string) {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		if who != "" {
			req.Header.Set("Authorization", "Bearer "+token(who))
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	from := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	code, body := get("dr-ruiz", "/v1/patients/P-1/fhir?from="+from)
	if code != 200 {
		t.Fatalf("own patient: %d %s", code, body)
	}
	var b struct {
		ResourceType string
		Entry        []json.RawMessage
	}
	if err := json.Unmarshal([]byte(body), &b); err != nil || b.ResourceType != "Bundle" || len(b.Entry) == 0 || strings.Contains(body, "P-2") {
		t.Fatalf("bundle (%v): %.300s", err, body)
	}
	for _, c := range []struct {
		who, path string
		code      int
		want      string
	}{
		{"dr-ruiz", "/v1/patients/P-2/fhir?from=" + from, 403, "patient P-2 is not one of clinician dr-ruiz's patients"},
		{"dr-ruiz", "/v1/audit?from=2026-01-01", 403, "may not read the audit log"},
		{"dr-ruiz", "/v1/patients/P-1/fhir", 400, `"field":"from"`},
		{"dr-ruiz", "/v1/patients/P-1/fhir?from=yesterday", 400, `from: \"yesterday\" is neither`},
		{"dr-ruiz", "/v1/patients/P-1/fhir?from=2026-12-01&to=2026-11-01", 400, `"field":"to"`},
		{"records", "/v1/patients/P-9/fhir?from=2026-01-01", 404, "no patient P-9"},
		{"", "/v1/patients/P-1/fhir?from=2026-01-01", 401, "unknown or revoked clinician token"},
		{"home-1", "/v1/patients/P-1/fhir?from=2026-01-01", 401, "unknown or revoked"},
	} {
		if code, body := get(c.who, c.path); code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s %s: %d %s, want %d %q", c.who, c.path, code, body, c.code, c.want)
		}
	}
	code, body = get("records", "/v1/audit?from=2026-01-01")
	var log []store.AuditEntry
	if err := json.Unmarshal([]byte(body), &log); code != 200 || err != nil {
		t.Fatalf("audit log: %d %v %s", code, err, body)
	}
	var got []string
	for _, e := range log {
		got = append(got, e.Actor+" "+e.Action+" "+e.Subject)
	}
	want := []string{"dr-ruiz export-fhir patient P-1", "dr-ruiz refused patient P-2", "dr-ruiz refused audit log"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("audit log %q, want %q", got, want)
	}
	// Revoked: the table without dr-ruiz.
	delete(cs, token("dr-ruiz"))
	srv.Clinicians().Replace(cs)
	if code, _ := get("dr-ruiz", "/v1/patients/P-1/fhir?from="+from); code != 401 {
		t.Errorf("a revoked clinician: %d", code)
	}
}

func TestReadClinicians(t *testing.T) {
	cs, err := ReadClinicians(strings.NewReader("# ward 3\ndr-a "+token("a")+" P-1,P-2\nrecords "+token("r")+" *\n"), "c")
	if err != nil {
		t.Fatal(err)
	}
	if a := cs[token("a")]; a == nil || a.ID != "dr-a" || !a.May("P-2") || a.May("P-3") || a.All {
		t.Errorf("dr-a: %+v", a)
	}
	if r := cs[token("r")]; r == nil || !r.All || !r.May("P-9") {
		t.Errorf("records: %+v", r)
	}
	for _, c := range []struct{ in, want string }{
		{"dr-a " + token("a") + "\n", "c:1: want \"CLINICIAN-ID TOKEN PATIENT[,PATIENT…]|*\", got 2 fields"},
		{"dr-a short P-1\n", "c:1: token of clinician dr-a: 5 bytes"},
		{"dr-a " + token("a") + " P-1,,P-2\n", `c:1: clinician dr-a: patient id ""`},
		{"dr-a " + token("a") + " P-1\ndr-a " + token("b") + " P-2\n", "c:2: clinician dr-a listed again (first on line 1)"},
		{"dr-a " + token("a") + " P-1\ndr-b " + token("a") + " P-2\n", "c:2: clinician dr-b has the token of clinician dr-a"},
	} {
		if _, err := ReadClinicians(strings.NewReader(c.in), "c"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
}

func FuzzReadClinicians(f *testing.F) {
	f.Add("dr-a " + token("a") + " P-1,P-2\n")
	f.Add("records " + token("r") + " *\n# x\n")
	f.Add("a b c d\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ReadClinicians(strings.NewReader(in), "f")
		if err != nil {
			return
		}
		for tok, c := range cs {
			if len(tok) < MinTokenLen || c == nil || c.ID == "" || (c.All == (c.Patients != nil)) {
				t.Fatalf("accepted a bad clinician %+v", c)
			}
		}
	})
}
