package motors

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Protocols a catalogue motor may speak.
const (
	Dynamixel = "dynamixel"
	CubeMars  = "cubemars"
	CANopen   = "canopen"
)

// Motor is one catalogue actuator. Torques, speeds, inertia and friction are
// at the output shaft.
type Motor struct {
	Name, Family, Protocol string
	Voltage                float64 // V: the supply the speed figures are for
	// StallTorque is the datasheet's stall torque, N·m; 0 when not published.
	StallTorque float64
	// PeakTorque is the most torque the actuator gives, N·m.
	PeakTorque float64
	// WireTorque is the torque the protocol's command can ask for, N·m:
	// a Dynamixel's stall torque, an MIT firmware's T range (which may
	// exceed PeakTorque), a CiA 402 drive's peak.
	WireTorque float64
	// RatedTorque is the continuous torque, N·m; 0 when not published.
	RatedTorque float64
	NoLoadRPM   float64 // rev/min at Voltage
	RatedRPM    float64 // rev/min at RatedTorque; 0 when not published
	// TorqueConstant is N·m of output torque per A of the current the
	// drive reports.
	TorqueConstant float64
	GearRatio      float64
	Inertia        float64 // kg·m²: rotor inertia reflected through the gear
	Coulomb        float64 // N·m
	Viscous        float64 // N·m·s/rad
	// LossResistance is the copper loss per A² of that current, Ω.
	LossResistance float64
	// ThermalResistance (K/W) and ThermalTimeConstant (s) are the winding's
	// first-order model to ambient; MaxWinding (°C) is where the drive trips.
	ThermalResistance, ThermalTimeConstant, MaxWinding float64
	// Estimated lists the columns of this row that are estimates or
	// derived; Source says where every figure comes from.
	Estimated []string
	Source    string
}

// columns is the catalogue's header, in order.
var columns = []string{
	"name", "family", "protocol", "voltage_v", "stall_torque_nm", "peak_torque_nm", "wire_torque_nm",
	"rated_torque_nm", "no_load_rpm", "rated_rpm", "kt_nm_per_a", "gear_ratio", "inertia_kgm2",
	"coulomb_nm", "viscous_nms", "r_loss_ohm", "r_th_k_per_w", "tau_th_s", "t_max_c", "estimated", "source",
}

// A number column: where it goes, and whether it must be > 0 (else ≥ 0).
type numCol struct {
	col      string
	dst      func(*Motor) *float64
	positive bool
}

var numCols = []numCol{
	{"voltage_v", func(m *Motor) *float64 { return &m.Voltage }, true},
	{"stall_torque_nm", func(m *Motor) *float64 { return &m.StallTorque }, false},
	{"peak_torque_nm", func(m *Motor) *float64 { return &m.PeakTorque }, true},
	{"wire_torque_nm", func(m *Motor) *float64 { return &m.WireTorque }, true},
	{"rated_torque_nm", func(m *Motor) *float64 { return &m.RatedTorque }, false},
	{"no_load_rpm", func(m *Motor) *float64 { return &m.NoLoadRPM }, true},
	{"rated_rpm", func(m *Motor) *float64 { return &m.RatedRPM }, false},
	{"kt_nm_per_a", func(m *Motor) *float64 { return &m.TorqueConstant }, true},
	{"gear_ratio", func(m *Motor) *float64 { return &m.GearRatio }, true},
	{"inertia_kgm2", func(m *Motor) *float64 { return &m.Inertia }, false},
	{"coulomb_nm", func(m *Motor) *float64 { return &m.Coulomb }, false},
	{"viscous_nms", func(m *Motor) *float64 { return &m.Viscous }, false},
	{"r_loss_ohm", func(m *Motor) *float64 { return &m.LossResistance }, true},
	{"r_th_k_per_w", func(m *Motor) *float64 { return &m.ThermalResistance }, true},
	{"tau_th_s", func(m *Motor) *float64 { return &m.ThermalTimeConstant }, true},
	{"t_max_c", func(m *Motor) *float64 { return &m.MaxWinding }, true},
}

// Parse reads a catalogue in the form of catalogue.csv: lines starting with
// '#' are comments, the first record is the header (exactly the columns
// above, in order), then one motor per record. Every number must be finite
// and at least 0 (voltage, peak and wire torque, no-load speed, torque
// constant, gear ratio, loss and thermal figures above 0); a rated torque
// above the peak, a rated speed at or above the no-load speed, a gear ratio
// below 1, a trip temperature at or below 25 °C or above 250 °C, a name
// twice, an unknown protocol or an estimated column that is not a number
// column is an error naming the line and the column.
func Parse(r io.Reader) ([]Motor, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("motors: empty catalogue (want a header line)")
	}
	if err != nil {
		return nil, fmt.Errorf("motors: %w", err)
	}
	line, _ := cr.FieldPos(0)
	if !slices.Equal(header, columns) {
		return nil, fmt.Errorf("motors: line %d: header %q, want %q", line, strings.Join(header, ","), strings.Join(columns, ","))
	}
	var out []Motor
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("motors: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(columns) {
			return nil, fmt.Errorf("motors: line %d: %d fields, want %d (%s)", line, len(rec), len(columns), strings.Join(columns, ","))
		}
		bad := func(col, format string, a ...any) error {
			return fmt.Errorf("motors: line %d: %s: %s", line, col, fmt.Sprintf(format, a...))
		}
		m := Motor{Name: strings.TrimSpace(rec[0]), Family: strings.TrimSpace(rec[1]), Protocol: strings.TrimSpace(rec[2])}
		if m.Name == "" || strings.ContainsAny(m.Name, " \t") {
			return nil, bad("name", "%q: want a model name without spaces", rec[0])
		}
		if prev, dup := seen[m.Name]; dup {
			return nil, bad("name", "%s listed again (first on line %d)", m.Name, prev)
		}
		seen[m.Name] = line
		if m.Family == "" {
			return nil, bad("family", "empty")
		}
		if m.Protocol != Dynamixel && m.Protocol != CubeMars && m.Protocol != CANopen {
			return nil, bad("protocol", "%q: want %s, %s or %s", rec[2], Dynamixel, CubeMars, CANopen)
		}
		for k, c := range numCols {
			s := strings.TrimSpace(rec[3+k])
			x, err := strconv.ParseFloat(s, 64)
			switch {
			case err != nil || math.IsNaN(x) || math.IsInf(x, 0):
				return nil, bad(c.col, "%q is not a finite number", s)
			case c.positive && x <= 0:
				return nil, bad(c.col, "%v: want > 0", x)
			case x < 0:
				return nil, bad(c.col, "%v: want ≥ 0", x)
			}
			*c.dst(&m) = x
		}
		switch {
		case m.RatedTorque > m.PeakTorque:
			return nil, bad("rated_torque_nm", "%v above the peak %v", m.RatedTorque, m.PeakTorque)
		case m.RatedRPM >= m.NoLoadRPM:
			return nil, bad("rated_rpm", "%v at or above the no-load speed %v", m.RatedRPM, m.NoLoadRPM)
		case m.GearRatio < 1:
			return nil, bad("gear_ratio", "%v: want ≥ 1", m.GearRatio)
		case m.MaxWinding <= Ambient || m.MaxWinding > 250:
			return nil, bad("t_max_c", "%v: want above %v and at most 250 °C", m.MaxWinding, Ambient)
		}
		for _, e := range strings.Fields(rec[len(columns)-2]) {
			if !slices.ContainsFunc(numCols, func(c numCol) bool { return c.col == e }) {
				return nil, bad("estimated", "%q is not a number column", e)
			}
			if slices.Contains(m.Estimated, e) {
				return nil, bad("estimated", "%q listed twice", e)
			}
			m.Estimated = append(m.Estimated, e)
		}
		m.Source = strings.TrimSpace(rec[len(columns)-1])
		if m.Source == "" {
			return nil, bad("source", "empty: every row names where its figures come from")
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil, errors.New("motors: no motors after the header")
	}
	return out, nil
}

//go:embed catalogue.csv
var catalogueCSV string

var catalogue = sync.OnceValues(func() ([]Motor, error) { return Parse(strings.NewReader(catalogueCSV)) })

// Catalogue returns the embedded catalogue, in file order (a copy: callers
// may keep and change it). It panics if catalogue.csv does not parse, which
// the package's tests rule out.
func Catalogue() []Motor {
	ms, err := catalogue()
	if err != nil {
		panic(err)
	}
	out := slices.Clone(ms)
	for i := range out {
		out[i].Estimated = slices.Clone(out[i].Estimated)
	}
	return out
}

// ByName returns the catalogue motor called name (e.g. "XM430-W350").
func ByName(name string) (*Motor, bool) {
	ms := Catalogue()
	i := slices.IndexFunc(ms, func(m Motor) bool { return m.Name == name })
	if i < 0 {
		return nil, false
	}
	return &ms[i], true
}

// Names returns the names of the catalogue's motors speaking protocol ("" for all).
func Names(protocol string) []string {
	var s []string
	for _, m := range Catalogue() {
		if protocol == "" || m.Protocol == protocol {
			s = append(s, m.Name)
		}
	}
	return s
}

// IsEstimated reports whether column col of m is an estimate or derived.
func (m *Motor) IsEstimated(col string) bool { return slices.Contains(m.Estimated, col) }

// Ambient is the ambient temperature the thermal figures assume, °C.
const Ambient = 25.0

const rpm = 2 * math.Pi / 60

// NoLoadSpeed returns the no-load output speed at the catalogue voltage, rad/s.
func (m *Motor) NoLoadSpeed() float64 { return m.NoLoadRPM * rpm }

// Current returns the current that produces output torque tau, A.
func (m *Motor) Current(tau float64) float64 { return math.Abs(tau) / m.TorqueConstant }

// CopperLoss returns the winding's loss at output torque tau, W.
func (m *Motor) CopperLoss(tau float64) float64 {
	i := m.Current(tau)
	return m.LossResistance * i * i
}

// SteadyTemperature returns the winding temperature that holding output
// torque tau settles at from ambient, °C.
func (m *Motor) SteadyTemperature(tau, ambient float64) float64 {
	return ambient + m.CopperLoss(tau)*m.ThermalResistance
}

// Heat returns the winding temperature dt seconds after temp while the
// motor gives output torque tau (exact for a constant torque over dt).
func (m *Motor) Heat(temp, tau, ambient, dt float64) float64 {
	ss := m.SteadyTemperature(tau, ambient)
	return ss + (temp-ss)*math.Exp(-dt/m.ThermalTimeConstant)
}

// TimeToTrip returns how long holding output torque tau from ambient takes
// to heat the winding past MaxWinding, s: +Inf when it settles below.
func (m *Motor) TimeToTrip(tau, ambient float64) float64 {
	rise := m.SteadyTemperature(tau, ambient) - ambient
	need := m.MaxWinding - ambient
	if rise <= need {
		return math.Inf(1)
	}
	return -m.ThermalTimeConstant * math.Log(1-need/rise)
}

// ContinuousTorque returns the output torque the thermal model holds
// forever without tripping, N·m.
func (m *Motor) ContinuousTorque() float64 {
	p := (m.MaxWinding - Ambient) / m.ThermalResistance
	return math.Sqrt(p/m.LossResistance) * m.TorqueConstant
}

// SpeedDroop returns the output speed lost per N·m of output torque at a
// fixed supply, rad/s per N·m: the DC motor's line ω = ω₀ − r·τ/(kt·ke)
// with ke = V/ω₀ (the back-EMF per output rad/s the no-load speed implies)
// and r the loss resistance.
func (m *Motor) SpeedDroop() float64 {
	ke := m.Voltage / m.NoLoadSpeed()
	return m.LossResistance / (m.TorqueConstant * ke)
}

// SpeedAt returns the steady output speed at output torque tau on the
// supply voltage v (the no-load speed scales with it), rad/s, never below 0.
func (m *Motor) SpeedAt(tau, v float64) float64 {
	w0 := m.NoLoadSpeed() * v / m.Voltage
	return math.Max(0, w0-m.SpeedDroop()*math.Abs(tau))
}
