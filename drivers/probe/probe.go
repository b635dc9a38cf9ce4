package probe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// Config is one probe of a bus.
type Config struct {
	// Protocol is dynamixel, canopen or cubemars.
	Protocol string
	// Port is a serial device or a pty; for CAN without SLCAN, a
	// SocketCAN interface (can0).
	Port string
	// SLCAN: Port is a USB-CAN adapter speaking SLCAN; Bitrate is the CAN
	// bit rate set on it (bit/s). Baud is the serial rate.
	SLCAN         bool
	Bitrate, Baud int
	// IDs are probed in order (IDRange gives each protocol's valid range).
	IDs []int
	// Timeout is the wait per request; Listen how long CAN traffic is
	// watched before probing.
	Timeout, Listen time.Duration
	// EnterMotorMode (cubemars): per ID, enter motor mode, send one
	// zero-torque zero-gain command and exit motor mode.
	EnterMotorMode bool
	// Model (cubemars) decodes the replies; MasterID is the CAN ID they
	// arrive on.
	Model    cubemars.Model
	MasterID uint32
	// Open opens serial ports; nil means serialport.Open (tests put a pty
	// or a fake here).
	Open serialport.Opener
}

func (c *Config) open() serialport.Opener {
	if c.Open != nil {
		return c.Open
	}
	return serialport.Open
}

// IDRange is the valid and default ID range of each protocol:
// Dynamixel 2.0 IDs 0–252 (253–255 are reserved or broadcast, e-Manual
// Protocol 2.0 "ID"), CANopen node IDs 1–127 (CiA 301), CubeMars motor IDs
// 1–127 (the reply's ID byte allows 255, but CubeMars' upper computer
// sets IDs in 1–127 and the host is 0).
var IDRange = map[string][2]int{
	"dynamixel": {0, 252},
	"canopen":   {1, 127},
	"cubemars":  {1, 127},
}

// Run lists the devices that answer on cfg's bus, one line each on out,
// without enabling or moving anything (cubemars' EnterMotorMode energises
// each motor with zero torque for one exchange); progress and traffic
// notes go to errw. It returns how many devices answered.
func Run(cfg Config, out, errw io.Writer) (found int, err error) {
	switch cfg.Protocol {
	case "dynamixel":
		return dynamixelProbe(cfg, out)
	case "canopen":
		return canProbe(cfg, out, errw, canopenProbe)
	case "cubemars":
		return canProbe(cfg, out, errw, cubemarsProbe)
	}
	return 0, fmt.Errorf("probe: protocol %q: want dynamixel, canopen or cubemars", cfg.Protocol)
}

// ParseIDs parses a list such as "1-10,12" into ascending, distinct IDs
// within [lo, hi].
func ParseIDs(spec string, lo, hi int) ([]int, error) {
	seen := map[int]bool{}
	var ids []int
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		a, b, isRange := strings.Cut(part, "-")
		from, err := strconv.Atoi(strings.TrimSpace(a))
		if err != nil {
			return nil, fmt.Errorf("%q is not an ID or a range FROM-TO", part)
		}
		to := from
		if isRange {
			if to, err = strconv.Atoi(strings.TrimSpace(b)); err != nil || to < from {
				return nil, fmt.Errorf("%q is not a range FROM-TO with FROM ≤ TO", part)
			}
		}
		if from < lo || to > hi {
			return nil, fmt.Errorf("%q is outside %d-%d", part, lo, hi)
		}
		for id := from; id <= to; id++ {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	// Ascending order, so the output reads like the bus.
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids, nil
}

// ---- Dynamixel ----

// dxlModeNames names Operating Mode (11) values (e-Manual, X-series).
var dxlModeNames = map[byte]string{
	byte(dynamixel.OpCurrent): "current", byte(dynamixel.OpVelocity): "velocity", byte(dynamixel.OpPosition): "position",
	byte(dynamixel.OpExtendedPosition): "extended-position", byte(dynamixel.OpCurrentBasedPosition): "current-based-position",
	byte(dynamixel.OpPWM): "pwm",
}

// dxlHardwareErrors names Hardware Error Status (70) bits (e-Manual,
// X-series, "Shutdown(63)").
func dxlHardwareErrors(b byte) string {
	if b == 0 {
		return "none"
	}
	var names []string
	for _, e := range []struct {
		bit  byte
		name string
	}{{dynamixel.HWInputVoltage, "input-voltage"}, {dynamixel.HWOverheating, "overheating"}, {dynamixel.HWMotorEncoder, "motor-encoder"},
		{dynamixel.HWElectricalShock, "electrical-shock"}, {dynamixel.HWOverload, "overload"}} {
		if b&e.bit != 0 {
			names = append(names, e.name)
			b &^= e.bit
		}
	}
	if b != 0 {
		names = append(names, fmt.Sprintf("0x%02x", b))
	}
	return strings.Join(names, ",")
}

// dynamixelProbe pings every ID and, for servos whose model (and so control
// table) is known, reads Torque Enable (64), Operating Mode (11) and
// Hardware Error Status (70). Pings and reads change nothing on a servo.
func dynamixelProbe(cfg Config, out io.Writer) (int, error) {
	port, err := cfg.open()(cfg.Port, serialport.Config{BaudRate: cfg.Baud})
	if err != nil {
		return 0, err
	}
	c := dynamixel.NewClient(port)
	defer c.Close()
	c.Timeout = cfg.Timeout
	found := 0
	// An alert (the servo has a hardware error) is a drive-fault error
	// that still carries the data.
	usable := func(err error) bool { return err == nil || drivers.KindOf(err) == drivers.KindDriveFault }
	for _, id := range cfg.IDs {
		number, fw, err := c.Ping(byte(id))
		switch {
		case drivers.KindOf(err) == drivers.KindTimeout:
			continue
		case drivers.KindOf(err) == drivers.KindBusOff:
			return found, err
		case !usable(err):
			// Something answered but not cleanly: a baud mismatch, two
			// servos with one ID, noise. Worth a line.
			found++
			fmt.Fprintf(out, "id=%d error=%q\n", id, err.Error())
			continue
		}
		found++
		m, known := dynamixel.ModelByNumber(number)
		if !known {
			fmt.Fprintf(out, "id=%d model=unknown(%d) firmware=%d state=unknown(control table not in chiron's model table)\n", id, number, fw)
			continue
		}
		var torque, mode, hw [1]byte
		if err := firstError(usable, c.Read(byte(id), dynamixel.X.TorqueEnable.Addr, torque[:]),
			c.Read(byte(id), dynamixel.X.OperatingMode.Addr, mode[:]),
			c.Read(byte(id), dynamixel.X.HardwareErrorStatus.Addr, hw[:])); err != nil {
			fmt.Fprintf(out, "id=%d model=%s(%d) firmware=%d error=%q\n", id, m.Name, number, fw, err.Error())
			continue
		}
		onOff := "off"
		if torque[0] != 0 {
			onOff = "on"
		}
		modeName, ok := dxlModeNames[mode[0]]
		if !ok {
			modeName = fmt.Sprintf("mode(%d)", mode[0])
		}
		fmt.Fprintf(out, "id=%d model=%s(%d) firmware=%d torque=%s mode=%s hardware-error=%s\n",
			id, m.Name, number, fw, onOff, modeName, dxlHardwareErrors(hw[0]))
	}
	return found, nil
}

// firstError returns the first error that ok does not accept.
func firstError(ok func(error) bool, errs ...error) error {
	for _, err := range errs {
		if !ok(err) {
			return err
		}
	}
	return nil
}

// ---- CAN protocols ----

// dialCAN opens the CAN connection: an SLCAN adapter on a serial port,
// or a SocketCAN interface.
func dialCAN(cfg Config) (canbus.Conn, error) {
	if !cfg.SLCAN {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return canbus.DialSocketCAN(ctx, cfg.Port)
	}
	return canbus.OpenSLCAN(cfg.open(), cfg.Port, serialport.Config{BaudRate: cfg.Baud}, cfg.Bitrate)
}

// canTraffic is what a passive listen saw, by node or motor ID.
type canTraffic struct {
	nmt      map[uint8]canopen.NMTState // last heartbeat or boot-up (0x700+node)
	emcy     map[uint8]canopen.Emergency
	mitReply map[uint8]cubemars.Reply // MIT replies another host elicited
}

// observe records f.
func (t *canTraffic) observe(f canbus.Frame, cfg Config) {
	if f.IsExtended || f.IsRemote {
		return
	}
	switch cfg.Protocol {
	case "canopen":
		fn, node := canopen.SplitCOB(f.ID)
		switch {
		case fn == canopen.COBHeartbeat && node != 0:
			if _, s, err := canopen.DecodeHeartbeat(f); err == nil {
				t.nmt[node] = s
			}
		case fn == canopen.COBEmcy && node != 0:
			if e, err := canopen.DecodeEmergency(f); err == nil {
				t.emcy[node] = e
			}
		}
	case "cubemars":
		if f.ID != cfg.MasterID || (f.Length != 6 && f.Length != 8) {
			return
		}
		if r, err := cfg.Model.UnpackReply(f.Data[:f.Length]); err == nil {
			t.mitReply[r.ID] = r
		}
	}
}

// probeCAN opens the bus, listens for cfg.Listen, then runs probe.
func canProbe(cfg Config, out, errw io.Writer, probe func(canbus.Conn, Config, *canTraffic, io.Writer, io.Writer) (int, error)) (int, error) {
	conn, err := dialCAN(cfg)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	t := &canTraffic{nmt: map[uint8]canopen.NMTState{}, emcy: map[uint8]canopen.Emergency{}, mitReply: map[uint8]cubemars.Reply{}}
	deadline := time.Now().Add(cfg.Listen)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		f, err := conn.ReadFrame(left)
		switch {
		case err == nil:
			t.observe(f, cfg)
		case errors.Is(err, canbus.ErrTimeout):
		case errors.Is(err, canbus.ErrClosed):
			return 0, fmt.Errorf("CAN connection closed while listening: %w", err)
		default:
			// A malformed SLCAN line or a refused command: keep listening.
			fmt.Fprintf(errw, "listen: %v\n", err)
		}
	}
	return probe(conn, cfg, t, out, errw)
}

// canopenProbe reads, by SDO upload, 0x1000 device type, 0x1008 device
// name, 0x6041 statusword and 0x6061 modes of operation display of every
// node; the NMT state comes from a heartbeat or boot-up message seen. SDO
// uploads read the object dictionary and change nothing; a timed-out
// upload is followed by the SDO client's abort frame (CiA 301), which a
// node without a transfer in progress ignores.
func canopenProbe(conn canbus.Conn, cfg Config, t *canTraffic, out, errw io.Writer) (int, error) {
	sdo := &canopen.SDOClient{Conn: conn, Timeout: cfg.Timeout, Other: func(f canbus.Frame) { t.observe(f, cfg) }}
	found := 0
	for _, id := range cfg.IDs {
		node := uint8(id)
		devType, err := sdo.UploadU32(node, canopen.ObjDeviceType, 0)
		switch k := drivers.KindOf(err); {
		case k == drivers.KindTimeout:
			if s, ok := t.nmt[node]; ok {
				// Heartbeats but no SDO: a stopped node (CiA 301: stopped
				// nodes serve no SDO) or one without an SDO server.
				found++
				fmt.Fprintf(out, "node=%d device-type=? nmt=%s sdo=no-answer\n", node, s)
			}
			continue
		case k == drivers.KindBusOff:
			return found, err
		case err != nil:
			found++
			fmt.Fprintf(out, "node=%d error=%q\n", node, err.Error())
			continue
		}
		found++
		var b strings.Builder
		fmt.Fprintf(&b, "node=%d device-type=0x%08x(%s)", node, devType, deviceTypeName(devType))
		if name, err := sdo.Upload(node, 0x1008, 0); err == nil {
			fmt.Fprintf(&b, " name=%q", strings.TrimRight(string(name), "\x00"))
		}
		nmt := "?"
		if s, ok := t.nmt[node]; ok {
			nmt = s.String()
			if s == canopen.NodeBootUp { // a node enters pre-operational after boot-up
				nmt = canopen.NodePreOperational.String()
			}
		}
		fmt.Fprintf(&b, " nmt=%s", nmt)
		if sw, err := sdo.UploadU16(node, canopen.ObjStatusword, 0); err == nil {
			fmt.Fprintf(&b, " cia402=%s statusword=0x%04x", canopen.DecodeStatusword(sw), sw)
		} else {
			b.WriteString(" cia402=-")
		}
		if m, err := sdo.UploadU8(node, canopen.ObjModesDisplay, 0); err == nil {
			fmt.Fprintf(&b, " mode=%s", cia402ModeName(int8(m)))
		}
		if e, ok := t.emcy[node]; ok && e.Code != 0 {
			fmt.Fprintf(&b, " last-emcy=0x%04x(%s)", e.Code, canopen.EmcyText(e.Code))
		}
		fmt.Fprintln(out, b.String())
	}
	if found == 0 && len(t.nmt) > 0 {
		fmt.Fprintf(errw, "heartbeats seen from nodes outside --ids: %v\n", keys(t.nmt))
	}
	return found, nil
}

// deviceTypeName describes a 0x1000 value (CiA 301 "Device type": device
// profile number in bits 0–15, additional information in 16–31; CiA 402-1
// defines 0x01 frequency converter, 0x02 servo drive, 0x03 stepper).
func deviceTypeName(v uint32) string {
	profile, info := v&0xFFFF, (v>>16)&0xFF
	switch {
	case profile == 0:
		return "no standard profile"
	case profile == 402:
		switch info {
		case 1:
			return "CiA 402 frequency converter"
		case 2:
			return "CiA 402 servo drive"
		case 3:
			return "CiA 402 stepper motor"
		}
		return "CiA 402 drive"
	}
	return fmt.Sprintf("CiA %d device", profile)
}

// cia402ModeName names a 0x6061 value (CiA 402-2 "Modes of operation").
func cia402ModeName(m int8) string {
	names := map[int8]string{0: "none", 1: "PP", 3: "PV", 4: "PT", 6: "HM", 7: "IP", 8: "CSP", 9: "CSV", 10: "CST"}
	if n, ok := names[m]; ok {
		return n
	}
	if m < 0 {
		return fmt.Sprintf("manufacturer(%d)", m)
	}
	return fmt.Sprintf("mode(%d)", m)
}

func keys[V any](m map[uint8]V) []uint8 {
	var ks []uint8
	for k := range m {
		ks = append(ks, k)
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}

// cubemarsProbe reports MIT-mode motors. These answer only in motor mode
// (CubeMars AK manual V1.0.8 §5.3: motor control mode must be entered
// before CAN control; the state is read by sending "enter"), so without
// --enter-motor-mode the probe only reports motors it overheard replying
// to another host. With it, each ID that was not overheard gets: enter
// motor mode, one command with zero gains and zero torque (τ = τ_ff
// whatever the position; τ_ff is the code nearest 0, half an LSB — 4.4
// mN·m on an AK80-9 — because the 12-bit symmetric range has no exact
// zero), exit motor mode; the replies give position, velocity,
// torque, temperature and fault. A motor already driven by another host is
// never touched. The motor is limp before (rest mode) and after (exit), and
// produces zero torque in between: a gravity-loaded joint is unsupported
// throughout, as it was before the probe.
func cubemarsProbe(conn canbus.Conn, cfg Config, t *canTraffic, out, errw io.Writer) (int, error) {
	found := 0
	for _, id := range cfg.IDs {
		if r, ok := t.mitReply[uint8(id)]; ok {
			found++
			fmt.Fprintf(out, "id=%d model=%s(assumed) state=motor-mode(driven by another host) %s\n", id, cfg.Model.Name, mitState(r))
		}
	}
	if !cfg.EnterMotorMode {
		if found == 0 {
			fmt.Fprintln(errw, "cubemars: MIT-mode motors answer only in motor mode and none was heard; a read-only probe cannot see them.")
			fmt.Fprintln(errw, "cubemars: rerun with --enter-motor-mode to send, per ID: enter motor mode, one zero-gain zero-torque command, exit motor mode.")
		}
		return found, nil
	}
	for _, id := range cfg.IDs {
		if _, busy := t.mitReply[uint8(id)]; busy {
			continue
		}
		r, ok, err := mitExchange(conn, cfg, t, cubemars.SpecialFrame(uint8(id), cubemars.EnterMotorMode))
		if err != nil {
			return found, err
		}
		if !ok {
			continue
		}
		found++
		// From here on the motor is in motor mode: always try to leave it.
		r2, ok2, err2 := mitExchange(conn, cfg, t, cubemars.CommandFrame(uint8(id), cfg.Model.Limits, cubemars.Command{}))
		if ok2 {
			r = r2
		}
		_, ok3, err3 := mitExchange(conn, cfg, t, cubemars.SpecialFrame(uint8(id), cubemars.ExitMotorMode))
		if !ok3 && err3 == nil {
			_, ok3, err3 = mitExchange(conn, cfg, t, cubemars.SpecialFrame(uint8(id), cubemars.ExitMotorMode))
		}
		state := "rest-mode"
		if !ok3 {
			state = "UNKNOWN(exit motor mode not acknowledged: check the motor)"
		}
		fmt.Fprintf(out, "id=%d model=%s(assumed) state=%s %s\n", id, cfg.Model.Name, state, mitState(r))
		if err := errors.Join(err2, err3); err != nil {
			return found, err
		}
	}
	return found, nil
}

// mitExchange sends f and waits cfg.Timeout for the addressed motor's
// reply. Other traffic is recorded in t.
func mitExchange(conn canbus.Conn, cfg Config, t *canTraffic, f canbus.Frame) (cubemars.Reply, bool, error) {
	if err := conn.WriteFrame(f); err != nil {
		return cubemars.Reply{}, false, fmt.Errorf("cubemars: send to motor %d: %w", f.ID, err)
	}
	deadline := time.Now().Add(cfg.Timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return cubemars.Reply{}, false, nil
		}
		g, err := conn.ReadFrame(left)
		switch {
		case errors.Is(err, canbus.ErrTimeout):
			continue
		case errors.Is(err, canbus.ErrClosed):
			return cubemars.Reply{}, false, fmt.Errorf("cubemars: %w", err)
		case err != nil:
			continue // a malformed adapter line: keep waiting
		}
		if g.IsExtended || g.IsRemote || g.ID != cfg.MasterID || (g.Length != 6 && g.Length != 8) || uint32(g.Data[0]) != f.ID {
			t.observe(g, cfg)
			continue
		}
		r, err := cfg.Model.UnpackReply(g.Data[:g.Length])
		return r, err == nil, nil
	}
}

// mitState formats an MIT reply.
func mitState(r cubemars.Reply) string {
	s := fmt.Sprintf("position=%.4frad velocity=%.3frad/s torque=%.3fN·m", r.Position, r.Velocity, r.Torque)
	if r.Extended {
		s += fmt.Sprintf(" temperature=%.0f°C fault=%s", r.Temperature, r.Fault)
	} else {
		s += " temperature=? fault=?(6-byte replies)"
	}
	return s
}
