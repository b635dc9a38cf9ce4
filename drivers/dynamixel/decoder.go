package dynamixel

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// DefaultBufferSize is the Decoder's capacity when none is given: it holds a
// sync write for 253 servos of 4 bytes each (4 + 253·5 parameter bytes).
const DefaultBufferSize = 2048

// Decoder finds packets in a byte stream: it skips garbage before a header,
// waits across split reads, checks the CRC, removes byte stuffing and
// returns each packet as a view into its own buffer. It serves both sides:
// the host reads status packets with it, a device (or simulator) reads
// instruction packets. After setup it allocates nothing except to describe a
// malformed input. The zero value is ready to use with DefaultBufferSize.
// A Decoder is not safe for concurrent use.
type Decoder struct {
	buf  []byte // buf[r:] holds bytes not yet consumed; cap(buf) is the capacity
	r    int
	body []byte // destuffed body of the last packet returned
}

// NewDecoder returns a Decoder that holds packets up to size bytes long
// (at least 64).
func NewDecoder(size int) *Decoder {
	d := &Decoder{}
	d.init(size)
	return d
}

func (d *Decoder) init(size int) {
	size = max(size, 64)
	d.buf = make([]byte, 0, size)
	d.body = make([]byte, 0, size)
}

func (d *Decoder) ensure() {
	if d.buf == nil {
		d.init(DefaultBufferSize)
	}
}

// compact moves unconsumed bytes to the front of the buffer.
func (d *Decoder) compact() {
	if d.r == 0 {
		return
	}
	n := copy(d.buf[:cap(d.buf)], d.buf[d.r:])
	d.buf = d.buf[:n]
	d.r = 0
}

// Feed copies as much of p into the decoder as fits and returns how many
// bytes it took. Call Next until it reports no packet to make room.
func (d *Decoder) Feed(p []byte) int {
	d.ensure()
	d.compact()
	n := copy(d.buf[len(d.buf):cap(d.buf)], p)
	d.buf = d.buf[:len(d.buf)+n]
	return n
}

// Space returns the free part of the buffer, to read into directly; report
// how much was written with Commit.
func (d *Decoder) Space() []byte {
	d.ensure()
	d.compact()
	return d.buf[len(d.buf):cap(d.buf)]
}

// Commit records that n bytes were written into the slice Space returned.
func (d *Decoder) Commit(n int) {
	if n < 0 || len(d.buf)+n > cap(d.buf) {
		panic(fmt.Sprintf("dynamixel: Decoder.Commit(%d) beyond space %d", n, cap(d.buf)-len(d.buf)))
	}
	d.buf = d.buf[:len(d.buf)+n]
}

// Buffered returns how many bytes are held and not yet consumed.
func (d *Decoder) Buffered() int { return len(d.buf) - d.r }

// Reset discards everything buffered.
func (d *Decoder) Reset() {
	d.buf = d.buf[:0]
	d.r = 0
}

// headerPrefix returns how many trailing bytes of b could start a header.
func headerPrefix(b []byte) int {
	for k := min(len(b), len(header)-1); k > 0; k-- {
		if bytes.Equal(b[len(b)-k:], header[:k]) {
			return k
		}
	}
	return 0
}

// Next decodes the next packet into p. It returns true when p holds one;
// false with a nil error when more bytes are needed; false with a
// *MalformedError when it skipped bytes (garbage, a bad ID or length, a CRC
// mismatch, bad stuffing) — call Next again to go on, the decoder has
// already resynchronised past them. p.Params stays valid until the next call
// to Next, Feed, Space or Reset.
func (d *Decoder) Next(p *Packet) (bool, error) {
	d.ensure()
	data := d.buf[d.r:]
	if len(data) == 0 {
		return false, nil
	}
	i := bytes.Index(data, header[:])
	if i < 0 {
		g := len(data) - headerPrefix(data)
		if g == 0 {
			return false, nil
		}
		d.r += g
		return false, malformed("garbage without a header", data[:g])
	}
	if i > 0 {
		d.r += i
		return false, malformed("garbage before header", data[:i])
	}
	if len(data) < HeaderLen {
		return false, nil
	}
	id := data[4]
	if id > MaxID && id != BroadcastID {
		d.r++ // resync: look for the next header after this one's first byte
		return false, malformed(fmt.Sprintf("invalid ID 0x%02X", id), data[:HeaderLen])
	}
	n := int(binary.LittleEndian.Uint16(data[5:]))
	if n < minLen {
		d.r++
		return false, malformed(fmt.Sprintf("length %d below minimum %d", n, minLen), data[:HeaderLen])
	}
	total := HeaderLen + n
	if total > cap(d.buf) {
		d.r++
		return false, malformed(fmt.Sprintf("length %d exceeds decoder capacity %d", n, cap(d.buf)-HeaderLen), data[:HeaderLen])
	}
	if len(data) < total {
		return false, nil
	}
	pkt := data[:total]
	want := UpdateCRC(0, pkt[:total-2])
	got := binary.LittleEndian.Uint16(pkt[total-2:])
	if want != got {
		d.r++ // a real header may start inside the damaged packet
		return false, malformed(fmt.Sprintf("CRC mismatch (computed %04X, packet carries %04X)", want, got), pkt)
	}
	body, err := destuff(d.body[:0], pkt[HeaderLen:total-2])
	if err != nil {
		d.r += total // CRC matched: the sender really sent this; skip it whole
		return false, malformed(err.Error(), pkt)
	}
	d.body = body
	d.r += total
	p.ID = id
	p.Instruction = body[0]
	p.Error = 0
	if body[0] == InstStatus {
		if len(body) < 2 {
			return false, malformed("status packet without ERR byte", pkt)
		}
		p.Error = body[1]
		p.Params = body[2:]
	} else {
		p.Params = body[1:]
	}
	return true, nil
}

type stuffError string

func (e stuffError) Error() string { return string(e) }

// destuff appends in with the stuffing FD after each FF FF FD removed.
func destuff(out, in []byte) ([]byte, error) {
	for j := 0; j < len(in); j++ {
		c := in[j]
		out = append(out, c)
		n := len(out)
		if c == 0xFD && n >= 3 && out[n-2] == 0xFF && out[n-3] == 0xFF {
			if j+1 >= len(in) || in[j+1] != 0xFD {
				return out, stuffError(fmt.Sprintf("unstuffed FF FF FD at body offset %d", j-2))
			}
			j++
		}
	}
	return out, nil
}

// ParsePacket decodes exactly one packet occupying all of frame into p,
// destuffing into scratch (which needs capacity len(frame); p.Params points
// into it). It is the one-shot form of Decoder for callers that already
// framed the bytes.
func ParsePacket(p *Packet, frame, scratch []byte) error {
	var d Decoder
	d.buf = frame[:len(frame):len(frame)]
	d.body = scratch[:0]
	if cap(d.body) < len(frame) {
		d.body = make([]byte, 0, len(frame))
	}
	ok, err := d.Next(p)
	if err != nil {
		return err
	}
	if !ok {
		return malformed("incomplete packet", frame)
	}
	if d.r != len(frame) {
		return malformed(fmt.Sprintf("%d bytes after the packet", len(frame)-d.r), frame[d.r:])
	}
	return nil
}
