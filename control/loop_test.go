package control

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

func TestEnableAndTrack(t *testing.T) {
	r := newRig(t, 2, nil)
	r.steps(3)
	if s := r.snapshot(); s.State != Disabled || s.Sent[0].Mode != drivers.ModeOff || r.bus.sent[0].Mode != drivers.ModeOff {
		t.Fatalf("initial: state %s, sent %v", s.State, r.bus.sent[0])
	}
	r.enable()
	r.sp.Q[0], r.sp.Q[1] = 0.2, -0.2
	r.post()
	r.steps(2000)
	s := r.snapshot()
	if s.State != Enabled {
		t.Fatalf("state %s (%s)", s.State, s.Reason)
	}
	if math.Abs(r.bus.plant.Position(0)-0.2) > 1e-3 || math.Abs(r.bus.plant.Position(1)+0.2) > 1e-3 {
		t.Fatalf("did not track: q = %v, %v", r.bus.plant.Position(0), r.bus.plant.Position(1))
	}
	if c := r.bus.sent[0]; c.Mode != drivers.ModeImpedance || c.Position != 0.2 || c.Kp != 100 {
		t.Fatalf("sent %+v", c)
	}
	if s.SetpointSeq != 2 || s.Controller != "pd" || s.Cycle != uint64(r.bus.writes) {
		t.Fatalf("snapshot seq %d controller %q cycle %d writes %d", s.SetpointSeq, s.Controller, s.Cycle, r.bus.writes)
	}
}

// TestStepAllocatesNothing runs full enabled cycles (workspace check through
// FK included) while setpoints, gain changes, controller switches and
// refused requests arrive, and requires zero allocations, on the loop's side
// and on the requesters' side alike.
func TestStepAllocatesNothing(t *testing.T) {
	r := newRig(t, 6, func(c *Config) {
		c.FK = sumFK{}
		c.Safety.Workspace = &Box{Min: [3]float64{-10, -10, -10}, Max: [3]float64{10, 10, 10}}
		pd2, err := NewJointPD([]float64{50, 50, 50, 50, 50, 50}, []float64{5, 5, 5, 5, 5, 5}, constGravity(0.5))
		if err != nil {
			t.Fatal(err)
		}
		c.Controllers = append(c.Controllers, NamedController{"pd2", pd2})
	})
	r.enable()
	r.steps(10)
	gains := Gains{Kp: []float64{80, 80, 80, 80, 80, 80}, Kd: []float64{8, 8, 8, 8, 8, 8}}
	names := [2]string{"pd", "pd2"}
	k := 0
	allocs := testing.AllocsPerRun(2000, func() {
		k++
		r.sp.Q[0] = 0.1 * math.Sin(float64(k)/100)
		r.post()
		switch k % 500 {
		case 100:
			if err := r.loop.SetGains("pd", gains); err != nil {
				t.Fatal(err)
			}
		case 200:
			if err := r.loop.SwitchController(names[(k/500)%2]); err != nil {
				t.Fatal(err)
			}
		case 300:
			r.sup.Reset() // refused while enabled: an event
		}
		r.steps(1)
	})
	if allocs != 0 {
		t.Fatalf("a cycle allocates %v times", allocs)
	}
	s := r.snapshot()
	if s.State != Enabled || s.EventsTotal() < 10 {
		t.Fatalf("state %s, %d events", s.State, s.EventsTotal())
	}
}

// sumFK is a toy forward kinematics: the tool is at (Σq, 0, 0).
type sumFK struct{}

func (sumFK) ToolPosition(q []float64) [3]float64 {
	s := 0.0
	for _, v := range q {
		s += v
	}
	return [3]float64{s, 0, 0}
}

func BenchmarkStep(b *testing.B) {
	for _, n := range []int{2, 7} {
		b.Run(fmt.Sprintf("%djoints", n), func(b *testing.B) {
			r := newRig(b, n, nil)
			r.enable()
			b.ReportAllocs()
			for b.Loop() {
				r.steps(1)
			}
			if r.sup.State() != Enabled {
				b.Fatalf("state %s", r.sup.State())
			}
		})
	}
}

// stillBus reports every joint at rest at 0.1 rad and discards commands: it
// costs next to nothing, so BenchmarkStepLoopOnly measures the loop itself.
type stillBus struct{ n int }

func (b stillBus) Joints() int { return b.n }
func (b stillBus) Read(now time.Duration, st []drivers.JointState) error {
	for i := range st {
		st[i] = drivers.JointState{Position: 0.1, Status: drivers.StatusEnabled, Stamp: now}
	}
	return nil
}
func (b stillBus) Write(time.Duration, []drivers.JointCommand) error { return nil }

func BenchmarkStepLoopOnly(b *testing.B) {
	for _, n := range []int{2, 7} {
		b.Run(fmt.Sprintf("%djoints", n), func(b *testing.B) {
			r := newRig(b, n, func(c *Config) {
				c.Bus = stillBus{n}
				c.FK = sumFK{}
				c.Safety.Workspace = &Box{Min: [3]float64{-10, -10, -10}, Max: [3]float64{10, 10, 10}}
			})
			r.enable()
			b.ReportAllocs()
			for b.Loop() {
				r.steps(1)
			}
			if r.sup.State() != Enabled {
				b.Fatalf("state %s", r.sup.State())
			}
		})
	}
}
