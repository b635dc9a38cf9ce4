package kinematics

import (
	"bytes"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
)

// reparse exports c, parses the URDF back with the URDF loader and returns
// the chain from the exported base to the exported tip.
func reparse(t *testing.T, c *Chain) (*Chain, *Model, []byte) {
	t.Helper()
	text, err := ExportURDF(c)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseURDF(bytes.NewReader(text), "exported.urdf")
	if err != nil {
		t.Fatalf("exported URDF does not parse: %v\n%s", err, text)
	}
	links := URDFLinkNames(c)
	back, err := m.Chain(links[0], links[len(links)-1])
	if err != nil {
		t.Fatal(err)
	}
	return back, m, text
}

// TestExportURDFRoundTrip exports the repository's PSM (a modified-DH
// table) and every shared robot to URDF, parses it back with the URDF
// loader and checks that the tip pose and every link frame equal the
// original chain's at 200 random configurations within the joint limits,
// to 1e-9; that joint names, types, limits and mass properties survive; and
// that the links are named as URDFLinkNames says (the transform frames).
func TestExportURDFRoundTrip(t *testing.T) {
	chains := map[string]*Chain{}
	psm, err := LoadChain(filepath.Join("..", "robots", "psm.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	chains["psm.json (modified DH)"] = psm
	if refdata.Root() != "" {
		for _, name := range refdata.Names {
			_, c := loadRef(t, name)
			chains["shared "+name] = c
		}
	} else {
		t.Log("shared robots absent (/work/shared/robots): only the repository's PSM is exported")
	}
	for name, c := range chains {
		t.Run(name, func(t *testing.T) {
			back, m, text := reparse(t, c)
			links := URDFLinkNames(c)
			if len(m.Links) != len(links) || m.Root != links[0] {
				t.Fatalf("links %d root %q, want %v", len(m.Links), m.Root, links)
			}
			for _, l := range links {
				if m.Links[l] == nil {
					t.Errorf("link %q missing from the URDF", l)
				}
			}
			if back.DoF() != c.DoF() {
				t.Fatalf("DoF %d, want %d", back.DoF(), c.DoF())
			}
			for i := range c.Joints {
				a, b := &c.Joints[i], &back.Joints[i]
				if a.Name != b.Name || a.Type != b.Type || math.Abs(a.Effort-b.Effort) > 1e-12 || math.Abs(a.Velocity-b.Velocity) > 1e-12 {
					t.Errorf("joint %d: %+v, want %+v", i, b, a)
				}
				if a.Type != Continuous && (a.Lower != b.Lower || a.Upper != b.Upper) {
					t.Errorf("joint %q limits [%g, %g], want [%g, %g]", a.Name, b.Lower, b.Upper, a.Lower, a.Upper)
				}
				if math.Abs(a.Body.Mass-b.Body.Mass) > 1e-12 {
					t.Errorf("joint %q body mass %g, want %g", a.Name, b.Body.Mass, a.Body.Mass)
				}
			}
			lo, hi := c.Limits()
			rng := rand.New(rand.NewPCG(15, 1))
			wa, wb := NewWorkspace(c), NewWorkspace(back)
			fa, fb := make([]Frame, c.DoF()), make([]Frame, c.DoF())
			q := make([]float64, c.DoF())
			worst := 0.0
			for range 200 {
				for i := range q {
					q[i] = lo[i] + rng.Float64()*(hi[i]-lo[i])
				}
				ta, tb := wa.Frames(fa, q), wb.Frames(fb, q)
				fa, fb = append(fa, ta), append(fb, tb)
				for k := range fa {
					for e := range 9 {
						worst = math.Max(worst, math.Abs(fa[k].R[e]-fb[k].R[e]))
					}
					for e := range 3 {
						worst = math.Max(worst, math.Abs(fa[k].P[e]-fb[k].P[e]))
					}
				}
				fa, fb = fa[:c.DoF()], fb[:c.DoF()]
			}
			if worst > 1e-9 {
				t.Errorf("exported URDF's FK differs by %.3g (> 1e-9)\n%s", worst, text)
			}
			t.Logf("%d joints, largest FK difference %.2g", c.DoF(), worst)
		})
	}
}

// TestLinkTransformsComposeToFK: the per-link transforms, chained from the
// base, give every link frame and the tip as FK does; a joint whose
// position is not finite is reported and its transform left alone.
func TestLinkTransformsComposeToFK(t *testing.T) {
	c, err := LoadChain(filepath.Join("..", "robots", "psm.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	n := c.DoF()
	q := []float64{0.3, -0.2, 0.1, 0.5, -0.4, 0.2}
	dst, ok := make([]Frame, n+1), make([]bool, n)
	if err := LinkTransforms(c, dst, ok, q); err != nil {
		t.Fatal(err)
	}
	w := NewWorkspace(c)
	frames := make([]Frame, n)
	tip := w.Frames(frames, q)
	acc := Identity()
	for i := range n + 1 {
		var next Frame
		next.Mul(&acc, &dst[i])
		acc = next
		want := tip
		if i < n {
			want = frames[i]
		}
		for e := range 3 {
			if math.Abs(acc.P[e]-want.P[e]) > 1e-12 {
				t.Fatalf("link %d position %v, FK %v", i, acc.P, want.P)
			}
		}
	}
	dst[2] = Frame{}
	q[2] = math.NaN()
	if err := LinkTransforms(c, dst, ok, q); err != nil || ok[2] || !ok[1] || dst[2] != (Frame{}) {
		t.Errorf("NaN joint: err %v ok %v frame %v", err, ok, dst[2])
	}
	if err := LinkTransforms(c, dst[:n], nil, q); err == nil {
		t.Error("a short dst was accepted")
	}
	if allocs := testing.AllocsPerRun(100, func() { _ = LinkTransforms(c, dst, ok, q) }); allocs != 0 {
		t.Errorf("LinkTransforms allocates %v per call", allocs)
	}
}

// TestExportURDFRefusesWhatItCannotWrite: each refusal names the joint and
// the field.
func TestExportURDFRefusesWhatItCannotWrite(t *testing.T) {
	good := func() *Chain {
		return &Chain{Name: "r", Base: "base", TipName: "tip", Tip: Identity(), Joints: []Joint{
			{Name: "a", Type: Revolute, Origin: Identity(), Axis: [3]float64{0, 0, 1}, Lower: -1, Upper: 1},
			{Name: "b", Type: Prismatic, Origin: Identity(), Axis: [3]float64{0, 0, 1}, Lower: 0, Upper: 0.2},
		}}
	}
	for _, tc := range []struct {
		name string
		edit func(c *Chain)
		want string
	}{
		{"no joints", func(c *Chain) { c.Joints = nil }, "no joints"},
		{"empty name", func(c *Chain) { c.Joints[1].Name = "" }, "joints[1]: empty name"},
		{"twice", func(c *Chain) { c.Joints[1].Name = "a" }, `joints[1] ("a"): name used twice`},
		{"nan origin", func(c *Chain) { c.Joints[0].Origin.P[1] = math.NaN() }, `joints[0] ("a") origin`},
		{"inf limit", func(c *Chain) { c.Joints[1].Upper = math.Inf(1) }, `joints[1] ("b") limit`},
		{"fixed", func(c *Chain) { c.Joints[0].Type = Fixed }, `joints[0] ("a") type`},
		{"tip", func(c *Chain) { c.Tip.R[0] = math.NaN() }, "tip: not finite"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := good()
			tc.edit(c)
			if _, err := ExportURDF(c); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
	// Names that clash get suffixes; XML-special characters are escaped.
	c := good()
	c.Joints[0].Name, c.Base, c.TipName = `a<&"`, `a<&"_link`, ""
	if got := strings.Join(URDFLinkNames(c), ","); got != `a<&"_link,a<&"_link_2,b_link,tool_tip` {
		t.Errorf("link names %s", got)
	}
	back, _, _ := reparse(t, c)
	if back.Joints[0].Name != `a<&"` {
		t.Errorf("escaped name came back as %q", back.Joints[0].Name)
	}
}

// TestMatrixRPYInvertsRPY, including at gimbal lock.
func TestMatrixRPYInvertsRPY(t *testing.T) {
	for _, a := range [][3]float64{{0.1, 0.2, 0.3}, {-3, 1.5, 2}, {0, math.Pi / 2, 0.7}, {0.4, -math.Pi / 2, -0.2}, {math.Pi, 0, -math.Pi}} {
		r := RPY(a[0], a[1], a[2])
		x, y, z := MatrixRPY(&r)
		back := RPY(x, y, z)
		for e := range 9 {
			if math.Abs(back[e]-r[e]) > 1e-12 {
				t.Fatalf("rpy %v → %v %v %v: %v vs %v", a, x, y, z, back, r)
			}
		}
	}
}
