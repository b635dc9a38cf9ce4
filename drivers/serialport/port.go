package serialport

import (
	"fmt"
	"io"
	"time"

	"go.bug.st/serial"
)

// Port is an open serial port.
type Port interface {
	io.ReadWriteCloser
	// SetReadTimeout bounds how long Read waits for the first byte; on
	// expiry Read returns 0, nil. A negative duration waits forever.
	SetReadTimeout(t time.Duration) error
	// ResetInputBuffer discards bytes received but not yet read.
	ResetInputBuffer() error
}

// Config is the line configuration. Data bits are 8, no parity, one stop bit,
// the framing every protocol chiron speaks uses.
type Config struct {
	BaudRate int // bit/s; 0 means 1 000 000, Dynamixel X-series' common rate
}

// Opener opens the named port. Drivers take an Opener so tests can inject Pipe.
type Opener func(name string, cfg Config) (Port, error)

// Open opens a real serial device or pseudo-terminal with go.bug.st/serial.
func Open(name string, cfg Config) (Port, error) {
	baud := cfg.BaudRate
	if baud == 0 {
		baud = 1_000_000
	}
	p, err := serial.Open(name, &serial.Mode{BaudRate: baud, DataBits: 8, Parity: serial.NoParity, StopBits: serial.OneStopBit})
	if err != nil {
		return nil, fmt.Errorf("serialport: open %s at %d bit/s: %w", name, baud, err)
	}
	return p, nil
}

var _ Opener = Open
