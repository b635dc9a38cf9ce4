package dynamixel

import (
	"encoding/binary"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/drivers/serialport"
)

// fakeServo is an in-test X-series servo: a control table plus fault knobs.
type fakeServo struct {
	table   [700]byte
	silent  bool // never replies
	replyAs byte // if non-zero, replies under this ID
	corrupt bool // damages the CRC of its replies
	errByte byte // OR'ed into the ERR byte of every reply
}

func (s *fakeServo) set(it Item, v int32) {
	switch it.Size {
	case 1:
		s.table[it.Addr] = byte(v)
	case 2:
		binary.LittleEndian.PutUint16(s.table[it.Addr:], uint16(v))
	default:
		binary.LittleEndian.PutUint32(s.table[it.Addr:], uint32(v))
	}
}

func (s *fakeServo) get(it Item) int32 {
	switch it.Size {
	case 1:
		return int32(s.table[it.Addr])
	case 2:
		return int32(int16(binary.LittleEndian.Uint16(s.table[it.Addr:])))
	}
	return int32(binary.LittleEndian.Uint32(s.table[it.Addr:]))
}

// fakeBus answers instructions for its servos using the package's
// device-side API (Decoder, Parse*, AppendStatus), as the firmware simulator
// will. It allocates nothing per packet.
type fakeBus struct {
	mu     sync.Mutex
	servos [253]*fakeServo
	dec    Decoder
	pkt    Packet
	out    []byte
	log    []byte // instruction codes received, in order
	prefix []byte // garbage sent before every reply

	// Bus Watchdog model: the servos' clock (advanced by the test with
	// advance, never by wall time) and when the last instruction packet
	// arrived on the bus.
	now, heard time.Duration

	// record keeps a copy of every instruction packet (allocates: leave it
	// off in allocation tests).
	record  bool
	packets []recorded
}

// recorded is one instruction packet the fake servos received.
type recorded struct {
	ID, Inst byte
	Params   []byte
}

func newFakeBus() *fakeBus {
	return &fakeBus{out: make([]byte, 0, 8192), log: make([]byte, 0, 1<<16)}
}

func (f *fakeBus) add(id byte, m *Model) *fakeServo {
	s := &fakeServo{}
	s.set(X.ModelNumber, int32(m.Number))
	s.set(X.FirmwareVersion, 45)
	s.set(X.ID, int32(id))
	s.set(X.OperatingMode, int32(OpPosition))
	s.set(X.CurrentLimit, m.MaxCurrent)
	s.set(X.VelocityLimit, 350)
	s.set(X.MaxPositionLimit, 4095)
	s.set(X.MinPositionLimit, 0)
	s.set(X.StatusReturnLevel, 2)
	s.set(X.PresentPosition, 2048)
	s.set(X.PresentTemperature, 30)
	f.servos[id] = s
	return s
}

func (f *fakeBus) servo(id byte) *fakeServo {
	if id > MaxID {
		return nil
	}
	return f.servos[id]
}

func (f *fakeBus) reply(id byte, s *fakeServo, code StatusCode, data []byte) {
	if s.silent {
		return
	}
	if s.replyAs != 0 {
		id = s.replyAs
	}
	f.out = append(f.out, f.prefix...)
	f.out = AppendStatus(f.out, id, byte(code)|s.errByte, data)
	if s.corrupt {
		f.out[len(f.out)-1] ^= 0x5A
	}
}

func inTable(addr, n uint16) bool { return int(addr)+int(n) <= 700 }

// write applies data at addr, refusing EEPROM writes while torque is on as
// the X-series does (Access Error), a Bus Watchdog (98) value outside
// 0…127, and any goal item (Goal PWM 100 … Goal Position 119) while the Bus
// Watchdog is tripped (Data Range Error; e-Manual, "Bus Watchdog(98)").
func (s *fakeServo) write(addr uint16, data []byte) StatusCode {
	end := addr + uint16(len(data))
	if !inTable(addr, uint16(len(data))) {
		return AccessError
	}
	if addr < X.TorqueEnable.Addr && s.table[X.TorqueEnable.Addr] != 0 {
		return AccessError
	}
	wd := X.BusWatchdog.Addr
	if addr <= wd && wd < end && data[wd-addr] > 127 {
		return DataRangeError
	}
	if s.table[wd] == watchdogTripped && addr < X.GoalPosition.Addr+4 && end > X.GoalPWM.Addr {
		return DataRangeError
	}
	copy(s.table[addr:], data)
	return 0
}

// advance moves the servos' clock on by d. A servo with torque on and its
// Bus Watchdog armed that has heard no instruction packet for longer than
// the watchdog time trips at that moment: Bus Watchdog becomes -1 and the
// servo stops. The e-Manual says only that it stops (Profile Acceleration
// and Velocity applied as 0); the fake shows the stop in its goals: PWM,
// current and velocity 0, position where it is.
func (f *fakeBus) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now += d
	for _, s := range f.servos {
		if s == nil || s.table[X.TorqueEnable.Addr] == 0 {
			continue
		}
		v := s.table[X.BusWatchdog.Addr]
		if v == 0 || v == watchdogTripped || f.now-f.heard <= time.Duration(v)*WatchdogUnit {
			continue
		}
		s.table[X.BusWatchdog.Addr] = watchdogTripped
		s.set(X.GoalPWM, 0)
		s.set(X.GoalCurrent, 0)
		s.set(X.GoalVelocity, 0)
		s.set(X.GoalPosition, s.get(X.PresentPosition))
	}
}

// writes returns the recorded writes (write, sync write and bulk write) of
// addr, as "id=value" pairs of one-byte items in arrival order.
func (f *fakeBus) writes(addr uint16) [][2]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out [][2]byte
	for _, p := range f.packets {
		switch p.Inst {
		case InstWrite:
			if a, data, err := ParseWrite(p.Params); err == nil && a == addr {
				out = append(out, [2]byte{p.ID, data[0]})
			}
		case InstSyncWrite:
			if sw, err := ParseSyncWrite(p.Params); err == nil && sw.Addr == addr {
				for i := range sw.Count() {
					id, data := sw.Entry(i)
					out = append(out, [2]byte{id, data[0]})
				}
			}
		case InstBulkWrite:
			bw, err := ParseBulkWrite(p.Params)
			if err != nil {
				continue
			}
			for e, off, ok := bw.Next(0); ok; e, off, ok = bw.Next(off) {
				if e.Addr == addr {
					out = append(out, [2]byte{e.ID, e.Data[0]})
				}
			}
		}
	}
	return out
}

// handle consumes instruction bytes and returns the bytes the servos send.
func (f *fakeBus) handle(in []byte) []byte {
	f.out = f.out[:0]
	for len(in) > 0 {
		n := f.dec.Feed(in)
		in = in[n:]
		for {
			ok, err := f.dec.Next(&f.pkt)
			if err != nil {
				continue
			}
			if !ok {
				break
			}
			f.dispatch(&f.pkt)
		}
	}
	return f.out
}

func (f *fakeBus) dispatch(p *Packet) {
	f.log = append(f.log, p.Instruction)
	f.heard = f.now
	if f.record {
		f.packets = append(f.packets, recorded{ID: p.ID, Inst: p.Instruction, Params: append([]byte(nil), p.Params...)})
	}
	s := f.servo(p.ID)
	switch p.Instruction {
	case InstPing:
		if s != nil && !s.silent {
			id := p.ID
			if s.replyAs != 0 {
				id = s.replyAs
			}
			f.out = append(f.out, f.prefix...)
			f.out = AppendPingStatus(f.out, id, s.errByte, uint16(s.get(X.ModelNumber)), s.table[X.FirmwareVersion.Addr])
		}
	case InstRead:
		if s == nil {
			return
		}
		addr, n, err := ParseRead(p.Params)
		if err != nil || !inTable(addr, n) {
			f.reply(p.ID, s, DataLengthError, nil)
			return
		}
		f.reply(p.ID, s, 0, s.table[addr:addr+n])
	case InstWrite:
		if s == nil {
			return
		}
		addr, data, err := ParseWrite(p.Params)
		if err != nil {
			f.reply(p.ID, s, DataLengthError, nil)
			return
		}
		f.reply(p.ID, s, s.write(addr, data), nil)
	case InstSyncRead:
		sr, err := ParseSyncRead(p.Params)
		if err != nil || !inTable(sr.Addr, sr.Len) {
			return
		}
		for _, id := range sr.IDs {
			if s := f.servo(id); s != nil {
				f.reply(id, s, 0, s.table[sr.Addr:sr.Addr+sr.Len])
			}
		}
	case InstSyncWrite:
		sw, err := ParseSyncWrite(p.Params)
		if err != nil {
			return
		}
		for i := range sw.Count() {
			id, data := sw.Entry(i)
			if s := f.servo(id); s != nil {
				s.write(sw.Addr, data)
			}
		}
	case InstBulkRead:
		br, err := ParseBulkRead(p.Params)
		if err != nil {
			return
		}
		for i := range br.Count() {
			e := br.Entry(i)
			if s := f.servo(e.ID); s != nil && inTable(e.Addr, e.Len) {
				f.reply(e.ID, s, 0, s.table[e.Addr:e.Addr+e.Len])
			}
		}
	case InstBulkWrite:
		bw, err := ParseBulkWrite(p.Params)
		if err != nil {
			return
		}
		for e, off, ok := bw.Next(0); ok; e, off, ok = bw.Next(off) {
			if s := f.servo(e.ID); s != nil {
				s.write(e.Addr, e.Data)
			}
		}
	}
}

// count returns how many times inst was received.
func (f *fakeBus) count(inst byte) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, x := range f.log {
		if x == inst {
			n++
		}
	}
	return n
}

// serve answers on a Pipe end until it is closed; split sends replies one
// byte per write to exercise partial reads.
func (f *fakeBus) serve(p serialport.Port, split bool) {
	buf := make([]byte, 512)
	for {
		n, err := p.Read(buf)
		if n > 0 {
			f.mu.Lock()
			out := f.handle(buf[:n])
			if split {
				for i := range out {
					p.Write(out[i : i+1])
				}
			} else if len(out) > 0 {
				p.Write(out)
			}
			f.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// loopPort is a synchronous, allocation-free Port: Write hands the bytes to
// the fake servos and queues their reply for Read. It isolates the driver's
// own allocations (serialport.Pipe allocates a timer per blocking Read and
// grows its buffer on Write, which AllocsPerRun would count).
type loopPort struct {
	f  *fakeBus
	rx []byte
	r  int
}

func newLoopPort(f *fakeBus) *loopPort { return &loopPort{f: f, rx: make([]byte, 0, 8192)} }

func (l *loopPort) Write(p []byte) (int, error) {
	out := l.f.handle(p)
	if l.r == len(l.rx) {
		l.rx, l.r = l.rx[:0], 0
	}
	l.rx = append(l.rx, out...)
	return len(p), nil
}

func (l *loopPort) Read(dst []byte) (int, error) {
	n := copy(dst, l.rx[l.r:])
	l.r += n
	return n, nil
}

func (l *loopPort) Close() error                       { return nil }
func (l *loopPort) SetReadTimeout(time.Duration) error { return nil }
func (l *loopPort) ResetInputBuffer() error            { l.rx, l.r = l.rx[:0], 0; return nil }
