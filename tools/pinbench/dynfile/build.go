package dynfile

import (
	"fmt"
	"math/rand/v2"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/tools/kdlbench/chainfile"
)

// Build loads a shared robot (robot) or a model file (model, base, tip) and
// returns its chain, the standard gravity field and n states: tools/kdlbench's
// joint vectors (chainfile.Configurations with seed), velocities uniform in
// ±2 and accelerations in ±5 (rad or m per s, s²) from a PCG seeded
// (seed, 11), and the torques of kinematics.InverseDynamics there.
func Build(robot, model, base, tip string, n int, seed uint64) (*kinematics.Chain, [3]float64, []State, error) {
	g := kinematics.StandardGravity
	if n < 1 {
		return nil, g, nil, fmt.Errorf("-n %d: want at least one state", n)
	}
	var qfile string
	if robot != "" {
		m, b, t, qf, err := chainfile.Robot(robot)
		if err != nil {
			return nil, g, nil, err
		}
		model, base, tip, qfile = m, b, t, qf
	}
	if model == "" {
		return nil, g, nil, fmt.Errorf("give -robot or -model")
	}
	c, err := kinematics.LoadChain(model, base, tip)
	if err != nil {
		return nil, g, nil, err
	}
	var rows [][]float64
	if qfile != "" {
		if rows, err = refdata.ReadRows(qfile); err != nil {
			return nil, g, nil, err
		}
	}
	qs, err := chainfile.Configurations(c, rows, n, seed, qfile)
	if err != nil {
		return nil, g, nil, err
	}
	d := kinematics.NewDynamics(c)
	d.G = g
	r := rand.New(rand.NewPCG(seed, 11))
	dof := c.DoF()
	states := make([]State, n)
	for i, q := range qs {
		s := State{Q: q, Qd: make([]float64, dof), Qdd: make([]float64, dof), Tau: make([]float64, dof)}
		for k := 0; k < dof; k++ {
			s.Qd[k] = 4*r.Float64() - 2
			s.Qdd[k] = 10*r.Float64() - 5
		}
		d.InverseDynamics(s.Tau, s.Q, s.Qd, s.Qdd)
		states[i] = s
	}
	return c, g, states, nil
}
