package rig

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/canopen"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/dynamixel"
	"github.com/chiron-robotics/chiron/drivers/serialport"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/firmware-sim/canopensim"
	"github.com/chiron-robotics/chiron/firmware-sim/dxlsim"
	"github.com/chiron-robotics/chiron/firmware-sim/mitsim"
	"github.com/chiron-robotics/chiron/kinematics"
)

// directConn is a canbus.Conn straight into simulated CAN firmware:
// WriteFrame hands the frame to the node and runs its periodic work on the
// caller's goroutine, and queues what the node sends; ReadFrame never
// waits. Nothing runs concurrently, so an exchange over it is a function of
// the frames alone.
type directConn struct {
	node   firmwaresim.CANNode
	rx     []canbus.Frame
	closed bool
}

func (c *directConn) push(f canbus.Frame) { c.rx = append(c.rx, f) }

func (c *directConn) WriteFrame(f canbus.Frame) error {
	if c.closed {
		return canbus.ErrClosed
	}
	c.node.HandleFrame(f, c.push)
	c.node.Tick(c.push)
	return nil
}

func (c *directConn) ReadFrame(time.Duration) (canbus.Frame, error) {
	if c.closed {
		return canbus.Frame{}, canbus.ErrClosed
	}
	if len(c.rx) == 0 {
		return canbus.Frame{}, canbus.ErrTimeout
	}
	f := c.rx[0]
	c.rx = c.rx[1:]
	return f, nil
}

func (c *directConn) Close() error { c.closed = true; return nil }

// simRig is a rig file for simulated drives on chain: IDs (nodes) 1..n,
// every direction +1, prismatic joints through lead.
func simRigConfig(chain *kinematics.Chain, protocol string, lead float64) *Config {
	cfg := &Config{Protocol: protocol, ReplyTimeout: Duration(time.Second), Joints: make([]Joint, chain.DoF())}
	for i, cj := range chain.Joints {
		id := i + 1
		j := &cfg.Joints[i]
		j.Name, j.Direction = cj.Name, 1
		switch protocol {
		case CANopen:
			j.Node, j.Mode, j.CountsPerRad = &id, "CST", canopensim.DefaultCountsPerRad
			if cj.Type == kinematics.Prismatic {
				j.CountsPerRad = canopensim.DefaultCountsPerMetre
			}
		default:
			j.ID, j.Model = &id, "sized"
			if cj.Type == kinematics.Prismatic {
				j.Lead = lead
			}
		}
	}
	return cfg
}

// Simulated drives open through the seam exactly as real ones do: the
// transport comes from Options (a pty opened by OpenSerial, an in-memory
// CAN connection from DialCAN), CANopen's start-up runs on Options.Clock,
// the sized drives' model data comes from Options, and the Bus maps the
// prismatic insertion's lead: every joint reads the simulated plant's
// position in the model's units.
func TestOpenWithSimulatedDrives(t *testing.T) {
	chain := loadChain(t, "psm.json")
	const lead = 0.01
	lo, hi := chain.Limits()
	q0 := make([]float64, chain.DoF())
	for i := range q0 {
		q0[i] = lo[i] + 0.3*(hi[i]-lo[i])
	}
	for _, tc := range []struct {
		protocol string
		tol      float64 // the encoder's resolution at the joint, and more
	}{
		{Dynamixel, 1e-3},
		{CANopen, 1e-3},
		{CubeMars, 2e-2}, // 16-bit MIT position over the sized range
	} {
		t.Run(tc.protocol, func(t *testing.T) {
			sim, err := firmwaresim.New(chain, firmwaresim.Config{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			sim.Lock()
			sim.Plant().SetState(q0, nil)
			sim.Unlock()
			cfg := simRigConfig(chain, tc.protocol, lead)
			var opts Options
			var opened, dialled []string
			var relay *firmwaresim.HardwareWatchdog
			clockReads := 0
			switch tc.protocol {
			case Dynamixel:
				models, err := dxlsim.SizedModels(chain, lead, 50, 2)
				if err != nil {
					t.Fatal(err)
				}
				srv, err := dxlsim.New(sim, dxlsim.Config{Models: models, PrismaticLead: lead})
				if err != nil {
					t.Fatal(err)
				}
				p, err := firmwaresim.OpenPTY("")
				if err != nil {
					t.Skipf("no pseudo-terminal here: %v", err)
				}
				ctx, cancel := context.WithCancel(context.Background())
				var wg sync.WaitGroup
				wg.Add(1)
				go func() { defer wg.Done(); srv.Serve(ctx, p) }()
				t.Cleanup(func() { cancel(); p.Close(); wg.Wait() })
				cfg.Transport.Port = p.Path()
				opts = Options{DynamixelModels: models, SetupTimeout: time.Second,
					OpenSerial: func(name string, c serialport.Config) (serialport.Port, error) {
						opened = append(opened, name)
						return serialport.Open(name, c)
					}}
			case CANopen:
				node, err := canopensim.New(sim, canopensim.Config{Brakes: true})
				if err != nil {
					t.Fatal(err)
				}
				cfg.Transport = Transport{Interface: "simcan0"}
				cfg.CANopen = &CANopenBus{SDOTimeout: Duration(time.Second)}
				opts = Options{
					DialCAN: func(tr Transport) (canbus.Conn, error) {
						dialled = append(dialled, tr.Interface)
						return &directConn{node: node}, nil
					},
					// Start-up on simulated time: each reading steps the
					// drives 1 ms (the brakes hold the arm).
					Clock: func() time.Duration {
						clockReads++
						sim.Step(time.Millisecond)
						return sim.Now()
					}}
			case CubeMars:
				models, err := mitsim.SizedModels(chain, lead, 50, 2)
				if err != nil {
					t.Fatal(err)
				}
				node, err := mitsim.New(sim, mitsim.Config{Models: models, PrismaticLead: lead})
				if err != nil {
					t.Fatal(err)
				}
				cfg.Transport = Transport{Port: "/dev/sim-slcan", SLCAN: true}
				pin := 7
				cfg.HardwareWatchdog = &HardwareWatchdog{Port: "/dev/sim-firmata", Pin: &pin, Timeout: Duration(50 * time.Millisecond)}
				if relay, err = sim.AttachWatchdog(50 * time.Millisecond); err != nil {
					t.Fatal(err)
				}
				opts = Options{CubeMarsModels: models, DialCAN: func(tr Transport) (canbus.Conn, error) {
					dialled = append(dialled, tr.Port)
					return &directConn{node: node}, nil
				}, OpenWatchdog: func(w *HardwareWatchdog) (WatchdogIO, error) {
					return WatchdogIO{Line: relay, Feedback: relay, Close: func() error { return nil }}, nil
				}}
			}
			b, err := OpenWith(cfg, chain, opts)
			if err != nil {
				t.Fatal(err)
			}
			switch tc.protocol {
			case Dynamixel:
				if len(opened) != 1 || opened[0] != cfg.Transport.Port {
					t.Errorf("OpenSerial called for %q, want once for %s", opened, cfg.Transport.Port)
				}
				if _, ok := b.Driver().(*dynamixel.Bus); !ok {
					t.Errorf("driver %T", b.Driver())
				}
			case CANopen:
				if len(dialled) != 1 || dialled[0] != "simcan0" {
					t.Errorf("DialCAN called for %q, want once for simcan0", dialled)
				}
				if clockReads == 0 || sim.Now() == 0 {
					t.Errorf("start-up read Options.Clock %d times, simulated time %v: it ran on another clock", clockReads, sim.Now())
				}
				if _, ok := b.Driver().(*canopen.Network); !ok {
					t.Errorf("driver %T", b.Driver())
				}
			case CubeMars:
				if len(dialled) != 1 {
					t.Errorf("DialCAN called %d times, want once", len(dialled))
				}
				if _, ok := b.Driver().(*cubemars.Bus); !ok {
					t.Errorf("driver %T", b.Driver())
				}
				if b.Watchdog() == nil {
					t.Error("no hardware watchdog on the loop's path")
				}
			}
			if b.Protocol() != tc.protocol {
				t.Errorf("protocol %q", b.Protocol())
			}
			// One cycle holding where the arm is (a CANopen drive's TPDOs
			// answer the SYNC its Write sends).
			n := chain.DoF()
			cmds := make([]drivers.JointCommand, n)
			for i := range cmds {
				cmds[i] = drivers.JointCommand{Mode: drivers.ModeOff}
			}
			states := make([]drivers.JointState, n)
			if err := b.Write(sim.Now(), cmds); err != nil {
				t.Fatal(err)
			}
			if err := b.Read(sim.Now(), states); err != nil {
				t.Fatal(err)
			}
			if relay != nil && !relay.Closed() {
				t.Error("the loop's first write did not close the watchdog relay")
			}
			sim.Lock()
			q := append([]float64(nil), sim.Plant().Position()...)
			sim.Unlock()
			for i, s := range states {
				if math.Abs(s.Position-q[i]) > tc.tol {
					t.Errorf("joint %s reads %.5f, the plant is at %.5f", chain.Joints[i].Name, s.Position, q[i])
				}
			}
			if err := b.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
		})
	}
}

// Options that do not fit the rig are refused with the field named, before
// anything is opened.
func TestOpenWithRefusesBadOptions(t *testing.T) {
	chain := loadChain(t, "psm.json")
	dxl := simRigConfig(chain, Dynamixel, 0.01)
	dxl.Transport.Port = "/dev/null"
	mit := simRigConfig(chain, CubeMars, 0.01)
	mit.Transport = Transport{Port: "/dev/null", SLCAN: true}
	six := func() []*dynamixel.Model {
		ms := make([]*dynamixel.Model, 6)
		for i := range ms {
			ms[i] = &dynamixel.XM430W350
		}
		return ms
	}
	var opened int
	never := func(string, serialport.Config) (serialport.Port, error) {
		opened++
		return nil, errors.New("opened")
	}
	for _, tc := range []struct {
		name string
		cfg  *Config
		opts Options
		want string
	}{
		{"no config", nil, Options{}, "no configuration"},
		{"too few dynamixel models", dxl, Options{DynamixelModels: six()[:5]}, "Options.DynamixelModels: 5 models for 6 joints"},
		{"nil dynamixel model", dxl, Options{DynamixelModels: func() []*dynamixel.Model { m := six(); m[2] = nil; return m }()},
			"Options.DynamixelModels[2] (joint insertion)"},
		{"dynamixel models for cubemars", mit, Options{DynamixelModels: six()}, "Options.DynamixelModels for a cubemars rig"},
		{"cubemars models for dynamixel", dxl, Options{CubeMarsModels: make([]cubemars.Model, 6)}, "Options.CubeMarsModels for a dynamixel rig"},
		{"too many cubemars models", mit, Options{CubeMarsModels: make([]cubemars.Model, 7)}, "Options.CubeMarsModels: 7 models for 6 joints"},
		{"negative setup timeout", dxl, Options{DynamixelModels: six(), SetupTimeout: -time.Second}, "Options.SetupTimeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.OpenSerial = never
			_, err := OpenWith(tc.cfg, chain, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
	if opened != 0 {
		t.Errorf("the transport was opened %d times for options that do not fit", opened)
	}
}

// A transport that fails to open is reported with the rig's name from
// Options (a configuration built in code has no file) and the transport.
func TestOpenWithNamesTheRig(t *testing.T) {
	chain := loadChain(t, "psm.json")
	cfg := simRigConfig(chain, Dynamixel, 0.01)
	cfg.Transport.Port = "/dev/sim-dxl"
	ms, err := dxlsim.SizedModels(chain, 0.01, 50, 2)
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenWith(cfg, chain, Options{Name: "simulated dynamixel", DynamixelModels: ms,
		OpenSerial: func(string, serialport.Config) (serialport.Port, error) { return nil, errors.New("no such pty") }})
	if err == nil || !strings.Contains(err.Error(), "rig simulated dynamixel: dynamixel on /dev/sim-dxl") ||
		!strings.Contains(err.Error(), "no such pty") {
		t.Fatalf("error %v", err)
	}
}
