// Package dynamixel speaks ROBOTIS Dynamixel Protocol 2.0 (the X-series
// servos' protocol, emanual.robotis.com/docs/en/dxl/protocol2/) in both
// directions, and drives a chain of X-series servos as a drivers.Bus.
//
// # Codec
//
// A packet is FF FF FD 00 | ID | LEN_L LEN_H | INST | params | CRC_L CRC_H,
// where LEN counts the instruction, the (stuffed) parameters and the CRC;
// in a status packet (INST 0x55) the first parameter is the ERR byte. The
// CRC is the ROBOTIS CRC-16 (polynomial 0x8005, initial value 0) over the
// whole stuffed packet. Byte stuffing inserts FD after every FF FF FD from
// the instruction on, so a header can never appear inside a packet and a
// receiver can resynchronise on any header it finds.
//
// Encoding appends to caller buffers (AppendInstruction, AppendStatus and
// one helper per instruction: AppendPing, AppendRead, AppendSyncWrite, …).
// Decoding goes through a Decoder, which takes bytes as they arrive (Feed,
// or Space/Commit to read straight into it), skips garbage, waits across
// split reads, checks the CRC, removes the stuffing and returns each Packet
// as a view into its buffer. Neither allocates after setup; malformed input
// of any kind yields a *MalformedError naming the fault and the offending
// bytes, never a panic (fuzzed by FuzzDecoder, FuzzParams and FuzzStatus).
//
// # Device side
//
// The firmware simulator uses the same codec the other way round: a
// Decoder turns the host's bytes into instruction Packets; ParseRead,
// ParseWrite, ParseSyncRead, ParseSyncWrite, ParseBulkRead, ParseBulkWrite
// and ParseFactoryReset decode their parameters; AppendStatus (with a
// StatusCode and AlertBit for the ERR byte) and AppendPingStatus build the
// replies. For sync and bulk reads each addressed device replies with its
// own status packet, in the order the instruction lists them.
//
// # Host side
//
// Client sends instructions over a serialport.Port and waits for replies
// with a per-reply timeout; failures are *drivers.Error with the kind the
// safety supervisor needs (timeout, corrupt, wrong-id, abort, drive-fault,
// bus-off). Bus implements drivers.Bus for N servos: Read is one sync read
// of present current, velocity, position and temperature (one 21-byte
// block per servo), converted to SI units by the servo's Model; Write is one
// sync write of the goal that matches each joint's mode (or one bulk write
// when modes differ). Operating-mode changes need torque off and cost a few
// acknowledged writes; see Bus. The X variable is the control table as
// data, and XM430W350, XH430W350 and XM540W270 hold each model's units.
//
// # Bus Watchdog
//
// So that a servo stops by itself when its host dies or stalls — in
// current mode it would otherwise keep the last current — the Bus arms
// every servo's Bus Watchdog (98; 20 ms units, 0 off, -1 tripped) with
// BusConfig.Watchdog (DefaultWatchdog, 100 ms, unless set; WatchdogOff
// disables it, unsafe) at start-up and at every torque-on, and sets it to
// 0 on Disable and Close. Read checks address 98 with one more sync read
// when a trip may have gone unseen (the host silent for over half the
// period, a failed exchange, the first Read, or a second since the last
// check); a tripped servo's state carries drivers.StatusCommLost and the
// Read that finds it returns a drive-fault error wrapping a
// *BusWatchdogError that names it. The trip is cleared, by writing 0 as
// the e-Manual requires, only by ModeOff, Disable, SetMode or Enable;
// until then Write refuses other commands for that servo. A servo found
// at 0 while armed has restarted: it is re-armed and reported likewise.
package dynamixel
