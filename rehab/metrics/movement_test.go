package metrics

import (
	"math"
	"testing"
)

func TestROM(t *testing.T) {
	got, err := ROM([]float64{0.1, -0.2, math.Pi / 2, 0})
	if err != nil || math.Abs(got-(90+Degrees(0.2))) > 1e-12 {
		t.Fatalf("ROM = %g, %v", got, err)
	}
	if _, err := ROM(nil); err == nil {
		t.Fatal("empty accepted")
	}
	if _, err := ROM([]float64{math.NaN()}); err == nil {
		t.Fatal("NaN accepted")
	}
}

func TestPathLengthRatio(t *testing.T) {
	straight := [][]float64{{0, 0}, {0.5, 0}, {1, 0}}
	if r, _ := PathLengthRatio(straight); math.Abs(r-1) > 1e-12 {
		t.Fatalf("straight: %g", r)
	}
	// Half circle of radius 1 from (−1,0) to (1,0): π/2 ratio.
	var arc [][]float64
	for i := 0; i <= 1000; i++ {
		a := math.Pi * (1 - float64(i)/1000)
		arc = append(arc, []float64{math.Cos(a), math.Sin(a)})
	}
	if r, _ := PathLengthRatio(arc); math.Abs(r-math.Pi/2) > 1e-5 {
		t.Fatalf("half circle: %g, want π/2", r)
	}
	if _, err := PathLengthRatio([][]float64{{0}, {0}}); err == nil {
		t.Fatal("closed path accepted")
	}
}

func TestMovementTimeAndTorque(t *testing.T) {
	v := minJerkSpeed(0.3, 1, 1000)
	mt, err := MovementTime(v, 1000, 0.05)
	// The minimum-jerk speed exceeds 5 % of its peak for ~0.82 of the duration.
	if err != nil || mt < 0.75 || mt > 0.9 {
		t.Fatalf("movement time %g, %v", mt, err)
	}
	peak, mean := TorqueStats([]float64{1, -3, 2})
	if peak != 3 || mean != 2 {
		t.Fatalf("peak %g mean %g", peak, mean)
	}
}
