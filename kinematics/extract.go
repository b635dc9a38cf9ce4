package kinematics

import (
	"fmt"
	"math"
)

// Chain extracts the serial chain from link base to link tip, which must be a
// descendant of base. Fixed joints are folded into the neighbouring movable
// joints' origins and their links' mass properties merged into the body that
// carries them, as KDL's tree-to-chain conversion does. Mimic joints on the
// path are not supported (they are not independent coordinates).
func (m *Model) Chain(base, tip string) (*Chain, error) {
	if _, ok := m.Links[base]; !ok {
		return nil, fmt.Errorf("chain: unknown base link %q", base)
	}
	if _, ok := m.Links[tip]; !ok {
		return nil, fmt.Errorf("chain: unknown tip link %q", tip)
	}
	// Walk up from the tip to the base.
	var path []*ModelJoint
	for cur := tip; cur != base; {
		j, ok := m.byChild[cur]
		if !ok {
			return nil, fmt.Errorf("chain: link %q is not a descendant of %q", tip, base)
		}
		path = append(path, j)
		cur = j.Parent
	}
	for i, k := 0, len(path)-1; i < k; i, k = i+1, k-1 {
		path[i], path[k] = path[k], path[i]
	}
	c := &Chain{Name: m.Name, Base: base, TipName: tip, InsertionJoint: -1}
	acc := Identity() // pose of the current link in the current body's frame
	for _, mj := range path {
		if mj.Mimic != "" && mj.Type != Fixed {
			return nil, fmt.Errorf("chain: joint %q mimics %q; mimic joints inside a chain are not supported", mj.Name, mj.Mimic)
		}
		var pose Frame
		pose.Mul(&acc, &mj.Origin)
		if mj.Type == Fixed {
			acc = pose
		} else {
			c.Joints = append(c.Joints, Joint{
				Name: mj.Name, Type: mj.Type, Origin: pose, Axis: mj.Axis,
				Lower: mj.Lower, Upper: mj.Upper, Effort: mj.Effort, Velocity: mj.Velocity,
			})
			acc = Identity()
		}
		if n := len(c.Joints); n > 0 {
			// The child link rides on the last movable joint's body.
			addInertia(&c.Joints[n-1].Body, &acc, &m.Links[mj.Child].Inertia)
		}
	}
	c.Tip = acc
	return c, nil
}

// addInertia merges the mass properties in (given in a frame whose pose in the
// body's frame is pose) into body.
func addInertia(body *Inertia, pose *Frame, in *Inertia) {
	if in.Mass == 0 && in.I == ([9]float64{}) {
		return
	}
	com := pose.Apply(in.COM)
	I := rotateInertia(&pose.R, &in.I)
	m1, m2 := body.Mass, in.Mass
	m := m1 + m2
	var c [3]float64
	if m > 0 {
		for k := 0; k < 3; k++ {
			c[k] = (m1*body.COM[k] + m2*com[k]) / m
		}
	}
	// Parallel-axis theorem: shift both inertias to the combined COM.
	out := body.I
	shiftInertia(&out, m1, sub3(body.COM, c))
	shiftInertia(&I, m2, sub3(com, c))
	for k := range out {
		out[k] += I[k]
	}
	body.Mass, body.COM, body.I = m, c, out
}

// shiftInertia adds m·(|d|²·E − d·dᵀ) to I: an inertia about a point moved by d.
func shiftInertia(I *[9]float64, m float64, d [3]float64) {
	dd := d[0]*d[0] + d[1]*d[1] + d[2]*d[2]
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			v := -d[i] * d[j]
			if i == j {
				v += dd
			}
			I[3*i+j] += m * v
		}
	}
}

func sub3(a, b [3]float64) [3]float64 { return [3]float64{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }

// WrapAngle returns a in (−π, π].
func WrapAngle(a float64) float64 {
	a = math.Remainder(a, 2*math.Pi)
	if a <= -math.Pi {
		a += 2 * math.Pi
	}
	return a
}
