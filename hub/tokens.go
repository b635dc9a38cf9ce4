package hub

import (
	"crypto/sha256"
	"errors"
	"fmt"
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
