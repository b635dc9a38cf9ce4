// Package channels is the one list of chiron's Foxglove channels: topics,
// JSON schemas and message shapes, shared by the teleop server's live
// channels, HIL's MCAP recordings and (as the same JSON) the browser
// console, so that Foxglove Studio or Lichtblick open a recording with the
// panels of a live session.
//
// Where a well-known schema fits, the channel uses it, with the official
// field names: /joint_states is ROS 2's sensor_msgs/msg/JointState in its
// JSON form, /robot_description std_msgs/msg/String (the URDF), /tool_pose
// foxglove.PoseInFrame, /tf foxglove.FrameTransforms (one transform per
// link per published cycle, frame ids the URDF's link names, as
// robot_state_publisher does) and /safety/log foxglove.Log (one message per
// safety event). chiron.* schemas remain only where none fits: the
// supervisor's state (/safety), loop statistics, teleop status, the haptic
// cue and the client-published commands. Times are {sec, nsec} (foxglove)
// or {sec, nanosec} (ROS): integers a JSON reader holds exactly, where an
// int64 of nanoseconds since 1970 loses precision in JavaScript.
//
// Every schema gives each property one type, as a string (Foxglove's and
// Lichtblick's parser drops a channel with a union such as
// ["number","null"]); no number stands in for a reading that is not
// finite: JointState.Fill leaves such a joint out of the arrays (naming it
// in Lost, which is not sent), PoseInFrame.Fill and FrameTransforms.Add
// refuse a pose that is not finite so that it is not published.
// SingleTyped, ValidateValue and Check test schemas and messages against
// those rules.
//
// The safety channel's state words are the supervisor's (control.State:
// disabled, enabling, enabled, protective_stop, fault), plus "estop" while
// an emergency stop is pressed. The package imports nothing of chiron's.
package channels
