package canopen

import (
	"encoding/binary"
	"fmt"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// Function codes of the CiA 301 pre-defined connection set (COB-ID = function
// code + node ID, except NMT and SYNC, which are broadcast).
const (
	COBNMT       uint32 = 0x000 // NMT module control (CiA 301 "NMT services")
	COBSync      uint32 = 0x080 // SYNC (CiA 301 "SYNC protocol")
	COBEmcy      uint32 = 0x080 // EMCY base, + node ID (CiA 301 "EMCY protocol")
	COBTPDO1     uint32 = 0x180 // TPDO1 base, + node ID (device → master)
	COBRPDO1     uint32 = 0x200 // RPDO1 base, + node ID (master → device)
	COBTPDO2     uint32 = 0x280
	COBRPDO2     uint32 = 0x300
	COBTPDO3     uint32 = 0x380
	COBRPDO3     uint32 = 0x400
	COBTPDO4     uint32 = 0x480
	COBRPDO4     uint32 = 0x500
	COBSDOTx     uint32 = 0x580 // SDO server → client (response), + node ID
	COBSDORx     uint32 = 0x600 // SDO client → server (request), + node ID
	COBHeartbeat uint32 = 0x700 // NMT error control (heartbeat/boot-up), + node ID
)

// MaxNode is the highest CANopen node ID (CiA 301: 1..127).
const MaxNode = 127

// ValidNode reports whether node is a valid CANopen node ID (1..127).
func ValidNode(node uint8) bool { return node >= 1 && node <= MaxNode }

// TPDOCOB returns the default COB-ID of TPDO n (1..4) of node.
func TPDOCOB(n int, node uint8) uint32 { return COBTPDO1 + uint32(n-1)*0x100 + uint32(node) }

// RPDOCOB returns the default COB-ID of RPDO n (1..4) of node.
func RPDOCOB(n int, node uint8) uint32 { return COBRPDO1 + uint32(n-1)*0x100 + uint32(node) }

// SplitCOB splits a pre-defined connection set COB-ID into its function code
// (the top 4 of 11 bits) and node ID (the low 7 bits).
func SplitCOB(id uint32) (function uint32, node uint8) { return id & 0x780, uint8(id & 0x7F) }

// NMTCommand is an NMT module control command specifier (CiA 301 "NMT
// services", "Start remote node" … "Reset communication").
type NMTCommand uint8

// NMT command specifiers.
const (
	NMTStart              NMTCommand = 0x01
	NMTStop               NMTCommand = 0x02
	NMTPreOperational     NMTCommand = 0x80
	NMTResetNode          NMTCommand = 0x81
	NMTResetCommunication NMTCommand = 0x82
)

// String returns the command's name.
func (c NMTCommand) String() string {
	switch c {
	case NMTStart:
		return "start"
	case NMTStop:
		return "stop"
	case NMTPreOperational:
		return "enter-pre-operational"
	case NMTResetNode:
		return "reset-node"
	case NMTResetCommunication:
		return "reset-communication"
	}
	return fmt.Sprintf("nmt(0x%02x)", uint8(c))
}

// NMTState is a node's NMT state as carried by heartbeat messages (CiA 301
// "Heartbeat protocol"; 0x00 is the boot-up message).
type NMTState uint8

// NMT states in heartbeat messages.
const (
	NodeBootUp         NMTState = 0x00
	NodeStopped        NMTState = 0x04
	NodeOperational    NMTState = 0x05
	NodePreOperational NMTState = 0x7F
)

// String returns the state's name.
func (s NMTState) String() string {
	switch s {
	case NodeBootUp:
		return "boot-up"
	case NodeStopped:
		return "stopped"
	case NodeOperational:
		return "operational"
	case NodePreOperational:
		return "pre-operational"
	}
	return fmt.Sprintf("nmt-state(0x%02x)", uint8(s))
}

// ProtocolError reports a frame that does not decode as the expected message.
type ProtocolError struct {
	What string // the message being decoded, e.g. "heartbeat"
	ID   uint32 // the frame's CAN ID
	Why  string
}

// Error returns a one-line description.
func (e *ProtocolError) Error() string {
	return fmt.Sprintf("canopen: bad %s frame 0x%03x: %s", e.What, e.ID, e.Why)
}

func badFrame(what string, f *canbus.Frame, why string) error {
	return &ProtocolError{What: what, ID: f.ID, Why: why}
}

// EncodeNMT returns the NMT frame sending cmd to node (0 = all nodes).
func EncodeNMT(cmd NMTCommand, node uint8) canbus.Frame {
	return canbus.Frame{ID: COBNMT, Length: 2, Data: [8]byte{byte(cmd), node}}
}

// DecodeNMT decodes an NMT module control frame (device side).
func DecodeNMT(f canbus.Frame) (cmd NMTCommand, node uint8, err error) {
	if f.ID != COBNMT || f.IsExtended || f.IsRemote {
		return 0, 0, badFrame("NMT", &f, "not an NMT COB-ID")
	}
	if f.Length != 2 {
		return 0, 0, badFrame("NMT", &f, "length is not 2")
	}
	cmd, node = NMTCommand(f.Data[0]), f.Data[1]
	switch cmd {
	case NMTStart, NMTStop, NMTPreOperational, NMTResetNode, NMTResetCommunication:
	default:
		return 0, 0, badFrame("NMT", &f, "unknown command specifier")
	}
	if node > MaxNode {
		return 0, 0, badFrame("NMT", &f, "node ID above 127")
	}
	return cmd, node, nil
}

// EncodeHeartbeat returns node's heartbeat (or, with NodeBootUp, boot-up) frame.
func EncodeHeartbeat(node uint8, s NMTState) canbus.Frame {
	return canbus.Frame{ID: COBHeartbeat + uint32(node), Length: 1, Data: [8]byte{byte(s)}}
}

// DecodeHeartbeat decodes a heartbeat or boot-up frame. The toggle bit 7
// (used only by node guarding, not by heartbeats) is masked off.
func DecodeHeartbeat(f canbus.Frame) (node uint8, s NMTState, err error) {
	fn, n := SplitCOB(f.ID)
	if fn != COBHeartbeat || f.IsExtended || f.IsRemote || !ValidNode(n) || f.ID > 0x7FF {
		return 0, 0, badFrame("heartbeat", &f, "not a heartbeat COB-ID")
	}
	if f.Length != 1 {
		return 0, 0, badFrame("heartbeat", &f, "length is not 1")
	}
	s = NMTState(f.Data[0] & 0x7F)
	switch s {
	case NodeBootUp, NodeStopped, NodeOperational, NodePreOperational:
	default:
		return 0, 0, badFrame("heartbeat", &f, "unknown NMT state")
	}
	return n, s, nil
}

// EncodeSync returns a SYNC frame without the optional counter.
func EncodeSync() canbus.Frame { return canbus.Frame{ID: COBSync} }

// EncodeSyncCounter returns a SYNC frame carrying the CiA 301 synchronous
// counter (1..240), used when the SYNC producer's 0x1019 is non-zero.
func EncodeSyncCounter(counter uint8) canbus.Frame {
	return canbus.Frame{ID: COBSync, Length: 1, Data: [8]byte{counter}}
}

// DecodeSync decodes a SYNC frame; counter is 0 when absent.
func DecodeSync(f canbus.Frame) (counter uint8, err error) {
	if f.ID != COBSync || f.IsExtended || f.IsRemote {
		return 0, badFrame("SYNC", &f, "not the SYNC COB-ID")
	}
	switch f.Length {
	case 0:
		return 0, nil
	case 1:
		return f.Data[0], nil
	}
	return 0, badFrame("SYNC", &f, "length is not 0 or 1")
}

// Emergency is a decoded EMCY message (CiA 301 "EMCY write protocol"; error
// codes per CiA 301 table "Emergency error codes" and CiA 402 for drives).
type Emergency struct {
	Node         uint8
	Code         uint16  // emergency error code; 0x0000 = error reset / no error
	Register     uint8   // copy of the error register 0x1001
	Manufacturer [5]byte // manufacturer-specific error field
}

// EncodeEmergency returns the EMCY frame for e (device side).
func EncodeEmergency(e Emergency) canbus.Frame {
	f := canbus.Frame{ID: COBEmcy + uint32(e.Node), Length: 8}
	binary.LittleEndian.PutUint16(f.Data[0:2], e.Code)
	f.Data[2] = e.Register
	copy(f.Data[3:8], e.Manufacturer[:])
	return f
}

// DecodeEmergency decodes an EMCY frame. Node 0 (COB-ID 0x080) is SYNC, not EMCY.
func DecodeEmergency(f canbus.Frame) (Emergency, error) {
	fn, n := SplitCOB(f.ID)
	if fn != COBEmcy || f.IsExtended || f.IsRemote || !ValidNode(n) || f.ID > 0x7FF {
		return Emergency{}, badFrame("EMCY", &f, "not an EMCY COB-ID")
	}
	if f.Length != 8 {
		return Emergency{}, badFrame("EMCY", &f, "length is not 8")
	}
	e := Emergency{Node: n, Code: binary.LittleEndian.Uint16(f.Data[0:2]), Register: f.Data[2]}
	copy(e.Manufacturer[:], f.Data[3:8])
	return e, nil
}

// Emergency error code classes (CiA 301 "Emergency error codes", the high
// byte or nibble; CiA 402 refines them for drives).
const (
	EmcyNoError        uint16 = 0x0000 // error reset or no error
	EmcyGeneric        uint16 = 0x1000
	EmcyCurrent        uint16 = 0x2000 // 0x2xxx current
	EmcyVoltage        uint16 = 0x3000 // 0x3xxx voltage
	EmcyTemperature    uint16 = 0x4000 // 0x4xxx temperature
	EmcyDeviceHardware uint16 = 0x5000
	EmcyDeviceSoftware uint16 = 0x6000
	EmcyAdditional     uint16 = 0x7000 // 0x73xx sensor (encoder) in CiA 402
	EmcyMonitoring     uint16 = 0x8000 // 0x81xx communication
	EmcyHeartbeat      uint16 = 0x8130 // life guard or heartbeat error: the drive lost its master
	EmcyPDOLength      uint16 = 0x8210 // PDO not processed due to length error
	EmcyExternal       uint16 = 0x9000
	EmcySensor         uint16 = 0x7300 // CiA 402 sensor (encoder) errors
	EmcyPositionFollow uint16 = 0x8611 // CiA 402 following error
)

// Error describes the emergency; *Emergency is the error surfaced to the bus.
func (e *Emergency) Error() string {
	return fmt.Sprintf("canopen: node %d EMCY 0x%04x (%s), error register 0x%02x", e.Node, e.Code, EmcyText(e.Code), e.Register)
}

// EmcyText names the class of an emergency error code.
func EmcyText(code uint16) string {
	switch {
	case code == EmcyNoError:
		return "no error"
	case code == EmcyHeartbeat:
		return "heartbeat or life guard error"
	case code == EmcyPDOLength:
		return "PDO length error"
	case code&0xFF00 == EmcySensor:
		return "sensor"
	case code == EmcyPositionFollow:
		return "following error"
	case code&0xFF00 == 0xFF00:
		return "device specific"
	}
	switch code & 0xF000 {
	case 0x1000:
		return "generic error"
	case 0x2000:
		return "current"
	case 0x3000:
		return "voltage"
	case 0x4000:
		return "temperature"
	case 0x5000:
		return "device hardware"
	case 0x6000:
		return "device software"
	case 0x7000:
		return "additional modules"
	case 0x8000:
		return "monitoring"
	case 0x9000:
		return "external error"
	case 0xF000:
		return "additional functions"
	}
	return "reserved"
}
