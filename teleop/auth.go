package teleop

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// Role is what an authenticated client may do. Roles are not ordered except
// as the permission methods below say.
type Role string

// The roles a token file may name.
const (
	RoleViewer    Role = "viewer"    // watches telemetry; may engage the e-stop
	RoleOperator  Role = "operator"  // may take control, command motion, release the e-stop
	RoleClinician Role = "clinician" // the rehab side (/api/v1); a viewer here
	RoleAdmin     Role = "admin"     // everything an operator may do
)

// ParseRole returns the Role spelled s, or an error.
func ParseRole(s string) (Role, error) {
	switch r := Role(s); r {
	case RoleViewer, RoleOperator, RoleClinician, RoleAdmin:
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q (want viewer, operator, clinician or admin)", s)
}

// CanOperate reports whether r may take control and command motion.
func (r Role) CanOperate() bool { return r == RoleOperator || r == RoleAdmin }

// CanReleaseEStop reports whether r may release an engaged e-stop. Engaging
// it is open to every authenticated role: anyone who sees a problem must be
// able to stop the arm.
func (r Role) CanReleaseEStop() bool { return r == RoleOperator || r == RoleAdmin }

// Tokens maps bearer tokens to roles. Tokens are stored only as SHA-256
// digests, so the lookup's timing depends on the digest, not on how many
// leading characters of a guess were right. The zero value holds no token.
type Tokens struct {
	byDigest map[[sha256.Size]byte]Role
	names    map[[sha256.Size]byte]string // the holder's name, when the file gives one
}

// NewTokens returns an empty token set.
func NewTokens() *Tokens { return &Tokens{byDigest: map[[sha256.Size]byte]Role{}} }

// Add registers token with role. Empty tokens and tokens with white space
// are refused because they could never be presented in a header.
func (t *Tokens) Add(role Role, token string) error {
	if _, err := ParseRole(string(role)); err != nil {
		return err
	}
	if token == "" || strings.ContainsAny(token, " \t\r\n") {
		return errors.New("token must be non-empty and contain no white space")
	}
	if t.byDigest == nil {
		t.byDigest = map[[sha256.Size]byte]Role{}
	}
	d := sha256.Sum256([]byte(token))
	if old, ok := t.byDigest[d]; ok && old != role {
		return fmt.Errorf("token already registered with role %s", old)
	}
	t.byDigest[d] = role
	return nil
}

// Lookup returns the role of token, if it is known.
func (t *Tokens) Lookup(token string) (Role, bool) {
	if t == nil || token == "" {
		return "", false
	}
	r, ok := t.byDigest[sha256.Sum256([]byte(token))]
	return r, ok
}

// Name returns the name the token file gives the holder of token (a
// therapist a filed report names), if it gives one.
func (t *Tokens) Name(token string) (string, bool) {
	if t == nil || token == "" || t.names == nil {
		return "", false
	}
	n, ok := t.names[sha256.Sum256([]byte(token))]
	return n, ok
}

// AddNamed registers token with role and the holder's name.
func (t *Tokens) AddNamed(role Role, token, name string) error {
	if err := t.Add(role, token); err != nil {
		return err
	}
	if name = strings.TrimSpace(name); name != "" {
		if t.names == nil {
			t.names = map[[sha256.Size]byte]string{}
		}
		t.names[sha256.Sum256([]byte(token))] = name
	}
	return nil
}

// Len returns the number of tokens.
func (t *Tokens) Len() int {
	if t == nil {
		return 0
	}
	return len(t.byDigest)
}

// ParseTokens reads a token file: one `ROLE TOKEN [NAME…]` per line (the
// optional rest of the line names the holder: "clinician 3kq… Dr Ana
// Ruiz"), blank lines and lines starting with `#` ignored. Errors name the
// line.
func ParseTokens(r io.Reader) (*Tokens, error) {
	t := NewTokens()
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		if len(f) < 2 {
			return nil, fmt.Errorf("token file line %d: want \"ROLE TOKEN [NAME]\", got %d field(s)", line, len(f))
		}
		role, err := ParseRole(f[0])
		if err != nil {
			return nil, fmt.Errorf("token file line %d: %w", line, err)
		}
		if err := t.AddNamed(role, f[1], strings.Join(f[2:], " ")); err != nil {
			return nil, fmt.Errorf("token file line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("token file after line %d: %w", line, err)
	}
	return t, nil
}

// LoadTokens reads the token file at path (see ParseTokens).
func LoadTokens(path string) (*Tokens, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load tokens: %w", err)
	}
	defer f.Close()
	t, err := ParseTokens(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// GenerateToken returns a fresh random token: 32 bytes (256 bits) from
// crypto/rand, base64url without padding, so it is safe in a URL query.
func GenerateToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("generate token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// requestToken extracts the token from `Authorization: Bearer TOKEN` or,
// because browsers cannot set headers on a WebSocket, from `?token=TOKEN`.
func requestToken(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		const p = "bearer "
		if len(h) > len(p) && strings.EqualFold(h[:len(p)], p) {
			return strings.TrimSpace(h[len(p):])
		}
		return ""
	}
	return r.URL.Query().Get("token")
}
