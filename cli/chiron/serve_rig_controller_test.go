package chiron

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/rig"
)

// TestRigFileChoosesTheController: a rig file's controller section names
// the loop's controller and its parameters; a bad parameter is refused
// before anything is opened, naming the file and the field; an unknown
// controller is refused as the file is read, naming the line.
func TestRigFileChoosesTheController(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("..", "..", "rig", "testdata", "exo-cubemars.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(section string) string {
		p := filepath.Join(t.TempDir(), "exo.yaml")
		if err := os.WriteFile(p, append(base, []byte(section)...), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("controller:\n  name: admittance\n  params: {mass: 0.8, damping: 12}\n")
	cfg, err := rig.Load(good)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Controller == nil || cfg.Controller.Name != "admittance" || !strings.Contains(string(cfg.Controller.Params), "mass: 0.8") {
		t.Fatalf("controller section %+v", cfg.Controller)
	}
	model := filepath.Join("..", "..", "robots", "upper_limb_exo.urdf")
	for _, c := range []struct {
		section string
		want    []string
	}{
		{"controller:\n  name: admittance\n  params: {mass: -1}\n", []string{"exo.yaml: controller.params", `controller "admittance": params.mass: want > 0`}},
		{"controller:\n  name: admittance\n  params: {stifness: 3}\n", []string{"controller.params", "params.stifness: unknown field"}},
		{"controller:\n  name: nope\n", []string{"exo.yaml:", "controller.name", `unknown controller "nope"`}},
		{"controller:\n  name: admittance\n  params: [1, 2]\n", []string{"controller.params: want a mapping"}},
	} {
		var out, errw bytes.Buffer
		err := runServe([]string{"--model", model, "--rig", write(c.section), "--addr", "127.0.0.1:0", "--sessions", "off"}, nil, &out, &errw)
		for _, w := range c.want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%q: %v, want an error containing %q", c.section, err, w)
			}
		}
	}
}
