package chiron

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/drivers/canbus"
	"github.com/chiron-robotics/chiron/drivers/cubemars"
	"github.com/chiron-robotics/chiron/drivers/probe"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

func init() {
	register(command{
		name:    "drivers",
		summary: "hardware tools: 'drivers probe' lists what answers on a bus (read-only)",
		run:     runDrivers,
	})
}

// probeOpen opens serial ports for the probe; tests may replace it.
var probeOpen serialport.Opener = serialport.Open

func runDrivers(args []string, _ io.Reader, out, errw io.Writer) error {
	if len(args) == 0 {
		return usagef("want a tool: probe (run 'chiron drivers probe -h')")
	}
	switch args[0] {
	case "probe":
		return runProbe(args[1:], out, errw)
	case "-h", "--help", "help":
		fmt.Fprintln(out, "Usage: chiron drivers probe --protocol dynamixel|canopen|cubemars --port PATH [flags]")
		return nil
	}
	return usagef("unknown tool %q (want probe)", args[0])
}

// runProbe lists the devices that answer on a bus without enabling or
// moving anything (see each protocol's probe for what it sends).
func runProbe(args []string, out, errw io.Writer) error {
	fs := flag.NewFlagSet("drivers probe", flag.ContinueOnError)
	// Parse errors become one line (usageError); -h prints the flags.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	protocol := fs.String("protocol", "", "dynamixel, canopen or cubemars")
	port := fs.String("port", "", "serial port (/dev/ttyUSB0, a firmware-sim pty) or, for CAN without --slcan, a SocketCAN interface (can0)")
	slcan := fs.Bool("slcan", false, "CAN protocols: --port is a USB-CAN adapter speaking SLCAN (CANable, Lawicel)")
	bitrate := fs.Int("bitrate", 1_000_000, "CAN bit rate set on an SLCAN adapter, bit/s")
	baud := fs.Int("baud", 1_000_000, "serial baud rate (the Dynamixel bus rate; SLCAN adapters over USB ignore it)")
	idSpec := fs.String("ids", "", "IDs to probe, e.g. 1-10,12 (default: every valid ID of the protocol)")
	timeout := fs.Duration("timeout", 0, "wait per request (default 20ms for dynamixel, 50ms for CAN)")
	listen := fs.Duration("listen", 300*time.Millisecond, "CAN: listen this long for heartbeats and other traffic before probing")
	enterMotor := fs.Bool("enter-motor-mode", false, "cubemars: per ID, send enter motor mode, one zero-torque zero-gain command, and exit motor mode (the motor is energised with zero torque for the exchange and left limp)")
	modelName := fs.String("model", "AK80-9", "cubemars: model whose ranges decode the replies (MIT mode does not report the model)")
	masterID := fs.Uint("master-id", 0, "cubemars: CAN ID the motors reply on (CubeMars default 0)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(out, "Usage: chiron drivers probe --protocol dynamixel|canopen|cubemars --port PATH [flags]")
			fmt.Fprintln(out, "Lists the devices that answer on a bus, one line each; enables and moves nothing.")
			fs.SetOutput(out)
			fs.PrintDefaults()
			return nil
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	rng, ok := probe.IDRange[*protocol]
	if !ok {
		return usagef("--protocol %q: want dynamixel, canopen or cubemars", *protocol)
	}
	if *port == "" {
		return usagef("--port is required (a serial device, a pty, or a SocketCAN interface such as can0)")
	}
	cfg := probe.Config{Protocol: *protocol, Port: *port, SLCAN: *slcan, Bitrate: *bitrate, Baud: *baud,
		Timeout: *timeout, Listen: *listen, EnterMotorMode: *enterMotor, MasterID: uint32(*masterID), Open: probeOpen}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case *protocol == "dynamixel" && (*slcan || set["bitrate"] || set["listen"]):
		return usagef("--slcan, --bitrate and --listen are for CAN protocols, not dynamixel")
	case *protocol != "cubemars" && (*enterMotor || set["model"] || set["master-id"]):
		return usagef("--enter-motor-mode, --model and --master-id are for --protocol cubemars")
	case *protocol != "dynamixel" && !*slcan && strings.Contains(*port, "/"):
		return usagef("--port %s looks like a serial device: add --slcan for a USB-CAN adapter, or name a SocketCAN interface (can0)", *port)
	case *baud <= 0:
		return usagef("--baud %d: want a positive rate", *baud)
	case *timeout < 0 || *listen < 0:
		return usagef("--timeout and --listen must not be negative")
	case *masterID > 0x7FF:
		return usagef("--master-id %#x: not an 11-bit CAN ID", *masterID)
	}
	if *slcan {
		if _, err := canbus.SLCANBitrateCode(*bitrate); err != nil {
			return usagef("--bitrate %d: %v", *bitrate, err)
		}
	}
	if *protocol == "cubemars" {
		m, ok := cubemars.ModelByName(*modelName)
		if !ok {
			names := make([]string, len(cubemars.Models))
			for i, m := range cubemars.Models {
				names[i] = m.Name
			}
			return usagef("--model %q: want one of %s", *modelName, strings.Join(names, ", "))
		}
		cfg.Model = m
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 50 * time.Millisecond
		if *protocol == "dynamixel" {
			cfg.Timeout = 20 * time.Millisecond
		}
	}
	var err error
	if *idSpec == "" {
		for id := rng[0]; id <= rng[1]; id++ {
			cfg.IDs = append(cfg.IDs, id)
		}
	} else if cfg.IDs, err = probe.ParseIDs(*idSpec, rng[0], rng[1]); err != nil {
		return usagef("--ids: %v", err)
	}
	if *protocol == "cubemars" {
		for _, id := range cfg.IDs {
			if uint32(id) == cfg.MasterID {
				return usagef("--ids includes %d, the master ID replies arrive on", id)
			}
		}
	}

	found, err := probe.Run(cfg, out, errw)
	if err != nil {
		return err
	}
	fmt.Fprintf(errw, "%d device(s) answered on %s (%s, %d ID(s) probed)\n", found, cfg.Port, cfg.Protocol, len(cfg.IDs))
	if found == 0 {
		return exitError{1, errors.New("no device answered")}
	}
	return nil
}
