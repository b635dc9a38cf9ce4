package cubemars

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/drivers"
)

// lsb returns the resolution of a field of the given width over [min, max].
func lsb(min, max float64, bits uint) float64 { return (max - min) / float64(uint32(1)<<bits-1) }

// Byte sequences below are worked out by hand from the manual's formula
// (code = round((x − min)·(2^bits − 1)/(max − min))) for an AK80-9.
var commandCases = []struct {
	name string
	cmd  Command
	data [8]byte
}{
	{"zero", Command{}, [8]byte{0x80, 0x00, 0x80, 0x00, 0x00, 0x00, 0x08, 0x00}},
	{"p=1 v=-2 kp=20 kd=0.5 t=1", Command{Position: 1, Velocity: -2, Kp: 20, Kd: 0.5, Torque: 1}, [8]byte{0x8A, 0x3D, 0x7A, 0xE0, 0xA4, 0x19, 0xA8, 0x71}},
	{"range ends", Command{Position: 12.5, Velocity: -50, Kp: 500, Kd: 5, Torque: -18}, [8]byte{0xFF, 0xFF, 0x00, 0x0F, 0xFF, 0xFF, 0xF0, 0x00}},
	{"saturates", Command{Position: 100, Velocity: 1e3, Kp: 1e6, Kd: -3, Torque: -1e9}, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00}},
	{"infinities saturate", Command{Position: math.Inf(-1), Velocity: math.Inf(1), Torque: math.Inf(1)}, [8]byte{0x00, 0x00, 0xFF, 0xF0, 0x00, 0x00, 0x0F, 0xFF}},
	{"NaN is zero", Command{Position: math.NaN(), Velocity: math.NaN(), Kp: math.NaN(), Kd: math.NaN(), Torque: math.NaN()}, [8]byte{0x80, 0x00, 0x80, 0x00, 0x00, 0x00, 0x08, 0x00}},
	// Full scale everywhere with torque code 0xFFC would be FF×7 FC,
	// "enter motor mode"; FFD exit; FFE set zero. They become FFB.
	{"never enter", Command{Position: 12.5, Velocity: 50, Kp: 500, Kd: 5, Torque: -18 + 0xFFC*36.0/4095}, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFB}},
	{"never exit", Command{Position: 12.5, Velocity: 50, Kp: 500, Kd: 5, Torque: -18 + 0xFFD*36.0/4095}, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFB}},
	{"never zero", Command{Position: 12.5, Velocity: 50, Kp: 500, Kd: 5, Torque: -18 + 0xFFE*36.0/4095}, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFB}},
	{"full scale", Command{Position: 12.5, Velocity: 50, Kp: 500, Kd: 5, Torque: 18}, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}},
}

func TestPackCommand(t *testing.T) {
	for _, tc := range commandCases {
		t.Run(tc.name, func(t *testing.T) {
			got := AK80_9.PackCommand(tc.cmd)
			if got != tc.data {
				t.Fatalf("PackCommand = % X, want % X", got, tc.data)
			}
			s, back, err := AK80_9.ParseRequest(got[:])
			if err != nil || s != 0 {
				t.Fatalf("ParseRequest = %v, %v", s, err)
			}
			if again := AK80_9.PackCommand(back); again != got {
				t.Fatalf("re-encoding the decoded command gave % X", again)
			}
		})
	}
}

func TestUnpackCommandOfCapturedFrames(t *testing.T) {
	l := AK80_9.Limits
	cases := []struct {
		name string
		data []byte
		want Command
	}{
		// What hosts that truncate (the MIT reference) send for zero.
		{"truncating host's zero", []byte{0x7F, 0xFF, 0x7F, 0xF0, 0x00, 0x00, 0x07, 0xFF}, Command{}},
		{"p=1 v=-2 kp=20 kd=0.5 t=1", []byte{0x8A, 0x3D, 0x7A, 0xE0, 0xA4, 0x19, 0xA8, 0x71}, Command{Position: 1, Velocity: -2, Kp: 20, Kd: 0.5, Torque: 1}},
	}
	for _, tc := range cases {
		got, err := l.UnpackCommand(tc.data)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			name      string
			got, want float64
			tol       float64
		}{
			{"position", got.Position, tc.want.Position, lsb(l.PMin, l.PMax, 16)},
			{"velocity", got.Velocity, tc.want.Velocity, lsb(l.VMin, l.VMax, 12)},
			{"kp", got.Kp, tc.want.Kp, lsb(l.KpMin, l.KpMax, 12)},
			{"kd", got.Kd, tc.want.Kd, lsb(l.KdMin, l.KdMax, 12)},
			{"torque", got.Torque, tc.want.Torque, lsb(l.TMin, l.TMax, 12)},
		} {
			if math.Abs(f.got-f.want) > f.tol {
				t.Errorf("%s: %s = %v, want %v ± %v", tc.name, f.name, f.got, f.want, f.tol)
			}
		}
	}
}

func TestSpecialFrames(t *testing.T) {
	cases := []struct {
		s    Special
		data [8]byte
		name string
	}{
		{EnterMotorMode, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC}, "enter-motor-mode"},
		{ExitMotorMode, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFD}, "exit-motor-mode"},
		{SetZero, [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE}, "set-zero"},
	}
	for _, tc := range cases {
		f := SpecialFrame(3, tc.s)
		if f.ID != 3 || f.Length != 8 || f.Data != tc.data || SpecialData(tc.s) != tc.data {
			t.Fatalf("%v frame = %v", tc.s, f)
		}
		s, _, err := AK10_9.ParseRequest(f.Data[:])
		if err != nil || s != tc.s || s.String() != tc.name {
			t.Fatalf("ParseRequest(% X) = %v, %v", f.Data, s, err)
		}
	}
	// FF×7 FF and FF×7 FB are ordinary commands.
	for _, last := range []byte{0xFF, 0xFB} {
		d := []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, last}
		if s, _, err := AK80_9.ParseRequest(d); s != 0 || err != nil {
			t.Fatalf("% X parsed as %v, %v", d, s, err)
		}
	}
}

var replyCases = []struct {
	name string
	data []byte
	want Reply
}{
	{"6-byte", []byte{0x01, 0x8A, 0x3D, 0x7A, 0xE8, 0x71}, Reply{ID: 1, Position: 1, Velocity: -2, Torque: 1}},
	{"8-byte ok", []byte{0x02, 0x80, 0x00, 0x80, 0x08, 0x00, 0x41, 0x00}, Reply{ID: 2, Extended: true, Temperature: 25}},
	{"8-byte over-temperature", []byte{0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x5A, 0x01}, Reply{ID: 0x7F, Position: 12.5, Velocity: 50, Torque: 18, Extended: true, Temperature: 50, Fault: FaultOverTemperature}},
	{"8-byte freezing, encoder", []byte{0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05}, Reply{ID: 3, Position: -12.5, Velocity: -50, Torque: -18, Extended: true, Temperature: -40, Fault: FaultEncoder}},
}

func TestUnpackReply(t *testing.T) {
	l := AK80_9.Limits
	for _, tc := range replyCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := l.UnpackReply(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			w := tc.want
			if got.ID != w.ID || got.Extended != w.Extended || got.Temperature != w.Temperature || got.Fault != w.Fault ||
				math.Abs(got.Position-w.Position) > lsb(l.PMin, l.PMax, 16) ||
				math.Abs(got.Velocity-w.Velocity) > lsb(l.VMin, l.VMax, 12) ||
				math.Abs(got.Torque-w.Torque) > lsb(l.TMin, l.TMax, 12) {
				t.Fatalf("UnpackReply(% X) = %+v, want %+v", tc.data, got, w)
			}
			d, n := l.PackReply(got)
			if !bytes.Equal(d[:n], tc.data) {
				t.Fatalf("PackReply(UnpackReply(% X)) = % X", tc.data, d[:n])
			}
			f := ReplyFrame(0, l, got)
			if f.ID != 0 || !bytes.Equal(f.Data[:f.Length], tc.data) {
				t.Fatalf("ReplyFrame = %v", f)
			}
		})
	}
}

func TestPackReplySaturates(t *testing.T) {
	d, n := AK60_6.PackReply(Reply{ID: 4, Position: 99, Velocity: -99, Torque: math.NaN(), Extended: true, Temperature: math.NaN(), Fault: FaultRotorLocked})
	want := []byte{0x04, 0xFF, 0xFF, 0x00, 0x08, 0x00, 0xFF, 0x07}
	if !bytes.Equal(d[:n], want) {
		t.Fatalf("got % X, want % X", d[:n], want)
	}
	d, _ = AK60_6.PackReply(Reply{Extended: true, Temperature: -100})
	if d[6] != 0 {
		t.Fatalf("−100 °C encoded as %d", d[6])
	}
}

func TestBadLengthsNameTheBytes(t *testing.T) {
	if _, err := AK80_9.UnpackReply([]byte{1, 2, 3, 4, 5, 6, 7}); err == nil || !strings.Contains(err.Error(), "reply of 7 bytes [01 02 03 04 05 06 07]") {
		t.Fatalf("7-byte reply: %v", err)
	}
	if _, err := AK80_9.UnpackReply(nil); err == nil || !strings.Contains(err.Error(), "reply of 0 bytes") {
		t.Fatalf("empty reply: %v", err)
	}
	if _, _, err := AK80_9.ParseRequest([]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC}); err == nil || !strings.Contains(err.Error(), "command of 7 bytes [FF FF FF FF FF FF FC]") {
		t.Fatalf("7-byte special: %v", err)
	}
}

// TestCodesRoundTrip checks that decoding then encoding returns every code
// unchanged for every model, so the simulator and the driver agree bit for
// bit.
func TestCodesRoundTrip(t *testing.T) {
	for _, m := range Models {
		l := m.Limits
		for _, f := range []struct {
			min, max float64
			bits     uint
		}{{l.PMin, l.PMax, 16}, {l.VMin, l.VMax, 12}, {l.TMin, l.TMax, 12}, {l.KpMin, l.KpMax, 12}, {l.KdMin, l.KdMax, 12}} {
			for u := uint32(0); u < 1<<f.bits; u++ {
				if got := floatToUint(uintToFloat(u, f.min, f.max, f.bits), f.min, f.max, f.bits); got != u {
					t.Fatalf("%s: code %d came back as %d", m.Name, u, got)
				}
			}
		}
	}
}

func TestModels(t *testing.T) {
	want := map[string][3]float64{ // V max, T max, gear ratio
		"AK80-9": {50, 18, 9}, "AK70-10": {50, 25, 10}, "AK60-6": {45, 15, 6}, "AK10-9": {50, 65, 9},
	}
	for name, w := range want {
		m, ok := ModelByName(name)
		if !ok || !m.Valid() || m.PMax != 12.5 || m.PMin != -12.5 || m.VMax != w[0] || m.VMin != -w[0] || m.TMax != w[1] || m.TMin != -w[1] ||
			m.KpMin != 0 || m.KpMax != 500 || m.KdMin != 0 || m.KdMax != 5 || m.GearRatio != w[2] || m.TorqueConstant <= 0 {
			t.Errorf("%s = %+v", name, m)
		}
	}
	if _, ok := ModelByName("AK99-1"); ok {
		t.Error("unknown model found")
	}
	if (Limits{PMin: 1, PMax: 1, VMax: 1, TMax: 1, KpMax: 1, KdMax: 1}).Valid() {
		t.Error("empty position range is valid")
	}
	if (Limits{PMax: math.NaN(), VMax: 1, TMax: 1, KpMax: 1, KdMax: 1}).Valid() {
		t.Error("NaN range is valid")
	}
}

func TestFaultStatus(t *testing.T) {
	cases := []struct {
		f    Fault
		want drivers.Status
	}{
		{FaultNone, 0},
		{FaultOverTemperature, drivers.StatusFault | drivers.StatusOverTemperature},
		{FaultOverCurrent, drivers.StatusFault | drivers.StatusOverCurrent},
		{FaultOverVoltage, drivers.StatusFault | drivers.StatusVoltage},
		{FaultUnderVoltage, drivers.StatusFault | drivers.StatusVoltage},
		{FaultEncoder, drivers.StatusFault | drivers.StatusEncoder},
		{FaultMOSFETOverTemperature, drivers.StatusFault | drivers.StatusOverTemperature},
		{FaultRotorLocked, drivers.StatusFault | drivers.StatusOverCurrent},
		{Fault(42), drivers.StatusFault},
	}
	for _, tc := range cases {
		if got := tc.f.Status(); got != tc.want || (tc.f != 0) != got.Faulty() {
			t.Errorf("%v.Status() = %b, want %b", tc.f, got, tc.want)
		}
	}
	if Fault(42).String() != "fault(42)" || FaultEncoder.String() != "encoder" {
		t.Error("fault names")
	}
}

func TestCodecAllocatesNothing(t *testing.T) {
	l := AK80_9.Limits
	reply := []byte{0x01, 0x8A, 0x3D, 0x7A, 0xE8, 0x71, 0x41, 0x00}
	allocs := testing.AllocsPerRun(100, func() {
		d := l.PackCommand(Command{Position: 1, Kp: 10, Kd: 1})
		if _, _, err := l.ParseRequest(d[:]); err != nil {
			t.Fatal(err)
		}
		r, err := l.UnpackReply(reply)
		if err != nil {
			t.Fatal(err)
		}
		l.PackReply(r)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations", allocs)
	}
}

func BenchmarkPackCommand(b *testing.B) {
	l := AK80_9.Limits
	c := Command{Position: 1, Velocity: -2, Kp: 20, Kd: 0.5, Torque: 1}
	b.ReportAllocs()
	for b.Loop() {
		d := l.PackCommand(c)
		c.Position += float64(d[7]) * 1e-12
	}
}

func BenchmarkUnpackReply(b *testing.B) {
	l := AK80_9.Limits
	reply := []byte{0x01, 0x8A, 0x3D, 0x7A, 0xE8, 0x71, 0x41, 0x00}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.UnpackReply(reply); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzUnpackReply: no input panics, and every accepted reply re-encodes to
// the same bytes.
func FuzzUnpackReply(f *testing.F) {
	for _, tc := range replyCases {
		f.Add(tc.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, m := range Models {
			r, err := m.UnpackReply(data)
			if err != nil {
				if len(data) == 6 || len(data) == 8 {
					t.Fatalf("valid length rejected: %v", err)
				}
				continue
			}
			d, n := m.PackReply(r)
			if !bytes.Equal(d[:n], data) {
				t.Fatalf("%s: % X re-encoded as % X", m.Name, data, d[:n])
			}
		}
	})
}

// FuzzParseRequest: no input panics, and every accepted command re-encodes
// to the same bytes (special frames excepted, which are not commands).
func FuzzParseRequest(f *testing.F) {
	for _, tc := range commandCases {
		f.Add(tc.data[:])
	}
	f.Add([]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC})
	f.Add([]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, m := range Models {
			s, c, err := m.ParseRequest(data)
			if err != nil || s != 0 {
				continue
			}
			if d := m.PackCommand(c); !bytes.Equal(d[:], data) {
				t.Fatalf("%s: % X re-encoded as % X", m.Name, data, d)
			}
		}
	})
}
