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
//
// Every property has exactly one "type", a string: Foxglove Studio's and
// Lichtblick's schema parser accepts one type per property and drops a
// channel whose schema has a union such as ["number","null"]. JSON has no
// NaN, so a reading that is not finite cannot be sent as a number, and no
// number stands in for it (a 0.0 would read as a real position): a joint
// with a non-finite reading is left out of /joint_states' arrays (which stay
// aligned with its "name", as in a ROS JointState carrying a subset of the
// joints) and named in "lost"; a non-finite tool pose is sent with "valid"
// false and empty arrays, and so is the haptic cue computed from it.
var channelSpecs = [numChannelKinds]channelSpec{
	chJointStates: {TopicJointStates, "chiron.JointStates", `{"type":"object","title":"chiron.JointStates","properties":{` +
		`"timestamp_ns":{"type":"integer","description":"snapshot time, ns"},` +
		`"name":{"type":"array","items":{"type":"string"},"description":"joints with finite readings, in loop order; position, velocity and effort are aligned with it"},` +
		`"position":{"type":"array","items":{"type":"number"},"description":"rad or m"},` +
		`"velocity":{"type":"array","items":{"type":"number"},"description":"rad/s or m/s"},` +
		`"effort":{"type":"array","items":{"type":"number"},"description":"N·m or N"},` +
		`"lost":{"type":"array","items":{"type":"string"},"description":"joints left out because a reading is not finite"}},` +
		`"required":["timestamp_ns","name","position","velocity","effort","lost"]}`},
	chToolPose: {TopicToolPose, "chiron.ToolPose", `{"type":"object","title":"chiron.ToolPose","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"valid":{"type":"boolean","description":"false when the pose is not finite (a joint reading lost): the arrays are then empty"},` +
		`"position":{"type":"array","items":{"type":"number"},"maxItems":3,"description":"tool tip in the base frame, m (3 values, or none when not valid)"},` +
		`"orientation":{"type":"array","items":{"type":"number"},"maxItems":4,"description":"unit quaternion x, y, z, w (4 values, or none when not valid)"}},` +
		`"required":["timestamp_ns","valid","position","orientation"]}`},
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
		`"last_seq_applied":{"type":"integer","description":"last seq of the operator in control whose motion the loop applied; 0 for none yet"},` +
		`"latency_ms":{"type":"number","description":"command receipt to application by the loop"},` +
		`"stale_dropped":{"type":"integer"},` +
		`"commands_refused":{"type":"integer","description":"commands refused since start: malformed, role, not in control, or refused by the robot"}},` +
		`"required":["operator","engaged","clutch","scale","last_seq_applied","latency_ms"]}`},
	chHaptic: {TopicHapticFeedback, "chiron.HapticCue", `{"type":"object","title":"chiron.HapticCue","properties":{` +
		`"timestamp_ns":{"type":"integer"},` +
		`"valid":{"type":"boolean","description":"false when the tool pose is not finite: force is then empty and penetration_m, in_workspace absent"},` +
		`"force":{"type":"array","items":{"type":"number"},"maxItems":3,"description":"cue force in the base frame, N (3 values, or none when not valid)"},` +
		`"penetration_m":{"type":"number"},"in_workspace":{"type":"boolean"},` +
		`"joint_proximity":{"type":"array","items":{"type":"number","minimum":0,"maximum":1},"description":"per joint in loop order: 0 far, 1 at a joint limit or position not finite"},` +
		`"nearest_joint":{"type":"string"}},` +
		`"required":["timestamp_ns","valid","force","joint_proximity"]}`},
}

// Schemas of the client-published channels, for documentation and for the
// console, which advertises them.
const (
	CommandSchema = `{"type":"object","title":"chiron.TeleopCommand","properties":{` +
		`"seq":{"type":"integer","minimum":0},"deadman":{"type":"boolean"},"clutch":{"type":"boolean"},` +
		`"frame":{"type":"string","enum":["tool","base"]},` +
		`"linear":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"m/s"},` +
		`"angular":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"rad/s"},` +
		`"gripper":{"type":"number","minimum":0,"maximum":1}},"required":["seq","deadman"],"additionalProperties":false}`
	ControlSchema = `{"type":"object","title":"chiron.TeleopControl","properties":{` +
		`"action":{"type":"string","enum":["take","release","scale","reset","enable"]},"scale":{"type":"number"}},"required":["action"],"additionalProperties":false}`
	EStopSchema = `{"type":"object","title":"chiron.EStop","properties":{"engage":{"type":"boolean"}},"required":["engage"],"additionalProperties":false}`
)

// --- payloads ---------------------------------------------------------------

type jointStatesMsg struct {
	TimestampNs int64     `json:"timestamp_ns"`
	Name        []string  `json:"name"`
	Position    []float64 `json:"position"`
	Velocity    []float64 `json:"velocity"`
	Effort      []float64 `json:"effort"`
	Lost        []string  `json:"lost"`
}

// fill sets m from the joints of st named names: joints whose three readings
// are finite go to the arrays, the others to Lost. The slices of m are
// reused.
func (m *jointStatesMsg) fill(ts int64, names []string, st *State) {
	m.TimestampNs = ts
	m.Name, m.Position, m.Velocity, m.Effort, m.Lost = empty(m.Name), empty(m.Position), empty(m.Velocity), empty(m.Effort), empty(m.Lost)
	for i, name := range names {
		p, v, e := at(st.Position, i), at(st.Velocity, i), at(st.Effort, i)
		if !finite(p) || !finite(v) || !finite(e) {
			m.Lost = append(m.Lost, name)
			continue
		}
		m.Name = append(m.Name, name)
		m.Position, m.Velocity, m.Effort = append(m.Position, p), append(m.Velocity, v), append(m.Effort, e)
	}
}

// empty returns xs emptied, never nil: a nil slice would encode as null,
// which the schema's single type does not allow.
func empty[T any](xs []T) []T {
	if xs == nil {
		return make([]T, 0, 8)
	}
	return xs[:0]
}

// at returns xs[i], or NaN when the snapshot has no reading for joint i.
func at(xs []float64, i int) float64 {
	if i < len(xs) {
		return xs[i]
	}
	return math.NaN()
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func finiteVec(xs ...float64) bool {
	for _, x := range xs {
		if !finite(x) {
			return false
		}
	}
	return true
}

type toolPoseMsg struct {
	TimestampNs int64     `json:"timestamp_ns"`
	Valid       bool      `json:"valid"`
	Position    []float64 `json:"position"`
	Orientation []float64 `json:"orientation"`
}

// fill sets m from st; a non-finite pose is sent as not valid, with no
// numbers.
func (m *toolPoseMsg) fill(ts int64, st *State) {
	m.TimestampNs = ts
	m.Position, m.Orientation = empty(m.Position), empty(m.Orientation)
	p, q := st.ToolPosition, st.ToolOrientation
	m.Valid = finiteVec(p[:]...) && finiteVec(q[:]...)
	if m.Valid {
		q = normQuat(q)
		m.Position = append(m.Position, p[:]...)
		m.Orientation = append(m.Orientation, q[:]...)
	}
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
	Refused        uint64  `json:"commands_refused"`
}

// jsonFloats and jsonVec encode non-finite values as null, a last resort so
// that a NaN never stops a whole message (encoding/json refuses NaN). The
// publisher filters non-finite readings out before they get here (see
// channelSpecs), so published messages carry no null.
type (
	jsonFloats []float64
	jsonVec    [3]float64
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
