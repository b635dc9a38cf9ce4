package teleop

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/chiron-robotics/chiron/channels"
	"github.com/chiron-robotics/chiron/kinematics"
)

// Defaults of Options.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultTelemetryRate   = 100.0 // Hz
	DefaultPingInterval    = 5 * time.Second
	DefaultPongWait        = 15 * time.Second
	DefaultWriteWait       = 5 * time.Second
	DefaultDataQueueLen    = 256
	DefaultControlQueueLen = 64
	DefaultMaxMessageBytes = 64 << 10

	// Admission control (see Options.MaxConnections). A robot is watched
	// by one operator console and a handful of observers (a second
	// console, Foxglove Studio, the clinician's page, a recorder), so 64
	// connections in total leave ample room while bounding what the
	// publisher does per telemetry tick: it encodes each channel once but
	// queues it to every subscriber, and each connection has its own
	// writer goroutine and queues; with 6 channels at 100 Hz, 64 clients
	// are ≈ 38 000 frames/s, which a small machine sustains beside the
	// loop. Unbounded, 1000 viewer connections were accepted in under 2 s
	// and starved the loop. 16 per token lets one leaked or shared token
	// open no more than a quarter of the total; 32 per remote address
	// leaves a shared workstation (or a NAT) room for several users'
	// consoles but not for the whole server. The last 4 connections are
	// kept for roles that may operate, so a crowd of viewers cannot lock
	// out the person who must take control.
	DefaultMaxConnections         = 64
	DefaultMaxConnectionsPerToken = 16
	DefaultMaxConnectionsPerAddr  = 32
	DefaultOperatorReserve        = 4
)

// RobotConfig is one robot the server serves.
type RobotConfig struct {
	Robot Robot
	// Prefix is prepended to every channel of this robot ("/psm" →
	// "/psm/joint_states"). Empty serves the bare names; with several
	// robots, prefixes must differ.
	Prefix   string
	Operator OperatorConfig
	Haptics  HapticConfig
}

// Options configure a Server. Zero fields take the defaults above.
type Options struct {
	// Addr to listen on, host:port; port 0 picks a free port.
	Addr string
	// Name is announced in serverInfo.
	Name   string
	Robots []RobotConfig
	// Tokens authenticate clients at the upgrade. Required.
	Tokens *Tokens
	// AllowedOrigins lists browser origins ("https://console.example:8443")
	// allowed besides the server's own (the Origin whose host equals the
	// request's Host); "*" allows any. Requests without Origin come from
	// non-browser clients and are allowed: Origin only guards against other
	// web pages using a browser's credentials.
	AllowedOrigins []string
	// TLSCertFile and TLSKeyFile, both set, serve HTTPS/WSS.
	TLSCertFile, TLSKeyFile string
	// TelemetryRate (Hz) of the telemetry channels.
	TelemetryRate float64
	// Simulation declares the `time` capability and publishes the robots'
	// (virtual) snapshot time as Time messages.
	Simulation bool
	// Now is the clock of the operator semantics (heartbeat, silence,
	// latency); nil means time.Now. Network deadlines always use real time.
	Now func() time.Time
	// PingInterval between server pings; the read deadline is PongWait after
	// the last pong. WriteWait bounds each write.
	PingInterval, PongWait, WriteWait time.Duration
	// DataQueueLen is the per-client telemetry queue (oldest dropped when
	// full); ControlQueueLen the per-client queue of JSON control messages
	// (overflow disconnects the client: it would otherwise miss state).
	DataQueueLen, ControlQueueLen int
	// MaxMessageBytes is the largest client message accepted; larger ones
	// are answered with a status error (up to 16× larger are read and
	// discarded; beyond that the connection is closed).
	MaxMessageBytes int
	// MaxConnections caps the open websocket connections in total,
	// MaxConnectionsPerToken those authenticated by one token and
	// MaxConnectionsPerAddr those from one remote IP address (behind a
	// reverse proxy that is the proxy's: forwarded-for headers are not
	// trusted). Of MaxConnections, OperatorReserve are kept for roles that
	// may operate. An upgrade over a cap is refused before it becomes a
	// websocket: 503 (Service Unavailable, with Retry-After) when the
	// server is full, 429 (Too Many Requests) when the token or address has
	// its share; the body names the cap. Zero takes the default; a
	// negative value is an error (there is no "unlimited").
	MaxConnections, MaxConnectionsPerToken, MaxConnectionsPerAddr, OperatorReserve int
	// ListenConfig, if set, binds the listener (socket options such as
	// buffer sizes, which accepted connections inherit); nil uses defaults.
	ListenConfig *net.ListenConfig
	// Logger receives connection events; nil discards them.
	Logger *slog.Logger
}

// Server is the teleoperation server: a Foxglove WebSocket endpoint at /ws
// plus whatever the caller mounts with Handle. It implements http.Handler.
type Server struct {
	opts      Options
	log       *slog.Logger
	mux       *http.ServeMux
	upgrader  websocket.Upgrader
	robots    []*robotSession
	chanByID  map[uint32]chanRef
	topics    map[string]topicRef // client-published topics
	subCount  []atomic.Int32      // by channel id
	serverCap []string
	advertise []byte
	sessionID string

	mu      sync.RWMutex
	clients map[*client]struct{}

	admMu     sync.Mutex // admission counts, see admit
	admAll    int
	admPeak   int           // the most connections open at once
	refused   atomic.Uint64 // client messages refused, every connection's, closed ones too
	published atomic.Uint64 // client message data frames read, likewise
	admTok    map[[sha256.Size]byte]int
	admAddr   map[string]int
	nextID    atomic.Uint64
	running   atomic.Bool

	lnMu sync.Mutex
	ln   net.Listener
}

var _ http.Handler = (*Server)(nil)

type chanRef struct {
	robot int
	kind  channelKind
}

type topicRef struct {
	robot int
	kind  clientTopicKind
}

type robotSession struct {
	idx    int
	robot  Robot
	prefix string
	names  []string
	haptic HapticConfig
	ids    [numChannelKinds]uint32

	mu             sync.Mutex // serialises the Operator and the setpoints handed to the robot
	op             *Operator
	st             State // latest snapshot, for Accept
	reportsApplied bool

	cmdRefused atomic.Uint64 // /teleop/command messages refused (not stale drops)

	// publisher goroutine only
	pub    State
	cue    HapticCue
	joints jointStatesMsg
	pose   toolPoseMsg

	// With a kinematic chain (ChainProvider): /robot_description and /tf.
	chain       *kinematics.Chain
	links       []string // URDF link names: base, one per joint, tip
	jointIdx    []int    // chain joint i → index in names
	description []byte   // the /robot_description message, encoded once
	frames      []kinematics.Frame
	frameOK     []bool
	q           []float64
	tf          channels.FrameTransforms
	baseFrame   string // frame_id of /tool_pose

	events []string // the safety events already logged on /safety/log
}

// describe sets up /robot_description and /tf for rs from its robot's
// chain, if it has one: nil when it has none, an error naming the problem
// when the chain cannot be described.
func (rs *robotSession) describe() error {
	rs.baseFrame = "base"
	cp, ok := rs.robot.(ChainProvider)
	if !ok || cp.Chain() == nil {
		return nil
	}
	c := cp.Chain()
	idx := make([]int, len(c.Joints))
	for i, j := range c.Joints {
		idx[i] = slices.Index(rs.names, j.Name)
		if idx[i] < 0 {
			return fmt.Errorf("chain joint %q is not among the robot's joints %v", j.Name, rs.names)
		}
	}
	urdf, err := kinematics.ExportURDF(c)
	if err != nil {
		return err
	}
	if rs.description, err = json.Marshal(channels.String{Data: string(urdf)}); err != nil {
		return err
	}
	rs.chain, rs.jointIdx, rs.links = c, idx, kinematics.URDFLinkNames(c)
	rs.baseFrame = rs.links[0]
	rs.frames, rs.frameOK, rs.q = make([]kinematics.Frame, len(c.Joints)+1), make([]bool, len(c.Joints)), make([]float64, len(c.Joints))
	rs.tf.Reset()
	return nil
}

// fillTF sets rs.tf to the link transforms at st's positions; a joint whose
// position is not finite (or missing) is left out.
func (rs *robotSession) fillTF(ts int64, st *State) {
	for i, k := range rs.jointIdx {
		rs.q[i] = math.NaN()
		if k < len(st.Position) {
			rs.q[i] = st.Position[k]
		}
	}
	rs.tf.Reset()
	if kinematics.LinkTransforms(rs.chain, rs.frames, rs.frameOK, rs.q) != nil {
		return
	}
	for i := range rs.frames {
		if i < len(rs.frameOK) && !rs.frameOK[i] {
			continue
		}
		f := &rs.frames[i]
		rs.tf.Add(ts, rs.links[i], rs.links[i+1], f.P, f.Quaternion())
	}
}

// newEvents returns the events of st not logged yet (the loop reports a
// bounded window of recent events, oldest first) and remembers st's.
func (rs *robotSession) newEvents(st *State, dst []string) []string {
	for _, e := range st.SafetyEvents {
		if !slices.Contains(rs.events, e) {
			dst = append(dst, e)
		}
	}
	rs.events = append(rs.events[:0], st.SafetyEvents...)
	return dst
}

// New validates opts and returns a Server. It does not listen.
func New(opts Options) (*Server, error) {
	if opts.Tokens.Len() == 0 {
		return nil, errors.New("teleop: no tokens: every client must authenticate")
	}
	if len(opts.Robots) == 0 {
		return nil, errors.New("teleop: no robots")
	}
	if (opts.TLSCertFile == "") != (opts.TLSKeyFile == "") {
		return nil, errors.New("teleop: TLS needs both a certificate and a key file")
	}
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.Name == "" {
		opts.Name = "chiron"
	}
	if opts.TelemetryRate == 0 {
		opts.TelemetryRate = DefaultTelemetryRate
	}
	if !(opts.TelemetryRate > 0 && opts.TelemetryRate <= 10000) {
		return nil, fmt.Errorf("teleop: telemetry rate %g Hz outside (0, 10000]", opts.TelemetryRate)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	setDur := func(d *time.Duration, def time.Duration) {
		if *d <= 0 {
			*d = def
		}
	}
	setDur(&opts.PingInterval, DefaultPingInterval)
	setDur(&opts.PongWait, DefaultPongWait)
	setDur(&opts.WriteWait, DefaultWriteWait)
	if opts.PongWait <= opts.PingInterval {
		return nil, fmt.Errorf("teleop: pong wait %v must exceed ping interval %v", opts.PongWait, opts.PingInterval)
	}
	setInt := func(n *int, def int) {
		if *n <= 0 {
			*n = def
		}
	}
	setInt(&opts.DataQueueLen, DefaultDataQueueLen)
	setInt(&opts.ControlQueueLen, DefaultControlQueueLen)
	opts.ControlQueueLen = max(opts.ControlQueueLen, 4) // serverInfo and advertise must fit before the writer starts
	setInt(&opts.MaxMessageBytes, DefaultMaxMessageBytes)
	for _, c := range []struct {
		name string
		n    *int
		def  int
	}{
		{"MaxConnections", &opts.MaxConnections, DefaultMaxConnections},
		{"MaxConnectionsPerToken", &opts.MaxConnectionsPerToken, DefaultMaxConnectionsPerToken},
		{"MaxConnectionsPerAddr", &opts.MaxConnectionsPerAddr, DefaultMaxConnectionsPerAddr},
		{"OperatorReserve", &opts.OperatorReserve, DefaultOperatorReserve},
	} {
		if *c.n < 0 {
			return nil, fmt.Errorf("teleop: %s %d must not be negative", c.name, *c.n)
		}
		if *c.n == 0 {
			*c.n = c.def
		}
	}
	if opts.OperatorReserve >= opts.MaxConnections {
		return nil, fmt.Errorf("teleop: OperatorReserve %d must be below MaxConnections %d", opts.OperatorReserve, opts.MaxConnections)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}

	s := &Server{
		opts:      opts,
		log:       opts.Logger,
		mux:       http.NewServeMux(),
		chanByID:  map[uint32]chanRef{},
		topics:    map[string]topicRef{},
		clients:   map[*client]struct{}{},
		admTok:    map[[sha256.Size]byte]int{},
		admAddr:   map[string]int{},
		sessionID: strconv.FormatInt(time.Now().UnixNano(), 10),
		serverCap: []string{"clientPublish", "parameters"},
	}
	if opts.Simulation {
		s.serverCap = append(s.serverCap, "time")
	}
	s.upgrader = websocket.Upgrader{
		HandshakeTimeout: 10 * time.Second,
		WriteBufferSize:  16 << 10,
		Subprotocols:     Subprotocols,
		CheckOrigin:      func(*http.Request) bool { return true }, // checked before upgrading, with the allowlist
	}

	var adv advertiseMsg
	adv.Op = "advertise"
	nextID := uint32(1)
	for i, rc := range opts.Robots {
		if rc.Robot == nil {
			return nil, fmt.Errorf("teleop: robot %d is nil", i)
		}
		prefix := strings.TrimRight(rc.Prefix, "/")
		if prefix != "" && !strings.HasPrefix(prefix, "/") {
			prefix = "/" + prefix
		}
		op, err := NewOperator(rc.Operator)
		if err != nil {
			return nil, fmt.Errorf("teleop: robot %q: %w", rc.Robot.Name(), err)
		}
		rs := &robotSession{idx: i, robot: rc.Robot, prefix: prefix, op: op,
			names: slices.Clone(rc.Robot.JointNames()), haptic: rc.Haptics.withDefaults()}
		if rs.haptic.JointLower == nil {
			if jl, ok := rc.Robot.(JointLimiter); ok {
				rs.haptic.JointLower, rs.haptic.JointUpper = jl.JointLimits()
			}
		}
		if err := rs.describe(); err != nil {
			s.log.Warn("teleop: no /robot_description or /tf", "robot", rc.Robot.Name(), "err", err)
		}
		for k := range numChannelKinds {
			if k.needsChain() && rs.chain == nil {
				continue
			}
			topic := prefix + channelSpecs[k].Topic
			for _, c := range adv.Channels {
				if c.Topic == topic {
					return nil, fmt.Errorf("teleop: robot %q: topic %s served twice (prefixes must differ)", rc.Robot.Name(), topic)
				}
			}
			rs.ids[k] = nextID
			s.chanByID[nextID] = chanRef{robot: i, kind: k}
			adv.Channels = append(adv.Channels, advertisedChannel{
				ID: nextID, Topic: topic, Encoding: "json",
				SchemaName: channelSpecs[k].SchemaName, Schema: channelSpecs[k].Schema, SchemaEncoding: "jsonschema",
			})
			nextID++
		}
		for t, k := range map[string]clientTopicKind{TopicCommand: ctCommand, TopicControl: ctControl, TopicEStop: ctEStop} {
			s.topics[prefix+t] = topicRef{robot: i, kind: k}
		}
		s.robots = append(s.robots, rs)
	}
	s.subCount = make([]atomic.Int32, nextID)
	var err error
	if s.advertise, err = json.Marshal(adv); err != nil {
		return nil, fmt.Errorf("teleop: encode advertise: %w", err)
	}
	s.mux.HandleFunc("/ws", s.serveWS)
	return s, nil
}

// Handle mounts h at pattern (http.ServeMux syntax) beside /ws, e.g. the
// embedded console at "/" and the clinician API at "/api/v1/".
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// HandleAuthenticated mounts h at pattern behind the same check as /ws (see
// RequireToken): for data about the robots, such as the console's /model.
func (s *Server) HandleAuthenticated(pattern string, h http.Handler) {
	s.mux.Handle(pattern, s.RequireToken(h))
}

// RequireToken wraps h so that it serves only requests carrying a known
// token (`Authorization: Bearer TOKEN`, or `?token=TOKEN`) from an allowed
// Origin, as /ws requires: 401 with a WWW-Authenticate challenge for a
// missing or unknown token, 403 for another site's page. Any role may
// read.
func (s *Server) RequireToken(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := s.opts.Tokens.Lookup(requestToken(r)); !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="chiron"`)
			http.Error(w, "missing or unknown token", http.StatusUnauthorized)
			return
		}
		if !s.originAllowed(r) {
			http.Error(w, "origin not allowed", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// ServeHTTP serves /ws and everything mounted with Handle.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// WebSocketHandler returns the /ws endpoint alone, for callers that build
// their own mux. Whoever serves it must also call Run.
func (s *Server) WebSocketHandler() http.Handler { return http.HandlerFunc(s.serveWS) }

// Listen binds Options.Addr and returns the bound address (useful with
// port 0). Call Serve next.
func (s *Server) Listen() (net.Addr, error) {
	s.lnMu.Lock()
	defer s.lnMu.Unlock()
	if s.ln != nil {
		return nil, errors.New("teleop: already listening")
	}
	lc := s.opts.ListenConfig
	if lc == nil {
		lc = &net.ListenConfig{}
	}
	ln, err := lc.Listen(context.Background(), "tcp", s.opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("teleop: listen %s: %w", s.opts.Addr, err)
	}
	s.ln = ln
	return ln.Addr(), nil
}

// TLS reports whether the server serves HTTPS/WSS.
func (s *Server) TLS() bool { return s.opts.TLSCertFile != "" }

// Serve serves on the listener bound by Listen (binding it first if needed)
// and runs the telemetry publisher and operator watchdogs, until ctx is
// done. It then closes every connection — the operator in control is
// treated as disconnected, so the arm gets a hold and a protective stop —
// and returns nil.
func (s *Server) Serve(ctx context.Context) error {
	s.lnMu.Lock()
	ln := s.ln
	s.lnMu.Unlock()
	if ln == nil {
		if _, err := s.Listen(); err != nil {
			return err
		}
		s.lnMu.Lock()
		ln = s.ln
		s.lnMu.Unlock()
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelDebug)}
	if s.TLS() {
		cert, err := tls.LoadX509KeyPair(s.opts.TLSCertFile, s.opts.TLSKeyFile)
		if err != nil {
			ln.Close()
			return fmt.Errorf("teleop: load TLS key pair: %w", err)
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	}
	// Mark the supervisor running before accepting, so no upgrade sees 503.
	if !s.running.CompareAndSwap(false, true) {
		ln.Close()
		return errors.New("teleop: Run already running")
	}
	runCtx, stopRun := context.WithCancel(ctx)
	defer stopRun()
	runErr := make(chan error, 1)
	go func() { runErr <- s.run(runCtx) }()
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()

	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
		err = fmt.Errorf("teleop: serve: %w", err)
	case err = <-runErr:
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = hs.Shutdown(shutCtx) // hijacked websockets are not tracked by http.Server: closed below
	s.closeAll()
	stopRun()
	return err
}

// ListenAndServe binds, calls ready with the bound host:port (so the caller
// can print "console http://HOST:PORT/"), and serves until ctx is done. It
// prints nothing itself.
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	addr, err := s.Listen()
	if err != nil {
		return err
	}
	if ready != nil {
		ready(addr.String())
	}
	return s.Serve(ctx)
}

// Run publishes telemetry and runs the operator watchdogs (heartbeat,
// silence) until ctx is done. Serve calls it; a caller that mounts the
// Server in its own http.Server must run it, and /ws refuses connections
// (503) while it is not running, because without it nothing would notice a
// silent operator.
func (s *Server) Run(ctx context.Context) error {
	if !s.running.CompareAndSwap(false, true) {
		return errors.New("teleop: Run already running")
	}
	return s.run(ctx)
}

// run is Run once running is set; it clears it on return.
func (s *Server) run(ctx context.Context) error {
	defer s.running.Store(false)
	telem := time.NewTicker(time.Duration(float64(time.Second) / s.opts.TelemetryRate))
	defer telem.Stop()
	// The watchdogs tick at a fifth of the shortest heartbeat, so a lapsed
	// heartbeat is noticed within 20 % of it whatever the telemetry rate.
	hb := time.Duration(1<<63 - 1)
	for _, rs := range s.robots {
		hb = min(hb, rs.op.Config().Heartbeat)
	}
	watch := time.NewTicker(max(hb/5, time.Millisecond))
	defer watch.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-watch.C:
			for _, rs := range s.robots {
				s.watchdog(rs, nil)
			}
		case <-telem.C:
			for _, rs := range s.robots {
				s.publish(rs)
			}
		}
	}
}

// watchdog runs the operator's Tick and acts on it. st may be nil.
func (s *Server) watchdog(rs *robotSession, st *State) {
	now := s.opts.Now()
	rs.mu.Lock()
	hold, send, pstop := rs.op.Tick(now, st)
	if send {
		if err := rs.robot.Command(&hold); err != nil {
			s.log.Warn("teleop: hold refused", "robot", rs.robot.Name(), "reason", hold.Reason, "err", err)
		}
	}
	rs.mu.Unlock()
	if pstop != "" {
		s.protectiveStop(rs, pstop)
	}
}

func (s *Server) protectiveStop(rs *robotSession, reason string) {
	if err := rs.robot.ProtectiveStop(reason); err != nil {
		s.log.Error("teleop: protective stop failed", "robot", rs.robot.Name(), "reason", reason, "err", err)
	}
}

// publish takes a snapshot of rs, runs the watchdogs and sends every
// subscribed channel. It never blocks on a client.
func (s *Server) publish(rs *robotSession) {
	st := &rs.pub
	rs.robot.Snapshot(st)
	now := s.opts.Now()
	if st.Time.IsZero() {
		st.Time = now
	}
	rs.mu.Lock()
	copyState(&rs.st, st)
	if st.AppliedSeq != 0 {
		rs.reportsApplied = true
	}
	rs.mu.Unlock()
	s.watchdog(rs, st)
	rs.mu.Lock()
	status := rs.op.Status()
	rs.mu.Unlock()

	ts := st.Time.UnixNano()
	stamp := channels.TimeOf(ts)
	if s.opts.Simulation {
		s.broadcastTime(uint64(ts))
	}
	// Safety events are logged once each, whether anyone listens or not, so
	// that a client subscribing later gets new events only.
	var fresh [8]string
	logs := rs.newEvents(st, fresh[:0])
	if id := rs.ids[chSafetyLog]; id != 0 && s.subCount[id].Load() > 0 {
		for _, e := range logs {
			payload, err := json.Marshal(channels.Log{Timestamp: stamp, Level: channels.EventLevel(e), Message: e, Name: rs.robot.Name()})
			if err == nil {
				s.fanOut(id, uint64(ts), payload)
			}
		}
	}
	for k := range numChannelKinds {
		id := rs.ids[k]
		if id == 0 || s.subCount[id].Load() == 0 {
			continue
		}
		var v any
		switch k {
		case chJointStates:
			rs.joints.Fill(ts, rs.names, st.Position, st.Velocity, st.Effort)
			v = &rs.joints
		case chToolPose:
			if !rs.pose.Fill(ts, rs.baseFrame, st.ToolPosition, st.ToolOrientation) {
				continue // not finite: nothing is published (see channels)
			}
			v = &rs.pose
		case chTF:
			rs.fillTF(ts, st)
			v = &rs.tf
		case chRobotDescription, chSafetyLog:
			continue // sent on subscription; logged above
		case chSafety:
			ev := st.SafetyEvents
			if ev == nil {
				ev = []string{}
			}
			v = safetyMsg{Timestamp: stamp, State: st.Safety, Reason: st.SafetyReason, Events: ev}
		case chLoopStats:
			v = loopStatsMsg{Timestamp: stamp, WakeP99Us: micros(st.WakeP99), ComputeP99Us: micros(st.ComputeP99), Overruns: st.Overruns}
		case chTeleopStatus:
			v = teleopStatusMsg{Timestamp: stamp, Operator: status.Operator, Engaged: status.Engaged, Clutch: status.Clutch,
				Scale: status.Scale, LastSeqApplied: status.LastSeqApplied,
				LatencyMs: float64(status.Latency) / float64(time.Millisecond), StaleDropped: status.StaleDropped,
				Refused: rs.cmdRefused.Load()}
		case chHaptic:
			computeHaptic(&rs.haptic, rs.names, st, &rs.cue)
			rs.cue.Timestamp = stamp
			v = &rs.cue
		}
		payload, err := json.Marshal(v)
		if err != nil { // only a non-finite scalar could do this: readings are filtered above
			s.log.Warn("teleop: encode telemetry", "topic", channelSpecs[k].Topic, "err", err)
			continue
		}
		s.fanOut(id, uint64(ts), payload)
	}
}

func micros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// copyState deep-copies src into dst, reusing dst's slices.
func copyState(dst, src *State) {
	p, v, e, ev := dst.Position, dst.Velocity, dst.Effort, dst.SafetyEvents
	*dst = *src
	dst.Position = append(p[:0], src.Position...)
	dst.Velocity = append(v[:0], src.Velocity...)
	dst.Effort = append(e[:0], src.Effort...)
	dst.SafetyEvents = append(ev[:0], src.SafetyEvents...)
}

func (s *Server) fanOut(chanID uint32, ts uint64, payload []byte) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for c := range s.clients {
		if sub, ok := c.subscription(chanID); ok {
			c.data.push(dataItem{sub: sub, ts: ts, payload: payload})
		}
	}
}

func (s *Server) broadcastTime(ts uint64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for c := range s.clients {
		c.data.push(dataItem{isTime: true, ts: ts})
	}
}

// ClientStats describes one connection, for /api/v1 or logs.
type ClientStats struct {
	ID            uint64
	Name          string // role#id, as shown in /teleop/status
	Role          Role
	Remote        string
	Subprotocol   string
	Subscriptions int
	Dropped       uint64 // telemetry messages dropped because the client was slow
	Queued        int    // telemetry messages waiting
	Refused       uint64 // client messages refused with a status error
}

// Totals are counts over the server's life, closed connections included.
type Totals struct {
	// PeakConnections is the most connections open at once (what
	// Options.MaxConnections caps).
	PeakConnections int
	// Refused counts client messages refused with a status error.
	Refused uint64
	// Published counts the message data frames (a client's publications
	// on its advertised channels: commands, control, e-stop) the server
	// read. A frame a client wrote before the server closed its connection
	// may never be read.
	Published uint64
}

// Totals returns the server's counts so far. Unlike Clients, they keep
// what a connection did after it closed: a client that floods commands and
// is disconnected for overflowing its control queue still counts.
func (s *Server) Totals() Totals {
	s.admMu.Lock()
	peak := s.admPeak
	s.admMu.Unlock()
	return Totals{PeakConnections: peak, Refused: s.refused.Load(), Published: s.published.Load()}
}

// Clients returns a snapshot of every connection.
func (s *Server) Clients() []ClientStats {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]ClientStats, 0, len(s.clients))
	for c := range s.clients {
		c.subMu.Lock()
		nsub := len(c.subs)
		c.subMu.Unlock()
		dropped, queued := c.data.stats()
		out = append(out, ClientStats{ID: c.id, Name: c.name, Role: c.role, Remote: c.remote,
			Subprotocol: c.ws.Subprotocol(), Subscriptions: nsub, Dropped: dropped, Queued: queued, Refused: c.refused.Load()})
	}
	slices.SortFunc(out, func(a, b ClientStats) int { return int(a.ID) - int(b.ID) })
	return out
}

func (s *Server) closeAll() {
	s.mu.RLock()
	cs := make([]*client, 0, len(s.clients))
	for c := range s.clients {
		cs = append(cs, c)
	}
	s.mu.RUnlock()
	for _, c := range cs {
		c.close("server shutting down")
	}
}

// originAllowed implements the Origin allowlist (see Options.AllowedOrigins).
func (s *Server) originAllowed(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	for _, o := range s.opts.AllowedOrigins {
		if o == "*" || strings.EqualFold(strings.TrimRight(o, "/"), origin) {
			return true
		}
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	if !s.running.Load() {
		http.Error(w, "teleop: telemetry supervisor not running", http.StatusServiceUnavailable)
		return
	}
	role, ok := s.opts.Tokens.Lookup(requestToken(r))
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="chiron"`)
		http.Error(w, "missing or unknown token", http.StatusUnauthorized)
		return
	}
	if !s.originAllowed(r) {
		http.Error(w, "origin not allowed", http.StatusForbidden)
		return
	}
	if !websocket.IsWebSocketUpgrade(r) {
		http.Error(w, "websocket upgrade required", http.StatusBadRequest)
		return
	}
	offered := websocket.Subprotocols(r)
	if !slices.ContainsFunc(Subprotocols, func(p string) bool { return slices.Contains(offered, p) }) {
		http.Error(w, "subprotocol must be one of "+strings.Join(Subprotocols, ", "), http.StatusBadRequest)
		return
	}
	adm, code, why := s.admit(requestToken(r), r.RemoteAddr, role)
	if code != 0 {
		if code == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "5")
		}
		s.log.Warn("teleop: connection refused", "remote", r.RemoteAddr, "role", role, "cap", why)
		http.Error(w, why, code)
		return
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.release(adm)
		return // the upgrader has replied
	}
	c := s.newClient(ws, role, r.RemoteAddr)
	c.adm = adm
	s.log.Info("teleop: client connected", "client", c.name, "remote", c.remote, "subprotocol", ws.Subprotocol())

	names := make([]string, len(s.robots))
	prefixes := make([]string, len(s.robots))
	for i, rs := range s.robots {
		names[i], prefixes[i] = rs.robot.Name(), rs.prefix
	}
	info, _ := json.Marshal(serverInfoMsg{ // strings only: cannot fail
		Op: "serverInfo", Name: s.opts.Name, Capabilities: s.serverCap, SupportedEncodings: []string{"json"},
		Metadata: map[string]string{
			"robots": strings.Join(names, ","), "prefixes": strings.Join(prefixes, ","),
			"client": c.name, "role": string(role),
		},
		SessionID: s.sessionID,
	})
	c.sendCtrl(info)
	c.sendCtrl(s.advertise)

	s.mu.Lock()
	s.clients[c] = struct{}{}
	s.mu.Unlock()
	go c.writeLoop()
	c.readLoop()
	s.dropClient(c)
}

// admission is what one connection counts against the caps.
type admission struct {
	tok  [sha256.Size]byte
	addr string
}

// admit counts a connection with token from remote against the caps of
// Options.MaxConnections. It returns a non-zero HTTP status and a message
// naming the cap when the connection is refused; otherwise the caller
// must release the admission when the connection ends. Tokens are counted
// by digest, as Tokens stores them.
func (s *Server) admit(token, remote string, role Role) (admission, int, string) {
	a := admission{tok: sha256.Sum256([]byte(token)), addr: remote}
	if host, _, err := net.SplitHostPort(remote); err == nil {
		a.addr = host
	}
	o := &s.opts
	total := o.MaxConnections
	if !role.CanOperate() {
		total -= o.OperatorReserve
	}
	s.admMu.Lock()
	defer s.admMu.Unlock()
	switch {
	case s.admAll >= total:
		if total < o.MaxConnections {
			return a, http.StatusServiceUnavailable, fmt.Sprintf("teleop: server full: %d connections open, the cap for role %s "+
				"(MaxConnections %d less OperatorReserve %d kept for operators)", s.admAll, role, o.MaxConnections, o.OperatorReserve)
		}
		return a, http.StatusServiceUnavailable, fmt.Sprintf("teleop: server full: %d connections open (cap MaxConnections %d)", s.admAll, o.MaxConnections)
	case s.admTok[a.tok] >= o.MaxConnectionsPerToken:
		return a, http.StatusTooManyRequests, fmt.Sprintf("teleop: too many connections with this token: %d open (cap MaxConnectionsPerToken %d)",
			s.admTok[a.tok], o.MaxConnectionsPerToken)
	case s.admAddr[a.addr] >= o.MaxConnectionsPerAddr:
		return a, http.StatusTooManyRequests, fmt.Sprintf("teleop: too many connections from %s: %d open (cap MaxConnectionsPerAddr %d)",
			a.addr, s.admAddr[a.addr], o.MaxConnectionsPerAddr)
	}
	s.admAll++
	s.admPeak = max(s.admPeak, s.admAll)
	s.admTok[a.tok]++
	s.admAddr[a.addr]++
	return a, 0, ""
}

func (s *Server) release(a admission) {
	s.admMu.Lock()
	defer s.admMu.Unlock()
	s.admAll--
	if s.admTok[a.tok]--; s.admTok[a.tok] <= 0 {
		delete(s.admTok, a.tok)
	}
	if s.admAddr[a.addr]--; s.admAddr[a.addr] <= 0 {
		delete(s.admAddr, a.addr)
	}
}

// dropClient forgets c; if c held control of a robot, that robot gets a
// hold and a protective stop.
func (s *Server) dropClient(c *client) {
	c.close("")
	s.mu.Lock()
	delete(s.clients, c)
	s.mu.Unlock()
	s.release(c.adm)
	c.subMu.Lock()
	for ch := range c.subs {
		s.subCount[ch].Add(-1)
	}
	clear(c.subs)
	clear(c.subByID)
	c.subMu.Unlock()
	for _, rs := range s.robots {
		rs.mu.Lock()
		hold, was := rs.op.Disconnect(c.name)
		if was {
			if err := rs.robot.Command(&hold); err != nil {
				s.log.Warn("teleop: hold refused", "robot", rs.robot.Name(), "err", err)
			}
		}
		rs.mu.Unlock()
		if was {
			s.protectiveStop(rs, fmt.Sprintf("operator %s disconnected", c.name))
		}
	}
	s.log.Info("teleop: client disconnected", "client", c.name, "reason", c.closeReason())
}
