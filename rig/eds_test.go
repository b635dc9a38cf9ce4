package rig

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/canopensim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// simEDS is the EDS of chiron's simulated CiA 402 drive.
func simEDS(t *testing.T) string {
	t.Helper()
	chain := &kinematics.Chain{Name: "one", Base: "base", TipName: "tip", Tip: kinematics.Identity(), InsertionJoint: -1,
		Joints: []kinematics.Joint{{Name: "a", Type: kinematics.Revolute, Origin: kinematics.Identity(), Axis: [3]float64{0, 0, 1},
			Lower: -1, Upper: 1, Effort: 2, Velocity: 1, Body: kinematics.Inertia{Mass: 1, I: [9]float64{0.01, 0, 0, 0, 0.01, 0, 0, 0, 0.01}}}}}
	sim, err := firmwaresim.New(chain, firmwaresim.Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	node, err := canopensim.New(sim, canopensim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	text, err := node.EDS(0)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// editSection replaces key's value in section [name] of an EDS ("" as
// value deletes the section).
func editSection(eds, name, key, value string) string {
	re := regexp.MustCompile(`(?s)\[` + name + `\]\n.*?\n\n`)
	return re.ReplaceAllStringFunc(eds, func(sec string) string {
		if value == "" && key == "" {
			return ""
		}
		return regexp.MustCompile(`(?m)^`+key+`=.*$`).ReplaceAllString(sec, key+"="+value)
	})
}

// TestRigEDSChecksTheMapping: a rig file naming a drive's EDS is read only
// when the PDO mappings the master configures agree with it; each
// disagreement refuses the file naming the field, the mapping and the
// object. The simulated drive's own EDS agrees, in CST and in CSP with the
// torque offset.
func TestRigEDSChecksTheMapping(t *testing.T) {
	good := simEDS(t)
	dir := t.TempDir()
	csp := strings.Replace(canopenBase, "mode: CST", "mode: CSP\n    torque_offset: true", 1)
	for _, tc := range []struct {
		name, base, eds, want string
	}{
		{"simulated drive CST", canopenBase, good, ""},
		{"simulated drive CSP with offset", csp, good, ""},
		// A DCF is an EDS with the node's commissioning and the values
		// configured (CiA 306 §9): read the same way.
		{"a DCF", canopenBase, strings.Replace(strings.Replace(good, "[DeviceInfo]", "[DeviceComissioning]\nNodeID=1\nNodeName=hip\nBaudrate=1000\n\n[DeviceInfo]", 1),
			"[1017]\n", "[1017]\nParameterValue=20\n", 1), ""},
		{"target torque not mappable", canopenBase, editSection(good, "6071", "PDOMapping", "0"), "RPDO1 maps 0x6071:00 (Target torque), which"},
		{"torque offset missing", csp, editSection(good, "60B2", "", ""), "RPDO1 maps 0x60B2:00, which"},
		{"position actual 16 bits", canopenBase, editSection(good, "6064", "DataType", "0x0003"), "TPDO1 maps 0x6064:00 (Position actual value) with 32 bits"},
		{"controlword read-only", canopenBase, editSection(good, "6040", "AccessType", "ro"), "RPDO1 (received by the drive) maps 0x6040:00 (Controlword), which"},
		{"no TPDO2 mapping", canopenBase, editSection(good, "1A01sub3", "", ""), "the master configures 0x1A01:03, which"},
		{"not an EDS", canopenBase, "[FileInfo]\nFileName=x\n", "no objects: not an EDS"},
		{"bad data type", canopenBase, editSection(good, "6041", "DataType", "seven"), `[6041] DataType: "seven"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(sub, "drive.eds"), []byte(tc.eds), 0o644); err != nil {
				t.Fatal(err)
			}
			doc := strings.Replace(tc.base, "    direction: 1\n", "    direction: 1\n    eds: drive.eds\n", 1)
			path := filepath.Join(sub, "rig.yaml")
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := Load(path)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want == "":
				// Start-up will check that the drive at the node is the
				// one the EDS describes (0x1018:01 vendor, :02 product).
				if id := cfg.Joints[0].identity; id == nil || id.Vendor != 0 || id.Product != 0x402 || !strings.HasSuffix(id.Source, "drive.eds") {
					t.Errorf("identity for start-up %+v, want vendor 0, product 0x402 from drive.eds", id)
				}
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "joints[0].eds")):
				t.Fatalf("err = %v, want it to name joints[0].eds and contain %q", err, tc.want)
			}
		})
	}
	// eds is a CANopen field.
	if _, err := Parse([]byte(strings.Replace(dxlBase, "    direction: 1\n", "    direction: 1\n    eds: x.eds\n", 1)), "rig.yaml"); err == nil || !strings.Contains(err.Error(), "joints[0].eds") {
		t.Errorf("eds in a dynamixel rig: %v", err)
	}
	if _, err := Parse([]byte(strings.Replace(canopenBase, "    direction: 1\n", "    direction: 1\n    eds: /nonexistent/x.eds\n", 1)), "rig.yaml"); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing EDS: %v", err)
	}
}

// TestParseEDS: numbers, $NODEID defaults and the errors that name the
// line and section.
func TestParseEDS(t *testing.T) {
	doc := "; comment\n[DeviceInfo]\nVendorNumber=0x0000029C\nProductNumber=17\n\n[1800]\nParameterName=TPDO1\nObjectType=0x9\nSubNumber=2\n\n" +
		"[1800sub1]\nParameterName=COB-ID\nDataType=0x0007\nAccessType=rw\nDefaultValue=$NODEID+0x180\n\n" +
		"[6064]\nParameterName=Position actual value\nObjectType=0x7\nDataType=0x0004\nAccessType=ro\nPDOMapping=1\nDefaultValue=-5\n"
	e, err := ParseEDS(strings.NewReader(doc), "d.eds")
	if err != nil {
		t.Fatal(err)
	}
	if e.VendorNumber != 0x29C || e.ProductNumber != 17 || len(e.Objects()) != 2 {
		t.Fatalf("%+v, %d objects", e, len(e.Objects()))
	}
	cob, _ := e.Object(0x1800, 1)
	if v, err := cob.DefaultValue(5); err != nil || v != 0x185 {
		t.Errorf("$NODEID+0x180 at node 5: %x %v", v, err)
	}
	pos, _ := e.Object(0x6064, 0)
	if v, err := pos.DefaultValue(5); err != nil || int64(v) != -5 || !pos.PDOMapping || pos.String() != "0x6064:00 (Position actual value)" {
		t.Errorf("6064: %v %v %v", v, err, pos)
	}
	m, _ := canopen.NewPDOMap(canopen.PDOEntry{Index: 0x6064, Bits: 32})
	if err := e.CheckPDO("TPDO1", &m, false); err != nil {
		t.Errorf("TPDO1: %v", err)
	}
	if err := e.CheckPDO("RPDO1", &m, true); err == nil || !strings.Contains(err.Error(), "makes ro: not writable") {
		t.Errorf("RPDO1 of a read-only object: %v", err)
	}
	for _, tc := range []struct{ doc, want string }{
		{"[6064\nDataType=0x0004\n", "d.eds:1: section header"},
		{"[6064]\nDataType 0x0004\n", "d.eds:2: \"DataType 0x0004\" is neither"},
		{"DataType=1\n", "d.eds:1: \"DataType=1\" before any [section]"},
		{"[6064]\nDataType=0x4\nAccessType=ro\n[6064]\n", "d.eds:4: section [6064] repeated (first at line 1)"},
		{"[6064]\nDataType=0x4\nAccessType=read\n", `d.eds:1: [6064] AccessType: "read"`},
		{"[6064]\nDataType=0x4\nAccessType=ro\nPDOMapping=yes\n", `d.eds:1: [6064] PDOMapping: "yes"`},
		{"[6064subzz]\nDataType=0x4\n", `d.eds:1: [6064subzz]: sub-index "zz"`},
		{"[DeviceInfo]\nVendorNumber=0x1FFFFFFFF\n[6064]\nDataType=0x4\nAccessType=ro\n", `[deviceinfo] vendornumber: "0x1FFFFFFFF"`},
	} {
		if _, err := ParseEDS(strings.NewReader(tc.doc), "d.eds"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err %v, want %q", tc.doc, err, tc.want)
		}
	}
}
