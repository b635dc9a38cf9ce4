// Package console serves chiron's browser teleoperation console: a static
// single-page application embedded in the binary (dist/, built from the
// sources in web/ with esbuild; `make console` rebuilds it) and the /model
// endpoint it draws the arms from.
//
// The page speaks the Foxglove WebSocket protocol to the teleop server's
// /ws like Foxglove Studio does, so everything it shows is also visible to
// Studio or Lichtblick: it subscribes to a robot's telemetry channels,
// advertises /teleop/command, /teleop/control and /teleop/estop and
// publishes on them. The token comes from the page URL (?token=…).
//
// /model returns, per robot, its kinematic chain as JSON — each joint's
// type, axis, limits and origin (a 4×4 homogeneous transform, row-major, in
// the previous body's frame at zero), and the tip transform — and, for URDF
// models, the URDF text. Its joints are those of the teleop server's
// /robot_description (the chain as URDF, kinematics.ExportURDF), and it
// needs the same token as the telemetry (mounted with
// teleop.Server.HandleAuthenticated; the page sends its token as a Bearer
// header). The page computes forward kinematics from the measured joint
// positions it receives (a joint of the model missing from /joint_states
// is shown as lost), so the 3D view follows the arm without subscribing to
// /tf, which Foxglove Studio and Lichtblick use instead. URDF models are built and posed by urdf-loader,
// with primitive shapes (cylinders along the links, spheres at the joints)
// where visual geometry is absent — meshes are not served; the modified-DH
// PSM is drawn as cylinders between consecutive joint frames, with its
// remote centre of motion marked.
package console
