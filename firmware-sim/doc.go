// Package firmwaresim is the device side of chiron's drive protocols: simulated
// drive firmware that drives a physical plant and stands exactly where the
// hardware stands, so the real drivers, loop and safety layer run unchanged
// against it (hardware-in-the-loop).
//
// The package is layered. Sim owns the plant (package plant: rigid-body
// dynamics with friction, torque limits and encoder quantization) and one
// Drive per joint: the power stage and inner loops every protocol shares
// (enable, mode, targets, gains, faults, temperature). Protocol front ends in
// sub-packages (Dynamixel 2.0, CANopen CiA 402, CubeMars/MIT) parse the host's
// bytes with the drivers' own codecs and act on the Drives under Sim's lock.
// Transports (a pseudo-terminal, SLCAN over a pty, SocketCAN) carry the bytes.
//
// Time: in real-time mode a ticker steps the plant against the wall clock; in
// lockstep mode time advances only when the HIL runner calls Step, so a run is
// deterministic for its seed. Faults (dropped or delayed replies, bit errors,
// stuck or noisy encoders, over-temperature, drive faults, bus-off, dead
// nodes) are injected per device and time window from a textual spec.
//
// This package never imports control: it is the hardware, not the controller.
package firmwaresim
