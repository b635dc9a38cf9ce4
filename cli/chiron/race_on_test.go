//go:build race

package chiron

// raceEnabled reports whether the race detector is on: it slows the
// simulated plant several-fold, so real-time tests run less of it.
const raceEnabled = true
