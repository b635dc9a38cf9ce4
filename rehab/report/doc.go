// Package report turns a recorded session into what a clinician reads:
// per-repetition and per-session metrics (JSON), a CSV export, SVG plots,
// a printable HTML report (WriteHTML: date, time, duration, the patient's
// pseudonym, height, mass and side, the therapist, exercises numbered
// from 1, every metric explained in one line, a print stylesheet) and an
// HL7 FHIR R4 Bundle: the session as a Procedure and range-of-motion
// Observations, preliminary while it runs and final once it has ended
// (ObservationStatus), body sites qualified by the patient's side.
// Joints and modes are named as clinicians name them (JointLabel,
// ModeLabel); the interaction torque is the torque between patient and
// robot, not the motors'.
//
// Samples are in SI units; reports speak degrees for angles and keep
// N·m, seconds and the dimensionless smoothness and path metrics of
// package rehab/metrics, which does the numerics.
//
// # Active and passive range of motion
//
// A sample counts as passive when the robot provided at least half of the
// motion (Sample.Assistance ≥ 0.5) and as active otherwise. A joint's
// passive ROM is the range it moved through over passive samples; its
// active ROM the range over active samples. A repetition is classified by
// its mean assistance.
//
// # Repetition metrics
//
// A repetition is the contiguous run of samples with one (exercise,
// repetition) pair with repetition ≥ 1 (0 marks the approach to the
// exercise's start posture, which counts towards the session's ROM but is
// not a repetition). Its speed is the Euclidean norm of the exercised
// joints' velocities. Movement time uses the whole repetition (5 % of
// peak speed); SPARC smoothness and the path-length ratio use the
// outbound reach — from the start to the posture farthest from it in
// joint space — because a flexion–extension cycle returns where it began.
// A metric that cannot be computed (no movement, too few samples) is
// omitted (JSON null) rather than invented.
package report
