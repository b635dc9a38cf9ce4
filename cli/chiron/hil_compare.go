package chiron

import (
	"context"
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

	"github.com/chiron-robotics/chiron/hil"
	"github.com/chiron-robotics/chiron/robot"
)

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, " ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// hilCompare runs one scenario with several controllers on the same seeds
// and prints each controller's figures with their confidence intervals.
func hilCompare(args []string, out, errw io.Writer) error {
	fs := flag.NewFlagSet("hil compare", flag.ContinueOnError)
	fs.SetOutput(errw)
	ctrls := fs.String("controllers", "", "controllers to compare, comma-separated, e.g. joint-pd,cartesian-impedance (the first is the baseline of the paired differences)")
	seeds := fs.String("seeds", "1..20", "seed range A..B (inclusive): every controller runs every seed")
	var set stringList
	fs.Var(&set, "param", "PATH=VALUE applied to every run, e.g. faults.0.from=400ms (repeatable)")
	dir := fs.String("out", "", "output directory (default hil-compare/SCENARIO)")
	jobs := fs.Int("jobs", 0, "concurrent runs (default: CPUs for inproc, 1 for pty protocols)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if len(pos) != 1 {
		return usagef("hil compare: want exactly one SCENARIO.yaml")
	}
	var names []string
	for _, n := range strings.Split(*ctrls, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) < 2 {
		return usagef("hil compare: --controllers wants two or more, e.g. --controllers joint-pd,cartesian-impedance")
	}
	from, to, err := hil.ParseSeeds(*seeds)
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
	if *dir == "" {
		*dir = filepath.Join("hil-compare", strings.TrimSuffix(filepath.Base(pos[0]), filepath.Ext(pos[0])))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmp, err := hil.Compare(ctx, hil.CompareConfig{File: pos[0], Controllers: names, Set: set,
		SeedFrom: from, SeedTo: to, Jobs: *jobs, OutDir: *dir, Progress: errw})
	if err != nil {
		var se *hil.ScenarioError
		if errors.As(err, &se) || strings.HasPrefix(err.Error(), "compare:") {
			return usageError{err}
		}
		return err
	}
	fmt.Fprint(out, cmp.Table())
	fmt.Fprintf(out, "\noutputs in %s (summary.md, summary.json, runs.csv, compare.svg; recordings/ holds each controller's run at seed %d, MCAP, for opening side by side)\n", *dir, from)
	for _, c := range cmp.Controllers {
		if c.Errors > 0 {
			return exitError{code: 1, err: fmt.Errorf("%s: %d of %d runs failed to run (runs.csv says why)", c.Controller, c.Errors, c.Runs)}
		}
	}
	return nil
}
