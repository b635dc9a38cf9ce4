package chiron

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/chiron-robotics/chiron/rehab/store"
)

// hubPageState is the part of the hub's device list (window.hub and the
// page) the test reads: Row holds the cells of device home-1's row, in the
// table's order (hubCol).
type hubPageState struct {
	// Page is the page's path: the state's other fields are read only
	// on the device list (/).
	Page  string   `json:"page"`
	Polls int      `json:"polls"`
	Error string   `json:"error"`
	Conn  string   `json:"conn"`
	Count string   `json:"count"`
	Href  string   `json:"href"`
	Row   []string `json:"row"`
	Open  string   `json:"open"`
}

// The columns of the hub's device list (web/src/hub.html).
const (
	hubColDevice = iota
	hubColLink
	hubColPatients
	hubColRobot
	hubColSafety
	hubColSession
	hubColStartedBy
	hubColLastSession
	hubColLinkPauses
	hubColOpen
)

// cell returns the row's column c, "" when the row is not shown.
func (s hubPageState) cell(c int) string {
	if c >= len(s.Row) {
		return ""
	}
	return s.Row[c]
}

const readHubPage = `(() => { const h = window.hub || {}; const v = (id) => document.getElementById(id);
  if (!v('devices')) return { page: location.pathname };
  const row = document.querySelector('#devices tr[data-device="home-1"]'); const open = row && row.querySelector('a.open');
  return { page: location.pathname, polls: h.polls || 0, error: h.error || '', conn: v('conn').textContent, count: v('count').textContent, href: location.href,
  row: row ? [...row.cells].map((c) => c.textContent) : [], open: open ? open.getAttribute('href') : '' }; })()`

// TestHubPagesInBrowser is the hospital hub's pages in headless Chromium,
// as a clinician uses them the first time: `chiron hub` (PostgreSQL when
// CHIRON_TEST_POSTGRES is set, else SQLite) with one home device, `chiron
// serve` with the lower-limb exoskeleton on simulated CubeMars drives worn
// by a simulated patient, and a clinician (dr-home) whose token covers
// patient P-0201 only. The device list opened with the token in its URL
// shows the device online and the token leaves the address bar; the
// device's "open" link brings its clinician page, relayed by the hub
// (its robot named as the device's through the hub). There the clinician
// records P-0201, prescribes one passive knee exercise and starts it; the
// live view moves through the relay, and the device list, open in a second
// tab, shows the session running, started by "dr-home (via hub)" — and
// paused while the clinician pauses it. Resumed, the session finishes on its
// own and its report (and the printable one, fetched through the relay)
// names dr-home (via hub) as the therapist. Back on the device list the
// device keeps P-0201 and no session. The hub's audit log holds each add
// patient, prescription, start, pause and resume once, by dr-home.
//
// Screenshots: the device list with the session (hub-devices.png) and the
// relayed clinician page while running (hub-remote-session.png), in
// CHIRON_HUB_SCREENSHOTS (a directory: ../../web keeps web/'s), else in
// the test's temporary directory.
//
// Soft real time (a served robot through a whole session, about 20 s in
// all, beside Chromium): run it on its own (CHIRON_MAKE_RUN_TEST=1).
func TestHubPagesInBrowser(t *testing.T) {
	if os.Getenv("CHIRON_MAKE_RUN_TEST") == "" {
		t.Skip("runs a hub, a served home device and Chromium through a whole session: run it on its own (CHIRON_MAKE_RUN_TEST=1)")
	}
	// The clinician's browser runs at the hospital, not on the device: here
	// it shares the machine, so it runs niced, leaving the CPU to the
	// device's real-time loop (whose late cycles would trip its drives).
	var extra []chromedp.ExecAllocatorOption
	nice, _ := exec.LookPath("nice")
	if browser := findChromium(); browser != "" && nice != "" {
		wrapper := filepath.Join(t.TempDir(), "chromium-niced")
		if err := os.WriteFile(wrapper, []byte("#!/bin/sh\nexec '"+nice+"' -n 10 '"+browser+"' \"$@\"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		extra = append(extra, chromedp.ExecPath(wrapper))
	}
	ctx := newBrowserFor(t, "hub", 1400, 1000, 2*time.Minute, extra...)
	begin := time.Now()
	bin := buildChiron(t)
	dir := t.TempDir()
	hubDB := hubDBFor(t, dir)
	write := func(name, body string) string { return writeTestFile(t, dir, name, body) }
	gen := func() string { return newToken(t) }
	devTok, drTok, recTok := gen(), gen(), gen()
	devices := write("devices", "home-1 "+devTok+"\n")
	devTokFile := write("home-1-token", devTok+"\n")
	roles := write("tokens", fmt.Sprintf("clinician %s Nurse at home\nviewer %s\n", gen(), gen()))
	clinicians := write("clinicians", "dr-home "+drTok+" P-0201\nrecords "+recTok+" *\n")

	hubProc, hubURL := startProc(t, bin, "hub ", "hub", "--addr", "127.0.0.1:0", "--db", hubDB, "--devices", devices, "--clinicians", clinicians)
	defer hubProc.stop(t, syscall.SIGTERM)
	hubBase := strings.TrimSuffix(hubURL, "/")
	devProc, _ := startProc(t, bin, "console ", "serve", "--model", filepath.Join("..", "..", "robots", "lower_limb_exo.urdf"),
		"--sim", "cubemars", "--patient", "sim", "--enable-on-start", "--rate", "250", "--addr", "127.0.0.1:0",
		"--db", filepath.Join(dir, "home-1.db"), "--token-file", roles, "--hub", hubBase, "--hub-token-file", devTokFile)
	defer devProc.stop(t, syscall.SIGTERM)
	t.Logf("hub and device up %v after the start", time.Since(begin).Round(time.Millisecond))
	// Whatever fails, what the processes said is in the log.
	defer func() {
		if t.Failed() {
			t.Logf("hub:\n%s\ndevice home-1:\n%s", hubProc.output(), devProc.output())
		}
	}()

	// Each step is bounded on its own: a control that never shows fails
	// the test in seconds, not at the whole test's bound.
	do := func(ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	str := func(ctx context.Context, what, expr string, opts ...chromedp.EvaluateOption) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, opts...))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	shot := func(ctx context.Context) []byte {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		return b
	}

	// The device list, as the hospital's clinician opens it: the token in
	// the URL's fragment, gone from the address bar once read.
	hubPage := pagePoller[hubPageState]{t: t, ctx: ctx, expr: readHubPage, tick: 100 * time.Millisecond}
	do(ctx, "open the hub's device list", chromedp.Navigate(hubBase+"/#token="+drTok), chromedp.WaitVisible(chromedp.ID("devices")))
	hs := hubPage.waitFor("home-1 listed online", 20*time.Second, func(s hubPageState) bool { return s.cell(hubColLink) == "online" })
	if hs.Href != hubBase+"/" || strings.Contains(hs.Href, drTok) {
		t.Errorf("the address bar shows %s, want %s/ without the token", hs.Href, hubBase)
	}
	if hs.Conn != "signed in" || hs.Count != "1 device · 1 online" || hs.Error != "" {
		t.Errorf("hub page: conn %q, count %q, error %q", hs.Conn, hs.Count, hs.Error)
	}
	if hs.cell(hubColDevice) != "home-1" || hs.cell(hubColPatients) != "–" || hs.cell(hubColSession) != "no session" ||
		hs.cell(hubColStartedBy) != "–" || hs.cell(hubColLinkPauses) != "0" || hs.cell(hubColOpen) != "open" {
		t.Errorf("home-1's row before any record: %q", hs.Row)
	}
	if want := "/v1/devices/home-1/clinic.html#token=" + drTok; hs.Open != want {
		t.Errorf("home-1's open link %q, want %q", hs.Open, want)
	}
	robotName := hs.cell(hubColRobot)
	t.Logf("device list: %q (%d polls)", hs.Row, hs.Polls)

	// Open: the device's clinician page, relayed by the hub.
	page := pagePoller[clinicState]{t: t, ctx: ctx, expr: readClinic, tick: 100 * time.Millisecond}
	do(ctx, "open home-1", chromedp.Click(chromedp.CSS(`#devices tr[data-device="home-1"] a.open`)), chromedp.WaitVisible(chromedp.ID("add-patient")))
	st := page.waitFor("the relayed page ready and signed in", 20*time.Second, func(s clinicState) bool { return s.Ready })
	if st.Conn != "signed in as clinician" || st.Banner != "" || len(st.Errors) > 0 {
		t.Errorf("relayed page: conn %q, banner %q, errors %v", st.Conn, st.Banner, st.Errors)
	}
	if href := str(ctx, "address", `location.href`); href != hubBase+"/v1/devices/home-1/clinic.html" {
		t.Errorf("the relayed page's address %s, want %s/v1/devices/home-1/clinic.html without the token", href, hubBase)
	}
	if robot := str(ctx, "robot pill", `document.getElementById('robot').textContent`); robot != "robot: "+robotName+" · device home-1 through the hub" {
		t.Errorf("robot shown as %q", robot)
	}

	// The patient, recorded through the relay.
	do(ctx, "open the patient form", chromedp.Click(chromedp.ID("add-patient")), chromedp.WaitVisible(chromedp.ID("pf-save")))
	do(ctx, "fill in the patient",
		chromedp.SetValue(chromedp.ID("pf-id"), "P-0201"),
		chromedp.SetValue(chromedp.ID("pf-height"), "1.72"),
		chromedp.SetValue(chromedp.ID("pf-mass"), "70"),
		chromedp.SetValue(chromedp.ID("pf-side"), "left"),
		chromedp.Click(chromedp.ID("pf-save")))
	st = page.waitFor("patient recorded and selected", 20*time.Second, func(s clinicState) bool { return s.Patient == "P-0201" || len(s.FieldErrs) > 0 })
	if st.Patient != "P-0201" {
		t.Fatalf("patient refused: %v", st.FieldErrs)
	}

	// One passive exercise of the knee: three repetitions of 3 s.
	do(ctx, "open the prescription", chromedp.Click(chromedp.ID("prescribe")), chromedp.WaitVisible(chromedp.ID("rx-create")))
	do(ctx, "prescribe a short passive knee exercise",
		chromedp.SetValue(chromedp.ID("rx-name"), "knee at home"),
		chromedp.Click(chromedp.CSS(`#rx-exercises .x-joints input[value="hip_flexion"]`)),
		chromedp.SetValue(chromedp.CSS(`#rx-exercises .x-reps`), "3"),
		chromedp.SetValue(chromedp.CSS(`#rx-exercises [data-param="period"]`), "3"))
	if ex := str(ctx, "the exercise", `(() => { const li = document.querySelector('#rx-exercises li');
		return [li.querySelector('.x-mode').value, ...[...li.querySelectorAll('.x-joints input:checked')].map((c) => c.value)].join(' '); })()`); ex != "passive knee_flexion" {
		t.Fatalf("the exercise reads %q, want passive of the knee only", ex)
	}
	do(ctx, "create the session", chromedp.Click(chromedp.ID("rx-create")), chromedp.WaitVisible(chromedp.ID("s-start")))
	st = page.waitFor("session created", 20*time.Second, func(s clinicState) bool { return s.Status == "created" && s.StatusTxt == "Ready to start" })
	session := st.Session

	// The device list, opened again in a second tab to keep an eye on
	// the device (before the session starts: a new tab's renderer takes
	// the CPU the device's real-time loop wants): P-0201 is on the device,
	// a session prescribed but not started holds no robot.
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	// Open the tab on its own context: the first use allocates it, and a
	// step's shorter context would close it when it ends.
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open a second tab: %v", err)
	}
	hubTab := pagePoller[hubPageState]{t: t, ctx: tab, expr: readHubPage, tick: 100 * time.Millisecond}
	do(tab, "open the device list in a second tab", chromedp.Navigate(hubBase+"/#token="+drTok), chromedp.WaitVisible(chromedp.ID("devices")))
	hubTab.waitFor("home-1 with P-0201 and no session", 10*time.Second, func(s hubPageState) bool {
		return s.cell(hubColPatients) == "P-0201" && s.cell(hubColSession) == "no session" && s.cell(hubColLink) == "online"
	})
	sessionCell := func(status string) func(s hubPageState) bool {
		return func(s hubPageState) bool {
			return strings.HasPrefix(s.cell(hubColSession), status+" · P-0201 · ") && s.cell(hubColStartedBy) == "dr-home (via hub)"
		}
	}

	// A session can end on its own (a safety stop on a loaded machine):
	// the page must then say why, and this test fails with it.
	ended := func(s clinicState) bool { return s.Status == "stopped" || s.Status == "interrupted" }
	check := func(s clinicState) clinicState {
		t.Helper()
		if ended(s) {
			t.Fatalf("the session ended %s (%q): %s", s.Status, s.Reason, str(ctx, "page text", pageText))
		}
		return s
	}

	// Start; the live view moves through the relay.
	do(ctx, "start", chromedp.Click(chromedp.ID("s-start")))
	first := check(page.waitFor("running with live motion", 30*time.Second, func(s clinicState) bool {
		return ended(s) || s.Status == "running" && s.Latest != nil && s.LiveCount > 5 && s.Traces == 1 && s.Bands == 1
	}))
	st = check(page.waitFor("live motion and progress advancing to the second repetition", 30*time.Second, func(s clinicState) bool {
		return ended(s) || s.Latest != nil && s.Latest.Repetition >= 2 && s.Percent > 0 && s.LiveCount > first.LiveCount
	}))
	t.Logf("live through the hub: %q at t=%.2f s, %.0f %%, %d points (first seen at t=%.2f s, %d points)", st.Now, st.Latest.T, st.Percent, st.LiveCount, first.Latest.T, first.LiveCount)
	if !strings.HasPrefix(st.Now, "Exercise 1 of 1: Passive range of motion — repetition ") || st.Latest.T < first.Latest.T+2 {
		t.Errorf("now shown as %q at t=%.2f s", st.Now, st.Latest.T)
	}
	running := shot(ctx)

	// The device list, beside it in the second tab: the session running,
	// started by the clinician through the hub.
	hs = hubTab.waitFor("home-1 running P-0201's session past its first repetition, started by dr-home (via hub)", 10*time.Second, func(s hubPageState) bool {
		return sessionCell("running")(s) && !strings.HasSuffix(s.cell(hubColSession), " 0 %")
	})
	if hs.cell(hubColLink) != "online" || hs.cell(hubColPatients) != "P-0201" || !strings.HasPrefix(hs.cell(hubColSafety), "enabled") || hs.cell(hubColLinkPauses) != "0" {
		t.Errorf("home-1's row while its session runs: %q", hs.Row)
	}
	t.Logf("device list while running: %q", hs.Row)
	devicesShot := shot(tab)

	// Pause holds (the device list says so too); resume continues.
	do(ctx, "pause", chromedp.Click(chromedp.ID("s-pause")))
	check(page.waitFor("paused", 10*time.Second, func(s clinicState) bool {
		return ended(s) || s.Status == "paused" && strings.HasPrefix(s.StatusTxt, "Paused")
	}))
	hubTab.waitFor("home-1's session paused on the device list", 10*time.Second, sessionCell("paused"))
	do(ctx, "resume", chromedp.Click(chromedp.ID("s-resume")))
	st = check(page.waitFor("running again", 10*time.Second, func(s clinicState) bool { return ended(s) || s.Status == "running" }))
	hubTab.waitFor("home-1's session running again on the device list", 10*time.Second, sessionCell("running"))
	closeTab()

	// It finishes on its own; the report opens.
	resumed := time.Now()
	st = check(page.waitFor("completed with its report", 60*time.Second, func(s clinicState) bool {
		return ended(s) || s.Status == "completed" && s.Report
	}))
	t.Logf("completed %v after resuming: %q", time.Since(resumed).Round(100*time.Millisecond), st.Now)
	if st.Percent != 100 || st.Session != session || len(st.Errors) > 0 {
		t.Errorf("completed session %s at %.0f %%, page errors %v", st.Session, st.Percent, st.Errors)
	}
	var rep struct {
		Facts     map[string]string `json:"facts"`
		Exercises []string          `json:"exercises"`
		Reps      int               `json:"reps"`
		Joints    []string          `json:"joints"`
		HTML      string            `json:"html"`
		SVG       bool              `json:"svg"`
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`(() => ({
		facts: Object.fromEntries([...document.querySelectorAll('#r-summary [data-fact]')].map((e) => [e.dataset.fact, e.textContent])),
		exercises: [...document.querySelectorAll('#r-exercises tbody tr')].map((r) => r.cells[0].textContent + ': ' + r.cells[1].textContent),
		reps: document.querySelectorAll('#r-reps tbody tr').length,
		joints: [...document.querySelectorAll('#r-joints tbody tr')].map((r) => r.cells[0].textContent),
		html: document.getElementById('html-link').dataset.path || '', svg: !!document.querySelector('#r-svg svg') }))()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	t.Logf("report: %v, exercises %q, %d repetitions", rep.Facts, rep.Exercises, rep.Reps)
	for k, want := range map[string]string{"Patient": "P-0201", "Height": "1.72 m", "Mass": "70.0 kg", "Affected side": "left", "Therapist": "dr-home (via hub)"} {
		if rep.Facts[k] != want {
			t.Errorf("report %s %q, want %q", k, rep.Facts[k], want)
		}
	}
	if strings.Join(rep.Exercises, "|") != "1. Passive range of motion: 3 of 3" || rep.Reps != 3 || !rep.SVG ||
		!slices.Contains(rep.Joints, "Knee flexion/extension") {
		t.Errorf("report: exercises %q, %d repetitions, joints %q, plot %v", rep.Exercises, rep.Reps, rep.Joints, rep.SVG)
	}
	// The printable report, fetched through the relay with the page's
	// token as its link does.
	if want := "/v1/devices/home-1/api/v1/sessions/" + session + "/report.html"; rep.HTML != want {
		t.Errorf("printable report's link %q, want %q", rep.HTML, want)
	}
	printable := str(ctx, "the printable report", `fetch('`+rep.HTML+`', {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('chiron-clinic-token')}}).then((r) => r.text())`,
		chromedp.EvalAwaitPromise)
	for _, want := range []string{"Patient (pseudonym)</th><td>P-0201", "<th>Therapist</th><td>dr-home (via hub)", "Passive range of motion"} {
		if !strings.Contains(printable, want) {
			t.Errorf("printable report lacks %q", want)
		}
	}

	// Back to the device list, with the browser's back (the page may come
	// back from the back-forward cache, without a load): the device keeps
	// P-0201's records, no session holds its robot any more, and the last
	// one shows how it ended and who ran it.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`history.back()`)); err != nil {
		t.Fatalf("back: %v", err)
	}
	hs = hubPage.waitFor("home-1 with P-0201 and its session over", 15*time.Second, func(s hubPageState) bool {
		return s.Page == "/" && s.cell(hubColPatients) == "P-0201" && s.cell(hubColSession) == "no session" &&
			strings.HasPrefix(s.cell(hubColLastSession), "completed · P-0201 · 100 %")
	})
	if !strings.Contains(hs.cell(hubColLastSession), "dr-home (via hub)") {
		t.Errorf("last session %q: who ran it is missing", hs.cell(hubColLastSession))
	}
	if hs.Href != hubBase+"/" || hs.cell(hubColLink) != "online" || hs.cell(hubColLinkPauses) != "0" || hs.Error != "" {
		t.Errorf("back on the device list (%s): %q, error %q", hs.Href, hs.Row, hs.Error)
	}

	// The hub's audit log: each action of the clinician, once, by dr-home,
	// written before it was relayed.
	var audit []store.AuditEntry
	day := time.Now().UTC().Format(time.DateOnly)
	if err := json.Unmarshal(apiCaller(t, t.Context(), hubBase, recTok)("GET", "/v1/audit?from="+day, "", 200), &audit); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range audit {
		if e.Actor == "dr-home" {
			count[e.Action+" | "+e.Subject]++
		}
	}
	for _, w := range []string{"add patient | device home-1 patient P-0201", "prescribe | device home-1 patient P-0201",
		"start | device home-1", "pause | device home-1", "resume | device home-1"} {
		if count[w] != 1 {
			t.Errorf("the hub's audit log holds %q %d times by dr-home, want once", w, count[w])
		}
	}
	if count["export report | device home-1"] == 0 || count["export report.html | device home-1"] == 0 {
		t.Errorf("the report's exports through the relay are not audited")
	}
	for k := range count {
		if strings.HasPrefix(k, "refused") || strings.HasPrefix(k, "stop") {
			t.Errorf("the hub's audit log holds %q by dr-home", k)
		}
	}
	t.Logf("audit by dr-home: %v", count)

	out := t.TempDir()
	if d := os.Getenv("CHIRON_HUB_SCREENSHOTS"); d != "" {
		out = d
	}
	for name, b := range map[string][]byte{"hub-devices.png": devicesShot, "hub-remote-session.png": running} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots: %s, %s; whole test %v", filepath.Join(out, "hub-devices.png"), filepath.Join(out, "hub-remote-session.png"),
		time.Since(begin).Round(time.Millisecond))
}
