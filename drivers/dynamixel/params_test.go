package dynamixel

import (
	"bytes"
	"strings"
	"testing"
)

func parse(t *testing.T, frame []byte) Packet {
	t.Helper()
	var p Packet
	if err := ParsePacket(&p, frame, nil); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDeviceSideParsesManualInstructions(t *testing.T) {
	p := parse(t, h("FF FF FD 00 01 07 00 02 84 00 04 00 1D 15"))
	if a, n, err := ParseRead(p.Params); err != nil || a != 132 || n != 4 || p.ID != 1 {
		t.Fatalf("read: %d %d %v", a, n, err)
	}
	p = parse(t, h("FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89"))
	if a, d, err := ParseWrite(p.Params); err != nil || a != 116 || !bytes.Equal(d, []byte{0, 2, 0, 0}) {
		t.Fatalf("write: %d % X %v", a, d, err)
	}
	p = parse(t, h("FF FF FD 00 FE 09 00 82 84 00 04 00 01 02 CE FA"))
	sr, err := ParseSyncRead(p.Params)
	if err != nil || sr.Addr != 132 || sr.Len != 4 || !bytes.Equal(sr.IDs, []byte{1, 2}) || sr.Index(2) != 1 || sr.Index(3) != -1 {
		t.Fatalf("sync read: %+v %v", sr, err)
	}
	p = parse(t, h("FF FF FD 00 FE 11 00 83 74 00 04 00 01 96 00 00 00 02 AA 00 00 00 82 87"))
	sw, err := ParseSyncWrite(p.Params)
	if err != nil || sw.Addr != 116 || sw.Len != 4 || sw.Count() != 2 {
		t.Fatalf("sync write: %+v %v", sw, err)
	}
	if d, ok := sw.Data(2); !ok || !bytes.Equal(d, []byte{0xAA, 0, 0, 0}) {
		t.Fatalf("sync write id 2: % X %v", d, ok)
	}
	if _, ok := sw.Data(3); ok {
		t.Fatal("sync write found id 3")
	}
	p = parse(t, h("FF FF FD 00 FE 0D 00 92 01 90 00 02 00 02 92 00 01 00 1A 05"))
	br, err := ParseBulkRead(p.Params)
	if err != nil || br.Count() != 2 {
		t.Fatalf("bulk read: %v", err)
	}
	if e, i, ok := br.Find(2); !ok || i != 1 || e != (BulkReadEntry{2, 146, 1}) {
		t.Fatalf("bulk read id 2: %+v %d %v", e, i, ok)
	}
	p = parse(t, h("FF FF FD 00 FE 10 00 93 01 20 00 02 00 A0 00 02 1F 00 01 00 50 B7 68"))
	bw, err := ParseBulkWrite(p.Params)
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := bw.Find(2); !ok || e.Addr != 31 || !bytes.Equal(e.Data, []byte{0x50}) {
		t.Fatalf("bulk write id 2: %+v %v", e, ok)
	}
	p = parse(t, h("FF FF FD 00 01 07 00 55 00 06 04 26 65 5D"))
	if m, fw, err := ParsePingStatus(p.Params); err != nil || m != 1030 || fw != 38 || CheckStatus(&p, InstPing) != nil {
		t.Fatalf("ping status: %d %d %v", m, fw, err)
	}
	p = parse(t, h("FF FF FD 00 01 04 00 06 01 A1 E6"))
	if o, err := ParseFactoryReset(p.Params); err != nil || o != ResetAllButID {
		t.Fatalf("factory reset: %v %v", o, err)
	}
}

func TestParamParsersRejectMalformed(t *testing.T) {
	cases := []struct {
		name string
		fn   func() error
		want string
	}{
		{"read short", func() error { _, _, err := ParseRead([]byte{1, 2, 3}); return err }, "want 4"},
		{"read zero", func() error { _, _, err := ParseRead([]byte{1, 0, 0, 0}); return err }, "zero length"},
		{"write short", func() error { _, _, err := ParseWrite([]byte{1, 0}); return err }, "at least 1 data byte"},
		{"reset opt", func() error { _, err := ParseFactoryReset([]byte{7}); return err }, "unknown option"},
		{"sync read no ids", func() error { _, err := ParseSyncRead([]byte{1, 0, 4, 0}); return err }, "at least 1 ID"},
		{"sync read dup", func() error { _, err := ParseSyncRead([]byte{1, 0, 4, 0, 3, 3}); return err }, "listed twice"},
		{"sync read bad id", func() error { _, err := ParseSyncRead([]byte{1, 0, 4, 0, 0xFE}); return err }, "invalid device ID"},
		{"sync write ragged", func() error { _, err := ParseSyncWrite([]byte{1, 0, 2, 0, 1, 9, 9, 2, 9}); return err }, "not a multiple"},
		{"sync write zero", func() error { _, err := ParseSyncWrite([]byte{1, 0, 0, 0, 1, 9}); return err }, "zero data length"},
		{"bulk read ragged", func() error { _, err := ParseBulkRead([]byte{1, 0, 0, 1}); return err }, "multiple of 5"},
		{"bulk read zero", func() error { _, err := ParseBulkRead([]byte{1, 0, 0, 0, 0}); return err }, "zero length"},
		{"bulk write overrun", func() error { _, err := ParseBulkWrite([]byte{1, 0, 0, 9, 0, 1}); return err }, "claims 9 data bytes"},
		{"bulk write truncated", func() error { _, err := ParseBulkWrite([]byte{1, 0, 0, 1, 0, 1, 2}); return err }, "truncated entry"},
		{"bulk write dup", func() error { _, err := ParseBulkWrite([]byte{1, 0, 0, 1, 0, 5, 1, 0, 0, 1, 0, 5}); return err }, "listed twice"},
		{"ping status", func() error { _, _, err := ParsePingStatus([]byte{1}); return err }, "3 parameter bytes"},
	}
	for _, c := range cases {
		err := c.fn()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
