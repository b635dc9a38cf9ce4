//go:build linux

package canbus

import (
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// vcanInterface returns a virtual CAN interface to test on, creating vcan0
// when running as root with the vcan module available, or skips.
func vcanInterface(t *testing.T) string {
	t.Helper()
	if _, err := net.InterfaceByName("vcan0"); err == nil {
		return "vcan0"
	}
	if os.Geteuid() != 0 {
		t.Skip("no vcan0 interface and not root to create one (ip link add dev vcan0 type vcan)")
	}
	if out, err := exec.Command("ip", "link", "add", "dev", "vcan0", "type", "vcan").CombinedOutput(); err != nil {
		t.Skipf("no vcan0 interface and cannot create one (vcan kernel module missing?): %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("ip", "link", "delete", "vcan0").Run() })
	if out, err := exec.Command("ip", "link", "set", "up", "vcan0").CombinedOutput(); err != nil {
		t.Skipf("cannot bring vcan0 up: %v: %s", err, out)
	}
	return "vcan0"
}

func TestSocketCANOverVCAN(t *testing.T) {
	iface := vcanInterface(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	a, err := DialSocketCAN(ctx, iface)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := DialSocketCAN(ctx, iface)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, f := range []Frame{
		{ID: 0x001, Length: 8, Data: [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC}},
		{ID: 0x1FFFFFFF, IsExtended: true, Length: 2, Data: [8]byte{1, 2}},
		{ID: 0x701, IsRemote: true, Length: 1},
	} {
		if err := a.WriteFrame(f); err != nil {
			t.Fatal(err)
		}
		got, err := b.ReadFrame(time.Second)
		if err != nil || got != f {
			t.Fatalf("got %v, %v; want %v", got, err, f)
		}
	}
	start := time.Now()
	if _, err := b.ReadFrame(10 * time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("empty read: %v", err)
	}
	if el := time.Since(start); el < 10*time.Millisecond {
		t.Fatalf("timeout returned after %v", el)
	}
	if _, err := b.ReadFrame(0); !errors.Is(err, ErrTimeout) {
		t.Fatalf("poll: %v", err)
	}
	f := Frame{ID: 0x181, Length: 8}
	if allocs := testing.AllocsPerRun(100, func() {
		a.WriteFrame(f)
		b.ReadFrame(time.Second)
	}); allocs != 0 {
		t.Fatalf("%v allocations per write+read", allocs)
	}
	b.Close()
	if _, err := b.ReadFrame(time.Millisecond); !errors.Is(err, ErrClosed) {
		t.Fatalf("read after close: %v", err)
	}
	if err := b.WriteFrame(f); !errors.Is(err, ErrClosed) {
		t.Fatalf("write after close: %v", err)
	}
}

func TestDialSocketCANMissingInterface(t *testing.T) {
	_, err := DialSocketCAN(context.Background(), "nosuchcan7")
	if err == nil || !strings.Contains(err.Error(), "nosuchcan7") {
		t.Fatalf("err = %v, want one naming the interface", err)
	}
}

// socketPairConns returns two socketCANConns joined by a SOCK_SEQPACKET
// socket pair, which keeps message boundaries as a raw CAN socket does. It
// exercises the struct can_frame encoding, deadlines and close handling
// where no vcan interface exists.
func socketPairConns(t *testing.T) (*socketCANConn, *socketCANConn, *os.File) {
	t.Helper()
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Skipf("socketpair: %v", err)
	}
	a := &socketCANConn{f: os.NewFile(uintptr(fds[0]), "pair0"), iface: "pair0"}
	raw := os.NewFile(uintptr(fds[1]), "pair1")
	fds2, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Skipf("socketpair: %v", err)
	}
	b := &socketCANConn{f: os.NewFile(uintptr(fds2[0]), "pair2"), iface: "pair2"}
	peer := os.NewFile(uintptr(fds2[1]), "pair3")
	t.Cleanup(func() { a.Close(); b.Close(); raw.Close(); peer.Close() })
	// a writes to raw; tests write raw struct can_frame bytes into peer for b.
	go func() {
		buf := make([]byte, 64)
		for {
			n, err := raw.Read(buf)
			if err != nil {
				return
			}
			if _, err := peer.Write(buf[:n]); err != nil {
				return
			}
		}
	}()
	return a, b, peer
}

func TestSocketCANFrameLayout(t *testing.T) {
	a, b, peer := socketPairConns(t)
	cases := []struct {
		f    Frame
		wire [16]byte // struct can_frame, little-endian can_id
	}{
		{Frame{ID: 0x001, Length: 8, Data: [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC}},
			[16]byte{0x01, 0, 0, 0, 8, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC}},
		{Frame{ID: 0x1FFFFFFF, IsExtended: true, Length: 2, Data: [8]byte{1, 2}},
			[16]byte{0xFF, 0xFF, 0xFF, 0x9F, 2, 0, 0, 0, 1, 2}},
		{Frame{ID: 0x701, IsRemote: true, Length: 1},
			[16]byte{0x01, 0x07, 0, 0x40, 1}},
	}
	for _, tc := range cases {
		if err := a.WriteFrame(tc.f); err != nil {
			t.Fatal(err)
		}
		got, err := b.ReadFrame(time.Second)
		if err != nil || got != tc.f {
			t.Fatalf("round trip %v: got %v, %v", tc.f, got, err)
		}
		if _, err := peer.Write(tc.wire[:]); err != nil {
			t.Fatal(err)
		}
		got, err = b.ReadFrame(time.Second)
		if err != nil || got != tc.f {
			t.Fatalf("wire % X decoded to %v, %v; want %v", tc.wire, got, err, tc.f)
		}
	}
	// Error frames are skipped; a short datagram is a clear error.
	peer.Write([]byte{0, 0, 0, 0x20, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	peer.Write([]byte{0x23, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	if got, err := b.ReadFrame(time.Second); err != nil || got != (Frame{ID: 0x123}) {
		t.Fatalf("after error frame: %v, %v", got, err)
	}
	peer.Write([]byte{1, 2, 3})
	if _, err := b.ReadFrame(time.Second); err == nil || !strings.Contains(err.Error(), "short frame of 3 bytes: 01 02 03") {
		t.Fatalf("short datagram: %v", err)
	}
	start := time.Now()
	if _, err := b.ReadFrame(5 * time.Millisecond); !errors.Is(err, ErrTimeout) || time.Since(start) < 5*time.Millisecond {
		t.Fatalf("timeout: %v after %v", err, time.Since(start))
	}
	if _, err := b.ReadFrame(0); !errors.Is(err, ErrTimeout) {
		t.Fatalf("poll: %v", err)
	}
	if err := a.WriteFrame(Frame{ID: 0x800}); err == nil {
		t.Fatal("invalid frame written")
	}
	b.Close()
	if _, err := b.ReadFrame(time.Millisecond); !errors.Is(err, ErrClosed) {
		t.Fatalf("read after close: %v", err)
	}
}
