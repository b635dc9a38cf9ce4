//go:build linux

package gobotio

import (
	"io"
	"sync"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// Firmata protocol bytes the fake board speaks.
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
	fmModeInput      = 0x00
	fmModeOutput     = 0x01
	fmModeAnalog     = 0x02
)

// fakeBoard is the device side of an Arduino Uno running StandardFirmata,
// enough for gobot's firmata client: version, firmware name, capabilities
// and analog mapping for the connect handshake, pin modes, and digital port
// reports — on change, and forced when the host enables a port's reporting,
// as StandardFirmata 2.5 does.
//
// One deviation: it sends no report for a port without an input pin, where
// StandardFirmata would send a zero. gobot's client updates pin values from
// a goroutine that shares its pin table unguarded with SetPinMode; sending
// nothing until the host has set the pin's mode keeps the race detector quiet
// without changing what the pedal sees.
type fakeBoard struct {
	port serialport.Port
	pins int

	mu        sync.Mutex
	mode      []byte
	level     []int
	reporting [16]bool
	muted     bool

	modes   chan [2]int // (pin, mode) as the host sets them
	ignored chan int    // ports whose report request a muted board ignored
	done    chan struct{}
}

func newFakeBoard(port serialport.Port) *fakeBoard {
	const pins = 20 // Uno: D0–D13, A0–A5 as D14–D19
	b := &fakeBoard{
		port:    port,
		pins:    pins,
		mode:    make([]byte, pins),
		level:   make([]int, pins),
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

// set drives a pin's level and reports its port if it changed.
func (b *fakeBoard) set(pin, level int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.level[pin] == level {
		return
	}
	b.level[pin] = level
	b.reportPortLocked(pin / 8)
}

// mute makes the board stop answering and reporting (a hung sketch).
func (b *fakeBoard) mute(m bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.muted = m
}

// reportPortLocked sends a port's input levels if reporting is on.
func (b *fakeBoard) reportPortLocked(port int) {
	if b.muted || !b.reporting[port] {
		return
	}
	var v, inputs int
	for i := 0; i < 8; i++ {
		pin := port*8 + i
		if pin < b.pins && b.mode[pin] == fmModeInput {
			inputs++
			v |= b.level[pin] << i
		}
	}
	if inputs == 0 {
		return
	}
	b.port.Write([]byte{fmDigitalMessage | byte(port), byte(v & 0x7F), byte(v >> 7 & 0x7F)})
}

func (b *fakeBoard) serve() {
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
			if int(pin) < b.pins {
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
		case c&0xF0 == fmDigitalMessage, c&0xF0 == fmAnalogMessage:
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

func (b *fakeBoard) sysex(cmd byte) {
	switch cmd {
	case fmFirmwareQuery:
		msg := []byte{fmStartSysex, fmFirmwareQuery, 2, 5}
		for _, ch := range []byte("FakeFirmata") {
			msg = append(msg, ch&0x7F, ch>>7)
		}
		b.reply(append(msg, fmEndSysex)...)
	case fmCapabilityQ:
		msg := []byte{fmStartSysex, fmCapabilityR}
		for pin := 0; pin < b.pins; pin++ {
			msg = append(msg, fmModeInput, 1, fmModeOutput, 1)
			if pin >= 14 {
				msg = append(msg, fmModeAnalog, 10)
			}
			msg = append(msg, 0x7F)
		}
		b.reply(append(msg, fmEndSysex)...)
	case fmAnalogMapQ:
		msg := []byte{fmStartSysex, fmAnalogMapR}
		for pin := 0; pin < b.pins; pin++ {
			ch := byte(0x7F)
			if pin >= 14 {
				ch = byte(pin - 14)
			}
			msg = append(msg, ch)
		}
		b.reply(append(msg, fmEndSysex)...)
	}
}

func (b *fakeBoard) reply(msg ...byte) {
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
