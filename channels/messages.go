package channels

import (
	"math"
	"strconv"
)

// JointStates is a JointStatesChannel message.
type JointStates struct {
	TimestampNs int64     `json:"timestamp_ns"`
	Name        []string  `json:"name"`
	Position    []float64 `json:"position"`
	Velocity    []float64 `json:"velocity"`
	Effort      []float64 `json:"effort"`
	Lost        []string  `json:"lost"`
}

// Fill sets m from the readings of the joints named names (position,
// velocity and effort in the same order; a missing reading counts as not
// finite): joints whose three readings are finite go to the arrays, the
// others to Lost. The slices of m are reused.
func (m *JointStates) Fill(ts int64, names []string, position, velocity, effort []float64) {
	m.TimestampNs = ts
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

// ToolPose is a ToolPoseChannel message.
type ToolPose struct {
	TimestampNs int64     `json:"timestamp_ns"`
	Valid       bool      `json:"valid"`
	Position    []float64 `json:"position"`
	Orientation []float64 `json:"orientation"`
}

// Fill sets m to the tool position p (m) and unit quaternion q (x, y, z,
// w; normalised here); a non-finite pose is sent as not valid, with no
// numbers.
func (m *ToolPose) Fill(ts int64, p [3]float64, q [4]float64) {
	m.TimestampNs = ts
	m.Position, m.Orientation = empty(m.Position), empty(m.Orientation)
	m.Valid = FiniteAll(p[:]...) && FiniteAll(q[:]...)
	if m.Valid {
		q = NormQuat(q)
		m.Position = append(m.Position, p[:]...)
		m.Orientation = append(m.Orientation, q[:]...)
	}
}

// Safety is a SafetyChannel message. State is the supervisor's state as
// control.State spells it (disabled, enabling, enabled, protective_stop,
// fault), or "estop" while an emergency stop is pressed.
type Safety struct {
	TimestampNs int64    `json:"timestamp_ns"`
	State       string   `json:"state"`
	Reason      string   `json:"reason"`
	Events      []string `json:"events"`
}

// LoopStats is a LoopStatsChannel message.
type LoopStats struct {
	TimestampNs  int64   `json:"timestamp_ns"`
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
// before they get here (see JointStates.Fill), so messages carry no null.
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
