package chiron

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/rig"
)

// TestFirmwareSimWritesEDS: `chiron firmware-sim --protocol canopen --eds
// DIR` writes each simulated drive's EDS, one a rig file's eds: (and
// CANopen tools) read; other protocols are refused with the reason.
func TestFirmwareSimWritesEDS(t *testing.T) {
	dir := t.TempDir()
	var out, errw bytes.Buffer
	model := filepath.Join("..", "..", "robots", "psm.json")
	if err := runFirmwareSim([]string{"--model", model, "--protocol", "canopen", "--eds", dir}, nil, &out, &errw); err != nil {
		t.Fatalf("%v: %s", err, errw.String())
	}
	if n := strings.Count(out.String(), ".eds (node "); n != 6 {
		t.Fatalf("wrote %d EDS for the PSM's 6 drives:\n%s", n, out.String())
	}
	for i := 1; i <= 6; i++ {
		eds, err := rig.LoadEDS(filepath.Join(dir, "joint-"+string(rune('0'+i))+".eds"))
		if err != nil {
			t.Fatal(err)
		}
		if eds.ProductNumber != 0x402 {
			t.Errorf("joint %d: product 0x%x", i, eds.ProductNumber)
		}
	}
	err := runFirmwareSim([]string{"--model", model, "--protocol", "dynamixel", "--eds", dir}, nil, &out, &errw)
	if err == nil || !strings.Contains(err.Error(), "only CANopen drives have an EDS") {
		t.Errorf("--eds on dynamixel: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "joint-7.eds")); err == nil {
		t.Error("a 7th EDS for a 6-joint robot")
	}
}
