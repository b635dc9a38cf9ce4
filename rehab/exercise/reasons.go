package exercise

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/control"
)

// Messages for clinicians: plain language, angles in degrees, speeds in
// degrees per second, times in seconds — the units of the clinician's page.

// Deg formats an angle given in radians as degrees, to 0.1°, without
// trailing zeros: a range typed as 110° reads back as "110°", not
// "109.99999999999999°" or "1.92 rad".
func Deg(rad float64) string { return trimNum(rad*180/math.Pi) + "°" }

func trimNum(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0 // no "-0"
	}
	return strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), "-", "−", 1)
}

func seconds(d time.Duration) string { return trimNum(d.Seconds()) + " s" }

func jointName(names []string, i int) string {
	if i >= 0 && i < len(names) && names[i] != "" {
		return strings.ReplaceAll(names[i], "_", " ")
	}
	return fmt.Sprintf("joint %d", i+1)
}

// DescribeStop renders a supervisor stop event for a clinician: what was
// measured, against which limit, on which joint (names indexes the robot's
// joints).
func DescribeStop(e control.Event, names []string) string {
	j := jointName(names, e.Joint)
	what := "protective stop"
	if e.To == control.Fault {
		what = "safety fault (the drives were switched off)"
	}
	switch e.Reason {
	case control.ReasonPositionLimit:
		return fmt.Sprintf("%s: %s reached %s, beyond the patient's range (limit %s)", what, j, Deg(e.Value), Deg(e.Limit))
	case control.ReasonVelocityLimit:
		return fmt.Sprintf("%s: %s moved at %s/s, faster than the patient's speed limit of %s/s", what, j, Deg(math.Abs(e.Value)), Deg(e.Limit))
	case control.ReasonTrackingError:
		return fmt.Sprintf("%s: %s was %s away from where the robot was taking it (limit %s)", what, j, Deg(math.Abs(e.Value)), Deg(e.Limit))
	case control.ReasonPowerLimit:
		return fmt.Sprintf("%s: %s delivered %s W, more than the limit of %s W", what, j, trimNum(math.Abs(e.Value)), trimNum(e.Limit))
	}
	t := fmt.Sprintf("%s: %s", what, e.Reason)
	if e.Joint >= 0 {
		t = fmt.Sprintf("%s: %s (%s)", what, e.Reason, j)
	}
	if e.Detail != "" { // what the drive or the bus reported
		t += ": " + e.Detail
	}
	return t
}
