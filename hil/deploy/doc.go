// Package deploy holds the files that run a HIL sweep (chiron hil sweep,
// package hil) on a cluster's scheduler, and the tests that run them for
// real:
//
//   - slurm-array.sh, a Slurm job array: task i of N runs the sweep's shard
//     i/N. TestSlurmArraySweepMatchesLocalSweep starts a single-node Slurm
//     on loopback (scripts/slurm-test-env.sh: munged, slurmctld, slurmd,
//     no systemd), submits the script with sbatch --wait --array=0-3,
//     merges the shards with chiron hil merge and requires the merged
//     table to equal a local sweep's, wall-clock column aside. It skips
//     without Slurm (Debian's slurm-wlm) unless CHIRON_TEST_SLURM is set,
//     as CI sets it.
//   - k8s-indexed-job.yaml, a Kubernetes Indexed Job: pod k runs shard
//     k/completions. With no cluster to apply it to, TestIndexedJobManifest
//     decodes it strictly (an unknown or misspelt field is an error) into
//     the batch/v1 Job type of k8s.io/api and checks what the sweep relies
//     on: Indexed completion, the shard count equal to completions, the
//     index taken from JOB_COMPLETION_INDEX, a Job restart policy,
//     resources, and mounts for the scenario and the results.
//
// The package has no code of its own: the sweep is package hil's, the
// command cli/chiron's.
package deploy
