package control

import "github.com/chiron-robotics/chiron/kinematics"

// ToolFK adapts a kinematics.Workspace to ForwardKinematics: the tool
// position is the translation of the chain's tip frame. Like the workspace it
// wraps, it is for one goroutine (the loop's) and does not allocate.
type ToolFK struct {
	w     *kinematics.Workspace
	frame kinematics.Frame
}

// NewToolFK returns the adapter; the loop's joint order must be the chain's.
func NewToolFK(w *kinematics.Workspace) *ToolFK { return &ToolFK{w: w} }

// ToolPosition returns the tip position (m, base frame) at q.
func (f *ToolFK) ToolPosition(q []float64) [3]float64 {
	f.w.FK(&f.frame, q)
	return f.frame.P
}

var (
	_ ForwardKinematics = (*ToolFK)(nil)
	// kinematics' rigid-body dynamics provides gravity compensation as is.
	_ GravityModel = (*kinematics.Dynamics)(nil)
)
