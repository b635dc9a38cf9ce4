// Package kinematics holds chiron's robot models and the maths on them: serial
// chains loaded from URDF or modified-DH tables, forward kinematics, the
// geometric Jacobian, inverse kinematics, the remote centre of motion of
// laparoscopic arms, and rigid-body dynamics (RNEA, CRBA, ABA).
//
// A Chain is plain data: joints with their origin, axis, limits and the mass
// properties of the body each moves. Computation happens in workspaces that
// preallocate everything they need, so that after setup the functions a control
// loop calls every cycle allocate nothing. As in gonum, the receiver or the
// first argument is the destination (w.FK(&pose, q), w.Jacobian(J, q)), and a
// size mismatch is a programming error that panics with a named message, while
// malformed model files are ordinary errors naming the file, line and field.
//
// Conventions: SI units (m, rad, kg); frames map child coordinates to parent
// coordinates; the Jacobian's reference point is the tip origin and it is
// expressed in the base frame, rows linear then angular, as Orocos KDL's
// ChainJntToJacSolver with a base-frame reference change. Values agree with
// KDL to 1e-9 (see reference_test.go, run against ../shared/robots).
//
// ExportURDF writes any chain (a modified-DH table such as the PSM's
// included) as URDF whose link names (URDFLinkNames) are the frames
// LinkTransforms poses: what the teleop server publishes as
// /robot_description and /tf for Foxglove's 3D panel.
//
// This package imports nothing else of chiron's.
package kinematics
