package store

import (
	"path/filepath"
	"testing"
)

// BenchmarkAppendSamples commits one 1-s batch at 1 kHz (1000 samples of
// two joints) per iteration; samples/s is the store's sustained rate.
func BenchmarkAppendSamples(b *testing.B) {
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			dsn := filepath.Join(b.TempDir(), "bench.db")
			if name == "postgres" {
				dsn = benchPostgresDSN(b)
			}
			s, err := Open(b.Context(), dsn, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			s.CreatePatient(b.Context(), patient("P-1"))
			sess := newSessionB(b, s)
			batch := samples(1000, 0, 0.001)
			b.ResetTimer()
			for b.Loop() {
				if err := s.AppendSamples(b.Context(), sess, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*len(batch))/b.Elapsed().Seconds(), "samples/s")
		})
	}
}
