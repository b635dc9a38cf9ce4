package dxlsim

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
)

// serve runs srv on dev until the test ends.
func serve(t testing.TB, srv *Server, dev interface {
	Read([]byte) (int, error)
	Write([]byte) (int, error)
}, closeDev func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, dev) }()
	t.Cleanup(func() {
		cancel()
		closeDev()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Serve: %v", err)
		}
	})
}

// pipeClient returns a dynamixel.Client talking to a Server over an
// in-memory pipe.
func pipeClient(t testing.TB, sim *firmwaresim.Sim) (*dynamixel.Client, serialport.Port) {
	t.Helper()
	srv, err := New(sim, Config{})
	if err != nil {
		t.Fatal(err)
	}
	host, dev := serialport.Pipe()
	serve(t, srv, dev, host.Close)
	c := dynamixel.NewClient(host)
	c.Timeout = 50 * time.Millisecond
	return c, host
}

// ptyPort opens a pseudo-terminal served by srv and returns the host side
// opened with go.bug.st/serial, exactly as a USB adapter is opened.
func ptyPort(t testing.TB, srv *Server) serialport.Port {
	t.Helper()
	link := filepath.Join(t.TempDir(), "ttyDXL0")
	p, err := firmwaresim.OpenPTY(link)
	if err != nil {
		t.Skipf("pseudo-terminals unavailable here (%v); the pty round trip needs /dev/ptmx", err)
	}
	serve(t, srv, p.Master, p.Close)
	host, err := serialport.Open(link, serialport.Config{BaudRate: 1_000_000})
	if err != nil {
		t.Fatalf("open %s as a serial port: %v", link, err)
	}
	t.Cleanup(func() { host.Close() })
	return host
}

// TestPTYRoundTripPlantFollows drives servos with the real client through a
// real pty: ping, configure, enable, command a goal, step the simulator in
// lockstep and watch the present position converge.
func TestPTYRoundTripPlantFollows(t *testing.T) {
	sim := newSim(t, 3, -1, "")
	srv, err := New(sim, Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := dynamixel.NewClient(ptyPort(t, srv))
	c.Timeout = time.Second // generous: a loaded CI machine, not a protocol limit
	ids := []byte{1, 2, 3}
	for _, id := range ids {
		model, fw, err := c.Ping(id)
		if err != nil || model != dynamixel.XM430W350.Number || fw != DefaultFirmwareVersion {
			t.Fatalf("ping %d: model %d fw %d, %v", id, model, fw, err)
		}
	}
	for _, id := range ids {
		if err := c.Write(id, dynamixel.X.OperatingMode.Addr, []byte{byte(dynamixel.OpPosition)}); err != nil {
			t.Fatal(err)
		}
	}
	// Goals: +60°, −30°, +90° (counts about 2048).
	goals := []int32{2048 + 683, 2048 - 341, 2048 + 1024}
	data := make([]byte, 0, 12)
	for _, g := range goals {
		data = binary.LittleEndian.AppendUint32(data, uint32(g))
	}
	if err := c.SyncWrite(dynamixel.X.GoalPosition.Addr, ids, data); err != nil {
		t.Fatal(err)
	}
	if err := c.SyncWrite(dynamixel.X.TorqueEnable.Addr, ids, []byte{1, 1, 1}); err != nil {
		t.Fatal(err)
	}
	te := make([]byte, 3)
	if err := c.SyncRead(dynamixel.X.TorqueEnable.Addr, ids, te, nil); err != nil || te[0]&te[1]&te[2] != 1 {
		t.Fatalf("torque enable reads % X, %v", te, err)
	}
	// EEPROM is locked now, as on the servo.
	if err := c.Write(1, dynamixel.X.OperatingMode.Addr, []byte{1}); !errors.Is(err, dynamixel.AccessError) {
		t.Fatalf("operating mode write with torque on: %v", err)
	}
	pos := make([]byte, 12)
	var first [3]int32
	for k := range 1500 { // 1.5 s of simulated time, one exchange per ms
		sim.Step(time.Millisecond)
		if err := c.SyncRead(dynamixel.X.PresentPosition.Addr, ids, pos, nil); err != nil {
			t.Fatalf("cycle %d: %v", k, err)
		}
		if k == 0 {
			for i := range first {
				first[i] = int32(binary.LittleEndian.Uint32(pos[4*i:]))
			}
		}
	}
	for i, g := range goals {
		got := int32(binary.LittleEndian.Uint32(pos[4*i:]))
		if first[i] != 2048 || math.Abs(float64(got-g)) > 3 {
			t.Errorf("servo %d: from %d to %d counts, goal %d", i+1, first[i], got, g)
		}
		sim.Lock()
		q := sim.Measure(i).Position
		sim.Unlock()
		if want := dynamixel.XM430W350.Position(g); math.Abs(q-want) > 0.005 {
			t.Errorf("joint %d at %.4f rad, goal %.4f", i+1, q, want)
		}
	}
	// Read-only items refuse writes through the client too.
	if err := c.Write(2, dynamixel.X.PresentPosition.Addr, []byte{0, 0, 0, 0}); drivers.KindOf(err) != drivers.KindAbort || !errors.Is(err, dynamixel.AccessError) {
		t.Fatalf("write to present position: %v", err)
	}
}

// TestPTYBusReadWrite runs the host's drivers.Bus implementation against
// the simulated servos over a pty.
func TestPTYBusReadWrite(t *testing.T) {
	sim := newSim(t, 4, -1, "")
	srv, err := New(sim, Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := dynamixel.NewClient(ptyPort(t, srv))
	c.Timeout = time.Second
	joints := []dynamixel.Joint{{ID: 1}, {ID: 2}, {ID: 3}, {ID: 4}}
	bus, err := dynamixel.NewBus(c, dynamixel.BusConfig{Joints: joints})
	if err != nil {
		t.Fatal(err)
	}
	var _ drivers.Bus = bus
	states := make([]drivers.JointState, 4)
	cmds := []drivers.JointCommand{
		{Mode: drivers.ModePosition, Position: 0.5},
		{Mode: drivers.ModePosition, Position: -0.8},
		{Mode: drivers.ModeVelocity, Velocity: 1.0},
		{Mode: drivers.ModeEffort, Effort: 0},
	}
	for k := range 1000 {
		now := time.Duration(k) * time.Millisecond
		if err := bus.Read(now, states); err != nil {
			t.Fatalf("cycle %d read: %v", k, err)
		}
		if err := bus.Write(now, cmds); err != nil {
			t.Fatalf("cycle %d write: %v", k, err)
		}
		sim.Step(time.Millisecond)
	}
	if err := bus.Read(time.Second, states); err != nil {
		t.Fatal(err)
	}
	if math.Abs(states[0].Position-0.5) > 0.01 || math.Abs(states[1].Position+0.8) > 0.01 {
		t.Errorf("position joints at %.4f, %.4f rad", states[0].Position, states[1].Position)
	}
	if math.Abs(states[2].Velocity-1.0) > 0.05 {
		t.Errorf("velocity joint at %.3f rad/s, want 1", states[2].Velocity)
	}
	for i, s := range states {
		if s.Status&drivers.StatusEnabled == 0 || s.Status.Faulty() {
			t.Errorf("joint %d status %b", i, s.Status)
		}
	}
	sim.Lock()
	for i, want := range []drivers.Mode{drivers.ModePosition, drivers.ModePosition, drivers.ModeVelocity, drivers.ModeEffort} {
		if d := sim.Drives[i]; !d.Enabled || d.Command.Mode != want {
			t.Errorf("drive %d: enabled %v mode %v, want %v", i, d.Enabled, d.Command.Mode, want)
		}
	}
	sim.Unlock()
	if err := bus.Disable(); err != nil {
		t.Fatal(err)
	}
	sim.Lock()
	defer sim.Unlock()
	for i := range sim.Drives {
		if sim.Drives[i].Enabled {
			t.Errorf("drive %d still enabled after Disable", i)
		}
	}
}

func TestFaultDroppedReplyTimesOut(t *testing.T) {
	sim := newSim(t, 2, -1, "drop:joint=2")
	c, _ := pipeClient(t, sim)
	if _, _, err := c.Ping(1); err != nil {
		t.Fatalf("healthy servo: %v", err)
	}
	_, _, err := c.Ping(2)
	var te *dynamixel.TimeoutError
	if drivers.KindOf(err) != drivers.KindTimeout || !errors.As(err, &te) || te.Received != 0 {
		t.Fatalf("dropped reply gave %v", err)
	}
	// The dropped servo still executes what it hears: only the reply is lost.
	if err := c.Write(2, dynamixel.X.TorqueEnable.Addr, []byte{1}); drivers.KindOf(err) != drivers.KindTimeout {
		t.Fatalf("write: %v", err)
	}
	sim.Lock()
	on := sim.Drives[1].Enabled
	sim.Unlock()
	if !on {
		t.Fatal("write with a dropped acknowledgement was not executed")
	}
}

func TestFaultBitErrorIsCRCError(t *testing.T) {
	sim := newSim(t, 2, -1, "biterror:joint=1")
	c, _ := pipeClient(t, sim)
	for k := range 20 { // every bit position chosen by the seeded generator
		buf := make([]byte, 4)
		err := c.Read(1, dynamixel.X.PresentPosition.Addr, buf)
		var me *dynamixel.MalformedError
		if drivers.KindOf(err) != drivers.KindCorrupt || !errors.As(err, &me) {
			t.Fatalf("read %d with a bit error: %v", k, err)
		}
	}
	if err := c.Read(2, dynamixel.X.PresentPosition.Addr, make([]byte, 4)); err != nil {
		t.Fatalf("servo without bit errors: %v", err)
	}
}

func TestFaultDeadNodeSilentAlone(t *testing.T) {
	sim := newSim(t, 3, -1, "dead:joint=2,to=10ms")
	c, _ := pipeClient(t, sim)
	for _, id := range []byte{1, 3} {
		if _, _, err := c.Ping(id); err != nil {
			t.Fatalf("ping %d beside a dead node: %v", id, err)
		}
	}
	if _, _, err := c.Ping(2); drivers.KindOf(err) != drivers.KindTimeout {
		t.Fatalf("dead node answered: %v", err)
	}
	// A dead node does not hear a write either.
	c.Write(2, addrLED, []byte{1})
	// A sync read stops at the dead node; IDs before it are answered.
	err := c.SyncRead(dynamixel.X.PresentPosition.Addr, []byte{1, 2, 3}, make([]byte, 12), nil)
	if drivers.KindOf(err) != drivers.KindTimeout {
		t.Fatalf("sync read across a dead node: %v", err)
	}
	if err := c.SyncRead(dynamixel.X.PresentPosition.Addr, []byte{1, 3}, make([]byte, 8), nil); err != nil {
		t.Fatalf("sync read of the live ones: %v", err)
	}
	// Past the fault window it answers again, with its LED unchanged.
	for range 11 {
		sim.Step(time.Millisecond)
	}
	led := make([]byte, 1)
	if err := c.Read(2, 65, led); err != nil || led[0] != 0 {
		t.Fatalf("revived node: LED %d, %v", led[0], err)
	}
}

func TestFaultOverTemperatureAlert(t *testing.T) {
	sim := newSim(t, 3, -1, "overtemp:joint=3,to=5ms")
	c, port := pipeClient(t, sim)
	if err := c.Write(3, dynamixel.X.TorqueEnable.Addr, []byte{1}); err != nil {
		t.Fatal(err)
	}
	for range 6 {
		sim.Step(time.Millisecond) // the drive trips inside the window and stays latched after it
	}
	temp := make([]byte, 1)
	err := c.Read(3, dynamixel.X.PresentTemperature.Addr, temp)
	if drivers.KindOf(err) != drivers.KindDriveFault || !errors.Is(err, dynamixel.ErrHardwareAlert) {
		t.Fatalf("read from an overheated servo: %v", err)
	}
	hw := make([]byte, 7) // Torque Enable (64) … Hardware Error Status (70)
	if err := c.Read(3, dynamixel.X.TorqueEnable.Addr, hw); drivers.KindOf(err) != drivers.KindDriveFault {
		t.Fatalf("alert read: %v", err)
	}
	if hw[6] != dynamixel.HWOverheating || hw[0] != 0 {
		t.Fatalf("hardware error status 0x%02X, torque %d; want 0x04 and torque off (Shutdown)", hw[6], hw[0])
	}
	// Torque cannot come back before a reboot; the alert rides on the refusal.
	err = c.Write(3, dynamixel.X.TorqueEnable.Addr, []byte{1})
	var se *dynamixel.StatusError
	if !errors.As(err, &se) || se.Code() != dynamixel.ResultFail || !se.Alert() {
		t.Fatalf("torque enable during a hardware error: %v", err)
	}
	// Its neighbours are healthy.
	if err := c.Read(2, dynamixel.X.HardwareErrorStatus.Addr, hw[:1]); err != nil || hw[0] != 0 {
		t.Fatalf("servo 2: 0x%02X, %v", hw[0], err)
	}
	// Reboot clears it (the fault window has closed).
	if e := reboot(t, port, 3); e != dynamixel.AlertBit {
		t.Fatalf("reboot acknowledged with ERR 0x%02X, want the alert bit alone", e)
	}
	if err := c.Read(3, dynamixel.X.HardwareErrorStatus.Addr, hw[:1]); err != nil || hw[0] != 0 {
		t.Fatalf("after reboot: 0x%02X, %v", hw[0], err)
	}
	if err := c.Write(3, dynamixel.X.TorqueEnable.Addr, []byte{1}); err != nil {
		t.Fatalf("torque enable after reboot: %v", err)
	}
	sim.Lock()
	d := sim.Drives[2]
	sim.Unlock()
	if !d.Enabled || d.Fault != 0 {
		t.Fatalf("drive after reboot: enabled %v fault %b", d.Enabled, d.Fault)
	}
}

// reboot sends Reboot (0x08) to id over port — dynamixel.Client has no
// method for it — and returns the acknowledgement's ERR byte.
func reboot(t *testing.T, port serialport.Port, id byte) byte {
	t.Helper()
	port.ResetInputBuffer()
	if _, err := port.Write(dynamixel.AppendReboot(nil, id)); err != nil {
		t.Fatal(err)
	}
	port.SetReadTimeout(time.Second)
	dec := dynamixel.NewDecoder(0)
	var p dynamixel.Packet
	for {
		ok, err := dec.Next(&p)
		if err != nil {
			t.Fatalf("reboot reply: %v", err)
		}
		if ok {
			if p.ID != id || p.Instruction != dynamixel.InstStatus {
				t.Fatalf("reboot reply from %d inst %02X", p.ID, p.Instruction)
			}
			return p.Error
		}
		n, err := port.Read(dec.Space())
		if err != nil || n == 0 {
			t.Fatalf("no reboot reply: %v", err)
		}
		dec.Commit(n)
	}
}

// TestFaultDelayedReply: a delay fault holds the reply back in wall time,
// so a client with a shorter timeout gives up and one with a longer one
// gets it.
func TestFaultDelayedReply(t *testing.T) {
	sim := newSim(t, 1, -1, "delay:joint=1,delay=40ms")
	c, _ := pipeClient(t, sim)
	c.Timeout = 5 * time.Millisecond
	if _, _, err := c.Ping(1); drivers.KindOf(err) != drivers.KindTimeout {
		t.Fatalf("reply delayed 40 ms within a 5 ms timeout: %v", err)
	}
	// A fresh bus: the first reply is still on its way to the first client.
	c, _ = pipeClient(t, newSim(t, 1, -1, "delay:joint=1,delay=40ms"))
	c.Timeout = 2 * time.Second
	t0 := time.Now()
	if _, _, err := c.Ping(1); err != nil {
		t.Fatalf("delayed reply with a long timeout: %v", err)
	}
	if d := time.Since(t0); d < 40*time.Millisecond {
		t.Fatalf("reply came after %v, before the 40 ms delay", d)
	}
}
