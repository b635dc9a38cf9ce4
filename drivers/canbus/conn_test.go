package canbus

import (
	"testing"
	"time"
)

func TestBusBroadcastsToOthersOnly(t *testing.T) {
	b := NewBus(8)
	a, n1, n2 := b.Connect(), b.Connect(), b.Connect()
	f := Frame{ID: 0x601, Length: 2, Data: [8]byte{0x40, 0x41}}
	if err := a.WriteFrame(f); err != nil {
		t.Fatal(err)
	}
	for i, c := range []Conn{n1, n2} {
		got, err := c.ReadFrame(0)
		if err != nil || got != f {
			t.Fatalf("node %d got %v, %v", i, got, err)
		}
	}
	if _, err := a.ReadFrame(0); err != ErrTimeout {
		t.Fatalf("writer received its own frame: %v", err)
	}
}

func TestBusReadTimeoutAndClose(t *testing.T) {
	b := NewBus(1)
	a, c := b.Connect(), b.Connect()
	if _, err := c.ReadFrame(time.Millisecond); err != ErrTimeout {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	c.Close()
	if _, err := c.ReadFrame(time.Second); err != ErrClosed {
		t.Fatalf("err = %v, want ErrClosed", err)
	}
	if err := c.WriteFrame(Frame{ID: 1}); err != ErrClosed {
		t.Fatalf("write after close = %v", err)
	}
	if err := a.WriteFrame(Frame{ID: 1}); err != nil {
		t.Fatalf("write to a bus with a closed node: %v", err)
	}
}

func TestBusRejectsInvalidFrame(t *testing.T) {
	b := NewBus(1)
	a := b.Connect()
	if err := a.WriteFrame(Frame{ID: 0x800}); err == nil {
		t.Fatal("11-bit frame with ID 0x800 accepted")
	}
}

func TestBusReadAllocatesNothing(t *testing.T) {
	b := NewBus(4)
	a, c := b.Connect(), b.Connect()
	f := Frame{ID: 0x181, Length: 8}
	allocs := testing.AllocsPerRun(100, func() {
		a.WriteFrame(f)
		c.ReadFrame(time.Millisecond)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per write+read", allocs)
	}
}
