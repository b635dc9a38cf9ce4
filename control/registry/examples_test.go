package registry

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestExamplesModule vets, builds and tests the examples/ module (its own
// go.mod: a researcher's controller outside chiron's packages, built into
// its own chiron binary) so that `make test`, which tests only this module's
// packages, keeps it compiling and passing against the registry's API.
func TestExamplesModule(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the examples module's tests build a binary and run a 100-seed sweep")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to build the examples module")
	}
	dir := filepath.Join("..", "..", "examples")
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Skipf("no examples module at %s: %v", dir, err)
	}
	for _, args := range [][]string{{"vet", "./..."}, {"build", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		// The examples' speed figures are checked when they run on their
		// own; beside this suite's other packages they are only logged.
		cmd.Env = append(os.Environ(), "CHIRON_SHARED_MACHINE=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %v in examples/: %v\n%s", args, err, out)
		}
		t.Logf("go %v in examples/:\n%s", args, out)
	}
}
