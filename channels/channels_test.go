package channels

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestJointStateLeavesLostJointsOut(t *testing.T) {
	var m JointState
	nan := math.NaN()
	m.Fill(1_700_000_000_123_456_789, []string{"a", "b", "c"}, []float64{1, nan, 3}, []float64{0, 0, math.Inf(1)}, []float64{0.5, 0.5})
	data, err := json.Marshal(&m)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"header":{"stamp":{"sec":1700000000,"nanosec":123456789},"frame_id":""},"name":["a"],"position":[1],"velocity":[0],"effort":[0.5]}`
	if string(data) != want {
		t.Fatalf("got  %s\nwant %s", data, want)
	}
	if fmt.Sprint(m.Lost) != "[b c]" {
		t.Errorf("lost %v", m.Lost)
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

func TestTimesSplitExactly(t *testing.T) {
	for _, tc := range []struct {
		ns   int64
		fox  Time
		ros  ROSTime
		what string
	}{
		{0, Time{}, ROSTime{}, "epoch"},
		{1_764_680_000_999_999_999, Time{1764680000, 999999999}, ROSTime{1764680000, 999999999}, "2025, last ns of a second"},
		{-1, Time{}, ROSTime{-1, 999999999}, "before 1970: foxglove clamps, ROS floors"},
	} {
		if got := TimeOf(tc.ns); got != tc.fox {
			t.Errorf("%s: TimeOf %v, want %v", tc.what, got, tc.fox)
		}
		if got := ROSTimeOf(tc.ns); got != tc.ros {
			t.Errorf("%s: ROSTimeOf %v, want %v", tc.what, got, tc.ros)
		}
	}
}

func TestPoseAndTransformsLeaveNonFiniteOut(t *testing.T) {
	var m PoseInFrame
	if m.Fill(1, "base", [3]float64{0.1, 0, math.NaN()}, [4]float64{0, 0, 0, 1}) {
		t.Fatal("a NaN pose was accepted")
	}
	if !m.Fill(2e9, "base", [3]float64{0.1, 0.2, 0.3}, [4]float64{0, 0, 0, 2}) || m.Pose.Orientation.W != 1 || m.Timestamp.Sec != 2 {
		t.Fatalf("%+v", m)
	}
	data, _ := json.Marshal(&m)
	if err := Check(ToolPoseChannel, data); err != nil {
		t.Fatal(err)
	}
	var tf FrameTransforms
	tf.Reset()
	data, _ = json.Marshal(&tf)
	if string(data) != `{"transforms":[]}` {
		t.Errorf("empty transforms: %s", data)
	}
	if tf.Add(1, "a", "b", [3]float64{math.Inf(1), 0, 0}, [4]float64{0, 0, 0, 1}) || !tf.Add(1, "a", "b", [3]float64{1, 0, 0}, [4]float64{}) {
		t.Fatal("Add: non-finite accepted or finite refused")
	}
	data, _ = json.Marshal(&tf)
	if err := Check(TFChannel, data); err != nil || len(tf.Transforms) != 1 || tf.Transforms[0].Rotation.W != 1 {
		t.Fatalf("%s: %v", data, err)
	}
}

func TestEventLevel(t *testing.T) {
	for text, want := range map[string]uint8{
		"#3 t=1s enabled→fault: tracking error (joint 2)":              LogError,
		"#4 t=2s enabled→protective_stop: protective stop requested":   LogWarning,
		"#7 t=1s disabled→disabled: request refused: enable requested": LogWarning,
		"e-stop engaged": LogWarning,
		"#1 t=0s disabled→enabling: enable requested":            LogInfo,
		"#2 t=0.1s enabling→enabled: drives enabled":             LogInfo,
		"protective stop: resume asked by a fresh deadman press": LogInfo,
		"#9 t=3s fault→disabled: reset requested":                LogInfo,
	} {
		if got := EventLevel(text); got != want {
			t.Errorf("EventLevel(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestEverySchemaSingleTyped checks every channel's schema, and that the
// checks can fail: chiron.* only where no standard schema fits.
func TestEverySchemaSingleTyped(t *testing.T) {
	standard := map[string]bool{"sensor_msgs/msg/JointState": true, "std_msgs/msg/String": true,
		"foxglove.PoseInFrame": true, "foxglove.FrameTransforms": true, "foxglove.Log": true}
	seen := map[string]bool{}
	for _, sp := range append(slices.Clone(Telemetry), CommandChannel, ControlChannel, EStopChannel) {
		var s map[string]any
		if err := json.Unmarshal([]byte(sp.Schema), &s); err != nil {
			t.Fatalf("%s: %v", sp.SchemaName, err)
		}
		if errs := SingleTyped(s, sp.SchemaName); len(errs) > 0 {
			t.Errorf("%s: %v", sp.SchemaName, errs)
		}
		if sp.Topic == "" || !(standard[sp.SchemaName] || strings.HasPrefix(sp.SchemaName, "chiron.")) || s["title"] != sp.SchemaName {
			t.Errorf("spec %s %s: title %v", sp.Topic, sp.SchemaName, s["title"])
		}
		if seen[sp.Topic] {
			t.Errorf("topic %s twice", sp.Topic)
		}
		seen[sp.Topic] = true
	}
	for name := range standard {
		found := false
		for _, sp := range Telemetry {
			found = found || sp.SchemaName == name
		}
		if !found {
			t.Errorf("no channel uses %s", name)
		}
	}
	union := Spec{Topic: "/x", SchemaName: "x", Schema: `{"type":"object","properties":{"v":{"type":"array","items":{"type":["number","null"]}}},"required":["v"]}`}
	if err := Check(union, []byte(`{"v":[1]}`)); err == nil || !strings.Contains(err.Error(), "want one type") {
		t.Errorf("a union type passed: %v", err)
	}
	if err := Check(SafetyChannel, []byte(`{"timestamp":{"sec":1,"nsec":0},"state":"enabled","reason":""}`)); err == nil || !strings.Contains(err.Error(), `required "events"`) {
		t.Errorf("a message without a required field passed: %v", err)
	}
	if err := Check(SafetyChannel, []byte(`{"timestamp":{"sec":1,"nsec":1000000000},"state":"ok","reason":"","events":[]}`)); err == nil ||
		!strings.Contains(err.Error(), "above maximum") || !strings.Contains(err.Error(), "not in") {
		t.Errorf("nsec ≥ 1e9 or an unknown state word passed: %v", err)
	}
}

// Message definitions, as the .msg files give them: ROS 2's
// (sensor_msgs/msg/JointState, std_msgs/msg/Header, std_msgs/msg/String,
// builtin_interfaces/msg/Time, geometry_msgs/msg/Vector3 and Quaternion)
// and foxglove's ROS 2 definitions (foxglove-sdk schemas/ros2:
// FrameTransforms, FrameTransform, PoseInFrame, Pose, Log), whose time is
// written {sec, nsec} in foxglove's JSON encoding ("foxglove/Time" here).
var msgDefs = map[string]string{
	"sensor_msgs/JointState":        "std_msgs/Header header\nstring[] name\nfloat64[] position\nfloat64[] velocity\nfloat64[] effort",
	"std_msgs/Header":               "builtin_interfaces/Time stamp\nstring frame_id",
	"std_msgs/String":               "string data",
	"builtin_interfaces/Time":       "int32 sec\nuint32 nanosec",
	"foxglove/Time":                 "uint32 sec\nuint32 nsec",
	"geometry_msgs/Vector3":         "float64 x\nfloat64 y\nfloat64 z",
	"geometry_msgs/Quaternion":      "float64 x\nfloat64 y\nfloat64 z\nfloat64 w",
	"geometry_msgs/Pose":            "geometry_msgs/Point position\ngeometry_msgs/Quaternion orientation",
	"geometry_msgs/Point":           "float64 x\nfloat64 y\nfloat64 z",
	"foxglove_msgs/FrameTransforms": "foxglove_msgs/FrameTransform[] transforms",
	"foxglove_msgs/FrameTransform": "foxglove/Time timestamp\nstring parent_frame_id\nstring child_frame_id\n" +
		"geometry_msgs/Vector3 translation\ngeometry_msgs/Quaternion rotation",
	"foxglove_msgs/PoseInFrame": "foxglove/Time timestamp\nstring frame_id\ngeometry_msgs/Pose pose",
	"foxglove_msgs/Log":         "foxglove/Time timestamp\nuint8 level\nstring message\nstring name\nstring file\nuint32 line",
}

// CheckMsg checks v (decoded JSON) against the message definition typ:
// every field present with its type (integers in their type's range), no
// other field.
func checkMsg(typ string, v any, path string) []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(path+": "+format, a...)) }
	if elem, ok := strings.CutSuffix(typ, "[]"); ok {
		arr, ok := v.([]any)
		if !ok {
			bad("%v is not an array of %s", v, elem)
			return errs
		}
		for i, x := range arr {
			errs = append(errs, checkMsg(elem, x, fmt.Sprintf("%s[%d]", path, i))...)
		}
		return errs
	}
	ranges := map[string][2]float64{"int32": {math.MinInt32, math.MaxInt32}, "uint32": {0, math.MaxUint32}, "uint8": {0, 255}}
	switch typ {
	case "string":
		if _, ok := v.(string); !ok {
			bad("%v is not a string", v)
		}
		return errs
	case "float64":
		if _, ok := v.(float64); !ok {
			bad("%v is not a number", v)
		}
		return errs
	case "int32", "uint32", "uint8":
		x, ok := v.(float64)
		if r := ranges[typ]; !ok || x != math.Trunc(x) || x < r[0] || x > r[1] {
			bad("%v is not a %s", v, typ)
		}
		return errs
	}
	def, ok := msgDefs[typ]
	if !ok {
		bad("no definition of %s", typ)
		return errs
	}
	obj, ok := v.(map[string]any)
	if !ok {
		bad("%v is not a %s", v, typ)
		return errs
	}
	fields := map[string]bool{}
	for _, line := range strings.Split(def, "\n") {
		ft, name, _ := strings.Cut(line, " ")
		fields[name] = true
		x, ok := obj[name]
		if !ok {
			bad("%s field %q missing", typ, name)
			continue
		}
		errs = append(errs, checkMsg(ft, x, path+"."+name)...)
	}
	for k := range obj {
		if !fields[k] {
			bad("%s has no field %q", typ, k)
		}
	}
	return errs
}

// TestMessagesMatchMessageDefinitions: the well-known channels' messages,
// as Fill and Add make them, carry exactly the fields of the message
// definitions (and the checker can fail).
func TestMessagesMatchMessageDefinitions(t *testing.T) {
	var js JointState
	js.Fill(1_764_680_000_000_000_001, []string{"a", "b"}, []float64{1, math.NaN()}, []float64{0, 0}, []float64{0, 0})
	var pose PoseInFrame
	pose.Fill(5, "base", [3]float64{1, 2, 3}, [4]float64{0, 0, 1, 1})
	var tf FrameTransforms
	tf.Reset()
	tf.Add(5, "base", "outer_yaw_link", [3]float64{0, 0, 0.1}, [4]float64{0, 0, 0, 1})
	tf.Add(5, "outer_yaw_link", "tool_tip", [3]float64{0, 0, 0.1}, [4]float64{1, 0, 0, 1})
	for _, tc := range []struct {
		typ  string
		spec Spec
		msg  any
	}{
		{"sensor_msgs/JointState", JointStatesChannel, &js},
		{"std_msgs/String", RobotDescriptionChannel, String{Data: "<robot name=\"r\"/>"}},
		{"foxglove_msgs/PoseInFrame", ToolPoseChannel, &pose},
		{"foxglove_msgs/FrameTransforms", TFChannel, &tf},
		{"foxglove_msgs/Log", SafetyLogChannel, Log{Timestamp: TimeOf(5), Level: LogError, Message: "#1 t=0s enabled→fault", Name: "psm"}},
	} {
		data, err := json.Marshal(tc.msg)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		for _, err := range checkMsg(tc.typ, v, tc.spec.Topic) {
			t.Errorf("%v (message %s)", err, data)
		}
		if err := Check(tc.spec, data); err != nil {
			t.Error(err)
		}
	}
	var v any
	_ = json.Unmarshal([]byte(`{"header":{"stamp":{"sec":1,"nsec":0},"frame_id":""},"name":["a"],"position":[1],"velocity":[0],"effort":[0],"lost":[]}`), &v)
	if errs := checkMsg("sensor_msgs/JointState", v, "x"); len(errs) != 3 {
		t.Errorf("foxglove spelling of a ROS time and an extra field: %v, want 3 errors", errs)
	}
}
