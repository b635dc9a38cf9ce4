// Package api is the clinicians' HTTP API of chiron's rehabilitation side:
// JSON over HTTP under /api/v1, mounted on the console server
// (teleop.Server.Handle("/api/v1/", h)) or served alone.
//
// # Authentication
//
// Every request carries `Authorization: Bearer TOKEN`, checked against the
// console's token file (teleop.Tokens). Roles clinician and admin may use
// the API; viewer and operator get 403; a missing or unknown token 401.
// GET /me answers every known token with its role, so the clinician page
// shows a viewer no controls. Who starts a session is recorded with it
// (store.SetStartedBy) and named as the therapist in its reports: the
// token's name from Options.TokenName, else its role and fingerprint.
//
// # Routes
//
//	POST /api/v1/patients                   create a patient (201)
//	GET  /api/v1/patients                   list patients (?after=ID&limit=N)
//	GET  /api/v1/patients/{id}              one patient
//	POST /api/v1/sessions                   {patient_id, protocol} → session (201)
//	GET  /api/v1/sessions                   list sessions (?patient_id=ID)
//	GET  /api/v1/sessions/{id}              status and progress
//	POST /api/v1/sessions/{id}/start        created → running
//	POST /api/v1/sessions/{id}/pause        running → paused
//	POST /api/v1/sessions/{id}/resume       paused → running
//	POST /api/v1/sessions/{id}/stop         created | running | paused → stopped
//	GET  /api/v1/sessions/{id}/report       metrics (JSON)
//	GET  /api/v1/sessions/{id}/report.csv   per-repetition metrics (CSV)
//	GET  /api/v1/sessions/{id}/report.svg   joint angles and assistance (SVG)
//	GET  /api/v1/sessions/{id}/report.html  the report page for clinicians
//	GET  /api/v1/sessions/{id}/fhir         FHIR R4 Bundle of ROM Observations
//	GET  /api/v1/sessions/{id}/live         the running session's recent motion (?after=T s)
//	GET  /api/v1/robot                      the robot's name and joints (suggested limits, anatomical labels)
//	GET  /api/v1/me                         the caller's role and name, any role
//
// Errors are JSON {"error": "...", "field": "..."}: 400 for bad input
// (strict decoding: unknown fields are refused and named; ranges are
// validated; a patient ID that looks like a name with a birth date,
// "John_Smith_1950-03-02", is refused: CheckPseudonym), 404 for an unknown id, 409 for a refused state transition or
// a robot busy with another session, 422 when the robot's runner refuses a
// prescription it cannot execute (its message says why). A runner that
// implements rehab.PrescriptionChecker (the simulated robot does) checks a
// prescription when the session is created: unknown modes, parameters,
// joints the robot does not have, parameter values out of range and
// postures outside the patient's range are then 400 naming the field
// ("protocol.exercises[0].params.period_s"), angles in degrees. The live
// view carries the runner's notes (rehab.Note) for the sessions this
// process ran: why a range was shortened, why a session ended early. A
// session that ended early on its own (a runner error implementing
// rehab.EarlyEnd) is stopped with the reason in its end_reason.
//
// # Sessions
//
// The Server drives one robot through a rehab.SessionRunner, one session
// at a time. Samples flow from the runner through a store.Batcher, which
// commits them at least every second; pausing and stopping flush it. At
// start-up, Recover marks sessions a crashed process left running as
// interrupted.
package api
