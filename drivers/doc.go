// Package drivers is chiron's hardware interface: the per-joint state and command
// types that the control loop exchanges with every bus, and the typed errors a bus
// reports so the safety supervisor can react to them.
//
// The command is impedance-shaped (position, velocity, feed-forward effort, kp, kd)
// because that is the superset MIT-style drives execute natively; position,
// velocity and torque modes are its special cases (see Mode). A bus reads all its
// joints and writes all commands once per control cycle.
//
// Transports and protocols live in sub-packages, one concern each:
// serial ports (serialport), CAN frames over SocketCAN or SLCAN (canbus), CANopen
// CiA 301/402 (canopen), CubeMars/MIT actuators (cubemars) and Dynamixel
// Protocol 2.0 (dynamixel). Their codecs are exported in both directions so the
// firmware simulator speaks the device side with the same wire encoding.
//
// This package imports nothing else of chiron's.
package drivers
