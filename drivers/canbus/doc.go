// Package canbus carries CAN frames for chiron's CAN protocols (CANopen,
// CubeMars/MIT). Every transport yields the same frame type, go.einride.tech/can's
// can.Frame, behind the small Conn interface, so choosing SocketCAN or an SLCAN
// serial adapter is configuration, not code.
//
// Bus is an in-memory broadcast bus for tests and the lockstep simulator: every
// frame one connection writes is delivered to every other connection, as on a
// real CAN segment.
package canbus
