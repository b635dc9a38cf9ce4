package exercise_test

import (
	"fmt"
	"math"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab/exercise"
	"github.com/chiron-robotics/chiron/robots"
)

// A passive range-of-motion block on the lower-limb exoskeleton, scaled to
// the patient and run in lockstep virtual time on the simulated plant: the
// supervisor is configured from the patient's limits, the loop holds the
// exercise's controller, and the runner records repetitions.
func Example() {
	deg := func(d float64) float64 { return d * math.Pi / 180 }
	chain, err := robots.LowerLimbExo(robots.LowerLimbSpec{Height: 1.80, Mass: 80, WithLimb: true})
	if err != nil {
		panic(err)
	}
	gravity := func() control.GravityModel { return kinematics.NewDynamics(chain) }

	// What the clinician recorded: hip −10°…90°, knee 5°…100°.
	patient := []exercise.JointLimit{
		{Min: deg(-10), Max: deg(90), Effort: 60, Velocity: 2},
		{Min: deg(5), Max: deg(100), Effort: 40, Velocity: 2},
	}
	safety, err := exercise.SafetyConfig(chain, patient, exercise.SafetyOptions{HoldGravity: gravity()})
	if err != nil {
		panic(err)
	}
	prom, err := exercise.NewPassive(2, exercise.PassiveConfig{Name: "knee-prom", PeakSpeed: 0.8, Gravity: gravity(),
		Shuttle: exercise.Shuttle{From: []float64{deg(20), deg(10)}, To: []float64{deg(20), deg(80)}, Repetitions: 2,
			Hold: 500 * time.Millisecond}})
	if err != nil {
		panic(err)
	}
	protocol := exercise.Protocol{prom}
	hold, err := exercise.Hold(2, 300, 30, gravity())
	if err != nil {
		panic(err)
	}
	ctrls, err := protocol.Controllers(hold)
	if err != nil {
		panic(err)
	}

	// The robot: the firmware-sim plant behind an in-process bus.
	pl, err := plant.New(chain, plant.Config{})
	if err != nil {
		panic(err)
	}
	pl.SetState([]float64{deg(20), deg(10)}, nil)
	bus, err := plant.NewBus(pl, nil)
	if err != nil {
		panic(err)
	}
	loop, err := control.NewLoop(control.Config{Bus: bus, Period: time.Millisecond, Controllers: ctrls, Safety: safety})
	if err != nil {
		panic(err)
	}

	sink := exercise.SinkFuncs{OnEvent: func(e *exercise.Event) {
		if e.Kind == exercise.EventRepetition {
			fmt.Printf("%s repetition %d: knee %.0f°\n", e.Name, e.Repetition, e.ROM[1])
		}
	}}
	runner, err := exercise.NewRunner(exercise.RunnerConfig{Robot: exercise.NewLoopRobot(loop, gravity()), Protocol: protocol, Sink: sink})
	if err != nil {
		panic(err)
	}
	if err := runner.Start(); err != nil {
		panic(err)
	}
	for now := time.Millisecond; !runner.Done(); now += time.Millisecond {
		loop.Step(now)
		if now%(5*time.Millisecond) == 0 { // the runner at 200 Hz
			if err := runner.Step(now); err != nil {
				panic(err)
			}
		}
	}
	fmt.Println(runner.Status().Phase)
	// Output:
	// knee-prom repetition 1: knee 70°
	// knee-prom repetition 2: knee 70°
	// completed
}
