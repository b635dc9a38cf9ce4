package teleop

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"

	"github.com/gorilla/websocket"
)

// Subprotocols the server accepts, in order of preference. foxglove.sdk.v1
// is the name newer Foxglove SDK clients offer for the same wire format.
var Subprotocols = []string{"foxglove.websocket.v1", "foxglove.sdk.v1"}

// Binary opcodes of the Foxglove WebSocket protocol v1.
const (
	opMessageData       = 0x01 // server → client: sub id u32, ts u64, payload
	opTime              = 0x02 // server → client: ts u64
	opClientMessageData = 0x01 // client → server: channel id u32, payload
)

// Status levels of the `status` op.
const (
	statusInfo    = 0
	statusWarning = 1
	statusError   = 2
)

// --- server → client JSON ---------------------------------------------------

type serverInfoMsg struct {
	Op                 string            `json:"op"`
	Name               string            `json:"name"`
	Capabilities       []string          `json:"capabilities"`
	SupportedEncodings []string          `json:"supportedEncodings"`
	Metadata           map[string]string `json:"metadata,omitempty"`
	SessionID          string            `json:"sessionId,omitempty"`
}

type advertisedChannel struct {
	ID             uint32 `json:"id"`
	Topic          string `json:"topic"`
	Encoding       string `json:"encoding"`
	SchemaName     string `json:"schemaName"`
	Schema         string `json:"schema"`
	SchemaEncoding string `json:"schemaEncoding,omitempty"`
}

type advertiseMsg struct {
	Op       string              `json:"op"`
	Channels []advertisedChannel `json:"channels"`
}

type statusMsg struct {
	Op      string `json:"op"`
	Level   int    `json:"level"`
	Message string `json:"message"`
}

func encodeStatus(level int, msg string) []byte {
	b, _ := json.Marshal(statusMsg{Op: "status", Level: level, Message: msg}) // cannot fail: strings and ints
	return b
}

// appendMessageDataHeader appends the 13-byte header of a server Message Data
// frame (opcode, subscription id, receive timestamp in ns, little-endian).
func appendMessageDataHeader(dst []byte, sub uint32, tsNs uint64) []byte {
	dst = append(dst, opMessageData)
	dst = binary.LittleEndian.AppendUint32(dst, sub)
	return binary.LittleEndian.AppendUint64(dst, tsNs)
}

// AppendClientMessageData appends a Client Message Data frame: what a
// client publishing on a channel it advertised sends (opcode 0x01, the
// client channel id, then the payload; little-endian).
func AppendClientMessageData(dst []byte, channel uint32, payload []byte) []byte {
	dst = append(dst, opClientMessageData)
	dst = binary.LittleEndian.AppendUint32(dst, channel)
	return append(dst, payload...)
}

// ParseMessageData splits a server Message Data frame into its
// subscription id, receive timestamp (ns) and payload; ok is false for any
// other binary message (a Time frame, a short read).
func ParseMessageData(b []byte) (sub uint32, tsNs uint64, payload []byte, ok bool) {
	if len(b) < 13 || b[0] != opMessageData {
		return 0, 0, nil, false
	}
	return binary.LittleEndian.Uint32(b[1:]), binary.LittleEndian.Uint64(b[5:]), b[13:], true
}

// appendTime appends a server Time frame.
func appendTime(dst []byte, tsNs uint64) []byte {
	dst = append(dst, opTime)
	return binary.LittleEndian.AppendUint64(dst, tsNs)
}

// --- client → server ----------------------------------------------------------

// clientMsgKind names the client messages the server understands.
type clientMsgKind int

const (
	kindSubscribe clientMsgKind = iota + 1
	kindUnsubscribe
	kindAdvertise
	kindUnadvertise
	kindMessageData
	kindGetParameters
	kindSetParameters
)

type subscription struct {
	ID        uint32 `json:"id"`
	ChannelID uint32 `json:"channelId"`
}

type clientChannel struct {
	ID             uint32 `json:"id"`
	Topic          string `json:"topic"`
	Encoding       string `json:"encoding"`
	SchemaName     string `json:"schemaName"`
	Schema         string `json:"schema,omitempty"`
	SchemaEncoding string `json:"schemaEncoding,omitempty"`
}

// clientMsg is one decoded client message; which fields are set depends on
// Kind.
type clientMsg struct {
	Kind          clientMsgKind
	Subscriptions []subscription  // kindSubscribe
	IDs           []uint32        // kindUnsubscribe (subscription ids), kindUnadvertise (channel ids)
	Channels      []clientChannel // kindAdvertise
	ChannelID     uint32          // kindMessageData
	Payload       []byte          // kindMessageData; aliases the input
	Names         []string        // kindGetParameters (empty: all)
	Params        []paramValue    // kindSetParameters
	RequestID     string          // kindGetParameters, kindSetParameters ("" when the client gave none)
}

// ProtocolError is a client message the server could not accept. Its text is
// what the client is told in a `status` error, so it names the problem.
type ProtocolError struct{ Msg string }

func (e *ProtocolError) Error() string { return e.Msg }

func protoErr(format string, a ...any) error { return &ProtocolError{Msg: fmt.Sprintf(format, a...)} }

// decodeClientMessage decodes one websocket message from a client. It never
// panics; every refusal is a *ProtocolError whose text names what was wrong.
func decodeClientMessage(messageType int, data []byte) (clientMsg, error) {
	switch messageType {
	case websocket.BinaryMessage:
		return decodeClientBinary(data)
	case websocket.TextMessage:
		return decodeClientText(data)
	}
	return clientMsg{}, protoErr("unsupported websocket message type %d", messageType)
}

func decodeClientBinary(data []byte) (clientMsg, error) {
	if len(data) == 0 {
		return clientMsg{}, protoErr("empty binary message")
	}
	switch data[0] {
	case opClientMessageData:
		if len(data) < 5 {
			return clientMsg{}, protoErr("client message data: %d bytes, need at least 5 (opcode + channel id)", len(data))
		}
		return clientMsg{
			Kind:      kindMessageData,
			ChannelID: binary.LittleEndian.Uint32(data[1:5]),
			Payload:   data[5:],
		}, nil
	case 0x02:
		return clientMsg{}, protoErr("binary opcode 0x02 (service call request): services are not supported")
	}
	return clientMsg{}, protoErr("unknown binary opcode 0x%02x", data[0])
}

func decodeClientText(data []byte) (clientMsg, error) {
	var head struct {
		Op *string `json:"op"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return clientMsg{}, protoErr("bad JSON: %s", jsonErrText(err))
	}
	if head.Op == nil {
		return clientMsg{}, protoErr(`JSON message has no "op" field`)
	}
	switch op := *head.Op; op {
	case "subscribe":
		var m struct {
			Subscriptions *[]subscription `json:"subscriptions"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return clientMsg{}, protoErr("subscribe: %s", jsonErrText(err))
		}
		if m.Subscriptions == nil {
			return clientMsg{}, protoErr(`subscribe: missing "subscriptions"`)
		}
		return clientMsg{Kind: kindSubscribe, Subscriptions: *m.Subscriptions}, nil
	case "unsubscribe":
		var m struct {
			IDs *[]uint32 `json:"subscriptionIds"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return clientMsg{}, protoErr("unsubscribe: %s", jsonErrText(err))
		}
		if m.IDs == nil {
			return clientMsg{}, protoErr(`unsubscribe: missing "subscriptionIds"`)
		}
		return clientMsg{Kind: kindUnsubscribe, IDs: *m.IDs}, nil
	case "advertise":
		var m struct {
			Channels *[]clientChannel `json:"channels"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return clientMsg{}, protoErr("advertise: %s", jsonErrText(err))
		}
		if m.Channels == nil {
			return clientMsg{}, protoErr(`advertise: missing "channels"`)
		}
		return clientMsg{Kind: kindAdvertise, Channels: *m.Channels}, nil
	case "unadvertise":
		var m struct {
			IDs *[]uint32 `json:"channelIds"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return clientMsg{}, protoErr("unadvertise: %s", jsonErrText(err))
		}
		if m.IDs == nil {
			return clientMsg{}, protoErr(`unadvertise: missing "channelIds"`)
		}
		return clientMsg{Kind: kindUnadvertise, IDs: *m.IDs}, nil
	case "getParameters":
		var m struct {
			Names *[]string `json:"parameterNames"`
			ID    string    `json:"id"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return clientMsg{}, protoErr("getParameters: %s", jsonErrText(err))
		}
		if m.Names == nil {
			return clientMsg{}, protoErr(`getParameters: missing "parameterNames"`)
		}
		return clientMsg{Kind: kindGetParameters, Names: *m.Names, RequestID: m.ID}, nil
	case "setParameters":
		var m struct {
			Params *[]paramValue `json:"parameters"`
			ID     string        `json:"id"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return clientMsg{}, protoErr("setParameters: %s", jsonErrText(err))
		}
		if m.Params == nil {
			return clientMsg{}, protoErr(`setParameters: missing "parameters"`)
		}
		return clientMsg{Kind: kindSetParameters, Params: *m.Params, RequestID: m.ID}, nil
	case "subscribeParameterUpdates", "unsubscribeParameterUpdates",
		"subscribeConnectionGraph", "unsubscribeConnectionGraph", "fetchAsset":
		return clientMsg{}, protoErr("op %q needs a capability this server does not declare", op)
	default:
		return clientMsg{}, protoErr("unknown op %q", truncate(op, 64))
	}
}

// jsonErrText makes encoding/json's errors readable for a status message:
// type errors name the field and the expected type.
func jsonErrText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q: got JSON %s, want %s", te.Field, te.Value, te.Type)
		}
		return fmt.Sprintf("got JSON %s, want %s", te.Value, te.Type)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// --- teleop payloads ------------------------------------------------------------

// CommandMsg is a message on /teleop/command: the operator's master motion.
// Linear is in m/s and Angular in rad/s, both expressed in Frame; they are
// the master's velocities before motion scaling.
type CommandMsg struct {
	Seq     uint64
	Deadman bool
	Clutch  bool
	Frame   Frame
	Linear  [3]float64
	Angular [3]float64
	Gripper float64
}

// Frame is the frame a command's velocities are expressed in.
type Frame uint8

// Frames of a command.
const (
	FrameBase Frame = iota // the robot base frame
	FrameTool              // the tool frame latched at engage (see Operator)
)

func (f Frame) String() string {
	if f == FrameTool {
		return "tool"
	}
	return "base"
}

// decodeStrict decodes one JSON object into v, refusing unknown fields and
// trailing data: on a channel that moves an arm a misspelt field must be an
// error, not a silently missing value. v points to a struct whose json tags
// name every accepted key; keys are checked first by checkKeys, because
// encoding/json matches keys case-insensitively (with Unicode folding:
// "ſeq" is "seq" to it) and keeps the last of duplicate keys, so
// {"deadman":true,"Deadman":false} would decode as deadman false with no
// error — what a client meant and what the server understood would differ.
func decodeStrict(data []byte, v any) error {
	if err := checkKeys(data, jsonKeys(v)); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errors.New(jsonErrText(err))
	}
	if dec.More() {
		return errors.New("trailing data after the JSON object")
	}
	return nil
}

// jsonKeys returns the json tag names of the struct v points to.
func jsonKeys(v any) []string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// checkKeys walks the top-level JSON object of data token by token and
// refuses a key that is not exactly one of keys (naming the accepted key a
// case variant stands for) and a key given twice. Nested values are skipped:
// the payloads here nest only arrays of numbers, which the decoder checks.
// Syntax errors are left to the decoder, which reports them with an offset.
func checkKeys(data []byte, keys []string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil // not an object: the decoder says what is wrong
	}
	seen := make(map[string]bool, len(keys))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		k, ok := tok.(string)
		if !ok {
			return nil
		}
		switch {
		case seen[k]:
			return fmt.Errorf("duplicate field %q", truncate(k, 32))
		case !containsExact(keys, k):
			for _, want := range keys {
				if strings.EqualFold(k, want) {
					return fmt.Errorf("field %q: keys are case-sensitive, want %q", truncate(k, 32), want)
				}
			}
			return fmt.Errorf("unknown field %q", truncate(k, 32))
		}
		seen[k] = true
		if err := skipValue(dec); err != nil {
			return nil
		}
	}
	return nil
}

func containsExact(keys []string, k string) bool {
	for _, s := range keys {
		if s == k {
			return true
		}
	}
	return false
}

// skipValue consumes one JSON value (scalar, array or object) from dec.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// maxMasterRate bounds every number of a command (m/s, rad/s): no hand
// moves a master at 100 m/s, so a larger value is a broken client.
const maxMasterRate = 100.0

// DecodeCommand decodes a /teleop/command payload. seq and deadman are
// required; frame defaults to "base"; missing vectors are zero.
func DecodeCommand(data []byte) (CommandMsg, error) {
	var m struct {
		Seq     *uint64    `json:"seq"`
		Deadman *bool      `json:"deadman"`
		Clutch  bool       `json:"clutch"`
		Frame   *string    `json:"frame"`
		Linear  *[]float64 `json:"linear"`
		Angular *[]float64 `json:"angular"`
		Gripper float64    `json:"gripper"`
	}
	if err := decodeStrict(data, &m); err != nil {
		return CommandMsg{}, protoErr("/teleop/command: %v", err)
	}
	if m.Seq == nil {
		return CommandMsg{}, protoErr(`/teleop/command: missing "seq"`)
	}
	if m.Deadman == nil {
		return CommandMsg{}, protoErr(`/teleop/command: missing "deadman"`)
	}
	c := CommandMsg{Seq: *m.Seq, Deadman: *m.Deadman, Clutch: m.Clutch, Gripper: m.Gripper}
	if m.Frame != nil {
		switch *m.Frame {
		case "base":
			c.Frame = FrameBase
		case "tool":
			c.Frame = FrameTool
		default:
			return CommandMsg{}, protoErr(`/teleop/command: field "frame": %q, want "tool" or "base"`, truncate(*m.Frame, 32))
		}
	}
	for _, v := range []struct {
		name string
		src  *[]float64
		dst  *[3]float64
	}{{"linear", m.Linear, &c.Linear}, {"angular", m.Angular, &c.Angular}} {
		if v.src == nil {
			continue
		}
		if len(*v.src) != 3 {
			return CommandMsg{}, protoErr("/teleop/command: field %q: %d values, want 3", v.name, len(*v.src))
		}
		for i, x := range *v.src {
			// JSON cannot carry NaN or ±Inf; this bound keeps absurd values
			// (1e300) from overflowing the scaling and filter.
			if !(math.Abs(x) <= maxMasterRate) {
				return CommandMsg{}, protoErr("/teleop/command: field %q[%d]: %g is outside ±%g", v.name, i, x, maxMasterRate)
			}
			v.dst[i] = x
		}
	}
	if !(math.Abs(c.Gripper) <= maxMasterRate) {
		return CommandMsg{}, protoErr("/teleop/command: field \"gripper\": %g is outside ±%g", c.Gripper, maxMasterRate)
	}
	return c, nil
}

// ControlMsg is a message on /teleop/control.
type ControlMsg struct {
	// Action is "take", "release" or "scale", or "reset" or "enable": the
	// operator in control asks the robot's safety supervisor to leave a
	// fault for disabled, or to enable the drives (see Enabler).
	Action string
	Scale  float64 // for "scale": the new motion scale (clamped)
}

// DecodeControl decodes a /teleop/control payload.
func DecodeControl(data []byte) (ControlMsg, error) {
	var m struct {
		Action *string  `json:"action"`
		Scale  *float64 `json:"scale"`
	}
	if err := decodeStrict(data, &m); err != nil {
		return ControlMsg{}, protoErr("/teleop/control: %v", err)
	}
	if m.Action == nil {
		return ControlMsg{}, protoErr(`/teleop/control: missing "action"`)
	}
	switch a := strings.TrimSpace(*m.Action); a {
	case "take", "release", "reset", "enable":
		return ControlMsg{Action: a}, nil
	case "scale":
		if m.Scale == nil {
			return ControlMsg{}, protoErr(`/teleop/control: action "scale" needs "scale"`)
		}
		return ControlMsg{Action: a, Scale: *m.Scale}, nil
	default:
		return ControlMsg{}, protoErr(`/teleop/control: field "action": %q, want "take", "release", "scale", "reset" or "enable"`, truncate(a, 32))
	}
}

// DecodeEStop decodes a /teleop/estop payload and returns whether to engage.
func DecodeEStop(data []byte) (engage bool, err error) {
	var m struct {
		Engage *bool `json:"engage"`
	}
	if err := decodeStrict(data, &m); err != nil {
		return false, protoErr("/teleop/estop: %v", err)
	}
	if m.Engage == nil {
		return false, protoErr(`/teleop/estop: missing "engage"`)
	}
	return *m.Engage, nil
}
