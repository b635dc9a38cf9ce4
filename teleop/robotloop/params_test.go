package robotloop

import (
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/teleop"
)

func paramMap(ps []teleop.Parameter) map[string]float64 {
	m := map[string]float64{}
	for _, p := range ps {
		m[p.Name] = p.Value
	}
	return m
}

// TestGainsAsParameters: the active controller's gains are parameters —
// per joint for joint-pd, per Cartesian axis for cartesian-impedance — as
// the loop reports them; a set reaches the loop at the next cycle and is
// read back; a wrong controller, axis, name or value is refused naming it.
func TestGainsAsParameters(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	ps := paramMap(s.robot.Parameters(nil))
	joint := s.robot.JointNames()[0]
	kp := "controller/joint-pd/kp/" + joint
	v, ok := ps[kp]
	if !ok || !(v > 0) || len(ps) != 2*len(s.robot.JointNames()) {
		t.Fatalf("parameters %v: want kp and kd of every joint, %s > 0", ps, kp)
	}
	if err := s.robot.SetParameter(kp, 1.5*v); err != nil {
		t.Fatal(err)
	}
	s.step(2)
	if got := paramMap(s.robot.Parameters(nil))[kp]; got != 1.5*v {
		t.Errorf("%s read back %g after the set, want %g (what the loop runs)", kp, got, 1.5*v)
	}
	for _, c := range []struct {
		name  string
		value float64
		want  string
	}{
		{"controller/cartesian-impedance/kp/x", 100, "not the active one"},
		{"controller/joint-pd/kp/elbow", 10, `no axis "elbow"`},
		{"controller/joint-pd/ki/" + joint, 10, "unknown parameter"},
		{kp, -1, "want a finite gain ≥ 0"},
	} {
		if err := s.robot.SetParameter(c.name, c.value); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s = %g: %v, want an error saying %q", c.name, c.value, err, c.want)
		}
	}

	cs := newStand(t, "upper_limb_exo.urdf", "cartesian-impedance")
	cs.hold()
	cp := paramMap(cs.robot.Parameters(nil))
	if cp["controller/cartesian-impedance/kp/x"] != 1000 || cp["controller/cartesian-impedance/kp/rz"] != 30 {
		t.Errorf("Cartesian gains %v: want kp/x 1000 N/m and kp/rz 30 N·m/rad (the defaults)", cp)
	}
}

// TestSetParameterBesideSnapshots: the server reads snapshots from its
// publisher while an operator sets a gain; the two never wait on each
// other (Snapshot takes the snapshot lock, then the command lock).
func TestSetParameterBesideSnapshots(t *testing.T) {
	s := newStand(t, "psm.json", "joint-pd")
	s.hold()
	kp := "controller/joint-pd/kp/" + s.robot.JointNames()[0]
	v := paramMap(s.robot.Parameters(nil))[kp]
	snaps, sets := make(chan struct{}), make(chan error, 1)
	go func() {
		defer close(snaps)
		var st teleop.State
		for range 2000 {
			s.robot.Snapshot(&st)
		}
	}()
	go func() {
		for i := range 2000 {
			if err := s.robot.SetParameter(kp, v+float64(i%3)); err != nil {
				sets <- err
				return
			}
		}
		sets <- nil
	}()
	timeout := time.After(30 * time.Second)
	for range 2 {
		select {
		case <-snaps:
			snaps = nil
		case err := <-sets:
			if err != nil {
				t.Fatal(err)
			}
		case <-timeout:
			t.Fatal("Snapshot and SetParameter deadlocked (lock order)")
		}
	}
}
