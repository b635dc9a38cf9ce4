// Package teleop is the server side of chiron's teleoperation console and
// the operator semantics that turn an operator's commands into the setpoint
// a robot's control loop tracks.
//
// # Wire protocol
//
// Clients connect to /ws with the Foxglove WebSocket protocol
// (subprotocol foxglove.websocket.v1, or foxglove.sdk.v1), so the browser
// console, Foxglove Studio and Lichtblick all speak to the same server.
// Every channel is JSON-encoded with a JSON Schema ("jsonschema") schema in
// which every property has a single type (Foxglove Studio and Lichtblick
// drop channels with type unions); package channels holds them. Where a
// well-known schema fits the channel uses it, so that Foxglove's panels
// work unconfigured. Per robot (optionally under a prefix such as "/psm")
// the server publishes at Options.TelemetryRate (default 100 Hz)
// /joint_states (sensor_msgs/msg/JointState), /tool_pose
// (foxglove.PoseInFrame), /safety (chiron.Safety, the supervisor's state),
// /loop_stats, /teleop/status and /haptic_feedback (chiron.*), and
// /safety/log (foxglove.Log) once per safety event. A robot that knows its
// kinematic chain (ChainProvider) also gets /tf (foxglove.FrameTransforms,
// a transform per link per cycle, frame ids the link names of its URDF) and
// /robot_description (std_msgs/msg/String: the chain as URDF,
// kinematics.ExportURDF), sent to each client once when it subscribes, as
// a latched ROS topic is. Times are {sec, nsec} ({sec, nanosec} in the ROS
// message), never an int64 of nanoseconds, which JavaScript cannot hold. A
// non-finite reading is never sent as a number or null: /joint_states and
// /tf leave such a joint out, /tool_pose is not published while the pose
// is not finite, /haptic_feedback says "valid": false. The server accepts
// client-published messages (capability clientPublish) on
// /teleop/command, /teleop/control and /teleop/estop. With the
// "parameters" capability Foxglove's Parameters panel reads, per robot,
// <prefix>/teleop/scale and the robot's own parameters (ParameterRobot:
// controller gains); only the operator in control of a robot sets them.
// Options.Simulation adds the "time" capability.
// Every malformed or refused client message is answered with a status
// message of level 2 that names the problem; none ends the connection.
// Teleop payloads are decoded strictly: an unknown key, a key given twice
// or a key in another case ("Deadman" for "deadman") is refused with the
// key named, because encoding/json alone would match keys case-insensitively
// and keep the last duplicate, silently.
//
// # Authentication and roles
//
// A bearer token (Authorization header, or ?token= because browsers cannot
// set headers on a WebSocket) is checked before the upgrade; a missing or
// unknown token gets 401. Browser Origins must be the server's own or on
// Options.AllowedOrigins (403 otherwise). Viewers and clinicians watch and
// may engage the e-stop; operators and admins may also take control,
// command motion and release the e-stop. One client holds control of a
// robot at a time.
//
// Releasing the e-stop only releases it: the robot's safety supervisor
// keeps the drives off until the operator in control publishes
// {"action":"reset"} and then {"action":"enable"} on /teleop/control
// (robots implementing Enabler); the supervisor decides on each request
// and logs a refusal. The status sent on release reports the robot's
// state as the robot reports it.
//
// # Connections
//
// Admission is capped before the upgrade (Options.MaxConnections and
// siblings: by default 64 in total of which 4 are kept for roles that may
// operate, 16 per token, 32 per remote address): a request over a cap is
// answered 503 (server full) or 429 (this token's or address's share)
// with a body naming the cap, so a flood of viewers can neither starve the
// loop nor lock out the operator.
//
// Each connection has exactly one writer goroutine fed by two bounded
// queues: a lossy telemetry queue (the oldest message is dropped and
// counted, see Server.Clients) and a control queue for JSON messages whose
// overflow disconnects the client, since a client that misses a status or
// an advertise would hold a wrong picture. The publisher only ever appends
// to queues, so a client that stops reading cannot stall telemetry for
// others or anything that touches the robot.
//
// # Operator semantics
//
// Operator is pure logic, driven with explicit times. The console is a rate
// master: a command carries the master's linear (m/s) and angular (rad/s)
// velocity. Accepted commands are
//
//   - scaled by the motion scale (default 0.2, clamped to [0.05, 1]);
//   - mapped to the base frame: "base" as is; "tool" through the tool
//     orientation latched at engage (see below);
//   - low-pass filtered against tremor: a 2nd-order Butterworth per axis,
//     cutoff 2 Hz by default, discretised with the pre-warped bilinear
//     transform at the command rate (default 100 Hz). Physiological tremor
//     lies at 8–12 Hz (Riviere, Rader & Thakor, "Adaptive canceling of
//     physiological tremor for improved precision in microsurgery", IEEE
//     Trans. Biomed. Eng. 45(7):839–846, 1998; Elble & Koller, Tremor,
//     1990), where the filter attenuates by 24–29 dB; the price is a
//     low-frequency group delay of √2/(2π·2 Hz) ≈ 110 ms, acceptable at
//     the slow, scaled speeds of laparoscopic work and configurable;
//   - limited in speed (0.05 m/s, 0.5 rad/s by default, direction kept) and
//     stripped of components that would take the tool further out of the
//     configured workspace box.
//
// Nothing moves unless the command's deadman is true; a command with the
// deadman released, or with the clutch pressed, yields a hold at once (so
// within one loop cycle of its arrival). While clutched the operator
// re-indexes the master freely; being a rate master, release resumes from
// wherever the arm is, with no jump. A command whose seq is not greater
// than the last accepted one is dropped and counted. If no valid command
// arrives for 100 ms (Heartbeat) the arm is held; after 1 s (SilenceStop)
// or when the operator in control disconnects, the robot's ProtectiveStop
// is called.
//
// Orientation alignment on engage: a rate master has no absolute
// orientation to align with the tool, so nothing is snapped or servoed.
// Instead, at each engage (the first deadman-held, unclutched command after
// a hold) the tool orientation is latched, and tool-frame commands for the
// whole engagement are expressed in that latched frame. The operator's
// mapping "push forward = along the tool as it pointed when I engaged"
// then stays fixed while the tool rolls, and clutching re-latches it — the
// same role the clutch plays for a position master. The filter state is
// reset at engage, so motion always starts from rest (a soft start).
//
// Latency is measured from the receipt of a command to the loop's report
// that it applied it (State.AppliedSeq/AppliedAt), and published in
// /teleop/status with last_seq_applied: the last seq of the operator in
// control whose motion the loop applied. A hold (deadman released, clutch,
// heartbeat) and a command the robot refused (e-stop, not enabled,
// unreachable goal) are never reported applied; a refusal also disengages,
// so "engaged" stays true only while the arm follows. Seqs are per
// operator: last_seq_applied restarts from 0 when someone takes control.
// Commands refused for any reason but a stale seq (malformed, a role that
// may not operate, not in control, refused by the robot) are counted in
// commands_refused; a viewer's commands never reach the Operator or the
// robot.
//
// # Haptic cue
//
// /haptic_feedback carries a virtual-wall force proportional (WallStiffness,
// default 200 N/m) to the tool's penetration past a wall WallMargin inside
// each face of the workspace box, and a 0–1 proximity per joint that rises
// linearly within JointMargin of a joint limit. It is a cue for the
// operator; the loop's supervisor enforces the limits.
package teleop
