#!/bin/bash
# A HIL sweep as a Slurm job array: task i of N runs the runs whose index
# mod N equals i. Submit with
#     sbatch --array=0-19 hil/deploy/slurm-array.sh hil/scenarios/stuck_encoder.yaml 1..1000
# and merge when the array is done:
#     chiron hil merge hil-sweep/stuck_encoder
# (or: head -1 of any shard, then tail -n +2 of each, concatenated).
#SBATCH --job-name=chiron-hil
#SBATCH --cpus-per-task=1
#SBATCH --mem=512M
#SBATCH --time=01:00:00
#SBATCH --output=hil-sweep/slurm-%A_%a.out
set -euo pipefail
scenario=${1:?usage: slurm-array.sh SCENARIO.yaml SEEDS [extra chiron hil sweep flags]}
seeds=${2:?seed range A..B}
shift 2
name=$(basename "$scenario" .yaml)
n=${SLURM_ARRAY_TASK_COUNT:?run under sbatch --array}
i=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0}))
exec chiron hil sweep "$scenario" --seeds "$seeds" --shard "$i/$n" --out "hil-sweep/$name" --jobs "${SLURM_CPUS_PER_TASK:-1}" "$@"
