package chiron

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"gonum.org/v1/gonum/mat"

	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

func init() {
	register(command{
		name:    "kin",
		summary: "kinematics tools: fk, jacobian, gravity, ik, info on a URDF or DH model",
		run:     runKin,
	})
}

// kinTools maps each kin tool to its implementation; tools defined in other
// files add themselves here.
var kinTools = map[string]func(c *kinematics.Chain, fs *flag.FlagSet, args []string, in io.Reader, out, errw io.Writer) error{
	"fk":       kinFK,
	"jacobian": kinJacobian,
	"info":     kinInfo,
}

const kinUsage = `usage: chiron kin fk|jacobian|gravity|ik|info --model FILE [--base LINK] [--tip LINK] [flags]

  fk        joint vectors on stdin → tip pose "x y z r11 r12 r13 r21 r22 r23 r31 r32 r33"
  jacobian  joint vectors on stdin → 6×N geometric Jacobian, row-major (linear rows, then angular)
  gravity   joint vectors on stdin → joint torques holding the chain against g = (0, 0, -9.81)
  ik        target poses on stdin → joint vector or "fail"; summary on stderr
  info      joints, types, limits, masses and chain of the model
Joint vectors: numbers separated by spaces, one vector per line, chain order.`

func runKin(args []string, in io.Reader, out, errw io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(out, kinUsage)
		if len(args) == 0 {
			return usagef("missing tool")
		}
		return nil
	}
	tool, ok := kinTools[args[0]]
	if !ok {
		return usagef("unknown tool %q (want fk, jacobian, gravity, ik or info; see 'chiron kin -h')", args[0])
	}
	fs := flag.NewFlagSet("kin "+args[0], flag.ContinueOnError)
	fs.SetOutput(errw)
	model := fs.String("model", "", "robot model: URDF (.urdf) or modified-DH table (.json)")
	base := fs.String("base", "", "chain base link (default: the URDF's root)")
	tip := fs.String("tip", "", "chain tip link (default: the URDF's single leaf)")
	// Tool-specific flags are declared before parsing by the tool's setup.
	if setup, ok := kinFlagSetup[args[0]]; ok {
		setup(fs)
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *model == "" {
		return usagef("--model FILE is required")
	}
	c, err := robot.LoadModel(*model, *base, *tip)
	if err != nil {
		return usageError{err}
	}
	return tool(c, fs, fs.Args(), in, out, errw)
}

// kinFlagSetup lets a tool declare its own flags.
var kinFlagSetup = map[string]func(fs *flag.FlagSet){}

func kinFK(c *kinematics.Chain, _ *flag.FlagSet, _ []string, in io.Reader, out, _ io.Writer) error {
	w := kinematics.NewWorkspace(c)
	var f kinematics.Frame
	return eachVector(in, c.DoF(), func(q []float64, buf []byte) ([]byte, error) {
		w.FK(&f, q)
		buf = appendFloats(buf, f.P[:]...)
		buf = append(buf, ' ')
		return appendFloats(buf, f.R[:]...), nil
	}, out)
}

func kinJacobian(c *kinematics.Chain, _ *flag.FlagSet, _ []string, in io.Reader, out, _ io.Writer) error {
	w := kinematics.NewWorkspace(c)
	J := mat.NewDense(6, c.DoF(), nil)
	return eachVector(in, c.DoF(), func(q []float64, buf []byte) ([]byte, error) {
		w.Jacobian(J, q)
		return appendFloats(buf, J.RawMatrix().Data...), nil
	}, out)
}

// eachVector reads joint vectors of length n from in and writes one output
// line per vector.
func eachVector(in io.Reader, n int, f func(q []float64, buf []byte) ([]byte, error), out io.Writer) error {
	r := newVectorReader(in, "stdin", n)
	var buf []byte
	for {
		q, err := r.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if buf, err = f(q, buf[:0]); err != nil {
			return fmt.Errorf("stdin:%d: %w", r.line, err)
		}
		if err := writeLine(out, buf); err != nil {
			return err
		}
	}
}

func kinInfo(c *kinematics.Chain, _ *flag.FlagSet, _ []string, _ io.Reader, out, _ io.Writer) error {
	fmt.Fprintf(out, "model   %s\nchain   %s → %s\njoints  %d\n", c.Name, c.Base, c.TipName, c.DoF())
	if c.MinInsertion > 0 {
		fmt.Fprintf(out, "rcm     mechanical, at the base origin; minimum insertion %g m (joint %q)\n", c.MinInsertion, c.Joints[c.InsertionJoint].Name)
	}
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\n#\tjoint\ttype\taxis\tlower\tupper\teffort\tvelocity\tbody mass (kg)")
	total := 0.0
	for i, j := range c.Joints {
		unit := "rad"
		if j.Type == kinematics.Prismatic {
			unit = "m"
		}
		lo, up := fmt.Sprintf("%.4g %s", j.Lower, unit), fmt.Sprintf("%.4g %s", j.Upper, unit)
		if math.IsInf(j.Lower, 0) {
			lo, up = "-", "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%g\t%g\t%.4g\n", i+1, j.Name, j.Type,
			strings.Trim(fmt.Sprint(j.Axis), "[]"), lo, up, j.Effort, j.Velocity, j.Body.Mass)
		total += j.Body.Mass
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nmoving mass %.4g kg\n", total)
	return nil
}
