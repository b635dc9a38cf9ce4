package gobotio

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"gobot.io/x/gobot/v2"

	"github.com/chiron-robotics/chiron/drivers"
)

// Capabilities a bus may offer beyond drivers.Bus, found by type assertion in
// gobot's manner. A bus implements whichever it can; the adaptor and joint
// drivers use what is there and skip what is not.
type (
	// Connector is a bus built unopened: Connect opens it (ports, handshakes).
	Connector interface{ Connect() error }
	// Disabler turns every drive's power stage off.
	Disabler interface{ Disable() error }
	// JointEnabler enables one joint's drive (index in the bus's joint order).
	JointEnabler interface{ EnableJoint(i int) error }
	// JointDisabler disables one joint's drive.
	JointDisabler interface{ DisableJoint(i int) error }
)

// Other spellings of the same capabilities that chiron's buses use.
type (
	disablerNoErr      interface{ Disable() }
	indexEnabler       interface{ Enable(i int) error }
	indexEnablerNoErr  interface{ Enable(i int) }
	jointDisablerNoErr interface{ DisableJoint(i int) }
)

// ErrNotConnected is returned when a bus is used before BusAdaptor.Connect.
var ErrNotConnected = errors.New("gobotio: bus not connected")

// BusAdaptor is a gobot.Adaptor around a chiron drivers.Bus: it opens the bus
// on Connect and disables and closes it on Finalize. It does not touch Read or
// Write: the control loop owns the cyclic exchange.
type BusAdaptor struct {
	mu      sync.Mutex
	name    string
	connect func() (drivers.Bus, error)
	bus     drivers.Bus
}

var _ gobot.Adaptor = (*BusAdaptor)(nil)

// NewBusAdaptor returns an adaptor that opens its bus with connect.
func NewBusAdaptor(name string, connect func() (drivers.Bus, error)) *BusAdaptor {
	return &BusAdaptor{name: name, connect: connect}
}

// Name returns the adaptor's label.
func (a *BusAdaptor) Name() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.name
}

// SetName sets the adaptor's label.
func (a *BusAdaptor) SetName(name string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.name = name
}

// Connect opens the bus; it is a no-op when the bus is already open.
func (a *BusAdaptor) Connect() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.bus != nil {
		return nil
	}
	if a.connect == nil {
		return fmt.Errorf("gobotio: %s: no connect function", a.name)
	}
	bus, err := a.connect()
	if err != nil {
		return fmt.Errorf("gobotio: %s: connect: %w", a.name, err)
	}
	if bus == nil {
		return fmt.Errorf("gobotio: %s: connect returned no bus", a.name)
	}
	if c, ok := bus.(Connector); ok {
		if err := c.Connect(); err != nil {
			err = fmt.Errorf("gobotio: %s: connect: %w", a.name, err)
			if cl, ok := bus.(io.Closer); ok {
				if cerr := cl.Close(); cerr != nil {
					err = errors.Join(err, fmt.Errorf("gobotio: %s: close: %w", a.name, cerr))
				}
			}
			return err
		}
	}
	a.bus = bus
	return nil
}

// Bus returns the open bus, or nil before Connect and after Finalize.
func (a *BusAdaptor) Bus() drivers.Bus {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.bus
}

// Finalize disables every drive (if the bus can) and closes the bus (if it is
// an io.Closer). It closes even when disabling fails, returns both errors
// joined, and is a no-op when nothing is open.
func (a *BusAdaptor) Finalize() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	bus := a.bus
	if bus == nil {
		return nil
	}
	a.bus = nil
	var errs []error
	if _, err := disableAll(bus); err != nil {
		errs = append(errs, fmt.Errorf("gobotio: %s: disable: %w", a.name, err))
	}
	if c, ok := bus.(io.Closer); ok {
		if err := c.Close(); err != nil {
			errs = append(errs, fmt.Errorf("gobotio: %s: close: %w", a.name, err))
		}
	}
	return errors.Join(errs...)
}

// disableAll disables every drive of bus; ok reports whether bus can.
func disableAll(bus drivers.Bus) (ok bool, err error) {
	switch b := bus.(type) {
	case Disabler:
		return true, b.Disable()
	case disablerNoErr:
		b.Disable()
		return true, nil
	}
	return false, nil
}

// enableJoint enables joint i of bus; ok reports whether bus can.
func enableJoint(bus drivers.Bus, i int) (ok bool, err error) {
	switch b := bus.(type) {
	case JointEnabler:
		return true, b.EnableJoint(i)
	case indexEnabler:
		return true, b.Enable(i)
	case indexEnablerNoErr:
		b.Enable(i)
		return true, nil
	}
	return false, nil
}

// disableJoint disables joint i of bus; ok reports whether bus can.
func disableJoint(bus drivers.Bus, i int) (ok bool, err error) {
	switch b := bus.(type) {
	case JointDisabler:
		return true, b.DisableJoint(i)
	case jointDisablerNoErr:
		b.DisableJoint(i)
		return true, nil
	}
	return false, nil
}

// JointDriver is one joint of a BusAdaptor's bus as a gobot.Driver. Start
// enables the joint where the bus can enable joints one by one; Halt makes it
// safe by disabling it (or, when the bus cannot disable one joint, the whole
// bus). Enabling is narrow and disabling broad on purpose.
type JointDriver struct {
	mu      sync.Mutex
	name    string
	adaptor *BusAdaptor
	index   int
}

var _ gobot.Driver = (*JointDriver)(nil)

// NewJointDriver returns the driver of joint index (in the bus's joint order).
func NewJointDriver(a *BusAdaptor, index int, name string) *JointDriver {
	return &JointDriver{adaptor: a, index: index, name: name}
}

// Name returns the driver's label.
func (d *JointDriver) Name() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.name
}

// SetName sets the driver's label.
func (d *JointDriver) SetName(name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.name = name
}

// Index returns the joint's index in the bus's joint order.
func (d *JointDriver) Index() int { return d.index }

// Connection returns the BusAdaptor the joint belongs to.
func (d *JointDriver) Connection() gobot.Connection { return d.adaptor }

// bus returns the open bus after checking the joint index against it.
func (d *JointDriver) bus() (drivers.Bus, error) {
	if d.adaptor == nil {
		return nil, fmt.Errorf("gobotio: joint %q: no adaptor", d.Name())
	}
	bus := d.adaptor.Bus()
	if bus == nil {
		return nil, fmt.Errorf("gobotio: joint %q: %w", d.Name(), ErrNotConnected)
	}
	if n := bus.Joints(); d.index < 0 || d.index >= n {
		return nil, fmt.Errorf("gobotio: joint %q: index %d outside the bus's %d joints", d.Name(), d.index, n)
	}
	return bus, nil
}

// Start enables the joint if the bus exposes per-joint enable; otherwise it
// only checks that the bus is open and the index valid.
func (d *JointDriver) Start() error {
	bus, err := d.bus()
	if err != nil {
		return err
	}
	if _, err := enableJoint(bus, d.index); err != nil {
		return fmt.Errorf("gobotio: joint %q (%d): enable: %w", d.Name(), d.index, err)
	}
	return nil
}

// Halt disables the joint, or the whole bus when it cannot disable one joint.
// A bus that can do neither is left to BusAdaptor.Finalize and the control
// loop's own safe command; Halt then returns nil.
func (d *JointDriver) Halt() error {
	bus, err := d.bus()
	if err != nil {
		if errors.Is(err, ErrNotConnected) {
			return nil // nothing open, nothing to make safe
		}
		return err
	}
	if ok, err := disableJoint(bus, d.index); ok {
		if err != nil {
			return fmt.Errorf("gobotio: joint %q (%d): disable: %w", d.Name(), d.index, err)
		}
		return nil
	}
	if _, err := disableAll(bus); err != nil {
		return fmt.Errorf("gobotio: joint %q (%d): disable bus: %w", d.Name(), d.index, err)
	}
	return nil
}
