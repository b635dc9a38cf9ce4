package teleop

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"github.com/chiron-robotics/chiron/channels"
	"github.com/chiron-robotics/chiron/kinematics"
)

// psmChain is the first three joints of the repository's PSM (outer_yaw,
// outer_pitch, insertion: the test robot's joints), with its tool frame at
// the insertion stage.
func psmChain(t testing.TB) *kinematics.Chain {
	t.Helper()
	c, err := kinematics.LoadChain(filepath.Join("..", "robots", "psm.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	c.Joints = c.Joints[:3]
	c.Tip = kinematics.Identity()
	return c
}

// allTopics is every telemetry topic a robot with a chain is served, in
// advertising order, under prefix.
func allTopics(prefix string) []string {
	var out []string
	for _, sp := range channels.Telemetry {
		out = append(out, prefix+sp.Topic)
	}
	return out
}

// TestRobotDescriptionAndTF: /robot_description is the chain's URDF, sent
// once on subscription (latched); /tf carries a transform per link whose
// parent and child frame ids are that URDF's joints' parent and child
// links, composing from the base to the tip pose the chain's FK gives at
// the published joint positions; a joint whose reading is lost is left out
// of /tf. A robot without a chain is advertised neither channel.
func TestRobotDescriptionAndTF(t *testing.T) {
	e := newEnv(t, nil)
	q := []float64{0.3, -0.2, 0.12}
	e.robot.SetJointPositions(q)
	c := e.dial(tokViewer, false, nil)
	c.subscribe(1, "/psm/robot_description")
	_, payload := c.data(1)
	var desc channels.String
	if err := json.Unmarshal(payload, &desc); err != nil {
		t.Fatal(err)
	}
	if err := channels.Check(channels.RobotDescriptionChannel, payload); err != nil {
		t.Fatal(err)
	}
	model, err := kinematics.ParseURDF(strings.NewReader(desc.Data), "robot_description")
	if err != nil {
		t.Fatalf("/robot_description is not URDF the loader reads: %v", err)
	}
	edges := map[string]string{} // child link → parent link
	for _, j := range model.Joints {
		edges[j.Child] = j.Parent
	}
	chain := psmChain(t)
	links := kinematics.URDFLinkNames(chain)
	back, err := model.Chain(links[0], links[len(links)-1])
	if err != nil {
		t.Fatal(err)
	}

	c.subscribe(2, "/psm/tf")
	var tf channels.FrameTransforms
	_, payload = c.data(2)
	if err := json.Unmarshal(payload, &tf); err != nil {
		t.Fatal(err)
	}
	if err := channels.Check(channels.TFChannel, payload); err != nil {
		t.Fatal(err)
	}
	if len(tf.Transforms) != len(links)-1 {
		t.Fatalf("%d transforms, want one per link below the base (%d): %s", len(tf.Transforms), len(links)-1, payload)
	}
	acc := kinematics.Identity()
	for i, x := range tf.Transforms {
		if edges[x.ChildFrameID] != x.ParentFrameID || x.ChildFrameID != links[i+1] {
			t.Errorf("transform %s → %s is no joint of the URDF", x.ParentFrameID, x.ChildFrameID)
		}
		var f kinematics.Frame
		f.P = [3]float64{x.Translation.X, x.Translation.Y, x.Translation.Z}
		f.R = quatMatrix(x.Rotation)
		var next kinematics.Frame
		next.Mul(&acc, &f)
		acc = next
	}
	var want kinematics.Frame
	kinematics.NewWorkspace(back).FK(&want, q)
	for k := range 3 {
		if math.Abs(acc.P[k]-want.P[k]) > 1e-9 {
			t.Fatalf("/tf composes to %v, the URDF's FK gives %v", acc.P, want.P)
		}
	}
	for k := range 9 {
		if math.Abs(acc.R[k]-want.R[k]) > 1e-9 {
			t.Fatalf("/tf composes to R %v, the URDF's FK gives %v", acc.R, want.R)
		}
	}

	// Latched: no second description, whatever the telemetry does.
	c.subscribe(3, "/psm/safety")
	for range 5 {
		f := c.next("/safety or /robot_description", func(f frame) bool {
			if f.mt != websocket.BinaryMessage || len(f.data) < 13 || f.data[0] != opMessageData {
				return false
			}
			sub := binary.LittleEndian.Uint32(f.data[1:])
			return sub == 1 || sub == 3
		})
		if binary.LittleEndian.Uint32(f.data[1:]) == 1 {
			t.Fatal("/robot_description sent again")
		}
	}

	// A lost joint: its transform is left out, the others stay.
	e.robot.SetJointPositions([]float64{0.3, math.NaN(), 0.12})
	for range 100 {
		_, payload = c.data(2)
		if err := json.Unmarshal(payload, &tf); err != nil {
			t.Fatal(err)
		}
		if len(tf.Transforms) == len(links)-2 {
			break
		}
	}
	for _, x := range tf.Transforms {
		if x.ChildFrameID == links[2] {
			t.Errorf("the lost joint's transform was published: %s", payload)
		}
	}
	if len(tf.Transforms) != len(links)-2 || strings.Contains(string(payload), "null") {
		t.Errorf("with outer_pitch lost: %s", payload)
	}

	// Without a chain: neither channel.
	bare := newEnv(t, func(o *Options) {
		o.Robots[0].Robot = NewFakeRobot("psm", "outer_yaw", "outer_pitch", "insertion")
	})
	bc := bare.dial(tokViewer, false, nil)
	if _, ok := bc.channels["/psm/tf"]; ok {
		t.Error("/tf advertised for a robot without a chain")
	}
	if _, ok := bc.channels["/psm/robot_description"]; ok || len(bc.channels) != len(channels.Telemetry)-2 {
		t.Errorf("channels without a chain: %v", bc.channels)
	}
}

// TestSafetyEventsLogged: each safety event is published once on
// /safety/log as a foxglove.Log with its level, named by the robot.
func TestSafetyEventsLogged(t *testing.T) {
	e := newEnv(t, nil)
	c := e.dial(tokViewer, false, nil)
	c.subscribe(1, "/psm/safety/log")
	c.subscribe(2, "/psm/safety")
	c.data(2) // the publisher has seen the (empty) event list
	if err := e.robot.EStop(true); err != nil {
		t.Fatal(err)
	}
	_, payload := c.data(1)
	var l channels.Log
	if err := json.Unmarshal(payload, &l); err != nil {
		t.Fatal(err)
	}
	if err := channels.Check(channels.SafetyLogChannel, payload); err != nil {
		t.Fatal(err)
	}
	if l.Message != "estop engaged" || l.Level != channels.LogWarning || l.Name != "psm" || l.Timestamp.Sec != 1700000000 {
		t.Errorf("log %s", payload)
	}
	_ = e.robot.EStop(false)
	_ = e.robot.Reset()
	var got []string
	for len(got) < 2 {
		_, payload = c.data(1)
		if err := json.Unmarshal(payload, &l); err != nil {
			t.Fatal(err)
		}
		got = append(got, l.Message)
	}
	if strings.Join(got, ",") != "estop released,reset" {
		t.Errorf("later events %v, want each once in order", got)
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

// TestHandleAuthenticated: data mounted with HandleAuthenticated (the
// console's /model) needs a known token from an allowed origin, as /ws does.
func TestHandleAuthenticated(t *testing.T) {
	e := newEnv(t, nil)
	e.srv.HandleAuthenticated("/model", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("{}")) }))
	for _, tc := range []struct {
		name, query, header, origin string
		want                        int
	}{
		{"no token", "", "", "", http.StatusUnauthorized},
		{"unknown token", "?token=nope", "", "", http.StatusUnauthorized},
		{"viewer header", "", "Bearer " + tokViewer, "", http.StatusOK},
		{"operator query", "?token=" + tokOperator, "", "", http.StatusOK},
		{"other site", "", "Bearer " + tokViewer, "https://evil.example", http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, "http://"+e.addr+"/model"+tc.query, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.header != "" {
				req.Header.Set("Authorization", tc.header)
			}
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tc.want {
				t.Errorf("status %d, want %d", res.StatusCode, tc.want)
			}
			if tc.want == http.StatusUnauthorized && res.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without a WWW-Authenticate challenge")
			}
		})
	}
}
