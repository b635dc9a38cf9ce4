package dynamixel

import "testing"

// BenchmarkEncodeSyncWrite7 encodes a goal-position sync write for 7 servos.
func BenchmarkEncodeSyncWrite7(b *testing.B) {
	ids := []byte{1, 2, 3, 4, 5, 6, 7}
	data := make([]byte, 4*7)
	for i := range data {
		data[i] = byte(i * 41)
	}
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendSyncWrite(buf[:0], X.GoalPosition.Addr, 4, ids, data)
	}
	b.SetBytes(int64(len(buf)))
}

// BenchmarkDecodeSyncReadStatus7 decodes the 7 status packets answering the
// Bus's cyclic sync read (21 data bytes each).
func BenchmarkDecodeSyncReadStatus7(b *testing.B) {
	var stream []byte
	for id := byte(1); id <= 7; id++ {
		blk := make([]byte, readBlock.size)
		for i := range blk {
			blk[i] = byte(int(id)*31 + i)
		}
		stream = AppendStatus(stream, id, 0, blk)
	}
	d := NewDecoder(DefaultBufferSize)
	var p Packet
	b.ReportAllocs()
	b.SetBytes(int64(len(stream)))
	for b.Loop() {
		d.Reset()
		d.Feed(stream)
		n := 0
		for {
			ok, err := d.Next(&p)
			if err != nil {
				b.Fatal(err)
			}
			if !ok {
				break
			}
			n++
		}
		if n != 7 {
			b.Fatalf("decoded %d packets", n)
		}
	}
}
