package chiron

import (
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/internal/refdata"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robots"
)

func benchModels(t *testing.T) map[string]string {
	t.Helper()
	m := map[string]string{
		"exo": filepath.Join(robots.Dir(), "upper_limb_exo.urdf"),
		"psm": filepath.Join(robots.Dir(), "psm.json"),
	}
	if root := refdata.Root(); root != "" {
		m["panda"] = filepath.Join(root, "panda", "panda.urdf")
	}
	return m
}

// TestModelBenchLockstep runs every model × controller of the benchmark in
// virtual time (Loop.Step, the motion sampled on the same clock) through a
// full out-and-back cycle of the motion, and checks that the supervisor
// stays Enabled and the arm follows the motion (or, in transparent mode,
// floats where it was).
func TestModelBenchLockstep(t *testing.T) {
	for name, path := range benchModels(t) {
		for _, ctrl := range benchControllers {
			t.Run(name+"/"+ctrl, func(t *testing.T) {
				b, err := newModelBench(path, ctrl, time.Millisecond)
				if err != nil {
					t.Fatal(err)
				}
				n := b.chain.DoF()
				sp := control.NewSetpoint(n)
				b.loop.Supervisor().Enable()
				ws := kinematics.NewWorkspace(b.chain)
				var pose kinematics.Frame
				leg := b.jointLeg
				if ctrl == "cartesian-impedance" {
					leg = b.cartLeg
				}
				// Out and the dwell after it: enough to see the tracking and
				// the stop, short enough for -race.
				end := 3 * leg / 2
				worst := 0.0
				for now := time.Millisecond; now <= end+200*time.Millisecond; now += time.Millisecond {
					b.sample(now, sp)
					if _, err := b.loop.Setpoints().Post(sp); err != nil {
						t.Fatal(err)
					}
					b.loop.Step(now)
					if now > 200*time.Millisecond && now < end {
						switch ctrl {
						case "cartesian-impedance":
							ws.FK(&pose, b.plant.Position())
							d := math.Sqrt(sq(pose.P[0]-sp.Position[0]) + sq(pose.P[1]-sp.Position[1]) + sq(pose.P[2]-sp.Position[2]))
							worst = math.Max(worst, d)
						case "transparent":
							for i := range n {
								worst = math.Max(worst, math.Abs(b.plant.Position()[i]-b.q0[i]))
							}
						default:
							for i := range n {
								worst = math.Max(worst, math.Abs(b.plant.Position()[i]-sp.Q[i]))
							}
						}
					}
				}
				if st := b.loop.Supervisor().State(); st != control.Enabled {
					s := b.loop.NewSnapshot()
					b.loop.Snapshot(s)
					t.Fatalf("supervisor %v (%v)", st, s.Reason)
				}
				// Admittance follows its rest pose through the virtual
				// mass–damper–spring (and the robot's real inertia), so it
				// lags; transparent mode keeps whatever speed the hand-over
				// from the enabling hold left (only friction slows it) but
				// must not fall (an uncompensated Panda drops > 1 rad in 1 s).
				bound := map[string]float64{"joint-pd": 0.05, "admittance": 0.1, "transparent": 0.3, "cartesian-impedance": 0.01}[ctrl]
				if worst > bound {
					t.Errorf("worst deviation %v (bound %v)", worst, bound)
				}
				t.Logf("motion %v per leg, worst deviation %.4f", leg, worst)
			})
		}
	}
}

func sq(x float64) float64 { return x * x }

// TestBenchLoopModel runs the real runner with --model and checks the
// report line is the one bench.go prints without it.
func TestBenchLoopModel(t *testing.T) {
	model := filepath.Join(robots.Dir(), "upper_limb_exo.urdf")
	code, out, errs := runCLI(t, "", "bench", "loop", "--duration", "100ms", "--model", model, "--controller", "cartesian-impedance")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	keys := benchKeys
	fields := strings.Fields(strings.TrimSpace(out))
	if len(fields) != len(keys) {
		t.Fatalf("report %q", out)
	}
	for i, f := range fields {
		if k, _, ok := strings.Cut(f, "="); !ok || k != keys[i] {
			t.Fatalf("field %d = %q, want %s=…", i, f, keys[i])
		}
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"bench", "loop", "--model", model, "--controller", "nope"}, "unknown controller"},
		{[]string{"bench", "loop", "--model", filepath.Join(t.TempDir(), "none.urdf")}, "no such file"},
	} {
		code, _, errs := runCLI(t, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

// BenchmarkPandaCartesianCycleAfterSleep times the loop's compute (the
// figure `chiron bench loop` reports as compute_*) for the Panda Cartesian
// impedance on the rigid-body plant, one cycle per iteration, after sleeping
// 0, 100 µs or 1 ms between cycles: how much of a cycle's cost in the real
// 1 kHz loop is the cold cache a wake-up returns to, rather than the work.
// Reported as compute-p50-ns (the histogram bucket's upper edge).
func BenchmarkPandaCartesianCycleAfterSleep(b *testing.B) {
	root := refdata.Root()
	if root == "" {
		b.Skip("../shared/robots not present")
	}
	for _, sleep := range []time.Duration{0, 100 * time.Microsecond, time.Millisecond} {
		b.Run("sleep="+sleep.String(), func(b *testing.B) {
			mb, err := newModelBench(filepath.Join(root, "panda", "panda.urdf"), "cartesian-impedance", time.Millisecond)
			if err != nil {
				b.Fatal(err)
			}
			l := mb.loop
			clk := control.NewMonotonicClock()
			sp := control.NewSetpoint(l.Joints())
			l.Supervisor().Enable()
			k := 0
			for b.Loop() {
				now := clk.Now()
				if k%10 == 0 {
					mb.sample(now, sp)
					if _, err := l.Setpoints().Post(sp); err != nil {
						b.Fatal(err)
					}
				}
				k++
				l.StepTimed(now, now, clk)
				if sleep > 0 {
					clk.SleepUntil(clk.Now() + sleep)
				}
			}
			snap := l.NewSnapshot()
			l.Snapshot(snap)
			if snap.State != control.Enabled {
				b.Fatalf("state %v (%v)", snap.State, snap.Reason)
			}
			b.ReportMetric(float64(snap.Timing.Compute.Quantile(0.5)), "compute-p50-ns")
		})
	}
}
