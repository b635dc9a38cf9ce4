package hub

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
	"github.com/chiron-robotics/chiron/rehab/store"
)

// TestPatientBundle: sessions overlapping the period, each resource once,
// deterministic; bad periods and unknown patients are errors.
func TestPatientBundle(t *testing.T) {
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	var now time.Time
	st, err := store.Open(ctx, hubDSN(t), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, p := range []string{"P-1", "P-2"} {
		if err := st.CreatePatient(ctx, testPatient(p)); err != nil {
			t.Fatal(err)
		}
	}
	// P-1: sessions started on days 1, 5, 9 (each ending an hour later),
	// one on day 5 never started; P-2 one on day 5.
	for _, s := range []struct {
		id, patient string
		day         int
		start       bool
	}{{"S-1", "P-1", 1, true}, {"S-5", "P-1", 5, true}, {"S-5x", "P-1", 5, false}, {"S-9", "P-1", 9, true}, {"S-other", "P-2", 5, true}} {
		now = day(s.day)
		if err := st.CreateSession(ctx, testSession(s.id, s.patient)); err != nil {
			t.Fatal(err)
		}
		if !s.start {
			continue
		}
		if _, err := st.Transition(ctx, s.id, rehab.StatusRunning); err != nil {
			t.Fatal(err)
		}
		if err := st.AppendSamples(ctx, s.id, testSamples(300, 0)); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		if _, err := st.Transition(ctx, s.id, rehab.StatusCompleted); err != nil {
			t.Fatal(err)
		}
	}
	stamp := day(20)
	for _, tc := range []struct {
		name     string
		from, to time.Time
		procs    int
	}{
		{"all", day(1), day(10), 3},
		{"one", day(4), day(6), 1},
		{"overlapping the end of S-1", day(1).Add(30 * time.Minute), day(2), 1},
		{"right after S-9 ended", day(9).Add(time.Hour + time.Nanosecond), day(12), 0},
		{"up to S-5's start", day(2), day(5), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := PatientBundle(ctx, st, "P-1", tc.from, tc.to, stamp)
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			urls := map[string]bool{}
			for _, e := range b.Entry {
				kinds[e.Resource["resourceType"].(string)]++
				if urls[e.FullURL] {
					t.Errorf("entry %s twice", e.FullURL)
				}
				urls[e.FullURL] = true
			}
			if kinds["Procedure"] != tc.procs {
				t.Errorf("%d procedures, want %d", kinds["Procedure"], tc.procs)
			}
			if tc.procs > 0 && (kinds["Patient"] != 1 || kinds["Device"] != 1 || kinds["Observation"] != 2*tc.procs) {
				t.Errorf("entries %v, want one Patient, one Device, two Observations per procedure", kinds)
			}
			if b.ResourceType != "Bundle" || b.Type != "collection" || b.Timestamp != "2026-03-20T09:00:00Z" {
				t.Errorf("bundle header %q %q %q", b.ResourceType, b.Type, b.Timestamp)
			}
			js, _ := json.Marshal(b)
			if strings.Contains(string(js), "P-2") {
				t.Error("another patient's records in the bundle")
			}
			again, _ := PatientBundle(ctx, st, "P-1", tc.from, tc.to, stamp)
			if js2, _ := json.Marshal(again); string(js2) != string(js) {
				t.Error("two exports of the same period differ")
			}
		})
	}
	for _, tc := range []struct {
		name     string
		patient  string
		from, to time.Time
		want     string
	}{
		{"no from", "P-1", time.Time{}, day(2), "from"},
		{"no to", "P-1", day(1), time.Time{}, "to"},
		{"empty period", "P-1", day(2), day(2), "not after"},
		{"unknown patient", "P-9", day(1), day(2), "not found"},
	} {
		_, err := PatientBundle(ctx, st, tc.patient, tc.from, tc.to, stamp)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := PatientBundle(ctx, st, "P-9", day(1), day(2), stamp); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown patient: %v, want ErrNotFound", err)
	}
}
