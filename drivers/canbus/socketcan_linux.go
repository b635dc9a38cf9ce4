//go:build linux

package canbus

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// struct can_frame as a raw CAN socket reads and writes it (linux/can.h):
// can_id (host byte order, with flag bits), len, 3 bytes padding, data[8].
const (
	socketCANFrameLen = 16
	canEFFFlag        = 0x80000000 // extended frame format
	canRTRFlag        = 0x40000000 // remote transmission request
	canERRFlag        = 0x20000000 // error message frame
)

// DialSocketCAN opens a raw CAN socket on the Linux network interface iface
// (can0, vcan0, slcan0 after slcand). It follows go.einride.tech/can's
// socketcan dialer (AF_CAN/SOCK_RAW/CAN_RAW, non-blocking, bound to the
// interface, wrapped in an *os.File so the runtime poller gives read
// deadlines) but uses golang.org/x/sys/unix directly: importing
// go.einride.tech/can/pkg/socketcan would add golang.org/x/net and
// golang.org/x/sync to go.mod for its UDP emulator. ctx bounds the dial.
func DialSocketCAN(ctx context.Context, iface string) (Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("canbus: socketcan dial %s: %w", iface, err)
	}
	ifi, err := net.InterfaceByName(iface)
	if err != nil {
		return nil, fmt.Errorf("canbus: socketcan dial %s: %w", iface, err)
	}
	fd, err := unix.Socket(unix.AF_CAN, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.CAN_RAW)
	if err != nil {
		return nil, fmt.Errorf("canbus: socketcan dial %s: socket: %w", iface, err)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("canbus: socketcan dial %s: set non-blocking: %w", iface, err)
	}
	if err := unix.Bind(fd, &unix.SockaddrCAN{Ifindex: ifi.Index}); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("canbus: socketcan dial %s: bind: %w", iface, err)
	}
	if err := ctx.Err(); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("canbus: socketcan dial %s: %w", iface, err)
	}
	return &socketCANConn{f: os.NewFile(uintptr(fd), "can:"+iface), iface: iface}, nil
}

// socketCANConn encodes frames into fixed buffers so the cyclic path does
// not allocate (go.einride.tech/can's Transmitter allocates per frame and
// its Receiver's bufio.Scanner stops for good after the first deadline
// error, which a timeout-driven reader meets every cycle).
type socketCANConn struct {
	f      *os.File
	iface  string
	rmu    sync.Mutex
	rbuf   [socketCANFrameLen]byte
	wmu    sync.Mutex
	wbuf   [socketCANFrameLen]byte
	closed atomic.Bool
}

func (c *socketCANConn) WriteFrame(f Frame) error {
	if c.closed.Load() {
		return ErrClosed
	}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("canbus: socketcan %s: %w", c.iface, err)
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	id := f.ID
	if f.IsExtended {
		id |= canEFFFlag
	}
	if f.IsRemote {
		id |= canRTRFlag
	}
	c.wbuf = [socketCANFrameLen]byte{}
	binary.NativeEndian.PutUint32(c.wbuf[0:4], id)
	c.wbuf[4] = f.Length
	copy(c.wbuf[8:], f.Data[:])
	if _, err := c.f.Write(c.wbuf[:]); err != nil {
		if c.closed.Load() {
			return ErrClosed
		}
		return fmt.Errorf("canbus: socketcan %s: write: %w", c.iface, err)
	}
	return nil
}

func (c *socketCANConn) ReadFrame(timeout time.Duration) (Frame, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if timeout < 0 {
		timeout = 0
	}
	// A deadline of "now" makes a read with nothing queued fail at once:
	// the "do not wait" of a zero timeout.
	if err := c.f.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		if c.closed.Load() {
			return Frame{}, ErrClosed
		}
		return Frame{}, fmt.Errorf("canbus: socketcan %s: set deadline: %w", c.iface, err)
	}
	for {
		n, err := c.f.Read(c.rbuf[:])
		switch {
		case errors.Is(err, os.ErrDeadlineExceeded):
			return Frame{}, ErrTimeout
		case err != nil:
			if c.closed.Load() || errors.Is(err, os.ErrClosed) {
				return Frame{}, ErrClosed
			}
			return Frame{}, fmt.Errorf("canbus: socketcan %s: read: %w", c.iface, err)
		case n != socketCANFrameLen:
			return Frame{}, fmt.Errorf("canbus: socketcan %s: short frame of %d bytes: % X", c.iface, n, c.rbuf[:n])
		}
		id := binary.NativeEndian.Uint32(c.rbuf[0:4])
		if id&canERRFlag != 0 {
			continue // error frames arrive only when subscribed to; skip them
		}
		var f Frame
		f.IsExtended = id&canEFFFlag != 0
		f.IsRemote = id&canRTRFlag != 0
		if f.IsExtended {
			f.ID = id & unix.CAN_EFF_MASK
		} else {
			f.ID = id & unix.CAN_SFF_MASK
		}
		f.Length = min(c.rbuf[4], 8)
		copy(f.Data[:], c.rbuf[8:16])
		return f, nil
	}
}

func (c *socketCANConn) Close() error {
	if c.closed.Swap(true) {
		return nil
	}
	if err := c.f.Close(); err != nil {
		return fmt.Errorf("canbus: socketcan %s: close: %w", c.iface, err)
	}
	return nil
}
