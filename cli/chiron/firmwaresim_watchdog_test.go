package chiron

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCubeMarsWatchdogStopsTheMotorsWhenServeDies: `chiron firmware-sim
// --protocol cubemars` serves the motors' SLCAN adapter and, on a second
// pty, the StandardFirmata board of a watchdog relay on their Safe Torque
// Off input; `chiron serve --rig` with a CubeMars rig file for the PSM
// (its hardware_watchdog pointed at that board) keeps the relay closed
// through gobot's firmata platform; when serve is killed (SIGKILL: no switch-off,
// as a crash or a power cut of the host), the relay opens on its own and
// the motors lose their torque.
func TestCubeMarsWatchdogStopsTheMotorsWhenServeDies(t *testing.T) {
	bin := buildChiron(t)
	dir := t.TempDir()
	wdLink := filepath.Join(dir, "firmata")
	model := filepath.Join("..", "..", "robots", "psm.json")
	link, lines := startFirmwareSimLines(t, bin, "--model", model, "--protocol", "cubemars", "--watchdog-link", wdLink)
	next := func(what string, within time.Duration) string {
		t.Helper()
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("firmware-sim ended before %s", what)
			}
			return l
		case <-time.After(within):
			t.Fatalf("firmware-sim printed nothing for %v, waiting for %s", within, what)
		}
		return ""
	}
	if l := next("its watchdog line", 5*time.Second); !strings.HasPrefix(l, "watchdog "+wdLink+" (StandardFirmata: trigger D7, feedback D8, timeout 100ms)") {
		t.Fatalf("second line %q", l)
	}
	// The PSM on the simulated motors (AK80-9s; the insertion stage's
	// pulley 10 mm in radius), its watchdog on the simulated board.
	rig := "protocol: cubemars\ntransport: {port: " + link + ", slcan: true}\nreply_timeout: 5ms\n" +
		"hardware_watchdog: {port: " + wdLink + ", pin: 7, feedback_pin: 8, timeout: 100ms}\njoints:\n"
	for i, j := range []string{"outer_yaw", "outer_pitch", "insertion", "tool_roll", "wrist_pitch", "wrist_yaw"} {
		rig += fmt.Sprintf("  - {name: %s, id: %d, model: AK80-9, direction: 1", j, i+1)
		if j == "insertion" {
			rig += ", lead: 0.01"
		}
		rig += "}\n"
	}
	rigFile := filepath.Join(dir, "psm-cubemars.yaml")
	if err := os.WriteFile(rigFile, []byte(rig), 0o644); err != nil {
		t.Fatal(err)
	}
	serve := exec.Command(bin, "serve", "--model", model, "--rig", rigFile, "--addr", "127.0.0.1:0",
		"--db", filepath.Join(dir, "rehab.db"), "--sessions", "off")
	serve.Stderr = os.Stderr
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	t.Cleanup(func() {
		if !killed {
			_ = serve.Process.Kill()
			_ = serve.Wait()
		}
	})
	for {
		l := next("the relay closed by serve's loop", 30*time.Second)
		if strings.HasPrefix(l, "watchdog: relay closed") {
			break
		}
	}
	// Closed while serve runs; the host dies without a word.
	if err := serve.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = serve.Wait()
	killed = true
	for {
		l := next("the relay opened after serve died", 5*time.Second)
		if strings.HasPrefix(l, "watchdog: relay opened") {
			if !strings.Contains(l, "no trigger edge for 100ms") {
				t.Errorf("relay opened: %q", l)
			}
			return
		}
	}
}
