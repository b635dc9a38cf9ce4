package chiron

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chiron-robotics/chiron/internal/refdata"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

// TestKinMatchesReference runs `chiron kin fk|jacobian` exactly as the
// acceptance checks do, on every shared robot, and compares with KDL's values.
func TestKinMatchesReference(t *testing.T) {
	for _, name := range refdata.Names {
		r := refdata.Load(t, name)
		qs, err := os.ReadFile(filepath.Join(r.Dir, "q.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, tool := range []string{"fk", "jacobian", "gravity"} {
			ref := map[string]string{"fk": "fk.txt", "jacobian": "jacobian.txt", "gravity": "gravity.txt"}[tool]
			want := r.Rows(t, ref)
			if want == nil {
				continue
			}
			args := []string{"kin", tool, "--model", r.Model}
			if r.Base != "" {
				args = append(args, "--base", r.Base, "--tip", r.Tip)
			}
			code, out, errs := runCLI(t, string(qs), args...)
			if code != 0 {
				t.Fatalf("%s %s: exit %d: %s", name, tool, code, errs)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != len(want) {
				t.Fatalf("%s %s: %d lines, want %d", name, tool, len(lines), len(want))
			}
			for i, line := range lines {
				fs := strings.Fields(line)
				if len(fs) != len(want[i]) {
					t.Fatalf("%s %s line %d: %d values, want %d", name, tool, i+1, len(fs), len(want[i]))
				}
				for k, f := range fs {
					v, err := strconv.ParseFloat(f, 64)
					tol := 1e-9
					if tool == "gravity" {
						tol = 1e-9 + 1e-6*math.Abs(want[i][k]) // 1e-6 relative on torques
					}
					if err != nil || math.Abs(v-want[i][k]) > tol {
						t.Fatalf("%s %s line %d value %d: %s, want %.17g", name, tool, i+1, k+1, f, want[i][k])
					}
				}
			}
		}
	}
}

func TestKinBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	arm := write("arm.urdf", `<robot name="r"><link name="a"/><link name="b"/>
<joint name="j" type="revolute"><parent link="a"/><child link="b"/><limit lower="-1" upper="1"/></joint></robot>`)
	badXML := write("bad.urdf", "<robot name=\"r\">\n<link name=\"a\">\n</robot>")
	badNum := write("num.urdf", `<robot name="r"><link name="a"/><link name="b"/>
<joint name="j" type="revolute"><parent link="a"/><child link="b"/><origin xyz="0 zero 0"/><limit lower="-1" upper="1"/></joint></robot>`)
	badJSON := write("bad.json", "{\n \"joints\": [\n {\"name\": \"a\", \"alpha\": 1,}\n]}")
	cases := []struct {
		name, stdin string
		args        []string
		wantErr     string
	}{
		{"wrong count", "0.1 0.2\n", []string{"kin", "fk", "--model", arm}, "stdin:1: want 1 numbers, got 2"},
		{"text", "0.1\nabc\n", []string{"kin", "fk", "--model", arm}, `stdin:2: field 1: not a finite number: "abc"`},
		{"NaN", "NaN\n", []string{"kin", "jacobian", "--model", arm}, "stdin:1: field 1: not a finite number"},
		{"Inf", "+Inf\n", []string{"kin", "fk", "--model", arm}, "not a finite number"},
		{"no model", "", []string{"kin", "fk"}, "--model FILE is required"},
		{"missing file", "", []string{"kin", "fk", "--model", filepath.Join(dir, "nope.urdf")}, "no such file"},
		{"unknown link", "", []string{"kin", "fk", "--model", arm, "--tip", "c"}, `unknown tip link "c"`},
		{"malformed XML", "", []string{"kin", "info", "--model", badXML}, "bad.urdf:3: link: malformed XML"},
		{"bad number", "", []string{"kin", "info", "--model", badNum}, `num.urdf:2: joint "j" origin xyz: not a number: "zero"`},
		{"malformed JSON", "", []string{"kin", "info", "--model", badJSON}, "bad.json:3: malformed JSON"},
		{"unknown tool", "", []string{"kin", "dance", "--model", arm}, `unknown tool "dance"`},
		{"unknown subcommand", "", []string{"dance"}, `unknown subcommand "dance"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, tc.stdin, tc.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2 (stderr %q)", code, errs)
			}
			if !strings.Contains(errs, tc.wantErr) {
				t.Fatalf("stderr %q does not contain %q", errs, tc.wantErr)
			}
			if n := strings.Count(strings.TrimSpace(errs), "\n"); n != 0 {
				t.Fatalf("error is %d lines, want one: %q", n+1, errs)
			}
		})
	}
}

func TestHelpListsSubcommands(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != 0 || !strings.Contains(out, "kin") {
		t.Fatalf("help: exit %d, output %q", code, out)
	}
}

func FuzzVectorReader(f *testing.F) {
	for _, s := range []string{"1 2 3\n", "# c\n\n1e3 -0 .5\n", "1 2\n", "nan inf x\n", "1 2 3 4\n", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r := newVectorReader(strings.NewReader(in), "stdin", 3)
		for i := 0; i < 1000; i++ {
			v, err := r.next()
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				return
			}
			if len(v) != 3 {
				t.Fatalf("vector of %d", len(v))
			}
			for _, x := range v {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("non-finite value %v accepted", x)
				}
			}
		}
	})
}
