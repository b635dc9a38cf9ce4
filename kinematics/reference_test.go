package kinematics

import (
	"math"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
	"gonum.org/v1/gonum/mat"
)

func loadRef(t testing.TB, name string) (refdata.Robot, *Chain) {
	t.Helper()
	r := refdata.Load(t, name)
	c, err := LoadChain(r.Model, r.Base, r.Tip)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r, c
}

// TestFKMatchesKDL compares the tip pose with Orocos KDL's for every reference
// joint vector of every shared robot, to 1e-9.
func TestFKMatchesKDL(t *testing.T) {
	for _, name := range refdata.Names {
		t.Run(name, func(t *testing.T) {
			r, c := loadRef(t, name)
			qs, want := r.Rows(t, "q.txt"), r.Rows(t, "fk.txt")
			if len(qs) == 0 || len(qs) != len(want) {
				t.Fatalf("q.txt has %d rows, fk.txt %d", len(qs), len(want))
			}
			w := NewWorkspace(c)
			var f Frame
			for i, q := range qs {
				w.FK(&f, q)
				got := append(f.P[:], f.R[:]...)
				for k := range got {
					if d := math.Abs(got[k] - want[i][k]); d > 1e-9 {
						t.Fatalf("row %d element %d: got %.17g want %.17g (|Δ| %.3g)", i, k, got[k], want[i][k], d)
					}
				}
			}
		})
	}
}

// TestJacobianMatchesKDL compares the geometric Jacobian with KDL's, to 1e-9.
func TestJacobianMatchesKDL(t *testing.T) {
	for _, name := range refdata.Names {
		t.Run(name, func(t *testing.T) {
			r, c := loadRef(t, name)
			qs, want := r.Rows(t, "q.txt"), r.Rows(t, "jacobian.txt")
			if want == nil {
				t.Skipf("%s has no jacobian.txt", name)
			}
			w := NewWorkspace(c)
			n := c.DoF()
			J := mat.NewDense(6, n, nil)
			for i, q := range qs {
				w.Jacobian(J, q)
				got := J.RawMatrix().Data
				for k := range got {
					if d := math.Abs(got[k] - want[i][k]); d > 1e-9 {
						t.Fatalf("row %d element (%d,%d): got %.17g want %.17g", i, k/n, k%n, got[k], want[i][k])
					}
				}
			}
		})
	}
}

func TestLimitsMatchReference(t *testing.T) {
	for _, name := range refdata.Names {
		t.Run(name, func(t *testing.T) {
			r, c := loadRef(t, name)
			want := r.Rows(t, "limits.txt")
			if want == nil {
				t.Skipf("%s has no limits.txt", name)
			}
			lo, up := c.Limits()
			if len(want) != len(lo) {
				t.Fatalf("%d limits, reference has %d", len(lo), len(want))
			}
			for i := range want {
				if math.Abs(lo[i]-want[i][0]) > 1e-12 || math.Abs(up[i]-want[i][1]) > 1e-12 {
					t.Errorf("joint %d: [%g, %g], reference [%g, %g]", i, lo[i], up[i], want[i][0], want[i][1])
				}
			}
		})
	}
}

func TestFKAndJacobianAllocateNothing(t *testing.T) {
	_, c := loadRef(t, "panda")
	w := NewWorkspace(c)
	q := make([]float64, c.DoF())
	J := mat.NewDense(6, c.DoF(), nil)
	var f Frame
	if a := testing.AllocsPerRun(100, func() { w.FK(&f, q); w.Jacobian(J, q) }); a != 0 {
		t.Fatalf("%v allocations per FK+Jacobian", a)
	}
}

func BenchmarkFK(b *testing.B) {
	for _, name := range []string{"panda", "ur5", "psm"} {
		b.Run(name, func(b *testing.B) {
			r, c := loadRef(b, name)
			q := r.Rows(b, "q.txt")[0]
			w := NewWorkspace(c)
			var f Frame
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				w.FK(&f, q)
			}
		})
	}
}

func BenchmarkJacobian(b *testing.B) {
	for _, name := range []string{"panda", "ur5", "psm"} {
		b.Run(name, func(b *testing.B) {
			r, c := loadRef(b, name)
			q := r.Rows(b, "q.txt")[0]
			w := NewWorkspace(c)
			J := mat.NewDense(6, c.DoF(), nil)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				w.Jacobian(J, q)
			}
		})
	}
}
