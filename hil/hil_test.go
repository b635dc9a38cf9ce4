package hil

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

const miniScenario = `name: mini
robot:
  model: ROBOT
protocol: inproc
duration: 300ms
program:
  joint_minjerk:
    waypoints:
      - {offset: [0.05, 0, 0, 0, 0, 0], duration: 200ms}
expect:
  tracking_rms_max: 0.05
  limit_violations: 0
  final_state: enabled
`

func mini(t *testing.T, edit func(string) string) (string, []byte) {
	t.Helper()
	s := strings.ReplaceAll(miniScenario, "ROBOT", psmPath())
	if edit != nil {
		s = edit(s)
	}
	path := filepath.Join(t.TempDir(), "s.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, []byte(s)
}

func TestScenarioStrictDecoding(t *testing.T) {
	cases := []struct {
		name, from, to, want string
	}{
		{"unknown field names field and line", "duration: 300ms", "duration: 300ms\nspeed: 3", "line 6: field speed not found"},
		{"unknown nested field", "protocol: inproc", "protocol: inproc\nsafety: {trackng_error: 1}", "field trackng_error not found"},
		{"bad duration", "duration: 300ms", "duration: fast", `"fast" is not a non-negative duration`},
		{"bad final state", "final_state: enabled", "final_state: Stopped", "expect.final_state"},
		{"unknown protocol", "protocol: inproc", "protocol: ethercat", "protocol:"},
		{"wrong offset length", "offset: [0.05, 0, 0, 0, 0, 0]", "offset: [0.05]", "program.joint_minjerk.waypoints[0].offset"},
		{"fault joint out of range", "expect:", "faults:\n  - {kind: stuck, joint: 9}\nexpect:", "faults[0].joint"},
		{"unknown fault kind", "expect:", "faults:\n  - {kind: gremlins}\nexpect:", "faults[0]"},
		{"cartesian controller on joint program", "protocol: inproc", "protocol: inproc\ncontroller: cartesian-impedance", "controller"},
		{"substep not dividing the period", "duration: 300ms", "duration: 300ms\nplant: {substep: 300us}", "plant.substep"},
		{"substep longer than the period", "duration: 300ms", "duration: 300ms\nplant: {substep: 2ms}", "plant.substep"},
		{"stop bound without fault", "final_state: enabled", "final_state: enabled\n  protective_stop_within: 10ms", "expect.protective_stop_within"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, _ := mini(t, func(s string) string { return strings.Replace(s, c.from, c.to, 1) })
			_, err := LoadScenario(path)
			var se *ScenarioError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *ScenarioError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not mention %q", err, c.want)
			}
		})
	}
	if _, err := LoadScenario(mustPath(mini(t, nil))); err != nil {
		t.Fatalf("valid scenario refused: %v", err)
	}
	half := func(s string) string {
		return strings.Replace(s, "duration: 300ms", "duration: 300ms\nplant: {substep: 500us}", 1)
	}
	if s, err := LoadScenario(mustPath(mini(t, half))); err != nil || s.Plant.Substep.D() != 500*time.Microsecond {
		t.Fatalf("scenario with a 500 µs substep: %v", err)
	}
}

func mustPath(p string, _ []byte) string { return p }

// TestRunOutputsDeterministic runs a dynamixel scenario twice with the same
// seed: the reports' recording and trajectory hashes must agree, and the
// MCAP must hold the console's channels as checkRecording says.
func TestRunOutputsDeterministic(t *testing.T) {
	path, _ := mini(t, func(s string) string {
		return strings.Replace(s, "protocol: inproc", "protocol: dynamixel\nfaults:\n  - {kind: noise, joint: 1, sigma: 0.002, from: 100ms}", 1)
	})
	s, err := LoadScenario(path)
	if err != nil {
		t.Fatal(err)
	}
	var reps []*Report
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		rep, err := RunScenario(context.Background(), s, RunOptions{OutDir: d, Start: DefaultRecordingEpoch})
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	if reps[0].RecordingSHA256 == "" || reps[0].RecordingSHA256 != reps[1].RecordingSHA256 || reps[0].TrajectorySHA != reps[1].TrajectorySHA {
		t.Fatalf("lockstep runs differ: %s/%s vs %s/%s", reps[0].RecordingSHA256, reps[0].TrajectorySHA, reps[1].RecordingSHA256, reps[1].TrajectorySHA)
	}
	seed := uint64(99)
	other, err := RunScenario(context.Background(), s, RunOptions{Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	if other.TrajectorySHA == reps[0].TrajectorySHA {
		t.Error("seed 99 reproduced seed 0's trajectory: encoder noise ignores the seed")
	}
	for _, f := range []string{"report.json", "run.csv", "recording.mcap", "tracking.svg"} {
		if fi, err := os.Stat(filepath.Join(dirs[0], f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	checkRecording(t, filepath.Join(dirs[0], "recording.mcap"), int(reps[0].Cycles))
}

// TestFaultScenariosAcrossSeeds runs the fault scenarios over a few seeds:
// zero limit violations and a stop within the stated bound every time.
func TestFaultScenariosAcrossSeeds(t *testing.T) {
	seeds := uint64(4)
	if testing.Short() || raceEnabled {
		seeds = 1
	}
	for _, f := range []string{"stuck_encoder.yaml", "teleop_operator_loss.yaml", "can_heartbeat_loss.yaml"} {
		s, err := LoadScenario(filepath.Join("scenarios", f))
		if err != nil {
			t.Fatal(err)
		}
		for seed := uint64(10); seed < 10+seeds; seed++ {
			rep, err := RunScenario(context.Background(), s, RunOptions{Seed: &seed})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Passed || rep.LimitViolations != 0 || rep.StopLatencyS == nil {
				t.Errorf("%s seed %d: %s", f, seed, rep.Summary())
			}
		}
	}
}

func TestSweepShardsPartitionAndMerge(t *testing.T) {
	path, _ := mini(t, func(s string) string { return strings.Replace(s, "duration: 300ms", "duration: 100ms", 1) })
	p, err := ParseParam("program.joint_minjerk.waypoints.0.offset.0=0.01:0.05:3")
	if err != nil {
		t.Fatal(err)
	}
	const shards = 3
	dir := t.TempDir()
	var files []string
	seen := map[int]bool{}
	for i := range shards {
		f := filepath.Join(dir, "r"+string(rune('0'+i))+".csv")
		var b bytes.Buffer
		b.WriteString(strings.Join(SweepHeader([]Param{p}), ",") + "\n")
		cfg := SweepConfig{File: path, Params: []Param{p}, SeedFrom: 1, SeedTo: 2, Shard: i, Shards: shards, Jobs: 2}
		if cfg.SweepRuns() != 6 {
			t.Fatalf("runs %d, want 6", cfg.SweepRuns())
		}
		err := Sweep(context.Background(), cfg, func(r SweepRow) error {
			if r.Index%shards != i || seen[r.Index] {
				t.Errorf("shard %d got run %d", i, r.Index)
			}
			seen[r.Index] = true
			if r.Err != nil {
				t.Errorf("run %d: %v", r.Index, r.Err)
			}
			b.WriteString(strings.Join(r.Record(), ",") + "\n")
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(f, b.Bytes(), 0o644)
		files = append(files, f)
	}
	if len(seen) != 6 {
		t.Fatalf("shards covered %d of 6 runs", len(seen))
	}
	var merged bytes.Buffer
	recs, err := MergeCSV(&merged, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 7 || recs[1][0] != "0" || recs[6][0] != "5" || recs[1][1] != "0.01" || recs[6][1] != "0.05" || recs[2][2] != "2" {
		t.Fatalf("merged table:\n%s", merged.String())
	}
	if !bytes.Contains(SummarySVG(recs, "t"), []byte("6/6 runs passed")) {
		t.Error("summary plot does not count the passes")
	}
}

func TestParseParamAndShard(t *testing.T) {
	p, err := ParseParam("faults.0.from=100ms:300ms:3")
	if err != nil || strings.Join(p.Values, " ") != "100ms 200ms 300ms" {
		t.Fatalf("%v %v", p, err)
	}
	for _, bad := range []string{"x", "x=1:2", "x=1:2:0", "x=1:2s:3"} {
		if _, err := ParseParam(bad); err == nil {
			t.Errorf("ParseParam(%q) accepted", bad)
		}
	}
	if i, n, err := ParseShard("2/5"); err != nil || i != 2 || n != 5 {
		t.Errorf("ParseShard: %d %d %v", i, n, err)
	}
	for _, bad := range []string{"5/5", "-1/2", "1", "a/b"} {
		if _, _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
}

// TestRealtimeRun runs a short scenario against the wall clock.
func TestRealtimeRun(t *testing.T) {
	path, _ := mini(t, nil)
	s, err := LoadScenario(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rep, err := RunScenario(context.Background(), s, RunOptions{Realtime: true})
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 250*time.Millisecond {
		t.Errorf("real-time run of 300 ms took %v", el)
	}
	// The machine may be loaded: ask only that the runner ran the loop
	// against the wall clock and nothing went out of bounds.
	t.Logf("%s (%d cycles)", rep.Summary(), rep.Cycles)
	if rep.Mode != "realtime" || rep.Cycles == 0 || rep.LimitViolations != 0 {
		t.Errorf("%s (%d cycles): %+v", rep.Summary(), rep.Cycles, rep.SafetyEvents)
	}
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(file))
}

func psmPath() string { return filepath.Join(repoRoot(), "robots", "psm.json") }

// TestHostStallPerProtocol stalls the host for 300 ms mid-motion on each
// protocol. CiA 402 drives stop on their own (the heartbeat consumer
// 0x1016 expires and 0x6007 applies) and so do Dynamixel servos (the Bus
// Watchdog, 98, armed at 100 ms): within 150 ms. CubeMars motors in MIT
// mode have no master-loss protection in their firmware; their Safe Torque
// Off input hangs on a hardware watchdog relay (as a rig file must have
// it) that opens when the loop stops toggling its line: they stop within
// 150 ms too, and the supervisor, reading the relay's feedback when the
// host comes back, is in Fault. The in-process bus has no drives' firmware
// at all: for it the expectation must fail (README, "Safety").
func TestHostStallPerProtocol(t *testing.T) {
	s, err := LoadScenario(filepath.Join("scenarios", "host_stall_canopen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		protocol string
		stops    bool
	}{{"canopen", true}, {"dynamixel", true}, {"cubemars", true}, {"inproc", false}} {
		t.Run(tc.protocol, func(t *testing.T) {
			sc := *s
			sc.Protocol = tc.protocol
			rep, err := RunScenario(context.Background(), &sc, RunOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if stopped := rep.DrivesStopS != nil && *rep.DrivesStopS <= 0.15; stopped != tc.stops {
				t.Errorf("%s: drives stopped on their own within 150 ms: %v (%v), want %v; %s", tc.protocol, stopped, rep.DrivesStopS, tc.stops, rep.Summary())
			}
			if rep.LimitViolations != 0 {
				t.Errorf("%s: %d limit violations", tc.protocol, rep.LimitViolations)
			}
			if tc.stops && rep.FinalState != "fault" {
				t.Errorf("%s: final state %s, want fault (the host must learn its drives stopped)", tc.protocol, rep.FinalState)
			}
		})
	}
	if _, err := RunScenario(context.Background(), s, RunOptions{Realtime: true}); err == nil {
		t.Error("a host stall ran in real time")
	}
}
