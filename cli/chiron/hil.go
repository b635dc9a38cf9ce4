package chiron

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/chiron-robotics/chiron/hil"
	"github.com/chiron-robotics/chiron/robot"
)

func init() {
	register(command{
		name:    "hil",
		summary: "hardware-in-the-loop scenarios: run (one scenario), sweep (params × seeds, sharded), merge (shard results), compare (controllers on the same seeds)",
		run:     runHIL,
	})
}

func runHIL(args []string, _ io.Reader, out, errw io.Writer) error {
	if len(args) == 0 {
		return usagef("want a subcommand: run SCENARIO.yaml | sweep SCENARIO.yaml --param … --seeds A..B | merge DIR… | compare SCENARIO.yaml --controllers A,B --seeds A..B")
	}
	switch args[0] {
	case "run":
		return hilRun(args[1:], out, errw)
	case "sweep":
		return hilSweep(args[1:], out, errw)
	case "merge":
		return hilMerge(args[1:], out, errw)
	case "compare":
		return hilCompare(args[1:], out, errw)
	}
	return usagef("unknown hil subcommand %q (want run, sweep, merge or compare)", args[0])
}

// parseInterleaved parses flags that may come before or after the
// positional arguments (chiron hil run FILE --seed 3).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func scenarioErr(err error) error {
	var se *hil.ScenarioError
	if errors.As(err, &se) {
		return usageError{err}
	}
	return err
}

func hilRun(args []string, out, errw io.Writer) error {
	fs := flag.NewFlagSet("hil run", flag.ContinueOnError)
	fs.SetOutput(errw)
	seed := fs.Uint64("seed", 0, "seed (overrides the scenario's)")
	dir := fs.String("out", "", "output directory (default hil-out/NAME-seedN)")
	lockstep := fs.Bool("lockstep", false, "lockstep on virtual time (the default)")
	realtime := fs.Bool("realtime", false, "real-time runner against the wall clock over the ptys")
	start := fs.String("start", "", "the recording's start time, RFC 3339 (default: now): two lockstep runs of a seed with the same --start give the same recording_sha256")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if len(pos) != 1 {
		return usagef("hil run: want exactly one SCENARIO.yaml")
	}
	if *lockstep && *realtime {
		return usagef("hil run: --lockstep and --realtime exclude each other")
	}
	s, err := hil.LoadScenario(pos[0])
	if err != nil {
		return scenarioErr(err)
	}
	opts := hil.RunOptions{Realtime: *realtime, OutDir: *dir}
	if *start != "" {
		t, err := time.Parse(time.RFC3339Nano, *start)
		if err != nil {
			return usagef("hil run: --start %q: want an RFC 3339 time such as 2026-12-01T09:00:00Z", *start)
		}
		opts.Start = t
	}
	seedSet := false
	fs.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "seed" })
	if seedSet {
		opts.Seed = seed
	}
	if opts.OutDir == "" {
		sd := s.Seed
		if seedSet {
			sd = *seed
		}
		opts.OutDir = filepath.Join("hil-out", fmt.Sprintf("%s-seed%d", s.Name, sd))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := hil.RunScenario(ctx, s, opts)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, rep.Summary())
	fmt.Fprintf(out, "outputs in %s (report.json, run.csv, recording.mcap, tracking.svg)\n", opts.OutDir)
	if !rep.Passed {
		return exitError{code: 1, err: fmt.Errorf("scenario %s: expectations failed", s.Name)}
	}
	return nil
}

type paramFlags []hil.Param

func (p *paramFlags) String() string { return fmt.Sprint(len(*p)) }
func (p *paramFlags) Set(s string) error {
	v, err := hil.ParseParam(s)
	if err != nil {
		return err
	}
	*p = append(*p, v)
	return nil
}

func hilSweep(args []string, out, errw io.Writer) error {
	fs := flag.NewFlagSet("hil sweep", flag.ContinueOnError)
	fs.SetOutput(errw)
	var params paramFlags
	fs.Var(&params, "param", "PATH=FROM:TO:STEPS, e.g. faults.0.from=100ms:500ms:5 or gains.kp.0=10:50:5 (repeatable)")
	seeds := fs.String("seeds", "1..1", "seed range A..B (inclusive)")
	shard := fs.String("shard", "0/1", "I/N: run the runs whose index mod N is I (Indexed Job / array task)")
	dir := fs.String("out", "hil-sweep", "output directory")
	jobs := fs.Int("jobs", 0, "concurrent runs (default: CPUs for inproc, 1 for pty protocols)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if len(pos) != 1 {
		return usagef("hil sweep: want exactly one SCENARIO.yaml")
	}
	from, to, err := hil.ParseSeeds(*seeds)
	if err != nil {
		return usageError{err}
	}
	si, sn, err := hil.ParseShard(*shard)
	if err != nil {
		return usageError{err}
	}
	s, err := hil.LoadScenario(pos[0])
	if err != nil {
		return scenarioErr(err)
	}
	if *jobs == 0 {
		*jobs = 1
		if s.Protocol == robot.ProtocolInproc {
			*jobs = runtime.NumCPU()
		}
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	name := "results.csv"
	if sn > 1 {
		name = fmt.Sprintf("results-shard%04d-of-%04d.csv", si, sn)
	}
	path := filepath.Join(*dir, name)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cw := csv.NewWriter(f)
	cw.Write(hil.SweepHeader(params))
	cfg := hil.SweepConfig{File: pos[0], Params: params, SeedFrom: from, SeedTo: to, Shard: si, Shards: sn,
		Jobs: *jobs, Progress: errw}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	failed, runs := 0, 0
	err = hil.Sweep(ctx, cfg, func(r hil.SweepRow) error {
		runs++
		if r.Err != nil || !r.Report.Passed {
			failed++
		}
		cw.Write(r.Record())
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return scenarioErr(err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	recs, err := hil.MergeCSV(io.Discard, []string{path})
	if err != nil {
		return err
	}
	svg := strings.TrimSuffix(path, ".csv") + ".svg"
	if err := os.WriteFile(svg, hil.SummarySVG(recs, s.Name), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d runs (shard %d/%d of %d), %d failed; results %s, plot %s\n", runs, si, sn, cfg.SweepRuns(), failed, path, svg)
	if failed > 0 {
		return exitError{code: 1, err: fmt.Errorf("%d of %d runs failed their expectations", failed, runs)}
	}
	return nil
}

func hilMerge(args []string, out, errw io.Writer) error {
	fs := flag.NewFlagSet("hil merge", flag.ContinueOnError)
	fs.SetOutput(errw)
	dst := fs.String("out", "", "merged directory (default: the first DIR)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if len(pos) == 0 {
		return usagef("hil merge: want one or more result directories")
	}
	var files []string
	for _, d := range pos {
		m, _ := filepath.Glob(filepath.Join(d, "results-shard*.csv"))
		if len(m) == 0 {
			m, _ = filepath.Glob(filepath.Join(d, "results.csv"))
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		return usagef("hil merge: no results*.csv in %s", strings.Join(pos, ", "))
	}
	if *dst == "" {
		*dst = pos[0]
	}
	if err := os.MkdirAll(*dst, 0o755); err != nil {
		return err
	}
	path := filepath.Join(*dst, "merged.csv")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	recs, err := hil.MergeCSV(f, files)
	if err != nil {
		return usageError{err}
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*dst, "merged.svg"), hil.SummarySVG(recs, "merged sweep"), 0o644); err != nil {
		return err
	}
	failed := 0
	for _, r := range recs[1:] {
		for i, h := range recs[0] {
			if h == "passed" && r[i] != "true" {
				failed++
			}
		}
	}
	fmt.Fprintf(out, "merged %d files: %d runs, %d failed → %s\n", len(files), len(recs)-1, failed, path)
	return nil
}
