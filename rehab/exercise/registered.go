package exercise

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/robot"
)

// ControllerMode is the prefix of an exercise mode that names a controller
// registered in control/registry: "controller:NAME" runs passive range of
// motion's path (its params: from, to, peak_speed, period_s, hold_s) with
// the limb moved by NAME instead of passive's stiff joint PD — a
// researcher's controller (a variable impedance, say) tried on the same
// prescribed motion. The controller's own parameters are the exercise
// params' "controller" member; it must follow joint setpoints.
const ControllerMode = "controller:"

// PlanPeriod is the loop period NewPlan sizes a registered controller's
// default joint gains for (robot.Assemble): the 1 kHz of the simulated
// rehabilitation robots; a station plans for its loop's own (NewPlanAt).
const PlanPeriod = time.Millisecond

// buildExercise is Build, plus the modes that name a registered controller.
func buildExercise(name string, ex *rehab.Exercise, env *Env, gravity func() control.GravityModel) (Exercise, error) {
	ctrl, ok := strings.CutPrefix(strings.ToLower(strings.TrimSpace(ex.Mode)), ControllerMode)
	if !ok {
		return Build(name, ex, env, gravity)
	}
	f, err := registry.Get(ctrl)
	if err != nil {
		return nil, fmt.Errorf("exercise %s: mode %q: %v: %w", name, ex.Mode, err, ErrExercise)
	}
	if f.Follows != registry.FollowsJoints {
		return nil, fmt.Errorf("exercise %s: mode %q: %s follows %s setpoints; an exercise posts joint setpoints: %w",
			name, ex.Mode, ctrl, f.Follows, ErrExercise)
	}
	rest, params, err := splitControllerParams(ex.Params)
	if err != nil {
		return nil, fmt.Errorf("exercise %s: params: %v: %w", name, err, ErrExercise)
	}
	base := *ex
	base.Mode, base.Params = "passive", rest
	inner, err := Build(name, &base, env, gravity)
	if err != nil {
		return nil, err
	}
	pas, ok := inner.(*Passive)
	if !ok {
		return nil, fmt.Errorf("exercise %s: passive path built as %T: %w", name, inner, ErrExercise)
	}
	// The controller comes from the one composition path, with the
	// default joint gains for the period; the supervisor's configuration
	// it assembles is not used (the plan's comes from the patient), so
	// its workspace is given rather than sampled.
	period := env.Period
	if period <= 0 {
		period = PlanPeriod
	}
	a, err := robot.Assemble(env.Chain, period, ctrl, robot.Gains{Params: params},
		robot.SafetyOverrides{Workspace: &control.Box{}})
	if err != nil {
		return nil, fmt.Errorf("exercise %s: params.controller: %v: %w", name, err, ErrExercise)
	}
	return &registered{Passive: pas, ctrl: a.Controllers[0].Controller}, nil
}

// splitControllerParams takes the "controller" member out of an exercise's
// params.
func splitControllerParams(raw json.RawMessage) (rest json.RawMessage, ctrl registry.Params, err error) {
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, nil, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, nil, err
	}
	c, ok := m["controller"]
	if !ok {
		return raw, nil, nil
	}
	delete(m, "controller")
	if rest, err = json.Marshal(m); err != nil {
		return nil, nil, err
	}
	return rest, registry.Params(c), nil
}

// registered is a passive range-of-motion exercise whose limb is moved by
// a registered controller.
type registered struct {
	*Passive
	ctrl control.Controller
}

// Controller returns the registered controller, named as the exercise.
func (e *registered) Controller() control.NamedController {
	return control.NamedController{Name: e.Name(), Controller: e.ctrl}
}
