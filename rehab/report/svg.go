package report

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/metrics"
)

// Plot geometry, in SVG user units (px).
const (
	plotW    = 720
	panelH   = 180
	marginL  = 60
	marginR  = 20
	marginT  = 28
	marginB  = 30
	panelGap = 16
)

var palette = []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"}

// WriteSVG draws the session: one panel per joint (its anatomical name)
// with its angle (°)
// against time and the prescribed range as a shaded band, and a last
// panel with the assistance level over time. The SVG is self-contained.
func WriteSVG(w io.Writer, r *Report, joints []string, samples []rehab.Sample) error {
	panels := len(joints) + 1
	h := panels*(panelH+panelGap) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`+"\n", plotW, h, plotW, h)
	fmt.Fprintf(&b, "<title>Session %s, patient %s</title>\n", esc(r.SessionID), esc(r.PatientID))
	t0, t1 := 0.0, 1.0
	if len(samples) > 0 {
		t0, t1 = samples[0].T, samples[len(samples)-1].T
		if t1 <= t0 {
			t1 = t0 + 1
		}
	}
	for j, name := range joints {
		series := Downsample(samples, 2*MaxSeriesPoints, func(s *rehab.Sample) float64 {
			if j < len(s.Q) {
				return metrics.Degrees(s.Q[j])
			}
			return 0
		})
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range series {
			lo, hi = math.Min(lo, p.V), math.Max(hi, p.V)
		}
		var band *[2]float64
		for _, jr := range r.Joints {
			if jr.Joint == name && jr.LimitMinDeg != nil {
				band = &[2]float64{*jr.LimitMinDeg, *jr.LimitMaxDeg}
				lo, hi = math.Min(lo, band[0]), math.Max(hi, band[1])
			}
		}
		if math.IsInf(lo, 0) {
			lo, hi = 0, 1
		}
		pad := math.Max((hi-lo)*0.05, 1)
		panel(&b, j, JointLabel(name)+", angle (°)", t0, t1, lo-pad, hi+pad, series, palette[j%len(palette)], band)
	}
	// Assistance as clinicians read it: a percentage.
	pct := make([]Point, len(r.Assistance))
	for i, p := range r.Assistance {
		pct[i] = Point{T: p.T, V: 100 * p.V}
	}
	panel(&b, len(joints), "robot assistance (%)", t0, t1, 0, 100, pct, "#555555", nil)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func esc(s string) string { return html.EscapeString(s) }

func panel(b *strings.Builder, k int, title string, t0, t1, lo, hi float64, series []Point, color string, band *[2]float64) {
	y0 := k*(panelH+panelGap) + 10
	x := func(t float64) float64 { return marginL + (t-t0)/(t1-t0)*(plotW-marginL-marginR) }
	y := func(v float64) float64 {
		return float64(y0+marginT) + (hi-v)/(hi-lo)*float64(panelH-marginT-marginB)
	}
	fmt.Fprintf(b, `<g class="panel" data-panel="%d">`+"\n", k)
	fmt.Fprintf(b, `<text x="%d" y="%d" font-weight="bold">%s</text>`+"\n", marginL, y0+16, esc(title))
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>`+"\n",
		marginL, y0+marginT, plotW-marginL-marginR, panelH-marginT-marginB)
	if band != nil {
		fmt.Fprintf(b, `<rect class="limits" x="%d" y="%.1f" width="%d" height="%.1f" fill="#2ca02c" fill-opacity="0.12"><title>prescribed range %.1f° to %.1f°</title></rect>`+"\n",
			marginL, y(band[1]), plotW-marginL-marginR, y(band[0])-y(band[1]), band[0], band[1])
		for _, v := range band {
			fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#2ca02c" stroke-dasharray="4 3"/>`+"\n",
				marginL, plotW-marginR, y(v), y(v))
		}
	}
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end">%.3g</text>`+"\n", marginL-4, y(v)+4, v)
	}
	for _, t := range []float64{t0, (t0 + t1) / 2, t1} {
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle">%.1f s</text>`+"\n", x(t), y0+panelH-marginB+14, t)
	}
	if len(series) > 0 {
		b.WriteString(`<polyline fill="none" stroke="` + color + `" stroke-width="1.5" points="`)
		for i, p := range series {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(b, "%.1f,%.1f", x(p.T), y(p.V))
		}
		b.WriteString("\"/>\n")
	}
	b.WriteString("</g>\n")
}
