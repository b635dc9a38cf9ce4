package cubemars

// Limits are the ranges an MIT-mode firmware maps its fixed-point fields
// onto (float_to_uint / uint_to_float in the MIT Mini Cheetah firmware).
// Host and motor must use the same numbers or every value is scaled wrong,
// so they are per model data, never constants in code.
type Limits struct {
	PMin, PMax   float64 // position, rad (16 bit)
	VMin, VMax   float64 // velocity, rad/s (12 bit)
	TMin, TMax   float64 // torque, N·m (12 bit)
	KpMin, KpMax float64 // stiffness, N·m/rad (12 bit)
	KdMin, KdMax float64 // damping, N·m·s/rad (12 bit)
}

// Model is one actuator type: its MIT-mode ranges and the motor data needed
// to relate torque to current.
type Model struct {
	Name string
	Limits
	// GearRatio is the planetary reduction (output turns per rotor turn
	// inverted): positions and torques on the wire are at the output.
	GearRatio float64
	// TorqueConstant is Kt at the rotor in N·m/A, as CubeMars datasheets
	// list it; output torque ≈ TorqueConstant·GearRatio·Iq before losses.
	TorqueConstant float64
}

// Sources for the table below, and how far to trust it:
//
//   - CubeMars "AK Series Actuator Driver Manual" (v1.0.x, MIT/"force
//     control" mode section), table of MIT-mode parameter ranges: position
//     ±12.5 rad for every model; AK80-9 V ±50 rad/s, T ±18 N·m; AK70-10
//     V ±50, T ±25; AK60-6 V ±45, T ±15; AK10-9 V ±50, T ±65; Kp 0–500,
//     Kd 0–5 for all.
//   - TMotorCANControl (Open-Source Leg, mit_can.py MIT_Params) agrees on
//     AK80-9, AK70-10 and AK10-9 but gives AK60-6 V ±50 rad/s; the
//     "opensourceleg" MOTOR_PARAMS gives AK10-9 V2.0 T ±48 and AK60-6 V1.1
//     T ±9, and V3 firmware ("-V3" models) uses ±12.56 rad and different V/T
//     ranges. The ranges are a firmware setting: older and newer firmware of
//     the same model differ. Check the motor's firmware version (R-Link
//     upper computer) before trusting a row; pass a custom Model otherwise.
//   - Gear ratios are in the model names. Torque constants are CubeMars
//     datasheet rotor values as quoted by TMotorCANControl ("from TMotor
//     website"); that project measured 0.115 N·m/A for the AK80-9, so treat
//     them as nominal.
var (
	// AK80_9 is the CubeMars AK80-9 (9:1).
	AK80_9 = Model{Name: "AK80-9", Limits: Limits{PMin: -12.5, PMax: 12.5, VMin: -50, VMax: 50, TMin: -18, TMax: 18, KpMax: 500, KdMax: 5}, GearRatio: 9, TorqueConstant: 0.091}
	// AK70_10 is the CubeMars AK70-10 (10:1).
	AK70_10 = Model{Name: "AK70-10", Limits: Limits{PMin: -12.5, PMax: 12.5, VMin: -50, VMax: 50, TMin: -25, TMax: 25, KpMax: 500, KdMax: 5}, GearRatio: 10, TorqueConstant: 0.095}
	// AK60_6 is the CubeMars AK60-6 (6:1); V ±45 per the CubeMars manual,
	// ±50 in some firmwares (see the sources above).
	AK60_6 = Model{Name: "AK60-6", Limits: Limits{PMin: -12.5, PMax: 12.5, VMin: -45, VMax: 45, TMin: -15, TMax: 15, KpMax: 500, KdMax: 5}, GearRatio: 6, TorqueConstant: 0.068}
	// AK10_9 is the CubeMars AK10-9 V2 (9:1); T ±65 per the CubeMars
	// manual, ±48 in some references (see the sources above).
	AK10_9 = Model{Name: "AK10-9", Limits: Limits{PMin: -12.5, PMax: 12.5, VMin: -50, VMax: 50, TMin: -65, TMax: 65, KpMax: 500, KdMax: 5}, GearRatio: 9, TorqueConstant: 0.16}
)

// Models lists the built-in models, for lookup by name from configuration.
var Models = []Model{AK80_9, AK70_10, AK60_6, AK10_9}

// ModelByName returns the built-in model called name (e.g. "AK80-9").
func ModelByName(name string) (Model, bool) {
	for _, m := range Models {
		if m.Name == name {
			return m, true
		}
	}
	return Model{}, false
}

// Valid reports whether every range is non-empty and finite, so that the
// fixed-point mapping is defined.
func (l Limits) Valid() bool {
	ok := func(lo, hi float64) bool { return lo < hi && hi-lo < 1e300 }
	return ok(l.PMin, l.PMax) && ok(l.VMin, l.VMax) && ok(l.TMin, l.TMax) && ok(l.KpMin, l.KpMax) && ok(l.KdMin, l.KdMax)
}
