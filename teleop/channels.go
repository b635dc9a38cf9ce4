package teleop

import (
	"math"
	"strconv"
)

// Telemetry channels, relative to a robot's prefix ("/psm" + "/joint_states").
const (
	TopicJointStates    = "/joint_states"
	TopicToolPose       = "/tool_pose"
	TopicSafety         = "/safety"
	TopicLoopStats      = "/loop_stats"
	TopicTeleopStatus   = "/teleop/status"
	TopicHapticFeedback = "/haptic_feedback"
)

// Client-published channels, relative to a robot's prefix.
const (
	TopicCommand = "/teleop/command"
	TopicControl = "/teleop/control"
	TopicEStop   = "/teleop/estop"
)

type channelKind int

const (
	chJointStates channelKind = iota
	chToolPose
	chSafety
	chLoopStats
	chTeleopStatus
	chHaptic
	numChannelKinds
)

type clientTopicKind int

const (
	ctCommand clientTopicKind = iota + 1
	ctControl
	ctEStop
)

type channelSpec struct {
	topic, schemaName, schema string
}

// channelSpecs are the server channels in channelKind order. Schemas are
// JSON Schema (draft 2020-12), announced with schemaEncoding "jsonschema".
var channelSpecs = [numChannelKinds]channelSpec{
	chJointStates: {TopicJointStates, "chiron.JointStates", `{"type":"object","title":"chiron.JointStates","properties":{` +
		`"timestamp_ns":{"type":"integer","description":"snapshot time, ns"},` +
		`"name":{"type":"array","items":{"type":"string"}},` +
		`"position":{"type":"array","items":{"type":["number","null"]},"description":"rad or m"},` +
		`"velocity":{"type":"array","items":{"type":["number","null"]},"description":"rad/s or m/s"},` +
		`"effort":{"type":"array","items":{"type":["number","null"]},"description":"N·m or N"}},` +
		`"required":["timestamp_ns","name","position","velocity","effort"]}`},
	chToolPose: {TopicToolPose, "chiron.ToolPose", `{"type":"object","title":"chiron.ToolPose","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"position":{"type":"array","items":{"type":["number","null"]},"minItems":3,"maxItems":3,"description":"tool tip in the base frame, m"},` +
		`"orientation":{"type":"array","items":{"type":["number","null"]},"minItems":4,"maxItems":4,"description":"unit quaternion x, y, z, w"}},` +
		`"required":["timestamp_ns","position","orientation"]}`},
	chSafety: {TopicSafety, "chiron.Safety", `{"type":"object","title":"chiron.Safety","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"state":{"type":"string"},"reason":{"type":"string"},` +
		`"events":{"type":"array","items":{"type":"string"},"description":"recent events, oldest first"}},` +
		`"required":["state","reason","events"]}`},
	chLoopStats: {TopicLoopStats, "chiron.LoopStats", `{"type":"object","title":"chiron.LoopStats","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"wake_p99_us":{"type":"number","description":"99th percentile wake-up latency, µs"},` +
		`"compute_p99_us":{"type":"number","description":"99th percentile compute time, µs"},` +
		`"overruns":{"type":"integer"}},` +
		`"required":["wake_p99_us","compute_p99_us","overruns"]}`},
	chTeleopStatus: {TopicTeleopStatus, "chiron.TeleopStatus", `{"type":"object","title":"chiron.TeleopStatus","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"operator":{"type":"string","description":"who holds control, empty if nobody"},` +
		`"engaged":{"type":"boolean"},"clutch":{"type":"boolean"},` +
		`"scale":{"type":"number","minimum":0.05,"maximum":1},` +
		`"last_seq_applied":{"type":"integer"},` +
		`"latency_ms":{"type":"number","description":"command receipt to application by the loop"},` +
		`"stale_dropped":{"type":"integer"}},` +
		`"required":["operator","engaged","clutch","scale","last_seq_applied","latency_ms"]}`},
	chHaptic: {TopicHapticFeedback, "chiron.HapticCue", `{"type":"object","title":"chiron.HapticCue","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"force":{"type":"array","items":{"type":["number","null"]},"minItems":3,"maxItems":3,"description":"cue force in the base frame, N"},` +
		`"penetration_m":{"type":"number"},"in_workspace":{"type":"boolean"},` +
		`"joint_proximity":{"type":"array","items":{"type":["number","null"]},"description":"0 far, 1 at a joint limit"},` +
		`"nearest_joint":{"type":"string"}},` +
		`"required":["timestamp_ns","force","penetration_m","joint_proximity"]}`},
}

// Schemas of the client-published channels, for documentation and for the
// console, which advertises them.
const (
	CommandSchema = `{"type":"object","title":"chiron.TeleopCommand","properties":{` +
		`"seq":{"type":"integer","minimum":0},"deadman":{"type":"boolean"},"clutch":{"type":"boolean"},` +
		`"frame":{"enum":["tool","base"]},` +
		`"linear":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"m/s"},` +
		`"angular":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"rad/s"},` +
		`"gripper":{"type":"number","minimum":0,"maximum":1}},"required":["seq","deadman"],"additionalProperties":false}`
	ControlSchema = `{"type":"object","title":"chiron.TeleopControl","properties":{` +
		`"action":{"enum":["take","release","scale"]},"scale":{"type":"number"}},"required":["action"],"additionalProperties":false}`
	EStopSchema = `{"type":"object","title":"chiron.EStop","properties":{"engage":{"type":"boolean"}},"required":["engage"],"additionalProperties":false}`
)

// --- payloads ---------------------------------------------------------------

type jointStatesMsg struct {
	TimestampNs int64      `json:"timestamp_ns"`
	Name        []string   `json:"name"`
	Position    jsonFloats `json:"position"`
	Velocity    jsonFloats `json:"velocity"`
	Effort      jsonFloats `json:"effort"`
}

type toolPoseMsg struct {
	TimestampNs int64    `json:"timestamp_ns"`
	Position    jsonVec  `json:"position"`
	Orientation jsonQuat `json:"orientation"`
}

type safetyMsg struct {
	TimestampNs int64    `json:"timestamp_ns"`
	State       string   `json:"state"`
	Reason      string   `json:"reason"`
	Events      []string `json:"events"`
}

type loopStatsMsg struct {
	TimestampNs  int64   `json:"timestamp_ns"`
	WakeP99Us    float64 `json:"wake_p99_us"`
	ComputeP99Us float64 `json:"compute_p99_us"`
	Overruns     uint64  `json:"overruns"`
}

type teleopStatusMsg struct {
	TimestampNs    int64   `json:"timestamp_ns"`
	Operator       string  `json:"operator"`
	Engaged        bool    `json:"engaged"`
	Clutch         bool    `json:"clutch"`
	Scale          float64 `json:"scale"`
	LastSeqApplied uint64  `json:"last_seq_applied"`
	LatencyMs      float64 `json:"latency_ms"`
	StaleDropped   uint64  `json:"stale_dropped"`
}

// jsonFloats, jsonVec and jsonQuat encode non-finite values as null: a
// sensor gone NaN must show up in the console, not stop the whole message
// (encoding/json refuses NaN).
type (
	jsonFloats []float64
	jsonVec    [3]float64
	jsonQuat   [4]float64
)

func appendFloats(b []byte, xs []float64) []byte {
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	}
	return append(b, ']')
}

func (f jsonFloats) MarshalJSON() ([]byte, error) { return appendFloats(nil, f), nil }
func (v jsonVec) MarshalJSON() ([]byte, error)    { return appendFloats(nil, v[:]), nil }
func (q jsonQuat) MarshalJSON() ([]byte, error)   { return appendFloats(nil, q[:]), nil }
