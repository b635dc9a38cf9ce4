package canopensim

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
)

// Fuzz input: 11 bytes per frame — ID low byte; ID bits 8–10 in the low 3
// bits of the second byte, bit 5 = Tick after the frame, bit 6 = remote
// frame, bit 7 = step the simulator 1 ms first; length (low nibble,
// clamped to 8); 8 data bytes.
const fuzzFrameLen = 11

func fuzzEncode(fs ...canbus.Frame) []byte {
	var b []byte
	for _, f := range fs {
		b = append(b, byte(f.ID), byte(f.ID>>8&7)|0x20|0x80, f.Length)
		b = append(b, f.Data[:]...)
	}
	return b
}

func fuzzSeeds() map[string][]byte {
	sdo := func(m canopen.SDO) canbus.Frame { return canopen.EncodeSDORequest(1, &m) }
	down := func(index uint16, sub uint8, v uint32, n uint8) canbus.Frame {
		m := canopen.SDO{Command: canopen.SDOInitiateDownload, Index: index, Sub: sub, Expedited: true, SizeIndicated: true, N: n}
		m.Data[0], m.Data[1], m.Data[2], m.Data[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
		return sdo(m)
	}
	start := canopen.EncodeNMT(canopen.NMTStart, 0)
	sync := canopen.EncodeSync()
	return map[string][]byte{
		"upload-device-type": fuzzEncode(sdo(canopen.SDO{Command: canopen.SDOInitiateUpload, Index: 0x1000})),
		"segmented-name":     fuzzEncode(sdo(canopen.SDO{Command: canopen.SDOInitiateUpload, Index: 0x1008}), sdo(canopen.SDO{Command: canopen.SDOUploadSegment}), sdo(canopen.SDO{Command: canopen.SDOUploadSegment, Toggle: true})),
		"bad-command":        fuzzEncode(canbus.Frame{ID: 0x601, Length: 8, Data: [8]byte{0xE0}}, canbus.Frame{ID: 0x602, Length: 3, Data: [8]byte{0x40}}),
		"enable-csp": fuzzEncode(start, canbus.Frame{ID: 0x201, Length: 6, Data: [8]byte{0x06}}, sync,
			canbus.Frame{ID: 0x201, Length: 6, Data: [8]byte{0x0F, 0, 0x00, 0x10}}, sync, sync),
		"remap-tpdo": fuzzEncode(down(0x1800, 1, 0x80000181, 4), down(0x1A00, 0, 0, 1), down(0x1A00, 1, 0x60640020, 4),
			down(0x1A00, 2, 0x60770010, 4), down(0x1A00, 0, 2, 1), down(0x1800, 1, 0x181, 4), start, sync),
		"heartbeat-loss": fuzzEncode(down(0x1016, 1, 0x7F0005, 4), down(0x6007, 0, 3, 2), canopen.EncodeHeartbeat(127, canopen.NodeOperational),
			start, canbus.Frame{ID: 0x201, Length: 6, Data: [8]byte{0x06}}, sync, canbus.Frame{ID: 0x201, Length: 6, Data: [8]byte{0x0F}}, sync,
			sync, sync, sync, sync, sync, sync, sync),
		"fault-reset": fuzzEncode(down(0x6040, 0, 0x80, 2), down(0x6040, 0, 0x00, 2), down(0x6040, 0, 0x80, 2)),
		"nmt-resets":  fuzzEncode(canopen.EncodeNMT(canopen.NMTResetCommunication, 1), canopen.EncodeNMT(canopen.NMTResetNode, 0), canopen.EncodeNMT(canopen.NMTStop, 2)),
		"short-rpdo":  fuzzEncode(start, canbus.Frame{ID: 0x201, Length: 1}, canbus.Frame{ID: 0x080, Length: 5}),
		"garbage":     {0xFF, 0xFF, 0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 0x01},
	}
}

// TestWriteFuzzCorpus regenerates testdata/fuzz/FuzzHandleFrame when
// CANOPENSIM_WRITE_CORPUS is set.
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("CANOPENSIM_WRITE_CORPUS") == "" {
		t.Skip("set CANOPENSIM_WRITE_CORPUS=1 to regenerate the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzHandleFrame")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range fuzzSeeds() {
		if err := os.WriteFile(filepath.Join(dir, name), fmt.Appendf(nil, "go test fuzz v1\n[]byte(%q)\n", b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzHandleFrame feeds arbitrary frames to three drives, stepping and
// ticking as the input says. The Node must never panic, and what it sends
// must be valid: standard 11-bit frames of at most 8 bytes from its own
// node IDs, SDO responses that decode, power only in Operation enabled or
// Quick stop active.
func FuzzHandleFrame(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		sim := newSim(t, 3, "")
		node := newNode(t, sim)
		var out []canbus.Frame
		send := func(fr canbus.Frame) { out = append(out, fr) }
		for len(in) >= 3 {
			fr := canbus.Frame{ID: uint32(in[1]&7)<<8 | uint32(in[0]), IsRemote: in[1]&0x40 != 0, Length: min(in[2]&0x0F, 8)}
			copy(fr.Data[:], in[3:min(len(in), fuzzFrameLen)])
			if in[1]&0x80 != 0 {
				sim.Step(time.Millisecond)
			}
			node.HandleFrame(fr, send)
			if in[1]&0x20 != 0 {
				node.Tick(send)
			}
			in = in[min(len(in), fuzzFrameLen):]
		}
		sim.Step(20 * time.Millisecond)
		node.Tick(send)
		for _, fr := range out {
			if err := fr.Validate(); err != nil || fr.IsExtended || fr.IsRemote || fr.ID > 0x7FF || fr.Length > 8 {
				t.Fatalf("sent invalid frame %v (%v)", fr, err)
			}
			if fn, n := canopen.SplitCOB(fr.ID); n < 1 || n > 3 || fn == canopen.COBNMT || fn == canopen.COBSDORx {
				t.Fatalf("sent %v, not from a drive", fr)
			}
			if fn, _ := canopen.SplitCOB(fr.ID); fn == canopen.COBSDOTx {
				if _, _, err := canopen.DecodeSDOResponse(fr); err != nil {
					t.Fatalf("sent a malformed SDO response %v: %v", fr, err)
				}
			}
		}
		for i := range 3 {
			st := node.Status(i)
			if canopen.DecodeStatusword(st.Statusword) != st.State {
				t.Fatalf("joint %d: statusword 0x%04x in %v", i+1, st.Statusword, st.State)
			}
			sim.Lock()
			on := sim.Drives[i].Enabled
			sim.Unlock()
			if on != (st.State == canopen.StateOperationEnabled || st.State == canopen.StateQuickStopActive) {
				t.Fatalf("joint %d: power %v in %v", i+1, on, st.State)
			}
		}
	})
}
