package report

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"time"
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
)

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
// Patient (pseudonymous identifier only), the Device (the robot) and, per
// joint, an Observation of its range of motion (SNOMED CT 364564000) in
// degrees with components for the active and passive ROM. References use
// the entries' urn:uuid full URLs, so they resolve within the bundle.
// now stamps the bundle.
func FHIR(r *Report, now time.Time) Bundle {
	patURN := uuidURN("Patient", r.PatientID)
	devURN := uuidURN("Device", r.Robot)
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
	effective := r.EndedAt
	if effective.IsZero() {
		effective = r.StartedAt
	}
	if effective.IsZero() {
		effective = now
	}
	subject := map[string]any{
		"reference":  patURN,
		"identifier": map[string]any{"system": SystemPseudonym, "value": r.PatientID},
	}
	for _, j := range r.Joints {
		obsURN := uuidURN("Observation", r.SessionID, j.Joint)
		site := CodeableConcept{Text: j.Joint}
		for _, s := range jointSites {
			if strings.Contains(strings.ToLower(j.Joint), s.word) {
				site.Coding = []Coding{{System: SystemSNOMED, Code: s.code, Display: s.display}}
				break
			}
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
		obs := map[string]any{
			"resourceType": "Observation",
			"id":           id(obsURN),
			"status":       "final",
			"category": []any{CodeableConcept{Coding: []Coding{
				{System: systemObsCategory, Code: "exam", Display: "Exam"}}}},
			"code": CodeableConcept{Coding: []Coding{{System: SystemSNOMED, Code: CodeROM, Display: DisplayROM}},
				Text: "Range of motion, " + j.Joint},
			"subject":           subject,
			"device":            map[string]any{"reference": devURN},
			"effectiveDateTime": effective.UTC().Format(time.RFC3339),
			"bodySite":          site,
			"valueQuantity":     degrees(j.Total),
			"note":              []any{map[string]any{"text": fmt.Sprintf("Session %s, %d samples; angles in degrees.", r.SessionID, r.Samples)}},
		}
		if len(comps) > 0 {
			obs["component"] = comps
		}
		b.Entry = append(b.Entry, BundleEntry{FullURL: obsURN, Resource: obs})
	}
	return b
}
