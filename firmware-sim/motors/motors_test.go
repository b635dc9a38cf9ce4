package motors

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// TestCatalogueParses: the embedded catalogue parses and has the motors the
// issue asks for, each row with a source.
func TestCatalogueParses(t *testing.T) {
	if _, err := Parse(strings.NewReader(catalogueCSV)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"XM430-W210", "XM430-W350", "XM540-W150", "XM540-W270", "XH430-W210", "XH430-W350",
		"XH540-W150", "XH540-W270", "PH42-020-S300-R", "PH54-200-S500-R",
		"AK60-6", "AK70-10", "AK80-9", "AK10-9", "CiA402-generic",
	} {
		m, ok := ByName(name)
		if !ok {
			t.Errorf("%s missing", name)
			continue
		}
		t.Logf("%-16s %-9s kt %.4g N·m/A, gear %g, peak %g N·m, no load %g rpm at %g V; continuous by the thermal model %.3g N·m; estimated: %s",
			m.Name, m.Protocol, m.TorqueConstant, m.GearRatio, m.PeakTorque, m.NoLoadRPM, m.Voltage, m.ContinuousTorque(), strings.Join(m.Estimated, " "))
	}
	if _, ok := ByName("AX-12A"); ok {
		t.Error("AX-12A found")
	}
}

// TestDriverTablesAgree: the drivers' own unit tables (which cannot import
// this package) carry the catalogue's figures — the catalogue is the one
// source of truth, and a driver figure that drifts from it fails here.
func TestDriverTablesAgree(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) <= 2e-3*math.Max(math.Abs(a), math.Abs(b)) }
	for _, d := range []*dynamixel.Model{&dynamixel.XM430W350, &dynamixel.XH430W350, &dynamixel.XM540W270} {
		m, ok := ByName(d.Name)
		if !ok || m.Protocol != Dynamixel {
			t.Errorf("drivers/dynamixel %s is not a Dynamixel in the catalogue", d.Name)
			continue
		}
		if !near(d.StallTorque, m.StallTorque) || !near(d.PeakTorque(), m.WireTorque) || !near(d.TorqueConstant, m.TorqueConstant) || !near(d.NoLoadSpeed, m.NoLoadRPM) {
			t.Errorf("drivers/dynamixel %s: stall %v, peak %v, kt %v, no load %v; catalogue: stall %v, wire %v, kt %v, no load %v",
				d.Name, d.StallTorque, d.PeakTorque(), d.TorqueConstant, d.NoLoadSpeed, m.StallTorque, m.WireTorque, m.TorqueConstant, m.NoLoadRPM)
		}
	}
	var mit []string
	for _, c := range cubemars.Models {
		mit = append(mit, c.Name)
		m, ok := ByName(c.Name)
		if !ok || m.Protocol != CubeMars {
			t.Errorf("drivers/cubemars %s is not a CubeMars motor in the catalogue", c.Name)
			continue
		}
		if c.GearRatio != m.GearRatio || !near(c.TorqueConstant*c.GearRatio, m.TorqueConstant) || c.TMax != m.WireTorque || -c.TMin != m.WireTorque {
			t.Errorf("drivers/cubemars %s: gear %v, rotor kt %v, T %v..%v; catalogue: gear %v, output kt %v, wire torque %v",
				c.Name, c.GearRatio, c.TorqueConstant, c.TMin, c.TMax, m.GearRatio, m.TorqueConstant, m.WireTorque)
		}
	}
	if got := Names(CubeMars); !slices.Equal(sorted(got), sorted(mit)) {
		t.Errorf("catalogue CubeMars motors %v, drivers/cubemars knows %v", got, mit)
	}
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

// TestThermalModel: the winding follows its first-order model — at a
// constant torque it reaches the trip temperature exactly when TimeToTrip
// says, and at the continuous torque it never does.
func TestThermalModel(t *testing.T) {
	m, _ := ByName("AK80-9")
	tau := m.PeakTorque
	trip := m.TimeToTrip(tau, Ambient)
	if math.IsInf(trip, 0) {
		t.Fatalf("AK80-9 at its peak %v N·m settles at %.1f °C, below its %v °C limit", tau, m.SteadyTemperature(tau, Ambient), m.MaxWinding)
	}
	temp := Ambient
	const dt = 0.01
	steps := 0
	for temp <= m.MaxWinding {
		temp = m.Heat(temp, tau, Ambient, dt)
		steps++
	}
	if got := float64(steps) * dt; math.Abs(got-trip) > 2*dt {
		t.Errorf("stepped to the limit in %.2f s, TimeToTrip %.2f s", got, trip)
	}
	if c := m.ContinuousTorque(); !math.IsInf(m.TimeToTrip(0.999*c, Ambient), 1) || math.IsInf(m.TimeToTrip(1.001*c, Ambient), 1) {
		t.Errorf("continuous torque %v: trips at %v below it or holds above it", c, m.TimeToTrip(0.999*c, Ambient))
	}
	if m.TimeToTrip(m.RatedTorque, Ambient) != math.Inf(1) {
		t.Errorf("AK80-9 trips at its rated %v N·m", m.RatedTorque)
	}
}

// TestParseErrorsNameLineAndColumn: every refusal names the line and the
// column at fault.
func TestParseErrorsNameLineAndColumn(t *testing.T) {
	header := strings.Join(columns, ",") + "\n"
	good := "X1,fam,dynamixel,12,4,4,4,0,46,0,1.7,353.5,0.01,0.3,0,5,12,60,80,,src\n"
	if ms, err := Parse(strings.NewReader("# comment\n" + header + good)); err != nil || len(ms) != 1 || ms[0].TorqueConstant != 1.7 {
		t.Fatalf("good row: %v, %+v", err, ms)
	}
	set := func(col, v string) string {
		f := strings.Split(strings.TrimSuffix(good, "\n"), ",")
		f[slices.Index(columns, col)] = v
		return strings.Join(f, ",") + "\n"
	}
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "empty catalogue"},
		{"header", "name,family\n" + good, "line 1: header"},
		{"no rows", header, "no motors"},
		{"fields", header + "X1,fam\n", "line 2: 2 fields, want 21"},
		{"name", header + set("name", "X 1"), "line 2: name"},
		{"twice", header + good + "# c\n" + good, "line 4: name: X1 listed again (first on line 2)"},
		{"protocol", header + set("protocol", "ethercat"), "line 2: protocol"},
		{"number", header + set("kt_nm_per_a", "1,7"), "line 2: "},
		{"nan", header + set("voltage_v", "NaN"), "line 2: voltage_v: \"NaN\" is not a finite number"},
		{"inf", header + set("inertia_kgm2", "+Inf"), "line 2: inertia_kgm2"},
		{"zero", header + set("gear_ratio", "0"), "line 2: gear_ratio: 0: want > 0"},
		{"negative", header + set("coulomb_nm", "-1"), "line 2: coulomb_nm: -1: want ≥ 0"},
		{"gear", header + set("gear_ratio", "0.5"), "line 2: gear_ratio: 0.5: want ≥ 1"},
		{"rated", header + set("rated_torque_nm", "5"), "line 2: rated_torque_nm"},
		{"rated speed", header + set("rated_rpm", "46"), "line 2: rated_rpm"},
		{"t_max", header + set("t_max_c", "20"), "line 2: t_max_c"},
		{"estimated", header + set("estimated", "colour"), "line 2: estimated: \"colour\""},
		{"estimated twice", header + set("estimated", "kt_nm_per_a kt_nm_per_a"), "line 2: estimated: \"kt_nm_per_a\" listed twice"},
		{"source", header + set("source", " "), "line 2: source: empty"},
		{"quote", header + "X1,\"fam\n", "motors: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// FuzzParse: Parse never panics, and whatever it accepts keeps its
// promises (finite, non-negative figures; positive where required; unique
// names). The seed corpus is the catalogue itself and a few near misses;
// testdata/fuzz/FuzzParse keeps the inputs found worth keeping.
func FuzzParse(f *testing.F) {
	header := strings.Join(columns, ",") + "\n"
	f.Add(catalogueCSV)
	f.Add(header + "X1,fam,dynamixel,12,4,4,4,0,46,0,1.7,353.5,0.01,0.3,0,5,12,60,80,kt_nm_per_a,src\n")
	f.Add(header + "X1,fam,cubemars,1e308,0,1e308,1,0,1,0,1e-300,1,0,0,0,1e-300,1,1,250,,\"a,b\"\n")
	f.Add(header + "\"X1\",\"fam\",canopen,0x10,1,1,1,1,2,1,1,1,0,0,0,1,1,1,26,,s\n")
	f.Add("#\n#\n" + header)
	f.Fuzz(func(t *testing.T, in string) {
		ms, err := Parse(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "motors: ") {
				t.Fatalf("error without the package prefix: %v", err)
			}
			return
		}
		names := map[string]bool{}
		for _, m := range ms {
			if names[m.Name] {
				t.Fatalf("%s twice", m.Name)
			}
			names[m.Name] = true
			for _, c := range numCols {
				x := *c.dst(&m)
				if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 || (c.positive && x == 0) {
					t.Fatalf("%s: %s = %v accepted", m.Name, c.col, x)
				}
			}
			if m.Source == "" || m.RatedTorque > m.PeakTorque || m.GearRatio < 1 {
				t.Fatalf("accepted %+v", m)
			}
		}
	})
}
