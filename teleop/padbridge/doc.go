// Package padbridge connects a physical gamepad (gobot's joystick platform,
// through drivers/gobotio) to a chiron teleoperation server as an ordinary
// Foxglove WebSocket client.
//
// # Why a client
//
// The bridge dials the server's own /ws with an operator token, exactly as
// the browser console does, instead of handing setpoints to the robot
// directly. Everything the server enforces for a person at a browser then
// holds for a person at a gamepad, with no second code path to keep in
// step: token authentication and roles, one operator in control at a time,
// the deadman and clutch, motion scaling, the tremor filter, speed and
// workspace limits, the 100 ms heartbeat hold, the 1 s silence stop, the
// protective stop of an operator who vanishes, and the e-stop. There is no
// back door: a bridge that misbehaves is refused the way a browser would be.
//
// # Behaviour
//
// The bridge takes control only on a deliberate press of the pad's deadman
// (a rising edge), never at start: a server started with a pad plugged in
// must not claim the robot from whoever is about to use the browser, and
// nobody is holding the pad at start. If another operator holds control,
// the server refuses the take with a status error; the bridge reports it,
// commands nothing, and tries again only on the next deadman press — a
// browser operator is never displaced.
//
// While in control it publishes /teleop/command at Config.Rate (100 Hz) from
// the pad's input: an increasing seq, the deadman and clutch, the sticks'
// velocities in the "tool" frame and the gripper (teleop's convention,
// 1 open … 0 closed; the pad's trigger closes it). A latched pad e-stop
// publishes /teleop/estop {"engage":true} at once, whether or not the
// bridge holds control, and sends the deadman released from then on; the
// pad never releases an e-stop. Once the server reports the e-stop released
// (by an operator at the console), the pad's latch is cleared when its
// e-stop control is no longer held, so the pad can be used again after a
// fresh deadman press.
//
// A lost device (gobot's joystick driver publishes "error" and stops
// reading) counts as a released deadman: the bridge sends one command with
// the deadman released (the arm holds within a cycle) and then falls
// silent, so the server's own rules apply, as for a browser that went
// away: after SilenceStop (1 s) it protective-stops the robot. Once the
// server reports the protective stop (or after Config.LostRelease), the
// bridge releases control, so a browser operator can take over, and Run
// returns an error wrapping ErrDeviceLost.
//
// A pad put down (the deadman released for Config.IdleRelease, 10 s)
// hands control back to the server, so the robot is free for the browser.
//
// # Foot pedal
//
// Surgeons drive with their hands on the master and their feet on pedals.
// With a foot pedal (Config.Pedal, a gobotio.FootPedal: a deadman pedal and
// an optional clutch pedal on an Arduino running StandardFirmata) the pedal
// provides the deadman and clutch of the bridge's commands and the hand
// controller the motion: the deadman is the pedal's alone (the pad's deadman
// trigger no longer counts, so one switch, the one with a link watchdog,
// decides), the clutch is held while the clutch pedal or the pad's clutch is
// (either may only stop motion), and the pad's e-stop works as before. The
// pedal goes the same way as the pad, as this one operator client's
// commands: there is no pedal input to the server beside the operator
// semantics, and a pedal cannot lend its deadman to another client (a
// browser operator's commands carry their own).
//
// Pressing the deadman pedal takes control (a rising edge, as the pad's
// trigger does); releasing it sends the deadman released on the next tick
// (Config.Rate), well within the server's 100 ms heartbeat, and the arm
// holds. A board that stops reporting for longer than the pedal's timeout
// (250 ms) reads as released, and must be seen released again before a press
// counts. A board unplugged (the link fails) is a lost device, as a lost pad:
// one command with the deadman released (the arm holds), then silence and
// the server's silence stop, control handed back, and Run returns an error
// wrapping ErrDeviceLost.
//
// # Devices
//
// OpenDevices opens the hand controller (gobot's joystick platform) and the
// foot pedal (gobot's firmata platform) a front end names, Devices.Start runs
// a bridge on them against a server, and Devices.Stop ends it and closes the
// devices; Layouts are the pads' layouts. Local gives the URL and dialer for
// a server in this process (its loopback address, its own TLS certificate
// pinned).
package padbridge
