package chiron

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
)

var ikSummary = regexp.MustCompile(`^solved (\d+)/(\d+) rate ([0-9.]+) median_us ([0-9.]+) p99_us ([0-9.]+)\n$`)

// TestKinIKSolvesReferencePoses runs `chiron kin ik` on KDL's FK poses and
// checks every answer by running it back through `chiron kin fk`.
func TestKinIKSolvesReferencePoses(t *testing.T) {
	for _, name := range []string{"ur5", "psm"} {
		r := refdata.Load(t, name)
		poses, err := os.ReadFile(filepath.Join(r.Dir, "fk.txt"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(poses), "\n")[:50]
		// An iteration cap with a generous timeout makes the run independent
		// of machine load (the race detector and parallel tests slow it ~10×).
		args := []string{"kin", "ik", "--model", r.Model, "--timeout", "60s", "--max-iterations", "5000", "--seed", "7"}
		fkArgs := []string{"kin", "fk", "--model", r.Model}
		if r.Base != "" {
			args = append(args, "--base", r.Base, "--tip", r.Tip)
			fkArgs = append(fkArgs, "--base", r.Base, "--tip", r.Tip)
		}
		code, out, errs := runCLI(t, strings.Join(lines, ""), args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		m := ikSummary.FindStringSubmatch(errs)
		if m == nil {
			t.Fatalf("%s: summary line %q", name, errs)
		}
		if m[1] != m[2] || m[2] != "50" {
			t.Fatalf("%s: %s", name, errs)
		}
		code, fk, errs := runCLI(t, out, fkArgs...)
		if code != 0 {
			t.Fatalf("fk of IK answers: %s", errs)
		}
		for i, line := range strings.Split(strings.TrimSpace(fk), "\n") {
			got, want := strings.Fields(line), strings.Fields(lines[i])
			for k := range got {
				a, _ := strconv.ParseFloat(got[k], 64)
				b, _ := strconv.ParseFloat(want[k], 64)
				if d := a - b; d > 2e-5 || d < -2e-5 {
					t.Fatalf("%s pose %d value %d: IK answer reaches %g, target %g", name, i+1, k+1, a, b)
				}
			}
		}
	}
}

func TestKinIKBadInput(t *testing.T) {
	dir := t.TempDir()
	arm := filepath.Join(dir, "arm.urdf")
	os.WriteFile(arm, []byte(`<robot name="r"><link name="a"/><link name="b"/>
<joint name="j" type="revolute"><parent link="a"/><child link="b"/><axis xyz="0 0 1"/><limit lower="-1" upper="1"/></joint></robot>`), 0o600)
	for _, tc := range []struct{ stdin, want string }{
		{"0 0 0 1 0 0 0 1 0 0 0 2\n", "stdin:1: fields 4-12 are not a rotation matrix"},
		{"0 0 0 1 0 0 0 1 0 0 0 -1\n", "reflection"},
		{"0 0 0 1 0 0\n", "stdin:1: want 12 numbers, got 6"},
	} {
		code, _, errs := runCLI(t, tc.stdin, "kin", "ik", "--model", arm)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.stdin, code, errs, tc.want)
		}
	}
	// An unreachable but valid target is a "fail" line, not an error.
	code, out, errs := runCLI(t, "5 5 5 1 0 0 0 1 0 0 0 1\n", "kin", "ik", "--model", arm, "--timeout", "1ms")
	if code != 0 || out != "fail\n" || !strings.HasPrefix(errs, "solved 0/1 rate 0.0000") {
		t.Fatalf("unreachable: exit %d out %q err %q", code, out, errs)
	}
}
