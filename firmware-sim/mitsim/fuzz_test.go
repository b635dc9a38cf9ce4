package mitsim

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
)

// FuzzHandleFrame feeds arbitrary frames to a node of three motors (an
// AK80-9, an AK10-9 and a prismatic AK60-6), in or out of motor mode.
// HandleFrame and Tick must never panic; every reply must be a well-formed
// 8-byte MIT reply on the master ID from one of the motors; every drive
// command must be finite. Seeds: testdata/fuzz/FuzzHandleFrame and below.
func FuzzHandleFrame(f *testing.F) {
	add := func(fr canbus.Frame, flags byte) {
		if fr.IsExtended {
			flags |= 1
		}
		if fr.IsRemote {
			flags |= 2
		}
		f.Add(uint32(fr.ID), flags, fr.Data[:fr.Length])
	}
	add(cubemars.SpecialFrame(1, cubemars.EnterMotorMode), 0)
	add(cubemars.SpecialFrame(2, cubemars.ExitMotorMode), 4)
	add(cubemars.SpecialFrame(3, cubemars.SetZero), 4)
	add(cubemars.CommandFrame(1, cubemars.AK80_9.Limits, cubemars.Command{Position: 1, Velocity: 2, Kp: 50, Kd: 1, Torque: 3}), 4)
	add(cubemars.CommandFrame(3, cubemars.AK60_6.Limits, cubemars.Command{Position: 12.5, Velocity: 45, Kp: 500, Kd: 5, Torque: 15}), 4)
	add(canbus.Frame{ID: 2, Length: 8, Data: [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFB}}, 4)
	add(canbus.Frame{ID: 1, Length: 6, Data: [8]byte{1, 2, 3, 4, 5, 6}}, 4)
	add(canbus.Frame{ID: 1, IsRemote: true}, 4)
	add(canbus.Frame{ID: 0x1FFFFFFF, IsExtended: true, Length: 8}, 4)
	f.Fuzz(func(t *testing.T, id uint32, flags byte, data []byte) {
		sim := newSim(t, 3, 2, "delay:joint=2,delay=1ms")
		n := newNode(t, sim, Config{Models: []cubemars.Model{cubemars.AK80_9, cubemars.AK10_9, cubemars.AK60_6}, MasterID: 0x7FF})
		fr := canbus.Frame{ID: id & 0x7FF, IsExtended: flags&1 != 0, IsRemote: flags&2 != 0, Length: uint8(min(len(data), 8))}
		if fr.IsExtended {
			fr.ID = id & 0x1FFFFFFF
		}
		copy(fr.Data[:], data)
		var out collect
		if flags&4 != 0 {
			for id := range uint8(3) {
				n.HandleFrame(cubemars.SpecialFrame(id+1, cubemars.EnterMotorMode), out.send)
			}
		}
		n.HandleFrame(fr, out.send)
		sim.Step(time.Millisecond)
		n.Tick(out.send)
		for _, r := range out {
			if r.ID != 0x7FF || r.IsExtended || r.IsRemote || r.Length != 8 {
				t.Fatalf("reply %+v", r)
			}
			if id := r.Data[0]; id < 1 || id > 3 {
				t.Fatalf("reply from motor %d: % X", id, r.Data)
			}
		}
		for j := range 3 {
			c := drive(sim, j).Command
			for _, x := range []float64{c.Position, c.Velocity, c.Effort, c.Kp, c.Kd} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("joint %d command %+v", j, c)
				}
			}
			if c.Mode != drivers.ModeOff && c.Mode != drivers.ModeImpedance {
				t.Fatalf("joint %d mode %v", j, c.Mode)
			}
		}
	})
}
