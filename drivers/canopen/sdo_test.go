package canopen

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

func sdoRig(t *testing.T) (*SDOClient, *fakeDrive, canbus.Conn) {
	bus := canbus.NewBus(1024)
	d := newFakeDrive(bus, 4)
	t.Cleanup(d.close)
	sniff := bus.Connect()
	return &SDOClient{Conn: bus.Connect(), Timeout: time.Second}, d, sniff
}

func TestSDOExpeditedTypedHelpers(t *testing.T) {
	c, d, _ := sdoRig(t)
	if v, err := c.UploadU32(4, ObjDeviceType, 0); err != nil || v != DeviceTypeServo {
		t.Fatalf("device type %x %v", v, err)
	}
	if err := c.DownloadI32(4, ObjTargetPosition, 0, -123456); err != nil {
		t.Fatal(err)
	}
	if v, err := c.UploadI32(4, ObjTargetPosition, 0); err != nil || v != -123456 {
		t.Fatalf("i32 %d %v", v, err)
	}
	if err := c.DownloadU16(4, ObjMaxTorque, 0, 1500); err != nil || d.get(ObjMaxTorque, 0) != 1500 {
		t.Fatal(err)
	}
	if v, err := c.UploadU8(4, ObjErrorRegister, 0); err != nil || v != 0 {
		t.Fatal(v, err)
	}
	// Length mismatch is a typed protocol error, not a silent truncation.
	if _, err := c.UploadU16(4, ObjDeviceType, 0); drivers.KindOf(err) != drivers.KindProtocol {
		t.Errorf("u16 of a u32: %v", err)
	}
}

func TestSDOSegmentedBothWays(t *testing.T) {
	c, _, _ := sdoRig(t)
	got, err := c.Upload(4, 0x1008, 0)
	if err != nil || string(got) != "chiron fake CiA 402 drive" {
		t.Fatalf("segmented upload %q %v", got, err)
	}
	for _, n := range []int{0, 5, 7, 14, 15, 100} {
		data := bytes.Repeat([]byte{0xA5}, n)
		for i := range data {
			data[i] = byte(i)
		}
		if err := c.Download(4, 0x2000, 0, data); err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		back, err := c.Upload(4, 0x2000, 0)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("%d bytes round trip: %v %v", n, back, err)
		}
	}
}

func TestSDOServerAbortIsTyped(t *testing.T) {
	c, _, _ := sdoRig(t)
	cases := []struct {
		err  error
		code AbortCode
	}{
		{c.DownloadU32(4, ObjDeviceType, 0, 1), AbortReadOnly},
		{c.DownloadU32(4, 0x5555, 0, 1), AbortNoObject},
		{c.DownloadU32(4, ObjRPDOComm, 9, 1), AbortNoSub},
		{c.DownloadU8(4, ObjMaxTorque, 0, 1), AbortLength},
		{c.DownloadI8(4, ObjModesOfOperation, 0, 1), AbortRange},
	}
	for i, tc := range cases {
		var ae *SDOAbortError
		if drivers.KindOf(tc.err) != drivers.KindAbort || !errors.As(tc.err, &ae) || ae.Code != tc.code {
			t.Errorf("case %d: %v, want abort %v", i, tc.err, tc.code)
		}
	}
}

func TestSDOTimeoutSendsAbort(t *testing.T) {
	bus := canbus.NewBus(64)
	sniff := bus.Connect()
	c := &SDOClient{Conn: bus.Connect(), Timeout: 5 * time.Millisecond}
	_, err := c.Upload(9, ObjDeviceType, 0) // nobody is node 9
	var ae *SDOAbortError
	if drivers.KindOf(err) != drivers.KindTimeout || !errors.As(err, &ae) || ae.Code != AbortTimeout {
		t.Fatalf("err = %v", err)
	}
	if f, _ := sniff.ReadFrame(0); f != fr(0x609, 0x40, 0x00, 0x10, 0, 0, 0, 0, 0) {
		t.Fatalf("request %v", f)
	}
	if f, _ := sniff.ReadFrame(0); f != fr(0x609, 0x80, 0x00, 0x10, 0x00, 0x00, 0x00, 0x04, 0x05) {
		t.Fatalf("abort %v", f)
	}
}

// A server that repeats the toggle bit makes the client abort 0x05030000.
func TestSDOToggleErrorAborts(t *testing.T) {
	bus := canbus.NewBus(64)
	srv := bus.Connect()
	c := &SDOClient{Conn: bus.Connect(), Timeout: time.Second}
	done := make(chan canbus.Frame, 1)
	go func() {
		srv.ReadFrame(time.Second) // initiate upload
		srv.WriteFrame(EncodeSDOResponse(4, &SDO{Command: SDOInitiateUpload, Index: 0x1008, SizeIndicated: true, Size: 20}))
		srv.ReadFrame(time.Second) // segment t=0
		srv.WriteFrame(EncodeSDOResponse(4, &SDO{Command: SDOUploadSegment, N: 7}))
		srv.ReadFrame(time.Second)                                                  // segment t=1
		srv.WriteFrame(EncodeSDOResponse(4, &SDO{Command: SDOUploadSegment, N: 7})) // t=0 again
		f, _ := srv.ReadFrame(time.Second)
		done <- f
	}()
	_, err := c.Upload(4, 0x1008, 0)
	var ae *SDOAbortError
	if drivers.KindOf(err) != drivers.KindProtocol || !errors.As(err, &ae) || ae.Code != AbortToggle {
		t.Fatalf("err = %v", err)
	}
	if f := <-done; f != fr(0x604, 0x80, 0x08, 0x10, 0x00, 0x00, 0x00, 0x03, 0x05) {
		t.Fatalf("abort frame %v", f)
	}
}

func TestSDOServerProtocolErrors(t *testing.T) {
	dict := &fakeDrive{od: map[uint32]*odEntry{key(0x2000, 0): {}}}
	s := SDOServer{Node: 4, Dict: dict}
	// A download segment with no transfer in progress.
	resp, ok := s.Handle(fr(0x604, 0x00, 1, 2, 3, 4, 5, 6, 7))
	if _, m, err := DecodeSDOResponse(resp); !ok || err != nil || m.Command != SDOAbort || m.Abort != AbortCommand {
		t.Fatalf("stray segment: %+v", m)
	}
	// Block download (ccs 6) is not supported.
	resp, _ = s.Handle(fr(0x604, 0xC0, 0, 0x20, 0, 0, 0, 0, 0))
	if _, m, _ := DecodeSDOResponse(resp); m.Abort != AbortCommand {
		t.Fatalf("block: %+v", m)
	}
	// Wrong toggle in a segmented download.
	s.Handle(EncodeSDORequest(4, &SDO{Command: SDOInitiateDownload, Index: 0x2000, SizeIndicated: true, Size: 14}))
	resp, _ = s.Handle(EncodeSDORequest(4, &SDO{Command: SDODownloadSegment, Toggle: true, N: 7}))
	if _, m, _ := DecodeSDOResponse(resp); m.Abort != AbortToggle {
		t.Fatalf("toggle: %+v", m)
	}
	// Other nodes' requests are ignored.
	if _, ok := s.Handle(fr(0x605, 0x40, 0, 0x20, 0, 0, 0, 0, 0)); ok {
		t.Fatal("answered another node")
	}
	// A client abort ends the transfer silently.
	if _, ok := s.Handle(EncodeSDORequest(4, &SDO{Command: SDOAbort, Abort: AbortTimeout})); ok {
		t.Fatal("answered an abort")
	}
}
