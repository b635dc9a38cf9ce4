// Package metrics computes the movement measures clinicians read in a
// rehabilitation report: range of motion, movement time, path-length ratio,
// interaction torque, and SPARC smoothness. Inputs are sampled trajectories in
// SI units; outputs are in the units clinicians use (degrees for ROM).
package metrics
