// Package cubemars drives CubeMars AK-series actuators (AK80-9, AK70-10,
// AK60-6, AK10-9, ...) in "MIT mode", the protocol of the MIT Mini Cheetah
// motor controller that CubeMars firmware keeps: one 8-byte CAN frame per
// motor carries position (16 bit), velocity, Kp, Kd and feed-forward torque
// (12 bit each); the motor answers every frame with its position, velocity
// and torque (and, in newer firmware, temperature and a fault code). The
// motor closes the impedance law τ = t_ff + Kp·(p − q) + Kd·(v − q̇) itself,
// so chiron's impedance command maps onto it one to one and the position,
// velocity and effort modes are its special cases.
//
// The fixed-point ranges differ per model and per firmware version, so they
// are data (Model, Limits, the Models table) with their sources beside them.
//
// The codec is symmetric. The host packs commands (Limits.PackCommand,
// CommandFrame, SpecialFrame) and unpacks replies (Limits.UnpackReply); the
// motor side, used by the firmware simulator, parses requests
// (Limits.ParseRequest) and packs replies (Limits.PackReply, ReplyFrame)
// with the same mapping functions, so the simulator exercises the exact
// encoding the driver uses. Nothing in the codec allocates; values outside
// a model's ranges saturate at the range ends and NaN encodes as zero
// (clamped into the range), so a bad number can never become a full-scale
// command; wrong frame lengths are errors naming the bytes.
//
// Bus implements drivers.Bus over a canbus.Conn: Write sends one command
// per motor, Read collects the replies they elicit, Enable/Disable/Zero send
// the special frames. The cyclic path does not allocate.
package cubemars
