// Package watchdog keeps an external hardware watchdog alive from the
// control loop: a digital line the loop toggles as it writes the drives'
// commands, wired to a watchdog relay that opens the drives' Safe Torque
// Off (STO, IEC 61800-5-2 §4.2.2.2) input when the toggling stops.
//
// It is the master-loss protection of drives whose firmware has none.
// CiA 402 drives stop on their own when the host's heartbeat stops (0x1016
// consumer heartbeat, 0x6007 abort connection option) and Dynamixel servos
// when their Bus Watchdog (control table 98) expires, but a CubeMars motor
// in MIT mode executes its last command until it gets another one: a host
// that hangs, crashes or is starved leaves it pushing. Here the toggling
// happens in the loop's own write, on the loop's goroutine, so anything
// that stops the loop — a stalled cycle, a dead process, a wedged port —
// stops the toggling, and the relay takes the drives' torque away within
// its timeout, whatever the software is doing.
//
// A relay's feedback contact (external device monitoring, EN ISO 13849-1
// §6.2.3) tells the host that the relay opened: the Bus then reports a
// drive fault on the whole bus, so the supervisor enters Fault and a
// person decides what next, and it keeps reporting it until the loop has
// switched every drive off and the relay has closed again.
package watchdog
