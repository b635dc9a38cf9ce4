// Package chainfile writes and reads the plain-text chain-and-targets format
// that tools/kdlbench's C++ program (Orocos KDL) and Go programs share, so
// that both IK solvers see exactly the same chain and the same target poses.
//
//	kdlbench 1
//	joint <revolute|continuous|prismatic> ax ay az px py pz r11 … r33 lower upper
//	tip px py pz r11 … r33
//	targets M
//	x y z r11 … r33          (M lines)
//
// A joint line gives the axis in the joint frame, the origin (pose of the
// joint frame in the previous body's frame at zero, kinematics.Joint.Origin)
// and the limits; tip is kinematics.Chain.Tip. Numbers are printed with 17
// significant digits, so a round trip is exact.
package chainfile

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/chiron-robotics/chiron/kinematics"
)

// Write writes c and the target poses.
func Write(w io.Writer, c *kinematics.Chain, targets []kinematics.Frame) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "kdlbench 1")
	for _, j := range c.Joints {
		lo, hi := j.Lower, j.Upper
		if j.Type == kinematics.Continuous {
			lo, hi = -math.Pi, math.Pi
		}
		fmt.Fprintf(bw, "joint %s %s %s %s %s\n", j.Type, nums(j.Axis[:]), frame(&j.Origin), g(lo), g(hi))
	}
	fmt.Fprintf(bw, "tip %s\n", frame(&c.Tip))
	fmt.Fprintf(bw, "targets %d\n", len(targets))
	for i := range targets {
		fmt.Fprintln(bw, frame(&targets[i]))
	}
	return bw.Flush()
}

func g(v float64) string { return strconv.FormatFloat(v, 'g', 17, 64) }

func nums(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = g(x)
	}
	return strings.Join(s, " ")
}

func frame(f *kinematics.Frame) string { return nums(f.P[:]) + " " + nums(f.R[:]) }

// Read parses the format back into a chain and its targets.
func Read(r io.Reader) (*kinematics.Chain, []kinematics.Frame, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	tok := strings.Fields(string(data))
	pos := 0
	next := func() (string, error) {
		if pos >= len(tok) {
			return "", io.ErrUnexpectedEOF
		}
		pos++
		return tok[pos-1], nil
	}
	num := func() (float64, error) {
		s, err := next()
		if err != nil {
			return 0, err
		}
		return strconv.ParseFloat(s, 64)
	}
	readN := func(dst []float64) error {
		for i := range dst {
			v, err := num()
			if err != nil {
				return err
			}
			dst[i] = v
		}
		return nil
	}
	readFrame := func(f *kinematics.Frame) error {
		if err := readN(f.P[:]); err != nil {
			return err
		}
		return readN(f.R[:])
	}
	if a, _ := next(); a != "kdlbench" {
		return nil, nil, fmt.Errorf("chainfile: input must start with \"kdlbench 1\"")
	}
	if v, _ := next(); v != "1" {
		return nil, nil, fmt.Errorf("chainfile: unsupported version %q", v)
	}
	c := &kinematics.Chain{Name: "kdlbench", Base: "base", TipName: "tip", Tip: kinematics.Identity(), InsertionJoint: -1}
	var targets []kinematics.Frame
	for pos < len(tok) {
		kw, _ := next()
		switch kw {
		case "joint":
			typ, err := next()
			if err != nil {
				return nil, nil, err
			}
			j := kinematics.Joint{Name: fmt.Sprintf("j%d", len(c.Joints)+1)}
			switch typ {
			case "revolute":
				j.Type = kinematics.Revolute
			case "continuous":
				j.Type = kinematics.Continuous
			case "prismatic":
				j.Type = kinematics.Prismatic
			default:
				return nil, nil, fmt.Errorf("chainfile: joint type %q", typ)
			}
			var lim [2]float64
			if err := readN(j.Axis[:]); err != nil {
				return nil, nil, err
			}
			if err := readFrame(&j.Origin); err != nil {
				return nil, nil, err
			}
			if err := readN(lim[:]); err != nil {
				return nil, nil, err
			}
			j.Lower, j.Upper = lim[0], lim[1]
			if j.Type == kinematics.Continuous {
				j.Lower, j.Upper = math.Inf(-1), math.Inf(1)
			}
			c.Joints = append(c.Joints, j)
		case "tip":
			if err := readFrame(&c.Tip); err != nil {
				return nil, nil, err
			}
		case "targets":
			m, err := num()
			if err != nil {
				return nil, nil, err
			}
			targets = make([]kinematics.Frame, int(m))
			for i := range targets {
				if err := readFrame(&targets[i]); err != nil {
					return nil, nil, fmt.Errorf("chainfile: target %d: %w", i, err)
				}
			}
		default:
			return nil, nil, fmt.Errorf("chainfile: unknown keyword %q", kw)
		}
	}
	return c, targets, nil
}
