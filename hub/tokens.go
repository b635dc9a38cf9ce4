package hub

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/chiron-robotics/chiron/rehab"
)

// MinTokenLen bounds a device token from below, bytes: 32 bytes of a
// random source give 256 bits, well past guessing over a network.
const MinTokenLen = 32

// Tokens maps device bearer tokens to device ids. Only SHA-256 digests
// are kept, so a dump of the table does not reveal the tokens. Safe for
// concurrent use; Revoke takes effect for every request authenticated
// after it returns.
type Tokens struct {
	mu       sync.RWMutex
	byDigest map[[32]byte]string
	byDevice map[string][32]byte
}

// NewTokens returns an empty table.
func NewTokens() *Tokens {
	return &Tokens{byDigest: map[[32]byte]string{}, byDevice: map[string][32]byte{}}
}

// Set gives device the token token, replacing any it had.
func (t *Tokens) Set(device, token string) error {
	if !rehab.ValidID(device) {
		return fmt.Errorf("hub: device id %q: want 1–64 characters of letters, digits, '.', '_' or '-'", device)
	}
	if len(token) < MinTokenLen {
		return fmt.Errorf("hub: token of device %s: %d bytes, want at least %d", device, len(token), MinTokenLen)
	}
	d := sha256.Sum256([]byte(token))
	t.mu.Lock()
	defer t.mu.Unlock()
	if other, ok := t.byDigest[d]; ok && other != device {
		return errors.New("hub: token already given to another device")
	}
	if old, ok := t.byDevice[device]; ok {
		delete(t.byDigest, old)
	}
	t.byDigest[d], t.byDevice[device] = device, d
	return nil
}

// Revoke removes device's token; it reports whether it had one.
func (t *Tokens) Revoke(device string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	d, ok := t.byDevice[device]
	if ok {
		delete(t.byDigest, d)
		delete(t.byDevice, device)
	}
	return ok
}

// Device returns the device whose token is token.
func (t *Tokens) Device(token string) (string, bool) {
	if token == "" {
		return "", false
	}
	d := sha256.Sum256([]byte(token))
	t.mu.RLock()
	defer t.mu.RUnlock()
	dev, ok := t.byDigest[d]
	return dev, ok
}

// ReadDevices parses a devices file: one device per line, "ID TOKEN",
// blank lines and lines starting with '#' ignored. name is the file's name
// for errors, which give its line (never the token).
func ReadDevices(r io.Reader, name string) (map[string]string, error) {
	out := map[string]string{}
	byToken := map[string]string{}
	seen := map[string]int{}
	err := readTable(r, name, `"DEVICE-ID TOKEN"`, 2, func(n int, f []string) error {
		dev, tok := f[0], f[1]
		if err := checkEntry(seen, byToken, "device", n, dev, tok); err != nil {
			return err
		}
		out[dev] = tok
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readTable calls row for each line of a whitespace-separated table that
// is not blank or a '#' comment, with its line number and its fields,
// which must number fields (usage says what a line holds). Errors are
// prefixed with name:line.
func readTable(r io.Reader, name, usage string, fields int, row func(n int, f []string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != fields {
			return fmt.Errorf("%s:%d: want %s, got %d fields", name, n, usage, len(f))
		}
		if err := row(n, f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// checkEntry checks one identity of a token table on line n (kind is
// "device" or "clinician"): a valid id, a long enough token, neither id
// nor token listed before; it records both in seen (id → line) and
// byToken (token → id).
func checkEntry(seen map[string]int, byToken map[string]string, kind string, n int, id, tok string) error {
	switch {
	case !rehab.ValidID(id):
		return fmt.Errorf("%s id %q: want 1–64 characters of letters, digits, '.', '_' or '-'", kind, id)
	case len(tok) < MinTokenLen:
		return fmt.Errorf("token of %s %s: %d bytes, want at least %d", kind, id, len(tok), MinTokenLen)
	}
	if first, dup := seen[id]; dup {
		return fmt.Errorf("%s %s listed again (first on line %d)", kind, id, first)
	}
	if other, dup := byToken[tok]; dup {
		return fmt.Errorf("%s %s has the token of %s %s", kind, id, kind, other)
	}
	seen[id], byToken[tok] = n, id
	return nil
}

// Replace makes the table exactly devices (device → token): new and
// changed tokens are set, devices absent from it revoked. It returns the
// revoked devices, sorted. On an error the table is unchanged.
func (t *Tokens) Replace(devices map[string]string) (revoked []string, err error) {
	next := NewTokens()
	for dev, tok := range devices {
		if err := next.Set(dev, tok); err != nil {
			return nil, err
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for dev := range t.byDevice {
		if _, keep := next.byDevice[dev]; !keep {
			revoked = append(revoked, dev)
		}
	}
	t.byDigest, t.byDevice = next.byDigest, next.byDevice
	sort.Strings(revoked)
	return revoked, nil
}

// Devices returns the devices holding a token, sorted.
func (t *Tokens) Devices() []string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := make([]string, 0, len(t.byDevice))
	for dev := range t.byDevice {
		out = append(out, dev)
	}
	sort.Strings(out)
	return out
}
