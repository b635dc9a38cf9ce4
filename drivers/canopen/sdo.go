package canopen

import (
	"encoding/binary"
	"fmt"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// AbortCode is an SDO abort code (CiA 301 "Protocol SDO abort transfer",
// table "SDO abort codes").
type AbortCode uint32

// SDO abort codes (CiA 301 table "SDO abort codes").
const (
	AbortToggle       AbortCode = 0x05030000 // toggle bit not alternated
	AbortTimeout      AbortCode = 0x05040000 // SDO protocol timed out
	AbortCommand      AbortCode = 0x05040001 // client/server command specifier not valid or unknown
	AbortUnsupported  AbortCode = 0x06010000 // unsupported access to an object
	AbortWriteOnly    AbortCode = 0x06010001 // attempt to read a write-only object
	AbortReadOnly     AbortCode = 0x06010002 // attempt to write a read-only object
	AbortNoObject     AbortCode = 0x06020000 // object does not exist in the object dictionary
	AbortNoMap        AbortCode = 0x06040041 // object cannot be mapped to the PDO
	AbortPDOLength    AbortCode = 0x06040042 // number and length of objects to be mapped would exceed PDO length
	AbortLength       AbortCode = 0x06070010 // data type does not match, length of service parameter does not match
	AbortNoSub        AbortCode = 0x06090011 // sub-index does not exist
	AbortRange        AbortCode = 0x06090030 // invalid value for parameter (download only)
	AbortTooHigh      AbortCode = 0x06090031 // value of parameter written too high
	AbortTooLow       AbortCode = 0x06090032 // value of parameter written too low
	AbortGeneral      AbortCode = 0x08000000 // general error
	AbortStore        AbortCode = 0x08000020 // data cannot be transferred or stored to the application
	AbortLocalControl AbortCode = 0x08000021 // ... because of local control
	AbortDeviceState  AbortCode = 0x08000022 // ... because of the present device state
)

var abortTexts = map[AbortCode]string{
	AbortToggle:       "toggle bit not alternated",
	AbortTimeout:      "SDO protocol timed out",
	AbortCommand:      "command specifier not valid or unknown",
	AbortUnsupported:  "unsupported access to an object",
	AbortWriteOnly:    "attempt to read a write-only object",
	AbortReadOnly:     "attempt to write a read-only object",
	AbortNoObject:     "object does not exist in the object dictionary",
	AbortNoMap:        "object cannot be mapped to the PDO",
	AbortPDOLength:    "number and length of mapped objects would exceed PDO length",
	AbortLength:       "data type or length does not match",
	AbortNoSub:        "sub-index does not exist",
	AbortRange:        "value range of parameter exceeded",
	AbortTooHigh:      "value of parameter written too high",
	AbortTooLow:       "value of parameter written too low",
	AbortGeneral:      "general error",
	AbortStore:        "data cannot be transferred or stored to the application",
	AbortLocalControl: "data cannot be transferred or stored because of local control",
	AbortDeviceState:  "data cannot be transferred or stored because of the present device state",
}

// String returns the code's CiA 301 description.
func (c AbortCode) String() string {
	if t, ok := abortTexts[c]; ok {
		return t
	}
	return fmt.Sprintf("abort code 0x%08x", uint32(c))
}

// Error makes an AbortCode usable as the error an ObjectDictionary returns to
// have the SDO server abort with that code.
func (c AbortCode) Error() string { return c.String() }

// SDOAbortError is an SDO transfer aborted with Code for object Index:Sub,
// either by the server or by this client.
type SDOAbortError struct {
	Index uint16
	Sub   uint8
	Code  AbortCode
}

// Error returns the object and the abort code's text.
func (e *SDOAbortError) Error() string {
	return fmt.Sprintf("canopen: SDO 0x%04x:%02x aborted: 0x%08x %s", e.Index, e.Sub, uint32(e.Code), e.Code)
}

// SDOCommand names an SDO protocol message (CiA 301 "SDO services"); the same
// command exists as a client request and as a server response.
type SDOCommand uint8

// SDO commands. Block transfer is not implemented: a server answers it with
// AbortCommand and the client never starts one.
const (
	SDOInitiateDownload SDOCommand = iota + 1
	SDODownloadSegment
	SDOInitiateUpload
	SDOUploadSegment
	SDOAbort
)

var sdoCommandNames = [...]string{"", "initiate-download", "download-segment", "initiate-upload", "upload-segment", "abort"}

// String returns the command's name.
func (c SDOCommand) String() string {
	if int(c) < len(sdoCommandNames) && c != 0 {
		return sdoCommandNames[c]
	}
	return fmt.Sprintf("sdo-command(%d)", uint8(c))
}

// SDO is one SDO frame's content, request or response. Which fields matter
// depends on Command and direction:
//
//	initiate download req: Index, Sub, Expedited (Data[:N], N 1..4) or SizeIndicated+Size
//	initiate download rsp: Index, Sub
//	download segment req:  Toggle, Last, Data[:N] (N 0..7)
//	download segment rsp:  Toggle
//	initiate upload req:   Index, Sub
//	initiate upload rsp:   Index, Sub, Expedited (Data[:N]) or SizeIndicated+Size
//	upload segment req:    Toggle
//	upload segment rsp:    Toggle, Last, Data[:N]
//	abort (both):          Index, Sub, Abort
type SDO struct {
	Command       SDOCommand
	Index         uint16
	Sub           uint8
	Expedited     bool // initiate: the data travels in this frame
	SizeIndicated bool // initiate: N (expedited) or Size (segmented) is valid
	Size          uint32
	Toggle        bool // segment: the toggle bit t, 0 for the first segment
	Last          bool // segment: c, no more segments follow
	N             uint8
	Data          [7]byte
	Abort         AbortCode
}

// Bytes returns the payload bytes carried by the frame (Data[:N]).
func (m *SDO) Bytes() []byte {
	n := m.N
	if n > 7 {
		n = 7
	}
	return m.Data[:n]
}

// SDO command byte fields (CiA 301 "SDO protocols": ccs/scs in bits 7..5,
// t bit 4, n bits 3..2 (initiate) or 3..1 (segment), e bit 1, s bit 0, c bit 0).
const (
	csShift   = 5
	bitToggle = 0x10
	bitE      = 0x02
	bitS      = 0x01
	bitC      = 0x01
)

// client command specifiers (ccs) and server command specifiers (scs).
const (
	ccsDownloadSegment  = 0
	ccsInitiateDownload = 1
	ccsInitiateUpload   = 2
	ccsUploadSegment    = 3
	csAbort             = 4
	ccsBlockUpload      = 5
	ccsBlockDownload    = 6
	scsUploadSegment    = 0
	scsDownloadSegment  = 1
	scsInitiateUpload   = 2
	scsInitiateDownload = 3
)

func encodeInitiate(cs byte, m *SDO, d *[8]byte) {
	b := cs << csShift
	binary.LittleEndian.PutUint16(d[1:3], m.Index)
	d[3] = m.Sub
	if m.Expedited {
		n := m.N
		if n > 4 {
			n = 4
		}
		b |= bitE
		if m.SizeIndicated {
			b |= bitS | (4-n)<<2
		}
		copy(d[4:8], m.Data[:n])
	} else if m.SizeIndicated {
		b |= bitS
		binary.LittleEndian.PutUint32(d[4:8], m.Size)
	}
	d[0] = b
}

func encodeSegment(cs byte, m *SDO, d *[8]byte) {
	n := m.N
	if n > 7 {
		n = 7
	}
	b := cs<<csShift | (7-n)<<1
	if m.Toggle {
		b |= bitToggle
	}
	if m.Last {
		b |= bitC
	}
	d[0] = b
	copy(d[1:8], m.Data[:n])
}

func encodeHeader(cs byte, m *SDO, d *[8]byte) {
	d[0] = cs << csShift
	binary.LittleEndian.PutUint16(d[1:3], m.Index)
	d[3] = m.Sub
}

func encodeAbort(m *SDO, d *[8]byte) {
	encodeHeader(csAbort, m, d)
	binary.LittleEndian.PutUint32(d[4:8], uint32(m.Abort))
}

// EncodeSDORequest returns the client → server frame (COB-ID 0x600+node) for m.
func EncodeSDORequest(node uint8, m *SDO) canbus.Frame {
	f := canbus.Frame{ID: COBSDORx + uint32(node), Length: 8}
	d := (*[8]byte)(&f.Data)
	switch m.Command {
	case SDOInitiateDownload:
		encodeInitiate(ccsInitiateDownload, m, d)
	case SDODownloadSegment:
		encodeSegment(ccsDownloadSegment, m, d)
	case SDOInitiateUpload:
		encodeHeader(ccsInitiateUpload, m, d)
	case SDOUploadSegment:
		d[0] = ccsUploadSegment << csShift
		if m.Toggle {
			d[0] |= bitToggle
		}
	default:
		encodeAbort(m, d)
	}
	return f
}

// EncodeSDOResponse returns the server → client frame (COB-ID 0x580+node) for m.
func EncodeSDOResponse(node uint8, m *SDO) canbus.Frame {
	f := canbus.Frame{ID: COBSDOTx + uint32(node), Length: 8}
	d := (*[8]byte)(&f.Data)
	switch m.Command {
	case SDOInitiateDownload:
		encodeHeader(scsInitiateDownload, m, d)
	case SDODownloadSegment:
		d[0] = scsDownloadSegment << csShift
		if m.Toggle {
			d[0] |= bitToggle
		}
	case SDOInitiateUpload:
		encodeInitiate(scsInitiateUpload, m, d)
	case SDOUploadSegment:
		encodeSegment(scsUploadSegment, m, d)
	default:
		encodeAbort(m, d)
	}
	return f
}

func sdoFrameCheck(what string, f *canbus.Frame, base uint32) (uint8, error) {
	if f.IsExtended || f.IsRemote || f.ID < base+1 || f.ID > base+MaxNode {
		return 0, badFrame(what, f, "not an SDO COB-ID")
	}
	if f.Length != 8 {
		return 0, badFrame(what, f, "length is not 8")
	}
	return uint8(f.ID - base), nil
}

func decodeInitiate(m *SDO, d *[8]byte) {
	m.Index = binary.LittleEndian.Uint16(d[1:3])
	m.Sub = d[3]
	m.Expedited = d[0]&bitE != 0
	m.SizeIndicated = d[0]&bitS != 0
	if m.Expedited {
		m.N = 4
		if m.SizeIndicated {
			m.N = 4 - (d[0]>>2)&3
		}
		copy(m.Data[:4], d[4:8])
	} else if m.SizeIndicated {
		m.Size = binary.LittleEndian.Uint32(d[4:8])
	}
}

func decodeSegment(m *SDO, d *[8]byte) {
	m.Toggle = d[0]&bitToggle != 0
	m.Last = d[0]&bitC != 0
	m.N = 7 - (d[0]>>1)&7
	copy(m.Data[:], d[1:8])
}

func decodeHeader(m *SDO, d *[8]byte) {
	m.Index = binary.LittleEndian.Uint16(d[1:3])
	m.Sub = d[3]
}

// DecodeSDORequest decodes a client → server frame (device side).
func DecodeSDORequest(f canbus.Frame) (node uint8, m SDO, err error) {
	node, err = sdoFrameCheck("SDO request", &f, COBSDORx)
	if err != nil {
		return 0, SDO{}, err
	}
	d := (*[8]byte)(&f.Data)
	switch d[0] >> csShift {
	case ccsInitiateDownload:
		m.Command = SDOInitiateDownload
		decodeInitiate(&m, d)
	case ccsDownloadSegment:
		m.Command = SDODownloadSegment
		decodeSegment(&m, d)
	case ccsInitiateUpload:
		m.Command = SDOInitiateUpload
		decodeHeader(&m, d)
	case ccsUploadSegment:
		m.Command = SDOUploadSegment
		m.Toggle = d[0]&bitToggle != 0
	case csAbort:
		m.Command = SDOAbort
		decodeHeader(&m, d)
		m.Abort = AbortCode(binary.LittleEndian.Uint32(d[4:8]))
	default:
		return node, SDO{}, badFrame("SDO request", &f, "unsupported client command specifier (block transfer?)")
	}
	return node, m, nil
}

// DecodeSDOResponse decodes a server → client frame (master side).
func DecodeSDOResponse(f canbus.Frame) (node uint8, m SDO, err error) {
	node, err = sdoFrameCheck("SDO response", &f, COBSDOTx)
	if err != nil {
		return 0, SDO{}, err
	}
	d := (*[8]byte)(&f.Data)
	switch d[0] >> csShift {
	case scsInitiateDownload:
		m.Command = SDOInitiateDownload
		decodeHeader(&m, d)
	case scsDownloadSegment:
		m.Command = SDODownloadSegment
		m.Toggle = d[0]&bitToggle != 0
	case scsInitiateUpload:
		m.Command = SDOInitiateUpload
		decodeInitiate(&m, d)
	case scsUploadSegment:
		m.Command = SDOUploadSegment
		decodeSegment(&m, d)
	case csAbort:
		m.Command = SDOAbort
		decodeHeader(&m, d)
		m.Abort = AbortCode(binary.LittleEndian.Uint32(d[4:8]))
	default:
		return node, SDO{}, badFrame("SDO response", &f, "unsupported server command specifier")
	}
	return node, m, nil
}
