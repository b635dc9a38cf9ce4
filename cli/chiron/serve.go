package chiron

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab/exercise"
	"github.com/chiron-robotics/chiron/robot"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/control/registry"
	"github.com/chiron-robotics/chiron/control/registry/external"
	"github.com/chiron-robotics/chiron/rig"
	"github.com/chiron-robotics/chiron/teleop"
	"github.com/chiron-robotics/chiron/teleop/console"
	"github.com/chiron-robotics/chiron/teleop/robotloop"
)

func init() {
	register(command{
		name:    "serve",
		summary: "teleoperation server and browser console for one robot (its real drives with --rig, simulated firmware with --sim)",
		run:     runServe,
	})
}

// robotSpec is one robot of a served stack.
type robotSpec struct {
	Name, Prefix     string
	Model, Base, Tip string
	Protocol         string // hil protocol: dynamixel, canopen, cubemars, inproc
	// Rate is the loop rate, Hz; 0 means 1 kHz, or with HardwareRate the
	// rate the real bus the simulated drives stand for carries (with
	// --rig, serve picks the rate the rig's bus carries before it gets
	// here).
	Rate         float64
	HardwareRate bool
	Seed         uint64
	Controller   string
	// ControllerParams are the active controller's parameters (raw YAML
	// or JSON, decoded by its registered factory).
	ControllerParams registry.Params
	Safety           robot.SafetyOverrides
	// Rig, if set, serves the robot on the real drives it describes
	// instead of simulated firmware (Protocol and Seed are then unused).
	Rig *rig.Config
	// Chain, if set, is the model already loaded from Model (by loadRig).
	Chain *kinematics.Chain
	// Sessions makes this robot the one the clinicians' API runs sessions
	// on (stackOptions.Clinic with Sessions).
	Sessions bool
	// Patient puts a simulated patient in the simulated robot (a
	// rehabilitation robot worn by someone): their limb's passive
	// mechanics on the plant, their torque at every step, and the
	// session's cues. Unused on real drives.
	Patient bool
}

// stack is robots against simulated firmware (robot.Robot: firmware-sim on a
// pty, the real host drivers, the loop and its supervisor) or on real
// drives (realRobot), each adapted to teleop by robotloop, behind one
// teleop server with the console.
type stack struct {
	rigs   []*robot.Robot
	robots []*robotloop.Robot
	server *teleop.Server
	models []console.Model
	rt     bool
	clinic *clinic // the clinicians' API, if served
	// notes say what the stack chose on its users' behalf (loop rates).
	notes         []string
	enableOnStart bool
}

// stackOptions are the server-side settings of a stack.
type stackOptions struct {
	Addr                    string
	Tokens                  *teleop.Tokens
	TLSCertFile, TLSKeyFile string
	TelemetryRate           float64
	RT                      bool
	Logger                  *slog.Logger
	// Clinic, if set, is served under /api/v1; the stack owns it from
	// newStack on (it is closed with the stack, even when newStack fails).
	Clinic *clinic
	// EnableOnStart asks each robot's supervisor to enable once its loop
	// reads fresh data (--enable-on-start). Otherwise the robots stay
	// Disabled until someone asks: an operator (the console's Enable), a
	// clinician's session. Nothing resets a fault or resumes a stop on its
	// own either way: the supervisor decides on each request.
	EnableOnStart bool
}

// operatorMargin keeps the operator's workspace box this far (m) inside the
// supervisor's, so the operator's velocity clipping acts before the
// supervisor's protective stop would.
const operatorMargin = 0.01

func newStack(specs []robotSpec, o stackOptions) (*stack, error) {
	s := &stack{rt: o.RT, clinic: o.Clinic, enableOnStart: o.EnableOnStart}
	var rcs []teleop.RobotConfig
	for _, sp := range specs {
		rig, err := s.open(sp)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("%s: %w", sp.Name, err)
		}
		s.rigs = append(s.rigs, rig)
		lo, hi := make([]float64, len(rig.Limits())), make([]float64, len(rig.Limits()))
		for i, l := range rig.Limits() {
			lo[i], hi[i] = l.PositionMin, l.PositionMax
		}
		name := sp.Name
		if name == "" {
			name = rig.Chain().Name
		}
		r, err := robotloop.New(robotloop.Config{Name: name, Loop: rig.Loop(), Chain: rig.Chain(),
			JointNames: rig.JointNames(), Lower: lo, Upper: hi, Owner: rig.Owner})
		if err != nil {
			s.close()
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		s.robots = append(s.robots, r)
		box := rig.Workspace()
		var ob teleop.Box
		for a := range 3 {
			ob.Min[a], ob.Max[a] = box.Min[a]+operatorMargin, box.Max[a]-operatorMargin
		}
		rcs = append(rcs, teleop.RobotConfig{Robot: r, Prefix: sp.Prefix, Operator: teleop.OperatorConfig{Workspace: ob}})
		var urdf []byte
		if ext := strings.ToLower(filepath.Ext(sp.Model)); ext == ".urdf" || ext == ".xml" {
			if urdf, err = os.ReadFile(sp.Model); err != nil {
				s.close()
				return nil, err
			}
		}
		s.models = append(s.models, console.NewModel(name, strings.TrimRight(sp.Prefix, "/"), rig.Chain(), urdf))
	}
	simulated := true
	for _, sp := range specs {
		simulated = simulated && sp.Rig == nil
	}
	// Simulated robots announce Foxglove's `time` capability (the loops run
	// on the wall clock here, so their time is the wall clock's).
	srv, err := teleop.New(teleop.Options{Addr: o.Addr, Robots: rcs, Tokens: o.Tokens, Simulation: simulated,
		TLSCertFile: o.TLSCertFile, TLSKeyFile: o.TLSKeyFile, TelemetryRate: o.TelemetryRate, Logger: o.Logger})
	if err != nil {
		s.close()
		return nil, err
	}
	srv.Handle("/", console.Handler())
	srv.HandleAuthenticated("/model", console.ModelHandler(s.models))
	if s.clinic != nil {
		srv.Handle("/api/v1/", s.clinic.api)
	}
	s.server = srv
	return s, nil
}

// open opens sp's robot (robot.Open): on the real drives of its rig file,
// or against simulated firmware at sp.Rate or, when that is 0, at 1 kHz or
// (HardwareRate) at the rate its simulated bus would carry on real
// hardware.
func (s *stack) open(sp robotSpec) (*robot.Robot, error) {
	chain := sp.Chain
	if chain == nil {
		var err error
		if chain, err = robot.LoadModel(sp.Model, sp.Base, sp.Tip); err != nil {
			return nil, err
		}
	}
	rate := sp.Rate
	if rate == 0 {
		rate = 1000
	}
	// The simulated bus has no wire time, so it carries any rate; say when
	// the real bus it stands for would not (rig.LoopRate: the rule serve
	// --rig applies), so nobody takes the simulation's rate for the
	// hardware's — or, asked to, run at the hardware's.
	if bus := rig.SimulatedBus(sp.Protocol, chain.DoF()); sp.Rig == nil && bus != nil {
		if real, _, err := rig.LoopRate(bus, rate, false); err == nil && real < rate && sp.Rate == 0 && sp.HardwareRate {
			s.notes = append(s.notes, fmt.Sprintf("%s: loop at %g Hz, the rate the real bus of its simulated %s drives (%d joints at 1 Mbit/s) carries (--rate %g runs faster than that hardware could)",
				sp.Name, real, sp.Protocol, chain.DoF(), rate))
			rate = real
		} else if err == nil && real < rate {
			s.notes = append(s.notes, fmt.Sprintf("%s: loop at %g Hz on simulated %s drives; their real bus (%d joints at 1 Mbit/s) carries %g Hz at most (--rate %g runs as the hardware would)",
				sp.Name, rate, sp.Protocol, chain.DoF(), real, real))
		}
	}
	cfg := robot.Config{Chain: chain, ModelPath: sp.Model, Base: sp.Base, Tip: sp.Tip, Rig: sp.Rig,
		Protocol: sp.Protocol, Rate: rate, Seed: sp.Seed, Controller: sp.Controller, Safety: sp.Safety,
		Gains: robot.Gains{Params: sp.ControllerParams},
		// Simulated robots start in their ready pose (mid-range unless that
		// is stretched straight, where teleoperation could not move the tool).
		Q0: robot.ReadyPose(chain)}
	var worn *exercise.WornPatient
	if sp.Patient && sp.Rig == nil {
		pat, err := exercise.DefaultSimPatient(nil, chain, sp.Seed)
		if err != nil {
			return nil, fmt.Errorf("simulated patient: %w", err)
		}
		worn = exercise.NewWornPatient(pat)
		cfg.Plant.Limb, cfg.External = pat.Limb(), worn.Apply
	}
	r, err := robot.Open(cfg)
	if err != nil {
		return nil, err
	}
	if sp.Sessions && s.clinic != nil {
		sc := exercise.StationConfig{Station: r}
		if worn != nil {
			sc.Cue = worn.Cue
		}
		sr, err := exercise.NewStationRunner(sc)
		if err != nil {
			r.Close()
			return nil, err
		}
		s.clinic.slot.attach(sr)
		s.clinic.safety.set(r)
	}
	return r, nil
}

// run starts every rig in real time, enables the loops and serves until ctx
// ends; ready gets the bound address. Everything is stopped and closed on
// return.
func (s *stack) run(ctx context.Context, ready func(addr string)) error {
	defer s.close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, len(s.rigs)+1)
	for i, rig := range s.rigs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// KeepGC: the process also runs a web server, which allocates;
			// the loop itself allocates nothing either way.
			rep, err := rig.Run(ctx, control.RunnerConfig{RT: s.rt, KeepGC: true})
			if err != nil {
				errs <- fmt.Errorf("%s loop: %w", s.robots[i].Name(), err)
				cancel()
				return
			}
			for _, m := range rep.RT.Messages {
				slog.Debug("real-time", "robot", s.robots[i].Name(), "msg", m)
			}
		}()
		if s.enableOnStart {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := rig.EnableOnStart(ctx, 10*time.Second); err != nil {
					slog.Warn("enable on start", "robot", s.robots[i].Name(), "err", err)
				}
			}()
		}
	}
	err := s.server.ListenAndServe(ctx, ready)
	cancel()
	wg.Wait()
	// A running clinicians' session is stopped and its samples committed
	// before the store closes.
	if s.clinic != nil {
		if cerr := s.clinic.close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("clinic: %w", cerr))
		}
		s.clinic = nil
	}
	close(errs)
	for e := range errs {
		err = errors.Join(err, e)
	}
	return err
}

// printNotes prints what the stack chose on its users' behalf.
func (s *stack) printNotes(w io.Writer) {
	for _, n := range s.notes {
		fmt.Fprintln(w, n)
	}
}

func (s *stack) close() {
	for _, r := range s.rigs {
		r.Close()
	}
	if s.clinic != nil {
		if err := s.clinic.close(); err != nil {
			slog.Warn("clinic", "err", err)
		}
		s.clinic = nil
	}
}

// tokensFor returns the tokens from file, or generates one per role.
// generated maps role → token when they were generated.
func tokensFor(file string) (*teleop.Tokens, map[teleop.Role]string, error) {
	if file != "" {
		t, err := teleop.LoadTokens(file)
		return t, nil, err
	}
	t := teleop.NewTokens()
	gen := map[teleop.Role]string{}
	for _, role := range []teleop.Role{teleop.RoleViewer, teleop.RoleOperator, teleop.RoleClinician, teleop.RoleAdmin} {
		tok, err := teleop.GenerateToken()
		if err != nil {
			return nil, nil, err
		}
		if err := t.Add(role, tok); err != nil {
			return nil, nil, err
		}
		gen[role] = tok
	}
	return t, gen, nil
}

// printReady prints the console URL (with the operator token when tokens
// were generated), the generated tokens and, when clinic is set, the
// clinician page (its token in the fragment, which the browser never sends
// to the server: it stays out of request logs) and the sessions a previous
// process left interrupted.
func printReady(w io.Writer, addr string, tls bool, gen map[teleop.Role]string, clinic *clinic) {
	scheme := "http"
	if tls {
		scheme = "https"
	}
	fmt.Fprintf(w, "console %s://%s/\n", scheme, addr)
	if clinic != nil && len(clinic.interrupted) > 0 {
		fmt.Fprintf(w, "clinic: %d session(s) left running by a previous process are now marked interrupted: %s\n",
			len(clinic.interrupted), strings.Join(clinic.interrupted, ", "))
	}
	if gen == nil {
		fmt.Fprintln(w, "open it with ?token=<your token> (from --token-file)")
		if clinic != nil {
			fmt.Fprintf(w, "clinician console %s://%s/%s#token=<clinician token>\n", scheme, addr, clinicPage)
		}
		return
	}
	for _, role := range []teleop.Role{teleop.RoleViewer, teleop.RoleOperator, teleop.RoleClinician, teleop.RoleAdmin} {
		fmt.Fprintf(w, "token %-9s %s\n", role, gen[role])
	}
	fmt.Fprintf(w, "operator console %s://%s/?token=%s\n", scheme, addr, gen[teleop.RoleOperator])
	if clinic != nil {
		fmt.Fprintf(w, "clinician console %s://%s/%s#token=%s\n", scheme, addr, clinicPage, gen[teleop.RoleClinician])
	}
}

// clinicPage is the clinician page of the embedded console.
const clinicPage = "clinic.html"

func runServe(args []string, _ io.Reader, out, errw io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(errw)
	model := fs.String("model", "", "robot model: URDF or modified-DH JSON (required)")
	base := fs.String("base", "", "chain base link (URDF)")
	tip := fs.String("tip", "", "chain tip link (URDF)")
	sim := fs.String("sim", "", "serve the robot against simulated firmware speaking this protocol: "+strings.Join(robot.Protocols(), ", "))
	rigFile := fs.String("rig", "", rigFlagHelp)
	addr := fs.String("addr", teleop.DefaultAddr, "listen address host:port (port 0 picks one)")
	tokenFile := fs.String("token-file", "", "tokens file (lines 'role token [name]': the name is the therapist a clinic report shows); default: generate one per role and print them")
	cert := fs.String("tls-cert", "", "TLS certificate (PEM) to serve HTTPS/WSS")
	key := fs.String("tls-key", "", "TLS key (PEM)")
	rate := fs.Float64("rate", 1000, "control rate, Hz (with --rig, unless set: the fastest of 1000, 500, 400, 250, 200, 100 whose period one cycle's traffic fills at most to 80 % on the rig's bus; with --sim it says when the real bus it stands for could not carry the rate)")
	controller := fs.String("controller", "", "active controller, by its registered name: "+strings.Join(registry.Names(), ", ")+" ('chiron controllers' describes them)")
	ctrlParams := fs.String("controller-params", "", "the active controller's parameters: a YAML or JSON file, or inline JSON ('{\"field\": value}')")
	seed := fs.Uint64("seed", 1, "simulator seed")
	rt := fs.Bool("rt", false, "ask for SCHED_FIFO and locked memory for the loop")
	enable := fs.Bool("enable-on-start", false, "enable the robot as soon as its loop reads its drives (default: it stays Disabled until an operator presses Enable in the console)")
	db := clinicFlags(fs)
	hubLinkFlags := hubFlags(fs)
	sessions := fs.String("sessions", "on", "clinicians' sessions through /api/v1: on (run on the served robot, through its drivers) or off (records and reports only)")
	patient := fs.String("patient", "none", "with --sim: sim puts a simulated patient in the robot (a worn rehabilitation robot: the limb's stiffness and damping, its voluntary torque following the session's cues); none")
	gpf := addGamepadFlags(fs, false)
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
	var rigCfg *rig.Config
	var rigChain *kinematics.Chain
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "rate" })
	switch {
	case *sim != "" && *rigFile != "":
		return usagef("--sim and --rig are mutually exclusive: serve simulated firmware (--sim PROTOCOL) or a real robot's drives (--rig FILE)")
	case *sim == "" && *rigFile == "":
		return usagef("no robot to serve: pass --rig FILE for a real robot's drives (the rig file: 'chiron serve -h') or --sim %s for simulated firmware",
			strings.Join(robot.Protocols(), "|"))
	case *rigFile != "":
		c, ch, err := loadRig(*rigFile, *model, *base, *tip)
		if err != nil {
			return usageError{err}
		}
		r, note, err := rig.LoopRate(c, *rate, explicit)
		if err != nil {
			return usageError{err}
		}
		if note != "" {
			fmt.Fprintln(out, "rig: "+note)
		}
		rigCfg, rigChain, *rate = c, ch, r
	}
	if (*cert == "") != (*key == "") {
		return usagef("--tls-cert and --tls-key go together")
	}
	if *sessions != "on" && *sessions != "off" {
		return usagef("--sessions %q: want on or off", *sessions)
	}
	switch {
	case *patient != "sim" && *patient != "none":
		return usagef("--patient %q: want sim or none", *patient)
	case *patient == "sim" && rigCfg != nil:
		return usagef("--patient sim simulates a patient in simulated drives; with --rig the patient is real")
	}
	chain := rigChain
	if chain == nil {
		var err error
		if chain, err = robot.LoadModel(*model, *base, *tip); err != nil {
			return usageError{err}
		}
	}
	if err := gpf.validate(); err != nil {
		return err
	}
	link, err := hubLinkFlags()
	if err != nil {
		return err
	}
	params, err := controllerChoice(*controller, *ctrlParams, chain, *rate, rigCfg != nil)
	if err != nil {
		return err
	}
	// A rig file's controller section, unless --controller chose one.
	if rc := rigCfg; rc != nil && rc.Controller != nil && *controller == "" {
		if *ctrlParams != "" {
			return usagef("--controller-params without --controller: the rig file %s chooses controller %s with its own params", rc.File(), rc.Controller.Name)
		}
		*controller = rc.Controller.Name
		if *controller == external.Name {
			return usagef("%s: controller.name: external is for simulation (each cycle waits for the program's reply); serve it with --sim", rc.File())
		}
		if params, err = checkControllerParams(*controller, registry.Params(rc.Controller.Params), rc.File()+": controller.params", chain, *rate); err != nil {
			return err
		}
	}
	tokens, gen, err := tokensFor(*tokenFile)
	if err != nil {
		return err
	}
	pad, err := openGamepad(gpf, tokens, "", *cert)
	if err != nil {
		return err
	}
	if pad != nil {
		defer pad.stop()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	name := strings.TrimSuffix(filepath.Base(*model), filepath.Ext(*model))
	cl, err := openClinic(ctx, clinicOptions{DB: *db, Robot: name, Sessions: *sessions == "on", Chain: chain, Hub: link}, tokens, nil)
	if err != nil {
		return err
	}
	st, err := newStack([]robotSpec{{Name: name, Model: *model, Base: *base, Tip: *tip, Protocol: *sim,
		Rate: *rate, Seed: *seed, Controller: *controller, ControllerParams: params, Rig: rigCfg, Chain: chain,
		Sessions: *sessions == "on", Patient: *patient == "sim"}},
		stackOptions{Addr: *addr, Tokens: tokens, TLSCertFile: *cert, TLSKeyFile: *key, RT: *rt, Clinic: cl, EnableOnStart: *enable})
	if err != nil {
		return err
	}
	return st.run(ctx, func(a string) {
		st.printNotes(out)
		// Which controller the loop runs, from the loop itself: the name a
		// researcher's binary registered, or a built-in.
		for _, r := range st.rigs {
			fmt.Fprintf(out, "%s: controller %s\n", name, activeController(ctx, r))
		}
		printReady(out, a, *cert != "", gen, cl)
		if pad != nil {
			pad.start(ctx, a, name, out, errw)
		}
	})
}
