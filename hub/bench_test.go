package hub

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/hub/linksim"
)

// BenchmarkReplicate replicates a session of 10 000 samples (a 6-joint
// exoskeleton's 100 s at 100 Hz) from a device's SQLite to a hub (SQLite,
// or PostgreSQL with CHIRON_TEST_POSTGRES) in the replicator's 1000-sample
// batches, over loopback and through the documented envelope (300 ms RTT,
// 20 ms jitter, 5 % segment loss): samples/s is the catch-up throughput of
// a device back from an outage.
func BenchmarkReplicate(b *testing.B) {
	for _, link := range []struct {
		name string
		cfg  *linksim.Config
	}{{"loopback", nil}, {"300msRTT_5pctLoss", &linksim.Config{Delay: 150 * time.Millisecond, Jitter: 20 * time.Millisecond, Loss: 0.05, Seed: 1}}} {
		b.Run(link.name, func(b *testing.B) {
			ctx := context.Background()
			samples := 0
			var took time.Duration
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				dir := b.TempDir()
				hubSt := openStore(b, filepath.Join(dir, "hub.db"))
				toks := NewTokens()
				toks.Set("dev-1", token("dev-1"))
				srv := httptest.NewServer(NewServer(hubSt, toks, nil))
				url := srv.URL
				var p *linksim.Proxy
				if link.cfg != nil {
					var err error
					if p, err = linksim.New(strings.TrimPrefix(srv.URL, "http://"), *link.cfg); err != nil {
						b.Fatal(err)
					}
					url = "http://" + p.Addr()
				}
				dev := openStore(b, filepath.Join(dir, "dev.db"))
				if err := dev.CreatePatient(ctx, testPatient("P-a")); err != nil {
					b.Fatal(err)
				}
				if err := dev.CreateSession(ctx, testSession(fmt.Sprintf("S-%d", i), "P-a")); err != nil {
					b.Fatal(err)
				}
				for k := range 10 {
					if err := dev.AppendSamples(ctx, fmt.Sprintf("S-%d", i), testSamples(1000, float64(k)*10)); err != nil {
						b.Fatal(err)
					}
				}
				r, err := NewReplicator(ReplicatorConfig{Store: dev, URL: url, Token: token("dev-1")})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				t0 := time.Now()
				for {
					ev, err := r.SyncOnce(ctx)
					if err != nil {
						b.Fatal(err)
					}
					samples += ev.Samples
					if ev.Samples == 0 && ev.Sessions == 0 {
						break
					}
				}
				took += time.Since(t0)
				b.StopTimer()
				if p != nil {
					p.Close()
				}
				srv.Close()
				dev.Close()
				hubSt.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(samples)/took.Seconds(), "samples/s")
		})
	}
}
