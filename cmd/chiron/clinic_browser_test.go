package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/chiron-robotics/chiron/teleop"
)

// startClinicStack serves the exoskeleton (in-process simulated drives,
// 250 Hz, as startDemo does and for the same reasons) with the clinicians'
// API on a database in a temporary directory, sessions on SimRunner at
// twice real time. It returns the address and the clinician's token.
func startClinicStack(t *testing.T) (addr, clinician string) {
	t.Helper()
	tokens, gen, err := tokensFor("")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cl, err := openClinic(ctx, clinicOptions{DB: filepath.Join(t.TempDir(), "rehab.db"), Sessions: true, Pace: 2, Seed: 1}, tokens, nil)
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
	return addr, gen[teleop.RoleClinician]
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
}

type livePt struct {
	T          float64   `json:"t"`
	Q          []float64 `json:"q"`
	Exercise   int       `json:"exercise"`
	Repetition int       `json:"repetition"`
}

const readClinic = `(() => { const s = window.clinic || {}; const v = (id) => document.getElementById(id);
  return { ready: !!s.ready, patient: s.patient ? s.patient.id : '', session: s.session ? s.session.id : '',
  status: s.session ? s.session.status : '', statusText: v('s-status').textContent, now: v('s-now').textContent,
  percent: s.session ? s.session.percent : 0, liveCount: s.liveCount || 0, latest: s.latest || null,
  traces: document.querySelectorAll('#live-plot path.trace').length, bands: document.querySelectorAll('#live-plot rect.band').length,
  report: !!s.report && !v('report').hidden, errors: s.errors || [], conn: v('conn').textContent,
  fieldErrors: [...document.querySelectorAll('.field-error')].map((e) => e.textContent).filter((t) => t) }; })()`

// TestClinicianPageInBrowser drives the clinician page in headless
// Chromium: a patient is recorded (a wrong height is named next to its
// field), a passive range-of-motion exercise and an assist-as-needed one
// are prescribed for the knee, the session is started, paused, resumed and
// followed live to its end on the simulated exoskeleton, and the report
// shows the range of motion with the FHIR link.
func TestClinicianPageInBrowser(t *testing.T) {
	ctx := newBrowser(t, "clinician page", 1400, 1000)
	start := time.Now()
	addr, tok := startClinicStack(t)

	page := pagePoller[clinicState]{t: t, ctx: ctx, expr: readClinic, tick: 25 * time.Millisecond}
	get, waitFor := page.get, page.waitFor
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	js := func(what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](expr)); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	do("load the clinician page", chromedp.Navigate(fmt.Sprintf("http://%s/%s#token=%s", addr, clinicPage, tok)),
		chromedp.WaitVisible(chromedp.ID("add-patient")))
	st := waitFor("page ready and signed in", 10*time.Second, func(s clinicState) bool { return s.Ready })
	if st.Conn != "signed in as clinician" {
		t.Errorf("connection shown as %q", st.Conn)
	}
	var href string
	if href, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`)); strings.Contains(href, tok) {
		t.Errorf("the token stays in the address bar: %s", href)
	}

	// A new patient; the form starts from the robot's joints (hip, knee).
	do("open the patient form", chromedp.Click(chromedp.ID("add-patient")), chromedp.WaitVisible(chromedp.ID("pf-save")))
	do("fill in the patient",
		chromedp.SetValue(chromedp.ID("pf-id"), "P-0042"),
		chromedp.SetValue(chromedp.ID("pf-height"), "3"), // wrong: metres, not feet
		chromedp.SetValue(chromedp.ID("pf-mass"), "72"),
		chromedp.SetValue(chromedp.ID("pf-side"), "left"),
		chromedp.SetValue(chromedp.CSS("#pf-limits tbody tr:nth-child(2) .j-min"), "5"),
		chromedp.SetValue(chromedp.CSS("#pf-limits tbody tr:nth-child(2) .j-max"), "95"),
		chromedp.SetValue(chromedp.CSS("#pf-limits tbody tr:nth-child(2) .j-torque"), "30"),
		chromedp.Click(chromedp.ID("pf-save")))
	// The API's 400 names the field; the page shows it beside the field.
	waitFor("height error beside the field", 5*time.Second, func(s clinicState) bool { return len(s.FieldErrs) > 0 })
	next, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const n = document.getElementById('pf-height').nextElementSibling; return n ? n.textContent : ''; })()`))
	if err != nil || !strings.Contains(next, "height") || !strings.Contains(next, "outside") {
		t.Fatalf("beside the height field: %q %v", next, err)
	}
	do("correct the height", chromedp.SetValue(chromedp.ID("pf-height"), "1.75"), chromedp.Click(chromedp.ID("pf-save")))
	waitFor("patient recorded and selected", 5*time.Second, func(s clinicState) bool { return s.Patient == "P-0042" })

	// Prescribe: passive ROM, then assist-as-needed, knee only, short.
	do("open the prescription", chromedp.Click(chromedp.ID("prescribe")), chromedp.WaitVisible(chromedp.ID("rx-create")))
	do("second exercise", chromedp.Click(chromedp.ID("rx-add")))
	js("fill in the prescription", `(() => {
		document.getElementById('rx-name').value = 'knee mobility';
		const items = document.querySelectorAll('#rx-exercises li.exercise');
		const modes = ['passive', 'active-assisted'];
		items.forEach((li, i) => {
			const m = li.querySelector('.x-mode'); m.value = modes[i]; m.dispatchEvent(new Event('change'));
			li.querySelector('.x-joints input[value="hip_flexion"]').checked = false;
			li.querySelector('.x-reps').value = '1';
			li.querySelector('[data-param="period_s"]').value = '2';
			li.querySelector('[data-param="hold_s"]').value = '0.2';
		});
	})()`)
	do("create the session", chromedp.Click(chromedp.ID("rx-create")), chromedp.WaitVisible(chromedp.ID("s-start")))
	st = waitFor("session created", 5*time.Second, func(s clinicState) bool { return s.Status == "created" && s.StatusTxt == "Ready to start" })

	// Start; the live view moves.
	do("start", chromedp.Click(chromedp.ID("s-start")))
	st = waitFor("running with live motion", 20*time.Second, func(s clinicState) bool {
		return s.Status == "running" && s.Latest != nil && s.LiveCount > 5 && s.Traces == 1 && s.Bands == 1
	})
	first := st.Latest
	st = waitFor("the knee moves in the live view", 20*time.Second, func(s clinicState) bool {
		return s.Latest != nil && len(s.Latest.Q) == 2 && math.Abs(s.Latest.Q[1]-first.Q[1]) > 0.2 && s.Latest.Repetition >= 1
	})
	t.Logf("live: %q at t=%.2f s, knee %.1f°", st.Now, st.Latest.T, st.Latest.Q[1]*180/math.Pi)
	if !strings.HasPrefix(st.Now, "Exercise 1 of 2: Passive range of motion") && !strings.HasPrefix(st.Now, "Exercise 2 of 2") {
		t.Errorf("now shown as %q", st.Now)
	}
	running, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}

	// Pause holds; resume continues.
	do("pause", chromedp.Click(chromedp.ID("s-pause")))
	waitFor("paused", 5*time.Second, func(s clinicState) bool { return s.Status == "paused" && strings.HasPrefix(s.StatusTxt, "Paused") })
	do("resume", chromedp.Click(chromedp.ID("s-resume")))
	waitFor("running again", 5*time.Second, func(s clinicState) bool { return s.Status == "running" })
	waitFor("into the assist-as-needed exercise", 30*time.Second, func(s clinicState) bool {
		return s.Latest != nil && s.Latest.Exercise == 1 || s.Status == "completed"
	})

	// The session completes; the report shows the knee's range of motion.
	st = waitFor("completed with its report", 40*time.Second, func(s clinicState) bool { return s.Status == "completed" && s.Report })
	if st.Percent != 100 {
		t.Errorf("completed at %.0f %%", st.Percent)
	}
	var rep struct {
		Knee string `json:"knee"`
		Reps int    `json:"reps"`
		FHIR string `json:"fhir"`
		Vis  bool   `json:"visible"`
		SVG  bool   `json:"svg"`
		CSV  string `json:"csv"`
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`(() => {
		const row = [...document.querySelectorAll('#r-joints tbody tr')].find((r) => r.cells[0].textContent === 'knee flexion');
		const f = document.getElementById('fhir-link');
		return { knee: row ? row.querySelector('td.rom').textContent : '', reps: document.querySelectorAll('#r-reps tbody tr').length,
			fhir: f.dataset.path || '', visible: f.offsetParent !== null && f.textContent.includes('FHIR'),
			svg: !!document.querySelector('#r-svg svg'), csv: document.getElementById('csv-link').dataset.path || '' }; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	var rom float64
	if _, err := fmt.Sscanf(rep.Knee, "%f°", &rom); err != nil || rom < 30 || rom > 91 {
		t.Errorf("knee range of motion shown as %q, want most of the prescribed 5°–95°", rep.Knee)
	}
	if rep.Reps != 2 || !rep.Vis || !strings.HasSuffix(rep.FHIR, "/fhir") || !rep.SVG || !strings.HasSuffix(rep.CSV, "/report.csv") {
		t.Errorf("report: %+v", rep)
	}
	// The FHIR link serves the bundle (fetched with the token, as the link does).
	bundle, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.getElementById('fhir-link').dataset.path,
		{headers: {Authorization: 'Bearer ' + sessionStorage.getItem('chiron-clinic-token')}}).then((r) => r.json()).then((b) => b.resourceType)`,
		chromedp.EvalAwaitPromise))
	if err != nil || bundle != "Bundle" {
		t.Errorf("FHIR link: %q %v", bundle, err)
	}
	if st := get(); len(st.Errors) > 0 {
		t.Errorf("page errors: %v", st.Errors)
	}

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
