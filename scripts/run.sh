#!/usr/bin/env bash
# `make run`: start the most complete thing chiron has.
# When `chiron demo` exists it runs the whole stack against simulated firmware
# with the console; until then this shows the robot models and kinematics.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=./bin/chiron
if $bin help | grep -q '^  demo '; then
  exec $bin demo "$@"
fi
echo "== chiron kin info: the upper-limb rehabilitation exoskeleton (robots/upper_limb_exo.urdf)"
$bin kin info --model robots/upper_limb_exo.urdf
echo
echo "== chiron kin info: the laparoscopic PSM (robots/psm.json, modified DH, mechanical RCM)"
$bin kin info --model robots/psm.json
echo
echo "== forward kinematics of the PSM at three joint vectors, then IK back to joint space"
poses=$(printf '0 0 0.10 0 0 0\n0.3 -0.2 0.15 0.5 0.2 -0.1\n-0.5 0.4 0.2 -1 -0.6 0.7\n' | $bin kin fk --model robots/psm.json)
echo "$poses"
echo "$poses" | $bin kin ik --model robots/psm.json
echo
echo "== gravity torques on the exoskeleton, arm raised 90° forward, elbow bent 90°"
echo "1.5707963 0 0 1.5707963" | $bin kin gravity --model robots/upper_limb_exo.urdf
