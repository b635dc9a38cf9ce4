package chiron

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/chiron-robotics/chiron/robot"
	"github.com/chiron-robotics/chiron/robots"
	"github.com/chiron-robotics/chiron/teleop"
)

func init() {
	register(command{
		name:    "demo",
		summary: "the laparoscopic arm and the lower-limb exoskeleton (with a simulated patient, for clinicians' sessions) against simulated firmware, with the browser console",
		run:     runDemo,
	})
}

// demoSpecs are the demo's robots, in modelDir: the PSM (robots/psm.json)
// and the lower-limb exoskeleton (robots/lower_limb_exo.urdf, worn by a
// 1.75 m, 75 kg patient) with a simulated patient in it, the robot
// clinicians' sessions run on.
func demoSpecs(modelDir, psmProtocol, exoProtocol string, rate float64) []robotSpec {
	return []robotSpec{
		{Name: "psm", Prefix: "/psm", Model: filepath.Join(modelDir, "psm.json"), Protocol: psmProtocol, Rate: rate, HardwareRate: true, Seed: 1},
		{Name: "exo", Prefix: "/exo", Model: filepath.Join(modelDir, "lower_limb_exo.urdf"), Protocol: exoProtocol, Rate: rate, HardwareRate: true, Seed: 2,
			Sessions: true, Patient: true},
	}
}

// modelDir finds the shipped models: the source tree's robots/ when the
// binary runs where it was built, else ./robots.
func modelDir() string {
	if d := robots.Dir(); d != "" {
		return d
	}
	return "robots"
}

func runDemo(args []string, _ io.Reader, out, errw io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(errw)
	addr := fs.String("addr", teleop.DefaultAddr, "listen address host:port (port 0 picks one)")
	psmProto := fs.String("psm-protocol", robot.ProtocolCANopen, "the PSM's simulated drives: "+strings.Join(robot.Protocols(), ", "))
	exoProto := fs.String("exo-protocol", robot.ProtocolCubeMars, "the exoskeleton's simulated drives")
	// Each robot runs as its hardware would: its loop at the fastest rate
	// (≤ 1 kHz) its simulated drives' real bus carries, as serve --rig
	// picks one. A CANopen bus of 6 joints at 1 Mbit/s carries 250 Hz, and
	// a 1 kHz loop through it asks a general-purpose host for 3 ms
	// watchdog margins that its scheduler does not promise.
	rate := fs.Float64("rate", 0, "control rate of both loops, Hz (default: each robot's at the rate its simulated drives' real bus carries, at most 1000)")
	tokenFile := fs.String("token-file", "", "tokens file (lines 'role token [name]': the name is the therapist a clinic report shows); default: generate one per role and print them")
	enable := fs.Bool("enable-on-start", true, "enable each robot as soon as its loop reads its drives (a demo; --enable-on-start=false leaves them Disabled until an operator presses Enable)")
	rt := fs.Bool("rt", false, "ask for SCHED_FIFO and locked memory for the loops (refused without the privilege: then it says so and runs without)")
	models := fs.String("models", "", "directory holding psm.json and lower_limb_exo.urdf (default: the shipped robots/)")
	db := clinicFlags(fs)
	gpf := addGamepadFlags(fs, true)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	dir := *models
	if dir == "" {
		dir = modelDir()
	}
	if _, err := os.Stat(filepath.Join(dir, "psm.json")); err != nil {
		return fmt.Errorf("demo models not found in %s (run from the source tree or pass --models DIR): %w", dir, err)
	}
	specs := demoSpecs(dir, *psmProto, *exoProto, *rate)
	var names []string
	prefix := map[string]string{}
	for _, sp := range specs {
		names = append(names, sp.Name)
		prefix[sp.Name] = sp.Prefix
	}
	if err := gpf.validate(names...); err != nil {
		return err
	}
	tokens, gen, err := tokensFor(*tokenFile)
	if err != nil {
		return err
	}
	pad, err := openGamepad(gpf, tokens, prefix[*gpf.robot], "")
	if err != nil {
		return err
	}
	if pad != nil {
		defer pad.stop()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Clinicians' sessions run on the served exoskeleton, through its
	// drivers, with the simulated patient in it: the console's 3D view
	// shows the session's motion.
	cl, err := openClinic(ctx, clinicOptions{DB: *db, Robot: "exo", Sessions: true}, tokens, nil)
	if err != nil {
		return err
	}
	st, err := newStack(specs, stackOptions{Addr: *addr, Tokens: tokens, Clinic: cl, RT: *rt, EnableOnStart: *enable})
	if err != nil {
		return err
	}
	err = st.run(ctx, func(a string) {
		fmt.Fprintf(out, "demo: psm (%s) and exo (%s) against simulated firmware; Ctrl-C stops\n", *psmProto, *exoProto)
		fmt.Fprintf(out, "demo: clinicians' sessions on the exo (a lower-limb exoskeleton worn by a simulated patient), records in %s\n", redactDSN(cl.dsn))
		st.printNotes(out)
		printReady(out, a, false, gen, cl)
		if pad != nil {
			pad.start(ctx, a, *gpf.robot, out, errw)
		}
	})
	if err == nil {
		fmt.Fprintln(out, "demo: stopped")
	}
	return err
}
