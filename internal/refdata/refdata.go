// Package refdata locates and reads the shared reference robot models
// (../shared/robots beside the repository: URDFs, a DH table, and values
// computed by Orocos KDL) for tests and benchmarks. Tests that need them skip
// with a clear message when the directory is absent, so a fresh clone passes.
package refdata

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Robot is one shared reference model.
type Robot struct {
	Name  string // folder name: panda, ur5, iiwa, double_pendulum, psm
	Model string // path of the URDF or DH JSON
	Base  string // chain base link ("" for DH)
	Tip   string // chain tip link ("" for DH)
	Dir   string // path of the reference/ folder
}

// Names lists the shared robots.
var Names = []string{"panda", "ur5", "iiwa", "double_pendulum", "psm"}

// Root returns the shared robots directory, or "" when absent. The
// CHIRON_SHARED environment variable overrides the default ../shared.
func Root() string {
	if d := os.Getenv("CHIRON_SHARED"); d != "" {
		return filepath.Join(d, "robots")
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <repo>/internal/refdata/refdata.go; shared sits beside <repo>.
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "robots")
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return dir
	}
	return ""
}

// Require returns the shared robots directory or skips the test.
func Require(tb testing.TB) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("../shared/robots not found beside the repository (set CHIRON_SHARED): skipping reference-data test")
	}
	return root
}

// Load describes the named robot or skips the test when shared data is absent.
func Load(tb testing.TB, name string) Robot {
	tb.Helper()
	root := Require(tb)
	r := Robot{Name: name, Dir: filepath.Join(root, name, "reference")}
	if name == "psm" {
		r.Model = filepath.Join(root, "psm", "psm.json")
		return r
	}
	r.Model = filepath.Join(root, name, name+".urdf")
	chain, err := os.ReadFile(filepath.Join(r.Dir, "chain.txt"))
	if err != nil {
		tb.Fatalf("read chain: %v", err)
	}
	f := strings.Fields(string(chain))
	if len(f) != 2 {
		tb.Fatalf("%s/chain.txt: want 'base tip', got %q", r.Dir, chain)
	}
	r.Base, r.Tip = f[0], f[1]
	return r
}

// Rows reads a whitespace-separated numeric table from the robot's reference
// folder (e.g. "q.txt"), or returns nil when the file does not exist.
func (r Robot) Rows(tb testing.TB, file string) [][]float64 {
	tb.Helper()
	rows, err := ReadRows(filepath.Join(r.Dir, file))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	return rows
}

// ReadRows reads a whitespace-separated numeric table.
func ReadRows(path string) ([][]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]float64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		row := make([]float64, len(fs))
		for i, s := range fs {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: field %d: %v", path, line, i+1, err)
			}
			row[i] = v
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}
