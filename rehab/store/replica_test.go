package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/rehab"
)

// TestReplicaExactlyOnce replicates a device's records to a hub batch by
// batch, replaying every batch (a lost acknowledgement) and acknowledging
// some only after a second send, and checks the hub ends with exactly the
// device's rows.
func TestReplicaExactlyOnce(t *testing.T) {
	backends(t, func(t *testing.T, hubDSN string) {
		ctx := t.Context()
		clk := time.Unix(1_700_000_000, 0)
		dev := open(t, filepath.Join(t.TempDir(), "dev.db"), Options{Now: func() time.Time { clk = clk.Add(time.Millisecond); return clk }})
		hub := open(t, hubDSN, Options{})
		if err := dev.CreatePatient(ctx, patient("P-1")); err != nil {
			t.Fatal(err)
		}
		newSession(t, dev, "S-1", "exo")
		newSession(t, dev, "S-2", "exo")
		if _, err := dev.Transition(ctx, "S-1", rehab.StatusRunning); err != nil {
			t.Fatal(err)
		}
		sent := 0
		for round := range 8 {
			if round < 5 {
				if err := dev.AppendSamples(ctx, "S-1", samples(70, float64(round), 0.01)); err != nil {
					t.Fatal(err)
				}
			}
			if round == 3 {
				if _, err := dev.Transition(ctx, "S-1", rehab.StatusCompleted); err != nil {
					t.Fatal(err)
				}
			}
			b, err := dev.PendingReplica(ctx, "hub", 50)
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Samples) > 50 {
				t.Fatalf("round %d: %d samples in a batch of at most 50", round, len(b.Samples))
			}
			// Every batch twice: the hub committed but the device never
			// heard (kill -9 between the two commits).
			for range 2 {
				if err := hub.ApplyReplica(ctx, "dev-1", &b); err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
			}
			if err := dev.AckReplica(ctx, "hub", &b); err != nil {
				t.Fatal(err)
			}
			sent += len(b.Samples)
		}
		for b, err := dev.PendingReplica(ctx, "hub", 50); !b.Empty() || err != nil; b, err = dev.PendingReplica(ctx, "hub", 50) {
			if err != nil {
				t.Fatal(err)
			}
			if err := hub.ApplyReplica(ctx, "dev-1", &b); err != nil {
				t.Fatal(err)
			}
			if err := dev.AckReplica(ctx, "hub", &b); err != nil {
				t.Fatal(err)
			}
			sent += len(b.Samples)
		}
		if sent != 350 {
			t.Errorf("sent %d samples, want 350 (each once)", sent)
		}
		compareStores(t, dev, hub)
		got, err := hub.GetSession(ctx, "S-1")
		if err != nil || got.Status != rehab.StatusCompleted {
			t.Fatalf("hub session S-1: %v, %v", got.Status, err)
		}
	})
}

// compareStores fails t unless hub holds exactly dev's sessions and samples.
func compareStores(t *testing.T, dev, hub *Store) {
	t.Helper()
	ctx := t.Context()
	ds, err := dev.ReplicaSessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hs, err := hub.ReplicaSessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ds, hs) {
		t.Fatalf("sessions differ:\ndevice %+v\nhub    %+v", ds, hs)
	}
	for _, s := range ds {
		a, _ := dev.ReplicaSamples(ctx, s.ID)
		b, _ := hub.ReplicaSamples(ctx, s.ID)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("session %s: device %d samples, hub %d, or contents differ", s.ID, len(a), len(b))
		}
	}
}

// TestApplyReplicaRefuses: status never backwards, another device's
// records, gaps and malformed batches.
func TestApplyReplicaRefuses(t *testing.T) {
	backends(t, func(t *testing.T, hubDSN string) {
		ctx := t.Context()
		dev := open(t, filepath.Join(t.TempDir(), "dev.db"), Options{})
		hub := open(t, hubDSN, Options{})
		if err := dev.CreatePatient(ctx, patient("P-1")); err != nil {
			t.Fatal(err)
		}
		newSession(t, dev, "S-1", "exo")
		if err := dev.AppendSamples(ctx, "S-1", samples(10, 0, 0.01)); err != nil {
			t.Fatal(err)
		}
		full, err := dev.PendingReplica(ctx, "hub", 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := hub.ApplyReplica(ctx, "dev-1", &full); err != nil {
			t.Fatal(err)
		}
		// The session moves on to completed on the hub; an older row
		// (created) arriving late must not move it back.
		done := full
		done.Sessions = []SessionRecord{full.Sessions[0]}
		done.Sessions[0].Status, done.Sessions[0].UpdatedAt = "completed", full.Sessions[0].UpdatedAt+10
		done.Samples, done.Patients = nil, nil
		if err := hub.ApplyReplica(ctx, "dev-1", &done); err != nil {
			t.Fatal(err)
		}
		back := done
		back.Sessions = []SessionRecord{done.Sessions[0]}
		back.Sessions[0].Status, back.Sessions[0].UpdatedAt = "running", done.Sessions[0].UpdatedAt+10
		if err := hub.ApplyReplica(ctx, "dev-1", &back); err != nil {
			t.Fatal(err)
		}
		if s, _ := hub.GetSession(ctx, "S-1"); s.Status != rehab.StatusCompleted {
			t.Errorf("status moved backwards to %s", s.Status)
		}

		mutate := func(f func(b *ReplicaBatch)) ReplicaBatch {
			b := ReplicaBatch{
				Patients: append([]PatientRecord(nil), full.Patients...),
				Sessions: append([]SessionRecord(nil), full.Sessions...),
				Samples:  append([]SampleRecord(nil), full.Samples...),
			}
			f(&b)
			return b
		}
		for _, tc := range []struct {
			name   string
			device string
			batch  ReplicaBatch
			is     error
			field  string
		}{
			{"another device's session", "dev-2", mutate(func(b *ReplicaBatch) { b.Patients = nil }), ErrReplicaOwner, ""},
			{"another device's patient", "dev-2", mutate(func(b *ReplicaBatch) { b.Sessions, b.Samples = nil, nil }), ErrReplicaOwner, ""},
			{"gap", "dev-1", mutate(func(b *ReplicaBatch) {
				b.Samples = b.Samples[:1]
				b.Samples[0].Seq = 20
			}), ErrReplicaGap, ""},
			{"bad device", "", full, nil, "device"},
			{"sample of no session in the batch", "dev-1", mutate(func(b *ReplicaBatch) { b.Sessions = nil }), nil, "samples[0].session_id"},
			{"short q", "dev-1", mutate(func(b *ReplicaBatch) { b.Samples[3].Q = b.Samples[3].Q[:8] }), nil, "samples[3].q"},
			{"non-contiguous", "dev-1", mutate(func(b *ReplicaBatch) { b.Samples = append(b.Samples[:2], b.Samples[3:]...) }), nil, "samples[2].seq"},
			{"unknown status", "dev-1", mutate(func(b *ReplicaBatch) { b.Sessions[0].Status = "flying" }), nil, "sessions[0].status"},
			{"bad patient", "dev-1", mutate(func(b *ReplicaBatch) { b.Patients[0].Mass = -1 }), nil, "patients[0].mass"},
			{"bad limits", "dev-1", mutate(func(b *ReplicaBatch) { b.Patients[0].JointLimits = "{" }), nil, "patients[0].joint_limits"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before, _ := hub.SampleCount(ctx, "")
				err := hub.ApplyReplica(ctx, tc.device, &tc.batch)
				if err == nil {
					t.Fatal("accepted")
				}
				if tc.is != nil && !errors.Is(err, tc.is) {
					t.Errorf("error %v, want %v", err, tc.is)
				}
				var fe *rehab.FieldError
				if tc.field != "" && (!errors.As(err, &fe) || !strings.HasPrefix(fe.Field, tc.field)) {
					t.Errorf("error %v does not name field %s", err, tc.field)
				}
				if after, _ := hub.SampleCount(ctx, ""); after != before {
					t.Errorf("refused batch wrote samples: %d → %d", before, after)
				}
			})
		}
		var gap *GapError
		b := mutate(func(b *ReplicaBatch) { b.Samples = b.Samples[:1]; b.Samples[0].Seq = 20 })
		if err := hub.ApplyReplica(ctx, "dev-1", &b); !errors.As(err, &gap) || gap.Have != 10 || gap.From != 20 {
			t.Errorf("gap error %v, want have 10 from 20", err)
		}
	})
}

// TestResetReplicaCursor: after a gap the device resends from the hub's end.
func TestResetReplicaCursor(t *testing.T) {
	ctx := t.Context()
	dev := open(t, filepath.Join(t.TempDir(), "dev.db"), Options{})
	if err := dev.CreatePatient(ctx, patient("P-1")); err != nil {
		t.Fatal(err)
	}
	newSession(t, dev, "S-1", "exo")
	if err := dev.AppendSamples(ctx, "S-1", samples(30, 0, 0.01)); err != nil {
		t.Fatal(err)
	}
	b, _ := dev.PendingReplica(ctx, "hub", 0)
	if err := dev.AckReplica(ctx, "hub", &b); err != nil {
		t.Fatal(err)
	}
	if b, _ := dev.PendingReplica(ctx, "hub", 0); !b.Empty() {
		t.Fatalf("pending after ack: %+v", b)
	}
	if err := dev.ResetReplicaCursor(ctx, "hub", "S-1", 12); err != nil {
		t.Fatal(err)
	}
	b, _ = dev.PendingReplica(ctx, "hub", 0)
	if len(b.Sessions) != 1 || len(b.Samples) != 18 || b.Samples[0].Seq != 12 {
		t.Fatalf("after reset to 12: %d sessions, %d samples", len(b.Sessions), len(b.Samples))
	}
	if err := dev.ResetReplicaCursor(ctx, "hub", "S-1", -1); err == nil {
		t.Error("negative cursor accepted")
	}
}
