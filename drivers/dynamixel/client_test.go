package dynamixel

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// pipeClient returns a client talking over serialport.Pipe to fake servos
// served by a goroutine, opened through an injected Opener.
func pipeClient(t *testing.T, f *fakeBus, split bool) *Client {
	t.Helper()
	host, dev := serialport.Pipe()
	done := make(chan struct{})
	go func() { f.serve(dev, split); close(done) }()
	opener := func(name string, cfg serialport.Config) (serialport.Port, error) { return host, nil }
	c, err := Dial(opener, "/dev/fake", serialport.Config{})
	if err != nil {
		t.Fatal(err)
	}
	c.Timeout = 50 * time.Millisecond
	t.Cleanup(func() { c.Close(); <-done })
	return c
}

func TestClientPingReadWrite(t *testing.T) {
	f := newFakeBus()
	s := f.add(1, &XM430W350)
	s.set(X.PresentPosition, 166)
	c := pipeClient(t, f, false)

	model, fw, err := c.Ping(1)
	if err != nil || model != 1020 || fw != 45 {
		t.Fatalf("ping = %d %d %v", model, fw, err)
	}
	var pos [4]byte
	if err := c.Read(1, X.PresentPosition.Addr, pos[:]); err != nil || !bytes.Equal(pos[:], []byte{0xA6, 0, 0, 0}) {
		t.Fatalf("read = % X %v", pos, err)
	}
	if err := c.Write(1, X.GoalPosition.Addr, []byte{0, 2, 0, 0}); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	g := s.get(X.GoalPosition)
	f.mu.Unlock()
	if g != 512 {
		t.Fatalf("goal position = %d", g)
	}
	// EEPROM write with torque on: the servo refuses with Access Error.
	if err := c.Write(1, X.TorqueEnable.Addr, []byte{1}); err != nil {
		t.Fatal(err)
	}
	err = c.Write(1, X.OperatingMode.Addr, []byte{0})
	if drivers.KindOf(err) != drivers.KindAbort || !errors.Is(err, AccessError) {
		t.Fatalf("EEPROM write with torque on: %v", err)
	}
}

func TestClientSyncAndBulk(t *testing.T) {
	f := newFakeBus()
	for id := byte(1); id <= 3; id++ {
		f.add(id, &XM430W350).set(X.PresentPosition, int32(id)*100)
	}
	c := pipeClient(t, f, true) // replies arrive one byte at a time
	ids := []byte{1, 2, 3}
	dst := make([]byte, 12)
	errs := make([]byte, 3)
	if err := c.SyncRead(X.PresentPosition.Addr, ids, dst, errs); err != nil {
		t.Fatal(err)
	}
	for i := range ids {
		if v := int32(dst[4*i]) | int32(dst[4*i+1])<<8; v != int32(i+1)*100 {
			t.Errorf("servo %d position %d", i+1, v)
		}
	}
	data := []byte{1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0}
	if err := c.SyncWrite(X.GoalVelocity.Addr, ids, data); err != nil {
		t.Fatal(err)
	}
	bdst := make([]byte, 5)
	err := c.BulkRead([]BulkReadEntry{{1, X.GoalVelocity.Addr, 4}, {3, X.PresentTemperature.Addr, 1}}, bdst, nil)
	if err != nil || !bytes.Equal(bdst, []byte{1, 0, 0, 0, 30}) {
		t.Fatalf("bulk read % X %v", bdst, err)
	}
	if err := c.BulkWrite([]BulkWriteEntry{{2, X.GoalCurrent.Addr, []byte{9, 0}}}); err != nil {
		t.Fatal(err)
	}
	var cur [2]byte
	if err := c.Read(2, X.GoalCurrent.Addr, cur[:]); err != nil || cur[0] != 9 {
		t.Fatalf("after bulk write: % X %v", cur, err)
	}
}

func TestClientGarbageBeforeReply(t *testing.T) {
	f := newFakeBus()
	f.add(1, &XM430W350)
	f.prefix = []byte{0x00, 0xFF, 0xFF, 0x12, 0xFF, 0xFD}
	c := pipeClient(t, f, true)
	if _, _, err := c.Ping(1); err != nil {
		t.Fatal(err)
	}
}

func TestClientFaultKinds(t *testing.T) {
	cases := []struct {
		name string
		knob func(*fakeServo)
		kind drivers.ErrorKind
		as   any
	}{
		{"silent", func(s *fakeServo) { s.silent = true }, drivers.KindTimeout, new(*TimeoutError)},
		{"wrong id", func(s *fakeServo) { s.replyAs = 9 }, drivers.KindWrongID, new(*WrongIDError)},
		{"corrupt", func(s *fakeServo) { s.corrupt = true }, drivers.KindCorrupt, new(*MalformedError)},
		{"alert", func(s *fakeServo) { s.errByte = AlertBit }, drivers.KindDriveFault, new(*StatusError)},
		{"refused", func(s *fakeServo) { s.errByte = byte(ResultFail) }, drivers.KindAbort, new(*StatusError)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeBus()
			tc.knob(f.add(1, &XM430W350))
			c := pipeClient(t, f, false)
			c.Timeout = 20 * time.Millisecond
			var pos [4]byte
			t0 := time.Now()
			err := c.Read(1, X.PresentPosition.Addr, pos[:])
			if drivers.KindOf(err) != tc.kind {
				t.Fatalf("err = %v, want kind %v", err, tc.kind)
			}
			if !errors.As(err, tc.as) {
				t.Fatalf("err %v does not wrap %T", err, tc.as)
			}
			if tc.kind == drivers.KindTimeout && time.Since(t0) < c.Timeout {
				t.Fatalf("timed out after %v, before %v", time.Since(t0), c.Timeout)
			}
			if tc.kind == drivers.KindDriveFault && pos[1] != 0x08 {
				t.Fatalf("alert reply data not delivered: % X", pos)
			}
		})
	}
}

func TestClientClosedPortIsBusOff(t *testing.T) {
	host, dev := serialport.Pipe()
	dev.Close()
	c := NewClient(host)
	if _, _, err := c.Ping(1); drivers.KindOf(err) != drivers.KindBusOff {
		t.Fatalf("ping on closed pipe: %v", err)
	}
}
