package metrics

import (
	"errors"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/dsp/fourier"
)

// SPARC parameters from Balasubramanian, Melendez-Calderon, Roby-Brami and
// Burdet, "On the analysis of movement smoothness", J NeuroEng Rehabil 12:112
// (2015): the spectrum is zero-padded four levels above the signal's length,
// cut at an adaptive frequency no higher than 10 Hz (movement content is
// below it) where the normalized magnitude last exceeds 0.05.
const (
	sparcPadLevel  = 4
	sparcMaxCutoff = 10.0 // Hz
	sparcThreshold = 0.05
)

// SPARC returns the spectral arc length of the speed profile speed sampled at
// fs Hz: a dimensionless smoothness measure, negative, closer to zero for
// smoother movements (a single minimum-jerk reach scores about −1.4),
// independent of the movement's amplitude and duration.
func SPARC(speed []float64, fs float64) (float64, error) {
	if len(speed) < 4 {
		return 0, errors.New("sparc: need at least 4 samples")
	}
	if !(fs > 0) || math.IsInf(fs, 0) {
		return 0, errors.New("sparc: sampling frequency must be positive")
	}
	peak := 0.0
	for _, v := range speed {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, errors.New("sparc: speed profile has a non-finite sample")
		}
		peak = math.Max(peak, math.Abs(v))
	}
	if peak == 0 {
		return 0, errors.New("sparc: no movement (speed is zero throughout)")
	}
	n := 1 << (int(math.Ceil(math.Log2(float64(len(speed))))) + sparcPadLevel)
	padded := make([]float64, n)
	copy(padded, speed)
	fft := fourier.NewFFT(n)
	coeff := fft.Coefficients(nil, padded)
	df := fs / float64(n)
	mag := make([]float64, len(coeff))
	for i, c := range coeff {
		mag[i] = cmplx.Abs(c)
	}
	m0 := mag[0]
	if m0 == 0 {
		return 0, errors.New("sparc: zero mean speed")
	}
	// Select the spectrum up to the adaptive cutoff.
	last := int(sparcMaxCutoff / df)
	if last >= len(mag) {
		last = len(mag) - 1
	}
	cut := 0
	for i := 0; i <= last; i++ {
		if mag[i]/m0 >= sparcThreshold {
			cut = i
		}
	}
	if cut < 1 {
		cut = 1
	}
	fc := float64(cut) * df
	arc := 0.0
	for i := 1; i <= cut; i++ {
		dx := df / fc
		dy := (mag[i] - mag[i-1]) / m0
		arc -= math.Hypot(dx, dy)
	}
	return arc, nil
}
