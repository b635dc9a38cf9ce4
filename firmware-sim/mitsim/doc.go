// Package mitsim simulates CubeMars AK-series actuators (AK80-9, AK70-10,
// AK60-6, AK10-9, ...) in MIT ("force control") mode on a CAN bus: the
// device side of package cubemars, driving firmwaresim's simulated plant. A
// Node is a firmwaresim.CANNode, so it runs on an in-memory canbus segment
// (firmwaresim.ServeCAN), behind a simulated USB-CAN adapter on a
// pseudo-terminal (firmwaresim.SLCANServer, which chiron's real
// canbus.DialSLCAN opens exactly as it opens a CANable), or on SocketCAN.
//
// # Motors and frames
//
// Joint i of the chain (0-based) is the motor with CAN ID i+1. Every frame
// is parsed with cubemars.Limits.ParseRequest, the same codec the host
// driver packs with, using the motor's own model ranges (Config.Models,
// default AK80-9). Per the CubeMars "AK Series Actuator Driver Manual"
// (V1.0.8, §5.3 "MIT power mode communication protocol"):
//
//   - FF×7 FC, enter motor control mode: Drive.Enabled, the command reset
//     to zero torque and zero gains (the motor is limp until the first
//     command, as the MIT reference firmware resets its controller on entry).
//     Entering also clears latched faults; a cause still present (hot
//     winding, an active fault window) latches them again at the next
//     Sim.Step.
//   - FF×7 FD, exit motor control mode: the power stage turns off.
//   - FF×7 FE, set zero: the present position becomes 0 of the reported
//     position (an offset; the plant does not move). A command already
//     latched keeps its target in the plant's frame, so zeroing in motor
//     mode makes no jump until the next command.
//   - any other 8-byte frame, a command p16 v12 kp12 kd12 t12: in motor
//     mode Drive.Command becomes drivers.ModeImpedance {Position, Velocity,
//     Kp, Kd, Effort} decoded with the model's ranges, so the drive
//     executes τ = Kp·(p_des − p) + Kd·(v_des − v) + τ_ff.
//
// Every special frame and every command in motor mode is answered on
// Config.MasterID (default 0, the CubeMars factory setting) with the reply
// id, p16, v12, t12, temperature (°C + 40) and error byte (8 bytes; 6 with
// Config.ShortReply, as older firmware sends), measured by Sim.Measure.
//
// Commands outside motor mode are ignored and get no reply. The manual
// requires motor control mode to be entered before the motor is controlled
// over CAN, and tells the host to send "enter" to read the state when the
// motor sends none; the MIT reference firmware (Ben Katz's motorcontrol)
// answers every frame in rest mode too, but CubeMars documents the
// former and chiron's host must not depend on the latter.
//
// Frames that are not for a motor (another ID, extended or remote frames)
// are not answered, nor are frames of a length other than 8: the manual
// defines only DLC 8 for this mode and real firmware drops the rest without
// reply. Nothing a host sends can panic the node (FuzzHandleFrame).
//
// # Units and the gear
//
// The AK actuators have their planetary gear inside; MIT-mode positions,
// velocities and torques are at the output shaft (cubemars.Model's
// documentation), and the output shaft is the joint: a revolute joint's
// radians are the wire's radians, its N·m the wire's N·m, with no further
// gear ratio. A prismatic joint is driven through a pulley or capstan of
// Config.PrismaticLead metres per output radian (default 10 mm): x = lead·θ,
// ẋ = lead·θ̇, F = τ/lead, and a stiffness Kp N·m/rad becomes Kp/lead² N/m.
// Positions beyond the model's ±12.5 rad saturate in the reply, as they do on
// the motor (its 16-bit field wraps in some firmware; saturation is the
// codec's documented choice).
//
// Torque: the feed-forward torque is limited by the model's range through
// the 12-bit encoding, and the plant saturates the total motor torque at
// the joint's torque limit (plant.Joint.TorqueLimit or the chain's rated
// effort). The model's torque range (±18 N·m for the AK80-9) applies to
// the total τ only when the joint's limit is set to it: see Config.Models
// and the package's known limitation below.
//
// # Sized motors
//
// SizedModel (and SizedModels for a chain) gives a generic MIT-mode motor
// sized from a joint's limits instead of a catalogue AK model: torque range
// ±effort, velocity range twice the joint's limit, a position range that
// covers the joint's travel, Kp and Kd ranges that reach the hold gains of
// a drive of that torque. Its torque range is then the plant's torque limit
// (the chain's effort), so the limitation below does not arise. Host and
// node must be given the same Model.
//
// # Faults
//
// Drive.Fault becomes the reply's error byte (cubemars.Fault codes):
// over-temperature → 1, over-current → 2, voltage → 4 (under-voltage),
// encoder → 5, a generic drive fault (firmwaresim's drivefault) → 2
// (over-current, the power-stage trip an AK driver reports most). A
// faulted motor produces no torque (Sim) and keeps replying.
//
// Replies pass through Sim.ReplyFate: dropped; delayed by the fault's delay
// in simulated time (queued and sent from Tick once the Sim's clock has
// passed it — deterministic in lockstep runs); or corrupted by one flipped
// data bit. On a real bus the CAN CRC catches a flipped bit and the frame
// is retransmitted, so corruption models damage beyond the CRC (an
// adapter, a firmware bug): the host sees a wrong value or a wrong motor
// ID. A dead node neither hears nor answers (its command is not applied);
// bus-off silences every motor.
//
// # Known limitation
//
// firmwaresim.Sim runs the drive law itself (plant.DriveTorque) and offers
// no per-drive torque clamp, so the model's torque range cannot saturate
// τ = Kp·Δp + Kd·Δv + τ_ff from here; only the plant's joint torque limit
// does. Configure plant.Joint.TorqueLimit to the model's TMax (the CLI's
// robot models carry their rated effort) until Drive grows a limit.
package mitsim
