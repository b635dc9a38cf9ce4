package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// binary builds this command (chiron plus the example controller) once.
func binary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "chiron")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

const scenario = "../../scenarios/psm_var_impedance.yaml"

// run runs the binary and returns its exit status, stdout and stderr.
func run(t *testing.T, bin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// TestExampleBinary: the example controller, imported by this command,
// runs by name in the shipped HIL scenario, in a 100-seed sweep and under
// serve; a bad parameter is refused naming the field.
func TestExampleBinary(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go tool is needed to build the example binary")
	}
	bin := binary(t)
	dir := t.TempDir()

	t.Run("controllers", func(t *testing.T) {
		code, out, errs := run(t, bin, "controllers", "var-impedance")
		if code != 0 || !strings.Contains(out, "var-impedance — example") || !strings.Contains(out, "stiffness_max") {
			t.Errorf("exit %d: %s%s", code, out, errs)
		}
	})

	t.Run("hil run", func(t *testing.T) {
		outDir := filepath.Join(dir, "run")
		code, out, errs := run(t, bin, "hil", "run", scenario, "--out", outDir)
		if code != 0 || !strings.Contains(out, "PASS psm-var-impedance seed 1") {
			t.Fatalf("exit %d: %s%s", code, out, errs)
		}
		var rep struct {
			Controller string `json:"controller"`
			Passed     bool   `json:"passed"`
		}
		b, err := os.ReadFile(filepath.Join(outDir, "report.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &rep); err != nil || rep.Controller != "var-impedance" || !rep.Passed {
			t.Errorf("report: %+v (%v)", rep, err)
		}
	})

	t.Run("hil sweep 100 seeds", func(t *testing.T) {
		code, out, errs := run(t, bin, "hil", "sweep", scenario, "--seeds", "1..100", "--out", filepath.Join(dir, "sweep"))
		if code != 0 || !strings.Contains(out, "100 runs (shard 0/1 of 100), 0 failed") {
			t.Errorf("exit %d: %s%s", code, out, errs)
		}
	})

	t.Run("bad parameter", func(t *testing.T) {
		data, err := os.ReadFile(scenario)
		if err != nil {
			t.Fatal(err)
		}
		bad := strings.Replace(string(data), "stiffness_max: 1", "stiffness_max: -1", 1)
		// The model path is relative to the scenario: keep the directory.
		file := filepath.Join(filepath.Dir(scenario), "bad-"+filepath.Base(t.TempDir())+".yaml")
		if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(file)
		code, out, errs := run(t, bin, "hil", "run", file, "--out", filepath.Join(dir, "bad"))
		if code != 2 || !strings.Contains(errs, `controller_params.stiffness_max: controller "var-impedance": want > 0, got -1`) {
			t.Errorf("exit %d: %s%s", code, out, errs)
		}
		code, out, errs = run(t, bin, "serve", "--model", "../../../robots/psm.json", "--sim", "inproc",
			"--controller", "var-impedance", "--controller-params", `{"speed_full": 0}`, "--db", filepath.Join(dir, "bad.db"))
		if code != 2 || !strings.Contains(errs, `--controller-params: controller "var-impedance": params.speed_full: want > 0 rad/s, got 0`) {
			t.Errorf("serve: exit %d: %s%s", code, out, errs)
		}
	})

	t.Run("serve", func(t *testing.T) {
		cmd := exec.Command(bin, "serve", "--model", "../../../robots/psm.json", "--sim", "inproc", "--addr", "127.0.0.1:0",
			"--controller", "var-impedance", "--controller-params", `{"stiffness_min": 0.5}`, "--db", filepath.Join(dir, "serve.db"))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 64)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		var printed strings.Builder
		timeout := time.After(60 * time.Second)
	wait:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("serve ended before its console: %s\n%s", printed.String(), errb.String())
				}
				printed.WriteString(l + "\n")
				if strings.HasPrefix(l, "clinician console") {
					break wait
				}
			case <-timeout:
				cmd.Process.Kill()
				t.Fatalf("no console after 60 s: %s", printed.String())
			}
		}
		if !strings.Contains(printed.String(), "psm: controller var-impedance\n") {
			t.Errorf("serve does not run var-impedance:\n%s", printed.String())
		}
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve after SIGTERM: %v\n%s", err, errb.String())
			}
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Fatal("serve still running 15 s after SIGTERM")
		}
	})
}
