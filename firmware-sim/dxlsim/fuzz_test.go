package dxlsim

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// FuzzServe feeds arbitrary host bytes to a bus of three servos. Serve must
// neither panic nor hang (it returns at EOF), and everything it sends must
// be well-formed status packets from the servos' IDs.
func FuzzServe(f *testing.F) {
	seeds := [][]byte{
		dynamixel.AppendPing(nil, 1),
		dynamixel.AppendPing(nil, dynamixel.BroadcastID),
		dynamixel.AppendRead(nil, 2, 132, 4),
		dynamixel.AppendRead(nil, 2, 0, tableSize),
		dynamixel.AppendWrite(nil, 1, 64, []byte{1}),
		dynamixel.AppendWrite(nil, 1, 11, []byte{5}),
		dynamixel.AppendWrite(nil, 3, 20, []byte{0xFF, 0xFF, 0xFD, 0xFF}),
		dynamixel.AppendSyncRead(nil, 126, 21, []byte{1, 2, 3}),
		dynamixel.AppendSyncWrite(nil, 116, 4, []byte{1, 2}, []byte{0, 8, 0, 0, 0, 4, 0, 0}),
		dynamixel.AppendBulkRead(nil, []dynamixel.BulkReadEntry{{ID: 1, Addr: 144, Len: 2}, {ID: 3, Addr: 146, Len: 1}}),
		dynamixel.AppendBulkWrite(nil, []dynamixel.BulkWriteEntry{{ID: 1, Addr: 65, Data: []byte{1}}, {ID: 2, Addr: 104, Data: []byte{10, 0, 0, 0}}}),
		dynamixel.AppendRegWrite(nil, 2, 116, []byte{0, 9, 0, 0}),
		dynamixel.AppendAction(nil, dynamixel.BroadcastID),
		dynamixel.AppendReboot(nil, 3),
		dynamixel.AppendFactoryReset(nil, 2, dynamixel.ResetAllButID),
		dynamixel.AppendInstruction(nil, 1, 0x7E, []byte{1, 2, 3}),
		{0xFF, 0xFF, 0xFD, 0x00, 0x01, 0xFF, 0xFF, 0x02},
		{0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x03, 0x00, 0x01, 0x19, 0x4F}, // CRC error
	}
	for _, s := range seeds {
		f.Add(s)
	}
	sim := newSim(f, 3, 2, "")
	f.Fuzz(func(t *testing.T, in []byte) {
		srv, err := New(sim, Config{})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		rw := struct {
			io.Reader
			io.Writer
		}{bytes.NewReader(in), &out}
		if err := srv.Serve(context.Background(), rw); err != nil {
			t.Fatalf("Serve: %v", err)
		}
		dec := dynamixel.NewDecoder(4 * dynamixel.DefaultBufferSize)
		if dec.Feed(out.Bytes()) != out.Len() {
			t.Skip("more output than one decoder buffer; framing checked on shorter inputs")
		}
		var p dynamixel.Packet
		for {
			ok, err := dec.Next(&p)
			if err != nil {
				t.Fatalf("server sent a malformed packet: %v\ninput % X", err, in)
			}
			if !ok {
				break
			}
			if p.Instruction != dynamixel.InstStatus || p.ID > dynamixel.MaxID {
				t.Fatalf("server sent inst %02X from id %d", p.Instruction, p.ID)
			}
		}
		if dec.Buffered() != 0 {
			t.Fatalf("%d trailing bytes after the status packets", dec.Buffered())
		}
	})
}
