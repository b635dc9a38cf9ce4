// Package registry names the controllers a chiron loop can run, the way
// ros2_control's controller manager loads controllers by name: a package
// registers a Factory under a name (usually in its init function), and every
// front end — HIL scenarios (controller, controller_params), serve
// --controller NAME --controller-params FILE|JSON, rehabilitation plans —
// selects it by that name through the one composition path, robot.Assemble.
//
// A Factory describes its controller (summary, what setpoints it follows,
// how a gains override applies to it, its parameter struct with defaults)
// and builds it from what the assembly knows: the chain, the loop period,
// the default joint gains sized for that period, the shared dynamics
// workspace, and its own parameters. Parameters arrive as raw YAML or JSON
// (Params) and are decoded strictly into the factory's parameter struct: an
// unknown field, a wrong type or a value the factory's Check refuses is an
// *Error naming the controller and the field,
//
//	controller "var-impedance": params.stiffness_max: want > 0, got -1
//
// Decoding and checking happen before anything is built, so a front end can
// refuse bad parameters at parse time (Validate) without building a loop.
//
// The four built-in controllers (joint-pd, cartesian-impedance, transparent,
// admittance) register here, joint-pd first (the default). They are Standby
// controllers: every assembly builds them, with their defaults, so a front
// end can switch to any of them at run time. A researcher's controller is
// built only when it is the active one, unless its Factory says Standby.
//
// The registry is safe for concurrent use; Register is meant for init
// functions and panics on a programming error (an empty or duplicate name,
// a factory without New), as database/sql.Register does.
package registry
