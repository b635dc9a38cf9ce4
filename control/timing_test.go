package control

import (
	"math"
	"testing"
	"time"
)

func TestHistogramBuckets(t *testing.T) {
	prev := -1
	for _, v := range []int64{0, 1, 15, 16, 17, 31, 32, 33, 100, 999, 1000, 1023, 1024, 65_432, 1_000_000, 123_456_789, 1 << 35, 1<<36 - 1} {
		b := histBucket(v)
		if b < prev {
			t.Fatalf("bucket of %d is %d, below the previous %d", v, b, prev)
		}
		prev = b
		up := histUpper(b)
		lo := int64(0)
		if b > 0 {
			lo = histUpper(b-1) + 1
		}
		if v < lo || v > up {
			t.Fatalf("%d in bucket %d = [%d, %d]", v, b, lo, up)
		}
		if v >= histSub && float64(up-lo+1) > float64(lo)/histSub+1e-9 {
			t.Fatalf("bucket %d [%d, %d] wider than 1/%d", b, lo, up, histSub)
		}
	}
	if b := histBucket(1 << 40); b != HistogramBuckets-1 {
		t.Fatalf("overflow bucket %d", b)
	}
	if histBucket(-5) != 0 {
		t.Fatal("negative not in bucket 0")
	}
}

func TestHistogramQuantiles(t *testing.T) {
	var tm Timing
	for v := 1; v <= 1000; v++ {
		tm.wake.record(time.Duration(v) * time.Microsecond)
	}
	var s TimingSnapshot
	tm.CopyTo(&s)
	h := &s.Wake
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 500 * time.Microsecond}, {0.99, 990 * time.Microsecond}, {0.999, 999 * time.Microsecond}} {
		got := h.Quantile(c.q)
		if got < c.want || float64(got) > float64(c.want)*(1+1.0/histSub) {
			t.Errorf("q%g = %v, want %v (+6.25%%)", c.q, got, c.want)
		}
	}
	if h.Quantile(1) != time.Millisecond || h.Max != time.Millisecond || h.Min != time.Microsecond || h.N != 1000 {
		t.Errorf("max %v q1 %v min %v n %d", h.Max, h.Quantile(1), h.Min, h.N)
	}
	if m := h.Mean(); math.Abs(float64(m-500500*time.Nanosecond)) > 1 {
		t.Errorf("mean %v", m)
	}
	var empty Histogram
	if empty.Quantile(0.99) != 0 || empty.Mean() != 0 {
		t.Error("empty histogram")
	}
}

func TestNames(t *testing.T) {
	if len(reasonNames) != int(numReasons) {
		t.Fatalf("%d reason names for %d reasons", len(reasonNames), numReasons)
	}
	if len(stateNames) != int(Fault)+1 || Fault.String() != "fault" || State(9).String() != "state(9)" {
		t.Fatal("state names")
	}
	if ReasonWatchdog.String() != "watchdog: stale sensor data" || Reason(200).String() != "reason(200)" {
		t.Fatal("reason names")
	}
}
