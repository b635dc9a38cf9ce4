package teleop

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Parameters (the Foxglove WebSocket protocol's "parameters" capability),
// so that Foxglove's and Lichtblick's Parameters panel shows and sets what
// an operator tunes: per robot, <prefix>/teleop/scale (the motion scale, as
// the "scale" action of /teleop/control sets it) and whatever the robot
// exposes (ParameterRobot: controller gains). Any client may read them
// (getParameters); only the operator in control of a robot may set that
// robot's (setParameters), as only they may command it — a viewer's or
// another operator's set is refused with a status error naming the
// parameter, and the reply carries the values unchanged. Parameter updates
// are not pushed (no "parametersSubscribe" capability): a panel re-reads.

// ParameterRobot is implemented by robots with parameters an operator may
// tune while teleoperating, such as controller gains.
type ParameterRobot interface {
	// Parameters appends the robot's parameters to dst: names relative to
	// the robot ("controller/kp/outer_yaw"), values in SI units. The
	// names may change (another active controller has other gains): the
	// server asks for them at every request.
	Parameters(dst []Parameter) []Parameter
	// SetParameter asks to set one; an error refuses it and says why
	// (unknown name, out of range, not now). The robot decides; the server
	// reads the value back with Parameters.
	SetParameter(name string, value float64) error
}

// Parameter is one named numeric parameter.
type Parameter struct {
	Name  string
	Value float64
}

// paramValue is a parameter on the wire.
type paramValue struct {
	Name  string          `json:"name"`
	Value json.RawMessage `json:"value,omitempty"`
	Type  string          `json:"type,omitempty"`
}

type parameterValuesMsg struct {
	Op         string       `json:"op"`
	Parameters []paramValue `json:"parameters"`
	ID         string       `json:"id,omitempty"`
}

const paramScale = "teleop/scale"

// params lists rs's parameters, relative names; rs.mu must be held.
func (rs *robotSession) params() []Parameter {
	ps := []Parameter{{paramScale, rs.op.Status().Scale}}
	if pr, ok := rs.robot.(ParameterRobot); ok {
		ps = pr.Parameters(ps)
	}
	return ps
}

// paramName is a robot's parameter's full name: "/psm/teleop/scale", or
// "/teleop/scale" for a robot served without a prefix.
func (rs *robotSession) paramName(rel string) string { return rs.prefix + "/" + rel }

// splitParam finds the robot a full parameter name belongs to (the longest
// matching prefix) and returns it with the relative name.
func (s *Server) splitParam(name string) (*robotSession, string) {
	var best *robotSession
	for _, rs := range s.robots {
		if strings.HasPrefix(name, rs.prefix+"/") && (best == nil || len(rs.prefix) > len(best.prefix)) {
			best = rs
		}
	}
	if best == nil {
		return nil, ""
	}
	return best, strings.TrimPrefix(name, best.prefix+"/")
}

func encodeParam(name string, v float64) paramValue {
	if !(v >= -math.MaxFloat64 && v <= math.MaxFloat64) { // NaN or ±Inf: JSON has none
		return paramValue{Name: name}
	}
	b, _ := json.Marshal(v)
	return paramValue{Name: name, Value: b, Type: "float64"}
}

// getParameters answers with the named parameters (every one when names is
// empty); an unknown name is then reported in a status error.
func (c *client) getParameters(names []string, id string) {
	var out []paramValue
	var bad []string
	for _, rs := range c.s.robots {
		rs.mu.Lock()
		ps := rs.params()
		rs.mu.Unlock()
		for _, p := range ps {
			full := rs.paramName(p.Name)
			if len(names) == 0 || slices.Contains(names, full) {
				out = append(out, encodeParam(full, p.Value))
			}
		}
	}
	for _, n := range names {
		if !slices.ContainsFunc(out, func(p paramValue) bool { return p.Name == n }) {
			bad = append(bad, fmt.Sprintf("getParameters: unknown parameter %q", truncate(n, 128)))
		}
	}
	c.sendParams(out, id)
	c.errors(bad)
}

// setParameters sets each parameter the client may set and answers with
// the values after the request (as the protocol asks when an id is given).
func (c *client) setParameters(params []paramValue, id string) {
	var out []paramValue
	var bad []string
	for _, p := range params {
		rs, rel := c.s.splitParam(p.Name)
		var v float64
		switch {
		case rs == nil:
			bad = append(bad, fmt.Sprintf("setParameters: unknown parameter %q", truncate(p.Name, 128)))
			continue
		case json.Unmarshal(p.Value, &v) != nil:
			bad = append(bad, fmt.Sprintf("setParameters: %s: value %s is not a number", p.Name, truncate(string(p.Value), 32)))
		default:
			if err := c.setParam(rs, rel, v); err != nil {
				bad = append(bad, fmt.Sprintf("setParameters: %s: %v", p.Name, err))
			}
		}
		rs.mu.Lock()
		ps := rs.params()
		rs.mu.Unlock()
		i := slices.IndexFunc(ps, func(q Parameter) bool { return q.Name == rel })
		if i < 0 {
			bad = append(bad, fmt.Sprintf("setParameters: unknown parameter %q", truncate(p.Name, 128)))
			continue
		}
		out = append(out, encodeParam(p.Name, ps[i].Value))
	}
	if id != "" {
		c.sendParams(out, id)
	}
	c.errors(bad)
}

// setParam sets rs's parameter rel to v if c holds control of rs.
func (c *client) setParam(rs *robotSession, rel string, v float64) error {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.op.Owner() != c.name {
		return fmt.Errorf("%s %w of %s: only the operator in control sets its parameters", c.name, ErrNotInControl, rs.robot.Name())
	}
	if !(v >= -math.MaxFloat64 && v <= math.MaxFloat64) {
		return fmt.Errorf("%g is not finite", v)
	}
	if rel == paramScale {
		rs.op.SetScale(v)
		return nil
	}
	pr, ok := rs.robot.(ParameterRobot)
	if !ok {
		return fmt.Errorf("robot %s has no parameter %q", rs.robot.Name(), rel)
	}
	return pr.SetParameter(rel, v)
}

func (c *client) sendParams(ps []paramValue, id string) {
	if ps == nil {
		ps = []paramValue{}
	}
	b, err := json.Marshal(parameterValuesMsg{Op: "parameterValues", Parameters: ps, ID: id})
	if err != nil {
		c.status(statusError, "parameterValues: %v", err)
		return
	}
	c.sendCtrl(b)
}
