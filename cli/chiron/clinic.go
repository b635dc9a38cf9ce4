package chiron

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/chiron-robotics/chiron/hub"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/api"
	"github.com/chiron-robotics/chiron/rehab/exercise"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/robots"
	"github.com/chiron-robotics/chiron/teleop"
)

// The clinicians' side of a served stack: the rehab API (rehab/api) on the
// console's server under /api/v1, its records in SQLite or PostgreSQL, and
// the clinician page (clinic.html) of the embedded console.

// clinicOptions configure the clinicians' API of a served stack.
type clinicOptions struct {
	// DB is a SQLite file path or a postgres:// URL.
	DB string
	// Robot names the served robot sessions run on (the console's name
	// for it), recorded with each session.
	Robot string
	// Sessions runs sessions on the served robot whose spec has Sessions
	// set (the stack attaches it); false keeps records and reports only
	// (starting a session is then 409).
	Sessions bool
	// Chain is the robot sessions run on (its joints are the ones a
	// patient's limits name); nil means the lower-limb exoskeleton of
	// robots.DefaultLowerLimbSpec.
	Chain *kinematics.Chain
	// Hub, when set, replicates the store's records to a hospital's hub
	// (serve --hub).
	Hub *hubLink
}

// clinicFlags adds the clinic's flags to fs.
func clinicFlags(fs *flag.FlagSet) (db *string) {
	db = fs.String("db", "", "rehab records: a SQLite file or a postgres://… URL (default "+defaultDBHint()+")")
	return db
}

// defaultDBHint describes the default database for --help.
func defaultDBHint() string {
	if p, err := defaultDBPath(); err == nil {
		return p
	}
	return "$XDG_STATE_HOME/chiron/rehab.db"
}

// defaultDBPath is where patient records live unless --db says otherwise:
// per user, in the XDG state directory ($XDG_STATE_HOME, else
// ~/.local/state), because they are data the program keeps between runs,
// neither configuration nor cache. The store creates it with mode 0600.
func defaultDBPath() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "chiron", "rehab.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home directory for the default rehab database (pass --db): %w", err)
	}
	return filepath.Join(home, ".local", "state", "chiron", "rehab.db"), nil
}

// clinic is the clinicians' API with its store.
type clinic struct {
	dsn         string
	store       *store.Store
	api         *api.Server
	interrupted []string // sessions a previous process left running
	slot        *runnerSlot
	// repl replicates to the hub, stopRepl stops it (nil without one).
	repl     *hub.Replicator
	stopRepl func()
	// stopAgent stops the remote-session agent (serve --hub); safety is
	// the session robot's state it reports.
	stopAgent func()
	safety    safetySource
}

// runnerSlot is the clinicians' API's session runner before and after the
// stack has opened the robot sessions run on (attach).
type runnerSlot struct {
	mu sync.Mutex
	r  *exercise.StationRunner
}

var (
	_ rehab.SessionRunner       = (*runnerSlot)(nil)
	_ rehab.PrescriptionChecker = (*runnerSlot)(nil)
)

// errNoSessionRobot: the stack serves no robot that runs sessions.
var errNoSessionRobot = errors.New("no served robot runs clinicians' sessions")

func (s *runnerSlot) attach(r *exercise.StationRunner) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.r = r
}

func (s *runnerSlot) get() (*exercise.StationRunner, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.r == nil {
		return nil, errNoSessionRobot
	}
	return s.r, nil
}

func (s *runnerSlot) Start(ctx context.Context, spec rehab.RunSpec, sink rehab.SampleSink) error {
	r, err := s.get()
	if err != nil {
		return err
	}
	return r.Start(ctx, spec, sink)
}

func (s *runnerSlot) Pause() error  { return s.call((*exercise.StationRunner).Pause) }
func (s *runnerSlot) Resume() error { return s.call((*exercise.StationRunner).Resume) }
func (s *runnerSlot) Stop() error   { return s.call((*exercise.StationRunner).Stop) }

func (s *runnerSlot) call(f func(*exercise.StationRunner) error) error {
	r, err := s.get()
	if err != nil {
		return rehab.ErrNotRunning
	}
	return f(r)
}

func (s *runnerSlot) CheckPrescription(p *rehab.Patient, pr *rehab.Protocol) error {
	r, err := s.get()
	if err != nil {
		return err
	}
	return r.CheckPrescription(p, pr)
}

// openClinic opens the store and the API and marks the sessions a killed
// process left running as interrupted.
func openClinic(ctx context.Context, o clinicOptions, tokens *teleop.Tokens, log *slog.Logger) (*clinic, error) {
	dsn := o.DB
	if dsn == "" {
		p, err := defaultDBPath()
		if err != nil {
			return nil, err
		}
		dsn = p
	}
	st, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		return nil, fmt.Errorf("rehab database %s: %w", redactDSN(dsn), err)
	}
	var runner rehab.SessionRunner
	slot := &runnerSlot{}
	if o.Sessions {
		runner = slot
	}
	joints, err := clinicJoints(o.Chain)
	if err != nil {
		st.Close()
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	srv, err := api.New(api.Options{Store: st, Tokens: tokens, Runner: runner, Robot: o.Robot, TokenName: tokens.Name, Joints: joints, Logger: log})
	if err != nil {
		st.Close()
		return nil, err
	}
	c := &clinic{dsn: dsn, store: st, api: srv, slot: slot}
	if c.interrupted, err = srv.Recover(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("rehab database: recover interrupted sessions: %w", err)
	}
	if o.Hub != nil {
		if c.repl, c.stopRepl, err = replicate(ctx, st, o.Hub, log); err != nil {
			st.Close()
			return nil, err
		}
		if o.Sessions {
			if c.stopAgent, err = runAgent(ctx, c, o.Robot, o.Hub, log); err != nil {
				c.stopRepl()
				st.Close()
				return nil, err
			}
		}
	}
	return c, nil
}

// clinicJoints are the session robot's joints with conservative starting
// limits for a new patient: the device's range, 40 % of its rated torque
// and half its rated speed. The clinician edits them to the assessment.
func clinicJoints(c *kinematics.Chain) ([]rehab.JointLimit, error) {
	if c == nil {
		var err error
		if c, err = robots.LowerLimbExo(robots.DefaultLowerLimbSpec); err != nil {
			return nil, fmt.Errorf("clinic robot model: %w", err)
		}
	}
	out := make([]rehab.JointLimit, len(c.Joints))
	for i, j := range c.Joints {
		out[i] = rehab.JointLimit{Joint: j.Name, ROMMin: j.Lower, ROMMax: j.Upper,
			MaxTorque: math.Round(0.4 * j.Effort), MaxSpeed: 0.5 * j.Velocity}
	}
	return out, nil
}

// close stops a running session (its samples committed) and closes the
// store.
func (c *clinic) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if c.stopAgent != nil {
		c.stopAgent() // no hub request may start anything from here on
	}
	err := c.api.Close(ctx)
	if err != nil {
		err = fmt.Errorf("stop the running session: %w", err)
	}
	if c.stopRepl != nil {
		c.stopRepl()
		// What the stopped session committed last goes to the hub now if
		// the link allows within a few seconds; else at the next start.
		fctx, fcancel := context.WithTimeout(context.Background(), 5*time.Second)
		for fctx.Err() == nil {
			ev, serr := c.repl.SyncOnce(fctx)
			if serr != nil || (ev.Samples == 0 && ev.Sessions == 0) {
				break
			}
		}
		fcancel()
	}
	return errors.Join(err, c.store.Close())
}

// redactDSN hides a PostgreSQL password in messages.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" && u.User != nil {
		return u.Redacted()
	}
	return dsn
}
