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

func (c *csvWriter) row(s *control.Snapshot, sp *control.Setpoint, cart bool) {
	b := strconv.AppendFloat(c.buf[:0], s.Now.Seconds(), 'f', 6, 64)
	b = append(b, ',')
	b = append(b, s.State.String()...)
	for i := range s.Joints {
		b = append(b, ',')
		b = appendNum(b, s.Joints[i].Position)
	}
	for i := range s.Joints {
		b = append(b, ',')
		if !cart {
			b = appendNum(b, sp.Q[i])
		}
	}
	for i := range s.Joints {
		b = append(b, ',')
		b = appendNum(b, s.Joints[i].Effort)
	}
	for a := range 3 {
		b = append(b, ',')
		if s.HasTool {
			b = appendNum(b, s.Tool[a])
		}
	}
	for a := range 3 {
		b = append(b, ',')
		if sp.HasPose {
			b = appendNum(b, sp.Position[a])
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
// /robot_description (the chain as URDF), then every cycle /joint_states,
// /tool_pose and /tf (a transform per link), /safety on every state change
// and at 10 Hz, each safety event once on /safety/log, /loop_stats at 10
// Hz. Log and publish times are the start epoch plus the loop's clock
// (virtual in lockstep), so a lockstep recording with a given epoch is
// bit-identical across runs.
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
	state  control.State
	first  bool
	evN    int
	logged int // events logged on /safety/log
	err    error
}

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
	w, err := mcap.NewWriter(f, &mcap.WriterOptions{Chunked: true, ChunkSize: 1 << 20,
		Compression: mcap.CompressionZSTD, IncludeCRC: true})
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
	m.buf.Reset()
	if err := json.NewEncoder(&m.buf).Encode(v); err != nil {
		m.err = err
		return
	}
	data := bytes.TrimRight(m.buf.Bytes(), "\n")
	m.seq[ch-1]++
	m.err = m.w.WriteMessage(&mcap.Message{ChannelID: ch, Sequence: m.seq[ch-1], LogTime: uint64(t), PublishTime: uint64(t), Data: data})
}

func (m *mcapRecorder) cycle(s *control.Snapshot, events []SafetyEvent) {
	t := m.epoch + int64(s.Now)
	stamp := channels.TimeOf(t)
	n := len(s.Joints)
	for i, j := range s.Joints {
		m.pos[i], m.vel[i], m.eff[i] = j.Position, j.Velocity, j.Effort
	}
	m.js.Fill(t, m.names, m.pos[:n], m.vel[:n], m.eff[:n])
	m.put(chJointStates, t, &m.js)
	if n == m.chain.DoF() {
		m.fk.FK(&m.frame, m.pos)
		if m.pose.Fill(t, m.links[0], m.frame.P, m.frame.Quaternion()) {
			m.put(chToolPose, t, &m.pose)
		}
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
	for _, e := range events[min(m.logged, len(events)):] {
		m.put(chSafetyLog, t, channels.Log{Timestamp: channels.TimeOf(m.epoch + int64(math.Round(e.Time*1e9))),
			Level: channels.EventLevel(e.Text), Message: e.Text, Name: m.chain.Name})
	}
	m.logged = len(events)
	cycle := s.Cycle
	if m.first || s.State != m.state || len(events) != m.evN || cycle%100 == 0 {
		m.first, m.state, m.evN = false, s.State, len(events)
		ev := make([]string, 0, 16)
		for _, e := range events[max(0, len(events)-16):] {
			ev = append(ev, e.Text)
		}
		m.put(chSafety, t, channels.Safety{Timestamp: stamp, State: s.State.String(), Reason: s.Reason.String(), Events: ev})
	}
	if cycle%100 == 0 {
		m.put(chLoopStats, t, channels.LoopStats{Timestamp: stamp, WakeP99Us: float64(s.Timing.Wake.Quantile(0.99)) / 1e3,
			ComputeP99Us: float64(s.Timing.Compute.Quantile(0.99)) / 1e3, Overruns: s.Timing.Overruns})
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
