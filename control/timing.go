package control

import (
	"math/bits"
	"sync/atomic"
	"time"
)

// Histogram layout: log-linear buckets in nanoseconds, as HdrHistogram does.
// Values below 2^histSubBits ns are counted exactly; above, every power-of-two
// octave is split into 2^histSubBits equal buckets, so a bucket is at most
// 1/16 = 6.25 % wide relative to its value — finer than the run-to-run spread
// of any latency worth reporting — and recording is a shift and an add, no
// floating point and no logarithm. The top bucket collects everything at or
// above 2^histMaxExp ns (≈ 68.7 s).
const (
	histSubBits = 4
	histSub     = 1 << histSubBits
	histMaxExp  = 36
	// HistogramBuckets is the fixed number of buckets of every timing histogram.
	HistogramBuckets = (histMaxExp-histSubBits+1)*histSub + 1
)

func histBucket(ns int64) int {
	if ns < 0 {
		ns = 0
	}
	v := uint64(ns)
	if v < histSub {
		return int(v)
	}
	e := bits.Len64(v) - 1 - histSubBits // v>>e is in [histSub, 2·histSub)
	b := (e+1)*histSub + int(v>>e) - histSub
	if b >= HistogramBuckets {
		return HistogramBuckets - 1
	}
	return b
}

// histUpper returns the largest value (ns) that falls in bucket b.
func histUpper(b int) int64 {
	if b < histSub {
		return int64(b)
	}
	if b >= HistogramBuckets-1 {
		return 1<<63 - 1
	}
	e := b/histSub - 1
	m := int64(b%histSub + histSub)
	return (m+1)<<e - 1
}

// liveHistogram is written by the real-time loop and read concurrently by
// anyone: every counter is an atomic, so recording costs a few uncontended
// atomic adds and needs no lock, and readers copy it out at any time (the
// copy may straddle one recording; counts are never lost).
type liveHistogram struct {
	counts [HistogramBuckets]atomic.Uint64
	n      atomic.Uint64
	sum    atomic.Int64
	max    atomic.Int64
	min    atomic.Int64
}

func (h *liveHistogram) record(d time.Duration) {
	ns := int64(d)
	h.counts[histBucket(ns)].Add(1)
	if h.n.Add(1) == 1 || ns < h.min.Load() {
		h.min.Store(ns) // one writer: load-then-store is not a race
	}
	h.sum.Add(ns)
	if ns > h.max.Load() {
		h.max.Store(ns)
	}
}

func (h *liveHistogram) copyTo(dst *Histogram) {
	for i := range h.counts {
		dst.Counts[i] = h.counts[i].Load()
	}
	dst.N = h.n.Load()
	dst.Sum = time.Duration(h.sum.Load())
	dst.Max = time.Duration(h.max.Load())
	dst.Min = time.Duration(h.min.Load())
}

// Histogram is a copied-out timing histogram (see HistogramBuckets for the
// resolution).
type Histogram struct {
	Counts   [HistogramBuckets]uint64
	N        uint64
	Sum      time.Duration
	Min, Max time.Duration
}

// Quantile returns the value below which the fraction q (0 < q ≤ 1) of the
// samples lie, as the upper edge of the bucket that holds it (never an
// underestimate, at most 6.25 % above), capped at the exact maximum. It
// returns 0 for an empty histogram.
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.N == 0 {
		return 0
	}
	// rank is the 1-based index of the sample we want, rounded up.
	rank := uint64(q*float64(h.N) + 0.999999)
	if rank < 1 {
		rank = 1
	}
	if rank > h.N {
		rank = h.N
	}
	var seen uint64
	for b, c := range h.Counts {
		seen += c
		if seen >= rank {
			if u := time.Duration(histUpper(b)); u < h.Max {
				return u
			}
			return h.Max
		}
	}
	return h.Max
}

// BucketUpper returns the largest value that falls in bucket b of a
// Histogram's Counts (the value Quantile reports for it).
func BucketUpper(b int) time.Duration { return time.Duration(histUpper(b)) }

// Mean returns the arithmetic mean, or 0 for an empty histogram.
func (h *Histogram) Mean() time.Duration {
	if h.N == 0 {
		return 0
	}
	return h.Sum / time.Duration(h.N)
}

// Timing collects the loop's timing, recorded on the real-time path without
// allocation and read from anywhere.
//
// Wake-up latency is actual wake time − deadline, as cyclictest defines it.
// Compute time is from wake-up to the end of the cycle's work (Step). Period
// is the time between consecutive wake-ups.
//
// Overrun policy: a cycle overruns when it ends after the next cycle's
// deadline. The runner then does not try to catch up with a burst of late
// cycles (that would feed stale timing into the controllers); it skips to the
// first deadline still in the future, keeping the grid t0 + k·period, and
// adds every skipped deadline to Missed. Overruns counts overrunning cycles,
// Missed the deadlines that got no cycle; neither is ever reset silently.
type Timing struct {
	wake, compute, io, period liveHistogram
	overruns, missed          atomic.Uint64
	cycles                    atomic.Uint64
}

// RecordOverrun counts one overrunning cycle that made the runner skip
// missed deadlines.
func (t *Timing) RecordOverrun(missed uint64) {
	t.overruns.Add(1)
	t.missed.Add(missed)
}

// TimingSnapshot is a copied-out Timing.
type TimingSnapshot struct {
	Cycles   uint64
	Overruns uint64
	Missed   uint64
	Wake     Histogram // wake-up latency
	Compute  Histogram // compute time per cycle, bus I/O excluded
	IO       Histogram // bus read + write time per cycle
	Period   Histogram // time between wake-ups
}

// CopyTo copies the current figures into dst (non-real-time side).
func (t *Timing) CopyTo(dst *TimingSnapshot) {
	dst.Cycles = t.cycles.Load()
	dst.Overruns = t.overruns.Load()
	dst.Missed = t.missed.Load()
	t.wake.copyTo(&dst.Wake)
	t.compute.copyTo(&dst.Compute)
	t.io.copyTo(&dst.IO)
	t.period.copyTo(&dst.Period)
}
