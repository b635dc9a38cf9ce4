package report

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/metrics"
)

// The bundle is checked as a FHIR consumer sees it: decoded from JSON into
// generic values, without this package's types.
func fhirJSON(t *testing.T) map[string]any {
	t.Helper()
	sess, p, samples := session()
	r := Build(sess, p, samples)
	raw, err := json.Marshal(FHIR(&r, time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	var b map[string]any
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func obj(t *testing.T, v any, path string) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s: not an object: %v", path, v)
	}
	return m
}

func arr(t *testing.T, v any, path string) []any {
	t.Helper()
	a, ok := v.([]any)
	if !ok || len(a) == 0 {
		t.Fatalf("%s: not a non-empty array: %v", path, v)
	}
	return a
}

func hasCoding(t *testing.T, cc any, system, code string) bool {
	for _, c := range arr(t, obj(t, cc, "concept")["coding"], "coding") {
		m := obj(t, c, "coding")
		if m["system"] == system && m["code"] == code {
			return true
		}
	}
	return false
}

var (
	urnUUID  = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	fhirID   = regexp.MustCompile(`^[A-Za-z0-9\-.]{1,64}$`)
	dateTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$`)
)

func quantityDeg(t *testing.T, v any, path string) float64 {
	q := obj(t, v, path)
	if q["unit"] != "deg" || q["code"] != "deg" || q["system"] != SystemUCUM {
		t.Fatalf("%s: not UCUM degrees: %v", path, q)
	}
	f, ok := q["value"].(float64)
	if !ok {
		t.Fatalf("%s: value %v", path, q["value"])
	}
	return f
}

func TestFHIRBundleStructure(t *testing.T) {
	b := fhirJSON(t)
	if b["resourceType"] != "Bundle" || b["type"] != "collection" || !dateTime.MatchString(b["timestamp"].(string)) {
		t.Fatalf("bundle header %v %v %v", b["resourceType"], b["type"], b["timestamp"])
	}
	byURL := map[string]map[string]any{}
	counts := map[string]int{}
	for i, e := range arr(t, b["entry"], "entry") {
		e := obj(t, e, "entry")
		url, _ := e["fullUrl"].(string)
		res := obj(t, e["resource"], "resource")
		if !urnUUID.MatchString(url) || byURL[url] != nil {
			t.Fatalf("entry %d: fullUrl %q malformed or repeated", i, url)
		}
		if id, _ := res["id"].(string); !fhirID.MatchString(id) || "urn:uuid:"+id != url {
			t.Fatalf("entry %d: id %q does not match fullUrl %s", i, id, url)
		}
		byURL[url] = res
		counts[res["resourceType"].(string)]++
	}
	if counts["Patient"] != 1 || counts["Device"] != 1 || counts["Procedure"] != 1 || counts["Observation"] != 2 {
		t.Fatalf("resources %v", counts)
	}
	resolve := func(ref any, wantType, path string) map[string]any {
		r := obj(t, ref, path)
		target := byURL[r["reference"].(string)]
		if target == nil || target["resourceType"] != wantType {
			t.Fatalf("%s: reference %v does not resolve to a %s in the bundle", path, r["reference"], wantType)
		}
		return target
	}
	knee := false
	for _, res := range byURL {
		switch res["resourceType"] {
		case "Patient":
			id := obj(t, arr(t, res["identifier"], "identifier")[0], "identifier")
			if id["value"] != "P-7" || id["system"] != SystemPseudonym {
				t.Errorf("patient identifier %v", id)
			}
			for _, k := range []string{"name", "birthDate", "address", "telecom"} {
				if _, ok := res[k]; ok {
					t.Errorf("pseudonymous patient carries %s", k)
				}
			}
		case "Procedure":
			if res["status"] != "completed" || !hasCoding(t, res["code"], SystemSNOMED, CodeRehab) {
				t.Errorf("procedure status %v, code %v", res["status"], res["code"])
			}
			resolve(res["subject"], "Patient", "procedure subject")
			resolve(arr(t, res["usedReference"], "usedReference")[0], "Device", "usedReference")
			per := obj(t, res["performedPeriod"], "performedPeriod")
			if per["start"] != "2026-05-04T10:00:00Z" || per["end"] != "2026-05-04T10:00:20Z" {
				t.Errorf("performedPeriod %v", per)
			}
		case "Observation":
			per := obj(t, res["effectivePeriod"], "effectivePeriod")
			if res["status"] != "final" || !dateTime.MatchString(per["start"].(string)) || !dateTime.MatchString(per["end"].(string)) {
				t.Errorf("observation status %v, effectivePeriod %v", res["status"], per)
			}
			if _, ok := res["effectiveDateTime"]; ok {
				t.Errorf("both effectiveDateTime and effectivePeriod")
			}
			resolve(arr(t, res["partOf"], "partOf")[0], "Procedure", "partOf")
			if !hasCoding(t, res["code"], SystemSNOMED, CodeROM) {
				t.Errorf("observation code %v", res["code"])
			}
			pat := resolve(res["subject"], "Patient", "subject")
			if obj(t, res["subject"], "subject")["identifier"].(map[string]any)["value"] != "P-7" || pat == nil {
				t.Errorf("subject %v", res["subject"])
			}
			resolve(res["device"], "Device", "device")
			site := obj(t, res["bodySite"], "bodySite")
			total := quantityDeg(t, res["valueQuantity"], "valueQuantity")
			kinds := map[string]float64{}
			for _, c := range arr(t, res["component"], "component") {
				c := obj(t, c, "component")
				for _, k := range []string{"active", "passive"} {
					if hasCoding(t, c["code"], SystemROMKind, k) {
						kinds[k] = quantityDeg(t, c["valueQuantity"], "component.valueQuantity")
					}
				}
			}
			if site["text"] == "Left knee flexion/extension" {
				knee = true
				if !hasCoding(t, site, SystemSNOMED, "49076000") || !hasCoding(t, site, SystemSNOMED, "49076000:272741003=7771000") {
					t.Errorf("knee bodySite %v", site)
				}
				if abs(total-metrics.Degrees(1.2)) > 0.1 || abs(kinds["passive"]-metrics.Degrees(1.2)) > 0.1 || abs(kinds["active"]-metrics.Degrees(0.8)) > 0.1 {
					t.Errorf("knee ROM %g, components %v", total, kinds)
				}
			}
		}
	}
	if !knee {
		t.Fatal("no knee observation")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestFHIRDeterministic(t *testing.T) {
	a, _ := json.Marshal(fhirJSON(t))
	b, _ := json.Marshal(fhirJSON(t))
	if string(a) != string(b) {
		t.Fatal("the same session gave two different bundles")
	}
}

// bundleOf builds the bundle of the test session changed by edit, as a
// consumer decodes it, and returns its Procedure and Observations.
func bundleOf(t *testing.T, edit func(*rehab.Session, *rehab.Patient)) (proc map[string]any, obs []map[string]any) {
	t.Helper()
	sess, p, samples := session()
	edit(&sess, &p)
	r := Build(sess, p, samples)
	raw, err := json.Marshal(FHIR(&r, time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	var b map[string]any
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	for _, e := range arr(t, b["entry"], "entry") {
		res := obj(t, obj(t, e, "entry")["resource"], "resource")
		switch res["resourceType"] {
		case "Procedure":
			proc = res
		case "Observation":
			obs = append(obs, res)
		}
	}
	if proc == nil || len(obs) != 2 {
		t.Fatalf("procedure %v, %d observations", proc, len(obs))
	}
	return proc, obs
}

// TestFHIRStatusRules: preliminary while the session has not ended, final
// once it has (with a note when it ended early, never "amended": that
// is a revision of a result already final), the Procedure's status and
// the period's end following the session's.
func TestFHIRStatusRules(t *testing.T) {
	started := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		status           rehab.Status
		reason           string
		obs, proc        string
		start, end, note bool
	}{
		{rehab.StatusCreated, "", "preliminary", "preparation", false, false, false},
		{rehab.StatusRunning, "", "preliminary", "in-progress", true, false, false},
		{rehab.StatusPaused, "", "preliminary", "in-progress", true, false, false},
		{rehab.StatusCompleted, "", "final", "completed", true, true, false},
		{rehab.StatusStopped, "", "final", "stopped", true, true, true},
		{rehab.StatusStopped, "protective stop: knee flexion faster than 115°/s", "final", "stopped", true, true, true},
		{rehab.StatusInterrupted, "", "final", "stopped", true, true, true},
	} {
		t.Run(string(c.status)+map[bool]string{true: "-reason"}[c.reason != ""], func(t *testing.T) {
			proc, obs := bundleOf(t, func(s *rehab.Session, _ *rehab.Patient) {
				s.Status, s.EndReason = c.status, c.reason
				switch {
				case c.status == rehab.StatusCreated:
					s.StartedAt, s.EndedAt = time.Time{}, time.Time{}
				case !c.status.Final():
					s.EndedAt = time.Time{}
				}
			})
			if proc["status"] != c.proc {
				t.Errorf("Procedure.status %v, want %s", proc["status"], c.proc)
			}
			if reason, ok := proc["statusReason"]; ok != (c.proc == "stopped") {
				t.Errorf("Procedure.statusReason %v", reason)
			} else if ok && c.reason != "" && obj(t, reason, "statusReason")["text"] != c.reason {
				t.Errorf("Procedure.statusReason %v, want the end reason", reason)
			}
			per, hasPer := proc["performedPeriod"].(map[string]any)
			if hasPer != c.start {
				t.Fatalf("performedPeriod %v", proc["performedPeriod"])
			}
			if hasPer {
				if per["start"] != started.Format(time.RFC3339) {
					t.Errorf("period start %v", per["start"])
				}
				if _, ok := per["end"]; ok != c.end {
					t.Errorf("period end %v, want one: %v", per["end"], c.end)
				}
			}
			for _, o := range obs {
				if o["status"] != c.obs {
					t.Errorf("Observation.status %v, want %s", o["status"], c.obs)
				}
				if o["status"] == "amended" {
					t.Error("amended")
				}
				if got, _ := json.Marshal(o["effectivePeriod"]); hasPer && string(got) != func() string { b, _ := json.Marshal(per); return string(b) }() {
					t.Errorf("effectivePeriod %s differs from the Procedure's", got)
				}
				notes := arr(t, o["note"], "note")
				early := false
				for _, n := range notes {
					text, _ := obj(t, n, "note")["text"].(string)
					if strings.Contains(text, "stopped before") || strings.Contains(text, "interrupted") {
						early = true
						if c.reason != "" && !strings.Contains(text, c.reason) {
							t.Errorf("note %q without the end reason", text)
						}
					}
				}
				if early != c.note {
					t.Errorf("ended-early note: %v, want %v (%v)", early, c.note, notes)
				}
			}
		})
	}
}

// TestFHIRLaterality: the patient's affected side qualifies each body
// site (SNOMED CT 272741003 Laterality = 7771000 left, 24028007 right,
// 51440002 both), a side in the joint's own name wins, and no side is
// said when none is recorded.
func TestFHIRLaterality(t *testing.T) {
	for _, c := range []struct {
		side      rehab.Side
		joints    [2]string
		want      string // expression of the knee, "" for none
		text      string
		procSites int
	}{
		{rehab.SideLeft, [2]string{"hip_flexion", "knee_flexion"}, "49076000:272741003=7771000", "Knee flexion/extension, left side", 2},
		{rehab.SideRight, [2]string{"hip_flexion", "knee_flexion"}, "49076000:272741003=24028007", "Knee flexion/extension, right side", 2},
		{rehab.SideBilateral, [2]string{"hip_flexion", "knee_flexion"}, "49076000:272741003=51440002", "Knee flexion/extension, both sides", 2},
		{rehab.SideNone, [2]string{"hip_flexion", "knee_flexion"}, "", "Knee flexion/extension", 2},
		{rehab.SideRight, [2]string{"left_hip", "left_knee"}, "49076000:272741003=7771000", "Left knee flexion/extension", 2},
	} {
		t.Run(string(c.side)+"/"+c.joints[1], func(t *testing.T) {
			proc, obs := bundleOf(t, func(s *rehab.Session, p *rehab.Patient) {
				p.AffectedSide = c.side
				for i := range p.Limits {
					p.Limits[i].Joint = c.joints[i]
				}
				s.Joints = c.joints[:]
				for i := range s.Protocol.Exercises {
					s.Protocol.Exercises[i].Joints = []string{c.joints[1]}
				}
			})
			if n := len(arr(t, proc["bodySite"], "Procedure.bodySite")); n != c.procSites {
				t.Errorf("Procedure has %d body sites, want %d", n, c.procSites)
			}
			var knee map[string]any
			for _, o := range obs {
				if site := obj(t, o["bodySite"], "bodySite"); strings.Contains(site["text"].(string), "nee") {
					knee = site
				}
			}
			if knee == nil {
				t.Fatal("no knee observation")
			}
			if knee["text"] != c.text {
				t.Errorf("bodySite.text %q, want %q", knee["text"], c.text)
			}
			codings := arr(t, knee["coding"], "coding")
			if !hasCoding(t, knee, SystemSNOMED, "49076000") {
				t.Errorf("no plain knee joint code: %v", codings)
			}
			if c.want == "" {
				if len(codings) != 1 {
					t.Errorf("a side said with none recorded: %v", codings)
				}
			} else if !hasCoding(t, knee, SystemSNOMED, c.want) {
				t.Errorf("codings %v, want %s", codings, c.want)
			}
		})
	}
}
