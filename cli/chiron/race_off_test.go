//go:build !race

package chiron

const raceEnabled = false
