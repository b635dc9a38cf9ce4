package chiron

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestServeNeedsExactlyOneOfSimAndRig(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"serve", "--model", "../../robots/psm.json"}, []string{"no robot to serve", "--rig FILE", "--sim"}},
		{[]string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--rig", "../../rig/testdata/psm-canopen.yaml"},
			[]string{"--sim and --rig are mutually exclusive"}},
		// The rig file is checked against the model before anything opens.
		{[]string{"serve", "--model", "../../robots/upper_limb_exo.urdf", "--rig", "../../rig/testdata/psm-canopen.yaml"},
			[]string{"psm-canopen.yaml:19: joints: 6 joints for the model's 4"}},
		{[]string{"serve", "--model", "../../robots/psm.json", "--rig", "no-such-rig.yaml"}, []string{"no-such-rig.yaml: open no-such-rig.yaml"}},
	} {
		var out, errb bytes.Buffer
		code := run(tc.args, nil, &out, &errb)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", tc.args, code, errb.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(errb.String(), w) {
				t.Errorf("%v: stderr %q lacks %q", tc.args, errb.String(), w)
			}
		}
	}
	var out, errb bytes.Buffer
	for _, args := range [][]string{
		{"serve", "--sim", "inproc"},
		{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--tls-cert", "x.pem"},
		{"demo", "stray"},
	} {
		errb.Reset()
		if code := run(args, nil, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errb.String())
		}
	}
	// -h documents the rig file.
	errb.Reset()
	if code := run([]string{"serve", "-h"}, nil, &out, &errb); code != 0 ||
		!strings.Contains(errb.String(), "-rig") || !strings.Contains(errb.String(), "counts_per_rad") ||
		!strings.Contains(errb.String(), "go doc github.com/chiron-robotics/chiron/rig") {
		t.Errorf("serve -h: exit %d:\n%s", code, errb.String())
	}
}

// serveUntilSignal runs a serving subcommand, waits for its console line,
// checks the console and /model, calls during (if not nil) with what was
// printed so far, then sends SIGTERM and expects a clean exit. It returns
// everything printed.
func serveUntilSignal(t *testing.T, args []string, during func(printed string)) string {
	t.Helper()
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run(args, nil, pw, &errb)
		pw.Close()
		done <- code
	}()
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var printed strings.Builder
	var url string
	timeout := time.After(30 * time.Second)
	for url == "" || !strings.Contains(printed.String(), "operator console") || !strings.Contains(printed.String(), "clinician console") {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("%v ended before serving: %s\n%s", args, printed.String(), errb.String())
			}
			printed.WriteString(l + "\n")
			if u, found := strings.CutPrefix(l, "console "); found {
				url = u
			}
		case <-timeout:
			t.Fatalf("%v: no console line after 30 s: %s", args, printed.String())
		}
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "E-STOP") {
		t.Errorf("GET %s: %d", url, res.StatusCode)
	}
	// /model (the robots' URDFs) is for signed-in clients only.
	res, err = http.Get(url + "model")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("/model without a token: %d, want 401", res.StatusCode)
	}
	var m struct{ Robots []struct{ Name string } }
	if tok := tokensIn(t, printed.String())["viewer"]; tok != "" {
		req, _ := http.NewRequest("GET", url+"model", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		if res, err = http.DefaultClient.Do(req); err != nil {
			t.Fatal(err)
		}
		if err := json.NewDecoder(res.Body).Decode(&m); err != nil || len(m.Robots) == 0 {
			t.Errorf("/model: %v %+v", err, m)
		}
		res.Body.Close()
	}
	printed.WriteString("robots:")
	for _, r := range m.Robots {
		printed.WriteString(" " + r.Name)
	}
	printed.WriteString("\n")
	if during != nil {
		during(printed.String())
	}

	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("%v: exit %d after SIGTERM: %s", args, code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("%v: still running 15 s after SIGTERM", args)
	}
	for l := range lines {
		printed.WriteString(l + "\n")
	}
	return printed.String()
}

func TestServePrintsConsoleAndTokensAndStopsOnSignal(t *testing.T) {
	out := serveUntilSignal(t, []string{"serve", "--model", "../../robots/psm.json", "--sim", "inproc", "--addr", "127.0.0.1:0",
		"--db", filepath.Join(t.TempDir(), "rehab.db")}, func(printed string) {
		// A simulated robot announces Foxglove's time capability.
		addr := strings.TrimSuffix(strings.TrimPrefix(fieldAfter(printed, "console "), "http://"), "/")
		d := websocket.Dialer{Subprotocols: []string{"foxglove.websocket.v1"}}
		c, _, err := d.Dial("ws://"+addr+"/ws", http.Header{"Authorization": {"Bearer " + tokensIn(t, printed)["viewer"]}})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var info struct {
			Op           string   `json:"op"`
			Capabilities []string `json:"capabilities"`
		}
		if err := c.ReadJSON(&info); err != nil || info.Op != "serverInfo" || !slices.Contains(info.Capabilities, "time") {
			t.Errorf("serverInfo %+v (%v): want the time capability", info, err)
		}
	})
	for _, want := range []string{"console http://127.0.0.1:", "token viewer", "token operator", "token clinician", "token admin", "/?token=", "robots: psm"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestDemoServesBothRobotsAndStopsOnSignal(t *testing.T) {
	out := serveUntilSignal(t, []string{"demo", "--addr", "127.0.0.1:0", "--psm-protocol", "inproc", "--exo-protocol", "inproc",
		"--db", filepath.Join(t.TempDir(), "rehab.db")}, nil)
	for _, want := range []string{"robots: psm exo", "operator console http://", "clinician console http://127.0.0.1:", "/clinic.html#token=", "demo: stopped"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
