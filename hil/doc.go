// Package hil is chiron's hardware-in-the-loop simulator: it puts a
// simulated robot exactly where the hardware stands and runs the real
// drivers, loop and safety supervisor against it, with faults, scenarios,
// metrics, recordings and seeded sweeps.
//
// A scenario runs on one robot opened by package robot (the composition
// layer that serve and demo use too): the firmware simulator (rigid-body
// plant, drives, injected faults; package firmwaresim) and its protocol
// front end serving a pseudo-terminal, the real host driver opening the
// other end of it with go.bug.st/serial (dynamixel.Bus; CAN protocols
// through SLCAN), and the control.Loop with the supervisor and the four
// controllers. Protocol "inproc" calls the simulated drives in process.
//
// Lockstep: robot.Robot.Step owns virtual time (the simulator advances one
// period, the devices act, the loop steps over the pty, and a barrier waits
// until the devices have acted on every byte the host sent), so a run is a
// function of its seed: bit-identical across runs. Wall time enters only
// through reply timeouts, which decide how long a host waits for a device
// that will not answer (dead node, bus-off), never what it sees. Faults that
// act in wall time (a reply delayed by N ms) are not deterministic over a
// pty; use them in real-time runs, where the robot's Run steps the
// simulator against the wall clock and the loop runs under control.Runner.
//
// A Scenario (YAML) names a model, protocol, controller (any name registered
// in control/registry) with its controller_params and gains, a
// setpoint program (joint or Cartesian minimum-jerk waypoints, a passive
// range-of-motion cycle, a scripted teleoperation input), faults with time
// windows (the simulator's kinds plus operator_loss and estop) and
// expectations. RunScenario runs it and writes report.json, a per-cycle CSV,
// an MCAP recording with the console's channels and an SVG tracking plot.
// Sweep runs a scenario over a parameter grid and a range of seeds, and
// shards the runs by index so that a Kubernetes Indexed Job or a Slurm
// array runs it unchanged; shard results merge by concatenating CSVs.
//
// hil imports robot, control, drivers, firmwaresim and channels (the
// console's topics, schemas and message shapes, which its MCAP recordings
// carry); it never imports teleop.
package hil
