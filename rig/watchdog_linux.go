//go:build linux

package rig

import (
	"github.com/chiron-robotics/chiron/drivers/gobotio"
)

// openFirmataWatchdog opens the watchdog's firmata board through
// opts.OpenSerial (gobot's firmata platform on chiron's serial ports).
func openFirmataWatchdog(w *HardwareWatchdog, opts *Options) (WatchdogIO, error) {
	cfg := gobotio.WatchdogOutputConfig{Pin: *w.Pin, FeedbackPin: -1, FeedbackActiveLow: w.FeedbackActiveLow,
		Open: gobotio.FirmataOpener(opts.openSerial())}
	if w.FeedbackPin != nil {
		cfg.FeedbackPin = *w.FeedbackPin
	}
	out, err := gobotio.OpenWatchdogOutput(w.Port, cfg)
	if err != nil {
		return WatchdogIO{}, err
	}
	io := WatchdogIO{Line: out, Close: out.Close}
	if out.HasFeedback() {
		io.Feedback = out
	}
	return io, nil
}
