package teleop

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

// params sends a getParameters or setParameters request with id and
// returns the parameterValues answer as name → value (JSON text).
func (w *wsClient) params(req map[string]any) map[string]string {
	w.t.Helper()
	w.sendJSON(req)
	var m struct {
		Op         string `json:"op"`
		ID         string `json:"id"`
		Parameters []struct {
			Name  string          `json:"name"`
			Value json.RawMessage `json:"value"`
			Type  string          `json:"type"`
		} `json:"parameters"`
	}
	w.next("parameterValues "+fmt.Sprint(req["id"]), func(f frame) bool {
		return f.mt == websocket.TextMessage && json.Unmarshal(f.data, &m) == nil && m.Op == "parameterValues" && m.ID == req["id"]
	})
	out := map[string]string{}
	for _, p := range m.Parameters {
		if p.Type != "float64" {
			w.t.Errorf("parameter %s type %q", p.Name, p.Type)
		}
		out[p.Name] = string(p.Value)
	}
	return out
}

func show(m map[string]string) string {
	var s []string
	for k, v := range m {
		s = append(s, k+"="+v)
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

// TestParameters: the "parameters" capability — every client reads the
// motion scale and the robot's parameters; only the operator in control
// sets them (the scale clamped as the control action clamps it, the robot
// refusing what it refuses), and each refusal is a status error naming the
// parameter.
func TestParameters(t *testing.T) {
	e := newEnv(t, nil)
	viewer := e.dial(tokViewer, false, nil)
	all := viewer.params(map[string]any{"op": "getParameters", "parameterNames": []string{}, "id": "all"})
	if show(all) != "/psm/controller/kp=100 /psm/teleop/scale=0.2" {
		t.Fatalf("all parameters: %s", show(all))
	}
	if got := viewer.params(map[string]any{"op": "getParameters", "parameterNames": []string{"/psm/teleop/scale", "/psm/nope"}, "id": "two"}); show(got) != "/psm/teleop/scale=0.2" {
		t.Errorf("named: %s", show(got))
	}
	viewer.status(statusError, `unknown parameter "/psm/nope"`)

	// A viewer may not set; the answer keeps the value.
	if got := viewer.params(map[string]any{"op": "setParameters", "parameters": []map[string]any{{"name": "/psm/teleop/scale", "value": 0.5}}, "id": "v"}); show(got) != "/psm/teleop/scale=0.2" {
		t.Errorf("viewer's set: %s", show(got))
	}
	viewer.status(statusError, "/psm/teleop/scale: viewer")

	op := e.operator(tokOperator)
	for _, tc := range []struct {
		name, value, want, status string
	}{
		{"/psm/teleop/scale", "0.5", "/psm/teleop/scale=0.5", ""},
		{"/psm/teleop/scale", "5", "/psm/teleop/scale=1", ""}, // clamped to [0.05, 1]
		{"/psm/controller/kp", "250", "/psm/controller/kp=250", ""},
		{"/psm/controller/kp", "-1", "/psm/controller/kp=250", "must be positive"},
		{"/psm/controller/kp", `"fast"`, "/psm/controller/kp=250", "is not a number"},
		{"/psm/controller/ki", "1", "", `no parameter "controller/ki"`},
		{"/ecm/teleop/scale", "1", "", `unknown parameter "/ecm/teleop/scale"`},
	} {
		id := tc.name + "=" + tc.value
		got := op.params(map[string]any{"op": "setParameters", "parameters": []map[string]any{{"name": tc.name, "value": json.RawMessage(tc.value)}}, "id": id})
		if show(got) != tc.want {
			t.Errorf("set %s: answer %s, want %s", id, show(got), tc.want)
		}
		if tc.status != "" {
			op.status(statusError, tc.status)
		}
	}
	// The others see the operator's values; the scale is the one the
	// operator semantics use.
	if got := viewer.params(map[string]any{"op": "getParameters", "parameterNames": []string{}, "id": "after"}); show(got) != "/psm/controller/kp=250 /psm/teleop/scale=1" {
		t.Errorf("after the operator's sets: %s", show(got))
	}
	e.srv.robots[0].mu.Lock()
	scale := e.srv.robots[0].op.Status().Scale
	e.srv.robots[0].mu.Unlock()
	if scale != 1 {
		t.Errorf("operator scale %g, want 1", scale)
	}
}
