package robots

import (
	"os"
	"path/filepath"
	"runtime"
)

// Dir returns the directory holding the shipped model files (this package's
// source directory), or "" when the source tree is not available.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	d := filepath.Dir(file)
	if _, err := os.Stat(filepath.Join(d, "psm.json")); err != nil {
		return ""
	}
	return d
}
