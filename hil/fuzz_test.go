package hil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseScenario: whatever the bytes, ParseScenario returns a scenario or
// a *ScenarioError naming the file — never a panic. Seeds: the shipped
// scenarios (model paths rewritten to the repository's PSM) and a minimal
// one.
func FuzzParseScenario(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("scenarios", "*.yaml"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(strings.ReplaceAll(string(b), "../../robots/psm.json", psmPath()))
		}
	}
	f.Add(strings.ReplaceAll(miniScenario, "ROBOT", psmPath()))
	f.Add("duration: [")
	f.Add("robot: {model: x}\nplant: {substep: -1s}")
	f.Fuzz(func(t *testing.T, doc string) {
		s, err := ParseScenario([]byte(doc), "fuzz.yaml")
		if err == nil {
			if s.Chain() == nil {
				t.Fatal("accepted a scenario without a chain")
			}
			return
		}
		var se *ScenarioError
		if !errors.As(err, &se) || se.File != "fuzz.yaml" {
			t.Fatalf("error %v (%T) does not name the file", err, err)
		}
	})
}
