package chiron

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/control/registry/external"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

func init() {
	register(command{
		name:    "controllers",
		summary: "the controllers this binary can run by name (control/registry): summary, setpoints, gains and parameters with defaults",
		run:     runControllers,
	})
}

// runControllers describes the named registered controllers, or all.
func runControllers(args []string, _ io.Reader, out, _ io.Writer) error {
	names := args
	if len(names) == 0 {
		names = registry.Names()
	}
	for _, n := range names {
		if strings.HasPrefix(n, "-") {
			return usagef("controllers takes controller names, not flags (%q)", n)
		}
		d, err := registry.Describe(n)
		if err != nil {
			return usageError{err}
		}
		fmt.Fprint(out, d)
	}
	return nil
}

// controllerChoice checks --controller and --controller-params (a file, or
// inline JSON/YAML when it starts with '{') against the registry before
// anything starts, and returns the parameters for the robot. real is true
// for real drives (--rig), which an external controller may not drive: its
// lockstep exchange blocks the loop.
func controllerChoice(name, params string, chain *kinematics.Chain, rate float64, real bool) (registry.Params, error) {
	if name == "" {
		name = registry.Default
	}
	if _, err := registry.Get(name); err != nil {
		return nil, usagef("--controller: %v", err)
	}
	if name == external.Name && real {
		return nil, usagef("--controller external is for simulation (each cycle waits for the program's reply); serve it with --sim")
	}
	var raw registry.Params
	switch p := strings.TrimSpace(params); {
	case p == "":
	case strings.HasPrefix(p, "{"):
		raw = registry.Params(p)
	default:
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, usagef("--controller-params: %v", err)
		}
		raw = b
	}
	return checkControllerParams(name, raw, "--controller-params", chain, rate)
}

// checkControllerParams validates raw against controller name's schema
// for chain at rate; errors start with source (the flag, or the rig file
// and its field) and name the parameter.
func checkControllerParams(name string, raw registry.Params, source string, chain *kinematics.Chain, rate float64) (registry.Params, error) {
	period := time.Millisecond
	if rate > 0 {
		period = time.Duration(float64(time.Second) / rate)
	}
	if err := registry.Validate(name, &registry.Env{Name: name, Chain: chain, Period: period, Params: raw}); err != nil {
		return nil, usagef("%s: %v", source, err)
	}
	return raw, nil
}

// activeController is the name of the controller r's loop runs, from the
// loop's own snapshot: it waits (up to 2 s, polling each millisecond) for
// the loop's first published cycle, which comes within a few periods of
// the runner's start; "unknown (the loop has not cycled)" otherwise.
func activeController(ctx context.Context, r *robot.Robot) string {
	snap := r.Loop().NewSnapshot()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	deadline := time.After(2 * time.Second)
	for {
		r.Snapshot(snap)
		if snap.Controller != "" {
			return snap.Controller
		}
		select {
		case <-tick.C:
		case <-deadline:
			return "unknown (the loop has not cycled)"
		case <-ctx.Done():
			return "unknown (stopped)"
		}
	}
}
