package canbus

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// Captured lines: what a CANable (slcan firmware) and a Lawicel CANUSB put
// on the wire for each frame kind.
var slcanFrameCases = []struct {
	name string
	f    Frame
	line string
}{
	{"std data", Frame{ID: 0x123, Length: 2, Data: [8]byte{0xAB, 0xCD}}, "t1232ABCD\r"},
	{"std 8 bytes", Frame{ID: 0x001, Length: 8, Data: [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC}}, "t0018FFFFFFFFFFFFFFFC\r"},
	{"std empty", Frame{ID: 0x7FF}, "t7FF0\r"},
	{"ext data", Frame{ID: 0x1FFFFFFF, IsExtended: true, Length: 3, Data: [8]byte{1, 2, 3}}, "T1FFFFFFF3010203\r"},
	{"ext small id", Frame{ID: 0x12, IsExtended: true, Length: 1, Data: [8]byte{0x5A}}, "T0000001215A\r"},
	{"std remote", Frame{ID: 0x701, IsRemote: true, Length: 1}, "r7011\r"},
	{"ext remote", Frame{ID: 0x18FF50E5, IsExtended: true, IsRemote: true, Length: 8}, "R18FF50E58\r"},
	{"canopen sync", Frame{ID: 0x080}, "t0800\r"},
}

func TestAppendSLCAN(t *testing.T) {
	for _, tc := range slcanFrameCases {
		t.Run(tc.name, func(t *testing.T) {
			got := AppendSLCAN([]byte("x"), tc.f)
			if string(got) != "x"+tc.line {
				t.Fatalf("AppendSLCAN = %q, want %q", got, "x"+tc.line)
			}
		})
	}
}

func TestAppendSLCANMasksInvalidFrames(t *testing.T) {
	got := string(AppendSLCAN(nil, Frame{ID: 0xFFFF, Length: 12, Data: [8]byte{1, 2, 3, 4, 5, 6, 7, 8}}))
	if got != "t7FF80102030405060708\r" {
		t.Fatalf("got %q", got)
	}
}

type decoded struct {
	kind  SLCANEventKind
	frame Frame
	raw   string
	err   string // substring of the error, "" for none
}

// decodeAll feeds stream to a fresh decoder in chunks of size chunk (0 =
// all at once) and returns every event and error in order.
func decodeAll(stream []byte, chunk int) []decoded {
	var d SLCANDecoder
	var out []decoded
	for len(stream) > 0 {
		p := stream
		if chunk > 0 && len(p) > chunk {
			p = p[:chunk]
		}
		stream = stream[len(p):]
		for len(p) > 0 {
			n, ev, err := d.Decode(p)
			p = p[n:]
			switch {
			case err != nil:
				out = append(out, decoded{err: err.Error()})
			case ev.Kind != SLCANNone:
				out = append(out, decoded{kind: ev.Kind, frame: ev.Frame, raw: string(ev.Raw)})
			}
		}
	}
	return out
}

func TestSLCANDecoder(t *testing.T) {
	for _, tc := range slcanFrameCases {
		t.Run("frame/"+tc.name, func(t *testing.T) {
			got := decodeAll([]byte(tc.line), 0)
			if len(got) != 1 || got[0].kind != SLCANFrame || got[0].frame != tc.f {
				t.Fatalf("decode %q = %+v, want %v", tc.line, got, tc.f)
			}
		})
	}
	cases := []struct {
		name   string
		stream string
		want   []decoded
	}{
		{"ok", "\r", []decoded{{kind: SLCANOK}}},
		{"bel", "\a", []decoded{{kind: SLCANRefused}}},
		{"acks", "z\rZ\r", []decoded{{kind: SLCANAck}, {kind: SLCANAck}}},
		{"version", "V1013\r", []decoded{{kind: SLCANReply, raw: "V1013"}}},
		{"status", "F00\r", []decoded{{kind: SLCANReply, raw: "F00"}}},
		{"lower-case hex", "t1a21ff\r", []decoded{{kind: SLCANFrame, frame: Frame{ID: 0x1A2, Length: 1, Data: [8]byte{0xFF}}}}},
		{"timestamp", "t12310A1B2C\r", []decoded{{kind: SLCANFrame, frame: Frame{ID: 0x123, Length: 1, Data: [8]byte{0x0A}}}}},
		{"crlf", "t1230\r\n\r\n", []decoded{{kind: SLCANFrame, frame: Frame{ID: 0x123}}, {kind: SLCANOK}}},
		{"bad hex id", "t12G0\r", []decoded{{err: `"t12G0": identifier is not hexadecimal`}}},
		{"std id too big", "t8000\r", []decoded{{err: "identifier out of range"}}},
		{"ext id too big", "T200000000\r", []decoded{{err: "identifier out of range"}}},
		{"bad dlc", "t1239\r", []decoded{{err: "length digit not 0-8"}}},
		{"short data", "t1232AB\r", []decoded{{err: "fewer data bytes"}}},
		{"bad data", "t1231ZZ\r", []decoded{{err: "data is not hexadecimal"}}},
		{"trailing", "t1231AB0\r", []decoded{{err: "trailing bytes"}}},
		{"truncated", "T123\r", []decoded{{err: "truncated frame"}}},
		{"unknown", "q\r", []decoded{{err: `"q": unknown adapter message`}}},
		{"binary garbage", "\x00\xff\r", []decoded{{err: `"\x00\xff": unknown adapter message`}}},
		{
			"resync after overflow",
			strings.Repeat("x", 100) + "\rt1230\r",
			[]decoded{{err: "garbage or over-long line discarded"}, {kind: SLCANFrame, frame: Frame{ID: 0x123}}},
		},
		{
			"bel interrupts a partial line",
			"t12\a\r",
			[]decoded{{err: `"t12": garbage`}, {kind: SLCANRefused}, {kind: SLCANOK}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, chunk := range []int{0, 1, 3} {
				got := decodeAll([]byte(tc.stream), chunk)
				if len(got) != len(tc.want) {
					t.Fatalf("chunk %d: %q decoded to %+v, want %+v", chunk, tc.stream, got, tc.want)
				}
				for i, w := range tc.want {
					g := got[i]
					if w.err != "" {
						if !strings.Contains(g.err, w.err) {
							t.Fatalf("chunk %d event %d: error %q, want it to contain %q", chunk, i, g.err, w.err)
						}
						continue
					}
					if g.err != "" || g.kind != w.kind || g.frame != w.frame || g.raw != w.raw {
						t.Fatalf("chunk %d event %d = %+v, want %+v", chunk, i, g, w)
					}
				}
			}
		})
	}
}

func TestSLCANSyntaxErrorIsTyped(t *testing.T) {
	var d SLCANDecoder
	_, _, err := d.Decode([]byte("t1239\r"))
	var se *SLCANSyntaxError
	if !errors.As(err, &se) || se.Line != "t1239" {
		t.Fatalf("err = %#v, want *SLCANSyntaxError with the line", err)
	}
}

func TestSLCANRoundTripRandomFrames(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var stream []byte
	var want []Frame
	for range 2000 {
		f := Frame{IsExtended: rng.IntN(2) == 0, IsRemote: rng.IntN(5) == 0, Length: uint8(rng.IntN(9))}
		if f.IsExtended {
			f.ID = rng.Uint32N(0x20000000)
		} else {
			f.ID = rng.Uint32N(0x800)
		}
		if !f.IsRemote {
			for i := range int(f.Length) {
				f.Data[i] = byte(rng.Uint32())
			}
		}
		want = append(want, f)
		stream = AppendSLCAN(stream, f)
	}
	got := decodeAll(stream, 7)
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].kind != SLCANFrame || got[i].frame != want[i] {
			t.Fatalf("frame %d = %+v, want %v", i, got[i], want[i])
		}
	}
}

func TestSLCANBitrateCode(t *testing.T) {
	for i, b := range []int{10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000} {
		c, err := SLCANBitrateCode(b)
		if err != nil || c != byte('0'+i) {
			t.Fatalf("SLCANBitrateCode(%d) = %c, %v", b, c, err)
		}
	}
	if _, err := SLCANBitrateCode(83_333); err == nil || !strings.Contains(err.Error(), "83333") {
		t.Fatalf("non-standard rate accepted or unnamed: %v", err)
	}
}

func TestSLCANDecoderAllocatesNothing(t *testing.T) {
	stream := []byte("t1238DEADBEEF01020304\rz\rT1FFFFFFF0\r\r")
	var d SLCANDecoder
	allocs := testing.AllocsPerRun(100, func() {
		p := stream
		for len(p) > 0 {
			n, _, _ := d.Decode(p)
			p = p[n:]
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per decode", allocs)
	}
}

func BenchmarkAppendSLCAN(b *testing.B) {
	f := Frame{ID: 0x001, Length: 8, Data: [8]byte{0x7F, 0xFF, 0x7F, 0xF0, 0x00, 0x00, 0x07, 0xFF}}
	buf := make([]byte, 0, 32)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendSLCAN(buf[:0], f)
	}
	b.SetBytes(int64(len(buf)))
}

func BenchmarkSLCANDecode(b *testing.B) {
	line := []byte("t0018FFFFFFFFFFFFFFFC\r")
	var d SLCANDecoder
	b.ReportAllocs()
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		_, ev, err := d.Decode(line)
		if err != nil || ev.Kind != SLCANFrame {
			b.Fatal(ev, err)
		}
	}
}

// FuzzSLCANDecoder checks that no input panics, that chunking does not
// change the decoded sequence, and that every decoded frame survives an
// encode/decode round trip.
func FuzzSLCANDecoder(f *testing.F) {
	for _, tc := range slcanFrameCases {
		f.Add([]byte(tc.line), uint8(1))
	}
	f.Add([]byte("\r\az\rZ\rV1013\rF00\r"), uint8(2))
	f.Add([]byte("t12310A1B2C\r"), uint8(5))
	f.Add([]byte("t12\a\rT200000000\r"), uint8(3))
	f.Fuzz(func(t *testing.T, stream []byte, chunk uint8) {
		whole := decodeAll(stream, 0)
		split := decodeAll(stream, int(chunk))
		if len(whole) != len(split) {
			t.Fatalf("chunk %d changed the event count: %d vs %d", chunk, len(split), len(whole))
		}
		for i := range whole {
			if whole[i] != split[i] {
				t.Fatalf("chunk %d changed event %d: %+v vs %+v", chunk, i, split[i], whole[i])
			}
			if whole[i].kind != SLCANFrame {
				continue
			}
			fr := whole[i].frame
			if err := fr.Validate(); err != nil {
				t.Fatalf("decoder produced an invalid frame %v: %v", fr, err)
			}
			again := decodeAll(AppendSLCAN(nil, fr), 0)
			if len(again) != 1 || again[0].frame != fr {
				t.Fatalf("round trip of %v gave %+v", fr, again)
			}
		}
		// The device-side decoder must be as robust.
		var cd SLCANCommandDecoder
		for p := stream; len(p) > 0; {
			n, _, _ := cd.Decode(p)
			if n <= 0 {
				t.Fatalf("command decoder made no progress on %q", p)
			}
			p = p[n:]
		}
		var dev SLCANDevice
		out, _ := dev.Input(nil, stream, func(fr Frame) {
			if err := fr.Validate(); err != nil {
				t.Fatalf("device passed on an invalid frame %v: %v", fr, err)
			}
		})
		answers := bytes.Count(out, []byte{'\r'}) + bytes.Count(out, []byte{7})
		if answers > bytes.Count(stream, []byte{'\r'})+2*bytes.Count(stream, []byte{7}) {
			t.Fatalf("device answered %q to %q: more answers than commands", out, stream)
		}
	})
}
