// Package probe lists what answers on a motor bus without enabling or
// moving anything: Dynamixel Protocol 2.0 pings and model reads, CANopen
// SDO reads of the device type, identity and CiA 402 mode after listening
// for heartbeats, CubeMars MIT-mode motors (optionally entering motor mode
// with zero torque for one exchange). It is what `chiron drivers probe`
// runs; the command only parses flags.
package probe
