package canopensim

import (
	"encoding/binary"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// TestControlParameterSets: the drive's loops are its 0x60F9 (velocity
// loop gain, mN·m·s/rad; integral gain, mN·m/rad) and 0x60FB (position loop
// gain, 0.001 /s), read and written over SDO. Holding a position under a
// constant 0.5 N·m load, the power-on gains (with the integral) settle
// within 3 counts; with the integral written to 0 the drive sags by
// load/(Kp_pos·Kv) as the cascade predicts; doubling the position loop
// gain halves the sag; an NMT reset restores the power-on gains.
func TestControlParameterSets(t *testing.T) {
	const load = 0.5
	sim, err := firmwaresim.New(testChain(1), firmwaresim.Config{Seed: 1,
		External: func(_ time.Duration, p *plant.Plant) { p.SetExternalTorque([]float64{-load}) }})
	if err != nil {
		t.Fatal(err)
	}
	node := newNode(t, sim)
	c := &directConn{node: node}
	c.tick()
	sdo := &canopen.SDOClient{Conn: c, Timeout: time.Second}
	read := func(index uint16, sub uint8) uint32 {
		t.Helper()
		b, err := sdo.Upload(1, index, sub)
		if err != nil {
			t.Fatalf("upload 0x%04X:%02X: %v", index, sub, err)
		}
		return binary.LittleEndian.Uint32(append(b, 0, 0, 0, 0)[:4])
	}
	write := func(index uint16, sub uint8, v uint32) {
		t.Helper()
		if err := sdo.Download(1, index, sub, binary.LittleEndian.AppendUint32(nil, v)); err != nil {
			t.Fatalf("download 0x%04X:%02X = %d: %v", index, sub, v, err)
		}
	}
	kv, ki, kpos := read(objVelocityControl, 1), read(objVelocityControl, 2), read(objPositionControl, 1)
	g := sim.Drives[0].Gains
	if math.Abs(float64(kv)/1000-g.Kd) > 1e-3 || math.Abs(float64(ki)/1000-g.Ki) > 1e-3 || math.Abs(float64(kpos)/1000-g.Kp/g.Kd) > 1e-3 {
		t.Fatalf("0x60F9 %d %d, 0x60FB %d; the drive runs %+v", kv, ki, kpos, g)
	}
	// Hold 0 in position mode (the state machine is the network tests'
	// subject: the drive's command is set directly here).
	hold := func() float64 {
		sim.Lock()
		sim.Plant().SetState([]float64{0}, nil)
		sim.Drives[0].Enabled = true
		sim.Drives[0].Command = drivers.JointCommand{Mode: drivers.ModePosition}
		sim.Drives[0].Loop.Reset()
		sim.Unlock()
		sim.Step(4 * time.Second)
		sim.Lock()
		defer sim.Unlock()
		return -sim.Plant().Position()[0] * node.CountsPerRad(0) // counts short of the goal
	}
	if e := hold(); math.Abs(e) > 3 {
		t.Errorf("power-on gains: %.1f counts off under %v N·m, want within 3", e, load)
	}
	write(objVelocityControl, 2, 0)
	want := load / (float64(kpos) / 1000 * float64(kv) / 1000) * node.CountsPerRad(0)
	if e := hold(); math.Abs(e-want) > 0.02*want {
		t.Errorf("0x60F9:02 = 0: %.1f counts off, the cascade gives %.1f", e, want)
	}
	write(objPositionControl, 1, 2*kpos)
	if e := hold(); math.Abs(e-want/2) > 0.02*want/2 {
		t.Errorf("0x60FB:01 doubled: %.1f counts off, want %.1f", e, want/2)
	}
	c.WriteFrame(canopen.EncodeNMT(canopen.NMTResetNode, 1))
	c.drain()
	if read(objVelocityControl, 2) != ki || read(objPositionControl, 1) != kpos || sim.Drives[0].Gains.Ki == 0 {
		t.Errorf("after NMT reset node: %d, %d, drive %+v; want the power-on gains", read(objVelocityControl, 2), read(objPositionControl, 1), sim.Drives[0].Gains)
	}
}
