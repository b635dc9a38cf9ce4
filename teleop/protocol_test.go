package teleop

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

func TestDecodeClientMessage(t *testing.T) {
	bin := func(b ...byte) []byte { return b }
	for _, tc := range []struct {
		name string
		mt   int
		in   []byte
		want clientMsgKind
		err  string
	}{
		{"subscribe", websocket.TextMessage, []byte(`{"op":"subscribe","subscriptions":[{"id":0,"channelId":3}]}`), kindSubscribe, ""},
		{"unsubscribe", websocket.TextMessage, []byte(`{"op":"unsubscribe","subscriptionIds":[0,1]}`), kindUnsubscribe, ""},
		{"advertise", websocket.TextMessage, []byte(`{"op":"advertise","channels":[{"id":1,"topic":"/teleop/command","encoding":"json","schemaName":"x"}]}`), kindAdvertise, ""},
		{"unadvertise", websocket.TextMessage, []byte(`{"op":"unadvertise","channelIds":[1]}`), kindUnadvertise, ""},
		{"message data", websocket.BinaryMessage, bin(1, 7, 0, 0, 0, '{', '}'), kindMessageData, ""},
		{"bad JSON", websocket.TextMessage, []byte(`{"op":`), 0, "bad JSON"},
		{"not an object", websocket.TextMessage, []byte(`[1]`), 0, "bad JSON"},
		{"no op", websocket.TextMessage, []byte(`{"x":1}`), 0, `no "op"`},
		{"op not a string", websocket.TextMessage, []byte(`{"op":5}`), 0, `field "op"`},
		{"unknown op", websocket.TextMessage, []byte(`{"op":"dance"}`), 0, `unknown op "dance"`},
		{"undeclared capability", websocket.TextMessage, []byte(`{"op":"subscribeParameterUpdates","parameterNames":[]}`), 0, "capability"},
		{"getParameters without names", websocket.TextMessage, []byte(`{"op":"getParameters"}`), 0, `missing "parameterNames"`},
		{"setParameters without parameters", websocket.TextMessage, []byte(`{"op":"setParameters","id":"x"}`), 0, `missing "parameters"`},
		{"wrong field type", websocket.TextMessage, []byte(`{"op":"subscribe","subscriptions":[{"id":"a","channelId":1}]}`), 0, `field "subscriptions.id"`},
		{"negative id", websocket.TextMessage, []byte(`{"op":"subscribe","subscriptions":[{"id":-1,"channelId":1}]}`), 0, "uint32"},
		{"missing subscriptions", websocket.TextMessage, []byte(`{"op":"subscribe"}`), 0, `missing "subscriptions"`},
		{"missing ids", websocket.TextMessage, []byte(`{"op":"unsubscribe"}`), 0, `missing "subscriptionIds"`},
		{"empty binary", websocket.BinaryMessage, nil, 0, "empty binary"},
		{"short binary", websocket.BinaryMessage, bin(1, 0, 0), 0, "need at least 5"},
		{"unknown opcode", websocket.BinaryMessage, bin(9, 0, 0, 0, 0), 0, "unknown binary opcode 0x09"},
		{"service call", websocket.BinaryMessage, bin(2, 0, 0, 0, 0), 0, "services are not supported"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := decodeClientMessage(tc.mt, tc.in)
			if tc.err != "" {
				var pe *ProtocolError
				if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want a ProtocolError containing %q", err, tc.err)
				}
				return
			}
			if err != nil || m.Kind != tc.want {
				t.Fatalf("kind %v err %v, want %v", m.Kind, err, tc.want)
			}
		})
	}
	m, _ := decodeClientMessage(websocket.BinaryMessage, []byte{1, 0x78, 0x56, 0x34, 0x12, 'h', 'i'})
	if m.ChannelID != 0x12345678 || string(m.Payload) != "hi" {
		t.Errorf("message data: channel %#x payload %q", m.ChannelID, m.Payload)
	}
}

func TestDecodeCommand(t *testing.T) {
	c, err := DecodeCommand([]byte(`{"seq":3,"deadman":true,"clutch":false,"frame":"tool","linear":[0.1,0,-0.2],"angular":[0,0,1],"gripper":0.5}`))
	if err != nil {
		t.Fatal(err)
	}
	want := CommandMsg{Seq: 3, Deadman: true, Frame: FrameTool, Linear: [3]float64{0.1, 0, -0.2}, Angular: [3]float64{0, 0, 1}, Gripper: 0.5}
	if c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
	for _, tc := range []struct{ in, err string }{
		{`{"deadman":true}`, `missing "seq"`},
		{`{"seq":1}`, `missing "deadman"`},
		{`{"seq":1,"deadman":"yes"}`, `field "deadman"`},
		{`{"seq":-1,"deadman":true}`, `field "seq"`},
		{`{"seq":1,"deadman":true,"frame":"camera"}`, `"camera"`},
		{`{"seq":1,"deadman":true,"linear":[1,2]}`, `"linear": 2 values`},
		{`{"seq":1,"deadman":true,"angular":[1,2,1e9]}`, `"angular"[2]`},
		{`{"seq":1,"deadman":true,"deadmn":true}`, `unknown field "deadmn"`},
		{`{"seq":1,"deadman":true} {}`, "trailing data"},
		{`{"seq":1,"deadman":true,"linear":[1,2,1e999]}`, `field "linear"`},
		// Duplicate and case-variant keys: encoding/json alone would take
		// the last of them (deadman false) and say nothing.
		{`{"seq":1,"deadman":true,"Deadman":false}`, `field "Deadman": keys are case-sensitive, want "deadman"`},
		{`{"seq":1,"deadman":true,"deadman":false}`, `duplicate field "deadman"`},
		{`{"seq":1,"Seq":2,"deadman":true}`, `field "Seq"`},
		{`{"ſeq":1,"deadman":true}`, `field "ſeq": keys are case-sensitive, want "seq"`},
		{`{"seq":1,"deadman":true,"linear":[0,0,0],"linear":[1,0,0]}`, `duplicate field "linear"`},
		{`{"seq":1,"deadman":true,"LINEAR":[1,0,0]}`, `field "LINEAR"`},
		{`{"seq":1,"deadman":true,"extra":{"deadman":false}}`, `unknown field "extra"`},
	} {
		if _, err := DecodeCommand([]byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("DecodeCommand(%s): %v, want error containing %q", tc.in, err, tc.err)
		}
	}
}

func TestDecodeControlAndEStop(t *testing.T) {
	if c, err := DecodeControl([]byte(`{"action":"take"}`)); err != nil || c.Action != "take" {
		t.Errorf("take: %+v %v", c, err)
	}
	if c, err := DecodeControl([]byte(`{"action":"scale","scale":0.3}`)); err != nil || c.Scale != 0.3 {
		t.Errorf("scale: %+v %v", c, err)
	}
	for _, in := range []string{`{}`, `{"action":"grab"}`, `{"action":"scale"}`, `{"action":1}`,
		`{"action":"take","Action":"release"}`, `{"action":"take","action":"release"}`} {
		if _, err := DecodeControl([]byte(in)); err == nil {
			t.Errorf("DecodeControl(%s): no error", in)
		}
	}
	if e, err := DecodeEStop([]byte(`{"engage":true}`)); err != nil || !e {
		t.Errorf("estop: %v %v", e, err)
	}
	for _, in := range []string{`{}`, `{"engage":1}`, `null`, ``, `{"engage":true,"Engage":false}`, `{"engage":true,"engage":false}`} {
		if _, err := DecodeEStop([]byte(in)); err == nil {
			t.Errorf("DecodeEStop(%q): no error", in)
		}
	}
}

func TestMessageDataHeader(t *testing.T) {
	h := appendMessageDataHeader(nil, 0x01020304, 0x1122334455667788)
	if len(h) != 13 || h[0] != 1 || binary.LittleEndian.Uint32(h[1:]) != 0x01020304 || binary.LittleEndian.Uint64(h[5:]) != 0x1122334455667788 {
		t.Errorf("header % x", h)
	}
	if tm := appendTime(nil, 42); len(tm) != 9 || tm[0] != 2 || binary.LittleEndian.Uint64(tm[1:]) != 42 {
		t.Errorf("time % x", tm)
	}
}

func TestJSONFloatsEncodeNonFiniteAsNull(t *testing.T) {
	nan := 0.0
	nan = nan / nan
	b, err := json.Marshal(struct {
		F jsonFloats `json:"f"`
	}{jsonFloats{1.5, nan, 2e-9}})
	if err != nil || string(b) != `{"f":[1.5,null,2e-09]}` {
		t.Errorf("got %s %v", b, err)
	}
}

// TestClientFramingHelpers: what AppendClientMessageData builds is what the
// server's decoder reads, and ParseMessageData reads what the server's
// writer builds, rejecting anything else.
func TestClientFramingHelpers(t *testing.T) {
	m, err := decodeClientBinary(AppendClientMessageData(nil, 7, []byte(`{"seq":1}`)))
	if err != nil || m.Kind != kindMessageData || m.ChannelID != 7 || string(m.Payload) != `{"seq":1}` {
		t.Fatalf("decoded %+v, %v", m, err)
	}
	frame := append(appendMessageDataHeader(nil, 3, 42), "{}"...)
	if sub, ts, p, ok := ParseMessageData(frame); !ok || sub != 3 || ts != 42 || string(p) != "{}" {
		t.Fatalf("parsed %d %d %q %v", sub, ts, p, ok)
	}
	for _, b := range [][]byte{nil, appendTime(nil, 42), frame[:12]} {
		if _, _, _, ok := ParseMessageData(b); ok {
			t.Fatalf("accepted %x", b)
		}
	}
}
