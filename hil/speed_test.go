package hil

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/robot"
)

func pandaPath(t *testing.T) string {
	p := filepath.Join(repoRoot(), "..", "shared", "robots", "panda", "panda.urdf")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("Panda model not present: %v", err)
	}
	return p
}

// lockstepFactor runs the 7-DoF Panda at 1 kHz in lockstep, holding a
// pose, and returns simulated seconds per wall second.
func lockstepFactor(t *testing.T, proto string, sim, substep time.Duration) float64 {
	t.Helper()
	r, err := robot.Open(robot.Config{ModelPath: pandaPath(t), Tip: "panda_link8", Protocol: proto, Seed: 1,
		Plant: plant.Config{Substep: substep}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sp := control.NewSetpoint(r.Chain().DoF())
	copy(sp.Q, r.Q0())
	sp.Deadman = true
	if err := r.Post(sp); err != nil {
		t.Fatal(err)
	}
	r.Enable()
	n := int(sim / r.Period())
	cpu0 := cpuTime()
	start := time.Now()
	for range n {
		if err := r.Step(); err != nil {
			t.Fatal(err)
		}
	}
	wall := time.Since(start)
	cpu := cpuTime() - cpu0
	snap := r.Loop().NewSnapshot()
	r.Snapshot(snap)
	f := sim.Seconds() / wall.Seconds()
	t.Logf("Panda 7-DoF, %s, 1 kHz lockstep, plant substep %v: %v simulated in %v wall = %.1f× real time (%.1f µs per cycle); process CPU %v = %.1f× per CPU-second; state %v",
		proto, r.Sim().Plant().Substep(), sim, wall.Round(time.Millisecond), f, float64(wall.Microseconds())/float64(n),
		cpu.Round(time.Millisecond), sim.Seconds()/cpu.Seconds(), snap.State)
	return f
}

// TestPandaLockstepSpeed measures the lockstep speed on the Panda, in
// process at the default 250 µs plant substep and at 500 µs (the sweep
// setting, see TestPandaSubstepFidelity); over a pty every cycle costs two
// exchanges and a barrier through the kernel, which bounds it far lower.
// The assertions are loose because the machine may be shared; the logged
// figures are the measurement (README). Its simulated Dynamixel servos are
// sized from the model's effort limits (robot.SimRatings), so it holds there
// too.
func TestPandaLockstepSpeed(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("speed is not measured under -race or -short")
	}
	if f := lockstepFactor(t, robot.ProtocolInproc, 2*time.Second, 0); f < 10 {
		t.Errorf("inproc lockstep at %.1f× real time; expected ≈ 35× on an idle 2-core VM", f)
	}
	if f := lockstepFactor(t, robot.ProtocolInproc, 2*time.Second, 500*time.Microsecond); f < 15 {
		t.Errorf("inproc lockstep with a 500 µs substep at %.1f× real time; expected ≥ 50× on an idle 2-core VM", f)
	}
	if f := lockstepFactor(t, robot.ProtocolDynamixel, time.Second, 0); f < 1 {
		t.Errorf("dynamixel-over-pty lockstep at %.1f× real time", f)
	}
}

// pandaTrack runs the Panda in lockstep (in process) tracking a 0.1 rad,
// 0.25 Hz sine on every joint for 2 s and returns the final measured joint
// positions.
func pandaTrack(t *testing.T, substep time.Duration) []float64 {
	t.Helper()
	r, err := robot.Open(robot.Config{ModelPath: pandaPath(t), Tip: "panda_link8", Protocol: robot.ProtocolInproc, Seed: 1,
		Plant: plant.Config{Substep: substep}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sp := control.NewSetpoint(r.Chain().DoF())
	q0 := append([]float64(nil), r.Q0()...)
	copy(sp.Q, q0)
	sp.Deadman = true
	if err := r.Post(sp); err != nil {
		t.Fatal(err)
	}
	r.Enable()
	for k := range 2000 {
		for i := range sp.Q {
			sp.Q[i] = q0[i] + 0.1*math.Sin(2*math.Pi*0.25*float64(k)/1000+float64(i))
		}
		if err := r.Post(sp); err != nil {
			t.Fatal(err)
		}
		if err := r.Step(); err != nil {
			t.Fatal(err)
		}
	}
	snap := r.Loop().NewSnapshot()
	r.Snapshot(snap)
	if snap.State != control.Enabled {
		t.Fatalf("substep %v: tracking ended %v (%s)", substep, snap.State, snap.Reason)
	}
	q := make([]float64, len(snap.Joints))
	for i, j := range snap.Joints {
		q[i] = j.Position
	}
	return q
}

// TestPandaSubstepFidelity: the 500 µs substep that lockstep sweeps may use
// (plant.substep) tracks the same trajectory as a 62.5 µs reference to
// within two encoder counts (2^17 per revolution: 48 µrad each) on every
// Panda joint, so halving the integration cost changes nothing the loop
// can measure.
func TestPandaSubstepFidelity(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("numerics only: not repeated under -race or -short")
	}
	ref := pandaTrack(t, 62500*time.Nanosecond)
	count := 2 * math.Pi / (1 << 17)
	for _, sub := range []time.Duration{250 * time.Microsecond, 500 * time.Microsecond} {
		q := pandaTrack(t, sub)
		worst := 0.0
		for i := range q {
			worst = math.Max(worst, math.Abs(q[i]-ref[i]))
		}
		t.Logf("substep %v: worst |Δq| against 62.5 µs = %.3g rad (%.1f encoder counts)", sub, worst, worst/count)
		if worst > 2*count+1e-12 {
			t.Errorf("substep %v: final positions differ from the 62.5 µs reference by %.3g rad (> 2 encoder counts)", sub, worst)
		}
	}
}

// BenchmarkPandaStep is one lockstep cycle of the Panda (run with
// -bench PandaStep; -run none).
func BenchmarkPandaStep(b *testing.B) {
	for _, c := range []struct {
		name, proto string
		substep     time.Duration
	}{{"inproc", robot.ProtocolInproc, 0}, {"inproc-substep500us", robot.ProtocolInproc, 500 * time.Microsecond}, {"dynamixel", robot.ProtocolDynamixel, 0}} {
		b.Run(c.name, func(b *testing.B) {
			p := filepath.Join(repoRoot(), "..", "shared", "robots", "panda", "panda.urdf")
			if _, err := os.Stat(p); err != nil {
				b.Skip(err)
			}
			r, err := robot.Open(robot.Config{ModelPath: p, Tip: "panda_link8", Protocol: c.proto, Seed: 1,
				Plant: plant.Config{Substep: c.substep}})
			if err != nil {
				b.Fatal(err)
			}
			defer r.Close()
			sp := control.NewSetpoint(r.Chain().DoF())
			copy(sp.Q, r.Q0())
			sp.Deadman = true
			r.Post(sp)
			r.Enable()
			b.ResetTimer()
			for range b.N {
				if err := r.Step(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)*1e-3/b.Elapsed().Seconds(), "x_realtime")
		})
	}
}

// cpuTime returns the process's user + system CPU time (every thread: the
// front ends' goroutines count too).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// recordedRunFactor runs the scenario text (its model an absolute path)
// through RunScenario with its outputs and MCAP recording on, as `chiron hil
// run` does, and returns simulated seconds per wall second (the report's
// real_time_factor); it checks the run passed.
func recordedRunFactor(t *testing.T, yaml string) float64 {
	t.Helper()
	s, err := ParseScenario([]byte(yaml), filepath.Join(t.TempDir(), "speed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunScenario(context.Background(), s, RunOptions{OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Passed || rep.RecordingSHA256 == "" {
		t.Fatalf("%s", rep.Summary())
	}
	return rep.RealTimeFactor
}

// speedScenario is psm_nominal's motion on model over protocol for 3 s.
func speedScenario(model, tip, protocol string, offset string) string {
	return fmt.Sprintf(`name: speed-%s
robot:
  model: %s
  tip: %q
protocol: %s
seed: 1
duration: 3s
program:
  joint_minjerk:
    waypoints:
      - {offset: %s, duration: 1s, dwell: 200ms}
      - {offset: %s, duration: 1s, dwell: 200ms}
expect:
  limit_violations: 0
  final_state: enabled
`, protocol, model, tip, protocol, offset, "["+strings.Repeat("0, ", strings.Count(offset, ","))+"0]")
}

// TestRecordedRunSpeed measures `chiron hil run`'s lockstep speed with the
// recording on: the PSM over the pty on every protocol (the devices' reply
// crosses the pty every cycle, the host's bytes in 4 KiB batches: robot's
// inline devices) and the 7-DoF Panda in process (recording encoded on its
// own goroutine, /tf at 100 Hz, chunks uncompressed). The figures are the
// measurement (logged, with the machine's load); the bounds are loose
// because the 2-core machine is shared, and catch only a return of the old
// costs: a write and a goroutine hand-off per frame, a 50 ms wait per lost
// reply, reflection-encoded recordings on the loop's thread.
func TestRecordedRunSpeed(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("speed is not measured under -race or -short")
	}
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("load average: %s", strings.TrimSpace(string(load)))
	psm := psmPath()
	for _, tc := range []struct {
		name, yaml string
		min        float64
	}{
		{"psm/dynamixel", speedScenario(psm, "", robot.ProtocolDynamixel, "[0.3, 0.2, 0.03, 0.4, 0.3, 0.3]"), 1},
		{"psm/canopen", speedScenario(psm, "", robot.ProtocolCANopen, "[0.3, 0.2, 0.03, 0.4, 0.3, 0.3]"), 1},
		{"psm/cubemars", speedScenario(psm, "", robot.ProtocolCubeMars, "[0.3, 0.2, 0.03, 0.4, 0.3, 0.3]"), 1},
		{"panda/inproc", "", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y := tc.yaml
			if y == "" {
				y = speedScenario(pandaPath(t), "panda_link8", robot.ProtocolInproc, "[0.3, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3]")
			}
			f := recordedRunFactor(t, y)
			t.Logf("%s: %.1f× real time with the recording on", tc.name, f)
			if f < tc.min {
				t.Errorf("%s at %.1f× real time (bound %g×)", tc.name, f, tc.min)
			}
		})
	}
}
