package teleop

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// newTestOperator returns an operator without tremor filter (so outputs are
// exact) held by "op".
func newTestOperator(t *testing.T, cfg OperatorConfig) *Operator {
	t.Helper()
	if cfg.TremorCutoff == 0 {
		cfg.TremorCutoff = -1
	}
	o, err := NewOperator(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Take("op", t0); err != nil {
		t.Fatal(err)
	}
	return o
}

func identity() *State { return &State{ToolOrientation: [4]float64{0, 0, 0, 1}} }

func near(a, b [3]float64, tol float64) bool {
	for i := range 3 {
		if math.Abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

func TestOperatorScaling(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{})
	out, err := o.Accept("op", t0, &CommandMsg{Seq: 1, Deadman: true, Linear: [3]float64{0.1, 0, -0.05}, Angular: [3]float64{0, 1, 0}}, identity())
	if err != nil {
		t.Fatal(err)
	}
	if out.Hold || !near(out.Linear, [3]float64{0.02, 0, -0.01}, 1e-12) || !near(out.Angular, [3]float64{0, 0.2, 0}, 1e-12) {
		t.Errorf("default scale 0.2: got %+v", out)
	}
	for _, tc := range [][2]float64{{0.5, 0.5}, {0.01, 0.05}, {3, 1}, {math.NaN(), 0.05}} {
		if got := o.SetScale(tc[0]); got != tc[1] {
			t.Errorf("SetScale(%g) = %g, want %g", tc[0], got, tc[1])
		}
	}
	if o.Status().Scale != 0.05 {
		t.Errorf("status scale %g", o.Status().Scale)
	}
}

func TestOperatorSpeedLimitKeepsDirection(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{Scale: 1, MaxLinear: 0.05})
	out, _ := o.Accept("op", t0, &CommandMsg{Seq: 1, Deadman: true, Linear: [3]float64{0.3, 0.4, 0}}, identity())
	if !near(out.Linear, [3]float64{0.03, 0.04, 0}, 1e-12) {
		t.Errorf("clamped linear %v, want [0.03 0.04 0]", out.Linear)
	}
}

func TestOperatorDeadmanAndClutchHold(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{})
	st := identity()
	move := func(seq uint64, deadman, clutch bool) Command {
		out, err := o.Accept("op", t0.Add(time.Duration(seq)*10*time.Millisecond),
			&CommandMsg{Seq: seq, Deadman: deadman, Clutch: clutch, Linear: [3]float64{0.1, 0, 0}}, st)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if out := move(1, false, false); !out.Hold || out.Reason != "deadman" || out.Linear != [3]float64{} {
		t.Errorf("deadman released: %+v, want hold", out)
	}
	if out := move(2, true, false); out.Hold || out.Linear[0] == 0 || !o.Status().Engaged {
		t.Errorf("deadman held: %+v, want motion", out)
	}
	if out := move(3, false, false); !out.Hold || o.Status().Engaged {
		t.Errorf("deadman released while moving: %+v, want immediate hold", out)
	}
	move(4, true, false)
	if out := move(5, true, true); !out.Hold || out.Reason != "clutch" || !o.Status().Clutch {
		t.Errorf("clutch: %+v, want hold", out)
	}
	if out := move(6, true, false); out.Hold {
		t.Errorf("clutch released: %+v, want motion to resume", out)
	}
}

func TestOperatorToolFrameLatchedAtEngage(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{Scale: 1})
	// Tool rotated +90° about z: tool x is base y.
	s := math.Sqrt(0.5)
	st := &State{ToolOrientation: [4]float64{0, 0, s, s}}
	out, _ := o.Accept("op", t0, &CommandMsg{Seq: 1, Deadman: true, Frame: FrameTool, Linear: [3]float64{0.01, 0, 0}, Angular: [3]float64{0.1, 0, 0}}, st)
	if !near(out.Linear, [3]float64{0, 0.01, 0}, 1e-12) || !near(out.Angular, [3]float64{0, 0.1, 0}, 1e-12) {
		t.Fatalf("tool frame: linear %v angular %v, want along base y", out.Linear, out.Angular)
	}
	// The tool rolls during the engagement: the mapping stays latched.
	st.ToolOrientation = [4]float64{0, 0, 0, 1}
	out, _ = o.Accept("op", t0.Add(10*time.Millisecond), &CommandMsg{Seq: 2, Deadman: true, Frame: FrameTool, Linear: [3]float64{0.01, 0, 0}}, st)
	if !near(out.Linear, [3]float64{0, 0.01, 0}, 1e-12) {
		t.Errorf("during engagement: %v, want latched mapping along base y", out.Linear)
	}
	// Clutch and re-engage: re-latched to the new orientation.
	o.Accept("op", t0.Add(20*time.Millisecond), &CommandMsg{Seq: 3, Deadman: true, Clutch: true}, st)
	out, _ = o.Accept("op", t0.Add(30*time.Millisecond), &CommandMsg{Seq: 4, Deadman: true, Frame: FrameTool, Linear: [3]float64{0.01, 0, 0}}, st)
	if !near(out.Linear, [3]float64{0.01, 0, 0}, 1e-12) {
		t.Errorf("after re-engage: %v, want along base x", out.Linear)
	}
	// Base frame ignores the orientation.
	out, _ = o.Accept("op", t0.Add(40*time.Millisecond), &CommandMsg{Seq: 5, Deadman: true, Frame: FrameBase, Linear: [3]float64{0, 0, 0.01}}, &State{ToolOrientation: [4]float64{1, 0, 0, 0}})
	if !near(out.Linear, [3]float64{0, 0, 0.01}, 1e-12) {
		t.Errorf("base frame: %v", out.Linear)
	}
}

func TestOperatorStaleSeq(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{})
	st := identity()
	for _, tc := range []struct {
		seq   uint64
		stale bool
	}{{10, false}, {10, true}, {9, true}, {11, false}, {0, true}} {
		_, err := o.Accept("op", t0, &CommandMsg{Seq: tc.seq, Deadman: true}, st)
		if got := errors.Is(err, ErrStaleSeq); got != tc.stale {
			t.Errorf("seq %d: err %v, want stale=%v", tc.seq, err, tc.stale)
		}
	}
	if got := o.Status().StaleDropped; got != 3 {
		t.Errorf("StaleDropped = %d, want 3", got)
	}
	// A new holder of control starts a fresh sequence.
	o.Release("op")
	o.Take("op2", t0)
	if _, err := o.Accept("op2", t0, &CommandMsg{Seq: 1, Deadman: true}, st); err != nil {
		t.Errorf("new operator seq 1: %v", err)
	}
}

func TestOperatorControl(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{})
	if err := o.Take("op", t0); err != nil {
		t.Errorf("re-take by holder: %v", err)
	}
	if err := o.Take("intruder", t0); !errors.Is(err, ErrControlHeld) {
		t.Errorf("take while held: %v", err)
	}
	if _, err := o.Accept("intruder", t0, &CommandMsg{Seq: 1, Deadman: true}, identity()); !errors.Is(err, ErrNotInControl) {
		t.Errorf("command without control: %v", err)
	}
	if _, err := o.Release("intruder"); !errors.Is(err, ErrNotInControl) {
		t.Errorf("release by non-holder: %v", err)
	}
	hold, err := o.Release("op")
	if err != nil || !hold.Hold || o.Owner() != "" {
		t.Errorf("release: %+v %v owner %q", hold, err, o.Owner())
	}
	if _, was := o.Disconnect("op"); was {
		t.Error("disconnect after release reported control")
	}
	o.Take("op", t0)
	if hold, was := o.Disconnect("op"); !was || !hold.Hold || hold.Reason != "disconnect" {
		t.Errorf("disconnect: %+v %v", hold, was)
	}
}

func TestOperatorHeartbeatAndSilence(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{})
	st := identity()
	o.Accept("op", t0, &CommandMsg{Seq: 1, Deadman: true, Linear: [3]float64{0.1, 0, 0}}, st)
	if _, send, pstop := o.Tick(t0.Add(100*time.Millisecond), nil); send || pstop != "" {
		t.Fatal("tick at exactly the heartbeat limit must not hold")
	}
	hold, send, pstop := o.Tick(t0.Add(101*time.Millisecond), nil)
	if !send || !hold.Hold || hold.Reason != "heartbeat" || pstop != "" {
		t.Fatalf("heartbeat lapse: %+v send=%v pstop=%q", hold, send, pstop)
	}
	if _, send, _ := o.Tick(t0.Add(200*time.Millisecond), nil); send {
		t.Error("hold repeated while already held")
	}
	_, _, pstop = o.Tick(t0.Add(1001*time.Millisecond), nil)
	if !strings.Contains(pstop, "silent") {
		t.Fatalf("silence: pstop %q", pstop)
	}
	if _, _, pstop := o.Tick(t0.Add(2*time.Second), nil); pstop != "" {
		t.Error("protective stop repeated for the same silence")
	}
	// A fresh command re-arms both watchdogs.
	o.Accept("op", t0.Add(3*time.Second), &CommandMsg{Seq: 2, Deadman: true, Linear: [3]float64{0.1, 0, 0}}, st)
	if !o.Status().Engaged {
		t.Error("not engaged after fresh command")
	}
	if _, _, pstop := o.Tick(t0.Add(4100*time.Millisecond), nil); pstop == "" {
		t.Error("second silence not stopped")
	}
	// Nobody in control: the watchdogs are idle.
	o.Release("op")
	if _, send, pstop := o.Tick(t0.Add(time.Hour), nil); send || pstop != "" {
		t.Error("watchdog fired with nobody in control")
	}
}

func TestOperatorLatency(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{})
	o.Accept("op", t0, &CommandMsg{Seq: 7, Deadman: true}, identity())
	o.Tick(t0.Add(5*time.Millisecond), &State{AppliedSeq: 7, AppliedAt: t0.Add(3 * time.Millisecond)})
	if s := o.Status(); s.LastSeqApplied != 7 || s.Latency != 3*time.Millisecond {
		t.Errorf("status %+v, want seq 7 latency 3ms", s)
	}
	o.NoteApplied(6, t0.Add(time.Second)) // older seq: ignored
	if o.Status().Latency != 3*time.Millisecond {
		t.Error("older applied seq changed the latency")
	}
}

func TestOperatorWorkspaceBlocksOutwardMotion(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{Scale: 1, Workspace: Box{Min: [3]float64{-0.1, -0.1, -0.1}, Max: [3]float64{0.1, 0.1, 0.1}}})
	st := &State{ToolPosition: [3]float64{0.12, 0, -0.1}, ToolOrientation: [4]float64{0, 0, 0, 1}}
	out, _ := o.Accept("op", t0, &CommandMsg{Seq: 1, Deadman: true, Linear: [3]float64{0.01, 0.01, -0.01}}, st)
	if !near(out.Linear, [3]float64{0, 0.01, 0}, 1e-12) {
		t.Errorf("outside +x and on −z face: %v, want [0 0.01 0]", out.Linear)
	}
	out, _ = o.Accept("op", t0, &CommandMsg{Seq: 2, Deadman: true, Linear: [3]float64{-0.01, 0, 0.01}}, st)
	if !near(out.Linear, [3]float64{-0.01, 0, 0.01}, 1e-12) {
		t.Errorf("moving back inside: %v, want unchanged", out.Linear)
	}
}

func TestOperatorTremorFilter(t *testing.T) {
	o, err := NewOperator(OperatorConfig{Scale: 1, MaxLinear: 10})
	if err != nil {
		t.Fatal(err)
	}
	o.Take("op", t0)
	// 10 Hz tremor of 1 m/s amplitude on top of a 0.02 m/s voluntary motion,
	// sampled at the 100 Hz command rate.
	var peak float64
	for i := range 300 {
		x := 0.02 + math.Sin(2*math.Pi*10*float64(i)/100)
		out, _ := o.Accept("op", t0.Add(time.Duration(i)*10*time.Millisecond), &CommandMsg{Seq: uint64(i + 1), Deadman: true, Linear: [3]float64{x, 0, 0}}, identity())
		if i >= 200 {
			peak = math.Max(peak, math.Abs(out.Linear[0]-0.02))
		}
	}
	if peak > 0.04 { // ≈ −28.5 dB of 1 m/s
		t.Errorf("tremor residue %.4f m/s, want < 0.04", peak)
	}
}

func TestOperatorConfigErrors(t *testing.T) {
	for _, cfg := range []OperatorConfig{
		{CommandRate: -1},
		{Heartbeat: 2 * time.Second, SilenceStop: time.Second},
		{TremorCutoff: 60, CommandRate: 100},
		{MaxLinear: -1},
	} {
		if _, err := NewOperator(cfg); err == nil {
			t.Errorf("NewOperator(%+v): no error", cfg)
		}
	}
}

func TestComputeHaptic(t *testing.T) {
	cfg := HapticConfig{Workspace: Box{Min: [3]float64{-0.1, -0.1, -0.1}, Max: [3]float64{0.1, 0.1, 0.1}},
		JointLower: []float64{-1, -1}, JointUpper: []float64{1, 1}}.withDefaults()
	var cue HapticCue
	st := &State{ToolPosition: [3]float64{0.105, 0, 0}, Position: []float64{0.95, 0}}
	computeHaptic(&cfg, []string{"j1", "j2"}, st, &cue)
	// Wall at 0.1 − 0.005 = 0.095: penetration 0.01 m → −2 N along x.
	if !near([3]float64(cue.Force), [3]float64{-2, 0, 0}, 1e-9) || math.Abs(cue.Penetration-0.01) > 1e-12 || cue.InWorkspace {
		t.Errorf("cue %+v", cue)
	}
	if math.Abs(cue.JointProximity[0]-0.5) > 1e-9 || cue.JointProximity[1] != 0 || cue.NearestJoint != "j1" {
		t.Errorf("joint proximity %v nearest %q", cue.JointProximity, cue.NearestJoint)
	}
	st = &State{ToolPosition: [3]float64{0, 0, 0}, Position: []float64{0, 0}}
	computeHaptic(&cfg, []string{"j1", "j2"}, st, &cue)
	if cue.Force != (jsonVec{}) || !cue.InWorkspace || cue.NearestJoint != "" {
		t.Errorf("centre: %+v", cue)
	}
	st.ToolPosition = [3]float64{-5, 0, 0}
	computeHaptic(&cfg, nil, st, &cue)
	if math.Abs(cue.Force[0]-cfg.MaxForce) > 1e-9 {
		t.Errorf("deep penetration force %v, want capped at %g N", cue.Force, cfg.MaxForce)
	}
}
