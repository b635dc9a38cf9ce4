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
// deterministic implementation driven by the caller, for tests.
package rehab
