package mitsim

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	catalogue "github.com/chiron-robotics/chiron/firmware-sim/motors"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// TestAK80WindingTripsAtStall: a simulated AK80-9 (configured by its
// catalogue name) held against a load at its peak torque — 18 N·m, 22 A,
// its listed peak current — heats by the catalogue's thermal model and
// trips when the model says (within 1 %), and the host sees the MIT
// reply's overtemperature fault, the code an injected "overtemp" fault
// gives; at its rated 9 N·m the winding settles below the limit and the
// motor runs on.
func TestAK80WindingTripsAtStall(t *testing.T) {
	m, ok := catalogue.ByName("AK80-9")
	if !ok {
		t.Fatal("AK80-9 not in the catalogue")
	}
	run := func(torque float64, d time.Duration) (tripped time.Duration, temp float64, fault cubemars.Fault) {
		sim, err := firmwaresim.New(testChain(1, -1), firmwaresim.Config{Seed: 1,
			Plant:    plant.Config{Substep: time.Millisecond},
			External: func(_ time.Duration, p *plant.Plant) { p.SetExternalTorque([]float64{-torque}) }})
		if err != nil {
			t.Fatal(err)
		}
		n := newNode(t, sim, Config{Models: []cubemars.Model{cubemars.AK80_9}})
		enter(n, 1)
		cmd := cubemars.CommandFrame(1, cubemars.AK80_9.Limits, cubemars.Command{Kp: 200, Kd: 2, Torque: torque})
		var out collect
		for tt := time.Duration(0); tt < d; tt += 10 * time.Millisecond {
			out = out[:0]
			n.HandleFrame(cmd, out.send)
			sim.Step(10 * time.Millisecond)
			dr := drive(sim, 0)
			temp = dr.Temperature
			if dr.Fault&drivers.StatusOverTemperature != 0 {
				tripped = sim.Now()
				out = out[:0]
				n.HandleFrame(cmd, out.send)
				r, err := cubemars.AK80_9.UnpackReply(out[0].Data[:8])
				if err != nil {
					t.Fatal(err)
				}
				return tripped, temp, r.Fault
			}
		}
		return 0, temp, cubemars.FaultNone
	}
	peak := m.PeakTorque
	want := m.TimeToTrip(peak, catalogue.Ambient)
	got, temp, fault := run(peak, time.Duration(1.5*want*float64(time.Second)))
	t.Logf("AK80-9 at %v N·m (%.1f A, %.1f W copper loss): winding settles toward %.1f °C, trips at %v °C after %.1f s (model %.1f s); the host reads fault %v",
		peak, m.Current(peak), m.CopperLoss(peak), m.SteadyTemperature(peak, catalogue.Ambient), m.MaxWinding, got.Seconds(), want, fault)
	if got == 0 || math.Abs(got.Seconds()-want) > 0.01*want {
		t.Errorf("tripped after %v at %.1f °C, the thermal model says %.1f s", got, temp, want)
	}
	if fault != cubemars.FaultOverTemperature {
		t.Errorf("reply fault %v, want overtemperature (%v)", fault, cubemars.FaultOverTemperature)
	}
	rated := m.RatedTorque
	got, temp, _ = run(rated, time.Duration(5*m.ThermalTimeConstant*float64(time.Second)))
	t.Logf("AK80-9 at its rated %v N·m: %.1f °C after 5 thermal time constants (steady %.1f °C), no fault", rated, temp, m.SteadyTemperature(rated, catalogue.Ambient))
	if got != 0 || temp > m.MaxWinding || math.Abs(temp-m.SteadyTemperature(rated, catalogue.Ambient)) > 1 {
		t.Errorf("at the rated torque: tripped after %v, %.1f °C", got, temp)
	}
}
