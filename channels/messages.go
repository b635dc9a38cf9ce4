package channels

import (
	"math"
	"strconv"
	"strings"
)

// Time is a foxglove time: seconds and nanoseconds since 1970-01-01 UTC.
type Time struct {
	Sec  uint32 `json:"sec"`
	Nsec uint32 `json:"nsec"`
}

// TimeOf splits ns (since 1970) into a foxglove Time; a time before 1970
// (foxglove times are unsigned) is clamped to 0.
func TimeOf(ns int64) Time {
	if ns <= 0 {
		return Time{}
	}
	return Time{Sec: uint32(ns / 1e9), Nsec: uint32(ns % 1e9)}
}

// ROSTime is a ROS 2 builtin_interfaces/msg/Time.
type ROSTime struct {
	Sec     int32  `json:"sec"`
	Nanosec uint32 `json:"nanosec"`
}

// ROSTimeOf splits ns (since 1970) into a ROS 2 time (floor division: the
// nanoseconds are never negative).
func ROSTimeOf(ns int64) ROSTime {
	sec, nsec := ns/1e9, ns%1e9
	if nsec < 0 {
		sec, nsec = sec-1, nsec+1e9
	}
	return ROSTime{Sec: int32(sec), Nanosec: uint32(nsec)}
}

// Header is a ROS 2 std_msgs/msg/Header.
type Header struct {
	Stamp   ROSTime `json:"stamp"`
	FrameID string  `json:"frame_id"`
}

// JointState is a JointStatesChannel message: ROS 2's
// sensor_msgs/msg/JointState in its JSON form.
type JointState struct {
	Header   Header    `json:"header"`
	Name     []string  `json:"name"`
	Position []float64 `json:"position"`
	Velocity []float64 `json:"velocity"`
	Effort   []float64 `json:"effort"`
	// Lost names the joints Fill left out because a reading was not
	// finite. It is not part of the message (a JointState carrying a subset
	// of the joints is how ROS says it): a reader compares Name with the
	// robot's joints (/robot_description).
	Lost []string `json:"-"`
}

// Fill sets m from the readings of the joints named names (position,
// velocity and effort in the same order; a missing reading counts as not
// finite) at ts (ns since 1970): joints whose three readings are finite go
// to the arrays, the others to Lost. The slices of m are reused.
func (m *JointState) Fill(ts int64, names []string, position, velocity, effort []float64) {
	m.Header.Stamp = ROSTimeOf(ts)
	m.Name, m.Position, m.Velocity, m.Effort, m.Lost = empty(m.Name), empty(m.Position), empty(m.Velocity), empty(m.Effort), empty(m.Lost)
	for i, name := range names {
		p, v, e := at(position, i), at(velocity, i), at(effort, i)
		if !Finite(p) || !Finite(v) || !Finite(e) {
			m.Lost = append(m.Lost, name)
			continue
		}
		m.Name = append(m.Name, name)
		m.Position, m.Velocity, m.Effort = append(m.Position, p), append(m.Velocity, v), append(m.Effort, e)
	}
}

// Vector3 is a foxglove.Vector3, m.
type Vector3 struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	Z float64 `json:"z"`
}

// Quaternion is a foxglove.Quaternion (unit, x y z w).
type Quaternion struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	Z float64 `json:"z"`
	W float64 `json:"w"`
}

// Pose is a foxglove.Pose.
type Pose struct {
	Position    Vector3    `json:"position"`
	Orientation Quaternion `json:"orientation"`
}

// PoseInFrame is a ToolPoseChannel message (foxglove.PoseInFrame).
type PoseInFrame struct {
	Timestamp Time   `json:"timestamp"`
	FrameID   string `json:"frame_id"`
	Pose      Pose   `json:"pose"`
}

// Fill sets m to the pose p (m) and q (x, y, z, w; normalised here) in
// frame at ts (ns since 1970) and reports whether the pose is finite; a
// pose that is not is not to be published (m is then left unchanged).
func (m *PoseInFrame) Fill(ts int64, frame string, p [3]float64, q [4]float64) bool {
	if !FiniteAll(p[:]...) || !FiniteAll(q[:]...) {
		return false
	}
	q = NormQuat(q)
	*m = PoseInFrame{Timestamp: TimeOf(ts), FrameID: frame,
		Pose: Pose{Vector3{p[0], p[1], p[2]}, Quaternion{q[0], q[1], q[2], q[3]}}}
	return true
}

// FrameTransform is a foxglove.FrameTransform: the pose of the child frame
// in the parent frame.
type FrameTransform struct {
	Timestamp     Time       `json:"timestamp"`
	ParentFrameID string     `json:"parent_frame_id"`
	ChildFrameID  string     `json:"child_frame_id"`
	Translation   Vector3    `json:"translation"`
	Rotation      Quaternion `json:"rotation"`
}

// FrameTransforms is a TFChannel message (foxglove.FrameTransforms).
type FrameTransforms struct {
	Transforms []FrameTransform `json:"transforms"`
}

// Reset empties m, keeping its storage.
func (m *FrameTransforms) Reset() { m.Transforms = empty(m.Transforms) }

// Add appends the transform of child in parent at ts (ns since 1970): p
// (m) and q (x, y, z, w; normalised here). A transform that is not finite
// is left out and Add reports false.
func (m *FrameTransforms) Add(ts int64, parent, child string, p [3]float64, q [4]float64) bool {
	if !FiniteAll(p[:]...) || !FiniteAll(q[:]...) {
		return false
	}
	q = NormQuat(q)
	m.Transforms = append(m.Transforms, FrameTransform{Timestamp: TimeOf(ts), ParentFrameID: parent, ChildFrameID: child,
		Translation: Vector3{p[0], p[1], p[2]}, Rotation: Quaternion{q[0], q[1], q[2], q[3]}})
	return true
}

// String is a RobotDescriptionChannel message (std_msgs/msg/String).
type String struct {
	Data string `json:"data"`
}

// Log levels of foxglove.Log.
const (
	LogUnknown uint8 = iota
	LogDebug
	LogInfo
	LogWarning
	LogError
	LogFatal
)

// Log is a SafetyLogChannel message (foxglove.Log).
type Log struct {
	Timestamp Time   `json:"timestamp"`
	Level     uint8  `json:"level"`
	Message   string `json:"message"`
	Name      string `json:"name"`
	File      string `json:"file"`
	Line      uint32 `json:"line"`
}

// EventLevel is the foxglove.Log level of a safety event as the supervisor
// writes it ("#7 t=1s enabled→fault: tracking error (joint 2)"): ERROR for
// a fault, WARNING for a stop, an e-stop or a refused request, INFO for
// anything else (enabling, enabled, resets).
func EventLevel(text string) uint8 {
	switch {
	case strings.Contains(text, "→fault"):
		return LogError
	case strings.Contains(text, "→protective_stop"), strings.Contains(text, "→estop"),
		strings.Contains(text, "e-stop"), strings.Contains(text, "estop"), strings.Contains(text, "refused"):
		return LogWarning
	}
	return LogInfo
}

// Safety is a SafetyChannel message. State is the supervisor's state as
// control.State spells it (disabled, enabling, enabled, protective_stop,
// fault), or "estop" while an emergency stop is pressed.
type Safety struct {
	Timestamp Time     `json:"timestamp"`
	State     string   `json:"state"`
	Reason    string   `json:"reason"`
	Events    []string `json:"events"`
}

// LoopStats is a LoopStatsChannel message.
type LoopStats struct {
	Timestamp    Time    `json:"timestamp"`
	WakeP99Us    float64 `json:"wake_p99_us"`
	ComputeP99Us float64 `json:"compute_p99_us"`
	Overruns     uint64  `json:"overruns"`
}

// empty returns xs emptied, never nil: a nil slice would encode as null,
// which the schema's single type does not allow.
func empty[T any](xs []T) []T {
	if xs == nil {
		return make([]T, 0, 8)
	}
	return xs[:0]
}

// at returns xs[i], or NaN when there is no reading for joint i.
func at(xs []float64, i int) float64 {
	if i < len(xs) {
		return xs[i]
	}
	return math.NaN()
}

// Finite reports whether x is neither NaN nor infinite.
func Finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// FiniteAll reports whether every x is finite.
func FiniteAll(xs ...float64) bool {
	for _, x := range xs {
		if !Finite(x) {
			return false
		}
	}
	return true
}

// NormQuat returns q normalised; the zero quaternion is the identity.
func NormQuat(q [4]float64) [4]float64 {
	n := math.Sqrt(q[0]*q[0] + q[1]*q[1] + q[2]*q[2] + q[3]*q[3])
	if !(n > 1e-9) || math.IsInf(n, 0) {
		return [4]float64{0, 0, 0, 1}
	}
	return [4]float64{q[0] / n, q[1] / n, q[2] / n, q[3] / n}
}

// AppendFloats appends xs as a JSON array; a non-finite value is written as
// null, a last resort so that a NaN never stops a whole message
// (encoding/json refuses NaN). Publishers leave non-finite readings out
// before they get here (see JointState.Fill), so messages carry no null.
func AppendFloats(b []byte, xs []float64) []byte {
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		if !Finite(x) {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	}
	return append(b, ']')
}
