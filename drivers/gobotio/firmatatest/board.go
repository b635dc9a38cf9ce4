// Package firmatatest is a fake Arduino running StandardFirmata, for tests of
// code that reads a board through gobot's firmata platform (the foot pedal of
// drivers/gobotio, and the serve/demo wiring that opens it) without hardware.
package firmatatest

import (
	"io"
	"sync"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// Firmata protocol bytes the fake board speaks (Firmata protocol 2.5,
// https://github.com/firmata/protocol).
const (
	fmDigitalMessage = 0x90
	fmAnalogMessage  = 0xE0
	fmReportAnalog   = 0xC0
	fmReportDigital  = 0xD0
	fmStartSysex     = 0xF0
	fmEndSysex       = 0xF7
	fmSetPinMode     = 0xF4
	fmVersion        = 0xF9
	fmSystemReset    = 0xFF
	fmFirmwareQuery  = 0x79
	fmCapabilityQ    = 0x6B
	fmCapabilityR    = 0x6C
	fmAnalogMapQ     = 0x69
	fmAnalogMapR     = 0x6A
	fmModeOutput     = 0x01
	fmModeAnalog     = 0x02
)

// ModeInput is Firmata's pin mode INPUT, as Board.Modes reports it.
const ModeInput = 0x00

// Pins is the fake board's pin count: an Uno's D0–D13 and A0–A5 as D14–D19.
const Pins = 20

// FirmwareName is the name the board gives in its firmware report.
const FirmwareName = "FakeFirmata"

// Board is the device side of an Arduino Uno running StandardFirmata, enough
// for gobot's firmata client: version, firmware name, capabilities and analog
// mapping for the connect handshake, pin modes, and digital port reports — on
// change, and forced when the host enables a port's reporting, as
// StandardFirmata 2.5 does.
//
// One deviation: it sends no report for a port without an input pin, where
// StandardFirmata would send a zero. gobot's client updates pin values from a
// goroutine that shares its pin table unguarded with SetPinMode; sending
// nothing until the host has set the pin's mode keeps the race detector quiet
// without changing what a pedal sees.
type Board struct {
	port serialport.Port

	mu        sync.Mutex
	mode      [Pins]byte
	level     [Pins]int // input levels (Set)
	out       [Pins]int // output levels (the host's digital messages)
	onOutput  func(pin, level int)
	reporting [16]bool
	muted     bool

	modes   chan [2]int // (pin, mode) as the host sets them
	ignored chan int    // ports whose report request a muted board ignored
	done    chan struct{}
}

// NewBoard serves the board on port (the device end of a serialport.Pipe)
// until the port is closed.
func NewBoard(port serialport.Port) *Board {
	b := &Board{
		port:    port,
		modes:   make(chan [2]int, 64),
		ignored: make(chan int, 64),
		done:    make(chan struct{}),
	}
	for i := range b.mode {
		b.mode[i] = fmModeOutput
	}
	go b.serve()
	return b
}

// Modes delivers (pin, mode) as the host sets them (buffered; a test that
// does not read it loses nothing until 64 are pending, after which the board
// stalls).
func (b *Board) Modes() <-chan [2]int { return b.modes }

// Ignored delivers the ports whose report request a muted board ignored
// (dropped when nobody reads).
func (b *Board) Ignored() <-chan int { return b.ignored }

// Done is closed once the board has stopped serving (its port closed).
func (b *Board) Done() <-chan struct{} { return b.done }

// Set drives a pin's level (0 or 1) and reports its port if it changed.
func (b *Board) Set(pin, level int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.level[pin] == level {
		return
	}
	b.level[pin] = level
	b.reportPortLocked(pin / 8)
}

// OnOutput sets a function called, on the board's goroutine, whenever the
// host changes the level of an output pin (a digital I/O message for its
// port), as the circuit wired to the pin sees it. Set it before the host
// connects.
func (b *Board) OnOutput(f func(pin, level int)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.onOutput = f
}

// Output returns the level the host last wrote to pin.
func (b *Board) Output(pin int) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.out[pin]
}

// writePort applies a digital I/O message: the output pins of the port
// take their bits (input pins keep theirs: the message only sets their
// pull-ups, which the fake board does not model).
func (b *Board) writePort(port, v int) {
	b.mu.Lock()
	f := b.onOutput
	var changed [8][2]int
	n := 0
	for i := 0; i < 8; i++ {
		pin := port*8 + i
		if pin >= Pins || b.mode[pin] != fmModeOutput {
			continue
		}
		level := v >> i & 1
		if b.out[pin] != level {
			b.out[pin] = level
			changed[n] = [2]int{pin, level}
			n++
		}
	}
	b.mu.Unlock()
	if f != nil {
		for _, c := range changed[:n] {
			f(c[0], c[1])
		}
	}
}

// Mute makes the board stop answering and reporting (a hung sketch), or
// answer again.
func (b *Board) Mute(m bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.muted = m
}

// reportPortLocked sends a port's input levels if reporting is on.
func (b *Board) reportPortLocked(port int) {
	if b.muted || !b.reporting[port] {
		return
	}
	var v, inputs int
	for i := 0; i < 8; i++ {
		pin := port*8 + i
		if pin < Pins && b.mode[pin] == ModeInput {
			inputs++
			v |= b.level[pin] << i
		}
	}
	if inputs == 0 {
		return
	}
	b.port.Write([]byte{fmDigitalMessage | byte(port), byte(v & 0x7F), byte(v >> 7 & 0x7F)})
}

func (b *Board) serve() {
	defer close(b.done)
	r := &byteReader{r: b.port}
	for {
		c, err := r.next()
		if err != nil {
			return
		}
		switch {
		case c == fmSystemReset:
		case c == fmVersion:
			b.reply(fmVersion, 2, 5)
		case c == fmSetPinMode:
			pin, _ := r.next()
			mode, err := r.next()
			if err != nil {
				return
			}
			b.mu.Lock()
			if int(pin) < Pins {
				b.mode[pin] = mode
			}
			b.mu.Unlock()
			b.modes <- [2]int{int(pin), int(mode)}
		case c&0xF0 == fmReportDigital:
			on, err := r.next()
			if err != nil {
				return
			}
			b.mu.Lock()
			port := int(c & 0x0F)
			b.reporting[port] = on != 0
			if on != 0 {
				if b.muted {
					select {
					case b.ignored <- port:
					default: // nobody is counting
					}
				}
				b.reportPortLocked(port)
			}
			b.mu.Unlock()
		case c&0xF0 == fmReportAnalog:
			r.next()
		case c&0xF0 == fmDigitalMessage:
			lo, _ := r.next()
			hi, err := r.next()
			if err != nil {
				return
			}
			b.writePort(int(c&0x0F), int(lo)|int(hi)<<7)
		case c&0xF0 == fmAnalogMessage:
			r.next()
			r.next()
		case c == fmStartSysex:
			var body []byte
			for {
				x, err := r.next()
				if err != nil {
					return
				}
				if x == fmEndSysex {
					break
				}
				body = append(body, x)
			}
			if len(body) > 0 {
				b.sysex(body[0])
			}
		}
	}
}

func (b *Board) sysex(cmd byte) {
	switch cmd {
	case fmFirmwareQuery:
		msg := []byte{fmStartSysex, fmFirmwareQuery, 2, 5}
		for _, ch := range []byte(FirmwareName) {
			msg = append(msg, ch&0x7F, ch>>7)
		}
		b.reply(append(msg, fmEndSysex)...)
	case fmCapabilityQ:
		msg := []byte{fmStartSysex, fmCapabilityR}
		for pin := 0; pin < Pins; pin++ {
			msg = append(msg, ModeInput, 1, fmModeOutput, 1)
			if pin >= 14 {
				msg = append(msg, fmModeAnalog, 10)
			}
			msg = append(msg, 0x7F)
		}
		b.reply(append(msg, fmEndSysex)...)
	case fmAnalogMapQ:
		msg := []byte{fmStartSysex, fmAnalogMapR}
		for pin := 0; pin < Pins; pin++ {
			ch := byte(0x7F)
			if pin >= 14 {
				ch = byte(pin - 14)
			}
			msg = append(msg, ch)
		}
		b.reply(append(msg, fmEndSysex)...)
	}
}

func (b *Board) reply(msg ...byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.muted {
		b.port.Write(msg)
	}
}

// byteReader reads a port one byte at a time through a small buffer.
type byteReader struct {
	r   io.Reader
	buf [64]byte
	n   int
	i   int
}

func (r *byteReader) next() (byte, error) {
	for r.i == r.n {
		n, err := r.r.Read(r.buf[:])
		if err != nil {
			return 0, err
		}
		r.i, r.n = 0, n
	}
	c := r.buf[r.i]
	r.i++
	return c, nil
}
