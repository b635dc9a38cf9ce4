package console

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/kinematics"
)

func TestHandlerServesTheBuiltConsole(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for path, want := range map[string]string{
		"/":        `<script type="module" src="app.js">`,
		"/app.js":  "foxglove.websocket.v1",
		"/app.css": ".estop",
		// The clinicians' page, its own bundle.
		"/clinic.html": `<script type="module" src="clinic.js">`,
		"/clinic.js":   "api/v1",
		"/clinic.css":  ".progress",
		// The hospital hub's device list (served by chiron hub).
		"/hub.html": `<script type="module" src="hub.js">`,
		"/hub.js":   "/v1/devices",
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %d, body lacks %q (run `make console` to rebuild dist/)", path, res.StatusCode, want)
		}
		if res.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("GET %s: Referrer-Policy %q: the token in the URL could leak", path, res.Header.Get("Referrer-Policy"))
		}
	}
}

func TestModelDescribesTheChain(t *testing.T) {
	chain, err := kinematics.LoadChain(filepath.Join("..", "..", "robots", "psm.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ModelHandler([]Model{NewModel("psm", "/psm", chain, nil)}))
	defer srv.Close()
	res, err := http.Get(srv.URL + "/model")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var got struct{ Robots []Model }
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got.Robots) != 1 || len(got.Robots[0].Joints) != 6 || got.Robots[0].MinInsertion != 0.045 {
		t.Fatalf("model %+v", got)
	}
	// Forward kinematics from the served frames equals the chain's.
	q := []float64{0.2, -0.3, 0.15, 0.4, 0.1, -0.2}
	m := got.Robots[0]
	T := ident()
	for i, j := range m.Joints {
		T = mul(T, j.Origin)
		var mo [16]float64
		if j.Type == "prismatic" {
			mo = ident()
			mo[3], mo[7], mo[11] = j.Axis[0]*q[i], j.Axis[1]*q[i], j.Axis[2]*q[i]
		} else {
			r := kinematics.AxisAngle(j.Axis, q[i])
			mo = [16]float64{r[0], r[1], r[2], 0, r[3], r[4], r[5], 0, r[6], r[7], r[8], 0, 0, 0, 0, 1}
		}
		T = mul(T, mo)
	}
	T = mul(T, m.Tip)
	var f kinematics.Frame
	kinematics.NewWorkspace(chain).FK(&f, q)
	for a := range 3 {
		if math.Abs(T[4*a+3]-f.P[a]) > 1e-12 {
			t.Fatalf("tip from /model %v, FK %v", [3]float64{T[3], T[7], T[11]}, f.P)
		}
	}
	if res, _ := http.Get(srv.URL + "/model?robot=nope"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown robot: %d", res.StatusCode)
	}
}

func ident() [16]float64 { return [16]float64{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1} }

func mul(a, b [16]float64) [16]float64 {
	var c [16]float64
	for i := range 4 {
		for j := range 4 {
			for k := range 4 {
				c[4*i+j] += a[4*i+k] * b[4*k+j]
			}
		}
	}
	return c
}
