package control

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

const testPeriod = time.Millisecond

// fakeBus is an IntegratorPlant with fault injection and a record of what
// the loop wrote.
type fakeBus struct {
	plant    *IntegratorPlant
	readErr  error
	writeErr error
	status   []drivers.Status // OR-ed into each joint's status
	stampLag time.Duration    // subtracted from each stamp
	pos2     []float64        // Position2 = Position + pos2[i], HasPosition2 when set
	effort   []float64        // when not NaN, replaces the measured effort
	velocity []float64        // when not NaN, replaces the measured velocity
	position []float64        // when not NaN, replaces the measured position
	noEnable bool             // never report StatusEnabled
	deaf     bool             // the drives ignore new commands and keep executing the last ones
	onRead   func(now time.Duration)
	sent     []drivers.JointCommand
	writes   int
}

func newFakeBus(n int) *fakeBus {
	b := &fakeBus{plant: NewIntegratorPlant(n, 0.5, 0.5), status: make([]drivers.Status, n),
		effort: nans(n), velocity: nans(n), position: nans(n), sent: make([]drivers.JointCommand, n)}
	return b
}

func nans(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}

func (b *fakeBus) Joints() int { return b.plant.Joints() }

func (b *fakeBus) Read(now time.Duration, st []drivers.JointState) error {
	if b.onRead != nil {
		b.onRead(now)
	}
	if err := b.plant.Read(now, st); err != nil {
		return err
	}
	for i := range st {
		if b.noEnable {
			st[i].Status &^= drivers.StatusEnabled
		}
		st[i].Status |= b.status[i]
		st[i].Stamp -= b.stampLag
		if !math.IsNaN(b.position[i]) {
			st[i].Position = b.position[i]
		}
		if !math.IsNaN(b.effort[i]) {
			st[i].Effort = b.effort[i]
		}
		if !math.IsNaN(b.velocity[i]) {
			st[i].Velocity = b.velocity[i]
		}
		if b.pos2 != nil {
			st[i].Position2, st[i].HasPosition2 = st[i].Position+b.pos2[i], true
		}
	}
	return b.readErr
}

func (b *fakeBus) Write(now time.Duration, cmds []drivers.JointCommand) error {
	b.writes++
	copy(b.sent, cmds)
	if b.writeErr != nil {
		return b.writeErr
	}
	if b.deaf {
		return nil
	}
	return b.plant.Write(now, cmds)
}

func testLimits(n int) []JointLimits {
	l := make([]JointLimits, n)
	for i := range l {
		l[i] = JointLimits{PositionMin: -1, PositionMax: 1, PositionMargin: 0.05, Velocity: 3, Effort: 20,
			MaxKp: 500, MaxKd: 20, BumplessStep: 1}
	}
	return l
}

type rig struct {
	t     testing.TB
	loop  *Loop
	bus   *fakeBus
	now   time.Duration
	pd    *JointPD
	sp    *Setpoint
	snap  *Snapshot
	sup   *Supervisor
	cycle int
}

func newRig(t testing.TB, n int, mutate func(*Config)) *rig {
	t.Helper()
	bus := newFakeBus(n)
	kp, kd := make([]float64, n), make([]float64, n)
	for i := range kp {
		kp[i], kd[i] = 100, 10
	}
	pd, err := NewJointPD(kp, kd, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Bus: bus, Period: testPeriod, Controllers: []NamedController{{"pd", pd}},
		Safety: SafetyConfig{Joints: testLimits(n)}}
	if mutate != nil {
		mutate(&cfg)
	}
	l, err := NewLoop(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, loop: l, bus: bus, pd: pd, sp: NewSetpoint(n), snap: l.NewSnapshot(), sup: l.Supervisor()}
	r.sp.Deadman = true
	return r
}

// steps runs k cycles.
func (r *rig) steps(k int) {
	for range k {
		r.now += testPeriod
		r.loop.Step(r.now)
	}
}

func (r *rig) post() {
	r.t.Helper()
	if _, err := r.loop.Setpoints().Post(r.sp); err != nil {
		r.t.Fatal(err)
	}
}

// enable posts the current setpoint, enables, and runs until Enabled.
func (r *rig) enable() {
	r.t.Helper()
	r.post()
	r.sup.Enable()
	for range 100 {
		r.steps(1)
		if r.sup.State() == Enabled {
			return
		}
	}
	r.t.Fatalf("not enabled after 100 cycles: %s", r.snapshot().Reason)
}

func (r *rig) snapshot() *Snapshot {
	r.loop.Snapshot(r.snap)
	return r.snap
}

// lastEvent returns the newest event.
func (r *rig) lastEvent() Event {
	ev := r.snapshot().Events(nil)
	if len(ev) == 0 {
		r.t.Fatal("no events")
	}
	return ev[len(ev)-1]
}
