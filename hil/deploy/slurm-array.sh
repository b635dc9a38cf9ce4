#!/bin/bash
# A HIL sweep as a Slurm job array: task i of N runs the runs whose index
# mod N equals i. Submit with
#     sbatch --array=0-19 hil/deploy/slurm-array.sh hil/scenarios/stuck_encoder.yaml 1..1000
# and merge when the array is done:
#     chiron hil merge hil-sweep/stuck_encoder
# (or: head -1 of any shard, then tail -n +2 of each, concatenated).
# Each task's log is chiron-hil-JOB_TASK.out in the submission directory:
# Slurm opens it before the job starts and does not create directories, so
# a log path under hil-sweep/ would fail every task of a first sweep (to
# put logs there, mkdir -p hil-sweep and add --output=hil-sweep/%x-%A_%a.out).
# Run it from the directory the paths are relative to (the job starts in
# the submission directory) with chiron on PATH (sbatch passes its
# environment on); results go to hil-sweep/SCENARIO/.
#SBATCH --job-name=chiron-hil
#SBATCH --cpus-per-task=1
#SBATCH --mem=512M
#SBATCH --time=01:00:00
#SBATCH --output=%x-%A_%a.out
set -euo pipefail
scenario=${1:?usage: slurm-array.sh SCENARIO.yaml SEEDS [extra chiron hil sweep flags]}
seeds=${2:?seed range A..B}
shift 2
name=$(basename "$scenario" .yaml)
n=${SLURM_ARRAY_TASK_COUNT:?run under sbatch --array}
# The shard is the task's position in the array, whatever its first index
# and step (--array=1-20, --array=0-38:2); a list of indices has no step
# and cannot be numbered this way.
i=$(((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0}) / ${SLURM_ARRAY_TASK_STEP:-1}))
if [ "$i" -ge "$n" ]; then
	echo "slurm-array.sh: task $SLURM_ARRAY_TASK_ID is not in a range A-B[:S] of $n tasks: submit --array as a range" >&2
	exit 2
fi
exec chiron hil sweep "$scenario" --seeds "$seeds" --shard "$i/$n" --out "hil-sweep/$name" --jobs "${SLURM_CPUS_PER_TASK:-1}" "$@"
