package gobotio

import (
	"errors"
	"fmt"
	"sync"

	"gobot.io/x/gobot/v2"
)

// JoystickErrorEvent is the event gobot's joystick driver publishes when it
// can no longer read the device; its polling loop has stopped by then.
const JoystickErrorEvent = "error"

// Gamepad keeps the operator input of a gamepad or joystick up to date from a
// gobot joystick driver's events (or any gobot.Eventer publishing the same
// names), through a Mapper. Input is safe to call from any goroutine; the
// control loop should receive input through its mailbox, not by calling in.
type Gamepad struct {
	mu      sync.Mutex // guards mapper and lostErr
	mapper  *Mapper
	lostErr error // why the device was lost; nil while it reads

	cbMu    sync.Mutex // serialises callbacks in event order
	onInput func(InputState)

	attachMu sync.Mutex
	src      gobot.Eventer
	stop     chan struct{}
	done     chan struct{}
}

// NewGamepad returns a gamepad for mapping m; onInput, if not nil, is called
// with every changed input, one call at a time, in event order.
func NewGamepad(m Mapping, onInput func(InputState)) (*Gamepad, error) {
	mapper, err := NewMapper(m)
	if err != nil {
		return nil, err
	}
	return &Gamepad{mapper: mapper, onInput: onInput}, nil
}

// Input returns a copy of the current input.
func (g *Gamepad) Input() InputState {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.mapper.State()
}

// Lost returns why the device was lost (the payload of the
// JoystickErrorEvent that dropped the input to fail-safe), or nil while the
// source is attached and reading. Attach and Detach clear it.
func (g *Gamepad) Lost() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.lostErr
}

// Handle applies one event (name, value) as gobot's joystick driver
// publishes it; JoystickErrorEvent drops to the fail-safe input. Attach calls
// it for each event; other sources (a browser gamepad) may call it directly.
func (g *Gamepad) Handle(name string, value any) {
	g.cbMu.Lock()
	defer g.cbMu.Unlock()
	g.mu.Lock()
	var changed bool
	if name == JoystickErrorEvent {
		changed = g.mapper.Lost()
		if g.lostErr == nil {
			g.lostErr = lostError(value)
		}
	} else {
		changed = g.mapper.Apply(name, value)
	}
	s := g.mapper.State()
	g.mu.Unlock()
	if changed && g.onInput != nil {
		g.onInput(s)
	}
}

// ResetEStop clears a latched e-stop unless an e-stop control is still held,
// and reports whether it is clear.
func (g *Gamepad) ResetEStop() bool {
	g.cbMu.Lock()
	defer g.cbMu.Unlock()
	g.mu.Lock()
	before := g.mapper.State()
	ok := g.mapper.ResetEStop()
	s := g.mapper.State()
	g.mu.Unlock()
	if s != before && g.onInput != nil {
		g.onInput(s)
	}
	return ok
}

// Attach subscribes to src (typically a *joystick.Driver of gobot's joystick
// platform) and applies its events until Detach. The input starts released;
// a latched e-stop stays latched.
func (g *Gamepad) Attach(src gobot.Eventer) error {
	if src == nil {
		return errors.New("gobotio: gamepad: nil event source")
	}
	g.attachMu.Lock()
	defer g.attachMu.Unlock()
	if g.src != nil {
		return errors.New("gobotio: gamepad: already attached")
	}
	g.rearm()
	var events chan *gobot.Event = src.Subscribe()
	g.src, g.stop, g.done = src, make(chan struct{}), make(chan struct{})
	go g.run(src, events, g.stop, g.done)
	return nil
}

// Detach unsubscribes from the source and releases every control (the
// e-stop latch stays). It is a no-op when not attached.
func (g *Gamepad) Detach() {
	g.attachMu.Lock()
	defer g.attachMu.Unlock()
	if g.src == nil {
		return
	}
	close(g.stop)
	<-g.done
	g.src = nil
	g.rearm()
}

// rearm releases every control and clears a device loss; a latched e-stop
// stays latched.
func (g *Gamepad) rearm() {
	g.cbMu.Lock()
	defer g.cbMu.Unlock()
	g.mu.Lock()
	g.mapper.release()
	g.mapper.lost = false
	g.lostErr = nil
	changed := g.mapper.update()
	s := g.mapper.State()
	g.mu.Unlock()
	if changed && g.onInput != nil {
		g.onInput(s)
	}
}

// lostError is the error an error event carries (gobot's joystick driver
// publishes the read error), or one describing what it carried.
func lostError(v any) error {
	switch x := v.(type) {
	case error:
		return x
	case nil:
		return errors.New("gobotio: gamepad: device error")
	}
	return fmt.Errorf("gobotio: gamepad: device error: %v", v)
}

func (g *Gamepad) run(src gobot.Eventer, events chan *gobot.Event, stop, done chan struct{}) {
	defer close(done)
	for {
		select {
		case e := <-events:
			g.Handle(e.Name, e.Data)
		case <-stop:
			go unsubscribe(src, events)
			return
		}
	}
}

// unsubscribe removes events from src while draining it: gobot's eventer
// holds its lock while delivering, so a full, unread channel would block
// Unsubscribe forever. Callers run it in its own goroutine so that stopping
// never waits on the eventer's lock, which another subscriber (a gobot Once
// handler in the middle of unsubscribing) can hold up indefinitely.
func unsubscribe(src gobot.Eventer, events chan *gobot.Event) {
	gone := make(chan struct{})
	go func() {
		src.Unsubscribe(events)
		close(gone)
	}()
	for {
		select {
		case <-events:
		case <-gone:
			return
		}
	}
}
