package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/chiron-robotics/chiron/teleop"
)

// delegateKey is the context key of OnBehalfOf.
type delegateKey struct{}

// OnBehalfOf returns ctx carrying a clinician authenticated elsewhere —
// the hospital's hub, whose agent on the device relays the requests of the
// hub's clinicians (package hub) — so that a request served with it is
// taken as that clinician's, with role clinician, and recorded under name
// (who started a session). Only code in the process can set a context:
// nothing a client sends reaches it.
func OnBehalfOf(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, delegateKey{}, strings.TrimSpace(name))
}

// caller returns the role and the name of the request's author: the
// delegated clinician of OnBehalfOf, else the bearer token's holder.
func (s *Server) caller(r *http.Request) (teleop.Role, string, bool) {
	if name, ok := r.Context().Value(delegateKey{}).(string); ok && name != "" {
		return teleop.RoleClinician, name, true
	}
	tok := bearer(r)
	role, ok := s.opts.Tokens.Lookup(tok)
	if !ok {
		return "", "", false
	}
	return role, s.tokenName(tok, role), true
}

// Active returns the session holding the robot, as GET /sessions/{id}
// shows it, and false when none does.
func (s *Server) Active(ctx context.Context) (SessionView, bool, error) {
	s.mu.Lock()
	a := s.active
	s.mu.Unlock()
	if a == nil {
		return SessionView{}, false, nil
	}
	sess, err := s.opts.Store.GetSession(ctx, a.id)
	if err != nil {
		return SessionView{}, false, err
	}
	return s.view(sess), true, nil
}

// Session returns session id as GET /sessions/{id} shows it.
func (s *Server) Session(ctx context.Context, id string) (SessionView, error) {
	sess, err := s.opts.Store.GetSession(ctx, id)
	if err != nil {
		return SessionView{}, err
	}
	return s.view(sess), nil
}
