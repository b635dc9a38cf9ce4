package teleop

import (
	"math"
	"strconv"

	"github.com/chiron-robotics/chiron/channels"
)

// Defaults of HapticConfig.
const (
	DefaultWallStiffness = 200.0 // N/m: 1 cm of penetration → 2 N, well felt and far below a master's limit
	DefaultWallMargin    = 0.005 // m
	DefaultJointMargin   = 0.1   // rad (or m for prismatic joints)
	DefaultMaxCueForce   = 5.0   // N
)

// HapticConfig configures the force cue on /haptic_feedback. The cue is
// advisory — the loop's supervisor enforces the limits; the cue tells the
// operator before it has to.
type HapticConfig struct {
	// Workspace is the box (base frame, m) the tool should stay in. If it is
	// not Valid, the workspace cue is off.
	Workspace Box
	// WallMargin (m): the virtual wall begins this far inside each face, so
	// the operator feels the boundary before reaching it.
	WallMargin float64
	// WallStiffness (N/m): force = stiffness × penetration past the wall,
	// pointing back inside, capped at MaxForce.
	WallStiffness float64
	MaxForce      float64
	// JointLower and JointUpper are the joint limits; nil takes them from a
	// Robot that implements JointLimiter.
	JointLower, JointUpper []float64
	// JointMargin: a joint closer than this to a limit raises the proximity
	// cue linearly from 0 (at the margin) to 1 (at the limit).
	JointMargin float64
}

func (c HapticConfig) withDefaults() HapticConfig {
	if c.WallMargin == 0 {
		c.WallMargin = DefaultWallMargin
	}
	if c.WallStiffness == 0 {
		c.WallStiffness = DefaultWallStiffness
	}
	if c.MaxForce == 0 {
		c.MaxForce = DefaultMaxCueForce
	}
	if c.JointMargin == 0 {
		c.JointMargin = DefaultJointMargin
	}
	return c
}

// HapticCue is the payload of /haptic_feedback.
type HapticCue struct {
	Timestamp channels.Time `json:"timestamp"`
	// Valid is false when the tool pose is not finite (a joint reading
	// lost): Force, Penetration and InWorkspace are then unknown, and are
	// published as an empty force and absent fields rather than as zeros
	// that would read "nothing near".
	Valid bool `json:"valid"`
	// Force is the cue force in the base frame, N.
	Force jsonVec `json:"force"`
	// Penetration is the largest distance past a virtual wall, m.
	Penetration float64 `json:"penetration_m"`
	// InWorkspace is false when the tool is outside the workspace box.
	InWorkspace bool `json:"in_workspace"`
	// JointProximity per joint: 0 far from both limits, 1 at a limit. A
	// joint whose position is not finite has proximity 1: where a joint is
	// unknown the cue warns as loudly as it can.
	JointProximity jsonFloats `json:"joint_proximity"`
	// NearestJoint names the joint with the highest proximity (> 0), if any.
	NearestJoint string `json:"nearest_joint"`
}

// MarshalJSON writes the cue with only finite numbers (see Valid).
func (c *HapticCue) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 160+12*len(c.JointProximity))
	b = append(b, `{"timestamp":{"sec":`...)
	b = strconv.AppendUint(b, uint64(c.Timestamp.Sec), 10)
	b = append(b, `,"nsec":`...)
	b = strconv.AppendUint(b, uint64(c.Timestamp.Nsec), 10)
	b = append(b, '}')
	b = append(b, `,"valid":`...)
	b = strconv.AppendBool(b, c.Valid)
	b = append(b, `,"force":`...)
	if c.Valid {
		b = channels.AppendFloats(b, c.Force[:])
		b = append(b, `,"penetration_m":`...)
		b = strconv.AppendFloat(b, c.Penetration, 'g', -1, 64)
		b = append(b, `,"in_workspace":`...)
		b = strconv.AppendBool(b, c.InWorkspace)
	} else {
		b = append(b, "[]"...)
	}
	b = append(b, `,"joint_proximity":`...)
	b = channels.AppendFloats(b, c.JointProximity)
	b = append(b, `,"nearest_joint":`...)
	return append(strconv.AppendQuote(b, c.NearestJoint), '}'), nil
}

// computeHaptic fills cue from the snapshot st. names are the joint names.
func computeHaptic(cfg *HapticConfig, names []string, st *State, cue *HapticCue) {
	cue.Force = jsonVec{}
	cue.Penetration = 0
	cue.InWorkspace = true
	cue.Valid = channels.FiniteAll(st.ToolPosition[:]...)
	if b := cfg.Workspace; b.Valid() && cue.Valid {
		p := st.ToolPosition
		for i := range 3 {
			lo, hi := b.Min[i]+cfg.WallMargin, b.Max[i]-cfg.WallMargin
			var pen float64
			switch {
			case p[i] < lo:
				pen = lo - p[i]
				cue.Force[i] = cfg.WallStiffness * pen
			case p[i] > hi:
				pen = p[i] - hi
				cue.Force[i] = -cfg.WallStiffness * pen
			}
			cue.Penetration = math.Max(cue.Penetration, pen)
			if p[i] < b.Min[i] || p[i] > b.Max[i] {
				cue.InWorkspace = false
			}
		}
		cue.Force = jsonVec(clampNorm(cue.Force, cfg.MaxForce))
	}
	cue.JointProximity = cue.JointProximity[:0]
	cue.NearestJoint = ""
	best := 0.0
	for i, q := range st.Position {
		prox := 0.0
		switch {
		case !channels.Finite(q):
			prox = 1
		case i < len(cfg.JointLower) && i < len(cfg.JointUpper) && cfg.JointMargin > 0:
			d := math.Min(q-cfg.JointLower[i], cfg.JointUpper[i]-q) // distance to the nearer limit
			prox = math.Max(0, math.Min(1, 1-d/cfg.JointMargin))
		}
		cue.JointProximity = append(cue.JointProximity, prox)
		if prox > best && i < len(names) {
			best, cue.NearestJoint = prox, names[i]
		}
	}
}
