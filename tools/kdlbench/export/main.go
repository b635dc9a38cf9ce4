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
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

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
		root := refdata.Root()
		if root == "" {
			return fmt.Errorf("../shared/robots not found (set CHIRON_SHARED)")
		}
		dir := filepath.Join(root, robot)
		if robot == "psm" {
			model = filepath.Join(dir, "psm.json")
		} else {
			model = filepath.Join(dir, robot+".urdf")
			b, err := os.ReadFile(filepath.Join(dir, "reference", "chain.txt"))
			if err != nil {
				return err
			}
			f := strings.Fields(string(b))
			if len(f) != 2 {
				return fmt.Errorf("%s/reference/chain.txt: want 'base tip'", dir)
			}
			base, tip = f[0], f[1]
		}
		if qfile == "" {
			qfile = filepath.Join(dir, "reference", "q.txt")
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
	// The same sequence as kinematics' ikTargets.
	lo, up := c.Limits()
	r := rand.New(rand.NewPCG(seed, 7))
	w := kinematics.NewWorkspace(c)
	targets := make([]kinematics.Frame, 0, n)
	q := make([]float64, c.DoF())
	for i := 0; i < n; i++ {
		if i < len(rows) {
			if len(rows[i]) != c.DoF() {
				return fmt.Errorf("%s row %d: %d values for %d joints", qfile, i+1, len(rows[i]), c.DoF())
			}
			copy(q, rows[i])
		} else {
			for k := range q {
				q[k] = lo[k] + r.Float64()*(up[k]-lo[k])
			}
		}
		var f kinematics.Frame
		w.FK(&f, q)
		targets = append(targets, f)
	}
	return chainfile.Write(os.Stdout, c, targets)
}
