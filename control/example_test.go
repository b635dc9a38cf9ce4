package control_test

import (
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/control"
)

// A loop for a two-joint robot with the joint PD controller, stepped with
// virtual time as lockstep simulation does. A Runner would call the same
// loop at real deadlines.
func Example() {
	plant := control.NewIntegratorPlant(2, 0.5, 0.5) // any drivers.Bus
	pd, err := control.NewJointPD([]float64{100, 100}, []float64{10, 10}, nil)
	if err != nil {
		panic(err)
	}
	limits := control.JointLimits{PositionMin: -1, PositionMax: 1, Velocity: 3, Effort: 20, MaxKp: 500, MaxKd: 50}
	loop, err := control.NewLoop(control.Config{
		Bus:         plant,
		Period:      time.Millisecond,
		Controllers: []control.NamedController{{Name: "joint-pd", Controller: pd}},
		Safety:      control.SafetyConfig{Joints: []control.JointLimits{limits, limits}},
	})
	if err != nil {
		panic(err)
	}

	// The operator side: post a setpoint, ask to enable.
	sp := control.NewSetpoint(2)
	sp.Q[0], sp.Q[1] = 0.1, -0.1
	if _, err := loop.Setpoints().Post(sp); err != nil {
		panic(err)
	}
	loop.Supervisor().Enable()

	// The real-time side: one Step per period.
	for k := 1; k <= 2000; k++ {
		loop.Step(time.Duration(k) * time.Millisecond)
	}

	snap := loop.NewSnapshot()
	loop.Snapshot(snap)
	fmt.Printf("%s, %s, q = %.3f %.3f\n", snap.State, snap.Controller, snap.Joints[0].Position, snap.Joints[1].Position)
	for _, e := range snap.Events(nil) {
		fmt.Println(e)
	}
	// Output:
	// enabled, joint-pd, q = 0.100 -0.100
	// #1 t=1ms disabled→enabling: enable requested
	// #2 t=10ms enabling→enabled: enable complete
}
