package chiron

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns the browser the real-browser tests drive:
// CHIRON_CHROMIUM (set by .ci/run) or the first Chromium on PATH.
func findChromium() string {
	if p := os.Getenv("CHIRON_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts headless Chromium for a test (skipping it, naming what
// is missing, when there is none or in -short mode) and returns a context
// bounded at 90 s; everything ends with the test. extra adds flags.
func newBrowser(t *testing.T, what string, width, height int, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	return newBrowserFor(t, what, width, height, 90*time.Second, extra...)
}

// newBrowserFor is newBrowser bounded at d: a flow that follows a whole
// session runs for minutes.
func newBrowserFor(t *testing.T, what string, width, height int, d time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	browser := findChromium()
	if browser == "" {
		t.Skipf("no Chromium found (install chromium or set CHIRON_CHROMIUM): the %s's browser test cannot run", what)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}, extra...)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	ctx, cancelT := context.WithTimeout(ctx, d)
	t.Cleanup(func() {
		cancelT()
		cancelC()
		cancelA()
	})
	// Start the browser on ctx itself: the first use allocates it, and a
	// step's shorter context would take it down when it ends.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// pagePoller reads a page's state, the JSON value of a JavaScript
// expression, and waits for conditions on it.
type pagePoller[S any] struct {
	t    *testing.T
	ctx  context.Context
	expr string
	tick time.Duration
}

// get returns the page's state now.
func (p pagePoller[S]) get() S {
	p.t.Helper()
	raw, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]byte](p.expr))
	if err != nil {
		p.t.Fatalf("read page state: %v", err)
	}
	var s S
	if err := json.Unmarshal(raw, &s); err != nil {
		p.t.Fatalf("page state %s: %v", raw, err)
	}
	return s
}

// waitFor polls the page until cond holds and returns that state; the
// deadline only guards against a hang.
func (p pagePoller[S]) waitFor(what string, d time.Duration, cond func(S) bool) S {
	p.t.Helper()
	deadline := time.Now().Add(d)
	tick := time.NewTicker(p.tick)
	defer tick.Stop()
	for {
		s := p.get()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: not within %v; page state %+v", what, d, s)
		}
		<-tick.C
	}
}
