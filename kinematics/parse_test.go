package kinematics

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
)

func TestParseURDFErrors(t *testing.T) {
	const head = `<robot name="r"><link name="a"/><link name="b"/>`
	cases := []struct{ name, doc, want string }{
		{"not robot", `<model/>`, "root element is not <robot>"},
		{"empty", ``, "no <robot> element"},
		{"truncated", head + `<joint name="j" type="fixed">`, "malformed XML"},
		{"type", head + `<joint name="j" type="ball"><parent link="a"/><child link="b"/></joint></robot>`, `joint "j" type: unsupported joint type "ball"`},
		{"no limit", head + `<joint name="j" type="revolute"><parent link="a"/><child link="b"/></joint></robot>`, "revolute joint without <limit>"},
		{"bad limit", head + `<joint name="j" type="prismatic"><parent link="a"/><child link="b"/><limit lower="1" upper="0"/></joint></robot>`, "lower 1 above upper 0"},
		{"axis", head + `<joint name="j" type="continuous"><parent link="a"/><child link="b"/><axis xyz="0 0 0"/></joint></robot>`, "zero-length axis"},
		{"axis count", head + `<joint name="j" type="continuous"><parent link="a"/><child link="b"/><axis xyz="0 1"/></joint></robot>`, "want 3 numbers, got 2"},
		{"nan", head + `<joint name="j" type="fixed"><parent link="a"/><child link="b"/><origin rpy="NaN 0 0"/></joint></robot>`, "not a finite number"},
		{"unknown parent", head + `<joint name="j" type="fixed"><parent link="x"/><child link="b"/></joint></robot>`, `parent: unknown link "x"`},
		{"two parents", `<robot name="r"><link name="a"/><link name="b"/><link name="c"/><joint name="j" type="fixed"><parent link="a"/><child link="c"/></joint><joint name="k" type="fixed"><parent link="b"/><child link="c"/></joint></robot>`, "already has parent joint"},
		{"two roots", head + `</robot>`, "2 root links"},
		{"mass", `<robot name="r"><link name="a"><inertial><mass value="-1"/></inertial></link></robot>`, "negative mass"},
		{"duplicate link", `<robot name="r"><link name="a"/><link name="a"/></robot>`, `link "a": defined twice`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseURDF(strings.NewReader(tc.doc), "t.urdf")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "t.urdf") {
				t.Fatalf("err %q does not name the file", err)
			}
		})
	}
}

func TestParseURDFLineNumbers(t *testing.T) {
	doc := "<robot name=\"r\">\n<link name=\"a\"/>\n<link name=\"b\"/>\n<joint name=\"j\" type=\"revolute\">\n<parent link=\"a\"/><child link=\"b\"/>\n<limit lower=\"x\" upper=\"1\"/></joint></robot>"
	_, err := ParseURDF(strings.NewReader(doc), "arm.urdf")
	if err == nil || !strings.HasPrefix(err.Error(), `arm.urdf:4: joint "j" limit lower: not a number: "x"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestChainFoldsFixedJointsAndMergesInertia(t *testing.T) {
	// b is fixed to a 1 m above joint j's child c; its mass must ride on j's body.
	doc := `<robot name="r"><link name="a"/>
<link name="c"><inertial><origin xyz="0 0 0.5"/><mass value="2"/><inertia ixx="1" iyy="1" izz="1" ixy="0" ixz="0" iyz="0"/></inertial></link>
<link name="b"><inertial><mass value="2"/><inertia ixx="1" iyy="1" izz="1" ixy="0" ixz="0" iyz="0"/></inertial></link>
<joint name="j" type="continuous"><parent link="a"/><child link="c"/><origin xyz="0 0 0.1"/></joint>
<joint name="f" type="fixed"><parent link="c"/><child link="b"/><origin xyz="0 0 1"/></joint></robot>`
	m, err := ParseURDF(strings.NewReader(doc), "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Chain("a", "b")
	if err != nil {
		t.Fatal(err)
	}
	if c.DoF() != 1 || c.Tip.P != [3]float64{0, 0, 1} {
		t.Fatalf("DoF %d tip %v", c.DoF(), c.Tip.P)
	}
	b := c.Joints[0].Body
	if b.Mass != 4 || math.Abs(b.COM[2]-0.75) > 1e-15 {
		t.Fatalf("mass %g COM %v, want 4 kg at z 0.75", b.Mass, b.COM)
	}
	// Ixx about the combined COM: 2·(1 + 2·0.25²) = 2.25.
	if math.Abs(b.I[0]-2.25) > 1e-12 || math.Abs(b.I[8]-2) > 1e-12 {
		t.Fatalf("inertia %v", b.I)
	}
	if _, err := m.Chain("b", "a"); err == nil {
		t.Fatal("reversed chain accepted")
	}
}

func TestParseDHErrors(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"syntax", "{\n\"joints\": [1,]}", "t.json:2: malformed JSON"},
		{"type", `{"joints": [{"alpha": "x"}]}`, "malformed JSON"},
		{"none", `{"joints": []}`, "joints: no joints"},
		{"missing", `{"joints": [{"name": "j", "alpha": 0, "a": 0, "min": 0, "max": 1}]}`, `joints[0] ("j").d: missing`},
		{"kind", `{"joints": [{"type": "ball", "alpha": 0, "a": 0, "d": 0, "min": 0, "max": 1}]}`, "unsupported joint type"},
		{"range", `{"joints": [{"alpha": 0, "a": 0, "d": 0, "min": 2, "max": 1}]}`, "min 2 above max 1"},
		{"tip", `{"joints": [{"alpha": 0, "a": 0, "d": 0, "min": 0, "max": 1}], "tool_tip": [[1,0,0,0],[0,1,0,0],[0,0,1,0]]}`, "want a 4×4 matrix"},
		{"reflection", `{"joints": [{"alpha": 0, "a": 0, "d": 0, "min": 0, "max": 1}], "tool_tip": [[1,0,0,0],[0,1,0,0],[0,0,-1,0],[0,0,0,1]]}`, "reflection"},
		{"rcm", `{"joints": [{"alpha": 0, "a": 0, "d": 0, "min": 0, "max": 1}], "rcm_min_insertion": 0.1}`, "no prismatic insertion joint"},
		{"convention", `{"convention": "dh", "joints": []}`, "unsupported convention"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDH(strings.NewReader(tc.doc), "t.json")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func seedModels(f *testing.F, ext string) {
	root := refdata.Root()
	if root == "" {
		return
	}
	for _, n := range refdata.Names {
		for _, p := range []string{root + "/" + n + "/" + n + ext, root + "/" + n + "/" + n + ext} {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
				break
			}
		}
	}
}

func FuzzParseURDF(f *testing.F) {
	f.Add([]byte(`<robot name="r"><link name="a"/><link name="b"/><joint name="j" type="revolute"><parent link="a"/><child link="b"/><limit lower="-1" upper="1"/></joint></robot>`))
	seedModels(f, ".urdf")
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseURDF(strings.NewReader(string(data)), "fuzz.urdf")
		if err != nil {
			return
		}
		for _, l := range m.Leaves(m.Root) {
			c, err := m.Chain(m.Root, l)
			if err != nil {
				continue
			}
			w := NewWorkspace(c)
			var fr Frame
			w.FK(&fr, make([]float64, c.DoF()))
		}
	})
}

func FuzzParseDH(f *testing.F) {
	f.Add([]byte(`{"joints": [{"type": "prismatic", "alpha": 0, "a": 0, "d": 0, "min": 0, "max": 1}], "rcm_min_insertion": 0.1}`))
	if root := refdata.Root(); root != "" {
		if b, err := os.ReadFile(root + "/psm/psm.json"); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseDH(strings.NewReader(string(data)), "fuzz.json")
		if err != nil {
			return
		}
		w := NewWorkspace(c)
		var fr Frame
		w.FK(&fr, make([]float64, c.DoF()))
	})
}
