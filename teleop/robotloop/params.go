package robotloop

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/teleop"
)

// Controller gains as parameters (teleop.ParameterRobot), so Foxglove's
// and Lichtblick's Parameters panel shows the gains the loop runs and the
// operator in control can tune them: controller/<name>/kp/<axis> and
// controller/<name>/kd/<axis> of the active controller, axis a joint name
// (joint controllers) or x y z rx ry rz (a Cartesian one), SI units
// (N·m/rad, N/m, N·m·s/rad, N·s/m). The values are the loop's own report
// (control.Snapshot.Gains): what runs, not what was asked. A set goes to the
// loop as a gain change (control.Loop.SetGains), applied at a cycle
// boundary; the supervisor's gain limits still bound what reaches a
// drive.

var _ teleop.ParameterRobot = (*Robot)(nil)

// cartesianAxes name a Cartesian controller's six gains.
var cartesianAxes = []string{"x", "y", "z", "rx", "ry", "rz"}

// axes returns the names of the active controller's gains: the joints, or
// the Cartesian axes when its registry entry says its gains are those.
func (r *Robot) axes(controller string, n int) []string {
	if f, ok := registry.Lookup(controller); ok && f.Gains == registry.GainsCartesian && n == len(cartesianAxes) {
		return cartesianAxes
	}
	if n == len(r.names) {
		return r.names
	}
	return nil
}

// Parameters implements teleop.ParameterRobot.
func (r *Robot) Parameters(dst []teleop.Parameter) []teleop.Parameter {
	r.smu.Lock()
	defer r.smu.Unlock()
	s := r.ssnap
	r.loop.Snapshot(s)
	axes := r.axes(s.Controller, len(s.Gains.Kp))
	if axes == nil || len(s.Gains.Kd) != len(axes) {
		return dst
	}
	for _, g := range []struct {
		kind string
		v    []float64
	}{{"kp", s.Gains.Kp}, {"kd", s.Gains.Kd}} {
		for i, a := range axes {
			dst = append(dst, teleop.Parameter{Name: "controller/" + s.Controller + "/" + g.kind + "/" + a, Value: g.v[i]})
		}
	}
	return dst
}

// SetParameter implements teleop.ParameterRobot: one gain of the active
// controller, a finite value ≥ 0.
func (r *Robot) SetParameter(name string, value float64) error {
	parts := strings.Split(name, "/")
	if len(parts) != 4 || parts[0] != "controller" || (parts[2] != "kp" && parts[2] != "kd") {
		return fmt.Errorf("unknown parameter %q (controller/NAME/kp|kd/AXIS)", name)
	}
	if math.IsNaN(value) || math.IsInf(value, 0) || value < 0 {
		return fmt.Errorf("%s: %g: want a finite gain ≥ 0", name, value)
	}
	// The snapshot side first and on its own: Snapshot takes smu then mu,
	// so mu is never held while waiting for smu.
	r.smu.Lock()
	s := r.ssnap
	r.loop.Snapshot(s)
	active := s.Controller
	axes := r.axes(active, len(s.Gains.Kp))
	g := control.Gains{Kp: slices.Clone(s.Gains.Kp), Kd: slices.Clone(s.Gains.Kd)}
	r.smu.Unlock()
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.claimed(); err != nil {
		return err
	}
	if parts[1] != active {
		return fmt.Errorf("%s: controller %q is not the active one (%s): only the running controller's gains are tuned", name, parts[1], active)
	}
	i := slices.Index(axes, parts[3])
	if i < 0 {
		return fmt.Errorf("%s: no axis %q (%s)", name, parts[3], strings.Join(axes, ", "))
	}
	if parts[2] == "kp" {
		g.Kp[i] = value
	} else {
		g.Kd[i] = value
	}
	if err := r.loop.SetGains(active, g); err != nil {
		return errors.Join(fmt.Errorf("%s", name), err)
	}
	r.note(fmt.Sprintf("gain %s set to %g (applied at the next cycle)", name, value))
	return nil
}
