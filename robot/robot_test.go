package robot

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(file))
}

func psmPath() string { return filepath.Join(repoRoot(), "robots", "psm.json") }

// runHold enables the rig, holds a setpoint offset from the start pose and
// returns a hash of every cycle's measured state and the final snapshot.
func runHold(t *testing.T, cfg Config, cycles int) ([32]byte, *control.Snapshot) {
	t.Helper()
	r, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := r.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}()
	n := r.Chain().DoF()
	sp := control.NewSetpoint(n)
	copy(sp.Q, r.Q0())
	sp.Q[0] += 0.05
	sp.Deadman = true
	if err := r.Post(sp); err != nil {
		t.Fatal(err)
	}
	r.Enable()
	snap := r.Loop().NewSnapshot()
	h := sha256.New()
	var b [8]byte
	for range cycles {
		if err := r.Step(); err != nil {
			t.Fatal(err)
		}
		r.Snapshot(snap)
		for _, j := range snap.Joints {
			for _, x := range []float64{j.Position, j.Velocity, j.Effort} {
				binary.LittleEndian.PutUint64(b[:], math.Float64bits(x))
				h.Write(b[:])
			}
		}
		h.Write([]byte{byte(snap.State)})
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum, snap
}

func TestRigHoldsAndTracks(t *testing.T) {
	for _, proto := range []string{ProtocolInproc, ProtocolDynamixel} {
		t.Run(proto, func(t *testing.T) {
			_, snap := runHold(t, Config{ModelPath: psmPath(), Protocol: proto, Seed: 1}, 1500)
			if snap.State != control.Enabled {
				for _, e := range snap.Events(nil) {
					t.Log(e)
				}
				t.Fatalf("state %v, want enabled", snap.State)
			}
			if e := math.Abs(snap.Joints[0].Position - snap.Desired[0].Position); e > 0.02 {
				t.Errorf("joint 0 tracking error %.4f rad after 1.5 s", e)
			}
		})
	}
}

func TestRigLockstepDeterministic(t *testing.T) {
	faults, err := firmwaresim.ParseFaults("noise:joint=2,sigma=0.001;biterror:p=0.01,from=200ms", 6)
	if err != nil {
		t.Fatal(err)
	}
	for _, proto := range []string{ProtocolInproc, ProtocolDynamixel, ProtocolCANopen} {
		t.Run(proto, func(t *testing.T) {
			cfg := Config{ModelPath: psmPath(), Protocol: proto, Seed: 42, Faults: faults}
			a, _ := runHold(t, cfg, 400)
			b, _ := runHold(t, cfg, 400)
			if a != b {
				t.Fatalf("two lockstep runs with seed 42 differ: %x vs %x", a, b)
			}
			cfg.Seed = 43
			c, _ := runHold(t, cfg, 400)
			if c == a {
				t.Errorf("seeds 42 and 43 gave identical runs: the seed is not used")
			}
		})
	}
}

var _ = time.Second
