package gobotio_test

import (
	"fmt"

	"gobot.io/x/gobot/v2/platforms/joystick"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
)

// An Xbox 360 pad as a teleoperation input: up to 5 cm/s and 0.5 rad/s,
// right trigger as the deadman. The input goes to whoever runs the setpoint
// mailbox; the gamepad never commands the robot.
func ExampleGamepad() {
	g, err := gobotio.NewGamepad(gobotio.Xbox360Mapping(0.05, 0.5), func(in gobotio.InputState) {
		fmt.Println(in.Gated().Linear) // e.g. hand to the teleop mailbox
	})
	if err != nil {
		panic(err)
	}
	stick, err := gobotio.OpenJoystick(0, joystick.Xbox360)
	if err != nil {
		fmt.Println(err) // no /dev/input/js0 here
		return
	}
	defer stick.Close()
	if err := g.Attach(stick.Events()); err != nil {
		panic(err)
	}
	defer g.Detach()
}
