package teleop

import "github.com/chiron-robotics/chiron/channels"

// Topics, relative to a robot's prefix (package channels has the one list).
const (
	TopicJointStates    = channels.TopicJointStates
	TopicToolPose       = channels.TopicToolPose
	TopicSafety         = channels.TopicSafety
	TopicLoopStats      = channels.TopicLoopStats
	TopicTeleopStatus   = channels.TopicTeleopStatus
	TopicHapticFeedback = channels.TopicHapticFeedback
	TopicCommand        = channels.TopicCommand
	TopicControl        = channels.TopicControl
	TopicEStop          = channels.TopicEStop
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

// channelSpecs are the server channels in channelKind order (package
// channels holds their schemas, which HIL recordings carry too).
var channelSpecs = [numChannelKinds]channels.Spec{
	chJointStates:  channels.JointStatesChannel,
	chToolPose:     channels.ToolPoseChannel,
	chSafety:       channels.SafetyChannel,
	chLoopStats:    channels.LoopStatsChannel,
	chTeleopStatus: channels.TeleopStatusChannel,
	chHaptic:       channels.HapticCueChannel,
}

// Schemas of the client-published channels, for documentation and for the
// console, which advertises them.
var (
	CommandSchema = channels.CommandChannel.Schema
	ControlSchema = channels.ControlChannel.Schema
	EStopSchema   = channels.EStopChannel.Schema
)

// --- payloads ---------------------------------------------------------------

type (
	jointStatesMsg = channels.JointStates
	toolPoseMsg    = channels.ToolPose
	safetyMsg      = channels.Safety
	loopStatsMsg   = channels.LoopStats
)

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

func (f jsonFloats) MarshalJSON() ([]byte, error) { return channels.AppendFloats(nil, f), nil }
func (v jsonVec) MarshalJSON() ([]byte, error)    { return channels.AppendFloats(nil, v[:]), nil }
