package report

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

// FHIR systems and codes used by the bundle.
const (
	SystemSNOMED = "http://snomed.info/sct"
	SystemUCUM   = "http://unitsofmeasure.org"
	// SystemPseudonym identifies chiron's pseudonymous patient ids.
	SystemPseudonym = "urn:chiron:patient-pseudonym"
	// SystemROMKind is chiron's code system telling the active and passive
	// components apart.
	SystemROMKind = "https://github.com/chiron-robotics/chiron/fhir/CodeSystem/rom-kind"
	// CodeROM is SNOMED CT 364564000 "Range of joint movement".
	CodeROM           = "364564000"
	DisplayROM        = "Range of joint movement"
	systemObsCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
	// CodeRehab is SNOMED CT 52052004 "Rehabilitation therapy", the
	// Procedure the session is.
	CodeRehab    = "52052004"
	DisplayRehab = "Rehabilitation therapy"
	// CodeLaterality is the SNOMED CT attribute 272741003 "Laterality",
	// which qualifies a body structure with one of the values below in a
	// post-coordinated expression ("49076000:272741003=7771000": the
	// left knee joint), the form SNOMED CT's compositional grammar gives
	// and FHIR accepts as a code of http://snomed.info/sct; the values are
	// those of FHIR's bodysite-laterality value set.
	CodeLaterality = "272741003"
	CodeLeft       = "7771000"  // Left (qualifier value)
	CodeRight      = "24028007" // Right (qualifier value)
	CodeBilateral  = "51440002" // Right and left (qualifier value)
)

// laterality returns the SNOMED CT laterality qualifier of a patient's
// affected side and its word; false for "none" (or an unknown side), when
// the bundle says nothing of a side.
func laterality(side rehab.Side) (code, word string, ok bool) {
	switch side {
	case rehab.SideLeft:
		return CodeLeft, "left", true
	case rehab.SideRight:
		return CodeRight, "right", true
	case rehab.SideBilateral:
		return CodeBilateral, "left and right", true
	}
	return "", "", false
}

// ObservationStatus is the FHIR R4 Observation.status of a session's
// figures:
//   - preliminary while it has not ended (created, running, paused): "Verified
//     early results are available, but not all results are final";
//   - final once it completed, and also once it was stopped early or
//     interrupted. R4's "amended" means "subsequent to being final, the
//     observation has been modified to correct, add information, or
//     delete existing information": a revision of a result already
//     issued as final. A session stopped early is not that — its figures
//     are complete for the motion that took place and will not change —
//     so it is final, with a note saying it ended early and why, and the
//     session's Procedure says "stopped" (R4: "terminated prior to the
//     full completion of the intended activity").
func ObservationStatus(s rehab.Status) string {
	if s.Final() {
		return "final"
	}
	return "preliminary"
}

// ProcedureStatus is the FHIR R4 Procedure.status of a session:
// preparation (created), in-progress (running or paused), completed,
// stopped (stopped early by a clinician or a safety stop, or interrupted
// by a shutdown).
func ProcedureStatus(s rehab.Status) string {
	switch s {
	case rehab.StatusCreated:
		return "preparation"
	case rehab.StatusRunning, rehab.StatusPaused:
		return "in-progress"
	case rehab.StatusCompleted:
		return "completed"
	case rehab.StatusStopped, rehab.StatusInterrupted:
		return "stopped"
	}
	return "unknown"
}

// jointSites maps a word in a joint name to its SNOMED CT body structure.
var jointSites = []struct{ word, code, display string }{
	{"knee", "49076000", "Knee joint structure"},
	{"hip", "24136001", "Hip joint structure"},
	{"elbow", "16953009", "Elbow joint structure"},
	{"ankle", "70258002", "Ankle joint structure"},
	{"wrist", "74670003", "Wrist joint structure"},
}

// Bundle is a FHIR R4 Bundle; resources are kept as generic JSON objects.
type Bundle struct {
	ResourceType string        `json:"resourceType"`
	ID           string        `json:"id"`
	Type         string        `json:"type"`
	Timestamp    string        `json:"timestamp"`
	Entry        []BundleEntry `json:"entry"`
}

// BundleEntry is one entry of a Bundle.
type BundleEntry struct {
	FullURL  string         `json:"fullUrl"`
	Resource map[string]any `json:"resource"`
}

// Coding is a FHIR Coding.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

// CodeableConcept is a FHIR CodeableConcept.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Quantity is a FHIR Quantity.
type Quantity struct {
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	System string  `json:"system"`
	Code   string  `json:"code"`
}

func degrees(v float64) Quantity {
	return Quantity{Value: round(v, 1), Unit: "deg", System: SystemUCUM, Code: "deg"}
}

func round(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	r := float64(int64(v*p+0.5)) / p
	if v < 0 {
		r = -float64(int64(-v*p+0.5)) / p
	}
	return r
}

// uuidURN returns a name-based (version 5 layout, SHA-1) UUID URN, so that
// the same session always yields the same bundle.
func uuidURN(parts ...string) string {
	h := sha1.Sum([]byte("chiron/rehab/fhir\x00" + strings.Join(parts, "\x00")))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func id(urn string) string { return strings.TrimPrefix(urn, "urn:uuid:") }

// FHIR returns the session as a FHIR R4 Bundle of type collection: the
// Patient (pseudonymous identifier only), the Device (the robot), the
// session as a Procedure (SNOMED CT 52052004 "Rehabilitation therapy",
// performedPeriod, status by ProcedureStatus) and, per joint, an
// Observation of its range of motion (SNOMED CT 364564000) in degrees
// with components for the active and passive ROM, partOf the Procedure,
// status by ObservationStatus, effectivePeriod the session's start to its
// end (no end while it runs). Body sites carry the patient's affected
// side as a SNOMED CT laterality qualifier. References use the entries'
// urn:uuid full URLs, so they resolve within the bundle. now stamps the
// bundle.
func FHIR(r *Report, now time.Time) Bundle {
	patURN := uuidURN("Patient", r.PatientID)
	devURN := uuidURN("Device", r.Robot)
	procURN := uuidURN("Procedure", r.SessionID)
	b := Bundle{
		ResourceType: "Bundle", ID: id(uuidURN("Bundle", r.SessionID)), Type: "collection",
		Timestamp: now.UTC().Format(time.RFC3339),
	}
	b.Entry = append(b.Entry, BundleEntry{FullURL: patURN, Resource: map[string]any{
		"resourceType": "Patient",
		"id":           id(patURN),
		"identifier":   []any{map[string]any{"system": SystemPseudonym, "value": r.PatientID}},
	}})
	robot := r.Robot
	if robot == "" {
		robot = "chiron robot"
	}
	b.Entry = append(b.Entry, BundleEntry{FullURL: devURN, Resource: map[string]any{
		"resourceType": "Device",
		"id":           id(devURN),
		"status":       "active",
		"deviceName":   []any{map[string]any{"name": robot, "type": "user-friendly-name"}},
		"type":         CodeableConcept{Text: "Rehabilitation robot"},
	}})
	subject := map[string]any{
		"reference":  patURN,
		"identifier": map[string]any{"system": SystemPseudonym, "value": r.PatientID},
	}
	// The period is the session's: from its start to its end, open while
	// it runs. A session never started has none.
	var period map[string]any
	if !r.StartedAt.IsZero() {
		period = map[string]any{"start": r.StartedAt.UTC().Format(time.RFC3339)}
		if !r.EndedAt.IsZero() && r.Status.Final() {
			period["end"] = r.EndedAt.UTC().Format(time.RFC3339)
		}
	}
	var ended string
	switch r.Status {
	case rehab.StatusStopped:
		ended = "The session was stopped before every exercise was done"
	case rehab.StatusInterrupted:
		ended = "The session was interrupted (the system shut down during it)"
	}
	if ended != "" && r.EndReason != "" {
		ended += ": " + r.EndReason
	}
	if ended != "" {
		ended += "; the figures cover the motion recorded until then."
	}

	var sites []any
	seen := map[string]bool{}
	obsStatus := ObservationStatus(r.Status)
	var obs []BundleEntry
	for _, j := range r.Joints {
		obsURN := uuidURN("Observation", r.SessionID, j.Joint)
		site := bodySite(j, r.AffectedSide)
		if !seen[site.Text] {
			seen[site.Text] = true
			sites = append(sites, site)
		}
		var comps []any
		for _, c := range []struct {
			code, text string
			v          *float64
		}{{"active", "Active range of motion", j.Active}, {"passive", "Passive range of motion", j.Passive}} {
			if c.v == nil {
				continue
			}
			comps = append(comps, map[string]any{
				"code": CodeableConcept{Coding: []Coding{
					{System: SystemSNOMED, Code: CodeROM, Display: DisplayROM},
					{System: SystemROMKind, Code: c.code, Display: c.text},
				}, Text: c.text},
				"valueQuantity": degrees(*c.v),
			})
		}
		label := j.Label
		if label == "" {
			label = JointLabel(j.Joint)
		}
		notes := []any{map[string]any{"text": fmt.Sprintf("Session %s, %d samples; angles in degrees.", r.SessionID, r.Samples)}}
		if ended != "" {
			notes = append(notes, map[string]any{"text": ended})
		}
		o := map[string]any{
			"resourceType": "Observation",
			"id":           id(obsURN),
			"status":       obsStatus,
			"partOf":       []any{map[string]any{"reference": procURN}},
			"category": []any{CodeableConcept{Coding: []Coding{
				{System: systemObsCategory, Code: "exam", Display: "Exam"}}}},
			"code": CodeableConcept{Coding: []Coding{{System: SystemSNOMED, Code: CodeROM, Display: DisplayROM}},
				Text: "Range of motion, " + label},
			"subject":       subject,
			"device":        map[string]any{"reference": devURN},
			"bodySite":      site,
			"valueQuantity": degrees(j.Total),
			"note":          notes,
		}
		if period != nil {
			o["effectivePeriod"] = period
		}
		if len(comps) > 0 {
			o["component"] = comps
		}
		obs = append(obs, BundleEntry{FullURL: obsURN, Resource: o})
	}

	proc := map[string]any{
		"resourceType": "Procedure",
		"id":           id(procURN),
		"status":       ProcedureStatus(r.Status),
		"code": CodeableConcept{Coding: []Coding{{System: SystemSNOMED, Code: CodeRehab, Display: DisplayRehab}},
			Text: "Robot-assisted rehabilitation session" + protocolName(r.Protocol)},
		"subject":       subject,
		"usedReference": []any{map[string]any{"reference": devURN}},
	}
	if period != nil {
		proc["performedPeriod"] = period
	}
	if len(sites) > 0 {
		proc["bodySite"] = sites
	}
	if r.Status == rehab.StatusStopped || r.Status == rehab.StatusInterrupted {
		reason := "stopped before every exercise was done"
		if r.Status == rehab.StatusInterrupted {
			reason = "interrupted: the system shut down during the session"
		}
		if r.EndReason != "" {
			reason = r.EndReason
		}
		proc["statusReason"] = CodeableConcept{Text: reason}
	}
	if r.Therapist != "" {
		proc["performer"] = []any{map[string]any{"actor": map[string]any{"display": r.Therapist}}}
	}
	b.Entry = append(b.Entry, BundleEntry{FullURL: procURN, Resource: proc})
	b.Entry = append(b.Entry, obs...)
	return b
}

func protocolName(p string) string {
	if p == "" {
		return ""
	}
	return ": " + p
}

// bodySite is the SNOMED CT body structure of joint j, qualified by the
// patient's affected side: the plain structure code first (for a
// receiver that does not read expressions), then, when the side is known,
// the post-coordinated expression "structure : laterality = side".
func bodySite(j JointROM, side rehab.Side) CodeableConcept {
	label := j.Label
	if label == "" {
		label = JointLabel(j.Joint)
	}
	site := CodeableConcept{Text: label}
	for _, s := range jointSites {
		if !strings.Contains(strings.ToLower(j.Joint), s.word) {
			continue
		}
		site.Coding = []Coding{{System: SystemSNOMED, Code: s.code, Display: s.display}}
		// A joint name that says its side ("left_knee") wins over the
		// patient's affected side.
		lat, word, ok := laterality(side)
		switch n := strings.ToLower(j.Joint); {
		case strings.HasPrefix(n, "left"):
			lat, word, ok = CodeLeft, "left", true
		case strings.HasPrefix(n, "right"):
			lat, word, ok = CodeRight, "right", true
		}
		if ok {
			site.Coding = append(site.Coding, Coding{System: SystemSNOMED,
				Code:    s.code + ":" + CodeLaterality + "=" + lat,
				Display: s.display + ", " + word})
			if !strings.HasPrefix(strings.ToLower(label), "left") && !strings.HasPrefix(strings.ToLower(label), "right") {
				site.Text = label + ", " + word + " side"
				if side == rehab.SideBilateral {
					site.Text = label + ", both sides"
				}
			}
		}
		break
	}
	return site
}
