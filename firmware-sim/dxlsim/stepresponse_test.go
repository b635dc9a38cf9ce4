package dxlsim

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/motors"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// TestXM430StepResponse: a simulated XM430-W350 (the catalogue's reflected
// inertia and friction on its shaft, nothing else) in Position mode with
// the e-Manual's default gains — Position P 800, I 0, D 0 (control table,
// addresses 84/82/80) — steps 90° (1024 pulses).
//
// What the e-Manual publishes and what it does not: it gives the default
// gains, the PID's form (KPP = P/128 …, output PWM) and the servo's no-load
// speed (46 rev/min at 12 V); it publishes no step response, no rise time
// and no overshoot for the default gains. So the reference here is what
// the no-load speed implies: no move can beat it, so 10 %→90 % of a 90°
// step takes at least 0.8·(π/2)/(46 rev/min) = 0.261 s; with P 800 the
// PWM saturates beyond 885·128/800 = 142 pulses (12°) of error, so the
// servo runs at full voltage over most of the move and should take little
// longer (friction and the motor's torque–speed line: within 30 %). With P
// alone and the motor's back-EMF as its only damping the loop is
// overdamped at this inertia (ζ ≈ 1.1), so overshoot should stay under 5 %
// (the speed it enters the linear region with is what overshoots at all),
// and it settles short of the goal by the Coulomb friction over the
// P gain (no I gain).
func TestXM430StepResponse(t *testing.T) {
	cm, _ := motors.ByName("XM430-W350")
	m := &dynamixel.XM430W350
	sim, err := firmwaresim.New(testChain(1, -1), firmwaresim.Config{Seed: 1, Plant: plant.Config{
		Joints: []plant.Joint{{Armature: cm.Inertia, Coulomb: cm.Coulomb, Viscous: cm.Viscous, CountsPerRev: m.CountsPerRev}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, sim, Config{Models: []*dynamixel.Model{m}})
	r.write(1, 11, []byte{3}, 0)
	r.write(1, 116, u32(2048), 0)
	r.write(1, 64, []byte{1}, 0)
	sim.Step(200 * time.Millisecond)
	const step = 1024.0 // pulses: 90°
	r.write(1, 116, u32(2048+step), 0)
	pulse := 2 * math.Pi / m.CountsPerRev
	var t10, t90, peak, final float64
	for k := 1; k <= 1500; k++ { // 1.5 s in 1 ms
		sim.Step(time.Millisecond)
		sim.Lock()
		p := sim.Plant().Position()[0] / pulse / step // fraction of the step
		sim.Unlock()
		now := float64(k) * 1e-3
		if t10 == 0 && p >= 0.1 {
			t10 = now
		}
		if t90 == 0 && p >= 0.9 {
			t90 = now
		}
		peak, final = math.Max(peak, p), p
	}
	rise := t90 - t10
	bound := 0.8 * (math.Pi / 2) / cm.NoLoadSpeed()
	overshoot := math.Max(0, peak-1) * 100
	kp := 800.0 / 128 * m.CountsPerRev / (2 * math.Pi) * m.StallTorque / 885 // N·m/rad while unsaturated
	short := (1 - final) * step
	wantShort := cm.Coulomb / kp / pulse
	t.Logf("XM430-W350, P 800 I 0 D 0, 90° step (inertia %.4g kg·m², Coulomb %.3g N·m, estimates): rise 10–90 %% %.3f s (the no-load speed's bound %.3f s: ×%.2f), overshoot %.1f %%, %.1f pulses short after 1.5 s (Coulomb/P: %.1f)",
		cm.Inertia, cm.Coulomb, rise, bound, rise/bound, overshoot, short, wantShort)
	if t90 == 0 || rise < bound || rise > 1.3*bound {
		t.Errorf("rise time %.3f s, want between the no-load bound %.3f s and 1.3× it", rise, bound)
	}
	if overshoot > 5 {
		t.Errorf("overshoot %.1f %%, want under 5 %%", overshoot)
	}
	if short < -2 || short > wantShort+2 {
		t.Errorf("settled %.1f pulses short of the goal, want 0…%.1f (Coulomb friction over the P gain, ±2)", short, wantShort)
	}
}
