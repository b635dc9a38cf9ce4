package control

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestMailboxHammer posts from several writers while the reader polls; every
// setpoint the reader sees must be one a writer posted, whole (no mix of two
// posts), and newer than the previous one.
func TestMailboxHammer(t *testing.T) {
	const writers, posts, n = 4, 5000, 7
	m := NewMailbox(n)
	var done atomic.Bool
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sp := NewSetpoint(n)
			for k := 1; k <= posts; k++ {
				v := float64(w*1_000_000 + k)
				for i := range sp.Q {
					sp.Q[i], sp.Qd[i], sp.Qdd[i] = v, -v, 2*v
				}
				sp.Position[2], sp.Twist[5], sp.Deadman = v, v, k%2 == 1
				if _, err := m.Post(sp); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); done.Store(true) }()

	var lastSeq uint64
	lastPerWriter := make([]float64, writers)
	seen := 0
	for !done.Load() || seen == 0 {
		sp, fresh := m.Latest()
		if !fresh {
			continue
		}
		seen++
		if sp.Seq <= lastSeq {
			t.Fatalf("seq %d after %d", sp.Seq, lastSeq)
		}
		lastSeq = sp.Seq
		v := sp.Q[0]
		w := int(v) / 1_000_000
		k := int(v) % 1_000_000
		for i := range sp.Q {
			if sp.Q[i] != v || sp.Qd[i] != -v || sp.Qdd[i] != 2*v {
				t.Fatalf("torn setpoint: %v %v %v", sp.Q, sp.Qd, sp.Qdd)
			}
		}
		if sp.Position[2] != v || sp.Twist[5] != v || sp.Deadman != (k%2 == 1) {
			t.Fatalf("torn setpoint: pose %v twist %v deadman %v for %v", sp.Position, sp.Twist, sp.Deadman, v)
		}
		if v <= lastPerWriter[w] {
			t.Fatalf("writer %d went back from %v to %v", w, lastPerWriter[w], v)
		}
		lastPerWriter[w] = v
	}
	// After all writers finished the reader must see the very last post.
	sp, _ := m.Latest()
	if sp.Seq != writers*posts {
		t.Fatalf("final seq %d, want %d", sp.Seq, writers*posts)
	}
	if _, err := m.Post(NewSetpoint(n + 1)); err == nil {
		t.Fatal("setpoint of the wrong size accepted")
	}
}

// TestSnapshotHammer steps the loop while several readers copy snapshots out;
// every snapshot must be one whole cycle.
func TestSnapshotHammer(t *testing.T) {
	r := newRig(t, 7, nil)
	const cycles = 20000
	var done atomic.Bool
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := r.loop.NewSnapshot()
			var last uint64
			var events []Event
			for !done.Load() {
				r.loop.Snapshot(s)
				if s.Cycle < last {
					t.Errorf("cycle went back from %d to %d", last, s.Cycle)
					return
				}
				last = s.Cycle
				if s.Cycle == 0 {
					continue
				}
				if s.Now != time.Duration(s.Cycle)*testPeriod {
					t.Errorf("cycle %d at %v", s.Cycle, s.Now)
					return
				}
				for i := range s.Joints {
					if s.Joints[i].Stamp != s.Now {
						t.Errorf("joint %d stamped %v in the snapshot of %v", i, s.Joints[i].Stamp, s.Now)
						return
					}
				}
				events = s.Events(events[:0])
				for k := 1; k < len(events); k++ {
					if events[k].Seq != events[k-1].Seq+1 {
						t.Errorf("events out of order: %v", events)
						return
					}
				}
			}
		}()
	}
	for k := range cycles {
		// Refused requests produce events for the readers; alternating
		// them keeps consecutive events distinct (identical ones collapse).
		switch k % 2000 {
		case 0:
			r.sup.Resume()
		case 1000:
			r.sup.Reset()
		}
		r.steps(1)
	}
	done.Store(true)
	wg.Wait()
	s := r.snapshot()
	if s.Cycle != cycles || s.Timing.Cycles != cycles || s.EventsTotal() != cycles/1000 {
		t.Fatalf("cycle %d timing cycles %d events %d", s.Cycle, s.Timing.Cycles, s.EventsTotal())
	}
}

// TestSnapshotCycle: SnapshotCycle copies the same cycle Snapshot does and
// leaves the timing figures as they were, which Timing().CopyTo fills.
func TestSnapshotCycle(t *testing.T) {
	r := newRig(t, 7, nil)
	r.steps(250)
	full, cyc := r.loop.NewSnapshot(), r.loop.NewSnapshot()
	r.loop.Snapshot(full)
	r.loop.SnapshotCycle(cyc)
	if cyc.Cycle != 250 || cyc.Now != full.Now || cyc.State != full.State || len(cyc.Joints) != len(full.Joints) {
		t.Fatalf("SnapshotCycle: cycle %d at %v %v, Snapshot: cycle %d at %v %v", cyc.Cycle, cyc.Now, cyc.State, full.Cycle, full.Now, full.State)
	}
	for i := range full.Joints {
		if cyc.Joints[i] != full.Joints[i] {
			t.Errorf("joint %d: %+v, Snapshot %+v", i, cyc.Joints[i], full.Joints[i])
		}
	}
	if cyc.Timing.Cycles != 0 || full.Timing.Cycles != 250 {
		t.Errorf("timing cycles: SnapshotCycle %d (want untouched, 0), Snapshot %d", cyc.Timing.Cycles, full.Timing.Cycles)
	}
	r.loop.Timing().CopyTo(&cyc.Timing)
	if cyc.Timing.Cycles != 250 {
		t.Errorf("Timing().CopyTo: %d cycles", cyc.Timing.Cycles)
	}
}
