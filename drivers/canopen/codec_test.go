package canopen

import (
	"errors"
	"testing"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

func fr(id uint32, data ...byte) canbus.Frame {
	f := canbus.Frame{ID: id, Length: uint8(len(data))}
	copy(f.Data[:], data)
	return f
}

func TestNMTCodec(t *testing.T) {
	cases := []struct {
		cmd  NMTCommand
		node uint8
		want canbus.Frame
	}{
		{NMTStart, 5, fr(0x000, 0x01, 0x05)},
		{NMTStop, 127, fr(0x000, 0x02, 0x7F)},
		{NMTPreOperational, 0, fr(0x000, 0x80, 0x00)},
		{NMTResetNode, 1, fr(0x000, 0x81, 0x01)},
		{NMTResetCommunication, 3, fr(0x000, 0x82, 0x03)},
	}
	for _, c := range cases {
		got := EncodeNMT(c.cmd, c.node)
		if got != c.want {
			t.Errorf("EncodeNMT(%v, %d) = %v, want %v", c.cmd, c.node, got, c.want)
		}
		cmd, node, err := DecodeNMT(got)
		if err != nil || cmd != c.cmd || node != c.node {
			t.Errorf("DecodeNMT(%v) = %v %d %v", got, cmd, node, err)
		}
	}
	for _, bad := range []canbus.Frame{fr(0x000, 0x01), fr(0x000, 0x03, 0x01), fr(0x001, 0x01, 0x01), fr(0x000, 0x01, 0x80)} {
		if _, _, err := DecodeNMT(bad); err == nil {
			t.Errorf("DecodeNMT(%v) accepted", bad)
		}
	}
}

func TestHeartbeatCodec(t *testing.T) {
	cases := []struct {
		node uint8
		s    NMTState
		want canbus.Frame
	}{
		{5, NodeBootUp, fr(0x705, 0x00)},
		{5, NodeStopped, fr(0x705, 0x04)},
		{1, NodeOperational, fr(0x701, 0x05)},
		{127, NodePreOperational, fr(0x77F, 0x7F)},
	}
	for _, c := range cases {
		got := EncodeHeartbeat(c.node, c.s)
		if got != c.want {
			t.Errorf("EncodeHeartbeat = %v, want %v", got, c.want)
		}
		n, s, err := DecodeHeartbeat(got)
		if err != nil || n != c.node || s != c.s {
			t.Errorf("DecodeHeartbeat(%v) = %d %v %v", got, n, s, err)
		}
	}
	// Node guarding sets the toggle bit 7; it is masked off.
	if _, s, err := DecodeHeartbeat(fr(0x705, 0x85)); err != nil || s != NodeOperational {
		t.Errorf("toggled heartbeat = %v %v", s, err)
	}
	for _, bad := range []canbus.Frame{fr(0x700, 0x05), fr(0x705), fr(0x705, 0x05, 0x00), fr(0x705, 0x06), fr(0x605, 0x05)} {
		if _, _, err := DecodeHeartbeat(bad); err == nil {
			t.Errorf("DecodeHeartbeat(%v) accepted", bad)
		}
	}
}

func TestSyncCodec(t *testing.T) {
	if got := EncodeSync(); got != fr(0x080) {
		t.Errorf("EncodeSync = %v", got)
	}
	if got := EncodeSyncCounter(7); got != fr(0x080, 7) {
		t.Errorf("EncodeSyncCounter = %v", got)
	}
	if c, err := DecodeSync(fr(0x080, 9)); err != nil || c != 9 {
		t.Errorf("DecodeSync = %d %v", c, err)
	}
	if _, err := DecodeSync(fr(0x080, 1, 2)); err == nil {
		t.Error("2-byte SYNC accepted")
	}
	if _, err := DecodeSync(fr(0x081)); err == nil {
		t.Error("EMCY ID accepted as SYNC")
	}
}

func TestEmergencyCodec(t *testing.T) {
	// Node 3 reports 0x8130 heartbeat error with error register 0x11
	// (generic + communication) and manufacturer bytes 01..05.
	e := Emergency{Node: 3, Code: 0x8130, Register: 0x11, Manufacturer: [5]byte{1, 2, 3, 4, 5}}
	want := fr(0x083, 0x30, 0x81, 0x11, 1, 2, 3, 4, 5)
	if got := EncodeEmergency(e); got != want {
		t.Fatalf("EncodeEmergency = %v, want %v", got, want)
	}
	got, err := DecodeEmergency(want)
	if err != nil || got != e {
		t.Fatalf("DecodeEmergency = %+v %v", got, err)
	}
	if EmcyText(0x2310) != "current" || EmcyText(0x8130) != "heartbeat or life guard error" || EmcyText(0x7305) != "sensor" || EmcyText(0xFF01) != "device specific" {
		t.Error("EmcyText classes wrong")
	}
	for _, bad := range []canbus.Frame{fr(0x080), fr(0x083, 1, 2, 3), fr(0x183, 0, 0, 0, 0, 0, 0, 0, 0)} {
		if _, err := DecodeEmergency(bad); err == nil {
			t.Errorf("DecodeEmergency(%v) accepted", bad)
		}
	}
}

// SDO frames as captured on the wire (byte sequences as in CiA 301
// examples: node 5, object 0x6040:00 / 0x1008:00).
func TestSDOCodec(t *testing.T) {
	type tc struct {
		name string
		req  bool
		m    SDO
		want canbus.Frame
	}
	cases := []tc{
		{"expedited download u16", true, SDO{Command: SDOInitiateDownload, Index: 0x6040, Expedited: true, SizeIndicated: true, N: 2, Data: [7]byte{0x06, 0x00}},
			fr(0x605, 0x2B, 0x40, 0x60, 0x00, 0x06, 0x00, 0x00, 0x00)},
		{"expedited download u8", true, SDO{Command: SDOInitiateDownload, Index: 0x6060, Expedited: true, SizeIndicated: true, N: 1, Data: [7]byte{0x08}},
			fr(0x605, 0x2F, 0x60, 0x60, 0x00, 0x08, 0x00, 0x00, 0x00)},
		{"expedited download u32", true, SDO{Command: SDOInitiateDownload, Index: 0x1016, Sub: 1, Expedited: true, SizeIndicated: true, N: 4, Data: [7]byte{0x64, 0x00, 0x7F, 0x00}},
			fr(0x605, 0x23, 0x16, 0x10, 0x01, 0x64, 0x00, 0x7F, 0x00)},
		{"segmented download initiate", true, SDO{Command: SDOInitiateDownload, Index: 0x1008, SizeIndicated: true, Size: 16},
			fr(0x605, 0x21, 0x08, 0x10, 0x00, 0x10, 0x00, 0x00, 0x00)},
		{"download segment t0", true, SDO{Command: SDODownloadSegment, N: 7, Data: [7]byte{1, 2, 3, 4, 5, 6, 7}},
			fr(0x605, 0x00, 1, 2, 3, 4, 5, 6, 7)},
		{"download segment t1", true, SDO{Command: SDODownloadSegment, Toggle: true, N: 7, Data: [7]byte{8, 9, 10, 11, 12, 13, 14}},
			fr(0x605, 0x10, 8, 9, 10, 11, 12, 13, 14)},
		{"download segment last", true, SDO{Command: SDODownloadSegment, Last: true, N: 2, Data: [7]byte{15, 16}},
			fr(0x605, 0x0B, 15, 16, 0, 0, 0, 0, 0)},
		{"initiate upload", true, SDO{Command: SDOInitiateUpload, Index: 0x1000},
			fr(0x605, 0x40, 0x00, 0x10, 0x00, 0, 0, 0, 0)},
		{"upload segment t0", true, SDO{Command: SDOUploadSegment},
			fr(0x605, 0x60, 0, 0, 0, 0, 0, 0, 0)},
		{"upload segment t1", true, SDO{Command: SDOUploadSegment, Toggle: true},
			fr(0x605, 0x70, 0, 0, 0, 0, 0, 0, 0)},
		{"client abort timeout", true, SDO{Command: SDOAbort, Index: 0x1000, Abort: AbortTimeout},
			fr(0x605, 0x80, 0x00, 0x10, 0x00, 0x00, 0x00, 0x04, 0x05)},

		{"download response", false, SDO{Command: SDOInitiateDownload, Index: 0x6040},
			fr(0x585, 0x60, 0x40, 0x60, 0x00, 0, 0, 0, 0)},
		{"download segment response t0", false, SDO{Command: SDODownloadSegment},
			fr(0x585, 0x20, 0, 0, 0, 0, 0, 0, 0)},
		{"download segment response t1", false, SDO{Command: SDODownloadSegment, Toggle: true},
			fr(0x585, 0x30, 0, 0, 0, 0, 0, 0, 0)},
		{"expedited upload response device type", false, SDO{Command: SDOInitiateUpload, Index: 0x1000, Expedited: true, SizeIndicated: true, N: 4, Data: [7]byte{0x92, 0x01, 0x02, 0x00}},
			fr(0x585, 0x43, 0x00, 0x10, 0x00, 0x92, 0x01, 0x02, 0x00)},
		{"expedited upload response u16", false, SDO{Command: SDOInitiateUpload, Index: 0x6041, Expedited: true, SizeIndicated: true, N: 2, Data: [7]byte{0x37, 0x02}},
			fr(0x585, 0x4B, 0x41, 0x60, 0x00, 0x37, 0x02, 0, 0)},
		{"segmented upload response", false, SDO{Command: SDOInitiateUpload, Index: 0x1008, SizeIndicated: true, Size: 16},
			fr(0x585, 0x41, 0x08, 0x10, 0x00, 0x10, 0, 0, 0)},
		{"upload segment response t1", false, SDO{Command: SDOUploadSegment, Toggle: true, N: 7, Data: [7]byte{8, 9, 10, 11, 12, 13, 14}},
			fr(0x585, 0x10, 8, 9, 10, 11, 12, 13, 14)},
		{"upload segment response last", false, SDO{Command: SDOUploadSegment, Last: true, N: 2, Data: [7]byte{15, 16}},
			fr(0x585, 0x0B, 15, 16, 0, 0, 0, 0, 0)},
		{"server abort no object", false, SDO{Command: SDOAbort, Index: 0x2000, Sub: 1, Abort: AbortNoObject},
			fr(0x585, 0x80, 0x00, 0x20, 0x01, 0x00, 0x00, 0x02, 0x06)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got canbus.Frame
			var back SDO
			var err error
			if c.req {
				got = EncodeSDORequest(5, &c.m)
				_, back, err = DecodeSDORequest(got)
			} else {
				got = EncodeSDOResponse(5, &c.m)
				_, back, err = DecodeSDOResponse(got)
			}
			if got != c.want {
				t.Fatalf("encode = %v, want %v", got, c.want)
			}
			if err != nil {
				t.Fatal(err)
			}
			// Compare the fields that travel; payload beyond N is don't-care.
			back.Data, c.m.Data = [7]byte(append(back.Bytes(), make([]byte, 7-len(back.Bytes()))...)), [7]byte(append(c.m.Bytes(), make([]byte, 7-len(c.m.Bytes()))...))
			if c.m.Command == SDODownloadSegment && !c.req || c.m.Command == SDOUploadSegment && c.req {
				back.N = c.m.N // no payload in these
			}
			if back != c.m {
				t.Errorf("decode = %+v, want %+v", back, c.m)
			}
		})
	}
	if _, _, err := DecodeSDORequest(fr(0x605, 0xC0, 0, 0, 0, 0, 0, 0, 0)); err == nil {
		t.Error("block download request accepted")
	}
	if _, _, err := DecodeSDOResponse(fr(0x585, 0x43, 0, 0x10)); err == nil {
		t.Error("short SDO response accepted")
	}
	if _, _, err := DecodeSDOResponse(fr(0x605, 0x43, 0, 0x10, 0, 0, 0, 0, 0)); err == nil {
		t.Error("request COB-ID accepted as response")
	}
}

func TestAbortTexts(t *testing.T) {
	codes := map[AbortCode]string{
		0x05030000: "toggle bit not alternated",
		0x05040000: "SDO protocol timed out",
		0x05040001: "command specifier not valid or unknown",
		0x06010000: "unsupported access to an object",
		0x06010001: "attempt to read a write-only object",
		0x06010002: "attempt to write a read-only object",
		0x06020000: "object does not exist in the object dictionary",
		0x06040041: "object cannot be mapped to the PDO",
		0x06040042: "number and length of mapped objects would exceed PDO length",
		0x06070010: "data type or length does not match",
		0x06090011: "sub-index does not exist",
		0x06090030: "value range of parameter exceeded",
		0x06090031: "value of parameter written too high",
		0x06090032: "value of parameter written too low",
		0x08000000: "general error",
		0x08000020: "data cannot be transferred or stored to the application",
		0x08000021: "data cannot be transferred or stored because of local control",
		0x08000022: "data cannot be transferred or stored because of the present device state",
	}
	for c, want := range codes {
		if c.String() != want {
			t.Errorf("%08x: %q, want %q", uint32(c), c.String(), want)
		}
	}
	if AbortCode(0x12345678).String() != "abort code 0x12345678" {
		t.Error("unknown code text")
	}
	err := error(&SDOAbortError{Index: 0x6060, Sub: 0, Code: AbortRange})
	var ae *SDOAbortError
	if !errors.As(err, &ae) || ae.Code != AbortRange || err.Error() != "canopen: SDO 0x6060:00 aborted: 0x06090030 value range of parameter exceeded" {
		t.Errorf("SDOAbortError = %v", err)
	}
}

func TestStatuswordDecode(t *testing.T) {
	cases := []struct {
		sw   uint16
		want DriveState
	}{
		// The pattern with every don't-care bit 0, then with the
		// don't-care bits (and unrelated bits 4, 7, 9..15) set.
		{0x0000, StateNotReadyToSwitchOn}, {0xFFB0, StateNotReadyToSwitchOn},
		{0x0040, StateSwitchOnDisabled}, {0xFFF0, StateSwitchOnDisabled},
		{0x0021, StateReadyToSwitchOn}, {0xFFB1, StateReadyToSwitchOn},
		{0x0023, StateSwitchedOn}, {0xFFB3, StateSwitchedOn},
		{0x0027, StateOperationEnabled}, {0xFFB7, StateOperationEnabled},
		{0x0007, StateQuickStopActive}, {0xFF97, StateQuickStopActive},
		{0x000F, StateFaultReactionActive}, {0xFFBF, StateFaultReactionActive},
		{0x0008, StateFault}, {0xFFB8, StateFault},
		{0x0237, StateOperationEnabled}, // typical: remote + voltage enabled
		{0x0001, StateUnknown},          // ready bit without quick stop: no row
		{0x0041, StateUnknown},
	}
	for _, c := range cases {
		if got := DecodeStatusword(c.sw); got != c.want {
			t.Errorf("DecodeStatusword(0x%04x) = %v, want %v", c.sw, got, c.want)
		}
	}
}

func TestControlwordLadder(t *testing.T) {
	cases := []struct {
		s    DriveState
		cw   uint16
		done bool
	}{
		{StateSwitchOnDisabled, 0x06, false},
		{StateReadyToSwitchOn, 0x07, false},
		{StateSwitchedOn, 0x0F, false},
		{StateOperationEnabled, 0x0F, true},
		{StateFault, 0x80, false},
		{StateNotReadyToSwitchOn, 0x00, false},
		{StateQuickStopActive, 0x00, false}, // transition 12; 16 is optional
	}
	for _, c := range cases {
		cw, done := ControlwordToward(c.s)
		if cw != c.cw || done != c.done {
			t.Errorf("ControlwordToward(%v) = 0x%02x %v, want 0x%02x %v", c.s, cw, done, c.cw, c.done)
		}
	}
	if !IsServoDrive(0x00020192) || !IsServoDrive(0xAB020192) || IsServoDrive(0x00010192) || IsServoDrive(0x00020191) {
		t.Error("IsServoDrive")
	}
}

func TestPDOMap(t *testing.T) {
	e := PDOEntry{Index: 0x6041, Sub: 0, Bits: 16}
	if e.Value() != 0x60410010 || DecodePDOEntry(0x607A0020) != (PDOEntry{0x607A, 0, 32}) {
		t.Fatal("PDO entry encoding")
	}
	m, err := NewPDOMap(PDOEntry{0x6041, 0, 16}, PDOEntry{0x6064, 0, 32}, PDOEntry{0x6077, 0, 16})
	if err != nil || m.Len() != 8 {
		t.Fatal(m.Len(), err)
	}
	var f canbus.Frame
	pos, tq := int32(-100000), int16(-250)
	vals := []uint64{0x0237, uint64(uint32(pos)), uint64(uint16(tq))}
	m.Pack(&f, vals)
	want := fr(0, 0x37, 0x02, 0x60, 0x79, 0xFE, 0xFF, 0x06, 0xFF)
	if f != want {
		t.Fatalf("Pack = %v, want %v", f, want)
	}
	got := make([]uint64, 3)
	if err := m.Unpack(&f, got); err != nil {
		t.Fatal(err)
	}
	if SignExtend(got[1], 32) != -100000 || SignExtend(got[2], 16) != -250 || got[0] != 0x237 {
		t.Fatalf("Unpack = %x", got)
	}
	f.Length = 7
	if err := m.Unpack(&f, got); err == nil {
		t.Error("short PDO accepted")
	}
	if _, err := NewPDOMap(PDOEntry{0x6064, 0, 32}, PDOEntry{0x606C, 0, 32}, PDOEntry{0x6041, 0, 16}); !errors.Is(err, AbortPDOLength) {
		t.Errorf("10-byte mapping: %v", err)
	}
	if _, err := NewPDOMap(PDOEntry{0x6041, 0, 12}); err == nil {
		t.Error("12-bit entry accepted")
	}
}
