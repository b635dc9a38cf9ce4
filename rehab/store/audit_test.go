package store

import (
	"context"
	"testing"
	"time"
)

func TestAuditLog(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		{
			ctx := context.Background()
			t0 := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
			now := t0
			s := open(t, dsn, Options{Now: func() time.Time { return now }})
			if _, err := s.Audit(ctx, AuditEntry{Action: "export-fhir"}); err == nil {
				t.Error("an entry without an actor accepted")
			}
			for i, a := range []string{"export-fhir", "refused", "export-fhir"} {
				now = t0.Add(time.Duration(i) * time.Minute)
				if _, err := s.Audit(ctx, AuditEntry{Actor: "dr-ruiz", Action: a, Subject: "patient P-1", Detail: "period …"}); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.AuditLog(ctx, t0.Add(30*time.Second), t0.Add(3*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Action != "refused" || !got[0].At.Equal(t0.Add(time.Minute)) || got[1].ID == got[0].ID {
				t.Fatalf("log %+v", got)
			}
		}
	})
}
