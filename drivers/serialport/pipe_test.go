package serialport

import (
	"bytes"
	"io"
	"testing"
	"time"
)

func TestPipeTransfersBothWays(t *testing.T) {
	a, b := Pipe()
	defer a.Close()
	if _, err := a.Write([]byte{0xFF, 0xFD, 0x00}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Write([]byte("ok")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	n, err := b.Read(buf)
	if err != nil || !bytes.Equal(buf[:n], []byte{0xFF, 0xFD, 0x00}) {
		t.Fatalf("b read %x, %v", buf[:n], err)
	}
	n, err = a.Read(buf)
	if err != nil || string(buf[:n]) != "ok" {
		t.Fatalf("a read %q, %v", buf[:n], err)
	}
}

func TestPipeReadTimeoutReturnsZero(t *testing.T) {
	a, _ := Pipe()
	if err := a.SetReadTimeout(time.Millisecond); err != nil {
		t.Fatal(err)
	}
	n, err := a.Read(make([]byte, 4))
	if n != 0 || err != nil {
		t.Fatalf("Read on timeout = %d, %v; want 0, nil", n, err)
	}
	if err := a.SetReadTimeout(0); err != nil {
		t.Fatal(err)
	}
	if n, err := a.Read(make([]byte, 4)); n != 0 || err != nil {
		t.Fatalf("non-blocking Read = %d, %v", n, err)
	}
}

func TestPipeCloseGivesEOFAndRefusesWrites(t *testing.T) {
	a, b := Pipe()
	if _, err := a.Write([]byte{1}); err != nil {
		t.Fatal(err)
	}
	a.Close()
	buf := make([]byte, 4)
	if n, err := b.Read(buf); n != 1 || err != nil {
		t.Fatalf("drain before EOF = %d, %v", n, err)
	}
	if _, err := b.Read(buf); err != io.EOF {
		t.Fatalf("after close err = %v, want EOF", err)
	}
	if _, err := b.Write([]byte{1}); err != ErrClosed {
		t.Fatalf("write after close err = %v, want ErrClosed", err)
	}
}

func TestPipeResetInputBuffer(t *testing.T) {
	a, b := Pipe()
	a.Write([]byte{1, 2, 3})
	b.ResetInputBuffer()
	b.SetReadTimeout(0)
	if n, _ := b.Read(make([]byte, 4)); n != 0 {
		t.Fatalf("read %d bytes after reset", n)
	}
}

func TestPipeAllocatesNothingInSteadyState(t *testing.T) {
	a, b := Pipe()
	b.SetReadTimeout(time.Millisecond)
	msg := make([]byte, 64)
	buf := make([]byte, 64)
	a.Write(msg)
	b.Read(buf)
	allocs := testing.AllocsPerRun(200, func() {
		a.Write(msg)
		b.Read(buf)
		b.Read(buf[:1]) // times out: the reused timer path
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per write+read", allocs)
	}
}
