package dynamixel

import (
	"errors"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
)

// Bus Watchdog (98), e-Manual, X-series (e.g. emanual.robotis.com/docs/en/
// dxl/x/xm430-w350/#bus-watchdog), available from firmware v38:
//
//   - 0 deactivates the watchdog and clears a Bus Watchdog Error;
//   - 1…127 activates it, in units of 20 ms;
//   - -1 (0xFF) is the Bus Watchdog Error: while Torque Enable (64) is 1,
//     when no instruction packet arrives for longer than the set time, the
//     servo stops (Profile Acceleration/Velocity applied as 0), Bus
//     Watchdog becomes -1, and the goal items (Goal PWM, Current, Velocity,
//     Position) turn read-only: writing them answers Data Range Error —
//     silently for a sync or bulk write, which has no reply. Only writing 0
//     clears the error; the watchdog must then be set again.
//
// It is Protocol 2.0's counterpart of CANopen's consumer heartbeat
// (0x1016) with its abort option (0x6007): without it a servo obeys a dead
// master forever, and in current mode keeps the last current applied.
const (
	// WatchdogUnit is the Bus Watchdog's resolution.
	WatchdogUnit = 20 * time.Millisecond
	// MaxWatchdog is its longest period, 127 units.
	MaxWatchdog = 127 * WatchdogUnit
	// DefaultWatchdog is the period armed when BusConfig.Watchdog is 0.
	// A control loop at 100 Hz–1 kHz sends at least one instruction every
	// 1–10 ms, so 100 ms is 10 to 100 missed cycles: far above a
	// scheduling hiccup, a garbage-collector pause or a USB adapter's
	// latency (an FTDI's default latency timer is 16 ms), yet a servo
	// left by a dead host stops within a tenth of a second — 0.1 rad of
	// travel at 1 rad/s.
	DefaultWatchdog = 100 * time.Millisecond
	// WatchdogOff, or any negative BusConfig.Watchdog, leaves the Bus
	// Watchdog disabled (0). See BusConfig.Watchdog for why that is unsafe.
	WatchdogOff time.Duration = -1
)

// watchdogFirmware is the first X-series firmware with the Bus Watchdog
// (e-Manual: "Bus Watchdog(98) is available from firmware v38").
const watchdogFirmware = 38

// watchdogTripped is Bus Watchdog's value after a timeout: -1.
const watchdogTripped byte = 0xFF

// watchdogPollEvery bounds the time between two checks of the servos' Bus
// Watchdog by Read when nothing else calls for one (see Bus).
const watchdogPollEvery = time.Second

// watchdogUnits converts BusConfig.Watchdog into the value of address 98.
func watchdogUnits(d time.Duration) (byte, error) {
	switch {
	case d < 0:
		return 0, nil
	case d == 0:
		d = DefaultWatchdog
	case d%WatchdogUnit != 0 || d > MaxWatchdog:
		return 0, &drivers.Error{Joint: -1, Kind: drivers.KindProtocol, Detail: fmt.Sprintf(
			"dynamixel: BusConfig.Watchdog %v: the Bus Watchdog (98) takes a multiple of %v up to %v (or WatchdogOff)",
			d, WatchdogUnit, MaxWatchdog)}
	}
	return byte(d / WatchdogUnit), nil
}

// BusWatchdogError reports a servo whose Bus Watchdog (98) was found in a
// state the Bus did not leave it in: tripped (Found -1: no instruction
// arrived within Period, so the servo stopped and refuses goals until the
// error is cleared), or disabled (Found 0: the servo restarted — power loss
// or reboot clears its RAM, torque included — or another program cleared
// it; the Bus has set it again).
type BusWatchdogError struct {
	ID     byte
	Period time.Duration // the period the Bus had armed; 0 if set by another master
	Found  int8          // -1 tripped, 0 found disabled
}

// Error names the servo and what happened.
func (e *BusWatchdogError) Error() string {
	if e.Found < 0 {
		within := "its set time (armed by an earlier master)"
		if e.Period > 0 {
			within = e.Period.String()
		}
		return fmt.Sprintf("dynamixel: id %d: Bus Watchdog tripped: no instruction within %s, the servo stopped and refuses goals until cleared (ModeOff, Disable, SetMode or Enable)", e.ID, within)
	}
	return fmt.Sprintf("dynamixel: id %d: Bus Watchdog found disabled (armed at %v): the servo restarted or was reset; re-armed", e.ID, e.Period)
}

// watchdogArmed reports whether v is an active Bus Watchdog setting.
func watchdogArmed(v byte) bool { return v >= 1 && v <= 127 }

// watchdogPollDue reports whether Read at now must check the servos' Bus
// Watchdog: some servo is armed, and either it has never been checked, the
// host has been silent (by its own clock) for more than half the period —
// the margin covers the difference between when Read is called and when
// its bytes reach the servo —, the loop's clock went backwards, the last
// exchange failed, or watchdogPollEvery has passed since the last check.
func (b *Bus) watchdogPollDue(now time.Duration) bool {
	if b.wdUnits == 0 {
		return false
	}
	armed := false
	for _, v := range b.wd {
		if watchdogArmed(v) {
			armed = true
			break
		}
	}
	if !armed {
		return false
	}
	period := time.Duration(b.wdUnits) * WatchdogUnit
	return !b.haveTx || b.pollNext || now < b.lastTx || now-b.lastTx > period/2 ||
		now < b.lastPoll || now-b.lastPoll >= watchdogPollEvery
}

// pollWatchdog reads Bus Watchdog (98) from every servo with one sync read
// and updates what the Bus knows: a newly tripped servo is marked for Read
// to report; an armed servo found at 0 has restarted, so its Torque Enable
// is read back and the watchdog set again. A failed exchange leaves
// pollNext set so the next Read tries again.
func (b *Bus) pollWatchdog() error {
	clear(b.wdErr)
	err := b.c.SyncRead(X.BusWatchdog.Addr, b.ids, b.wdRx, b.wdErr)
	if k := kindOf(err); err != nil && k != drivers.KindDriveFault && k != drivers.KindAbort {
		b.pollNext = true
		return err
	}
	b.pollNext = false
	first := err
	if kindOf(err) == drivers.KindDriveFault {
		first = nil // the alert is Read's to report, with its cause
	}
	for i := range b.ids {
		if b.wdErr[i]&^AlertBit != 0 {
			continue // refused: no data
		}
		switch v := b.wdRx[i]; {
		case v == watchdogTripped:
			if b.wd[i] != watchdogTripped {
				b.wd[i], b.wdNew[i] = watchdogTripped, true
			}
		case v == 0 && b.wd[i] != 0:
			if e := b.restarted(i); first == nil {
				first = e
			}
		default:
			b.wd[i] = v
		}
	}
	return first
}

// restarted handles joint i's Bus Watchdog found at 0 although armed: the
// servo lost its RAM (restart), so its torque state is read back and the
// watchdog set again.
func (b *Bus) restarted(i int) error {
	id := b.ids[i]
	period := time.Duration(b.wdSet[i]) * WatchdogUnit
	b.wd[i], b.wdNew[i] = 0, false
	if err := b.c.Read(id, X.TorqueEnable.Addr, b.small[:1]); err != nil && kindOf(err) != drivers.KindDriveFault {
		b.pollNext = true
		return err
	}
	b.torque[i] = b.small[0] != 0
	if err := b.writeWatchdog(i, b.wdUnits); err != nil {
		b.pollNext = true
		return err
	}
	return &drivers.Error{Joint: i, Kind: drivers.KindDriveFault, Detail: fmt.Sprintf("dynamixel id %d", id),
		Err: &BusWatchdogError{ID: id, Period: period, Found: 0}}
}

// watchdogReport returns the error for the first tripped servo not yet
// reported, and marks it reported. The others follow on later Reads; their
// status carries drivers.StatusCommLost meanwhile.
func (b *Bus) watchdogReport() error {
	for i, n := range b.wdNew {
		if n {
			b.wdNew[i] = false
			return b.trippedErr(i)
		}
	}
	return nil
}

func (b *Bus) trippedErr(i int) error {
	return &drivers.Error{Joint: i, Kind: drivers.KindDriveFault, Detail: fmt.Sprintf("dynamixel id %d", b.ids[i]),
		Err: &BusWatchdogError{ID: b.ids[i], Period: time.Duration(b.wdSet[i]) * WatchdogUnit, Found: -1}}
}

// writeWatchdog writes v to joint i's Bus Watchdog (acknowledged).
func (b *Bus) writeWatchdog(i int, v byte) error {
	b.small[0] = v
	if err := b.c.Write(b.ids[i], X.BusWatchdog.Addr, b.small[:1]); err != nil {
		return err
	}
	b.wd[i], b.wdNew[i] = v, false
	if v != 0 {
		b.wdSet[i] = v
	}
	return nil
}

// isWatchdogErr reports whether err is a *drivers.Error wrapping a
// *BusWatchdogError.
func isWatchdogErr(err error) bool {
	var w *BusWatchdogError
	return errors.As(err, &w)
}
