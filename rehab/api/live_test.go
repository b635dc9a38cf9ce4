package api

import (
	"errors"
	"testing"

	"github.com/chiron-robotics/chiron/rehab"
)

// The live view shows the running session's recent motion, thinned to
// LiveStep, and only while the session holds the robot.
func TestLiveView(t *testing.T) {
	f := newFixture(t)
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	base := "/api/v1/sessions/" + sess.ID
	if v := decode[LiveView](t, f.want(200, "GET", base+"/live", "")); v.Latest != nil || len(v.Points) != 0 || v.Session.Status != rehab.StatusCreated {
		t.Fatalf("before start: %+v", v)
	}
	f.want(200, "POST", base+"/start", "")
	// 2 s at 100 Hz: approach, then repetition 1.
	var all []rehab.Sample
	for i := range 200 {
		rep := 0
		if i >= 50 {
			rep = 1
		}
		all = append(all, sample(float64(i)*0.01, float64(i)*0.005, 1, 0, rep))
	}
	f.runner.Emit(all...)
	v := decode[LiveView](t, f.want(200, "GET", base+"/live", ""))
	if v.Latest == nil || v.Latest.T != all[199].T || v.Latest.Repetition != 1 || !v.Session.Active {
		t.Fatalf("latest %+v", v.Latest)
	}
	// One point per 50 ms, plus the first sample of repetition 1.
	if n := len(v.Points); n < 40 || n > 42 {
		t.Fatalf("%d live points from 2 s of samples, want about 40", n)
	}
	for i := 1; i < len(v.Points); i++ {
		if v.Points[i].T <= v.Points[i-1].T {
			t.Fatalf("points out of order at %d: %+v", i, v.Points)
		}
	}
	if p := v.Points[0]; p.T != 0 || len(p.Q) != 2 || p.Repetition != 0 {
		t.Fatalf("first point %+v", p)
	}
	sawRep := false
	for _, p := range v.Points {
		sawRep = sawRep || (p.T == 0.5 && p.Repetition == 1)
	}
	if !sawRep {
		t.Errorf("the first sample of repetition 1 (t = 0.5 s) is not kept: %+v", v.Points)
	}
	later := decode[LiveView](t, f.want(200, "GET", base+"/live?after=1.5", ""))
	if len(later.Points) == 0 || later.Points[0].T <= 1.5 {
		t.Fatalf("after=1.5: %+v", later.Points)
	}
	f.want(400, "GET", base+"/live?after=soon", "")
	f.want(400, "GET", base+"/live?after=NaN", "")
	f.want(404, "GET", "/api/v1/sessions/S-404/live", "")
	if code, _ := f.doAs("v-tok", "GET", base+"/live", ""); code != 403 {
		t.Errorf("viewer: %d", code)
	}

	// The window is bounded.
	var long []rehab.Sample
	for i := range 4000 {
		long = append(long, sample(2+float64(i)*0.01, 0.3, 1, 0, 2))
	}
	f.runner.Emit(long...)
	if v := decode[LiveView](t, f.want(200, "GET", base+"/live", "")); len(v.Points) != LivePoints {
		t.Errorf("%d points kept, want %d", len(v.Points), LivePoints)
	}

	f.want(200, "POST", base+"/stop", "")
	<-f.ends
	if v := decode[LiveView](t, f.want(200, "GET", base+"/live", "")); v.Latest != nil || len(v.Points) != 0 || v.Session.Status != rehab.StatusStopped {
		t.Fatalf("after stop: %+v", v)
	}
}

func TestRobotInfo(t *testing.T) {
	f := newFixture(t)
	v := decode[RobotInfo](t, f.want(200, "GET", "/api/v1/robot", ""))
	if v.Robot != "exo-1" || !v.Sessions || v.Joints == nil {
		t.Fatalf("%+v", v)
	}
}

// A runner that refuses the prescription is a 422 with its words, and the
// session stays created.
func TestRunnerRefusalIsShown(t *testing.T) {
	f := newFixture(t)
	f.want(201, "POST", "/api/v1/patients", patientJSON)
	sess := decode[SessionView](t, f.want(201, "POST", "/api/v1/sessions", sessionJSON))
	f.runner.StartErr = errors.New(`joint "left_knee" matches no joint of arm`)
	code, b := f.do("POST", "/api/v1/sessions/"+sess.ID+"/start", "")
	if e := decode[errorBody](t, b); code != 422 || e.Error != `the robot cannot run this session: joint "left_knee" matches no joint of arm` {
		t.Fatalf("%d %+v", code, e)
	}
	if v := decode[SessionView](t, f.want(200, "GET", "/api/v1/sessions/"+sess.ID, "")); v.Status != rehab.StatusCreated || v.Active {
		t.Fatalf("refused start left %+v", v)
	}
}
