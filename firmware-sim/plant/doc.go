// Package plant simulates the physical robot that simulated drives move: the
// chain's rigid-body dynamics (mass matrix from CRBA, bias forces from RNEA)
// plus what real joints add — reflected rotor inertia (armature), viscous and
// Coulomb friction, motor torque limits, mechanical end stops, encoder
// quantization — and, for rehabilitation models, the patient's limb as a
// passive load (stiffness, damping, velocity-dependent spastic resistance).
//
// Time advances only when Step is called, by a fixed step split into
// substeps, so a run is a pure function of its inputs and seed: the lockstep
// HIL runner and tests step it in virtual time. After New nothing allocates.
//
// Bus wraps a Plant as an in-process drivers.Bus with ideal drives executing
// the impedance command law at the plant's substep rate, so the control loop
// is testable with no protocol in between.
package plant
