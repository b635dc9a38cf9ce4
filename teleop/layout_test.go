package teleop

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/channels"
)

// TestFoxgloveLayout checks foxglove-layout.json, the layout shipped for
// Foxglove Studio and Lichtblick: every panel in the tree is configured and
// every configured panel placed; the 3D panel takes the URDF from
// /robot_description; and every message path a panel plots or shows names
// a served topic (unprefixed, as `chiron serve` and HIL recordings publish
// them) and a field its schema has, with the type the panel needs.
func TestFoxgloveLayout(t *testing.T) {
	data, err := os.ReadFile("foxglove-layout.json")
	if err != nil {
		t.Fatal(err)
	}
	var l struct {
		ConfigByID map[string]map[string]any `json:"configById"`
		Layout     any                       `json:"layout"`
	}
	if err := json.Unmarshal(data, &l); err != nil {
		t.Fatalf("layout is not JSON: %v", err)
	}
	var placed []string
	var walk func(n any)
	walk = func(n any) {
		switch v := n.(type) {
		case string:
			placed = append(placed, v)
		case map[string]any:
			if v["direction"] != "row" && v["direction"] != "column" {
				t.Errorf("layout node direction %v", v["direction"])
			}
			walk(v["first"])
			walk(v["second"])
		default:
			t.Errorf("layout node %v", n)
		}
	}
	walk(l.Layout)
	var configured []string
	for id := range l.ConfigByID {
		configured = append(configured, id)
	}
	sort.Strings(placed)
	sort.Strings(configured)
	if !slices.Equal(placed, configured) {
		t.Errorf("panels placed %v, configured %v", placed, configured)
	}
	kinds := map[string]bool{}
	for _, id := range configured {
		kinds[strings.Split(id, "!")[0]] = true
	}
	for _, k := range []string{"3D", "Plot", "StateTransitions", "RosOut"} {
		if !kinds[k] {
			t.Errorf("no %s panel", k)
		}
	}
	urdf := false
	for _, id := range configured {
		if !strings.HasPrefix(id, "3D!") {
			continue
		}
		for _, layer := range l.ConfigByID[id]["layers"].(map[string]any) {
			m := layer.(map[string]any)
			if m["layerId"] == "foxglove.Urdf" && m["sourceType"] == "topic" && m["topic"] == channels.TopicRobotDescription {
				urdf = true
			}
		}
	}
	if !urdf {
		t.Error("the 3D panel has no URDF layer reading /robot_description")
	}

	schemas := map[string]map[string]any{}
	for _, sp := range channels.Telemetry {
		var s map[string]any
		if err := json.Unmarshal([]byte(sp.Schema), &s); err != nil {
			t.Fatal(err)
		}
		schemas[sp.Topic] = s
	}
	// Every "value" (a message path) and "topicToRender" in the panels.
	paths := regexp.MustCompile(`"(?:value|topicToRender)":\s*"([^"]+)"`).FindAllStringSubmatch(string(data), -1)
	if len(paths) < 5 {
		t.Fatalf("only %d message paths found", len(paths))
	}
	for _, m := range paths {
		if err := checkPath(schemas, m[1]); err != "" {
			t.Errorf("%s: %s", m[1], err)
		}
	}
	for _, bad := range []string{"/joint_states.lost[0]", "/nope.x", "/safety.events"} {
		if checkPath(schemas, bad) == "" {
			t.Errorf("checkPath accepted %s", bad)
		}
	}
}

// checkPath checks a Foxglove message path ("/joint_states.position[0]",
// "/safety.state", or a bare topic) against the schemas by topic: a plotted
// or shown leaf must be a number or a string.
func checkPath(schemas map[string]map[string]any, path string) string {
	topic, best := "", ""
	for tp := range schemas {
		if (path == tp || strings.HasPrefix(path, tp+".")) && len(tp) > len(best) {
			topic, best = tp, tp
		}
	}
	if topic == "" {
		return "no such topic"
	}
	s := schemas[topic]
	rest := strings.TrimPrefix(strings.TrimPrefix(path, topic), ".")
	if rest == "" {
		return ""
	}
	for _, seg := range strings.Split(rest, ".") {
		name, index, indexed := strings.Cut(seg, "[")
		props, _ := s["properties"].(map[string]any)
		p, ok := props[name].(map[string]any)
		if !ok {
			return "no field " + name
		}
		s = p
		if indexed {
			if s["type"] != "array" || !regexp.MustCompile(`^[0-9]+\]$`).MatchString(index) {
				return name + " is not an indexable array"
			}
			s = s["items"].(map[string]any)
		}
	}
	if t := s["type"]; t != "number" && t != "integer" && t != "string" {
		return "leaf is a " + t.(string)
	}
	return ""
}
