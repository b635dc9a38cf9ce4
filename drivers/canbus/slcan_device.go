package canbus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// SLCANCommandKind says what a host's SLCAN command asks for.
type SLCANCommandKind uint8

const (
	// SLCANCmdNone: no complete command yet; feed more bytes.
	SLCANCmdNone SLCANCommandKind = iota
	// SLCANCmdTransmit: t/T/r/R, send Command.Frame on the bus.
	SLCANCmdTransmit
	// SLCANCmdBitrate: Sn, set Command.Bitrate (bit/s).
	SLCANCmdBitrate
	// SLCANCmdOpen: O (normal) or L (listen-only, Command.ListenOnly).
	SLCANCmdOpen
	// SLCANCmdClose: C.
	SLCANCmdClose
	// SLCANCmdVersion: V (hardware/firmware version), v, N (serial number).
	SLCANCmdVersion
	// SLCANCmdStatus: F (read status flags).
	SLCANCmdStatus
	// SLCANCmdOther: a well-formed command this model accepts and ignores
	// (Zn timestamps, sxxyy bit timing, Mxxxxxxxx/mxxxxxxxx acceptance
	// filter, Xn auto-poll, Qn auto-start); Command.Raw holds it.
	SLCANCmdOther
)

// SLCANCommand is one decoded host command.
type SLCANCommand struct {
	Kind       SLCANCommandKind
	Frame      Frame // SLCANCmdTransmit
	Bitrate    int   // SLCANCmdBitrate, bit/s
	ListenOnly bool  // SLCANCmdOpen via L
	// Raw is the command line without its '\r'. It aliases the decoder's
	// buffer and is valid only until the next Decode call.
	Raw []byte
}

// ParseSLCANCommand parses one host command line (without its '\r').
func ParseSLCANCommand(line []byte) (SLCANCommand, error) {
	cmd := SLCANCommand{Raw: line}
	if len(line) == 0 {
		// An empty line is what hosts send to flush a half-received
		// command; adapters answer it like any command.
		cmd.Kind = SLCANCmdOther
		return cmd, nil
	}
	bad := func(reason string) (SLCANCommand, error) {
		return SLCANCommand{}, &SLCANSyntaxError{Line: string(line), Reason: reason}
	}
	switch line[0] {
	case 't', 'T', 'r', 'R':
		f, err := parseSLCANFrame(line)
		if err != nil {
			return SLCANCommand{}, err
		}
		cmd.Kind, cmd.Frame = SLCANCmdTransmit, f
	case 'S':
		if len(line) != 2 || line[1] < '0' || line[1] > '8' {
			return bad("bit rate command is S0..S8")
		}
		cmd.Kind, cmd.Bitrate = SLCANCmdBitrate, slcanBitrates[line[1]-'0']
	case 'O', 'L':
		if len(line) != 1 {
			return bad("open takes no argument")
		}
		cmd.Kind, cmd.ListenOnly = SLCANCmdOpen, line[0] == 'L'
	case 'C':
		if len(line) != 1 {
			return bad("close takes no argument")
		}
		cmd.Kind = SLCANCmdClose
	case 'V', 'v', 'N':
		if len(line) != 1 {
			return bad("version/serial query takes no argument")
		}
		cmd.Kind = SLCANCmdVersion
	case 'F':
		if len(line) != 1 {
			return bad("status query takes no argument")
		}
		cmd.Kind = SLCANCmdStatus
	case 'Z', 'Q', 'X':
		if len(line) != 2 || line[1] < '0' || line[1] > '2' {
			return bad("expects one digit 0-2")
		}
		cmd.Kind = SLCANCmdOther
	case 's':
		if _, ok := parseHex(line[1:]); !ok || len(line) != 5 {
			return bad("bit timing is sxxyy")
		}
		cmd.Kind = SLCANCmdOther
	case 'M', 'm':
		if _, ok := parseHex(line[1:]); !ok || len(line) != 9 {
			return bad("acceptance filter is Mxxxxxxxx")
		}
		cmd.Kind = SLCANCmdOther
	default:
		return bad("unknown command")
	}
	return cmd, nil
}

// SLCANCommandDecoder decodes the host-to-adapter SLCAN stream
// incrementally: the device side of the protocol. The zero value is ready.
type SLCANCommandDecoder struct {
	lines slcanLines
}

// Reset discards any partial command.
func (d *SLCANCommandDecoder) Reset() { d.lines.reset() }

// Decode consumes bytes from p until one command is complete and returns how
// many it consumed and the command (Kind SLCANCmdNone when p ran out first).
// A malformed command is consumed and reported as a *SLCANSyntaxError.
func (d *SLCANCommandDecoder) Decode(p []byte) (int, SLCANCommand, error) {
	n, line, done, bel, overflow := d.lines.next(p)
	switch {
	case !done:
		return n, SLCANCommand{}, nil
	case bel:
		return n, SLCANCommand{}, &SLCANSyntaxError{Line: "\a", Reason: "BEL is not a host command"}
	case overflow:
		return n, SLCANCommand{}, &SLCANSyntaxError{Line: string(line), Reason: "garbage or over-long command discarded"}
	}
	cmd, err := ParseSLCANCommand(line)
	return n, cmd, err
}

// SLCANDevice is the adapter side of SLCAN: a model of a CANable/Lawicel
// firmware for simulators. It keeps the channel state (bit rate, open,
// closed), answers every host command as the Lawicel manual specifies
// ("\r" accepted, BEL refused), hands frames the host transmits to the
// caller, and formats frames received from the bus for the host. It does
// no I/O itself (see Serve), so lockstep simulators can drive it directly.
// It is not safe for concurrent use.
type SLCANDevice struct {
	dec        SLCANCommandDecoder
	bitrate    int
	open       bool
	listenOnly bool
	// TransmitAck makes the device answer a t/r command with "z\r" and a
	// T/R command with "Z\r", as the Lawicel CAN232/CANUSB do; when false
	// it answers "\r", as CANable's slcan firmware does.
	TransmitAck bool
	// Version is the answer to V (default "V1013"), Serial to N
	// (default "NCHIR").
	Version, Serial string
	// Refused counts commands answered with BEL.
	Refused uint64
}

// Open reports whether the channel is open (after O or L).
func (d *SLCANDevice) Open() bool { return d.open }

// Bitrate returns the bit rate set by the last Sn command (0 before any).
func (d *SLCANDevice) Bitrate() int { return d.bitrate }

// Input consumes host bytes p, appends the device's replies to dst and
// returns the extended slice. Every frame the host transmits while the
// channel is open (and not listen-only) is passed to tx in order. Malformed
// commands are answered with BEL, as a real adapter does; the first one is
// also returned as the error so simulators can log it.
func (d *SLCANDevice) Input(dst, p []byte, tx func(Frame)) ([]byte, error) {
	var first error
	for len(p) > 0 {
		n, cmd, err := d.dec.Decode(p)
		p = p[n:]
		if err != nil {
			if first == nil {
				first = err
			}
			dst = d.refuse(dst)
			continue
		}
		switch cmd.Kind {
		case SLCANCmdNone:
			continue
		case SLCANCmdTransmit:
			if !d.open || d.listenOnly {
				dst = d.refuse(dst)
				continue
			}
			if tx != nil {
				tx(cmd.Frame)
			}
			switch {
			case !d.TransmitAck:
				dst = append(dst, slcanCR)
			case cmd.Frame.IsExtended:
				dst = append(dst, 'Z', slcanCR)
			default:
				dst = append(dst, 'z', slcanCR)
			}
		case SLCANCmdBitrate:
			if d.open { // Lawicel: the bit rate can only change while closed
				dst = d.refuse(dst)
				continue
			}
			d.bitrate = cmd.Bitrate
			dst = append(dst, slcanCR)
		case SLCANCmdOpen:
			if d.open || d.bitrate == 0 {
				dst = d.refuse(dst)
				continue
			}
			d.open, d.listenOnly = true, cmd.ListenOnly
			dst = append(dst, slcanCR)
		case SLCANCmdClose:
			// Accepted even when already closed, as CANable does, so a
			// host can always start with C to reach a known state.
			d.open, d.listenOnly = false, false
			dst = append(dst, slcanCR)
		case SLCANCmdVersion:
			switch cmd.Raw[0] {
			case 'N':
				dst = append(dst, orDefault(d.Serial, "NCHIR")...)
			default:
				dst = append(dst, orDefault(d.Version, "V1013")...)
			}
			dst = append(dst, slcanCR)
		case SLCANCmdStatus:
			if !d.open {
				dst = d.refuse(dst)
				continue
			}
			dst = append(dst, 'F', '0', '0', slcanCR)
		default:
			dst = append(dst, slcanCR)
		}
	}
	return dst, first
}

func (d *SLCANDevice) refuse(dst []byte) []byte {
	d.Refused++
	return append(dst, slcanBEL)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// AppendReceived appends f, received from the bus, as the line the device
// sends the host; nothing while the channel is closed (a closed adapter
// forwards no traffic).
func (d *SLCANDevice) AppendReceived(dst []byte, f Frame) []byte {
	if !d.open {
		return dst
	}
	return AppendSLCAN(dst, f)
}

// Serve runs d as a USB-CAN adapter between port (the host side, e.g. a pty
// whose other end chiron opens with DialSLCAN) and conn (the simulated CAN
// segment, e.g. a connection to an in-memory Bus where simulated drives
// listen). It returns nil when ctx is cancelled or port reaches EOF, or the
// first I/O error. It polls ctx every 20 ms.
func (d *SLCANDevice) Serve(ctx context.Context, port serialport.Port, conn Conn) error {
	const poll = 20 * time.Millisecond
	if err := port.SetReadTimeout(poll); err != nil {
		return fmt.Errorf("canbus: slcan device: set read timeout: %w", err)
	}
	var mu sync.Mutex // guards d and writes to port
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2)

	go func() { // bus -> host
		var out []byte
		for {
			f, err := conn.ReadFrame(poll)
			switch {
			case errors.Is(err, ErrTimeout):
				if ctx.Err() != nil {
					errc <- nil
					return
				}
				continue
			case err != nil:
				errc <- fmt.Errorf("canbus: slcan device: read bus: %w", err)
				return
			}
			mu.Lock()
			out = d.AppendReceived(out[:0], f)
			_, err = writeAll(port, out)
			mu.Unlock()
			if err != nil {
				errc <- fmt.Errorf("canbus: slcan device: write host: %w", err)
				return
			}
		}
	}()

	go func() { // host -> bus
		buf := make([]byte, 256)
		var out []byte
		var frames []Frame
		for ctx.Err() == nil {
			n, err := port.Read(buf)
			if errors.Is(err, io.EOF) {
				errc <- nil
				return
			}
			if err != nil {
				errc <- fmt.Errorf("canbus: slcan device: read host: %w", err)
				return
			}
			if n == 0 {
				continue
			}
			frames = frames[:0]
			mu.Lock()
			out, _ = d.Input(out[:0], buf[:n], func(f Frame) { frames = append(frames, f) })
			// Put the frames on the bus before answering, as firmware
			// queues the transmit before it acknowledges it.
			for _, f := range frames {
				if err = conn.WriteFrame(f); err != nil {
					break
				}
			}
			if err == nil {
				_, err = writeAll(port, out)
			}
			mu.Unlock()
			if err != nil {
				errc <- fmt.Errorf("canbus: slcan device: %w", err)
				return
			}
		}
		errc <- nil
	}()

	err := <-errc
	cancel()
	if err2 := <-errc; err == nil {
		err = err2
	}
	if hungUp(err) {
		return nil
	}
	return err
}

// hungUp reports whether err means the host closed its end of the port,
// which ends a session normally.
func hungUp(err error) bool {
	return errors.Is(err, serialport.ErrClosed) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrClosedPipe) || errors.Is(err, os.ErrClosed)
}

func writeAll(w io.Writer, p []byte) (int, error) {
	total := 0
	for len(p) > 0 {
		n, err := w.Write(p)
		total += n
		if err != nil {
			return total, err
		}
		if n == 0 {
			return total, io.ErrShortWrite
		}
		p = p[n:]
	}
	return total, nil
}
