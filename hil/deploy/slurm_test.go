package deploy

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// slurmRequiredEnv makes the Slurm test mandatory: set (as .ci/run sets
// it), the test fails when Slurm is missing or cannot start instead of
// skipping.
const slurmRequiredEnv = "CHIRON_TEST_SLURM"

// repoRoot is the module root, from this package's directory (go test runs
// a package's tests in its source directory).
const repoRoot = "../.."

// slurmCluster is a single-node Slurm started by scripts/slurm-test-env.sh.
type slurmCluster struct {
	conf string // slurm.conf path, for SLURM_CONF
	dir  string // its state directory
}

// startSlurm starts a throwaway cluster for the test and stops it when the
// test ends. It skips (or, with CHIRON_TEST_SLURM set, fails) when Slurm
// is not installed or does not start.
func startSlurm(t *testing.T) *slurmCluster {
	t.Helper()
	required := os.Getenv(slurmRequiredEnv) != ""
	unavailable := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if required {
			t.Fatalf("%s is set but %s", slurmRequiredEnv, msg)
		}
		t.Skipf("%s (install Debian's slurm-wlm and run as root; set %s=1 to make this a failure)", msg, slurmRequiredEnv)
	}
	sbin := os.Getenv("SLURM_SBIN")
	if sbin == "" {
		sbin = "/usr/sbin"
	}
	for _, b := range []string{"slurmctld", "slurmd", "munged", "mungekey"} {
		if _, err := os.Stat(filepath.Join(sbin, b)); err != nil {
			unavailable("no Slurm daemons: %v", err)
		}
	}
	for _, b := range []string{"sbatch", "sinfo", "scancel", "squeue"} {
		if _, err := exec.LookPath(b); err != nil {
			unavailable("no Slurm client: %v", err)
		}
	}
	if os.Getuid() != 0 {
		// slurmd starts each job as its submitting user, which takes root.
		unavailable("not running as root (uid %d): slurmd must be root to start jobs", os.Getuid())
	}
	ctldPort, slurmdPort := freePort(t), freePort(t)
	// A short directory of its own (not t.TempDir): munged's socket path
	// must fit in sockaddr_un's 108 bytes.
	dir, err := os.MkdirTemp("", "chiron-slurm")
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"SLURMCTLD_PORT="+strconv.Itoa(ctldPort),
		"SLURMD_PORT="+strconv.Itoa(slurmdPort),
		"SLURM_SBIN="+sbin)
	script := filepath.Join(repoRoot, "scripts", "slurm-test-env.sh")
	stop := func() {
		cmd := exec.Command("/bin/sh", script, "stop", dir)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("slurm-test-env.sh stop: %v\n%s", err, out)
		}
		os.RemoveAll(dir)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/bin/sh", script, "start", dir)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		stop()
		unavailable("single-node Slurm did not start: slurm-test-env.sh: %v\n%s", err, stderr.String())
	}
	c := &slurmCluster{conf: strings.TrimSpace(stdout.String()), dir: dir}
	t.Cleanup(func() {
		if t.Failed() {
			for _, f := range []string{"slurmctld.log", "slurmd.log"} {
				b, _ := os.ReadFile(filepath.Join(dir, f))
				t.Logf("--- %s (last 4 KiB)\n%s", f, tail(b, 4096))
			}
		}
		stop()
	})
	return c
}

// freePort returns a TCP port on loopback that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// buildChiron builds the chiron command into dir and returns dir, for PATH.
func buildChiron(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command on PATH to build chiron: %v", err)
	}
	dir := t.TempDir()
	cmd := exec.Command(gobin, "build", "-o", filepath.Join(dir, "chiron"), "./cmd/chiron")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/chiron: %v\n%s", err, out)
	}
	return dir
}

// TestSlurmArraySweepMatchesLocalSweep submits hil/deploy/slurm-array.sh as a
// 4-task array to a real single-node Slurm, merges the shards with chiron hil
// merge, and requires the merged table to be the one a local, unsharded
// chiron hil sweep of the same seeds writes: same runs, same seeds, same
// outcomes and figures to the last printed digit. Only wall_seconds (the
// run's wall-clock time) may differ; every other column is simulated time
// or a function of the seed (lockstep runs are deterministic, see package
// hil). Cases: an in-process scenario (deterministic by construction) and
// a Dynamixel one over a pseudo-terminal, which also shows the pty path
// works inside a Slurm job step.
func TestSlurmArraySweepMatchesLocalSweep(t *testing.T) {
	cluster := startSlurm(t)
	bin := buildChiron(t)
	scenarios, err := filepath.Abs(filepath.Join(repoRoot, "hil", "scenarios"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("slurm-array.sh")
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"SLURM_CONF="+cluster.conf,
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	chiron := filepath.Join(bin, "chiron")
	run := func(t *testing.T, ctx context.Context, dir string, name string, args ...string) []byte {
		t.Helper()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir, cmd.Env = dir, env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\nstdout:\n%s\nstderr:\n%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
		}
		return stdout.Bytes()
	}

	cases := []struct {
		scenario string // in hil/scenarios, without .yaml
		seeds    string
		runs     int
		shards   int
	}{
		// In process: a standstill violation stopped by the supervisor; the
		// fault latency varies with the seed.
		{scenario: "standstill_violation", seeds: "1..16", runs: 16, shards: 4},
		// Dynamixel over a pty: a stuck encoder stopped by the tracking check.
		{scenario: "stuck_encoder", seeds: "1..8", runs: 8, shards: 4},
	}
	var mu sync.Mutex
	var timings []string
	t.Cleanup(func() {
		if len(timings) > 0 {
			t.Logf("Slurm sweeps: %s", strings.Join(timings, "; "))
		}
	})
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			t.Parallel() // the arrays share the node; sbatch --wait mostly polls
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			scenario := filepath.Join(scenarios, tc.scenario+".yaml")
			work := t.TempDir()
			t.Cleanup(func() {
				if !t.Failed() {
					return
				}
				// The array tasks' own output: chiron's message when a run
				// failed, Slurm's when the task never started.
				logs, _ := filepath.Glob(filepath.Join(work, "chiron-hil-*.out"))
				for _, l := range logs {
					b, _ := os.ReadFile(l)
					t.Logf("--- %s (last 2 KiB)\n%s", filepath.Base(l), tail(b, 2048))
				}
			})

			start := time.Now()
			out := run(t, ctx, work, "sbatch", "--wait", "--parsable",
				fmt.Sprintf("--array=0-%d", tc.shards-1), script, scenario, tc.seeds)
			job, _, _ := strings.Cut(strings.TrimSpace(string(out)), ";")
			if _, err := strconv.Atoi(job); err != nil {
				t.Fatalf("sbatch --parsable printed %q, want a job id", out)
			}
			slurmWall := time.Since(start)

			resultDir := filepath.Join(work, "hil-sweep", tc.scenario)
			for i := range tc.shards {
				log := filepath.Join(work, fmt.Sprintf("chiron-hil-%s_%d.out", job, i))
				if _, err := os.Stat(log); err != nil {
					t.Errorf("array task %d's log: %v", i, err)
				}
				shard := filepath.Join(resultDir, fmt.Sprintf("results-shard%04d-of-%04d.csv", i, tc.shards))
				recs := readCSV(t, shard)
				for _, r := range recs[1:] {
					if k, err := strconv.Atoi(r[0]); err != nil || k%tc.shards != i {
						t.Errorf("%s: run index %q does not belong to shard %d/%d", filepath.Base(shard), r[0], i, tc.shards)
					}
				}
			}
			out = run(t, ctx, work, chiron, "hil", "merge", resultDir)
			t.Logf("chiron hil merge: %s", bytes.TrimSpace(out))
			merged := readCSV(t, filepath.Join(resultDir, "merged.csv"))

			localDir := filepath.Join(work, "local")
			run(t, ctx, work, chiron, "hil", "sweep", scenario, "--seeds", tc.seeds, "--out", localDir)
			local := readCSV(t, filepath.Join(localDir, "results.csv"))

			if len(local) != tc.runs+1 {
				t.Fatalf("local sweep: %d rows, want %d runs and a header", len(local), tc.runs+1)
			}
			if err := sameSweep(merged, local); err != nil {
				t.Fatalf("merged Slurm sweep differs from the local sweep: %v", err)
			}
			mu.Lock()
			timings = append(timings, fmt.Sprintf("%s %s on %d tasks: %d runs identical to the local sweep, sbatch --wait %.1f s",
				tc.scenario, tc.seeds, tc.shards, tc.runs, slurmWall.Seconds()))
			mu.Unlock()
		})
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty, want a header", path)
	}
	return recs
}

// wallClockColumns are the sweep table's columns measured on the wall
// clock (hil.SweepHeader): they differ between any two runs of a sweep.
var wallClockColumns = map[string]bool{"wall_seconds": true}

// sameSweep reports how two sweep tables (header first) differ, ignoring
// the wall-clock columns (which must still hold a positive time in both).
func sameSweep(got, want [][]string) error {
	if strings.Join(got[0], ",") != strings.Join(want[0], ",") {
		return fmt.Errorf("header %q, want %q", got[0], want[0])
	}
	if len(got) != len(want) {
		return fmt.Errorf("%d runs, want %d", len(got)-1, len(want)-1)
	}
	h := got[0]
	for i := 1; i < len(got); i++ {
		if len(got[i]) != len(h) || len(want[i]) != len(h) {
			return fmt.Errorf("row %d: %d and %d fields, header has %d", i, len(got[i]), len(want[i]), len(h))
		}
		for c, name := range h {
			g, w := got[i][c], want[i][c]
			if wallClockColumns[name] {
				for _, v := range []string{g, w} {
					if x, err := strconv.ParseFloat(v, 64); err != nil || x <= 0 {
						return fmt.Errorf("run %s: %s = %q, want a positive time", got[i][0], name, v)
					}
				}
				continue
			}
			if g != w {
				return fmt.Errorf("run %s (row %d): %s = %q, local sweep has %q\nmerged: %q\nlocal:  %q", got[i][0], i, name, g, w, got[i], want[i])
			}
		}
	}
	return nil
}

func TestSameSweep(t *testing.T) {
	header := []string{"index", "seed", "passed", "stop_latency_s", "wall_seconds", "error"}
	base := [][]string{header,
		{"0", "1", "true", "0.0650", "0.50", ""},
		{"1", "2", "true", "0.0640", "0.49", ""},
	}
	edit := func(row, col int, v string) [][]string {
		c := make([][]string, len(base))
		for i := range base {
			c[i] = append([]string(nil), base[i]...)
		}
		c[row][col] = v
		return c
	}
	cases := []struct {
		name    string
		got     [][]string
		wantErr string // "" = equal
	}{
		{"identical", base, ""},
		{"wall clock differs", edit(1, 4, "0.33"), ""},
		{"stop latency differs", edit(2, 3, "0.0650"), "stop_latency_s"},
		{"seed differs", edit(1, 1, "9"), "seed"},
		{"outcome differs", edit(2, 2, "false"), "passed"},
		{"wall clock missing", edit(1, 4, ""), "positive time"},
		{"header differs", edit(0, 3, "fault_latency_s"), "header"},
		{"run missing", base[:2], "1 runs, want 2"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := sameSweep(tc.got, base)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("sameSweep: %v, want equal", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("sameSweep: %v, want an error naming %q", err, tc.wantErr)
			}
		})
	}
}
