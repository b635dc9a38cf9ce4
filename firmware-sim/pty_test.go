package firmwaresim

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// TestPTYCarriesBinaryBothWays opens the slave through go.bug.st/serial as a
// USB adapter would and checks that every byte value passes untouched.
func TestPTYCarriesBinaryBothWays(t *testing.T) {
	link := filepath.Join(t.TempDir(), "ttySIM0")
	p, err := OpenPTY(link)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer p.Close()
	host, err := serialport.Open(link, serialport.Config{BaudRate: 1_000_000})
	if err != nil {
		t.Fatal(err)
	}
	defer host.Close()
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	if _, err := host.Write(all); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, 0, 256)
	buf := make([]byte, 256)
	for len(got) < 256 {
		n, err := p.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, buf[:n]...)
	}
	if !bytes.Equal(got, all) {
		t.Fatalf("device received %x", got)
	}
	if _, err := p.Write(all); err != nil {
		t.Fatal(err)
	}
	host.SetReadTimeout(time.Second)
	got = got[:0]
	for len(got) < 256 {
		n, err := host.Read(buf)
		if err != nil || n == 0 {
			t.Fatalf("host read %d, %v after %d bytes", n, err, len(got))
		}
		got = append(got, buf[:n]...)
	}
	if !bytes.Equal(got, all) {
		t.Fatalf("host received %x", got)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(link); !os.IsNotExist(err) {
		t.Fatalf("link still there after Close: %v", err)
	}
}

func TestOpenPTYRefusesToReplaceAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "file")
	os.WriteFile(path, []byte("x"), 0o600)
	if p, err := OpenPTY(path); err == nil {
		p.Close()
		t.Fatal("replaced a regular file")
	}
}

func TestPTYReadTimeout(t *testing.T) {
	p, err := OpenPTY("")
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer p.Close()
	if err := p.SetReadTimeout(5 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	n, err := p.Read(make([]byte, 8))
	if n != 0 || err != nil {
		t.Fatalf("Read after timeout = %d, %v; want 0, nil", n, err)
	}
}

// TestPTYHostReadable: bytes written on the master become readable on the
// slave (after the kernel's flip-buffer work, hence the bounded wait), and
// reading them brings the count back down.
func TestPTYHostReadable(t *testing.T) {
	p, err := OpenPTY("")
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer p.Close()
	host, err := serialport.Open(p.Path(), serialport.Config{BaudRate: 1_000_000})
	if err != nil {
		t.Fatal(err)
	}
	defer host.Close()
	if n, err := p.HostReadable(); n != 0 || err != nil {
		t.Fatalf("HostReadable on an idle pty = %d, %v", n, err)
	}
	if _, err := p.Write([]byte("t1230\r\a")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Second)
	n := 0
	for n < 7 && time.Now().Before(deadline) {
		if n, err = p.HostReadable(); err != nil {
			t.Fatal(err)
		}
	}
	if n != 7 {
		t.Fatalf("HostReadable = %d within 1 s, want 7", n)
	}
	host.SetReadTimeout(time.Second)
	buf := make([]byte, 3)
	if k, err := host.Read(buf); k != 3 || err != nil {
		t.Fatalf("host read %d, %v", k, err)
	}
	if n, err := p.HostReadable(); n != 4 || err != nil {
		t.Fatalf("HostReadable after reading 3 = %d, %v; want 4", n, err)
	}
}

// BenchmarkPTYReplyCrossing is the pty's share of one lockstep cycle: a
// device's reply (a Dynamixel sync read's 6 servos, 75 bytes) written to the
// master in one write(2), waited for until the host can read all of it
// (WaitHostReadable: the kernel carries it to the slave on a work item),
// and read by the host through go.bug.st/serial (select(2), read(2)) — the
// floor under `chiron hil run` over a pty, whatever the drivers and the
// simulation cost on top.
func BenchmarkPTYReplyCrossing(b *testing.B) {
	link := filepath.Join(b.TempDir(), "ttySIM0")
	p, err := OpenPTY(link)
	if err != nil {
		b.Skipf("no pseudo-terminals here: %v", err)
	}
	defer p.Close()
	host, err := serialport.Open(link, serialport.Config{BaudRate: 1_000_000})
	if err != nil {
		b.Fatal(err)
	}
	defer host.Close()
	if err := host.SetReadTimeout(time.Second); err != nil {
		b.Fatal(err)
	}
	reply := bytes.Repeat([]byte{0x5a}, 75)
	buf := make([]byte, 256)
	for b.Loop() {
		if _, err := p.Write(reply); err != nil {
			b.Fatal(err)
		}
		if err := p.WaitHostReadable(len(reply), time.Second); err != nil {
			b.Fatal(err)
		}
		for got := 0; got < len(reply); {
			n, err := host.Read(buf)
			if err != nil || n == 0 {
				b.Fatalf("host read %d, %v", n, err)
			}
			got += n
		}
	}
}
