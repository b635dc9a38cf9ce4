package dxlsim

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// Feed answers a stream handed to it in pieces exactly as Serve answers it
// read whole: its decoder carries a packet cut anywhere across calls, and a
// call allocates nothing once the decoder exists (lockstep runs feed the
// servos every cycle).
func TestFeedMatchesServe(t *testing.T) {
	var stream []byte
	for _, p := range [][]byte{
		dynamixel.AppendPing(nil, dynamixel.BroadcastID),
		dynamixel.AppendRead(nil, 2, 132, 4),
		dynamixel.AppendWrite(nil, 1, 64, []byte{1}),
		dynamixel.AppendSyncRead(nil, 126, 21, []byte{1, 2, 3}),
		dynamixel.AppendSyncWrite(nil, 116, 4, []byte{1, 2}, []byte{0, 8, 0, 0, 0, 4, 0, 0}),
		dynamixel.AppendBulkRead(nil, []dynamixel.BulkReadEntry{{ID: 1, Addr: 144, Len: 2}, {ID: 3, Addr: 146, Len: 1}}),
		{0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x03, 0x00, 0x01, 0x19, 0x4F}, // CRC error
		dynamixel.AppendFastSyncRead(nil, 132, 4, []byte{1, 2, 3}),
	} {
		stream = append(stream, p...)
	}
	serve := func() []byte {
		srv, err := New(newSim(t, 3, 2, ""), Config{})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := srv.Serve(context.Background(), struct {
			io.Reader
			io.Writer
		}{bytes.NewReader(stream), &out}); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	want := serve()
	if len(want) == 0 {
		t.Fatal("Serve answered nothing")
	}
	for _, piece := range []int{1, 3, 7, 16, len(stream)} {
		srv, err := New(newSim(t, 3, 2, ""), Config{})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		for i := 0; i < len(stream); i += piece {
			if err := srv.Feed(stream[i:min(i+piece, len(stream))], &out); err != nil {
				t.Fatalf("pieces of %d: %v", piece, err)
			}
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("fed in pieces of %d bytes, answered\n% X\nwhere Serve answered\n% X", piece, out.Bytes(), want)
		}
	}
	srv, err := New(newSim(t, 3, 2, ""), Config{})
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.NewBuffer(make([]byte, 0, 1<<16))
	ping := dynamixel.AppendRead(nil, 2, 132, 4)
	if allocs := testing.AllocsPerRun(100, func() { srv.Feed(ping, out) }); allocs != 0 {
		t.Errorf("Feed allocates %.0f times per packet", allocs)
	}
}
