package hil

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"
)

// Param is one swept scenario field: the YAML path (dot-separated, list
// indexes as numbers: "gains.kp.0", "faults.0.from", "safety.tracking_error")
// and its values.
type Param struct {
	Path   string
	Values []string
}

// ParseParam parses PATH=FROM:TO:STEPS. FROM and TO are numbers or
// durations ("100ms:1s:10"); STEPS ≥ 1 values are spread evenly, ends
// included.
func ParseParam(s string) (Param, error) {
	path, rng, ok := strings.Cut(s, "=")
	if !ok || path == "" {
		return Param{}, fmt.Errorf("--param %q: want PATH=FROM:TO:STEPS", s)
	}
	f := strings.Split(rng, ":")
	if len(f) != 3 {
		return Param{}, fmt.Errorf("--param %q: want PATH=FROM:TO:STEPS", s)
	}
	steps, err := strconv.Atoi(f[2])
	if err != nil || steps < 1 {
		return Param{}, fmt.Errorf("--param %q: STEPS %q must be an integer ≥ 1", s, f[2])
	}
	p := Param{Path: path}
	lerp := func(a, b float64, k int) float64 {
		if steps == 1 {
			return a
		}
		return a + (b-a)*float64(k)/float64(steps-1)
	}
	a, errA := strconv.ParseFloat(f[0], 64)
	b, errB := strconv.ParseFloat(f[1], 64)
	if errA == nil && errB == nil {
		for k := range steps {
			p.Values = append(p.Values, strconv.FormatFloat(lerp(a, b, k), 'g', 8, 64))
		}
		return p, nil
	}
	da, errA := time.ParseDuration(f[0])
	db, errB := time.ParseDuration(f[1])
	if errA != nil || errB != nil {
		return Param{}, fmt.Errorf("--param %q: FROM and TO must both be numbers or both durations", s)
	}
	for k := range steps {
		p.Values = append(p.Values, time.Duration(math.Round(lerp(float64(da), float64(db), k))).String())
	}
	return p, nil
}

// ParseSeeds parses "A..B" (inclusive) or a single seed.
func ParseSeeds(s string) (from, to uint64, err error) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		b = a
	}
	if from, err = strconv.ParseUint(a, 10, 64); err != nil {
		return 0, 0, fmt.Errorf("--seeds %q: want A..B", s)
	}
	if to, err = strconv.ParseUint(b, 10, 64); err != nil || to < from {
		return 0, 0, fmt.Errorf("--seeds %q: want A..B with A ≤ B", s)
	}
	return from, to, nil
}

// ParseShard parses "I/N" with 0 ≤ I < N.
func ParseShard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		i, err = strconv.Atoi(a)
		if err == nil {
			n, err = strconv.Atoi(b)
		}
	}
	if !ok || err != nil || n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("--shard %q: want I/N with 0 ≤ I < N", s)
	}
	return i, n, nil
}

// SweepConfig configures a sweep.
type SweepConfig struct {
	File             string // scenario file
	Params           []Param
	SeedFrom, SeedTo uint64
	Shard, Shards    int // this shard's index and the shard count (1 = all)
	Jobs             int // concurrent runs; 0 = 1
	Progress         io.Writer
}

// SweepRow is one run's line in the results table.
type SweepRow struct {
	Index  int
	Params []string
	Seed   uint64
	Report *Report
	Err    error
}

// SweepRuns returns the number of runs of the full grid (every shard).
func (c *SweepConfig) SweepRuns() int {
	n := int(c.SeedTo - c.SeedFrom + 1)
	for _, p := range c.Params {
		n *= len(p.Values)
	}
	return n
}

// Sweep runs this shard's part of the grid (params × seeds, seeds
// varying fastest; run index k belongs to shard k mod Shards), calling
// emit for each finished run in index order.
func Sweep(ctx context.Context, c SweepConfig, emit func(SweepRow) error) error {
	base, err := os.ReadFile(c.File)
	if err != nil {
		return err
	}
	if c.Shards < 1 {
		c.Shards = 1
	}
	if c.Jobs < 1 {
		c.Jobs = 1
	}
	var mine []int
	for k := range c.SweepRuns() {
		if k%c.Shards == c.Shard {
			mine = append(mine, k)
		}
	}
	nSeeds := int(c.SeedTo - c.SeedFrom + 1)
	rowFor := func(k int) (SweepRow, []byte, error) {
		row := SweepRow{Index: k, Seed: c.SeedFrom + uint64(k%nSeeds)}
		rest := k / nSeeds
		data := base
		for i := len(c.Params) - 1; i >= 0; i-- {
			p := c.Params[i]
			v := p.Values[rest%len(p.Values)]
			rest /= len(p.Values)
			row.Params = append([]string{v}, row.Params...)
			var err error
			if data, err = setYAML(data, p.Path, v); err != nil {
				return row, nil, err
			}
		}
		return row, data, nil
	}
	// Validate every grid point's document before running anything.
	for _, k := range mine[:min(len(mine), 1)] {
		_, data, err := rowFor(k)
		if err != nil {
			return &ScenarioError{File: c.File, Err: err}
		}
		if _, err := ParseScenario(data, c.File); err != nil {
			return err
		}
	}
	results := make([]SweepRow, len(mine))
	done := make([]bool, len(mine))
	var mu sync.Mutex
	next, emitted := 0, 0
	var emitErr error
	work := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range c.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				row, data, err := rowFor(mine[j])
				if err == nil {
					var s *Scenario
					if s, err = ParseScenario(data, c.File); err == nil {
						seed := row.Seed
						row.Report, err = RunScenario(ctx, s, RunOptions{Seed: &seed})
					}
				}
				row.Err = err
				mu.Lock()
				results[j], done[j] = row, true
				for emitted < len(mine) && done[emitted] && emitErr == nil {
					emitErr = emit(results[emitted])
					results[emitted] = SweepRow{}
					emitted++
				}
				if c.Progress != nil {
					progress(c.Progress, emitted, len(mine), time.Since(start))
				}
				mu.Unlock()
			}
		}()
	}
	for next < len(mine) && ctx.Err() == nil {
		mu.Lock()
		stop := emitErr != nil
		mu.Unlock()
		if stop {
			break
		}
		work <- next
		next++
	}
	close(work)
	wg.Wait()
	if c.Progress != nil {
		fmt.Fprintln(c.Progress)
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

func progress(w io.Writer, done, total int, el time.Duration) {
	const width = 40
	k := width * done / max(total, 1)
	eta := ""
	if done > 0 && done < total {
		eta = fmt.Sprintf(" eta %v", (el * time.Duration(total-done) / time.Duration(done)).Round(time.Second))
	}
	fmt.Fprintf(w, "\r[%s%s] %d/%d %v%s   ", strings.Repeat("=", k), strings.Repeat(" ", width-k), done, total, el.Round(time.Second), eta)
}

// setYAML sets the value at a dot path in a YAML document.
func setYAML(data []byte, path, value string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("--param %s: empty scenario", path)
	}
	n := doc.Content[0]
	parts := strings.Split(path, ".")
	for i, part := range parts {
		last := i == len(parts)-1
		switch n.Kind {
		case yaml.MappingNode:
			var child *yaml.Node
			for k := 0; k+1 < len(n.Content); k += 2 {
				if n.Content[k].Value == part {
					child = n.Content[k+1]
				}
			}
			if child == nil {
				kind := yaml.MappingNode
				if last {
					kind = yaml.ScalarNode
				} else if _, err := strconv.Atoi(parts[i+1]); err == nil {
					return nil, fmt.Errorf("--param %s: %s is not in the scenario", path, strings.Join(parts[:i+1], "."))
				}
				child = &yaml.Node{Kind: kind, Tag: "!!map"}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: part}, child)
			}
			n = child
		case yaml.SequenceNode:
			k, err := strconv.Atoi(part)
			if err != nil || k < 0 || k >= len(n.Content) {
				return nil, fmt.Errorf("--param %s: %q is not an index of %s (length %d)", path, part, strings.Join(parts[:i], "."), len(n.Content))
			}
			n = n.Content[k]
		default:
			return nil, fmt.Errorf("--param %s: %s is a value, not a map or list", path, strings.Join(parts[:i], "."))
		}
	}
	if n.Kind != yaml.ScalarNode {
		return nil, fmt.Errorf("--param %s: not a single value", path)
	}
	n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "", value, 0
	return encodeYAML(&doc)
}

// encodeYAML encodes an edited scenario document.
func encodeYAML(doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	enc.Close()
	return b.Bytes(), nil
}

// SweepHeader returns the results table's header.
func SweepHeader(params []Param) []string {
	h := []string{"index"}
	for _, p := range params {
		h = append(h, p.Path)
	}
	return append(h, "seed", "passed", "final_state", "stop_latency_s", "limit_violations",
		"tracking_rms_worst", "sim_seconds", "wall_seconds", "fault_latency_s", "drives_stop_s", "tool_speed_max", "goal_speed_max", "error")
}

// Record returns the row's fields in SweepHeader's order.
func (r SweepRow) Record() []string {
	rec := []string{strconv.Itoa(r.Index)}
	rec = append(rec, r.Params...)
	rec = append(rec, strconv.FormatUint(r.Seed, 10))
	if r.Err != nil || r.Report == nil {
		msg := "no report"
		if r.Err != nil {
			msg = strings.ReplaceAll(r.Err.Error(), "\n", " ")
		}
		return append(rec, "false", "", "", "", "", "", "", "", "", "", "", msg)
	}
	rep := r.Report
	lat := ""
	if rep.StopLatencyS != nil {
		lat = strconv.FormatFloat(*rep.StopLatencyS, 'f', 4, 64)
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 6, 64) }
	opt := func(x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', 4, 64)
	}
	return append(rec, strconv.FormatBool(rep.Passed), rep.FinalState, lat, strconv.Itoa(rep.LimitViolations),
		f(rep.Metrics.TrackingRMSWorst), f(rep.SimSeconds), f(rep.WallSeconds), opt(rep.FaultLatencyS), opt(rep.DrivesStopS),
		f(rep.Metrics.ToolSpeedMax), f(rep.Metrics.GoalSpeedMax), "")
}

// MergeCSV concatenates shard result tables (same header) into w, sorted
// by run index, and returns the merged records (header first).
func MergeCSV(w io.Writer, files []string) ([][]string, error) {
	var header []string
	var rows [][]string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		recs, err := csv.NewReader(bufio.NewReader(fh)).ReadAll()
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if len(recs) == 0 {
			continue
		}
		if header == nil {
			header = recs[0]
		} else if strings.Join(header, ",") != strings.Join(recs[0], ",") {
			return nil, fmt.Errorf("%s: header differs from the first file's: not the same sweep", f)
		}
		rows = append(rows, recs[1:]...)
	}
	if header == nil {
		return nil, fmt.Errorf("no results in %d files", len(files))
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, _ := strconv.Atoi(rows[i][0])
		b, _ := strconv.Atoi(rows[j][0])
		return a < b
	})
	out := append([][]string{header}, rows...)
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(out); err != nil {
		return nil, err
	}
	return out, nil
}

// SummarySVG plots a sweep's results: for each run (x = index) the stop
// latency (fault scenarios) or the worst tracking RMS, green when the run
// passed and red when it failed, with the pass count in the title.
func SummarySVG(records [][]string, title string) []byte {
	if len(records) < 2 {
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`)
	}
	h := records[0]
	col := func(name string) int {
		for i, c := range h {
			if c == name {
				return i
			}
		}
		return -1
	}
	iPass, iLat, iTrk := col("passed"), col("stop_latency_s"), col("tracking_rms_worst")
	metric, label := iLat, "stop latency (s)"
	for _, r := range records[1:] {
		if r[iLat] == "" {
			metric, label = iTrk, "worst tracking RMS"
			break
		}
	}
	type pt struct {
		v    float64
		pass bool
	}
	var pts []pt
	pass := 0
	hi := 0.0
	for _, r := range records[1:] {
		v, _ := strconv.ParseFloat(r[metric], 64)
		p := r[iPass] == "true"
		if p {
			pass++
		}
		pts = append(pts, pt{v, p})
		hi = math.Max(hi, v)
	}
	if hi == 0 {
		hi = 1
	}
	const w, ht, left, top = 900.0, 320.0, 70.0, 40.0
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="11">`+"\n", w, ht)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><text x="%.0f" y="20" font-size="14">%s — %d/%d runs passed; %s per run</text>`+"\n",
		left, xmlEscape(title), pass, len(pts), label)
	pw, ph := w-left-20, ht-top-40
	fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" fill="none" stroke="#ccc"/>`+"\n", left, top, pw, ph)
	fmt.Fprintf(&b, `<text x="4" y="%.0f">%.3g</text><text x="4" y="%.0f">0</text>`+"\n", top+10, hi*1.05, top+ph)
	for i, p := range pts {
		x := left + (float64(i)+0.5)/float64(len(pts))*pw
		y := top + ph - p.v/(hi*1.05)*ph
		color := "#2ca02c"
		if !p.pass {
			color = "#d62728"
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2" fill="%s"/>`+"\n", x, y, color)
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">run index 0 … %d</text>`+"\n</svg>\n", left, ht-12, len(pts)-1)
	return b.Bytes()
}
