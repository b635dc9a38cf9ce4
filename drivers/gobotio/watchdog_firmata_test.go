//go:build linux

package gobotio

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/drivers/gobotio/firmatatest"
	"github.com/chiron-robotics/chiron/drivers/serialport"
)

func TestWatchdogOutputConfigRefused(t *testing.T) {
	for _, tc := range []struct {
		cfg  WatchdogOutputConfig
		want string
	}{
		{WatchdogOutputConfig{Pin: 1, FeedbackPin: -1}, "D0 and D1"},
		{WatchdogOutputConfig{Pin: 20, FeedbackPin: -1}, "D2–D19"},
		{WatchdogOutputConfig{Pin: 7, FeedbackPin: 6}, "another port"},
		{WatchdogOutputConfig{Pin: 7, FeedbackPin: 0}, "feedback pin D0"},
	} {
		_, err := OpenWatchdogOutput("/dev/ttyACM1", tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want an error saying %q", tc.cfg, err, tc.want)
		}
	}
}

// TestWatchdogOutputOnFirmata drives a watchdog relay's trigger on D7 of a
// StandardFirmata board and reads its feedback contact on D8: every Set
// reaches the pin as the relay sees it, and the feedback follows the
// contact, reading open once the board's link is gone.
func TestWatchdogOutputOnFirmata(t *testing.T) {
	host, dev := serialport.Pipe()
	board := firmatatest.NewBoard(dev)
	edges := make(chan [2]int, 64)
	board.OnOutput(func(pin, level int) { edges <- [2]int{pin, level} })
	w, err := OpenWatchdogOutput("/dev/ttyACM1", WatchdogOutputConfig{Pin: 7, FeedbackPin: 8,
		FeedbackTimeout: 100 * time.Millisecond,
		Open:            func(string) (io.ReadWriteCloser, error) { return host, nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		w.Close()
		dev.Close()
		<-board.Done()
	}()
	for k, level := range []bool{true, false, true, false} {
		if err := w.Set(level); err != nil {
			t.Fatal(err)
		}
		want := [2]int{7, 0}
		if level {
			want[1] = 1
		}
		select {
		case e := <-edges:
			if e != want {
				t.Fatalf("Set #%d: the board saw %v, want %v", k, e, want)
			}
		case <-time.After(failAfter):
			t.Fatalf("Set #%d: no edge reached the board", k)
		}
	}
	waitFeedback := func(want bool) {
		t.Helper()
		for deadline := time.Now().Add(failAfter); w.Closed() != want; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("feedback never read closed=%v", want)
			}
		}
	}
	waitFeedback(false)
	board.Set(8, 1)
	waitFeedback(true)
	board.Set(8, 0)
	waitFeedback(false)
	board.Set(8, 1)
	waitFeedback(true)
	board.Mute(true) // a hung board: its feedback cannot be trusted
	waitFeedback(false)
	board.Mute(false) // back, the relay still closed: it reads closed again
	waitFeedback(true)
}
