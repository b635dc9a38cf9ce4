package dxlsim

import (
	"fmt"
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
	res := xm430Step(t, nil)
	cm, _ := motors.ByName("XM430-W350")
	m := &dynamixel.XM430W350
	bound := 0.8 * (math.Pi / 2) / cm.NoLoadSpeed()
	kp := 800.0 / 128 * m.CountsPerRev / (2 * math.Pi) * m.StallTorque / 885 // N·m/rad while unsaturated
	wantShort := cm.Coulomb / kp / (2 * math.Pi / m.CountsPerRev)
	t.Logf("XM430-W350, P 800 I 0 D 0, 90° step (inertia %.4g kg·m², Coulomb %.3g N·m, estimates): rise 10–90 %% %.3f s (the no-load speed's bound %.3f s: ×%.2f), overshoot %.1f %%, %.1f pulses short after 3 s (Coulomb/P: %.1f)",
		cm.Inertia, cm.Coulomb, res.rise, bound, res.rise/bound, res.overshoot, res.short, wantShort)
	if res.rise == 0 || res.rise < bound || res.rise > 1.3*bound {
		t.Errorf("rise time %.3f s, want between the no-load bound %.3f s and 1.3× it", res.rise, bound)
	}
	if res.overshoot > 5 {
		t.Errorf("overshoot %.1f %%, want under 5 %%", res.overshoot)
	}
	if res.short < -2 || res.short > wantShort+2 {
		t.Errorf("settled %.1f pulses short of the goal, want 0…%.1f (Coulomb friction over the P gain, ±2)", res.short, wantShort)
	}
}

// TestXM430StepResponseFollowsGains: the same 90° step with gains written
// through the protocol changes as the e-Manual's PID says it must:
//
//   - P 1600: the PWM still saturates over the move (rise at the no-load
//     bound, within 30 %), and friction's offset halves (Coulomb/KPP);
//   - P 100: the PWM saturates only beyond 885·128/100 = 1133 pulses, more
//     than the step, so the loop stays linear: a first-order lag whose time
//     constant is the back-EMF's damping over the proportional gain
//     (τ = b/kp) and which friction leaves short by F_c/kp, so its rise
//     10–90 % follows from x(t) = (S − F_c/kp)(1 − e^(−t/τ)) (the rotor's
//     inertia adds little: within 15 %);
//   - P 800 with Position I Gain 1000: the integral removes friction's
//     offset (within 2 pulses after 3 s);
//   - P 800 with Position D Gain 4000: damping slows the rise.
func TestXM430StepResponseFollowsGains(t *testing.T) {
	cm, _ := motors.ByName("XM430-W350")
	m := &dynamixel.XM430W350
	pulse := 2 * math.Pi / m.CountsPerRev
	kpOf := func(p float64) float64 { return p / 128 / pulse * m.StallTorque / 885 }
	bound := 0.8 * (math.Pi / 2) / cm.NoLoadSpeed()
	b := m.StallTorque / cm.NoLoadSpeed() // back-EMF damping, N·m·s/rad
	def := xm430Step(t, nil)
	for _, tc := range []struct {
		name  string
		gains map[uint16]int16
		check func(r stepResult) string
	}{
		{"P 1600", map[uint16]int16{84: 1600}, func(r stepResult) string {
			want := cm.Coulomb / kpOf(1600) / pulse
			if r.rise < bound || r.rise > 1.3*bound || r.short < -2 || r.short > want+2 {
				return fmt.Sprintf("rise %.3f s (want %.3f–%.3f), %.1f pulses short (want 0…%.1f)", r.rise, bound, 1.3*bound, r.short, want)
			}
			return ""
		}},
		{"P 100", map[uint16]int16{84: 100}, func(r stepResult) string {
			// x(t) = (S − F_c/kp)(1 − e^(−t/τ)), τ = b/kp: friction takes
			// F_c/kp off the step, so 90 % of it comes late.
			tau, f := b/kpOf(100), cm.Coulomb/kpOf(100)/pulse
			at := func(frac float64) float64 { return -tau * math.Log(1-frac*1024/(1024-f)) }
			want := at(0.9) - at(0.1)
			if math.Abs(r.rise-want) > 0.15*want {
				return fmt.Sprintf("rise %.3f s, the linear loop with friction (τ = b/kp = %.3f s, F_c/kp = %.0f pulses) gives %.3f s", r.rise, tau, f, want)
			}
			return ""
		}},
		{"P 800, I 1000", map[uint16]int16{82: 1000}, func(r stepResult) string {
			if math.Abs(r.short) > 2 {
				return fmt.Sprintf("%.1f pulses short after 3 s, want within 2 (the default gains leave %.1f)", r.short, def.short)
			}
			return ""
		}},
		{"P 800, D 4000", map[uint16]int16{80: 4000}, func(r stepResult) string {
			if !(r.rise > 1.05*def.rise) {
				return fmt.Sprintf("rise %.3f s, want slower than the default gains' %.3f s", r.rise, def.rise)
			}
			return ""
		}},
	} {
		r := xm430Step(t, tc.gains)
		t.Logf("%s: rise %.3f s, overshoot %.1f %%, %.1f pulses short after 3 s", tc.name, r.rise, r.overshoot, r.short)
		if msg := tc.check(r); msg != "" {
			t.Errorf("%s: %s", tc.name, msg)
		}
	}
}

// stepResult is a 90° step's response: 10–90 % rise time (0: never
// reached 90 %), overshoot (% of the step) and the offset (pulses short of
// the goal) after 3 s.
type stepResult struct{ rise, overshoot, short float64 }

// xm430Step steps a simulated XM430-W350 (the catalogue's reflected inertia
// and friction on its shaft, nothing else) in Position mode by 90° (1024
// pulses), after writing gains (address → value) through the protocol.
func xm430Step(t *testing.T, gains map[uint16]int16) stepResult {
	t.Helper()
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
	for addr, v := range gains {
		r.write(1, addr, u16b(v), 0)
	}
	sim.Step(200 * time.Millisecond)
	const step = 1024.0 // pulses: 90°
	r.write(1, 116, u32(2048+step), 0)
	pulse := 2 * math.Pi / m.CountsPerRev
	start := sim.Plant().Position()[0] / pulse / step
	var t10, t90, peak, final float64
	for k := 1; k <= 3000; k++ { // 3 s in 1 ms
		sim.Step(time.Millisecond)
		sim.Lock()
		p := sim.Plant().Position()[0]/pulse/step - start // fraction of the step
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
	res := stepResult{overshoot: math.Max(0, peak-1) * 100, short: (1 - final) * step}
	if t90 > 0 {
		res.rise = t90 - t10
	}
	return res
}
