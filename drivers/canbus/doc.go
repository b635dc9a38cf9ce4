// Package canbus carries CAN frames for chiron's CAN protocols (CANopen,
// CubeMars/MIT). Every transport yields the same frame type, go.einride.tech/can's
// can.Frame, behind the small Conn interface, so choosing SocketCAN or an SLCAN
// serial adapter is configuration, not code.
//
// Bus is an in-memory broadcast bus for tests and the lockstep simulator: every
// frame one connection writes is delivered to every other connection, as on a
// real CAN segment.
//
// # SLCAN
//
// SLCAN (the Lawicel ASCII protocol that CANable, USBtin and CANUSB adapters
// speak over a serial port) has two sides here. The host side is DialSLCAN,
// a Conn over a serialport.Port, built on AppendSLCAN (frame to line) and
// SLCANDecoder (adapter byte stream to frames, OK, BEL and acknowledgements).
// The device side is SLCANDevice, a model of the adapter firmware for the
// simulator: SLCANCommandDecoder parses host commands (S0–S8, O, L, C, t, T,
// r, R, V, N, F, ...), SLCANDevice.Input answers them and hands transmitted
// frames over, SLCANDevice.AppendReceived formats bus traffic for the host,
// and SLCANDevice.Serve wires a pty or Pipe to a Conn such as an in-memory
// Bus. Decoders are incremental (any split of the byte stream gives the same
// result), resynchronise at the next '\r' after garbage, name the offending
// bytes in a *SLCANSyntaxError, never panic and never allocate on valid
// input.
//
// WriteFrame over SLCAN does not wait for the adapter's answer: waiting would
// add a serial round trip to every cycle. A refusal (BEL) is reported by the
// next ReadFrame as ErrSLCANRefused.
//
// # SocketCAN
//
// DialSocketCAN opens a raw CAN socket on Linux (can0, vcan0, slcan0); on
// other systems it returns an error that says so. Reads use the socket's
// read deadline for the timeout.
package canbus
