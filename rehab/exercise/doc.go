// Package exercise is the motion side of a rehabilitation session: the
// exercise modes a clinician prescribes, the controllers they run under, and
// the session runner that plays an ordered protocol of exercises on a robot
// and records what happened.
//
// Modes (each an Exercise):
//
//   - Passive: passive range of motion — the robot moves the relaxed limb in
//     minimum-jerk cycles between the clinician's postures, at their speed,
//     holding at each end (control.JointPD).
//   - AssistAsNeeded: the patient is cued along the same cycles and the
//     robot's impedance stiffness adapts to their tracking error with a
//     forgetting factor (Assist; Emken et al. 2007, Wolbrecht et al. 2008).
//   - Active: transparent, gravity-compensated (control.Transparent).
//   - Resistive: viscous τ = −b·q̇ or elastic τ = −k·(q − q₀) (Resist).
//   - Guidance: a corridor around the straight path between two postures,
//     in joint space or in Cartesian space, free inside and a stiff wall
//     outside (Corridor), engaged once the limb has entered it.
//   - controller:NAME (in a plan, NewPlan): passive's path, the limb moved
//     by the controller registered in control/registry as NAME — a
//     researcher's controller tried on a prescribed motion; its parameters
//     are the exercise params' "controller" member.
//
// In the patient-driven modes (active, resistive, guidance) a SpeedGovernor
// brakes a joint above 80 % of the patient's speed limit, so a quick
// movement is slowed before it reaches the supervisor's protective stop.
//
// An exercise only asks. The patient's range of motion, torque and speed
// limits are enforced by the control loop's safety supervisor, configured by
// SafetyConfig from the patient's limits intersected with the robot's: a
// setpoint beyond the range is clamped into it, an excursion beyond it is a
// protective stop, efforts and stiffnesses are bounded — whatever the
// exercise (or a bug in it) commands.
//
// Exercises run on the non-real-time side: each Runner step reads the robot
// (Robot; LoopRobot adapts a control.Loop), lets the exercise write a
// setpoint, posts it to the loop's mailbox, and emits a Sample at the
// configured rate (≥ 100 Hz) and Events — one per completed repetition with
// its range of motion (rehab/metrics.ROM), peak interaction torque and mean
// assistance level — to a Sink. The controllers run in the loop; all of
// them (one per exercise, plus the hold controller the runner parks the
// limb with) are registered when the loop is built (Protocol.Controllers),
// and the runner switches between them, bumplessly, by name.
//
// # Every session ends
//
// Every phase of a session is bounded. Planned motions (passive, assisted)
// end when their time is up, patient-driven legs after their attempt time;
// MaxDuration is the longest an exercise's prescription allows, and the
// runner ends an exercise that overruns it. The waits that have no end of
// their own are bounded by RunnerConfig: the supervisor enabling
// (EnableWait) and a safety stop nobody resumes (SafetyStopWait; the
// simulated runner ends at once, since the clinicians' API cannot resume
// it). A clinician's Pause alone is unbounded. A session that ends on a
// bound says why in Status.Reason, in plain language and the clinician's
// units (degrees, °/s), and exercises add notes (EventNote): a planned path
// Build shortened because carrying the limb along it would take more than
// HoldTorqueShare of a torque limit, a passive leg that ended more than
// ShortfallTolerance short and the limit that stopped it.
// Planned motions keep off the supervisor's speed limit: they start from
// rest (SettleSpeed), at most 80 % of every joint's speed limit and
// PlannedAcceleration, and their integral correction does not wind up at a
// torque limit. CheckPrescription refuses, naming the field, what Build would refuse or
// a clinician most likely mistyped (parameter ranges MinPeriodS… documented
// with their reasons) before a session is created.
//
// A session API drives a Runner with Start, Pause, Resume and Stop, reads
// Status for the console, and stores what the Sink receives. Simulation and
// tests step the plant, the loop and the runner in lockstep virtual time,
// with rehab/patientsim's simulated patient receiving the runner's cues.
//
// From the clinical records: Build turns a rehab.Exercise (mode name and
// JSON Params) into an Exercise, PatientLimits maps a rehab.Patient's
// per-joint limits onto the robot's joints by name, and NewPlan does both
// for a whole rehab.RunSpec, yielding the supervisor configuration and the
// controllers the loop runs the session with. Two rehab.SessionRunners play
// a plan; neither builds a loop of its own. StationRunner runs it on a
// served robot (a Station: robot.Robot), the one the console shows, on its
// drivers: it claims the robot, loads the plan into its running loop while
// the supervisor holds it (control.Loop.Reconfigure), steps the Runner on
// the wall clock and hands the robot back in its own configuration; with a
// WornPatient it carries a simulated patient in a simulated robot.
// SimRunner opens a robot for each session (robot.Open on in-process
// simulated drives, the exoskeleton scaled to the patient, its loop started
// in the plan's configuration) and steps it in lockstep virtual time with a
// simulated patient — deterministic and as fast as the machine goes, for
// soaks and tests. Both implement rehab.PrescriptionChecker, pass notes to
// a rehab.NoteSink, and end a session early with an *EndError carrying the
// reason.
package exercise
