package dynamixel

import (
	"bytes"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// FuzzDecoder feeds arbitrary bytes, in arbitrary chunk sizes, to a
// Decoder: it must never panic, must always make progress, and every packet
// it returns must re-encode to bytes that decode to the same packet.
func FuzzDecoder(f *testing.F) {
	for _, v := range manualVectors {
		f.Add(h(v.want), byte(3))
	}
	f.Add(AppendWrite(nil, 1, 0x0102, []byte{0xFF, 0xFF, 0xFD, 0xFD}), byte(1))
	f.Add(h("00 FF FF FD 00 01 FF FF 01 FF FF FD 00 01 03 00 01 19 4E"), byte(7))
	f.Fuzz(func(t *testing.T, data []byte, chunk byte) {
		d := NewDecoder(256)
		var p Packet
		step := int(chunk%16) + 1
		for off := 0; off < len(data); {
			end := min(off+step, len(data))
			off += d.Feed(data[off:end])
			for range len(data) + 8 {
				ok, err := d.Next(&p)
				if err == nil && !ok {
					break
				}
				if err != nil {
					if _, isM := err.(*MalformedError); !isM {
						t.Fatalf("error of type %T: %v", err, err)
					}
					continue
				}
				var re []byte
				if p.IsStatus() {
					re = AppendStatus(nil, p.ID, p.Error, p.Params)
				} else {
					re = AppendInstruction(nil, p.ID, p.Instruction, p.Params)
				}
				var q Packet
				if err := ParsePacket(&q, re, nil); err != nil {
					t.Fatalf("re-encoded packet % X does not decode: %v", re, err)
				}
				if q.ID != p.ID || q.Instruction != p.Instruction || q.Error != p.Error || !bytes.Equal(q.Params, p.Params) {
					t.Fatalf("round trip %+v → %+v", p, q)
				}
			}
			if d.Buffered() > 256 {
				t.Fatalf("decoder holds %d bytes beyond capacity", d.Buffered())
			}
		}
	})
}

// FuzzParams hands arbitrary parameter bytes to every device-side parser:
// none may panic, and whatever they accept must re-encode to the same bytes.
func FuzzParams(f *testing.F) {
	f.Add(h("84 00 04 00 01 02"))
	f.Add(h("74 00 04 00 01 96 00 00 00 02 AA 00 00 00"))
	f.Add(h("01 90 00 02 00 02 92 00 01 00"))
	f.Add(h("01 20 00 02 00 A0 00 02 1F 00 01 00 50"))
	f.Add(h("06 04 26"))
	f.Fuzz(func(t *testing.T, params []byte) {
		if a, n, err := ParseRead(params); err == nil {
			if !bytes.Equal(AppendRead(nil, 1, a, n), AppendInstruction(nil, 1, InstRead, params)) {
				t.Fatal("read re-encode differs")
			}
		}
		if a, d, err := ParseWrite(params); err == nil {
			if !bytes.Equal(AppendWrite(nil, 1, a, d), AppendInstruction(nil, 1, InstWrite, params)) {
				t.Fatal("write re-encode differs")
			}
		}
		ParseFactoryReset(params)
		ParsePingStatus(params)
		if s, err := ParseSyncRead(params); err == nil {
			if !bytes.Equal(AppendSyncRead(nil, s.Addr, s.Len, s.IDs), AppendInstruction(nil, BroadcastID, InstSyncRead, params)) {
				t.Fatal("sync read re-encode differs")
			}
		}
		if s, err := ParseSyncWrite(params); err == nil {
			ids := make([]byte, 0, s.Count())
			var data []byte
			for i := range s.Count() {
				id, d := s.Entry(i)
				if got, ok := s.Data(id); !ok || !bytes.Equal(got, d) {
					t.Fatal("sync write Data disagrees with Entry")
				}
				ids = append(ids, id)
				data = append(data, d...)
			}
			if !bytes.Equal(AppendSyncWrite(nil, s.Addr, s.Len, ids, data), AppendInstruction(nil, BroadcastID, InstSyncWrite, params)) {
				t.Fatal("sync write re-encode differs")
			}
		}
		if b, err := ParseBulkRead(params); err == nil {
			es := make([]BulkReadEntry, b.Count())
			for i := range es {
				es[i] = b.Entry(i)
			}
			if !bytes.Equal(AppendBulkRead(nil, es), AppendInstruction(nil, BroadcastID, InstBulkRead, params)) {
				t.Fatal("bulk read re-encode differs")
			}
		}
		if b, err := ParseBulkWrite(params); err == nil {
			var es []BulkWriteEntry
			for e, off, ok := b.Next(0); ok; e, off, ok = b.Next(off) {
				es = append(es, e)
			}
			if !bytes.Equal(AppendBulkWrite(nil, es), AppendInstruction(nil, BroadcastID, InstBulkWrite, params)) {
				t.Fatal("bulk write re-encode differs")
			}
		}
	})
}

// scriptPort replays fixed bytes as the servo's reply, then reports EOF.
type scriptPort struct {
	data []byte
}

func (s *scriptPort) Write(p []byte) (int, error) { return len(p), nil }
func (s *scriptPort) Read(dst []byte) (int, error) {
	if len(s.data) == 0 {
		return 0, errEOF
	}
	n := copy(dst, s.data)
	s.data = s.data[n:]
	return n, nil
}
func (s *scriptPort) Close() error                       { return nil }
func (s *scriptPort) SetReadTimeout(time.Duration) error { return nil }
func (s *scriptPort) ResetInputBuffer() error            { return nil }

type eofErr struct{}

func (eofErr) Error() string { return "EOF" }

var errEOF = eofErr{}

// FuzzStatus plays arbitrary bytes as the reply to a host read: the client
// must classify every outcome as a *drivers.Error and never panic; a clean
// success must deliver exactly the bytes of a valid status from ID 1.
func FuzzStatus(f *testing.F) {
	f.Add(h("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0"))
	f.Add(AppendStatus(nil, 1, AlertBit, []byte{1, 2, 3, 4}))
	f.Add(AppendStatus(nil, 1, byte(DataLimitError), nil))
	f.Add(AppendStatus(nil, 2, 0, []byte{1, 2, 3, 4}))
	f.Add(append(h("00 FF"), AppendStatus(nil, 1, 0, []byte{0xFF, 0xFF, 0xFD, 0})...))
	f.Fuzz(func(t *testing.T, reply []byte) {
		c := NewClient(&scriptPort{data: reply})
		var dst [4]byte
		err := c.Read(1, X.PresentPosition.Addr, dst[:])
		if err != nil {
			if _, ok := err.(*drivers.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		var d Decoder
		d.Feed(reply)
		var p Packet
		for {
			ok, derr := d.Next(&p)
			if ok && p.IsStatus() {
				break
			}
			if !ok && derr == nil {
				t.Fatalf("Read succeeded on % X without a status packet", reply)
			}
		}
		if p.ID != 1 || p.Error != 0 || !bytes.Equal(p.Params, dst[:]) {
			t.Fatalf("Read succeeded with % X from %+v", dst, p)
		}
	})
}
