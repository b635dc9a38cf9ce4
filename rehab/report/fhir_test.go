package report

import (
	"encoding/json"
	"regexp"
	"testing"
	"time"

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
	if counts["Patient"] != 1 || counts["Device"] != 1 || counts["Observation"] != 2 {
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
		case "Observation":
			if res["status"] != "final" || !dateTime.MatchString(res["effectiveDateTime"].(string)) {
				t.Errorf("observation status %v, effective %v", res["status"], res["effectiveDateTime"])
			}
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
			if site["text"] == "left_knee" {
				knee = true
				if !hasCoding(t, site, SystemSNOMED, "49076000") {
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
