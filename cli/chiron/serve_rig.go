package chiron

import (
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/rig"
	"github.com/chiron-robotics/chiron/robot"
)

// rigFlagHelp documents --rig in 'chiron serve -h'.
const rigFlagHelp = `serve a real robot on the drives the rig ` + "`FILE`" + ` describes (YAML or JSON, decoded strictly):
  protocol: dynamixel | canopen | cubemars
  transport: {port: /dev/ttyUSB0, baud: 1000000}        Dynamixel bus
             {port: /dev/ttyACM0, slcan: true, bitrate: 1000000}  CAN through an SLCAN adapter
             {interface: can0}                          CAN on SocketCAN
  reply_timeout: 20ms                                   each cycle's wait for the drives
  dynamixel: {position_mode: position, watchdog: 100ms}  the servos' Bus Watchdog (or off, a bench only)
  canopen: {heartbeat_period, master_timeout, drive_heartbeat_period, on_master_loss: quick-stop, ...}
  safety:  {watchdog_cycles: 3, tracking_error: 0.3, velocity_scale: 1, ...}  the supervisor's tolerances
  joints:  one per model joint in chain order: name (the model's), direction (1 or -1),
           zero_offset (rad or m; joint = direction·drive + zero_offset), and
           dynamixel: id, model (XM430-W350 ...), lead (m/rad, prismatic joints)
           canopen:   node, mode (CST or CSP), counts_per_rad, rated_torque, gear_ratio, max_torque
           cubemars:  id, model (AK80-9 ...), lead
  The drives start Disabled, are enabled once the loop reads them, and are switched off when serve stops.
  Reference: 'go doc github.com/chiron-robotics/chiron/rig'; examples: rig/testdata/psm-canopen.yaml,
  psm-dynamixel.yaml, exo-cubemars.yaml`

// loadRig reads a rig file and checks it against the model, which it
// returns (loaded once, for the robot to run on).
func loadRig(file, model, base, tip string) (*rig.Config, *kinematics.Chain, error) {
	cfg, err := rig.Load(file)
	if err != nil {
		return nil, nil, err
	}
	chain, err := robot.LoadModel(model, base, tip)
	if err != nil {
		return nil, nil, err
	}
	if err := cfg.Check(chain); err != nil {
		return nil, nil, err
	}
	return cfg, chain, nil
}
