package canopensim

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/rig"
)

// TestEDSReadsBackOverSDO generates each simulated drive's EDS (CiA 306),
// parses it with rig's EDS reader and reads every object it lists back
// over SDO from a freshly booted node: each exists, has the listed data
// type's length, and (but for the actual values the drive samples: position,
// velocity, torque) holds the listed DefaultValue with $NODEID resolved for
// that node; the EDS lists every object of the dictionary, with the
// dictionary's access and PDO mappability; and the drive's own default PDO
// mappings pass the EDS's PDO check.
func TestEDSReadsBackOverSDO(t *testing.T) {
	const joints = 2
	node := newNode(t, newSim(t, joints, ""))
	c := &directConn{node: node}
	c.tick()
	sdo := &canopen.SDOClient{Conn: c, Timeout: time.Second}
	for i := range joints {
		text, err := node.EDS(i)
		if err != nil {
			t.Fatal(err)
		}
		eds, err := rig.ParseEDS(bytes.NewReader(text), "canopensim.eds")
		if err != nil {
			t.Fatalf("joint %d: generated EDS does not parse: %v\n%s", i, err, text)
		}
		d := &node.drives[i]
		if len(eds.Objects()) != len(d.od) {
			t.Errorf("joint %d: EDS lists %d objects, the dictionary has %d", i, len(eds.Objects()), len(d.od))
		}
		if !eds.HasIdentity || eds.ProductNumber != 0x402 {
			t.Errorf("joint %d: [DeviceInfo] product 0x%X", i, eds.ProductNumber)
		}
		read := 0
		for _, o := range eds.Objects() {
			data, err := sdo.Upload(d.node, o.Index, o.Sub)
			if err != nil {
				t.Errorf("node %d: %v: %v", d.node, o, err)
				continue
			}
			read++
			od := d.od[key(o.Index, o.Sub)]
			if od == nil {
				t.Errorf("%v is in the EDS, not in the dictionary", o)
				continue
			}
			if o.PDOMapping != (od.mapTx || od.mapRx) || (o.Access == "ro") != (od.acc == ro) {
				t.Errorf("%v: EDS access %s, PDO %v; dictionary %v, tx %v rx %v", o, o.Access, o.PDOMapping, od.acc, od.mapTx, od.mapRx)
			}
			if o.DataType == 0x0009 {
				if string(data) != o.Default {
					t.Errorf("%v: read %q, EDS default %q", o, data, o.Default)
				}
				continue
			}
			bits, ok := rig.DataTypeBits(o.DataType)
			if !ok || len(data)*8 != bits {
				t.Errorf("%v: read %d bytes, EDS data type 0x%04X", o, len(data), o.DataType)
				continue
			}
			if o.Index == canopen.ObjPositionActual || o.Index == canopen.ObjVelocityActual || o.Index == canopen.ObjTorqueActual {
				continue // sampled from the plant, not a stored default
			}
			want, err := o.DefaultValue(d.node)
			if err != nil {
				t.Error(err)
				continue
			}
			var b [8]byte
			copy(b[:], data)
			got := binary.LittleEndian.Uint64(b[:])
			if mask := uint64(1)<<bits - 1; got != want&mask {
				t.Errorf("node %d %v: read 0x%X, EDS default %s = 0x%X", d.node, o, got, o.Default, want&mask)
			}
		}
		if read != len(d.od) {
			t.Errorf("joint %d: read %d of %d objects back", i, read, len(d.od))
		}
		for k, mp := range map[string]uint16{"RPDO1": canopen.ObjRPDOMap, "TPDO1": canopen.ObjTPDOMap} {
			m, err := d.mapping(mp)
			if err != nil {
				t.Fatal(err)
			}
			if err := eds.CheckPDO(k, &m, k == "RPDO1"); err != nil {
				t.Errorf("the drive's own %s fails its EDS: %v", k, err)
			}
		}
	}
	// A segmented (non-expedited) read of the only string, for good
	// measure: the EDS names it the manufacturer device name.
	text, _ := node.EDS(0)
	if !strings.Contains(string(text), "[1008]\nParameterName=Manufacturer device name\nObjectType=0x7\nDataType=0x0009\nAccessType=ro\nDefaultValue=chiron canopensim CiA 402 drive\n") {
		t.Errorf("0x1008 section missing or different:\n%s", text)
	}
	if _, err := node.EDS(joints); err == nil {
		t.Error("EDS of a joint the node does not have")
	}
}

// TestHostPDOsAreWhatTheMasterMaps: rig.HostPDOs, which rig checks a
// vendor EDS against, is what drivers/canopen's start-up maps: read back
// over SDO from simulated drives the real master has started, in CST, CSP
// and CSP with the torque offset.
func TestHostPDOsAreWhatTheMasterMaps(t *testing.T) {
	for _, tc := range []struct {
		mode   canopen.OpMode
		name   string
		offset bool
	}{{canopen.ModeCST, "CST", false}, {canopen.ModeCSP, "CSP", false}, {canopen.ModeCSP, "CSP", true}} {
		t.Run(fmt.Sprintf("%s offset %v", tc.name, tc.offset), func(t *testing.T) {
			r := newBusRig(t, newSim(t, 2, ""), tc.mode, func(c *canopen.Config) {
				for i := range c.Joints {
					c.Joints[i].TorqueOffset = tc.offset
				}
			})
			if err := r.net.Start(); err != nil {
				t.Fatal(err)
			}
			rpdo, tpdo, err := rig.HostPDOs(tc.name, tc.offset)
			if err != nil {
				t.Fatal(err)
			}
			sdo := &canopen.SDOClient{Conn: r.conn, Timeout: 2 * time.Second}
			for _, want := range []struct {
				index uint16
				m     canopen.PDOMap
			}{{canopen.ObjRPDOMap, rpdo}, {canopen.ObjTPDOMap, tpdo[0]}, {canopen.ObjTPDOMap + 1, tpdo[1]}} {
				for node := uint8(1); node <= 2; node++ {
					n, err := sdo.UploadU8(node, want.index, 0)
					if err != nil {
						t.Fatal(err)
					}
					var got []canopen.PDOEntry
					for s := uint8(1); s <= n; s++ {
						v, err := sdo.UploadU32(node, want.index, s)
						if err != nil {
							t.Fatal(err)
						}
						got = append(got, canopen.DecodePDOEntry(v))
					}
					if fmt.Sprint(got) != fmt.Sprint(want.m.Entries[:want.m.N]) {
						t.Errorf("node %d 0x%04X: the master mapped %v, rig.HostPDOs says %v", node, want.index, got, want.m.Entries[:want.m.N])
					}
				}
			}
		})
	}
}
