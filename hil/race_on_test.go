//go:build race

package hil

const raceEnabled = true
