package teleop

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkCommandLatency measures, over loopback, the time from an
// operator's client writing a /teleop/command to the robot receiving the
// resulting setpoint, while 50 viewers are subscribed to every telemetry
// channel at 100 Hz. It reports the p50 and p99 in µs.
func BenchmarkCommandLatency(b *testing.B) {
	e := newEnv(b, func(o *Options) { o.Now = time.Now; o.TelemetryRate = 100 })
	topics := allTopics("/psm")
	for range 50 {
		v := e.dial(tokViewer, true, nil)
		for i, topic := range topics {
			v.subscribe(uint32(i), topic)
		}
		go func() { // a well-behaved viewer: reads and discards
			for {
				if _, _, err := v.c.ReadMessage(); err != nil {
					return
				}
			}
		}()
	}
	op := e.operator(tokOperator)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		seq := i + 1
		start := time.Now()
		op.publish(cidCommand, cmdJSON(seq, true, 0.1))
		e.waitCmd(fmt.Sprint("command ", seq), func(c Command) bool { return c.Seq == uint64(seq) })
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / float64(time.Microsecond) }
	b.ReportMetric(q(0.5), "p50-µs")
	b.ReportMetric(q(0.9), "p90-µs")
	b.ReportMetric(q(0.99), "p99-µs")
	var dropped uint64
	for _, cs := range e.srv.Clients() {
		dropped += cs.Dropped
	}
	b.ReportMetric(float64(dropped), "viewer-drops")
}
