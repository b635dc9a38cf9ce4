package firmwaresim

import (
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// TestHardwareWatchdogOpensSTO: a relay on every drive's STO input stays
// closed while the host toggles its line, opens once the line has been
// still for longer than its timeout (no torque, brakes on, every drive's
// MasterLost set), and closes at the next change.
func TestHardwareWatchdogOpensSTO(t *testing.T) {
	s := newExoSim(t, "", 1)
	if _, err := s.AttachWatchdog(0); err == nil {
		t.Fatal("a zero timeout was accepted")
	}
	w, err := s.AttachWatchdog(50 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if w.Closed() {
		t.Fatal("relay closed before the host toggled its line")
	}
	s.Lock()
	s.Drives[0].Brake = true
	for i := range s.Drives {
		s.Drives[i].Enabled = true
		s.Drives[i].Command = drivers.JointCommand{Mode: drivers.ModeEffort, Effort: 3}
	}
	s.Unlock()
	level := false
	var last time.Duration
	// Toggled every 12.5 ms (a quarter timeout) for 200 ms: closed, torque.
	for k := 1; k <= 200; k++ {
		if k%12 == 0 {
			level = !level
			w.Set(level)
			last = s.Now()
		}
		s.Step(time.Millisecond)
	}
	s.Lock()
	tau := s.Plant().MotorTorque()[1]
	s.Unlock()
	if !w.Closed() || tau == 0 {
		t.Fatalf("toggled line: relay closed %v, torque %g", w.Closed(), tau)
	}
	// Still: open 50 ms after the last edge, not before.
	for s.Now()-last < 50*time.Millisecond {
		s.Step(time.Millisecond)
		if !w.Closed() {
			t.Fatalf("relay opened %v after the last edge, timeout 50 ms", s.Now()-last)
		}
	}
	s.Step(time.Millisecond)
	s.Step(time.Millisecond)
	s.Lock()
	for i := range s.Drives {
		if !s.Drives[i].MasterLost {
			t.Errorf("drive %d: MasterLost not set with its STO open", i)
		}
	}
	braked := s.Plant().Braked(0)
	s.Unlock()
	s.Step(time.Millisecond)
	s.Lock()
	tau = s.Plant().MotorTorque()[1]
	s.Unlock()
	if w.Closed() || w.Trips() != 1 || tau != 0 || !braked {
		t.Fatalf("still line: relay closed %v, trips %d, torque %g, brake %v", w.Closed(), w.Trips(), tau, braked)
	}
	w.Set(!level)
	s.Step(time.Millisecond)
	s.Lock()
	tau, lost := s.Plant().MotorTorque()[1], s.Drives[1].MasterLost
	s.Unlock()
	if !w.Closed() || tau == 0 || lost {
		t.Fatalf("line toggled again: relay closed %v, torque %g, MasterLost %v", w.Closed(), tau, lost)
	}
}
