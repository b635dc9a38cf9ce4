package hub

import (
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
	byToken := map[string]string{}
	seen := map[string]int{}
	err := readTable(r, name, `"CLINICIAN-ID TOKEN PATIENT[,PATIENT…]|*"`, 3, func(n int, f []string) error {
		id, tok, scope := f[0], f[1], f[2]
		if err := checkEntry(seen, byToken, "clinician", n, id, tok); err != nil {
			return err
		}
		c := &Clinician{ID: id}
		if scope == AllPatients {
			c.All = true
		} else {
			c.Patients = map[string]bool{}
			for p := range strings.SplitSeq(scope, ",") {
				if !rehab.ValidID(p) {
					return fmt.Errorf("clinician %s: patient id %q: want 1–64 characters of letters, digits, '.', '_' or '-', or * for every patient", id, p)
				}
				c.Patients[p] = true
			}
		}
		out[tok] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
