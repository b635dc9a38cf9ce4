package control

import "math"

// Small dense linear algebra for the controllers, on row-major []float64
// buffers sized at construction. n ≤ 7 here, so an in-place Cholesky and the
// triangular solves cost well under a microsecond and, unlike going through
// gonum's factorisation types, never allocate. Divisions are by the stored
// reciprocals of the factor's diagonal: a division costs several times a
// multiplication, and a solve would otherwise do one per row.

// cholesky factors the symmetric positive-definite n×n matrix a (row-major;
// only the upper triangle is read, as gonum's SymDense stores it) into l,
// the lower factor with a = l·lᵀ, and dinv, the reciprocals of l's diagonal.
// reg is added to the diagonal first (Tikhonov regularisation: it keeps the
// factor finite when a is singular, e.g. J·M⁻¹·Jᵀ at a kinematic
// singularity). A pivot that is still not positive is replaced by a tiny
// positive value, so the result stays finite whatever a is.
func cholesky(l, dinv, a []float64, n int, reg float64) {
	_, _, _ = l[n*n-1], a[n*n-1], dinv[n-1]
	for i := 0; i < n; i++ {
		li := l[i*n : i*n+n]
		for k := 0; k <= i; k++ {
			s := a[k*n+i]
			lk := l[k*n : k*n+k]
			for m, v := range lk {
				s -= li[m] * v
			}
			if i == k {
				s += reg
				if !(s > 1e-12) {
					s = 1e-12
				}
				d := math.Sqrt(s)
				li[i], dinv[i] = d, 1/d
			} else {
				li[k] = s * dinv[k]
			}
		}
		for k := i + 1; k < n; k++ {
			li[k] = 0
		}
	}
}

// forwardSubst solves l·y = b for y; y may alias b.
func forwardSubst(l, dinv, b, y []float64, n int) {
	_, _, _, _ = l[n*n-1], dinv[n-1], b[n-1], y[n-1]
	for i := 0; i < n; i++ {
		s := b[i]
		li := l[i*n : i*n+i]
		for k, v := range li {
			s -= v * y[k]
		}
		y[i] = s * dinv[i]
	}
}

// backSubst solves lᵀ·x = y for x; x may alias y.
func backSubst(l, dinv, y, x []float64, n int) {
	_, _, _, _ = l[n*n-1], dinv[n-1], y[n-1], x[n-1]
	for i := n - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < n; k++ {
			s -= l[k*n+i] * x[k]
		}
		x[i] = s * dinv[i]
	}
}
