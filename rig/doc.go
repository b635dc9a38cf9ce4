// Package rig is a real robot's drive configuration and the bus it opens:
// which protocol its drives speak, where they are (a serial port, a USB-CAN
// adapter, a SocketCAN interface), each joint's drive in chain order, and
// how that drive's convention (direction, zero, lead) maps onto the model's
// joint. `chiron serve --rig FILE` serves a robot from such a file.
//
// # The rig file
//
// One YAML document (JSON works too: YAML reads it). Decoding is strict: an
// unknown or repeated field, a value of the wrong kind, another protocol's
// field, or a value out of range is an *Error naming the file, the line
// and the field, e.g.
//
//	psm.yaml:21: joints[2].counts_per_rad: must be > 0 (drive position units per rad, ...)
//
// Top level:
//
//	protocol       dynamixel | canopen | cubemars (required)
//	transport      port: serial device (Dynamixel bus; with slcan: true a
//	               USB-CAN adapter), baud (default 1000000), bitrate (SLCAN
//	               CAN bit rate, default 1000000); or interface: SocketCAN
//	               (CAN protocols; set its bit rate with ip link)
//	reply_timeout  each cycle's wait for replies (default: the driver's)
//	dynamixel      position_mode: position (default) | extended-position,
//	               watchdog: the servos' Bus Watchdog, a multiple of 20ms up
//	               to 2.54s (default 100ms) or off (a bench only: nothing
//	               then stops the servos if the host dies)
//	canopen        master_node (127), heartbeat_period (10ms),
//	               master_timeout (10 × heartbeat), drive_heartbeat_period
//	               (20ms), drive_timeout (5 × drive heartbeat),
//	               on_master_loss: quick-stop (default) | disable-voltage |
//	               fault, sdo_timeout (100ms), state_timeout (1s)
//	cubemars       master_id (0), any_reply_id (false)
//	hardware_watchdog
//	               an external watchdog relay on the drives' Safe Torque
//	               Off input, kept alive by the loop (drivers/watchdog):
//	               port (its StandardFirmata board), pin (the trigger
//	               output, D2–D19), feedback_pin (the relay's feedback
//	               contact, on another 8-pin port; optional: with it a trip
//	               is a Fault), feedback_active_low, timeout (the relay's,
//	               from its data sheet). Required for cubemars: MIT-mode
//	               motors keep executing their last command when the host
//	               dies, and nothing else would stop them
//	safety         the supervisor's tolerances for this robot (default: from
//	               the model): watchdog_cycles (3), tracking_error (0.3),
//	               position_margin (0.05), velocity_scale and effort_scale
//	               (1, of the model's rated values), require_deadman
//	joints         one per model joint, in chain order (required)
//
// Every joint takes name (the model's joint at that position: required, so
// a file listing joints in another order is refused), direction (+1 or −1,
// required) and zero_offset (rad or m, default 0), with
//
//	joint position = direction · lead · drive position + zero_offset
//
// (lead is 1 except as below), and per protocol:
//
//	dynamixel  id (0–252), model (XM430-W350, XH430-W350, XM540-W270),
//	           lead (m/rad: required for a prismatic joint, travel per
//	           radian of the servo's shaft)
//	canopen    node (1–126), mode (CST: the host closes the impedance
//	           law; or CSP: the drive's own position loop), counts_per_rad
//	           (> 0; per metre for a prismatic joint; gearing included),
//	           rated_torque (N·m, 0x6076; default: read from the drive),
//	           gear_ratio, max_torque (written to 0x6072), torque_offset
//	           (CSP: map 0x60B2 for the gravity feed-forward), eds (the
//	           drive vendor's EDS or DCF, CiA 306, relative to the rig file:
//	           the PDO mappings the master configures are checked against
//	           it when the file is read, and a mapped object the drive does
//	           not list, or lists with another length, access or without
//	           PDO mapping, refuses the file naming the object, e.g.
//	           "RPDO1 maps 0x6071:00 (Target torque), which drive.eds:512
//	           says is not PDO-mappable")
//	cubemars   id (1–255), model (AK80-9, AK70-10, AK60-6, AK10-9), lead
//	           (as for dynamixel)
//
// Example (testdata/psm-canopen.yaml; testdata also holds psm-dynamixel.yaml
// and exo-cubemars.yaml):
//
//	protocol: canopen
//	transport:
//	  port: /dev/ttyACM0
//	  slcan: true
//	  bitrate: 1000000
//	reply_timeout: 20ms
//	canopen:
//	  heartbeat_period: 10ms
//	  master_timeout: 100ms
//	  on_master_loss: quick-stop
//	joints:
//	  - {name: outer_yaw,   node: 1, mode: CST, counts_per_rad: 20860.76, direction: 1}
//	  - {name: outer_pitch, node: 2, mode: CST, counts_per_rad: 20860.76, direction: 1}
//	  - {name: insertion,   node: 3, mode: CST, counts_per_rad: 1000000, direction: 1}
//	  ...
//
// # The bus
//
// Open checks the file against the model (Config.Check), opens the
// transport and brings the drives up (CANopen: the whole CiA 301/402
// start-up, with loss-of-master protection). The Bus it returns is the
// protocol driver behind a thin drivers.Bus that applies each joint's
// direction, zero offset and lead in place, allocating nothing per cycle.
// Close switches every drive off (torque off, disable voltage, exit motor
// mode) and releases the port: run it when the loop has stopped, so no
// drive is left executing the last command of a loop that no longer runs.
// OpenWith is Open with the transport and start-up clock given (Options):
// it is how the robot package opens simulated drives over a
// pseudo-terminal through this same host-side code.
//
// Homing is not done here: the zero offsets say where each encoder's zero
// is, which absolute encoders make enough; incremental ones need the arm at
// its reference pose at power-on.
package rig
