package hub

import (
	"context"
	"crypto/sha1"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/rehab/report"
	"github.com/chiron-robotics/chiron/rehab/store"
)

// PatientBundle returns the FHIR R4 Bundle (type collection) of a
// patient's sessions in [from, to) for the hospital's EHR: the entries of
// rehab/report's per-session export (report.FHIR: the Patient, the
// Device, the session's Procedure and its range-of-motion Observations)
// of every session whose performed period overlaps [from, to), oldest
// first, with the Patient and each Device once. Sessions never started
// performed nothing and are left out. Entry URLs are the per-session
// export's deterministic urn:uuids, so a bundle sent twice is recognised
// as the same records; the bundle's id is derived from the patient and
// period. now stamps the bundle.
//
// It reads the hub's store and checks no identity: the caller (the hub's
// clinician API) decides who may read the patient.
func PatientBundle(ctx context.Context, st *store.Store, patientID string, from, to, now time.Time) (report.Bundle, error) {
	switch {
	case from.IsZero():
		return report.Bundle{}, fmt.Errorf("hub: FHIR bundle: from: missing")
	case to.IsZero():
		return report.Bundle{}, fmt.Errorf("hub: FHIR bundle: to: missing")
	case !to.After(from):
		return report.Bundle{}, fmt.Errorf("hub: FHIR bundle: to %s not after from %s", to.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	p, err := st.GetPatient(ctx, patientID)
	if err != nil {
		return report.Bundle{}, fmt.Errorf("hub: FHIR bundle: %w", err)
	}
	sessions, err := st.ListSessions(ctx, patientID)
	if err != nil {
		return report.Bundle{}, fmt.Errorf("hub: FHIR bundle of %s: %w", patientID, err)
	}
	h := sha1.Sum(fmt.Appendf(nil, "chiron/hub/fhir\x00%s\x00%d\x00%d", patientID, from.UnixNano(), to.UnixNano()))
	h[6], h[8] = h[6]&0x0f|0x50, h[8]&0x3f|0x80 // a name-based (version 5 layout) UUID, as report's
	b := report.Bundle{
		ResourceType: "Bundle", Type: "collection", Timestamp: now.UTC().Format(time.RFC3339),
		ID: fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16]),
	}
	seen := map[string]bool{}
	for _, sess := range sessions {
		if sess.StartedAt.IsZero() || !sess.StartedAt.Before(to) || !sess.EndedAt.IsZero() && sess.EndedAt.Before(from) {
			continue
		}
		samples, err := st.Samples(ctx, sess.ID)
		if err != nil {
			return report.Bundle{}, fmt.Errorf("hub: FHIR bundle: session %s: %w", sess.ID, err)
		}
		rep := report.Build(sess, p, samples)
		if rep.Therapist, err = st.StartedBy(ctx, sess.ID); err != nil {
			return report.Bundle{}, fmt.Errorf("hub: FHIR bundle: session %s: %w", sess.ID, err)
		}
		for _, e := range report.FHIR(&rep, now).Entry {
			if !seen[e.FullURL] {
				seen[e.FullURL] = true
				b.Entry = append(b.Entry, e)
			}
		}
	}
	return b, nil
}
