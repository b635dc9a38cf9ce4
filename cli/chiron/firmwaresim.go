package chiron

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	firmwaresim "github.com/chiron-robotics/chiron/firmware-sim"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

func init() {
	register(command{
		name:    "firmware-sim",
		summary: "simulated drive firmware (Dynamixel, CANopen CiA 402, CubeMars/MIT) on a pty, driving a physical plant",
		run:     runFirmwareSim,
	})
}

// streamServer is a protocol front end serving a host over a byte stream
// (a pty: Dynamixel directly, CAN protocols as SLCAN).
type streamServer interface {
	Serve(ctx context.Context, rw io.ReadWriter) error
}

// fwProtocols maps --protocol names to their front ends; each protocol's file
// adds itself.
var fwProtocols = map[string]func(sim *firmwaresim.Sim, c *kinematics.Chain, o fwOptions) (streamServer, error){}

// fwOptions are the protocol-specific settings of firmware-sim's flags.
type fwOptions struct {
	// MITShortReply: CubeMars motors answer with the classic 6-byte MIT
	// reply (no temperature, no error byte), as older firmware does.
	MITShortReply bool
}

func runFirmwareSim(args []string, _ io.Reader, out, errw io.Writer) error {
	fs := flag.NewFlagSet("firmware-sim", flag.ContinueOnError)
	fs.SetOutput(errw)
	model := fs.String("model", "", "robot model: URDF or modified-DH JSON")
	base := fs.String("base", "", "chain base link")
	tip := fs.String("tip", "", "chain tip link")
	protocol := fs.String("protocol", "", "dynamixel, canopen or cubemars")
	transport := fs.String("transport", "pty", "pty (CAN protocols speak SLCAN on it) or socketcan")
	link := fs.String("link", "", "make PATH a symbolic link to the pty (as socat's link=)")
	iface := fs.String("interface", "vcan0", "SocketCAN interface for --transport socketcan")
	seed := fs.Uint64("seed", 1, "seed of every random draw (noise, dropped replies)")
	faults := fs.String("faults", "", "fault spec, e.g. 'drop:joint=2,from=1s,to=2s,p=0.5;stuck:joint=3,from=2s'")
	tick := fs.Duration("tick", time.Millisecond, "real-time plant stepping period")
	mitReply := fs.Int("mit-reply", 8, "cubemars: reply length in bytes, 8 (CubeMars: with temperature and error) or 6 (the classic MIT reply of older firmware)")
	edsDir := fs.String("eds", "", "canopen: write each simulated drive's CiA 306 EDS (joint-N.eds, node N) into this directory and exit, for CANopen tools and a rig file's eds:")
	wd := watchdogFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *model == "" {
		return usagef("--model FILE is required")
	}
	mk, ok := fwProtocols[*protocol]
	if !ok {
		names := make([]string, 0, len(fwProtocols))
		for n := range fwProtocols {
			names = append(names, n)
		}
		sort.Strings(names)
		return usagef("--protocol %q: available here: %s", *protocol, strings.Join(names, ", "))
	}
	if *transport != "pty" && *transport != "socketcan" {
		return usagef("--transport %q: want pty or socketcan", *transport)
	}
	c, err := robot.LoadModel(*model, *base, *tip)
	if err != nil {
		return usageError{err}
	}
	spec, err := firmwaresim.ParseFaults(*faults, c.DoF())
	if err != nil {
		return usageError{err}
	}
	sim, err := firmwaresim.New(c, firmwaresim.Config{Seed: *seed, Faults: spec})
	if err != nil {
		return err
	}
	if *mitReply != 6 && *mitReply != 8 {
		return usagef("--mit-reply %d: want 6 or 8", *mitReply)
	}
	srv, err := mk(sim, c, fwOptions{MITShortReply: *mitReply == 6})
	if err != nil {
		return err
	}
	if *edsDir != "" {
		return writeEDS(srv, *protocol, *edsDir, c.DoF(), out)
	}
	// The watchdog relay's board comes first, whatever the transport: a
	// CubeMars rig file needs it on SocketCAN as on SLCAN.
	relay, err := wd.serve(sim, *protocol, out)
	if err != nil {
		return err
	}
	if relay != nil {
		defer relay.close()
	}
	if *transport == "socketcan" {
		return serveSocketCAN(srv, sim, *protocol, *iface, *tick, out, relay)
	}
	p, err := firmwaresim.OpenPTY(*link)
	if err != nil {
		return err
	}
	defer p.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(out, "ready %s\n", p.Path())
	if relay != nil {
		fmt.Fprintf(out, "watchdog %s\n", relay.describe())
	}
	if f, ok := out.(*os.File); ok {
		f.Sync()
	}
	errc := make(chan error, 2)
	// Devices with their own clock (the Dynamixel Bus Watchdog, the
	// watchdog relay's feedback contact) tick after every simulator step.
	var ticks []func()
	if t, ok := srv.(interface{ Tick() }); ok {
		ticks = append(ticks, t.Tick)
	}
	if relay != nil {
		ticks = append(ticks, relay.tick)
	}
	after := func() {
		for _, t := range ticks {
			t()
		}
	}
	go func() { errc <- sim.RunTicking(ctx, *tick, after) }()
	go func() { errc <- srv.Serve(ctx, p) }()
	err = <-errc
	stop()
	// Closing the pty unblocks the front end's read.
	p.Close()
	if err2 := <-errc; err == nil || errors.Is(err, context.Canceled) {
		err = err2
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// serveSocketCAN serves a CAN protocol's simulated drives on a SocketCAN
// interface (e.g. vcan0) instead of an SLCAN pty.
func serveSocketCAN(srv streamServer, sim *firmwaresim.Sim, protocol, iface string, tick time.Duration, out io.Writer, relay *fwWatchdog) error {
	s, ok := srv.(*firmwaresim.SLCANServer)
	if !ok {
		return usagef("--transport socketcan: protocol %s does not run on CAN", protocol)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	conn, err := canbus.DialSocketCAN(ctx, iface)
	if err != nil {
		return fmt.Errorf("socketcan %s: %w", iface, err)
	}
	defer conn.Close()
	fmt.Fprintf(out, "ready %s\n", iface)
	var after func()
	if relay != nil {
		fmt.Fprintf(out, "watchdog %s\n", relay.describe())
		after = relay.tick
	}
	errc := make(chan error, 2)
	go func() { errc <- sim.RunTicking(ctx, tick, after) }()
	go func() { errc <- firmwaresim.ServeCAN(ctx, conn, s.Node, s.Poll) }()
	err = <-errc
	stop()
	conn.Close()
	if err2 := <-errc; err == nil || errors.Is(err, context.Canceled) {
		err = err2
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
