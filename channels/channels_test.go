package channels

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestJointStatesLeavesLostJointsOut(t *testing.T) {
	var m JointStates
	nan := math.NaN()
	m.Fill(7, []string{"a", "b", "c"}, []float64{1, nan, 3}, []float64{0, 0, math.Inf(1)}, []float64{0.5, 0.5})
	data, err := json.Marshal(&m)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"timestamp_ns":7,"name":["a"],"position":[1],"velocity":[0],"effort":[0.5],"lost":["b","c"]}`
	if string(data) != want {
		t.Fatalf("got  %s\nwant %s", data, want)
	}
	if err := Check(JointStatesChannel, data); err != nil {
		t.Fatal(err)
	}
	// Reused slices: a second fill does not keep the first one's joints.
	m.Fill(8, []string{"a"}, []float64{2}, []float64{0}, []float64{0})
	if len(m.Name) != 1 || len(m.Lost) != 0 || m.Position[0] != 2 {
		t.Fatalf("refill: %+v", m)
	}
}

func TestToolPoseInvalidWhenNotFinite(t *testing.T) {
	var m ToolPose
	m.Fill(1, [3]float64{0.1, 0, math.NaN()}, [4]float64{0, 0, 0, 1})
	data, _ := json.Marshal(&m)
	if m.Valid || string(data) != `{"timestamp_ns":1,"valid":false,"position":[],"orientation":[]}` {
		t.Fatalf("%s", data)
	}
	m.Fill(2, [3]float64{0.1, 0.2, 0.3}, [4]float64{0, 0, 0, 2})
	if !m.Valid || m.Orientation[3] != 1 || len(m.Position) != 3 {
		t.Fatalf("%+v", m)
	}
	data, _ = json.Marshal(&m)
	if err := Check(ToolPoseChannel, data); err != nil {
		t.Fatal(err)
	}
}

// TestEverySchemaSingleTyped checks every channel's schema, and that the
// checks can fail.
func TestEverySchemaSingleTyped(t *testing.T) {
	for _, sp := range []Spec{JointStatesChannel, ToolPoseChannel, SafetyChannel, LoopStatsChannel,
		TeleopStatusChannel, HapticCueChannel, CommandChannel, ControlChannel, EStopChannel} {
		var s map[string]any
		if err := json.Unmarshal([]byte(sp.Schema), &s); err != nil {
			t.Fatalf("%s: %v", sp.SchemaName, err)
		}
		if errs := SingleTyped(s, sp.SchemaName); len(errs) > 0 {
			t.Errorf("%s: %v", sp.SchemaName, errs)
		}
		if sp.Topic == "" || !strings.HasPrefix(sp.SchemaName, "chiron.") {
			t.Errorf("spec %+v", sp)
		}
	}
	union := Spec{Topic: "/x", SchemaName: "x", Schema: `{"type":"object","properties":{"v":{"type":"array","items":{"type":["number","null"]}}},"required":["v"]}`}
	if err := Check(union, []byte(`{"v":[1]}`)); err == nil || !strings.Contains(err.Error(), "want one type") {
		t.Errorf("a union type passed: %v", err)
	}
	if err := Check(SafetyChannel, []byte(`{"state":"enabled","reason":""}`)); err == nil || !strings.Contains(err.Error(), `required "events"`) {
		t.Errorf("a message without a required field passed: %v", err)
	}
}
