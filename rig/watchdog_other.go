//go:build !linux

package rig

import "errors"

func openFirmataWatchdog(*HardwareWatchdog, *Options) (WatchdogIO, error) {
	return WatchdogIO{}, errors.New("a firmata watchdog board needs Linux (chiron's serial ports)")
}
