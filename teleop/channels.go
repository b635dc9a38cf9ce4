package teleop

import (
	"github.com/chiron-robotics/chiron/channels"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Topics, relative to a robot's prefix (package channels has the one list).
const (
	TopicJointStates      = channels.TopicJointStates
	TopicToolPose         = channels.TopicToolPose
	TopicTF               = channels.TopicTF
	TopicRobotDescription = channels.TopicRobotDescription
	TopicSafety           = channels.TopicSafety
	TopicSafetyLog        = channels.TopicSafetyLog
	TopicLoopStats        = channels.TopicLoopStats
	TopicTeleopStatus     = channels.TopicTeleopStatus
	TopicHapticFeedback   = channels.TopicHapticFeedback
	TopicCommand          = channels.TopicCommand
	TopicControl          = channels.TopicControl
	TopicEStop            = channels.TopicEStop
)

type channelKind int

// Channel kinds, in channels.Telemetry's order.
const (
	chJointStates channelKind = iota
	chToolPose
	chTF
	chRobotDescription
	chSafety
	chSafetyLog
	chLoopStats
	chTeleopStatus
	chHaptic
	numChannelKinds
)

// needsChain reports whether the channel kind is served only for robots
// that know their kinematic chain (ChainProvider).
func (k channelKind) needsChain() bool { return k == chTF || k == chRobotDescription }

// ChainProvider is implemented by robots that know their kinematic chain
// (teleop/robotloop's Robot does). For them the server also publishes
// /robot_description, the chain as URDF (kinematics.ExportURDF), sent to
// each client when it subscribes, and /tf, a transform per link per
// telemetry cycle whose frame ids are that URDF's link names
// (kinematics.URDFLinkNames), as robot_state_publisher does; /tool_pose is
// then in the URDF's base frame. A nil chain counts as none. The chain's
// joints must be among Robot.JointNames (matched by name).
type ChainProvider interface {
	Chain() *kinematics.Chain
}

type clientTopicKind int

const (
	ctCommand clientTopicKind = iota + 1
	ctControl
	ctEStop
)

// channelSpecs are the server channels in channelKind order (package
// channels holds their schemas, which HIL recordings carry too).
var channelSpecs = [numChannelKinds]channels.Spec(channels.Telemetry)

// Schemas of the client-published channels, for documentation and for the
// console, which advertises them.
var (
	CommandSchema = channels.CommandChannel.Schema
	ControlSchema = channels.ControlChannel.Schema
	EStopSchema   = channels.EStopChannel.Schema
)

// --- payloads ---------------------------------------------------------------

type (
	jointStatesMsg = channels.JointState
	toolPoseMsg    = channels.PoseInFrame
	safetyMsg      = channels.Safety
	loopStatsMsg   = channels.LoopStats
)

type teleopStatusMsg struct {
	Timestamp      channels.Time `json:"timestamp"`
	Operator       string        `json:"operator"`
	Engaged        bool          `json:"engaged"`
	Clutch         bool          `json:"clutch"`
	Scale          float64       `json:"scale"`
	LastSeqApplied uint64        `json:"last_seq_applied"`
	LatencyMs      float64       `json:"latency_ms"`
	StaleDropped   uint64        `json:"stale_dropped"`
	Refused        uint64        `json:"commands_refused"`
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
