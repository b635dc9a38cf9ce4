// Package robot is chiron's composition layer: the one place that loads a
// robot model, assembles its control loop and opens it on its drives, for
// every front end — `chiron serve` and `demo` (teleoperation and the
// clinicians' sessions), HIL scenarios and sweeps, and `bench loop`.
//
// LoadModel is the one rule for --model, --base and --tip. Assemble derives
// the supervisor's limits from the chain (soft limits, rated velocity and
// effort, hold gains with gravity feed-forward, a workspace box around the
// reachable space) and builds the controllers by name from control/registry:
// the active one (a built-in, a researcher's own, or an external program)
// with its parameters (Gains.Params), and the four built-ins (joint-pd with
// gravity compensation, cartesian-impedance, transparent, admittance).
// Open does both and opens the loop on a spec:
//
//   - Config.Rig: the real drives a rig file describes (rig.Open: CANopen,
//     Dynamixel or CubeMars), stepped Disabled from the end of their start-up
//     until Run, and switched off when Run ends;
//   - Config.Protocol dynamixel, canopen or cubemars: simulated drive
//     firmware (package firmwaresim) on a pseudo-terminal, with the real host
//     driver on the other end of it (go.bug.st/serial; CAN protocols through
//     SLCAN) — byte for byte what hardware sees; the host side is opened
//     with rig.OpenWith from a rig.Config describing the simulated drives,
//     the very code that opens a rig file's real drives;
//   - Config.Protocol inproc: the simulated drives called in process, with
//     the simulator's faults mapped to bus errors: no wire, for fast tests
//     and large sweeps.
//
// Whatever the spec, the result is one handle, *Robot: its Loop (setpoints,
// snapshots, the supervisor's requests), Claim/Reconfigure/Restore for a
// clinician's session that runs its own controllers and the patient's
// limits on the served robot, Run in real time under
// control.Runner, and — on simulated firmware — Step in lockstep: the
// simulator advances one period, the devices do their time-driven work, the
// loop runs Step(now) over the pty, and Step returns once the device side
// has consumed and acted on every byte the host sent, so a run is a function
// of its seed, bit-identical across runs.
//
// robot imports control, drivers, firmwaresim, kinematics and rig; nothing
// of hil, teleop or rehab, which build on it.
package robot
