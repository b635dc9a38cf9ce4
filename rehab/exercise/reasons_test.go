package exercise

import (
	"testing"

	"github.com/chiron-robotics/chiron/control"
)

// TestDescribeStop: a clinician reads what stopped the session in clinical
// words — the joint by name, angles in degrees — and, for a fault the
// drives reported, what they reported.
func TestDescribeStop(t *testing.T) {
	names := []string{"hip_flexion", "knee_flexion"}
	for _, tc := range []struct {
		e    control.Event
		want string
	}{
		{control.Event{To: control.ProtectiveStop, Reason: control.ReasonPositionLimit, Joint: 1, Value: 2.2, Limit: 2.0944},
			"protective stop: knee flexion reached 126.1°, beyond the patient's range (limit 120°)"},
		{control.Event{To: control.Fault, Reason: control.ReasonDriveFault, Joint: 1, Detail: "motor 2 reports over-temperature"},
			"safety fault (the drives were switched off): drive fault (knee flexion): motor 2 reports over-temperature"},
		{control.Event{To: control.Fault, Reason: control.ReasonDriveFault, Joint: -1, Detail: "Safe Torque Off: the hardware watchdog's relay opened"},
			"safety fault (the drives were switched off): drive fault: Safe Torque Off: the hardware watchdog's relay opened"},
		{control.Event{To: control.ProtectiveStop, Reason: control.ReasonDeadman, Joint: -1},
			"protective stop: deadman released"},
	} {
		if got := DescribeStop(tc.e, names); got != tc.want {
			t.Errorf("DescribeStop(%v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}
