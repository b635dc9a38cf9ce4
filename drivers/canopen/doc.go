// Package canopen speaks CANopen (CiA 301) and the CiA 402 drive profile over
// a canbus.Conn, from the master (host) side, with codecs that work in both
// directions so a simulated drive can use the same encoding.
//
// Work in progress: codecs and the SDO client/server are in place; the
// drivers.Bus network follows.
package canopen
