package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

// fhirValidator is the HL7 FHIR R4 JSON-schema validator of
// tools/fhirvalidate (npm, pinned): `npm ci` there installs it, as .ci/run
// does. Without it the test skips, unless CHIRON_TEST_FHIR is set (CI),
// when it fails.
func fhirValidator(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "tools", "fhirvalidate")
	_, errMod := os.Stat(filepath.Join(dir, "node_modules", "@asymmetrik", "fhir-json-schema-validator"))
	_, errNode := exec.LookPath("node")
	if errMod != nil || errNode != nil {
		msg := "the FHIR R4 schema validator is not installed: (cd tools/fhirvalidate && npm ci) with Node.js"
		if os.Getenv("CHIRON_TEST_FHIR") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return filepath.Join(dir, "validate.js")
}

// TestFHIRBundlesValidateAsR4: every bundle the reports export — each
// session state, each affected side, a session that ended early with its
// reason — validates against the HL7 FHIR R4 JSON schema, and a bundle
// broken on purpose (a status R4 does not have, a Quantity with a string
// value) does not: the validator would catch what it should.
func TestFHIRBundlesValidateAsR4(t *testing.T) {
	validate := fhirValidator(t)
	dir := t.TempDir()
	type tc struct {
		name   string
		status rehab.Status
		reason string
		side   rehab.Side
	}
	var cases []tc
	for _, st := range []rehab.Status{rehab.StatusCreated, rehab.StatusRunning, rehab.StatusPaused, rehab.StatusCompleted,
		rehab.StatusStopped, rehab.StatusInterrupted} {
		for _, side := range []rehab.Side{rehab.SideLeft, rehab.SideRight, rehab.SideBilateral, rehab.SideNone} {
			cases = append(cases, tc{string(st) + "-" + string(side), st, "", side})
		}
	}
	cases = append(cases, tc{"stopped-with-reason", rehab.StatusStopped, "protective stop: knee flexion moved at 115.1°/s", rehab.SideLeft})
	var files []string
	for _, c := range cases {
		sess, p, samples := session()
		sess.Status, sess.EndReason, p.AffectedSide = c.status, c.reason, c.side
		switch {
		case c.status == rehab.StatusCreated:
			sess.StartedAt, sess.EndedAt = time.Time{}, time.Time{}
			samples = nil
		case !c.status.Final():
			sess.EndedAt = time.Time{}
		}
		r := Build(sess, p, samples)
		raw, err := json.Marshal(FHIR(&r, time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)))
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, c.name+".json")
		if err := os.WriteFile(f, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// Broken on purpose.
	good, err := os.ReadFile(files[len(files)-1])
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(good, []byte(`"status":"final"`), []byte(`"status":"finished-ish"`), 1)
	bad = bytes.Replace(bad, []byte(`"value":`), []byte(`"value":"many","was":`), 1)
	if bytes.Equal(bad, good) {
		t.Fatal("the broken bundle is not broken")
	}
	badFile := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(badFile, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("node", append([]string{validate}, append(files, badFile)...)...).Output()
	if err != nil {
		t.Fatalf("validator: %v", err)
	}
	results := map[string][]json.RawMessage{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct {
			File   string            `json:"file"`
			Errors []json.RawMessage `json:"errors"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("validator output %q: %v", sc.Text(), err)
		}
		results[filepath.Base(r.File)] = r.Errors
	}
	for _, c := range cases {
		errs, ok := results[c.name+".json"]
		switch {
		case !ok:
			t.Errorf("%s: not validated", c.name)
		case len(errs) > 0:
			t.Errorf("%s: %d R4 schema errors, first %s", c.name, len(errs), errs[0])
		}
	}
	if errs := results["broken.json"]; len(errs) == 0 {
		t.Error("a bundle with an invalid status and a string Quantity value passed the R4 schema: the validator checks nothing")
	}
	t.Logf("%d bundles valid against the FHIR R4 schema; the broken one has %d errors", len(cases), len(results["broken.json"]))
}
