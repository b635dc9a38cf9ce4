package chiron

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// TestFirmwareSimCommand runs `chiron firmware-sim` as a separate process,
// exactly as a user does, pings every servo through the pty link it prints,
// then stops it with SIGTERM and checks that the link is removed.
func TestFirmwareSimCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildChiron(t)
	link := filepath.Join(dir, "ttyDXL")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "firmware-sim", "--model", "../../robots/upper_limb_exo.urdf",
		"--protocol", "dynamixel", "--link", link, "--seed", "3")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("no ready line: %v", err)
	}
	if line != "ready "+link+"\n" {
		t.Fatalf("first line %q, want %q", line, "ready "+link)
	}
	c, err := dynamixel.Dial(serialport.Open, link, serialport.Config{BaudRate: 1_000_000})
	if err != nil {
		t.Fatal(err)
	}
	c.Timeout = time.Second
	for id := byte(1); id <= 4; id++ {
		model, _, err := c.Ping(id)
		if err != nil {
			t.Fatalf("ping %d: %v", id, err)
		}
		if model != dynamixel.XM430W350.Number {
			t.Fatalf("ping %d: model %d", id, model)
		}
	}
	c.Timeout = 20 * time.Millisecond
	if _, _, err := c.Ping(5); err == nil {
		t.Fatal("ID 5 answered on a 4-joint model")
	}
	c.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v", err)
	}
	if _, err := os.Lstat(link); !os.IsNotExist(err) {
		t.Fatalf("link left behind: %v", err)
	}
}

func TestFirmwareSimBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"firmware-sim", "--protocol", "dynamixel"}, "--model FILE is required"},
		{[]string{"firmware-sim", "--model", "../../robots/psm.json", "--protocol", "smoke-signals"}, `--protocol "smoke-signals"`},
		{[]string{"firmware-sim", "--model", "../../robots/psm.json", "--protocol", "dynamixel", "--faults", "melt"}, "unknown kind"},
		{[]string{"firmware-sim", "--model", "../../robots/psm.json", "--protocol", "dynamixel", "--transport", "socketcan"}, "does not run on CAN"},
		{[]string{"firmware-sim", "--model", "../../robots/psm.json", "--protocol", "dynamixel", "--transport", "carrier-pigeon"}, "want pty or socketcan"},
	} {
		code, _, errs := runCLI(t, "", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errs)
		}
	}
}

// TestFirmwareSimBusWatchdog: `chiron firmware-sim --protocol dynamixel`,
// run as a separate process, keeps the servos' own clock — a host that
// armed the Bus Watchdog (98, 100 ms) and then went silent finds every
// servo's 98 reading 0xFF (tripped: goals zeroed, no torque), as real XM
// servos would be.
func TestFirmwareSimBusWatchdog(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	link := startFirmwareSim(t, buildChiron(t), "--model", "../../robots/upper_limb_exo.urdf", "--protocol", "dynamixel")
	c, err := dynamixel.Dial(serialport.Open, link, serialport.Config{BaudRate: 1_000_000})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Timeout = time.Second
	joints := make([]dynamixel.Joint, 4)
	for i := range joints {
		joints[i] = dynamixel.Joint{ID: byte(i + 1), Model: &dynamixel.XM430W350}
	}
	bus, err := dynamixel.NewBus(c, dynamixel.BusConfig{Joints: joints}) // arms 98 at 100 ms
	if err != nil {
		t.Fatal(err)
	}
	st := make([]drivers.JointState, 4)
	if err := bus.Read(0, st); err != nil {
		t.Fatal(err)
	}
	cmds := make([]drivers.JointCommand, 4)
	for i := range cmds {
		cmds[i] = drivers.JointCommand{Mode: drivers.ModePosition, Position: st[i].Position}
	}
	if err := bus.Write(0, cmds); err != nil { // torque on, holding
		t.Fatal(err)
	}
	// The host goes silent for 3× the watchdog: the servos' clock runs on.
	<-time.After(300 * time.Millisecond)
	for id := byte(1); id <= 4; id++ {
		b := make([]byte, 1)
		if err := c.Read(id, 98, b); err != nil || b[0] != 0xFF {
			t.Errorf("servo %d: Bus Watchdog (98) reads %#x (%v) after 300 ms of silence, want 0xFF (tripped)", id, b[0], err)
		}
	}
}

// buildChiron builds the binary `make build` builds into a temporary
// directory and returns its path.
func buildChiron(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "chiron")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/chiron").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// startFirmwareSim runs `chiron firmware-sim ARGS --link LINK` as a
// separate process, as a user does, waits for its ready line and returns
// the pty link; the process is stopped (SIGTERM) when the test ends.
func startFirmwareSim(t *testing.T, bin string, args ...string) string {
	t.Helper()
	link, _ := startFirmwareSimLines(t, bin, args...)
	return link
}

// startFirmwareSimLines is startFirmwareSim that also delivers the lines
// the process prints after its ready line (closed when it exits).
func startFirmwareSimLines(t *testing.T, bin string, args ...string) (string, <-chan string) {
	t.Helper()
	link := filepath.Join(t.TempDir(), "tty")
	cmd := exec.Command(bin, append(append([]string{"firmware-sim"}, args...), "--link", link)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	})
	r := bufio.NewReader(stdout)
	if line, err := r.ReadString('\n'); err != nil || line != "ready "+link+"\n" {
		t.Fatalf("firmware-sim ready line %q, %v", line, err)
	}
	lines := make(chan string, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	return link, lines
}
