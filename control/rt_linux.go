//go:build linux

package control

import (
	"fmt"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// MonotonicClock reads CLOCK_MONOTONIC and sleeps with clock_nanosleep
// (TIMER_ABSTIME), so a sleep targets the deadline itself rather than a
// relative delay computed from a possibly stale reading. On the development
// VM (2 vCPUs, loaded), 5 s at 1 kHz, wake-up latency p50/p99, measured
// before the runner set the thread's timer slack (exactTimers), which
// since takes ~50 µs off the SCHED_OTHER figures:
//
//	clock_nanosleep            102/508 µs, with SCHED_FIFO  57/131 µs
//	time.Sleep (Go timers)     688/3670 µs, with SCHED_FIFO 688/2621 µs
//	nanosleep + 100 µs spin     20/111 µs, with SCHED_FIFO 0.2/295 µs
//
// time.Sleep goes through the Go scheduler's timers and is far worse; the
// spin (Spin) lowers the median but not reliably the p99, and burns a CPU,
// so the default is the plain absolute sleep. Measure on the target with
// chiron bench loop --spin.
type MonotonicClock struct {
	// Spin, when > 0, makes SleepUntil sleep only until t − Spin and
	// busy-wait the rest on Now: it trades a CPU for lower wake-up latency
	// on kernels with coarse timers.
	Spin time.Duration

	base   time.Time     // Go's monotonic reading at the epoch
	offset time.Duration // CLOCK_MONOTONIC at base
}

// NewMonotonicClock returns a clock whose epoch is now.
func NewMonotonicClock() *MonotonicClock {
	// Now is read from Go's vDSO monotonic clock (no syscall); relate it to
	// the raw CLOCK_MONOTONIC value that clock_nanosleep wants by reading
	// both as close together as possible.
	var ts unix.Timespec
	base := time.Now()
	_ = unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts)
	return &MonotonicClock{base: base, offset: time.Duration(ts.Nano())}
}

// Now returns the time since the clock's epoch.
func (c *MonotonicClock) Now() time.Duration { return time.Since(c.base) }

// SleepUntil sleeps until t with clock_nanosleep(CLOCK_MONOTONIC,
// TIMER_ABSTIME), restarting after signals (the Go runtime sends SIGURG for
// preemption).
func (c *MonotonicClock) SleepUntil(t time.Duration) {
	if c.Spin > 0 {
		c.sleep(t - c.Spin)
		for c.Now() < t {
		}
		return
	}
	c.sleep(t)
}

func (c *MonotonicClock) sleep(t time.Duration) {
	ts := unix.NsecToTimespec(int64(c.offset + t))
	for {
		err := unix.ClockNanosleep(unix.CLOCK_MONOTONIC, unix.TIMER_ABSTIME, &ts, nil)
		if err != unix.EINTR {
			return
		}
	}
}

// pinThread pins the calling (locked) thread to cpu; undo restores its
// previous affinity, so the thread does not go back to Go's pool pinned.
func pinThread(cpu int) (undo func(), err error) {
	var old, set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &old); err != nil {
		return nil, fmt.Errorf("sched_getaffinity: %w", err)
	}
	set.Set(cpu)
	if err := unix.SchedSetaffinity(0, &set); err != nil {
		return nil, fmt.Errorf("sched_setaffinity: %w", err)
	}
	return func() { _ = unix.SchedSetaffinity(0, &old) }, nil
}

// enterRT switches the calling (locked) thread to SCHED_FIFO and locks the
// process's memory, recording what worked; undo restores SCHED_OTHER and
// unlocks memory.
func enterRT(prio int, st *RTStatus) (undo func()) {
	if err := unix.Mlockall(unix.MCL_CURRENT | unix.MCL_FUTURE); err != nil {
		st.Messages = append(st.Messages, fmt.Sprintf(
			"mlockall(MCL_CURRENT|MCL_FUTURE) not permitted (%v): page faults may add latency; run as root, grant CAP_IPC_LOCK or raise RLIMIT_MEMLOCK (ulimit -l)", err))
	} else {
		st.Mlocked = true
	}
	attr := unix.SchedAttr{Size: unix.SizeofSchedAttr, Policy: unix.SCHED_FIFO, Priority: uint32(prio)}
	if err := unix.SchedSetAttr(0, &attr, 0); err != nil {
		st.Messages = append(st.Messages, fmt.Sprintf(
			"SCHED_FIFO priority %d not permitted (%v): running SCHED_OTHER; grant CAP_SYS_NICE or raise RLIMIT_RTPRIO (ulimit -r)", prio, err))
	} else {
		st.FIFO, st.Priority = true, prio
	}
	return func() {
		if st.FIFO {
			other := unix.SchedAttr{Size: unix.SizeofSchedAttr, Policy: schedOther}
			_ = unix.SchedSetAttr(0, &other, 0)
		}
		if st.Mlocked {
			_ = unix.Munlockall()
		}
	}
}

// exactTimers sets the calling (locked) thread's timer slack to 1 ns, the
// least the kernel allows, until undo restores it. The kernel lets a
// SCHED_OTHER thread's timers expire up to its slack late so that wake-ups
// can be batched (50 µs by default: prctl(2), PR_SET_TIMERSLACK), which
// puts that much on every wake-up of a loop that does not run SCHED_FIFO
// (real-time threads have no slack). It needs no privilege.
func exactTimers(st *RTStatus) (undo func()) {
	old, err := unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0)
	if err == nil {
		err = unix.Prctl(unix.PR_SET_TIMERSLACK, 1, 0, 0, 0)
	}
	if err != nil {
		st.Messages = append(st.Messages, fmt.Sprintf(
			"timer slack not set (%v): wake-ups outside SCHED_FIFO may be up to the default 50 µs late", err))
		return func() {}
	}
	st.TimerSlack = time.Nanosecond
	return func() { _ = unix.Prctl(unix.PR_SET_TIMERSLACK, uintptr(old), 0, 0, 0) }
}

// schedOther is SCHED_OTHER, the default policy (x/sys/unix names only the
// real-time ones).
const schedOther = 0

// holdWakeLatency asks the kernel for a 0 µs CPU wake-up latency for as
// long as the returned undo has not run: a PM QoS request is a value
// written to /dev/cpu_dma_latency and held while the file stays open
// (Documentation/power/pm_qos_interface.rst; cyclictest does the same).
// Opening it needs root; without, the run carries on and says so.
func holdWakeLatency(st *RTStatus) (undo func()) {
	f, err := os.OpenFile("/dev/cpu_dma_latency", os.O_WRONLY, 0)
	if err == nil {
		var zero [4]byte // a binary s32: 0 µs
		if _, err = f.Write(zero[:]); err != nil {
			f.Close()
		}
	}
	if err != nil {
		st.Messages = append(st.Messages, fmt.Sprintf(
			"PM QoS request for 0 µs CPU wake-up latency not possible (%v): deep CPU idle states may add wake-up latency; run as root", err))
		return func() {}
	}
	st.PMQoS = true
	return func() { f.Close() }
}
