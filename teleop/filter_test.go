package teleop

import (
	"math"
	"testing"
)

// gainAt measures the steady-state amplitude gain of f at frequency hz.
func gainAt(t *testing.T, fc, fs, hz float64) float64 {
	t.Helper()
	f, err := NewButterworth2(fc, fs)
	if err != nil {
		t.Fatal(err)
	}
	n := int(fs * 20) // 20 s: transients of a 2 Hz filter die in well under 2 s
	peak := 0.0
	for i := range n {
		y := f.Step(math.Sin(2 * math.Pi * hz * float64(i) / fs))
		if i > n/2 {
			peak = math.Max(peak, math.Abs(y))
		}
	}
	return peak
}

func TestButterworth2Response(t *testing.T) {
	const fc, fs = 2.0, 100.0
	db := func(g float64) float64 { return 20 * math.Log10(g) }
	if g := gainAt(t, fc, fs, 0.2); math.Abs(g-1) > 0.01 {
		t.Errorf("0.2 Hz gain %.4f, want ≈1 (voluntary motion passes)", g)
	}
	// Pre-warping puts −3 dB exactly at the cutoff.
	if g := gainAt(t, fc, fs, fc); math.Abs(db(g)+3.01) > 0.1 {
		t.Errorf("gain at cutoff %.2f dB, want −3.01 dB", db(g))
	}
	// Physiological tremor band 8–12 Hz: analytic |H| = 1/√(1+Ω⁴) with
	// Ω = tan(πf/fs)/tan(πfc/fs).
	for _, hz := range []float64{8, 10, 12} {
		omega := math.Tan(math.Pi*hz/fs) / math.Tan(math.Pi*fc/fs)
		want := 1 / math.Sqrt(1+math.Pow(omega, 4))
		if g := gainAt(t, fc, fs, hz); math.Abs(db(g)-db(want)) > 0.2 || db(g) > -24 {
			t.Errorf("%g Hz: %.2f dB, want %.2f dB (≤ −24)", hz, db(g), db(want))
		}
	}
}

func TestButterworth2StepAndReset(t *testing.T) {
	f, err := NewButterworth2(2, 100)
	if err != nil {
		t.Fatal(err)
	}
	var y float64
	for range 300 {
		y = f.Step(1)
	}
	if math.Abs(y-1) > 1e-6 {
		t.Errorf("step response settles at %g, want 1 (unit DC gain)", y)
	}
	f.Reset(0.5)
	if y := f.Step(0.5); math.Abs(y-0.5) > 1e-12 {
		t.Errorf("after Reset(0.5), Step(0.5) = %g, want 0.5", y)
	}
	var pass Butterworth2
	if pass.Step(3) != 3 {
		t.Error("zero filter must pass input through")
	}
}

func TestButterworth2Design(t *testing.T) {
	for _, tc := range [][2]float64{{0, 100}, {50, 100}, {60, 100}, {-1, 100}, {2, 0}, {math.NaN(), 100}} {
		if _, err := NewButterworth2(tc[0], tc[1]); err == nil {
			t.Errorf("NewButterworth2(%g, %g): no error", tc[0], tc[1])
		}
	}
}
