package channels

// Telemetry topics, relative to a robot's prefix ("/psm" + "/joint_states").
const (
	// TopicJointStates carries sensor_msgs/msg/JointState (JSON form).
	TopicJointStates = "/joint_states"
	// TopicToolPose carries foxglove.PoseInFrame: the tool tip in the base
	// frame.
	TopicToolPose = "/tool_pose"
	// TopicTF carries foxglove.FrameTransforms: one transform per link per
	// published cycle, parent and child frame ids the URDF's link names, as
	// robot_state_publisher publishes /tf.
	TopicTF = "/tf"
	// TopicRobotDescription carries std_msgs/msg/String with the URDF whose
	// links TopicTF's frames name, as robot_state_publisher's
	// /robot_description (live: sent on subscription; recorded: the first
	// message).
	TopicRobotDescription = "/robot_description"
	// TopicSafety carries chiron.Safety: the supervisor's state, for a
	// State Transitions panel (no standard schema has a state machine).
	TopicSafety = "/safety"
	// TopicSafetyLog carries foxglove.Log: one message per safety event.
	TopicSafetyLog = "/safety/log"
	// TopicLoopStats carries chiron.LoopStats.
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

// Schema fragments. foxglove.* schemas spell times {sec, nsec} and ROS 2
// messages (builtin_interfaces/msg/Time) {sec, nanosec}: seconds and
// nanoseconds as separate integers, because a JSON number holds integers
// exactly only up to 2^53 and nanoseconds since 1970 (≈ 1.8e18) do not fit —
// an int64 ns timestamp loses precision in every JavaScript client.
const (
	timeSchema = `{"type":"object","title":"time","properties":{"sec":{"type":"integer","minimum":0},` +
		`"nsec":{"type":"integer","minimum":0,"maximum":999999999}},"required":["sec","nsec"]}`
	rosTimeSchema = `{"type":"object","title":"builtin_interfaces/msg/Time","properties":{"sec":{"type":"integer","minimum":-2147483648,"maximum":2147483647},` +
		`"nanosec":{"type":"integer","minimum":0,"maximum":999999999}},"required":["sec","nanosec"]}`
	vector3Schema = `{"type":"object","title":"foxglove.Vector3","properties":{"x":{"type":"number"},"y":{"type":"number"},"z":{"type":"number"}},"required":["x","y","z"]}`
	quatSchema    = `{"type":"object","title":"foxglove.Quaternion","properties":{"x":{"type":"number"},"y":{"type":"number"},"z":{"type":"number"},"w":{"type":"number"}},"required":["x","y","z","w"]}`
)

// The server's channels. Every property has exactly one "type", a string:
// Foxglove Studio's and Lichtblick's schema parser accepts one type per
// property and drops a channel whose schema has a union such as
// ["number","null"]. JSON has no NaN, so a reading that is not finite cannot
// be sent as a number, and no number stands in for it (a 0.0 would read as a
// real position): a joint with a non-finite reading is left out of
// /joint_states (whose arrays stay aligned with "name": a ROS JointState
// may carry a subset of the joints) and of /tf; a non-finite tool pose is
// not published on /tool_pose, and the haptic cue computed from it is sent
// with "valid" false and empty arrays.
//
// The well-known schemas use the field names of the official definitions:
// sensor_msgs/msg/JointState and std_msgs/msg/String (ROS 2, in their JSON
// form), foxglove.PoseInFrame, foxglove.FrameTransforms and foxglove.Log
// (github.com/foxglove/foxglove-sdk schemas/jsonschema); the official Log
// schema gives "level" as a oneOf of consts without a type, written here as
// an integer with an enum, which the single-type rule accepts.
var (
	JointStatesChannel = Spec{TopicJointStates, "sensor_msgs/msg/JointState", `{"type":"object","title":"sensor_msgs/msg/JointState","properties":{` +
		`"header":{"type":"object","title":"std_msgs/msg/Header","properties":{"stamp":` + rosTimeSchema + `,"frame_id":{"type":"string"}},"required":["stamp","frame_id"]},` +
		`"name":{"type":"array","items":{"type":"string"},"description":"joints with finite readings, in loop order; position, velocity and effort are aligned with it"},` +
		`"position":{"type":"array","items":{"type":"number"},"description":"rad or m"},` +
		`"velocity":{"type":"array","items":{"type":"number"},"description":"rad/s or m/s"},` +
		`"effort":{"type":"array","items":{"type":"number"},"description":"N·m or N"}},` +
		`"required":["header","name","position","velocity","effort"]}`}
	ToolPoseChannel = Spec{TopicToolPose, "foxglove.PoseInFrame", `{"type":"object","title":"foxglove.PoseInFrame","properties":{` +
		`"timestamp":` + timeSchema + `,` +
		`"frame_id":{"type":"string","description":"the base link (the URDF's root)"},` +
		`"pose":{"type":"object","title":"foxglove.Pose","properties":{"position":` + vector3Schema + `,"orientation":` + quatSchema + `},"required":["position","orientation"]}},` +
		`"required":["timestamp","frame_id","pose"]}`}
	TFChannel = Spec{TopicTF, "foxglove.FrameTransforms", `{"type":"object","title":"foxglove.FrameTransforms","properties":{` +
		`"transforms":{"type":"array","items":{"type":"object","title":"foxglove.FrameTransform","properties":{` +
		`"timestamp":` + timeSchema + `,"parent_frame_id":{"type":"string"},"child_frame_id":{"type":"string"},` +
		`"translation":` + vector3Schema + `,"rotation":` + quatSchema + `},` +
		`"required":["timestamp","parent_frame_id","child_frame_id","translation","rotation"]}}},"required":["transforms"]}`}
	RobotDescriptionChannel = Spec{TopicRobotDescription, "std_msgs/msg/String", `{"type":"object","title":"std_msgs/msg/String","properties":{` +
		`"data":{"type":"string","description":"URDF"}},"required":["data"]}`}
	SafetyLogChannel = Spec{TopicSafetyLog, "foxglove.Log", `{"type":"object","title":"foxglove.Log","properties":{` +
		`"timestamp":` + timeSchema + `,` +
		`"level":{"type":"integer","enum":[0,1,2,3,4,5],"description":"0 UNKNOWN, 1 DEBUG, 2 INFO, 3 WARNING, 4 ERROR, 5 FATAL"},` +
		`"message":{"type":"string"},"name":{"type":"string","description":"who logged: the robot's safety supervisor"},` +
		`"file":{"type":"string"},"line":{"type":"integer","minimum":0}},` +
		`"required":["timestamp","level","message","name"]}`}
	SafetyChannel = Spec{TopicSafety, "chiron.Safety", `{"type":"object","title":"chiron.Safety","properties":{` +
		`"timestamp":` + timeSchema + `,` +
		`"state":{"type":"string","enum":["disabled","enabling","enabled","protective_stop","fault","estop"]},"reason":{"type":"string"},` +
		`"events":{"type":"array","items":{"type":"string"},"description":"recent events, oldest first"}},` +
		`"required":["timestamp","state","reason","events"]}`}
	LoopStatsChannel = Spec{TopicLoopStats, "chiron.LoopStats", `{"type":"object","title":"chiron.LoopStats","properties":{` +
		`"timestamp":` + timeSchema + `,` +
		`"wake_p99_us":{"type":"number","description":"99th percentile wake-up latency, µs"},` +
		`"compute_p99_us":{"type":"number","description":"99th percentile compute time, µs"},` +
		`"overruns":{"type":"integer"}},` +
		`"required":["timestamp","wake_p99_us","compute_p99_us","overruns"]}`}
	TeleopStatusChannel = Spec{TopicTeleopStatus, "chiron.TeleopStatus", `{"type":"object","title":"chiron.TeleopStatus","properties":{` +
		`"timestamp":` + timeSchema + `,` +
		`"operator":{"type":"string","description":"who holds control, empty if nobody"},` +
		`"engaged":{"type":"boolean"},"clutch":{"type":"boolean"},` +
		`"scale":{"type":"number","minimum":0.05,"maximum":1},` +
		`"last_seq_applied":{"type":"integer","description":"last seq of the operator in control whose motion the loop applied; 0 for none yet"},` +
		`"latency_ms":{"type":"number","description":"command receipt to application by the loop"},` +
		`"stale_dropped":{"type":"integer"},` +
		`"commands_refused":{"type":"integer","description":"commands refused since start: malformed, role, not in control, or refused by the robot"}},` +
		`"required":["timestamp","operator","engaged","clutch","scale","last_seq_applied","latency_ms"]}`}
	HapticCueChannel = Spec{TopicHapticFeedback, "chiron.HapticCue", `{"type":"object","title":"chiron.HapticCue","properties":{` +
		`"timestamp":` + timeSchema + `,` +
		`"valid":{"type":"boolean","description":"false when the tool pose is not finite: force is then empty and penetration_m, in_workspace absent"},` +
		`"force":{"type":"array","items":{"type":"number"},"maxItems":3,"description":"cue force in the base frame, N (3 values, or none when not valid)"},` +
		`"penetration_m":{"type":"number"},"in_workspace":{"type":"boolean"},` +
		`"joint_proximity":{"type":"array","items":{"type":"number","minimum":0,"maximum":1},"description":"per joint in loop order: 0 far, 1 at a joint limit or position not finite"},` +
		`"nearest_joint":{"type":"string"}},` +
		`"required":["timestamp","valid","force","joint_proximity"]}`}
)

// Telemetry lists every server channel, in the order the teleop server
// advertises them per robot.
var Telemetry = []Spec{JointStatesChannel, ToolPoseChannel, TFChannel, RobotDescriptionChannel,
	SafetyChannel, SafetyLogChannel, LoopStatsChannel, TeleopStatusChannel, HapticCueChannel}

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
