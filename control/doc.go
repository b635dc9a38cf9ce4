// Package control is chiron's real-time core: the fixed-rate control loop,
// the safety supervisor that stands between every controller and the drives,
// and the controllers themselves.
//
// A Loop owns one robot's drivers.Bus. Each call to Step(now) runs one cycle
// in a fixed order: read the joint states; let the Supervisor check them
// (freshness, limits, tracking error, drive faults, redundant sensors,
// emergency stop, deadman, setpoint age, standstill while stopped); let the
// active Controller compute commands from
// the newest Setpoint, which the operator side posts to a lock-free Mailbox;
// let the Supervisor clamp and gate those commands — in any state but
// Enabled only its safe command reaches the hardware; write; publish a
// Snapshot for non-real-time readers; record timing. Controllers never see
// the bus: they write into a buffer the Supervisor filters, so the safety
// layer cannot be bypassed by a controller bug.
//
// The Supervisor is the only authority over the motors, and every stop goes
// through it and into its one event log. A party outside the loop
// (teleoperation whose operator went quiet, a rehabilitation session, a test
// scenario) asks for a protective stop with Supervisor.Stop, and only an
// explicit Resume ends it; a streaming producer bounds how long each of its
// setpoints stays valid (Setpoint.ValidFor) and the supervisor stops when
// the newest one is older. A stop holds: while the drives are told to hold
// (ProtectiveStop, or Disabled with braked drives when configured so) the
// supervisor monitors standstill, and a joint that leaves its standstill
// window after a settling allowance — or its braking envelope during it —
// is a Fault (IEC 61800-5-2 Safe Stop 2 with Safe Operating Stop). NewLoop
// refuses what it could not enforce, such as a workspace box without the
// forward kinematics to check it.
//
// Step takes its time from its caller and never reads a clock for control,
// so lockstep simulation drives it with virtual time and tests are
// deterministic. The Runner calls it at absolute deadlines t0 + k·period
// on a locked OS thread, optionally SCHED_FIFO with locked memory, and
// records wake-up latency, compute time and period in fixed log-linear
// histograms (see Timing for the overrun policy).
//
// Nothing on the cycle path allocates, takes a lock that non-real-time code
// holds, logs, or waits on a channel: setpoints and snapshots travel through
// triple buffers (each of three preallocated values is owned by one side at
// a time and handed over with one atomic swap), requests (Enable, Reset,
// Stop, SwitchController, SetGains) through atomics and the same buffers,
// and the supervisor's event log is a fixed ring of coded events rendered to
// text only when read, in which identical consecutive events (a request
// refused every cycle) collapse into one entry with a count so that they
// cannot push the transitions out. TestStepAllocatesNothing and
// TestHeldCycleAllocatesNothing hold the loop to that.
//
// Controller switches and gain changes are applied at a cycle boundary and
// are bumpless: the incoming controller is Reset from the measured state and
// the last commands, and the effort it commands may move by at most
// JointLimits.BumplessStep per cycle until it has caught up.
package control
