package teleop

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// waitStatus reads /teleop/status messages of subscription sub until pred
// holds, and returns that message.
func (w *wsClient) waitStatus(sub uint32, pred func(teleopStatusMsg) bool) teleopStatusMsg {
	w.t.Helper()
	for range 500 { // 5 s of telemetry at 100 Hz; each read is bounded by guard
		_, p := w.data(sub)
		var st teleopStatusMsg
		if err := json.Unmarshal(p, &st); err != nil {
			w.t.Fatal(err)
		}
		if pred(st) {
			return st
		}
	}
	w.t.Fatal("status never matched")
	return teleopStatusMsg{}
}

// TestStatusReportsOnlyAppliedMotion: /teleop/status reports as applied
// only motion the robot took — never a command refused under e-stop, a
// deadman release, a command the robot refused before the heartbeat hold,
// nor the previous operator's seq once another takes control.
func TestStatusReportsOnlyAppliedMotion(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	op.subscribe(1, "/psm/teleop/status")
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	op.waitStatus(1, func(s teleopStatusMsg) bool { return s.LastSeqApplied == 1 && s.Engaged })

	// E-stop: 30 motion commands, all refused by the robot.
	op.publish(cidEStop, `{"engage":true}`)
	op.status(statusInfo, "e-stop engaged")
	for seq := 2; seq <= 31; seq++ {
		op.publish(cidCommand, cmdJSON(seq, true, 0.1))
	}
	op.publish(cidCommand, cmdJSON(32, false, 0)) // deadman released: a hold
	e.waitCmd("the deadman hold", func(c Command) bool { return c.Seq == 32 && c.Hold })
	st := op.waitStatus(1, func(s teleopStatusMsg) bool { return s.Refused == 30 })
	if st.LastSeqApplied != 1 || st.Engaged {
		t.Errorf("after 30 commands refused under e-stop and a hold: %+v, want seq 1 applied, not engaged", st)
	}

	// Released e-stop; seq 40 moves; seq 41 is refused by the robot, then
	// the operator goes quiet and the heartbeat hold (carrying seq 41) fires.
	op.publish(cidEStop, `{"engage":false}`)
	op.status(statusInfo, "e-stop released")
	op.publish(cidControl, `{"action":"reset"}`)
	op.status(statusInfo, "reset of psm requested")
	op.publish(cidControl, `{"action":"enable"}`)
	op.status(statusInfo, "enable of psm requested")
	op.publish(cidCommand, cmdJSON(40, true, 0.1))
	op.waitStatus(1, func(s teleopStatusMsg) bool { return s.LastSeqApplied == 40 })
	e.robot.mu.Lock()
	e.robot.refuse = ErrFakeEStopped
	e.robot.mu.Unlock()
	op.publish(cidCommand, cmdJSON(41, true, 0.1))
	op.status(statusError, "refused the setpoint")
	e.robot.mu.Lock()
	e.robot.refuse = nil
	e.robot.mu.Unlock()
	op.publish(cidCommand, cmdJSON(42, true, 0.1)) // engages again
	e.waitCmd("seq 42", func(c Command) bool { return c.Seq == 42 && !c.Hold })
	e.robot.mu.Lock()
	e.robot.refuse = ErrFakeEStopped // refuses 43, not the hold after it
	e.robot.mu.Unlock()
	op.publish(cidCommand, cmdJSON(43, true, 0.1))
	op.status(statusError, "refused the setpoint")
	e.robot.mu.Lock()
	e.robot.refuse = nil
	e.robot.mu.Unlock()
	op.publish(cidCommand, cmdJSON(44, true, 0.1))
	e.waitCmd("seq 44", func(c Command) bool { return c.Seq == 44 && !c.Hold })
	e.clock.Advance(150 * time.Millisecond)
	e.waitCmd("the heartbeat hold", func(c Command) bool { return c.Hold && c.Reason == "heartbeat" })
	st = op.waitStatus(1, func(s teleopStatusMsg) bool { return !s.Engaged })
	if st.LastSeqApplied != 44 || st.Refused != 32 {
		t.Errorf("after refusals of 41 and 43 and a heartbeat hold: %+v, want 44 applied, 32 refused", st)
	}

	// A new operator starts at 0 though the robot still reports seq 44.
	op.publish(cidControl, `{"action":"release"}`)
	op.status(statusInfo, "released control")
	op2 := e.operator(tokOperator2)
	op2.subscribe(1, "/psm/teleop/status")
	st = op2.waitStatus(1, func(s teleopStatusMsg) bool { return s.Operator == op2.info.Metadata["client"] })
	if st.LastSeqApplied != 0 || st.LatencyMs != 0 {
		t.Errorf("new operator: %+v, want nothing applied yet", st)
	}
	op2.publish(cidCommand, cmdJSON(3, true, 0.1))
	op2.waitStatus(1, func(s teleopStatusMsg) bool { return s.LastSeqApplied == 3 })
}

// TestOperatorAppliedIsPerOperator: NoteApplied and Tick count only motion
// seqs of the operator in control, received since it took control.
func TestOperatorAppliedIsPerOperator(t *testing.T) {
	o := newTestOperator(t, OperatorConfig{})
	o.Accept("op", t0, &CommandMsg{Seq: 9, Deadman: true}, identity())
	o.Tick(t0.Add(5*time.Millisecond), &State{AppliedSeq: 9, AppliedAt: t0.Add(2 * time.Millisecond)})
	o.Accept("op", t0.Add(10*time.Millisecond), &CommandMsg{Seq: 10, Deadman: false}, identity()) // hold
	o.NoteApplied(10, t0.Add(11*time.Millisecond))
	if s := o.Status(); s.LastSeqApplied != 9 {
		t.Errorf("a hold's seq counted as applied: %+v", s)
	}
	o.Accept("op", t0.Add(20*time.Millisecond), &CommandMsg{Seq: 11, Deadman: true}, identity())
	o.NoteRefused()
	o.NoteApplied(11, t0.Add(21*time.Millisecond))
	if s := o.Status(); s.LastSeqApplied != 9 || s.Engaged {
		t.Errorf("a refused seq counted as applied, or still engaged: %+v", s)
	}

	if _, err := o.Release("op"); err != nil {
		t.Fatal(err)
	}
	if err := o.Take("op2", t0.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if s := o.Status(); s.LastSeqApplied != 0 || s.Latency != 0 {
		t.Errorf("after a new take: %+v, want reset", s)
	}
	// The robot still reports the previous operator's seq 9; op2's own
	// seq 9 must not pick that report up.
	o.Accept("op2", t0.Add(time.Second), &CommandMsg{Seq: 9, Deadman: true}, identity())
	o.Tick(t0.Add(time.Second), &State{AppliedSeq: 9, AppliedAt: t0.Add(2 * time.Millisecond)})
	if s := o.Status(); s.LastSeqApplied != 0 {
		t.Errorf("previous operator's report counted for the new one: %+v", s)
	}
	o.Tick(t0.Add(time.Second+5*time.Millisecond), &State{AppliedSeq: 9, AppliedAt: t0.Add(time.Second + 3*time.Millisecond)})
	if s := o.Status(); s.LastSeqApplied != 9 || s.Latency != 3*time.Millisecond {
		t.Errorf("new operator's applied seq: %+v, want 9 after 3 ms", s)
	}
}

// TestEStopReleaseNeedsResetAndEnable: releasing the e-stop leaves the
// robot stopped and says so; only the operator in control may then ask for
// a reset and an enable, in that order, before motion is accepted.
func TestEStopReleaseNeedsResetAndEnable(t *testing.T) {
	e := newEnv(t, nil)
	op := e.operator(tokOperator)
	op.publish(cidEStop, `{"engage":true}`)
	op.status(statusInfo, "e-stop engaged")
	op.publish(cidEStop, `{"engage":false}`)
	st := op.status(statusInfo, "e-stop released")
	if want := "robot state fault (emergency stop released: reset needed): the drives stay off"; !strings.Contains(st.Message, want) {
		t.Errorf("release status %q, want it to contain %q", st.Message, want)
	}
	if strings.Contains(st.Message, "re-enabled") {
		t.Errorf("release status claims a re-enable: %q", st.Message)
	}
	op.publish(cidCommand, cmdJSON(1, true, 0.1))
	op.status(statusError, "refused the setpoint")

	v := e.dial(tokViewer, false, nil)
	v.advertiseTeleop("/psm")
	op2 := e.dial(tokOperator2, false, nil)
	op2.advertiseTeleop("/psm")
	for _, tc := range []struct {
		c      *wsClient
		action string
		level  int
		want   string
	}{
		{v, "reset", statusError, "role viewer may not reset the robot"},
		{v, "enable", statusError, "role viewer may not enable the robot"},
		{op2, "reset", statusError, "not in control of psm"},
		{op, "enable", statusError, "enable in state fault"},
		{op, "reset", statusInfo, "reset of psm requested"},
		{op2, "enable", statusError, "not in control of psm"},
		{op, "enable", statusInfo, "enable of psm requested"},
		{op, "enable", statusError, "enable in state enabled"},
	} {
		tc.c.publish(cidControl, `{"action":"`+tc.action+`"}`)
		tc.c.status(tc.level, tc.want)
	}
	op.publish(cidCommand, cmdJSON(2, true, 0.1))
	e.waitCmd("motion after reset and enable", func(c Command) bool { return c.Seq == 2 && !c.Hold })
}
