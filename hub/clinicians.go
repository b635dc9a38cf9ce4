package hub

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/chiron-robotics/chiron/rehab"
)

// AllPatients is the scope of a clinician who may read every patient (a
// hospital's records officer): the only one who may read the audit log.
const AllPatients = "*"

// Clinician is a clinician's identity at the hub: an id (what the audit
// log names) and the patients they may read.
type Clinician struct {
	ID       string
	Patients map[string]bool // nil with All
	All      bool
}

// May reports whether c may read patient id.
func (c *Clinician) May(patient string) bool { return c.All || c.Patients[patient] }

// Clinicians maps clinicians' bearer tokens (kept as SHA-256 digests) to
// their identity and scope. Safe for concurrent use; Replace takes effect
// for every request authenticated after it returns.
type Clinicians struct {
	mu       sync.RWMutex
	byDigest map[[32]byte]*Clinician
}

// NewClinicians returns an empty table.
func NewClinicians() *Clinicians { return &Clinicians{byDigest: map[[32]byte]*Clinician{}} }

// Lookup returns the clinician whose token is token.
func (t *Clinicians) Lookup(token string) (*Clinician, bool) {
	if token == "" {
		return nil, false
	}
	d := sha256.Sum256([]byte(token))
	t.mu.RLock()
	defer t.mu.RUnlock()
	c, ok := t.byDigest[d]
	return c, ok
}

// Replace makes the table exactly cs (token → clinician), as
// ReadClinicians returns it; a clinician absent from it is revoked.
func (t *Clinicians) Replace(cs map[string]*Clinician) {
	next := make(map[[32]byte]*Clinician, len(cs))
	for tok, c := range cs {
		next[sha256.Sum256([]byte(tok))] = c
	}
	t.mu.Lock()
	t.byDigest = next
	t.mu.Unlock()
}

// IDs returns the clinicians' ids, sorted.
func (t *Clinicians) IDs() []string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := make([]string, 0, len(t.byDigest))
	for _, c := range t.byDigest {
		out = append(out, c.ID)
	}
	sort.Strings(out)
	return out
}

// ReadClinicians parses a clinicians file: one clinician per line,
// "ID TOKEN PATIENTS", PATIENTS a comma-separated list of patient ids or
// "*" for every patient; blank lines and lines starting with '#' ignored.
// name is the file's name for errors, which give its line (never the
// token). The result maps token → clinician.
func ReadClinicians(r io.Reader, name string) (map[string]*Clinician, error) {
	out := map[string]*Clinician{}
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"CLINICIAN-ID TOKEN PATIENT[,PATIENT…]|*\", got %d fields", name, n, len(f))
		}
		id, tok, scope := f[0], f[1], f[2]
		switch {
		case !rehab.ValidID(id):
			return nil, fmt.Errorf("%s:%d: clinician id %q: want 1–64 characters of letters, digits, '.', '_' or '-'", name, n, id)
		case len(tok) < MinTokenLen:
			return nil, fmt.Errorf("%s:%d: token of clinician %s: %d bytes, want at least %d", name, n, id, len(tok), MinTokenLen)
		}
		if first, dup := seen[id]; dup {
			return nil, fmt.Errorf("%s:%d: clinician %s listed again (first on line %d)", name, n, id, first)
		}
		if other, dup := out[tok]; dup {
			return nil, fmt.Errorf("%s:%d: clinician %s has the token of clinician %s", name, n, id, other.ID)
		}
		c := &Clinician{ID: id}
		if scope == AllPatients {
			c.All = true
		} else {
			c.Patients = map[string]bool{}
			for p := range strings.SplitSeq(scope, ",") {
				if !rehab.ValidID(p) {
					return nil, fmt.Errorf("%s:%d: clinician %s: patient id %q: want 1–64 characters of letters, digits, '.', '_' or '-', or * for every patient", name, n, id, p)
				}
				c.Patients[p] = true
			}
		}
		seen[id], out[tok] = n, c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}
