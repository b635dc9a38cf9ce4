package teleop

import (
	"fmt"
	"math"
)

// Butterworth2 is a second-order Butterworth low-pass filter, discretised
// with the bilinear (Tustin) transform with frequency pre-warping, so its
// −3 dB point is exactly at the design cutoff. It runs as a transposed
// direct form II biquad. The zero value passes its input through unchanged.
type Butterworth2 struct {
	b0, b1, b2, a1, a2 float64
	z1, z2             float64
	on                 bool
}

// NewButterworth2 designs the filter for cutoff fc (Hz) at sample rate fs
// (Hz). fc must lie in (0, fs/2).
func NewButterworth2(fc, fs float64) (Butterworth2, error) {
	if !(fs > 0) || !(fc > 0) || !(fc < fs/2) {
		return Butterworth2{}, fmt.Errorf("butterworth: cutoff %g Hz must lie in (0, %g) for sample rate %g Hz", fc, fs/2, fs)
	}
	// Pre-warped analogue cutoff: the bilinear map s = 2fs(z−1)/(z+1) sends
	// Ω = tan(π fc/fs) (normalised) to the digital fc exactly.
	k := math.Tan(math.Pi * fc / fs)
	k2 := k * k
	norm := 1 / (1 + math.Sqrt2*k + k2)
	f := Butterworth2{on: true}
	f.b0 = k2 * norm
	f.b1 = 2 * f.b0
	f.b2 = f.b0
	f.a1 = 2 * (k2 - 1) * norm
	f.a2 = (1 - math.Sqrt2*k + k2) * norm
	return f, nil
}

// Step filters one sample.
func (f *Butterworth2) Step(x float64) float64 {
	if !f.on {
		return x
	}
	y := f.b0*x + f.z1
	f.z1 = f.b1*x - f.a1*y + f.z2
	f.z2 = f.b2*x - f.a2*y
	return y
}

// Reset sets the filter's state to a steady output y (input = output = y).
func (f *Butterworth2) Reset(y float64) {
	if !f.on {
		return
	}
	// Steady state of the transposed form: z2 = (b2 − a2)·y, z1 = y − b0·y.
	f.z2 = (f.b2 - f.a2) * y
	f.z1 = y - f.b0*y
}
