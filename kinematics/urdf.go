package kinematics

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Model is a robot's kinematic tree as read from a URDF: links and the joints
// that connect them. Extract serial chains from it with Chain.
type Model struct {
	Name   string
	Links  map[string]*Link
	Joints []*ModelJoint
	// Root is the one link that is no joint's child.
	Root    string
	byChild map[string]*ModelJoint
}

// Link is a URDF link: a name and, optionally, mass properties in its frame.
type Link struct {
	Name    string
	Inertia Inertia // zero mass when the URDF gives no <inertial>
	Line    int     // line of the <link> element in the source
}

// ModelJoint is a URDF joint between a parent and a child link.
type ModelJoint struct {
	Name             string
	Type             JointType
	Parent, Child    string
	Origin           Frame
	Axis             [3]float64
	Lower, Upper     float64
	Effort, Velocity float64
	// Mimic, when not empty, names the joint this one follows:
	// q = Multiplier·q_mimicked + Offset.
	Mimic              string
	Multiplier, Offset float64
	Line               int // line of the <joint> element in the source
}

// ParseError reports malformed model input with its location.
type ParseError struct {
	File  string // may be empty
	Line  int    // 0 when unknown
	Field string // element/attribute path, e.g. `joint "elbow" origin xyz`
	Err   error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
	} else {
		b.WriteString("input")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		b.WriteString(": ")
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

type xmlOrigin struct {
	XYZ string `xml:"xyz,attr"`
	RPY string `xml:"rpy,attr"`
}

type xmlLink struct {
	Name     string `xml:"name,attr"`
	Inertial *struct {
		Origin *xmlOrigin `xml:"origin"`
		Mass   *struct {
			Value string `xml:"value,attr"`
		} `xml:"mass"`
		Inertia *struct {
			Ixx string `xml:"ixx,attr"`
			Ixy string `xml:"ixy,attr"`
			Ixz string `xml:"ixz,attr"`
			Iyy string `xml:"iyy,attr"`
			Iyz string `xml:"iyz,attr"`
			Izz string `xml:"izz,attr"`
		} `xml:"inertia"`
	} `xml:"inertial"`
}

type xmlJoint struct {
	Name   string     `xml:"name,attr"`
	Type   string     `xml:"type,attr"`
	Origin *xmlOrigin `xml:"origin"`
	Parent struct {
		Link string `xml:"link,attr"`
	} `xml:"parent"`
	Child struct {
		Link string `xml:"link,attr"`
	} `xml:"child"`
	Axis *struct {
		XYZ string `xml:"xyz,attr"`
	} `xml:"axis"`
	Limit *struct {
		Lower    string `xml:"lower,attr"`
		Upper    string `xml:"upper,attr"`
		Effort   string `xml:"effort,attr"`
		Velocity string `xml:"velocity,attr"`
	} `xml:"limit"`
	Mimic *struct {
		Joint      string `xml:"joint,attr"`
		Multiplier string `xml:"multiplier,attr"`
		Offset     string `xml:"offset,attr"`
	} `xml:"mimic"`
}

// ParseURDF reads a URDF document. file names the source in errors (may be
// empty). Meshes, visuals, collisions, transmissions and unknown elements are
// ignored.
func ParseURDF(r io.Reader, file string) (*Model, error) {
	d := xml.NewDecoder(r)
	m := &Model{Links: map[string]*Link{}, byChild: map[string]*ModelJoint{}}
	perr := func(line int, field string, err error) error {
		return &ParseError{File: file, Line: line, Field: field, Err: err}
	}
	depth := 0
	sawRobot := false
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ = d.InputPos()
			return nil, perr(xmlLine(err, line), "", fmt.Errorf("malformed XML: %w", err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if t.Name.Local != "robot" {
					return nil, perr(line, t.Name.Local, errors.New("root element is not <robot>"))
				}
				sawRobot = true
				for _, a := range t.Attr {
					if a.Name.Local == "name" {
						m.Name = a.Value
					}
				}
				depth++
				continue
			}
			if depth == 1 && t.Name.Local == "link" {
				var x xmlLink
				if err := d.DecodeElement(&x, &t); err != nil {
					return nil, perr(xmlLine(err, line), "link", fmt.Errorf("malformed XML: %w", err))
				}
				l, err := convertLink(&x, line)
				if err != nil {
					return nil, perr(line, "", err)
				}
				if _, dup := m.Links[l.Name]; dup {
					return nil, perr(line, fmt.Sprintf("link %q", l.Name), errors.New("defined twice"))
				}
				m.Links[l.Name] = l
				continue
			}
			if depth == 1 && t.Name.Local == "joint" {
				var x xmlJoint
				if err := d.DecodeElement(&x, &t); err != nil {
					return nil, perr(xmlLine(err, line), "joint", fmt.Errorf("malformed XML: %w", err))
				}
				j, err := convertJoint(&x, line)
				if err != nil {
					return nil, perr(line, "", err)
				}
				m.Joints = append(m.Joints, j)
				continue
			}
			if err := d.Skip(); err != nil {
				return nil, perr(xmlLine(err, line), t.Name.Local, fmt.Errorf("malformed XML: %w", err))
			}
		case xml.EndElement:
			depth--
		}
	}
	if !sawRobot {
		return nil, perr(0, "", errors.New("no <robot> element"))
	}
	return m, m.link(file)
}

// link checks the tree's references and finds its root.
func (m *Model) link(file string) error {
	names := map[string]bool{}
	for _, j := range m.Joints {
		field := fmt.Sprintf("joint %q", j.Name)
		if names[j.Name] {
			return &ParseError{File: file, Line: j.Line, Field: field, Err: errors.New("defined twice")}
		}
		names[j.Name] = true
		if _, ok := m.Links[j.Parent]; !ok {
			return &ParseError{File: file, Line: j.Line, Field: field + " parent", Err: fmt.Errorf("unknown link %q", j.Parent)}
		}
		if _, ok := m.Links[j.Child]; !ok {
			return &ParseError{File: file, Line: j.Line, Field: field + " child", Err: fmt.Errorf("unknown link %q", j.Child)}
		}
		if other, dup := m.byChild[j.Child]; dup {
			return &ParseError{File: file, Line: j.Line, Field: field + " child", Err: fmt.Errorf("link %q already has parent joint %q", j.Child, other.Name)}
		}
		m.byChild[j.Child] = j
	}
	for _, j := range m.Joints {
		if j.Mimic != "" && !names[j.Mimic] {
			return &ParseError{File: file, Line: j.Line, Field: fmt.Sprintf("joint %q mimic", j.Name), Err: fmt.Errorf("unknown joint %q", j.Mimic)}
		}
	}
	var roots []string
	for name := range m.Links {
		if _, has := m.byChild[name]; !has {
			roots = append(roots, name)
		}
	}
	switch {
	case len(m.Links) == 0:
		return &ParseError{File: file, Err: errors.New("robot has no links")}
	case len(roots) != 1:
		return &ParseError{File: file, Err: fmt.Errorf("robot has %d root links %v; a tree has exactly one", len(roots), roots)}
	}
	m.Root = roots[0]
	// Reject cycles: every link must reach the root.
	for name := range m.Links {
		seen := 0
		for cur := name; cur != m.Root; seen++ {
			if seen > len(m.Joints) {
				return &ParseError{File: file, Err: fmt.Errorf("joint cycle through link %q", name)}
			}
			cur = m.byChild[cur].Parent
		}
	}
	return nil
}

func convertLink(x *xmlLink, line int) (*Link, error) {
	if x.Name == "" {
		return nil, errors.New("link: missing name")
	}
	l := &Link{Name: x.Name, Line: line}
	in := x.Inertial
	if in == nil {
		return l, nil
	}
	field := fmt.Sprintf("link %q inertial", x.Name)
	o, err := parseOrigin(in.Origin, field+" origin")
	if err != nil {
		return nil, err
	}
	if in.Mass != nil {
		if l.Inertia.Mass, err = parseFloat(in.Mass.Value, field+" mass value"); err != nil {
			return nil, err
		}
		if l.Inertia.Mass < 0 {
			return nil, fmt.Errorf("%s mass value: negative mass %g", field, l.Inertia.Mass)
		}
	}
	var I [9]float64
	if t := in.Inertia; t != nil {
		vals := [6]*float64{&I[0], &I[1], &I[2], &I[4], &I[5], &I[8]}
		strs := [6]string{t.Ixx, t.Ixy, t.Ixz, t.Iyy, t.Iyz, t.Izz}
		attrs := [6]string{"ixx", "ixy", "ixz", "iyy", "iyz", "izz"}
		for k := range vals {
			if strs[k] == "" {
				continue
			}
			if *vals[k], err = parseFloat(strs[k], field+" inertia "+attrs[k]); err != nil {
				return nil, err
			}
		}
		I[3], I[6], I[7] = I[1], I[2], I[5]
	}
	// Rotate the inertia from the inertial frame into the link frame: R·I·Rᵀ.
	l.Inertia.COM = o.P
	l.Inertia.I = rotateInertia(&o.R, &I)
	return l, nil
}

func convertJoint(x *xmlJoint, line int) (*ModelJoint, error) {
	if x.Name == "" {
		return nil, errors.New("joint: missing name")
	}
	field := fmt.Sprintf("joint %q", x.Name)
	j := &ModelJoint{Name: x.Name, Parent: x.Parent.Link, Child: x.Child.Link, Line: line, Axis: [3]float64{1, 0, 0}}
	switch x.Type {
	case "revolute":
		j.Type = Revolute
	case "continuous":
		j.Type = Continuous
	case "prismatic":
		j.Type = Prismatic
	case "fixed":
		j.Type = Fixed
	case "":
		return nil, fmt.Errorf("%s: missing type", field)
	default:
		return nil, fmt.Errorf("%s type: unsupported joint type %q (want revolute, continuous, prismatic or fixed)", field, x.Type)
	}
	if j.Parent == "" {
		return nil, fmt.Errorf("%s parent: missing link", field)
	}
	if j.Child == "" {
		return nil, fmt.Errorf("%s child: missing link", field)
	}
	var err error
	if j.Origin, err = parseOrigin(x.Origin, field+" origin"); err != nil {
		return nil, err
	}
	if x.Axis != nil && j.Type != Fixed {
		a, err := parseVec3(x.Axis.XYZ, field+" axis xyz", [3]float64{1, 0, 0})
		if err != nil {
			return nil, err
		}
		n := math.Sqrt(a[0]*a[0] + a[1]*a[1] + a[2]*a[2])
		if n < 1e-12 {
			return nil, fmt.Errorf("%s axis xyz: zero-length axis", field)
		}
		j.Axis = [3]float64{a[0] / n, a[1] / n, a[2] / n}
	}
	j.Lower, j.Upper = math.Inf(-1), math.Inf(1)
	if lim := x.Limit; lim != nil {
		type attr struct {
			s    string
			name string
			dst  *float64
		}
		var lo, up float64
		for _, a := range []attr{{lim.Lower, "lower", &lo}, {lim.Upper, "upper", &up}, {lim.Effort, "effort", &j.Effort}, {lim.Velocity, "velocity", &j.Velocity}} {
			if a.s == "" {
				continue
			}
			if *a.dst, err = parseFloat(a.s, field+" limit "+a.name); err != nil {
				return nil, err
			}
		}
		if j.Type == Revolute || j.Type == Prismatic {
			if lo > up {
				return nil, fmt.Errorf("%s limit: lower %g above upper %g", field, lo, up)
			}
			j.Lower, j.Upper = lo, up
		}
	} else if j.Type == Revolute || j.Type == Prismatic {
		return nil, fmt.Errorf("%s: %s joint without <limit>", field, x.Type)
	}
	if mm := x.Mimic; mm != nil {
		if mm.Joint == "" {
			return nil, fmt.Errorf("%s mimic: missing joint", field)
		}
		j.Mimic, j.Multiplier = mm.Joint, 1
		if mm.Multiplier != "" {
			if j.Multiplier, err = parseFloat(mm.Multiplier, field+" mimic multiplier"); err != nil {
				return nil, err
			}
		}
		if mm.Offset != "" {
			if j.Offset, err = parseFloat(mm.Offset, field+" mimic offset"); err != nil {
				return nil, err
			}
		}
	}
	return j, nil
}

func parseOrigin(o *xmlOrigin, field string) (Frame, error) {
	f := Identity()
	if o == nil {
		return f, nil
	}
	p, err := parseVec3(o.XYZ, field+" xyz", [3]float64{})
	if err != nil {
		return f, err
	}
	rpy, err := parseVec3(o.RPY, field+" rpy", [3]float64{})
	if err != nil {
		return f, err
	}
	f.P = p
	f.R = RPY(rpy[0], rpy[1], rpy[2])
	return f, nil
}

func parseVec3(s, field string, def [3]float64) ([3]float64, error) {
	fs := strings.Fields(s)
	if len(fs) == 0 {
		return def, nil
	}
	if len(fs) != 3 {
		return def, fmt.Errorf("%s: want 3 numbers, got %d in %q", field, len(fs), s)
	}
	var v [3]float64
	for i, f := range fs {
		x, err := parseFloat(f, field)
		if err != nil {
			return def, err
		}
		v[i] = x
	}
	return v, nil
}

func parseFloat(s, field string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("%s: not a number: %q", field, s)
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%s: not a finite number: %q", field, s)
	}
	return x, nil
}

// rotateInertia returns R·I·Rᵀ.
func rotateInertia(r, in *[9]float64) [9]float64 {
	var tmp, out [9]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			tmp[3*i+j] = r[3*i]*in[j] + r[3*i+1]*in[3+j] + r[3*i+2]*in[6+j]
		}
	}
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			out[3*i+j] = tmp[3*i]*r[3*j] + tmp[3*i+1]*r[3*j+1] + tmp[3*i+2]*r[3*j+2]
		}
	}
	return out
}

// xmlLine returns the line an XML syntax error names, or def.
func xmlLine(err error, def int) int {
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Line > 0 {
		return se.Line
	}
	return def
}
