// Package motors is chiron's motor catalogue as data: the actuators the
// drive sizing chooses from and the simulated drives model — Dynamixel X
// (XM430, XM540, XH430, XH540) and P (PH42, PH54) servos, CubeMars AK
// actuators (AK60-6, AK70-10, AK80-9, AK10-9) and a generic CiA 402 servo —
// with their torque constants, gear ratios, reflected inertia, friction and
// a first-order winding thermal model.
//
// The catalogue is catalogue.csv, embedded: one row per actuator, every
// figure at the output shaft, each row naming its sources and listing the
// figures that are estimates or derived rather than read off a datasheet
// (Motor.Estimated). Parse reads it strictly: an error names the line and
// the column.
//
// The drivers keep their own unit tables (drivers/dynamixel's Model values,
// drivers/cubemars' MIT ranges) because drivers import nothing of ours; this
// package's tests check that every such table agrees with the catalogue, so
// there is one source of truth for each figure.
//
// Thermal model: copper loss P = r_loss·I², I = τ/kt, heats the winding
// toward ambient + P·r_th with time constant tau_th (Motor.Heat); past
// t_max the drive trips (firmwaresim reports it as each protocol reports an
// overtemperature fault).
package motors
