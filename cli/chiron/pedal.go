package chiron

import (
	"flag"

	"github.com/chiron-robotics/chiron/drivers/gobotio"
)

// pedalFlags are the foot pedal's flags.
type pedalFlags struct {
	port               *string
	deadmanPin, clutch *int
	activeLow          *bool
}

func addPedalFlags(fs *flag.FlagSet) *pedalFlags {
	return &pedalFlags{
		port: fs.String("pedal", "", "serial port of a surgeon's foot pedal (e.g. /dev/ttyACM0): an Arduino running StandardFirmata "+
			"(57600 baud) with the pedal switches on digital pins. Needs --gamepad: the pedal provides the deadman and clutch of "+
			"the gamepad's commands (the pad's deadman trigger no longer counts; the pad's clutch still does) and the pad the motion. "+
			"Pressing the deadman pedal takes control; releasing it holds the arm at once; a board silent for 250 ms reads as released "+
			"(press again once it is back); an unplugged board releases the deadman and, like a lost gamepad, protective-stops after 1 s. "+
			"If the board does not answer at start, exit with status 2"),
		deadmanPin: fs.Int("pedal-deadman-pin", gobotio.DefaultPedalDeadmanPin, "digital pin of the deadman pedal's switch (D0 and D1 carry the board's serial link)"),
		clutch:     fs.Int("pedal-clutch-pin", gobotio.DefaultPedalClutchPin, "digital pin of the clutch pedal's switch; -1 for no clutch pedal"),
		activeLow: fs.Bool("pedal-active-low", false, "the pedal pins read low when pressed (switch to ground with a pull-up resistor); "+
			"default: high when pressed (switch to 5 V with a pull-down resistor). Either way a cut switch wire reads released"),
	}
}

// on reports whether a pedal was asked for (p may be nil: no pedal flags).
func (p *pedalFlags) on() bool { return p != nil && *p.port != "" }

// validate checks the pedal's flags; gamepad says whether --gamepad is set.
func (p *pedalFlags) validate(gamepad bool) error {
	if !p.on() {
		return nil
	}
	switch {
	case !gamepad:
		return usagef("--pedal needs --gamepad: the pedal provides the deadman and clutch of a hand controller's commands " +
			"(a browser operator's commands carry their own deadman)")
	case *p.deadmanPin < 2 || *p.deadmanPin > 127:
		return usagef("--pedal-deadman-pin %d: want a digital pin from 2 to 127 (D0 and D1 carry the serial link)", *p.deadmanPin)
	case *p.clutch != -1 && (*p.clutch < 2 || *p.clutch > 127):
		return usagef("--pedal-clutch-pin %d: want a digital pin from 2 to 127, or -1 for no clutch pedal", *p.clutch)
	case *p.clutch == *p.deadmanPin:
		return usagef("--pedal-clutch-pin %d is the deadman pedal's pin", *p.clutch)
	}
	return nil
}

// config is the foot pedal's configuration from the flags.
func (p *pedalFlags) config() gobotio.FootPedalConfig {
	return gobotio.FootPedalConfig{DeadmanPin: *p.deadmanPin, ClutchPin: *p.clutch, ActiveLow: *p.activeLow}
}
