package canopensim

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
)

func u32(b []byte) uint32 { return binary.LittleEndian.Uint32(append(b, 0, 0, 0, 0)[:4]) }

// TestSDOObjectsAndAborts walks the object dictionary's rules step by step
// (the order matters: PDO configuration builds on the steps before).
func TestSDOObjectsAndAborts(t *testing.T) {
	c := &directConn{node: newNode(t, newSim(t, 2, ""))}
	c.tick()
	const n = 1
	tpdo1, rpdo1 := canopen.TPDOCOB(1, n), canopen.RPDOCOB(1, n)
	steps := []struct {
		name  string
		index uint16
		sub   uint8
		data  []byte // nil: upload
		want  canopen.AbortCode
		read  uint32 // upload: expected value
	}{
		{"device type", canopen.ObjDeviceType, 0, nil, 0, canopen.DeviceTypeServo},
		{"device type is read-only", canopen.ObjDeviceType, 0, le32(1), canopen.AbortReadOnly, 0},
		{"statusword is read-only", canopen.ObjStatusword, 0, le16(0), canopen.AbortReadOnly, 0},
		{"no object", 0x2000, 0, nil, canopen.AbortNoObject, 0},
		{"no object (write)", 0x6098, 0, []byte{1}, canopen.AbortNoObject, 0},
		{"no sub-index", canopen.ObjConsumerHeartbeat, 5, nil, canopen.AbortNoSub, 0},
		{"TPDO reserved sub-index 4", canopen.ObjTPDOComm, 4, nil, canopen.AbortNoSub, 0},
		{"rated torque 4 N·m", canopen.ObjRatedTorque, 0, nil, 0, 4000},
		{"supported modes CSP CSV CST", objSupportedModes, 0, nil, 0, 0x380},
		{"mode 1 (profile position) refused", canopen.ObjModesOfOperation, 0, []byte{1}, canopen.AbortRange, 0},
		{"mode 0 refused", canopen.ObjModesOfOperation, 0, []byte{0}, canopen.AbortRange, 0},
		{"mode CSV", canopen.ObjModesOfOperation, 0, []byte{9}, 0, 0},
		{"mode display follows", canopen.ObjModesDisplay, 0, nil, 0, 9},
		{"controlword is 2 bytes", canopen.ObjControlword, 0, le32(6), canopen.AbortLength, 0},
		{"mode is 1 byte", canopen.ObjModesOfOperation, 0, le16(8), canopen.AbortLength, 0},
		{"0x6007 = 4 refused", canopen.ObjAbortConnection, 0, le16(4), canopen.AbortRange, 0},
		{"0x6007 = -1 refused", canopen.ObjAbortConnection, 0, le16(0xFFFF), canopen.AbortRange, 0},
		{"0x6007 = 2", canopen.ObjAbortConnection, 0, le16(2), 0, 0},
		{"0x605A = 3 refused", objQuickStopOption, 0, le16(3), canopen.AbortRange, 0},
		{"0x6085 = 0 refused", objQuickStopDecel, 0, le32(0), canopen.AbortRange, 0},
		{"consumer heartbeat", canopen.ObjConsumerHeartbeat, 1, le32(127<<16 | 100), 0, 0},
		{"same node twice", canopen.ObjConsumerHeartbeat, 2, le32(127<<16 | 200), abortParamIncompat, 0},
		{"reserved bits", canopen.ObjConsumerHeartbeat, 2, le32(1<<24 | 5<<16 | 100), canopen.AbortRange, 0},
		{"another node", canopen.ObjConsumerHeartbeat, 2, le32(5<<16 | 200), 0, 0},
		// PDO rules (CiA 301).
		{"mapping of a valid PDO", canopen.ObjTPDOMap, 1, le32(0x60640020), canopen.AbortDeviceState, 0},
		{"count of a valid PDO", canopen.ObjTPDOMap, 0, []byte{0}, canopen.AbortDeviceState, 0},
		{"COB-ID of a valid PDO cannot change", canopen.ObjRPDOComm, 1, le32(0x301), canopen.AbortRange, 0},
		{"re-writing the same COB-ID", canopen.ObjRPDOComm, 1, le32(rpdo1), 0, 0},
		{"inhibit time of a valid PDO", canopen.ObjTPDOComm, 3, le16(10), canopen.AbortDeviceState, 0},
		{"invalidate TPDO1", canopen.ObjTPDOComm, 1, le32(tpdo1 | cobInvalid), 0, 0},
		{"inhibit time of an invalid PDO", canopen.ObjTPDOComm, 3, le16(10), 0, 0},
		{"entry while count is not 0", canopen.ObjTPDOMap, 1, le32(0x60640020), canopen.AbortDeviceState, 0},
		{"count 0", canopen.ObjTPDOMap, 0, []byte{0}, 0, 0},
		{"not mappable", canopen.ObjTPDOMap, 1, le32(0x10000020), canopen.AbortNoMap, 0},
		{"RPDO object in a TPDO", canopen.ObjTPDOMap, 1, le32(0x60400010), canopen.AbortNoMap, 0},
		{"wrong length", canopen.ObjTPDOMap, 1, le32(0x60640010), canopen.AbortNoMap, 0},
		{"missing object", canopen.ObjTPDOMap, 1, le32(0x20000020), canopen.AbortNoMap, 0},
		{"entry 1", canopen.ObjTPDOMap, 1, le32(0x60640020), 0, 0},
		{"entry 2", canopen.ObjTPDOMap, 2, le32(0x606C0020), 0, 0},
		{"entry 3", canopen.ObjTPDOMap, 3, le32(0x60410010), 0, 0},
		{"72 bits", canopen.ObjTPDOMap, 0, []byte{3}, canopen.AbortPDOLength, 0},
		{"9 entries", canopen.ObjTPDOMap, 0, []byte{9}, canopen.AbortPDOLength, 0},
		{"count 2", canopen.ObjTPDOMap, 0, []byte{2}, 0, 0},
		{"transmission type 245", canopen.ObjTPDOComm, 2, []byte{245}, canopen.AbortRange, 0},
		{"transmission type 10", canopen.ObjTPDOComm, 2, []byte{10}, 0, 0},
		{"restricted CAN-ID", canopen.ObjTPDOComm, 1, le32(0x701), canopen.AbortRange, 0},
		{"29-bit CAN-ID", canopen.ObjTPDOComm, 1, le32(1<<29 | 0x181), canopen.AbortRange, 0},
		{"validate at 0x1C1", canopen.ObjTPDOComm, 1, le32(0x1C1), 0, 0},
		{"read back", canopen.ObjTPDOComm, 1, nil, 0, 0x1C1},
	}
	for _, s := range steps {
		if s.data == nil {
			b, code := sdoUpload(t, c, n, s.index, s.sub)
			if code != s.want || (code == 0 && u32(b) != s.read) {
				t.Fatalf("%s: upload 0x%04x:%02x = %x abort 0x%08x, want %x abort 0x%08x", s.name, s.index, s.sub, b, uint32(code), s.read, uint32(s.want))
			}
			continue
		}
		if code := sdoDownload(t, c, n, s.index, s.sub, s.data...); code != s.want {
			t.Fatalf("%s: download 0x%04x:%02x % x: abort 0x%08x (%v), want 0x%08x (%v)", s.name, s.index, s.sub, s.data, uint32(code), code, uint32(s.want), s.want)
		}
	}
	// The new TPDO1 goes out on every 10th SYNC, on 0x1C1.
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTStart, n))
	c.drain()
	for range 20 {
		c.WriteFrame(canopen.EncodeSync())
	}
	var got int
	for _, f := range c.drain() {
		if f.ID == 0x1C1 {
			got++
			if f.Length != 8 {
				t.Fatalf("TPDO1 length %d, want 8", f.Length)
			}
		}
	}
	if got != 2 {
		t.Fatalf("%d TPDO1 in 20 SYNCs, want 2", got)
	}
	// PDO configuration is refused in operational.
	if code := sdoDownload(t, c, n, canopen.ObjTPDOComm, 1, le32(0x1C1|cobInvalid)...); code != canopen.AbortDeviceState {
		t.Fatalf("PDO configuration in operational: abort 0x%08x", uint32(code))
	}
}

// TestSDOMalformedRequests: requests that are not valid SDO client
// messages are answered with abort 0x05040001, never ignored or crashed on.
func TestSDOMalformedRequests(t *testing.T) {
	c := &directConn{node: newNode(t, newSim(t, 1, ""))}
	c.tick()
	for _, f := range []canbus.Frame{
		{ID: 0x601, Length: 8, Data: [8]byte{0xE0, 0x00, 0x10}},       // ccs 7
		{ID: 0x601, Length: 8, Data: [8]byte{0xC0, 0x00, 0x10}},       // block download
		{ID: 0x601, Length: 8, Data: [8]byte{0xA0, 0x00, 0x10}},       // block upload
		{ID: 0x601, Length: 4, Data: [8]byte{0x40, 0x00, 0x10, 0x00}}, // short
		{ID: 0x601, Length: 8, Data: [8]byte{0x00}},                   // segment without a transfer
		{ID: 0x601, Length: 8, Data: [8]byte{0x60}},                   // upload segment without a transfer
	} {
		c.drain()
		c.WriteFrame(f)
		out := c.drain()
		if len(out) != 1 || out[0].ID != 0x581 {
			t.Fatalf("% x: answered %v", f.Data[:f.Length], out)
		}
		_, m, err := canopen.DecodeSDOResponse(out[0])
		if err != nil || m.Command != canopen.SDOAbort || m.Abort != canopen.AbortCommand {
			t.Fatalf("% x: answer %+v (%v), want abort 0x05040001", f.Data[:f.Length], m, err)
		}
	}
	// Segmented upload of the device name, and a segmented download
	// refused for its length.
	sdo := &canopen.SDOClient{Conn: c, Timeout: time.Second}
	name, err := sdo.Upload(1, objDeviceName, 0)
	if err != nil || string(name) != "chiron canopensim CiA 402 drive" {
		t.Fatalf("0x1008: %q, %v", name, err)
	}
	if err := sdo.Download(1, canopen.ObjMaxTorque, 0, []byte{1, 2, 3, 4, 5, 6}); !isAbort(err, canopen.AbortLength) {
		t.Fatalf("6-byte download to 0x6072: %v", err)
	}
	if err := sdo.Download(1, objDeviceName, 0, []byte("renamed drive")); !isAbort(err, canopen.AbortReadOnly) {
		t.Fatalf("download to 0x1008: %v", err)
	}
}

func isAbort(err error, code canopen.AbortCode) bool {
	for e := err; e != nil; {
		if a, ok := e.(*canopen.SDOAbortError); ok {
			return a.Code == code
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}
