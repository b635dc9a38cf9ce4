package main

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
	"time"

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

// clinicRobot names the robot clinicians' sessions run on: SimRunner's
// default, the lower-limb exoskeleton scaled to each patient and worn by a
// simulated patient. It is not one of the teleoperated rigs: a session's
// loop is built from the prescription (one controller per exercise, the
// supervisor configured from the patient's limits), which a rig's running
// loop cannot be re-made into.
const clinicRobot = "sim-lower-limb-exo"

// clinicOptions configure the clinicians' API of a served stack.
type clinicOptions struct {
	// DB is a SQLite file path or a postgres:// URL.
	DB string
	// Sessions runs sessions on the simulated exoskeleton; false keeps
	// records and reports only (starting a session is then 409).
	Sessions bool
	// Pace is simulated seconds per wall-clock second (1: real time, so a
	// clinician watching sees the session as it would run; 0: as fast as
	// the machine goes).
	Pace float64
	Seed uint64
}

// clinicFlags adds the clinic's flags to fs.
func clinicFlags(fs *flag.FlagSet) (db *string, pace *float64) {
	db = fs.String("db", "", "rehab records: a SQLite file or a postgres://… URL (default "+defaultDBHint()+")")
	pace = fs.Float64("session-pace", 1, "simulated seconds per second for clinicians' sessions (1 real time, 0 as fast as possible)")
	return db, pace
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
	if !(o.Pace >= 0) || math.IsInf(o.Pace, 0) {
		return nil, usagef("--session-pace %g: want a finite number ≥ 0", o.Pace)
	}
	st, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		return nil, fmt.Errorf("rehab database %s: %w", redactDSN(dsn), err)
	}
	var runner rehab.SessionRunner
	if o.Sessions {
		runner = exercise.NewSimRunner(exercise.SimConfig{Seed: o.Seed, Pace: o.Pace})
	}
	joints, err := clinicJoints()
	if err != nil {
		st.Close()
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	srv, err := api.New(api.Options{Store: st, Tokens: tokens, Runner: runner, Robot: clinicRobot, Joints: joints, Logger: log})
	if err != nil {
		st.Close()
		return nil, err
	}
	c := &clinic{dsn: dsn, store: st, api: srv}
	if c.interrupted, err = srv.Recover(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("rehab database: recover interrupted sessions: %w", err)
	}
	return c, nil
}

// clinicJoints are the exoskeleton's joints with conservative starting
// limits for a new patient: the device's range, 40 % of its rated torque
// and half its rated speed. The clinician edits them to the assessment.
func clinicJoints() ([]rehab.JointLimit, error) {
	c, err := robots.LowerLimbExo(robots.DefaultLowerLimbSpec)
	if err != nil {
		return nil, fmt.Errorf("clinic robot model: %w", err)
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
	err := c.api.Close(ctx)
	if err != nil {
		err = fmt.Errorf("stop the running session: %w", err)
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
