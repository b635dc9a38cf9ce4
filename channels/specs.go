package channels

// Telemetry topics, relative to a robot's prefix ("/psm" + "/joint_states").
const (
	TopicJointStates    = "/joint_states"
	TopicToolPose       = "/tool_pose"
	TopicSafety         = "/safety"
	TopicLoopStats      = "/loop_stats"
	TopicTeleopStatus   = "/teleop/status"
	TopicHapticFeedback = "/haptic_feedback"
)

// Client-published topics, relative to a robot's prefix.
const (
	TopicCommand = "/teleop/command"
	TopicControl = "/teleop/control"
	TopicEStop   = "/teleop/estop"
)

// Spec is one channel: its topic, schema name and JSON Schema (draft
// 2020-12, schemaEncoding "jsonschema"; messages are JSON).
type Spec struct {
	Topic, SchemaName, Schema string
}

// The server's channels. Every property has exactly one "type", a string:
// Foxglove Studio's and Lichtblick's schema parser accepts one type per
// property and drops a channel whose schema has a union such as
// ["number","null"]. JSON has no NaN, so a reading that is not finite cannot
// be sent as a number, and no number stands in for it (a 0.0 would read as a
// real position): a joint with a non-finite reading is left out of
// JointStates' arrays (which stay aligned with its "name", as in a ROS
// JointState carrying a subset of the joints) and named in "lost"; a
// non-finite tool pose is sent with "valid" false and empty arrays, and so
// is the haptic cue computed from it.
var (
	JointStatesChannel = Spec{TopicJointStates, "chiron.JointStates", `{"type":"object","title":"chiron.JointStates","properties":{` +
		`"timestamp_ns":{"type":"integer","description":"snapshot time, ns"},` +
		`"name":{"type":"array","items":{"type":"string"},"description":"joints with finite readings, in loop order; position, velocity and effort are aligned with it"},` +
		`"position":{"type":"array","items":{"type":"number"},"description":"rad or m"},` +
		`"velocity":{"type":"array","items":{"type":"number"},"description":"rad/s or m/s"},` +
		`"effort":{"type":"array","items":{"type":"number"},"description":"N·m or N"},` +
		`"lost":{"type":"array","items":{"type":"string"},"description":"joints left out because a reading is not finite"}},` +
		`"required":["timestamp_ns","name","position","velocity","effort","lost"]}`}
	ToolPoseChannel = Spec{TopicToolPose, "chiron.ToolPose", `{"type":"object","title":"chiron.ToolPose","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"valid":{"type":"boolean","description":"false when the pose is not finite (a joint reading lost): the arrays are then empty"},` +
		`"position":{"type":"array","items":{"type":"number"},"maxItems":3,"description":"tool tip in the base frame, m (3 values, or none when not valid)"},` +
		`"orientation":{"type":"array","items":{"type":"number"},"maxItems":4,"description":"unit quaternion x, y, z, w (4 values, or none when not valid)"}},` +
		`"required":["timestamp_ns","valid","position","orientation"]}`}
	SafetyChannel = Spec{TopicSafety, "chiron.Safety", `{"type":"object","title":"chiron.Safety","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"state":{"type":"string"},"reason":{"type":"string"},` +
		`"events":{"type":"array","items":{"type":"string"},"description":"recent events, oldest first"}},` +
		`"required":["state","reason","events"]}`}
	LoopStatsChannel = Spec{TopicLoopStats, "chiron.LoopStats", `{"type":"object","title":"chiron.LoopStats","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"wake_p99_us":{"type":"number","description":"99th percentile wake-up latency, µs"},` +
		`"compute_p99_us":{"type":"number","description":"99th percentile compute time, µs"},` +
		`"overruns":{"type":"integer"}},` +
		`"required":["wake_p99_us","compute_p99_us","overruns"]}`}
	TeleopStatusChannel = Spec{TopicTeleopStatus, "chiron.TeleopStatus", `{"type":"object","title":"chiron.TeleopStatus","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"operator":{"type":"string","description":"who holds control, empty if nobody"},` +
		`"engaged":{"type":"boolean"},"clutch":{"type":"boolean"},` +
		`"scale":{"type":"number","minimum":0.05,"maximum":1},` +
		`"last_seq_applied":{"type":"integer","description":"last seq of the operator in control whose motion the loop applied; 0 for none yet"},` +
		`"latency_ms":{"type":"number","description":"command receipt to application by the loop"},` +
		`"stale_dropped":{"type":"integer"},` +
		`"commands_refused":{"type":"integer","description":"commands refused since start: malformed, role, not in control, or refused by the robot"}},` +
		`"required":["operator","engaged","clutch","scale","last_seq_applied","latency_ms"]}`}
	HapticCueChannel = Spec{TopicHapticFeedback, "chiron.HapticCue", `{"type":"object","title":"chiron.HapticCue","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"valid":{"type":"boolean","description":"false when the tool pose is not finite: force is then empty and penetration_m, in_workspace absent"},` +
		`"force":{"type":"array","items":{"type":"number"},"maxItems":3,"description":"cue force in the base frame, N (3 values, or none when not valid)"},` +
		`"penetration_m":{"type":"number"},"in_workspace":{"type":"boolean"},` +
		`"joint_proximity":{"type":"array","items":{"type":"number","minimum":0,"maximum":1},"description":"per joint in loop order: 0 far, 1 at a joint limit or position not finite"},` +
		`"nearest_joint":{"type":"string"}},` +
		`"required":["timestamp_ns","valid","force","joint_proximity"]}`}
)

// The client-published channels' schemas, which the console advertises.
var (
	CommandChannel = Spec{TopicCommand, "chiron.TeleopCommand", `{"type":"object","title":"chiron.TeleopCommand","properties":{` +
		`"seq":{"type":"integer","minimum":0},"deadman":{"type":"boolean"},"clutch":{"type":"boolean"},` +
		`"frame":{"type":"string","enum":["tool","base"]},` +
		`"linear":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"m/s"},` +
		`"angular":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"rad/s"},` +
		`"gripper":{"type":"number","minimum":0,"maximum":1}},"required":["seq","deadman"],"additionalProperties":false}`}
	ControlChannel = Spec{TopicControl, "chiron.TeleopControl", `{"type":"object","title":"chiron.TeleopControl","properties":{` +
		`"action":{"type":"string","enum":["take","release","scale","reset","enable"]},"scale":{"type":"number"}},"required":["action"],"additionalProperties":false}`}
	EStopChannel = Spec{TopicEStop, "chiron.EStop", `{"type":"object","title":"chiron.EStop","properties":{"engage":{"type":"boolean"}},"required":["engage"],"additionalProperties":false}`}
)
