package robot

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/drivers"
)

func exoPath() string { return filepath.Join(repoRoot(), "robots", "lower_limb_exo.urdf") }

// stepUntil steps r until cond holds (at most n cycles).
func stepUntil(t *testing.T, r *Robot, n int, cond func(*control.Snapshot) bool) *control.Snapshot {
	t.Helper()
	snap := r.Loop().NewSnapshot()
	for range n {
		if err := r.Step(); err != nil {
			t.Fatal(err)
		}
		r.Snapshot(snap)
		if cond(snap) {
			return snap
		}
	}
	t.Fatalf("not within %d cycles: state %s (%s), controller %q", n, snap.State, snap.Reason, snap.Controller)
	return nil
}

// TestReconfigureHoldsAndRestores hands an Enabled robot to another
// configuration and back, as a clinician's session does: the supervisor
// holds it (a protective stop asked for by the session, never Disabled: a
// worn limb must not drop), the other controllers run after a Resume, and
// Restore brings back the robot's own. A claim excludes a second one.
func TestReconfigureHoldsAndRestores(t *testing.T) {
	r, err := Open(Config{ModelPath: exoPath(), Protocol: ProtocolInproc, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	r.Enable()
	stepUntil(t, r, 2000, func(s *control.Snapshot) bool { return s.State == control.Enabled })

	release, err := r.Claim("session S-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Claim("another"); !errors.Is(err, ErrClaimed) || !strings.Contains(err.Error(), "session S-1") {
		t.Fatalf("second claim: %v", err)
	}
	if r.Owner() != "session S-1" {
		t.Fatalf("owner %q", r.Owner())
	}
	a, err := Assemble(r.Chain(), r.Period(), "admittance", Gains{}, SafetyOverrides{})
	if err != nil {
		t.Fatal(err)
	}
	// Reconfigure blocks until the loop applies it: step on another
	// goroutine meanwhile, as the real-time runner would.
	stop := make(chan struct{})
	stepped := make(chan struct{})
	go func() {
		defer close(stepped)
		for {
			select {
			case <-stop:
				return
			default:
				if err := r.Step(); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	was, err := r.Reconfigure(context.Background(), control.Reconfiguration{Controllers: a.Controllers, Safety: a.Safety})
	if err != nil || was != control.Enabled {
		t.Fatalf("reconfigure: was %s, %v", was, err)
	}
	close(stop)
	<-stepped
	snap := r.Loop().NewSnapshot()
	r.Snapshot(snap)
	if snap.State != control.ProtectiveStop || snap.Reason != control.ReasonSessionStop {
		t.Fatalf("during the hand-over: %s (%s), want a session's protective stop", snap.State, snap.Reason)
	}
	for _, s := range snap.Sent {
		if s.Mode == drivers.ModeOff {
			t.Fatalf("a drive was switched off during the hand-over: %+v", snap.Sent)
		}
	}
	r.Loop().Supervisor().Resume()
	stepUntil(t, r, 2000, func(s *control.Snapshot) bool { return s.State == control.Enabled && s.Controller == "admittance" })

	stop, stepped = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stepped)
		for {
			select {
			case <-stop:
				return
			default:
				_ = r.Step()
			}
		}
	}()
	if _, err := r.Restore(context.Background()); err != nil {
		t.Fatal(err)
	}
	close(stop)
	<-stepped
	r.Loop().Supervisor().Resume()
	stepUntil(t, r, 2000, func(s *control.Snapshot) bool { return s.State == control.Enabled && s.Controller == Controllers[0] })
	release()
	if r.Owner() != "" {
		t.Fatalf("owner %q after release", r.Owner())
	}
}

// TestOverrideStartsInItsConfiguration: a robot opened with an Override
// runs that configuration from its first cycle, and the start-up hold
// check is judged over the override's range with the margin asked for.
func TestOverrideStartsInItsConfiguration(t *testing.T) {
	chain, err := LoadModel(exoPath(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Assemble(chain, time.Millisecond, "transparent", Gains{}, SafetyOverrides{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(Config{Chain: chain, Protocol: ProtocolInproc, Override: &control.Reconfiguration{Controllers: a.Controllers, Safety: a.Safety}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	stepUntil(t, r, 5, func(s *control.Snapshot) bool { return s.Controller == "transparent" })

	if _, err := Open(Config{Chain: chain, Protocol: ProtocolInproc, HoldMargin: 0.5}); err == nil || !strings.Contains(err.Error(), "hold margin") {
		t.Fatalf("hold margin 0.5: %v", err)
	}
	// The hip needs its largest gravity torque with the leg straight out
	// (hip at 90°); kept below 30° it needs far less.
	lim := append([]control.JointLimits(nil), a.Safety.Joints...)
	full := withRange(chain, lim)
	lim[0].PositionMax = 0.5
	narrow := withRange(chain, lim)
	if gf, gn := GravityLoads(full, nil)[0].Torque, GravityLoads(narrow, nil)[0].Torque; !(gn < 0.6*gf) {
		t.Fatalf("hip gravity load over 0…0.5 rad %g N·m, over the full range %g N·m", gn, gf)
	}
}
