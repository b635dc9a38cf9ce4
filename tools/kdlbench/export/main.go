// Command export writes a chain and IK targets in tools/kdlbench's text
// format: the TRAC-IK protocol's targets (joint vectors → FK), first the rows
// of a joint-vector file (e.g. the shared q.txt), then vectors drawn uniformly
// within the limits from a fixed seed, the same targets as kinematics'
// BenchmarkIK for the same seed and count.
//
//	go run ./tools/kdlbench/export -robot panda -n 1000 > /tmp/panda.txt
//	go run ./tools/kdlbench/export -model arm.urdf -base base_link -tip tool0 -n 1000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/tools/kdlbench/chainfile"
)

func main() {
	robot := flag.String("robot", "", "shared robot name (panda, iiwa, ur5, psm): model, chain and q.txt from ../shared/robots")
	model := flag.String("model", "", "URDF or DH JSON file (instead of -robot)")
	base := flag.String("base", "", "chain base link")
	tip := flag.String("tip", "", "chain tip link")
	qfile := flag.String("q", "", "joint vectors to use first, one per line (default with -robot: its q.txt)")
	n := flag.Int("n", 1000, "number of targets")
	seed := flag.Uint64("seed", 1, "seed of the uniform samples")
	flag.Parse()
	if err := run(*robot, *model, *base, *tip, *qfile, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(1)
	}
}

func run(robot, model, base, tip, qfile string, n int, seed uint64) error {
	if robot != "" {
		m, b, t, qf, err := chainfile.Robot(robot)
		if err != nil {
			return err
		}
		model, base, tip = m, b, t
		if qfile == "" {
			qfile = qf
		}
	}
	if model == "" {
		return fmt.Errorf("give -robot or -model")
	}
	c, err := kinematics.LoadChain(model, base, tip)
	if err != nil {
		return err
	}
	var rows [][]float64
	if qfile != "" {
		if rows, err = refdata.ReadRows(qfile); err != nil {
			return err
		}
	}
	qs, err := chainfile.Configurations(c, rows, n, seed, qfile)
	if err != nil {
		return err
	}
	w := kinematics.NewWorkspace(c)
	targets := make([]kinematics.Frame, len(qs))
	for i, q := range qs {
		w.FK(&targets[i], q)
	}
	return chainfile.Write(os.Stdout, c, targets)
}
