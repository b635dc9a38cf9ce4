// Package canopensim simulates CiA 402 servo drives on a CAN bus: the device
// side of CANopen (CiA 301) and the CiA 402 drive profile, driving
// firmwaresim's simulated plant. Node implements firmwaresim.CANNode, so it
// runs on an in-memory canbus.Bus (firmwaresim.ServeCAN) or behind
// firmwaresim.SLCANServer on a pseudo-terminal, where a host opens the pty
// with go.bug.st/serial and canbus.DialSLCAN exactly as it opens a USB-CAN
// adapter; chiron's canopen.Network then runs byte for byte against it.
// Frames are encoded and decoded with package canopen's codecs.
//
// # Drives and object dictionary
//
// Joint i of the chain (0-based) is the drive with node ID i+1. Each drive
// has an object dictionary with 0x1000 device type (0x00020192, servo
// drive, read-only), 0x1001 error register, 0x1008 device name, 0x1016
// consumer heartbeat (sub-indices 1–4), 0x1017 producer heartbeat, 0x1018
// identity, the PDO parameters 0x1400–0x1403, 0x1600–0x1603, 0x1800–0x1803
// and 0x1A00–0x1A03, and the CiA 402 objects 0x603F error code, 0x6007 abort
// connection option, 0x6040 controlword, 0x6041 statusword, 0x605A quick
// stop option, 0x6060/0x6061 modes (8 CSP, 9 CSV, 10 CST), 0x6064 position,
// 0x606C velocity, 0x6071 target torque, 0x6072 max torque, 0x6076 rated
// torque, 0x6077 torque, 0x607A target position, 0x6085 quick stop
// deceleration, 0x60B1 velocity offset, 0x60B2 torque offset, 0x60FF target
// velocity, 0x6502 supported modes, and the control parameter sets below.
//
// # Control parameter sets
//
// The drive's own loops (CSP and CSV, and the quick stop ramp) are a
// servo's cascade — position P → velocity PI → torque, anti-windup,
// firmwaresim's plant.DriveLoop — with the gains CiA 402-2 leaves to the
// manufacturer in 0x60F9 "Velocity control parameter set" and 0x60FB
// "Position control parameter set". This drive's sub-indices (UNSIGNED32,
// read-write, reset to the power-on values by NMT reset node):
//
//	0x60F9:01  velocity loop gain, mN·m·s/rad (mN·s/m)
//	0x60F9:02  velocity loop integral gain, mN·m/rad (mN/m): the torque per
//	           unit of integrated velocity error; 0 turns the integral off
//	0x60FB:01  position loop gain, 0.001 /s: velocity demand per unit of
//	           position error
//
// Power-on values are the simulator's gains tuned to the joint
// (plant.TunedGains): they hold a joint within a few counts against
// gravity.
//
// SDO (CiA 301 "SDO protocols") is canopen.SDOServer, expedited and
// segmented; refusals use the CiA 301 abort codes: 0x06020000 no object,
// 0x06090011 no sub-index, 0x06010002 read-only, 0x06070010 length,
// 0x06090030 value range (unsupported mode, 0x6007 outside 0–3, a changed
// COB-ID of a valid PDO, a restricted CAN-ID), 0x06040041 object not
// mappable, 0x06040042 mapping longer than 64 bits, 0x06040043 one node in
// two 0x1016 entries, 0x08000022 device state, and 0x05040001 for an unknown
// command specifier or a malformed request (block transfer included).
//
// PDO configuration follows CiA 301 "PDO communication parameter" and "PDO
// mapping parameter": it is accepted in pre-operational only; a mapping
// is written with the PDO invalid (COB-ID bit 31 set) and its sub-index 0
// at 0; the CAN-ID of a valid PDO cannot change; transmission types are
// 0–240 (synchronous) and 254/255 (event-driven). At power-on RPDO1
// (controlword, target position) and TPDO1 (statusword, position actual,
// type 1) are valid; the others are invalid and empty. The TPDO inhibit
// time (0x18xx:03) is stored but not enforced: event-driven TPDOs here are
// sent by their event timer only.
//
// # NMT, SYNC, heartbeat
//
// Drives boot (boot-up message 0x700+node, data 0x00) at the first
// HandleFrame or Tick and enter pre-operational. NMT start, stop,
// enter pre-operational, reset node (everything to power-on values, boot-up
// again) and reset communication (0x1000–0x1FFF only) act as CiA 301
// specifies: SDO is served in pre-operational and operational, PDOs only in
// operational, a stopped node sends heartbeats and nothing else. At a SYNC
// (operational), the synchronous RPDOs received since the last SYNC take
// effect, then the synchronous TPDOs sample and transmit (type n every n-th
// SYNC, type 0 when changed). Event-driven RPDOs take effect at once;
// event-driven TPDOs are sent by their event timer (0x18xx:05). An RPDO
// shorter than its mapping is dropped with EMCY 0x8210; a SYNC with a data
// length other than 0 or 1 raises EMCY 0x8240.
//
// The heartbeat producer (0x1017) and consumer (0x1016) run on the Sim's
// clock in Tick. A consumer starts monitoring at the first heartbeat of its
// node; on timeout the drive sends EMCY 0x8130, sets error register bit 4
// and performs its abort connection option 0x6007 (CiA 402-2): 1 Fault
// (error code 0x8130), 2 the disable voltage command (power off, the joint
// coasts), 3 the quick stop command. NMT stop in Operation enabled and bus-off
// trigger the same option.
//
// # CiA 402 state machine and the power stage
//
// Controlwords (SDO or PDO) drive the PDS state machine through
// canopen.ApplyControlword; 0x6041 is canopen.StatuswordFor of the state.
// The power stage (firmwaresim.Drive.Enabled) is on in Operation enabled and
// in Quick stop active — CiA 402 keeps the drive function enabled while it
// decelerates — and off in every other state. In Operation enabled the
// drive executes its mode: CSP tracks 0x607A (with 0x60B1 and 0x60B2 as
// velocity and torque feed-forward) through the simulator's position loop,
// CSV tracks 0x60FF, CST applies 0x6071 + 0x60B2; target and offset
// torques are clamped to ±0x6072 (the position and velocity loops' own
// torque is bounded by the plant's torque limit). Entering Operation enabled with no target position written since
// the drive was last enabled sets 0x607A to the actual position, so
// enabling never moves the joint.
//
// Quick stop active decelerates on the quick stop ramp (0x6085) from the
// velocity at the quick stop to zero, then holds that position with the
// power stage on. With 0x605A = 5 or 6 (6 is the default) the drive stays
// there until the host sends disable voltage (transition 12; transition 16
// is not offered); with 1 or 2 it goes to Switch on disabled once stopped;
// with 0 it switches off at once.
//
// # Units
//
// Positions are counts (Config.CountsPerRad, default 2¹⁷/2π per radian —
// a 17-bit encoder per joint turn — or 10⁶ per metre for a prismatic
// joint), velocities counts/s with the same factor, torques per mille of
// the rated torque 0x6076 (mN·m; default the joint's effort limit).
// Node.HostJoints returns the canopen.JointConfig that matches.
//
// # Faults
//
// Faults the simulator latches in Drive.Fault put the drive in Fault (the
// power stage off at once) with 0x603F and an EMCY: over-temperature 0x4210
// (error register bit 3), over-current 0x2310, voltage 0x3000, encoder
// 0x7305, any other drive fault 0x5000 (device hardware). A fault reset
// (rising edge of controlword bit 7, transition 15) clears the latched bits;
// if the cause is gone at the simulator's next step the drive goes to Switch
// on disabled and sends EMCY 0x0000 (error reset), otherwise it stays in
// Fault. Every frame a drive sends passes through Sim.ReplyFate: dropped,
// corrupted (one data bit flipped; CAN's own CRC is assumed defeated) or
// delayed on the Sim's clock (released by Tick). A dead node has lost its
// supply: it hears and sends nothing, its power stage is off, and when the
// fault window ends it boots again (boot-up message, power-on values).
// Bus-off silences every drive, which apply 0x6007, and is followed by EMCY
// 0x8140 (recovered from bus-off).
//
// # Time
//
// The Node does not step the simulator: lockstep runs call Sim.Step and
// then Tick; ServeCAN calls Tick after every frame and poll.
//
// # Electronic data sheet
//
// Node.EDS writes a drive's EDS (CiA 306) from the same object dictionary
// its SDO server answers from: every object with its data type, access
// (rww for what an RPDO writes), PDO mappability and power-on value,
// node-dependent values as $NODEID, for CANopen tools and for a rig file's
// eds check.
package canopensim
