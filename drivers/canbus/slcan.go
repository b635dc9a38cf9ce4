package canbus

import (
	"errors"
	"fmt"
)

// SLCAN (Lawicel ASCII) framing, as spoken by CANable, USBtin, CANUSB and
// the Lawicel CAN232. Sources: the Lawicel CAN232/CANUSB manual (command
// list, BEL = 0x07 on error, "z\r"/"Z\r" after a transmit), the CANable slcan
// firmware (S0..S8 table, 'r'/'R' remote frames), python-can's slcan
// interface (optional 4-hex-digit timestamp after the data when "Z1" is on).
const (
	slcanCR  = '\r'
	slcanBEL = 0x07
	slcanLF  = '\n'
	// slcanMaxLine is the longest valid line without its '\r':
	// 'T' + 8 id + 1 dlc + 16 data + 4 timestamp = 30.
	slcanMaxLine = 30
)

// ErrSLCANRefused is returned (wrapped) when the adapter answers BEL to a
// command: it refused it (bad syntax, channel closed, transmit FIFO full).
var ErrSLCANRefused = errors.New("canbus: slcan adapter refused a command (BEL)")

// slcanBitrates lists the bit rates of the standard S0..S8 commands, index = n.
var slcanBitrates = [...]int{10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000}

// SLCANBitrateCode returns n for the "Sn" command that selects bitrate.
func SLCANBitrateCode(bitrate int) (byte, error) {
	for i, b := range slcanBitrates {
		if b == bitrate {
			return byte('0' + i), nil
		}
	}
	return 0, fmt.Errorf("canbus: slcan has no standard bit rate %d bit/s (S0..S8: 10k, 20k, 50k, 100k, 125k, 250k, 500k, 800k, 1M)", bitrate)
}

const hexDigits = "0123456789ABCDEF"

// AppendSLCAN appends f as one SLCAN transmit line ("tIIILDD..\r",
// "TIIIIIIIILDD..\r", "rIIIL\r" or "RIIIIIIIIL\r") to dst. f must be valid
// (Frame.Validate); out-of-range fields are masked, not rejected: the ID to
// 11 or 29 bits and the length to 8, so a bad frame can never produce a line
// longer than a valid one.
func AppendSLCAN(dst []byte, f Frame) []byte {
	length := f.Length
	if length > 8 {
		length = 8
	}
	var kind byte
	var digits int
	id := f.ID
	switch {
	case f.IsExtended && f.IsRemote:
		kind, digits, id = 'R', 8, id&0x1FFFFFFF
	case f.IsExtended:
		kind, digits, id = 'T', 8, id&0x1FFFFFFF
	case f.IsRemote:
		kind, digits, id = 'r', 3, id&0x7FF
	default:
		kind, digits, id = 't', 3, id&0x7FF
	}
	dst = append(dst, kind)
	for s := (digits - 1) * 4; s >= 0; s -= 4 {
		dst = append(dst, hexDigits[(id>>uint(s))&0xF])
	}
	dst = append(dst, '0'+length)
	if !f.IsRemote {
		for _, b := range f.Data[:length] {
			dst = append(dst, hexDigits[b>>4], hexDigits[b&0xF])
		}
	}
	return append(dst, slcanCR)
}

// SLCANEventKind says what an adapter's line meant.
type SLCANEventKind uint8

const (
	// SLCANNone: no complete line yet; feed more bytes.
	SLCANNone SLCANEventKind = iota
	// SLCANFrame: a received CAN frame (Event.Frame).
	SLCANFrame
	// SLCANOK: the adapter accepted a command ("\r").
	SLCANOK
	// SLCANRefused: the adapter refused a command (BEL).
	SLCANRefused
	// SLCANAck: a transmit acknowledgement ("z\r" after t/r, "Z\r" after T/R).
	SLCANAck
	// SLCANReply: another reply line (version "Vhhhh", serial "Nhhhh",
	// status "Fhh"); Event.Raw holds it.
	SLCANReply
)

var slcanEventNames = [...]string{"none", "frame", "ok", "refused", "ack", "reply"}

// String returns the kind's name.
func (k SLCANEventKind) String() string {
	if int(k) < len(slcanEventNames) {
		return slcanEventNames[k]
	}
	return fmt.Sprintf("slcan-event(%d)", uint8(k))
}

// SLCANEvent is one decoded adapter line.
type SLCANEvent struct {
	Kind  SLCANEventKind
	Frame Frame // valid when Kind == SLCANFrame
	// Raw is the line without its '\r', for SLCANReply. It aliases the
	// decoder's buffer and is valid only until the next Decode call.
	Raw []byte
}

// SLCANSyntaxError reports a malformed SLCAN line; Line holds its bytes
// (truncated to the decoder's line limit when it overflowed).
type SLCANSyntaxError struct {
	Line   string
	Reason string
}

// Error returns the reason and the offending bytes in Go-quoted form.
func (e *SLCANSyntaxError) Error() string {
	return fmt.Sprintf("canbus: bad slcan line %q: %s", e.Line, e.Reason)
}

// slcanLines splits a byte stream into '\r'-terminated lines in a fixed
// buffer. BEL is a line of its own. Lines longer than slcanMaxLine are
// discarded up to the next '\r' and reported, which is how the decoder
// resynchronises after garbage.
type slcanLines struct {
	buf      [slcanMaxLine]byte
	n        int
	overflow bool
}

// next consumes bytes from p until a line is complete. It returns the number
// of bytes consumed, the line (aliasing l.buf), and whether one is complete.
// bel reports a BEL; overflow reports a discarded over-long line.
func (l *slcanLines) next(p []byte) (consumed int, line []byte, done, bel, overflow bool) {
	for i, c := range p {
		switch {
		case c == slcanBEL:
			if l.n > 0 || l.overflow {
				// A partial line interrupted by BEL is garbage: report
				// it first and leave the BEL for the next call.
				line, overflow = l.buf[:l.n], l.overflow
				l.n, l.overflow = 0, false
				return i, line, true, false, true
			}
			return i + 1, nil, true, true, false
		case c == slcanCR:
			line, overflow = l.buf[:l.n], l.overflow
			l.n, l.overflow = 0, false
			return i + 1, line, true, false, overflow
		case c == slcanLF && l.n == 0 && !l.overflow:
			// Tolerate "\r\n" line ends some firmwares send.
		case l.n < len(l.buf):
			l.buf[l.n] = c
			l.n++
		default:
			l.overflow = true
		}
	}
	return len(p), nil, false, false, false
}

func (l *slcanLines) reset() { l.n, l.overflow = 0, false }

// SLCANDecoder decodes the adapter-to-host SLCAN stream incrementally. The
// zero value is ready to use; it never allocates on valid input and never
// panics on any input.
type SLCANDecoder struct {
	lines slcanLines
}

// Reset discards any partial line.
func (d *SLCANDecoder) Reset() { d.lines.reset() }

// Decode consumes bytes from p until one line is complete and returns how
// many it consumed and the event (Kind SLCANNone when p ran out first). A
// malformed line is consumed and reported as a *SLCANSyntaxError; decoding
// resumes with the next line.
func (d *SLCANDecoder) Decode(p []byte) (int, SLCANEvent, error) {
	n, line, done, bel, overflow := d.lines.next(p)
	switch {
	case !done:
		return n, SLCANEvent{}, nil
	case bel:
		return n, SLCANEvent{Kind: SLCANRefused}, nil
	case overflow:
		return n, SLCANEvent{}, &SLCANSyntaxError{Line: string(line), Reason: "garbage or over-long line discarded"}
	}
	ev, err := parseAdapterLine(line)
	return n, ev, err
}

// parseAdapterLine interprets one complete line sent by an adapter.
func parseAdapterLine(line []byte) (SLCANEvent, error) {
	if len(line) == 0 {
		return SLCANEvent{Kind: SLCANOK}, nil
	}
	switch line[0] {
	case 't', 'T', 'r', 'R':
		f, err := parseSLCANFrame(line)
		if err != nil {
			return SLCANEvent{}, err
		}
		return SLCANEvent{Kind: SLCANFrame, Frame: f}, nil
	case 'z', 'Z':
		if len(line) == 1 {
			return SLCANEvent{Kind: SLCANAck}, nil
		}
	case 'V', 'v', 'N', 'F':
		return SLCANEvent{Kind: SLCANReply, Raw: line}, nil
	}
	return SLCANEvent{}, &SLCANSyntaxError{Line: string(line), Reason: "unknown adapter message"}
}

// parseSLCANFrame parses a t/T/r/R line (without '\r'), accepting the
// optional 4-digit timestamp that follows when timestamps are on.
func parseSLCANFrame(line []byte) (Frame, error) {
	var f Frame
	digits := 3
	switch line[0] {
	case 't':
	case 'T':
		f.IsExtended, digits = true, 8
	case 'r':
		f.IsRemote = true
	case 'R':
		f.IsExtended, f.IsRemote, digits = true, true, 8
	default:
		return f, &SLCANSyntaxError{Line: string(line), Reason: "not a frame"}
	}
	if len(line) < 1+digits+1 {
		return f, &SLCANSyntaxError{Line: string(line), Reason: "truncated frame"}
	}
	id, ok := parseHex(line[1 : 1+digits])
	if !ok {
		return f, &SLCANSyntaxError{Line: string(line), Reason: "identifier is not hexadecimal"}
	}
	if (f.IsExtended && id > 0x1FFFFFFF) || (!f.IsExtended && id > 0x7FF) {
		return f, &SLCANSyntaxError{Line: string(line), Reason: "identifier out of range"}
	}
	f.ID = id
	dlc := line[1+digits]
	if dlc < '0' || dlc > '8' {
		return f, &SLCANSyntaxError{Line: string(line), Reason: "length digit not 0-8"}
	}
	f.Length = dlc - '0'
	rest := line[2+digits:]
	if !f.IsRemote {
		need := 2 * int(f.Length)
		if len(rest) < need {
			return f, &SLCANSyntaxError{Line: string(line), Reason: "fewer data bytes than the length says"}
		}
		for i := 0; i < int(f.Length); i++ {
			b, ok := parseHex(rest[2*i : 2*i+2])
			if !ok {
				return f, &SLCANSyntaxError{Line: string(line), Reason: "data is not hexadecimal"}
			}
			f.Data[i] = byte(b)
		}
		rest = rest[need:]
	}
	switch len(rest) {
	case 0:
	case 4: // timestamp in ms (0..0xEA5F), ignored: the loop stamps states itself
		if _, ok := parseHex(rest); !ok {
			return f, &SLCANSyntaxError{Line: string(line), Reason: "timestamp is not hexadecimal"}
		}
	default:
		return f, &SLCANSyntaxError{Line: string(line), Reason: "trailing bytes after the data"}
	}
	return f, nil
}

// parseHex parses up to 8 upper- or lower-case hex digits.
func parseHex(b []byte) (uint32, bool) {
	if len(b) == 0 || len(b) > 8 {
		return 0, false
	}
	var v uint32
	for _, c := range b {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		default:
			return 0, false
		}
		v = v<<4 | uint32(d)
	}
	return v, true
}
