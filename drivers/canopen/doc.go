// Package canopen speaks CANopen (CiA 301) and the CiA 402 drive profile over
// a canbus.Conn: the master (host) side that chiron's control loop drives,
// and codecs that work in both directions so a simulated drive
// (firmwaresim) puts the same bytes on the wire.
//
// # Codecs (both directions, allocation-free)
//
// EncodeNMT/DecodeNMT, EncodeHeartbeat/DecodeHeartbeat, EncodeSync/DecodeSync,
// EncodeEmergency/DecodeEmergency, and for SDO one message type, SDO, with
// EncodeSDORequest/DecodeSDORequest (client → server, 0x600+node) and
// EncodeSDOResponse/DecodeSDOResponse (server → client, 0x580+node) covering
// expedited and segmented upload and download and abort. Abort codes are
// AbortCode values; a refused transfer surfaces as *SDOAbortError. PDOMap packs
// and unpacks mapped objects into a PDO's 8 bytes. DecodeStatusword and
// ControlwordToward are the master's half of the CiA 402 state machine;
// StatuswordFor and ApplyControlword are the device's. SDOServer is a complete
// device-side SDO server over an ObjectDictionary.
//
// # Master
//
// SDOClient performs confirmed SDO transfers (configuration, not the cyclic
// path). HeartbeatProducer and HeartbeatConsumer are polled with the caller's
// clock. Network implements drivers.Bus for N CiA 402 drives: New validates a
// Config (node IDs in joint order, CSP/CSV/CST, SI scale factors, heartbeat
// and loss-of-master settings); Start configures every drive over SDO and
// walks it to Switched on (power applied, no torque, brake engaged: the
// control loop's first active command enables operation, once its
// supervisor has enabled); then each cycle Read collects the TPDOs that
// the previous Write's SYNC triggered, and Write sends the RPDOs and the next
// SYNC. The cyclic path does not allocate.
//
// # Safety choices
//
// Every drive is configured to watch the master's heartbeat (0x1016) and to
// quick-stop (0x6007, configurable, never "no action") when it stops. The
// master's heartbeat is sent from Write, so a hung control loop looks dead to
// the drives, as it should. A drive that leaves Operation enabled by itself
// is never re-enabled silently: it takes Enable (and ResetFault for a fault).
// CSP targets follow the measured position whenever a drive is not
// following commands, so enabling never moves a joint; a command that the
// drive's mode cannot execute, or that holds NaN, disables operation rather
// than guessing.
package canopen
