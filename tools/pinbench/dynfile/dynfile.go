// Package dynfile writes and reads the plain-text chain-and-states format
// that tools/pinbench's C++ program (Pinocchio and Orocos KDL) and its Go
// driver (chiron) share, so that the three libraries time exactly the same
// model at exactly the same states.
//
//	pinbench 1
//	joint <revolute|continuous|prismatic> ax ay az px py pz r11 … r33 m cx cy cz i11 … i33
//	tip px py pz r11 … r33
//	gravity gx gy gz
//	states M
//	q… q̇… q̈… τ…               (M lines of 4·DoF numbers)
//
// A joint line gives the axis in the joint frame, the origin (pose of the
// joint frame in the previous body's frame at zero, kinematics.Joint.Origin)
// and the body the joint moves (kinematics.Joint.Body: mass, kg; centre of
// mass, m, and rotational inertia about it, kg·m², both in the body frame);
// tip is kinematics.Chain.Tip and gravity the field in the base frame, m/s².
// Numbers are printed with 17 significant digits, so a round trip is exact.
package dynfile

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/chiron-robotics/chiron/kinematics"
)

// State is one configuration: position, velocity, acceleration (for inverse
// dynamics) and torque (for forward dynamics), DoF values each.
type State struct {
	Q, Qd, Qdd, Tau []float64
}

// Write writes c, the gravity field g and the states.
func Write(w io.Writer, c *kinematics.Chain, g [3]float64, states []State) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "pinbench 1")
	for i := range c.Joints {
		j := &c.Joints[i]
		b := &j.Body
		fmt.Fprintf(bw, "joint %s %s %s %s %s %s %s\n", j.Type, nums(j.Axis[:]), nums(j.Origin.P[:]), nums(j.Origin.R[:]),
			num(b.Mass), nums(b.COM[:]), nums(b.I[:]))
	}
	fmt.Fprintf(bw, "tip %s %s\n", nums(c.Tip.P[:]), nums(c.Tip.R[:]))
	fmt.Fprintf(bw, "gravity %s\n", nums(g[:]))
	fmt.Fprintf(bw, "states %d\n", len(states))
	for i, s := range states {
		n := c.DoF()
		if len(s.Q) != n || len(s.Qd) != n || len(s.Qdd) != n || len(s.Tau) != n {
			return fmt.Errorf("dynfile: state %d: q, qd, qdd, tau have %d, %d, %d, %d values for %d joints", i, len(s.Q), len(s.Qd), len(s.Qdd), len(s.Tau), n)
		}
		fmt.Fprintf(bw, "%s %s %s %s\n", nums(s.Q), nums(s.Qd), nums(s.Qdd), nums(s.Tau))
	}
	return bw.Flush()
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', 17, 64) }

func nums(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = num(x)
	}
	return strings.Join(s, " ")
}

// Read parses the format back into a chain, its gravity field and states.
// Errors name the keyword or the state and the token that failed.
func Read(r io.Reader) (*kinematics.Chain, [3]float64, []State, error) {
	var g [3]float64
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, g, nil, fmt.Errorf("dynfile: %w", err)
	}
	tok := strings.Fields(string(data))
	pos := 0
	next := func(what string) (string, error) {
		if pos >= len(tok) {
			return "", fmt.Errorf("dynfile: %s: %w", what, io.ErrUnexpectedEOF)
		}
		pos++
		return tok[pos-1], nil
	}
	readN := func(what string, dst []float64) error {
		for i := range dst {
			s, err := next(what)
			if err != nil {
				return err
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return fmt.Errorf("dynfile: %s: %w", what, err)
			}
			dst[i] = v
		}
		return nil
	}
	if a, _ := next("header"); a != "pinbench" {
		return nil, g, nil, fmt.Errorf("dynfile: input must start with \"pinbench 1\"")
	}
	if v, _ := next("header"); v != "1" {
		return nil, g, nil, fmt.Errorf("dynfile: unsupported version %q", v)
	}
	c := &kinematics.Chain{Name: "pinbench", Base: "base", TipName: "tip", Tip: kinematics.Identity(), InsertionJoint: -1}
	var states []State
	for pos < len(tok) {
		kw, _ := next("keyword")
		switch kw {
		case "joint":
			what := fmt.Sprintf("joint %d", len(c.Joints)+1)
			typ, err := next(what)
			if err != nil {
				return nil, g, nil, err
			}
			j := kinematics.Joint{Name: fmt.Sprintf("j%d", len(c.Joints)+1), Lower: math.Inf(-1), Upper: math.Inf(1)}
			switch typ {
			case "revolute":
				j.Type = kinematics.Revolute
			case "continuous":
				j.Type = kinematics.Continuous
			case "prismatic":
				j.Type = kinematics.Prismatic
			default:
				return nil, g, nil, fmt.Errorf("dynfile: %s: joint type %q", what, typ)
			}
			var v [1]float64
			for _, dst := range [][]float64{j.Axis[:], j.Origin.P[:], j.Origin.R[:], v[:], j.Body.COM[:], j.Body.I[:]} {
				if err := readN(what, dst); err != nil {
					return nil, g, nil, err
				}
			}
			j.Body.Mass = v[0]
			c.Joints = append(c.Joints, j)
		case "tip":
			if err := readN("tip", c.Tip.P[:]); err != nil {
				return nil, g, nil, err
			}
			if err := readN("tip", c.Tip.R[:]); err != nil {
				return nil, g, nil, err
			}
		case "gravity":
			if err := readN("gravity", g[:]); err != nil {
				return nil, g, nil, err
			}
		case "states":
			var m [1]float64
			if err := readN("states", m[:]); err != nil {
				return nil, g, nil, err
			}
			if m[0] < 0 || m[0] != math.Trunc(m[0]) {
				return nil, g, nil, fmt.Errorf("dynfile: states: count %v", m[0])
			}
			n := c.DoF()
			states = make([]State, int(m[0]))
			for i := range states {
				v := make([]float64, 4*n)
				if err := readN(fmt.Sprintf("state %d", i+1), v); err != nil {
					return nil, g, nil, err
				}
				states[i] = State{Q: v[:n:n], Qd: v[n : 2*n : 2*n], Qdd: v[2*n : 3*n : 3*n], Tau: v[3*n:]}
			}
		default:
			return nil, g, nil, fmt.Errorf("dynfile: unknown keyword %q", kw)
		}
	}
	if len(c.Joints) == 0 {
		return nil, g, nil, fmt.Errorf("dynfile: no joint")
	}
	return c, g, states, nil
}
