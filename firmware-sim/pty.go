package firmwaresim

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// PTY is a pseudo-terminal whose slave end a host opens exactly as it opens a
// USB serial adapter; the simulator speaks on the master end.
type PTY struct {
	Master  *os.File
	slave   *os.File // kept open so the master never sees EIO between host sessions
	link    string
	timeout time.Duration
	// deadline (ns since 1970, 0 for none) is the read deadline set by
	// SetReadDeadline: Read's own timeout never extends past it.
	deadline atomic.Int64
}

// OpenPTY opens a pseudo-terminal in raw mode (no echo, no line editing, no
// CR/NL translation — binary protocols need every byte as sent) and, when
// link is not empty, makes link a symbolic link to its slave, as socat's
// link= option does. An existing symlink at link is replaced; any other file
// there is an error.
func OpenPTY(link string) (*PTY, error) {
	m, s, err := pty.Open()
	if err != nil {
		return nil, fmt.Errorf("firmware-sim: open pty: %w", err)
	}
	if err := makeRaw(s); err != nil {
		m.Close()
		s.Close()
		return nil, fmt.Errorf("firmware-sim: raw mode on %s: %w", s.Name(), err)
	}
	if m, err = pollable(m); err != nil {
		s.Close()
		return nil, fmt.Errorf("firmware-sim: pty master: %w", err)
	}
	p := &PTY{Master: m, slave: s, timeout: -1}
	if link != "" {
		if fi, err := os.Lstat(link); err == nil {
			if fi.Mode()&os.ModeSymlink == 0 {
				p.Close()
				return nil, fmt.Errorf("firmware-sim: %s exists and is not a symbolic link; refusing to replace it", link)
			}
			if err := os.Remove(link); err != nil {
				p.Close()
				return nil, fmt.Errorf("firmware-sim: replace link: %w", err)
			}
		}
		if err := os.Symlink(s.Name(), link); err != nil {
			p.Close()
			return nil, fmt.Errorf("firmware-sim: link %s → %s: %w", link, s.Name(), err)
		}
		p.link = link
	}
	return p, nil
}

// Path returns the path a host opens: the link when one was made, else the
// slave device.
func (p *PTY) Path() string {
	if p.link != "" {
		return p.link
	}
	return p.slave.Name()
}

// Read reads from the host, waiting at most the timeout set by
// SetReadTimeout (then it returns 0, nil, as go.bug.st/serial does).
func (p *PTY) Read(b []byte) (int, error) {
	if p.timeout >= 0 {
		dl := time.Now().Add(p.timeout)
		if ns := p.deadline.Load(); ns != 0 && ns < dl.UnixNano() {
			dl = time.Unix(0, ns)
		}
		if err := p.Master.SetReadDeadline(dl); err != nil {
			return 0, err
		}
	}
	n, err := p.Master.Read(b)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return n, nil
	}
	return n, err
}

// SetReadTimeout bounds how long Read waits (negative: forever), so the pty
// master satisfies serialport.Port and serial-side code runs on it unchanged.
// A deadline set by SetReadDeadline still applies.
func (p *PTY) SetReadTimeout(t time.Duration) error {
	p.timeout = t
	if t < 0 {
		var dl time.Time
		if ns := p.deadline.Load(); ns != 0 {
			dl = time.Unix(0, ns)
		}
		return p.Master.SetReadDeadline(dl)
	}
	return nil
}

// SetReadDeadline sets an absolute deadline for Read (the zero time: none),
// which also interrupts a Read blocked now: on expiry Read returns 0, nil.
// It is how a simulator serving the master is stopped between two reads
// (dxlsim.Server.Serve on context cancellation; the lockstep front ends
// when they take the device over in the host's thread).
func (p *PTY) SetReadDeadline(t time.Time) error {
	var ns int64
	if !t.IsZero() {
		ns = t.UnixNano()
	}
	p.deadline.Store(ns)
	return p.Master.SetReadDeadline(t)
}

// ResetInputBuffer discards nothing: a pty master has no separate driver
// buffer to purge; it exists to satisfy serialport.Port.
func (p *PTY) ResetInputBuffer() error { return nil }

// Write writes to the host.
func (p *PTY) Write(b []byte) (int, error) { return p.Master.Write(b) }

// HostReadable returns how many bytes the host can read from the slave end
// now without waiting (TIOCINQ, alias FIONREAD, on the slave). Bytes written to the master
// reach the slave's line discipline through the kernel's flip buffer, a
// deferred work item, so they may be in flight for a few microseconds after
// Write returns; a lockstep barrier that must know the host will see every
// byte sent so far compares this count with what was written and read.
func (p *PTY) HostReadable() (int, error) {
	rc, err := p.slave.SyscallConn()
	if err != nil {
		return 0, err
	}
	var n int
	var ierr error
	if err := rc.Control(func(fd uintptr) { n, ierr = unix.IoctlGetInt(int(fd), unix.TIOCINQ) }); err != nil {
		return 0, err
	}
	if ierr != nil {
		return 0, fmt.Errorf("firmware-sim: TIOCINQ on %s: %w", p.slave.Name(), ierr)
	}
	return n, nil
}

// Close closes both ends and removes the link.
func (p *PTY) Close() error {
	var errs []error
	if p.link != "" {
		if err := os.Remove(p.link); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
		p.link = ""
	}
	errs = append(errs, p.Master.Close(), p.slave.Close())
	return errors.Join(errs...)
}

// pollable returns f reopened on a non-blocking duplicate of its descriptor:
// os.NewFile registers a non-blocking descriptor with Go's poller, which is
// what makes SetReadDeadline (and so read timeouts and clean cancellation)
// work on the pty master. f is closed.
func pollable(f *os.File) (*os.File, error) {
	fd, err := unix.Dup(int(f.Fd()))
	f.Close()
	if err != nil {
		return nil, err
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return nil, err
	}
	unix.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), "/dev/ptmx"), nil
}

// makeRaw puts a terminal in raw mode, as cfmakeraw(3) does.
func makeRaw(f *os.File) error {
	fd := int(f.Fd())
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return err
	}
	t.Iflag &^= unix.IGNBRK | unix.BRKINT | unix.PARMRK | unix.ISTRIP | unix.INLCR | unix.IGNCR | unix.ICRNL | unix.IXON
	t.Oflag &^= unix.OPOST
	t.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.ISIG | unix.IEXTEN
	t.Cflag &^= unix.CSIZE | unix.PARENB
	t.Cflag |= unix.CS8
	t.Cc[unix.VMIN] = 1
	t.Cc[unix.VTIME] = 0
	return unix.IoctlSetTermios(fd, unix.TCSETS, t)
}

// WaitHostReadable returns once the host can read at least n bytes from the
// slave end without waiting (TIOCINQ), sleeping in poll(2) on the slave
// while nothing has landed — the kernel wakes it when the flip buffer's
// work item delivers — rather than spinning. Past timeout it reports how
// many bytes were readable.
func (p *PTY) WaitHostReadable(n int, timeout time.Duration) error {
	rc, err := p.slave.SyscallConn()
	if err != nil {
		return err
	}
	deadline := time.Now().Add(timeout)
	var have int
	var ierr error
	for spins := 0; ; spins++ {
		if err := rc.Control(func(fd uintptr) {
			if have, ierr = unix.IoctlGetInt(int(fd), unix.TIOCINQ); ierr != nil || have >= n {
				return
			}
			if have == 0 {
				// Nothing landed yet: sleep until something does.
				fds := [1]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
				if _, perr := unix.Poll(fds[:], 1); perr != nil && !errors.Is(perr, unix.EINTR) {
					ierr = perr
				}
			}
		}); err != nil {
			return err
		}
		if ierr != nil {
			return fmt.Errorf("firmware-sim: TIOCINQ on %s: %w", p.slave.Name(), ierr)
		}
		if have >= n {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("firmware-sim: %d of %d bytes readable by the host after %v", have, n, timeout)
		}
		if have > 0 {
			// Part of it has landed, the rest is in the same work
			// item's queue: yield, then back off.
			if spins < 100 {
				runtime.Gosched()
			} else {
				time.Sleep(20 * time.Microsecond)
			}
		}
	}
}
