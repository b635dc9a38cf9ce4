//go:build !linux

package control

// threadCPU is not available off Linux; benchmarks then report 0.
func threadCPU() int64 { return 0 }
