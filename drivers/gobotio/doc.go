// Package gobotio connects chiron to gobot (gobot.io/x/gobot/v2): operator
// inputs read through gobot's platforms — a gamepad or joystick for
// teleoperation and a surgeon's foot pedal (deadman and clutch switches) on an
// Arduino running StandardFirmata.
//
// gobot is used for what it does well here — reaching input devices through
// its platforms (joystick, firmata) — and never for the motors: gobot's work
// loop (Robot.Work, Every, After) runs on timers and goroutines with no
// deadline, allocates, and shares locks with the eventer, so it must never be
// the control loop, and the drives' lifecycle belongs to the robot package.
// The devices are opened and closed explicitly (OpenJoystick, OpenFootPedal)
// rather than as a gobot.Robot: Robot.Stop halts every driver and gobot's
// joystick Halt blocks for ever once the device is gone, and Robot logs
// through the standard logger.
//
// # Gamepad
//
// Mapper turns the events of gobot's joystick platform — an axis name with
// a value in −32767…32767, or a button name with "_press"/"_release" — into
// an InputState: linear and angular velocity requests scaled to maximum
// speeds with dead zones, deadman and clutch held, gripper, and a latched
// e-stop. Xbox360Mapping and DualShock4Mapping match gobot's configurations
// of those pads. Gamepad subscribes a Mapper to a joystick driver's events and
// serves the input by copy (Input) or callback; OpenJoystick opens the device
// with gobot's joystick platform. Losing the device (the
// driver's "error" event) drops every control. InputState.Gated zeroes motion
// unless the deadman is held, the clutch free and no e-stop latched; the
// safety supervisor still decides what reaches the drives.
//
// # Foot pedal
//
// Pedal reads a digital pin through gobot's firmata adaptor (opened through
// an injectable port opener, see NewFirmataAdaptor) and reports pressed or
// released with timestamps, failing safe: a press counts once debounced, a
// release at once; no report within the timeout or a link error reads as
// released; and after start or any such trip the pedal must be seen released
// before a press counts again. Because StandardFirmata reports inputs only on
// change, the pedal re-enables its port's reporting every interval, which
// StandardFirmata answers with the port's value: that answer is the board's
// heartbeat.
//
// The pedal listens to the firmata client's pin events rather than gobot's
// gpio.ButtonDriver: ButtonDriver polls the adaptor's DigitalRead, which reads
// the client's pin table without a lock (a data race with the client's reader)
// and keeps returning the last value after the board is gone, so it cannot
// tell a held pedal from a dead link. Two more gobot v2.6.0 behaviours are
// worked around: the firmata client re-reads a failed port in a tight loop
// (the link is wrapped to report the failure once), and gobot's eventer holds
// its lock while delivering, so unsubscribing drains the channel in its own
// goroutine and Halt never waits on it.
//
// FootPedal is a surgeon's foot pedal on one board: a deadman pedal and an
// optional clutch pedal, two Pedals on one adaptor, read together as a
// PedalInput (the deadman drops if either pedal cannot be heard; Lost once the
// link has failed). OpenFootPedal connects the board through gobot's firmata
// adaptor; package firmatatest is a fake board for tests. The pedals build on
// Linux only: gobot v2.6.0's firmata platform does not build elsewhere.
package gobotio
