// Package channels is the one list of the console's Foxglove channels:
// topics, JSON schemas and message shapes, shared by the teleop server's
// live channels, HIL's MCAP recordings and (as the same JSON) the browser
// console, so that Foxglove Studio or Lichtblick open a recording with the
// panels of a live session.
//
// Every schema gives each property one type, as a string (Foxglove's and
// Lichtblick's parser drops a channel with a union such as
// ["number","null"]); no number stands in for a reading that is not
// finite: JointStates.Fill leaves such a joint out of the arrays and names
// it in Lost, ToolPose.Fill marks the pose not valid. SingleTyped,
// ValidateValue and Check test schemas and messages against those rules.
//
// The safety channel's state words are the supervisor's (control.State:
// disabled, enabling, enabled, protective_stop, fault), plus "estop" while
// an emergency stop is pressed. The package imports nothing of chiron's.
package channels
