package canopensim

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/chiron-robotics/chiron/drivers/canopen"
)

// EDS generation: the simulated drive's electronic data sheet (CiA 306
// "Electronic data sheet specification", EDS version 4.0), written from the
// same object dictionary its SDO server answers from (buildOD), so a
// CANopen tool (or rig's EDS check) sees exactly the objects, data types,
// access and PDO mappability the simulator implements, with their power-on
// values as DefaultValue. Node-dependent defaults (PDO COB-IDs, the serial
// number, which is the node ID here) are written with $NODEID, as CiA 306
// allows, so one file serves every node.

// CiA 301 data type indices.
const (
	dtInteger8      = 0x0002
	dtInteger16     = 0x0003
	dtInteger32     = 0x0004
	dtUnsigned8     = 0x0005
	dtUnsigned16    = 0x0006
	dtUnsigned32    = 0x0007
	dtVisibleString = 0x0009
)

// edsNames are the objects' names (CiA 301, CiA 402-2) and, for the
// signed ones, their data type: the dictionary holds raw bits and sizes.
var edsNames = map[uint16]struct {
	name   string
	signed bool
}{
	canopen.ObjDeviceType:        {"Device type", false},
	canopen.ObjErrorRegister:     {"Error register", false},
	objDeviceName:                {"Manufacturer device name", false},
	canopen.ObjConsumerHeartbeat: {"Consumer heartbeat time", false},
	canopen.ObjProducerHeartbeat: {"Producer heartbeat time", false},
	objIdentity:                  {"Identity object", false},
	canopen.ObjAbortConnection:   {"Abort connection option code", true},
	canopen.ObjErrorCode:         {"Error code", false},
	canopen.ObjControlword:       {"Controlword", false},
	canopen.ObjStatusword:        {"Statusword", false},
	objQuickStopOption:           {"Quick stop option code", true},
	canopen.ObjModesOfOperation:  {"Modes of operation", true},
	canopen.ObjModesDisplay:      {"Modes of operation display", true},
	canopen.ObjPositionActual:    {"Position actual value", true},
	canopen.ObjVelocityActual:    {"Velocity actual value", true},
	canopen.ObjTargetTorque:      {"Target torque", true},
	canopen.ObjMaxTorque:         {"Max torque", false},
	canopen.ObjRatedTorque:       {"Motor rated torque", false},
	canopen.ObjTorqueActual:      {"Torque actual value", true},
	canopen.ObjTargetPosition:    {"Target position", true},
	objQuickStopDecel:            {"Quick stop deceleration", false},
	canopen.ObjVelocityOffset:    {"Velocity offset", true},
	canopen.ObjTorqueOffset:      {"Torque offset", true},
	canopen.ObjTargetVelocity:    {"Target velocity", true},
	objSupportedModes:            {"Supported drive modes", false},
	objVelocityControl:           {"Velocity control parameter set", false},
	objPositionControl:           {"Position control parameter set", false},
}

// edsObjectName names index (PDO parameters by number).
func edsObjectName(index uint16) string {
	switch {
	case index >= canopen.ObjRPDOComm && index < canopen.ObjRPDOComm+4:
		return fmt.Sprintf("RPDO%d communication parameter", index-canopen.ObjRPDOComm+1)
	case index >= canopen.ObjRPDOMap && index < canopen.ObjRPDOMap+4:
		return fmt.Sprintf("RPDO%d mapping parameter", index-canopen.ObjRPDOMap+1)
	case index >= canopen.ObjTPDOComm && index < canopen.ObjTPDOComm+4:
		return fmt.Sprintf("TPDO%d communication parameter", index-canopen.ObjTPDOComm+1)
	case index >= canopen.ObjTPDOMap && index < canopen.ObjTPDOMap+4:
		return fmt.Sprintf("TPDO%d mapping parameter", index-canopen.ObjTPDOMap+1)
	}
	return edsNames[index].name
}

// edsSubName names sub-index sub of a compound object.
func edsSubName(index uint16, sub uint8) string {
	if sub == 0 {
		return "Highest sub-index supported"
	}
	switch {
	case index == canopen.ObjConsumerHeartbeat:
		return fmt.Sprintf("Consumer heartbeat time %d", sub)
	case index == objIdentity:
		return [...]string{"", "Vendor-ID", "Product code", "Revision number", "Serial number"}[min(sub, 4)]
	case isPDOComm(index):
		switch sub {
		case 1:
			return "COB-ID"
		case 2:
			return "Transmission type"
		case 3:
			return "Inhibit time"
		case 5:
			return "Event timer"
		}
	case isPDOMap(index):
		return fmt.Sprintf("Mapped object %d", sub)
	case index == objVelocityControl:
		return [...]string{"", "Velocity loop gain", "Velocity loop integral gain"}[min(sub, 2)]
	case index == objPositionControl:
		return "Position loop gain"
	}
	return fmt.Sprintf("Sub-index %d", sub)
}

func edsDataType(index uint16, o *object) uint16 {
	if o.size == 0 {
		return dtVisibleString
	}
	signed := edsNames[index].signed
	switch o.size {
	case 1:
		if signed {
			return dtInteger8
		}
		return dtUnsigned8
	case 2:
		if signed {
			return dtInteger16
		}
		return dtUnsigned16
	}
	if signed {
		return dtInteger32
	}
	return dtUnsigned32
}

// EDS returns the CiA 306 electronic data sheet of joint i's simulated
// drive (the drives of a Node differ only in the defaults derived from
// their joint: rated torque, quick stop deceleration).
func (n *Node) EDS(i int) ([]byte, error) {
	if i < 0 || i >= len(n.drives) {
		return nil, fmt.Errorf("canopensim: EDS of joint %d: the node has %d joints", i, len(n.drives))
	}
	d := &n.drives[i]
	od := buildOD(d) // power-on values, whatever the drive holds now
	byIndex := map[uint16][]uint8{}
	for k := range od {
		index, sub := uint16(k>>8), uint8(k)
		byIndex[index] = append(byIndex[index], sub)
	}
	var mandatory, optional []uint16
	for index := range byIndex {
		slices.Sort(byIndex[index])
		switch {
		case index == canopen.ObjDeviceType || index == canopen.ObjErrorRegister || index == objIdentity:
			mandatory = append(mandatory, index)
		default:
			optional = append(optional, index)
		}
	}
	slices.Sort(mandatory)
	slices.Sort(optional)

	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	w("; Electronic data sheet (CiA 306) of chiron's simulated CiA 402 drive, generated from its object dictionary.")
	w("[FileInfo]")
	w("FileName=canopensim.eds")
	w("FileVersion=1")
	w("FileRevision=0")
	w("EDSVersion=4.0")
	w("Description=%s (simulated, firmware-sim/canopensim)", n.cfg.DeviceName)
	w("CreatedBy=chiron")
	w("")
	w("[DeviceInfo]")
	w("VendorName=chiron (simulator, no vendor ID assigned)")
	w("VendorNumber=0x%08X", uint32(od[key(objIdentity, 1)].v))
	w("ProductName=%s", n.cfg.DeviceName)
	w("ProductNumber=0x%08X", uint32(od[key(objIdentity, 2)].v))
	w("RevisionNumber=0x%08X", uint32(od[key(objIdentity, 3)].v))
	for _, rate := range []int{10, 20, 50, 125, 250, 500, 800, 1000} {
		w("BaudRate_%d=1", rate)
	}
	w("SimpleBootUpMaster=0")
	w("SimpleBootUpSlave=1")
	w("Granularity=8")
	w("DynamicChannelsSupported=0")
	w("GroupMessaging=0")
	w("NrOfRXPDO=4")
	w("NrOfTXPDO=4")
	w("LSS_Supported=0")
	w("")
	w("[DummyUsage]")
	for k := 1; k <= 7; k++ {
		w("Dummy%04X=0", k)
	}
	w("")
	list := func(name string, idx []uint16) {
		w("[%s]", name)
		w("SupportedObjects=%d", len(idx))
		for k, index := range idx {
			w("%d=0x%04X", k+1, index)
		}
		w("")
	}
	list("MandatoryObjects", mandatory)
	list("OptionalObjects", optional)
	list("ManufacturerObjects", nil)

	for _, index := range append(mandatory, optional...) {
		subs := byIndex[index]
		if len(subs) == 1 && subs[0] == 0 {
			w("[%04X]", index)
			writeVar(w, d, index, 0, od[key(index, 0)], edsObjectName(index))
			w("")
			continue
		}
		// 0x1016 is an ARRAY (one type), the identity and PDO parameters
		// RECORDs (CiA 301).
		ot := 0x9
		if index == canopen.ObjConsumerHeartbeat {
			ot = 0x8
		}
		w("[%04X]", index)
		w("ParameterName=%s", edsObjectName(index))
		w("ObjectType=0x%X", ot)
		w("SubNumber=%d", len(subs))
		w("")
		for _, sub := range subs {
			w("[%04Xsub%X]", index, sub)
			writeVar(w, d, index, sub, od[key(index, sub)], edsSubName(index, sub))
			w("")
		}
	}
	return b.Bytes(), nil
}

func writeVar(w func(string, ...any), d *drive, index uint16, sub uint8, o *object, name string) {
	w("ParameterName=%s", name)
	w("ObjectType=0x7")
	w("DataType=0x%04X", edsDataType(index, o))
	acc := "ro"
	switch {
	case o.acc == rw && o.mapRx:
		acc = "rww" // read/write, written by an RPDO (CiA 306)
	case o.acc == rw:
		acc = "rw"
	}
	w("AccessType=%s", acc)
	w("DefaultValue=%s", edsDefault(d, index, sub, o))
	pdo := 0
	if o.mapTx || o.mapRx {
		pdo = 1
	}
	w("PDOMapping=%d", pdo)
}

// edsDefault is o's power-on value as an EDS DefaultValue: node-dependent
// values with $NODEID.
func edsDefault(d *drive, index uint16, sub uint8, o *object) string {
	if o.size == 0 {
		return strings.ReplaceAll(string(o.str), "\n", " ")
	}
	v := o.v
	switch {
	case index == objIdentity && sub == 4:
		return "$NODEID"
	case isPDOComm(index) && sub == 1:
		// Default COB-IDs are base + node (CiA 301 "Pre-defined
		// connection set"); bit 31 marks a PDO not valid.
		base := uint64(uint32(v)&0x7FF) - uint64(d.node)
		return fmt.Sprintf("$NODEID+0x%X", uint64(uint32(v)&^0x7FF)+base)
	}
	if edsNames[index].signed {
		switch o.size {
		case 1:
			return fmt.Sprint(int8(v))
		case 2:
			return fmt.Sprint(int16(v))
		}
		return fmt.Sprint(int32(v))
	}
	return fmt.Sprintf("0x%0*X", 2*int(o.size), v)
}
