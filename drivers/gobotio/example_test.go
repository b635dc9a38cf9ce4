package gobotio_test

import (
	"fmt"

	"gobot.io/x/gobot/v2"
	"gobot.io/x/gobot/v2/platforms/joystick"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/gobotio"
)

// An Xbox 360 pad as a teleoperation input: up to 5 cm/s and 0.5 rad/s,
// right trigger as the deadman. The input goes to whoever runs the setpoint
// mailbox; the gamepad never commands the robot.
func ExampleGamepad() {
	pad := joystick.NewAdaptor("0")
	stick := joystick.NewDriver(pad, joystick.Xbox360)
	g, err := gobotio.NewGamepad(gobotio.Xbox360Mapping(0.05, 0.5), func(in gobotio.InputState) {
		fmt.Println(in.Gated().Linear) // e.g. hand to the teleop mailbox
	})
	if err != nil {
		panic(err)
	}
	robot := gobot.NewRobot("console", []gobot.Connection{pad}, []gobot.Device{stick})
	if err := robot.Start(false); err != nil {
		panic(err)
	}
	defer robot.Stop()
	if err := g.Attach(stick); err != nil {
		panic(err)
	}
	defer g.Detach()
}

// A bus under gobot's lifecycle: the robot connects it and enables the joints;
// Stop halts the joints and disables and closes the bus. The control loop,
// not gobot, reads and writes it in between.
func ExampleBusAdaptor() {
	open := func() (drivers.Bus, error) { return nil, fmt.Errorf("no hardware in this example") }
	arm := gobotio.NewBusAdaptor("arm", open)
	joints := []gobot.Device{gobotio.NewJointDriver(arm, 0, "shoulder"), gobotio.NewJointDriver(arm, 1, "elbow")}
	robot := gobot.NewRobot("chiron", []gobot.Connection{arm}, joints)
	if err := robot.Start(false); err != nil {
		fmt.Println("start:", err != nil)
		return
	}
	defer robot.Stop()
	// Output: start: true
}
