package dxlsim

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// testChain returns n joints rotating about vertical axes (so gravity
// loads none of them) 5 cm apart; joint prismatic (0-based, −1 for none)
// slides along x instead.
func testChain(n, prismatic int) *kinematics.Chain {
	c := &kinematics.Chain{Name: "dxl-test", Base: "base", TipName: "tip", Tip: kinematics.Identity(), InsertionJoint: -1}
	for i := range n {
		o := kinematics.Identity()
		o.P = [3]float64{0.05, 0, 0}
		j := kinematics.Joint{Name: fmt.Sprintf("j%d", i+1), Type: kinematics.Revolute, Origin: o,
			Axis: [3]float64{0, 0, 1}, Lower: -3, Upper: 3, Effort: 4, Velocity: 6,
			Body: kinematics.Inertia{Mass: 0.2, COM: [3]float64{0.02, 0, 0}, I: [9]float64{1e-4, 0, 0, 0, 1e-4, 0, 0, 0, 1e-4}}}
		if i == prismatic {
			j.Type, j.Axis, j.Lower, j.Upper, j.Effort = kinematics.Prismatic, [3]float64{1, 0, 0}, -0.1, 0.2, 200
		}
		c.Joints = append(c.Joints, j)
	}
	return c
}

func newSim(t testing.TB, n, prismatic int, faults string) *firmwaresim.Sim {
	t.Helper()
	c := testChain(n, prismatic)
	fs, err := firmwaresim.ParseFaults(faults, n)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := firmwaresim.New(c, firmwaresim.Config{Seed: 7, Faults: fs})
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

// rig is a simulated bus served over an in-memory pipe.
type rig struct {
	t    testing.TB
	sim  *firmwaresim.Sim
	srv  *Server
	host serialport.Port
	// marker is the ID pinged after each exchange to prove that nothing
	// else was sent (Serve answers packets in order).
	marker byte
	dec    *dynamixel.Decoder
}

func newRig(t testing.TB, sim *firmwaresim.Sim, cfg Config) *rig {
	t.Helper()
	srv, err := New(sim, cfg)
	if err != nil {
		t.Fatal(err)
	}
	host, dev := serialport.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, dev) }()
	t.Cleanup(func() {
		cancel()
		host.Close()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Serve: %v", err)
		}
	})
	host.SetReadTimeout(2 * time.Second)
	return &rig{t: t, sim: sim, srv: srv, host: host, marker: 1, dec: dynamixel.NewDecoder(0)}
}

func hexs(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) }

// readN reads exactly n bytes or fails after 2 s of silence.
func (r *rig) readN(n int) []byte {
	r.t.Helper()
	got := make([]byte, 0, n)
	buf := make([]byte, n)
	for len(got) < n {
		k, err := r.host.Read(buf[:n-len(got)])
		if err != nil || k == 0 {
			r.t.Fatalf("read %d of %d bytes (%X), then %v", len(got), n, got, err)
		}
		got = append(got, buf[:k]...)
	}
	return got
}

// exchange sends req and checks that exactly want comes back: want's bytes,
// then nothing but the marker ping's reply.
func (r *rig) exchange(req, want []byte) {
	r.t.Helper()
	if _, err := r.host.Write(req); err != nil {
		r.t.Fatal(err)
	}
	if got := r.readN(len(want)); hexs(got) != hexs(want) {
		r.t.Fatalf("request % X\n got % X\nwant % X", req, got, want)
	}
	r.quiet()
}

// quiet pings the marker servo and checks that its reply is the next packet.
func (r *rig) quiet() {
	r.t.Helper()
	r.host.Write(dynamixel.AppendPing(nil, r.marker))
	var p dynamixel.Packet
	buf := make([]byte, 64)
	for {
		ok, err := r.dec.Next(&p)
		if err != nil {
			r.t.Fatalf("bytes before the marker reply: %v", err)
		}
		if ok {
			break
		}
		k, err := r.host.Read(buf)
		if err != nil || k == 0 {
			r.t.Fatalf("no marker reply: %v", err)
		}
		r.dec.Feed(buf[:k])
	}
	if p.Instruction != dynamixel.InstStatus || p.ID != r.marker || len(p.Params) != 3 || r.dec.Buffered() != 0 {
		r.t.Fatalf("unexpected packet before the marker reply: id %d inst %02X err %02X params % X", p.ID, p.Instruction, p.Error, p.Params)
	}
}

// status is the status packet a servo should send.
func status(id byte, code byte, params ...byte) []byte {
	return dynamixel.AppendStatus(nil, id, code, params)
}

func u32(v int32) []byte  { return []byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)} }
func u16b(v int16) []byte { return []byte{byte(v), byte(v >> 8)} }

// write sends a write and checks the acknowledgement's error number.
func (r *rig) write(id byte, addr uint16, data []byte, code dynamixel.StatusCode) {
	r.t.Helper()
	r.exchange(dynamixel.AppendWrite(nil, id, addr, data), status(id, byte(code)))
}

// read returns n bytes at addr of id (expecting no error).
func (r *rig) read(id byte, addr, n uint16) []byte {
	r.t.Helper()
	r.host.Write(dynamixel.AppendRead(nil, id, addr, n))
	raw := r.readN(dynamixel.HeaderLen + 4 + int(n))
	var p dynamixel.Packet
	if err := dynamixel.ParsePacket(&p, raw, nil); err != nil || p.ID != id || p.Error != 0 {
		r.t.Fatalf("read %d@%d of id %d: % X (%v)", n, addr, id, raw, err)
	}
	r.quiet()
	return append([]byte(nil), p.Params...)
}

// drive returns a copy of joint i's drive.
func (r *rig) drive(i int) firmwaresim.Drive {
	r.sim.Lock()
	defer r.sim.Unlock()
	return r.sim.Drives[i]
}
