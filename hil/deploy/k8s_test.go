package deploy

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/hil"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

const manifestFile = "k8s-indexed-job.yaml"

// completionIndex is the variable the Job controller sets in every pod of
// an Indexed Job to the pod's completion index; Kubernetes expands
// $(JOB_COMPLETION_INDEX) in a container's command and args from it.
const completionIndex = "$(JOB_COMPLETION_INDEX)"

// decodeJob decodes a manifest strictly into the batch/v1 Job type the way
// the API server's strict field validation (kubectl apply
// --validate=strict) does: a duplicate key, an unknown field, a field
// whose case differs from the schema's ("completionmode"; encoding/json
// would accept it and drop it on the server), a value of the wrong type
// or a malformed quantity is an error naming the field.
func decodeJob(data []byte) (*batchv1.Job, error) {
	js, err := yaml.YAMLToJSONStrict(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", manifestFile, err)
	}
	var job batchv1.Job
	strict, err := kjson.UnmarshalStrict(js, &job, kjson.DisallowDuplicateFields, kjson.DisallowUnknownFields)
	if err != nil {
		return nil, fmt.Errorf("%s: not a batch/v1 Job: %w", manifestFile, err)
	}
	if len(strict) > 0 {
		return nil, fmt.Errorf("%s: not a batch/v1 Job: %w", manifestFile, errors.Join(strict...))
	}
	return &job, nil
}

// checkIndexedJob checks what a sharded HIL sweep relies on in a decoded
// Job, naming the field at fault. scenarios is the directory the
// scenario ConfigMap is made from (hil/scenarios).
func checkIndexedJob(job *batchv1.Job, scenarios string) error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
	}
	if job.APIVersion != "batch/v1" || job.Kind != "Job" {
		bad("apiVersion/kind", "%s/%s, want batch/v1 Job", job.APIVersion, job.Kind)
	}
	// The Job's name becomes its pods' job-name label: a DNS subdomain that
	// is also a valid label value (≤ 63 characters).
	for _, msg := range append(validation.IsDNS1123Subdomain(job.Name), validation.IsValidLabelValue(job.Name)...) {
		bad("metadata.name", "%q: %s", job.Name, msg)
	}
	spec := job.Spec
	if spec.CompletionMode == nil || *spec.CompletionMode != batchv1.IndexedCompletion {
		bad("spec.completionMode", "want Indexed: each pod needs its own shard index")
	}
	completions := 0
	switch {
	case spec.Completions == nil:
		bad("spec.completions", "unset; an Indexed Job needs it (the shard count)")
	case *spec.Completions < 1:
		bad("spec.completions", "%d, want ≥ 1", *spec.Completions)
	default:
		completions = int(*spec.Completions)
	}
	switch {
	case spec.Parallelism == nil:
		bad("spec.parallelism", "unset (Kubernetes would run one pod at a time)")
	case *spec.Parallelism < 1 || (completions > 0 && int(*spec.Parallelism) > completions):
		bad("spec.parallelism", "%d, want 1 … completions (%d)", *spec.Parallelism, completions)
	}
	if spec.BackoffLimit != nil && *spec.BackoffLimit < 0 {
		bad("spec.backoffLimit", "%d, want ≥ 0", *spec.BackoffLimit)
	}
	pod := spec.Template.Spec
	// A Job's pods must end: Kubernetes accepts only Never and OnFailure.
	if pod.RestartPolicy != corev1.RestartPolicyNever && pod.RestartPolicy != corev1.RestartPolicyOnFailure {
		bad("spec.template.spec.restartPolicy", "%q, want Never or OnFailure", pod.RestartPolicy)
	}
	volumes := map[string]bool{}
	for i, v := range pod.Volumes {
		for _, msg := range validation.IsDNS1123Label(v.Name) {
			bad(fmt.Sprintf("spec.template.spec.volumes[%d].name", i), "%q: %s", v.Name, msg)
		}
		volumes[v.Name] = true
	}
	if len(pod.Containers) != 1 {
		bad("spec.template.spec.containers", "%d containers, want the one that runs chiron", len(pod.Containers))
		return errors.Join(errs...)
	}
	c := pod.Containers[0]
	field := "spec.template.spec.containers[0]"
	for _, msg := range validation.IsDNS1123Label(c.Name) {
		bad(field+".name", "%q: %s", c.Name, msg)
	}
	if c.Image == "" {
		bad(field+".image", "empty")
	}
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, okReq := c.Resources.Requests[r]
		lim, okLim := c.Resources.Limits[r]
		switch {
		case !okReq || req.Sign() <= 0:
			bad(field+".resources.requests."+string(r), "unset or zero: the scheduler cannot pack the shards")
		case !okLim:
			bad(field+".resources.limits."+string(r), "unset: one run could starve its node's other shards")
		case req.Cmp(lim) > 0:
			bad(field+".resources", "%s request %s above its limit %s", r, req.String(), lim.String())
		}
	}
	mounts := map[string]corev1.VolumeMount{}
	for i, m := range c.VolumeMounts {
		if !volumes[m.Name] {
			bad(fmt.Sprintf("%s.volumeMounts[%d].name", field, i), "%q is not in spec.template.spec.volumes", m.Name)
		}
		mounts[m.MountPath] = m
	}
	argv := append(append([]string(nil), c.Command...), c.Args...)
	if len(argv) < 3 || path.Base(argv[0]) != "chiron" || argv[1] != "hil" || argv[2] != "sweep" {
		bad(field+".command/args", "%q, want chiron hil sweep SCENARIO …", argv)
		return errors.Join(errs...)
	}
	flags, pos := sweepArgs(argv[3:])
	if len(pos) != 1 {
		bad(field+".args", "positional arguments %q, want exactly one SCENARIO.yaml", pos)
	} else {
		scenario := pos[0]
		if m, ok := mountOf(mounts, scenario); !ok {
			bad(field+".args", "scenario %s is on no volume mount", scenario)
		} else if _, err := os.Stat(filepath.Join(scenarios, path.Base(scenario))); err != nil {
			bad(field+".args", "scenario %s (from volume %s) is not in %s: %v", scenario, m.Name, scenarios, err)
		}
	}
	if s, ok := flags["seeds"]; !ok {
		bad(field+".args", "no --seeds")
	} else if _, _, err := hil.ParseSeeds(s); err != nil {
		bad(field+".args", "%v", err)
	}
	out, ok := flags["out"]
	if !ok {
		bad(field+".args", "no --out: results would stay in the pod")
	} else if m, ok := mountOf(mounts, out); !ok || m.ReadOnly {
		bad(field+".args", "--out %s is not on a writable volume mount: results would die with the pod", out)
	}
	// --shard INDEX/N: INDEX the pod's completion index, N the completions,
	// so that the pods' shards 0/N … N-1/N cover every run exactly once.
	shard, ok := flags["shard"]
	idx, n, _ := strings.Cut(shard, "/")
	switch {
	case !ok:
		bad(field+".args", "no --shard: every pod would run the whole sweep")
	case idx != completionIndex:
		bad(field+".args", "--shard %s: the index must be %s", shard, completionIndex)
	case n != strconv.Itoa(completions):
		bad(field+".args", "--shard %s: the shard count must equal spec.completions (%d)", shard, completions)
	default:
		for k := range completions {
			if _, _, err := hil.ParseShard(strings.Replace(shard, completionIndex, strconv.Itoa(k), 1)); err != nil {
				bad(field+".args", "pod %d: %v", k, err)
			}
		}
	}
	return errors.Join(errs...)
}

// sweepArgs splits chiron hil sweep's arguments into flags (--name=value
// or --name value) and positional arguments.
func sweepArgs(args []string) (map[string]string, []string) {
	flags := map[string]string{}
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			pos = append(pos, a)
			continue
		}
		name, val, ok := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !ok && i+1 < len(args) {
			i++
			val = args[i]
		}
		flags[name] = val
	}
	return flags, pos
}

// mountOf returns the volume mount a container path is under.
func mountOf(mounts map[string]corev1.VolumeMount, p string) (corev1.VolumeMount, bool) {
	for dir := path.Clean(p); ; dir = path.Dir(dir) {
		if m, ok := mounts[dir]; ok {
			return m, true
		}
		if dir == "/" || dir == "." {
			return corev1.VolumeMount{}, false
		}
	}
}

func TestIndexedJobManifest(t *testing.T) {
	data, err := os.ReadFile(manifestFile)
	if err != nil {
		t.Fatal(err)
	}
	scenarios := filepath.Join(repoRoot, "hil", "scenarios")
	job, err := decodeJob(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkIndexedJob(job, scenarios); err != nil {
		t.Fatalf("%s:\n%v", manifestFile, err)
	}
	t.Logf("%s: Indexed Job %s, %d completions, parallelism %d, args %q", manifestFile, job.Name,
		*job.Spec.Completions, *job.Spec.Parallelism, job.Spec.Template.Spec.Containers[0].Args)

	// The checks catch what they are for: each edit of the shipped
	// manifest is refused with an error naming the field.
	cases := []struct {
		name     string
		old, new string
		wantErr  string
	}{
		{"misspelt field", "completionMode: Indexed", "completionmode: Indexed", `unknown field "spec.completionmode"`},
		{"unknown field", "backoffLimit: 2", "backoffLimit: 2\n  retries: 3", `unknown field "spec.retries"`},
		{"misspelt nested field", "mountPath: /results}", "mountpath: /results}", `unknown field "spec.template.spec.containers[0].volumeMounts[1].mountpath"`},
		{"duplicate key", "parallelism: 20", "parallelism: 20\n  parallelism: 5", "parallelism"},
		{"wrong type", "completions: 20", "completions: twenty", "completions"},
		{"bad quantity", "memory: 512Mi", "memory: 512 megs", "quantities must match"},
		{"not indexed", "completionMode: Indexed", "completionMode: NonIndexed", "spec.completionMode"},
		{"no completions", "  completions: 20\n", "", "spec.completions"},
		{"no parallelism", "  parallelism: 20\n", "", "spec.parallelism"},
		{"shards ≠ completions", "completions: 20", "completions: 10", "must equal spec.completions (10)"},
		{"index not from the Job", "$(JOB_COMPLETION_INDEX)/20", "$(POD_INDEX)/20", "the index must be $(JOB_COMPLETION_INDEX)"},
		{"no shard", "            - --shard=$(JOB_COMPLETION_INDEX)/20\n", "", "no --shard"},
		{"restart always", "restartPolicy: Never", "restartPolicy: Always", "restartPolicy"},
		{"no limits", "            limits: {cpu: \"1\", memory: 512Mi}\n", "", "resources.limits.cpu"},
		{"request above limit", "requests: {cpu: \"1\"", "requests: {cpu: \"2\"", "cpu request 2 above its limit 1"},
		{"results not mounted", "--out=/results/fault-sweep", "--out=/tmp/fault-sweep", "not on a writable volume mount"},
		{"scenario not shipped", "/scenarios/stuck_encoder.yaml", "/scenarios/no_such.yaml", "no_such.yaml"},
		{"mount without volume", "- {name: results, mountPath: /results}", "- {name: output, mountPath: /results}", `"output" is not in spec.template.spec.volumes`},
		{"bad seeds", "--seeds=1..1000", "--seeds=1000..1", "--seeds"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(string(data), tc.old) {
				t.Fatalf("%s no longer contains %q: update this case", manifestFile, tc.old)
			}
			edited := strings.Replace(string(data), tc.old, tc.new, 1)
			job, err := decodeJob([]byte(edited))
			if err == nil {
				err = checkIndexedJob(job, scenarios)
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("edited manifest: %v, want an error containing %q", err, tc.wantErr)
			}
		})
	}
}
