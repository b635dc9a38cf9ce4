package canbus

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

func TestParseSLCANCommand(t *testing.T) {
	cases := []struct {
		line string
		want SLCANCommand
		err  string
	}{
		{"S0", SLCANCommand{Kind: SLCANCmdBitrate, Bitrate: 10_000}, ""},
		{"S4", SLCANCommand{Kind: SLCANCmdBitrate, Bitrate: 125_000}, ""},
		{"S8", SLCANCommand{Kind: SLCANCmdBitrate, Bitrate: 1_000_000}, ""},
		{"O", SLCANCommand{Kind: SLCANCmdOpen}, ""},
		{"L", SLCANCommand{Kind: SLCANCmdOpen, ListenOnly: true}, ""},
		{"C", SLCANCommand{Kind: SLCANCmdClose}, ""},
		{"V", SLCANCommand{Kind: SLCANCmdVersion}, ""},
		{"N", SLCANCommand{Kind: SLCANCmdVersion}, ""},
		{"F", SLCANCommand{Kind: SLCANCmdStatus}, ""},
		{"Z1", SLCANCommand{Kind: SLCANCmdOther}, ""},
		{"s031C", SLCANCommand{Kind: SLCANCmdOther}, ""},
		{"M00000000", SLCANCommand{Kind: SLCANCmdOther}, ""},
		{"", SLCANCommand{Kind: SLCANCmdOther}, ""},
		{"t0018FFFFFFFFFFFFFFFC", SLCANCommand{Kind: SLCANCmdTransmit, Frame: Frame{ID: 1, Length: 8, Data: [8]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC}}}, ""},
		{"T0000001215A", SLCANCommand{Kind: SLCANCmdTransmit, Frame: Frame{ID: 0x12, IsExtended: true, Length: 1, Data: [8]byte{0x5A}}}, ""},
		{"r7011", SLCANCommand{Kind: SLCANCmdTransmit, Frame: Frame{ID: 0x701, IsRemote: true, Length: 1}}, ""},
		{"S9", SLCANCommand{}, `"S9": bit rate command is S0..S8`},
		{"O1", SLCANCommand{}, "open takes no argument"},
		{"Z7", SLCANCommand{}, "expects one digit"},
		{"t12", SLCANCommand{}, "truncated frame"},
		{"?", SLCANCommand{}, `"?": unknown command`},
	}
	for _, tc := range cases {
		got, err := ParseSLCANCommand([]byte(tc.line))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err = %v, want %q", tc.line, err, tc.err)
			}
			continue
		}
		if err != nil || got.Kind != tc.want.Kind || got.Frame != tc.want.Frame || got.Bitrate != tc.want.Bitrate || got.ListenOnly != tc.want.ListenOnly || string(got.Raw) != tc.line {
			t.Errorf("%q = %+v, %v; want %+v", tc.line, got, err, tc.want)
		}
	}
}

func TestSLCANDeviceSession(t *testing.T) {
	var tx []Frame
	steps := []struct {
		host, reply string
		open        bool
		frames      int
	}{
		{"t1230\r", "\a", false, 0},                // transmit while closed: refused
		{"O\r", "\a", false, 0},                    // open before a bit rate: refused
		{"C\r", "\r", false, 0},                    // close while closed: accepted
		{"S8\r", "\r", false, 0},                   // 1 Mbit/s
		{"O\r", "\r", true, 0},                     // open
		{"S4\r", "\a", true, 0},                    // bit rate while open: refused
		{"t0018FFFFFFFFFFFFFFFC\r", "\r", true, 1}, // transmit
		{"T0000001215A\rt7FF0\r", "\r\r", true, 3}, // two in one read
		{"t12", "", true, 3},                       // partial: buffered
		{"30\r", "\r", true, 4},                    // completed
		{"F\rV\rN\r", "F00\rV1013\rNCHIR\r", true, 4},
		{"bogus\r", "\a", true, 4},
		{"C\r", "\r", false, 4},
	}
	var d SLCANDevice
	for i, s := range steps {
		out, _ := d.Input(nil, []byte(s.host), func(f Frame) { tx = append(tx, f) })
		if string(out) != s.reply || d.Open() != s.open || len(tx) != s.frames {
			t.Fatalf("step %d %q: reply %q open %v frames %d; want %q %v %d", i, s.host, out, d.Open(), len(tx), s.reply, s.open, s.frames)
		}
	}
	if d.Bitrate() != 1_000_000 || d.Refused != 4 {
		t.Fatalf("bitrate %d refused %d", d.Bitrate(), d.Refused)
	}
	if tx[3] != (Frame{ID: 0x123}) {
		t.Fatalf("reassembled frame = %v", tx[3])
	}
}

func TestSLCANDeviceTransmitAckAndReceive(t *testing.T) {
	d := SLCANDevice{TransmitAck: true}
	if got := d.AppendReceived(nil, Frame{ID: 1}); len(got) != 0 {
		t.Fatalf("closed device forwarded %q", got)
	}
	out, err := d.Input(nil, []byte("S8\rO\rt1230\rT000000010\r"), nil)
	if err != nil || string(out) != "\r\rz\rZ\r" {
		t.Fatalf("out %q err %v", out, err)
	}
	if got := string(d.AppendReceived(nil, Frame{ID: 0x181, Length: 2, Data: [8]byte{1, 2}})); got != "t18120102\r" {
		t.Fatalf("received line %q", got)
	}
	d = SLCANDevice{}
	out, _ = d.Input(nil, []byte("S8\rL\rt1230\r"), func(Frame) { t.Fatal("listen-only device transmitted") })
	if string(out) != "\r\r\a" {
		t.Fatalf("listen-only: %q", out)
	}
}

// startAdapter runs an SLCANDevice between a Pipe and an in-memory bus and
// returns the host end of the pipe and a node on the bus.
func startAdapter(t *testing.T, d *SLCANDevice) (host serialport.Port, node Conn) {
	t.Helper()
	host, dev := serialport.Pipe()
	bus := NewBus(64)
	node = bus.Connect()
	adapterSide := bus.Connect()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Serve(ctx, dev, adapterSide) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		host.Close()
	})
	return host, node
}

func TestDialSLCANAgainstDevice(t *testing.T) {
	for _, ack := range []bool{false, true} {
		d := &SLCANDevice{TransmitAck: ack}
		host, node := startAdapter(t, d)
		c, err := DialSLCAN(host, 500_000)
		if err != nil {
			t.Fatal(err)
		}
		if d.Bitrate() != 500_000 {
			t.Fatalf("adapter bitrate %d", d.Bitrate())
		}
		// host -> bus
		want := Frame{ID: 0x001, Length: 8, Data: [8]byte{0x7F, 0xFF, 0x7F, 0xF0, 0, 0, 0x07, 0xFF}}
		if err := c.WriteFrame(want); err != nil {
			t.Fatal(err)
		}
		got, err := node.ReadFrame(time.Second)
		if err != nil || got != want {
			t.Fatalf("bus got %v, %v", got, err)
		}
		// bus -> host, with the transmit acknowledgement skipped
		reply := Frame{ID: 0x000, Length: 6, Data: [8]byte{1, 0x80, 0x00, 0x7F, 0xF7, 0xFF}}
		if err := node.WriteFrame(reply); err != nil {
			t.Fatal(err)
		}
		got, err = c.ReadFrame(time.Second)
		if err != nil || got != reply {
			t.Fatalf("host got %v, %v", got, err)
		}
		if _, err := c.ReadFrame(0); !errors.Is(err, ErrTimeout) {
			t.Fatalf("empty poll: %v", err)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if err := c.WriteFrame(want); !errors.Is(err, ErrClosed) {
			t.Fatalf("write after close: %v", err)
		}
		if _, err := c.ReadFrame(time.Millisecond); !errors.Is(err, ErrClosed) {
			t.Fatalf("read after close: %v", err)
		}
	}
}

// scriptedAdapter answers each complete host line with the next scripted
// reply, synchronously, so tests need no goroutine and no sleeps.
func scriptedAdapter(t testing.TB, dev serialport.Port, replies ...string) func() {
	return func() {
		t.Helper()
		if len(replies) == 0 {
			return // script done: leave the bytes to the test
		}
		dev.SetReadTimeout(0)
		buf := make([]byte, 64)
		n, _ := dev.Read(buf)
		for _, c := range buf[:n] {
			if c != '\r' {
				continue
			}
			if len(replies) == 0 {
				return
			}
			dev.Write([]byte(replies[0]))
			replies = replies[1:]
		}
	}
}

// stepPort calls step after every write, so a scripted adapter answers
// before the host reads.
type stepPort struct {
	serialport.Port
	step func()
}

func (p stepPort) Write(b []byte) (int, error) {
	n, err := p.Port.Write(b)
	p.step()
	return n, err
}

func TestDialSLCANChecksAnswers(t *testing.T) {
	old := slcanReplyTimeout
	slcanReplyTimeout = 20 * time.Millisecond
	defer func() { slcanReplyTimeout = old }()
	cases := []struct {
		name    string
		replies []string
		err     string
	}{
		{"all ok", []string{"\r", "\r", "\r"}, ""},
		{"bel to close is fine", []string{"\a", "\r", "\r"}, ""},
		{"frames before the answer are skipped", []string{"t1230\rz\r\r", "\r", "\r"}, ""},
		{"bit rate refused", []string{"\r", "\a"}, `"S6\r": canbus: slcan adapter refused`},
		{"open refused", []string{"\r", "\r", "\a"}, `"O\r": canbus: slcan adapter refused`},
		{"silent adapter", nil, "answer to \"C\\r\": canbus: read timeout"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			host, dev := serialport.Pipe()
			defer host.Close()
			c, err := DialSLCAN(stepPort{host, scriptedAdapter(t, dev, tc.replies...)}, 500_000)
			if tc.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				c.Close()
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err = %v, want %q", err, tc.err)
			}
		})
	}
	if _, err := DialSLCAN(nil, 83_333); err == nil {
		t.Fatal("non-standard bit rate accepted")
	}
}

func TestSLCANReadFrameReportsRefusalAndBadLines(t *testing.T) {
	host, dev := serialport.Pipe()
	defer host.Close()
	c, err := DialSLCAN(stepPort{host, scriptedAdapter(t, dev, "\r", "\r", "\r")}, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	dev.Write([]byte("\at12\x00\rt1230\r"))
	if _, err := c.ReadFrame(0); !errors.Is(err, ErrSLCANRefused) {
		t.Fatalf("BEL: %v", err)
	}
	var se *SLCANSyntaxError
	if _, err := c.ReadFrame(0); !errors.As(err, &se) || se.Line != "t12\x00" {
		t.Fatalf("bad line: %v", err)
	}
	if f, err := c.ReadFrame(0); err != nil || f != (Frame{ID: 0x123}) {
		t.Fatalf("after resync: %v, %v", f, err)
	}
}

func TestSLCANReadFrameHonoursTimeout(t *testing.T) {
	host, dev := serialport.Pipe()
	defer host.Close()
	c, err := DialSLCAN(stepPort{host, scriptedAdapter(t, dev, "\r", "\r", "\r")}, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, timeout := range []time.Duration{0, 5 * time.Millisecond, 30 * time.Millisecond} {
		start := time.Now()
		_, err := c.ReadFrame(timeout)
		el := time.Since(start)
		if !errors.Is(err, ErrTimeout) {
			t.Fatalf("timeout %v: err %v", timeout, err)
		}
		if el < timeout || el > timeout+200*time.Millisecond {
			t.Fatalf("timeout %v took %v", timeout, el)
		}
	}
	// A partial line does not satisfy a read; it completes later.
	dev.Write([]byte("t12"))
	if _, err := c.ReadFrame(2 * time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("partial line: %v", err)
	}
	dev.Write([]byte("30\r"))
	if f, err := c.ReadFrame(time.Second); err != nil || f.ID != 0x123 {
		t.Fatalf("completed line: %v %v", f, err)
	}
}

// slcanCycle is one control cycle through an SLCAN adapter: the host writes
// an MIT command, the fake adapter (inline, on dev) reads it, acknowledges it
// and answers with a reply frame, and the host reads the reply.
func slcanCycle(t testing.TB, c Conn, dev serialport.Port, buf, reply []byte) {
	cmd := Frame{ID: 0x001, Length: 8, Data: [8]byte{0x7F, 0xFF, 0x7F, 0xF0, 0, 0, 0x07, 0xFF}}
	if err := c.WriteFrame(cmd); err != nil {
		t.Fatal(err)
	}
	if n, _ := dev.Read(buf); n != 22 {
		t.Fatalf("adapter read %d bytes", n)
	}
	dev.Write(reply)
	if f, err := c.ReadFrame(time.Millisecond); err != nil || f.Data[0] != 1 {
		t.Fatalf("%v %v", f, err)
	}
}

var slcanReplyLine = AppendSLCAN([]byte("z\r"), Frame{ID: 0, Length: 6, Data: [8]byte{1, 0x80, 0, 0x7F, 0xF7, 0xFF}})

func TestSLCANCyclicPathAllocatesNothing(t *testing.T) {
	host, dev := serialport.Pipe()
	defer host.Close()
	c, err := DialSLCAN(stepPort{host, scriptedAdapter(t, dev, "\r", "\r", "\r")}, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	dev.SetReadTimeout(0)
	allocs := testing.AllocsPerRun(200, func() { slcanCycle(t, c, dev, buf, slcanReplyLine) })
	// serialport.Pipe itself allocates: its Read reslices data[n:] so the
	// next Write's append outgrows the shrunken capacity. Measure the same
	// traffic through the bare pipe and require the conn to add nothing.
	a, b := serialport.Pipe()
	b.SetReadTimeout(0)
	a.SetReadTimeout(0)
	line := AppendSLCAN(nil, Frame{ID: 0x001, Length: 8})
	rbuf := make([]byte, 64)
	pipeAllocs := testing.AllocsPerRun(200, func() {
		a.Write(line)
		b.Read(rbuf)
		b.Write(slcanReplyLine)
		a.Read(rbuf)
	})
	if allocs > pipeAllocs {
		t.Fatalf("%v allocations per write+read, of which the pipe's own are %v", allocs, pipeAllocs)
	}
	t.Logf("allocations per cycle: %v, all in serialport.Pipe (%v)", allocs, pipeAllocs)
}

// memPort is a single-goroutine, non-allocating serial port: what one end
// writes the other reads; reads never block.
type memPort struct {
	rx, tx *memBuf
}

type memBuf struct {
	data [512]byte
	r, w int
}

func memPorts() (a, b *memPort) {
	x, y := &memBuf{}, &memBuf{}
	return &memPort{rx: x, tx: y}, &memPort{rx: y, tx: x}
}

func (p *memPort) Read(b []byte) (int, error) {
	n := copy(b, p.rx.data[p.rx.r:p.rx.w])
	p.rx.r += n
	if p.rx.r == p.rx.w {
		p.rx.r, p.rx.w = 0, 0
	}
	return n, nil
}

func (p *memPort) Write(b []byte) (int, error) {
	n := copy(p.tx.data[p.tx.w:], b)
	p.tx.w += n
	return n, nil
}

func (p *memPort) Close() error                       { return nil }
func (p *memPort) SetReadTimeout(time.Duration) error { return nil }
func (p *memPort) ResetInputBuffer() error            { p.rx.r, p.rx.w = 0, 0; return nil }

func TestSLCANConnAllocatesNothing(t *testing.T) {
	host, dev := memPorts()
	c, err := DialSLCAN(stepPort{host, scriptedAdapter(t, dev, "\r", "\r", "\r")}, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	if allocs := testing.AllocsPerRun(500, func() { slcanCycle(t, c, dev, buf, slcanReplyLine) }); allocs != 0 {
		t.Fatalf("%v allocations per write+read", allocs)
	}
}

func BenchmarkSLCANConnCycle(b *testing.B) {
	host, dev := memPorts()
	c, err := DialSLCAN(stepPort{host, scriptedAdapter(b, dev, "\r", "\r", "\r")}, 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 64)
	b.ReportAllocs()
	for b.Loop() {
		slcanCycle(b, c, dev, buf, slcanReplyLine)
	}
}

// TestOpenSLCAN opens the port through the opener and dials the adapter;
// an opener's error comes back as is, and a port whose adapter never
// answers is closed again.
func TestOpenSLCAN(t *testing.T) {
	d := &SLCANDevice{}
	host, _ := startAdapter(t, d)
	c, err := OpenSLCAN(func(string, serialport.Config) (serialport.Port, error) { return host, nil }, "adapter", serialport.Config{}, 250_000)
	if err != nil || d.Bitrate() != 250_000 {
		t.Fatalf("OpenSLCAN: %v, adapter bitrate %d", err, d.Bitrate())
	}
	c.Close()
	refused := errors.New("no such port")
	if _, err := OpenSLCAN(func(string, serialport.Config) (serialport.Port, error) { return nil, refused }, "x", serialport.Config{}, 250_000); !errors.Is(err, refused) {
		t.Fatalf("opener error: %v", err)
	}
	silent, other := serialport.Pipe()
	defer other.Close()
	if _, err := OpenSLCAN(func(string, serialport.Config) (serialport.Port, error) { return silent, nil }, "x", serialport.Config{}, 250_000); err == nil {
		t.Fatal("dialled an adapter that never answers")
	}
	if _, err := silent.Write([]byte("C\r")); err == nil {
		t.Fatal("the unanswered port was left open")
	}
}
