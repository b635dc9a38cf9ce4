package chiron

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/chiron-robotics/chiron/teleop"
)

// startClinicStack serves the exoskeleton (in-process simulated drives,
// 250 Hz, as startDemo does and for the same reasons) with the clinicians'
// API on a database in a temporary directory, sessions on SimRunner at
// twice real time. It returns the address and the clinician's and a
// viewer's tokens.
func startClinicStack(t *testing.T) (addr, clinician, viewer string) {
	t.Helper()
	tokens, gen, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cl, err := openClinic(ctx, clinicOptions{DB: filepath.Join(t.TempDir(), "rehab.db"), Robot: "exo", Sessions: true}, tokens, nil)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	// The exoskeleton only: the clinician page does not need the PSM, and
	// the session's own simulation wants the CPU the race detector leaves.
	specs := demoSpecs(filepath.Join("..", "..", "robots"), "inproc", "inproc", 250)[1:]
	for i := range specs {
		specs[i].Safety.WatchdogCycles = 25
		specs[i].Safety.VelocityScale = 3
	}
	st, err := newStack(specs, stackOptions{Addr: "127.0.0.1:0", EnableOnStart: true, Tokens: tokens, Clinic: cl})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	addr = serveStack(t, st, ctx, cancel)
	return addr, gen[teleop.RoleClinician], gen[teleop.RoleViewer]
}

// clinicState is the part of window.clinic and the page the test reads.
type clinicState struct {
	Ready     bool     `json:"ready"`
	Patient   string   `json:"patient"`
	Session   string   `json:"session"`
	Status    string   `json:"status"`
	StatusTxt string   `json:"statusText"`
	Now       string   `json:"now"`
	Percent   float64  `json:"percent"`
	LiveCount int      `json:"liveCount"`
	Latest    *livePt  `json:"latest"`
	Traces    int      `json:"traces"`
	Bands     int      `json:"bands"`
	Report    bool     `json:"report"`
	Errors    []string `json:"errors"`
	Conn      string   `json:"conn"`
	FieldErrs []string `json:"fieldErrors"`
	// Edit is how many edit controls (Add patient, Prescribe, the session
	// controls) are visible; Banner the banner's text.
	Edit   int    `json:"edit"`
	Banner string `json:"banner"`
	// Reason is the session's end reason as the page shows it.
	Reason string `json:"reason"`
}

type livePt struct {
	T          float64   `json:"t"`
	Q          []float64 `json:"q"`
	Exercise   int       `json:"exercise"`
	Repetition int       `json:"repetition"`
}

const readClinic = `(() => { const s = window.clinic || {}; const v = (id) => document.getElementById(id);
  const shown = (e) => e && e.offsetParent !== null;
  return { ready: !!s.ready, patient: s.patient ? s.patient.id : '', session: s.session ? s.session.id : '',
  status: s.session ? s.session.status : '', statusText: v('s-status').textContent, now: v('s-now').textContent,
  percent: s.session ? s.session.percent : 0, liveCount: s.liveCount || 0, latest: s.latest || null,
  traces: document.querySelectorAll('#live-plot path.trace').length, bands: document.querySelectorAll('#live-plot rect.band').length,
  report: !!s.report && !v('report').hidden, errors: s.errors || [], conn: v('conn').textContent,
  fieldErrors: [...document.querySelectorAll('.field-error')].map((e) => e.textContent).filter((t) => t),
  edit: ['add-patient', 'prescribe', 's-start', 's-stop', 'patient-form', 'rx-form'].filter((id) => shown(v(id))).length,
  banner: v('banner').hidden ? '' : v('banner').textContent, reason: v('s-reason').hidden ? '' : v('s-reason').textContent }; })()`

// pageText is what the page shows, read only when a check needs it:
// laying the page out at every poll would take CPU from the real-time
// loop the session runs on.
const pageText = `document.body.innerText`

// rawJointName matches a joint as the models name it ("hip_flexion"),
// which the page must never show a clinician.
var rawJointName = regexp.MustCompile(`\b(hip|knee|ankle|shoulder|elbow|wrist)_[a-z]+`)

// TestClinicianPageInBrowser is the clinician page in headless Chromium,
// at its default settings: a viewer's link shows no edit controls; a
// clinician records a patient (a name with a birth date as the ID and a
// wrong height are refused beside their fields), the prescription form
// starts from its defaults with one exercise of each kind (a period typed
// out of range is refused in seconds beside its field), the session is
// started, paused, resumed and stopped, and the report shows the
// session's date, start time, duration, the patient's pseudonym, height,
// mass and side, the therapist, exercises numbered from 1 and every
// metric explained; the printable report and the FHIR bundle (final,
// the Procedure stopped) say the same. Joints are named anatomically
// throughout. TestClinicianFirstTimeFlow lets the session finish.
func TestClinicianPageInBrowser(t *testing.T) { clinicianFlow(t, false) }

// TestClinicianFirstTimeFlow is issue 14's acceptance in a real browser:
// TestClinicianPageInBrowser's flow at the page's default settings, but
// after the pause and resume the session finishes on its own (every
// exercise of each kind, five repetitions each, about 2.5 minutes on the
// served exoskeleton in real time), the report opens with the fields a
// clinic files and the FHIR bundle is final with the Procedure
// completed. It keeps the screenshots (CHIRON_CLINIC_SCREENSHOT names the
// report's; web/clinician*.png are these).
//
// Soft real time (the served 250 Hz loop on the wall clock for the whole
// session, where a loaded machine's late cycles can trip the patient's
// speed limit): make test runs it on its own (CHIRON_MAKE_RUN_TEST=1).
func TestClinicianFirstTimeFlow(t *testing.T) {
	if os.Getenv("CHIRON_MAKE_RUN_TEST") == "" {
		t.Skip("runs a whole real-time session on the served exoskeleton: make test runs it on its own (CHIRON_MAKE_RUN_TEST=1)")
	}
	clinicianFlow(t, true)
}

// clinicianFlow drives the page; full lets the session finish on its own
// instead of stopping it after the resume.
func clinicianFlow(t *testing.T, full bool) {
	ctx := newBrowserFor(t, "clinician page", 1400, 1000, 9*time.Minute)
	start := time.Now()
	addr, tok, viewer := startClinicStack(t)

	page := pagePoller[clinicState]{t: t, ctx: ctx, expr: readClinic, tick: 100 * time.Millisecond}
	get, waitFor := page.get, page.waitFor
	// Each step is bounded on its own: a control that never shows fails
	// the test in seconds, not at the whole test's bound.
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	js := func(what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](expr)); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	str := func(what, expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	// beside returns the error shown right after the element id.
	beside := func(id string) string {
		return str("error beside "+id, `(() => { const n = document.getElementById('`+id+`').nextElementSibling; return n && n.classList.contains('field-error') ? n.textContent : ''; })()`)
	}

	// A viewer's link: the page says what the role may do and offers no
	// edit control.
	do("load the page as a viewer", chromedp.Navigate(fmt.Sprintf("http://%s/%s#token=%s", addr, clinicPage, viewer)))
	st := waitFor("viewer page ready", 10*time.Second, func(s clinicState) bool { return s.Ready })
	if st.Edit != 0 || !strings.Contains(st.Banner, "viewer") || strings.Contains(str("page text", pageText), "Add patient") {
		t.Errorf("viewer: %d edit controls shown, banner %q", st.Edit, st.Banner)
	}

	// about:blank first: a new fragment alone would not reload the page.
	do("load the clinician page", chromedp.Navigate("about:blank"), chromedp.Navigate(fmt.Sprintf("http://%s/%s#token=%s", addr, clinicPage, tok)),
		chromedp.WaitVisible(chromedp.ID("add-patient")))
	st = waitFor("page ready and signed in", 10*time.Second, func(s clinicState) bool { return s.Ready })
	if st.Conn != "signed in as clinician" {
		t.Errorf("connection shown as %q", st.Conn)
	}
	var href string
	if href, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`)); strings.Contains(href, tok) {
		t.Errorf("the token stays in the address bar: %s", href)
	}

	// A new patient; the form starts from the robot's joints and their
	// suggested limits. A name with a birth date is refused as an ID, a
	// height in feet as a height, each beside its field.
	do("open the patient form", chromedp.Click(chromedp.ID("add-patient")), chromedp.WaitVisible(chromedp.ID("pf-save")))
	if hint := str("ID hint", `document.getElementById('pf-id-hint').textContent`); !strings.Contains(hint, "pseudonym") || !strings.Contains(hint, "birth date") {
		t.Errorf("patient ID hint %q", hint)
	}
	do("fill in the patient",
		chromedp.SetValue(chromedp.ID("pf-id"), "John_Smith_1950-03-02"),
		chromedp.SetValue(chromedp.ID("pf-height"), "1.75"),
		chromedp.SetValue(chromedp.ID("pf-mass"), "72"),
		chromedp.SetValue(chromedp.ID("pf-side"), "left"),
		chromedp.Click(chromedp.ID("pf-save")))
	waitFor("pseudonym error beside the ID", 5*time.Second, func(s clinicState) bool { return len(s.FieldErrs) > 0 })
	if e := beside("pf-id"); !strings.Contains(e, "patient ID") || !strings.Contains(e, "pseudonym") {
		t.Errorf("beside the ID: %q", e)
	}
	do("a pseudonym, a wrong height", chromedp.SetValue(chromedp.ID("pf-id"), "P-0042"), chromedp.SetValue(chromedp.ID("pf-height"), "3"),
		chromedp.Click(chromedp.ID("pf-save")))
	waitFor("height error beside the field", 5*time.Second, func(s clinicState) bool {
		return len(s.FieldErrs) > 0 && strings.Contains(s.FieldErrs[0], "height")
	})
	if e := beside("pf-height"); !strings.Contains(e, "height") || !strings.Contains(e, "outside") {
		t.Errorf("beside the height: %q", e)
	}
	do("correct the height", chromedp.SetValue(chromedp.ID("pf-height"), "1.75"), chromedp.Click(chromedp.ID("pf-save")))
	st = waitFor("patient recorded and selected", 5*time.Second, func(s clinicState) bool { return s.Patient == "P-0042" })
	for _, want := range []string{"Hip flexion/extension", "Knee flexion/extension", "affected side: left"} {
		if !strings.Contains(str("page text", pageText), want) {
			t.Errorf("patient card lacks %q", want)
		}
	}

	// The prescription at the page's defaults: the first exercise, then
	// "+ exercise" until every kind is there.
	do("open the prescription", chromedp.Click(chromedp.ID("prescribe")), chromedp.WaitVisible(chromedp.ID("rx-create")))
	for range 4 {
		do("another exercise", chromedp.Click(chromedp.ID("rx-add")))
	}
	modes := str("the exercises' kinds", `[...document.querySelectorAll('#rx-exercises .x-mode')].map((m) => m.value).join(',')`)
	if modes != "passive,active-assisted,active,resistive,path-guidance" {
		t.Fatalf("exercises %s, want one of each kind", modes)
	}
	form := str("the form's visible text", `document.getElementById('rx-form').innerText`)
	if strings.Contains(form, "JSON") || rawJointName.MatchString(form) || strings.Contains(form, "rad") {
		t.Errorf("the default prescription form shows engineering words:\n%s", form)
	}
	minMax := str("period bounds", `(() => { const i = document.querySelector('#rx-exercises [data-param="period"]'); const r = document.querySelector('#rx-exercises .x-reps');
		return [i.min, i.max, r.min, r.max].join(' '); })()`)
	if minMax != "2 600 1 1000" {
		t.Errorf("period and repetitions bounds %q, want the API's 2–600 s and 1–1000", minMax)
	}
	// A period the API refuses is said in seconds beside it.
	js("a period too short", `document.querySelector('#rx-exercises [data-param="period"]').value = '0.5'`)
	do("create (refused)", chromedp.Click(chromedp.ID("rx-create")))
	waitFor("period error", 5*time.Second, func(s clinicState) bool { return len(s.FieldErrs) > 0 })
	if e := str("beside the period", `document.querySelector('#rx-exercises [data-param="period"]').nextElementSibling.textContent`); !strings.Contains(e, "0.5 s is outside 2…600 s") || !strings.Contains(e, "exercise 1") {
		t.Errorf("beside the period: %q", e)
	}
	js("the default period again", `document.querySelector('#rx-exercises [data-param="period"]').value = '4'`)
	do("create the session", chromedp.Click(chromedp.ID("rx-create")), chromedp.WaitVisible(chromedp.ID("s-start")))
	st = waitFor("session created", 5*time.Second, func(s clinicState) bool { return s.Status == "created" && s.StatusTxt == "Ready to start" })

	// A session can end on its own at any time (a safety stop: on a
	// loaded machine the served loop's late cycles can trip the patient's
	// speed limit). The page must then say why; the short flow goes on to
	// the report, the full flow fails, since its session must finish.
	early := func(s clinicState) bool { return s.Status == "stopped" && s.Reason != "" }
	endedEarly := func() {
		t.Helper()
		st := get()
		if full {
			t.Fatalf("the session ended %s: %s", st.Status, str("page text", pageText))
		}
		if !strings.HasPrefix(st.Reason, "Ended early: ") {
			t.Errorf("end reason shown as %q", st.Reason)
		}
		t.Logf("the session stopped on its own (%s); on to its report", st.Reason)
		waitFor("the report", 20*time.Second, func(s clinicState) bool { return s.Report })
		checkReport(t, ctx, str, get, "stopped")
	}

	// Start; the live view moves.
	do("start", chromedp.Click(chromedp.ID("s-start")))
	st = waitFor("running with live motion", 30*time.Second, func(s clinicState) bool {
		return early(s) || s.Status == "running" && s.Latest != nil && s.LiveCount > 5 && s.Traces >= 1 && s.Bands >= 1
	})
	st = waitFor("the first repetition", 60*time.Second, func(s clinicState) bool { return early(s) || s.Latest != nil && s.Latest.Repetition >= 1 })
	if early(st) {
		endedEarly()
		return
	}
	t.Logf("live: %q at t=%.2f s", st.Now, st.Latest.T)
	if !strings.HasPrefix(st.Now, "Exercise 1 of 5: Passive range of motion") {
		t.Errorf("now shown as %q", st.Now)
	}
	running, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}

	// Pause holds; resume continues.
	do("pause", chromedp.Click(chromedp.ID("s-pause")))
	if st = waitFor("paused", 5*time.Second, func(s clinicState) bool {
		return early(s) || s.Status == "paused" && strings.HasPrefix(s.StatusTxt, "Paused")
	}); early(st) {
		endedEarly()
		return
	}
	do("resume", chromedp.Click(chromedp.ID("s-resume")))
	if st = waitFor("running again", 5*time.Second, func(s clinicState) bool { return early(s) || s.Status == "running" }); early(st) {
		endedEarly()
		return
	}

	if !full {
		// The clinician stops it; the report shows what was done.
		do("stop", chromedp.Click(chromedp.ID("s-stop")))
		st = waitFor("stopped with its report", 20*time.Second, func(s clinicState) bool { return s.Status == "stopped" && s.Report })
		if st.Reason != "" {
			t.Logf("the session had stopped on its own: %s", st.Reason)
		}
		checkReport(t, ctx, str, get, "stopped")
		return
	}

	// The session finishes on its own; the report shows what a clinic
	// files.
	began := time.Now()
	last := ""
	st = waitFor("completed with its report", 7*time.Minute, func(s clinicState) bool {
		if s.Now != last && s.Status == "running" {
			last = s.Now
			t.Logf("%5.1f s: %s", time.Since(began).Seconds(), s.Now)
		}
		if s.Status == "stopped" || s.Status == "interrupted" {
			endedEarly()
		}
		return s.Status == "completed" && s.Report
	})
	t.Logf("completed %v after resuming", time.Since(began).Round(time.Second))
	if st.Percent != 100 {
		t.Errorf("completed at %.0f %%", st.Percent)
	}
	checkReport(t, ctx, str, get, "completed")

	js("open the per-repetition table", `document.querySelector('#report details').open = true`)
	final, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "clinician.png")
	if p := os.Getenv("CHIRON_CLINIC_SCREENSHOT"); p != "" {
		path = p
	}
	for p, b := range map[string][]byte{path: final, strings.TrimSuffix(path, ".png") + "-running.png": running} {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots: %s (report), %s-running.png; whole test %v", path, strings.TrimSuffix(path, ".png"), time.Since(start).Round(time.Millisecond))
}

// checkReport checks the report the page shows once the session ended
// (procedure: the FHIR Procedure's status, "completed" or "stopped").
func checkReport(t *testing.T, ctx context.Context, str func(what, expr string) string, get func() clinicState, procedure string) {
	t.Helper()
	var rep struct {
		Facts     map[string]string `json:"facts"`
		Exercises []string          `json:"exercises"`
		Reps      int               `json:"reps"`
		Help      []string          `json:"help"`
		Joints    []string          `json:"joints"`
		FHIR      string            `json:"fhir"`
		HTML      string            `json:"html"`
		SVG       bool              `json:"svg"`
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`(() => ({
		facts: Object.fromEntries([...document.querySelectorAll('#r-summary [data-fact]')].map((e) => [e.dataset.fact, e.textContent])),
		exercises: [...document.querySelectorAll('#r-exercises tbody tr')].map((r) => r.cells[0].textContent),
		reps: document.querySelectorAll('#r-reps tbody tr').length,
		help: [...document.querySelectorAll('#r-help dt')].map((e) => e.textContent + ': ' + e.nextElementSibling.textContent),
		joints: [...document.querySelectorAll('#r-joints tbody tr')].map((r) => r.cells[0].textContent),
		fhir: document.getElementById('fhir-link').dataset.path || '', html: document.getElementById('html-link').dataset.path || '',
		svg: !!document.querySelector('#r-svg svg') }))()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	t.Logf("report facts %v", rep.Facts)
	for k, want := range map[string]string{"Patient": "P-0042", "Height": "1.75 m", "Mass": "72.0 kg", "Affected side": "left"} {
		if rep.Facts[k] != want {
			t.Errorf("report %s %q, want %q", k, rep.Facts[k], want)
		}
	}
	for _, k := range []string{"Date", "Start time", "Duration", "Therapist"} {
		if v := rep.Facts[k]; v == "" || v == "–" || v == "not recorded" {
			t.Errorf("report %s %q", k, v)
		}
	}
	wantEx := []string{"1. Passive range of motion", "2. Active-assisted", "3. Active", "4. Resistive", "5. Path guidance"}
	if strings.Join(rep.Exercises, "|") != strings.Join(wantEx, "|") {
		t.Errorf("report exercises %q, want %q", rep.Exercises, wantEx)
	}
	if strings.Join(rep.Joints, "|") != "Hip flexion/extension|Knee flexion/extension" {
		t.Errorf("report joints %q", rep.Joints)
	}
	if (procedure == "completed" && rep.Reps == 0) || !rep.SVG || !strings.HasSuffix(rep.FHIR, "/fhir") {
		t.Errorf("report: %d repetitions, plot %v, FHIR link %q", rep.Reps, rep.SVG, rep.FHIR)
	}
	help := strings.Join(rep.Help, "\n")
	for _, want := range []string{"Smoothness (SPARC): movement smoothness, about −1.5", "closer to 0 is smoother", "Interaction torque (patient ↔ robot)", "Peak speed", "Robot assistance", "Range of motion"} {
		if !strings.Contains(help, want) {
			t.Errorf("metric explanations lack %q:\n%s", want, help)
		}
	}
	if text := str("page text", pageText); rawJointName.MatchString(text) {
		t.Errorf("the page shows a raw joint name %q", rawJointName.FindString(text))
	}

	// The printable report and the FHIR bundle, fetched with the token as
	// the links do.
	fetch := func(path string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch('`+path+`', {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('chiron-clinic-token')}}).then((r) => r.text())`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("fetch %s: %v", path, err)
		}
		return v
	}
	printable := fetch(rep.HTML)
	for _, want := range []string{"<th>Date</th>", "<th>Start time</th>", "<th>Duration</th>", "Patient (pseudonym)</th><td>P-0042", "Height</th><td>1.75 m",
		"Mass</th><td>72.0 kg", "Affected side</th><td>left", "<th>Therapist</th><td>clinician ", "<td>1</td><td class=\"l\">Passive range of motion",
		"<td>5</td><td class=\"l\">Path guidance", "Peak interaction torque (patient ↔ robot)", "@media print"} {
		if !strings.Contains(printable, want) {
			t.Errorf("printable report lacks %q", want)
		}
	}
	var bundle struct {
		Entry []struct {
			Resource struct {
				ResourceType string `json:"resourceType"`
				Status       string `json:"status"`
			} `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal([]byte(fetch(rep.FHIR)), &bundle); err != nil {
		t.Fatalf("FHIR bundle: %v", err)
	}
	for _, e := range bundle.Entry {
		if r := e.Resource; (r.ResourceType == "Observation" && r.Status != "final") || (r.ResourceType == "Procedure" && r.Status != procedure) {
			t.Errorf("%s status %q after the session ended, want final and %s", r.ResourceType, r.Status, procedure)
		}
	}
	if st := get(); len(st.Errors) > 0 {
		t.Errorf("page errors: %v", st.Errors)
	}

}
