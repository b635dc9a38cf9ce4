package firmwaresim

import (
	"errors"
	"fmt"
	"os"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// PTY is a pseudo-terminal whose slave end a host opens exactly as it opens a
// USB serial adapter; the simulator speaks on the master end.
type PTY struct {
	Master *os.File
	slave  *os.File // kept open so the master never sees EIO between host sessions
	link   string
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
	p := &PTY{Master: m, slave: s}
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

// Read reads from the host.
func (p *PTY) Read(b []byte) (int, error) { return p.Master.Read(b) }

// Write writes to the host.
func (p *PTY) Write(b []byte) (int, error) { return p.Master.Write(b) }

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
