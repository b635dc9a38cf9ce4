package dynamixel

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

// bitCRC is an independent, bit-at-a-time CRC-16/0x8005 (init 0, no
// reflection) used to check the table-driven one.
func bitCRC(data []byte) uint16 {
	var crc uint16
	for _, b := range data {
		for i := 7; i >= 0; i-- {
			bit := (b>>uint(i))&1 == 1
			top := crc&0x8000 != 0
			crc <<= 1
			if top != bit {
				crc ^= 0x8005
			}
		}
	}
	return crc
}

func h(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

// Packets from the ROBOTIS e-Manual, Protocol 2.0 examples
// (emanual.robotis.com/docs/en/dxl/protocol2/), captured byte for byte.
var manualVectors = []struct {
	name  string
	build func() []byte
	want  string
}{
	{"ping id1", func() []byte { return AppendPing(nil, 1) }, "FF FF FD 00 01 03 00 01 19 4E"},
	{"ping broadcast", func() []byte { return AppendPing(nil, BroadcastID) }, "FF FF FD 00 FE 03 00 01 31 42"},
	{"ping status id1 model 1030 fw 38", func() []byte { return AppendPingStatus(nil, 1, 0, 1030, 38) }, "FF FF FD 00 01 07 00 55 00 06 04 26 65 5D"},
	{"ping status id2", func() []byte { return AppendPingStatus(nil, 2, 0, 1030, 38) }, "FF FF FD 00 02 07 00 55 00 06 04 26 6F 6D"},
	{"read present position", func() []byte { return AppendRead(nil, 1, 132, 4) }, "FF FF FD 00 01 07 00 02 84 00 04 00 1D 15"},
	{"read status 166", func() []byte { return AppendStatus(nil, 1, 0, []byte{0xA6, 0, 0, 0}) }, "FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0"},
	{"write 512 to goal position", func() []byte { return AppendWrite(nil, 1, 116, []byte{0x00, 0x02, 0, 0}) }, "FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89"},
	{"empty status", func() []byte { return AppendStatus(nil, 1, 0, nil) }, "FF FF FD 00 01 04 00 55 00 A1 0C"},
	{"reg write", func() []byte { return AppendRegWrite(nil, 1, 104, []byte{0xC8, 0, 0, 0}) }, "FF FF FD 00 01 09 00 04 68 00 C8 00 00 00 AE 8E"},
	{"action", func() []byte { return AppendAction(nil, 1) }, "FF FF FD 00 01 03 00 05 02 CE"},
	{"factory reset", func() []byte { return AppendFactoryReset(nil, 1, ResetAllButID) }, "FF FF FD 00 01 04 00 06 01 A1 E6"},
	{"reboot", func() []byte { return AppendReboot(nil, 1) }, "FF FF FD 00 01 03 00 08 2F 4E"},
	{"sync read", func() []byte { return AppendSyncRead(nil, 132, 4, []byte{1, 2}) }, "FF FF FD 00 FE 09 00 82 84 00 04 00 01 02 CE FA"},
	{"sync read status id2", func() []byte { return AppendStatus(nil, 2, 0, []byte{0x1F, 0x08, 0, 0}) }, "FF FF FD 00 02 08 00 55 00 1F 08 00 00 BA BE"},
	{"sync write", func() []byte {
		return AppendSyncWrite(nil, 116, 4, []byte{1, 2}, []byte{0x96, 0, 0, 0, 0xAA, 0, 0, 0})
	}, "FF FF FD 00 FE 11 00 83 74 00 04 00 01 96 00 00 00 02 AA 00 00 00 82 87"},
	{"bulk read", func() []byte {
		return AppendBulkRead(nil, []BulkReadEntry{{1, 144, 2}, {2, 146, 1}})
	}, "FF FF FD 00 FE 0D 00 92 01 90 00 02 00 02 92 00 01 00 1A 05"},
	{"bulk read status id1", func() []byte { return AppendStatus(nil, 1, 0, []byte{0x77, 0}) }, "FF FF FD 00 01 06 00 55 00 77 00 C3 69"},
	{"bulk read status id2", func() []byte { return AppendStatus(nil, 2, 0, []byte{0x24}) }, "FF FF FD 00 02 05 00 55 00 24 8B A9"},
	{"bulk write", func() []byte {
		return AppendBulkWrite(nil, []BulkWriteEntry{{1, 32, []byte{0xA0, 0}}, {2, 31, []byte{0x50}}})
	}, "FF FF FD 00 FE 10 00 93 01 20 00 02 00 A0 00 02 1F 00 01 00 50 B7 68"},
}

func TestManualVectors(t *testing.T) {
	for _, v := range manualVectors {
		got := v.build()
		want := h(v.want)
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got % X\nwant % X", v.name, got, want)
		}
		// The CRC in the vector must also match an independent bitwise CRC.
		if c := bitCRC(want[:len(want)-2]); byte(c) != want[len(want)-2] || byte(c>>8) != want[len(want)-1] {
			t.Errorf("%s: bitwise CRC %04X disagrees with vector", v.name, c)
		}
	}
}

func TestTableCRCMatchesBitwise(t *testing.T) {
	buf := make([]byte, 0, 300)
	for i := range 300 {
		buf = append(buf, byte(i*37+i>>3))
		if got, want := UpdateCRC(0, buf), bitCRC(buf); got != want {
			t.Fatalf("len %d: table %04X, bitwise %04X", len(buf), got, want)
		}
	}
	// Incremental use equals one pass.
	if UpdateCRC(UpdateCRC(0, buf[:100]), buf[100:]) != UpdateCRC(0, buf) {
		t.Fatal("incremental CRC differs")
	}
}

func TestByteStuffing(t *testing.T) {
	// Write FF FF FD FD to address 0x0102: the body gets one stuffing byte.
	got := AppendWrite(nil, 1, 0x0102, []byte{0xFF, 0xFF, 0xFD, 0xFD})
	body := "01 0A 00 03 02 01 FF FF FD FD FD"
	pre := h("FF FF FD 00 " + body)
	c := bitCRC(pre)
	want := append(pre, byte(c), byte(c>>8))
	if !bytes.Equal(got, want) {
		t.Fatalf("stuffed write\n got % X\nwant % X", got, want)
	}
	var p Packet
	if err := ParsePacket(&p, got, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.Params, []byte{0x02, 0x01, 0xFF, 0xFF, 0xFD, 0xFD}) {
		t.Fatalf("destuffed params % X", p.Params)
	}
	// A pattern split across the address and the data is stuffed too, and
	// so is one right after the ERR byte of a status packet.
	st := AppendStatus(nil, 3, 0xFF, []byte{0xFF, 0xFD, 0x01})
	if !bytes.Contains(st, []byte{0xFF, 0xFF, 0xFD, 0xFD, 0x01}) {
		t.Fatalf("status not stuffed: % X", st)
	}
	if err := ParsePacket(&p, st, nil); err != nil || p.Error != 0xFF || !bytes.Equal(p.Params, []byte{0xFF, 0xFD, 0x01}) {
		t.Fatalf("status round trip: %+v, %v", p, err)
	}
}

func TestStuffingRoundTripAllPatterns(t *testing.T) {
	// Every 6-byte word over {FF, FD, 00} survives encode/decode.
	alpha := []byte{0xFF, 0xFD, 0x00}
	data := make([]byte, 6)
	var p Packet
	for k := range 729 {
		x := k
		for i := range data {
			data[i] = alpha[x%3]
			x /= 3
		}
		pkt := AppendInstruction(nil, 7, InstWrite, data)
		if bytes.Contains(pkt[4:], header[:]) {
			t.Fatalf("header inside packet for % X: % X", data, pkt)
		}
		if err := ParsePacket(&p, pkt, make([]byte, 0, len(pkt))); err != nil {
			t.Fatalf("% X: %v", data, err)
		}
		if !bytes.Equal(p.Params, data) || p.ID != 7 || p.Instruction != InstWrite {
			t.Fatalf("round trip % X → %+v", data, p)
		}
	}
}

func TestDecoderSplitReadsAndGarbage(t *testing.T) {
	stream := append(h("00 12 FF FD FF"), h("FF FF FD 00 01 07 00 55 00 06 04 26 65 5D")...)
	stream = append(stream, 0xFF, 0xFF) // start of a header split across reads
	second := h("FF FF FD 00 02 07 00 55 00 06 04 26 6F 6D")
	stream = append(stream, second...)
	for chunk := 1; chunk <= len(stream); chunk++ {
		var d Decoder
		var got []byte
		var garbage int
		var p Packet
		for off := 0; off < len(stream); off += chunk {
			end := min(off+chunk, len(stream))
			if n := d.Feed(stream[off:end]); n != end-off {
				t.Fatalf("feed took %d of %d", n, end-off)
			}
			for {
				ok, err := d.Next(&p)
				if err != nil {
					var me *MalformedError
					if !errors.As(err, &me) {
						t.Fatalf("error type %T", err)
					}
					garbage += me.Len
					continue
				}
				if !ok {
					break
				}
				got = append(got, p.ID)
				if p.Error != 0 || !bytes.Equal(p.Params, []byte{6, 4, 0x26}) {
					t.Fatalf("chunk %d: packet %+v", chunk, p)
				}
			}
		}
		if !bytes.Equal(got, []byte{1, 2}) {
			t.Fatalf("chunk %d: got IDs %v", chunk, got)
		}
		if garbage != 5+2 {
			t.Fatalf("chunk %d: %d garbage bytes reported, want 7", chunk, garbage)
		}
	}
}

func TestDecoderRejects(t *testing.T) {
	good := AppendRead(nil, 1, 132, 4)
	badCRC := append([]byte(nil), good...)
	badCRC[len(badCRC)-1] ^= 1
	cases := []struct {
		name, in, want string
	}{
		{"crc", hex.EncodeToString(badCRC), "CRC mismatch"},
		{"id FF", "FF FF FD 00 FF 03 00 01 00 00", "invalid ID 0xFF"},
		{"short len", "FF FF FD 00 01 02 00 01 00 00", "length 2 below minimum"},
		{"huge len", "FF FF FD 00 01 FF FF 01", "exceeds decoder capacity"},
		{"garbage", "01 02 03 04 05", "garbage"},
	}
	for _, c := range cases {
		var d Decoder
		d.Feed(h(c.in))
		var p Packet
		ok, err := d.Next(&p)
		if ok || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: ok=%v err=%v, want %q", c.name, ok, err, c.want)
		}
	}
	// Unstuffed FF FF FD in a body with a valid CRC.
	pre := h("FF FF FD 00 01 08 00 03 FF FF FD 01 00")
	c := bitCRC(pre)
	frame := append(pre, byte(c), byte(c>>8))
	var p Packet
	if err := ParsePacket(&p, frame, nil); err == nil || !strings.Contains(err.Error(), "unstuffed") {
		t.Errorf("unstuffed: %v", err)
	}
	// A status packet without its ERR byte.
	pre = h("FF FF FD 00 01 03 00 55")
	c = bitCRC(pre)
	if err := ParsePacket(&p, append(pre, byte(c), byte(c>>8)), nil); err == nil || !strings.Contains(err.Error(), "without ERR") {
		t.Errorf("no ERR byte: %v", err)
	}
	// After a CRC error the decoder still finds the next good packet.
	var d Decoder
	d.Feed(badCRC)
	d.Feed(good)
	var n int
	for range 50 {
		ok, err := d.Next(&p)
		if ok {
			n++
		}
		if !ok && err == nil {
			break
		}
	}
	if n != 1 || p.Instruction != InstRead {
		t.Fatalf("resync after CRC error found %d packets", n)
	}
}

func TestStatusErrors(t *testing.T) {
	for code := ResultFail; code <= AccessError; code++ {
		e := error(&StatusError{ID: 4, Inst: InstWrite, Err: byte(code)})
		if !errors.Is(e, code) || errors.Is(e, ErrHardwareAlert) {
			t.Errorf("code %d: Is mismatch", code)
		}
		if !strings.Contains(e.Error(), statusNames[code]) || !strings.Contains(e.Error(), "id 4 write") {
			t.Errorf("message %q", e)
		}
	}
	e := error(&StatusError{ID: 1, Inst: InstRead, Err: AlertBit | byte(DataLimitError)})
	if !errors.Is(e, ErrHardwareAlert) || !errors.Is(e, DataLimitError) || errors.Is(e, AccessError) {
		t.Errorf("alert+limit: Is mismatch")
	}
	if !strings.Contains(e.Error(), "hardware alert") {
		t.Errorf("message %q", e)
	}
	var p Packet
	frame := AppendStatus(nil, 9, AlertBit, []byte{1})
	if err := ParsePacket(&p, frame, nil); err != nil {
		t.Fatal(err)
	}
	if err := CheckStatus(&p, InstRead); !errors.Is(err, ErrHardwareAlert) {
		t.Fatalf("CheckStatus = %v", err)
	}
}
