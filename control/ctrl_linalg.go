package control

import "math"

// Small dense linear algebra for the controllers, on row-major []float64
// buffers sized at construction. n ≤ 7 here, so an in-place Cholesky and two
// triangular solves cost well under a microsecond and, unlike going through
// gonum's factorisation types, never allocate.

// cholesky factors the symmetric positive-definite n×n matrix a (row-major;
// only the lower triangle is read) into l, the lower factor with a = l·lᵀ.
// reg is added to the diagonal first (Tikhonov regularisation: it keeps the
// factor finite when a is singular, e.g. J·M⁻¹·Jᵀ at a kinematic
// singularity). A pivot that is still not positive is replaced by a tiny
// positive value, so the result stays finite whatever a is.
func cholesky(l, a []float64, n int, reg float64) {
	for i := 0; i < n; i++ {
		for k := 0; k <= i; k++ {
			s := a[i*n+k]
			if i == k {
				s += reg
			}
			for m := 0; m < k; m++ {
				s -= l[i*n+m] * l[k*n+m]
			}
			if i == k {
				if !(s > 1e-12) {
					s = 1e-12
				}
				l[i*n+i] = math.Sqrt(s)
			} else {
				l[i*n+k] = s / l[k*n+k]
			}
		}
		for k := i + 1; k < n; k++ {
			l[i*n+k] = 0
		}
	}
}

// cholSolve solves (l·lᵀ)·x = b for x; x may alias b.
func cholSolve(l, b, x []float64, n int) {
	for i := 0; i < n; i++ { // l·y = b
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i*n+k] * x[k]
		}
		x[i] = s / l[i*n+i]
	}
	for i := n - 1; i >= 0; i-- { // lᵀ·x = y
		s := x[i]
		for k := i + 1; k < n; k++ {
			s -= l[k*n+i] * x[k]
		}
		x[i] = s / l[i*n+i]
	}
}
