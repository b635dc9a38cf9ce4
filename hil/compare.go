package hil

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
	"gopkg.in/yaml.v3"
)

// CompareConfig configures a comparison of controllers on one scenario.
type CompareConfig struct {
	File        string   // scenario file
	Controllers []string // two or more controller names
	// Set holds PATH=VALUE overrides applied to every run (the same
	// scenario for every controller), e.g. "faults.0.from=400ms".
	Set              []string
	SeedFrom, SeedTo uint64
	Jobs             int // concurrent runs; 0 = 1
	// OutDir, when set, receives runs.csv, summary.json, summary.md,
	// compare.svg, and each controller's run at the first seed with its
	// recording (recordings/CONTROLLER-seedN/), for opening side by side.
	OutDir   string
	Progress io.Writer
}

// Stat is a sample's mean with its 95 % confidence interval (Student's t,
// n − 1 degrees of freedom; the interval is the mean alone for n = 1).
type Stat struct {
	N    int     `json:"n"`
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
	Lo   float64 `json:"ci95_lo"`
	Hi   float64 `json:"ci95_hi"`
}

func newStat(x []float64) Stat {
	s := Stat{N: len(x)}
	if len(x) == 0 {
		return s // no sample (a stop latency without a fault): N says so
	}
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	s.Mean = sum / float64(len(x))
	s.Lo, s.Hi, s.SD = s.Mean, s.Mean, 0
	if len(x) < 2 {
		return s
	}
	ss := 0.0
	for _, v := range x {
		ss += (v - s.Mean) * (v - s.Mean)
	}
	s.SD = math.Sqrt(ss / float64(len(x)-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(x) - 1)}.Quantile(0.975)
	h := t * s.SD / math.Sqrt(float64(len(x)))
	s.Lo, s.Hi = s.Mean-h, s.Mean+h
	return s
}

// compareMetrics are the figures compared, in table order: name, unit and
// how to read them from a report (ok false: the run has none).
var compareMetrics = []struct {
	Name, Unit string
	get        func(r *Report) (float64, bool)
}{
	{"tracking_rms", "", func(r *Report) (float64, bool) { return r.Metrics.TrackingRMSWorst, true }},
	{"effort_peak", "N·m", func(r *Report) (float64, bool) { return r.Metrics.EffortPeak, true }},
	{"effort_rms", "N·m", func(r *Report) (float64, bool) { return r.Metrics.EffortRMS, true }},
	{"energy", "J", func(r *Report) (float64, bool) { return r.Metrics.EnergyJ, true }},
	{"stop_latency", "s", func(r *Report) (float64, bool) {
		if r.StopLatencyS == nil {
			return 0, false
		}
		return *r.StopLatencyS, true
	}},
	{"limit_violations", "", func(r *Report) (float64, bool) { return float64(r.LimitViolations), true }},
}

// ControllerSummary is one controller's figures over the seeds.
type ControllerSummary struct {
	Controller   string          `json:"controller"`
	Runs         int             `json:"runs"`
	Passed       int             `json:"passed"`
	Errors       int             `json:"errors"`
	Violations   int             `json:"limit_violations_total"`
	FinalStates  map[string]int  `json:"final_states"`
	TrackingUnit string          `json:"tracking_unit"`
	Metrics      map[string]Stat `json:"metrics"`
}

// PairedDiff is a metric's seed-by-seed difference Controller − Baseline
// over the seeds both ran (the same faults and noise for both: a paired
// comparison, far tighter than comparing the two means).
type PairedDiff struct {
	Controller string          `json:"controller"`
	Baseline   string          `json:"baseline"`
	Metrics    map[string]Stat `json:"metrics"`
}

// CompareRun is one run of a comparison.
type CompareRun struct {
	Controller string
	Seed       uint64
	Report     *Report
	Err        error
}

// Comparison is a comparison's outcome.
type Comparison struct {
	Scenario    string              `json:"scenario"`
	SeedFrom    uint64              `json:"seed_from"`
	SeedTo      uint64              `json:"seed_to"`
	Set         []string            `json:"set,omitempty"`
	Controllers []ControllerSummary `json:"controllers"`
	Diffs       []PairedDiff        `json:"paired_differences"`
	Runs        []CompareRun        `json:"-"`
}

// Compare runs the scenario with each controller on the same seeds and
// overrides and summarises each controller's figures. Every controller's
// scenario is checked before anything runs (a controller that cannot
// follow the scenario's program is refused, naming it).
func Compare(ctx context.Context, c CompareConfig) (*Comparison, error) {
	if len(c.Controllers) < 2 {
		return nil, errors.New("compare: want two or more controllers")
	}
	seen := map[string]bool{}
	for _, name := range c.Controllers {
		if seen[name] {
			return nil, fmt.Errorf("compare: controller %q listed twice", name)
		}
		seen[name] = true
	}
	if c.SeedTo < c.SeedFrom {
		return nil, fmt.Errorf("compare: seeds %d..%d", c.SeedFrom, c.SeedTo)
	}
	base, err := os.ReadFile(c.File)
	if err != nil {
		return nil, err
	}
	for _, kv := range c.Set {
		path, v, ok := strings.Cut(kv, "=")
		if !ok || path == "" {
			return nil, fmt.Errorf("compare: --set %q: want PATH=VALUE", kv)
		}
		if base, err = setYAML(base, path, v); err != nil {
			return nil, &ScenarioError{File: c.File, Err: err}
		}
	}
	own, err := ParseScenario(base, c.File)
	if err != nil {
		return nil, err
	}
	docs := make([][]byte, len(c.Controllers))
	for i, name := range c.Controllers {
		data := base
		if name != own.Controller {
			// Another controller's parameters are not this one's.
			if data, err = dropTopKey(data, "controller_params"); err != nil {
				return nil, err
			}
		}
		if data, err = setYAML(data, "controller", name); err != nil {
			return nil, err
		}
		if _, err := ParseScenario(data, c.File); err != nil {
			return nil, fmt.Errorf("compare: controller %s: %w", name, err)
		}
		docs[i] = data
	}
	if c.Jobs < 1 {
		c.Jobs = 1
	}
	nSeeds := int(c.SeedTo - c.SeedFrom + 1)
	runs := make([]CompareRun, len(c.Controllers)*nSeeds)
	start := time.Now().UTC().Truncate(time.Second) // one epoch: the recordings line up
	var mu sync.Mutex
	done := 0
	work := make(chan int)
	var wg sync.WaitGroup
	for range c.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range work {
				ci, seed := k/nSeeds, c.SeedFrom+uint64(k%nSeeds)
				run := CompareRun{Controller: c.Controllers[ci], Seed: seed}
				s, err := ParseScenario(docs[ci], c.File)
				if err == nil {
					opts := RunOptions{Seed: &seed, Start: start}
					if c.OutDir != "" && seed == c.SeedFrom {
						opts.OutDir = filepath.Join(c.OutDir, "recordings", fmt.Sprintf("%s-seed%d", run.Controller, seed))
					}
					run.Report, err = RunScenario(ctx, s, opts)
				}
				run.Err = err
				mu.Lock()
				runs[k] = run
				done++
				if c.Progress != nil {
					progress(c.Progress, done, len(runs), time.Since(start))
				}
				mu.Unlock()
			}
		}()
	}
	for k := range runs {
		if ctx.Err() != nil {
			break
		}
		work <- k
	}
	close(work)
	wg.Wait()
	if c.Progress != nil {
		fmt.Fprintln(c.Progress)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cmp := &Comparison{Scenario: own.Name, SeedFrom: c.SeedFrom, SeedTo: c.SeedTo, Set: c.Set, Runs: runs}
	for ci, name := range c.Controllers {
		cmp.Controllers = append(cmp.Controllers, summarise(name, runs[ci*nSeeds:(ci+1)*nSeeds]))
	}
	for ci := 1; ci < len(c.Controllers); ci++ {
		cmp.Diffs = append(cmp.Diffs, pairedDiff(runs[:nSeeds], runs[ci*nSeeds:(ci+1)*nSeeds]))
	}
	if c.OutDir != "" {
		if err := cmp.write(c.OutDir); err != nil {
			return cmp, err
		}
	}
	return cmp, nil
}

func summarise(name string, runs []CompareRun) ControllerSummary {
	s := ControllerSummary{Controller: name, Runs: len(runs), FinalStates: map[string]int{}, Metrics: map[string]Stat{}}
	vals := make([][]float64, len(compareMetrics))
	for _, r := range runs {
		if r.Err != nil || r.Report == nil {
			s.Errors++
			continue
		}
		if r.Report.Passed {
			s.Passed++
		}
		s.Violations += r.Report.LimitViolations
		s.FinalStates[r.Report.FinalState]++
		s.TrackingUnit = r.Report.Metrics.TrackingUnit
		for m, cm := range compareMetrics {
			if v, ok := cm.get(r.Report); ok && !math.IsNaN(v) {
				vals[m] = append(vals[m], v)
			}
		}
	}
	for m, cm := range compareMetrics {
		s.Metrics[cm.Name] = newStat(vals[m])
	}
	return s
}

func pairedDiff(base, other []CompareRun) PairedDiff {
	d := PairedDiff{Baseline: base[0].Controller, Controller: other[0].Controller, Metrics: map[string]Stat{}}
	for _, cm := range compareMetrics {
		var x []float64
		for i := range base {
			a, b := base[i].Report, other[i].Report
			if a == nil || b == nil || base[i].Err != nil || other[i].Err != nil {
				continue
			}
			va, okA := cm.get(a)
			vb, okB := cm.get(b)
			if okA && okB {
				x = append(x, vb-va)
			}
		}
		d.Metrics[cm.Name] = newStat(x)
	}
	return d
}

// dropTopKey removes a top-level key from a YAML document (no-op when
// absent).
func dropTopKey(data []byte, key string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return data, nil
	}
	n := doc.Content[0]
	for k := 0; k+1 < len(n.Content); k += 2 {
		if n.Content[k].Value == key {
			n.Content = append(n.Content[:k], n.Content[k+2:]...)
			return encodeYAML(&doc)
		}
	}
	return data, nil
}

// Table renders the summary as a Markdown table: per controller and
// metric the mean with its 95 % confidence interval, then the paired
// differences from the first controller.
func (c *Comparison) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, seeds %d..%d", c.Scenario, c.SeedFrom, c.SeedTo)
	if len(c.Set) > 0 {
		fmt.Fprintf(&b, ", %s", strings.Join(c.Set, ", "))
	}
	b.WriteString(" — mean [95 % CI]\n\n| controller | passed | ")
	for _, m := range compareMetrics {
		b.WriteString(metricLabel(m.Name, m.Unit, c.trackingUnit()) + " | ")
	}
	b.WriteString("\n|---|---|")
	for range compareMetrics {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, s := range c.Controllers {
		fmt.Fprintf(&b, "| %s | %d/%d | ", s.Controller, s.Passed, s.Runs)
		for _, m := range compareMetrics {
			b.WriteString(fmtStat(s.Metrics[m.Name]) + " | ")
		}
		b.WriteString("\n")
	}
	for _, d := range c.Diffs {
		fmt.Fprintf(&b, "| %s − %s (paired) | | ", d.Controller, d.Baseline)
		for _, m := range compareMetrics {
			b.WriteString(fmtStat(d.Metrics[m.Name]) + " | ")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (c *Comparison) trackingUnit() string {
	for _, s := range c.Controllers {
		if s.TrackingUnit != "" {
			return s.TrackingUnit
		}
	}
	return ""
}

func metricLabel(name, unit, trackingUnit string) string {
	if name == "tracking_rms" {
		if trackingUnit == "tool_m" {
			return "tracking RMS (tool, m)"
		}
		return "tracking RMS (worst joint, rad or m)"
	}
	label := strings.ReplaceAll(name, "_", " ")
	if unit != "" {
		label += " (" + unit + ")"
	}
	return label
}

func fmtStat(s Stat) string {
	if s.N == 0 {
		return "—"
	}
	if s.N == 1 || s.Lo == s.Hi {
		return strconv.FormatFloat(s.Mean, 'g', 4, 64)
	}
	return fmt.Sprintf("%.4g [%.4g, %.4g]", s.Mean, s.Lo, s.Hi)
}

// write saves runs.csv, summary.json, summary.md and compare.svg in dir.
func (c *Comparison) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var rb bytes.Buffer
	w := csv.NewWriter(&rb)
	head := []string{"controller", "seed", "passed", "final_state"}
	for _, m := range compareMetrics {
		head = append(head, m.Name)
	}
	w.Write(append(head, "error"))
	for _, r := range c.Runs {
		rec := []string{r.Controller, strconv.FormatUint(r.Seed, 10)}
		if r.Err != nil || r.Report == nil {
			msg := "no report"
			if r.Err != nil {
				msg = r.Err.Error()
			}
			rec = append(rec, "false", "")
			for range compareMetrics {
				rec = append(rec, "")
			}
			w.Write(append(rec, msg))
			continue
		}
		rec = append(rec, strconv.FormatBool(r.Report.Passed), r.Report.FinalState)
		for _, m := range compareMetrics {
			v, ok := m.get(r.Report)
			if ok {
				rec = append(rec, strconv.FormatFloat(v, 'g', 8, 64))
			} else {
				rec = append(rec, "")
			}
		}
		w.Write(append(rec, ""))
	}
	w.Flush()
	js, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{"runs.csv": rb.Bytes(), "summary.json": js,
		"summary.md": []byte(c.Table()), "compare.svg": c.SVG()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// compareColors are the controllers' colours in the plot (Tableau 10).
var compareColors = []string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"}

// SVG plots each metric's mean per controller as a bar with its 95 %
// confidence interval as a whisker, one panel per metric.
func (c *Comparison) SVG() []byte {
	const panelW, panelH, top, left = 230.0, 220.0, 60.0, 20.0
	n := len(compareMetrics)
	w := left + float64(n)*panelW + 10
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="11">`+"\n", w, top+panelH+50)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><text x="%.0f" y="20" font-size="14">%s, seeds %d..%d: mean and 95 %% CI per controller</text>`+"\n",
		left, xmlEscape(c.Scenario), c.SeedFrom, c.SeedTo)
	for i, s := range c.Controllers {
		fmt.Fprintf(&b, `<rect x="%.0f" y="32" width="10" height="10" fill="%s"/><text x="%.0f" y="41">%s (%d/%d passed)</text>`+"\n",
			left+float64(i)*220, compareColors[i%len(compareColors)], left+float64(i)*220+14, xmlEscape(s.Controller), s.Passed, s.Runs)
	}
	for m, cm := range compareMetrics {
		x0 := left + float64(m)*panelW
		hi := 0.0
		for _, s := range c.Controllers {
			st := s.Metrics[cm.Name]
			if st.N > 0 {
				hi = math.Max(hi, math.Max(st.Hi, st.Mean))
			}
		}
		if hi <= 0 {
			hi = 1
		}
		ph := panelH - 30
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" fill="none" stroke="#ccc"/>`+"\n", x0+30, top, panelW-45, ph)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%.3g</text><text x="%.0f" y="%.0f">0</text>`+"\n", x0, top+10, hi*1.1, x0+20, top+ph)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s</text>`+"\n", x0+30, top+panelH-5, xmlEscape(metricLabel(cm.Name, cm.Unit, c.trackingUnit())))
		bw := (panelW - 45) / float64(len(c.Controllers)+1)
		for i, s := range c.Controllers {
			st := s.Metrics[cm.Name]
			if st.N == 0 {
				continue
			}
			y := func(v float64) float64 { return top + ph - math.Max(v, 0)/(hi*1.1)*ph }
			bx := x0 + 30 + bw*(float64(i)+0.5)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", bx, y(st.Mean), bw*0.8, top+ph-y(st.Mean), compareColors[i%len(compareColors)])
			cx := bx + bw*0.4
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="black"/><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="black"/><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="black"/>`+"\n",
				cx, y(st.Lo), cx, y(st.Hi), cx-4, y(st.Lo), cx+4, y(st.Lo), cx-4, y(st.Hi), cx+4, y(st.Hi))
		}
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}
