package gobotio

import (
	"fmt"
	"strconv"
	"time"

	"gobot.io/x/gobot/v2"
	"gobot.io/x/gobot/v2/platforms/joystick"
)

// joystickHaltWait bounds how long Close waits for gobot's joystick driver to
// halt: its Halt blocks until the polling loop takes the request, and that
// loop has already ended if the device failed a read (unplugged).
const joystickHaltWait = 500 * time.Millisecond

// Joystick is a joystick or gamepad opened with gobot's joystick platform:
// its adaptor connected and its driver started, publishing the events a
// Gamepad (or padbridge) subscribes to.
type Joystick struct {
	// Device is the device node, e.g. "/dev/input/js0".
	Device  string
	adaptor *joystick.Adaptor
	driver  *joystick.Driver
}

// OpenJoystick opens joystick index (0 for /dev/input/js0) with gobot's
// joystick adaptor and starts its driver with configuration config
// (joystick.Xbox360, joystick.Dualshock4, ...). Close releases it.
func OpenJoystick(index int, config string) (*Joystick, error) {
	if index < 0 {
		return nil, fmt.Errorf("gobotio: joystick index %d: want 0 or more", index)
	}
	id := strconv.Itoa(index)
	j := &Joystick{Device: "/dev/input/js" + id, adaptor: joystick.NewAdaptor(id)}
	if err := connectJoystick(j.adaptor); err != nil {
		return nil, fmt.Errorf("gamepad %s: %w", j.Device, err)
	}
	j.driver = joystick.NewDriver(j.adaptor, config)
	if err := j.driver.Start(); err != nil {
		_ = j.adaptor.Finalize()
		return nil, fmt.Errorf("gamepad %s: start: %w", j.Device, err)
	}
	return j, nil
}

// Events is the driver's event source (what Gamepad.Attach takes).
func (j *Joystick) Events() gobot.Eventer { return j.driver }

// Close halts the driver and closes the device. It waits for the driver's
// halt at most joystickHaltWait (see there), so it never hangs on a device
// that is already gone.
func (j *Joystick) Close() {
	halted := make(chan struct{})
	go func() {
		_ = j.driver.Halt()
		close(halted)
	}()
	select {
	case <-halted:
	case <-time.After(joystickHaltWait):
	}
	_ = j.adaptor.Finalize()
}

// connectJoystick connects a; the joystick library panics when an ioctl
// fails (a device node that is not a joystick), which is an error here.
func connectJoystick(a *joystick.Adaptor) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("not a joystick: %v", r)
		}
	}()
	return a.Connect()
}
