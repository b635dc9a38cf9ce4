package chiron

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestControllersDescribesTheRegistry(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"controllers"}, 0, []string{"joint-pd — ", "cartesian-impedance — ", "transparent — ", "admittance — ", "default 0.5", "external — ", "start_timeout"}},
		{[]string{"controllers", "admittance"}, 0, []string{"admittance — ", "mass", "params:"}},
		{[]string{"controllers", "nope"}, 2, []string{`unknown controller "nope" (registered: joint-pd, cartesian-impedance, transparent, admittance`}},
		{[]string{"controllers", "-x"}, 2, []string{"not flags"}},
	} {
		var out, errb bytes.Buffer
		code := run(tc.args, nil, &out, &errb)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.code, errb.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(out.String()+errb.String(), w) {
				t.Errorf("%v: output lacks %q:\n%s%s", tc.args, w, out.String(), errb.String())
			}
		}
	}
}

// TestServeControllerFlags: serve refuses an unknown controller (listing
// the registered ones) and bad parameters (naming the field) before it
// starts anything.
func TestServeControllerFlags(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "adm.yaml")
	if err := os.WriteFile(file, []byte("mass: 1\nstiffnes: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// An external controller may not drive real drives.
	var o, e bytes.Buffer
	if code := run([]string{"serve", "--model", "../../robots/psm.json", "--rig", "../../rig/testdata/psm-canopen.yaml",
		"--controller", "external", "--controller-params", `{"command": ["x"]}`}, nil, &o, &e); code != 2 ||
		!strings.Contains(e.String(), "--controller external is for simulation") {
		t.Errorf("external on a rig: exit %d, %s", code, e.String())
	}
	base := []string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "r.db")}
	for _, tc := range []struct {
		extra []string
		want  string
	}{
		{[]string{"--controller", "nope"}, `--controller: unknown controller "nope" (registered: joint-pd, cartesian-impedance, transparent, admittance`},
		{[]string{"--controller", "admittance", "--controller-params", `{"mass": 0}`}, `--controller-params: controller "admittance": params.mass: want > 0`},
		{[]string{"--controller", "admittance", "--controller-params", file}, `params.stiffnes: unknown field`},
		{[]string{"--controller", "admittance", "--controller-params", filepath.Join(dir, "none.yaml")}, "--controller-params: open "},
		{[]string{"--controller-params", `{"kp": 1}`}, `controller "joint-pd": params: this controller takes no parameters`},
		{[]string{"--controller", "external"}, `controller "external": params.command: required`},
	} {
		var out, errb bytes.Buffer
		args := append(append([]string(nil), base...), tc.extra...)
		if code := run(args, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.extra, code, errb.String(), tc.want)
		}
	}
}

// TestServeRunsTheNamedController: the served loop runs the controller
// --controller names, built with --controller-params.
func TestServeRunsTheNamedController(t *testing.T) {
	out := serveUntilSignal(t, []string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--addr", "127.0.0.1:0",
		"--db", filepath.Join(t.TempDir(), "rehab.db"), "--controller", "admittance", "--controller-params", `{"mass": 1, "stiffness": 20}`}, nil)
	if !strings.Contains(out, "psm: controller admittance\n") {
		t.Errorf("output lacks the active controller:\n%s", out)
	}
}
