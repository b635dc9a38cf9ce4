package hil

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"time"

	"github.com/foxglove/mcap/go/mcap"

	"github.com/chiron-robotics/chiron/channels"
	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

// csvWriter writes one row per cycle: time, state, then q, q_des and
// effort per joint, then the tool position and its target. Everything but
// wall time goes into the trajectory hash too.
type csvWriter struct {
	w      *bufio.Writer
	closer io.Closer
	hash   *hashWriter
	buf    []byte
	err    error
}

func newCSVWriter(w io.Writer, names []string, h *hashWriter) *csvWriter {
	c := &csvWriter{w: bufio.NewWriterSize(w, 1<<16), hash: h}
	b := []byte("time_s,state")
	for _, col := range []string{"q", "q_des", "effort"} {
		for _, n := range names {
			b = append(b, ',')
			b = append(b, col...)
			b = append(b, '_')
			b = append(b, n...)
		}
	}
	b = append(b, ",tool_x,tool_y,tool_z,tool_des_x,tool_des_y,tool_des_z\n"...)
	c.emit(b)
	return c
}

func (c *csvWriter) emit(b []byte) {
	c.hash.h.Write(b)
	if c.err == nil {
		_, c.err = c.w.Write(b)
	}
}

func appendNum(b []byte, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return b
	}
	return strconv.AppendFloat(b, x, 'g', -1, 64)
}

func (c *csvWriter) row(f *recFrame, cart bool) {
	b := strconv.AppendFloat(c.buf[:0], f.now.Seconds(), 'f', 6, 64)
	b = append(b, ',')
	b = append(b, f.state.String()...)
	for _, q := range f.pos {
		b = append(b, ',')
		b = appendNum(b, q)
	}
	for i := range f.pos {
		b = append(b, ',')
		if !cart {
			b = appendNum(b, f.q[i])
		}
	}
	for _, e := range f.eff {
		b = append(b, ',')
		b = appendNum(b, e)
	}
	for a := range 3 {
		b = append(b, ',')
		if f.hasTool {
			b = appendNum(b, f.tool[a])
		}
	}
	for a := range 3 {
		b = append(b, ',')
		if f.hasPose {
			b = appendNum(b, f.goal[a])
		}
	}
	b = append(b, '\n')
	c.buf = b
	c.emit(b)
}

func (c *csvWriter) close() error {
	if c == nil {
		return nil
	}
	err := c.w.Flush()
	if c.err != nil {
		err = c.err
	}
	if c.closer != nil {
		if cerr := c.closer.Close(); err == nil {
			err = cerr
		}
		c.closer = nil
	}
	return err
}

// Topics of the recording: the console's, without a robot prefix.
const (
	TopicRobotDescription = channels.TopicRobotDescription
	TopicJointStates      = channels.TopicJointStates
	TopicToolPose         = channels.TopicToolPose
	TopicTF               = channels.TopicTF
	TopicSafety           = channels.TopicSafety
	TopicSafetyLog        = channels.TopicSafetyLog
	TopicLoopStats        = channels.TopicLoopStats
)

// recordingChannels are the recording's channels; channel i+1 is
// recordingChannels[i].
var recordingChannels = []channels.Spec{channels.RobotDescriptionChannel, channels.JointStatesChannel, channels.ToolPoseChannel,
	channels.TFChannel, channels.SafetyChannel, channels.SafetyLogChannel, channels.LoopStatsChannel}

const (
	chRobotDescription uint16 = iota + 1
	chJointStates
	chToolPose
	chTF
	chSafety
	chSafetyLog
	chLoopStats
)

// DefaultRecordingEpoch is the wall-clock time a recording's loop time 0
// is placed at when the run gives none (newMCAPRecorder): a fixed date, so
// that a lockstep recording stays bit-identical across runs while Foxglove
// shows a real date rather than 1970-01-01 (where a log time of 0.001 s of
// virtual time would put it). newMCAPRecorderAt takes the run's start.
var DefaultRecordingEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// mcapRecorder writes the run as MCAP, with the channels and message shapes
// of the live console (package channels), so that Foxglove Studio or
// Lichtblick open it with the same panels and draw the arm: first
// /robot_description (the chain as URDF), then every cycle /joint_states
// and /tool_pose, /tf (a transform per link) at recordTFPeriod, /safety on
// every state change and at 10 Hz, each safety event once on /safety/log,
// /loop_stats at 10 Hz. Log and publish times are the start epoch plus the
// loop's clock (virtual in lockstep), so a lockstep recording with a given
// epoch is bit-identical across runs.
type mcapRecorder struct {
	path   string
	f      *os.File
	w      *mcap.Writer
	epoch  int64 // ns since 1970 of loop time 0
	seq    [chLoopStats]uint32
	names  []string
	links  []string
	chain  *kinematics.Chain
	fk     *kinematics.Workspace
	frame  kinematics.Frame
	frames []kinematics.Frame
	pos    []float64
	vel    []float64
	eff    []float64
	js     channels.JointState
	pose   channels.PoseInFrame
	tf     channels.FrameTransforms
	buf    bytes.Buffer
	js0    []byte // the hand-encoded message (appendMessageJSON)
	state  control.State
	first  bool
	evN    int
	logged int // events logged on /safety/log
	nextTF time.Duration
	err    error
}

// recordTFPeriod is how often a recording holds /tf: 100 Hz, the live
// server's telemetry rate (teleop.DefaultTelemetryRate), and the rate
// robot_state_publisher's publish_frequency keeps tf at or below. Every
// transform follows from /joint_states, which stays at the loop's rate; at
// every cycle /tf was 70 % of a 7-DoF recording's bytes and of its
// encoding, which shares the loop's second core.
const recordTFPeriod = 10 * time.Millisecond

// newMCAPRecorder records with loop time 0 at DefaultRecordingEpoch.
func newMCAPRecorder(path string, rig *robot.Robot) (*mcapRecorder, error) {
	return newMCAPRecorderAt(path, rig, DefaultRecordingEpoch)
}

// newMCAPRecorderAt records with loop time 0 at start (wall clock), which
// the recording's "chiron" metadata record also carries.
func newMCAPRecorderAt(path string, rig *robot.Robot, start time.Time) (*mcapRecorder, error) {
	chain := rig.Chain()
	urdf, err := kinematics.ExportURDF(chain)
	if err != nil {
		return nil, fmt.Errorf("recording %s: robot description: %w", path, err)
	}
	desc, err := json.Marshal(channels.String{Data: string(urdf)})
	if err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	// Chunks are written uncompressed, as rosbag2's MCAP storage does by
	// default. The messages are mostly the digits of round-trip floats, on
	// which LZ4 ran at 160 MB/s here: it made a 3 s 7-DoF recording 2.4
	// times smaller (3.7 → 1.5 MB) for 5 µs of CPU per 1 kHz frame (zstd's
	// fastest level: 12 µs), on a two-core machine where the encoder
	// shares the loop's second core, and held the recorded run to 50×
	// real time against 57× without. The chunks keep their message
	// indexes, so players seek as fast; `mcap compress` makes a smaller
	// copy to archive.
	w, err := mcap.NewWriter(f, &mcap.WriterOptions{Chunked: true, ChunkSize: 1 << 20,
		Compression: mcap.CompressionNone, IncludeCRC: true})
	if err != nil {
		f.Close()
		return nil, err
	}
	n := chain.DoF()
	m := &mcapRecorder{path: path, f: f, w: w, epoch: start.UnixNano(), names: rig.JointNames(), links: kinematics.URDFLinkNames(chain),
		chain: chain, fk: kinematics.NewWorkspace(chain), frames: make([]kinematics.Frame, n+1),
		pos: make([]float64, n), vel: make([]float64, n), eff: make([]float64, n), first: true}
	if err := w.WriteHeader(&mcap.Header{Profile: "", Library: "chiron hil"}); err != nil {
		m.close()
		return nil, err
	}
	for i, sp := range recordingChannels {
		id := uint16(i + 1)
		if err := w.WriteSchema(&mcap.Schema{ID: id, Name: sp.SchemaName, Encoding: "jsonschema", Data: []byte(sp.Schema)}); err != nil {
			m.close()
			return nil, err
		}
		if err := w.WriteChannel(&mcap.Channel{ID: id, SchemaID: id, Topic: sp.Topic, MessageEncoding: "json",
			Metadata: map[string]string{}}); err != nil {
			m.close()
			return nil, err
		}
	}
	if err := w.WriteMetadata(&mcap.Metadata{Name: "chiron", Metadata: map[string]string{
		"start_time": start.UTC().Format(time.RFC3339Nano), "robot": chain.Name}}); err != nil {
		m.close()
		return nil, err
	}
	// The description first, at loop time 0, as robot_state_publisher
	// latches it: a player that seeks anywhere still has it.
	m.seq[chRobotDescription-1]++
	if err := w.WriteMessage(&mcap.Message{ChannelID: chRobotDescription, Sequence: 1, LogTime: uint64(m.epoch), PublishTime: uint64(m.epoch), Data: desc}); err != nil {
		m.close()
		return nil, err
	}
	return m, nil
}

func (m *mcapRecorder) put(ch uint16, t int64, v any) {
	if m.err != nil {
		return
	}
	data, ok := appendMessageJSON(m.js0[:0], v)
	if ok {
		m.js0 = data
	} else {
		m.buf.Reset()
		if err := json.NewEncoder(&m.buf).Encode(v); err != nil {
			m.err = err
			return
		}
		data = bytes.TrimRight(m.buf.Bytes(), "\n")
	}
	m.seq[ch-1]++
	m.err = m.w.WriteMessage(&mcap.Message{ChannelID: ch, Sequence: m.seq[ch-1], LogTime: uint64(t), PublishTime: uint64(t), Data: data})
}

// cycle records one cycle's snapshot.
func (m *mcapRecorder) cycle(s *control.Snapshot, events []SafetyEvent) {
	var f recFrame
	f.fill(s, nil, events)
	m.cycleFrame(&f)
}

// cycleFrame records one cycle from its frame.
func (m *mcapRecorder) cycleFrame(s *recFrame) {
	events := s.events
	t := m.epoch + int64(s.now)
	stamp := channels.TimeOf(t)
	n := len(s.pos)
	copy(m.pos, s.pos)
	copy(m.vel, s.vel)
	copy(m.eff, s.eff)
	m.js.Fill(t, m.names, m.pos[:n], m.vel[:n], m.eff[:n])
	m.put(chJointStates, t, &m.js)
	if n == m.chain.DoF() {
		m.fk.FK(&m.frame, m.pos)
		if m.pose.Fill(t, m.links[0], m.frame.P, m.frame.Quaternion()) {
			m.put(chToolPose, t, &m.pose)
		}
		if s.now >= m.nextTF {
			m.nextTF = (s.now/recordTFPeriod + 1) * recordTFPeriod
			m.tf.Reset()
			if kinematics.LinkTransforms(m.chain, m.frames, nil, m.pos) == nil {
				for i := range m.frames {
					if i < n && !channels.Finite(m.pos[i]) {
						continue // a lost joint's transform is left out
					}
					m.tf.Add(t, m.links[i], m.links[i+1], m.frames[i].P, m.frames[i].Quaternion())
				}
			}
			m.put(chTF, t, &m.tf)
		}
	}
	for _, e := range events[min(m.logged, len(events)):] {
		m.put(chSafetyLog, t, channels.Log{Timestamp: channels.TimeOf(m.epoch + int64(math.Round(e.Time*1e9))),
			Level: channels.EventLevel(e.Text), Message: e.Text, Name: m.chain.Name})
	}
	m.logged = len(events)
	cycle := s.cycle
	if m.first || s.state != m.state || len(events) != m.evN || cycle%recTimingEvery == 0 {
		m.first, m.state, m.evN = false, s.state, len(events)
		ev := make([]string, 0, 16)
		for _, e := range events[max(0, len(events)-16):] {
			ev = append(ev, e.Text)
		}
		m.put(chSafety, t, channels.Safety{Timestamp: stamp, State: s.state.String(), Reason: s.reason.String(), Events: ev})
	}
	if cycle%recTimingEvery == 0 {
		m.put(chLoopStats, t, channels.LoopStats{Timestamp: stamp, WakeP99Us: s.wakeP99Us,
			ComputeP99Us: s.computeP99Us, Overruns: s.overruns})
	}
}

func (m *mcapRecorder) finish() error {
	err := m.err
	if cerr := m.w.Close(); err == nil {
		err = cerr
	}
	if cerr := m.f.Close(); err == nil {
		err = cerr
	}
	m.f = nil
	return err
}

func (m *mcapRecorder) close() {
	if m == nil || m.f == nil {
		return
	}
	m.w.Close()
	m.f.Close()
	m.f = nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// plotData keeps a decimated copy of the tracking for the SVG.
type plotData struct {
	names []string
	cart  bool
	t     []float64
	act   [][]float64
	des   [][]float64
	k     int
}

func newPlotData(names []string, cart bool) *plotData {
	p := &plotData{names: names, cart: cart}
	if cart {
		p.names = []string{"tool x", "tool y", "tool z"}
	}
	p.act = make([][]float64, len(p.names))
	p.des = make([][]float64, len(p.names))
	return p
}

func (p *plotData) add(s *control.Snapshot, sp *control.Setpoint) {
	p.k++
	if p.k%5 != 1 { // 200 points per second at 1 kHz
		return
	}
	p.t = append(p.t, s.Now.Seconds())
	for i := range p.names {
		a, d := math.NaN(), math.NaN()
		if p.cart {
			if s.HasTool {
				a = s.Tool[i]
			}
			if sp.HasPose {
				d = sp.Position[i]
			}
		} else {
			a, d = s.Joints[i].Position, sp.Q[i]
		}
		p.act[i] = append(p.act[i], a)
		p.des[i] = append(p.des[i], d)
	}
}

// svg renders one panel per joint (or tool axis): desired dashed, actual
// solid, against time.
func (p *plotData) svg(title string) []byte {
	const w, ph, left, right, top = 900.0, 110.0, 70.0, 20.0, 40.0
	h := top + ph*float64(len(p.names)) + 40
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="11">`+"\n", w, h)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><text x="%.0f" y="20" font-size="14">%s — desired (dashed) vs actual</text>`+"\n", left, xmlEscape(title))
	t0, t1 := 0.0, 1.0
	if len(p.t) > 1 {
		t0, t1 = p.t[0], p.t[len(p.t)-1]
	}
	for i, name := range p.names {
		y0 := top + ph*float64(i)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, s := range [][]float64{p.act[i], p.des[i]} {
			for _, v := range s {
				if !math.IsNaN(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
		if math.IsInf(lo, 0) {
			lo, hi = -1, 1
		}
		if hi-lo < 1e-6 {
			lo, hi = lo-1e-3, hi+1e-3
		}
		pad := 0.1 * (hi - lo)
		lo, hi = lo-pad, hi+pad
		x := func(t float64) float64 { return left + (t-t0)/(t1-t0+1e-12)*(w-left-right) }
		y := func(v float64) float64 { return y0 + ph - 15 - (v-lo)/(hi-lo)*(ph-25) }
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.0f" height="%.1f" fill="none" stroke="#ccc"/>`+"\n", left, y0+10, w-left-right, ph-25)
		fmt.Fprintf(&b, `<text x="4" y="%.1f">%s</text><text x="4" y="%.1f" fill="#666">%.3g</text><text x="4" y="%.1f" fill="#666">%.3g</text>`+"\n",
			y0+ph/2, xmlEscape(name), y0+20, hi, y0+ph-15, lo)
		for k, s := range [][]float64{p.des[i], p.act[i]} {
			style := `stroke="#d62728" stroke-dasharray="5,3"`
			if k == 1 {
				style = `stroke="#1f77b4"`
			}
			fmt.Fprintf(&b, `<polyline fill="none" stroke-width="1.2" %s points="`, style)
			for j, v := range s {
				if !math.IsNaN(v) {
					fmt.Fprintf(&b, "%.1f,%.1f ", x(p.t[j]), y(v))
				}
			}
			b.WriteString("\"/>\n")
		}
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">t = %.2f s … %.2f s</text>`+"\n</svg>\n", left, h-12, t0, t1)
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// The per-cycle messages (/joint_states, /tool_pose, /tf) are encoded by
// hand rather than through encoding/json's reflection, which was most of a
// recorded lockstep cycle's encoding cost. The bytes are encoding/json's
// exactly (TestRecordingJSONMatchesEncodingJSON): the same field order and
// names, its float format (shortest round-trip, exponent form below 1e-6 and
// from 1e21 with the exponent's leading zero dropped), null for a nil
// slice, and its HTML-safe string escaping (a string that needs any escape
// goes through encoding/json itself). A value encoding/json refuses (a
// non-finite float, which Fill and Add leave out) makes the appender report
// false, and put falls back to encoding/json, which returns its error.

// appendJSONFloat appends x as encoding/json's floatEncoder does.
func appendJSONFloat(b []byte, x float64) ([]byte, bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return b, false
	}
	abs, f := math.Abs(x), byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		f = 'e'
	}
	b = strconv.AppendFloat(b, x, f, -1, 64)
	if f == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendJSONString appends s as encoding/json (HTML-escaping) does.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONFloats(b []byte, xs []float64) ([]byte, bool) {
	if xs == nil {
		return append(b, "null"...), true
	}
	b = append(b, '[')
	ok := true
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b, ok = appendJSONFloat(b, x)
		if !ok {
			return b, false
		}
	}
	return append(b, ']'), true
}

func appendJSONStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

func appendJSONTime(b []byte, t channels.Time) []byte {
	b = append(b, `{"sec":`...)
	b = strconv.AppendUint(b, uint64(t.Sec), 10)
	b = append(b, `,"nsec":`...)
	b = strconv.AppendUint(b, uint64(t.Nsec), 10)
	return append(b, '}')
}

// appendJSONXYZW appends {"x":…,"y":…,"z":…[,"w":…]} for vs (3 or 4).
func appendJSONXYZW(b []byte, vs ...float64) ([]byte, bool) {
	keys := [4]string{`{"x":`, `,"y":`, `,"z":`, `,"w":`}
	ok := true
	for i, v := range vs {
		b = append(b, keys[i]...)
		if b, ok = appendJSONFloat(b, v); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

func appendJointStateJSON(b []byte, m *channels.JointState) ([]byte, bool) {
	b = append(b, `{"header":{"stamp":{"sec":`...)
	b = strconv.AppendInt(b, int64(m.Header.Stamp.Sec), 10)
	b = append(b, `,"nanosec":`...)
	b = strconv.AppendUint(b, uint64(m.Header.Stamp.Nanosec), 10)
	b = append(b, `},"frame_id":`...)
	b = appendJSONString(b, m.Header.FrameID)
	b = append(b, `},"name":`...)
	b = appendJSONStrings(b, m.Name)
	ok := true
	for _, f := range [...]struct {
		key string
		xs  []float64
	}{{`,"position":`, m.Position}, {`,"velocity":`, m.Velocity}, {`,"effort":`, m.Effort}} {
		b = append(b, f.key...)
		if b, ok = appendJSONFloats(b, f.xs); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

func appendPoseInFrameJSON(b []byte, m *channels.PoseInFrame) ([]byte, bool) {
	b = append(b, `{"timestamp":`...)
	b = appendJSONTime(b, m.Timestamp)
	b = append(b, `,"frame_id":`...)
	b = appendJSONString(b, m.FrameID)
	b = append(b, `,"pose":{"position":`...)
	p, q := &m.Pose.Position, &m.Pose.Orientation
	ok := true
	if b, ok = appendJSONXYZW(b, p.X, p.Y, p.Z); !ok {
		return b, false
	}
	b = append(b, `,"orientation":`...)
	if b, ok = appendJSONXYZW(b, q.X, q.Y, q.Z, q.W); !ok {
		return b, false
	}
	return append(b, "}}"...), true
}

func appendFrameTransformsJSON(b []byte, m *channels.FrameTransforms) ([]byte, bool) {
	if m.Transforms == nil {
		return append(b, `{"transforms":null}`...), true
	}
	b = append(b, `{"transforms":[`...)
	ok := true
	for i := range m.Transforms {
		t := &m.Transforms[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"timestamp":`...)
		b = appendJSONTime(b, t.Timestamp)
		b = append(b, `,"parent_frame_id":`...)
		b = appendJSONString(b, t.ParentFrameID)
		b = append(b, `,"child_frame_id":`...)
		b = appendJSONString(b, t.ChildFrameID)
		b = append(b, `,"translation":`...)
		if b, ok = appendJSONXYZW(b, t.Translation.X, t.Translation.Y, t.Translation.Z); !ok {
			return b, false
		}
		b = append(b, `,"rotation":`...)
		if b, ok = appendJSONXYZW(b, t.Rotation.X, t.Rotation.Y, t.Rotation.Z, t.Rotation.W); !ok {
			return b, false
		}
		b = append(b, '}')
	}
	return append(b, "]}"...), true
}

// appendMessageJSON appends the per-cycle message v by hand; false for any
// other type or a value encoding/json would refuse.
func appendMessageJSON(b []byte, v any) ([]byte, bool) {
	switch m := v.(type) {
	case *channels.JointState:
		return appendJointStateJSON(b, m)
	case *channels.PoseInFrame:
		return appendPoseInFrameJSON(b, m)
	case *channels.FrameTransforms:
		return appendFrameTransformsJSON(b, m)
	}
	return b, false
}

// recFrame is what the recording (CSV and MCAP) needs of one cycle, copied
// off the loop's snapshot and the setpoint so that a pipeline goroutine can
// encode it while the loop runs on (recPipe).
type recFrame struct {
	now           time.Duration
	cycle         uint64
	state         control.State
	reason        control.Reason
	pos, vel, eff []float64
	q             []float64 // the setpoint's joint positions
	hasTool       bool
	tool          [3]float64
	hasPose       bool
	goal          [3]float64 // the setpoint's tool position
	// events are the run's safety events so far (appended to, never
	// changed: the pipeline reads only these).
	events []SafetyEvent
	// The loop statistics, taken every 100 cycles (when recorded).
	wakeP99Us, computeP99Us float64
	overruns                uint64
}

// fill copies s, sp (nil: none) and events into f, reusing f's storage.
func (f *recFrame) fill(s *control.Snapshot, sp *control.Setpoint, events []SafetyEvent) {
	n := len(s.Joints)
	f.now, f.cycle, f.state, f.reason = s.Now, s.Cycle, s.State, s.Reason
	f.pos, f.vel, f.eff = resize(f.pos, n), resize(f.vel, n), resize(f.eff, n)
	for i := range s.Joints {
		j := &s.Joints[i]
		f.pos[i], f.vel[i], f.eff[i] = j.Position, j.Velocity, j.Effort
	}
	f.hasTool, f.tool = s.HasTool, s.Tool
	f.q, f.hasPose = resize(f.q, n), false
	if sp != nil {
		copy(f.q, sp.Q)
		f.hasPose, f.goal = sp.HasPose, sp.Position
	}
	f.events = events
	if s.Cycle%recTimingEvery == 0 {
		f.wakeP99Us = float64(s.Timing.Wake.Quantile(0.99)) / 1e3
		f.computeP99Us = float64(s.Timing.Compute.Quantile(0.99)) / 1e3
		f.overruns = s.Timing.Overruns
	}
}

// recTimingEvery cycles a frame carries the loop's timing figures, which
// /loop_stats records at 10 Hz (1 kHz loop); the lockstep runner copies
// them from the loop only at those cycles.
const recTimingEvery = 100

func resize(xs []float64, n int) []float64 {
	if cap(xs) < n {
		return make([]float64, n)
	}
	return xs[:n]
}

// recPipe encodes the recording (CSV row and trajectory hash, MCAP
// messages) on a goroutine of its own, batch by batch, while the loop runs
// on: on two cores a recorded lockstep run costs the loop little more than
// an unrecorded one. Frames are encoded in cycle order by one goroutine, so
// the outputs are byte for byte those of encoding each cycle in line.
type recPipe struct {
	free chan *recBatch
	full chan *recBatch
	done chan struct{}
	cur  *recBatch
	// encode encodes one frame; it runs on the pipeline's goroutine.
	encode func(f *recFrame)
}

// recBatchLen frames go to the pipeline at once: one goroutine hand-off per
// recBatchLen cycles.
const recBatchLen = 256

type recBatch struct {
	frames [recBatchLen]recFrame
	n      int
}

func newRecPipe(encode func(f *recFrame)) *recPipe {
	p := &recPipe{free: make(chan *recBatch, 2), full: make(chan *recBatch, 2), done: make(chan struct{}), encode: encode}
	p.free <- new(recBatch)
	p.free <- new(recBatch)
	p.cur = <-p.free
	go func() {
		defer close(p.done)
		for b := range p.full {
			for i := range b.frames[:b.n] {
				p.encode(&b.frames[i])
			}
			b.n = 0
			p.free <- b
		}
	}()
	return p
}

// next returns the frame to fill for the next cycle.
func (p *recPipe) next() *recFrame {
	if p.cur.n == recBatchLen {
		p.full <- p.cur
		p.cur = <-p.free
	}
	p.cur.n++
	return &p.cur.frames[p.cur.n-1]
}

// close encodes the frames still queued and stops the goroutine; it is
// idempotent.
func (p *recPipe) close() {
	if p == nil || p.cur == nil {
		return
	}
	if p.cur.n > 0 {
		p.full <- p.cur
	}
	p.cur = nil
	close(p.full)
	<-p.done
}
