package dxlsim

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/motors"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
	"github.com/chiron-robotics/chiron/kinematics"
)

// DefaultFirmwareVersion is what Firmware Version (6) and ping report unless
// Config says otherwise: 46, a current X-series release.
const DefaultFirmwareVersion = 46

// DefaultPrismaticLead is the travel of a prismatic joint per radian of the
// servo's output shaft when Config leaves it 0: a 10 mm pulley radius (a
// capstan or belt drive), 62.8 mm per revolution.
const DefaultPrismaticLead = 0.01

// Config configures a Server.
type Config struct {
	// Models holds the servo model of each joint, in chain order; nil
	// entries, or joints past the end of the slice, are XM430-W350s.
	Models []*dynamixel.Model
	// FirmwareVersion reported by ping and address 6; 0 means
	// DefaultFirmwareVersion.
	FirmwareVersion byte
	// PrismaticLead is the travel (m) of a prismatic joint per radian of its
	// servo's output shaft: position x = lead·θ, velocity ẋ = lead·θ̇ and force
	// F = τ/lead. 0 means DefaultPrismaticLead.
	PrismaticLead float64
	// SupplyVoltage is the servo supply reported by Present Input Voltage
	// (144), V; 0 means 12.0.
	SupplyVoltage float64
	// ReturnDelay makes every status packet wait the servo's Return Delay
	// Time (9; 2 µs per unit, 500 µs by default) of wall time before it is
	// sent, as on a real bus. Off by default: on a pseudo-terminal the delay
	// only slows the exchange, and lockstep runs do not want wall time.
	ReturnDelay bool
}

// Server is the device side of one Dynamixel Protocol 2.0 bus: one simulated
// X-series servo per joint of the simulator's chain, with IDs 1..N in chain
// order. Every access to the simulator's drives and measurements happens
// under its lock; the Server's own state (the control tables) is guarded by
// the same lock, so Step and Serve may run concurrently. Serve one stream at
// a time.
type Server struct {
	sim    *firmwaresim.Sim
	cfg    Config
	servos []servo

	// Scratch reused across packets (Serve is not reentrant).
	tx      []byte
	replies []reply
	fast    []fastBlock // a fast read's blocks (reused)
	order   []*servo
	scratch table
	view    table      // a read's bytes with its Indirect Data resolved
	redir   []redirect // a write's Indirect Data bytes, bound for their targets
	pkt     dynamixel.Packet
	// feed is Feed's decoder, kept between calls.
	feed *dynamixel.Decoder
}

// servo is one simulated X-series servo.
type servo struct {
	joint int
	model *dynamixel.Model
	lay   *layout
	// lead converts between the servo's shaft radian and the joint's unit:
	// 1 for a revolute joint, the lead (m/rad) for a prismatic one.
	lead  float64
	gains plant.DriveGains // the simulator's drive gains at power-on
	mem   table
	// Reg Write (0x04) registered for Action (0x05).
	regAddr uint16
	regLen  uint16
	regData table
	// heard is the simulated time of the last instruction packet addressed
	// to this servo or broadcast: the Bus Watchdog (98) measures silence
	// from it.
	heard time.Duration
	// turns is the multi-turn count the Clear instruction took off Present
	// Position (a multiple of one turn's counts).
	turns int64
}

// reply is one status packet in s.tx[off:end], to be sent after delay.
type reply struct {
	off, end int
	delay    time.Duration
}

// New returns a Server for the simulator's joints. It puts every drive in
// the servo's power-on state (torque off, goals holding the present
// position).
func New(sim *firmwaresim.Sim, cfg Config) (*Server, error) {
	n := sim.Joints()
	if n > int(dynamixel.MaxID) {
		return nil, fmt.Errorf("dxlsim: %d joints, more than the %d IDs of a bus", n, dynamixel.MaxID)
	}
	if len(cfg.Models) > n {
		return nil, fmt.Errorf("dxlsim: %d models for %d joints", len(cfg.Models), n)
	}
	if cfg.FirmwareVersion == 0 {
		cfg.FirmwareVersion = DefaultFirmwareVersion
	}
	if cfg.PrismaticLead == 0 {
		cfg.PrismaticLead = DefaultPrismaticLead
	}
	if cfg.SupplyVoltage == 0 {
		cfg.SupplyVoltage = 12
	}
	if !(cfg.SupplyVoltage > 0) || cfg.SupplyVoltage > 6553 {
		return nil, fmt.Errorf("dxlsim: supply voltage %v V", cfg.SupplyVoltage)
	}
	if !(cfg.PrismaticLead > 0) || cfg.PrismaticLead > 1e3 {
		return nil, fmt.Errorf("dxlsim: prismatic lead %v m/rad", cfg.PrismaticLead)
	}
	s := &Server{sim: sim, cfg: cfg, servos: make([]servo, n), tx: make([]byte, 0, 4096), replies: make([]reply, 0, n+1), order: make([]*servo, 0, n),
		redir: make([]redirect, 0, 2*indirectPerBlock)}
	layouts := map[*dynamixel.Model]*layout{}
	sim.Lock()
	defer sim.Unlock()
	chain := sim.Plant().Chain()
	for i := range s.servos {
		m := &dynamixel.XM430W350
		if i < len(cfg.Models) && cfg.Models[i] != nil {
			m = cfg.Models[i]
		}
		if m.CountsPerRev <= 0 || m.VelocityUnit <= 0 || m.CurrentUnit <= 0 || m.TorqueConstant <= 0 || m.MaxCurrent <= 0 || m.MaxCurrent > 32767 {
			return nil, fmt.Errorf("dxlsim: joint %d: model %q has invalid unit data %+v", i+1, m.Name, *m)
		}
		if layouts[m] == nil {
			layouts[m] = newLayout(m)
		}
		sv := &s.servos[i]
		sv.joint, sv.model, sv.lay, sv.lead = i, m, layouts[m], 1
		if chain.Joints[i].Type == kinematics.Prismatic {
			sv.lead = cfg.PrismaticLead
		}
		sv.gains = sim.Drives[i].Gains
		// A servo configured by a catalogue model heats as the catalogue
		// says and trips past its winding limit (Hardware Error Status bit
		// 2, overheating); the unconfigured default and sized servos keep
		// the generic thermal model.
		d := &sim.Drives[i]
		d.Motor, d.MotorLead = nil, 0
		if i < len(cfg.Models) && cfg.Models[i] != nil {
			if cm, ok := motors.ByName(m.Name); ok && cm.Protocol == motors.Dynamixel {
				d.Motor, d.MotorLead = cm, sv.lead
			}
		}
		s.powerOn(sv, byte(i+1), dynamixel.ResetAll)
	}
	return s, nil
}

// powerOn puts sv in its state after power-up, reboot or factory reset: RAM
// items at their defaults, Goal Position at the present position (so that
// enabling torque holds the joint where it is), and the drive disabled with
// faults cleared. With keep other than ResetAll, EEPROM survives except as
// the factory reset option says; a reboot passes 0 (keep all EEPROM).
func (s *Server) powerOn(sv *servo, id byte, reset byte) {
	old := sv.mem
	for k := range sv.lay.items {
		it := &sv.lay.items[k]
		sv.mem.put(it.addr, it.size, it.def)
	}
	sv.mem.set8(addrFirmware, int(s.cfg.FirmwareVersion))
	switch reset {
	case dynamixel.ResetAll:
		sv.mem.set8(addrID, int(id))
	case dynamixel.ResetAllButID:
		sv.mem[addrID] = old[addrID]
	case dynamixel.ResetAllButIDAndBaud:
		sv.mem[addrID], sv.mem[addrBaud] = old[addrID], old[addrBaud]
	default: // reboot: EEPROM is non-volatile
		copy(sv.mem[:eepromEnd], old[:eepromEnd])
	}
	sv.regLen = 0
	sv.heard = s.sim.Plant().Time()
	d := &s.sim.Drives[sv.joint]
	d.Fault = 0
	d.Enabled = false
	d.Gains = sv.gains
	s.present(sv)
	sv.mem.put(addrGoalPosition, 4, sv.mem.i32(addrPresentPosition))
	s.apply(sv)
}

// IDs returns the servos' current IDs in joint order (a host may change
// them by writing ID (7)).
func (s *Server) IDs() []byte {
	s.sim.Lock()
	defer s.sim.Unlock()
	ids := make([]byte, len(s.servos))
	for i := range s.servos {
		ids[i] = s.servos[i].mem[addrID]
	}
	return ids
}

// Serve answers the host's instruction packets read from rw until ctx is
// done (it returns ctx.Err()) or rw reports end of stream (io.EOF, EIO from
// a pseudo-terminal whose other end went away, or a closed file — it
// returns nil). When ctx ends during a blocked Read, Serve interrupts it
// with SetReadDeadline if rw has one (an *os.File such as the pty master
// does); otherwise the caller closes rw to unblock it. Malformed bytes are
// skipped (the decoder resynchronises on the next header); a packet whose
// CRC fails is answered with a CRC Error status when its ID names a servo
// (see the package documentation).
func (s *Server) Serve(ctx context.Context, rw io.ReadWriter) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d, ok := rw.(interface{ SetReadDeadline(time.Time) error }); ok {
		stop := context.AfterFunc(ctx, func() { d.SetReadDeadline(time.Unix(1, 0)) })
		defer stop()
	}
	dec := dynamixel.NewDecoder(dynamixel.DefaultBufferSize)
	for {
		n, rerr := rw.Read(dec.Space())
		if n > 0 {
			dec.Commit(n)
			if err := s.drain(ctx, dec, rw); err != nil {
				return s.exit(ctx, err)
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if rerr != nil {
			return s.exit(ctx, rerr)
		}
	}
}

// Feed acts on in, the next bytes of the host's stream, as Serve does on
// what it reads, and writes the replies to w: for a caller that reads the
// stream itself (a lockstep run serves the servos in the host's thread, a
// batch of the host's bytes at a time). Its decoder lives as long as the
// Server, so a packet may span calls and a call allocates nothing. Feed
// and Serve must not run on the same Server at once.
func (s *Server) Feed(in []byte, w io.Writer) error {
	if s.feed == nil {
		s.feed = dynamixel.NewDecoder(dynamixel.DefaultBufferSize)
	}
	for len(in) > 0 {
		n := copy(s.feed.Space(), in)
		s.feed.Commit(n)
		in = in[n:]
		if err := s.drain(context.Background(), s.feed, w); err != nil {
			return fmt.Errorf("dxlsim: %w", err)
		}
	}
	return nil
}

// exit maps an I/O error to Serve's result.
func (s *Server) exit(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, io.EOF) || errors.Is(err, syscall.EIO) || errors.Is(err, os.ErrClosed) || errors.Is(err, io.ErrClosedPipe) {
		return nil
	}
	return fmt.Errorf("dxlsim: %w", err)
}

// drain handles every complete packet in dec and writes the replies.
func (s *Server) drain(ctx context.Context, dec *dynamixel.Decoder, w io.Writer) error {
	for {
		ok, err := dec.Next(&s.pkt)
		if err != nil {
			s.sim.Lock()
			s.tx, s.replies = s.tx[:0], s.replies[:0]
			s.crcFailed(err)
			s.sim.Unlock()
		} else if !ok {
			return nil
		} else {
			s.sim.Lock()
			s.tx, s.replies = s.tx[:0], s.replies[:0]
			s.handle(&s.pkt)
			s.sim.Unlock()
		}
		if err := s.send(ctx, w); err != nil {
			return err
		}
	}
}

// send writes the replies built by the last packet, outside the lock so
// that a slow reader never stalls the simulator. Undelayed replies go out
// in one write; a delayed one waits its delay of wall time after the
// replies before it are written.
func (s *Server) send(ctx context.Context, w io.Writer) error {
	start := 0
	for _, r := range s.replies {
		if r.delay <= 0 {
			continue
		}
		if err := writeAll(w, s.tx[start:r.off]); err != nil {
			return err
		}
		t := time.NewTimer(r.delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		start = r.off
	}
	return writeAll(w, s.tx[start:])
}

func writeAll(w io.Writer, b []byte) error {
	for len(b) > 0 {
		n, err := w.Write(b)
		if err != nil {
			return err
		}
		if n == 0 {
			return io.ErrShortWrite
		}
		b = b[n:]
	}
	return nil
}

// crcFailed answers a packet that failed its CRC with status error 3 when
// the ID byte (covered by the failed CRC, so possibly itself damaged) names
// one of the servos, and the status return level would have answered the
// instruction byte as received (e-Manual, Protocol 2.0, "Status Packet":
// CRC Error, "CRC of the sent packet does not match"). Broadcast packets and
// other malformations (garbage, bad length, bad stuffing) get no answer:
// no single servo could own the reply.
func (s *Server) crcFailed(err error) {
	var me *dynamixel.MalformedError
	if !errors.As(err, &me) || !strings.HasPrefix(me.What, "CRC mismatch") || len(me.Bytes) < dynamixel.HeaderLen+1 {
		return
	}
	id, inst := me.Bytes[4], me.Bytes[dynamixel.HeaderLen]
	if id == dynamixel.BroadcastID || s.sim.Silent(-1) {
		return
	}
	for i := range s.servos {
		sv := &s.servos[i]
		if sv.mem[addrID] != id || s.sim.Silent(sv.joint) {
			continue
		}
		s.faults(sv)
		s.status(sv, inst, byte(dynamixel.CRCError), nil)
	}
}

// answers reports whether Status Return Level (68) srl lets a servo reply
// to inst (e-Manual, X-series, "Status Return Level(68)": 0 ping only, 1
// ping and read, 2 all instructions).
func answers(srl, inst byte) bool {
	switch srl {
	case 0:
		return inst == dynamixel.InstPing
	case 1:
		switch inst {
		case dynamixel.InstPing, dynamixel.InstRead, dynamixel.InstSyncRead, dynamixel.InstBulkRead,
			dynamixel.InstFastSyncRead, dynamixel.InstFastBulkRead:
			return true
		}
		return false
	}
	return true
}
