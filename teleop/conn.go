package teleop

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// client is one websocket connection. Exactly one goroutine writes to ws
// (writeLoop); the handler goroutine reads (readLoop). Everything else talks
// to the writer through the two queues.
type client struct {
	s      *Server
	id     uint64
	name   string
	role   Role
	remote string
	ws     *websocket.Conn
	adm    admission // released when the connection ends

	refused atomic.Uint64 // client messages refused (ClientStats.Refused)

	ctrl chan []byte // JSON control messages; overflow disconnects
	data dataQueue   // telemetry; lossy

	done      chan struct{}
	closeOnce sync.Once
	reasonMu  sync.Mutex
	reason    string

	subMu   sync.Mutex
	subs    map[uint32]uint32 // channel id → subscription id
	subByID map[uint32]uint32 // subscription id → channel id

	advertised map[uint32]topicRef // client channel id → topic; reader goroutine only
}

func (s *Server) newClient(ws *websocket.Conn, role Role, remote string) *client {
	id := s.nextID.Add(1)
	return &client{
		s: s, id: id, name: fmt.Sprintf("%s#%d", role, id), role: role, remote: remote, ws: ws,
		ctrl:       make(chan []byte, s.opts.ControlQueueLen),
		data:       newDataQueue(s.opts.DataQueueLen),
		done:       make(chan struct{}),
		subs:       map[uint32]uint32{},
		subByID:    map[uint32]uint32{},
		advertised: map[uint32]topicRef{},
	}
}

func (c *client) subscription(chanID uint32) (uint32, bool) {
	c.subMu.Lock()
	sub, ok := c.subs[chanID]
	c.subMu.Unlock()
	return sub, ok
}

// close ends the connection once; reason (if any) is logged. Closing the
// socket unblocks the reader and a writer stuck in a write.
func (c *client) close(reason string) {
	c.closeOnce.Do(func() {
		c.reasonMu.Lock()
		c.reason = reason
		c.reasonMu.Unlock()
		close(c.done)
		c.ws.Close()
	})
}

func (c *client) closeReason() string {
	c.reasonMu.Lock()
	defer c.reasonMu.Unlock()
	return c.reason
}

// sendCtrl queues a control message. A client whose control queue is full
// has stopped reading for long enough to have missed state it must not
// miss, so it is disconnected rather than left with a gap.
func (c *client) sendCtrl(b []byte) {
	select {
	case c.ctrl <- b:
	case <-c.done:
	default:
		c.close("control queue overflow")
	}
}

// status sends a status message. Every error status answers a message of
// the client that was refused, so it is counted (ClientStats.Refused).
func (c *client) status(level int, format string, a ...any) {
	if level == statusError {
		c.refused.Add(1)
		c.s.refused.Add(1)
	}
	c.sendCtrl(encodeStatus(level, fmt.Sprintf(format, a...)))
}

// --- writer ---------------------------------------------------------------------

func (c *client) writeLoop() {
	defer c.close("write failed")
	ping := time.NewTicker(c.s.opts.PingInterval)
	defer ping.Stop()
	var (
		batch        []dataItem
		frames       []byte // the batch's frames, written at once
		hdr          [13]byte
		reported     uint64
		lastDropWarn time.Time
	)
	for {
		select {
		case <-c.done:
			return
		case m := <-c.ctrl:
			if c.writeText(m) != nil {
				return
			}
		case <-ping.C:
			if c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(c.s.opts.WriteWait)) != nil {
				return
			}
		case <-c.data.notify:
			batch = c.data.popAll(batch[:0])
			if !c.flushCtrl() {
				return
			}
			frames = frames[:0]
			for i := range batch {
				frames = appendDataFrame(frames, &batch[i], hdr[:0])
			}
			clear(batch) // release payloads
			if c.writeFrames(frames) != nil {
				return
			}
			if dropped, _ := c.data.stats(); dropped > reported && time.Since(lastDropWarn) >= time.Second {
				msg := encodeStatus(statusWarning, fmt.Sprintf("slow connection: %d telemetry messages dropped so far", dropped))
				if c.writeText(msg) != nil {
					return
				}
				reported, lastDropWarn = dropped, time.Now()
			}
		}
	}
}

// flushCtrl writes pending control messages first: a status must not wait
// behind a burst of telemetry.
func (c *client) flushCtrl() bool {
	for {
		select {
		case m := <-c.ctrl:
			if c.writeText(m) != nil {
				return false
			}
		default:
			return true
		}
	}
}

func (c *client) writeText(b []byte) error {
	c.ws.SetWriteDeadline(time.Now().Add(c.s.opts.WriteWait))
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

// appendDataFrame appends the telemetry item as one binary WebSocket
// message: a message data (or time) frame of the Foxglove protocol.
func appendDataFrame(dst []byte, it *dataItem, hdr []byte) []byte {
	if it.isTime {
		return appendWSFrame(dst, appendTime(hdr, it.ts), nil)
	}
	return appendWSFrame(dst, appendMessageDataHeader(hdr, it.sub, it.ts), it.payload)
}

// appendWSFrame appends one final, unmasked binary frame (RFC 6455 §5.2:
// a server's frames are never masked) whose payload is a then b.
func appendWSFrame(dst, a, b []byte) []byte {
	n := len(a) + len(b)
	dst = append(dst, 0x80|websocket.BinaryMessage) // FIN, opcode 2
	switch {
	case n < 126:
		dst = append(dst, byte(n))
	case n <= 0xFFFF:
		dst = append(dst, 126, byte(n>>8), byte(n))
	default:
		dst = append(dst, 127)
		dst = binary.BigEndian.AppendUint64(dst, uint64(n))
	}
	return append(append(dst, a...), b...)
}

// writeFrames writes a batch of telemetry frames in one write. A burst of
// messages per client and telemetry tick (six channels, more with several
// robots) would otherwise cost one system call each, and with tens of
// viewers those calls are what the loop and the operator's commands wait
// behind on a small machine. Only this goroutine writes to the connection
// (gorilla's own writes included) and no compression is negotiated, so
// frames built here are exactly those gorilla would send.
func (c *client) writeFrames(frames []byte) error {
	if len(frames) == 0 {
		return nil
	}
	nc := c.ws.NetConn()
	if err := nc.SetWriteDeadline(time.Now().Add(c.s.opts.WriteWait)); err != nil {
		return err
	}
	_, err := nc.Write(frames)
	return err
}

// --- reader ---------------------------------------------------------------------

func (c *client) readLoop() {
	max := c.s.opts.MaxMessageBytes
	c.ws.SetReadLimit(int64(max) * 16)
	pongWait := c.s.opts.PongWait
	c.ws.SetReadDeadline(time.Now().Add(pongWait))
	c.ws.SetPongHandler(func(string) error { return c.ws.SetReadDeadline(time.Now().Add(pongWait)) })
	buf := make([]byte, 0, 4096)
	for {
		mt, r, err := c.ws.NextReader()
		if err != nil {
			var ne net.Error
			switch {
			case errors.As(err, &ne) && ne.Timeout():
				c.close("no pong within " + pongWait.String())
			case errors.Is(err, websocket.ErrReadLimit):
				c.close(fmt.Sprintf("message over %d bytes", 16*max))
			default:
				c.close("read: " + err.Error())
			}
			return
		}
		var n int64
		buf, n, err = readAtMost(r, buf[:0], max)
		if err != nil {
			c.close("read: " + err.Error())
			return
		}
		if n > int64(max) {
			c.status(statusError, "message of %d bytes refused: the limit is %d bytes", n, max)
			continue
		}
		m, err := decodeClientMessage(mt, buf)
		if err != nil {
			c.status(statusError, "%v", err)
			continue
		}
		c.handle(&m)
	}
}

// readAtMost reads r into buf if it holds at most max bytes; otherwise it
// discards the rest and reports the full length.
func readAtMost(r io.Reader, buf []byte, max int) ([]byte, int64, error) {
	for {
		if len(buf) == cap(buf) {
			if len(buf) > max {
				rest, err := io.Copy(io.Discard, r)
				return buf, int64(len(buf)) + rest, err
			}
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, int64(len(buf)), nil
		}
		if err != nil {
			return buf, int64(len(buf)), err
		}
	}
}

func (c *client) handle(m *clientMsg) {
	switch m.Kind {
	case kindSubscribe:
		c.subscribe(m.Subscriptions)
	case kindUnsubscribe:
		c.unsubscribe(m.IDs)
	case kindAdvertise:
		c.clientAdvertise(m.Channels)
	case kindUnadvertise:
		var bad []string
		for _, id := range m.IDs {
			if _, ok := c.advertised[id]; !ok {
				bad = append(bad, fmt.Sprintf("unadvertise: unknown client channel id %d", id))
				continue
			}
			delete(c.advertised, id)
		}
		c.errors(bad)
	case kindMessageData:
		c.s.published.Add(1)
		ref, ok := c.advertised[m.ChannelID]
		if !ok {
			c.status(statusError, "message data on unknown client channel id %d: advertise it first", m.ChannelID)
			return
		}
		c.clientMessage(ref, m.Payload)
	case kindGetParameters:
		c.getParameters(m.Names, m.RequestID)
	case kindSetParameters:
		c.setParameters(m.Params, m.RequestID)
	}
}

func (c *client) errors(msgs []string) {
	if len(msgs) > 0 {
		c.status(statusError, "%s", strings.Join(msgs, "; "))
	}
}

func (c *client) subscribe(subs []subscription) {
	var bad []string
	c.subMu.Lock()
	for _, sub := range subs {
		if _, ok := c.s.chanByID[sub.ChannelID]; !ok {
			bad = append(bad, fmt.Sprintf("subscribe %d: unknown channel id %d", sub.ID, sub.ChannelID))
			continue
		}
		if _, ok := c.subByID[sub.ID]; ok {
			bad = append(bad, fmt.Sprintf("subscribe %d: subscription id already in use", sub.ID))
			continue
		}
		if old, ok := c.subs[sub.ChannelID]; ok {
			bad = append(bad, fmt.Sprintf("subscribe %d: channel %d already subscribed as %d", sub.ID, sub.ChannelID, old))
			continue
		}
		c.subs[sub.ChannelID], c.subByID[sub.ID] = sub.ID, sub.ChannelID
		c.s.subCount[sub.ChannelID].Add(1)
		if ref := c.s.chanByID[sub.ChannelID]; ref.kind == chRobotDescription {
			// Latched, as robot_state_publisher's /robot_description: the
			// description does not change, so each subscriber gets it once.
			c.data.push(dataItem{sub: sub.ID, ts: uint64(time.Now().UnixNano()), payload: c.s.robots[ref.robot].description})
		}
	}
	c.subMu.Unlock()
	c.errors(bad)
}

func (c *client) unsubscribe(ids []uint32) {
	var bad []string
	c.subMu.Lock()
	for _, id := range ids {
		ch, ok := c.subByID[id]
		if !ok {
			bad = append(bad, fmt.Sprintf("unsubscribe: unknown subscription id %d", id))
			continue
		}
		delete(c.subByID, id)
		delete(c.subs, ch)
		c.s.subCount[ch].Add(-1)
	}
	c.subMu.Unlock()
	c.errors(bad)
}

func (c *client) clientAdvertise(chs []clientChannel) {
	var bad []string
	for _, ch := range chs {
		ref, ok := c.s.topics[ch.Topic]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("advertise %d: topic %q is not accepted", ch.ID, truncate(ch.Topic, 64)))
		case ch.Encoding != "json":
			bad = append(bad, fmt.Sprintf("advertise %d: encoding %q, want \"json\"", ch.ID, truncate(ch.Encoding, 32)))
		default:
			if _, dup := c.advertised[ch.ID]; dup {
				bad = append(bad, fmt.Sprintf("advertise %d: client channel id already advertised", ch.ID))
				continue
			}
			c.advertised[ch.ID] = ref
		}
	}
	c.errors(bad)
}

// clientMessage acts on a message the client published on one of the
// robot's teleop topics.
func (c *client) clientMessage(ref topicRef, payload []byte) {
	rs := c.s.robots[ref.robot]
	topic := rs.prefix
	switch ref.kind {
	case ctCommand:
		topic += TopicCommand
		cmd, err := DecodeCommand(payload)
		if err != nil {
			rs.cmdRefused.Add(1)
			c.status(statusError, "%v", err)
			return
		}
		// A role that may not operate is refused before anything touches
		// the Operator or the robot: its commands never reach a setpoint.
		if !c.role.CanOperate() {
			rs.cmdRefused.Add(1)
			c.status(statusError, "%s: role %s may not command motion", topic, c.role)
			return
		}
		now := c.s.opts.Now()
		rs.mu.Lock()
		out, err := rs.op.Accept(c.name, now, &cmd, &rs.st)
		var robotErr error
		if err == nil {
			robotErr = rs.robot.Command(&out)
			switch {
			case robotErr != nil:
				rs.op.NoteRefused()
			case !out.Hold && !rs.reportsApplied:
				rs.op.NoteApplied(out.Seq, c.s.opts.Now())
			}
		}
		rs.mu.Unlock()
		if robotErr != nil || (err != nil && !errors.Is(err, ErrStaleSeq)) {
			rs.cmdRefused.Add(1)
		}
		switch {
		case errors.Is(err, ErrNotInControl):
			c.status(statusError, "%s: %s does not hold control of %s; publish {\"action\":\"take\"} on %s%s first",
				topic, c.name, rs.robot.Name(), rs.prefix, TopicControl)
		case errors.Is(err, ErrStaleSeq):
			// Dropped and counted (stale_dropped in /teleop/status); no
			// status per message, or a reordering burst would flood the
			// control queue.
		case err != nil:
			c.status(statusError, "%s: %v", topic, err)
		case robotErr != nil:
			c.status(statusError, "%s: robot %s refused the setpoint: %v", topic, rs.robot.Name(), robotErr)
		}
	case ctControl:
		topic += TopicControl
		cm, err := DecodeControl(payload)
		if err != nil {
			c.status(statusError, "%v", err)
			return
		}
		if !c.role.CanOperate() {
			what := map[string]string{"take": "take control", "release": "release control", "scale": "set the motion scale",
				"reset": "reset the robot", "enable": "enable the robot"}[cm.Action]
			c.status(statusError, "%s: role %s may not %s", topic, c.role, what)
			return
		}
		c.control(rs, topic, cm)
	case ctEStop:
		topic += TopicEStop
		engage, err := DecodeEStop(payload)
		if err != nil {
			c.status(statusError, "%v", err)
			return
		}
		if !engage && !c.role.CanReleaseEStop() {
			c.status(statusError, "%s: role %s may not release the e-stop", topic, c.role)
			return
		}
		if engage {
			rs.mu.Lock()
			hold := rs.op.Hold("estop")
			_ = rs.robot.Command(&hold) // the e-stop below is what matters; a refused hold changes nothing
			rs.mu.Unlock()
		}
		if err := rs.robot.EStop(engage); err != nil {
			c.status(statusError, "%s: robot %s: %v", topic, rs.robot.Name(), err)
			return
		}
		c.s.log.Warn("teleop: e-stop", "robot", rs.robot.Name(), "engage", engage, "client", c.name)
		if engage {
			c.status(statusInfo, "%s: e-stop engaged by %s", rs.robot.Name(), c.name)
			return
		}
		// Say what the release did, from the robot's own report: it does
		// not reset or enable anything.
		var st State
		rs.robot.Snapshot(&st)
		what := st.Safety
		if st.SafetyReason != "" {
			what += " (" + st.SafetyReason + ")"
		}
		c.status(statusInfo, "%s: e-stop released by %s; robot state %s: the drives stay off until the operator in control "+
			"publishes {\"action\":\"reset\"} then {\"action\":\"enable\"} on %s%s", rs.robot.Name(), c.name, what, rs.prefix, TopicControl)
	}
}

func (c *client) control(rs *robotSession, topic string, cm ControlMsg) {
	now := c.s.opts.Now()
	rs.mu.Lock()
	defer rs.mu.Unlock()
	switch cm.Action {
	case "take":
		if err := rs.op.Take(c.name, now); err != nil {
			c.status(statusError, "%s: take: %v", topic, err)
			return
		}
		c.status(statusInfo, "%s: %s holds control of %s", topic, c.name, rs.robot.Name())
	case "release":
		hold, err := rs.op.Release(c.name)
		if err != nil {
			c.status(statusError, "%s: release: %s %v", topic, c.name, err)
			return
		}
		if err := rs.robot.Command(&hold); err != nil {
			c.status(statusError, "%s: release: robot refused the hold: %v", topic, err)
		}
		c.status(statusInfo, "%s: %s released control of %s", topic, c.name, rs.robot.Name())
	case "scale":
		if rs.op.Owner() != c.name {
			c.status(statusError, "%s: scale: %s %v", topic, c.name, ErrNotInControl)
			return
		}
		c.status(statusInfo, "%s: motion scale %g", topic, rs.op.SetScale(cm.Scale))
	case "reset", "enable":
		// Only the operator in control asks the supervisor to reset or to
		// enable the drives: one person decides about a robot at a time.
		if rs.op.Owner() != c.name {
			c.status(statusError, "%s: %s: %s %v of %s", topic, cm.Action, c.name, ErrNotInControl, rs.robot.Name())
			return
		}
		en, ok := rs.robot.(Enabler)
		if !ok {
			c.status(statusError, "%s: %s: robot %s has no reset or enable request", topic, cm.Action, rs.robot.Name())
			return
		}
		hold := rs.op.Hold(cm.Action) // whatever the supervisor decides, nothing moves until a fresh engage
		_ = rs.robot.Command(&hold)
		req := en.Reset
		if cm.Action == "enable" {
			req = en.Enable
		}
		if err := req(); err != nil {
			c.status(statusError, "%s: %s: robot %s: %v", topic, cm.Action, rs.robot.Name(), err)
			return
		}
		c.s.log.Warn("teleop: supervisor request", "robot", rs.robot.Name(), "request", cm.Action, "client", c.name)
		c.status(statusInfo, "%s: %s of %s requested by %s; the safety supervisor decides (see /safety)", topic, cm.Action, rs.robot.Name(), c.name)
	}
}

// --- lossy telemetry queue ----------------------------------------------------

type dataItem struct {
	isTime  bool
	sub     uint32
	ts      uint64
	payload []byte // shared between clients; never modified
}

// dataQueue is a bounded ring: push never blocks and, when full, drops the
// oldest item and counts it. The lock is held only for a copy, so the
// publisher never waits on a connection.
type dataQueue struct {
	mu      sync.Mutex
	buf     []dataItem
	head, n int
	dropped uint64
	notify  chan struct{}
}

func newDataQueue(n int) dataQueue {
	return dataQueue{buf: make([]dataItem, n), notify: make(chan struct{}, 1)}
}

func (q *dataQueue) push(it dataItem) {
	q.mu.Lock()
	if q.n == len(q.buf) {
		q.buf[q.head] = dataItem{}
		q.head = (q.head + 1) % len(q.buf)
		q.n--
		q.dropped++
	}
	q.buf[(q.head+q.n)%len(q.buf)] = it
	q.n++
	q.mu.Unlock()
	select {
	case q.notify <- struct{}{}:
	default:
	}
}

func (q *dataQueue) popAll(dst []dataItem) []dataItem {
	q.mu.Lock()
	defer q.mu.Unlock()
	for ; q.n > 0; q.n-- {
		dst = append(dst, q.buf[q.head])
		q.buf[q.head] = dataItem{}
		q.head = (q.head + 1) % len(q.buf)
	}
	return dst
}

func (q *dataQueue) stats() (dropped uint64, queued int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.dropped, q.n
}
