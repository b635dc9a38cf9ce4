package teleop

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/gorilla/websocket"
)

// FuzzClientMessage feeds arbitrary frames to the client-message decoder and
// the teleop payload decoders: none may panic, every refusal must be a
// ProtocolError with a message, and accepted messages must be consistent.
func FuzzClientMessage(f *testing.F) {
	f.Add(true, []byte(`{"op":"subscribe","subscriptions":[{"id":0,"channelId":3}]}`))
	f.Add(true, []byte(`{"op":"advertise","channels":[{"id":1,"topic":"/psm/teleop/command","encoding":"json","schemaName":"c"}]}`))
	f.Add(false, []byte("\x01\x01\x00\x00\x00{\"seq\":1,\"deadman\":true,\"linear\":[0.1,0,0]}"))
	f.Add(false, []byte("\x01\x02\x00\x00\x00{\"action\":\"take\"}"))
	f.Add(false, []byte("\x01\x03\x00\x00\x00{\"engage\":true}"))
	f.Fuzz(func(t *testing.T, text bool, data []byte) {
		mt := websocket.BinaryMessage
		if text {
			mt = websocket.TextMessage
		}
		m, err := decodeClientMessage(mt, data)
		if err != nil {
			var pe *ProtocolError
			if !errors.As(err, &pe) || pe.Msg == "" {
				t.Fatalf("error %T %q is not a ProtocolError with a message", err, err)
			}
			return
		}
		switch m.Kind {
		case kindSubscribe, kindUnsubscribe, kindAdvertise, kindUnadvertise:
			if !text {
				t.Fatalf("JSON op decoded from a binary frame")
			}
		case kindMessageData:
			if text || len(data) < 5 || len(m.Payload) != len(data)-5 {
				t.Fatalf("message data decoded wrongly from %q", data)
			}
			for _, dec := range []func([]byte) error{
				func(b []byte) error { _, err := DecodeCommand(b); return err },
				func(b []byte) error { _, err := DecodeControl(b); return err },
				func(b []byte) error { _, err := DecodeEStop(b); return err },
			} {
				if err := dec(m.Payload); err != nil && err.Error() == "" {
					t.Fatal("empty error message")
				}
			}
			if c, err := DecodeCommand(m.Payload); err == nil {
				// Accepted ⇒ every key is exactly one of the command's and
				// none is repeated (counted independently of checkKeys).
				var obj map[string]json.RawMessage
				if err := json.Unmarshal(m.Payload, &obj); err != nil {
					t.Fatalf("accepted command is not an object: %v", err)
				}
				for k := range obj {
					if !slices.Contains(commandKeys, k) {
						t.Fatalf("accepted command with key %q", k)
					}
				}
				if n := topLevelKeys(m.Payload); n != len(obj) {
					t.Fatalf("accepted command with %d keys, %d distinct: %q", n, len(obj), m.Payload)
				}
				for _, v := range append(c.Linear[:], c.Angular[:]...) {
					if !(v >= -maxMasterRate && v <= maxMasterRate) {
						t.Fatalf("accepted command with component %g", v)
					}
				}
			}
		default:
			t.Fatalf("accepted message of unknown kind %d", m.Kind)
		}
	})
}

var commandKeys = []string{"seq", "deadman", "clutch", "frame", "linear", "angular", "gripper"}

// topLevelKeys counts the keys of the top-level JSON object in b, by a walk
// that tracks nesting by hand.
func topLevelKeys(b []byte) int {
	dec := json.NewDecoder(bytes.NewReader(b))
	depth, n, expectKey := 0, 0, false
	for {
		tok, err := dec.Token()
		if err != nil {
			return n
		}
		switch tok {
		case json.Delim('{'):
			depth++
			expectKey = depth == 1
			continue
		case json.Delim('['):
			depth++
			continue
		case json.Delim('}'), json.Delim(']'):
			depth--
			expectKey = depth == 1
			continue
		}
		if depth == 1 {
			if expectKey {
				n++
			}
			expectKey = !expectKey
		}
	}
}
