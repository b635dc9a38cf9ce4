package rig

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/kinematics"
)

func loadChain(t testing.TB, model string) *kinematics.Chain {
	t.Helper()
	c, err := kinematics.LoadChain(filepath.Join("..", "robots", model), "", "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The shipped examples decode, and check against the models they name.
func TestExamplesParseAndFitTheirModels(t *testing.T) {
	for file, model := range map[string]string{
		"psm-canopen.yaml":   "psm.json",
		"psm-dynamixel.yaml": "psm.json",
		"exo-cubemars.yaml":  "upper_limb_exo.urdf",
	} {
		c, err := Load(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Check(loadChain(t, model)); err != nil {
			t.Errorf("%s against %s: %v", file, model, err)
		}
	}
	c, err := Load(filepath.Join("testdata", "psm-canopen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Protocol != CANopen || !c.Transport.SLCAN || c.Transport.Bitrate != 1_000_000 || c.ReplyTimeout.D() != 20*time.Millisecond ||
		c.CANopen.MasterTimeout.D() != 100*time.Millisecond || len(c.Joints) != 6 || *c.Joints[2].Node != 3 ||
		c.Joints[2].CountsPerRad != 1e6 || c.Joints[0].RatedTorque != 3.316101 || c.Joints[5].Direction != 1 {
		t.Errorf("decoded %+v", c)
	}
	x, err := Load(filepath.Join("testdata", "exo-cubemars.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if j := x.Joints[3]; j.Direction != -1 || j.ZeroOffset != 0.35 || *j.ID != 4 || j.Model != "AK80-9" {
		t.Errorf("elbow %+v", j)
	}
}

// JSON is YAML: a rig file may be written as JSON.
func TestJSONRigFile(t *testing.T) {
	doc := `{"protocol": "dynamixel", "transport": {"port": "/dev/ttyUSB0"},
  "joints": [{"name": "a", "id": 1, "model": "XM430-W350", "direction": -1, "zero_offset": 0.5}]}`
	c, err := Parse([]byte(doc), "rig.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.Joints[0].Direction != -1 || c.Joints[0].ZeroOffset != 0.5 {
		t.Errorf("%+v", c.Joints[0])
	}
	if _, err := Parse([]byte(`{"protocol": "dynamixel", "transport": {"port": "/dev/ttyUSB0"}, "joints": [{"name": "a", "id": "1"}]}`), "rig.json"); err == nil ||
		!strings.Contains(err.Error(), `rig.json:1: joints[0].id: want an integer, got "1"`) {
		t.Errorf("quoted id: %v", err)
	}
}

const canopenBase = `protocol: canopen
transport:
  port: /dev/ttyACM0
  slcan: true
joints:
  - name: a
    node: 1
    mode: CST
    counts_per_rad: 1000
    direction: 1
`

const dxlBase = `protocol: dynamixel
transport:
  port: /dev/ttyUSB0
joints:
  - name: a
    id: 1
    model: XM430-W350
    direction: 1
`

// Every rule of the file gives an error that names the file, the line and
// the field.
func TestRigFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"empty", "", "rig.yaml: empty file"},
		{"not a mapping", "- 1\n", "rig.yaml:1: want a mapping"},
		{"syntax", "protocol: [", "rig.yaml: "},
		{"two documents", dxlBase + "---\nprotocol: canopen\n", "rig.yaml:9: more than one document"},
		{"unknown top-level", "protocl: canopen\n", "rig.yaml:1: protocl: unknown field (known here: canopen, controller, cubemars, dynamixel, hardware_watchdog, joints, protocol, reply_timeout, safety, transport)"},
		{"bad watchdog", dxlBase + "safety: {watchdog_cycles: 0}\n", "rig.yaml:9: safety.watchdog_cycles: 0: want 1..1000"},
		{"bad velocity scale", dxlBase + "safety:\n  velocity_scale: -1\n", "rig.yaml:10: safety.velocity_scale: -1: want > 0 and at most 10"},
		{"unknown safety field", dxlBase + "safety: {deadman: true}\n", "rig.yaml:9: safety.deadman: unknown field (known here: effort_scale, position_margin, require_deadman, tracking_error, velocity_scale, watchdog_cycles)"},
		{"unknown joint field", strings.Replace(dxlBase, "    direction: 1", "    direction: 1\n    offset: 0.1", 1), "rig.yaml:9: joints[0].offset: unknown field"},
		{"duplicate", dxlBase + "protocol: dynamixel\n", "rig.yaml:9: protocol: given twice (first on line 1)"},
		{"alias", "protocol: &p dynamixel\ntransport: {port: *p}\n", "rig.yaml:2: transport.port: aliases"},
		{"null", strings.Replace(dxlBase, "id: 1", "id:", 1), "rig.yaml:6: joints[0].id: has no value"},
		{"no protocol", "transport: {port: /dev/x}\n", "rig.yaml: protocol: required"},
		{"bad protocol", strings.Replace(dxlBase, "dynamixel", "ethercat", 1), `rig.yaml:1: protocol: "ethercat": want dynamixel, canopen or cubemars`},
		{"no transport", "protocol: dynamixel\njoints: []\n", "rig.yaml: transport: required"},
		{"dxl no port", strings.Replace(dxlBase, "port: /dev/ttyUSB0", "baud: 57600", 1), "rig.yaml:2: transport.port: required"},
		{"dxl slcan", strings.Replace(dxlBase, "port: /dev/ttyUSB0", "port: /dev/ttyUSB0\n  slcan: true", 1), "rig.yaml:2: transport: slcan, bitrate and interface are for CAN protocols"},
		{"bad baud", strings.Replace(dxlBase, "port: /dev/ttyUSB0", "port: /dev/ttyUSB0\n  baud: -1", 1), "rig.yaml:4: transport.baud: must be > 0"},
		{"can port without slcan", strings.Replace(canopenBase, "  slcan: true\n", "", 1), "rig.yaml:2: transport.slcan: a CAN protocol on serial port /dev/ttyACM0 needs slcan: true"},
		{"can port and interface", strings.Replace(canopenBase, "slcan: true", "slcan: true\n  interface: can0", 1), "rig.yaml:2: transport: give port (an SLCAN adapter) or interface (SocketCAN), not both"},
		{"socketcan with bitrate", strings.Replace(canopenBase, "port: /dev/ttyACM0\n  slcan: true", "interface: can0\n  bitrate: 500000", 1), "rig.yaml:2: transport: slcan, bitrate and baud are for an SLCAN adapter"},
		{"bad interface", strings.Replace(canopenBase, "port: /dev/ttyACM0\n  slcan: true", "interface: /dev/can0", 1), `rig.yaml:3: transport.interface: "/dev/can0" is not a network interface name`},
		{"bad bitrate", strings.Replace(canopenBase, "slcan: true", "slcan: true\n  bitrate: 1234", 1), "rig.yaml:5: transport.bitrate: 1234:"},
		{"bad reply timeout", dxlBase + "reply_timeout: 2\n", `rig.yaml:9: reply_timeout: "2" is not a duration like 2ms or 1.5s`},
		{"zero reply timeout", dxlBase + "reply_timeout: 0s\n", "rig.yaml:9: reply_timeout: 0s: want > 0 and at most 1s"},
		{"other protocol's section", dxlBase + "canopen: {master_node: 100}\n", "rig.yaml:9: canopen: settings for protocol canopen in a dynamixel rig"},
		{"bad position mode", dxlBase + "dynamixel: {position_mode: pwm}\n", `rig.yaml:9: dynamixel.position_mode: "pwm": want position or extended-position`},
		{"bad bus watchdog", dxlBase + "dynamixel: {watchdog: 30ms}\n", `rig.yaml:9: dynamixel.watchdog: "30ms": want a multiple of 20ms from 20ms to 2.54s, or off`},
		{"bus watchdog too long", dxlBase + "dynamixel: {watchdog: 3s}\n", `dynamixel.watchdog: "3s"`},
		{"master timeout too short", canopenBase + "canopen: {heartbeat_period: 50ms, master_timeout: 40ms}\n", "rig.yaml:11: canopen.master_timeout: 40ms must exceed heartbeat_period 50ms"},
		{"master timeout not whole ms", canopenBase + "canopen: {master_timeout: 100.5ms}\n", "rig.yaml:11: canopen.master_timeout: 100.5ms: the drives take whole milliseconds"},
		{"no action on master loss", canopenBase + "canopen: {on_master_loss: none}\n", `rig.yaml:11: canopen.on_master_loss: "none": want quick-stop, disable-voltage or fault`},
		{"bad master node", canopenBase + "canopen: {master_node: 0}\n", "rig.yaml:11: canopen.master_node: 0: want 1..127"},
		{"no joints", "protocol: dynamixel\ntransport: {port: /dev/x}\n", "rig.yaml: joints: required"},
		{"joints not a list", "protocol: dynamixel\ntransport: {port: /dev/x}\njoints: {a: 1}\n", "rig.yaml:3: joints: want a list, got a mapping"},
		{"no name", strings.Replace(dxlBase, "  - name: a\n    id: 1", "  - id: 1", 1), "rig.yaml:5: joints[0].name: required"},
		{"no direction", strings.Replace(dxlBase, "    direction: 1\n", "", 1), "rig.yaml:5: joints[0].direction: required: 1 if the joint's position grows with the drive's, -1 if"},
		{"bad direction", strings.Replace(dxlBase, "direction: 1", "direction: 2", 1), "rig.yaml:8: joints[0].direction: 2: want 1 or -1"},
		{"direction not a number", strings.Replace(dxlBase, "direction: 1", "direction: reversed", 1), `rig.yaml:8: joints[0].direction: want an integer, got "reversed"`},
		{"bad zero offset", strings.Replace(dxlBase, "direction: 1", "direction: 1\n    zero_offset: .inf", 1), "rig.yaml:9: joints[0].zero_offset: +Inf: want a finite position"},
		{"dxl no id", strings.Replace(dxlBase, "    id: 1\n", "", 1), "rig.yaml:5: joints[0].id: required"},
		{"dxl bad id", strings.Replace(dxlBase, "id: 1", "id: 253", 1), "rig.yaml:6: joints[0].id: 253: want 0..252"},
		{"dxl no model", strings.Replace(dxlBase, "    model: XM430-W350\n", "", 1), "rig.yaml:5: joints[0].model: required: XM430-W350, XH430-W350, XM540-W270"},
		{"dxl bad model", strings.Replace(dxlBase, "XM430-W350", "AX-12A", 1), `rig.yaml:7: joints[0].model: "AX-12A": want one of XM430-W350`},
		{"dxl canopen field", strings.Replace(dxlBase, "direction: 1", "direction: 1\n    counts_per_rad: 651.9", 1), "rig.yaml:9: joints[0].counts_per_rad: not a dynamixel setting (a dynamixel joint takes name, id, model, lead, direction, zero_offset)"},
		{"dxl node", strings.Replace(dxlBase, "id: 1", "node: 1", 1), "rig.yaml:6: joints[0].node: not a dynamixel setting"},
		{"dxl duplicate id", dxlBase + "  - {name: b, id: 1, model: XM430-W350, direction: 1}\n", "rig.yaml:9: joints[1].id: 1 is also joints[0].id"},
		{"bad lead", strings.Replace(dxlBase, "direction: 1", "direction: 1\n    lead: 0", 1), "rig.yaml:9: joints[0].lead: 0: want the travel per radian"},
		{"canopen no node", strings.Replace(canopenBase, "    node: 1\n", "", 1), "rig.yaml:6: joints[0].node: required"},
		{"canopen id", strings.Replace(canopenBase, "node: 1", "id: 1", 1), "rig.yaml:7: joints[0].id: not a canopen setting"},
		{"canopen bad node", strings.Replace(canopenBase, "node: 1", "node: 128", 1), "rig.yaml:7: joints[0].node: 128: want 1..127"},
		{"canopen node is master", strings.Replace(canopenBase, "node: 1", "node: 127", 1), "rig.yaml:7: joints[0].node: 127 is the master's node ID"},
		{"canopen no mode", strings.Replace(canopenBase, "    mode: CST\n", "", 1), "rig.yaml:6: joints[0].mode: required: CST"},
		{"canopen CSV", strings.Replace(canopenBase, "mode: CST", "mode: CSV", 1), "rig.yaml:8: joints[0].mode: CSV cannot execute the loop's impedance and effort commands"},
		{"canopen bad mode", strings.Replace(canopenBase, "mode: CST", "mode: PP", 1), `rig.yaml:8: joints[0].mode: "PP": want CST or CSP`},
		{"counts per rad zero", strings.Replace(canopenBase, "counts_per_rad: 1000", "counts_per_rad: 0", 1), "rig.yaml:9: joints[0].counts_per_rad: must be > 0"},
		{"counts per rad negative", strings.Replace(canopenBase, "counts_per_rad: 1000", "counts_per_rad: -1000", 1), "rig.yaml:9: joints[0].counts_per_rad: must be > 0"},
		{"counts per rad missing", strings.Replace(canopenBase, "    counts_per_rad: 1000\n", "", 1), "rig.yaml:6: joints[0].counts_per_rad: must be > 0"},
		{"counts per rad too big", strings.Replace(canopenBase, "counts_per_rad: 1000", "counts_per_rad: 1e12", 1), "rig.yaml:9: joints[0].counts_per_rad: must be > 0"},
		{"counts per rad string", strings.Replace(canopenBase, "counts_per_rad: 1000", "counts_per_rad: lots", 1), `rig.yaml:9: joints[0].counts_per_rad: want a number, got "lots"`},
		{"rated torque", strings.Replace(canopenBase, "direction: 1", "direction: 1\n    rated_torque: -2", 1), "rig.yaml:11: joints[0].rated_torque: -2: must be > 0"},
		{"torque offset in CST", strings.Replace(canopenBase, "direction: 1", "direction: 1\n    torque_offset: true", 1), "rig.yaml:11: joints[0].torque_offset: only CSP takes a torque offset"},
		{"torque offset not bool", strings.Replace(canopenBase, "direction: 1", "direction: 1\n    torque_offset: yes", 1), `rig.yaml:11: joints[0].torque_offset: want true or false, got "yes"`},
		{"canopen lead", strings.Replace(canopenBase, "direction: 1", "direction: 1\n    lead: 0.01", 1), "rig.yaml:11: joints[0].lead: not a canopen setting"},
		{"canopen duplicate node", canopenBase + "  - {name: b, node: 1, mode: CSP, counts_per_rad: 10, direction: -1}\n", "rig.yaml:11: joints[1].node: 1 is also joints[0].node"},
		{"cubemars bad model", "protocol: cubemars\ntransport: {interface: can0}\nhardware_watchdog: {port: /dev/ttyACM1, pin: 7, timeout: 50ms}\njoints:\n  - {name: a, id: 1, model: AK99-1, direction: 1}\n", `rig.yaml:5: joints[0].model: "AK99-1": want one of AK80-9, AK70-10, AK60-6, AK10-9`},
		{"cubemars id is master", "protocol: cubemars\ntransport: {interface: can0}\ncubemars: {master_id: 1}\nhardware_watchdog: {port: /dev/ttyACM1, pin: 7, timeout: 50ms}\njoints:\n  - {name: a, id: 1, model: AK80-9, direction: 1}\n", "rig.yaml:6: joints[0].id: 1 is cubemars.master_id"},
		{"cubemars without a hardware watchdog", "protocol: cubemars\ntransport: {interface: can0}\njoints:\n  - {name: a, id: 1, model: AK80-9, direction: 1}\n", "rig.yaml: hardware_watchdog: required for cubemars: MIT-mode motors keep executing their last command when the host dies"},
		{"watchdog without pin", "protocol: cubemars\ntransport: {interface: can0}\nhardware_watchdog: {port: /dev/ttyACM1, timeout: 50ms}\njoints:\n  - {name: a, id: 1, model: AK80-9, direction: 1}\n", "rig.yaml:3: hardware_watchdog.pin: required"},
		{"watchdog on the serial pins", "protocol: cubemars\ntransport: {interface: can0}\nhardware_watchdog: {port: /dev/ttyACM1, pin: 1, timeout: 50ms}\njoints:\n  - {name: a, id: 1, model: AK80-9, direction: 1}\n", "rig.yaml:3: hardware_watchdog.pin: D1: want D2–D19"},
		{"watchdog feedback on the trigger's port", "protocol: cubemars\ntransport: {interface: can0}\nhardware_watchdog: {port: /dev/ttyACM1, pin: 7, feedback_pin: 6, timeout: 50ms}\njoints:\n  - {name: a, id: 1, model: AK80-9, direction: 1}\n", "rig.yaml:3: hardware_watchdog.feedback_pin: D6 is on the trigger D7's port"},
		{"watchdog without timeout", "protocol: cubemars\ntransport: {interface: can0}\nhardware_watchdog: {port: /dev/ttyACM1, pin: 7}\njoints:\n  - {name: a, id: 1, model: AK80-9, direction: 1}\n", "rig.yaml:3: hardware_watchdog.timeout: 0s: want the relay's timeout"},
		{"watchdog on a canopen rig, no port", "protocol: canopen\ntransport: {interface: can0}\nhardware_watchdog: {pin: 7, timeout: 50ms}\njoints:\n  - {name: a, node: 1, mode: CST, counts_per_rad: 1000, direction: 1}\n", "rig.yaml:3: hardware_watchdog.port: required"},
		{"cubemars id 0", "protocol: cubemars\ntransport: {interface: can0}\nhardware_watchdog: {port: /dev/ttyACM1, pin: 7, timeout: 50ms}\njoints:\n  - {name: a, id: 0, model: AK80-9, direction: 1}\n", "rig.yaml:5: joints[0].id: 0: want 1..255"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.doc), "rig.yaml")
			if err == nil {
				t.Fatalf("accepted:\n%s", tc.doc)
			}
			var re *Error
			if !errors.As(err, &re) || re.File != "rig.yaml" {
				t.Fatalf("%v (%T): not an *Error naming the file", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got  %v\nwant %s…", err, tc.want)
			}
		})
	}
}

// Check refuses a file that does not fit the model: joint count, names and
// order, a lead for every turning shaft driving a prismatic joint.
func TestRigFileAgainstTheModel(t *testing.T) {
	psm := loadChain(t, "psm.json")
	data, err := os.ReadFile(filepath.Join("testdata", "psm-dynamixel.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"ok", "", "", ""},
		{"missing joint", "  - name: wrist_yaw\n    id: 6\n    model: XM430-W350\n    direction: 1\n", "",
			"psm.yaml:12: joints: 5 joints for the model's 6 (outer_yaw, outer_pitch, insertion, tool_roll, wrist_pitch, wrist_yaw)"},
		{"order", "name: outer_yaw", "name: outer_pitch",
			`psm.yaml:13: joints[0].name: "outer_pitch" is the model's joint 2, but this is position 1 (outer_yaw): list the joints in chain order`},
		{"unknown name", "name: tool_roll", "name: roll",
			`psm.yaml:27: joints[3].name: "roll": the model's joint 4 is "tool_roll"`},
		{"no lead on prismatic", "    lead: 0.01            # m per rad of the servo's shaft\n", "",
			"psm.yaml:22: joints[2].lead: required: insertion is prismatic"},
		{"lead on revolute", "    id: 5\n", "    id: 5\n    lead: 0.01\n",
			"psm.yaml:33: joints[4].lead: wrist_pitch is revolute"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := string(data)
			if tc.from != "" {
				if !strings.Contains(doc, tc.from) {
					t.Fatalf("example lacks %q", tc.from)
				}
				doc = strings.Replace(doc, tc.from, tc.to, 1)
			}
			c, err := Parse([]byte(doc), "psm.yaml")
			if err != nil {
				t.Fatal(err)
			}
			err = c.Check(psm)
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got  %v\nwant %s…", err, tc.want)
			}
		})
	}
}

// The examples' bus traffic per cycle: six drives do not fit a 1 kHz loop
// on a 1 Mbit/s bus, four MIT motors do.
func TestCycleTime(t *testing.T) {
	for file, want := range map[string][2]time.Duration{
		"psm-canopen.yaml":   {2 * time.Millisecond, 2500 * time.Microsecond},
		"psm-dynamixel.yaml": {2 * time.Millisecond, 3 * time.Millisecond},
		"exo-cubemars.yaml":  {500 * time.Microsecond, time.Millisecond},
	} {
		c, err := Load(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.CycleTime(); got < want[0] || got > want[1] {
			t.Errorf("%s: %v, want %v … %v", file, got, want[0], want[1])
		}
	}
}

// TestDynamixelBusWatchdog: the rig file's watchdog setting reaches the
// driver as its Bus Watchdog period: empty → the driver's default, "off",
// or a multiple of 20 ms.
func TestDynamixelBusWatchdog(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{{"", 0}, {"off", dynamixel.WatchdogOff}, {"200ms", 200 * time.Millisecond}, {"2.54s", 2540 * time.Millisecond}} {
		got, err := (&DynamixelBus{Watchdog: tc.in}).BusWatchdog()
		if err != nil || got != tc.want {
			t.Errorf("%q: %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	var none *DynamixelBus
	if got, err := none.BusWatchdog(); err != nil || got != 0 {
		t.Errorf("no dynamixel section: %v, %v", got, err)
	}
}
