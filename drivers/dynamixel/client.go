package dynamixel

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// DefaultTimeout bounds the wait for each status packet. At 1 Mbit/s a
// 30-byte reply takes 0.3 ms and the X-series' default Return Delay Time is
// 0.5 ms, so 10 ms flags a dead servo quickly while tolerating USB adapter
// latency (FTDI's default latency timer is 16 ms; set it to 1 ms on Linux).
const DefaultTimeout = 10 * time.Millisecond

// Client is the host side of one Protocol 2.0 bus: it sends instruction
// packets and waits for the matching status packets. Errors are
// *drivers.Error whose Kind is timeout (no reply), corrupt (CRC or framing),
// wrong-id, abort (status error number), drive-fault (alert bit: the
// instruction succeeded but the servo has a hardware error), bus-off (port
// failure) or protocol (unexpected reply shape); Err carries the detail
// (*TimeoutError, *MalformedError, *WrongIDError, *StatusError). After the
// first call of each kind the cyclic methods allocate nothing unless they
// fail. A Client is not safe for concurrent use.
type Client struct {
	// Timeout bounds the wait for each status packet (DefaultTimeout if 0).
	Timeout time.Duration
	// StatusReturnLevel mirrors the servos' Status Return Level (68): at 2
	// (the factory default) every instruction is answered; at 1 only ping
	// and reads are, so writes do not wait.
	StatusReturnLevel byte

	port  serialport.Port
	dec   *Decoder
	tx    []byte
	pkt   Packet
	joint [256]int16 // joint index per ID for error attribution, -1 if none
}

// NewClient returns a client over an open port.
func NewClient(port serialport.Port) *Client {
	c := &Client{port: port, dec: NewDecoder(DefaultBufferSize), tx: make([]byte, 0, 256), StatusReturnLevel: 2}
	for i := range c.joint {
		c.joint[i] = -1
	}
	return c
}

// Dial opens the named port with open (serialport.Open for hardware and
// pseudo-terminals, a Pipe-backed opener in tests) and returns a client.
func Dial(open serialport.Opener, name string, cfg serialport.Config) (*Client, error) {
	p, err := open(name, cfg)
	if err != nil {
		return nil, &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: "dynamixel: open " + name, Err: err}
	}
	return NewClient(p), nil
}

// Close closes the port.
func (c *Client) Close() error { return c.port.Close() }

func (c *Client) fail(id byte, kind drivers.ErrorKind, inst byte, err error) error {
	return &drivers.Error{Joint: int(c.joint[id]), Kind: kind, Detail: fmt.Sprintf("dynamixel id %d %s", id, InstName(inst)), Err: err}
}

// send transmits the packet in c.tx, first discarding stale input: a late
// reply to an earlier, timed-out request that has already arrived must not be
// taken for this one's. Protocol 2.0 carries no sequence number, so a late
// reply still in flight when this request goes out is indistinguishable from
// the answer to it; the Bus limits the consequence (a stale reading of one
// cycle), and the supervisor's watchdog sees the timeout that preceded it.
func (c *Client) send(id, inst byte) error {
	c.dec.Reset()
	if err := c.port.ResetInputBuffer(); err != nil {
		return c.fail(id, drivers.KindBusOff, inst, err)
	}
	n, err := c.port.Write(c.tx)
	if err == nil && n != len(c.tx) {
		err = fmt.Errorf("short write: %d of %d bytes", n, len(c.tx))
	}
	if err != nil {
		return c.fail(id, drivers.KindBusOff, inst, err)
	}
	return nil
}

// await reads until a status packet arrives and leaves it in c.pkt. It
// skips instruction packets (the echo of our own transmission on adapters
// that hear themselves) and garbage; a status from another ID is an error.
func (c *Client) await(id, inst byte) error {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	deadline := time.Now().Add(timeout)
	var bad error
	received := 0
	for {
		for {
			ok, err := c.dec.Next(&c.pkt)
			if err != nil {
				bad = err
				continue
			}
			if !ok {
				break
			}
			if c.pkt.Instruction != InstStatus {
				continue
			}
			if c.pkt.ID != id {
				return c.fail(id, drivers.KindWrongID, inst, &WrongIDError{Want: id, Got: c.pkt.ID})
			}
			return nil
		}
		remain := time.Until(deadline)
		if remain <= 0 {
			if bad != nil {
				return c.fail(id, drivers.KindCorrupt, inst, bad)
			}
			return c.fail(id, drivers.KindTimeout, inst, &TimeoutError{ID: id, Inst: inst, Received: received})
		}
		space := c.dec.Space()
		if len(space) == 0 { // cannot happen: Next consumes what cannot be a packet
			c.dec.Reset()
			space = c.dec.Space()
		}
		if err := c.port.SetReadTimeout(remain); err != nil {
			return c.fail(id, drivers.KindBusOff, inst, err)
		}
		n, err := c.port.Read(space)
		if n > 0 {
			c.dec.Commit(n)
			received += n
		}
		if err != nil {
			return c.fail(id, drivers.KindBusOff, inst, err)
		}
		if n == 0 && quiet(c.port) {
			deadline = time.Now() // nothing more can come: time out now
		}
	}
}

// statusErr classifies a non-zero ERR byte in c.pkt: an error number means
// the instruction was refused (abort); the alert bit alone means it was
// carried out but the servo reports a hardware error (drive-fault).
func (c *Client) statusErr(inst byte) error {
	e := c.pkt.Error
	if e == 0 {
		return nil
	}
	kind := drivers.KindAbort
	if e&^AlertBit == 0 {
		kind = drivers.KindDriveFault
	}
	return c.fail(c.pkt.ID, kind, inst, &StatusError{ID: c.pkt.ID, Inst: inst, Err: e})
}

func (c *Client) wantParams(id, inst byte, n int) error {
	if len(c.pkt.Params) != n {
		return c.fail(id, drivers.KindProtocol, inst,
			malformed(fmt.Sprintf("reply carries %d data bytes, want %d", len(c.pkt.Params), n), c.pkt.Params))
	}
	return nil
}

// Ping returns the model number and firmware version of id.
func (c *Client) Ping(id byte) (model uint16, firmware byte, err error) {
	c.tx = AppendPing(c.tx[:0], id)
	if err := c.send(id, InstPing); err != nil {
		return 0, 0, err
	}
	if err := c.await(id, InstPing); err != nil {
		return 0, 0, err
	}
	serr := c.statusErr(InstPing)
	if serr != nil && kindOf(serr) != drivers.KindDriveFault {
		return 0, 0, serr
	}
	if err := c.wantParams(id, InstPing, 3); err != nil {
		return 0, 0, err
	}
	return binary.LittleEndian.Uint16(c.pkt.Params), c.pkt.Params[2], serr
}

// Read reads len(dst) bytes at addr of id into dst. On a drive-fault error
// (alert bit only) dst is filled.
func (c *Client) Read(id byte, addr uint16, dst []byte) error {
	c.tx = AppendRead(c.tx[:0], id, addr, uint16(len(dst)))
	if err := c.send(id, InstRead); err != nil {
		return err
	}
	return c.readReply(id, InstRead, dst, nil)
}

// readReply awaits id's status for a read-type instruction and copies its
// data into dst; errb, when non-nil, receives the ERR byte.
func (c *Client) readReply(id, inst byte, dst []byte, errb *byte) error {
	if err := c.await(id, inst); err != nil {
		return err
	}
	if errb != nil {
		*errb = c.pkt.Error
	}
	serr := c.statusErr(inst)
	if serr != nil && kindOf(serr) != drivers.KindDriveFault {
		return serr // refused: the reply carries no data
	}
	if err := c.wantParams(id, inst, len(dst)); err != nil {
		return err
	}
	copy(dst, c.pkt.Params)
	return serr
}

// Write writes data at addr of id and, at Status Return Level 2, waits for
// the acknowledgement.
func (c *Client) Write(id byte, addr uint16, data []byte) error {
	c.tx = AppendWrite(c.tx[:0], id, addr, data)
	if err := c.send(id, InstWrite); err != nil {
		return err
	}
	if c.StatusReturnLevel < 2 || id == BroadcastID {
		return nil
	}
	if err := c.await(id, InstWrite); err != nil {
		return err
	}
	return c.statusErr(InstWrite)
}

// SyncRead reads n = len(dst)/len(ids) bytes at addr from every servo in
// ids with one instruction; servo i's bytes land in dst[i*n:(i+1)*n]. errs,
// if not nil, receives each servo's ERR byte. A refusal or alert from one
// servo does not stop the others (the first such error is returned); a
// missing, corrupt or foreign reply does, since the servos answer in turn.
func (c *Client) SyncRead(addr uint16, ids, dst, errs []byte) error {
	if len(ids) == 0 || len(dst)%len(ids) != 0 {
		return c.fail(BroadcastID, drivers.KindProtocol, InstSyncRead,
			fmt.Errorf("%d data bytes cannot be split among %d servos", len(dst), len(ids)))
	}
	n := len(dst) / len(ids)
	c.tx = AppendSyncRead(c.tx[:0], addr, uint16(n), ids)
	if err := c.send(BroadcastID, InstSyncRead); err != nil {
		return err
	}
	var first error
	for i, id := range ids {
		var eb *byte
		if errs != nil {
			eb = &errs[i]
		}
		err := c.readReply(id, InstSyncRead, dst[i*n:(i+1)*n], eb)
		if kindOf(err) == drivers.KindWrongID {
			err = c.missing(err, id, InstSyncRead, func(got byte) bool { return bytes.IndexByte(ids[i+1:], got) >= 0 })
		}
		switch kindOf(err) {
		case 0:
		case drivers.KindAbort, drivers.KindDriveFault:
			if first == nil {
				first = err
			}
		default:
			return err
		}
	}
	return first
}

// SyncWrite writes n = len(data)/len(ids) bytes at addr of every servo in
// ids with one instruction (no servo replies).
func (c *Client) SyncWrite(addr uint16, ids, data []byte) error {
	if len(ids) == 0 || len(data)%len(ids) != 0 {
		return c.fail(BroadcastID, drivers.KindProtocol, InstSyncWrite,
			fmt.Errorf("%d data bytes cannot be split among %d servos", len(data), len(ids)))
	}
	c.tx = AppendSyncWrite(c.tx[:0], addr, uint16(len(data)/len(ids)), ids, data)
	return c.send(BroadcastID, InstSyncWrite)
}

// BulkRead reads each entry's bytes; they land back to back in dst, whose
// length must be the sum of the entries' lengths. errs is as in SyncRead.
func (c *Client) BulkRead(entries []BulkReadEntry, dst, errs []byte) error {
	total := 0
	for _, e := range entries {
		total += int(e.Len)
	}
	if len(entries) == 0 || total != len(dst) {
		return c.fail(BroadcastID, drivers.KindProtocol, InstBulkRead,
			fmt.Errorf("entries ask for %d bytes, dst holds %d", total, len(dst)))
	}
	c.tx = AppendBulkRead(c.tx[:0], entries)
	if err := c.send(BroadcastID, InstBulkRead); err != nil {
		return err
	}
	var first error
	off := 0
	for i, e := range entries {
		var eb *byte
		if errs != nil {
			eb = &errs[i]
		}
		err := c.readReply(e.ID, InstBulkRead, dst[off:off+int(e.Len)], eb)
		if kindOf(err) == drivers.KindWrongID {
			err = c.missing(err, e.ID, InstBulkRead, func(got byte) bool {
				for _, x := range entries[i+1:] {
					if x.ID == got {
						return true
					}
				}
				return false
			})
		}
		off += int(e.Len)
		switch kindOf(err) {
		case 0:
		case drivers.KindAbort, drivers.KindDriveFault:
			if first == nil {
				first = err
			}
		default:
			return err
		}
	}
	return first
}

// BulkWrite writes each entry's data (no servo replies).
func (c *Client) BulkWrite(entries []BulkWriteEntry) error {
	c.tx = AppendBulkWrite(c.tx[:0], entries)
	return c.send(BroadcastID, InstBulkWrite)
}

// kindOf is drivers.KindOf without its cost on the cyclic path: errors.As
// makes its target escape, so calling it even with a nil error allocates.
func kindOf(err error) drivers.ErrorKind {
	if err == nil {
		return 0
	}
	if e, ok := err.(*drivers.Error); ok {
		return e.Kind
	}
	return drivers.KindOf(err)
}

// missing turns a reply from a servo later in a sync/bulk read's order into
// a timeout of the awaited servo: the later servo answering means the
// awaited one stayed silent, which is what the supervisor must learn.
func (c *Client) missing(err error, id, inst byte, later func(byte) bool) error {
	var e *drivers.Error
	var w *WrongIDError
	if errors.As(err, &e) && errors.As(e.Err, &w) && later(w.Got) {
		return c.fail(id, drivers.KindTimeout, inst, &TimeoutError{ID: id, Inst: inst, Received: -1})
	}
	return err
}

// quiet reports whether port knows that nothing will arrive however long a
// read waits (canbus.Quieter's Quiet, which a lockstep simulator's port
// implements: its servos are frozen while the host waits and have sent
// everything they will). Real ports do not implement it.
func quiet(port any) bool {
	q, ok := port.(interface{ Quiet() bool })
	return ok && q.Quiet()
}
