package dxlsim

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// TestPositionGainsTakeEffect: an XM430-W350 in Position mode holding its
// goal against a constant 1 N·m load settles where the e-Manual's position
// PID puts it — its output PWM = KPP·error (pulses), KPP = Position P Gain
// (84)/128, full PWM (885) giving the stall torque: with the default P of
// 800 the error is 1·885/(6.25·4.1) = 34.5 pulses — and the gains written
// through the protocol take effect: P 1600 halves the error, an I gain
// removes it (within 3 pulses), and the Velocity gains drive velocity mode.
func TestPositionGainsTakeEffect(t *testing.T) {
	const load = 1.0 // N·m against the servo
	sim, err := firmwaresim.New(testChain(1, -1), firmwaresim.Config{Seed: 1,
		External: func(_ time.Duration, p *plant.Plant) { p.SetExternalTorque([]float64{-load}) }})
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, sim, Config{})
	m := &dynamixel.XM430W350
	r.write(1, 11, []byte{3}, 0)  // Position mode
	r.write(1, 116, u32(2048), 0) // goal: 0 rad
	r.write(1, 64, []byte{1}, 0)  // torque on
	settle := func() float64 {
		sim.Step(3 * time.Second)
		sim.Lock()
		defer sim.Unlock()
		return -sim.Plant().Position()[0] / (2 * math.Pi / m.CountsPerRev) // pulses short of the goal
	}
	want := load * pwmMax / (800.0 / 128 * m.StallTorque)
	if e := settle(); math.Abs(e-want) > 0.05*want {
		t.Errorf("default gains (P 800, I 0, D 0): %.1f pulses off the goal under %v N·m, the e-Manual's PID gives %.1f", e, load, want)
	}
	r.write(1, 84, u16b(1600), 0)
	if e := settle(); math.Abs(e-want/2) > 0.05*want/2 {
		t.Errorf("Position P Gain 1600: %.1f pulses off, want %.1f (half)", e, want/2)
	}
	r.write(1, 82, u16b(1000), 0)
	if e := settle(); math.Abs(e) > 3 {
		t.Errorf("Position I Gain 1000: %.1f pulses off, want within 3", e)
	}
	g := r.drive(0).Gains
	if !g.PID || g.KiPos <= 0 || g.BackEMF <= 0 {
		t.Errorf("position mode's loop: %+v, want the PID with its integral and the motor's back-EMF", g)
	}
	// Velocity mode: the PI's gains are 78 and 76.
	r.write(1, 64, []byte{0}, 0)
	r.write(1, 11, []byte{1}, 0)
	r.write(1, 64, []byte{1}, 0)
	before := r.drive(0).Gains
	r.write(1, 78, u16b(200), 0)
	r.write(1, 76, u16b(0), 0)
	after := r.drive(0).Gains
	if before.PID || math.Abs(after.Kd-2*before.Kd) > 1e-9*before.Kd || after.Ki != 0 || before.Ki <= 0 {
		t.Errorf("velocity mode's loop: %+v, then %+v after Velocity P 200 and I 0", before, after)
	}
}
