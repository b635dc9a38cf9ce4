package console

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"strings"

	"github.com/chiron-robotics/chiron/kinematics"
)

//go:embed dist
var dist embed.FS

// Assets returns the built console (index.html, app.js, app.css).
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil { // the embed pattern guarantees the directory
		panic(err)
	}
	return sub
}

// Handler serves the console's static files; mount it at "/".
func Handler() http.Handler {
	files := http.FileServerFS(Assets())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The page carries the token in its URL: never leak it in a Referer.
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// Joint is one joint of a chain as /model describes it.
type Joint struct {
	Name string `json:"name"`
	// Type is "revolute", "continuous" or "prismatic".
	Type string `json:"type"`
	// Origin is the joint frame in the previous body's frame at zero,
	// a row-major 4×4 homogeneous transform (m).
	Origin [16]float64 `json:"origin"`
	Axis   [3]float64  `json:"axis"`
	// Lower and Upper are the position limits (rad or m); continuous
	// joints report ±π.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// Model is one robot as /model describes it.
type Model struct {
	// Name and Prefix identify the robot as the teleop server does
	// (serverInfo metadata "robots" and "prefixes").
	Name   string  `json:"name"`
	Prefix string  `json:"prefix"`
	Base   string  `json:"base"`
	Joints []Joint `json:"joints"`
	// Tip is the tool frame in the last joint's body frame.
	Tip [16]float64 `json:"tip"`
	// MinInsertion > 0 marks a mechanical remote centre of motion at the
	// base origin (a PSM), m.
	MinInsertion float64 `json:"min_insertion,omitempty"`
	// URDF is the model's URDF text, when it came from one.
	URDF string `json:"urdf,omitempty"`
}

// NewModel describes chain for /model. urdf may be nil.
func NewModel(name, prefix string, chain *kinematics.Chain, urdf []byte) Model {
	m := Model{Name: name, Prefix: prefix, Base: chain.Base, Tip: matrix(&chain.Tip), URDF: string(urdf)}
	if chain.MinInsertion > 0 && chain.InsertionJoint >= 0 {
		m.MinInsertion = chain.MinInsertion
	}
	lo, hi := chain.Limits()
	m.Joints = make([]Joint, len(chain.Joints))
	for i, j := range chain.Joints {
		m.Joints[i] = Joint{Name: j.Name, Type: j.Type.String(), Origin: matrix(&j.Origin), Axis: j.Axis,
			Lower: lo[i], Upper: hi[i]}
	}
	return m
}

func matrix(f *kinematics.Frame) [16]float64 {
	r, p := &f.R, &f.P
	return [16]float64{r[0], r[1], r[2], p[0], r[3], r[4], r[5], p[1], r[6], r[7], r[8], p[2], 0, 0, 0, 1}
}

// ModelHandler serves {"robots": models} as JSON; mount it at "/model"
// behind the teleop server's token check (Server.HandleAuthenticated), as
// the telemetry it describes is: the console sends its token. The joints
// are those of the server's /robot_description (kinematics.ExportURDF of
// the same chain).
func ModelHandler(models []Model) http.Handler {
	body, err := json.Marshal(struct {
		Robots []Model `json:"robots"`
	}{models})
	if err != nil { // finite floats and strings only
		panic(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if name := r.URL.Query().Get("robot"); name != "" {
			for _, m := range models {
				if strings.EqualFold(m.Name, name) {
					w.Header().Set("Content-Type", "application/json")
					_ = json.NewEncoder(w).Encode(m)
					return
				}
			}
			http.Error(w, "unknown robot "+name, http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(body)
	})
}
