package control

import "sync/atomic"

// tripleBuffer passes the latest value of T from one writer to one reader
// without locks and without copying on the reader's side. It holds three
// preallocated values: the writer owns one (back), the reader owns one
// (front), and the third (middle) is exchanged with an atomic swap. Each value
// is owned by exactly one side at any time, so there is no data race and
// neither side ever waits for the other: a slow reader only misses
// intermediate values (latest-value semantics, which is what both setpoints
// and state snapshots want).
//
// Exactly one goroutine may write and exactly one may read at a time; callers
// with several writers or readers serialise them on their own side (the
// real-time side is always alone on its side, so it never takes a lock).
type tripleBuffer[T any] struct {
	bufs [3]T
	// mid is the index of the middle value, with fresh set when the writer
	// has published into it since the reader last took it.
	mid   atomic.Uint32
	back  uint32 // owned by the writer
	front uint32 // owned by the reader
}

const tbFresh = 1 << 2

// init sets the initial ownership; alloc prepares each of the three values.
func (t *tripleBuffer[T]) init(alloc func(*T)) {
	for i := range t.bufs {
		alloc(&t.bufs[i])
	}
	t.front, t.back = 0, 2
	t.mid.Store(1)
}

// writable returns the writer's value; it stays the writer's until publish.
func (t *tripleBuffer[T]) writable() *T { return &t.bufs[t.back] }

// publish hands the written value to the reader and takes the middle one back.
func (t *tripleBuffer[T]) publish() {
	old := t.mid.Swap(t.back | tbFresh)
	t.back = old &^ tbFresh
}

// latest returns the newest published value and whether it is new since the
// previous call. The pointer stays valid (and unchanged) until the next call.
func (t *tripleBuffer[T]) latest() (*T, bool) {
	if t.mid.Load()&tbFresh == 0 {
		return &t.bufs[t.front], false
	}
	old := t.mid.Swap(t.front)
	t.front = old &^ tbFresh
	return &t.bufs[t.front], true
}
