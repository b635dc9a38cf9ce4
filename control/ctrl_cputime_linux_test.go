//go:build linux

package control

import "golang.org/x/sys/unix"

// threadCPU returns the calling thread's CPU time in ns: on a shared,
// loaded machine wall-clock ns/op measures the scheduler, not the code.
func threadCPU() int64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return ts.Nano()
}
