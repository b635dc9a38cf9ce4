// Package serialport is chiron's seam to serial ports: the Port interface the
// protocol packages talk through, an Opener that go.bug.st/serial satisfies for
// real USB/RS-485 adapters and pseudo-terminals, and an in-memory Pipe for tests
// that need neither hardware nor a pty (the injectable PortOpener idea of gobot's
// firmata adaptor).
//
// Read follows go.bug.st/serial's semantics: it blocks until at least one byte
// arrives or the read timeout expires, in which case it returns 0, nil.
package serialport
