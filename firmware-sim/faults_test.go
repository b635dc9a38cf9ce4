package firmwaresim

import (
	"strings"
	"testing"
	"time"
)

func TestParseFaults(t *testing.T) {
	fs, err := ParseFaults("drop:joint=2,from=1s,to=2s,p=0.5; stuck:joint=3,from=2s;busoff:from=4s,to=4.5s;noise:sigma=0.01;delay:delay=5ms", 7)
	if err != nil {
		t.Fatal(err)
	}
	want := []Fault{
		{Kind: FaultDrop, Joint: 1, From: time.Second, To: 2 * time.Second, P: 0.5},
		{Kind: FaultStuckEncoder, Joint: 2, From: 2 * time.Second, P: 1},
		{Kind: FaultBusOff, Joint: -1, From: 4 * time.Second, To: 4500 * time.Millisecond, P: 1},
		{Kind: FaultNoisyEncoder, Joint: -1, P: 1, Sigma: 0.01},
		{Kind: FaultDelay, Joint: -1, P: 1, Delay: 5 * time.Millisecond},
	}
	if len(fs) != len(want) {
		t.Fatalf("%d faults", len(fs))
	}
	for i := range want {
		if fs[i] != want[i] {
			t.Errorf("fault %d = %+v, want %+v", i, fs[i], want[i])
		}
	}
	if !fs[0].Active(1, 1500*time.Millisecond) || fs[0].Active(1, 2*time.Second) || fs[0].Active(0, 1500*time.Millisecond) {
		t.Error("drop window wrong")
	}
}

func TestParseFaultsErrors(t *testing.T) {
	for spec, want := range map[string]string{
		"melt":               "unknown kind",
		"drop:joint=9":       "want 1..7",
		"drop:joint=0":       "want 1..7",
		"drop:from=soon":     "non-negative duration",
		"drop:p=2":           "invalid value",
		"drop:to=1s,from=2s": "ends",
		"noise":              "needs sigma",
		"delay":              "needs delay",
		"drop:colour=red":    "unknown key",
		"drop:joint":         "not key=value",
		"drop:p=NaN":         "invalid value",
	} {
		if _, err := ParseFaults(spec, 7); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", spec, err, want)
		}
	}
}

func FuzzParseFaults(f *testing.F) {
	f.Add("drop:joint=2,from=1s,to=2s,p=0.5;stuck:joint=3")
	f.Add("busoff:from=4s,to=4.5s;noise:sigma=1e-3")
	f.Fuzz(func(t *testing.T, spec string) {
		fs, err := ParseFaults(spec, 7)
		if err != nil {
			return
		}
		for _, x := range fs {
			if x.Joint < -1 || x.Joint >= 7 || x.P < 0 || x.P > 1 {
				t.Fatalf("accepted invalid fault %+v", x)
			}
		}
	})
}
