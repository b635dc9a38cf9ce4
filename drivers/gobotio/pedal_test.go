package gobotio

import (
	"testing"
	"time"
)

const ms = time.Millisecond

// pedalStep is one input to the pedal logic and the state expected after it.
type pedalStep struct {
	at      time.Duration
	op      string // "report", "fail" or "eval"
	value   int    // pin value for "report"
	pressed bool
	online  bool
	changed bool
}

func runPedal(t *testing.T, l pedalLogic, steps []pedalStep) pedalLogic {
	t.Helper()
	for i, s := range steps {
		var changed bool
		switch s.op {
		case "report":
			changed = l.report(s.at, s.value)
		case "fail":
			changed = l.fail(s.at)
		case "eval":
			changed = l.eval(s.at)
		default:
			t.Fatalf("step %d: unknown op %q", i, s.op)
		}
		if l.st.Pressed != s.pressed || l.st.Online != s.online || changed != s.changed {
			t.Fatalf("step %d (%s %d at %v): pressed=%v online=%v changed=%v; want %v %v %v",
				i, s.op, s.value, s.at, l.st.Pressed, l.st.Online, changed, s.pressed, s.online, s.changed)
		}
	}
	return l
}

func TestPedalLogic(t *testing.T) {
	const debounce, timeout = 20 * ms, 250 * ms
	tests := []struct {
		name      string
		activeLow bool
		steps     []pedalStep
	}{
		{"press debounced, release at once", false, []pedalStep{
			{0, "eval", 0, false, false, false},
			{10 * ms, "report", 0, false, true, true},
			{100 * ms, "report", 1, false, true, false},
			{119 * ms, "eval", 0, false, true, false},
			{120 * ms, "eval", 0, true, true, true},
			{130 * ms, "report", 1, true, true, false},
			{131 * ms, "report", 0, false, true, true},
		}},
		{"contact bounce restarts the debounce", false, []pedalStep{
			{0, "report", 0, false, true, true},
			{100 * ms, "report", 1, false, true, false},
			{105 * ms, "report", 0, false, true, false},
			{110 * ms, "report", 1, false, true, false},
			{125 * ms, "eval", 0, false, true, false},
			{130 * ms, "report", 1, true, true, true},
		}},
		{"held at start must be released first", false, []pedalStep{
			{0, "report", 1, false, true, true},
			{100 * ms, "report", 1, false, true, false},
			{200 * ms, "report", 0, false, true, false},
			{210 * ms, "report", 1, false, true, false},
			{230 * ms, "report", 1, true, true, true},
		}},
		{"silence past the timeout releases; re-press needed", false, []pedalStep{
			{0, "report", 0, false, true, true},
			{10 * ms, "report", 1, false, true, false},
			{30 * ms, "report", 1, true, true, true},
			{30*ms + timeout, "eval", 0, true, true, false},
			{30*ms + timeout + 1, "eval", 0, false, false, true},
			{400 * ms, "report", 1, false, true, true}, // back, but still held: latched
			{500 * ms, "report", 1, false, true, false},
			{510 * ms, "report", 0, false, true, false},
			{520 * ms, "report", 1, false, true, false},
			{540 * ms, "eval", 0, true, true, true},
		}},
		{"silence nobody evaluated still needs a re-press", false, []pedalStep{
			{0, "report", 0, false, true, true},
			{10 * ms, "report", 1, false, true, false},
			{30 * ms, "report", 1, true, true, true},
			// The board hangs; no eval runs until it is back, still held
			// (the foot pedal test's flake in CI: its offline check had
			// looked at a copy of the state).
			{400 * ms, "report", 1, false, true, true},
			{500 * ms, "report", 0, false, true, false},
			{510 * ms, "report", 1, false, true, false},
			{530 * ms, "eval", 0, true, true, true},
		}},
		{"link error is final", false, []pedalStep{
			{0, "report", 0, false, true, true},
			{10 * ms, "report", 1, false, true, false},
			{40 * ms, "report", 1, true, true, true},
			{50 * ms, "fail", 0, false, false, true},
			{60 * ms, "report", 0, false, false, false},
			{70 * ms, "report", 1, false, false, false},
			{100 * ms, "eval", 0, false, false, false},
		}},
		{"active low: 0 is pressed", true, []pedalStep{
			{0, "report", 1, false, true, true},
			{10 * ms, "report", 0, false, true, false},
			{30 * ms, "report", 0, true, true, true},
			{31 * ms, "report", 1, false, true, true},
		}},
		{"a clock running backwards does not stretch freshness", false, []pedalStep{
			{100 * ms, "report", 0, false, true, true},
			{50 * ms, "report", 0, false, true, false}, // stamped 100 ms, not 50 ms
			{100*ms + timeout + 1, "eval", 0, false, false, true},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			runPedal(t, newPedalLogic(debounce, timeout, tc.activeLow), tc.steps)
		})
	}
	// A level (a relay's feedback contact): closed again as soon as the
	// board is back, and closed from the first report, without a re-press.
	t.Run("level: no re-press latch", func(t *testing.T) {
		runPedal(t, newPedalLogicFor(PedalConfig{Debounce: debounce, Timeout: timeout, Level: true}), []pedalStep{
			{0, "report", 1, false, true, true},
			{20 * ms, "eval", 0, true, true, true},
			{20*ms + timeout + 1, "eval", 0, false, false, true},
			{400 * ms, "report", 1, true, true, true},
			{420 * ms, "eval", 0, true, true, false},
		})
	})
}

func TestPedalLogicStamps(t *testing.T) {
	l := runPedal(t, newPedalLogic(20*ms, 250*ms, false), []pedalStep{
		{5 * ms, "report", 0, false, true, true},
		{10 * ms, "report", 1, false, true, false},
		{35 * ms, "eval", 0, true, true, true},
	})
	if l.st.Since != 35*ms || l.st.Stamp != 10*ms {
		t.Fatalf("Since = %v, Stamp = %v; want 35ms, 10ms", l.st.Since, l.st.Stamp)
	}
	l.report(50*ms, 0)
	if l.st.Since != 50*ms || l.st.Stamp != 50*ms {
		t.Fatalf("after release Since = %v, Stamp = %v; want 50ms, 50ms", l.st.Since, l.st.Stamp)
	}
}

func TestPedalConfigDefaults(t *testing.T) {
	c := PedalConfig{}.withDefaults()
	if c.Debounce != DefaultPedalDebounce || c.Timeout != DefaultPedalTimeout || c.Interval != DefaultPedalInterval || c.Now == nil {
		t.Fatalf("defaults %+v", c)
	}
	c = PedalConfig{Debounce: -1, Interval: -1}.withDefaults()
	if c.Debounce != 0 || c.Interval >= 0 {
		t.Fatalf("negative settings not kept: %+v", c)
	}
}
