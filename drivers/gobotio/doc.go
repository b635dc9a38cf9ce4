// Package gobotio connects chiron to gobot (gobot.io/x/gobot/v2): gobot's
// lifecycle for chiron's buses, and operator inputs read through gobot's
// platforms — a gamepad or joystick for teleoperation and a foot pedal
// (deadman switch) on an Arduino running StandardFirmata.
//
// # Lifecycle only
//
// BusAdaptor is a gobot.Adaptor around any drivers.Bus: Connect opens it
// through an injected function, Finalize disables the drives and closes it.
// JointDriver is one joint as a gobot.Driver: Start enables it, Halt makes it
// safe. Extra abilities are found by type assertion on small interfaces
// (Connector, Disabler, JointEnabler, JointDisabler), as gobot does, so the
// protocol packages need not know this one. Enabling is narrow (only a joint
// the bus can enable by itself); disabling is broad (the whole bus when it
// cannot disable one joint).
//
// Nothing here calls Read or Write. gobot's work loop (Robot.Work, Every,
// After) must never be the control loop: it runs on timers and goroutines
// with no deadline, allocates, and shares locks with the eventer. The control
// loop reads and writes the bus at its own fixed rate; gobot only brings the
// hardware up and down around it, and Halt/Finalize belong after the loop has
// stopped (or the bus must allow Disable concurrently with its cycle).
//
// # Gamepad
//
// Mapper turns the events of gobot's joystick platform — an axis name with
// a value in −32767…32767, or a button name with "_press"/"_release" — into
// an InputState: linear and angular velocity requests scaled to maximum
// speeds with dead zones, deadman and clutch held, gripper, and a latched
// e-stop. Xbox360Mapping and DualShock4Mapping match gobot's configurations
// of those pads. Gamepad subscribes a Mapper to a joystick driver's events and
// serves the input by copy (Input) or callback. Losing the device (the
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
// goroutine and Halt never waits on it. The pedal builds on Linux only:
// gobot v2.6.0's firmata platform does not build elsewhere.
package gobotio
