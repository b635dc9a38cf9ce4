package chiron

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/probe"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/canopensim"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/firmware-sim/mitsim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// probeSim returns a simulator of the shipped 4-joint upper-limb
// exoskeleton.
func probeSim(t *testing.T) *firmwaresim.Sim {
	t.Helper()
	c, err := kinematics.LoadChain("../../robots/upper_limb_exo.urdf", "", "")
	if err != nil {
		t.Fatal(err)
	}
	sim, err := firmwaresim.New(c, firmwaresim.Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

// servePTY serves srv on a fresh pty until the test ends and returns the
// path a host opens.
func servePTY(t *testing.T, srv streamServer) string {
	t.Helper()
	link := filepath.Join(t.TempDir(), "ttyUSB0")
	p, err := firmwaresim.OpenPTY(link)
	if err != nil {
		t.Skipf("pseudo-terminals unavailable here: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, p) }()
	t.Cleanup(func() {
		cancel()
		p.Close() // unblocks a front end's read
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("serve: %v", err)
		}
	})
	return link
}

// snapshot copies every drive.
func snapshot(sim *firmwaresim.Sim) []firmwaresim.Drive {
	sim.Lock()
	defer sim.Unlock()
	return slices.Clone(sim.Drives)
}

// drivesUntouched fails if any drive is enabled or its command changed
// since before.
func drivesUntouched(t *testing.T, sim *firmwaresim.Sim, before []firmwaresim.Drive) {
	t.Helper()
	for i, d := range snapshot(sim) {
		if d.Enabled || d.Command != before[i].Command {
			t.Errorf("joint %d after the probe: enabled %v, command %+v (before %+v)", i+1, d.Enabled, d.Command, before[i].Command)
		}
	}
}

// TestProbeDynamixel probes simulated X-series servos over a real pty,
// one with a hardware error latched.
func TestProbeDynamixel(t *testing.T) {
	sim := probeSim(t)
	srv, err := dxlsim.New(sim, dxlsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	sim.Lock()
	sim.Drives[2].Fault = drivers.StatusFault | drivers.StatusOverTemperature
	sim.Unlock()
	link := servePTY(t, srv)
	before := snapshot(sim)
	code, out, errs := runCLI(t, "", "drivers", "probe", "--protocol", "dynamixel", "--port", link, "--ids", "1-6", "--timeout", "1s")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := "id=1 model=XM430-W350(1020) firmware=46 torque=off mode=position hardware-error=none"
	if len(lines) != 4 || lines[0] != want {
		t.Fatalf("output:\n%s\nwant 4 lines, the first %q", out, want)
	}
	if !strings.Contains(lines[2], "id=3 ") || !strings.Contains(lines[2], "hardware-error=overheating") {
		t.Errorf("servo 3 with a hardware error: %q", lines[2])
	}
	if !strings.Contains(errs, "4 device(s) answered") {
		t.Errorf("summary: %q", errs)
	}
	drivesUntouched(t, sim, before)
}

// recNode records every frame a CAN node receives.
type recNode struct {
	firmwaresim.CANNode
	mu     sync.Mutex
	frames []canbus.Frame
}

func (r *recNode) HandleFrame(f canbus.Frame, send func(canbus.Frame)) {
	r.mu.Lock()
	r.frames = append(r.frames, f)
	r.mu.Unlock()
	r.CANNode.HandleFrame(f, send)
}

func (r *recNode) received() []canbus.Frame {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.frames)
}

// TestProbeCubeMars: without --enter-motor-mode the probe sends nothing
// and explains why it sees no motor; with it, each motor gets exactly
// enter, a zero-gain zero-torque command and exit, and is left limp.
func TestProbeCubeMars(t *testing.T) {
	sim := probeSim(t)
	node, err := mitsim.New(sim, mitsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recNode{CANNode: node}
	link := servePTY(t, &firmwaresim.SLCANServer{Node: rec})
	before := snapshot(sim)

	code, out, errs := runCLI(t, "", "drivers", "probe", "--protocol", "cubemars", "--port", link, "--slcan", "--ids", "1-6", "--listen", "50ms")
	if code != 1 || out != "" || !strings.Contains(errs, "--enter-motor-mode") || !strings.Contains(errs, "no device answered") {
		t.Fatalf("passive probe: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if f := rec.received(); len(f) != 0 {
		t.Fatalf("passive probe sent %d frames: %+v", len(f), f)
	}

	code, out, errs = runCLI(t, "", "drivers", "probe", "--protocol", "cubemars", "--port", link, "--slcan", "--ids", "1-6",
		"--listen", "10ms", "--timeout", "200ms", "--enter-motor-mode")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("output:\n%s", out)
	}
	for i, l := range lines {
		want := fmt.Sprintf("id=%d model=AK80-9(assumed) state=rest-mode position=", i+1)
		if !strings.HasPrefix(l, want) || !strings.Contains(l, "temperature=25°C fault=none") {
			t.Errorf("line %d: %q, want prefix %q", i+1, l, want)
		}
	}
	drivesUntouched(t, sim, before)
	// What reached the motors: per answering ID enter, zero command, exit;
	// a single enter to each silent ID.
	per := map[uint32][]canbus.Frame{}
	for _, f := range rec.received() {
		per[f.ID] = append(per[f.ID], f)
	}
	for id := uint32(1); id <= 6; id++ {
		fs := per[id]
		if id > 4 {
			if len(fs) != 1 || fs[0].Data != cubemars.SpecialData(cubemars.EnterMotorMode) {
				t.Errorf("silent ID %d got %+v", id, fs)
			}
			continue
		}
		if len(fs) != 3 || fs[0].Data != cubemars.SpecialData(cubemars.EnterMotorMode) || fs[2].Data != cubemars.SpecialData(cubemars.ExitMotorMode) {
			t.Fatalf("motor %d got %+v", id, fs)
		}
		s, c, err := cubemars.AK80_9.ParseRequest(fs[1].Data[:])
		// Zero torque is the nearest 12-bit code: the symmetric range has
		// no exact zero, so it decodes to half an LSB (4.4 mN·m).
		lsb := (cubemars.AK80_9.TMax - cubemars.AK80_9.TMin) / 4095
		if err != nil || s != 0 || c.Kp != 0 || c.Kd != 0 || math.Abs(c.Torque) > lsb/2+1e-12 {
			t.Errorf("motor %d: the command between enter and exit is %+v (%v %v), want zero gains and torque", id, c, s, err)
		}
	}
}

// TestProbeCANopen probes simulated CiA 402 drives (firmware-sim/canopensim)
// over SLCAN on a real pty. A first host session sets the producer
// heartbeat, as commissioning would, so the probe also reports NMT states.
func TestProbeCANopen(t *testing.T) {
	sim := probeSim(t)
	node, err := canopensim.New(sim, canopensim.Config{DeviceName: "test drive"})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recNode{CANNode: node}
	link := servePTY(t, &firmwaresim.SLCANServer{Node: rec})
	before := snapshot(sim)

	code, out, errs := runCLI(t, "", "drivers", "probe", "--protocol", "canopen", "--port", link, "--slcan", "--ids", "1-3,5", "--listen", "10ms", "--timeout", "200ms")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// Without heartbeats the NMT state is known only if the drives' boot-up
	// messages reached the host (canopensim boots at its first Tick, which
	// races with the adapter being opened): pre-operational or unknown.
	want := `node=1 device-type=0x00020192(CiA 402 servo drive) name="test drive" nmt=? cia402=switch-on-disabled statusword=0x0240 mode=CSP`
	if len(lines) != 3 || strings.Replace(lines[0], "nmt=pre-operational", "nmt=?", 1) != want {
		t.Fatalf("output:\n%s\nwant 3 lines, the first starting %q", out, want)
	}
	// The probe only read: SDO uploads (and aborts after timeouts).
	for _, f := range rec.received() {
		fn, _ := canopen.SplitCOB(f.ID)
		if fn != canopen.COBSDORx || f.Data[0]&0xE0 == 0x20 {
			t.Fatalf("the probe sent something other than an SDO upload: %+v", f)
		}
	}

	port, err := serialport.Open(link, serialport.Config{})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := canbus.DialSLCAN(port, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	sdo := &canopen.SDOClient{Conn: conn, Timeout: time.Second}
	for n := uint8(1); n <= 4; n++ {
		if err := sdo.DownloadU16(n, canopen.ObjProducerHeartbeat, 0, 20); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go sim.Run(ctx, time.Millisecond) // heartbeats run on the Sim's clock

	code, out, errs = runCLI(t, "", "drivers", "probe", "--protocol", "canopen", "--port", link, "--slcan", "--ids", "2", "--listen", "200ms", "--timeout", "200ms")
	if code != 0 || !strings.HasPrefix(out, `node=2 device-type=0x00020192(CiA 402 servo drive) name="test drive" nmt=pre-operational cia402=switch-on-disabled`) {
		t.Fatalf("with heartbeats: exit %d\n%s%s", code, out, errs)
	}
	drivesUntouched(t, sim, before)
}

// TestProbeBadFlags: bad input exits 2 with one line on stderr.
func TestProbeBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"drivers"},
		{"drivers", "scan"},
		{"drivers", "probe"},
		{"drivers", "probe", "--protocol", "modbus", "--port", "/dev/null"},
		{"drivers", "probe", "--protocol", "dynamixel"},
		{"drivers", "probe", "--protocol", "dynamixel", "--port", "/dev/null", "--ids", "1-300"},
		{"drivers", "probe", "--protocol", "dynamixel", "--port", "/dev/null", "--ids", "5-2"},
		{"drivers", "probe", "--protocol", "dynamixel", "--port", "/dev/null", "--ids", "x"},
		{"drivers", "probe", "--protocol", "dynamixel", "--port", "/dev/null", "--slcan"},
		{"drivers", "probe", "--protocol", "dynamixel", "--port", "/dev/null", "--enter-motor-mode"},
		{"drivers", "probe", "--protocol", "canopen", "--port", "/dev/ttyACM0"},
		{"drivers", "probe", "--protocol", "canopen", "--port", "/dev/ttyACM0", "--slcan", "--bitrate", "123"},
		{"drivers", "probe", "--protocol", "canopen", "--port", "can0", "--ids", "0"},
		{"drivers", "probe", "--protocol", "cubemars", "--port", "can0", "--model", "AK99"},
		{"drivers", "probe", "--protocol", "cubemars", "--port", "can0", "--ids", "1-3", "--master-id", "2"},
		{"drivers", "probe", "--protocol", "cubemars", "--port", "can0", "--timeout", "-1s"},
		{"drivers", "probe", "--bogus"},
		{"drivers", "probe", "--protocol", "dynamixel", "--port", "/dev/null", "extra"},
	} {
		code, out, errs := runCLI(t, "", args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, out, errs)
		}
	}
	if code, out, _ := runCLI(t, "", "drivers", "probe", "-h"); code != 0 || !strings.Contains(out, "--enter-motor-mode") && !strings.Contains(out, "enter-motor-mode") {
		t.Errorf("-h: exit %d, %q", code, out)
	}
}

func TestParseIDs(t *testing.T) {
	got, err := probe.ParseIDs("12, 1-3,2,10-10", 0, 252)
	if err != nil || !slices.Equal(got, []int{1, 2, 3, 10, 12}) {
		t.Fatalf("got %v, %v", got, err)
	}
	for _, bad := range []string{"", "-", "1-", "3-1", "0", "128", "1,,2", "a-b"} {
		if _, err := probe.ParseIDs(bad, 1, 127); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestFirmwareSimCubeMarsProbe runs `chiron firmware-sim --protocol
// cubemars --mit-reply 6` as a separate process, as a user does, and probes
// it with `chiron drivers probe --enter-motor-mode` through the pty link it
// prints: every motor answers with the classic 6-byte MIT reply.
func TestFirmwareSimCubeMarsProbe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildChiron(t)
	link := filepath.Join(dir, "ttyACM0")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "firmware-sim", "--model", "../../robots/upper_limb_exo.urdf",
		"--protocol", "cubemars", "--link", link, "--mit-reply", "6")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "ready "+link+"\n" {
		t.Fatalf("ready line %q, %v", line, err)
	}
	code, out, errs := runCLI(t, "", "drivers", "probe", "--protocol", "cubemars", "--port", link, "--slcan",
		"--ids", "1-5", "--listen", "20ms", "--timeout", "500ms", "--enter-motor-mode")
	// --mit-reply 6: the classic 6-byte reply, no temperature or fault.
	if code != 0 || strings.Count(out, "state=rest-mode") != 4 || strings.Contains(out, "id=5") ||
		strings.Count(out, "(6-byte replies)") != 4 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v", err)
	}
}
