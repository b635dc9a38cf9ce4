package hil

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/foxglove/mcap/go/mcap"

	"github.com/chiron-robotics/chiron/channels"
	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/robot"
)

// checkRecording reads an MCAP recording of cycles cycles and checks what
// Foxglove Studio and Lichtblick need of it: every channel JSON with a
// single-typed JSON schema and every message valid against it;
// /robot_description (URDF the loader reads) the first message; log times
// from DefaultRecordingEpoch on (a real date, not 1970) as the "chiron"
// metadata says; /joint_states and /tool_pose every cycle, /tf in every
// 10 ms of loop time that has a cycle (recordTFPeriod), at that period's
// first cycle, /safety, /safety/log and /loop_stats present; and /tf's
// transforms, chained from
// the URDF's base, give the tip pose the URDF's FK gives at the joint
// states of the same cycle, with frame ids that are the URDF's link names.
func checkRecording(t *testing.T, path string, cycles int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := mcap.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	info, err := r.Info()
	if err != nil {
		t.Fatal(err)
	}
	epoch := uint64(DefaultRecordingEpoch.UnixNano())
	if info.Statistics.MessageStartTime < epoch || info.Statistics.MessageEndTime > epoch+uint64(time.Hour) {
		t.Errorf("log times %d…%d, want from %d (%v)", info.Statistics.MessageStartTime, info.Statistics.MessageEndTime, epoch, DefaultRecordingEpoch)
	}
	if len(info.MetadataIndexes) != 1 || info.MetadataIndexes[0].Name != "chiron" {
		t.Errorf("metadata %v, want one \"chiron\" record", info.MetadataIndexes)
	} else if md, err := r.GetMetadata(info.MetadataIndexes[0].Offset); err != nil || md.Metadata["start_time"] != DefaultRecordingEpoch.Format(time.RFC3339Nano) {
		t.Errorf("metadata %+v: %v", md, err)
	}
	it, err := r.Messages(mcap.InOrder(mcap.FileOrder))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	var (
		model     *kinematics.Model
		fk        *kinematics.Workspace
		links     map[string]string // child → parent
		lastJS    channels.JointState
		lastJSLog uint64
		checked   int
		// /tf: the 10 ms periods that have a cycle, and the /tf
		// messages not at such a period's first cycle
		tfPeriods     int
		lastPeriod    = ^uint64(0)
		firstOfPeriod bool
		tfOff         int
	)
	for i := 0; ; i++ {
		schema, ch, msg, err := it.NextInto(nil)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if schema.Encoding != "jsonschema" || ch.MessageEncoding != "json" || !bytes.HasPrefix(msg.Data, []byte("{")) {
			t.Fatalf("%s: schema %q, encoding %q", ch.Topic, schema.Encoding, ch.MessageEncoding)
		}
		spec := channels.Spec{Topic: ch.Topic, SchemaName: schema.Name, Schema: string(schema.Data)}
		if err := channels.Check(spec, msg.Data); err != nil && counts["invalid"] < 3 {
			counts["invalid"]++
			t.Errorf("recorded %s message %s: %v", ch.Topic, msg.Data, err)
		}
		if msg.LogTime < epoch {
			t.Fatalf("%s log time %d before the epoch %d", ch.Topic, msg.LogTime, epoch)
		}
		counts[ch.Topic]++
		switch ch.Topic {
		case TopicRobotDescription:
			if i != 0 {
				t.Errorf("/robot_description is message %d, want the first", i)
			}
			var d channels.String
			if err := json.Unmarshal(msg.Data, &d); err != nil {
				t.Fatal(err)
			}
			if model, err = kinematics.ParseURDF(strings.NewReader(d.Data), "robot_description"); err != nil {
				t.Fatalf("recorded URDF: %v", err)
			}
			links = map[string]string{}
			tip := model.Root
			for _, j := range model.Joints {
				links[j.Child] = j.Parent
				if j.Type == kinematics.Fixed {
					tip = j.Child
				}
			}
			c, err := model.Chain(model.Root, tip)
			if err != nil {
				t.Fatal(err)
			}
			fk = kinematics.NewWorkspace(c)
		case TopicJointStates:
			if err := json.Unmarshal(msg.Data, &lastJS); err != nil {
				t.Fatal(err)
			}
			lastJSLog = msg.LogTime
			period := (msg.LogTime - epoch) / uint64(recordTFPeriod)
			firstOfPeriod = period != lastPeriod
			if firstOfPeriod {
				tfPeriods++
				lastPeriod = period
			}
		case TopicTF:
			if msg.LogTime != lastJSLog || !firstOfPeriod {
				tfOff++
			}
			if fk == nil || msg.LogTime != lastJSLog || len(lastJS.Position) != fk.Chain().DoF() || checked >= 50 {
				continue
			}
			var tf channels.FrameTransforms
			if err := json.Unmarshal(msg.Data, &tf); err != nil {
				t.Fatal(err)
			}
			acc := kinematics.Identity()
			for _, x := range tf.Transforms {
				if links[x.ChildFrameID] != x.ParentFrameID {
					t.Fatalf("transform %s → %s is no joint of the URDF", x.ParentFrameID, x.ChildFrameID)
				}
				var f, next kinematics.Frame
				f.P = [3]float64{x.Translation.X, x.Translation.Y, x.Translation.Z}
				f.R = quatMatrix(x.Rotation)
				next.Mul(&acc, &f)
				acc = next
			}
			var want kinematics.Frame
			fk.FK(&want, lastJS.Position)
			for k := range 3 {
				if math.Abs(acc.P[k]-want.P[k]) > 1e-9 {
					t.Fatalf("/tf at %d composes to %v, the URDF's FK of /joint_states gives %v", msg.LogTime, acc.P, want.P)
				}
			}
			checked++
		}
	}
	if counts[TopicRobotDescription] != 1 || counts[TopicJointStates] != cycles || counts[TopicToolPose] != cycles || counts[TopicTF] != tfPeriods || tfOff != 0 ||
		counts[TopicSafety] == 0 || counts[TopicLoopStats] == 0 || counts[TopicSafetyLog] == 0 || checked == 0 {
		t.Errorf("messages per topic %v for %d cycles, /tf expected in %d periods of 10 ms, %d /tf off their period's first cycle (%d /tf checked against FK)",
			counts, cycles, tfPeriods, tfOff, checked)
	}
}

// quatMatrix is the rotation of the unit quaternion q.
func quatMatrix(q channels.Quaternion) [9]float64 {
	x, y, z, w := q.X, q.Y, q.Z, q.W
	return [9]float64{
		1 - 2*(y*y+z*z), 2 * (x*y - z*w), 2 * (x*z + y*w),
		2 * (x*y + z*w), 1 - 2*(x*x+z*z), 2 * (y*z - x*w),
		2 * (x*z - y*w), 2 * (y*z + x*w), 1 - 2*(x*x+y*y),
	}
}

// TestRecordingAtStartTime: newMCAPRecorderAt places loop time 0 at the
// run's start (wall clock): every log time is start + loop time, the
// description comes first at the start, and the "chiron" metadata names
// the start — so Foxglove opens the recording at the date it was made.
func TestRecordingAtStartTime(t *testing.T) {
	chain, err := kinematics.LoadChain(psmPath(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	rig, err := robot.Open(robot.Config{Chain: chain, Protocol: "inproc"})
	if err != nil {
		t.Fatal(err)
	}
	defer rig.Close()
	start := time.Date(2026, 12, 2, 13, 5, 20, 123456789, time.UTC)
	path := filepath.Join(t.TempDir(), "r.mcap")
	m, err := newMCAPRecorderAt(path, rig, start)
	if err != nil {
		t.Fatal(err)
	}
	snap := rig.Loop().NewSnapshot()
	rig.Loop().Snapshot(snap)
	for k := range 3 {
		snap.Now = time.Duration(k+1) * time.Millisecond
		snap.Cycle = uint64(k + 1)
		m.cycle(snap, nil)
	}
	if err := m.finish(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := mcap.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	info, err := r.Info()
	if err != nil {
		t.Fatal(err)
	}
	md, err := r.GetMetadata(info.MetadataIndexes[0].Offset)
	if err != nil || md.Metadata["start_time"] != "2026-12-02T13:05:20.123456789Z" {
		t.Errorf("metadata %+v: %v", md, err)
	}
	it, err := r.Messages(mcap.InOrder(mcap.FileOrder))
	if err != nil {
		t.Fatal(err)
	}
	s0 := uint64(start.UnixNano())
	var got []string
	for {
		_, ch, msg, err := it.NextInto(nil)
		if err != nil {
			break
		}
		got = append(got, fmt.Sprintf("%s@%d", ch.Topic, (msg.LogTime-s0)/1e6))
		if ch.Topic == TopicJointStates {
			var js channels.JointState
			_ = json.Unmarshal(msg.Data, &js)
			if ns := int64(js.Header.Stamp.Sec)*1e9 + int64(js.Header.Stamp.Nanosec); uint64(ns) != msg.LogTime {
				t.Errorf("joint state stamp %d, log time %d", ns, msg.LogTime)
			}
		}
	}
	// /tf at the first cycle of each 10 ms (recordTFPeriod), the rest every cycle
	want := "/robot_description@0 /joint_states@1 /tool_pose@1 /tf@1 /safety@1 /joint_states@2 /tool_pose@2 /joint_states@3 /tool_pose@3"
	if strings.Join(got, " ") != want {
		t.Errorf("messages (topic@ms after the start)\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
