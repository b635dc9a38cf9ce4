//go:build !linux

package control

import (
	"errors"
	"time"
)

// MonotonicClock is Go's monotonic clock with time.Sleep (no absolute
// sleeps outside Linux).
type MonotonicClock struct {
	// Spin, when > 0, makes SleepUntil sleep only until t − Spin and
	// busy-wait the rest.
	Spin time.Duration
	base time.Time
}

// NewMonotonicClock returns a clock whose epoch is now.
func NewMonotonicClock() *MonotonicClock { return &MonotonicClock{base: time.Now()} }

// Now returns the time since the clock's epoch.
func (c *MonotonicClock) Now() time.Duration { return time.Since(c.base) }

// SleepUntil sleeps until t.
func (c *MonotonicClock) SleepUntil(t time.Duration) {
	if d := t - c.Spin - c.Now(); d > 0 {
		time.Sleep(d)
	}
	for c.Spin > 0 && c.Now() < t {
	}
}

func pinThread(int) (func(), error) {
	return nil, errors.New("CPU pinning is only supported on Linux")
}

func enterRT(_ int, st *RTStatus) func() {
	st.Messages = append(st.Messages, "real-time scheduling (SCHED_FIFO, mlockall) is only supported on Linux: running without")
	return func() {}
}

func holdWakeLatency(*RTStatus) func() { return func() {} }

func exactTimers(*RTStatus) func() { return func() {} }
