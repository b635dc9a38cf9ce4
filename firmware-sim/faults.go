package firmwaresim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// FaultKind is a kind of injected fault.
type FaultKind uint8

const (
	// FaultDrop drops replies (with probability P, default 1).
	FaultDrop FaultKind = iota + 1
	// FaultDelay delays replies by Delay.
	FaultDelay
	// FaultBitError flips one random bit of a reply (with probability P).
	FaultBitError
	// FaultStuckEncoder freezes the reported position at its value when the
	// window opens.
	FaultStuckEncoder
	// FaultNoisyEncoder adds Gaussian noise of standard deviation Sigma (rad or m).
	FaultNoisyEncoder
	// FaultOverTemperature raises the winding temperature past its limit; the
	// drive trips and disables, as real firmware does.
	FaultOverTemperature
	// FaultDrive latches a drive fault (the drive disables its output).
	FaultDrive
	// FaultBusOff takes the whole bus down: nothing is answered.
	FaultBusOff
	// FaultDeadNode silences one device completely (no replies, no heartbeat).
	FaultDeadNode
)

var faultNames = map[string]FaultKind{
	"drop": FaultDrop, "delay": FaultDelay, "biterror": FaultBitError, "stuck": FaultStuckEncoder,
	"noise": FaultNoisyEncoder, "overtemp": FaultOverTemperature, "drivefault": FaultDrive,
	"busoff": FaultBusOff, "dead": FaultDeadNode,
}

// String returns the spec name of the kind.
func (k FaultKind) String() string {
	for n, v := range faultNames {
		if v == k {
			return n
		}
	}
	return fmt.Sprintf("fault(%d)", uint8(k))
}

// Fault is one injected fault over a time window of simulated time.
type Fault struct {
	Kind  FaultKind
	Joint int           // 0-based joint index; −1 for every joint
	From  time.Duration // window start (inclusive)
	To    time.Duration // window end (exclusive); 0 means forever
	P     float64       // probability per reply for drop and biterror
	Delay time.Duration // for delay
	Sigma float64       // for noise
}

// Active reports whether the fault applies to joint at time t.
func (f *Fault) Active(joint int, t time.Duration) bool {
	if f.Joint >= 0 && joint >= 0 && f.Joint != joint {
		return false
	}
	return t >= f.From && (f.To == 0 || t < f.To)
}

// ParseFaults reads a fault spec: faults separated by ';', each
// `KIND[:key=value,...]` with keys joint (1-based, as device IDs are; omitted
// = every joint), from and to (durations such as 1.5s or 200ms), p, delay,
// sigma. Example: `drop:joint=2,from=1s,to=2s,p=0.5;stuck:joint=3,from=2s;busoff:from=4s,to=4.5s`.
func ParseFaults(spec string, joints int) ([]Fault, error) {
	var out []Fault
	for i, item := range strings.Split(spec, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		kindStr, args, _ := strings.Cut(item, ":")
		kind, ok := faultNames[strings.ToLower(strings.TrimSpace(kindStr))]
		if !ok {
			return nil, fmt.Errorf("faults: item %d %q: unknown kind %q (want drop, delay, biterror, stuck, noise, overtemp, drivefault, busoff or dead)", i+1, item, kindStr)
		}
		f := Fault{Kind: kind, Joint: -1, P: 1}
		if args != "" {
			for _, kv := range strings.Split(args, ",") {
				k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
				if !ok {
					return nil, fmt.Errorf("faults: item %d %q: %q is not key=value", i+1, item, kv)
				}
				bad := func(err error) error {
					return fmt.Errorf("faults: item %d %q: %s: %v", i+1, item, k, err)
				}
				switch k {
				case "joint":
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 || n > joints {
						return nil, bad(fmt.Errorf("want 1..%d, got %q", joints, v))
					}
					f.Joint = n - 1
				case "from", "to", "delay":
					d, err := time.ParseDuration(v)
					if err != nil || d < 0 {
						return nil, bad(fmt.Errorf("want a non-negative duration like 1.5s, got %q", v))
					}
					switch k {
					case "from":
						f.From = d
					case "to":
						f.To = d
					default:
						f.Delay = d
					}
				case "p", "sigma":
					x, err := strconv.ParseFloat(v, 64)
					if err != nil || math.IsNaN(x) || x < 0 || (k == "p" && x > 1) || math.IsInf(x, 0) {
						return nil, bad(fmt.Errorf("invalid value %q", v))
					}
					if k == "p" {
						f.P = x
					} else {
						f.Sigma = x
					}
				default:
					return nil, fmt.Errorf("faults: item %d %q: unknown key %q", i+1, item, k)
				}
			}
		}
		if f.To != 0 && f.To <= f.From {
			return nil, fmt.Errorf("faults: item %d %q: window ends (%v) before it starts (%v)", i+1, item, f.To, f.From)
		}
		if kind == FaultNoisyEncoder && f.Sigma == 0 {
			return nil, fmt.Errorf("faults: item %d %q: noise needs sigma", i+1, item)
		}
		if kind == FaultDelay && f.Delay == 0 {
			return nil, fmt.Errorf("faults: item %d %q: delay needs delay=DURATION", i+1, item)
		}
		out = append(out, f)
	}
	return out, nil
}
