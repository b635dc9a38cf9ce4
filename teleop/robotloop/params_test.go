package robotloop

import (
	"strings"
	"testing"

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
