// Package hil is chiron's hardware-in-the-loop simulator: it puts a
// simulated robot exactly where the hardware stands and runs the real
// drivers, loop and safety supervisor against it, with faults, scenarios,
// metrics, recordings and seeded sweeps.
//
// A Rig is one robot: the firmware simulator (rigid-body plant, drives,
// injected faults; package firmwaresim) and its protocol front end serving a
// pseudo-terminal, the real host driver opening the other end of it with
// go.bug.st/serial (dynamixel.Bus; CAN protocols through SLCAN), and a
// control.Loop with the supervisor, four controllers (joint-pd with gravity
// compensation, cartesian-impedance, transparent, admittance) and the
// setpoint mailbox. Protocol "inproc" calls the simulated drives in process
// with the simulator's faults mapped to bus errors: no wire, for fast tests
// and large sweeps.
//
// Lockstep: the Rig owns virtual time. Step advances the simulator by one
// period, lets the devices do their time-driven work, runs the loop's
// Step(now) — whose bus exchanges travel over the pty byte for byte — and
// then waits until the device side has consumed and acted on every byte the
// host sent (commands such as a Dynamixel sync write get no reply, so
// without this barrier they would race the next simulator step). With that,
// a run is a function of its seed: bit-identical across runs. Wall time
// enters only through reply timeouts, which decide how long a host waits
// for a device that will not answer (dead node, bus-off), never what it
// sees. Faults that act in wall time (a reply delayed by N ms) are not
// deterministic over a pty; use them in real-time runs.
//
// Real time: Run steps the simulator against the wall clock and runs the
// loop under control.Runner, as on the robot.
//
// A Scenario (YAML) names a model, protocol, controller and gains, a
// setpoint program (joint or Cartesian minimum-jerk waypoints, a passive
// range-of-motion cycle, a scripted teleoperation input), faults with time
// windows (the simulator's kinds plus operator_loss and estop) and
// expectations. RunScenario runs it and writes report.json, a per-cycle CSV,
// an MCAP recording with the console's channels and an SVG tracking plot.
// Sweep runs a scenario over a parameter grid and a range of seeds, and
// shards the runs by index so that a Kubernetes Indexed Job or a Slurm
// array runs it unchanged; shard results merge by concatenating CSVs.
//
// hil imports control, drivers and firmwaresim; it never imports teleop
// (the MCAP channel schemas are copied from teleop/channels.go).
package hil
