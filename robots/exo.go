package robots

import (
	"fmt"
	"math"
	"strings"

	"github.com/chiron-robotics/chiron/kinematics"
)

// Anthropometric fractions from D. A. Winter, "Biomechanics and Motor Control of
// Human Movement", 4th ed. (2009), Table 4.1 (after Dempster 1955) and
// Fig. 4.1 (segment lengths after Drillis & Contini 1966). Lengths are
// fractions of standing height H, masses of body mass M, centre-of-mass
// positions fractions of segment length from the proximal joint, radii of
// gyration about the centre of mass fractions of segment length.
const (
	upperArmLength = 0.186 // shoulder (glenohumeral) to elbow, ×H
	forearmLength  = 0.146 // elbow to wrist, ×H
	handLength     = 0.108 // wrist to knuckle II, ×H

	upperArmMass = 0.028 // ×M
	forearmMass  = 0.016 // ×M
	handMass     = 0.006 // ×M

	upperArmCOM = 0.436 // from the shoulder
	forearmCOM  = 0.430 // from the elbow
	handCOM     = 0.506 // from the wrist

	upperArmGyration = 0.322 // about the COM, transverse axes
	forearmGyration  = 0.303
	handGyration     = 0.297

	// Winter gives no axial radius of gyration; a limb segment is close to a
	// slender cylinder whose axial radius of gyration is ~0.1 of its length
	// for adult proportions (an assumption, stated here, not a table value).
	axialGyration = 0.10
)

// ExoSpec sizes the upper-limb exoskeleton to a patient.
type ExoSpec struct {
	Height float64 // patient standing height, m (1.40–2.10)
	Mass   float64 // patient body mass, kg (30–200)
	// Side is "right" or "left"; axes are mirrored so that positive joint
	// angles mean flexion, abduction, internal rotation and elbow flexion on
	// either side.
	Side string
	// WithLimb includes the patient's arm (upper arm, forearm and hand
	// masses) in the model, as when the exoskeleton is worn; without it the
	// model is the device alone.
	WithLimb bool
	// Device link masses, kg; zero means the defaults below, the design
	// values of chiron's reference exoskeleton (aluminium links with cuffs,
	// of the order of ArmeoPower/Harmony-class devices).
	UpperArmLinkMass, ForearmLinkMass float64
}

// DefaultExoSpec is a 50th-percentile adult male (1.75 m, 75 kg), right arm, worn.
var DefaultExoSpec = ExoSpec{Height: 1.75, Mass: 75, Side: "right", WithLimb: true}

// Joint ranges of the exoskeleton, rad. Normal active ranges (AAOS: shoulder
// flexion 180°, extension 60°, abduction 180°, internal rotation 70°, external
// rotation 90°, elbow flexion 150°) are narrowed to what the device's
// mechanics allow and to keep clear of the ends of a patient's range; a
// patient's own limits narrow them further in the safety supervisor.
var exoLimits = [4][2]float64{
	{deg(-40), deg(150)}, // shoulder flexion(+)/extension(−)
	{deg(-20), deg(120)}, // shoulder abduction(+)/adduction(−)
	{deg(-60), deg(70)},  // shoulder internal(+)/external(−) rotation
	{deg(0), deg(140)},   // elbow flexion(+); no hyperextension
}

// Rated joint torques (N·m) and speeds (rad/s) of the device's actuators.
var exoEffort = [4]float64{60, 60, 25, 30}
var exoVelocity = [4]float64{2, 2, 2.5, 3}

func deg(d float64) float64 { return d * math.Pi / 180 }

func (s *ExoSpec) validate() error {
	if !(s.Height >= 1.40 && s.Height <= 2.10) {
		return fmt.Errorf("exoskeleton: patient height %g m outside 1.40–2.10 m", s.Height)
	}
	if !(s.Mass >= 30 && s.Mass <= 200) {
		return fmt.Errorf("exoskeleton: patient mass %g kg outside 30–200 kg", s.Mass)
	}
	if s.Side != "right" && s.Side != "left" {
		return fmt.Errorf("exoskeleton: side %q, want \"right\" or \"left\"", s.Side)
	}
	if s.UpperArmLinkMass < 0 || s.ForearmLinkMass < 0 {
		return fmt.Errorf("exoskeleton: negative link mass")
	}
	return nil
}

// UpperLimbExoURDF returns the URDF of the 4-DoF upper-limb exoskeleton for s.
// Frames: base at the glenohumeral joint centre, x forward, y to the
// patient's left, z up; the arm hangs along −z at zero.
func UpperLimbExoURDF(s ExoSpec) (string, error) {
	if err := s.validate(); err != nil {
		return "", err
	}
	uaLink, faLink := s.UpperArmLinkMass, s.ForearmLinkMass
	if uaLink == 0 {
		uaLink = 1.6
	}
	if faLink == 0 {
		faLink = 1.0
	}
	H, M := s.Height, s.Mass
	lu, lf, lh := upperArmLength*H, forearmLength*H, handLength*H
	// Mirror for the left side: a rotation about x (abduction) and z
	// (internal rotation) changes sign so positive angles mean the same
	// anatomical motion on both sides.
	m := 1.0
	if s.Side == "left" {
		m = -1
	}
	type seg struct {
		mass, com, length, gyr float64
	}
	// Bodies: the device link of each segment modelled as a slender bar along
	// the segment with its COM at mid-length; the patient's segment per Winter.
	upper := []seg{{uaLink, 0.5, lu, 0.29}}
	fore := []seg{{faLink, 0.5, lf, 0.29}}
	if s.WithLimb {
		upper = append(upper, seg{upperArmMass * M, upperArmCOM, lu, upperArmGyration})
		fore = append(fore, seg{forearmMass * M, forearmCOM, lf, forearmGyration},
			seg{handMass * M, 0, lh, handGyration}) // hand COM offset below
	}
	inertial := func(segs []seg, hand bool) string {
		// Combine the bars into one inertial about their combined COM along −z.
		var mass, mz float64
		zs := make([]float64, len(segs))
		for i, g := range segs {
			z := -g.com * g.length
			if hand && i == 2 {
				z = -(lf + handCOM*lh)
			}
			zs[i] = z
			mass += g.mass
			mz += g.mass * z
		}
		zc := mz / mass
		var ixx, izz float64
		for i, g := range segs {
			L := g.length
			it := g.mass * (g.gyr * L) * (g.gyr * L)
			ia := g.mass * (axialGyration * L) * (axialGyration * L)
			d := zs[i] - zc
			ixx += it + g.mass*d*d
			izz += ia
		}
		return fmt.Sprintf(`    <inertial>
      <origin xyz="0 0 %s" rpy="0 0 0"/>
      <mass value="%s"/>
      <inertia ixx="%s" ixy="0" ixz="0" iyy="%s" iyz="0" izz="%s"/>
    </inertial>
`, f(zc), f(mass), f(ixx), f(ixx), f(izz))
	}
	// Small massless-looking but finite links between the three shoulder
	// axes (the device's shoulder mechanism): 0.2 kg each so the mass matrix
	// stays well conditioned.
	small := `    <inertial>
      <origin xyz="0 0 0" rpy="0 0 0"/>
      <mass value="0.2"/>
      <inertia ixx="0.0002" ixy="0" ixz="0" iyy="0.0002" iyz="0" izz="0.0002"/>
    </inertial>
`
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?>
<!-- chiron upper-limb rehabilitation exoskeleton, %s arm, sized for a patient of %s m and %s kg%s.
     Generated by robots.UpperLimbExoURDF; segment lengths, masses, centres of mass and radii of
     gyration from Winter (2009) Table 4.1, device link masses are design values. Do not edit by hand. -->
<robot name="upper_limb_exo">
  <link name="shoulder_base"/>
  <link name="shoulder_flexion_link">
%s  </link>
  <link name="shoulder_abduction_link">
%s  </link>
  <link name="upper_arm">
%s  </link>
  <link name="forearm">
%s  </link>
  <link name="hand"/>
`, s.Side, f(H), f(M), map[bool]string{true: ", limb included", false: ", device only"}[s.WithLimb],
		small, small, inertial(upper, false), inertial(fore, true))
	joints := []struct {
		name, parent, child string
		xyz                 [3]float64
		axis                [3]float64
	}{
		{"shoulder_flexion", "shoulder_base", "shoulder_flexion_link", [3]float64{}, [3]float64{0, -1, 0}},
		{"shoulder_abduction", "shoulder_flexion_link", "shoulder_abduction_link", [3]float64{}, [3]float64{-m, 0, 0}},
		{"shoulder_rotation", "shoulder_abduction_link", "upper_arm", [3]float64{}, [3]float64{0, 0, m}},
		{"elbow_flexion", "upper_arm", "forearm", [3]float64{0, 0, -lu}, [3]float64{0, -1, 0}},
	}
	for i, j := range joints {
		fmt.Fprintf(&b, `  <joint name="%s" type="revolute">
    <parent link="%s"/>
    <child link="%s"/>
    <origin xyz="%s %s %s" rpy="0 0 0"/>
    <axis xyz="%s %s %s"/>
    <limit lower="%s" upper="%s" effort="%s" velocity="%s"/>
  </joint>
`, j.name, j.parent, j.child, f(j.xyz[0]), f(j.xyz[1]), f(j.xyz[2]), f(j.axis[0]), f(j.axis[1]), f(j.axis[2]),
			f(exoLimits[i][0]), f(exoLimits[i][1]), f(exoEffort[i]), f(exoVelocity[i]))
	}
	fmt.Fprintf(&b, `  <joint name="wrist" type="fixed">
    <parent link="forearm"/>
    <child link="hand"/>
    <origin xyz="0 0 %s" rpy="0 0 0"/>
  </joint>
</robot>
`, f(-lf))
	return b.String(), nil
}

// UpperLimbExo returns the exoskeleton's chain (shoulder_base → hand) for s.
func UpperLimbExo(s ExoSpec) (*kinematics.Chain, error) {
	doc, err := UpperLimbExoURDF(s)
	if err != nil {
		return nil, err
	}
	m, err := kinematics.ParseURDF(strings.NewReader(doc), "upper_limb_exo.urdf")
	if err != nil {
		return nil, err
	}
	return m.Chain("shoulder_base", "hand")
}

func f(x float64) string {
	s := fmt.Sprintf("%.6g", x)
	if s == "-0" {
		s = "0"
	}
	return s
}
