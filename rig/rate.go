package rig

import (
	"fmt"
	"math"
	"time"
)

// LoopRates are the control rates LoopRate chooses from, fastest first.
var LoopRates = []float64{1000, 500, 400, 250, 200, 100}

// loopFill is the share of a loop period one cycle's bus traffic may take:
// the rest is the drives' reply latency, the host's own work and jitter.
const loopFill = 0.8

// LoopRate returns the control rate for a robot on the bus c describes.
// An explicit rate is kept if one cycle's wire time (CycleTime) fits its
// period, and refused otherwise; else it is the fastest of LoopRates at or
// below rate whose period the traffic fills at most to 80 %, with a note
// saying so when that is below rate. The same rule serves a real rig and
// simulated firmware (SimulatedBus), so that a simulation never runs a
// loop its real bus could not carry.
func LoopRate(c *Config, rate float64, explicit bool) (float64, string, error) {
	wire := c.CycleTime()
	if explicit {
		if period := time.Duration(float64(time.Second) / rate); wire > period {
			return 0, "", fmt.Errorf("--rate %g Hz: one cycle's traffic on this %s bus takes at least %v (%d joints), more than the %v period; use --rate %g or lower",
				rate, c.Protocol, wire.Round(10*time.Microsecond), len(c.Joints), period, math.Floor(float64(time.Second)/float64(wire)))
		}
		return rate, "", nil
	}
	for _, r := range LoopRates {
		if r > rate {
			continue
		}
		if period := time.Duration(float64(time.Second) / r); float64(wire) <= loopFill*float64(period) {
			note := ""
			if r < rate {
				note = fmt.Sprintf("loop at %g Hz: one cycle's traffic on this %s bus takes at least %v (%d joints); --rate sets another",
					r, c.Protocol, wire.Round(10*time.Microsecond), len(c.Joints))
			}
			return r, note, nil
		}
	}
	return 0, "", fmt.Errorf("one cycle's traffic on this %s bus takes at least %v: not even a %g Hz loop fits", c.Protocol, wire, LoopRates[len(LoopRates)-1])
}

// SimulatedBus describes the bus that simulated firmware for n joints
// speaking protocol stands for: the example rigs' lines (Dynamixel at
// 1 Mbaud, CAN at 1 Mbit/s through SLCAN), CANopen drives in cyclic
// synchronous torque mode as the simulated nodes run. It is nil for a
// protocol without a bus (in process).
func SimulatedBus(protocol string, n int) *Config {
	c := &Config{Protocol: protocol, Joints: make([]Joint, n)}
	switch protocol {
	case Dynamixel:
		c.Transport = Transport{Baud: 1_000_000}
	case CANopen, CubeMars:
		c.Transport = Transport{SLCAN: true, Bitrate: 1_000_000}
		for i := range c.Joints {
			c.Joints[i].Mode = "CST"
		}
	default:
		return nil
	}
	return c
}
