//go:build !linux

package canbus

import (
	"context"
	"fmt"
	"runtime"
)

// DialSocketCAN fails on this OS: SocketCAN is a Linux kernel interface. Use
// an SLCAN adapter (DialSLCAN) instead.
func DialSocketCAN(ctx context.Context, iface string) (Conn, error) {
	return nil, fmt.Errorf("canbus: socketcan %s: SocketCAN needs Linux, this is %s; use an SLCAN adapter (DialSLCAN)", iface, runtime.GOOS)
}
