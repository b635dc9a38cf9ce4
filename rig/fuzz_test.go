package rig

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: whatever the bytes, Parse returns a configuration that passed
// validation or an *Error naming the file — never a panic. Seeds: the
// shipped examples, the bases of the error table, and a few broken shapes.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(canopenBase)
	f.Add(dxlBase)
	f.Add(psmRig)
	f.Add(`{"protocol": "cubemars", "transport": {"interface": "can0"}, "joints": [{"name": "a", "id": 1, "model": "AK80-9", "direction": -1}]}`)
	f.Add("joints: [\n")
	f.Add("a: &x [*x]\n")
	f.Add("protocol: canopen\n---\n")
	f.Add("joints: [{name: a, node: 99999999999999999999}]")
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := Parse([]byte(doc), "fuzz.yaml")
		if err == nil {
			if len(c.Joints) == 0 || protocolFields[c.Protocol] == nil {
				t.Fatalf("accepted an incomplete rig: %+v", c)
			}
			for i, j := range c.Joints {
				if j.Direction != 1 && j.Direction != -1 || j.Name == "" {
					t.Fatalf("joint %d accepted: %+v", i, j)
				}
			}
			return
		}
		var re *Error
		if !errors.As(err, &re) || re.File != "fuzz.yaml" {
			t.Fatalf("error %v (%T) does not name the file", err, err)
		}
	})
}
