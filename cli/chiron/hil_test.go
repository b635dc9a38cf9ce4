package chiron

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hilScenario writes a short inproc scenario with the given expectation
// block and returns its path.
func hilScenario(t *testing.T, extra string) string {
	t.Helper()
	model, err := filepath.Abs(filepath.Join("..", "..", "robots", "psm.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := "name: cli\nrobot:\n  model: " + model + "\nprotocol: inproc\nduration: 200ms\n" +
		"program:\n  joint_minjerk:\n    waypoints:\n      - {offset: [0.05, 0, 0, 0, 0, 0], duration: 150ms}\n" + extra
	path := filepath.Join(t.TempDir(), "s.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestHILRunExitStatus(t *testing.T) {
	out := t.TempDir()
	pass := hilScenario(t, "expect:\n  limit_violations: 0\n  final_state: enabled\n")
	code, stdout, stderr := runCLI(t, "", "hil", "run", pass, "--seed", "7", "--out", out)
	if code != 0 || !strings.HasPrefix(stdout, "PASS cli seed 7") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	var rep map[string]any
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"scenario", "seed", "passed", "sim_seconds", "wall_seconds", "limit_violations",
		"safety_events", "expectations", "metrics", "recording_sha256"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("report.json lacks %q", k)
		}
	}
	if rep["seed"].(float64) != 7 || rep["passed"] != true {
		t.Errorf("seed %v passed %v", rep["seed"], rep["passed"])
	}

	fail := hilScenario(t, "expect:\n  final_state: fault\n")
	code, stdout, stderr = runCLI(t, "", "hil", "run", fail, "--out", t.TempDir())
	if code != 1 || !strings.Contains(stdout, "final_state = enabled (bound fault)") {
		t.Fatalf("failed expectation: exit %d\n%s%s", code, stdout, stderr)
	}

	bad := hilScenario(t, "expect:\n  final_state: enabled\n  max_speed: 3\n")
	code, _, stderr = runCLI(t, "", "hil", "run", bad)
	if code != 2 || !strings.Contains(stderr, "max_speed") || !strings.Contains(stderr, "line") {
		t.Fatalf("bad scenario: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "hil", "run", pass, "--lockstep", "--realtime")
	if code != 2 {
		t.Fatalf("--lockstep --realtime: exit %d %s", code, stderr)
	}
}

func TestHILSweepShardsAndMerge(t *testing.T) {
	s := hilScenario(t, "expect:\n  limit_violations: 0\n")
	dir := t.TempDir()
	for _, shard := range []string{"0/2", "1/2"} {
		code, stdout, stderr := runCLI(t, "", "hil", "sweep", s, "--param", "program.joint_minjerk.waypoints.0.offset.0=0.02:0.06:2",
			"--seeds", "1..2", "--shard", shard, "--out", dir, "--jobs", "2")
		if code != 0 || !strings.Contains(stdout, "2 runs (shard") {
			t.Fatalf("shard %s: exit %d\n%s%s", shard, code, stdout, stderr)
		}
	}
	code, stdout, stderr := runCLI(t, "", "hil", "merge", dir)
	if code != 0 || !strings.Contains(stdout, "4 runs, 0 failed") {
		t.Fatalf("merge: exit %d\n%s%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "merged.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "index,program.joint_minjerk.waypoints.0.offset.0,seed,passed") ||
		!strings.HasPrefix(lines[1], "0,0.02,1,true") || !strings.HasPrefix(lines[4], "3,0.06,2,true") {
		t.Fatalf("merged.csv:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "merged.svg")); err != nil {
		t.Error(err)
	}
	code, _, stderr = runCLI(t, "", "hil", "sweep", s, "--param", "nosuch.0=1:2:2", "--out", t.TempDir())
	if code != 2 {
		t.Fatalf("bad --param path: exit %d %s", code, stderr)
	}
}

// TestHilRunStartFixesTheRecording: two lockstep runs of a seed with the
// same --start give byte-identical recordings (recording_sha256); without
// it the recording starts at the wall clock; a bad --start is refused.
func TestHilRunStartFixesTheRecording(t *testing.T) {
	scenario := filepath.Join("..", "..", "hil", "scenarios", "psm_nominal.yaml")
	sha := func(args ...string) string {
		t.Helper()
		dir := t.TempDir()
		var out, errw bytes.Buffer
		if err := hilRun(append([]string{scenario, "--out", dir}, args...), &out, &errw); err != nil {
			t.Fatalf("%v: %s", err, errw.String())
		}
		b, err := os.ReadFile(filepath.Join(dir, "report.json"))
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			SHA   string `json:"recording_sha256"`
			Start string `json:"start_time"`
		}
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatal(err)
		}
		if len(args) > 0 && rep.Start != "2026-12-01T09:00:00Z" {
			t.Errorf("start_time %q, want the --start", rep.Start)
		}
		return rep.SHA
	}
	a, b := sha("--start", "2026-12-01T09:00:00Z"), sha("--start", "2026-12-01T09:00:00Z")
	if a == "" || a != b {
		t.Errorf("same seed and --start: recordings %s and %s", a, b)
	}
	var out, errw bytes.Buffer
	if err := hilRun([]string{scenario, "--start", "yesterday"}, &out, &errw); err == nil || !strings.Contains(err.Error(), "RFC 3339") {
		t.Errorf("--start yesterday: %v", err)
	}
}
