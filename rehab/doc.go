// Package rehab holds the domain of chiron's rehabilitation side: patients
// (pseudonymous, with per-joint limits), exercise protocols, therapy
// sessions and the samples a session records, plus the small interfaces
// through which a session is run on a robot.
//
// Units are SI throughout: metres, kilograms, radians, N·m, rad/s, seconds.
// Reports convert to clinicians' units (degrees) at the edge.
//
// # Session life cycle
//
//	created → running ⇄ paused → stopped | completed
//	running | paused → interrupted   (found running at start-up after a crash)
//
// Status.CanTransition encodes this graph; storage and the API refuse any
// other transition.
//
// # Running a session
//
// A SessionRunner executes one protocol on one robot and streams Samples to
// a SampleSink. The exercise modes and the simulated patient (packages
// rehab/exercise and rehab/patientsim) implement it; FakeRunner is a
// deterministic implementation driven by the caller, for tests. A runner
// that can check a prescription before the session exists implements
// PrescriptionChecker (the API then refuses at creation what it cannot
// run); a sink that implements NoteSink receives what the runner tells the
// clinician (Note: a limit that shortened a range, why a session ended
// early). A run that ends early on its own passes Done an error
// implementing EarlyEnd, whose reason the API keeps as Session.EndReason.
package rehab
