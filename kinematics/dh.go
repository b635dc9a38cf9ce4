package kinematics

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

// dhFile is the JSON form of a modified-DH (Craig) table, as in
// shared/robots/psm/psm.json, with optional mass properties per joint.
type dhFile struct {
	Name       string      `json:"name"`
	Convention string      `json:"convention"`
	Joints     []dhJoint   `json:"joints"`
	ToolTip    [][]float64 `json:"tool_tip"`
	RCMMin     *float64    `json:"rcm_min_insertion"`
}

type dhJoint struct {
	Name   string   `json:"name"`
	Type   string   `json:"type"`
	Alpha  *float64 `json:"alpha"`
	A      *float64 `json:"a"`
	D      *float64 `json:"d"`
	Theta  *float64 `json:"theta"`
	Offset float64  `json:"offset"`
	Min    *float64 `json:"min"`
	Max    *float64 `json:"max"`
	Effort float64  `json:"effort"`
	Vel    float64  `json:"velocity"`
	// Optional mass properties of the link the joint moves, in the joint's
	// (modified-DH) frame: mass kg, com m, inertia about the COM
	// [ixx, ixy, ixz, iyy, iyz, izz] kg·m².
	Mass    float64     `json:"mass"`
	COM     *[3]float64 `json:"com"`
	Inertia *[6]float64 `json:"inertia"`
}

// ParseDH reads a modified-DH table in JSON. Each joint i contributes
// Rx(alpha)·Tx(a)·Rz(theta)·Tz(d) with theta = theta0 + q + offset for
// revolute joints and d = d0 + q + offset for prismatic ones, followed by the
// 4×4 tool_tip transform. file names the source in errors.
func ParseDH(r io.Reader, file string) (*Chain, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var f dhFile
	if err := dec.Decode(&f); err != nil {
		return nil, &ParseError{File: file, Line: jsonErrorLine(data, err), Err: fmt.Errorf("malformed JSON: %w", err)}
	}
	perr := func(field string, err error) error { return &ParseError{File: file, Field: field, Err: err} }
	if f.Convention != "" && f.Convention != "modified-dh" {
		return nil, perr("convention", fmt.Errorf("unsupported convention %q (want \"modified-dh\")", f.Convention))
	}
	if len(f.Joints) == 0 {
		return nil, perr("joints", errors.New("no joints"))
	}
	c := &Chain{Name: f.Name, Base: "base", TipName: "tool_tip", InsertionJoint: -1}
	if c.Name == "" {
		c.Name = "dh"
	}
	for i, j := range f.Joints {
		field := fmt.Sprintf("joints[%d]", i)
		if j.Name != "" {
			field = fmt.Sprintf("joints[%d] (%q)", i, j.Name)
		}
		for _, req := range []struct {
			v    *float64
			name string
		}{{j.Alpha, "alpha"}, {j.A, "a"}, {j.D, "d"}, {j.Min, "min"}, {j.Max, "max"}} {
			if req.v == nil {
				return nil, perr(field+"."+req.name, errors.New("missing"))
			}
			if !finite(*req.v) {
				return nil, perr(field+"."+req.name, errors.New("not a finite number"))
			}
		}
		theta := 0.0
		if j.Theta != nil {
			theta = *j.Theta
		}
		if !finite(theta) || !finite(j.Offset) {
			return nil, perr(field, errors.New("theta and offset must be finite"))
		}
		if *j.Min > *j.Max {
			return nil, perr(field+".min", fmt.Errorf("min %g above max %g", *j.Min, *j.Max))
		}
		name := j.Name
		if name == "" {
			name = fmt.Sprintf("joint%d", i+1)
		}
		jt := Joint{Name: name, Axis: [3]float64{0, 0, 1}, Lower: *j.Min, Upper: *j.Max, Effort: j.Effort, Velocity: j.Vel}
		var rz, tz float64
		switch j.Type {
		case "revolute", "":
			jt.Type = Revolute
			rz, tz = theta+j.Offset, *j.D
		case "prismatic":
			jt.Type = Prismatic
			rz, tz = theta, *j.D+j.Offset
			c.InsertionJoint = i
		default:
			return nil, perr(field+".type", fmt.Errorf("unsupported joint type %q (want revolute or prismatic)", j.Type))
		}
		jt.Origin = mdh(*j.Alpha, *j.A, rz, tz)
		if j.Mass < 0 || !finite(j.Mass) {
			return nil, perr(field+".mass", fmt.Errorf("invalid mass %g", j.Mass))
		}
		jt.Body.Mass = j.Mass
		if j.COM != nil {
			jt.Body.COM = *j.COM
		}
		if in := j.Inertia; in != nil {
			jt.Body.I = [9]float64{in[0], in[1], in[2], in[1], in[3], in[4], in[2], in[4], in[5]}
		}
		c.Joints = append(c.Joints, jt)
	}
	c.Tip = Identity()
	if f.ToolTip != nil {
		if len(f.ToolTip) != 4 {
			return nil, perr("tool_tip", fmt.Errorf("want a 4×4 matrix, got %d rows", len(f.ToolTip)))
		}
		for i, row := range f.ToolTip {
			if len(row) != 4 {
				return nil, perr(fmt.Sprintf("tool_tip[%d]", i), fmt.Errorf("want 4 columns, got %d", len(row)))
			}
			for k, v := range row {
				if !finite(v) {
					return nil, perr(fmt.Sprintf("tool_tip[%d][%d]", i, k), errors.New("not a finite number"))
				}
			}
			if i < 3 {
				c.Tip.R[3*i], c.Tip.R[3*i+1], c.Tip.R[3*i+2] = row[0], row[1], row[2]
				c.Tip.P[i] = row[3]
			}
		}
		if err := checkRotation(&c.Tip.R); err != nil {
			return nil, perr("tool_tip", err)
		}
	}
	if f.RCMMin != nil {
		if c.InsertionJoint < 0 {
			return nil, perr("rcm_min_insertion", errors.New("given, but the table has no prismatic insertion joint"))
		}
		if !finite(*f.RCMMin) || *f.RCMMin < 0 {
			return nil, perr("rcm_min_insertion", fmt.Errorf("invalid value %g", *f.RCMMin))
		}
		c.MinInsertion = *f.RCMMin
	}
	return c, nil
}

// mdh returns Rx(alpha)·Tx(a)·Rz(theta)·Tz(d).
func mdh(alpha, a, theta, d float64) Frame {
	sa, ca := math.Sincos(alpha)
	st, ct := math.Sincos(theta)
	return Frame{
		R: [9]float64{
			ct, -st, 0,
			st * ca, ct * ca, -sa,
			st * sa, ct * sa, ca,
		},
		P: [3]float64{a, -sa * d, ca * d},
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkRotation rejects matrices that are not rotations to 1e-6.
func checkRotation(r *[9]float64) error {
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			dot := r[3*i]*r[3*j] + r[3*i+1]*r[3*j+1] + r[3*i+2]*r[3*j+2]
			want := 0.0
			if i == j {
				want = 1
			}
			if math.Abs(dot-want) > 1e-6 {
				return fmt.Errorf("rotation part is not orthonormal (row %d·row %d = %g)", i, j, dot)
			}
		}
	}
	det := r[0]*(r[4]*r[8]-r[5]*r[7]) - r[1]*(r[3]*r[8]-r[5]*r[6]) + r[2]*(r[3]*r[7]-r[4]*r[6])
	if det < 0 {
		return errors.New("rotation part is a reflection (determinant −1)")
	}
	return nil
}

// jsonErrorLine returns the 1-based line of a JSON syntax or type error.
func jsonErrorLine(data []byte, err error) int {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return 0
	}
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}
