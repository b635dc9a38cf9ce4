package canopen

import (
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// HeartbeatProducer emits a node's heartbeat every Period (CiA 301
// "Heartbeat protocol"). It does not own a timer: the caller polls it with
// its own clock, so the master's heartbeat stops when the control loop
// stops, which is exactly what the drives' consumers must detect.
type HeartbeatProducer struct {
	Node   uint8
	Period time.Duration
	State  NMTState
	next   time.Duration
	primed bool
}

// Poll returns the heartbeat frame to send at now, if one is due.
func (p *HeartbeatProducer) Poll(now time.Duration) (canbus.Frame, bool) {
	if p.Period <= 0 {
		return canbus.Frame{}, false
	}
	if p.primed && now < p.next {
		return canbus.Frame{}, false
	}
	p.primed = true
	p.next = now + p.Period
	return EncodeHeartbeat(p.Node, p.State), true
}

// Shift moves the producer's schedule by d, as when its caller changes to a
// clock whose readings differ from the old one's by d.
func (p *HeartbeatProducer) Shift(d time.Duration) { p.next += d }

// HeartbeatConsumer tracks the NMT state and last heartbeat time of watched
// nodes (the master-side counterpart of a device's 0x1016). The zero value
// watches nothing.
type HeartbeatConsumer struct {
	timeout [MaxNode + 1]time.Duration
	last    [MaxNode + 1]time.Duration
	state   [MaxNode + 1]NMTState
	seen    [MaxNode + 1]bool
}

// Watch starts monitoring node with timeout, counting from now (a node
// never heard from expires timeout after the Watch call).
func (c *HeartbeatConsumer) Watch(node uint8, timeout time.Duration, now time.Duration) {
	if !ValidNode(node) {
		return
	}
	c.timeout[node], c.last[node], c.seen[node] = timeout, now, false
}

// Shift moves every watched node's last heartbeat time by d, as when the
// caller changes to a clock whose readings differ from the old one's by d.
func (c *HeartbeatConsumer) Shift(d time.Duration) {
	for i := range c.last {
		if c.timeout[i] != 0 {
			c.last[i] += d
		}
	}
}

// Observe records f at now if it is a heartbeat of a watched node, and
// reports whether it was one.
func (c *HeartbeatConsumer) Observe(f canbus.Frame, now time.Duration) bool {
	if f.ID&^0x7F != COBHeartbeat || f.Length != 1 {
		return false
	}
	node, s, err := DecodeHeartbeat(f)
	if err != nil || c.timeout[node] == 0 {
		return false
	}
	c.last[node], c.state[node], c.seen[node] = now, s, true
	return true
}

// Assume records that node is in state s because the master commanded it
// (an NMT command), without counting it as a heartbeat: the timeout still
// runs from the last heartbeat actually received.
func (c *HeartbeatConsumer) Assume(node uint8, s NMTState) {
	if c.timeout[node] == 0 {
		return
	}
	c.state[node] = s
}

// State returns node's last reported NMT state, the time of its last
// heartbeat (or of Watch) and whether any heartbeat has been seen.
func (c *HeartbeatConsumer) State(node uint8) (s NMTState, last time.Duration, seen bool) {
	if !ValidNode(node) {
		return 0, 0, false
	}
	return c.state[node], c.last[node], c.seen[node]
}

// Expired reports whether watched node has been silent for longer than its
// timeout at now.
func (c *HeartbeatConsumer) Expired(node uint8, now time.Duration) bool {
	if !ValidNode(node) || c.timeout[node] == 0 {
		return false
	}
	return now-c.last[node] > c.timeout[node]
}
