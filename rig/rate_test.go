package rig

import (
	"strings"
	"testing"
)

func TestLoopRate(t *testing.T) {
	for _, tc := range []struct {
		name     string
		bus      *Config
		rate     float64
		explicit bool
		want     float64
		note     string // substring; "" = no note
		err      string
	}{
		// 6 CiA 402 drives at 1 Mbit/s: SYNC + 6 × (RPDO + 2 TPDOs) ≈ 2.2 ms.
		{"PSM on CANopen", SimulatedBus(CANopen, 6), 1000, false, 250, "loop at 250 Hz", ""},
		// 4 MIT motors: 4 × (command + reply) ≈ 0.91 ms, over 80 % of 1 ms.
		{"exoskeleton on CubeMars", SimulatedBus(CubeMars, 4), 1000, false, 500, "loop at 500 Hz", ""},
		// 2 Dynamixel servos at 1 Mbaud: (16 + 64 + 24 bytes) × 10 bits ≈ 1.04 ms.
		{"2 servos", SimulatedBus(Dynamixel, 2), 1000, false, 500, "loop at 500 Hz", ""},
		{"1 MIT motor", SimulatedBus(CubeMars, 1), 1000, false, 1000, "", ""},
		{"asked for less", SimulatedBus(CubeMars, 1), 400, false, 400, "", ""},
		{"explicit that fits", SimulatedBus(CANopen, 6), 250, true, 250, "", ""},
		{"explicit that does not", SimulatedBus(CANopen, 6), 1000, true, 0, "", "use --rate 463 or lower"},
		{"nothing fits", SimulatedBus(Dynamixel, 60), 1000, false, 0, "", "not even a 100 Hz loop fits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, note, err := LoopRate(tc.bus, tc.rate, tc.explicit)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("LoopRate = %g, %v; want %g", got, err, tc.want)
			}
			if (tc.note == "") != (note == "") || !strings.Contains(note, tc.note) {
				t.Errorf("note %q, want %q", note, tc.note)
			}
		})
	}
	if SimulatedBus("inproc", 3) != nil {
		t.Error("a simulation in process has no bus")
	}
}
