package firmwaresim

import (
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// SetReadDeadline interrupts a Read blocked on the master, with or without
// a read timeout (which never extends past the deadline), and it returns
// 0, nil as a timeout does; the zero time lifts it.
func TestPTYReadDeadlineInterruptsRead(t *testing.T) {
	for _, tc := range []struct {
		name    string
		timeout time.Duration
	}{{"no timeout", -1}, {"long timeout", time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := OpenPTY("")
			if err != nil {
				t.Skipf("no pseudo-terminals here: %v", err)
			}
			defer p.Close()
			if err := p.SetReadTimeout(tc.timeout); err != nil {
				t.Fatal(err)
			}
			type result struct {
				n   int
				err error
			}
			done := make(chan result, 1)
			go func() {
				n, err := p.Read(make([]byte, 16))
				done <- result{n, err}
			}()
			// The deadline in the past, whether Read has blocked yet or
			// not: it must return either way.
			if err := p.SetReadDeadline(time.Unix(1, 0)); err != nil {
				t.Fatal(err)
			}
			select {
			case r := <-done:
				if r.n != 0 || r.err != nil {
					t.Fatalf("interrupted Read = %d, %v; want 0, nil", r.n, r.err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Read not interrupted by SetReadDeadline")
			}
			if err := p.SetReadDeadline(time.Time{}); err != nil {
				t.Fatal(err)
			}
			host, err := serialport.Open(p.Path(), serialport.Config{})
			if err != nil {
				t.Fatal(err)
			}
			defer host.Close()
			if _, err := host.Write([]byte("x")); err != nil {
				t.Fatal(err)
			}
			if n, err := p.Read(make([]byte, 16)); n != 1 || err != nil {
				t.Fatalf("Read after the deadline was lifted = %d, %v; want 1, nil", n, err)
			}
		})
	}
}

// WaitHostReadable returns once the bytes written to the master are
// readable on the slave, and reports a shortfall past its timeout.
func TestPTYWaitHostReadable(t *testing.T) {
	p, err := OpenPTY("")
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer p.Close()
	for _, n := range []int{1, 100, 1000} {
		if _, err := p.Write(make([]byte, n)); err != nil {
			t.Fatal(err)
		}
		if err := p.WaitHostReadable(n, 10*time.Second); err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		if got, err := p.HostReadable(); err != nil || got != n {
			t.Fatalf("after waiting for %d bytes, %d readable (%v)", n, got, err)
		}
		host, err := serialport.Open(p.Path(), serialport.Config{})
		if err != nil {
			t.Fatal(err)
		}
		if err := host.ResetInputBuffer(); err != nil {
			t.Fatal(err)
		}
		host.Close()
	}
	if err := p.WaitHostReadable(1, 5*time.Millisecond); err == nil {
		t.Fatal("WaitHostReadable returned for a byte never sent")
	}
}
