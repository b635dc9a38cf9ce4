package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// JointLabel names a robot joint as clinicians do: the anatomical motion
// its positive and negative directions are ("hip_flexion" → "Hip
// flexion/extension", "left_knee" → "Left knee flexion/extension"). The
// models name joints by the motion of their positive direction (URDF
// joint names: robots/lower_limb_exo.urdf, upper_limb_exo.urdf), and a
// joint moves both ways, so the label names the pair, as a goniometry
// record does (e.g. Norkin & White, Measurement of Joint Motion). A name
// it does not recognise is returned with spaces for underscores and a
// capital first letter.
func JointLabel(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	side := ""
	for _, s := range []string{"left", "right"} {
		for _, sep := range []string{"_", "-", " ", "."} {
			if strings.HasPrefix(n, s+sep) {
				side, n = s, n[len(s)+1:]
			}
		}
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
	var l string
	switch {
	case has("hip") && has("abd", "add"):
		l = "hip abduction/adduction"
	case has("hip") && has("rot"):
		l = "hip internal/external rotation"
	case has("hip"):
		l = "hip flexion/extension"
	case has("knee"):
		l = "knee flexion/extension"
	case has("ankle") && has("inver", "ever", "subtalar"):
		l = "ankle inversion/eversion"
	case has("ankle"):
		l = "ankle dorsiflexion/plantarflexion"
	case has("shoulder") && has("abd", "add"):
		l = "shoulder abduction/adduction"
	case has("shoulder") && has("rot"):
		l = "shoulder internal/external rotation"
	case has("shoulder"):
		l = "shoulder flexion/extension"
	case has("elbow"):
		l = "elbow flexion/extension"
	case has("forearm", "pronat", "supinat"):
		l = "forearm pronation/supination"
	case has("wrist") && has("dev", "radial", "ulnar"):
		l = "wrist radial/ulnar deviation"
	case has("wrist"):
		l = "wrist flexion/extension"
	default:
		l = strings.NewReplacer("_", " ", "-", " ").Replace(n)
	}
	if side != "" {
		l = side + " " + l
	}
	return capitalise(l)
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// ModeLabel names an exercise mode (rehab.Exercise.Mode, aliases of
// rehab/exercise included) as the clinician page does.
func ModeLabel(mode string) string {
	switch strings.ToLower(mode) {
	case "passive", "passive-rom":
		return "Passive range of motion"
	case "active-assisted", "assist-as-needed", "assisted":
		return "Active-assisted"
	case "active", "transparent":
		return "Active"
	case "resistive":
		return "Resistive"
	case "path-guidance", "guidance":
		return "Path guidance"
	}
	return capitalise(strings.NewReplacer("_", " ", "-", " ").Replace(mode))
}

// SideLabel is a patient's affected side in words.
func SideLabel(s string) string {
	switch s {
	case "left", "right":
		return s
	case "bilateral":
		return "both sides"
	case "none":
		return "none recorded"
	}
	return s
}

// Metric explains one metric of a report in one line: what it measures,
// its unit, its usual range and which direction is better.
type Metric struct {
	Key, Name, Help string
}

// Metrics are the one-line explanations the printable report (and the
// clinician page, in its own words) gives for every metric it shows.
//
// Range-of-motion norms are the AAOS's as Norkin & White give them
// ("Measurement of Joint Motion", 5th ed., 2016: hip flexion 0–120°,
// knee flexion 0–135°, elbow flexion 0–150°). The peak-to-mean speed
// ratio of a smooth point-to-point movement, 1.875, is the minimum-jerk
// profile's (Flash & Hogan, J Neurosci 1985).
//
// SPARC's range is from Balasubramanian, Melendez-Calderon, Burdet
// (IEEE TBME 2012, "A robust and sensitive metric for quantifying
// movement smoothness") and Balasubramanian et al. (J NeuroEng Rehabil
// 2015, "On the analysis of movement smoothness"): a single
// minimum-jerk reach scores about −1.4 to −1.6, and values fall towards
// −7 and below as a movement breaks into sub-movements (as after a
// stroke); SPARC is dimensionless and closer to 0 is smoother.
var Metrics = []Metric{
	{"rom", "Range of motion (ROM)", "the angle between the two extremes the joint reached, in degrees; healthy adults reach about 120° of hip flexion, 135° of knee flexion and 150° of elbow flexion (AAOS norms); compare with the prescribed range and earlier sessions — larger is better"},
	{"active_rom", "Active ROM", "range reached while the patient moved with less than half of the motion from the robot (assistance < 50 %); in a healthy joint it equals the passive ROM, and a gap of more than about 10° points to weakness — larger, closing the gap, is better"},
	{"passive_rom", "Passive ROM", "range reached while the robot provided at least half of the motion (assistance ≥ 50 %); short of the norms above it points to stiffness or contracture — larger is better"},
	{"assistance", "Assistance", "share of the motion the robot provided, 0 % (patient alone) to 100 % (fully passive); lower over sessions is better: more of the movement is the patient's own"},
	{"movement_time", "Movement time", "time the movement took, from when its speed first rose above 5 % of its peak to when it last fell below, in seconds; a healthy repetition takes about the prescribed time per repetition (the robot paces it), longer means the patient was slower — shorter for the same range is better"},
	{"peak_speed", "Peak speed", "the fastest the exercised joints moved in the repetition, in degrees per second; a smooth healthy movement peaks at about 1.9 times its average speed (the minimum-jerk profile, Flash & Hogan 1985), several peaks or a much higher ratio mean a halting movement; higher, within the patient's speed limit, is better"},
	{"path_length_ratio", "Path-length ratio", "length of the path the joints took to the farthest posture over the straight-line distance, 1.0 for a direct movement; higher means detours (healthy movements stay near 1.0–1.2) — lower is better"},
	{"sparc", "Smoothness (SPARC)", "spectral arc length of the speed profile, about −1.5 for one smooth movement, down to −7 or lower for a halting, jerky one; closer to 0 is smoother (Balasubramanian et al. 2012, 2015)"},
	{"interaction_torque", "Interaction torque (patient ↔ robot)", "torque between the patient's limb and the robot at the joint, in N·m, not the motor's torque; high values mean the patient pushed against the robot (spasticity, effort) or was pushed; it can exceed the patient's max torque limit, which bounds only the robot's own torque; near 0 N·m when the patient relaxes into the robot (the limb's weight and stiffness, a few N·m) — lower is better in passive and assisted exercises, higher is the aim in resistive ones"},
}
