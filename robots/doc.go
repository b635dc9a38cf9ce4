// Package robots holds the robot models chiron authors itself, with the sources
// of their numbers: a 4-DoF upper-limb rehabilitation exoskeleton scaled to the
// patient by standard anthropometric tables, and the laparoscopic patient-side
// manipulator (PSM) described by the modified-DH table the da Vinci Research Kit
// publishes. Shipped files (upper_limb_exo.urdf, psm.json) are generated or
// checked by this package's tests, so the files and the code cannot drift.
package robots
