package teleop

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"github.com/chiron-robotics/chiron/channels"
)

// singleTyped and validate are package channels' checks (the schemas are
// there; HIL recordings are checked with them too).
var (
	singleTyped = channels.SingleTyped
	validate    = channels.ValidateValue
)

func parseSchema(t *testing.T, name, schema string) map[string]any {
	t.Helper()
	var s map[string]any
	if err := json.Unmarshal([]byte(schema), &s); err != nil {
		t.Fatalf("%s: schema is not JSON: %v", name, err)
	}
	return s
}

// TestValidatorCatchesUnionsAndViolations: the checks below can fail.
func TestValidatorCatchesUnionsAndViolations(t *testing.T) {
	union := parseSchema(t, "union", `{"type":"object","properties":{"p":{"type":"array","items":{"type":["number","null"]}},"q":{}}}`)
	if errs := singleTyped(union, "union"); len(errs) != 2 {
		t.Errorf("union schema: %v, want 2 errors (items union, q untyped)", errs)
	}
	s := parseSchema(t, "s", `{"type":"object","properties":{"a":{"type":"array","items":{"type":"number"},"maxItems":2},"e":{"type":"string","enum":["x"]}},"required":["a"],"additionalProperties":false}`)
	for _, tc := range []struct {
		msg  string
		want int
	}{
		{`{"a":[1,2],"e":"x"}`, 0},
		{`{"a":[1,null]}`, 1},
		{`{"a":[1,2,3]}`, 1},
		{`{"e":"y"}`, 2},
		{`{"a":[],"z":1}`, 1},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.msg), &v); err != nil {
			t.Fatal(err)
		}
		if errs := validate(s, v, "s"); len(errs) != tc.want {
			t.Errorf("validate(%s) = %v, want %d errors", tc.msg, errs, tc.want)
		}
	}
}

// TestSchemasSingleTypedAndMessagesValid parses every schema teleop
// advertises (the server's channels, and the client channels' schemas the
// console and the gamepad bridge advertise), refuses any property whose
// type is not a single string, and validates a published message of every
// server channel against its schema — with all readings finite, and with a
// joint and the tool pose lost (NaN), where no null and no stand-in number
// may appear.
func TestSchemasSingleTypedAndMessagesValid(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.Robots[0].Haptics.Workspace = Box{Min: [3]float64{-0.1, -0.1, -0.2}, Max: [3]float64{0.1, 0.1, 0}}
	})
	var adv advertiseMsg
	if err := json.Unmarshal(e.srv.advertise, &adv); err != nil {
		t.Fatal(err)
	}
	schemas := map[uint32]map[string]any{}
	for _, ch := range adv.Channels {
		s := parseSchema(t, ch.Topic, ch.Schema)
		for _, err := range singleTyped(s, ch.Topic) {
			t.Error(err)
		}
		schemas[ch.ID] = s
	}
	client := map[string]string{"command": CommandSchema, "control": ControlSchema, "estop": EStopSchema}
	samples := map[string]string{
		"command": `{"seq":1,"deadman":true,"clutch":false,"frame":"tool","linear":[0,0,0.1],"angular":[0,0,0],"gripper":1}`,
		"control": `{"action":"take"}`,
		"estop":   `{"engage":true}`,
	}
	for name, schema := range client {
		s := parseSchema(t, name, schema)
		for _, err := range singleTyped(s, name) {
			t.Error(err)
		}
		var v any
		if err := json.Unmarshal([]byte(samples[name]), &v); err != nil {
			t.Fatal(err)
		}
		for _, err := range validate(s, v, name) {
			t.Error(err)
		}
	}

	c := e.dial(tokViewer, false, nil)
	subs := map[uint32]string{}
	for i, ch := range adv.Channels {
		sub := uint32(100 + i)
		c.subscribe(sub, ch.Topic)
		subs[sub] = ch.Topic
	}
	// check reads one message of every channel, validates it and returns
	// them decoded by topic.
	check := func(state string) map[string]map[string]any {
		t.Helper()
		got := map[string]map[string]any{}
		for sub, topic := range subs {
			_, p := c.data(sub)
			if strings.Contains(string(p), "null") {
				t.Errorf("%s %s: null in %s", state, topic, p)
			}
			var v map[string]any
			if err := json.Unmarshal(p, &v); err != nil {
				t.Fatalf("%s %s: %v in %s", state, topic, err, p)
			}
			for _, err := range validate(schemas[c.channels[topic]], v, state+" "+topic) {
				t.Errorf("%v (message %s)", err, p)
			}
			got[topic] = v
		}
		return got
	}
	// Once every subscription has data, an event: /safety/log has a
	// message to check. /robot_description (latched) and the log are read
	// in the first round only.
	// /robot_description is latched: read first (waiting for another
	// channel skips other frames), then left out.
	descSub := subByTopic(subs, "/psm/robot_description")
	_, desc := c.data(descSub)
	if err := channels.Check(channels.Spec{Topic: "/psm/robot_description", SchemaName: "desc", Schema: adv.Channels[descSub-100].Schema}, desc); err != nil {
		t.Error(err)
	}
	delete(subs, descSub)
	for sub, topic := range subs {
		if topic != "/psm/safety/log" {
			c.data(sub) // every subscription is in place
		}
	}
	// The event's log message is read before anything else (which would
	// skip it), then the other channels.
	logSub := subByTopic(subs, "/psm/safety/log")
	delete(subs, logSub)
	if err := e.robot.EStop(true); err != nil {
		t.Fatal(err)
	}
	_, logMsg := c.data(logSub)
	if err := channels.Check(channels.Spec{Topic: "/psm/safety/log", SchemaName: "log", Schema: adv.Channels[logSub-100].Schema}, logMsg); err != nil {
		t.Error(err)
	}
	check("finite")

	nan := math.NaN()
	e.robot.SetJointPositions([]float64{0.1, 0.2, nan})
	e.robot.SetToolPose([3]float64{nan, 0, 0}, [4]float64{0, 0, 0, 1})
	// Telemetry published before the change may still be queued: read
	// until the lost joint shows (bounded by the frame waits' guard). A
	// non-finite tool pose is not published at all, so /tool_pose is left
	// out of the check.
	delete(subs, subByTopic(subs, "/psm/tool_pose"))
	var got map[string]map[string]any
	for range 100 {
		got = check("lost")
		names, _ := got["/psm/joint_states"]["name"].([]any)
		tfs, _ := got["/psm/tf"]["transforms"].([]any)
		if len(names) == 2 && len(tfs) == 3 && got["/psm/haptic_feedback"]["valid"] == false {
			break
		}
	}
	js := got["/psm/joint_states"]
	if fmt.Sprint(js["name"], js["position"]) != "[outer_yaw outer_pitch] [0.1 0.2]" {
		t.Errorf("joint_states with a lost joint: %v", js)
	}
	var children []string
	for _, x := range got["/psm/tf"]["transforms"].([]any) {
		children = append(children, x.(map[string]any)["child_frame_id"].(string))
	}
	if strings.Join(children, ",") != "outer_yaw_link,outer_pitch_link,tool_tip" {
		t.Errorf("/tf with the insertion lost: children %v", children)
	}
	h := got["/psm/haptic_feedback"]
	if _, has := h["penetration_m"]; h["valid"] != false || len(h["force"].([]any)) != 0 || has || h["nearest_joint"] != "insertion" {
		t.Errorf("haptic_feedback with the tool pose lost: %v", h)
	}
	// No /tool_pose is published while the pose is not finite: after a
	// full round of the other channels, none arrives.
	toolSub := uint32(0)
	for i, ch := range adv.Channels {
		if ch.Topic == "/psm/tool_pose" {
			toolSub = uint32(100 + i)
		}
	}
	for range 20 {
		f := c.next("telemetry", func(f frame) bool { return f.mt == websocket.BinaryMessage && f.data[0] == opMessageData })
		if binary.LittleEndian.Uint32(f.data[1:]) == toolSub {
			var v map[string]any
			_ = json.Unmarshal(f.data[13:], &v)
			if p, _ := v["pose"].(map[string]any); p != nil && fmt.Sprint(p["position"]) != "map[x:0.01 y:0.02 z:-0.1]" {
				t.Errorf("a non-finite tool pose was published: %s", f.data[13:])
			}
		}
	}
}

func subByTopic(subs map[uint32]string, topic string) uint32 {
	for id, tp := range subs {
		if tp == topic {
			return id
		}
	}
	return 0
}
