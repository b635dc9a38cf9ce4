// Package dxlsim simulates a chain of ROBOTIS Dynamixel X-series servos: the
// device side of Dynamixel Protocol 2.0, speaking on a byte stream (the
// master of a pseudo-terminal from firmwaresim.OpenPTY, or an in-memory
// pipe) and driving firmwaresim's simulated plant. A host opens the pty's
// slave with go.bug.st/serial exactly as it opens a U2D2 or any USB-RS-485
// adapter, so chiron's real dynamixel.Client and dynamixel.Bus run byte for
// byte against it.
//
// # Servos and control table
//
// Joint i of the chain (0-based) is the servo with ID i+1. Each servo has
// the X-series control table at its real addresses and sizes (e-Manual,
// emanual.robotis.com/docs/en/dxl/x/xm430-w350/, "Control Table"),
// addresses 0 (Model Number) to 661, the indirect areas included: Indirect
// Address 1–56 (168–223, 578–633; RAM, 64–661) name the address whose byte
// Indirect Data 1–56 (224–251, 634–661) is, read and written with that
// item's size, range and access, as the e-Manual's "Indirect Address"
// section says — a sync read of Present Position and Velocity gathered
// there returns the direct items' bytes. Writes are checked as the servo checks them
// and answered with the e-Manual's error numbers (Protocol 2.0, "Status
// Packet"): read-only or undefined address → Access Error (7); EEPROM item
// (address < 64) while Torque Enable is 1 → Access Error; partial item →
// Data Length Error (5); value outside the item's range → Data Range Error
// (4); goal beyond its configured limit (PWM/Current/Velocity Limit,
// Min/Max Position Limit in Position mode) → Data Limit Error (6); unknown
// instruction → Instruction Error (2). A refused write changes nothing.
// Reads may span reserved addresses (they read 0), as Dynamixel Wizard's
// whole-table reads do on the real servo. Parameter blocks of the wrong
// size for a known instruction are answered with Data Length Error.
//
// Instructions: ping (model number, firmware version), read, write, reg
// write and action, reboot (clears hardware errors and RAM, keeps EEPROM),
// factory reset (0xFF, 0x01, 0x02; a broadcast 0xFF is ignored, as the
// e-Manual specifies; refused with Access Error while torque is on), sync
// read/write and bulk read/write. Status Return Level (68) is honoured.
// A broadcast ping is answered by every servo in ascending ID order, the
// replies back to back: on a real bus the servos space them by their Return
// Delay Times, which matters only for collisions a pty cannot have.
//
// # Drives and units
//
// Torque Enable (64) is Drive.Enabled; Operating Mode (11) and its goal
// item set Drive.Command (current 0 → effort, velocity 1, position 3,
// extended position 4 and current-based position 5 → position, PWM 16 →
// effort; see Server's apply). Units come from the model data in package
// dynamixel: 4096 counts per turn centred at count 2048 for q = 0 (Homing
// Offset (20) and Drive Mode (10) bit 0, reverse, are applied), 0.229 rev/min
// per velocity unit, 2.69 mA per current unit times the model's torque
// constant. A prismatic joint is driven through a pulley or capstan of
// Config.PrismaticLead metres per radian of the servo shaft (default 10 mm):
// x = lead·θ, ẋ = lead·θ̇, F = τ/lead.
//
// Config.Models names each servo's model (default XM430-W350). SizedModel
// (SizedModels for a chain) gives a generic Dynamixel-protocol servo sized
// from a joint's limits instead: its whole current range is ±effort, its
// Velocity Limit range reaches the joint's velocity, with a 2¹⁸-count
// encoder and a 0.01 rev/min velocity unit, and Model Number
// SizedModelNumber. Its control table differs from the XM430-W350's only in
// the model-specific items (Current Limit, Velocity Limit and the one-turn
// position limits). The host's dynamixel.Joint.Model must be the same
// model, or its torque↔current conversion is another servo's.
//
// Present Position, Velocity, Current, PWM, Temperature, Moving and Moving
// Status are computed from Sim.Measure when a read reaches them. Hardware
// Error Status (70) latches the drive's fault bits (overheating bit 2,
// motor encoder 3, electrical shock 4 for a generic drive fault, overload
// 5, input voltage 0); while it is non-zero every status packet carries the
// alert bit 0x80, torque is turned off when Shutdown (63) selects the bit,
// and Torque Enable cannot be set (Result Fail) until a reboot.
//
// # Faults
//
// Replies pass through Sim.ReplyFate: dropped, delayed (in wall time — the
// Server waits before writing, so later replies queue behind it as on a
// half-duplex bus), or corrupted by one flipped bit after the CRC was
// computed (never in the header, ID or length, so the host frames the
// packet and sees a CRC mismatch). A dead node neither hears nor answers;
// bus-off silences every servo. A host packet whose CRC fails is answered
// with CRC Error (3) by the servo its ID byte names (unless broadcast),
// subject to Status Return Level: the real servo does so when it can read
// the ID; here the ID byte is taken as received.
//
// # Time
//
// The Server does not step the simulator: in lockstep runs the owner calls
// Sim.Step (or Server.Step) between exchanges; in real-time runs Sim.Run
// steps it against the wall clock.
//
// # Clear
//
// Clear (0x10) with the multi-turn parameters (0x01 "DXL\"", firmware v42
// on) takes the whole turns off Present Position, and off Goal Position so
// a holding servo keeps holding; a moving servo (Present Velocity beyond
// the Moving Threshold, 24) answers Result Fail, other parameters a Data
// Range Error.
//
// # Bus Watchdog
//
// Each servo records the simulated time of every instruction packet
// addressed to it or broadcast. Server.Step steps the simulator and then
// expires Bus Watchdog (98) as the e-Manual describes: with Torque Enable
// on and 98 at 1–127, a silence longer than 98 × 20 ms sets 98 to 0xFF
// (-1), zeroes Goal PWM, Current and Velocity and leaves the drive with no
// torque (Torque Enable unchanged); the goal items then answer Data Range
// Error, and 98 accepts only 0, which clears the trip (as does a reboot).
// An owner that steps the simulator itself (Sim.Step) calls Server.Tick
// after each step to the same effect (robot's simulated Dynamixel robots do). Replies are sent as soon as the instruction is processed
// unless Config.ReturnDelay asks for the Return Delay Time (9) in wall time.
package dxlsim
