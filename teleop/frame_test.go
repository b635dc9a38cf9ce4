package teleop

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

// TestWSFramesReadByGorilla: the batched frames the writer builds are read
// by a standard WebSocket client as the binary messages they hold, for
// every payload-length encoding (7-bit, 16-bit, 64-bit) and back to back in
// one write.
func TestWSFramesReadByGorilla(t *testing.T) {
	sizes := []int{0, 1, 125, 126, 127, 65535, 65536, 70000}
	msg := func(n int) ([]byte, []byte) {
		a := []byte{opMessageData, 1, 2, 3}
		b := bytes.Repeat([]byte{'x'}, max(n-len(a), 0))
		if n < len(a) {
			a = a[:n]
		}
		return a, b
	}
	var frames []byte
	for _, n := range sizes {
		a, b := msg(n)
		frames = appendWSFrame(frames, a, b)
	}
	up := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		c.NetConn().Write(frames)
		c.ReadMessage() // until the client goes
	}))
	defer srv.Close()
	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, n := range sizes {
		mt, got, err := c.ReadMessage()
		if err != nil {
			t.Fatalf("message of %d bytes: %v", n, err)
		}
		a, b := msg(n)
		if mt != websocket.BinaryMessage || !bytes.Equal(got, append(append([]byte(nil), a...), b...)) {
			t.Fatalf("message of %d bytes: type %d, %d bytes read", n, mt, len(got))
		}
	}
}
