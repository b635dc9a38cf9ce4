package metrics

import (
	"errors"
	"math"
)

// Degrees converts radians to degrees, the unit range of motion is charted in.
func Degrees(rad float64) float64 { return rad * 180 / math.Pi }

// ROM returns the range of motion of one joint over a repetition: the span
// between its extreme positions, in degrees (positions in rad).
func ROM(positions []float64) (float64, error) {
	if len(positions) == 0 {
		return 0, errors.New("rom: no samples")
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, q := range positions {
		if math.IsNaN(q) || math.IsInf(q, 0) {
			return 0, errors.New("rom: non-finite position")
		}
		lo, hi = math.Min(lo, q), math.Max(hi, q)
	}
	return Degrees(hi - lo), nil
}

// PathLengthRatio returns the length of the path travelled through the points
// divided by the straight-line distance from the first to the last: 1 for a
// straight movement, larger for a curved or corrected one. Points are
// positions in any consistent unit (joint space in rad, or Cartesian in m).
func PathLengthRatio(points [][]float64) (float64, error) {
	if len(points) < 2 {
		return 0, errors.New("path length ratio: need at least 2 points")
	}
	dim := len(points[0])
	length := 0.0
	for i := 1; i < len(points); i++ {
		if len(points[i]) != dim {
			return 0, errors.New("path length ratio: points of different dimensions")
		}
		length += dist(points[i], points[i-1])
	}
	straight := dist(points[len(points)-1], points[0])
	if straight < 1e-9 {
		return 0, errors.New("path length ratio: start and end coincide")
	}
	return length / straight, nil
}

func dist(a, b []float64) float64 {
	s := 0.0
	for k := range a {
		d := a[k] - b[k]
		s += d * d
	}
	return math.Sqrt(s)
}

// MovementTime returns the time (s) between the first and the last sample whose
// speed exceeds frac of the peak speed (the common onset/offset criterion; 5 %
// when frac is 0). speed is sampled at fs Hz.
func MovementTime(speed []float64, fs, frac float64) (float64, error) {
	if len(speed) == 0 || !(fs > 0) {
		return 0, errors.New("movement time: need samples and a positive sampling frequency")
	}
	if frac == 0 {
		frac = 0.05
	}
	peak := 0.0
	for _, v := range speed {
		peak = math.Max(peak, math.Abs(v))
	}
	if peak == 0 {
		return 0, nil
	}
	first, last := -1, -1
	for i, v := range speed {
		if math.Abs(v) >= frac*peak {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return float64(last-first) / fs, nil
}

// TorqueStats returns the peak absolute and the mean absolute interaction
// torque (N·m) over a repetition.
func TorqueStats(tau []float64) (peak, mean float64) {
	if len(tau) == 0 {
		return 0, 0
	}
	for _, t := range tau {
		a := math.Abs(t)
		peak = math.Max(peak, a)
		mean += a
	}
	return peak, mean / float64(len(tau))
}
