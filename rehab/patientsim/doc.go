// Package patientsim simulates the patient wearing or holding a
// rehabilitation robot, so exercises, assistance laws and whole sessions can
// be tested on the firmware-sim plant without a person.
//
// A Patient produces a joint torque every control cycle and applies it to the
// plant with plant.SetExternalTorque. The torque is the sum of
//
//   - voluntary effort: cued a goal (SetGoal), the patient keeps still for a
//     reaction delay, then moves along a minimum-jerk path (Flash & Hogan
//     1985) — the way unimpaired reaching looks; shown a moving target
//     (Track), they pursue it with a small lag. Either intention is tracked
//     with a saturating PD law, a stand-in for the spinal and cortical
//     loops; Relax lets the robot move the limb;
//   - weakness: the saturation is a fraction (Strength) of the unimpaired
//     maximum voluntary torque, the usual clinical description of paresis
//     (for instance the Motricity Index grades force as a fraction of normal);
//   - fatigue: the available torque is further multiplied by a capacity that
//     decays with the mechanical work done and recovers exponentially at
//     rest — a work-driven reading of the fatigue/recovery model of
//     Liu, Brown & Yue (2002), "A dynamical model of muscle activation,
//     fatigue, and recovery", Biophys. J. 82(5);
//   - tremor: a narrow-band oscillation at 4–12 Hz (pathological tremors:
//     parkinsonian 4–6 Hz, essential 4–12 Hz, physiological 8–12 Hz;
//     Deuschl et al. 1998, Mov. Disord. 13 S3), made narrow-band by a
//     slowly wandering instantaneous frequency.
//
// The limb's passive mechanics — stiffness about a rest posture, damping and
// spasticity, the velocity-dependent stretch-reflex resistance above a
// threshold speed (Lance 1980) — are not torques the patient chooses: they
// belong to the plant, and Patient.Limb returns them as a plant.Limb.
//
// Everything random (tremor phase and frequency wander, reaction-time
// jitter) comes from one generator seeded by Config.Seed, and time advances
// only through the now passed in, so a run is deterministic for a seed.
package patientsim
