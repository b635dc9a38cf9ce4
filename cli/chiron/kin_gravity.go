package chiron

import (
	"flag"
	"io"

	"github.com/chiron-robotics/chiron/kinematics"
)

func init() { kinTools["gravity"] = kinGravity }

// kinGravity prints the joint torques that hold the chain still against
// g = (0, 0, −9.81) m/s² for each joint vector.
func kinGravity(c *kinematics.Chain, _ *flag.FlagSet, _ []string, in io.Reader, out, _ io.Writer) error {
	d := kinematics.NewDynamics(c)
	tau := make([]float64, c.DoF())
	return eachVector(in, c.DoF(), func(q []float64, buf []byte) ([]byte, error) {
		d.Gravity(tau, q)
		return appendFloats(buf, tau...), nil
	}, out)
}
