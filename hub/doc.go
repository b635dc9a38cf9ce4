// Package hub is the hospital side of tele-rehabilitation and the device's
// link to it. Devices at patients' homes reach the hub outward over HTTPS
// (no inbound port at home) with a per-device bearer token; the hub keeps a
// token table it can revoke at run time (Tokens).
//
// # Replication, store and forward
//
// A Replicator on the device reads from the device's own rehab store
// (SQLite) what the hub has not acknowledged — patients, session rows
// (their status changes and progress), samples by sequence number — and
// POSTs it in batches to the hub's Server, which writes each batch into
// the hub's store (PostgreSQL) in one transaction with
// store.ApplyReplica: idempotent, so a batch sent twice is written once.
// The device moves its cursor (store.AckReplica, in its own database)
// only after the hub's 200, so a kill -9 of either side at any point and a
// restart end with the hub holding exactly the device's rows. While the
// hub is unreachable the device keeps recording; the replicator backs off
// exponentially up to a cap and catches up when the link returns.
//
// A revoked or unknown token gets 401 and nothing is written; a batch
// naming another device's records gets 409; a malformed batch gets 400
// naming the field. Package hub/linksim puts a bad link (delay, jitter,
// loss, outages) between the two for tests.
//
// # FHIR
//
// PatientBundle exports a patient's sessions in a period from the hub's
// store as one FHIR R4 Bundle, from rehab/report's per-session export.
//
// # Clinicians and the audit log
//
// Clinicians authenticate with their own bearer tokens (Clinicians, read
// from a file by ReadClinicians), each scoped to a list of patients or to
// every patient (AllPatients). GET /v1/patients/{id}/fhir?from=&to= gives a
// clinician the bundle of one of their patients; GET /v1/audit gives a
// clinician with every patient in scope the audit log. Every export is
// written to the audit log (store.Audit) before the records leave — no
// audit, no export — and so is every refusal of scope.
package hub
