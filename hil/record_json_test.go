package hil

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/chiron-robotics/chiron/channels"
)

// TestRecordingJSONMatchesEncodingJSON: the hand encoders of the per-cycle
// messages write exactly encoding/json's bytes (what the recording held
// before them), for edge values of every float range and for names that
// need escaping; a value encoding/json refuses is refused too.
func TestRecordingJSONMatchesEncodingJSON(t *testing.T) {
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.99999e-7, -1e-7, 1e-9, 1.5e-300,
		math.SmallestNonzeroFloat64, 1e20, 1e21, -1e21, 123456789.123, math.MaxFloat64, 1.0 / 3, 2.5e-5}
	names := []string{"panda_joint1", "", "a<b>&c", "quote\"back\\slash", "tab\tnl\n", "ünïcødé", "\u2028", "bad\xffutf8"}
	rng := rand.New(rand.NewPCG(17, 1))
	for range 200 {
		floats = append(floats, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(50)-25)))
	}
	pick := func(i int) float64 { return floats[i%len(floats)] }
	var cases []struct {
		name string
		v    any
	}
	add := func(name string, v any) {
		cases = append(cases, struct {
			name string
			v    any
		}{name, v})
	}
	for i := range len(floats) {
		js := &channels.JointState{Header: channels.Header{Stamp: channels.ROSTimeOf(int64(i) * 1_234_567_891), FrameID: names[i%len(names)]},
			Name: names, Position: []float64{pick(i), pick(i + 1)}, Velocity: []float64{pick(i + 2)}, Effort: []float64{}}
		add("joint_states", js)
		pose := &channels.PoseInFrame{Timestamp: channels.TimeOf(int64(i) * 987_654_321), FrameID: names[(i+1)%len(names)],
			Pose: channels.Pose{Position: channels.Vector3{X: pick(i), Y: pick(i + 3), Z: pick(i + 5)},
				Orientation: channels.Quaternion{X: pick(i + 7), Y: pick(i + 11), Z: pick(i + 13), W: pick(i + 17)}}}
		add("tool_pose", pose)
		tf := &channels.FrameTransforms{}
		for k := range i % 4 {
			tf.Transforms = append(tf.Transforms, channels.FrameTransform{Timestamp: channels.TimeOf(int64(i + k)),
				ParentFrameID: names[k%len(names)], ChildFrameID: names[(k+i)%len(names)],
				Translation: channels.Vector3{X: pick(i + k), Y: pick(i + 2*k), Z: pick(i + 3*k)},
				Rotation:    channels.Quaternion{X: pick(k), Y: pick(k + 1), Z: pick(k + 2), W: pick(i)}})
		}
		add("tf", tf)
	}
	add("joint_states nil slices", &channels.JointState{})
	add("tf nil", &channels.FrameTransforms{})
	add("tf empty", &channels.FrameTransforms{Transforms: []channels.FrameTransform{}})
	for _, c := range cases {
		want, err := json.Marshal(c.v)
		if err != nil {
			t.Fatalf("%s: encoding/json: %v", c.name, err)
		}
		got, ok := appendMessageJSON(nil, c.v)
		if !ok || string(got) != string(want) {
			t.Fatalf("%s: hand encoding (ok %v)\n%s\nencoding/json\n%s", c.name, ok, got, want)
		}
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		js := &channels.JointState{Position: []float64{1, bad}}
		if _, ok := appendMessageJSON(nil, js); ok {
			t.Errorf("position %v: hand encoding accepted what encoding/json refuses", bad)
		}
		pose := &channels.PoseInFrame{Pose: channels.Pose{Orientation: channels.Quaternion{W: bad}}}
		if _, ok := appendMessageJSON(nil, pose); ok {
			t.Errorf("orientation w %v: hand encoding accepted what encoding/json refuses", bad)
		}
	}
	if _, ok := appendMessageJSON(nil, channels.Safety{}); ok {
		t.Error("a message without a hand encoder was hand-encoded")
	}
}
