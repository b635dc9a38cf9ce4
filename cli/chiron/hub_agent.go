package chiron

import (
	"context"
	"crypto/tls"
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/chiron-robotics/chiron/hub"
	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/api"
	"github.com/chiron-robotics/chiron/robot"
)

// linkLostBy is who a session paused for a lost hub link is paused by, as
// the device's records name it.
const linkLostBy = "hub link lost"

// safetySource reports the served session robot's supervisor state for
// the hub's device list; empty until the stack has opened the robot.
type safetySource struct{ r atomic.Pointer[robot.Robot] }

func (s *safetySource) set(r *robot.Robot) { s.r.Store(r) }

// get reads the robot's state and reason (once a poll: the snapshot it
// allocates is not on the loop's path).
func (s *safetySource) get() (state, reason string) {
	r := s.r.Load()
	if r == nil {
		return "", ""
	}
	snap := r.Loop().NewSnapshot()
	r.Snapshot(snap)
	return snap.State.String(), snap.Reason.String()
}

// runAgent starts the device's remote-session agent for c: it polls the
// hub at l and relays its clinicians' requests to c's API as theirs; it
// pauses a running session when the link is lost. It returns the function
// that stops it.
func runAgent(ctx context.Context, c *clinic, robotName string, l *hubLink, log *slog.Logger) (func(), error) {
	var client *http.Client
	if l.CAs != nil {
		client = &http.Client{Timeout: hub.DefaultPollTimeout,
			Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: l.CAs, MinVersion: tls.VersionTLS12}}}
	}
	a, err := hub.NewAgent(hub.AgentConfig{URL: l.URL, Token: l.Token, Client: client, API: c.api,
		Delegate: api.OnBehalfOf, Status: func(ctx context.Context) hub.DeviceStatus { return deviceStatus(ctx, c, robotName) },
		Pause:      func(ctx context.Context) (bool, error) { return pauseForLink(ctx, c) },
		OnLinkBack: c.repl.Kick, Log: log})
	if err != nil {
		return nil, usageError{err}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = a.Run(ctx)
	}()
	return func() { cancel(); <-done }, nil
}

// deviceStatus is what the device tells the hub in each poll.
func deviceStatus(ctx context.Context, c *clinic, robotName string) hub.DeviceStatus {
	st := hub.DeviceStatus{Robot: robotName, Patients: []string{}}
	st.Safety, st.SafetyReason = c.safety.get()
	summary := func(v api.SessionView) *hub.SessionStatus {
		s := &hub.SessionStatus{ID: v.ID, PatientID: v.PatientID, Status: string(v.Status), Percent: v.Percent}
		s.StartedBy, _ = c.store.StartedBy(ctx, v.ID)
		return s
	}
	if active, ok, err := c.api.Active(ctx); err == nil && ok {
		st.Session = summary(active)
	}
	// The latest session that started and no longer holds the robot.
	var last rehab.Session
	if ps, err := c.store.ListPatients(ctx, "", 1000); err == nil {
		for _, p := range ps {
			st.Patients = append(st.Patients, p.ID)
			ss, _ := c.store.ListSessions(ctx, p.ID)
			for _, s := range ss {
				if !s.StartedAt.IsZero() && s.StartedAt.After(last.StartedAt) && (st.Session == nil || s.ID != st.Session.ID) {
					last = s
				}
			}
		}
	}
	if last.ID != "" {
		if v, err := c.api.Session(ctx, last.ID); err == nil {
			st.LastSession = summary(v)
		}
	}
	return st
}

// pauseForLink pauses the running session through the device's own API
// (so it is paused as any pause is: the limb held, the samples flushed),
// recorded as paused by linkLostBy; false when no session runs.
func pauseForLink(ctx context.Context, c *clinic) (bool, error) {
	v, ok, err := c.api.Active(ctx)
	if err != nil || !ok || v.Status != rehab.StatusRunning {
		return false, err
	}
	code, _, body := hub.ServeInProcess(api.OnBehalfOf(ctx, linkLostBy), c.api, http.MethodPost, "/api/v1/sessions/"+v.ID+"/pause", nil)
	if code != http.StatusOK {
		return false, &hub.RefusedError{Status: code, Refusal: hub.Refusal{Error: string(body)}}
	}
	return true, nil
}
