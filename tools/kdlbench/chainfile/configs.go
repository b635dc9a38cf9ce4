package chainfile

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Robot returns the model file, chain base and tip, and joint-vector file
// (its reference q.txt) of a shared robot in ../shared/robots (panda, ur5,
// iiwa, psm, …). Both benchmark harnesses (tools/kdlbench's IK targets and
// tools/pinbench's dynamics states) start from these.
func Robot(name string) (model, base, tip, qfile string, err error) {
	root := refdata.Root()
	if root == "" {
		return "", "", "", "", fmt.Errorf("../shared/robots not found (set CHIRON_SHARED)")
	}
	dir := filepath.Join(root, name)
	qfile = filepath.Join(dir, "reference", "q.txt")
	if name == "psm" {
		return filepath.Join(dir, "psm.json"), "", "", qfile, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, "reference", "chain.txt"))
	if err != nil {
		return "", "", "", "", err
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return "", "", "", "", fmt.Errorf("%s/reference/chain.txt: want 'base tip'", dir)
	}
	return filepath.Join(dir, name+".urdf"), f[0], f[1], qfile, nil
}

// Configurations returns n joint vectors for c: first the rows (e.g. the
// shared q.txt), then vectors drawn uniformly within the limits (continuous
// joints in [−π, π]) from a PCG seeded (seed, 7) — the sequence of
// kinematics' BenchmarkIK, so every harness times the same configurations.
// name labels errors (a row of the wrong length).
func Configurations(c *kinematics.Chain, rows [][]float64, n int, seed uint64, name string) ([][]float64, error) {
	lo, up := c.Limits()
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([][]float64, n)
	for i := range out {
		q := make([]float64, c.DoF())
		if i < len(rows) {
			if len(rows[i]) != c.DoF() {
				return nil, fmt.Errorf("%s row %d: %d values for %d joints", name, i+1, len(rows[i]), c.DoF())
			}
			copy(q, rows[i])
		} else {
			for k := range q {
				q[k] = lo[k] + r.Float64()*(up[k]-lo[k])
			}
		}
		out[i] = q
	}
	return out, nil
}
