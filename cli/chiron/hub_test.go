package chiron

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/hub/linksim"
	"github.com/chiron-robotics/chiron/rehab/store"
	"github.com/chiron-robotics/chiron/rehab/store/storetest"
	"github.com/chiron-robotics/chiron/teleop"
)

// proc is a chiron process a test runs as a user would, its output kept.
type proc struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  strings.Builder
	done chan error
}

// startProc runs bin with args and waits until a line of its standard
// output starts with ready; it returns the process and the rest of that
// line. The process is killed when the test ends if it still runs.
func startProc(t *testing.T, bin, ready string, args ...string) (*proc, string) {
	t.Helper()
	p := &proc{cmd: exec.Command(bin, args...), done: make(chan error, 1)}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stderr = &lockedWriter{p: p}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			l := sc.Text()
			p.mu.Lock()
			p.out.WriteString(l + "\n")
			p.mu.Unlock()
			if rest, ok := strings.CutPrefix(l, ready); ok {
				select {
				case found <- rest:
				default:
				}
			}
		}
		p.done <- p.cmd.Wait()
	}()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
		}
	})
	select {
	case rest := <-found:
		return p, strings.TrimSpace(rest)
	case err := <-p.done:
		t.Fatalf("%v ended before %q (%v):\n%s", args, ready, err, p.output())
	case <-time.After(60 * time.Second):
		t.Fatalf("%v: no %q line after 60 s:\n%s", args, ready, p.output())
	}
	return nil, ""
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// stop sends sig and waits for the process to end.
func (p *proc) stop(t *testing.T, sig syscall.Signal) {
	t.Helper()
	_ = p.cmd.Process.Signal(sig)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("still running 30 s after %v:\n%s", sig, p.output())
	}
}

type lockedWriter struct{ p *proc }

func (w *lockedWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	return w.p.out.Write(b)
}

// TestHubReplicatesThroughOutageAndKill is tele-rehabilitation's record
// path with real processes: `chiron hub` (PostgreSQL when
// CHIRON_TEST_POSTGRES is set, else SQLite) and a home device, `chiron
// serve` with the lower-limb exoskeleton on simulated CubeMars drives
// worn by a simulated patient, its own SQLite, replicating through a link
// with 150 ms RTT, jitter and 5 % segment loss (hub/linksim). A clinician
// runs a session on the device; 3 s in, the link goes down for 30 s; 3 s
// later the device is killed with SIGKILL mid-session and started again
// on the same database (the session is then interrupted, its committed
// samples kept). When the link is back the hub catches up, and once the
// device has stopped, the hub holds exactly the device's session rows and
// samples, once each.
//
// Soft real time (a served robot) and about 80 s long: make test runs it
// with the demo tests (CHIRON_MAKE_RUN_TEST=1).
func TestHubReplicatesThroughOutageAndKill(t *testing.T) {
	if os.Getenv("CHIRON_MAKE_RUN_TEST") == "" {
		t.Skip("runs a hub and a served home device for about 80 s: make test runs it on its own (CHIRON_MAKE_RUN_TEST=1)")
	}
	bin := buildChiron(t)
	dir := t.TempDir()
	hubDB := filepath.Join(dir, "hub.db")
	if os.Getenv(storetest.EnvVar) != "" {
		hubDB = storetest.PostgresDSN(t)
	} else {
		t.Logf("%s not set: the hub runs on SQLite (scripts/pg-test-env.sh starts a PostgreSQL)", storetest.EnvVar)
	}
	devTok, err := teleop.GenerateToken()
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	devices := write("devices", "# the hub's devices\nhome-1 "+devTok+"\n")
	tokFile := write("hub-token", devTok+"\n")
	clinTok, err := teleop.GenerateToken()
	if err != nil {
		t.Fatal(err)
	}
	opTok, _ := teleop.GenerateToken()
	roles := write("tokens", fmt.Sprintf("clinician %s Dr Home\noperator %s\n", clinTok, opTok))

	drTok, _ := teleop.GenerateToken()
	recTok, _ := teleop.GenerateToken()
	clinicians := write("clinicians", "dr-home "+drTok+" P-0101\nrecords "+recTok+" *\n")
	hubProc, hubURL := startProc(t, bin, "hub ", "hub", "--addr", "127.0.0.1:0", "--db", hubDB, "--devices", devices, "--clinicians", clinicians)
	defer hubProc.stop(t, syscall.SIGTERM)
	hubAddr := strings.TrimSuffix(strings.TrimPrefix(hubURL, "http://"), "/")
	link, err := linksim.New(hubAddr, linksim.Config{Delay: 75 * time.Millisecond, Jitter: 10 * time.Millisecond, Loss: 0.05, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	defer link.Close()

	devDB := filepath.Join(dir, "home-1.db")
	serveArgs := []string{"serve", "--model", filepath.Join("..", "..", "robots", "lower_limb_exo.urdf"), "--sim", "cubemars",
		"--patient", "sim", "--enable-on-start", "--addr", "127.0.0.1:0", "--db", devDB, "--token-file", roles,
		"--hub", "http://" + link.Addr(), "--hub-token-file", tokFile}
	dev, console := startProc(t, bin, "console ", serveArgs...)
	call := apiCaller(t, t.Context(), strings.TrimSuffix(console, "/"), clinTok)
	call("POST", "/api/v1/patients", `{"id":"P-0101","height":1.72,"mass":70,"affected_side":"left","limits":[
		{"joint":"hip_flexion","rom_min":-0.1,"rom_max":0.8,"max_torque":60,"max_speed":1.5},
		{"joint":"knee_flexion","rom_min":0,"rom_max":1.3,"max_torque":40,"max_speed":2}]}`, 201)
	var sess struct{ ID string }
	if err := json.Unmarshal(call("POST", "/api/v1/sessions", `{"patient_id":"P-0101","protocol":{"name":"knee at home","exercises":[
		{"mode":"passive","joints":["knee_flexion"],"repetitions":6,"assistance":1,"params":{"period_s":3}}]}}`, 201), &sess); err != nil {
		t.Fatal(err)
	}
	call("POST", "/api/v1/sessions/"+sess.ID+"/start", "", 200)

	// The hub's view, read as the hospital would from its database.
	hubStore, err := store.Open(context.Background(), hubDB, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer hubStore.Close()
	hubSession := func() store.SessionRecord {
		ss, err := hubStore.ReplicaSessions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			if s.ID == sess.ID {
				return s
			}
		}
		return store.SessionRecord{}
	}
	// The session runs and its samples replicate through the bad link.
	for end := time.Now().Add(30 * time.Second); hubSession().Samples == 0; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("no sample of the running session reached the hub in 30 s; device log:\n%s", dev.output())
		}
	}
	t.Logf("the hub holds the session's first samples")
	const outage = 30 * time.Second
	link.Outage(outage)
	outageEnds := time.Now().Add(outage)
	time.Sleep(3 * time.Second) // the device records what the hub cannot get
	dev.stop(t, syscall.SIGKILL)
	t.Logf("device killed mid-session, the link down")
	dev, console = startProc(t, bin, "console ", serveArgs...)
	call = apiCaller(t, t.Context(), strings.TrimSuffix(console, "/"), clinTok)
	var view struct{ Status string }
	if err := json.Unmarshal(call("GET", "/api/v1/sessions/"+sess.ID, "", 200), &view); err != nil || view.Status != "interrupted" {
		t.Fatalf("after the kill the session is %q (%v), want interrupted", view.Status, err)
	}

	deadline := time.Now().Add(outage + 90*time.Second)
	for hubSession().Status != "interrupted" {
		if time.Now().After(deadline) {
			t.Fatalf("the hub never learnt that the session was interrupted; device log:\n%s", dev.output())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("hub caught up %.1f s after the link came back", time.Since(outageEnds).Seconds())
	dev.stop(t, syscall.SIGTERM)

	devStore, err := store.Open(context.Background(), devDB, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer devStore.Close()
	ctx := context.Background()
	ds, err := devStore.ReplicaSessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hs, err := hubStore.ReplicaSessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ds, hs) {
		t.Fatalf("session rows differ:\ndevice %+v\nhub    %+v", ds, hs)
	}
	for _, s := range ds {
		a, err := devStore.ReplicaSamples(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, err := hubStore.ReplicaSamples(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) == 0 || !reflect.DeepEqual(a, b) {
			t.Fatalf("session %s: device %d samples, hub %d (or their contents differ)", s.ID, len(a), len(b))
		}
		t.Logf("session %s (%s): %d samples on the device, the same %d on the hub", s.ID, s.Status, len(a), len(b))
	}
	if st := link.Stats(); true {
		t.Logf("link: %+v", st)
	}
	// The hospital's EHR gets the session from the hub as FHIR; the export
	// is in the hub's audit log.
	hubCall := func(tok, path string) []byte {
		return apiCaller(t, t.Context(), strings.TrimSuffix(hubURL, "/"), tok)("GET", path, "", 200)
	}
	day := time.Now().UTC().Format(time.DateOnly)
	bundle := string(hubCall(drTok, "/v1/patients/P-0101/fhir?from="+day))
	if !strings.Contains(bundle, `"resourceType":"Bundle"`) || !strings.Contains(bundle, "Procedure") {
		t.Errorf("the hub's FHIR bundle of P-0101: %.400s", bundle)
	}
	if audit := string(hubCall(recTok, "/v1/audit?from="+day)); !strings.Contains(audit, `"actor":"dr-home","action":"export-fhir","subject":"patient P-0101"`) {
		t.Errorf("the hub's audit log: %s", audit)
	}
	if !strings.Contains(dev.output(), "hub: replicating again") {
		t.Errorf("the restarted device never said it replicates again:\n%s", dev.output())
	}
}

// TestHubRevokesOnReload: `chiron hub` refuses a bad devices file naming
// its line, accepts a listed device's batch, and after the file loses that
// device and the hub gets SIGHUP, refuses the device at once (401).
func TestHubRevokesOnReload(t *testing.T) {
	dir := t.TempDir()
	tok, _ := teleop.GenerateToken()
	devices := filepath.Join(dir, "devices")
	if err := os.WriteFile(devices, []byte("home-1 short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run([]string{"hub", "--db", filepath.Join(dir, "hub.db"), "--devices", devices}, nil, &out, &errb); code != 2 ||
		!strings.Contains(errb.String(), devices+":1: token of device home-1: 5 bytes") {
		t.Fatalf("bad devices file: exit %d: %s", code, errb.String())
	}
	if err := os.WriteFile(devices, []byte("home-1 "+tok+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bin := buildChiron(t)
	p, u := startProc(t, bin, "hub ", "hub", "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "hub.db"), "--devices", devices)
	defer p.stop(t, syscall.SIGTERM)
	post := func() int {
		req, _ := http.NewRequest("POST", strings.TrimSuffix(u, "/")+"/v1/replicate", strings.NewReader(`{"patients":[],"sessions":[],"samples":[]}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if c := post(); c != 200 {
		t.Fatalf("a listed device's batch: %d", c)
	}
	if err := os.WriteFile(devices, []byte("# home-1 returned its exoskeleton\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Process.Signal(syscall.SIGHUP)
	for end := time.Now().Add(10 * time.Second); post() != 401; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("home-1 still accepted 10 s after SIGHUP:\n%s", p.output())
		}
	}
	// The table changes before the hub logs it.
	for end := time.Now().Add(10 * time.Second); !strings.Contains(p.output(), "revoked=home-1"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("the reload did not log the revocation:\n%s", p.output())
		}
	}
}
