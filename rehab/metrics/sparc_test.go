package metrics

import (
	"math"
	"testing"
)

// minJerkSpeed samples the speed of a minimum-jerk reach of amplitude a over
// duration d (Flash & Hogan 1985).
func minJerkSpeed(a, d, fs float64) []float64 {
	n := int(d*fs) + 1
	v := make([]float64, n)
	for i := range v {
		tau := float64(i) / fs / d
		v[i] = a / d * 30 * tau * tau * (1 - tau) * (1 - tau)
	}
	return v
}

func TestSPARCMinimumJerk(t *testing.T) {
	s, err := SPARC(minJerkSpeed(0.3, 1, 100), 100)
	if err != nil {
		t.Fatal(err)
	}
	// A single smooth submovement scores about −1.4 to −1.6 (Balasubramanian
	// et al. 2015, Fig. 5); only sums of submovements go far below.
	if s > -1.3 || s < -1.7 {
		t.Fatalf("SPARC of a minimum-jerk reach = %.3f, want within [−1.7, −1.3]", s)
	}
}

func TestSPARCInvariantToAmplitudeAndDuration(t *testing.T) {
	ref, _ := SPARC(minJerkSpeed(0.3, 1, 200), 200)
	for _, c := range []struct{ a, d float64 }{{0.05, 1}, {1, 1}, {0.3, 0.5}, {0.3, 2.5}} {
		s, err := SPARC(minJerkSpeed(c.a, c.d, 200), 200)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(s-ref) > 0.05 {
			t.Errorf("amplitude %g duration %g: SPARC %.3f, reference %.3f", c.a, c.d, s, ref)
		}
	}
}

func TestSPARCPenalizesSubmovementsAndTremor(t *testing.T) {
	fs := 200.0
	smooth, _ := SPARC(minJerkSpeed(0.3, 1, fs), fs)
	// Two submovements 0.6 s apart, as in a patient's corrective reach.
	a, b := minJerkSpeed(0.15, 1, fs), minJerkSpeed(0.15, 1, fs)
	off := int(0.8 * fs)
	two := make([]float64, off+len(b))
	copy(two, a)
	for i, v := range b {
		two[off+i] += v
	}
	split, _ := SPARC(two, fs)
	tremor := minJerkSpeed(0.3, 1, fs)
	for i := range tremor {
		tremor[i] += 0.1 * math.Abs(math.Sin(2*math.Pi*4*float64(i)/fs))
	}
	shaky, _ := SPARC(tremor, fs)
	if !(split < smooth-0.3) || !(shaky < smooth-0.3) {
		t.Fatalf("smooth %.3f, two submovements %.3f, tremor %.3f: want both clearly lower", smooth, split, shaky)
	}
}

func TestSPARCRejectsBadInput(t *testing.T) {
	for name, c := range map[string]struct {
		v  []float64
		fs float64
	}{
		"short": {[]float64{1, 2}, 100}, "fs": {make([]float64, 10), 0}, "still": {make([]float64, 10), 100},
		"nan": {[]float64{1, math.NaN(), 1, 1}, 100},
	} {
		if _, err := SPARC(c.v, c.fs); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
